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
use crate::api::currencies::{CurrencyHistory, ListCurrencies};
use crate::api::notifications::{
    ListPermanentNotifications, ListTemporaryNotifications, MarkNotificationsRead,
};
use crate::api::platform::{
    ListPlatformCalls, ListPlatformCheckouts, ListPlatformOrders, ListPlatformQuotes,
    ListPlatformStaff, ListPlatformTransfers, ListPlatformUsers, ShowPlatform, UpdatePlatform,
};
use crate::api::prices::{BuyPrice, SellPrice, WithdrawIcoPrice, WithdrawPrice};

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

// ---- deposits ---------------------------------------------------------------------

// ---- kyc --------------------------------------------------------------------------

// ---- notifications ----------------------------------------------------------------

/// #30 `GET /api/v1/user/{user}/notifications/permanently`.
pub static NOTIFICATION_PERMANENT: Operation = Operation {
    name: "notification-permanent",
    method: Method::GET,
    path: "/api/v1/user/{user}/notifications/permanently",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's permanent notifications (standing facts about the account).",
    io: Io::json::<ListPermanentNotifications>(),
};

/// #31 `GET /api/v1/user/{user}/notifications/temporary/{notification_id?}`.
pub static NOTIFICATION_TEMPORARY: Operation = Operation {
    name: "notification-temporary",
    method: Method::GET,
    path: "/api/v1/user/{user}/notifications/temporary/{notification_id?}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists a page of the user's temporary notifications, optionally read or unread only.",
    io: Io::json::<ListTemporaryNotifications>(),
};

/// #32 `POST /api/v1/user/{user}/notifications/temporary/mark-as-read`.
pub static NOTIFICATION_MARK_READ: Operation = Operation {
    name: "notification-mark-read",
    method: Method::POST,
    path: "/api/v1/user/{user}/notifications/temporary/mark-as-read",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Marks every temporary notification read and returns them.",
    io: Io::json::<MarkNotificationsRead>(),
};

// ---- orders -----------------------------------------------------------------------

// ---- platform ---------------------------------------------------------------------

/// #38 `GET /api/v1/platform/{platform}`.
pub static PLATFORM_SHOW: Operation = Operation {
    name: "platform-show",
    method: Method::GET,
    path: "/api/v1/platform/{platform}",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Shows the platform: settings, KYC levels, payment methods and currencies.",
    io: Io::json::<ShowPlatform>(),
};

/// #39 `POST /api/v1/platform/{platform}`.
pub static PLATFORM_UPDATE: Operation = Operation {
    name: "platform-update",
    method: Method::POST,
    path: "/api/v1/platform/{platform}",
    auth: Auth::Jwt,
    retry: RetrySafety::NotIdempotent,
    summary: "Updates the platform's name, base URL, IEN URL and type, and colour.",
    io: Io::json::<UpdatePlatform>(),
};

/// #40 `GET /api/v1/platform/{platform}/staff`.
pub static PLATFORM_STAFF: Operation = Operation {
    name: "platform-staff",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/staff",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists a page of the platform's staff members.",
    io: Io::json::<ListPlatformStaff>(),
};

/// #41 `GET /api/v1/platform/{platform}/user`.
pub static PLATFORM_USERS: Operation = Operation {
    name: "platform-users",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/user",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the users attached to the platform.",
    io: Io::json::<ListPlatformUsers>(),
};

/// #42 `GET /api/v1/platform/{platform}/order`.
pub static PLATFORM_ORDERS: Operation = Operation {
    name: "platform-orders",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/order",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the orders of the platform's users.",
    io: Io::json::<ListPlatformOrders>(),
};

/// #43 `GET /api/v1/platform/{platform}/quote`.
pub static PLATFORM_QUOTES: Operation = Operation {
    name: "platform-quotes",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/quote",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the quotes of the platform's users.",
    io: Io::json::<ListPlatformQuotes>(),
};

/// #44 `GET /api/v1/platform/{platform}/checkout`.
pub static PLATFORM_CHECKOUTS: Operation = Operation {
    name: "platform-checkouts",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/checkout",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the checkouts of the platform's users.",
    io: Io::json::<ListPlatformCheckouts>(),
};

/// #45 `GET /api/v1/platform/{platform}/transfer`.
pub static PLATFORM_TRANSFERS: Operation = Operation {
    name: "platform-transfers",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/transfer",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers of the platform's users.",
    io: Io::json::<ListPlatformTransfers>(),
};

/// #46 `GET /api/v1/platform/{platform}/call`.
pub static PLATFORM_CALLS: Operation = Operation {
    name: "platform-calls",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/call",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the calls CCPro made to the platform.",
    io: Io::json::<ListPlatformCalls>(),
};

// ---- quotes -----------------------------------------------------------------------

// ---- prices -----------------------------------------------------------------------

/// #51 `GET /api/v1/user/{user}/price/buy/{from}/{to}`.
pub static PRICE_BUY: Operation = Operation {
    name: "price-buy",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/buy/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices buying one asset with another, from an amount paid or received.",
    io: Io::json::<BuyPrice>(),
};

/// #52 `GET /api/v1/user/{user}/price/sell/{from}/{to}`.
pub static PRICE_SELL: Operation = Operation {
    name: "price-sell",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/sell/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices selling one asset for another, from an amount paid or received.",
    io: Io::json::<SellPrice>(),
};

/// #53 `GET /api/v1/user/{user}/price/withdraw/{from}/{to}`.
pub static PRICE_WITHDRAW: Operation = Operation {
    name: "price-withdraw",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/withdraw/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices a coin withdrawal, from an amount sent or received.",
    io: Io::json::<WithdrawPrice>(),
};

/// #54 `GET /api/v1/user/{user}/price/withdraw-ico/{from}/{to}`.
pub static PRICE_WITHDRAW_ICO: Operation = Operation {
    name: "price-withdraw-ico",
    method: Method::GET,
    path: "/api/v1/user/{user}/price/withdraw-ico/{from}/{to}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Prices an ICO token withdrawal, from an amount sent or received.",
    io: Io::json::<WithdrawIcoPrice>(),
};

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
    &CURRENCY_LIST,
    &CURRENCY_HISTORY,
    // #18-#19 deposits
    // #20-#29 kyc
    // #30-#32 notifications
    &NOTIFICATION_PERMANENT,
    &NOTIFICATION_TEMPORARY,
    &NOTIFICATION_MARK_READ,
    // #33-#37 orders
    // #38-#46 platform
    &PLATFORM_SHOW,
    &PLATFORM_UPDATE,
    &PLATFORM_STAFF,
    &PLATFORM_USERS,
    &PLATFORM_ORDERS,
    &PLATFORM_QUOTES,
    &PLATFORM_CHECKOUTS,
    &PLATFORM_TRANSFERS,
    &PLATFORM_CALLS,
    // #47-#50 quotes
    // #51-#54 prices
    &PRICE_BUY,
    &PRICE_SELL,
    &PRICE_WITHDRAW,
    &PRICE_WITHDRAW_ICO,
    // #55-#58 securities
    // #59-#65 transfers
    // #66-#71 users
    // #72 balances
    // #73-#74 account
    // #75-#78 wallets
];
