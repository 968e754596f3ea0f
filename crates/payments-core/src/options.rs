//! Per-client and per-call settings ([`Timeouts`], [`RequestOptions`]) and what a success
//! reports besides its value ([`ResponseMeta`], [`WithMeta`]).

use std::time::Duration;

use http::header::HeaderValue;
use http::{HeaderMap, StatusCode};

use crate::retry::RetryPolicy;

/// Timeouts. All finite by default: connect 10 s, attempt 30 s, call 90 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeouts {
    /// Establishing a connection (applies to the built-in transport).
    pub connect: Duration,
    /// One attempt: sending and reading the whole response.
    pub attempt: Duration,
    /// The whole call, back-off and retries included.
    pub call: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            attempt: Duration::from_secs(30),
            call: Duration::from_secs(90),
        }
    }
}

impl Timeouts {
    /// Sets the connect timeout.
    pub fn with_connect(mut self, d: Duration) -> Self {
        self.connect = d;
        self
    }
    /// Sets the per-attempt timeout.
    pub fn with_attempt(mut self, d: Duration) -> Self {
        self.attempt = d;
        self
    }
    /// Sets the whole-call timeout.
    pub fn with_call(mut self, d: Duration) -> Self {
        self.call = d;
        self
    }
}

/// Options for one call, on top of the client's configuration.
///
/// ```
/// use std::time::Duration;
/// use payments_core::{RequestOptions, RetryPolicy, Timeouts};
/// let opts = RequestOptions::new()
///     .timeouts(Timeouts::default().with_call(Duration::from_secs(5)))
///     .retry(RetryPolicy::none())
///     .header("x-trace-id", "abc-123")?;
/// # Ok::<(), payments_core::http::header::InvalidHeaderValue>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Replaces the client's attempt and call timeouts for this call (the connect timeout
    /// belongs to the transport).
    pub timeouts: Option<Timeouts>,
    /// Replaces the client's retry policy for this call; the retry budget stays shared.
    pub retry: Option<RetryPolicy>,
    /// Extra headers sent with every attempt (they never replace the signer's).
    pub headers: HeaderMap,
    /// Per-call data for the signer, added to the request's extensions (a user session's
    /// token, per-call JWT claims); the request's own extensions of the same type win.
    pub extensions: http::Extensions,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets this call's timeouts.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = Some(timeouts);
        self
    }

    /// Sets this call's retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Adds a header to this call. The name is case-insensitive (`X-Trace-Id` is sent as
    /// `x-trace-id`); a value that cannot be a header value is refused.
    ///
    /// # Panics
    ///
    /// If `name`, a literal, is not a valid header name in any case (a space, a colon).
    pub fn header(
        mut self,
        name: &'static str,
        value: &str,
    ) -> Result<Self, http::header::InvalidHeaderValue> {
        // Not `from_static`, which also panics on upper-case letters.
        let Ok(name) = http::header::HeaderName::from_bytes(name.as_bytes()) else {
            panic!("{name:?} is not a valid header name");
        };
        self.headers.insert(name, HeaderValue::from_str(value)?);
        Ok(self)
    }

    /// Adds per-call data for the signer (see [`RequestOptions::extensions`]).
    pub fn extension<T: Clone + Send + Sync + 'static>(mut self, value: T) -> Self {
        self.extensions.insert(value);
        self
    }
}

/// What a successful call looked like on the wire. Its Debug shows the body's length, not
/// the body (which may hold a token the typed model hides).
#[derive(Clone)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// The success status.
    pub status: StatusCode,
    /// The provider's request id, where it sends one.
    pub request_id: Option<String>,
    /// How many attempts the call took (1 when nothing was retried).
    pub attempts: u32,
    /// The whole call, back-off included.
    pub elapsed: Duration,
    /// The response headers the provider's spec keeps (request id, rate-limit and error
    /// headers); never cookies or credentials.
    pub headers: HeaderMap,
    /// The response body exactly as received (shared, not copied): every field the typed
    /// model does not know, every digit as sent.
    pub body: bytes::Bytes,
}

impl std::fmt::Debug for ResponseMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseMeta")
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("attempts", &self.attempts)
            .field("elapsed", &self.elapsed)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// A decoded response with its [`ResponseMeta`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WithMeta<T> {
    /// The decoded response.
    pub value: T,
    /// Status, request id, attempts, timing and kept headers.
    pub meta: ResponseMeta,
}
