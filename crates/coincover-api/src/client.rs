//! [`Client`] and [`ClientBuilder`].

use std::sync::Arc;

use payments_core::auth::BearerToken;
use payments_core::{
    ApiClient, ApiClientBuilder, Endpoint, Error, NoContent, ProviderSpec, SecretString,
};

use crate::api::{CheckTransaction, CreatePlan, CreateUser, UpdatePlan, UpdateUser};
use crate::types::TransactionCheck;

/// How CoinCover describes itself to the core: its name, error headers and request id.
pub(crate) static COINCOVER: ProviderSpec = ProviderSpec::new("coincover")
    .with_error_headers(&["x-amzn-errortype"])
    .with_request_id_header("x-amzn-requestid");

/// The production host.
pub const PRODUCTION_URL: &str = "https://api.txm.coincover.com";

/// Where the client sends requests. Each environment has its own bearer token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// `https://api.txm.coincover.com`.
    Production,
    /// CoinCover's test environment, at the base URL CoinCover gives your account.
    Test(String),
    /// Any other base URL (a sandbox, a proxy, a local emulator).
    Custom(String),
}

impl Environment {
    /// The base URL.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => PRODUCTION_URL,
            Environment::Test(u) | Environment::Custom(u) => u,
        }
    }
}

/// Builds a [`Client`]: retries, timeouts, HTTP client and test hooks.
#[derive(Debug)]
pub struct ClientBuilder {
    inner: ApiClientBuilder,
    token: Result<BearerToken, Error>,
}

impl ClientBuilder {
    payments_core::client_builder_options!();

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let token = self.token?;
        Ok(Client {
            api: self.inner.signer(Arc::new(token)).build()?,
        })
    }
}

/// The CoinCover client. Cheap to clone; clones share connections and the retry budget.
///
/// Every method validates its input before sending and returns
/// [`Error::InvalidRequest`] for anything CoinCover would reject as malformed.
#[derive(Debug, Clone)]
pub struct Client {
    api: ApiClient,
}

impl Client {
    /// A client for `env` with its bearer token and default settings.
    pub fn new(env: Environment, token: impl Into<SecretString>) -> Result<Self, Error> {
        Self::builder(env, token).build()
    }

    /// A builder for `env` with its bearer token.
    pub fn builder(env: Environment, token: impl Into<SecretString>) -> ClientBuilder {
        let token = BearerToken::new(token.into()).map_err(|e| Error::config(COINCOVER.name, e.0));
        let inner = ApiClient::builder(
            &COINCOVER,
            env.base_url(),
            Arc::new(payments_core::signer::NoAuth),
        )
        .user_agent(concat!("coincover-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder { inner, token }
    }

    /// The underlying core client.
    pub fn api_client(&self) -> &ApiClient {
        &self.api
    }

    /// Sends any CoinCover [`Endpoint`].
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.api.send(endpoint).await
    }

    /// `POST /transaction`: GREEN or RED, with the threat code for RED.
    pub async fn check_transaction(
        &self,
        req: &CheckTransaction,
    ) -> Result<TransactionCheck, Error> {
        self.api.send(req).await
    }

    /// `POST /user`: registers a user.
    pub async fn create_user(&self, req: &CreateUser) -> Result<(), Error> {
        self.api.send(req).await.map(|NoContent| ())
    }

    /// `PATCH /user/{userId}`: changes a user's details.
    pub async fn update_user(&self, req: &UpdateUser) -> Result<(), Error> {
        self.api.send(req).await.map(|NoContent| ())
    }

    /// `POST /user/{userId}/plan`: gives a user a plan.
    pub async fn create_plan(&self, req: &CreatePlan) -> Result<(), Error> {
        self.api.send(req).await.map(|NoContent| ())
    }

    /// `PATCH /user/{userId}/plan`: changes a user's level of cover.
    pub async fn update_plan(&self, req: &UpdatePlan) -> Result<(), Error> {
        self.api.send(req).await.map(|NoContent| ())
    }
}
