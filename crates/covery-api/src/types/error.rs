//! Covery's errors: what its `X-Maxwell-*` headers say, read into the core [`Error`].
//!
//! Every non-2xx answer becomes [`Error::Api`]; its `Display` names the HTTP status, the
//! exception type and the message Covery sent (`covery: HTTP 404
//! [Maxwell\Exception\NoRouteException]: Unable to found route for POST /api/wrong`).
//! [`covery_error`] gives the typed view.

use std::fmt;

use payments_core::http::{HeaderMap, StatusCode};
use payments_core::provider::{default_error_parser, snippet};
use payments_core::{ApiError, ApiErrorKind, Error};

use crate::client::COVERY;

/// `X-Maxwell-Status`: `OK` or `Exception`.
pub const STATUS_HEADER: &str = "x-maxwell-status";
/// `X-Maxwell-Error-Type`: the exception class.
pub const ERROR_TYPE_HEADER: &str = "x-maxwell-error-type";
/// `X-Maxwell-Error-Message`: the exception text.
pub const ERROR_MESSAGE_HEADER: &str = "x-maxwell-error-message";
/// `X-Maxwell-Error-Context`: more about the error, such as the id of an existing entry.
pub const ERROR_CONTEXT_HEADER: &str = "x-maxwell-error-context";

/// The longest plain-text body taken as the message.
const TEXT_MESSAGE_LIMIT: usize = 300;

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    let v = headers.get(name)?;
    let s = String::from_utf8_lossy(v.as_bytes()).trim().to_owned();
    (!s.is_empty()).then_some(s)
}

/// Fills `message` from `X-Maxwell-Error-Message` and `code` from `X-Maxwell-Error-Type`;
/// without the header, from a JSON body or, for `text/plain`, the text itself; failing
/// all, from what the status means. Classifies 509 as throttling and 406 as bad input, and
/// a 503 or 510 from Covery's application (it carries `X-Maxwell-Status`) as `Other`: Covery
/// documents both as its own misconfiguration ("contact us"), which repeating cannot fix. A
/// 503 without the header (from a proxy or load balancer in front) stays `Server`, retried.
pub(crate) fn parse_error(err: &mut ApiError, headers: &HeaderMap, body: &[u8]) {
    err.message = header(headers, ERROR_MESSAGE_HEADER);
    err.code = header(headers, ERROR_TYPE_HEADER);
    if err.message.is_none() {
        default_error_parser(err, headers, body);
    }
    if err.message.is_none() && err.fields.is_empty() {
        let text = snippet(body, TEXT_MESSAGE_LIMIT);
        let text = text.trim();
        let json = text.starts_with('{') || text.starts_with('[');
        let html = text.starts_with('<');
        if !text.is_empty() && !json && !html {
            err.message = Some(text.to_owned());
        }
    }
    if err.message.is_none() && err.fields.is_empty() {
        err.message = fallback_message(err.status).map(str::to_owned);
    }
    err.kind = match err.status.as_u16() {
        406 => ApiErrorKind::BadRequest,
        509 => ApiErrorKind::RateLimited,
        503 | 510 if headers.contains_key(STATUS_HEADER) => ApiErrorKind::Other,
        _ => err.kind,
    };
}

/// What a documented status means, for answers that explain nothing themselves.
fn fallback_message(status: StatusCode) -> Option<&'static str> {
    Some(match status.as_u16() {
        401 => "authentication failed: auth header missing, or wrong token or signature",
        403 => "the token's access level does not allow this call",
        404 => "no API method for this URL and HTTP method",
        406 => "the request data is wrong or malformed",
        409 => "the entry already exists",
        410 => "the entry was not found",
        429 => "too many requests with the same sequence_id",
        500 => "internal error at Covery",
        503 => "the API method is misconfigured at Covery; contact Covery",
        509 => "too many requests",
        510 => "Covery's application failed to start; contact Covery",
        _ => return None,
    })
}

