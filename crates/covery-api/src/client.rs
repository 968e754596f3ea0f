//! [`Client`] and [`ClientBuilder`], and how Covery describes itself to the core
//! (its [`ProviderSpec`]).

use std::sync::Arc;

use payments_core::bytes::Bytes;
use payments_core::http::Request;
use payments_core::http::header::HeaderValue;
use payments_core::provider::auth::Sha256NonceSigner;
use payments_core::provider::{ApiClient, ApiClientBuilder, ProviderSpec};
use payments_core::{
    Endpoint, Error, NoContent, NonceSource, SecretString, SignContext, SignError, Signer,
};

use crate::api::{
    ConfirmFraudAlert, FindFraudAlert, FraudAlertFeedback, Identities, LatestFraudAlerts,
    MakeDecision, Ping, Postback, SendEvent, TakesIdentities, X_IDENTITIES,
};
use crate::types::error::{
    ERROR_CONTEXT_HEADER, ERROR_MESSAGE_HEADER, ERROR_TYPE_HEADER, STATUS_HEADER, parse_error,
};
use crate::types::{self, Decision, EventResult, FraudAlert, PostbackResult};

/// How Covery describes itself to the core: its name, error parser and `X-Maxwell-*`
/// headers, and its throttling. 429 (same `sequence_id`) and 509 (too many requests) turn
/// the request away before it is stored, so every call, even an event without an id of its
/// own, is retried after them.
pub(crate) static COVERY: ProviderSpec = ProviderSpec::new("covery")
    .with_error_parser(parse_error)
    .with_error_headers(&[
        STATUS_HEADER,
        ERROR_TYPE_HEADER,
        ERROR_MESSAGE_HEADER,
        ERROR_CONTEXT_HEADER,
    ])
    .with_throttling_refusing_unprocessed();

/// The production host.
pub const PRODUCTION_URL: &str = "https://api.covery.ai";

/// Where the client sends requests.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// `https://api.covery.ai`.
    Production,
    /// Any other base URL (a sandbox, a proxy, a local emulator).
    Custom(String),
}

impl Environment {
    /// The base URL.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => PRODUCTION_URL,
            Environment::Custom(u) => u,
        }
    }
}

/// Covery's signer plus the client's default identities: adds `X-Identities` to the
/// requests that take it ([`TakesIdentities`] in their extensions) and do not carry their
/// own, then signs.
#[derive(Debug)]
struct CoverySigner {
    auth: Sha256NonceSigner,
    identities: Option<HeaderValue>,
}

impl Signer for CoverySigner {
    fn sign(&self, req: &mut Request<Bytes>, cx: &SignContext<'_>) -> Result<(), SignError> {
        if let Some(ids) = &self.identities
            && req.extensions().get::<TakesIdentities>().is_some()
            && !req.headers().contains_key(X_IDENTITIES)
        {
            req.headers_mut().insert(X_IDENTITIES, ids.clone());
        }
        self.auth.sign(req, cx)
    }

    fn scrub(&self, text: &mut String) {
        self.auth.scrub(text);
    }
}

/// Builds a [`Client`]: identities, retries, timeouts, HTTP client and test hooks.
#[derive(Debug)]
pub struct ClientBuilder {
    inner: ApiClientBuilder,
    signer: Result<Sha256NonceSigner, Error>,
    identities: Option<Identities>,
}

impl ClientBuilder {
    /// Sends these identity nodes as `X-Identities` with every event and decision (a
    /// request's own [`SendEvent::identities`] replace them).
    pub fn identities(mut self, identities: Identities) -> Self {
        self.identities = Some(identities);
        self
    }

    payments_core::client_builder_options!();

