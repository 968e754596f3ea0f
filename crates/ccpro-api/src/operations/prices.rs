//! The prices rows of the table (see [`super`]).

use super::*;

/// #51 `GET /api/v1/user/{user}/price/buy/{from}/{to}`.
pub static PRICE_BUY: Operation = Operation {
    name: "price-buy",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/buy/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices buying one asset with another, from an amount paid or received.",
    io: Io::json::<BuyPrice>(),
};

/// #52 `GET /api/v1/user/{user}/price/sell/{from}/{to}`.
pub static PRICE_SELL: Operation = Operation {
    name: "price-sell",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/sell/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices selling one asset for another, from an amount paid or received.",
    io: Io::json::<SellPrice>(),
};

/// #53 `GET /api/v1/user/{user}/price/withdraw/{from}/{to}`.
pub static PRICE_WITHDRAW: Operation = Operation {
    name: "price-withdraw",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/withdraw/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices a coin withdrawal, from an amount sent or received.",
    io: Io::json::<WithdrawPrice>(),
};

/// #54 `GET /api/v1/user/{user}/price/withdraw-ico/{from}/{to}`.
pub static PRICE_WITHDRAW_ICO: Operation = Operation {
    name: "price-withdraw-ico",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/withdraw-ico/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices an ICO token withdrawal, from an amount sent or received.",
    io: Io::json::<WithdrawIcoPrice>(),
};
