//! The checkout rows of the table (see [`super`]).

use super::*;

/// #13 `GET /api/v1/user/{user}/checkout`.
pub static CHECKOUT_LIST: Operation = Operation {
    name: "checkout-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/checkout",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's hosted checkouts, optionally by status.",
    io: Io::json::<crate::api::checkout::ListCheckouts>(),
};

/// #14 `GET /api/v1/user/{user}/checkout/{checkout}`.
pub static CHECKOUT_SHOW: Operation = Operation {
    name: "checkout-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/checkout/{checkout}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads one of the user's checkouts.",
    io: Io::json::<crate::api::checkout::GetCheckout>(),
};
