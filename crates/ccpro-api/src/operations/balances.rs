//! The balances rows of the table (see [`super`]).

use super::*;

/// #72 `GET /api/v1/user/{user}/balances/{asset?}`.
pub static BALANCES: Operation = Operation {
    name: "balances",
    method: Method::GET,
    path: "/api/v1/user/{user}/balances/{asset?}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Shows the user's balances, optionally for one asset.",
    io: Io::json::<crate::api::balances::GetBalances>(),
};
