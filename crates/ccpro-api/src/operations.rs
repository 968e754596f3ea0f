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

// ---- cards ------------------------------------------------------------------------

/// #8 `POST /api/v1/user/{user}/card`.
pub static CARD_CREATE: Operation = Operation {
    name: "card-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/card",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds a card for the user, uploading its two images.",
    io: Io::with_files::<crate::api::cards::CreateCard>(),
};

/// #9 `GET /api/v1/user/{user}/card`.
pub static CARD_LIST: Operation = Operation {
    name: "card-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/card",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's cards, optionally by status.",
    io: Io::json::<crate::api::cards::ListCards>(),
};

/// #10 `GET /api/v1/user/{user}/card/{card}`.
pub static CARD_SHOW: Operation = Operation {
    name: "card-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/card/{card}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Shows one of the user's cards.",
    io: Io::json::<crate::api::cards::GetCard>(),
};

/// #11 `POST /api/v1/user/{user}/card/{card}`.
pub static CARD_UPDATE: Operation = Operation {
    name: "card-update",
    method: Method::POST,
    path: "/api/v1/user/{user}/card/{card}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Replaces one of the user's cards, both images included.",
    io: Io::with_files::<crate::api::cards::UpdateCard>(),
};

/// #12 `DELETE /api/v1/user/{user}/card/{card}`.
pub static CARD_DELETE: Operation = Operation {
    name: "card-delete",
    method: Method::DELETE,
    path: "/api/v1/user/{user}/card/{card}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Removes one of the user's cards.",
    io: Io::json::<crate::api::cards::DeleteCard>(),
};

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

/// #15 `GET /api/v1/countries`.
pub static COUNTRY_LIST: Operation = Operation {
    name: "country-list",
    method: Method::GET,
    path: "/api/v1/countries",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Lists the countries CCPro serves.",
    io: Io::json::<crate::api::countries::ListCountries>(),
};

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

/// #18 `POST /api/v1/user/{user}/deposit`.
pub static DEPOSIT_CREATE: Operation = Operation {
    name: "deposit-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/deposit",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Records a crypto deposit the user made, as an order.",
    io: Io::json::<crate::api::deposits::CreateDeposit>(),
};

/// #19 `POST /api/v1/user/{user}/deposit/address`.
pub static DEPOSIT_ADDRESS: Operation = Operation {
    name: "deposit-address",
    method: Method::POST,
    path: "/api/v1/user/{user}/deposit/address",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Gives the address the user deposits an asset to.",
    io: Io::json::<crate::api::deposits::GetDepositAddress>(),
};

// ---- kyc --------------------------------------------------------------------------

/// #20 `GET /api/v1/user/{user}/kyc`.
pub static KYC_SHOW: Operation = Operation {
    name: "kyc-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/kyc",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads the user's KYC: level, limits, hosted step pages and each step's status.",
    io: Io::json::<crate::api::kyc::ShowKyc>(),
};

/// #21 `POST /api/v1/user/{user}/kyc`.
pub static KYC_CREATE: Operation = Operation {
    name: "kyc-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the whole KYC: address, identity documents and optional EDD answers (multipart).",
    io: Io::with_files::<crate::api::kyc::CreateKyc>(),
};

/// #22 `POST /api/v1/user/{user}/kyc/personal-data`.
pub static KYC_PERSONAL_DATA: Operation = Operation {
    name: "kyc-personal-data",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/personal-data",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the user's name and date of birth.",
    io: Io::json::<crate::api::kyc::SubmitKycPersonalData>(),
};

/// #23 `POST /api/v1/user/{user}/kyc/address`.
pub static KYC_ADDRESS: Operation = Operation {
    name: "kyc-address",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/address",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the user's address, with an optional utility bill (multipart).",
    io: Io::with_files::<crate::api::kyc::SubmitKycAddress>(),
};

/// #24 `POST /api/v1/user/{user}/kyc/document`.
pub static KYC_DOCUMENT: Operation = Operation {
    name: "kyc-document",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/document",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Uploads one identity document (multipart).",
    io: Io::with_files::<crate::api::kyc::UploadKycDocument>(),
};

/// #25 `POST /api/v1/user/{user}/kyc/video`.
pub static KYC_VIDEO: Operation = Operation {
    name: "kyc-video",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/video",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Books the KYC video call at a date.",
    io: Io::json::<crate::api::kyc::ScheduleKycVideo>(),
};

