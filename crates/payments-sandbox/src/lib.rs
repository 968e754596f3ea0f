//! An offline emulator of the payments-rs providers' APIs, in the spirit of stripe-mock: start
//! it inside your own tests on a loopback port, point a client at it, and get answers shaped
//! like the real provider's, decided by documented, deterministic rules.
//!
//! It emulates CoinCover under `/coincover` (see [`coincover`]), Covery under `/covery`
//! (see [`covery`]), CoinsPaid under `/coinspaid` (see [`coinspaid`]), Coinify's partner
//! API under `/coinify` (see [`coinify`]) and CCPro's public API under `/ccpro` (see
//! [`ccpro`]); `docs/sandbox.md` has the rules of all five. Every provider lives under its own
//! prefix, so one sandbox serves them all.
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
//! | `POST /_sandbox/reset` | 204; clears all state, the request log and the fault rules, restarts the id sequences (the clock stays) |
//! | `GET /_sandbox/requests` | 200; the request log as a JSON array of [`RecordedRequest`] |
//! | `GET /_sandbox/clock` | 200 `{"now": <unix seconds>}`: the test clock ([`SandboxClock`]) |
//! | `POST /_sandbox/clock` | `{"advance_seconds": N}` or `{"set": <unix seconds>}`; 200 with the new `{"now": …}` |
//! | `POST /_sandbox/faults` | 201; adds a [`FaultRule`] such as `{"provider": "coinspaid", "operation": "withdrawal-crypto", "times": 1, "fault": "status", "status": 503}`; 400 `{"message":…}` for a bad rule |
//! | `GET /_sandbox/faults` | 200; the rules in force |
//! | `DELETE /_sandbox/faults` | 204; clears the rules |
//! | `POST /_sandbox/covery/fraud-alerts` | 201; creates a Covery fraud alert (the JSON body's fields override the defaults) and answers it; 400 `{"message":…}` for a bad override |
//! | `POST /_sandbox/coinspaid/deposits` | 201 `{"callbacks":[…]}`; simulates a deposit of `{"address", "amount", "currency"?}` to a taken CoinsPaid address (see [`coinspaid`]); 400 `{"message":…}` for a bad body or unknown address |
//! | `GET /_sandbox/coinspaid/callbacks` | 200; every CoinsPaid callback created so far, as a JSON array of [`coinspaid::RecordedCallback`] |
//! | `POST /_sandbox/ccpro/users` | 200 `{"id","email","password","token"}`: a CCPro user, active and logged in |
//! | `GET /_sandbox/ccpro/users/{id or e-mail}` | 200; the codes CCPro's e-mails and SMS would carry |
//! | `GET`, `POST /_sandbox/ccpro/settings` | 200; the CCPro emulation's delays, lives and quotas ([`ccpro::CcproSettings`]) |
//! | `POST /_sandbox/ccpro/…` | CCPro's other control routes: balances, market, KYC reviews, order decisions, checkouts (`docs/sandbox.md`) |
//!
//! Any other route answers 404 `{"message":"Not Found"}` (under a provider's prefix, in that
//! provider's error shape), before any authentication.
//!
//! # Explained refusals
//!
//! A request refused for authentication gets the provider's documented error plus an
//! [`REASON_HEADER`] (`X-Sandbox-Reason`) saying what was wrong (the missing header, the body
//! bytes a signature was checked over and their SHA-256, the JWT claim that failed and the
//! clock difference), never a secret or the expected signature.
//!
//! # Independence
//!
//! The sandbox shares no code with the clients it emulates the providers for: no provider
//! client crate and no `payments-core` among its dependencies; its digests, tables and operation
//! names are its own. Each provider is a room of its own (`src/<provider>/`).
//!
//! # Logging
//!
//! Every handled request emits one `tracing` event at INFO with target `payments_sandbox`
//! and the fields `method`, `path`, `status` and `latency`, plus `reason` for a refusal.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub mod ccpro;
pub mod coincover;
pub mod coinify;
pub mod coinspaid;
pub mod covery;

mod callbacks;
mod clock;
mod control;
mod faults;
mod ids;
mod log;
mod serve;
mod toolkit;

pub use clock::SandboxClock;
pub use faults::{FAULT_HEADER, Fault, FaultRule, MAX_DELAY_MS};

use faults::{Faults, Operation};
use log::RequestLog;

