//! An offline emulator of the payments-rs providers' APIs, in the spirit of stripe-mock: start
//! it inside your own tests on a loopback port, point a client at it, and get answers shaped
//! like the real provider's, decided by documented, deterministic rules.
//!
//! It emulates CoinCover under `/coincover` (see [`coincover`]), Covery under `/covery`
//! (see [`covery`]), CoinsPaid under `/coinspaid` (see [`coinspaid`]) and Coinify's partner
//! API under `/coinify` (see [`coinify`]); `docs/sandbox.md` has the rules of all four. Every
//! provider lives under its own prefix, so one sandbox serves them all.
//!
//! # Quick start
//!
//! ```
//! use coincover_api::{
//!     Amount, CheckTransaction, Client, CoinId, Environment, ThreatCode, TransactionOutput,
//! };
//! use payments_sandbox::{Provider, Sandbox, SandboxConfig};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start(SandboxConfig::default().with_seed(7)).await?;
//! let client = Client::new(
//!     Environment::Custom(sandbox.url(Provider::CoinCover)),
//!     sandbox.credentials().coincover_token.clone(),
//! )?;
//!
//! let check = |destination: &str| {
//!     CheckTransaction::new(
//!         "tx-1",
//!         CoinId::new("bitcoin").unwrap(),
//!         "wallet-1",
//!         vec![TransactionOutput::new(
//!             destination,
//!             "0.01".parse::<Amount>().unwrap(),
//!             "user-1",
//!         )],
//!     )
//! };
//! let green = client.check_transaction(&check("16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh")).await?;
//! assert!(green.is_green());
//!
//! // Destinations named `SANDBOX-THREAT-<code>` come back RED with that code.
//! let red = client.check_transaction(&check("SANDBOX-THREAT-50101")).await?;
//! assert_eq!(red.threat_code(), Some(ThreatCode::SanctionedAddress));
//!
//! // Every request is logged, credentials redacted.
//! assert_eq!(sandbox.sandbox().requests().len(), 2);
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Control routes
//!
//! Besides the providers' routes the sandbox answers, without authentication:
//!
//! | route | answer |
//! |---|---|
//! | `POST /_sandbox/reset` | 204; clears all state and the request log, restarts the id sequence |
//! | `GET /_sandbox/requests` | 200; the request log as a JSON array of [`RecordedRequest`] |
//! | `POST /_sandbox/covery/fraud-alerts` | 201; creates a Covery fraud alert (the JSON body's fields override the defaults) and answers it; 400 `{"message":…}` for a bad override |
//! | `POST /_sandbox/coinspaid/deposits` | 201 `{"callbacks":[…]}`; simulates a deposit of `{"address", "amount", "currency"?}` to a taken CoinsPaid address (see [`coinspaid`]); 400 `{"message":…}` for a bad body or unknown address |
//! | `GET /_sandbox/coinspaid/callbacks` | 200; every CoinsPaid callback created so far, as a JSON array of [`coinspaid::RecordedCallback`] |
//!
//! Any other route answers 404 `{"message":"Not Found"}`.
//!
//! # Logging
//!
//! Every handled request emits one `tracing` event at INFO with target `payments_sandbox`
//! and the fields `method`, `path`, `status` and `latency`.

use std::collections::VecDeque;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use payments_core::{Clock, SystemClock};
use serde::Serialize;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub mod coincover;
pub mod coinify;
pub mod coinspaid;
pub mod covery;

mod callbacks;

/// The prefix of the sandbox's own control routes.
pub const CONTROL_PREFIX: &str = "/_sandbox";

/// How many requests the log keeps; older ones are dropped first.
pub const REQUEST_LOG_CAPACITY: usize = 10_000;

