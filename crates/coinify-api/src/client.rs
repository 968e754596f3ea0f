//! [`Client`] and [`ClientBuilder`].

use std::sync::Arc;
use std::time::Duration;

use payments_core::auth::{JwtAlgorithm, JwtSigner};
use payments_core::http::HeaderMap;
use payments_core::{
    ApiClient, ApiClientBuilder, ApiError, Clock, Error, ExposeSecret, NonceSource, ProviderSpec,
    SecretString, default_error_parser,
};

use crate::api::{
    CoinifyRequest, GetApproximateQuote, GetPaymentMethods, GetSupportedCountries, SubmitKyc,
    UploadDocument,
};
use crate::auth::CoinifySigner;
use crate::types::{
    ApproximateQuote, KycResult, PartnerId, PaymentMethods, SupportedCountries, UploadedDocument,
};

/// How Coinify describes itself to the core: its name and error parser.
pub(crate) static COINIFY: ProviderSpec =
    ProviderSpec::new("coinify").with_error_parser(parse_error);

/// Reads Coinify's `{"error": "invalid_request", "error_description": "..."}`: `error` is
/// the code, `error_description` the message. Other shapes go through the default parser.
fn parse_error(err: &mut ApiError, headers: &HeaderMap, body: &[u8]) {
    use serde_json::Value;
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return default_error_parser(err, headers, body);
    };
    let Some(Value::String(code)) = map.get("error") else {
        return default_error_parser(err, headers, body);
    };
    if !code.is_empty() {
        err.code = Some(code.clone());
    }
    err.message = ["error_description", "message"]
        .iter()
        .find_map(|k| match map.get(*k) {
            Some(Value::String(m)) if !m.is_empty() => Some(m.clone()),
            _ => None,
        });
}

/// The production base URL.
pub const PRODUCTION_URL: &str = "https://app-api.coinify.com";
/// The sandbox base URL.
pub const SANDBOX_URL: &str = "https://app-api.sandbox.coinify.com";

/// Where the client sends requests.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// `https://app-api.coinify.com`.
    Production,
    /// `https://app-api.sandbox.coinify.com`.
    Sandbox,
    /// Any other base URL (a proxy, a local emulator).
    Custom(String),
}

impl Environment {
    /// The base URL; operation paths (`/partners/...`) are appended to it.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => PRODUCTION_URL,
            Environment::Sandbox => SANDBOX_URL,
            Environment::Custom(u) => u,
        }
    }
}

/// Builds a [`Client`]: the private key and JWT settings, retries, timeouts, HTTP client
/// and test hooks.
pub struct ClientBuilder {
    inner: ApiClientBuilder,
    partner: Result<PartnerId, Error>,
    key: Option<SecretString>,
    algorithm: JwtAlgorithm,
    token_ttl: Duration,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("partner", &self.partner)
            .field("key", &self.key.as_ref().map(|_| "[REDACTED]"))
            .field("algorithm", &self.algorithm)
            .field("token_ttl", &self.token_ttl)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Your RSA private key (PEM, PKCS#1 `BEGIN RSA PRIVATE KEY` or PKCS#8
    /// `BEGIN PRIVATE KEY`), used to sign the KYC and upload tokens. A key that cannot
    /// sign makes [`build`](Self::build) fail with [`Error::Config`].
    pub fn private_key(mut self, pem: impl Into<SecretString>) -> Self {
        self.key = Some(pem.into());
        self
    }

    /// The JWT algorithm (default RS256).
    pub fn algorithm(mut self, alg: JwtAlgorithm) -> Self {
        self.algorithm = alg;
        self
    }

    /// The token lifetime, `exp - iat` (default 60 s).
    pub fn token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }

    payments_core::client_builder_options!();

