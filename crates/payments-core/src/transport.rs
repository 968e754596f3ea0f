//! The seam to the network: [`Transport`], implemented over reqwest by default.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use bytes::{Bytes, BytesMut};

use crate::error::BoxError;

/// A boxed future returned by [`Transport::send`].
pub type SendFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and reads the whole response, at most `max_body` bytes of it.
///
/// The client applies timeouts, retries and signing around it. Implement it to plug in
/// another HTTP stack or an in-memory fake.
pub trait Transport: Send + Sync + fmt::Debug + 'static {
    /// Sends `req` and returns the response with its complete body.
    fn send(&self, req: http::Request<Bytes>, max_body: usize) -> SendFuture<'_>;
}

/// How a transport attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportFailure {
    /// The connection could not be established: nothing was sent.
    Connect,
    /// Establishing the connection timed out: nothing was sent.
    ConnectTimeout,
    /// Sending or awaiting the response failed: the request may have arrived.
    Request,
    /// Reading the body failed.
    Body,
    /// The body exceeded the cap.
    BodyTooLarge,
    /// The HTTP stack refused the request.
    Other,
}

/// A failed transport attempt.
#[derive(Debug)]
pub struct TransportError {
    /// What failed.
    pub failure: TransportFailure,
    /// The underlying error.
    pub source: Option<BoxError>,
}

impl TransportError {
    /// A new error.
    pub fn new(failure: TransportFailure, source: impl Into<BoxError>) -> Self {
        TransportError {
            failure,
            source: Some(source.into()),
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.failure)?;
        if let Some(s) = &self.source {
            write!(f, ": {s}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The default transport: a pooled `reqwest::Client` that never follows redirects (so
/// credentials never travel to another host).
#[derive(Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl fmt::Debug for ReqwestTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReqwestTransport").finish_non_exhaustive()
    }
}

impl ReqwestTransport {
    /// A new pooled client with the given connect timeout, redirects disabled.
    pub fn new(connect_timeout: Duration) -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .build()?;
        Ok(ReqwestTransport { client })
    }

    /// Wraps a caller's client. Configure it with `redirect::Policy::none()`: provider
    /// signatures live in custom headers that reqwest would forward on a redirect.
    pub fn from_client(client: reqwest::Client) -> Self {
        ReqwestTransport { client }
    }
}

fn classify(e: &reqwest::Error) -> TransportFailure {
    if e.is_connect() {
        if e.is_timeout() {
            TransportFailure::ConnectTimeout
        } else {
            TransportFailure::Connect
        }
    } else if e.is_body() || e.is_decode() {
        TransportFailure::Body
    } else if e.is_builder() {
        TransportFailure::Other
    } else {
        TransportFailure::Request
    }
}

impl Transport for ReqwestTransport {
    fn send(&self, req: http::Request<Bytes>, max_body: usize) -> SendFuture<'_> {
        self.send_to(req, None, max_body)
    }
}

impl ReqwestTransport {
    /// Sends `req`, to `url` when given (the client's parse of the request's URI): the
    /// client calls this directly (no trait object, no request extension) when the
    /// transport is the built-in one.
    pub(crate) fn send_to(
        &self,
        req: http::Request<Bytes>,
        url: Option<std::sync::Arc<url::Url>>,
        max_body: usize,
    ) -> SendFuture<'_> {
        match into_reqwest(req, url) {
            Ok(req) => self.execute(req, max_body),
            Err(e) => Box::pin(std::future::ready(Err(e))),
        }
    }

    fn execute(&self, req: reqwest::Request, max_body: usize) -> SendFuture<'_> {
        Box::pin(async move {
            let mut resp = self
                .client
                .execute(req)
                .await
                .map_err(|e| TransportError::new(classify(&e), e))?;
            if resp.content_length().is_some_and(|n| n > max_body as u64) {
                return Err(TransportError {
                    failure: TransportFailure::BodyTooLarge,
                    source: None,
                });
            }
            let status = resp.status();
            let version = resp.version();
            let headers = std::mem::take(resp.headers_mut());
            // The first chunk is kept as is (most bodies arrive in one); only a second one
            // makes a copy.
            let mut first: Option<Bytes> = None;
            let mut more: Option<BytesMut> = None;
            let mut len = 0usize;
            while let Some(chunk) = resp
                .chunk()
                .await
                .map_err(|e| TransportError::new(TransportFailure::Body, e))?
            {
                len += chunk.len();
                if len > max_body {
                    return Err(TransportError {
                        failure: TransportFailure::BodyTooLarge,
                        source: None,
                    });
                }
                match (&mut more, first.take()) {
                    (Some(buf), _) => buf.extend_from_slice(&chunk),
                    (None, None) => first = Some(chunk),
                    (None, Some(head)) => {
                        let mut buf = BytesMut::with_capacity(len);
                        buf.extend_from_slice(&head);
                        buf.extend_from_slice(&chunk);
                        more = Some(buf);
                    }
                }
            }
            let body = match more {
                Some(buf) => buf.freeze(),
                None => first.unwrap_or_default(),
            };
            let mut out = http::Response::new(body);
            *out.status_mut() = status;
            *out.version_mut() = version;
            *out.headers_mut() = headers;
            Ok(out)
        })
    }
}

