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

// ---- countries --------------------------------------------------------------------

// ---- currencies -------------------------------------------------------------------

// ---- deposits ---------------------------------------------------------------------

// ---- kyc --------------------------------------------------------------------------

// ---- notifications ----------------------------------------------------------------

// ---- orders -----------------------------------------------------------------------

/// #33 `GET /api/v1/user/{user}/order`.
pub static ORDER_LIST: Operation = Operation {
    name: "order-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/order",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's orders, optionally by status, operation and asset.",
    io: Io::json::<crate::api::orders::ListOrders>(),
};

/// #34 `GET /api/v1/user/{user}/order/coin`.
pub static ORDER_COIN_LIST: Operation = Operation {
    name: "order-coin-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/order/coin",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's coin orders, optionally by status, operation and asset.",
    io: Io::json::<crate::api::orders::ListCoinOrders>(),
};

/// #35 `GET /api/v1/user/{user}/order/token`.
pub static ORDER_TOKEN_LIST: Operation = Operation {
    name: "order-token-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/order/token",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's token orders, optionally by status, operation and asset.",
    io: Io::json::<crate::api::orders::ListTokenOrders>(),
};

/// #36 `GET /api/v1/user/{user}/order/{order}`.
pub static ORDER_SHOW: Operation = Operation {
    name: "order-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/order/{order}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads one of the user's orders, its quote embedded.",
    io: Io::json::<crate::api::orders::GetOrder>(),
};

/// #37 `POST /api/v1/user/{user}/order/{order}/payment-confirmation`.
pub static ORDER_PAYMENT_PROOF: Operation = Operation {
    name: "order-payment-proof",
    method: Method::POST,
    path: "/api/v1/user/{user}/order/{order}/payment-confirmation",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Uploads the proof of payment of an order awaiting it (an image or PDF).",
    io: Io::with_files::<crate::api::orders::UploadPaymentProof>(),
};

// ---- platform ---------------------------------------------------------------------

// ---- quotes -----------------------------------------------------------------------

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

// ---- prices -----------------------------------------------------------------------

// ---- securities -------------------------------------------------------------------

// ---- transfers --------------------------------------------------------------------

/// #59 `GET /api/v1/user/{user}/transfer`.
pub static TRANSFER_LIST: Operation = Operation {
    name: "transfer-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers the user takes part in.",
    io: Io::json::<crate::api::transfers::ListTransfers>(),
};

/// #60 `POST /api/v1/user/{user}/transfer`.
pub static TRANSFER_CREATE: Operation = Operation {
    name: "transfer-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/transfer",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Starts a transfer of an asset to or from another CCPro user.",
    io: Io::json::<crate::api::transfers::CreateTransfer>(),
};

/// #61 `GET /api/v1/user/{user}/transfer/by`.
pub static TRANSFER_BY: Operation = Operation {
    name: "transfer-by",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/by",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers the user created.",
    io: Io::json::<crate::api::transfers::ListTransfersBy>(),
};

/// #62 `GET /api/v1/user/{user}/transfer/from`.
pub static TRANSFER_FROM: Operation = Operation {
    name: "transfer-from",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/from",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers from the user.",
    io: Io::json::<crate::api::transfers::ListTransfersFrom>(),
};

/// #63 `GET /api/v1/user/{user}/transfer/to`.
pub static TRANSFER_TO: Operation = Operation {
    name: "transfer-to",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/to",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers to the user.",
    io: Io::json::<crate::api::transfers::ListTransfersTo>(),
};

/// #64 `GET /api/v1/user/{user}/transfer/{transfer}`.
pub static TRANSFER_SHOW: Operation = Operation {
    name: "transfer-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/{transfer}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads one of the user's transfers.",
    io: Io::json::<crate::api::transfers::GetTransfer>(),
};

/// #65 `POST /api/v1/user/{user}/transfer/{transfer}`.
pub static TRANSFER_CONFIRM: Operation = Operation {
    name: "transfer-confirm",
    method: Method::POST,
    path: "/api/v1/user/{user}/transfer/{transfer}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Confirms a pending transfer (the receiver may name the wallet).",
    io: Io::json::<crate::api::transfers::ConfirmTransfer>(),
};

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
    &CHECKOUT_LIST,
    &CHECKOUT_SHOW,
    // #15 countries
    // #16-#17 currencies
    // #18-#19 deposits
    // #20-#29 kyc
    // #30-#32 notifications
    // #33-#37 orders
    &ORDER_LIST,
    &ORDER_COIN_LIST,
    &ORDER_TOKEN_LIST,
    &ORDER_SHOW,
    &ORDER_PAYMENT_PROOF,
    // #38-#46 platform
    // #47-#50 quotes
    &QUOTE_CREATE,
    &QUOTE_LIST,
    &QUOTE_SHOW,
    &QUOTE_CONFIRM,
    // #51-#54 prices
    // #55-#58 securities
    // #59-#65 transfers
    &TRANSFER_LIST,
    &TRANSFER_CREATE,
    &TRANSFER_BY,
    &TRANSFER_FROM,
    &TRANSFER_TO,
    &TRANSFER_SHOW,
    &TRANSFER_CONFIRM,
    // #66-#71 users
    // #72 balances
    // #73-#74 account
    // #75-#78 wallets
];
