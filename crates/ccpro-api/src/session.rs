//! User sessions: the bearer token of a logged-in user, refreshed before it expires and
//! after a 401, and the [`UserClient`] that sends the user operations with it.
//!
//! A token lives `ttl` seconds (14 days in the docs) from the login. A session that knows
//! how to log in again (the platform's JWT for its user, or the password it was given)
//! does so shortly before the token runs out and once after a 401
//! `{"error":"Unauthenticated."}`, which CCPro's auth layer answers before the request is
//! processed, so the resend is safe even for a POST. Under concurrency one login is in
//! flight per session; the other calls wait for its token.

use std::fmt;
use std::sync::Arc;

use payments_core::{
    Endpoint, Error, ExposeSecret, InputFile, JsonOutput, Operation, RequestOptions, SecretString,
    WithMeta,
};
use serde::{Deserialize, Serialize};

use crate::api::auth::{AuthenticateJwt, AuthenticateWithPassword, Logout, Subject};
use crate::client::{CCPRO, CcproSigner, Client};
use crate::types::auth::AccessToken;
use crate::types::auth::LogoutResult;

/// A session is refreshed this many seconds before its token expires.
const REFRESH_MARGIN_SECS: u64 = 300;

/// The session's bearer token in a request's extensions, read by the signer. Its Debug
/// shows no token.
#[derive(Clone)]
pub(crate) struct SessionToken(SecretString);

impl SessionToken {
    pub(crate) fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken([REDACTED])")
    }
}

/// How a session logs in again.
#[derive(Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// Through the platform: `authenticate-jwt` with a JWT naming the user.
    Platform(Subject),
    /// With the user's e-mail and password.
    Password {
        /// The e-mail.
        email: String,
        /// The password.
        password: SecretString,
    },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Platform(s) => f.debug_tuple("Platform").field(s).finish(),
            Credentials::Password { email, .. } => f
                .debug_struct("Password")
                .field("email", email)
                .field("password", &"[REDACTED]")
                .finish(),
        }
    }
}

impl From<Subject> for Credentials {
    fn from(s: Subject) -> Self {
        Credentials::Platform(s)
    }
}

struct State {
    token: SecretString,
    /// Unix seconds; `None` when unknown (a token given by hand).
    expires_at: Option<u64>,
    /// Bumped on every new token, so concurrent 401s log in once.
    generation: u64,
}

struct Inner {
    user_id: String,
    credentials: Option<Credentials>,
    state: tokio::sync::Mutex<State>,
}

/// A logged-in user: their id (the `{user}` of the user paths) and bearer token. Cheap to
/// clone; clones share the token. Debug shows the user id, never the token.
#[derive(Clone)]
pub struct UserSession {
    inner: Arc<Inner>,
}

impl fmt::Debug for UserSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserSession")
            .field("user_id", &self.inner.user_id)
            .field("token", &"[REDACTED]")
            .field("credentials", &self.inner.credentials)
            .finish()
    }
}

/// A session in a form to store and restore ([`UserSession::save`],
/// [`UserSession::restore`]): the user id, the token, its expiry and, for a platform
/// session, the subject to log in again with. Never the password. Its Debug hides the
/// token; its serialized form holds it, so store it as the secret it is.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSession {
    /// The user id.
    pub user_id: String,
    /// The bearer token.
    #[serde(with = "secret_string")]
    pub token: SecretString,
    /// When the token expires, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    /// The user as the platform names them, for a platform session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
}

impl fmt::Debug for SavedSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SavedSession")
            .field("user_id", &self.user_id)
            .field("token", &"[REDACTED]")
            .field("expires_at", &self.expires_at)
            .field("subject", &self.subject)
            .finish()
    }
}

mod secret_string {
    use payments_core::{ExposeSecret, SecretString};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(s: &SecretString, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.expose_secret())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
        String::deserialize(d).map(SecretString::from)
    }
}

impl UserSession {
    /// A session from a token obtained elsewhere (`CCPRO_TOKEN`); it cannot log in again,
    /// so a 401 is returned as is.
    pub fn from_token(user_id: impl Into<String>, token: impl Into<SecretString>) -> Self {
        Self::build(user_id.into(), token.into(), None, None)
    }

