//! [`ApiClient`]: builds, signs, sends, classifies, retries and decodes.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, USER_AGENT};
use http::{HeaderMap, StatusCode};
use tracing::Instrument;

use crate::endpoint::{DecodeFailure, Endpoint, InvalidInput, RequestSpec, RetrySafety};
use crate::error::{ApiError, ApiErrorKind, Error, SNIPPET_LIMIT, TimeoutKind, TransportErrorKind};
use crate::operation::{InputFile, JsonOutput, Operation};
use crate::options::{RequestOptions, ResponseMeta, Timeouts, WithMeta};
use crate::retry::{RetryBudget, RetryPolicy};
use crate::signer::{Clock, NonceSource, SignContext, Signer, SystemClock, TimestampNonce};
use crate::spec::ProviderSpec;
use crate::transport::{ReqwestTransport, Transport, TransportError, TransportFailure};

/// The default response-body cap: 4 MiB.
pub const DEFAULT_MAX_BODY: usize = 4 * 1024 * 1024;

/// A configured connection to one provider. Cheap to clone; clones share the connection
/// pool and the retry budget.
#[derive(Clone)]
pub struct ApiClient {
    inner: Arc<Inner>,
}

struct Inner {
    provider: &'static ProviderSpec,
    base_url: String,
    /// `base_url`, parsed once: each call only sets its path and query.
    base: url::Url,
    transport: Arc<dyn Transport>,
    /// The built-in transport again, when it is the one in use: called directly with the
    /// parsed URL (no request extension to allocate).
    direct: Option<ReqwestTransport>,
    signer: Arc<dyn Signer>,
    retry: RetryPolicy,
    budget: RetryBudget,
    timeouts: Timeouts,
    max_body: usize,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
    /// `User-Agent` and the provider's default headers, parsed once.
    default_headers: HeaderMap,
    /// The response headers [`ResponseMeta`] keeps (request id, error and kept headers),
    /// parsed once, each once.
    meta_headers: Vec<http::header::HeaderName>,
    /// The URL and URI of each operation whose path has no parameters (and no query),
    /// built on first use: most calls then build no URL at all. Bounded by the number of
    /// `&'static Operation`s, keyed by their address.
    static_urls: std::sync::RwLock<std::collections::HashMap<usize, (Arc<url::Url>, http::Uri)>>,
}

impl fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        f.debug_struct("ApiClient")
            .field("provider", &i.provider.name)
            .field("base_url", &i.base_url)
            .field("signer", &i.signer)
            .field("transport", &i.transport)
            .field("retry", &i.retry)
            .field("timeouts", &i.timeouts)
            .field("max_body", &i.max_body)
            .finish()
    }
}

/// Builds an [`ApiClient`].
pub struct ApiClientBuilder {
    provider: &'static ProviderSpec,
    base_url: String,
    transport: Option<Arc<dyn Transport>>,
    reqwest: Option<reqwest::Client>,
    retry: RetryPolicy,
    timeouts: Timeouts,
    max_body: usize,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
    user_agent: String,
}

