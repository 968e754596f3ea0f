//! A request is data: [`Endpoint`] says what to send; the client does the rest.

use std::borrow::Cow;
use std::fmt;

use bytes::Bytes;
use http::header::{HeaderName, HeaderValue};
use http::{HeaderMap, Method, StatusCode};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::operation::Operation;

/// Whether an operation may be repeated after it possibly reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetrySafety {
    /// Repeating it has no further effect (reads, documented-idempotent writes): retried on
    /// timeouts, connection failures, 408, 429 and 5xx.
    Idempotent,
    /// Repeating it could act twice (money moves, creations): retried only when the request
    /// provably never left the machine (connection not established), or was throttled by a
    /// provider that documents throttling as a refusal
    /// ([`ProviderSpec::throttling_refuses_unprocessed`](crate::provider::ProviderSpec::throttling_refuses_unprocessed)).
    NotIdempotent,
}

impl RetrySafety {
    /// The HTTP default: GET, HEAD, OPTIONS, PUT, DELETE are idempotent; POST and PATCH are not.
    pub fn from_method(method: &Method) -> Self {
        if method.is_idempotent() {
            RetrySafety::Idempotent
        } else {
            RetrySafety::NotIdempotent
        }
    }
}

/// Input rejected before sending; the client adds the provider name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidInput {
    /// The field, named as on the wire.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl InvalidInput {
    /// A new validation failure.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same failure for a field nested under `parent` (`outputs[0]` + `userId` →
    /// `outputs[0].userId`). Validation names the field this way only once it failed, so
    /// a valid request formats no paths.
    ///
    /// ```
    /// use payments_core::provider::{InvalidInput, require_text};
    ///
    /// let i = 3;
    /// let e = require_text("userId", " ", 64)
    ///     .map_err(|e| e.within(format_args!("outputs[{i}]")))
    ///     .unwrap_err();
    /// assert_eq!(e.field, "outputs[3].userId");
    /// ```
    pub fn within(mut self, parent: impl fmt::Display) -> Self {
        self.field = format!("{parent}.{}", self.field);
        self
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for InvalidInput {}

/// Validates a required free-text field: it must not be blank (empty or only whitespace)
/// and must have at most `max_chars` characters (Unicode scalar values, not bytes).
///
/// The messages are fixed: `is required and must not be blank` and
/// `must be at most {max_chars} characters`. Provider crates add their own checks (control
/// characters, formats) on top.
///
/// ```
/// use payments_core::provider::{InvalidInput, require_text};
///
/// assert_eq!(require_text("name", "Zoë", 3), Ok(()));
/// assert_eq!(
///     require_text("name", " \t", 3),
///     Err(InvalidInput::new("name", "is required and must not be blank")),
/// );
/// assert_eq!(
///     require_text("name", "Zoë!", 3).map_err(|e| e.to_string()),
///     Err("name: must be at most 3 characters".to_owned()),
/// );
/// ```
pub fn require_text(field: &str, value: &str, max_chars: usize) -> Result<(), InvalidInput> {
    if value.trim().is_empty() {
        return Err(InvalidInput::new(
            field,
            "is required and must not be blank",
        ));
    }
    if value.chars().count() > max_chars {
        return Err(InvalidInput::new(
            field,
            format!("must be at most {max_chars} characters"),
        ));
    }
    Ok(())
}

/// A serialized request body and its content type.
#[derive(Debug, Clone)]
pub struct RequestBody {
    /// The exact bytes sent (and signed) on every attempt.
    pub bytes: Bytes,
    /// The `Content-Type` header value.
    pub content_type: HeaderValue,
}

impl RequestBody {
    /// Serializes `value` as compact JSON, once.
    pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<Self, InvalidInput> {
        // Room for a typical request body up front: growing from serde_json's default
        // 128 bytes reallocates two or three times per call.
        let mut bytes = Vec::with_capacity(1024);
        serde_json::to_writer(&mut bytes, value)
            .map_err(|e| InvalidInput::new("body", format!("cannot serialize: {e}")))?;
        Ok(RequestBody {
            bytes: Bytes::from(bytes),
            content_type: HeaderValue::from_static("application/json"),
        })
    }

    /// Raw bytes with a content type (e.g. a document upload).
    pub fn raw(bytes: impl Into<Bytes>, content_type: HeaderValue) -> Self {
        RequestBody {
            bytes: bytes.into(),
            content_type,
        }
    }
}

/// Where a decode failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeFailure {
    /// The JSON path (`.` for the root), e.g. `outputs[0].amount`.
    pub path: String,
    /// What serde said.
    pub message: String,
}

/// A request, described: which operation, the concrete path, query, body, extra headers
/// and retry safety. [`Endpoint::request`] builds one; the client sends it, signing it anew
/// on every attempt with the same body bytes.
#[derive(Debug, Clone)]
pub struct RequestSpec {
    /// The operation's table row.
    pub operation: &'static Operation,
    /// The concrete path below the base URL, starting with `/`, parameters percent-encoded.
    /// Never logged: spans record [`Operation::path`], the template. Borrowed from the
    /// table when the path has no parameters.
    pub path: Cow<'static, str>,
    /// The query string without `?`, already encoded.
    pub query: Option<String>,
    /// The body, serialized once.
    pub body: Option<RequestBody>,
    /// Extra headers of this request (not auth: the signer adds those).
    pub headers: HeaderMap,
    /// Per-request data for the signer (e.g. JWT claims), copied into every attempt.
    pub extensions: http::Extensions,
    /// Whether it may be resent after it possibly arrived; the row's by default.
    pub retry: RetrySafety,
}