    /// Restores a [`SavedSession`]. A platform session logs in again by itself once its
    /// token runs out; a password session is restored without its password.
    pub fn restore(saved: SavedSession) -> Self {
        let credentials = saved.subject.map(Credentials::Platform);
        Self::build(saved.user_id, saved.token, saved.expires_at, credentials)
    }

    /// Adds the credentials to log in again with (e.g. the password of a restored
    /// session). Call it before cloning the session: clones made earlier keep none.
    pub fn with_credentials(self, credentials: Credentials) -> Self {
        let known = self
            .inner
            .state
            .try_lock()
            .map(|s| (s.token.clone(), s.expires_at))
            .ok();
        let Some((token, expires_at)) = known else {
            return self;
        };
        Self::build(
            self.inner.user_id.clone(),
            token,
            expires_at,
            Some(credentials),
        )
    }

    fn build(
        user_id: String,
        token: SecretString,
        expires_at: Option<u64>,
        credentials: Option<Credentials>,
    ) -> Self {
        UserSession {
            inner: Arc::new(Inner {
                user_id,
                credentials,
                state: tokio::sync::Mutex::new(State {
                    token,
                    expires_at,
                    generation: 0,
                }),
            }),
        }
    }

    pub(crate) fn from_login(
        client: &Client,
        token: AccessToken,
        credentials: Option<Credentials>,
    ) -> Result<Self, Error> {
        let now = client.api.clock().unix_seconds();
        let session = Self::build(
            token.user_id.clone(),
            token.token().clone(),
            Some(now.saturating_add(token.ttl)),
            credentials,
        );
        client.signer.remember(token.token());
        Ok(session)
    }

    pub(crate) fn register(&self, signer: &CcproSigner) {
        if let Ok(s) = self.inner.state.try_lock() {
            signer.remember(&s.token);
        }
    }

    /// The user's id, the `{user}` of the user paths.
    pub fn user_id(&self) -> &str {
        &self.inner.user_id
    }

    /// Whether the session can log in again by itself.
    pub fn can_log_in_again(&self) -> bool {
        self.inner.credentials.is_some()
    }

    /// When the current token expires (Unix seconds), when known.
    pub async fn expires_at(&self) -> Option<u64> {
        self.inner.state.lock().await.expires_at
    }

    /// The session in a form to store (see [`SavedSession`]).
    pub async fn save(&self) -> SavedSession {
        let s = self.inner.state.lock().await;
        SavedSession {
            user_id: self.inner.user_id.clone(),
            token: s.token.clone(),
            expires_at: s.expires_at,
            subject: match &self.inner.credentials {
                Some(Credentials::Platform(subject)) => Some(subject.clone()),
                _ => None,
            },
        }
    }
}

/// Sends the user operations with a [`UserSession`]'s token: the typed methods of each
/// area (`list_banks`, `create_quote`, …), [`send`](UserClient::send) for any request,
/// and [`call_json`](UserClient::call_json) for the table. Cheap to clone.
#[derive(Debug, Clone)]
pub struct UserClient {
    client: Client,
    session: UserSession,
}

impl UserClient {
    pub(crate) fn new(client: Client, session: UserSession) -> Self {
        UserClient { client, session }
    }

    /// The session.
    pub fn session(&self) -> &UserSession {
        &self.session
    }

    /// The user's id.
    pub fn user_id(&self) -> &str {
        self.session.user_id()
    }

    /// The client (public and platform operations).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The current token, refreshed first when it is about to expire.
    async fn token(&self) -> Result<(SecretString, u64), Error> {
        let mut state = self.session.inner.state.lock().await;
        let now = self.client.api.clock().unix_seconds();
        let expiring = state
            .expires_at
            .is_some_and(|at| now.saturating_add(REFRESH_MARGIN_SECS) >= at);
        if expiring && let Some(credentials) = &self.session.inner.credentials {
            self.log_in_again(&mut state, credentials).await?;
        }
        Ok((state.token.clone(), state.generation))
    }

