//! The quotes rows of the table (see [`super`]).

use super::*;

/// #47 `POST /api/v1/user/{user}/quote`.
pub static QUOTE_CREATE: Operation = Operation {
    name: "quote-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/quote",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Asks for a quote: a price for a buy, sell or withdrawal, valid for a while.",
    io: Io::json::<crate::api::quotes::CreateQuote>(),
};

/// #48 `GET /api/v1/user/{user}/quote`.
pub static QUOTE_LIST: Operation = Operation {
    name: "quote-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/quote",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's quotes, optionally by status, operation and asset.",
    io: Io::json::<crate::api::quotes::ListQuotes>(),
};

/// #49 `GET /api/v1/user/{user}/quote/{quote}`.
pub static QUOTE_SHOW: Operation = Operation {
    name: "quote-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/quote/{quote}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads one of the user's quotes, its order expanded.",
    io: Io::json::<crate::api::quotes::GetQuote>(),
};

/// #50 `POST /api/v1/user/{user}/quote/{quote}`.
pub static QUOTE_CONFIRM: Operation = Operation {
    name: "quote-confirm",
    method: Method::POST,
    path: "/api/v1/user/{user}/quote/{quote}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Confirms a quote, which becomes an order.",
    io: Io::json::<crate::api::quotes::ConfirmQuote>(),
};
