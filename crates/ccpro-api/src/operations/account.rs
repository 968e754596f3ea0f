//! The account rows of the table (see [`super`]).

use super::*;

/// #73 `POST /api/v1/user/{user}/account/close/initiate`.
pub static ACCOUNT_CLOSE_INITIATE: Operation = Operation {
    name: "account-close-initiate",
    method: Method::POST,
    path: "/api/v1/user/{user}/account/close/initiate",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Starts closing the user's account (password required).",
    io: Io::json::<crate::api::account::InitiateAccountClose>(),
};

/// #74 `POST /api/v1/user/{user}/account/close/abort`.
pub static ACCOUNT_CLOSE_ABORT: Operation = Operation {
    name: "account-close-abort",
    method: Method::POST,
    path: "/api/v1/user/{user}/account/close/abort",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Stops closing the user's account.",
    io: Io::json::<crate::api::account::AbortAccountClose>(),
};