    /// After a 401: logs in again unless another call already did since `seen`.
    async fn refresh_after_401(&self, seen: u64) -> Result<SecretString, Error> {
        let mut state = self.session.inner.state.lock().await;
        if state.generation == seen
            && let Some(credentials) = &self.session.inner.credentials
        {
            self.log_in_again(&mut state, credentials).await?;
        }
        Ok(state.token.clone())
    }

    async fn log_in_again(
        &self,
        state: &mut State,
        credentials: &Credentials,
    ) -> Result<(), Error> {
        let token: AccessToken = match credentials {
            Credentials::Platform(subject) => {
                let platform = self.client.platform_id().ok_or_else(|| {
                    Error::config(CCPRO.name, "logging in again needs the platform key")
                })?;
                self.client
                    .send(&AuthenticateJwt::new(platform, subject.clone()))
                    .await?
            }
            Credentials::Password { email, password } => {
                self.client
                    .send(&AuthenticateWithPassword::new(
                        email.clone(),
                        password.clone(),
                    ))
                    .await?
            }
        };
        self.client.signer.remember(token.token());
        let now = self.client.api.clock().unix_seconds();
        state.token = token.token().clone();
        state.expires_at = Some(now.saturating_add(token.ttl));
        state.generation += 1;
        Ok(())
    }

    fn options(base: &RequestOptions, token: SecretString) -> RequestOptions {
        base.clone().extension(SessionToken(token))
    }

    fn unauthenticated(&self, e: &Error) -> bool {
        self.session.can_log_in_again() && e.status().is_some_and(|s| s.as_u16() == 401)
    }

    /// Sends any user request with the session's token (see [`UserClient`]).
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.send_with(endpoint, &RequestOptions::default()).await
    }

    /// [`send`](Self::send) with per-call options.
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<E::Output, Error> {
        self.send_with_meta(endpoint, options)
            .await
            .map(|m| m.value)
    }

    /// [`send`](Self::send) with per-call options, returning the response's metadata too.
    pub async fn send_with_meta<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<WithMeta<E::Output>, Error> {
        let (token, seen) = self.token().await?;
        let api = &self.client.api;
        match api
            .send_with_meta(endpoint, &Self::options(options, token))
            .await
        {
            Err(e) if self.unauthenticated(&e) => {
                let token = self.refresh_after_401(seen).await?;
                api.send_with_meta(endpoint, &Self::options(options, token))
                    .await
            }
            other => other,
        }
    }

    /// Calls a user operation of [`crate::OPERATIONS`] with a JSON input document and the
    /// session's token (see [`payments_core::provider::ApiClient::call_json`]).
    ///
    /// The path's `{user}` is the session's user unless the document names it: when the
    /// document has no top-level field for it ([`crate::operations::path_user_field`]:
    /// `user`, or `owner` on transfer-create, whose body `user` is the counterparty), the
    /// session's user id is added as that field. The rest of the document is passed on as
    /// written (every digit, duplicate keys still refused). A session with a blank user id
    /// fills nothing.
    pub async fn call_json(
        &self,
        operation: &'static Operation,
        input: &str,
        files: Vec<InputFile>,
    ) -> Result<WithMeta<JsonOutput>, Error> {
        let input = match crate::operations::path_user_field(operation) {
            Some(field) => crate::document::with_default(input, field, self.user_id()),
            None => std::borrow::Cow::Borrowed(input),
        };
        let input = input.as_ref();
        let (token, seen) = self.token().await?;
        let api = &self.client.api;
        let base = RequestOptions::default();
        match api
            .call_json_with(
                operation,
                input,
                files.clone(),
                &Self::options(&base, token),
            )
            .await
        {
            Err(e) if self.unauthenticated(&e) => {
                let token = self.refresh_after_401(seen).await?;
                api.call_json_with(operation, input, files, &Self::options(&base, token))
                    .await
            }
            other => other,
        }
    }

    /// `POST /api/v1/user/logout`: revokes the session's token.
    pub async fn logout(&self) -> Result<LogoutResult, Error> {
        self.send(&Logout::new()).await
    }
}
