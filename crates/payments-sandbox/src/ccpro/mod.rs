//! The CCPro (CryptoCoin.Pro) emulation, served under `/ccpro`.
//!
//! Every one of CCPro's 78 documented operations is one row of the room's route table: its method, its
//! documented path (`/api/v1/...`, with the docs' placeholders), its name (as `ccpro-api`'s
//! operation table names it; the sandbox keeps its own copy), how it authenticates, and the
//! handler that answers it. A request goes through these steps, each failure answering at
//! once:
//!
//! 1. the route (404 `{"message":"Not Found"}`, 405 `{"message":"Method Not Allowed"}`);
//! 2. authentication, by the row's `Auth`:
//!    - `Platform`: the platform JWT in the `token` header, RS512, verified with the
//!      platform's public key ([`Credentials::ccpro_public_key_pem`](crate::Credentials::ccpro_public_key_pem));
//!      its `expire` claim (Unix seconds) must not be before the sandbox clock: 401
//!      `{"message":"JWT is expired."}`; a missing or unverifiable token, a missing claim, or a
//!      `platform` claim other than the path's: 401 `{"message":"JWT payload invalid."}`; a
//!      path platform other than [`Credentials::ccpro_platform_id`](crate::Credentials::ccpro_platform_id): 404;
//!    - `PlatformUser` (authenticate-jwt): the same JWT, naming a user by `email` or
//!      `id` instead of the platform: 400 `{"message":"jwt must be provided","errors":{}}`
//!      without one, 403 `{"message":"No valid data sent","errors":{"expire":…}}` when expired;
//!    - `Bearer`: `Authorization: Bearer <token>` with a token issued by
//!      authenticate or authenticate-jwt, not revoked (logout, invalidate) and younger than
//!      its `ttl`: else 401 `{"error":"Unauthenticated."}`. Then a `{user}` other than the
//!      token's user answers `{"message":"This action is unauthorized."}` with the row's
//!      status (409, or 403 on the five operations the docs give 403), and an inactive
//!      account 403 `{"message":"Your account is inactive."}`;
//!    - `None`: no authentication;
//! 3. the body: JSON, or `multipart/form-data` for the uploads (fields named `a[b]` read as
//!    the nested `a.b`), 422 `{"message":"The given data was invalid.","errors":{…}}` for
//!    what the docs' rules refuse;
//! 4. the operation's own rules and state, under one lock, after the clock's due events
//!    (quotes and transfers expiring, reviews and payments approved) have been applied.
//!
//! Every refusal of steps 1–3 carries an `X-Sandbox-Reason`. `docs/sandbox.md` lists, per
//! operation, how to reach every documented status.

use std::sync::LazyLock;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, on};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::faults::Operation;
use crate::toolkit::BodyPolicy;
use crate::{MAX_BODY_BYTES, Sandbox};

mod account;
mod auth;
mod banks;
mod cards;
mod checkouts;
mod control;
mod countries;
mod currencies;
mod dates;
mod deposits;
mod input;
mod keys;
mod kyc;
mod market;
mod notifications;
mod orders;
mod platform;
mod prices;
mod quotes;
mod securities;
mod state;
mod transfers;
mod users;
mod wallets;
mod wire;

pub(crate) use control::router as control_router;
pub(crate) use dates::*;
pub(crate) use input::*;
pub use keys::*;
pub use state::*;
pub(crate) use wire::*;

/// The platform id of [`Credentials::default`](crate::Credentials::default): the UUID in
/// the `{platform}` path segment and the `platform` claim of platform JWTs.
pub const DEFAULT_PLATFORM_ID: &str = "8c2a4a76-5c0e-4a8e-9b1f-3d6f2b7e1a90";

/// The largest request body of an upload route (16 files of 10 240 KB, the docs' limit per
/// file, plus the form's text): larger bodies answer 413.
pub const MAX_UPLOAD_BODY_BYTES: usize = 16 * MAX_FILE_BYTES + MAX_BODY_BYTES;

/// The largest file a field may carry: the docs' `max:10240` (KB).
pub const MAX_FILE_BYTES: usize = 10_240 * 1024;