/// #26 `POST /api/v1/user/{user}/kyc/edd`.
pub static KYC_EDD: Operation = Operation {
    name: "kyc-edd",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/edd",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the enhanced-due-diligence answers and proofs (multipart).",
    io: Io::with_files::<crate::api::kyc::SubmitKycEdd>(),
};

/// #27 `POST /api/v1/user/{user}/kyc/phone/add`.
pub static KYC_PHONE_ADD: Operation = Operation {
    name: "kyc-phone-add",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/phone/add",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds the user's phone number; CCPro texts it a code.",
    io: Io::json::<crate::api::kyc::AddKycPhone>(),
};

/// #28 `POST /api/v1/user/{user}/kyc/phone/verify`.
pub static KYC_PHONE_VERIFY: Operation = Operation {
    name: "kyc-phone-verify",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/phone/verify",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Confirms the phone number with the SMS code.",
    io: Io::json::<crate::api::kyc::VerifyKycPhone>(),
};

/// #29 `POST /api/v1/user/{user}/kyc/phone/reverify`.
pub static KYC_PHONE_REVERIFY: Operation = Operation {
    name: "kyc-phone-reverify",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/phone/reverify",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Sends the SMS code again (once per day).",
    io: Io::json::<crate::api::kyc::ResendKycPhoneCode>(),
};

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

/// #66 `POST /api/v1/user/forgot-password`.
pub static USER_FORGOT_PASSWORD: Operation = Operation {
    name: "user-forgot-password",
    method: Method::POST,
    path: "/api/v1/user/forgot-password",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Starts a password reset: CCPro e-mails the user a token.",
    io: Io::json::<crate::api::users::ForgotPassword>(),
};

/// #67 `POST /api/v1/user/reset-password`.
pub static USER_RESET_PASSWORD: Operation = Operation {
    name: "user-reset-password",
    method: Method::POST,
    path: "/api/v1/user/reset-password",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Sets a new password with the e-mailed reset token.",
    io: Io::json::<crate::api::users::ResetPassword>(),
};

/// #68 `POST /api/v1/user`.
pub static USER_CREATE: Operation = Operation {
    name: "user-create",
    method: Method::POST,
    path: "/api/v1/user",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Creates a user, who gets an activation e-mail.",
    io: Io::json::<crate::api::users::CreateUser>(),
};

/// #69 `POST /api/v1/user/verify`.
pub static USER_VERIFY_EMAIL: Operation = Operation {
    name: "user-verify-email",
    method: Method::POST,
    path: "/api/v1/user/verify",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Activates a new user with the e-mailed code.",
    io: Io::json::<crate::api::users::VerifyEmail>(),
};

/// #70 `POST /api/v1/user/reverify`.
pub static USER_REVERIFY_EMAIL: Operation = Operation {
    name: "user-reverify-email",
    method: Method::POST,
    path: "/api/v1/user/reverify",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Sends the activation e-mail again (once per day).",
    io: Io::json::<crate::api::users::ResendVerificationEmail>(),
};

/// #71 `GET /api/v1/user/{user}`.
pub static USER_PROFILE: Operation = Operation {
    name: "user-profile",
    method: Method::GET,
    path: "/api/v1/user/{user}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads the user's profile, with KYC, wallets, cards, banks and platforms.",
    io: Io::json::<crate::api::users::ShowUserProfile>(),
};

// ---- balances ---------------------------------------------------------------------

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

// ---- account ----------------------------------------------------------------------

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

// ---- wallets ----------------------------------------------------------------------

/// #75 `GET /api/v1/user/{user}/wallet`.
pub static WALLET_LIST: Operation = Operation {
    name: "wallet-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/wallet",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's wallets, optionally by status and coin.",
    io: Io::json::<crate::api::wallets::ListWallets>(),
};

/// #76 `POST /api/v1/user/{user}/wallet`.
pub static WALLET_CREATE: Operation = Operation {
    name: "wallet-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/wallet",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds a wallet for the user.",
    io: Io::json::<crate::api::wallets::CreateWallet>(),
};

/// #77 `GET /api/v1/user/{user}/wallet/{wallet}`.
pub static WALLET_SHOW: Operation = Operation {
    name: "wallet-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/wallet/{wallet}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Shows one of the user's wallets.",
    io: Io::json::<crate::api::wallets::GetWallet>(),
};

/// #78 `POST /api/v1/user/{user}/wallet/{wallet}`.
pub static WALLET_UPDATE: Operation = Operation {
    name: "wallet-update",
    method: Method::POST,
    path: "/api/v1/user/{user}/wallet/{wallet}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Renames one of the user's wallets.",
    io: Io::json::<crate::api::wallets::UpdateWallet>(),
};

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
