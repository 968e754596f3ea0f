//! The one error type every provider crate returns.

use std::fmt;
use std::time::Duration;

use http::{HeaderMap, StatusCode};

/// A boxed error used as a `source()`.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The longest body snippet an [`ApiError`] keeps, in bytes.
#[cfg_attr(not(feature = "client"), allow(dead_code, unreachable_pub))]
pub const SNIPPET_LIMIT: usize = 512;

/// Everything that can go wrong in a call to a provider.
///
/// `Display` always names the provider; API errors also name the HTTP status and the
/// provider's own code and message, e.g. `coincover: HTTP 400: userId is required`.
/// No variant ever holds a credential.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was rejected before anything was sent.
    #[error("{provider}: invalid request: {field}: {message}")]
    InvalidRequest {
        /// The provider the request was meant for.
        provider: &'static str,
        /// The offending field, named as on the wire (e.g. `outputs[0].amount`).
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The provider answered with a non-success status.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The request could not be sent or the response could not be read.
    #[error("{provider}: transport error ({kind}): {source}")]
    Transport {
        /// The provider called.
        provider: &'static str,
        /// What failed.
        kind: TransportErrorKind,
        /// The underlying error (never contains credentials).
        #[source]
        source: BoxError,
    },
    /// A timeout elapsed.
    #[error("{provider}: {kind} timeout after {after:?}")]
    Timeout {
        /// The provider called.
        provider: &'static str,
        /// Which timeout.
        kind: TimeoutKind,
        /// The configured limit that elapsed.
        after: Duration,
    },
    /// A success response did not match the expected shape.
    #[error("{provider}: cannot decode {operation} response at `{path}`: {message}")]
    Decode {
        /// The provider called.
        provider: &'static str,
        /// The operation whose response failed to decode.
        operation: &'static str,
        /// The JSON path of the failure (`.` for the root).
        path: String,
        /// What serde said.
        message: String,
        /// The first bytes of the body.
        snippet: String,
    },
    /// The response body exceeded the configured cap.
    #[error("{provider}: response body larger than the {limit}-byte limit")]
    BodyTooLarge {
        /// The provider called.
        provider: &'static str,
        /// The configured cap in bytes.
        limit: usize,
    },
    /// The client is misconfigured (bad key, bad base URL, missing credential).
    #[error("{provider}: configuration error: {message}")]
    Config {
        /// The provider being configured.
        provider: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The request could not be signed.
    #[error("{provider}: cannot sign request: {message}")]
    Sign {
        /// The provider called.
        provider: &'static str,
        /// What failed (never the key material).
        message: String,
    },
}

impl Error {
    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            _ => None,
        }
    }

    /// The API error details, when the provider answered with an error status.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The provider this error concerns.
    pub fn provider(&self) -> &'static str {
        match self {
            Error::InvalidRequest { provider, .. }
            | Error::Transport { provider, .. }
            | Error::Timeout { provider, .. }
            | Error::Decode { provider, .. }
            | Error::BodyTooLarge { provider, .. }
            | Error::Config { provider, .. }
            | Error::Sign { provider, .. } => provider,
            Error::Api(e) => e.provider,
        }
    }

    /// Whether repeating the same call later could succeed: throttling, server errors,
    /// timeouts and transport failures. Whether the client *does* retry also depends on
    /// the operation's [`RetrySafety`](crate::RetrySafety).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => e.kind.is_retryable(),
            Error::Transport { kind, .. } => !matches!(kind, TransportErrorKind::Other),
            Error::Timeout { .. } => true,
            _ => false,
        }
    }

    /// Whether the request may have reached the provider. `false` only when it provably
    /// did not (rejected before sending, or the connection was never established).
    pub fn may_have_been_received(&self) -> bool {
        match self {
            Error::InvalidRequest { .. } | Error::Config { .. } | Error::Sign { .. } => false,
            Error::Transport { kind, .. } => *kind != TransportErrorKind::Connect,
            _ => true,
        }
    }

    /// Shorthand for [`Error::InvalidRequest`].
    pub fn invalid(
        provider: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::InvalidRequest {
            provider,
            field: field.into(),
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::Config`].
    pub fn config(provider: &'static str, message: impl Into<String>) -> Self {
        Error::Config {
            provider,
            message: message.into(),
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

/// Why a transport attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be established: the request provably never left.
    Connect,
    /// The connection failed after the request may have been sent.
    Request,
    /// The response body could not be read.
    Body,
    /// Anything else (e.g. an invalid request that the HTTP stack refused to build).
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportErrorKind::Connect => "connect",
            TransportErrorKind::Request => "request",
            TransportErrorKind::Body => "response body",
            TransportErrorKind::Other => "other",
        })
    }
}

/// Which timeout elapsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// Establishing the connection.
    Connect,
    /// One attempt (send and read the whole response).
    Attempt,
    /// The whole call, retries and back-off included.
    Call,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutKind::Connect => "connect",
            TimeoutKind::Attempt => "attempt",
            TimeoutKind::Call => "call",
        })
    }
}

/// The broad class of an API error, derived from the status and the provider's hooks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400, 422 and similar: the provider rejected the input.
    BadRequest,
    /// 401: missing or invalid credentials.
    Unauthorized,
    /// 403: the credentials lack a permission.
    Forbidden,
    /// 404: the resource or route does not exist.
    NotFound,
    /// 409: a conflicting resource exists.
    Conflict,
    /// 408: the server timed out waiting for the request.
    RequestTimeout,
    /// 429 or a provider's own throttling status (Covery's 509).
    RateLimited,
    /// 5xx: the provider failed.
    Server,
    /// Any other status.
    Other,
}

impl ApiErrorKind {
    /// The default classification of a status.
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 | 422 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Unauthorized,
            403 => ApiErrorKind::Forbidden,
            404 | 410 => ApiErrorKind::NotFound,
            409 => ApiErrorKind::Conflict,
            408 => ApiErrorKind::RequestTimeout,
            429 => ApiErrorKind::RateLimited,
            500..=599 => ApiErrorKind::Server,
            _ => ApiErrorKind::Other,
        }
    }

    /// Whether a later retry of the same request could succeed.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            ApiErrorKind::RequestTimeout | ApiErrorKind::RateLimited | ApiErrorKind::Server
        )
    }
}

/// A field-level validation message from the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field as the provider names it.
    pub field: String,
    /// The provider's message.
    pub message: String,
}

/// A non-success answer from a provider.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The provider that answered.
    pub provider: &'static str,
    /// The operation called.
    pub operation: &'static str,
    /// The HTTP status.
    pub status: StatusCode,
    /// The class of error.
    pub kind: ApiErrorKind,
    /// The provider's own error code, when it sends one.
    pub code: Option<String>,
    /// The provider's own message, when it sends one.
    pub message: Option<String>,
    /// Field-level validation errors, when the provider sends them.
    pub fields: Vec<FieldError>,
    /// The provider's request id, when it sends one.
    pub request_id: Option<String>,
    /// The `Retry-After` delay, when given.
    pub retry_after: Option<Duration>,
    /// The error headers the provider uses (names lower-case).
    pub headers: Vec<(String, String)>,
    /// The first bytes of the body (at most [`SNIPPET_LIMIT`]), lossily decoded.
    pub body_snippet: String,
}

impl ApiError {
    /// A new error for `status` with the default classification and nothing else filled in.
    pub fn new(provider: &'static str, operation: &'static str, status: StatusCode) -> Self {
        ApiError {
            provider,
            operation,
            status,
            kind: ApiErrorKind::from_status(status),
            code: None,
            message: None,
            fields: Vec::new(),
            request_id: None,
            retry_after: None,
            headers: Vec::new(),
            body_snippet: String::new(),
        }
    }

    /// The value of a kept error header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Keeps the named headers from `headers`.
    pub fn keep_headers(&mut self, headers: &HeaderMap, names: &[&str]) {
        for name in names {
            for value in headers.get_all(*name) {
                self.headers.push((
                    name.to_ascii_lowercase(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                ));
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: HTTP {}", self.provider, self.status.as_u16())?;
        if let Some(code) = &self.code {
            write!(f, " [{code}]")?;
        }
        match &self.message {
            Some(m) => write!(f, ": {m}")?,
            None if self.fields.is_empty() => {
                let reason = self.status.canonical_reason().unwrap_or("error");
                if self.body_snippet.trim().is_empty() {
                    write!(f, ": {reason}")?;
                } else {
                    write!(f, ": {reason}: {}", self.body_snippet.trim())?;
                }
            }
            None => {}
        }
        for (i, fe) in self.fields.iter().enumerate() {
            let sep = if i == 0 && self.message.is_none() {
                ": "
            } else {
                "; "
            };
            write!(f, "{sep}{}: {}", fe.field, fe.message)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// Cuts `body` to at most `limit` bytes on a char boundary, lossily decoded.
#[cfg_attr(not(feature = "client"), allow(dead_code, unreachable_pub))]
pub fn snippet(body: &[u8], limit: usize) -> String {
    let mut end = body.len().min(limit);
    if end < body.len() {
        // Do not split a UTF-8 sequence: back up to its first byte (at most 3 back).
        if let Some(i) = (end.saturating_sub(3)..=end)
            .rev()
            .find(|&i| body[i] & 0xC0 != 0x80)
        {
            end = i;
        }
    }
    let mut s = String::from_utf8_lossy(&body[..end]).into_owned();
    if body.len() > limit {
        s.push('…');
    }
    s
}
