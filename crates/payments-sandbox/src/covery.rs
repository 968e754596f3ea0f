//! The Covery emulation, served under `/covery`.
//!
//! The routes are Covery's own, all `POST`: `/api/ping`, `/api/sendEvent`,
//! `/api/makeDecision`, `/api/postback`, `/api/manage/fraud/latest`, `/api/manage/fraud/find`,
//! `/api/manage/fraud/confirm` and `/api/manage/fraud/feedback`. Anything else under `/covery`
//! (another path, or another method) is 404 with Covery's `NoRouteException` headers.
//!
//! Requests are checked in this order, each failure answering at once:
//!
//! 1. the route (404);
//! 2. authentication (401): `X-Auth-Token` is one of the sandbox's Covery tokens,
//!    `X-Auth-Signature` is the lower-case hex SHA-256 of `X-Auth-Nonce ‖ body ‖ secret`, and
//!    the nonce was not used before by an authenticated request (nonces are remembered until
//!    [`Sandbox::reset`](crate::Sandbox::reset));
//! 3. the token's access level (403), see [`AccessLevel`];
//! 4. the body (406), see the field tables of Covery's documentation;
//! 5. for events: more than [`MAX_EVENTS_PER_SEQUENCE`] events of one `sequence_id` within
//!    [`SEQUENCE_WINDOW_SECS`] (429), then a second event with the same entry id, such as a
//!    `transaction_id` (409, the first event's `requestId` in `X-Maxwell-Error-Context`).
//!
//! Every answer carries `X-Maxwell-Status` (`OK` or `Exception`); errors add
//! `X-Maxwell-Error-Type` and `X-Maxwell-Error-Message`. Decisions are scored by the fixed
//! rules of [`score`] (also in `docs/sandbox.md`).
//!
//! Fraud alerts are created through the control route `POST /_sandbox/covery/fraud-alerts`
//! and, when [`SandboxConfig::callback_url`](crate::SandboxConfig::callback_url) is set,
//! posted there signed as Covery signs its callbacks.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::time::UNIX_EPOCH;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use payments_core::country::CountryCode;
use payments_core::digest::sha256_nonce_hex;
use payments_core::webhook::{WebhookSecrets, constant_time_eq, verify_sha256_nonce};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::{IdSequence, MAX_BODY_BYTES, Sandbox, callbacks, message};

/// The `customerId` that `api/ping` reports.
pub const CUSTOMER_ID: u64 = 1;

/// Email domains the sandbox treats as disposable (the "Disposable email domain" rule).
/// Compared case-insensitively with everything after the last `@`.
pub const DISPOSABLE_EMAIL_DOMAINS: &[&str] = &[
    "mailinator.com",
    "10minutemail.com",
    "guerrillamail.com",
    "yopmail.com",
    "trashmail.com",
    "temp-mail.org",
    "sharklasers.com",
];

/// An email address at a disposable domain, for demos.
pub const DEMO_DISPOSABLE_EMAIL: &str = "demo.user@mailinator.com";

/// An event worth at least this many USD scores [`LARGE_AMOUNT_POINTS`] (rejected alone).
pub const REJECT_AMOUNT_USD: u64 = 10_000;

/// An event worth at least this many USD (and less than [`REJECT_AMOUNT_USD`]) scores
/// [`ELEVATED_AMOUNT_POINTS`] (manual review alone).
pub const MANUAL_AMOUNT_USD: u64 = 1_000;

/// Points for an amount of at least [`REJECT_AMOUNT_USD`].
pub const LARGE_AMOUNT_POINTS: u32 = 80;
/// Points for an amount of at least [`MANUAL_AMOUNT_USD`].
pub const ELEVATED_AMOUNT_POINTS: u32 = 40;
/// Points for an email at one of the [`DISPOSABLE_EMAIL_DOMAINS`].
pub const DISPOSABLE_EMAIL_POINTS: u32 = 30;
/// Points for a `billing_country` other than `country`.
pub const COUNTRY_MISMATCH_POINTS: u32 = 20;
/// Points for a burst of failed logins in the event's `sequence_id`.
pub const FAILED_LOGINS_POINTS: u32 = 40;

/// A score at or above this is `reject`.
pub const REJECT_SCORE: u32 = 80;
/// A score at or above this (and below [`REJECT_SCORE`]) is `manual`; below, `accept`.
pub const MANUAL_SCORE: u32 = 40;
/// Scores are capped at this.
pub const MAX_SCORE: u32 = 100;

/// This many failed logins (`login_failed: true`) of one `sequence_id`, within
/// [`FAILED_LOGIN_WINDOW_SECS`], make a burst.
pub const FAILED_LOGIN_BURST: usize = 3;
/// The window of the failed-login rule, in seconds of the configured clock.
pub const FAILED_LOGIN_WINDOW_SECS: u64 = 600;

/// At most this many events of one `sequence_id` are accepted within
/// [`SEQUENCE_WINDOW_SECS`]; the next is 429.
pub const MAX_EVENTS_PER_SEQUENCE: usize = 20;
/// The window of the per-`sequence_id` rate limit, in seconds of the configured clock.
pub const SEQUENCE_WINDOW_SECS: u64 = 60;

/// The longest `sequence_id` accepted, in characters (`string(40)` in Covery's tables).
pub const MAX_SEQUENCE_ID_LEN: usize = 40;

/// The fixed USD price of one unit of each currency the sandbox converts (upper case; codes
/// are matched case-insensitively). Events in other currencies are accepted, but the amount
/// rules only see them through their `*_amount_converted` field.
pub const USD_RATES: &[(&str, &str)] = &[
    ("USD", "1"),
    ("EUR", "1.1"),
    ("GBP", "1.25"),
    ("CHF", "1.1"),
    ("CAD", "0.75"),
    ("AUD", "0.65"),
    ("PLN", "0.25"),
    ("UAH", "0.025"),
    ("JPY", "0.0067"),
];

/// Fraud alert `type` values (the empty string included).
pub const ALERT_TYPES: &[&str] = &[
    "",
    "issuer_alert",
    "fraudreporter_alert",
    "customerdispute_alert",
];

/// The states of confirmed-fraud alerts (types `issuer_alert`, `fraudreporter_alert` and
/// the empty type).
pub const CONFIRMED_FRAUD_STATES: &[&str] = &[
    "none",
    "stopped",
    "partially_stopped",
    "previously_cancelled",
    "missed",
    "notfound",
    "account_suspended",
    "in_progress",
    "shipper_contacted",
    "other",
];

/// The states of customer-dispute alerts (type `customerdispute_alert`).
pub const CUSTOMER_DISPUTE_STATES: &[&str] = &[
    "none",
    "resolved",
    "previously_refunded",
    "unresolved_dispute",
    "notfound",
    "other",
];

/// States that feedback may still change: `none` and, for confirmed fraud, `in_progress` and
/// `shipper_contacted`. Every other state is final (feedback on it is 409).
pub const OPEN_ALERT_STATES: &[&str] = &["none", "in_progress", "shipper_contacted"];

/// The `refunded` values of alert feedback.
pub const REFUNDED_VALUES: &[&str] = &["none", "refunded", "not_refunded", "not_settled"];