/// The largest request body the sandbox reads (1 MiB); larger bodies get a 413 (Coinify's
/// routes answer their own 400 instead, and its document uploads may be as large as
/// [`coinify::MAX_DOCUMENT_BYTES`]).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How long [`RunningSandbox::shutdown`] waits for open connections before aborting them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The credentials the sandbox accepts. These are test values, safe to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credentials {
    /// The bearer token CoinCover requests must carry (`Authorization: Bearer <token>`).
    pub coincover_token: String,
    /// A Covery `X-Auth-Token` with every access level (event, decision, utility,
    /// management).
    pub covery_token: String,
    /// The secret of both Covery tokens: `X-Auth-Signature` is the hex SHA-256 of
    /// `X-Auth-Nonce ‖ body ‖ covery_secret`, and callbacks are signed with it.
    pub covery_secret: String,
    /// A Covery `X-Auth-Token` of the `event` level only: it may send events and postbacks
    /// (and ping), and gets 403 elsewhere. Signed with the same `covery_secret`.
    pub covery_event_token: String,
    /// The CoinsPaid public key: requests must carry it in `X-Processing-Key`, and callbacks
    /// are sent with it.
    pub coinspaid_key: String,
    /// The CoinsPaid secret: `X-Processing-Signature` is the lower-case hex HMAC-SHA512 of the
    /// body keyed with it, for requests and callbacks alike.
    pub coinspaid_secret: String,
    /// The Coinify partner id: the `:partner-id` of the partner routes and the `:id` of the
    /// countries route.
    pub coinify_partner_id: String,
    /// The PKCS#8 PEM private key Coinify partner JWTs are to be signed with (RS256 or
    /// RS512). By default the private half of [`coinify::generated_key`]; empty when the
    /// sandbox was given only a public key ([`SandboxConfig::with_coinify_public_key`]).
    pub coinify_private_key_pem: String,
    /// The PEM public key (SubjectPublicKeyInfo or PKCS#1) the sandbox verifies Coinify
    /// partner JWTs with. By default the public half of [`coinify::generated_key`].
    pub coinify_public_key_pem: String,
}

impl Default for Credentials {
    /// `coincover_token = "sandbox-coincover-token"`, `covery_token = "sandbox-covery-token"`,
    /// `covery_secret = "sandbox-covery-secret"`,
    /// `covery_event_token = "sandbox-covery-event-token"`,
    /// `coinspaid_key = "sandbox-coinspaid-key"`, `coinspaid_secret = "sandbox-coinspaid-secret"`,
    /// `coinify_partner_id =` [`coinify::DEFAULT_PARTNER_ID`], and the Coinify key pair of
    /// [`coinify::generated_key`] (generated once per process; both PEMs are empty, and every
    /// Coinify JWT is refused, if generation fails).
    fn default() -> Self {
        let (coinify_private_key_pem, coinify_public_key_pem) = match coinify::generated_key() {
            Ok(key) => (key.private_key_pem.clone(), key.public_key_pem.clone()),
            Err(e) => {
                tracing::warn!(target: "payments_sandbox", error = %e, "no Coinify partner key");
                (String::new(), String::new())
            }
        };
        Credentials {
            coincover_token: "sandbox-coincover-token".to_owned(),
            covery_token: "sandbox-covery-token".to_owned(),
            covery_secret: "sandbox-covery-secret".to_owned(),
            covery_event_token: "sandbox-covery-event-token".to_owned(),
            coinspaid_key: "sandbox-coinspaid-key".to_owned(),
            coinspaid_secret: "sandbox-coinspaid-secret".to_owned(),
            coinify_partner_id: coinify::DEFAULT_PARTNER_ID.to_owned(),
            coinify_private_key_pem,
            coinify_public_key_pem,
        }
    }
}

/// How a [`Sandbox`] behaves: its seed, clock and accepted credentials.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Seeds every generated id (CoinCover's `transactionUUID`, Covery's `requestId` and
    /// fraud alert ids, CoinsPaid's ids, addresses and txids, Coinify's review and document ids, …): the same seed and the same requests give the same ids.
    pub seed: u64,
    /// The time source of the time-window rules (CoinCover's hourly and daily limits,
    /// Covery's rate limit and failed-login window, CoinsPaid's futures fix period), of
    /// Covery's and CoinsPaid's timestamps and of the `exp`/`iat` checks of Coinify's partner
    /// JWTs. Inject a
    /// fixed clock to make them deterministic.
    pub clock: Arc<dyn Clock>,
    /// The credentials the sandbox accepts.
    pub credentials: Credentials,
    /// Where providers that send callbacks post them: Covery's fraud alerts, signed with
    /// `X-Auth-Nonce` and `X-Auth-Signature`, and CoinsPaid's deposit, withdrawal and
    /// exchange callbacks, signed with `X-Processing-Key` and `X-Processing-Signature`.
    /// CoinCover sends none.
    pub callback_url: Option<String>,
}

impl Default for SandboxConfig {
    /// Seed 0, the system clock, [`Credentials::default`], no callback URL.
    fn default() -> Self {
        SandboxConfig {
            seed: 0,
            clock: Arc::new(SystemClock),
            credentials: Credentials::default(),
            callback_url: None,
        }
    }
}

