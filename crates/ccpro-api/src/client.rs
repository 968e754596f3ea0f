//! [`Client`], [`ClientBuilder`], the platform key, and how CCPro errors are read.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use payments_core::bytes::Bytes;
use payments_core::http::{self, HeaderMap};
use payments_core::provider::auth::{JwtAlgorithm, JwtClaims, JwtSigner, sensitive};
use payments_core::provider::{
    ApiClient, ApiClientBuilder, ProviderSpec, default_error_parser, scrub_values,
};
use payments_core::{
    ApiError, ApiErrorKind, Auth, Clock, Endpoint, Error, ExposeSecret, SecretString, SignContext,
    SignError, Signer,
};

use crate::api::auth::{AuthenticateJwt, AuthenticateWithPassword, Subject};
use crate::session::{SessionToken, UserClient, UserSession};
use crate::types::auth::AccessToken;

/// How CCPro describes itself to the core: its name, error parser and the
/// `Accept: application/json` every request carries (Laravel answers errors as JSON only to
/// requests that accept it).
pub(crate) static CCPRO: ProviderSpec = ProviderSpec::new("ccpro")
    .with_error_parser(parse_error)
    .with_default_headers(&[("accept", "application/json")]);

/// Reads `{"error": …}`, `{"message": …}` and `{"message", "errors": {field: [..] | "…"}}`
/// (every field kept), then classifies by CCPro's own use of statuses: 409 is "This action
/// is unauthorized." (never a conflict), and 405, 406, 410, 412, 421, 423 and 425 carry
/// per-endpoint meanings ([`crate::CcproError`]) rather than their HTTP ones.
fn parse_error(err: &mut ApiError, headers: &HeaderMap, body: &[u8]) {
    default_error_parser(err, headers, body);
    err.kind = match err.status.as_u16() {
        409 => ApiErrorKind::Forbidden,
        405 | 406 | 410 | 412 | 421 | 423 | 425 => ApiErrorKind::Other,
        _ => err.kind,
    };
}

/// The only host the docs show: CCPro's development API.
pub const DEV_URL: &str = "https://dev-api-public.infra.cryptocoin.pro";

/// Where the client sends requests. Operation paths (`/api/v1/…`) are appended to it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// `https://dev-api-public.infra.cryptocoin.pro`, the host of the docs' examples.
    Dev,
    /// Any other base URL (production, a proxy, the local sandbox), without `/api/v1`; it
    /// may carry a path prefix.
    Custom(String),
}

impl Environment {
    /// The base URL.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Dev => DEV_URL,
            Environment::Custom(u) => u,
        }
    }
}

/// The platform's identity: its id (the docs' `{platform}`) and its RSA private key, which
/// signs the RS512 JWTs of `authenticate-jwt` and the nine `platform/{platform}` operations.
pub struct PlatformKey {
    id: String,
    jwt: JwtSigner,
}

impl std::fmt::Debug for PlatformKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlatformKey")
            .field("id", &self.id)
            .field("key", &"[REDACTED]")
            .finish()
    }
}

impl PlatformKey {
    /// The platform `id` and its RSA private key (PEM, PKCS#1 or PKCS#8). Tokens live 60
    /// seconds by default ([`PlatformKey::with_lifetime`]). A key that cannot sign is an
    /// error here, not on the first call.
    pub fn from_pem(id: impl Into<String>, pem: &SecretString) -> Result<Self, Error> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(Error::config("ccpro", "the platform id is empty"));
        }
        let jwt = JwtSigner::from_pem(pem, JwtAlgorithm::RS512)
            .map_err(|e| Error::config("ccpro", e.0))?
            // CCPro's expiry claim is `expire` (Unix seconds); it takes no `iat`.
            .with_time_claims(None, Some("expire"))
            .with_ttl(Duration::from_secs(60));
        Ok(PlatformKey { id, jwt })
    }

    /// Sets how long each minted token lives (default 60 s). A fresh token is minted for
    /// every attempt, so a short lifetime costs nothing.
    pub fn with_lifetime(mut self, lifetime: Duration) -> Self {
        self.jwt = self.jwt.with_ttl(lifetime);
        self
    }

    /// The platform id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A signed token with `claims` plus `expire` at `now_unix` + the lifetime: what the
    /// client sends in the `token` header (and what the checkout hand-off URL carries).
    pub fn mint(
        &self,
        claims: &serde_json::Map<String, serde_json::Value>,
        now_unix: u64,
    ) -> Result<String, Error> {
        self.jwt.token(claims, now_unix).map_err(|e| Error::Sign {
            provider: CCPRO.name,
            message: e.0,
        })
    }
}