/// The default and largest `limit` of `api/manage/fraud/latest`.
pub const MAX_LATEST_LIMIT: u64 = 100;

/// `X-Maxwell-Error-Type` of an unknown route (as documented).
pub const ERROR_NO_ROUTE: &str = "Maxwell\\Exception\\NoRouteException";
/// `X-Maxwell-Error-Type` of a 401.
pub const ERROR_AUTH: &str = "Maxwell\\Exception\\AuthException";
/// `X-Maxwell-Error-Type` of a 403.
pub const ERROR_ACCESS: &str = "Maxwell\\Exception\\AccessDeniedException";
/// `X-Maxwell-Error-Type` of a 406.
pub const ERROR_VALIDATION: &str = "Maxwell\\Exception\\ValidationException";
/// `X-Maxwell-Error-Type` of a 409.
pub const ERROR_DUPLICATE: &str = "Maxwell\\Exception\\DuplicateEntryException";
/// `X-Maxwell-Error-Type` of a 410.
pub const ERROR_NOT_FOUND: &str = "Maxwell\\Exception\\EntryNotFoundException";
/// `X-Maxwell-Error-Type` of a 429.
pub const ERROR_TOO_MANY: &str = "Maxwell\\Exception\\TooManyRequestsException";

// Per-provider id streams (CoinCover uses 1).
const EVENT_ID_STREAM: u64 = 2;
const ALERT_ID_STREAM: u64 = 3;
const TOKEN_STREAM: u64 = 4;

const X_AUTH_TOKEN: &str = "x-auth-token";
const X_AUTH_NONCE: &str = "x-auth-nonce";
const X_AUTH_SIGNATURE: &str = "x-auth-signature";
const X_MAXWELL_STATUS: &str = "x-maxwell-status";
const X_MAXWELL_ERROR_TYPE: &str = "x-maxwell-error-type";
const X_MAXWELL_ERROR_MESSAGE: &str = "x-maxwell-error-message";
const X_MAXWELL_ERROR_CONTEXT: &str = "x-maxwell-error-context";

/// Covery's token access levels.
///
/// | level | events | decisions | administration |
/// |---|---|---|---|
/// | `event` | yes | no | no |
/// | `decision` | yes | yes | no |
/// | `utility` | no | no | read only |
/// | `management` | no | no | yes |
///
/// The sandbox's `covery_token` holds all four levels; `covery_event_token` holds only
/// `event`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessLevel {
    /// May send events and postbacks.
    Event,
    /// May send events and ask for decisions; may read and confirm fraud alerts.
    Decision,
    /// Read-only administration.
    Utility,
    /// Administration: may read fraud alerts and give feedback on them.
    Management,
}

/// The levels a token holds, as `api/ping` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Access {
    /// The `event` level.
    pub event: bool,
    /// The `decision` level.
    pub decision: bool,
    /// The `management` level.
    pub management: bool,
    /// The `utility` level.
    pub utility: bool,
}

impl Access {
    /// All four levels (the sandbox's `covery_token`).
    pub const FULL: Access = Access {
        event: true,
        decision: true,
        management: true,
        utility: true,
    };

    /// Only the `event` level (the sandbox's `covery_event_token`).
    pub const EVENT: Access = Access {
        event: true,
        decision: false,
        management: false,
        utility: false,
    };

    /// `true` when the token holds `level`.
    pub fn has(self, level: AccessLevel) -> bool {
        match level {
            AccessLevel::Event => self.event,
            AccessLevel::Decision => self.decision,
            AccessLevel::Utility => self.utility,
            AccessLevel::Management => self.management,
        }
    }
}

/// `true` when `email`'s domain is one of [`DISPOSABLE_EMAIL_DOMAINS`].
pub fn is_disposable_email(email: &str) -> bool {
    email.rsplit_once('@').is_some_and(|(_, domain)| {
        DISPOSABLE_EMAIL_DOMAINS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(domain.trim()))
    })
}

/// The sandbox's USD price of one unit of `currency` (case-insensitive), if it converts it.
pub fn usd_rate(currency: &str) -> Option<Decimal> {
    USD_RATES
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(currency))
        .and_then(|(_, rate)| rate.parse().ok())
}

/// What the decision rules look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    /// The event's amount in USD, when it has one the sandbox can convert.
    pub amount_usd: Option<Decimal>,
    /// `true` when an email of the event is at a disposable domain.
    pub disposable_email: bool,
    /// `true` when `billing_country` and `country` are both present and differ.
    pub country_mismatch: bool,
    /// Failed logins of the event's `sequence_id` within the window, this event included.
    pub failed_logins: usize,
}

/// A scored decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The score, 0 to [`MAX_SCORE`].
    pub score: u32,
    /// The reasons of the rules that matched, in rule order.
    pub reasons: Vec<&'static str>,
}

impl Scored {
    /// At or above [`REJECT_SCORE`].
    pub fn reject(&self) -> bool {
        self.score >= REJECT_SCORE
    }

    /// At or above [`MANUAL_SCORE`], below [`REJECT_SCORE`].
    pub fn manual(&self) -> bool {
        !self.reject() && self.score >= MANUAL_SCORE
    }

    /// Below [`MANUAL_SCORE`].
    pub fn accept(&self) -> bool {
        self.score < MANUAL_SCORE
    }

    /// The `reason` text: the reasons joined with `", "` (empty when none matched).
    pub fn reason(&self) -> String {
        self.reasons.join(", ")
    }

    /// The `action` text: `Approve`, `Additional verification` or `Decline`.
    pub fn action(&self) -> &'static str {
        if self.reject() {
            "Decline"
        } else if self.manual() {
            "Additional verification"
        } else {
            "Approve"
        }
    }
}

/// The sandbox's decision rules; the score is the sum of the points of the rules that match,
/// capped at [`MAX_SCORE`]:
///
/// | rule | points | reason |
/// |---|---|---|
/// | amount ≥ [`REJECT_AMOUNT_USD`] USD | [`LARGE_AMOUNT_POINTS`] | `Large amount` |
/// | else amount ≥ [`MANUAL_AMOUNT_USD`] USD | [`ELEVATED_AMOUNT_POINTS`] | `Elevated amount` |
/// | a disposable email domain | [`DISPOSABLE_EMAIL_POINTS`] | `Disposable email domain` |
/// | `billing_country` ≠ `country` | [`COUNTRY_MISMATCH_POINTS`] | `Billing country mismatch` |
/// | ≥ [`FAILED_LOGIN_BURST`] failed logins | [`FAILED_LOGINS_POINTS`] | `Failed logins burst` |
pub fn score(signals: &Signals) -> Scored {
    let mut score = 0u32;
    let mut reasons = Vec::new();
    let mut add = |points: u32, reason: &'static str| {
        score = score.saturating_add(points);
        reasons.push(reason);
    };
    if let Some(usd) = signals.amount_usd {
        if usd >= Decimal::from(REJECT_AMOUNT_USD) {
            add(LARGE_AMOUNT_POINTS, "Large amount");
        } else if usd >= Decimal::from(MANUAL_AMOUNT_USD) {
            add(ELEVATED_AMOUNT_POINTS, "Elevated amount");
        }
    }
    if signals.disposable_email {
        add(DISPOSABLE_EMAIL_POINTS, "Disposable email domain");
    }
    if signals.country_mismatch {
        add(COUNTRY_MISMATCH_POINTS, "Billing country mismatch");
    }
    if signals.failed_logins >= FAILED_LOGIN_BURST {
        add(FAILED_LOGINS_POINTS, "Failed logins burst");
    }
    Scored {
        score: score.min(MAX_SCORE),
        reasons,
    }
}