/// The prefix of the sandbox's own control routes.
pub const CONTROL_PREFIX: &str = "/_sandbox";

/// How many requests the log keeps; older ones are dropped first.
pub const REQUEST_LOG_CAPACITY: usize = 10_000;

/// The largest request body the sandbox reads (1 MiB); larger bodies get a 413 (Coinify's
/// routes answer their own 400 instead, and its document uploads may be as large as
/// [`coinify::MAX_DOCUMENT_BYTES`]).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The header that explains why the sandbox refused a request for authentication (which
/// header is missing or malformed, over how many body bytes and which SHA-256 a signature was
/// checked, which JWT claim failed and by how much the clocks differ). It never holds a
/// secret or the expected signature.
pub const REASON_HEADER: &str = "x-sandbox-reason";

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
    /// The CCPro platform id: the `{platform}` of the platform routes and authenticate-jwt,
    /// and the `platform` claim of platform JWTs.
    pub ccpro_platform_id: String,
    /// The PKCS#8 PEM private key CCPro platform JWTs are to be signed with (RS512). By
    /// default the private half of [`ccpro::generated_key`]; empty when the sandbox was given
    /// only a public key ([`SandboxConfig::with_ccpro_public_key`]).
    pub ccpro_private_key_pem: String,
    /// The PEM public key the sandbox verifies CCPro platform JWTs with. By default the
    /// public half of [`ccpro::generated_key`].
    pub ccpro_public_key_pem: String,
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
        let (ccpro_private_key_pem, ccpro_public_key_pem) = match ccpro::generated_key() {
            Ok(key) => (key.private_key_pem.clone(), key.public_key_pem.clone()),
            Err(e) => {
                tracing::warn!(target: "payments_sandbox", error = %e, "no CCPro platform key");
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
            ccpro_platform_id: ccpro::DEFAULT_PLATFORM_ID.to_owned(),
            ccpro_private_key_pem,
            ccpro_public_key_pem,
        }
    }
}