impl RequestSpec {
    /// A request for `operation` at its path template as is (no parameters), no body.
    pub fn new(operation: &'static Operation) -> Self {
        RequestSpec {
            operation,
            path: Cow::Borrowed(operation.path),
            query: None,
            body: None,
            headers: HeaderMap::new(),
            extensions: http::Extensions::new(),
            retry: operation.retry,
        }
    }

    /// A request for `operation` with its path parameters filled in order
    /// ([`Operation::fill`]).
    pub fn with_path(
        operation: &'static Operation,
        params: &[Option<&str>],
    ) -> Result<Self, InvalidInput> {
        let mut spec = Self::new(operation);
        spec.path = Cow::Owned(operation.fill(params)?);
        Ok(spec)
    }

    /// Sets the query string (without `?`, encoded); an empty one is dropped.
    pub fn query(mut self, query: impl Into<String>) -> Self {
        let q = query.into();
        self.query = (!q.is_empty()).then_some(q);
        self
    }

    /// Sets the body to `value` as compact JSON.
    pub fn json<T: Serialize + ?Sized>(mut self, value: &T) -> Result<Self, InvalidInput> {
        self.body = Some(RequestBody::json(value)?);
        Ok(self)
    }

    /// Sets the body.
    pub fn body(mut self, body: RequestBody) -> Self {
        self.body = Some(body);
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.insert(name, value);
        self
    }

    /// Adds signer data.
    pub fn extension<T: Clone + Send + Sync + 'static>(mut self, value: T) -> Self {
        self.extensions.insert(value);
        self
    }
}

/// One API operation: a plain value that describes its request, and the type its success
/// response decodes into.
///
/// ```
/// use payments_core::{Auth, Endpoint, Io, Operation, RequestSpec, RetrySafety};
/// use payments_core::provider::InvalidInput;
///
/// /// `GET /status`.
/// #[derive(serde::Deserialize)]
/// struct Status {}
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct StatusOut { ok: bool }
///
/// static STATUS: Operation = Operation {
///     name: "status",
///     method: payments_core::http::Method::GET,
///     path: "/status",
///     auth: Auth::None,
///     retry: RetrySafety::Idempotent,
///     summary: "Whether the service is up.",
///     io: Io::json::<Status>(),
/// };
///
/// impl Endpoint for Status {
///     type Output = StatusOut;
///     fn request(&self) -> Result<RequestSpec, InvalidInput> {
///         Ok(RequestSpec::new(&STATUS))
///     }
/// }
/// ```
pub trait Endpoint: Send + Sync {
    /// The decoded success response.
    type Output: DeserializeOwned + Send;

    /// Checks the input and describes the request. Called once per call: the body is
    /// serialized here, once, and the same bytes are signed and sent on every attempt.
    fn request(&self) -> Result<RequestSpec, InvalidInput>;

    /// Decodes a success (2xx) body. The default reads JSON, treating an empty body as
    /// `null`, and names the JSON path of any failure.
    fn decode(_status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure>
    where
        Self: Sized,
    {
        decode_json(body)
    }
}

/// Decodes JSON, treating an empty body as `null`; failures name the JSON path.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeFailure> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    // Fast path: plain serde_json. Only a failure pays for path tracking.
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| DecodeFailure {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })?;
    de.end().map_err(|e| DecodeFailure {
        path: ".".into(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// A success with no meaningful body (201 Created, 204 No Content): any body is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct NoContent;

impl<'de> serde::Deserialize<'de> for NoContent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| NoContent)
    }
}

const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `s` as ONE path segment: `/`, spaces and everything but unreserved
/// characters are escaped (`jb 001/x` becomes `jb%20001%2Fx`).
///
/// ```
/// assert_eq!(payments_core::provider::path_segment("jb 001/x"), "jb%20001%2Fx");
/// ```
pub fn path_segment(s: &str) -> Cow<'_, str> {
    utf8_percent_encode(s, SEGMENT).into()
}

/// Validates a path parameter: not empty, not `.` or `..`, at most `max` characters.
pub fn check_path_param(field: &str, value: &str, max: usize) -> Result<(), InvalidInput> {
    if value.is_empty() {
        return Err(InvalidInput::new(field, "must not be empty"));
    }
    if value == "." || value == ".." {
        return Err(InvalidInput::new(field, "must not be `.` or `..`"));
    }
    if value.chars().count() > max {
        return Err(InvalidInput::new(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(InvalidInput::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded_whole() {
        assert_eq!(path_segment("jb 001/x"), "jb%20001%2Fx");
        assert_eq!(path_segment("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(path_segment("é?#%"), "%C3%A9%3F%23%25");
    }

    #[test]
    fn decode_names_the_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            a: Vec<u32>,
        }
        let e = decode_json::<T>(br#"{"a":[1,"x"]}"#).unwrap_err();
        assert_eq!(e.path, "a[1]");
        assert!(decode_json::<NoContent>(b"").is_ok());
        assert!(decode_json::<NoContent>(b"{\"x\":1}").is_ok());
        assert!(decode_json::<T>(b"{\"a\":[]} trailing").is_err());
    }

    #[test]
    fn require_text_checks_blank_then_length() {
        assert_eq!(require_text("f", "a", 1), Ok(()));
        assert_eq!(require_text("f", "é", 1), Ok(()));
        for blank in ["", " ", "\t\n"] {
            let e = require_text("f", blank, 10).unwrap_err();
            assert_eq!(e.field, "f");
            assert_eq!(e.message, "is required and must not be blank");
        }
        // Blank wins over length.
        let e = require_text("f", "   ", 1).unwrap_err();
        assert_eq!(e.message, "is required and must not be blank");
        let e = require_text("f", "ab", 1).unwrap_err();
        assert_eq!(e.message, "must be at most 1 characters");
    }
}