// ---------------------------------------------------------------------------------------
// Responses

/// A Covery error: status, `X-Maxwell-*` headers, and the message as a `text/plain` body.
#[derive(Debug)]
struct CoveryError {
    status: StatusCode,
    kind: &'static str,
    message: String,
    context: Option<String>,
}

impl CoveryError {
    fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        CoveryError {
            status,
            kind,
            message: message.into(),
            context: None,
        }
    }

    fn auth(message: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ERROR_AUTH, message)
    }

    fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_ACCEPTABLE, ERROR_VALIDATION, message)
    }

    fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::GONE, ERROR_NOT_FOUND, message)
    }

    fn duplicate(message: impl Into<String>, existing: u64) -> Self {
        CoveryError {
            context: Some(existing.to_string()),
            ..Self::new(StatusCode::CONFLICT, ERROR_DUPLICATE, message)
        }
    }
}

/// A header value from arbitrary text: anything but visible ASCII and spaces becomes `?`.
fn header_text(text: &str) -> HeaderValue {
    let clean: String = text
        .chars()
        .map(|c| {
            if c == ' ' || c.is_ascii_graphic() {
                c
            } else {
                '?'
            }
        })
        .collect();
    HeaderValue::from_str(&clean).unwrap_or_else(|_| HeaderValue::from_static("?"))
}

fn set(headers: &mut HeaderMap, name: &'static str, value: HeaderValue) {
    headers.insert(HeaderName::from_static(name), value);
}

/// Writes a Covery failure's headers: the content type and the X-Maxwell status, error
/// type, message and (when given) context.
fn maxwell_failure(
    response: &mut Response,
    content_type: &'static str,
    kind: &'static str,
    message: &str,
    context: Option<&str>,
) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    set(
        headers,
        X_MAXWELL_STATUS,
        HeaderValue::from_static("Exception"),
    );
    set(
        headers,
        X_MAXWELL_ERROR_TYPE,
        HeaderValue::from_static(kind),
    );
    set(headers, X_MAXWELL_ERROR_MESSAGE, header_text(message));
    if let Some(context) = context {
        set(headers, X_MAXWELL_ERROR_CONTEXT, header_text(context));
    }
}

impl IntoResponse for CoveryError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.message.clone()).into_response();
        maxwell_failure(
            &mut response,
            "text/plain; charset=utf-8",
            self.kind,
            &self.message,
            self.context.as_deref(),
        );
        response
    }
}

/// The documented 404: `application/json`, no body, `NoRouteException`.
fn no_route(method: &Method, path: &str) -> Response {
    let mut response = StatusCode::NOT_FOUND.into_response();
    maxwell_failure(
        &mut response,
        "application/json",
        ERROR_NO_ROUTE,
        &format!("Unable to found route for {method} {path}"),
        None,
    );
    response
}

fn ok_json(value: &impl Serialize) -> Response {
    let mut response = crate::json_response(StatusCode::OK, value);
    if response.status() == StatusCode::OK {
        set(
            response.headers_mut(),
            X_MAXWELL_STATUS,
            HeaderValue::from_static("OK"),
        );
    }
    response
}

fn no_content() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    set(
        response.headers_mut(),
        X_MAXWELL_STATUS,
        HeaderValue::from_static("OK"),
    );
    response
}

type Outcome = Result<Response, CoveryError>;

// ---------------------------------------------------------------------------------------
// Routing and authentication

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Ping,
    SendEvent,
    MakeDecision,
    Postback,
    Latest,
    Find,
    Confirm,
    Feedback,
}

impl Op {
    fn from_path(path: &str) -> Option<Op> {
        Some(match path {
            "/api/ping" => Op::Ping,
            "/api/sendEvent" => Op::SendEvent,
            "/api/makeDecision" => Op::MakeDecision,
            "/api/postback" => Op::Postback,
            "/api/manage/fraud/latest" => Op::Latest,
            "/api/manage/fraud/find" => Op::Find,
            "/api/manage/fraud/confirm" => Op::Confirm,
            "/api/manage/fraud/feedback" => Op::Feedback,
            _ => return None,
        })
    }

    /// Whether `access` may call this operation (Covery's "Access level" rows).
    fn allowed(self, access: Access) -> bool {
        use AccessLevel::{Decision, Event, Management};
        match self {
            Op::Ping => true,
            Op::SendEvent | Op::Postback => access.has(Event),
            Op::MakeDecision | Op::Confirm => access.has(Decision),
            Op::Latest | Op::Find => access.has(Decision) || access.has(Management),
            Op::Feedback => access.has(Management),
        }
    }
}

/// Every Covery request lands here (the router sends `/covery` and `/covery/*`).
pub(crate) async fn dispatch(State(sandbox): State<Sandbox>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let full = parts.uri.path();
    let path = match full.strip_prefix(crate::Provider::Covery.prefix()) {
        Some("") | None => "/",
        Some(rest) => rest,
    };
    let op = match Op::from_path(path) {
        Some(op) if parts.method == Method::POST => op,
        _ => return no_route(&parts.method, path),
    };
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => return CoveryError::invalid("Request body could not be read").into_response(),
    };
    let outcome = authenticate(&sandbox, &parts.headers, &body).and_then(|access| {
        if !op.allowed(access) {
            return Err(CoveryError::new(
                StatusCode::FORBIDDEN,
                ERROR_ACCESS,
                "Token access level not sufficient to access requested API",
            ));
        }
        match op {
            Op::Ping => Ok(ok_json(&Ping {
                customer_id: CUSTOMER_ID,
                access,
            })),
            Op::SendEvent => event(&sandbox, &body, false),
            Op::MakeDecision => event(&sandbox, &body, true),
            Op::Postback => postback(&sandbox, &body),
            Op::Latest => latest(&sandbox, &body),
            Op::Find => find(&sandbox, &body),
            Op::Confirm => confirm(&sandbox, &body),
            Op::Feedback => feedback(&sandbox, &body),
        }
    });
    outcome.unwrap_or_else(IntoResponse::into_response)
}

