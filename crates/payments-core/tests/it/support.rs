//! Shared test fixtures: the provider spec, a configurable endpoint, a table-style request
//! type for the dynamic calls, client builders and an in-memory transport.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http::Method;
use http::header::HeaderValue;
use payments_core::auth::JwtClaims;
use payments_core::provider::{
    ApiClient, ApiClientBuilder, InvalidInput, ProviderSpec, RequestBody,
};
use payments_core::test_util::{FixedClock, SequenceNonce};
use payments_core::transport::SendFuture;
use payments_core::{
    Amount, Auth, Clock, Endpoint, Io, NonceSource, Operation, RequestSpec, RetrySafety, Transport,
};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;
use serde::de::DeserializeOwned;

pub(crate) use payments_test_support::{CountingTransport, fast_retry};

/// The provider every test talks to.
pub(crate) static SPEC: ProviderSpec = ProviderSpec::new("test");

/// The fixed instant of signatures: 2023-11-14T22:13:20Z.
pub(crate) const NOW: u64 = 1_700_000_000;

/// A base URL nothing listens on, for clients over an in-memory transport.
pub(crate) const MEMORY_BASE: &str = "http://payments.test";

/// A test operation row. Rows are `'static` (the client and the signers hold them), so
/// this leaks one: tests build a few dozen. Its `io` is [`Transfer`]'s, which only
/// `call_json` uses; [`Call`] is sent with `send`.
pub(crate) fn operation(
    name: &'static str,
    method: Method,
    route: &'static str,
) -> &'static Operation {
    Box::leak(Box::new(Operation {
        name,
        retry: RetrySafety::from_method(&method),
        method,
        path: route,
        auth: Auth::None,
        summary: "A test operation.",
        io: Io::json::<Transfer>(),
    }))
}

/// A configurable endpoint decoding its response into `T` (JSON by default): its row is
/// named `test-call` with the path as route unless told otherwise, and its concrete path
/// is sent as given (already encoded), bypassing [`Operation::fill`].
pub(crate) struct Call<T = serde_json::Value> {
    op: &'static Operation,
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
        let path = path.into();
        let route: &'static str = Box::leak(path.clone().into_boxed_str());
        Call {
            op: operation("test-call", method, route),
            path,
            query: None,
            body: None,
            claims: None,
            safety: None,
            out: PhantomData,
        }
    }

    /// Sets the operation name.
    pub(crate) fn operation(mut self, name: &'static str) -> Self {
        self.op = operation(name, self.op.method.clone(), self.op.path);
        self
    }

    /// Sets the route template the row documents (the concrete path stays as given).
    pub(crate) fn route(mut self, template: &'static str) -> Self {
        self.op = operation(self.op.name, self.op.method.clone(), template);
        self
    }

    /// The same row and settings sent to another concrete path (and query).
    pub(crate) fn to(&self, path: &str, query: Option<&str>) -> Self {
        Call {
            op: self.op,
            path: path.to_owned(),
            query: query.map(str::to_owned),
            body: self.body,
            claims: self.claims.clone(),
            safety: self.safety,
            out: PhantomData,
        }
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
            op: self.op,
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

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        let mut spec = RequestSpec::new(self.op);
        spec.path = self.path.clone().into();
        if let Some(q) = &self.query {
            spec = spec.query(q.as_str());
        }
        if let Some(b) = self.body {
            spec = spec.body(RequestBody::raw(
                Bytes::from_static(b),
                HeaderValue::from_static("application/json"),
            ));
        }
        if let Some(c) = &self.claims {
            spec = spec.extension(c.clone());
        }
        if let Some(s) = self.safety {
            spec.retry = s;
        }
        Ok(spec)
    }
}

/// A table-style operation, written the way provider crates write theirs: a path
/// parameter, an amount sent as a string, a fee sent as a number.
pub(crate) static CREATE_TRANSFER: Operation = Operation {
    name: "create-transfer",
    method: Method::POST,
    path: "/accounts/{accountId}/transfers",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Moves money out of an account.",
    io: Io::json::<Transfer>(),
};

/// The request of [`CREATE_TRANSFER`], read from its input document.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Transfer {
    /// The path parameter, not in the body.
    #[serde(rename = "accountId", default, skip_serializing)]
    pub(crate) account_id: String,
    /// Sent as a JSON string.
    pub(crate) amount: Amount,
    /// Sent as a JSON number.
    #[serde(with = "payments_core::money::as_number")]
    pub(crate) fee: Amount,
    /// Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

/// What [`CREATE_TRANSFER`] answers.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TransferOut {
    /// The transfer id.
    pub(crate) id: String,
    /// Received as a string, written back as one.
    pub(crate) amount: Amount,
    /// Received as a number, written back as one.
    #[serde(with = "payments_core::money::as_number")]
    pub(crate) fee: Amount,
}

impl Endpoint for Transfer {
    type Output = TransferOut;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        RequestSpec::with_path(&CREATE_TRANSFER, &[Some(&self.account_id)])?.json(self)
    }
}

/// A builder at `base` with a fixed clock at [`NOW`], `NOW.1`, `NOW.2`, … nonces and
/// [`fast_retry`]; `build` takes the signer.
pub(crate) fn builder(base: impl Into<String>) -> ApiClientBuilder {
    ApiClient::builder(&SPEC, base)
        .clock(Arc::new(FixedClock::at(NOW)))
        .nonce_source(Arc::new(SequenceNonce::new(format!("{NOW}."))))
        .retry(fast_retry())
}

/// [`builder`] over a [`MemoryTransport`] answering `script` (the last reply repeats);
/// keep the transport to read what was sent.
pub(crate) fn in_memory(
    script: impl IntoIterator<Item = Reply>,
) -> (ApiClientBuilder, MemoryTransport) {
    let mem = MemoryTransport::new(script);
    (builder(MEMORY_BASE).transport(Arc::new(mem.clone())), mem)
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

/// An in-memory transport keeping every signed request as the `http::Request` itself (to
/// inspect header sensitivity, which [`MemoryTransport`] does not record); answers `200 {}`.
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