/// How an operation authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Auth {
    /// No authentication.
    None,
    /// A platform JWT naming the platform (`token` header).
    Platform,
    /// A platform JWT naming a user (`token` header): authenticate-jwt.
    PlatformUser,
    /// A bearer token issued to a user.
    Bearer,
}

/// What an operation's handler answers: a response, or a refusal in CCPro's shapes.
pub(crate) type Reply = Result<Response, ApiError>;

/// An operation's handler: runs under the state lock with the call's context.
pub(crate) type Handler = fn(&mut Ctx<'_>) -> Reply;

/// One row of [`ROUTES`].
pub(crate) struct Route {
    pub(crate) op: Operation,
    pub(crate) auth: Auth,
    /// The status of "This action is unauthorized." for a `{user}` not the caller's.
    pub(crate) denied: StatusCode,
    /// The body may be `multipart/form-data` with files.
    pub(crate) uploads: bool,
    pub(crate) handler: Handler,
}

const fn row(
    method: &'static str,
    path: &'static str,
    name: &'static str,
    auth: Auth,
    handler: Handler,
) -> Route {
    Route {
        op: Operation::new(method, path, name),
        auth,
        denied: StatusCode::CONFLICT,
        uploads: false,
        handler,
    }
}

impl Route {
    const fn denied_with_403(mut self) -> Self {
        self.denied = StatusCode::FORBIDDEN;
        self
    }

    const fn uploads(mut self) -> Self {
        self.uploads = true;
        self
    }
}

use Auth::{Bearer, None as Public, Platform, PlatformUser};

#[rustfmt::skip]
/// CCPro's operations, in the docs' order (an optional `{asset?}` segment is two rows, with
/// and without it). The one place an operation name meets its handler.
pub(crate) static ROUTES: &[Route] = &[
    row("POST", "/api/v1/authenticate-jwt/{platform}", "authenticate-jwt", PlatformUser, auth::authenticate_jwt),
    row("POST", "/api/v1/authenticate", "authenticate", Public, auth::authenticate),
    row("POST", "/api/v1/user/logout", "logout", Bearer, auth::logout),
    row("POST", "/api/v1/user/{user}/bank", "bank-create", Bearer, banks::create),
    row("GET", "/api/v1/user/{user}/bank", "bank-list", Bearer, banks::list),
    row("GET", "/api/v1/user/{user}/bank/{bank}", "bank-show", Bearer, banks::show),
    row("DELETE", "/api/v1/user/{user}/bank/{bank}", "bank-delete", Bearer, banks::delete).denied_with_403(),
    row("POST", "/api/v1/user/{user}/card", "card-create", Bearer, cards::create).uploads(),
    row("GET", "/api/v1/user/{user}/card", "card-list", Bearer, cards::list),
    row("GET", "/api/v1/user/{user}/card/{card}", "card-show", Bearer, cards::show),
    row("POST", "/api/v1/user/{user}/card/{card}", "card-update", Bearer, cards::update).uploads(),
    row("DELETE", "/api/v1/user/{user}/card/{card}", "card-delete", Bearer, cards::delete).denied_with_403(),
    row("GET", "/api/v1/user/{user}/checkout", "checkout-list", Bearer, checkouts::list),
    row("GET", "/api/v1/user/{user}/checkout/{checkout}", "checkout-show", Bearer, checkouts::show),
    row("GET", "/api/v1/countries", "country-list", Public, countries::list),
    row("GET", "/api/v1/user/{user}/currencies", "currency-list", Bearer, currencies::list),
    row("GET", "/api/v1/user/{user}/currencies/{asset}", "currency-list", Bearer, currencies::list),
    row("GET", "/api/v1/user/{user}/currencies/{asset}/history/{period}", "currency-history", Bearer, currencies::history),
    row("POST", "/api/v1/user/{user}/deposit", "deposit-create", Bearer, deposits::create),
    row("POST", "/api/v1/user/{user}/deposit/address", "deposit-address", Bearer, deposits::address),
    row("GET", "/api/v1/user/{user}/kyc", "kyc-show", Bearer, kyc::show),
    row("POST", "/api/v1/user/{user}/kyc", "kyc-create", Bearer, kyc::create).uploads(),
    row("POST", "/api/v1/user/{user}/kyc/personal-data", "kyc-personal-data", Bearer, kyc::personal_data),
    row("POST", "/api/v1/user/{user}/kyc/address", "kyc-address", Bearer, kyc::address).uploads(),
    row("POST", "/api/v1/user/{user}/kyc/document", "kyc-document", Bearer, kyc::document).uploads(),
    row("POST", "/api/v1/user/{user}/kyc/video", "kyc-video", Bearer, kyc::video),
    row("POST", "/api/v1/user/{user}/kyc/edd", "kyc-edd", Bearer, kyc::edd).uploads(),
    row("POST", "/api/v1/user/{user}/kyc/phone/add", "kyc-phone-add", Bearer, kyc::phone_add),
    row("POST", "/api/v1/user/{user}/kyc/phone/verify", "kyc-phone-verify", Bearer, kyc::phone_verify),
    row("POST", "/api/v1/user/{user}/kyc/phone/reverify", "kyc-phone-reverify", Bearer, kyc::phone_reverify),
    row("GET", "/api/v1/user/{user}/notifications/permanently", "notification-permanent", Bearer, notifications::permanent),
    row("GET", "/api/v1/user/{user}/notifications/temporary", "notification-temporary", Bearer, notifications::temporary),
    row("GET", "/api/v1/user/{user}/notifications/temporary/{notification_id}", "notification-temporary", Bearer, notifications::temporary),
    row("POST", "/api/v1/user/{user}/notifications/temporary/mark-as-read", "notification-mark-read", Bearer, notifications::mark_read),
    row("GET", "/api/v1/user/{user}/order", "order-list", Bearer, orders::list),
    row("GET", "/api/v1/user/{user}/order/coin", "order-coin-list", Bearer, orders::coin_list),
    row("GET", "/api/v1/user/{user}/order/token", "order-token-list", Bearer, orders::token_list),
    row("GET", "/api/v1/user/{user}/order/{order}", "order-show", Bearer, orders::show),
    row("POST", "/api/v1/user/{user}/order/{order}/payment-confirmation", "order-payment-proof", Bearer, orders::payment_proof).uploads(),
    row("GET", "/api/v1/platform/{platform}", "platform-show", Platform, platform::show),
    row("POST", "/api/v1/platform/{platform}", "platform-update", Platform, platform::update),
    row("GET", "/api/v1/platform/{platform}/staff", "platform-staff", Platform, platform::staff),
    row("GET", "/api/v1/platform/{platform}/user", "platform-users", Platform, platform::users),
    row("GET", "/api/v1/platform/{platform}/order", "platform-orders", Platform, orders::platform_list),
    row("GET", "/api/v1/platform/{platform}/quote", "platform-quotes", Platform, quotes::platform_list),
    row("GET", "/api/v1/platform/{platform}/checkout", "platform-checkouts", Platform, checkouts::platform_list),
    row("GET", "/api/v1/platform/{platform}/transfer", "platform-transfers", Platform, transfers::platform_list),
    row("GET", "/api/v1/platform/{platform}/call", "platform-calls", Platform, platform::calls),
    row("POST", "/api/v1/user/{user}/quote", "quote-create", Bearer, quotes::create),
    row("GET", "/api/v1/user/{user}/quote", "quote-list", Bearer, quotes::list),
    row("GET", "/api/v1/user/{user}/quote/{quote}", "quote-show", Bearer, quotes::show),
    row("POST", "/api/v1/user/{user}/quote/{quote}", "quote-confirm", Bearer, quotes::confirm),
    row("GET", "/api/v1/user/{user}/price/buy/{from}/{to}", "price-buy", Bearer, prices::buy),
    row("GET", "/api/v1/user/{user}/price/sell/{from}/{to}", "price-sell", Bearer, prices::sell),
    row("GET", "/api/v1/user/{user}/price/withdraw/{from}/{to}", "price-withdraw", Bearer, prices::withdraw),
    row("GET", "/api/v1/user/{user}/price/withdraw-ico/{from}/{to}", "price-withdraw-ico", Bearer, prices::withdraw_ico),
    row("GET", "/api/v1/user/{user}/securities", "security-list", Bearer, securities::list),
    row("GET", "/api/v1/user/{user}/securities/access", "security-access-tokens", Bearer, securities::access_tokens),
    row("POST", "/api/v1/user/{user}/securities/change-password", "security-change-password", Bearer, securities::change_password),
    row("POST", "/api/v1/user/{user}/securities/invalidate/{token}", "security-invalidate-token", Bearer, securities::invalidate).denied_with_403(),
    row("GET", "/api/v1/user/{user}/transfer", "transfer-list", Bearer, transfers::list),
    row("POST", "/api/v1/user/{user}/transfer", "transfer-create", Bearer, transfers::create),
    row("GET", "/api/v1/user/{user}/transfer/by", "transfer-by", Bearer, transfers::by),
    row("GET", "/api/v1/user/{user}/transfer/from", "transfer-from", Bearer, transfers::r#from),
    row("GET", "/api/v1/user/{user}/transfer/to", "transfer-to", Bearer, transfers::to),
    row("GET", "/api/v1/user/{user}/transfer/{transfer}", "transfer-show", Bearer, transfers::show),
    row("POST", "/api/v1/user/{user}/transfer/{transfer}", "transfer-confirm", Bearer, transfers::confirm),
    row("POST", "/api/v1/user/forgot-password", "user-forgot-password", Public, users::forgot_password),
    row("POST", "/api/v1/user/reset-password", "user-reset-password", Public, users::reset_password),
    row("POST", "/api/v1/user", "user-create", Public, users::create),
    row("POST", "/api/v1/user/verify", "user-verify-email", Public, users::verify_email),
    row("POST", "/api/v1/user/reverify", "user-reverify-email", Public, users::reverify_email),
    row("GET", "/api/v1/user/{user}", "user-profile", Bearer, users::profile).denied_with_403(),
    row("GET", "/api/v1/user/{user}/balances", "balances", Bearer, currencies::balances).denied_with_403(),
    row("GET", "/api/v1/user/{user}/balances/{asset}", "balances", Bearer, currencies::balances).denied_with_403(),
    row("POST", "/api/v1/user/{user}/account/close/initiate", "account-close-initiate", Bearer, account::initiate),
    row("POST", "/api/v1/user/{user}/account/close/abort", "account-close-abort", Bearer, account::abort),
    row("GET", "/api/v1/user/{user}/wallet", "wallet-list", Bearer, wallets::list),
    row("POST", "/api/v1/user/{user}/wallet", "wallet-create", Bearer, wallets::create),
    row("GET", "/api/v1/user/{user}/wallet/{wallet}", "wallet-show", Bearer, wallets::show),
    row("POST", "/api/v1/user/{user}/wallet/{wallet}", "wallet-update", Bearer, wallets::update),
];

/// The rows' operations, what fault rules match.
pub(crate) static OPERATIONS: LazyLock<Vec<Operation>> =
    LazyLock::new(|| ROUTES.iter().map(|r| r.op).collect());

/// CCPro's routes, with their full paths under `prefix` (`/ccpro`): one per row of [`ROUTES`]
/// (rows sharing a path share its method router). Merged rather than nested, as CoinCover's
/// are (a nested router rebuilds the URI on every call); an unknown path or method gets the
/// sandbox's own `{"message":"Not Found"}` / `{"message":"Method Not Allowed"}`, which are
/// CCPro's too.
pub(crate) fn router(prefix: &str) -> Router<Sandbox> {
    let mut router = Router::new();
    for route in ROUTES {
        let filter = match route.op.method {
            "GET" => MethodFilter::GET,
            "DELETE" => MethodFilter::DELETE,
            _ => MethodFilter::POST,
        };
        router = router.route(
            &format!("{prefix}{}", route.op.path),
            on(filter, move |state: State<Sandbox>, request: Request| {
                dispatch(route, state, request)
            }),
        );
    }
    router
}

/// How the front door reads a body under `/ccpro` (`path` relative to it): an upload route's
/// up to [`MAX_UPLOAD_BODY_BYTES`] (logged as its length), any other up to
/// [`MAX_BODY_BYTES`]; larger ones answer 413 in CCPro's `{"message"}` shape.
pub(crate) fn body_policy(path: &str) -> BodyPolicy {
    let upload = ROUTES
        .iter()
        .any(|r| r.uploads && r.op.method == "POST" && r.op.matches_path(path));
    BodyPolicy {
        limit: if upload {
            MAX_UPLOAD_BODY_BYTES
        } else {
            MAX_BODY_BYTES
        },
        summarize: upload,
        too_large: body_too_large,
    }
}

fn body_too_large() -> Response {
    message(
        StatusCode::PAYLOAD_TOO_LARGE,
        "The request body is too large.",
    )
    .into_response()
}

/// The answer of a `status` fault: CCPro's `{"message"}` shape (`{"error":"Unauthenticated."}`
/// for 401).
pub(crate) fn fault_response(status: StatusCode) -> Response {
    if status == StatusCode::UNAUTHORIZED {
        return unauthenticated().into_response();
    }
    message(status, status.canonical_reason().unwrap_or("Error")).into_response()
}

/// Everything a handler sees of its call.
pub(crate) struct Ctx<'a> {
    /// CCPro's state (locked).
    pub(crate) state: &'a mut CcproState,
    /// The sandbox clock, in Unix seconds.
    pub(crate) now: u64,
    /// The path parameters, percent-decoded, by the docs' names.
    pub(crate) params: Vec<(&'static str, String)>,
    /// The query parameters, percent-decoded.
    pub(crate) query: Vec<(String, String)>,
    /// The body's fields.
    pub(crate) input: Input,
    /// Who called: the user of a bearer token or of authenticate-jwt's JWT.
    pub(crate) caller: Caller,
    /// The platform's id.
    pub(crate) platform_id: &'a str,
}

/// Who called.
#[derive(Debug, Clone)]
pub(crate) enum Caller {
    /// Nobody in particular (public operations).
    Anonymous,
    /// The platform, through its JWT.
    Platform,
    /// The platform naming a user (authenticate-jwt): by `email` or `id`.
    PlatformUser {
        email: Option<String>,
        id: Option<String>,
    },
    /// A user, through a bearer token.
    User { id: String, token: String },
}

impl Ctx<'_> {
    /// A path parameter (empty when the row has none of that name).
    pub(crate) fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// An optional path parameter (`{asset?}`): `None` when the row lacks it.
    pub(crate) fn optional_param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter (the last one if repeated).
    pub(crate) fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The calling user's id (bearer operations; empty otherwise).
    pub(crate) fn user_id(&self) -> &str {
        match &self.caller {
            Caller::User { id, .. } => id,
            _ => "",
        }
    }

    /// The calling user's bearer token (empty otherwise).
    pub(crate) fn token(&self) -> &str {
        match &self.caller {
            Caller::User { token, .. } => token,
            _ => "",
        }
    }
}

/// The path parameters of `template` in `path` (the room-relative path), percent-decoded;
/// `None` when a segment is not UTF-8 once decoded.
fn path_params(template: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let mut params = Vec::new();
    for (want, got) in template.split('/').zip(path.split('/')) {
        if let Some(name) = want.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
            params.push((name, percent_decode(got, false)?));
        }
    }
    Some(params)
}