/// Covery's authentication; on success the nonce is spent.
fn authenticate(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Access, CoveryError> {
    let get = |name: &str| headers.get(name).map(HeaderValue::as_bytes);
    let (Some(token), Some(nonce), Some(signature)) =
        (get(X_AUTH_TOKEN), get(X_AUTH_NONCE), get(X_AUTH_SIGNATURE))
    else {
        return Err(CoveryError::auth(
            "One of mandatory auth headers missing: X-Auth-Token, X-Auth-Nonce, X-Auth-Signature",
        ));
    };
    let creds = sandbox.credentials();
    let access = if constant_time_eq(token, creds.covery_token.as_bytes()) {
        Access::FULL
    } else if constant_time_eq(token, creds.covery_event_token.as_bytes()) {
        Access::EVENT
    } else {
        return Err(CoveryError::auth("Invalid auth token"));
    };
    if nonce.is_empty() {
        return Err(CoveryError::auth("Empty X-Auth-Nonce"));
    }
    let secrets = WebhookSecrets::new(creds.covery_secret.clone().into());
    if verify_sha256_nonce(X_AUTH_SIGNATURE, signature, nonce, body, &secrets).is_err() {
        return Err(CoveryError::auth("Invalid auth signature"));
    }
    let nonce = String::from_utf8_lossy(nonce).into_owned();
    if !sandbox.lock().covery.nonces.insert(nonce) {
        return Err(CoveryError::auth("Nonce already used"));
    }
    Ok(access)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Ping {
    customer_id: u64,
    access: Access,
}

// ---------------------------------------------------------------------------------------
// State

/// Covery's part of the sandbox state.
pub(crate) struct CoveryState {
    nonces: HashSet<String>,
    events: HashMap<u64, StoredEvent>,
    /// `(event type, entry id)` → `requestId`, for 409s and postbacks by `transaction_id`.
    entries: HashMap<(EventType, String), u64>,
    sequences: HashMap<String, SequenceHistory>,
    alerts: BTreeMap<u64, AlertEntry>,
    event_ids: IdSequence,
    alert_ids: IdSequence,
    tokens: IdSequence,
}

impl CoveryState {
    pub(crate) fn new(seed: u64) -> Self {
        CoveryState {
            nonces: HashSet::new(),
            events: HashMap::new(),
            entries: HashMap::new(),
            sequences: HashMap::new(),
            alerts: BTreeMap::new(),
            event_ids: IdSequence::new(seed, EVENT_ID_STREAM),
            alert_ids: IdSequence::new(seed, ALERT_ID_STREAM),
            tokens: IdSequence::new(seed, TOKEN_STREAM),
        }
    }
}

/// What the sandbox keeps of an event.
struct StoredEvent {
    /// The postback fields received for it, last one wins per field.
    postback: HashMap<String, String>,
}

/// One `sequence_id`'s recent activity, in clock seconds.
#[derive(Default)]
struct SequenceHistory {
    /// When each accepted event arrived (the last [`SEQUENCE_WINDOW_SECS`]).
    recent: VecDeque<u64>,
    /// When each failed login arrived (the last [`FAILED_LOGIN_WINDOW_SECS`]).
    failed_logins: VecDeque<u64>,
}

fn prune(times: &mut VecDeque<u64>, now: u64, span: u64) -> usize {
    while let Some(&at) = times.front() {
        if at.saturating_add(span) > now {
            break;
        }
        times.pop_front();
    }
    times.len()
}

/// The clock as Covery's float timestamps (seconds, millisecond precision).
fn created_at(sandbox: &Sandbox) -> f64 {
    let millis = sandbox
        .config()
        .clock
        .now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    #[allow(clippy::cast_precision_loss, reason = "timestamps fit in f64 exactly")]
    let seconds = (millis / 1000) as f64 + (millis % 1000) as f64 / 1000.0;
    seconds
}

// ---------------------------------------------------------------------------------------
// Body parsing

type Fields = HashMap<String, Box<RawValue>>;

/// The top-level fields of a JSON object; an empty body counts as `{}` when `empty_ok`.
fn parse_object(body: &[u8], empty_ok: bool) -> Result<Fields, CoveryError> {
    if empty_ok && body.trim_ascii().is_empty() {
        return Ok(Fields::new());
    }
    match serde_json::from_slice::<Fields>(body) {
        Ok(fields) => Ok(fields),
        Err(e) => match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
            Ok(_) => Err(CoveryError::invalid(
                "Request body must be a JSON encoded object",
            )),
            Err(_) => Err(CoveryError::invalid(format!(
                "Malformed JSON in request body: {e}"
            ))),
        },
    }
}

/// A field's raw value, `None` when absent or null.
fn field<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.get(name).map(|v| v.get()).filter(|v| *v != "null")
}

fn text(fields: &Fields, name: &str) -> Result<Option<String>, CoveryError> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<String>(raw)
                .map_err(|_| CoveryError::invalid(format!("Field {name} must be a string")))
        })
        .transpose()
}

fn integer(fields: &Fields, name: &str) -> Result<Option<i64>, CoveryError> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<i64>(raw)
                .map_err(|_| CoveryError::invalid(format!("Field {name} must be an integer")))
        })
        .transpose()
}

/// A non-negative JSON number, read exactly.
fn number(fields: &Fields, name: &str) -> Result<Option<Decimal>, CoveryError> {
    let Some(raw) = field(fields, name) else {
        return Ok(None);
    };
    let bad = || CoveryError::invalid(format!("Field {name} must be a non-negative number"));
    if serde_json::from_str::<serde_json::Number>(raw).is_err() {
        return Err(bad());
    }
    let value = Decimal::from_str_exact(raw)
        .or_else(|_| Decimal::from_scientific(raw))
        .map_err(|_| bad())?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(bad());
    }
    Ok(Some(value))
}

fn boolean(fields: &Fields, name: &str) -> Result<Option<bool>, CoveryError> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<bool>(raw)
                .map_err(|_| CoveryError::invalid(format!("Field {name} must be a boolean")))
        })
        .transpose()
}

// ---------------------------------------------------------------------------------------
// Events

/// Covery's event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum EventType {
    Install,
    Registration,
    Confirmation,
    Login,
    Transaction,
    Refund,
    Payout,
    Transfer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Req,
    Opt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A string.
    Str,
    /// `sequence_id`: a string of 1 to 40 characters.
    Seq,
    /// An integer.
    Int,
    /// A non-negative number.
    Num,
    /// A boolean.
    Bool,
    /// An ISO 3166-1 alpha-3 code in lower case.
    Country,
    /// Three ASCII letters.
    Currency,
}

use Kind::{Bool, Country, Currency, Int, Num, Seq, Str};
use Need::{Opt, Req};

type Spec = &'static [(&'static str, Need, Kind)];