    /// The clock for `iat`/`exp` (fixed in tests).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.inner = self.inner.clock(clock);
        self
    }

    /// The source of the tokens' `jti` (deterministic in tests).
    pub fn nonce_source(mut self, nonces: Arc<dyn NonceSource>) -> Self {
        self.inner = self.inner.nonce_source(nonces);
        self
    }

    /// Validates the configuration (partner id, key, base URL) and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let partner = self.partner?;
        let jwt = match &self.key {
            None => None,
            Some(pem) => {
                if pem.expose_secret().trim().is_empty() {
                    return Err(Error::config(COINIFY.name, "the private key is empty"));
                }
                let signer = JwtSigner::from_pem(pem, self.algorithm)
                    .map_err(|e| Error::config(COINIFY.name, e.0))?
                    .with_ttl(self.token_ttl)
                    .with_jti_claim(Some("jti"));
                Some(signer)
            }
        };
        let has_key = jwt.is_some();
        let api = self.inner.signer(Arc::new(CoinifySigner { jwt })).build()?;
        Ok(Client {
            api,
            partner: Arc::new(partner),
            has_key,
        })
    }
}

/// The Coinify partner API client. Cheap to clone; clones share connections and the retry
/// budget.
///
/// The partner id is configured once and fills every path. The KYC operations
/// ([`submit_kyc`](Self::submit_kyc), [`upload_document`](Self::upload_document)) need
/// your private key; the others are sent without authentication.
#[derive(Debug, Clone)]
pub struct Client {
    api: ApiClient,
    partner: Arc<PartnerId>,
    has_key: bool,
}

impl Client {
    /// A client for `env` with your partner id and RSA private key (PEM), RS256 and
    /// default settings.
    pub fn new(
        env: Environment,
        partner_id: &str,
        private_key_pem: impl Into<SecretString>,
    ) -> Result<Self, Error> {
        Self::builder(env, partner_id)
            .private_key(private_key_pem)
            .build()
    }

    /// A builder for `env` with your partner id (a UUID, checked by
    /// [`build`](ClientBuilder::build)). Add the key with
    /// [`private_key`](ClientBuilder::private_key) to use the KYC operations.
    pub fn builder(env: Environment, partner_id: &str) -> ClientBuilder {
        let partner =
            PartnerId::new(partner_id).map_err(|e| Error::config(COINIFY.name, e.to_string()));
        let inner = ApiClient::builder(
            &COINIFY,
            env.base_url(),
            Arc::new(payments_core::signer::NoAuth),
        )
        .user_agent(concat!("coinify-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder {
            inner,
            partner,
            key: None,
            algorithm: JwtAlgorithm::RS256,
            token_ttl: Duration::from_secs(60),
        }
    }

    /// The partner id.
    pub fn partner_id(&self) -> &PartnerId {
        &self.partner
    }

    /// The underlying core client.
    pub fn api_client(&self) -> &ApiClient {
        &self.api
    }

    /// Sends any [`CoinifyRequest`] for this client's partner.
    pub async fn send<R: CoinifyRequest>(&self, request: &R) -> Result<R::Output, Error> {
        if request.claims().is_some() && !self.has_key {
            return Err(Error::config(
                COINIFY.name,
                format!(
                    "{} needs the partner's RSA private key: set ClientBuilder::private_key",
                    request.operation()
                ),
            ));
        }
        self.api.send(&request.for_partner(&self.partner)).await
    }

    /// `GET /partners/:partner-id/approximate-quote`: an estimate, not a tradable quote.
    pub async fn approximate_quote(
        &self,
        req: &GetApproximateQuote,
    ) -> Result<ApproximateQuote, Error> {
        self.send(req).await
    }

    /// `POST /partners/:partner-id/kyc`: sends a trader's KYC review. 200 (already
    /// there, unchanged) and 201 (created) both succeed; [`KycResult::created`] tells
    /// which.
    pub async fn submit_kyc(&self, req: &SubmitKyc) -> Result<KycResult, Error> {
        self.send(req).await
    }

    /// `POST /partners/:partner-id/kyc/:review-id/documents`: uploads a supporting
    /// document (raw bytes).
    pub async fn upload_document(&self, req: &UploadDocument) -> Result<UploadedDocument, Error> {
        self.send(req).await
    }

    /// `GET /countries/:partner-id`: supported countries and states, with pay-in media.
    pub async fn supported_countries(&self) -> Result<SupportedCountries, Error> {
        self.send(&GetSupportedCountries).await
    }

    /// `GET /partners/:partner-id/payment-methods`: payment methods and general limits.
    pub async fn payment_methods(&self) -> Result<PaymentMethods, Error> {
        self.send(&GetPaymentMethods).await
    }
}