/// Decodes `%XX` escapes (and `+` as a space when `plus`); `None` for bytes that are not UTF-8.
pub(crate) fn percent_decode(text: &str, plus: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b);
                        i += 1;
                    }
                }
            }
            b'+' if plus => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The query string's pairs, percent-decoded.
fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(k, true)?, percent_decode(v, true)?))
        })
        .collect()
}

/// One call: authentication, the body, then the row's handler under the lock.
async fn dispatch(
    route: &'static Route,
    State(sandbox): State<Sandbox>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let limit = if route.uploads {
        MAX_UPLOAD_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    };
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return body_too_large();
    };
    match answer(
        route,
        &sandbox,
        &parts.method,
        &parts.uri,
        &parts.headers,
        &bytes,
    ) {
        Ok(response) => response,
        Err(Refusal::Api(error)) => error.into_response(),
    }
}

/// Why a call was not handed to its handler, or the handler's refusal.
enum Refusal {
    Api(ApiError),
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        Refusal::Api(e)
    }
}

fn answer(
    route: &'static Route,
    sandbox: &Sandbox,
    _method: &Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, Refusal> {
    let path = uri.path();
    let path = path
        .strip_prefix(crate::Provider::Ccpro.prefix())
        .unwrap_or(path);
    let Some(params) = path_params(route.op.path, path) else {
        return Err(ApiError::not_found()
            .because("a path segment is not UTF-8 once decoded")
            .into());
    };
    let query = query_pairs(uri.query());
    let now = sandbox.now_secs();
    let credentials = sandbox.credentials();
    let platform_id = credentials.ccpro_platform_id.as_str();
    // The JWT is verified before the lock is taken (RSA is the slow part of a call).
    let claims = match route.auth {
        Auth::Platform | Auth::PlatformUser => Some(auth::verify_platform_jwt(
            sandbox, route, &params, headers, now,
        )?),
        _ => None,
    };
    let input = if route.op.method == "POST" {
        Input::read(headers.get(header::CONTENT_TYPE), body, route.uploads)?
    } else {
        Input::default()
    };
    let mut guard = sandbox.lock();
    let state = &mut guard.ccpro;
    state.tick(now);
    let caller = match (route.auth, claims) {
        (Auth::Platform, _) => Caller::Platform,
        (Auth::PlatformUser, Some(claims)) => Caller::PlatformUser {
            email: claims.email,
            id: claims.id,
        },
        (Auth::Bearer, _) => auth::bearer_caller(state, route, &params, headers, now)?,
        _ => Caller::Anonymous,
    };
    let mut ctx = Ctx {
        state,
        now,
        params,
        query,
        input,
        caller,
        platform_id,
    };
    Ok((route.handler)(&mut ctx)?)
}

/// `{"data": value}` with `status`.
pub(crate) fn data(status: StatusCode, value: Value) -> Reply {
    Ok(respond(status, &json!({ "data": value })))
}

/// What [`number`] puts in a string for [`respond`] to write as a bare JSON number.
const NUMBER_MARK: &str = "\u{1}number:";
/// [`NUMBER_MARK`] as serde_json writes it inside a string, with the opening quote.
const NUMBER_MARK_JSON: &str = "\"\\u0001number:";

/// A decimal where the docs show a JSON number (a price's `commission.percent`, order-show's
/// `quote.total`): written by [`respond`] as the number of its exact text, every digit kept
/// (a `serde_json::Value` number would be an f64).
pub(crate) fn number(value: Decimal) -> Value {
    Value::String(format!("{NUMBER_MARK}{}", value.normalize()))
}

/// A JSON response whose [`number`]s are written as bare numbers.
pub(crate) fn respond(status: StatusCode, value: &Value) -> Response {
    let Ok(text) = serde_json::to_string(value) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    crate::toolkit::json_bytes(status, Bytes::from(unmark_numbers(text)))
}

/// `value` as [`respond`] writes it (for the room's unit tests).
#[cfg(test)]
pub(crate) fn unmark_for_tests(value: &Value) -> String {
    unmark_numbers(serde_json::to_string(value).unwrap_or_default())
}

/// Replaces every `"<mark>123.45"` of `text` by `123.45`.
fn unmark_numbers(text: String) -> String {
    if !text.contains(NUMBER_MARK_JSON) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find(NUMBER_MARK_JSON) {
        out.push_str(&rest[..at]);
        let after = &rest[at + NUMBER_MARK_JSON.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&after[..end]);
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// `{"data": value}` with 200.
pub(crate) fn ok(value: Value) -> Reply {
    data(StatusCode::OK, value)
}

/// `{"data": value}` with 201.
pub(crate) fn created(value: Value) -> Reply {
    data(StatusCode::CREATED, value)
}

/// `{"message": text}` with 200.
pub(crate) fn done(text: &str) -> Reply {
    Ok(respond(StatusCode::OK, &json!({ "message": text })))
}

/// A decimal as CCPro writes amounts: a JSON string, every digit kept.
pub(crate) fn amount(value: Decimal) -> Value {
    Value::String(value.normalize().to_string())
}