impl SandboxConfig {
    /// Sets the seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the clock.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Sets the accepted credentials.
    pub fn with_credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// Sets the callback URL.
    pub fn with_callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
        self
    }

    /// Verifies Coinify partner JWTs with this PEM public key (SubjectPublicKeyInfo
    /// `BEGIN PUBLIC KEY` or PKCS#1 `BEGIN RSA PUBLIC KEY`) instead of the generated one, and
    /// clears [`Credentials::coinify_private_key_pem`]: the sandbox does not know the matching
    /// private key. A key that does not parse makes every Coinify JWT route answer 500.
    pub fn with_coinify_public_key(mut self, pem: impl Into<String>) -> Self {
        self.credentials.coinify_public_key_pem = pem.into();
        self.credentials.coinify_private_key_pem = String::new();
        self
    }
}

/// An emulated provider, each served under its own path prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// CoinCover's transaction-protection API, under `/coincover`.
    CoinCover,
    /// Covery's fraud-scoring API, under `/covery`.
    Covery,
    /// CoinsPaid's crypto-processing API, under `/coinspaid`.
    CoinsPaid,
    /// Coinify's partner trade API, under `/coinify`.
    Coinify,
}

impl Provider {
    /// Every emulated provider.
    pub const ALL: &'static [Provider] = &[
        Provider::CoinCover,
        Provider::Covery,
        Provider::CoinsPaid,
        Provider::Coinify,
    ];

    /// The path prefix the provider is served under (`/coincover`, `/covery`, `/coinspaid`,
    /// `/coinify`).
    pub const fn prefix(self) -> &'static str {
        match self {
            Provider::CoinCover => "/coincover",
            Provider::Covery => "/covery",
            Provider::CoinsPaid => "/coinspaid",
            Provider::Coinify => "/coinify",
        }
    }

    /// The provider's name (`coincover`, `covery`, `coinspaid`, `coinify`).
    pub const fn name(self) -> &'static str {
        match self {
            Provider::CoinCover => "coincover",
            Provider::Covery => "covery",
            Provider::CoinsPaid => "coinspaid",
            Provider::Coinify => "coinify",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One request the sandbox answered, as it arrived (credentials redacted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedRequest {
    /// The HTTP method (`POST`).
    pub method: String,
    /// The path, with the provider prefix (`/coincover/transaction`).
    pub path: String,
    /// The query string without `?`, if any.
    pub query: Option<String>,
    /// The headers in arrival order, names in lower case; `authorization`,
    /// `proxy-authorization` and `x-auth-token` values are replaced by `[REDACTED]`.
    pub headers: Vec<(String, String)>,
    /// The body, decoded as UTF-8 (invalid bytes replaced); Coinify document uploads are
    /// recorded as `[<n> bytes]` instead.
    pub body: String,
    /// The status the sandbox answered.
    pub status: u16,
}

/// The emulator: shared state behind a cheap, cloneable handle.
///
/// Build one with [`Sandbox::new`] and mount [`Sandbox::router`] in your own server, or let
/// [`Sandbox::start`] serve it on a loopback port.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

struct Inner {
    config: SandboxConfig,
    state: Mutex<SandboxState>,
    coinify_key: coinify::PartnerKey,
}

/// Everything [`Sandbox::reset`] clears.
pub(crate) struct SandboxState {
    pub(crate) coincover: coincover::CoinCoverState,
    pub(crate) covery: covery::CoveryState,
    pub(crate) coinspaid: coinspaid::CoinsPaidState,
    pub(crate) coinify: coinify::CoinifyState,
    log: VecDeque<RecordedRequest>,
}

impl SandboxState {
    fn new(seed: u64) -> Self {
        SandboxState {
            coincover: coincover::CoinCoverState::new(seed),
            covery: covery::CoveryState::new(seed),
            coinspaid: coinspaid::CoinsPaidState::new(seed),
            coinify: coinify::CoinifyState::new(seed),
            log: VecDeque::new(),
        }
    }
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// A sandbox with empty state.
    pub fn new(config: SandboxConfig) -> Self {
        let state = Mutex::new(SandboxState::new(config.seed));
        let coinify_key = coinify::partner_key(&config.credentials.coinify_public_key_pem);
        Sandbox {
            inner: Arc::new(Inner {
                config,
                state,
                coinify_key,
            }),
        }
    }

    /// The configuration the sandbox was built with.
    pub fn config(&self) -> &SandboxConfig {
        &self.inner.config
    }

    /// The credentials the sandbox accepts.
    pub fn credentials(&self) -> &Credentials {
        &self.inner.config.credentials
    }

    /// Every route: each provider under its prefix, the control routes under `/_sandbox`, and a
    /// JSON 404 for anything else. Requests are logged and traced.
    pub fn router(&self) -> Router {
        Router::new()
            .nest(
                Provider::CoinCover.prefix(),
                coincover::router(self.clone()),
            )
            .route(Provider::Covery.prefix(), any(covery::dispatch))
            .route(
                &format!("{}/{{*rest}}", Provider::Covery.prefix()),
                any(covery::dispatch),
            )
            .route(
                "/_sandbox/covery/fraud-alerts",
                post(covery::control_create_alert),
            )
            .route(Provider::CoinsPaid.prefix(), any(coinspaid::dispatch))
            .route(
                &format!("{}/{{*rest}}", Provider::CoinsPaid.prefix()),
                any(coinspaid::dispatch),
            )
            .route(
                "/_sandbox/coinspaid/deposits",
                post(coinspaid::control_deposit),
            )
            .nest(Provider::Coinify.prefix(), coinify::router())
            .route(
                "/_sandbox/coinspaid/callbacks",
                get(control_coinspaid_callbacks),
            )
            .route("/_sandbox/reset", post(control_reset))
            .route("/_sandbox/requests", get(control_requests))
            .method_not_allowed_fallback(method_not_allowed)
            .fallback(not_found)
            .layer(middleware::from_fn_with_state(self.clone(), observe))
            .with_state(self.clone())
    }

    /// Builds a sandbox and serves it on `127.0.0.1` at a port the system picks.
    pub async fn start(config: SandboxConfig) -> std::io::Result<RunningSandbox> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        Sandbox::new(config).serve(listener).await
    }

    /// Serves the sandbox on `listener` from a spawned task (call it inside a Tokio runtime).
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<RunningSandbox> {
        let addr = listener.local_addr()?;
        let (tx, rx) = oneshot::channel::<()>();
        let app = self.router();
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    // A dropped sender also ends the server.
                    let _ = rx.await;
                })
                .await;
            if let Err(e) = served {
                tracing::warn!(target: "payments_sandbox", error = %e, "sandbox server stopped");
            }
        });
        Ok(RunningSandbox {
            addr,
            sandbox: self,
            shutdown: Some(tx),
            task: Some(task),
        })
    }

    /// Clears every provider's state and the request log, and restarts the id sequences from
    /// the seed: the sandbox is as new.
    pub fn reset(&self) {
        *self.lock() = SandboxState::new(self.inner.config.seed);
    }

    /// The request log, oldest first (control routes are not logged; at most
    /// [`REQUEST_LOG_CAPACITY`] entries).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().log.iter().cloned().collect()
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, SandboxState> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The parsed Coinify partner public key, or why it does not parse.
    pub(crate) fn coinify_key(&self) -> Result<&jsonwebtoken::DecodingKey, &str> {
        self.inner.coinify_key.as_ref().map_err(String::as_str)
    }

    /// Seconds since the Unix epoch by the configured clock.
    pub(crate) fn now_secs(&self) -> u64 {
        self.inner.config.clock.unix_seconds()
    }

    fn record(&self, request: RecordedRequest) {
        let mut state = self.lock();
        if state.log.len() >= REQUEST_LOG_CAPACITY {
            state.log.pop_front();
        }
        state.log.push_back(request);
    }
}

