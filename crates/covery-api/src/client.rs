//! [`Client`] and [`ClientBuilder`].

use std::borrow::Cow;
use std::sync::Arc;

use payments_core::auth::Sha256NonceSigner;
use payments_core::http::header::HeaderValue;
use payments_core::http::{Extensions, HeaderMap, Method, StatusCode};
use payments_core::{
    ApiClient, ApiClientBuilder, DecodeFailure, Endpoint, Error, InvalidInput, NoContent,
    NonceSource, RequestBody, RetrySafety, SecretString,
};

use crate::api::{
    ConfirmFraudAlert, FindFraudAlert, FraudAlertFeedback, Identities, LatestFraudAlerts,
    MakeDecision, Ping, Postback, SendEvent,
};
use crate::error::COVERY;
use crate::types::{self, Decision, EventResult, FraudAlert, PostbackResult};

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
        let signer = self.signer?;
        if let Some(ids) = &self.identities {
            ids.validate()
                .map_err(|e| Error::config(COVERY.name, e.to_string()))?;
        }
        Ok(Client {
            api: self.inner.signer(Arc::new(signer)).build()?,
            identities: self.identities.filter(|i| !i.is_empty()).map(Arc::new),
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
        let inner = ApiClient::builder(
            &COVERY,
            env.base_url(),
            Arc::new(payments_core::signer::NoAuth),
        )
        .user_agent(concat!("covery-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder {
            inner,
            signer,
            identities: None,
        }
    }

    /// The underlying core client.
    pub fn api_client(&self) -> &ApiClient {
        &self.api
    }

    /// The identity nodes sent with events and decisions, if configured.
    pub fn identities(&self) -> Option<&Identities> {
        self.identities.as_deref()
    }

    /// Sends any Covery [`Endpoint`]; the client's identities go with `send-event` and
    /// `make-decision` calls that bring none of their own.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        let wrapped = WithIdentities {
            inner: endpoint,
            identities: self.identities.as_deref(),
        };
        self.api.send(&wrapped).await
    }

    /// `POST /api/ping`: checks the API and what the token may do
    /// ([`types::Ping::level`]).
    pub async fn ping(&self) -> Result<types::Ping, Error> {
        self.send(&Ping).await
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

/// An endpoint plus the client's identities, added to event and decision calls that
/// carry none.
struct WithIdentities<'a, E> {
    inner: &'a E,
    identities: Option<&'a Identities>,
}

impl<E: Endpoint> Endpoint for WithIdentities<'_, E> {
    type Output = E::Output;

    fn operation(&self) -> &'static str {
        self.inner.operation()
    }

    fn method(&self) -> Method {
        self.inner.method()
    }

    fn path(&self) -> Cow<'_, str> {
        self.inner.path()
    }

    fn query(&self) -> Option<String> {
        self.inner.query()
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        self.inner.validate()
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        self.inner.body()
    }

    fn headers(&self, headers: &mut HeaderMap) {
        self.inner.headers(headers);
        let wants = matches!(self.inner.operation(), "send-event" | "make-decision");
        if let Some(ids) = self.identities.filter(|_| wants)
            && !headers.contains_key(crate::api::X_IDENTITIES)
            && let Ok(v) = HeaderValue::from_str(&ids.header_value())
        {
            headers.insert(crate::api::X_IDENTITIES, v);
        }
    }

    fn extensions(&self, extensions: &mut Extensions) {
        self.inner.extensions(extensions);
    }

    fn retry_safety(&self) -> RetrySafety {
        self.inner.retry_safety()
    }

    fn decode(&self, status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        self.inner.decode(status, body)
    }
}