/// The documented Covery statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CoveryStatus {
    /// 401: an auth header is missing, or the token or signature is wrong.
    Unauthorized,
    /// 403: the token's level does not allow this call.
    AccessLevel,
    /// 404: no API method at this URL with this HTTP method.
    NoRoute,
    /// 406: the request data is wrong or malformed.
    InvalidData,
    /// 409: the entry already exists (see [`CoveryErrorInfo::existing_id`]).
    AlreadyExists,
    /// 410: the entry was not found.
    NotFound,
    /// 429: too many requests with the same `sequence_id`.
    SequenceThrottled,
    /// 500: internal error.
    Internal,
    /// 503: the method exists but is misconfigured at Covery.
    Misconfigured,
    /// 509: too many requests.
    TooManyRequests,
    /// 510: Covery's application failed to start.
    ApplicationFailure,
    /// Any other status.
    Other(u16),
}

impl CoveryStatus {
    /// The meaning of `status`.
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            401 => CoveryStatus::Unauthorized,
            403 => CoveryStatus::AccessLevel,
            404 => CoveryStatus::NoRoute,
            406 => CoveryStatus::InvalidData,
            409 => CoveryStatus::AlreadyExists,
            410 => CoveryStatus::NotFound,
            429 => CoveryStatus::SequenceThrottled,
            500 => CoveryStatus::Internal,
            503 => CoveryStatus::Misconfigured,
            509 => CoveryStatus::TooManyRequests,
            510 => CoveryStatus::ApplicationFailure,
            other => CoveryStatus::Other(other),
        }
    }

    /// Whether this is throttling (429 or 509).
    pub fn is_throttling(self) -> bool {
        matches!(
            self,
            CoveryStatus::SequenceThrottled | CoveryStatus::TooManyRequests
        )
    }
}

/// Covery's own account of an error answer: its status and `X-Maxwell-*` headers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CoveryErrorInfo {
    /// The HTTP status.
    pub http_status: StatusCode,
    /// What the status means at Covery.
    pub status: CoveryStatus,
    /// `X-Maxwell-Error-Type`: the exception class.
    pub error_type: Option<String>,
    /// The message: `X-Maxwell-Error-Message`, else the body's message or text, else a
    /// short description of the status.
    pub message: Option<String>,
    /// `X-Maxwell-Error-Context`, verbatim.
    pub context: Option<String>,
    /// On 409, the id of the entry that already exists, read from the context: its `id`
    /// when the context is a JSON object, the value when it is a JSON scalar or a bare
    /// token.
    pub existing_id: Option<String>,
}

impl fmt::Display for CoveryErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.http_status.as_u16())?;
        if let Some(t) = &self.error_type {
            write!(f, " [{t}]")?;
        }
        match &self.message {
            Some(m) => write!(f, ": {m}")?,
            None => write!(
                f,
                ": {}",
                self.http_status.canonical_reason().unwrap_or("error")
            )?,
        }
        if let Some(id) = &self.existing_id {
            write!(f, " (existing id {id})")?;
        } else if let Some(c) = &self.context {
            write!(f, " (context {c})")?;
        }
        Ok(())
    }
}

/// The Covery view of `err`, when it is an API error answered by Covery.
///
/// ```
/// # async fn run(client: covery_api::Client) {
/// use covery_api::{CoveryStatus, covery_error};
/// if let Err(e) = client.ping().await {
///     if let Some(info) = covery_error(&e) {
///         if info.status == CoveryStatus::AccessLevel {
///             eprintln!("token level too low: {}", info.message.unwrap_or_default());
///         }
///     }
/// }
/// # }
/// ```
pub fn covery_error(err: &Error) -> Option<CoveryErrorInfo> {
    let api = err.api()?;
    if api.provider != COVERY.name {
        return None;
    }
    Some(info(api))
}

/// The Covery view of an [`ApiError`].
pub fn info(api: &ApiError) -> CoveryErrorInfo {
    let status = CoveryStatus::from_status(api.status);
    let context = api
        .header(ERROR_CONTEXT_HEADER)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let existing_id = match status {
        CoveryStatus::AlreadyExists => context.as_deref().and_then(id_from_context),
        _ => None,
    };
    CoveryErrorInfo {
        http_status: api.status,
        status,
        error_type: api.code.clone(),
        message: api.message.clone(),
        context,
        existing_id,
    }
}

fn id_from_context(context: &str) -> Option<String> {
    use serde_json::Value;
    let scalar = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match serde_json::from_str::<Value>(context) {
        Ok(Value::Object(map)) => map
            .get("id")
            .or_else(|| map.get("requestId"))
            .and_then(scalar),
        Ok(v) => scalar(&v),
        Err(_) => context
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
            .then(|| context.to_owned()),
    }
}