impl fmt::Debug for ApiClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiClientBuilder")
            .field("provider", &self.provider.name)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ApiClientBuilder {
    /// Sets the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Sets the timeouts.
    pub fn timeouts(mut self, t: Timeouts) -> Self {
        self.timeouts = t;
        self
    }

    /// Sets the response-body cap in bytes.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Uses the caller's `reqwest::Client` (configure it with `redirect::Policy::none()`).
    pub fn reqwest_client(mut self, client: reqwest::Client) -> Self {
        self.reqwest = Some(client);
        self
    }

    /// Uses a custom transport.
    pub fn transport(mut self, t: Arc<dyn Transport>) -> Self {
        self.transport = Some(t);
        self
    }

    /// Sets the clock used for signatures (fixed in tests).
    pub fn clock(mut self, c: Arc<dyn Clock>) -> Self {
        self.clock = c;
        self
    }

    /// Sets the nonce source used for signatures (fixed in tests).
    pub fn nonce_source(mut self, n: Arc<dyn NonceSource>) -> Self {
        self.nonces = n;
        self
    }

    /// Sets the `User-Agent` header.
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }

    /// Validates the configuration and builds the client, signing with `signer`.
    pub fn build(self, signer: Arc<dyn Signer>) -> Result<ApiClient, Error> {
        let name = self.provider.name;
        let base = url::Url::parse(&self.base_url)
            .map_err(|e| Error::config(name, format!("invalid base URL: {e}")))?;
        if !matches!(base.scheme(), "http" | "https") {
            return Err(Error::config(name, "base URL must be http or https"));
        }
        if base.query().is_some() || base.fragment().is_some() {
            return Err(Error::config(
                name,
                "base URL must not have a query or fragment",
            ));
        }
        if !base.username().is_empty() || base.password().is_some() {
            return Err(Error::config(name, "base URL must not carry credentials"));
        }
        let base_url = base.as_str().trim_end_matches('/').to_owned();
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::config(name, "invalid User-Agent"))?;
        let mut default_headers = HeaderMap::new();
        default_headers.insert(USER_AGENT, user_agent);
        for (name, value) in self.provider.default_headers {
            // The spec's own constants: one that is not a valid header is skipped.
            if let (Ok(name), Ok(value)) = (
                http::header::HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) && !default_headers.contains_key(&name)
            {
                default_headers.insert(name, value);
            }
        }
        let provider = self.provider;
        let mut meta_headers: Vec<http::header::HeaderName> = Vec::new();
        for name in provider
            .request_id_header
            .iter()
            .chain(provider.error_headers)
            .chain(provider.kept_headers)
        {
            // The spec's names may be capitalised (`X-Request-Id`), which `from_static`
            // would panic on; `from_bytes` lower-cases. A name listed twice is kept once.
            if let Ok(name) = http::header::HeaderName::from_bytes(name.as_bytes())
                && !meta_headers.contains(&name)
            {
                meta_headers.push(name);
            }
        }
        let (transport, direct): (Arc<dyn Transport>, _) = match (self.transport, self.reqwest) {
            (Some(t), _) => (t, None),
            (None, reqwest) => {
                let t = match reqwest {
                    Some(c) => ReqwestTransport::from_client(c),
                    None => ReqwestTransport::new(self.timeouts.connect).map_err(|e| {
                        Error::config(name, format!("cannot build HTTP client: {e}"))
                    })?,
                };
                (Arc::new(t.clone()), Some(t))
            }
        };
        Ok(ApiClient {
            inner: Arc::new(Inner {
                provider: self.provider,
                base: url::Url::parse(&base_url)
                    .map_err(|e| Error::config(name, format!("invalid base URL: {e}")))?,
                base_url,
                transport,
                direct,
                signer,
                budget: RetryBudget::new(self.retry.budget),
                retry: self.retry,
                timeouts: self.timeouts,
                max_body: self.max_body,
                clock: self.clock,
                nonces: self.nonces,
                default_headers,
                meta_headers,
                static_urls: Default::default(),
            }),
        })
    }
}

/// A success as received, before decoding.
struct Received {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    attempts: u32,
}

/// When an attempt starts and when the whole call must be over.
#[derive(Clone, Copy)]
struct Window {
    start: tokio::time::Instant,
    call_deadline: tokio::time::Instant,
}

enum Attempt {
    Done(http::Response<Bytes>),
    Failed {
        error: Error,
        retry_after: Option<Duration>,
        retryable: bool,
        timeout: bool,
    },
}

