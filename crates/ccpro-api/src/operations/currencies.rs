//! The currencies rows of the table (see [`super`]).

use super::*;

/// #16 `GET /api/v1/user/{user}/currencies/{asset?}`.
pub static CURRENCY_LIST: Operation = Operation {
    name: "currency-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/currencies/{asset?}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the coins available to the user, or one asset, with rates and operations.",
    io: Io::json::<ListCurrencies>(),
};

/// #17 `GET /api/v1/user/{user}/currencies/{asset}/history/{period}`.
pub static CURRENCY_HISTORY: Operation = Operation {
    name: "currency-history",
    method: Method::GET,
    path: "/api/v1/user/{user}/currencies/{asset}/history/{period}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists an asset's rates over a period (day, week, month, quarter, semester, year).",
    io: Io::json::<CurrencyHistory>(),
};