const INSTALL: Spec = &[
    ("install_timestamp", Req, Int),
    ("user_merchant_id", Opt, Str),
    ("sequence_id", Opt, Seq),
    ("country", Opt, Country),
    ("website_url", Opt, Str),
    ("traffic_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

const REGISTRATION: Spec = &[
    ("registration_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("age", Opt, Int),
    ("country", Opt, Country),
    ("email", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("gender", Opt, Str),
    ("phone", Opt, Str),
    ("social_type", Opt, Str),
    ("user_name", Opt, Str),
    ("website_url", Opt, Str),
    ("traffic_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

const CONFIRMATION: Spec = &[
    ("confirmation_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("email_confirmed", Opt, Bool),
    ("phone_confirmed", Opt, Bool),
];

const LOGIN: Spec = &[
    ("login_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("login_failed", Opt, Bool),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("gender", Opt, Str),
    ("traffic_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

const TRANSACTION: Spec = &[
    ("transaction_amount", Req, Num),
    ("transaction_currency", Req, Currency),
    ("transaction_id", Req, Str),
    ("transaction_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("payment_method", Opt, Str),
    ("payment_system", Opt, Str),
    ("payment_mid", Opt, Str),
    ("transaction_mode", Opt, Str),
    ("transaction_type", Opt, Str),
    ("payment_account_id", Opt, Str),
    ("card_id", Opt, Str),
    ("card_bin", Opt, Int),
    ("card_last4", Opt, Str),
    ("expiration_month", Opt, Int),
    ("expiration_year", Opt, Int),
    ("age", Opt, Int),
    ("billing_address", Opt, Str),
    ("billing_city", Opt, Str),
    ("billing_country", Opt, Country),
    ("billing_fullname", Opt, Str),
    ("billing_firstname", Opt, Str),
    ("billing_lastname", Opt, Str),
    ("billing_state", Opt, Str),
    ("billing_zip", Opt, Str),
    ("country", Opt, Country),
    ("email", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("gender", Opt, Str),
    ("merchant_ip", Opt, Str),
    ("phone", Opt, Str),
    ("product_description", Opt, Str),
    ("product_name", Opt, Str),
    ("product_quantity", Opt, Num),
    ("transaction_amount_converted", Opt, Num),
    ("user_name", Opt, Str),
    ("website_url", Opt, Str),
    ("transaction_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

const REFUND: Spec = &[
    ("refund_timestamp", Req, Int),
    ("refund_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("refund_amount", Req, Num),
    ("refund_currency", Req, Currency),
    ("refund_amount_converted", Opt, Num),
    ("refund_method", Opt, Str),
    ("refund_system", Opt, Str),
    ("refund_mid", Opt, Str),
    ("refund_source", Opt, Str),
    ("refund_type", Opt, Str),
    ("refund_code", Opt, Str),
    ("refund_reason", Opt, Str),
    ("agent_id", Opt, Str),
    ("user_merchant_id", Opt, Str),
];

const PAYOUT: Spec = &[
    ("payout_timestamp", Req, Int),
    ("payout_id", Req, Str),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("payout_amount", Req, Num),
    ("payout_currency", Req, Currency),
    ("payout_amount_converted", Opt, Num),
    ("payout_method", Opt, Str),
    ("payout_system", Opt, Str),
    ("payout_mid", Opt, Str),
    ("payout_account_id", Opt, Str),
    ("payout_card_id", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("country", Opt, Country),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("payout_card_bin", Opt, Int),
    ("payout_card_last4", Opt, Str),
    ("payout_expiration_month", Opt, Int),
    ("payout_expiration_year", Opt, Int),
];

const TRANSFER: Spec = &[
    ("event_id", Req, Str),
    ("event_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("account_system", Req, Str),
    ("account_id", Req, Str),
    ("second_account_id", Req, Str),
    ("amount", Req, Num),
    ("currency", Req, Currency),
    ("amount_converted", Opt, Num),
    ("operation", Opt, Str),
    ("source", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("fullname", Opt, Str),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("birth_date", Opt, Int),
    ("gender", Opt, Str),
    ("country", Opt, Country),
    ("state", Opt, Str),
    ("city", Opt, Str),
    ("address", Opt, Str),
    ("zip", Opt, Str),
    ("second_firstname", Opt, Str),
    ("second_lastname", Opt, Str),
    ("second_fullname", Opt, Str),
    ("second_email", Opt, Str),
    ("second_phone", Opt, Str),
    ("second_birth_date", Opt, Int),
    ("second_gender", Opt, Str),
    ("second_country", Opt, Country),
    ("second_state", Opt, Str),
    ("second_city", Opt, Str),
    ("second_address", Opt, Str),
    ("second_zip", Opt, Str),
    ("product_name", Opt, Str),
    ("product_description", Opt, Str),
    ("product_quantity", Opt, Num),
];

/// The device-data fields every event may carry.
const DEVICE: Spec = &[
    ("ajax_validation", Opt, Bool),
    ("cookie_enabled", Opt, Bool),
    ("cpu_class", Opt, Str),
    ("device_fingerprint", Opt, Str),
    ("device_id", Opt, Str),
    ("do_not_track", Opt, Bool),
    ("ip", Opt, Str),
    ("language", Opt, Str),
    ("languages", Opt, Str),
    ("language_browser", Opt, Str),
    ("language_user", Opt, Str),
    ("language_system", Opt, Str),
    ("os", Opt, Str),
    ("real_ip", Opt, Str),
    ("screen_resolution", Opt, Str),
    ("screen_orientation", Opt, Str),
    ("timezone_offset", Opt, Int),
    ("user_agent", Opt, Str),
];

impl EventType {
    const ALL: [EventType; 8] = [
        EventType::Install,
        EventType::Registration,
        EventType::Confirmation,
        EventType::Login,
        EventType::Transaction,
        EventType::Refund,
        EventType::Payout,
        EventType::Transfer,
    ];

    fn name(self) -> &'static str {
        match self {
            EventType::Install => "install",
            EventType::Registration => "registration",
            EventType::Confirmation => "confirmation",
            EventType::Login => "login",
            EventType::Transaction => "transaction",
            EventType::Refund => "refund",
            EventType::Payout => "payout",
            EventType::Transfer => "transfer",
        }
    }

    fn spec(self) -> Spec {
        match self {
            EventType::Install => INSTALL,
            EventType::Registration => REGISTRATION,
            EventType::Confirmation => CONFIRMATION,
            EventType::Login => LOGIN,
            EventType::Transaction => TRANSACTION,
            EventType::Refund => REFUND,
            EventType::Payout => PAYOUT,
            EventType::Transfer => TRANSFER,
        }
    }

    /// The field naming the entry (409 on a second event with the same value).
    fn entry_field(self) -> Option<&'static str> {
        match self {
            EventType::Transaction => Some("transaction_id"),
            EventType::Refund => Some("refund_id"),
            EventType::Payout => Some("payout_id"),
            EventType::Transfer => Some("event_id"),
            _ => None,
        }
    }

    /// `(amount, currency, converted amount)` fields of the events the amount rules score.
    fn amount_fields(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            EventType::Transaction => Some((
                "transaction_amount",
                "transaction_currency",
                "transaction_amount_converted",
            )),
            EventType::Payout => Some((
                "payout_amount",
                "payout_currency",
                "payout_amount_converted",
            )),
            EventType::Transfer => Some(("amount", "currency", "amount_converted")),
            _ => None,
        }
    }
}

/// A validated event.
struct Event {
    kind: EventType,
    sequence_id: Option<String>,
    merchant_user_id: Option<String>,
    entry_id: Option<String>,
    failed_login: bool,
    amount_usd: Option<Decimal>,
    disposable_email: bool,
    country_mismatch: bool,
}

fn parse_event(body: &[u8]) -> Result<Event, CoveryError> {
    let fields = parse_object(body, false)?;
    let type_name = match (text(&fields, "type")?, text(&fields, "event_type")?) {
        (Some(t), Some(e)) if t != e => {
            return Err(CoveryError::invalid("Fields type and event_type disagree"));
        }
        (Some(t), _) | (None, Some(t)) => t,
        (None, None) => return Err(CoveryError::invalid("Field type is mandatory")),
    };
    let kind = EventType::ALL
        .into_iter()
        .find(|k| k.name() == type_name)
        .ok_or_else(|| {
            CoveryError::invalid(format!(
                "Unknown event type {type_name:?}; expected one of install, registration, \
                 confirmation, login, transaction, refund, payout, transfer"
            ))
        })?;
    let spec = kind.spec();
    let mut countries: HashMap<&str, CountryCode> = HashMap::new();
    for &(name, need, kind_of) in spec.iter().chain(DEVICE) {
        let present = field(&fields, name).is_some();
        if !present {
            if need == Req {
                return Err(CoveryError::invalid(format!(
                    "Field {name} is mandatory for event type {}",
                    kind.name()
                )));
            }
            continue;
        }
        match kind_of {
            Str => {
                let value = text(&fields, name)?.unwrap_or_default();
                if need == Req && value.trim().is_empty() {
                    return Err(CoveryError::invalid(format!(
                        "Field {name} must not be empty"
                    )));
                }
            }
            Seq => {
                let value = text(&fields, name)?.unwrap_or_default();
                let len = value.chars().count();
                if value.trim().is_empty() || len > MAX_SEQUENCE_ID_LEN {
                    return Err(CoveryError::invalid(format!(
                        "Field {name} must be 1 to {MAX_SEQUENCE_ID_LEN} characters long, got {len}"
                    )));
                }
            }
            Int => {
                integer(&fields, name)?;
            }
            Num => {
                number(&fields, name)?;
            }
            Bool => {
                boolean(&fields, name)?;
            }
            Country => {
                let value = text(&fields, name)?.unwrap_or_default();
                let code = CountryCode::from_alpha3(&value)
                    .ok()
                    .filter(|code| code.alpha3_lower() == value)
                    .ok_or_else(|| {
                        CoveryError::invalid(format!(
                            "Field {name} must be an ISO 3166-1 alpha-3 code in lower case, \
                             such as usa"
                        ))
                    })?;
                countries.insert(name, code);
            }
            Currency => {
                let value = text(&fields, name)?.unwrap_or_default();
                if value.len() != 3 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(CoveryError::invalid(format!(
                        "Field {name} must be a three-letter currency code, such as USD"
                    )));
                }
            }
        }
    }

    let amount_usd = match kind.amount_fields() {
        Some((amount, currency, converted)) => match number(&fields, converted)? {
            Some(usd) => Some(usd),
            None => {
                let rate = text(&fields, currency)?.and_then(|c| usd_rate(&c));
                match (number(&fields, amount)?, rate) {
                    (Some(amount), Some(rate)) => amount.checked_mul(rate),
                    _ => None,
                }
            }
        },
        None => None,
    };
    let mut disposable_email = false;
    for name in ["email", "second_email"] {
        if spec.iter().any(|(n, _, _)| *n == name)
            && let Some(email) = text(&fields, name)?
        {
            disposable_email |= is_disposable_email(&email);
        }
    }
    let country_mismatch = match (countries.get("billing_country"), countries.get("country")) {
        (Some(billing), Some(country)) => billing != country,
        _ => false,
    };
    Ok(Event {
        kind,
        sequence_id: text(&fields, "sequence_id")?,
        merchant_user_id: text(&fields, "user_merchant_id")?,
        entry_id: match kind.entry_field() {
            Some(name) => text(&fields, name)?,
            None => None,
        },
        failed_login: kind == EventType::Login && boolean(&fields, "login_failed")? == Some(true),
        amount_usd,
        disposable_email,
        country_mismatch,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventResult {
    request_id: u64,
    #[serde(rename = "type")]
    kind: &'static str,
    created_at: f64,
    sequence_id: String,
    merchant_user_id: String,
}

#[derive(Serialize)]
struct DecisionResult {
    #[serde(flatten)]
    event: EventResult,
    score: u32,
    accept: bool,
    reject: bool,
    manual: bool,
    reason: String,
    action: &'static str,
}

/// `api/sendEvent` and, with `decide`, `api/makeDecision`.
fn event(sandbox: &Sandbox, body: &[u8], decide: bool) -> Outcome {
    let ev = parse_event(body)?;
    let now = sandbox.now_secs();
    let created_at = created_at(sandbox);
    let mut state = sandbox.lock();
    let cv = &mut state.covery;

    if let Some(seq) = &ev.sequence_id
        && let Some(history) = cv.sequences.get_mut(seq)
        && prune(&mut history.recent, now, SEQUENCE_WINDOW_SECS) >= MAX_EVENTS_PER_SEQUENCE
    {
        return Err(CoveryError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ERROR_TOO_MANY,
            format!(
                "Too many requests with same sequence_id: at most {MAX_EVENTS_PER_SEQUENCE} \
                 per {SEQUENCE_WINDOW_SECS} seconds"
            ),
        ));
    }
    let entry_key = ev.entry_id.clone().map(|id| (ev.kind, id));
    if let Some(key) = &entry_key
        && let Some(&existing) = cv.entries.get(key)
    {
        let name = ev.kind.entry_field().unwrap_or("id");
        return Err(CoveryError::duplicate(
            format!("Entry with {name} {:?} already exists", key.1),
            existing,
        ));
    }

    let request_id = cv.event_ids.next_serial();
    cv.events.insert(
        request_id,
        StoredEvent {
            postback: HashMap::new(),
        },
    );
    if let Some(key) = entry_key {
        cv.entries.insert(key, request_id);
    }
    let mut failed_logins = 0;
    if let Some(seq) = &ev.sequence_id {
        let history = cv.sequences.entry(seq.clone()).or_default();
        history.recent.push_back(now);
        if ev.failed_login {
            history.failed_logins.push_back(now);
        }
        failed_logins = prune(&mut history.failed_logins, now, FAILED_LOGIN_WINDOW_SECS);
    }
    drop(state);

    let result = EventResult {
        request_id,
        kind: ev.kind.name(),
        created_at,
        sequence_id: ev.sequence_id.unwrap_or_default(),
        merchant_user_id: ev.merchant_user_id.unwrap_or_default(),
    };
    if !decide {
        return Ok(ok_json(&result));
    }
    let scored = score(&Signals {
        amount_usd: ev.amount_usd,
        disposable_email: ev.disposable_email,
        country_mismatch: ev.country_mismatch,
        failed_logins,
    });
    Ok(ok_json(&DecisionResult {
        event: result,
        score: scored.score,
        accept: scored.accept(),
        reject: scored.reject(),
        manual: scored.manual(),
        reason: scored.reason(),
        action: scored.action(),
    }))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostbackResult {
    request_id: u64,
}

const POSTBACK_TEXT_FIELDS: &[&str] = &[
    "transaction_status",
    "code",
    "reason",
    "secure3d",
    "avs_result",
    "cvv_result",
    "psp_code",
    "psp_reason",
    "arn",
];

/// `api/postback`: by `request_id` when present, else by `transaction_id`.
fn postback(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let fields = parse_object(body, false)?;
    let request_id = integer(&fields, "request_id")?;
    let transaction_id = text(&fields, "transaction_id")?;
    let mut data = HashMap::new();
    for name in POSTBACK_TEXT_FIELDS {
        if let Some(value) = text(&fields, name)? {
            data.insert((*name).to_owned(), value);
        }
    }
    let mut state = sandbox.lock();
    let cv = &mut state.covery;
    let found = match (request_id, transaction_id) {
        (Some(id), _) => u64::try_from(id)
            .ok()
            .filter(|id| cv.events.contains_key(id))
            .ok_or_else(|| {
                CoveryError::not_found(format!("Event with request_id {id} not found"))
            })?,
        (None, Some(tx)) => cv
            .entries
            .get(&(EventType::Transaction, tx.clone()))
            .copied()
            .ok_or_else(|| {
                CoveryError::not_found(format!("Transaction with transaction_id {tx:?} not found"))
            })?,
        (None, None) => {
            return Err(CoveryError::invalid(
                "One of fields request_id or transaction_id is mandatory",
            ));
        }
    };
    if let Some(event) = cv.events.get_mut(&found) {
        event.postback.extend(data);
    }
    drop(state);
    Ok(ok_json(&PostbackResult { request_id: found }))
}

// ---------------------------------------------------------------------------------------
// Fraud alerts

/// A fraud alert, keys and order as in Covery's example.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct FraudAlert {
    id: u64,
    source: String,
    external_id: String,
    #[serde(rename = "type")]
    kind: String,
    state: String,
    card_bin: String,
    card_last4: String,
    alert_timestamp: i64,
    transaction_timestamp: i64,
    transaction_amount: f64,
    transaction_currency: String,
    #[serde(rename = "is3dSecure")]
    is_3d_secure: Option<bool>,
    arn: String,
    chargeback_amount: f64,
    chargeback_currency: String,
    chargeback_reason_code: String,
    merchant_descriptor: String,
}

impl FraudAlert {
    fn is_dispute(&self) -> bool {
        self.kind == "customerdispute_alert"
    }

    fn states(&self) -> &'static [&'static str] {
        if self.is_dispute() {
            CUSTOMER_DISPUTE_STATES
        } else {
            CONFIRMED_FRAUD_STATES
        }
    }
}

struct AlertEntry {
    alert: FraudAlert,
    confirmed: bool,
    refunded: Option<String>,
}

fn alert_id(fields: &Fields) -> Result<u64, CoveryError> {
    let id = integer(fields, "id")?.ok_or_else(|| CoveryError::invalid("Field id is mandatory"))?;
    u64::try_from(id).map_err(|_| CoveryError::not_found(format!("Fraud alert {id} not found")))
}

fn alert_not_found(id: u64) -> CoveryError {
    CoveryError::not_found(format!("Fraud alert {id} not found"))
}

/// `api/manage/fraud/latest`: unconfirmed alerts, newest first.
fn latest(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let fields = parse_object(body, true)?;
    let limit = match integer(&fields, "limit")? {
        None => MAX_LATEST_LIMIT,
        Some(n) => u64::try_from(n)
            .ok()
            .filter(|n| (1..=MAX_LATEST_LIMIT).contains(n))
            .ok_or_else(|| {
                CoveryError::invalid(format!("Field limit must be 1 to {MAX_LATEST_LIMIT}"))
            })?,
    };
    let state = sandbox.lock();
    let alerts: Vec<&FraudAlert> = state
        .covery
        .alerts
        .values()
        .rev()
        .filter(|entry| !entry.confirmed)
        .map(|entry| &entry.alert)
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    Ok(ok_json(&alerts))
}

/// `api/manage/fraud/find`.
fn find(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let id = alert_id(&parse_object(body, false)?)?;
    let state = sandbox.lock();
    match state.covery.alerts.get(&id) {
        Some(entry) => Ok(ok_json(&entry.alert)),
        None => Err(alert_not_found(id)),
    }
}

/// `api/manage/fraud/confirm`: idempotent; confirmed alerts leave `latest`.
fn confirm(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let id = alert_id(&parse_object(body, false)?)?;
    let mut state = sandbox.lock();
    match state.covery.alerts.get_mut(&id) {
        Some(entry) => {
            entry.confirmed = true;
            Ok(no_content())
        }
        None => Err(alert_not_found(id)),
    }
}

/// `api/manage/fraud/feedback`: moves an open alert to a state of its type.
fn feedback(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let fields = parse_object(body, false)?;
    let id = alert_id(&fields)?;
    let result = text(&fields, "result")?
        .ok_or_else(|| CoveryError::invalid("Field result is mandatory"))?;
    let refunded = text(&fields, "refunded")?;
    if let Some(r) = &refunded
        && !REFUNDED_VALUES.contains(&r.as_str())
    {
        return Err(CoveryError::invalid(format!(
            "Field refunded must be one of {}",
            REFUNDED_VALUES.join(", ")
        )));
    }
    let mut state = sandbox.lock();
    let entry = state
        .covery
        .alerts
        .get_mut(&id)
        .ok_or_else(|| alert_not_found(id))?;
    let states = entry.alert.states();
    if result == "none" || !states.contains(&result.as_str()) {
        let allowed: Vec<&str> = states.iter().copied().filter(|s| *s != "none").collect();
        return Err(CoveryError::invalid(format!(
            "Field result must be one of {} for a {} alert",
            allowed.join(", "),
            if entry.alert.is_dispute() {
                "customer dispute"
            } else {
                "confirmed fraud"
            }
        )));
    }
    if !OPEN_ALERT_STATES.contains(&entry.alert.state.as_str()) {
        return Err(CoveryError::duplicate(
            format!(
                "Fraud alert {id} already has final state {}",
                entry.alert.state
            ),
            id,
        ));
    }
    entry.alert.state = result;
    if refunded.is_some() {
        entry.refunded = refunded;
    }
    Ok(no_content())
}

/// `POST /_sandbox/covery/fraud-alerts`: creates an alert (fields of the JSON body override
/// the defaults), answers 201 with it, and posts it to the callback URL if one is set.
pub(crate) async fn control_create_alert(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    let overrides = match parse_object(&body, true) {
        Ok(fields) => fields,
        Err(e) => return message(StatusCode::BAD_REQUEST, &e.message),
    };
    let now = i64::try_from(sandbox.now_secs()).unwrap_or(i64::MAX);
    let (alert, nonce) = {
        let mut state = sandbox.lock();
        let cv = &mut state.covery;
        let id = cv.alert_ids.next_serial();
        let token = cv.tokens.next_uuid().replace('-', "").to_ascii_uppercase();
        let digits: String = token.bytes().map(|b| char::from(b'0' + (b % 10))).collect();
        let alert = FraudAlert {
            id,
            source: "ethoca".to_owned(),
            external_id: token.chars().take(25).collect(),
            kind: "issuer_alert".to_owned(),
            state: "none".to_owned(),
            card_bin: "411111".to_owned(),
            card_last4: "1111".to_owned(),
            alert_timestamp: now,
            transaction_timestamp: now.saturating_sub(86_400),
            transaction_amount: 28.55,
            transaction_currency: "USD".to_owned(),
            is_3d_secure: None,
            arn: digits.chars().take(23).collect(),
            chargeback_amount: 0.0,
            chargeback_currency: String::new(),
            chargeback_reason_code: String::new(),
            merchant_descriptor: "SANDBOX".to_owned(),
        };
        let alert = match apply_overrides(alert, &overrides) {
            Ok(alert) => alert,
            Err(problem) => return message(StatusCode::BAD_REQUEST, &problem),
        };
        cv.alerts.insert(
            id,
            AlertEntry {
                alert: alert.clone(),
                confirmed: false,
                refunded: None,
            },
        );
        (alert, cv.tokens.next_uuid())
    };
    let response = crate::json_response(StatusCode::CREATED, &alert);
    if let Ok(body) = serde_json::to_vec(&alert) {
        send_callback(&sandbox, Bytes::from(body), nonce);
    }
    response
}

const OVERRIDABLE: &[&str] = &[
    "source",
    "externalId",
    "type",
    "cardBin",
    "cardLast4",
    "alertTimestamp",
    "transactionTimestamp",
    "transactionAmount",
    "transactionCurrency",
    "is3dSecure",
    "arn",
    "chargebackAmount",
    "chargebackCurrency",
    "chargebackReasonCode",
    "merchantDescriptor",
];

fn apply_overrides(mut alert: FraudAlert, fields: &Fields) -> Result<FraudAlert, String> {
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort();
    if let Some(unknown) = names.iter().find(|n| !OVERRIDABLE.contains(&n.as_str())) {
        return Err(format!(
            "{unknown}: cannot be set; settable fields are {}",
            OVERRIDABLE.join(", ")
        ));
    }
    let string = |name: &str| -> Result<Option<String>, String> {
        field(fields, name)
            .map(|raw| {
                serde_json::from_str::<String>(raw).map_err(|_| format!("{name}: must be a string"))
            })
            .transpose()
    };
    let int = |name: &str| -> Result<Option<i64>, String> {
        field(fields, name)
            .map(|raw| {
                serde_json::from_str::<i64>(raw).map_err(|_| format!("{name}: must be an integer"))
            })
            .transpose()
    };
    let float = |name: &str| -> Result<Option<f64>, String> {
        field(fields, name)
            .map(|raw| match serde_json::from_str::<f64>(raw) {
                Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
                _ => Err(format!("{name}: must be a non-negative number")),
            })
            .transpose()
    };
    let targets: [(&str, &mut String); 10] = [
        ("source", &mut alert.source),
        ("externalId", &mut alert.external_id),
        ("type", &mut alert.kind),
        ("cardBin", &mut alert.card_bin),
        ("cardLast4", &mut alert.card_last4),
        ("transactionCurrency", &mut alert.transaction_currency),
        ("arn", &mut alert.arn),
        ("chargebackCurrency", &mut alert.chargeback_currency),
        ("chargebackReasonCode", &mut alert.chargeback_reason_code),
        ("merchantDescriptor", &mut alert.merchant_descriptor),
    ];
    for (name, target) in targets {
        if let Some(value) = string(name)? {
            *target = value;
        }
    }
    if !ALERT_TYPES.contains(&alert.kind.as_str()) {
        return Err(format!(
            "type: must be one of \"\", {}",
            ALERT_TYPES[1..].join(", ")
        ));
    }
    if let Some(v) = int("alertTimestamp")? {
        alert.alert_timestamp = v;
    }
    if let Some(v) = int("transactionTimestamp")? {
        alert.transaction_timestamp = v;
    }
    if let Some(v) = float("transactionAmount")? {
        alert.transaction_amount = v;
    }
    if let Some(v) = float("chargebackAmount")? {
        alert.chargeback_amount = v;
    }
    if let Some(raw) = field(fields, "is3dSecure") {
        alert.is_3d_secure = Some(
            serde_json::from_str::<bool>(raw)
                .map_err(|_| "is3dSecure: must be true, false or null".to_owned())?,
        );
    }
    Ok(alert)
}

/// Posts `body` to the configured callback URL from a spawned task, signed as Covery signs
/// callbacks. Failures are logged, never raised.
fn send_callback(sandbox: &Sandbox, body: Bytes, nonce: String) {
    let Some(url) = sandbox.config().callback_url.clone() else {
        return;
    };
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        tracing::warn!(target: "payments_sandbox", %url, "no Tokio runtime: Covery callback not sent");
        return;
    };
    let signature = sha256_nonce_hex(
        nonce.as_bytes(),
        &body,
        sandbox.credentials().covery_secret.as_bytes(),
    );
    runtime.spawn(async move {
        let Some(client) = callbacks::client("Covery") else {
            return;
        };
        let headers = [("X-Auth-Nonce", nonce), ("X-Auth-Signature", signature)];
        callbacks::post(&client, "Covery", &url, headers, body).await;
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn disposable_emails() {
        assert!(is_disposable_email(DEMO_DISPOSABLE_EMAIL));
        assert!(is_disposable_email("x@GuerrillaMail.com"));
        assert!(!is_disposable_email("x@example.com"));
        assert!(!is_disposable_email("mailinator.com"));
    }

    #[test]
    fn scores_add_up_and_cap() {
        let none = score(&Signals::default());
        assert_eq!(
            (none.score, none.accept(), none.reason()),
            (0, true, String::new())
        );
        let all = score(&Signals {
            amount_usd: Some(Decimal::from(REJECT_AMOUNT_USD)),
            disposable_email: true,
            country_mismatch: true,
            failed_logins: FAILED_LOGIN_BURST,
        });
        assert_eq!(all.score, MAX_SCORE);
        assert!(all.reject() && !all.manual() && !all.accept());
        assert_eq!(
            all.reason(),
            "Large amount, Disposable email domain, Billing country mismatch, Failed logins burst"
        );
        let manual = score(&Signals {
            amount_usd: Some(Decimal::from(MANUAL_AMOUNT_USD)),
            ..Signals::default()
        });
        assert_eq!(manual.score, 40);
        assert!(manual.manual());
        assert_eq!(manual.action(), "Additional verification");
    }

    #[test]
    fn every_rate_parses() {
        for (code, _) in USD_RATES {
            assert!(usd_rate(code).unwrap() > Decimal::ZERO);
            assert!(usd_rate(&code.to_ascii_lowercase()).is_some());
        }
    }

    #[test]
    fn routes_and_levels() {
        assert_eq!(Op::from_path("/api/sendEvent"), Some(Op::SendEvent));
        assert_eq!(Op::from_path("/api/sendevent"), None);
        assert!(Op::SendEvent.allowed(Access::EVENT));
        assert!(Op::Postback.allowed(Access::EVENT));
        assert!(Op::Ping.allowed(Access::EVENT));
        for op in [
            Op::MakeDecision,
            Op::Latest,
            Op::Find,
            Op::Confirm,
            Op::Feedback,
        ] {
            assert!(!op.allowed(Access::EVENT), "{op:?}");
            assert!(op.allowed(Access::FULL), "{op:?}");
        }
    }
}
