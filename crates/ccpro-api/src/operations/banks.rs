//! The banks rows of the table (see [`super`]).

use super::*;

/// #4 `POST /api/v1/user/{user}/bank`.
pub static BANK_CREATE: Operation = Operation {
    name: "bank-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/bank",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds a bank account for the user.",
    io: Io::json::<crate::api::banks::CreateBank>(),
};

/// #5 `GET /api/v1/user/{user}/bank`.
pub static BANK_LIST: Operation = Operation {
    name: "bank-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/bank",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's bank accounts, optionally by status and currency.",
    io: Io::json::<crate::api::banks::ListBanks>(),
};

/// #6 `GET /api/v1/user/{user}/bank/{bank}`.
pub static BANK_SHOW: Operation = Operation {
    name: "bank-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/bank/{bank}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Shows one of the user's bank accounts.",
    io: Io::json::<crate::api::banks::GetBank>(),
};

/// #7 `DELETE /api/v1/user/{user}/bank/{bank}`.
pub static BANK_DELETE: Operation = Operation {
    name: "bank-delete",
    method: Method::DELETE,
    path: "/api/v1/user/{user}/bank/{bank}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Removes one of the user's bank accounts.",
    io: Io::json::<crate::api::banks::DeleteBank>(),
};