/// The secrets a request carries in its body (a password, a reset token), in its
/// extensions: the signer remembers them as it signs, so an answer that echoes one cannot
/// put it into an error's text. Debug shows none.
#[derive(Clone)]
pub(crate) struct BodySecrets(pub(crate) Vec<SecretString>);

/// Secret values not scrubbed: the words the docs' examples use as placeholders
/// (`"current_password": "password"`), which CCPro's own messages use as words ("The
/// current password is incorrect."); replacing them would garble every such message and
/// hide nothing anyone could not guess.
const PLACEHOLDER_SECRETS: &[&str] = &["password", "secret", "token"];

impl BodySecrets {
    /// The secrets among `values` (an absent one, or a placeholder word, is skipped).
    pub(crate) fn of<'a>(values: impl IntoIterator<Item = Option<&'a SecretString>>) -> Self {
        BodySecrets(
            values
                .into_iter()
                .flatten()
                .filter(|s| {
                    let v = s.expose_secret().trim();
                    !PLACEHOLDER_SECRETS
                        .iter()
                        .any(|w| v.eq_ignore_ascii_case(w))
                })
                .cloned()
                .collect(),
        )
    }
}

impl std::fmt::Debug for BodySecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BodySecrets([REDACTED])")
    }
}

/// The most session tokens and body secrets the signer remembers to scrub from error text.
const REMEMBERED_TOKENS: usize = 32;

/// Signs each attempt as its table row says: a fresh platform JWT in the `token` header
/// ([`Auth::Jwt`]), the session's token as `Authorization: Bearer` ([`Auth::Session`]), or
/// nothing ([`Auth::None`]).
pub(crate) struct CcproSigner {
    platform: Option<Arc<PlatformKey>>,
    /// Tokens handed out to sessions and secrets sent in bodies ([`BodySecrets`]),
    /// scrubbed from any error text that echoes them.
    tokens: Mutex<Vec<SecretString>>,
}

impl std::fmt::Debug for CcproSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CcproSigner")
            .field("platform", &self.platform)
            .finish_non_exhaustive()
    }
}

impl CcproSigner {
    pub(crate) fn remember(&self, token: &SecretString) {
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        if tokens.len() >= REMEMBERED_TOKENS {
            tokens.remove(0);
        }
        tokens.push(token.clone());
    }
}

impl Signer for CcproSigner {
    fn sign(&self, req: &mut http::Request<Bytes>, cx: &SignContext<'_>) -> Result<(), SignError> {
        if let Some(secrets) = req.extensions().get::<BodySecrets>() {
            for secret in &secrets.0 {
                self.remember(secret);
            }
        }
        match cx.operation.auth {
            Auth::Jwt => {
                let key = self.platform.as_ref().ok_or_else(|| {
                    SignError(format!(
                        "{} needs the platform's private key (ClientBuilder::platform_key)",
                        cx.operation.name
                    ))
                })?;
                let empty = serde_json::Map::new();
                let claims = req.extensions().get::<JwtClaims>().map_or(&empty, |c| &c.0);
                let token = key.jwt.token(claims, cx.clock.unix_seconds())?;
                req.headers_mut()
                    .insert("token", sensitive(&token, "the platform JWT")?);
            }
            Auth::Session => {
                let token = req.extensions().get::<SessionToken>().ok_or_else(|| {
                    SignError(format!(
                        "{} needs a user session: send it through a UserClient",
                        cx.operation.name
                    ))
                })?;
                let value = format!("Bearer {}", token.expose());
                req.headers_mut()
                    .insert(http::header::AUTHORIZATION, sensitive(&value, "the token")?);
            }
            _ => {}
        }
        Ok(())
    }

    fn scrub(&self, text: &mut String) {
        let tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        let values: Vec<&str> = tokens.iter().map(|t| t.expose_secret()).collect();
        scrub_values(text, &values);
    }
}

/// Builds a [`Client`]: the platform key, retries, timeouts, HTTP client and test hooks.
#[derive(Debug)]
pub struct ClientBuilder {
    inner: ApiClientBuilder,
    platform: Option<Result<PlatformKey, Error>>,
}

impl ClientBuilder {
    payments_core::client_builder_options!();

    /// Sets the platform's id and RSA private key (PEM), needed by `authenticate-jwt` and
    /// the `platform/{platform}` operations; the public and user operations work without.
    pub fn platform_key(mut self, id: impl Into<String>, pem: &SecretString) -> Self {
        self.platform = Some(PlatformKey::from_pem(id, pem));
        self
    }

