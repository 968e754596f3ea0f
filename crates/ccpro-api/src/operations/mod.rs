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
//! Rows live in one file per area (`operations/<area>.rs`), in the order of [`crate::api`];
//! [`OPERATIONS`] lists them in the documentation's order.

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

mod account;
mod auth;
mod balances;
mod banks;
mod cards;
mod checkout;
mod countries;
mod currencies;
mod deposits;
mod kyc;
mod notifications;
mod orders;
mod platform;
mod prices;
mod quotes;
mod securities;
mod transfers;
mod users;
mod wallets;

pub use account::*;
pub use auth::*;
pub use balances::*;
pub use banks::*;
pub use cards::*;
pub use checkout::*;
pub use countries::*;
pub use currencies::*;
pub use deposits::*;
pub use kyc::*;
pub use notifications::*;
pub use orders::*;
pub use platform::*;
pub use prices::*;
pub use quotes::*;
pub use securities::*;
pub use transfers::*;
pub use users::*;
pub use wallets::*;

/// Every CCPro operation, in the documentation's order (#1 to #78).
pub static OPERATIONS: &[&Operation] = &[
    // #1-#3 auth
    &AUTHENTICATE_JWT,
    &AUTHENTICATE,
    &LOGOUT,
    // #4-#7 banks
    &BANK_CREATE,
    &BANK_LIST,
    &BANK_SHOW,
    &BANK_DELETE,
    // #8-#12 cards
    &CARD_CREATE,
    &CARD_LIST,
    &CARD_SHOW,
    &CARD_UPDATE,
    &CARD_DELETE,
    // #13-#14 checkout
    &CHECKOUT_LIST,
    &CHECKOUT_SHOW,
    // #15 countries
    &COUNTRY_LIST,
    // #16-#17 currencies
    &CURRENCY_LIST,
    &CURRENCY_HISTORY,
    // #18-#19 deposits
    &DEPOSIT_CREATE,
    &DEPOSIT_ADDRESS,
    // #20-#29 kyc
    &KYC_SHOW,
    &KYC_CREATE,
    &KYC_PERSONAL_DATA,
    &KYC_ADDRESS,
    &KYC_DOCUMENT,
    &KYC_VIDEO,
    &KYC_EDD,
    &KYC_PHONE_ADD,
    &KYC_PHONE_VERIFY,
    &KYC_PHONE_REVERIFY,
    // #30-#32 notifications
    &NOTIFICATION_PERMANENT,
    &NOTIFICATION_TEMPORARY,
    &NOTIFICATION_MARK_READ,
    // #33-#37 orders
    &ORDER_LIST,
    &ORDER_COIN_LIST,
    &ORDER_TOKEN_LIST,
    &ORDER_SHOW,
    &ORDER_PAYMENT_PROOF,
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
    &QUOTE_CREATE,
    &QUOTE_LIST,
    &QUOTE_SHOW,
    &QUOTE_CONFIRM,
    // #51-#54 prices
    &PRICE_BUY,
    &PRICE_SELL,
    &PRICE_WITHDRAW,
    &PRICE_WITHDRAW_ICO,
    // #55-#58 securities
    &SECURITY_LIST,
    &SECURITY_ACCESS_TOKENS,
    &SECURITY_CHANGE_PASSWORD,
    &SECURITY_INVALIDATE_TOKEN,
    // #59-#65 transfers
    &TRANSFER_LIST,
    &TRANSFER_CREATE,
    &TRANSFER_BY,
    &TRANSFER_FROM,
    &TRANSFER_TO,
    &TRANSFER_SHOW,
    &TRANSFER_CONFIRM,
    // #66-#71 users
    &USER_FORGOT_PASSWORD,
    &USER_RESET_PASSWORD,
    &USER_CREATE,
    &USER_VERIFY_EMAIL,
    &USER_REVERIFY_EMAIL,
    &USER_PROFILE,
    // #72 balances
    &BALANCES,
    // #73-#74 account
    &ACCOUNT_CLOSE_INITIATE,
    &ACCOUNT_CLOSE_ABORT,
    // #75-#78 wallets
    &WALLET_LIST,
    &WALLET_CREATE,
    &WALLET_SHOW,
    &WALLET_UPDATE,
];

/// The rows whose input document does not name the path's `{user}` `user`, because a body
/// field takes that name: transfer-create's `user` is the counterparty, and its path's
/// user is `owner`. The one place a row's path-user field differs from its placeholder.
static PATH_USER_FIELD: &[(&Operation, &str)] = &[(&TRANSFER_CREATE, "owner")];

/// The input-document field that holds `operation`'s path `{user}`: `user`, or `owner`
/// where a body field is called `user` (transfer-create, whose body `user` is the
/// counterparty); `None` when the path has no `{user}`.
///
/// [`crate::UserClient::call_json`] fills this field from the session's user id when the
/// document leaves it out, so a caller (the `payments` CLI) names no operation.
///
/// ```
/// use ccpro_api::operations::{self, path_user_field};
/// assert_eq!(path_user_field(&operations::WALLET_LIST), Some("user"));
/// assert_eq!(path_user_field(&operations::TRANSFER_CREATE), Some("owner"));
/// assert_eq!(path_user_field(&operations::USER_CREATE), None);
/// ```
pub fn path_user_field(operation: &Operation) -> Option<&'static str> {
    if !operation.path_params().any(|p| p == "user") {
        return None;
    }
    let renamed = PATH_USER_FIELD
        .iter()
        .find(|(row, _)| std::ptr::eq(*row, operation))
        .map(|(_, field)| *field);
    Some(renamed.unwrap_or("user"))
}