/// A sandbox being served. Dropping it stops the server at once; [`RunningSandbox::shutdown`]
/// stops it gracefully.
pub struct RunningSandbox {
    addr: SocketAddr,
    sandbox: Sandbox,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for RunningSandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RunningSandbox")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl RunningSandbox {
    /// The address the sandbox listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The base URL of one provider (`http://127.0.0.1:PORT/coincover`), ready for the
    /// provider client's custom environment.
    pub fn url(&self, provider: Provider) -> String {
        format!("{}{}", self.base_url(), provider.prefix())
    }

    /// The credentials the sandbox accepts.
    pub fn credentials(&self) -> &Credentials {
        self.sandbox.credentials()
    }

    /// The sandbox: its state, request log and reset.
    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    /// Stops accepting connections, lets requests in flight finish (for at most 5 s) and
    /// waits for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// A JSON response.
pub(crate) fn json_response(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => json_bytes(status, Bytes::from(body)),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A response whose body is already JSON.
pub(crate) fn json_bytes(status: StatusCode, body: Bytes) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

#[derive(Serialize)]
struct Message<'a> {
    message: &'a str,
}

/// `{"message": "..."}` with `status`, the error shape of API-Gateway-fronted providers.
pub(crate) fn message(status: StatusCode, message: &str) -> Response {
    json_response(status, &Message { message })
}

async fn not_found() -> Response {
    message(StatusCode::NOT_FOUND, "Not Found")
}

async fn method_not_allowed() -> Response {
    message(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
}

async fn control_reset(State(sandbox): State<Sandbox>) -> StatusCode {
    sandbox.reset();
    StatusCode::NO_CONTENT
}

async fn control_coinspaid_callbacks(State(sandbox): State<Sandbox>) -> Response {
    json_response(StatusCode::OK, &sandbox.coinspaid_callbacks())
}

async fn control_requests(State(sandbox): State<Sandbox>) -> Response {
    json_response(StatusCode::OK, &sandbox.requests())
}

fn is_control(path: &str) -> bool {
    path == CONTROL_PREFIX
        || path
            .strip_prefix(CONTROL_PREFIX)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn recorded_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = if name == header::AUTHORIZATION
                || name == header::PROXY_AUTHORIZATION
                || name == "x-auth-token"
            {
                "[REDACTED]".to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            (name.as_str().to_owned(), value)
        })
        .collect()
}

fn trace(method: &str, path: &str, status: StatusCode, started: Instant) {
    tracing::info!(
        target: "payments_sandbox",
        method,
        path,
        status = status.as_u16(),
        latency = ?started.elapsed(),
        "request"
    );
}

/// Logs and traces every request; buffers the body so it can be recorded.
async fn observe(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    if is_control(&path) {
        let response = next.run(request).await;
        trace(&method, &path, response.status(), started);
        return response;
    }
    let (parts, body) = request.into_parts();
    let query = parts.uri.query().map(str::to_owned);
    let headers = recorded_headers(&parts.headers);
    let upload = coinify::is_document_upload(&path);
    let limit = if upload {
        coinify::MAX_DOCUMENT_BYTES + 1
    } else {
        MAX_BODY_BYTES
    };
    let (response, body) = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => {
            let text = if upload {
                format!("[{} bytes]", bytes.len())
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            let response = next
                .run(Request::from_parts(parts, Body::from(bytes)))
                .await;
            (response, text)
        }
        Err(_) if coinify::is_coinify(&path) => (coinify::body_too_large(upload), String::new()),
        Err(_) => (
            message(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body: larger than 1 MiB or could not be read",
            ),
            String::new(),
        ),
    };
    let status = response.status();
    sandbox.record(RecordedRequest {
        method: method.clone(),
        path: path.clone(),
        query,
        headers,
        body,
        status: status.as_u16(),
    });
    trace(&method, &path, status, started);
    response
}

/// Deterministic ids: UUID-shaped strings from `(seed, stream, counter)` through splitmix64.
#[derive(Debug, Clone)]
pub(crate) struct IdSequence {
    base: u64,
    counter: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

fn splitmix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl IdSequence {
    /// A sequence for one provider (`stream`) under `seed`.
    pub(crate) fn new(seed: u64, stream: u64) -> Self {
        IdSequence {
            base: seed ^ splitmix64(stream),
            counter: 0,
        }
    }

    /// The next id as a 7-digit serial: a seed-dependent base in `1_000_000..9_000_000` plus
    /// the counter (Covery's integer ids).
    pub(crate) fn next_serial(&mut self) -> u64 {
        let n = self.counter;
        self.counter = self.counter.wrapping_add(1);
        1_000_000 + splitmix64(self.base) % 8_000_000 + n
    }

    /// The next id: a version-4, RFC 4122 variant UUID in lower-case hex.
    pub(crate) fn next_uuid(&mut self) -> String {
        let n = self.counter;
        self.counter = self.counter.wrapping_add(1);
        let word = |k: u64| splitmix64(self.base.wrapping_add(k.wrapping_mul(GOLDEN_GAMMA)));
        let hi = (word(2 * n + 1) & !0xF000) | 0x4000;
        let lo = (word(2 * n + 2) & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_v4_shaped_and_seeded() {
        let mut a = IdSequence::new(1, 1);
        let mut b = IdSequence::new(1, 1);
        let mut c = IdSequence::new(2, 1);
        let first = a.next_uuid();
        assert_eq!(first, b.next_uuid());
        assert_ne!(first, c.next_uuid());
        assert_ne!(first, a.next_uuid());
        let parts: Vec<&str> = first.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{first}");
        assert!(matches!(parts[3].as_bytes()[0], b'8'..=b'b'), "{first}");
        assert!(first.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));
    }

    #[test]
    fn control_paths() {
        assert!(is_control("/_sandbox"));
        assert!(is_control("/_sandbox/reset"));
        assert!(!is_control("/_sandboxed"));
        assert!(!is_control("/coincover/transaction"));
    }
}