    /// Replaces the source of `X-Auth-Nonce` values (default: `SECONDS.DIGITS`, unique per
    /// attempt). For deterministic signatures in tests; a nonce must never repeat.
    pub fn nonce_source(mut self, nonces: Arc<dyn NonceSource>) -> Self {
        self.inner = self.inner.nonce_source(nonces);
        self
    }

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let auth = self.signer?;
        let identities = self.identities.filter(|i| !i.is_empty());
        let header = match &identities {
            Some(ids) => Some(
                ids.validate()
                    .and_then(|()| ids.to_header())
                    .map_err(|e| Error::config(COVERY.name, e.to_string()))?,
            ),
            None => None,
        };
        let signer = CoverySigner {
            auth,
            identities: header,
        };
        Ok(Client {
            api: self.inner.build(Arc::new(signer))?,
            identities: identities.map(Arc::new),
        })
    }
}

/// The Covery client. Cheap to clone; clones share connections and the retry budget.
///
/// Every request carries `X-Auth-Token`, a fresh `X-Auth-Nonce` per attempt,
/// `X-Auth-Signature` (hex SHA-256 of nonce, exact body and secret) and
/// `X-Auth-Version: 1.0`. Input is validated before sending.
#[derive(Debug, Clone)]
pub struct Client {
    api: ApiClient,
    identities: Option<Arc<Identities>>,
}

impl Client {
    /// A client for `env` with the access token and its secret, default settings.
    pub fn new(
        env: Environment,
        token: impl Into<SecretString>,
        secret: impl Into<SecretString>,
    ) -> Result<Self, Error> {
        Self::builder(env, token, secret).build()
    }

    /// A builder for `env` with the access token and its secret.
    pub fn builder(
        env: Environment,
        token: impl Into<SecretString>,
        secret: impl Into<SecretString>,
    ) -> ClientBuilder {
        let signer = Sha256NonceSigner::covery(token.into(), secret.into())
            .map_err(|e| Error::config(COVERY.name, e.0));
        let inner = ApiClient::builder(&COVERY, env.base_url())
            .user_agent(concat!("covery-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder {
            inner,
            signer,
            identities: None,
        }
    }

    /// The identity nodes sent with events and decisions that bring none of their own, if
    /// configured.
    pub fn identities(&self) -> Option<&Identities> {
        self.identities.as_deref()
    }

    /// Sends any Covery request ([`Endpoint`]): the typed methods below are this with the
    /// request's type spelled out.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.api.send(endpoint).await
    }

    payments_core::client_send_methods!(call_json);

    /// `POST /api/ping`: checks the API and what the token may do
    /// ([`types::Ping::level`]).
    pub async fn ping(&self) -> Result<types::Ping, Error> {
        self.send(&Ping::new()).await
    }

    /// `POST /api/sendEvent`: stores an event.
    pub async fn send_event(&self, req: &SendEvent) -> Result<EventResult, Error> {
        self.send(req).await
    }

    /// `POST /api/makeDecision`: stores an event and returns the risk decision.
    pub async fn make_decision(&self, req: &MakeDecision) -> Result<Decision, Error> {
        self.send(req).await
    }

    /// `POST /api/postback`: adds the processing outcome to a transaction.
    pub async fn postback(&self, req: &Postback) -> Result<PostbackResult, Error> {
        self.send(req).await
    }

    /// `POST /api/manage/fraud/latest`: the latest fraud alerts.
    pub async fn latest_fraud_alerts(
        &self,
        req: &LatestFraudAlerts,
    ) -> Result<Vec<FraudAlert>, Error> {
        self.send(req).await
    }

    /// `POST /api/manage/fraud/find`: one fraud alert.
    pub async fn find_fraud_alert(&self, req: &FindFraudAlert) -> Result<FraudAlert, Error> {
        self.send(req).await
    }

    /// `POST /api/manage/fraud/confirm`: acknowledges an alert.
    pub async fn confirm_fraud_alert(&self, req: &ConfirmFraudAlert) -> Result<(), Error> {
        self.send(req).await.map(|NoContent| ())
    }

    /// `POST /api/manage/fraud/feedback`: reports how an alert was handled.
    pub async fn fraud_alert_feedback(&self, req: &FraudAlertFeedback) -> Result<(), Error> {
        self.send(req).await.map(|NoContent| ())
    }
}