/// How a [`Sandbox`] behaves: its seed, clock and accepted credentials.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Seeds every generated id (CoinCover's `transactionUUID`, Covery's `requestId` and
    /// fraud alert ids, CoinsPaid's ids, addresses and txids, Coinify's review and document ids, …): the same seed and the same requests give the same ids.
    pub seed: u64,
    /// The test clock: the time source of the time-window rules (CoinCover's hourly and
    /// daily limits, Covery's rate limit and failed-login window, CoinsPaid's futures fix
    /// period), of Covery's and CoinsPaid's timestamps and of the `exp`/`iat` checks of
    /// Coinify's partner JWTs. Give a [`SandboxClock::fixed`] to make them deterministic;
    /// move it with [`SandboxClock::advance`] or `POST /_sandbox/clock`.
    pub clock: SandboxClock,
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
            clock: SandboxClock::system(),
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

    /// Sets the clock (a [`SandboxClock::fixed`] for deterministic tests and recordings).
    pub fn with_clock(mut self, clock: SandboxClock) -> Self {
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

    /// Verifies CCPro platform JWTs with this PEM public key instead of the generated one,
    /// and clears [`Credentials::ccpro_private_key_pem`]: the sandbox does not know the
    /// matching private key. A key that does not parse makes every platform-JWT route
    /// answer 500.
    pub fn with_ccpro_public_key(mut self, pem: impl Into<String>) -> Self {
        self.credentials.ccpro_public_key_pem = pem.into();
        self.credentials.ccpro_private_key_pem = String::new();
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
    /// CCPro's (CryptoCoin.Pro's) public API, under `/ccpro`.
    Ccpro,
}

impl Provider {
    /// Every emulated provider.
    pub const ALL: &'static [Provider] = &[
        Provider::CoinCover,
        Provider::Covery,
        Provider::CoinsPaid,
        Provider::Coinify,
        Provider::Ccpro,
    ];

    /// The path prefix the provider is served under (`/coincover`, `/covery`, `/coinspaid`,
    /// `/coinify`).
    pub const fn prefix(self) -> &'static str {
        match self {
            Provider::CoinCover => "/coincover",
            Provider::Covery => "/covery",
            Provider::CoinsPaid => "/coinspaid",
            Provider::Coinify => "/coinify",
            Provider::Ccpro => "/ccpro",
        }
    }

    /// The provider's name (`coincover`, `covery`, `coinspaid`, `coinify`).
    pub const fn name(self) -> &'static str {
        match self {
            Provider::CoinCover => "coincover",
            Provider::Covery => "covery",
            Provider::CoinsPaid => "coinspaid",
            Provider::Coinify => "coinify",
            Provider::Ccpro => "ccpro",
        }
    }

    /// The names of the provider's operations, as fault rules name them (the sandbox's own
    /// copy of each client's operation table).
    pub fn operation_names(self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.operations().iter().map(|o| o.name).collect();
        names.dedup();
        names
    }

    /// The provider's operation table: method, path template, name.
    pub(crate) fn operations(self) -> &'static [Operation] {
        match self {
            Provider::CoinCover => coincover::OPERATIONS,
            Provider::Covery => covery::OPERATIONS,
            Provider::CoinsPaid => coinspaid::OPERATIONS,
            Provider::Coinify => coinify::OPERATIONS,
            Provider::Ccpro => &ccpro::OPERATIONS,
        }
    }

    /// The provider's documented error answer for `status` (what a `status` or `throttle`
    /// fault answers).
    pub(crate) fn fault_response(self, status: StatusCode) -> Response {
        match self {
            Provider::CoinCover => coincover::fault_response(status),
            Provider::Covery => covery::fault_response(status),
            Provider::CoinsPaid => coinspaid::fault_response(status),
            Provider::Coinify => coinify::fault_response(status),
            Provider::Ccpro => ccpro::fault_response(status),
        }
    }

    /// How the front door reads a body for `path` (relative to the prefix): the room's limit,
    /// its answer to a larger body, and whether the log keeps the body or only its length.
    pub(crate) fn body_policy(self, path: &str) -> toolkit::BodyPolicy {
        let default = |too_large| toolkit::BodyPolicy {
            limit: MAX_BODY_BYTES,
            summarize: false,
            too_large,
        };
        match self {
            Provider::CoinCover => default(coincover::body_too_large),
            Provider::Covery => default(covery::body_too_large),
            Provider::CoinsPaid => default(coinspaid::body_too_large),
            Provider::Coinify => coinify::body_policy(path),
            Provider::Ccpro => ccpro::body_policy(path),
        }
    }

    /// Adds the provider's routes under its prefix to `router`, its rules and auth inside:
    /// CoinCover's with their full paths (its 404 is the sandbox's own, and a nested route
    /// rebuilds the URI on every call), the others nested with their own 404s.
    fn mount(self, router: Router<Sandbox>, sandbox: &Sandbox) -> Router<Sandbox> {
        match self {
            Provider::CoinCover => router.merge(coincover::router(self.prefix())),
            Provider::Covery => router.nest(self.prefix(), covery::router(sandbox.clone())),
            Provider::CoinsPaid => router.nest(self.prefix(), coinspaid::router(sandbox.clone())),
            Provider::Coinify => router.nest(self.prefix(), coinify::router(sandbox.clone())),
            Provider::Ccpro => router.merge(ccpro::router(self.prefix())),
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
    log: Mutex<RequestLog>,
    faults: Mutex<Faults>,
    /// How many fault rules are in force, so that calls skip the lock when none is.
    fault_rules: AtomicUsize,
    coinify_key: coinify::PartnerKey,
    ccpro_key: ccpro::PlatformKey,
}

/// Every provider's state: what [`Sandbox::reset`] clears (with the log and the faults).
pub(crate) struct SandboxState {
    pub(crate) coincover: coincover::CoinCoverState,
    pub(crate) covery: covery::CoveryState,
    pub(crate) coinspaid: coinspaid::CoinsPaidState,
    pub(crate) coinify: coinify::CoinifyState,
    pub(crate) ccpro: ccpro::CcproState,
}

impl SandboxState {
    fn new(seed: u64) -> Self {
        SandboxState {
            coincover: coincover::CoinCoverState::new(seed),
            covery: covery::CoveryState::new(seed),
            coinspaid: coinspaid::CoinsPaidState::new(seed),
            coinify: coinify::CoinifyState::new(seed),
            ccpro: ccpro::CcproState::new(seed),
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

fn relock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Sandbox {
    /// A sandbox with empty state.
    pub fn new(config: SandboxConfig) -> Self {
        let state = Mutex::new(SandboxState::new(config.seed));
        let coinify_key = coinify::partner_key(&config.credentials.coinify_public_key_pem);
        let ccpro_key = ccpro::platform_key(&config.credentials.ccpro_public_key_pem);
        Sandbox {
            inner: Arc::new(Inner {
                config,
                state,
                log: Mutex::new(RequestLog::default()),
                faults: Mutex::new(Faults::default()),
                fault_rules: AtomicUsize::new(0),
                coinify_key,
                ccpro_key,
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

    /// The test clock (the one of the configuration): move it to make things expire.
    pub fn clock(&self) -> &SandboxClock {
        &self.inner.config.clock
    }

    /// Every route: each provider under its prefix (its fault rules applied first), the
    /// control routes under `/_sandbox`, and a JSON 404 for anything else. Requests are
    /// logged and traced.
    pub fn router(&self) -> Router {
        self.routes()
            .layer(log::FrontLayer::new(self.clone()))
            .with_state(self.clone())
    }

    /// The routes of [`Sandbox::router`] without the front door (logging, fault rules, body
    /// reading), which the sandbox's own server applies around them (`serve.rs`).
    fn routes(&self) -> Router<Sandbox> {
        let mut router = Router::new();
        for &provider in Provider::ALL {
            router = provider.mount(router, self);
        }
        router
            .merge(control::router())
            .method_not_allowed_fallback(control::method_not_allowed)
            .fallback(control::not_found)
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
        let app = self.routes().with_state(self.clone());
        let task = tokio::spawn(serve::serve(listener, self.clone(), app, rx));
        Ok(RunningSandbox {
            addr,
            sandbox: self,
            shutdown: Some(tx),
            task: Some(task),
        })
    }

    /// Clears every provider's state, the request log and the fault rules, and restarts the
    /// id sequences from the seed: the sandbox is as new. The clock is left where it is.
    pub fn reset(&self) {
        *self.lock() = SandboxState::new(self.inner.config.seed);
        relock(&self.inner.log).clear();
        self.clear_faults();
    }

    /// The request log, oldest first (control routes are not logged; at most
    /// [`REQUEST_LOG_CAPACITY`] entries).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        relock(&self.inner.log).list()
    }

    /// Adds a fault rule (what `POST /_sandbox/faults` does); an unknown provider or
    /// operation, `times: 0`, a status outside 400–599 or a delay over [`MAX_DELAY_MS`] is
    /// refused with the reason.
    pub fn add_fault(&self, rule: FaultRule) -> Result<(), String> {
        rule.validate()?;
        let mut faults = relock(&self.inner.faults);
        faults.add(rule);
        self.inner
            .fault_rules
            .store(faults.len(), Ordering::Release);
        Ok(())
    }

    /// The fault rules in force, oldest first, with the calls each still shapes.
    pub fn faults(&self) -> Vec<FaultRule> {
        relock(&self.inner.faults).list()
    }

    /// Clears the fault rules.
    pub fn clear_faults(&self) {
        let mut faults = relock(&self.inner.faults);
        faults.clear();
        self.inner.fault_rules.store(0, Ordering::Release);
    }

    /// `true` when a fault rule is in force (a lock-free check made on every call).
    pub(crate) fn has_faults(&self) -> bool {
        self.inner.fault_rules.load(Ordering::Acquire) > 0
    }

    pub(crate) fn take_fault(&self, provider: Provider, operation: &str) -> Option<Fault> {
        if !self.has_faults() {
            return None;
        }
        let mut faults = relock(&self.inner.faults);
        let fault = faults.take(provider, operation);
        self.inner
            .fault_rules
            .store(faults.len(), Ordering::Release);
        fault
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, SandboxState> {
        relock(&self.inner.state)
    }

    /// The parsed Coinify partner public key, or why it does not parse.
    pub(crate) fn coinify_key(&self) -> Result<&jsonwebtoken::DecodingKey, &str> {
        self.inner.coinify_key.as_ref().map_err(String::as_str)
    }

    /// The parsed CCPro platform public key, or why it does not parse.
    pub(crate) fn ccpro_key(&self) -> Result<&jsonwebtoken::DecodingKey, &str> {
        self.inner.ccpro_key.as_ref().map_err(String::as_str)
    }

    /// Seconds since the Unix epoch by the test clock.
    pub(crate) fn now_secs(&self) -> u64 {
        self.inner.config.clock.unix_seconds()
    }

    fn record(&self, entry: log::Entry) {
        let old = relock(&self.inner.log).push(entry);
        // Freed after the lock is released.
        drop(old);
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

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