/// The request's URL, parsed by the client and handed to the built-in transport in the
/// request's extensions when a wrapping transport (a recorder, say) sits between them, so
/// the URI need not be parsed again. Without a wrapper the client passes it directly.
#[derive(Debug, Clone)]
pub(crate) struct ParsedUrl(pub(crate) std::sync::Arc<url::Url>);

/// Turns the client's request into reqwest's, reusing the client's parse of the URI
/// (`url`, or a [`ParsedUrl`] extension) when there is one.
fn into_reqwest(
    req: http::Request<Bytes>,
    url: Option<std::sync::Arc<url::Url>>,
) -> Result<reqwest::Request, TransportError> {
    let (mut parts, body) = req.into_parts();
    // Used only while it still names the request's URI: a wrapping transport may have
    // rewritten the URI since the client parsed it.
    let parsed = url
        .map(ParsedUrl)
        .or_else(|| parts.extensions.remove::<ParsedUrl>())
        .filter(|ParsedUrl(url)| {
            let uri = &parts.uri;
            uri.scheme_str() == Some(url.scheme())
                && uri.host() == url.host_str()
                && uri.port_u16() == url.port()
                && uri.path_and_query().map(|p| p.as_str())
                    == Some(&url[url::Position::BeforePath..url::Position::AfterQuery])
        });
    let Some(ParsedUrl(url)) = parsed else {
        return reqwest::Request::try_from(http::Request::from_parts(parts, body))
            .map_err(|e| TransportError::new(TransportFailure::Other, e));
    };
    let mut out = reqwest::Request::new(parts.method, std::sync::Arc::unwrap_or_clone(url));
    *out.headers_mut() = parts.headers;
    *out.version_mut() = parts.version;
    *out.body_mut() = Some(reqwest::Body::from(body));
    Ok(out)
}

/// One request and its response as seen by a [`RecordingTransport`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Exchange {
    /// The request.
    pub request: RecordedRequest,
    /// The response, or `None` when the transport failed.
    pub response: Option<RecordedResponse>,
}

/// A request as recorded: sensitive header values (credentials, signatures) replaced by
/// [`REDACTED`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordedRequest {
    /// The method.
    pub method: String,
    /// The path, percent-encoded as sent.
    pub path: String,
    /// The query string, if any.
    pub query: Option<String>,
    /// The headers, names lower-case, in sending order.
    pub headers: Vec<(String, String)>,
    /// The body: JSON when it parses as JSON, else the text, else (binary) `{"hex": "…"}`.
    pub body: serde_json::Value,
}

/// A response as recorded (the volatile `date` header left out).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordedResponse {
    /// The status.
    pub status: u16,
    /// The headers, names lower-case.
    pub headers: Vec<(String, String)>,
    /// The body: JSON when it parses as JSON, `null` when empty, else the text, else (binary)
    /// `{"hex": "…"}`.
    pub body: serde_json::Value,
}

/// The placeholder that replaces sensitive header values in recordings.
pub const REDACTED: &str = "[REDACTED]";

fn body_value(bytes: &[u8]) -> serde_json::Value {
    if bytes.is_empty() {
        return serde_json::Value::Null;
    }
    if let Ok(v) = serde_json::from_slice(bytes) {
        return v;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::Value::String(text.to_owned()),
        // Binary bodies (document uploads) are kept exactly, as lower-case hex.
        Err(_) => serde_json::json!({ "hex": hex_body(bytes) }),
    }
}

fn hex_body(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

fn header_list(headers: &http::HeaderMap, skip: &[&str]) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(n, _)| !skip.contains(&n.as_str()))
        .map(|(n, v)| {
            let value = if v.is_sensitive() {
                REDACTED.to_owned()
            } else {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            };
            (n.as_str().to_owned(), value)
        })
        .collect()
}

/// Wraps a transport and records every exchange, with credentials redacted: for fixtures,
/// debugging and audits. Clones share the log.
#[derive(Debug, Clone)]
pub struct RecordingTransport {
    inner: std::sync::Arc<dyn Transport>,
    log: std::sync::Arc<std::sync::Mutex<Vec<Exchange>>>,
}

impl RecordingTransport {
    /// Records what goes through `inner`.
    pub fn new(inner: std::sync::Arc<dyn Transport>) -> Self {
        RecordingTransport {
            inner,
            log: Default::default(),
        }
    }

    /// Takes the exchanges recorded so far, leaving the log empty.
    pub fn take(&self) -> Vec<Exchange> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

impl Transport for RecordingTransport {
    fn send(&self, req: http::Request<Bytes>, max_body: usize) -> SendFuture<'_> {
        let request = RecordedRequest {
            method: req.method().as_str().to_owned(),
            path: req.uri().path().to_owned(),
            query: req.uri().query().map(str::to_owned),
            headers: header_list(req.headers(), &[]),
            body: body_value(req.body()),
        };
        Box::pin(async move {
            let result = self.inner.send(req, max_body).await;
            let response = result.as_ref().ok().map(|r| RecordedResponse {
                status: r.status().as_u16(),
                headers: header_list(r.headers(), &["date"]),
                body: body_value(r.body()),
            });
            self.log
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(Exchange { request, response });
            result
        })
    }
}
