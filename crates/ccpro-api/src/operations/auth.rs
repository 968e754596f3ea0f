//! The auth rows of the table (see [`super`]).

use super::*;

/// #1 `POST /api/v1/authenticate-jwt/{platform}`.
pub static AUTHENTICATE_JWT: Operation = Operation {
    name: "authenticate-jwt",
    method: Method::POST,
    path: "/api/v1/authenticate-jwt/{platform}",
    auth: Auth::Jwt,
    retry: RetrySafety::NotIdempotent,
    summary: "Logs a platform's user in with a JWT naming them by e-mail or id.",
    io: Io::json::<AuthenticateJwt>(),
};

/// #2 `POST /api/v1/authenticate`.
pub static AUTHENTICATE: Operation = Operation {
    name: "authenticate",
    method: Method::POST,
    path: "/api/v1/authenticate",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Logs a user in with e-mail and password.",
    io: Io::json::<AuthenticateWithPassword>(),
};

/// #3 `POST /api/v1/user/logout`.
pub static LOGOUT: Operation = Operation {
    name: "logout",
    method: Method::POST,
    path: "/api/v1/user/logout",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Revokes the session's token.",
    io: Io::json::<Logout>(),
};
