//! [`Client`] and [`ClientBuilder`], and CoinCover's [`ProviderSpec`].

use std::sync::Arc;

use payments_core::provider::auth::BearerToken;
use payments_core::provider::{ApiClient, ApiClientBuilder, ProviderSpec};
use payments_core::{Endpoint, Error, NoContent, SecretString};

use crate::api::{CheckTransaction, CreatePlan, CreateUser, UpdatePlan, UpdateUser};
use crate::types::TransactionCheck;

/// How CoinCover describes itself to the core: its name, error headers and request id
/// (CoinCover runs behind AWS API Gateway).
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
    signer: Result<BearerToken, Error>,
}

impl ClientBuilder {
    payments_core::client_builder_options!();

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let signer = self.signer?;
        Ok(Client {
            api: self.inner.build(Arc::new(signer))?,
        })
    }
}

/// The CoinCover client. Cheap to clone; clones share connections and the retry budget.
///
/// Every request carries `Authorization: Bearer <token>` (marked sensitive, never logged).
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
        let signer = BearerToken::new(token.into()).map_err(|e| Error::config(COINCOVER.name, e.0));
        let inner = ApiClient::builder(&COINCOVER, env.base_url())
            .user_agent(concat!("coincover-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder { inner, signer }
    }

    /// Sends any CoinCover request ([`Endpoint`]): the typed methods below are this with
    /// the request's type spelled out.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.api.send(endpoint).await
    }

    payments_core::client_send_methods!(call_json);

    /// `POST /transaction`: GREEN or RED, with the threat code for RED.
    pub async fn check_transaction(
        &self,
        req: &CheckTransaction,
    ) -> Result<TransactionCheck, Error> {
        self.send(req).await
    }

    /// `POST /user`: registers a user.
    pub async fn create_user(&self, req: &CreateUser) -> Result<(), Error> {
        self.send(req).await.map(|NoContent| ())
    }

    /// `PATCH /user/{userId}`: changes a user's details.
    pub async fn update_user(&self, req: &UpdateUser) -> Result<(), Error> {
        self.send(req).await.map(|NoContent| ())
    }

    /// `POST /user/{userId}/plan`: gives a user a plan.
    pub async fn create_plan(&self, req: &CreatePlan) -> Result<(), Error> {
        self.send(req).await.map(|NoContent| ())
    }

    /// `PATCH /user/{userId}/plan`: changes a user's level of cover.
    pub async fn update_plan(&self, req: &UpdatePlan) -> Result<(), Error> {
        self.send(req).await.map(|NoContent| ())
    }
}
