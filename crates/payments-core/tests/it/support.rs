//! Shared test fixtures: the provider spec, a configurable endpoint, client builders and
//! in-memory transports.

use std::borrow::Cow;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http::Method;
use http::header::HeaderValue;
use httpmock::{HttpMockRequest, HttpMockResponse, MockServer};
use payments_core::auth::JwtClaims;
use payments_core::signer::test_util::{FixedClock, SequenceNonce};
use payments_core::transport::SendFuture;
use payments_core::{
    ApiClient, ApiClientBuilder, Clock, Endpoint, InvalidInput, NonceSource, ProviderSpec,
    RequestBody, RetrySafety, Signer, Transport,
};
use serde::de::DeserializeOwned;

/// The provider every test talks to.
pub(crate) static SPEC: ProviderSpec = ProviderSpec::new("test");

/// The fixed instant of signatures: 2023-11-14T22:13:20Z.
pub(crate) const NOW: u64 = 1_700_000_000;

/// A configurable endpoint decoding its response into `T` (JSON by default).
pub(crate) struct Call<T = serde_json::Value> {
    operation: &'static str,
    method: Method,
    path: String,
    query: Option<String>,
    body: Option<&'static [u8]>,
    claims: Option<JwtClaims>,
    safety: Option<RetrySafety>,
    out: PhantomData<fn() -> T>,
}

impl Call {
    /// `GET path`.
    pub(crate) fn get(path: impl Into<String>) -> Self {
        Call::new(Method::GET, path)
    }

    /// `POST path` with an exact JSON body.
    pub(crate) fn post(path: impl Into<String>, body: &'static [u8]) -> Self {
        Call::new(Method::POST, path).body(body)
    }
}

impl<T> Call<T> {
    /// `method path`, no body.
    pub(crate) fn new(method: Method, path: impl Into<String>) -> Self {
        Call {
            operation: "test-call",
            method,
            path: path.into(),
            query: None,
            body: None,
            claims: None,
            safety: None,
            out: PhantomData,
        }
    }

    /// Sets the operation name.
    pub(crate) fn operation(mut self, name: &'static str) -> Self {
        self.operation = name;
        self
    }

    /// Sets the (already encoded) query string.
    pub(crate) fn query(mut self, q: &str) -> Self {
        self.query = Some(q.to_owned());
        self
    }

    /// Sets the exact body bytes, sent as `application/json`.
    pub(crate) fn body(mut self, body: &'static [u8]) -> Self {
        self.body = Some(body);
        self
    }

    /// Puts JWT claims into the request extensions.
    pub(crate) fn claims(mut self, claims: serde_json::Value) -> Self {
        let serde_json::Value::Object(map) = claims else {
            panic!("claims must be a JSON object");
        };
        self.claims = Some(JwtClaims(map));
        self
    }

    /// Overrides the method's default retry safety.
    pub(crate) fn safety(mut self, s: RetrySafety) -> Self {
        self.safety = Some(s);
        self
    }

    /// Decodes the response into `U` instead.
    pub(crate) fn decoding<U>(self) -> Call<U> {
        Call {
            operation: self.operation,
            method: self.method,
            path: self.path,
            query: self.query,
            body: self.body,
            claims: self.claims,
            safety: self.safety,
            out: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + Send> Endpoint for Call<T> {
    type Output = T;

    fn operation(&self) -> &'static str {
        self.operation
    }

    fn method(&self) -> Method {
        self.method.clone()
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.path)
    }

    fn query(&self) -> Option<String> {
        self.query.clone()
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        Ok(self.body.map(|b| {
            RequestBody::raw(
                Bytes::from_static(b),
                HeaderValue::from_static("application/json"),
            )
        }))
    }

    fn extensions(&self, ext: &mut http::Extensions) {
        if let Some(c) = &self.claims {
            ext.insert(c.clone());
        }
    }

    fn retry_safety(&self) -> RetrySafety {
        self.safety
            .unwrap_or_else(|| RetrySafety::from_method(&self.method))
    }
}

pub(crate) use payments_core::test_util::{CountingTransport, fast_retry};

/// A builder at `base` with a fixed clock at [`NOW`], `NOW.1`, `NOW.2`, … nonces and
/// [`fast_retry`].
pub(crate) fn builder(base: impl Into<String>, signer: Arc<dyn Signer>) -> ApiClientBuilder {
    ApiClient::builder(&SPEC, base, signer)
        .clock(Arc::new(FixedClock::at(NOW)))
        .nonce_source(Arc::new(SequenceNonce::new(format!("{NOW}."))))
        .retry(fast_retry())
}

/// A nonce source always answering the same nonce (to hit published vectors).
#[derive(Debug)]
pub(crate) struct ConstNonce(pub(crate) &'static str);

impl NonceSource for ConstNonce {
    fn nonce(&self) -> String {
        self.0.to_owned()
    }
}

/// A clock that moves one second forward each time it is read, from [`NOW`].
#[derive(Debug, Default)]
pub(crate) struct TickingClock(AtomicU64);

impl Clock for TickingClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(NOW + self.0.fetch_add(1, Ordering::SeqCst))
    }
}

/// An in-memory transport: keeps every (signed) request and answers `200 {}`.
#[derive(Debug, Default)]
pub(crate) struct CapturingTransport {
    pub(crate) requests: Mutex<Vec<http::Request<Bytes>>>,
}

impl Transport for CapturingTransport {
    fn send(&self, req: http::Request<Bytes>, _max_body: usize) -> SendFuture<'_> {
        self.requests.lock().unwrap().push(req);
        Box::pin(async {
            let mut resp = http::Response::new(Bytes::from_static(b"{}"));
            resp.headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            Ok(resp)
        })
    }
}

/// Reads a test key from `tests/it/keys/`.
pub(crate) fn key(name: &str) -> String {
    let path = format!("{}/tests/it/keys/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Answers any request no earlier mock matched with 418 naming it (418 is never retried).
/// Mocks match in creation order: call this after the others.
pub(crate) async fn catch_all(server: &MockServer) {
    server
        .mock_async(|when, then| {
            when.any_request();
            then.respond_with(|req: &HttpMockRequest| {
                HttpMockResponse::builder()
                    .status(418)
                    .body(format!(
                        "no mock for {} {}",
                        req.method_str(),
                        req.uri_str()
                    ))
                    .build()
            });
        })
        .await;
}