impl ApiClient {
    /// Starts a client for `provider` at `base_url`; [`ApiClientBuilder::build`] takes the
    /// signer.
    pub fn builder(
        provider: &'static ProviderSpec,
        base_url: impl Into<String>,
    ) -> ApiClientBuilder {
        ApiClientBuilder {
            provider,
            base_url: base_url.into(),
            transport: None,
            reqwest: None,
            retry: RetryPolicy::default(),
            timeouts: Timeouts::default(),
            max_body: DEFAULT_MAX_BODY,
            clock: Arc::new(SystemClock),
            nonces: Arc::new(TimestampNonce::new()),
            user_agent: concat!("payments-rs/", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }

    /// The provider's name.
    pub fn provider(&self) -> &'static str {
        self.inner.provider.name
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// The clock the client signs with (fixed in tests); sessions read expiry from it.
    pub fn clock(&self) -> &dyn Clock {
        &*self.inner.clock
    }

    /// Sends `endpoint`: builds its request once, then signs and sends it on each attempt,
    /// retrying what is safe to retry, and decodes the response.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.send_with(endpoint, &RequestOptions::default()).await
    }

    /// [`send`](Self::send) with per-call options.
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<E::Output, Error> {
        let spec = endpoint.request().map_err(|e| self.invalid(e))?;
        let op = spec.operation;
        let got = self.execute(spec, options).await?;
        self.decode(op, &got, E::decode)
    }

    /// [`send`](Self::send) with per-call options, returning the response's metadata too.
    pub async fn send_with_meta<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<WithMeta<E::Output>, Error> {
        let started = Instant::now();
        let spec = endpoint.request().map_err(|e| self.invalid(e))?;
        let op = spec.operation;
        let got = self.execute(spec, options).await?;
        let value = self.decode(op, &got, E::decode)?;
        Ok(WithMeta {
            value,
            meta: self.meta(&got, started.elapsed()),
        })
    }

    /// Calls `operation` with a JSON input document (its documented body fields plus path
    /// and query parameters as top-level fields) and any files, and writes the decoded
    /// response back as JSON, every digit kept. This is how the `payments` CLI calls any
    /// operation of a provider's table.
    pub async fn call_json(
        &self,
        operation: &'static Operation,
        input: &str,
        files: Vec<InputFile>,
    ) -> Result<WithMeta<JsonOutput>, Error> {
        self.call_json_with(operation, input, files, &RequestOptions::default())
            .await
    }

    /// [`call_json`](Self::call_json) with per-call options.
    pub async fn call_json_with(
        &self,
        operation: &'static Operation,
        input: &str,
        files: Vec<InputFile>,
        options: &RequestOptions,
    ) -> Result<WithMeta<JsonOutput>, Error> {
        let started = Instant::now();
        let spec = (operation.io.request)(input, files).map_err(|e| self.invalid(e))?;
        let got = self.execute(spec, options).await?;
        let json = self.decode(operation, &got, operation.io.response)?;
        Ok(WithMeta {
            value: JsonOutput {
                status: got.status,
                json,
            },
            meta: self.meta(&got, started.elapsed()),
        })
    }

    fn invalid(&self, e: InvalidInput) -> Error {
        Error::InvalidRequest {
            provider: self.inner.provider.name,
            field: e.field,
            message: e.message,
        }
    }

    fn decode<T>(
        &self,
        op: &'static Operation,
        got: &Received,
        decode: impl FnOnce(StatusCode, &[u8]) -> Result<T, DecodeFailure>,
    ) -> Result<T, Error> {
        decode(got.status, &got.body).map_err(|f| {
            let err = Error::Decode {
                provider: self.inner.provider.name,
                operation: op.name,
                path: f.path,
                message: f.message,
                snippet: {
                    let mut snippet = crate::error::snippet(&got.body, SNIPPET_LIMIT);
                    self.scrub(&mut snippet);
                    snippet
                },
            };
            tracing::debug!(
                provider = self.inner.provider.name,
                operation = op.name,
                route = op.path,
                error = %err,
                "the response did not decode"
            );
            err
        })
    }

    fn meta(&self, got: &Received, elapsed: Duration) -> ResponseMeta {
        let provider = self.inner.provider;
        let mut headers = HeaderMap::new();
        for name in &self.inner.meta_headers {
            for v in got.headers.get_all(name) {
                headers.append(name.clone(), v.clone());
            }
        }
        ResponseMeta {
            body: got.body.clone(),
            status: got.status,
            request_id: request_id(provider, &got.headers),
            attempts: got.attempts,
            elapsed,
            headers,
        }
    }

    /// The retry loop, written once: not generic over the endpoint.
    async fn execute(
        &self,
        spec: RequestSpec,
        options: &RequestOptions,
    ) -> Result<Received, Error> {
        let i = &self.inner;
        let op = spec.operation;
        let timeouts = options.timeouts.unwrap_or(i.timeouts);
        let span = tracing::info_span!(
            "payments.call",
            provider = i.provider.name,
            operation = op.name,
            route = op.path,
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let started = (!span.is_disabled()).then(Instant::now);
        // Boxed once, so the (large) loop state is not copied by the span wrapper. The call
        // timeout is enforced inside the loop: each attempt's timer stops at the earlier of
        // the attempt and call deadlines, and no back-off sleeps past the call deadline.
        let result = Box::pin(self.attempts(spec, options, timeouts, &span))
            .instrument(span.clone())
            .await;
        if let Some(started) = started {
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            if let Err(e) = &result {
                span.in_scope(|| tracing::debug!(error = %e, "call failed"));
            }
        }
        result
    }

    async fn attempts(
        &self,
        spec: RequestSpec,
        options: &RequestOptions,
        timeouts: Timeouts,
        span: &tracing::Span,
    ) -> Result<Received, Error> {
        let i = &self.inner;
        let op = spec.operation;
        let retry = options.retry.as_ref().unwrap_or(&i.retry);
        let (uri, url) = self.url(&spec)?;
        // The body's headers, computed once; each attempt builds its header map afresh
        // (`request_headers`), sized for the signer's additions.
        let body_headers = spec
            .body
            .as_ref()
            .map(|b| (b.content_type.clone(), HeaderValue::from(b.bytes.len())));
        let mut extensions = spec.extensions;
        if !options.extensions.is_empty() {
            let mut merged = options.extensions.clone();
            merged.extend(extensions);
            extensions = merged;
        }
        let body = spec
            .body
            .as_ref()
            .map(|b| b.bytes.clone())
            .unwrap_or_default();
        let idempotent = spec.retry == RetrySafety::Idempotent;
        let mut now = tokio::time::Instant::now();
        let deadline = now + timeouts.call;

        let mut attempt = 1u32;
        loop {
            let attempt_span = tracing::debug_span!(
                parent: span,
                "payments.attempt",
                attempt,
                route = op.path,
                status = tracing::field::Empty,
                retry_reason = tracing::field::Empty,
                request_id = tracing::field::Empty,
            );
            let mut req = http::Request::new(body.clone());
            *req.method_mut() = op.method.clone();
            *req.uri_mut() = uri.clone();
            *req.headers_mut() = self.request_headers(&spec.headers, options, &body_headers);
            if !extensions.is_empty() {
                *req.extensions_mut() = extensions.clone();
            }
            let cx = SignContext {
                provider: i.provider.name,
                operation: op,
                attempt,
                clock: &*i.clock,
                nonces: &*i.nonces,
            };
            i.signer.sign(&mut req, &cx).map_err(|e| Error::Sign {
                provider: i.provider.name,
                message: e.0,
            })?;
            let outcome = self
                .attempt(
                    op,
                    req,
                    url.clone(),
                    idempotent,
                    timeouts,
                    Window {
                        start: now,
                        call_deadline: deadline,
                    },
                )
                .instrument(attempt_span.clone())
                .await;
            match outcome {
                Attempt::Done(resp) => {
                    if !span.is_disabled() {
                        span.record("attempts", attempt);
                        span.record("status", resp.status().as_u16());
                    }
                    if !attempt_span.is_disabled() {
                        attempt_span.record("status", resp.status().as_u16());
                        if let Some(id) = request_id(i.provider, resp.headers()) {
                            attempt_span.record("request_id", id.as_str());
                        }
                    }
                    i.budget.refund();
                    let (parts, body) = resp.into_parts();
                    return Ok(Received {
                        status: parts.status,
                        headers: parts.headers,
                        body,
                        attempts: attempt,
                    });
                }
                Attempt::Failed {
                    error,
                    retry_after,
                    retryable,
                    timeout,
                } => {
                    if !span.is_disabled() {
                        span.record("attempts", attempt);
                        if let Some(s) = error.status() {
                            span.record("status", s.as_u16());
                            attempt_span.record("status", s.as_u16());
                        }
                        if let Some(id) = error.api().and_then(|a| a.request_id.as_deref()) {
                            attempt_span.record("request_id", id);
                        }
                    }
                    let reason = retry_reason(&error);
                    let give_up = if !retryable {
                        Some("not retryable")
                    } else if attempt >= retry.max_attempts {
                        Some("attempts exhausted")
                    } else {
                        None
                    };
                    if let Some(why) = give_up {
                        attempt_span.in_scope(
                            || tracing::debug!(error = %error, reason, "attempt failed; {why}"),
                        );
                        return Err(error);
                    }
                    let delay = match retry_after {
                        Some(d) if d > retry.max_retry_after => return Err(error),
                        Some(d) => d,
                        None => retry.backoff(attempt + 1),
                    };
                    if tokio::time::Instant::now() + delay >= deadline
                        || !i.budget.try_spend(timeout)
                    {
                        return Err(error);
                    }
                    attempt_span.record("retry_reason", reason);
                    attempt_span.in_scope(|| {
                        tracing::debug!(error = %error, delay_ms = delay.as_millis() as u64, "retrying")
                    });
                    tokio::time::sleep(delay).await;
                    now = tokio::time::Instant::now();
                    attempt += 1;
                }
            }
        }
    }

    /// One attempt's headers: the request's own, then what it did not set of the client's
    /// defaults (User-Agent, the provider's), then the call's options, then the body's
    /// content type and length. Sized with room for the signer's headers, so signing does
    /// not grow the map.
    fn request_headers(
        &self,
        own: &HeaderMap,
        options: &RequestOptions,
        body: &Option<(HeaderValue, HeaderValue)>,
    ) -> HeaderMap {
        let defaults = &self.inner.default_headers;
        let mut headers =
            HeaderMap::with_capacity(own.len() + defaults.len() + options.headers.len() + 6);
        for (name, value) in own {
            headers.append(name.clone(), value.clone());
        }
        for (name, value) in defaults {
            if !headers.contains_key(name) {
                headers.insert(name.clone(), value.clone());
            }
        }
        for (name, value) in &options.headers {
            headers.insert(name.clone(), value.clone());
        }
        if let Some((content_type, length)) = body {
            headers.insert(CONTENT_TYPE, content_type.clone());
            headers.insert(CONTENT_LENGTH, length.clone());
        }
        headers
    }

    /// The request's URI, and its URL for the built-in transport (which would otherwise
    /// parse the URI again on every attempt). The base URL was parsed when the client was
    /// built; a call only sets the path and query, and a parameterless path is built once
    /// per client.
    fn url(&self, spec: &RequestSpec) -> Result<(http::Uri, Arc<url::Url>), Error> {
        let i = &self.inner;
        let op = spec.operation;
        let key = std::ptr::from_ref(op) as usize;
        let fixed = spec.path == op.path && spec.query.as_deref().is_none_or(str::is_empty);
        if fixed
            && let Some((url, uri)) = i
                .static_urls
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .get(&key)
        {
            return Ok((uri.clone(), url.clone()));
        }
        let bad_url = |e: &dyn fmt::Display| {
            Error::invalid(i.provider.name, "path", format!("not a valid URL: {e}"))
        };
        // Paths and queries arrive encoded; anything a URI cannot hold as is (white space,
        // controls, `"<>\^`{|}`, a stray `#`) is a bug to refuse, not to re-encode.
        let uri_safe = |s: &str, extra: &[u8]| {
            s.bytes().all(|b| {
                b.is_ascii_graphic() && !b"\"<>\\^`{|}#".contains(&b) && !extra.contains(&b)
            })
        };
        if !uri_safe(&spec.path, b"?") {
            return Err(bad_url(&format_args!(
                "the path {:?} is not encoded",
                op.path
            )));
        }
        if spec.query.as_deref().is_some_and(|q| !uri_safe(q, b"")) {
            return Err(bad_url(&"the query is not encoded"));
        }
        let mut url = i.base.clone();
        let base_path = url.path().trim_end_matches('/');
        let mut path = String::with_capacity(base_path.len() + spec.path.len() + 1);
        path.push_str(base_path);
        if !spec.path.starts_with('/') {
            path.push('/');
        }
        path.push_str(&spec.path);
        url.set_path(&path);
        url.set_query(spec.query.as_deref().filter(|q| !q.is_empty()));
        let uri: http::Uri = url.as_str().parse().map_err(|e| bad_url(&e))?;
        let url = Arc::new(url);
        if fixed {
            i.static_urls
                .write()
                .unwrap_or_else(|p| p.into_inner())
                .insert(key, (url.clone(), uri.clone()));
        }
        Ok((uri, url))
    }

    async fn attempt(
        &self,
        op: &'static Operation,
        mut req: http::Request<Bytes>,
        url: Arc<url::Url>,
        idempotent: bool,
        timeouts: Timeouts,
        window: Window,
    ) -> Attempt {
        let i = &self.inner;
        let name = i.provider.name;
        let Window {
            start,
            call_deadline,
        } = window;
        // One timer per attempt, at the earlier of its own deadline and the call's.
        let attempt_deadline = start + timeouts.attempt;
        let (deadline, kind, after) = if attempt_deadline < call_deadline {
            (attempt_deadline, TimeoutKind::Attempt, timeouts.attempt)
        } else {
            (call_deadline, TimeoutKind::Call, timeouts.call)
        };
        let send = match &i.direct {
            Some(direct) => direct.send_to(req, Some(url), i.max_body),
            None => {
                req.extensions_mut()
                    .insert(crate::transport::ParsedUrl(url));
                i.transport.send(req, i.max_body)
            }
        };
        let sent = tokio::time::timeout_at(deadline, send).await;
        let resp = match sent {
            Err(_) => {
                return Attempt::Failed {
                    error: Error::Timeout {
                        provider: name,
                        kind,
                        after,
                    },
                    retry_after: None,
                    // The call's time is up: nothing is left to retry in.
                    retryable: idempotent && kind == TimeoutKind::Attempt,
                    timeout: true,
                };
            }
            Ok(Err(e)) => return self.transport_failure(e, idempotent),
            Ok(Ok(resp)) => resp,
        };
        if resp.status().is_success() {
            return Attempt::Done(resp);
        }
        let err = self.api_error(op.name, &resp);
        let refused =
            err.kind == ApiErrorKind::RateLimited && i.provider.throttling_refuses_unprocessed;
        let retryable = err.kind.is_retryable() && (idempotent || refused);
        Attempt::Failed {
            retry_after: err.retry_after,
            error: err.into(),
            retryable,
            timeout: false,
        }
    }

    fn transport_failure(&self, e: TransportError, idempotent: bool) -> Attempt {
        let i = &self.inner;
        let name = i.provider.name;
        let (error, never_sent) = match e.failure {
            TransportFailure::ConnectTimeout => (
                Error::Timeout {
                    provider: name,
                    kind: TimeoutKind::Connect,
                    after: i.timeouts.connect,
                },
                true,
            ),
            TransportFailure::BodyTooLarge => (
                Error::BodyTooLarge {
                    provider: name,
                    limit: i.max_body,
                },
                false,
            ),
            failure => {
                let kind = match failure {
                    TransportFailure::Connect => TransportErrorKind::Connect,
                    TransportFailure::Body => TransportErrorKind::Body,
                    TransportFailure::Request => TransportErrorKind::Request,
                    _ => TransportErrorKind::Other,
                };
                let mut source = e.source.unwrap_or_else(|| format!("{failure:?}").into());
                // A transport message can carry the URL or an echoed header: scrubbed text
                // replaces the source only when something had to go.
                let text = source.to_string();
                let mut scrubbed = text.clone();
                self.scrub(&mut scrubbed);
                if scrubbed != text {
                    source = scrubbed.into();
                }
                (
                    Error::Transport {
                        provider: name,
                        kind,
                        source,
                    },
                    kind == TransportErrorKind::Connect,
                )
            }
        };
        let retryable = match &error {
            Error::BodyTooLarge { .. } => false,
            Error::Transport {
                kind: TransportErrorKind::Other,
                ..
            } => false,
            _ => never_sent || idempotent,
        };
        Attempt::Failed {
            timeout: matches!(error, Error::Timeout { .. }),
            error,
            retry_after: None,
            retryable,
        }
    }

    fn api_error(&self, operation: &'static str, resp: &http::Response<Bytes>) -> ApiError {
        let i = &self.inner;
        let mut err = ApiError::new(i.provider.name, operation, resp.status());
        err.body_snippet = crate::error::snippet(resp.body(), SNIPPET_LIMIT);
        err.retry_after = crate::retry::retry_after(resp.headers(), i.clock.now());
        err.keep_headers(resp.headers(), i.provider.error_headers);
        err.request_id = request_id(i.provider, resp.headers());
        (i.provider.parse_error)(&mut err, resp.headers(), resp.body());
        self.scrub(&mut err.body_snippet);
        // A field or kept header named like a credential whose value is one word is the
        // credential echoed back (an explanation in words is kept).
        for f in &mut err.fields {
            if crate::scrub::is_credential_name(&f.field)
                && crate::scrub::looks_like_a_credential(&f.message)
            {
                f.message = crate::transport::REDACTED.to_owned();
            }
        }
        for (name, value) in &mut err.headers {
            if crate::scrub::is_credential_name(name)
                && crate::scrub::looks_like_a_credential(value)
            {
                *value = crate::transport::REDACTED.to_owned();
            }
        }
        for text in err
            .message
            .iter_mut()
            .chain(err.code.iter_mut())
            .chain(err.fields.iter_mut().map(|f| &mut f.message))
            .chain(err.headers.iter_mut().map(|(_, v)| v))
        {
            self.scrub(text);
        }
        err
    }

    /// Keeps credentials out of error text: the signer's own values and whatever follows
    /// a credential-like name (`Authorization: …`) that a server echoed back.
    fn scrub(&self, text: &mut String) {
        self.inner.signer.scrub(text);
        crate::scrub::scrub_credential_fields(text);
    }
}

fn request_id(provider: &ProviderSpec, headers: &HeaderMap) -> Option<String> {
    provider
        .request_id_header
        .and_then(|h| headers.get(h))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Why a failed attempt is retried, for the attempt span.
fn retry_reason(error: &Error) -> &'static str {
    match error {
        Error::Timeout { .. } => "timeout",
        Error::Transport { .. } => "transport",
        Error::Api(e) => match e.kind {
            ApiErrorKind::RateLimited => "throttled",
            ApiErrorKind::Server => "server error",
            _ => "status",
        },
        _ => "other",
    }
}
