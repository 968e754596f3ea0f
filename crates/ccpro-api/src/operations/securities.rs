//! The securities rows of the table (see [`super`]).

use super::*;

/// #55 `GET /api/v1/user/{user}/securities`.
pub static SECURITY_LIST: Operation = Operation {
    name: "security-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/securities",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's security log.",
    io: Io::json::<crate::api::securities::ListSecurityEvents>(),
};

/// #56 `GET /api/v1/user/{user}/securities/access`.
pub static SECURITY_ACCESS_TOKENS: Operation = Operation {
    name: "security-access-tokens",
    method: Method::GET,
    path: "/api/v1/user/{user}/securities/access",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's access tokens, masked.",
    io: Io::json::<crate::api::securities::ListAccessTokens>(),
};

/// #57 `POST /api/v1/user/{user}/securities/change-password`.
pub static SECURITY_CHANGE_PASSWORD: Operation = Operation {
    name: "security-change-password",
    method: Method::POST,
    path: "/api/v1/user/{user}/securities/change-password",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Changes the user's password.",
    io: Io::json::<crate::api::securities::ChangePassword>(),
};

/// #58 `POST /api/v1/user/{user}/securities/invalidate/{token}`.
pub static SECURITY_INVALIDATE_TOKEN: Operation = Operation {
    name: "security-invalidate-token",
    method: Method::POST,
    path: "/api/v1/user/{user}/securities/invalidate/{token}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Revokes one of the user's access tokens.",
    io: Io::json::<crate::api::securities::InvalidateAccessToken>(),
};
