//! [`Client`] and [`ClientBuilder`], and the signer that puts a partner JWT on the
//! operations that need one.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use payments_core::auth::{JwtAlgorithm, JwtSigner};
use payments_core::bytes::Bytes;
use payments_core::http::HeaderMap;
use payments_core::provider::{
    ApiClient, ApiClientBuilder, ProviderSpec, check_duplicate_keys, default_error_parser,
};
use payments_core::{
    ApiError, Auth, Clock, Endpoint, Error, ExposeSecret, InputFile, JsonOutput, NonceSource,
    Operation, SecretString, SignContext, SignError, Signer, WithMeta,
};
use serde_json::value::RawValue;

use crate::api::{
    GetApproximateQuote, GetPaymentMethods, GetSupportedCountries, PARTNER_FIELD, SubmitKyc,
    UploadDocument,
};
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
    /// The base URL; operation paths (`/partners/...`, `/countries/...`) are appended to it.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => PRODUCTION_URL,
            Environment::Sandbox => SANDBOX_URL,
            Environment::Custom(u) => u,
        }
    }
}

/// Signs the operations whose row says [`Auth::Jwt`] (the KYC review, the upload) with a
/// fresh RS256 or RS512 token per attempt (`iat`, `exp` and a unique `jti` added to the
/// request's [`JwtClaims`](payments_core::provider::auth::JwtClaims)), sent as
/// `Authorization: Bearer`; sends the others (quote, countries, payment methods) as they
/// are. Without a key, a JWT operation fails before anything is sent, however it is sent.
struct CoinifySigner {
    jwt: Option<JwtSigner>,
}

impl std::fmt::Debug for CoinifySigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoinifySigner")
            .field("jwt", &self.jwt)
            .finish()
    }
}

impl Signer for CoinifySigner {
    fn sign(
        &self,
        req: &mut payments_core::http::Request<Bytes>,
        cx: &SignContext<'_>,
    ) -> Result<(), SignError> {
        if cx.operation.auth != Auth::Jwt {
            return Ok(());
        }
        match &self.jwt {
            Some(jwt) => jwt.sign(req, cx),
            None => Err(SignError(format!(
                "{} needs the partner's RSA private key: set ClientBuilder::private_key",
                cx.operation.name
            ))),
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
        Ok(Client {
            api: self.inner.build(Arc::new(CoinifySigner { jwt }))?,
            partner,
        })
    }
}

/// The Coinify partner API client. Cheap to clone; clones share connections and the retry
/// budget.
///
/// The partner id is configured once: every request that names no partner
/// (`partner_id: None`, the default) is sent for this client's, by the typed methods and by
/// [`call_json`](Self::call_json); [`send`](Self::send) sends a request as it is. The KYC
/// operations ([`submit_kyc`](Self::submit_kyc), [`upload_document`](Self::upload_document))
/// need your private key; the others are sent without authentication.
#[derive(Debug, Clone)]
pub struct Client {
    api: ApiClient,
    partner: PartnerId,
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
        let inner = ApiClient::builder(&COINIFY, env.base_url())
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

    /// Sends any Coinify request ([`Endpoint`]) as it is: a request naming no partner is
    /// refused (`partnerId: is required`), so build it with `for_partner`
    /// ([`partner_id`](Self::partner_id)), or use the typed methods below, which fill in
    /// this client's.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.api.send(endpoint).await
    }

    payments_core::client_send_methods!();

    /// Calls any operation of [`OPERATIONS`](crate::operations::OPERATIONS) with its JSON
    /// input document (the documented body or query fields and path parameters; the
    /// upload's document as the file `file`), answering the decoded response as JSON with
    /// every digit kept; what the `payments` CLI uses. An input naming no partner
    /// (`partnerId`) is sent for this client's.
    pub async fn call_json(
        &self,
        operation: &'static Operation,
        input: &str,
        files: Vec<InputFile>,
    ) -> Result<WithMeta<JsonOutput>, Error> {
        let input = self.with_partner(operation, input)?;
        self.api.call_json(operation, &input, files).await
    }

    /// `input` with `partnerId` set to this client's partner id, unless it names one (or
    /// the operation's path has no `{partnerId}`). Input that is not a JSON object is
    /// passed on unchanged, for the core to refuse. Values are moved as their raw text, so
    /// every digit is kept.
    fn with_partner<'a>(
        &self,
        operation: &'static Operation,
        input: &'a str,
    ) -> Result<Cow<'a, str>, Error> {
        let param = PARTNER_FIELD;
        if !operation.path_params().any(|p| p == param) {
            return Ok(Cow::Borrowed(input));
        }
        // A map keeps one of two equal keys: refuse duplicates first, as the core does.
        check_duplicate_keys(input)
            .map_err(|e| Error::invalid(COINIFY.name, e.field, e.message))?;
        let Ok(mut doc) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(input) else {
            return Ok(Cow::Borrowed(input));
        };
        if doc.contains_key(param) {
            return Ok(Cow::Borrowed(input));
        }
        let id = serde_json::to_string(self.partner.as_str())
            .and_then(RawValue::from_string)
            .map_err(|e| Error::invalid(COINIFY.name, param, e.to_string()))?;
        doc.insert(param.to_owned(), id);
        serde_json::to_string(&doc)
            .map(Cow::Owned)
            .map_err(|e| Error::invalid(COINIFY.name, "input", e.to_string()))
    }

    /// This client's partner id, unless `slot` names one.
    fn fill(&self, slot: &mut Option<PartnerId>) {
        slot.get_or_insert_with(|| self.partner.clone());
    }

    /// `GET /partners/{partnerId}/approximate-quote`: an estimate, not a tradable quote.
    pub async fn approximate_quote(
        &self,
        req: &GetApproximateQuote,
    ) -> Result<ApproximateQuote, Error> {
        let mut req = req.clone();
        self.fill(&mut req.partner_id);
        self.send(&req).await
    }

    /// `POST /partners/{partnerId}/kyc`: creates a trader's KYC review. 200 (already
    /// there, unchanged) and 201 (created) both succeed; [`KycResult::created`] tells
    /// which.
    pub async fn submit_kyc(&self, req: &SubmitKyc) -> Result<KycResult, Error> {
        let mut req = req.clone();
        self.fill(&mut req.partner_id);
        self.send(&req).await
    }

    /// `POST /partners/{partnerId}/kyc/{reviewId}/documents`: uploads a supporting
    /// document (raw bytes; shared with `req`, not copied).
    pub async fn upload_document(&self, req: &UploadDocument) -> Result<UploadedDocument, Error> {
        let mut req = req.clone();
        self.fill(&mut req.partner_id);
        self.send(&req).await
    }

    /// `GET /countries/{partnerId}`: supported countries and states, with pay-in media.
    pub async fn supported_countries(&self) -> Result<SupportedCountries, Error> {
        self.send(&GetSupportedCountries::for_partner(self.partner.clone()))
            .await
    }

    /// `GET /partners/{partnerId}/payment-methods`: payment methods and general limits.
    pub async fn payment_methods(&self) -> Result<PaymentMethods, Error> {
        self.send(&GetPaymentMethods::for_partner(self.partner.clone()))
            .await
    }
}
