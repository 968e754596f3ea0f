//! THE table: every CCPro operation once, with its one name, method, documented path
//! (`{asset?}` marks an optional segment), auth, retry safety and a summary. The CLI, the
//! fixture recorder and the tests iterate over [`OPERATIONS`]; each request type's
//! `request()` points at its row.
//!
//! Auth, per row: [`Auth::Jwt`] is the platform's RS512 JWT in the `token` header (minted
//! per attempt), [`Auth::Session`] the user's bearer token, [`Auth::None`] nothing (the
//! docs' curl examples send a bearer token on the public operations too; that is their
//! generator's default). Retries: the GETs are idempotent; every POST and DELETE changes
//! money or state without an idempotency key, and is never resent once it may have
//! arrived (a session's one resend after a 401 aside, which CCPro answers unprocessed).
//!
//! Rows are grouped by area, in the order of [`crate::api`]; [`OPERATIONS`] lists them in
//! the documentation's order.

use payments_core::http::Method;
use payments_core::{Auth, Io, Operation, RetrySafety};

use crate::api::auth::{AuthenticateJwt, AuthenticateWithPassword, Logout};

// ---- auth -------------------------------------------------------------------------

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

// ---- banks ------------------------------------------------------------------------

// ---- cards ------------------------------------------------------------------------

// ---- checkout ---------------------------------------------------------------------

// ---- countries --------------------------------------------------------------------

// ---- currencies -------------------------------------------------------------------

// ---- deposits ---------------------------------------------------------------------

// ---- kyc --------------------------------------------------------------------------

// ---- notifications ----------------------------------------------------------------

// ---- orders -----------------------------------------------------------------------

// ---- platform ---------------------------------------------------------------------

// ---- quotes -----------------------------------------------------------------------

// ---- prices -----------------------------------------------------------------------

// ---- securities -------------------------------------------------------------------

// ---- transfers --------------------------------------------------------------------

// ---- users ------------------------------------------------------------------------

// ---- balances ---------------------------------------------------------------------

// ---- account ----------------------------------------------------------------------

// ---- wallets ----------------------------------------------------------------------

/// Every CCPro operation, in the documentation's order (#1 to #78).
pub static OPERATIONS: &[&Operation] = &[
    // #1-#3 auth
    &AUTHENTICATE_JWT,
    &AUTHENTICATE,
    &LOGOUT,
    // #4-#7 banks
    // #8-#12 cards
    // #13-#14 checkout
    // #15 countries
    // #16-#17 currencies
    // #18-#19 deposits
    // #20-#29 kyc
    // #30-#32 notifications
    // #33-#37 orders
    // #38-#46 platform
    // #47-#50 quotes
    // #51-#54 prices
    // #55-#58 securities
    // #59-#65 transfers
    // #66-#71 users
    // #72 balances
    // #73-#74 account
    // #75-#78 wallets
];