    /// Sets a ready [`PlatformKey`] (e.g. with another token lifetime).
    pub fn platform(mut self, key: PlatformKey) -> Self {
        self.platform = Some(Ok(key));
        self
    }

    /// Replaces the clock used for token expiry and session refresh (tests, emulators).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.inner = self.inner.clock(clock);
        self
    }

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let platform = self.platform.transpose()?.map(Arc::new);
        let signer = Arc::new(CcproSigner {
            platform: platform.clone(),
            tokens: Mutex::new(Vec::new()),
        });
        Ok(Client {
            api: self.inner.build(signer.clone())?,
            signer,
            platform,
        })
    }
}

/// The CCPro client: public operations, the platform's own operations and user logins.
/// Cheap to clone; clones share connections, the retry budget and the platform key.
///
/// User operations go through a [`UserClient`] ([`Client::user`]), which holds the user's
/// session and sends its bearer token.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) api: ApiClient,
    pub(crate) signer: Arc<CcproSigner>,
    platform: Option<Arc<PlatformKey>>,
}

impl Client {
    /// A client for `env` without a platform key (public and user operations only).
    pub fn new(env: Environment) -> Result<Self, Error> {
        Self::builder(env).build()
    }

    /// A builder for `env`.
    pub fn builder(env: Environment) -> ClientBuilder {
        let inner = ApiClient::builder(&CCPRO, env.base_url())
            .user_agent(concat!("ccpro-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder {
            inner,
            platform: None,
        }
    }

    /// The platform id, when a key was given.
    pub fn platform_id(&self) -> Option<&str> {
        self.platform.as_deref().map(PlatformKey::id)
    }

    /// The platform key, when one was given.
    pub fn platform_key(&self) -> Option<&PlatformKey> {
        self.platform.as_deref()
    }

    /// Sends any public or platform request ([`Endpoint`]). User operations need a session:
    /// send them through [`Client::user`].
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.api.send(endpoint).await
    }

    payments_core::client_send_methods!();

    /// Calls any public or platform operation of [`OPERATIONS`](crate::OPERATIONS) with its
    /// JSON input document (the documented body fields plus path and query parameters as
    /// top-level fields) and files, answering the decoded response as JSON with every digit
    /// kept; what the `payments` CLI uses. User operations go through
    /// [`UserClient::call_json`].
    ///
    /// On a row whose path has `{platform}`, a document without a top-level `platform`
    /// gets the platform key's id ([`Client::platform_id`]); the rest of the document is
    /// passed on as written. A `platform` on a path without `{platform}` (user-create's
    /// `platform` object) is body and is never touched.
    pub async fn call_json(
        &self,
        operation: &'static payments_core::Operation,
        input: &str,
        files: Vec<payments_core::InputFile>,
    ) -> Result<payments_core::WithMeta<payments_core::JsonOutput>, Error> {
        let input = match self.platform_id() {
            Some(id) if operation.path_params().any(|p| p == "platform") => {
                crate::document::with_default(input, "platform", id)
            }
            _ => std::borrow::Cow::Borrowed(input),
        };
        self.api.call_json(operation, &input, files).await
    }

    /// `POST /api/v1/authenticate`: logs a user in with e-mail and password. The session
    /// keeps the password (a secret) so it can log in again when the token expires.
    pub async fn login(
        &self,
        email: impl Into<String>,
        password: impl Into<SecretString>,
    ) -> Result<UserClient, Error> {
        let request = AuthenticateWithPassword::new(email, password);
        let token = self.send(&request).await?;
        let session = UserSession::from_login(self, token, Some(request.into_credentials()))?;
        Ok(self.user(session))
    }

    /// `POST /api/v1/authenticate-jwt/{platform}`: the platform logs one of its users in
    /// with a JWT naming them by e-mail or id. The session can log in again by itself.
    pub async fn login_as(&self, subject: Subject) -> Result<UserClient, Error> {
        let platform = self
            .platform_id()
            .ok_or_else(|| Error::config(CCPRO.name, "authenticate-jwt needs the platform key"))?
            .to_owned();
        let token: AccessToken = self
            .send(&AuthenticateJwt::new(platform, subject.clone()))
            .await?;
        let session = UserSession::from_login(self, token, Some(subject.into()))?;
        Ok(self.user(session))
    }

    /// A [`UserClient`] over an existing session (restored, or built from a token).
    pub fn user(&self, session: UserSession) -> UserClient {
        session.register(&self.signer);
        UserClient::new(self.clone(), session)
    }
}
