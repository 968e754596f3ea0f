//! [`Client`] and [`ClientBuilder`].

use std::sync::Arc;

use payments_core::http::HeaderMap;
use payments_core::provider::auth::HmacSha512Signer;
use payments_core::provider::{ApiClient, ApiClientBuilder, ProviderSpec, default_error_parser};
use payments_core::{ApiError, ApiErrorKind, Endpoint, Error, NoContent, SecretString};

use crate::api::{
    CalculateExchange, ConfirmFutures, ExchangeFixed, ExchangeNow, GetFuturesRates, ListAccounts,
    ListCurrencies, ListCurrencyPairs, Ping, TakeAddress, WithdrawalCrypto,
};
use crate::types::{
    Address, Balance, CurrencyInfo, CurrencyPair, ExchangeOrder, ExchangeQuote,
    FuturesConfirmation, FuturesRates, Withdrawal,
};

/// How CoinsPaid describes itself to the core: its name and error parser.
pub(crate) static COINSPAID: ProviderSpec =
    ProviderSpec::new("coinspaid").with_error_parser(parse_error);

/// The auth headers, as CoinsPaid may name them in an `errors` map.
const AUTH_FIELDS: [&str; 2] = ["x-processing-key", "x-processing-signature"];

/// Reads `{"errors": {field: message}}` (every field kept, in order) and the other common
/// shapes; an error naming one of the auth headers is classified as
/// [`ApiErrorKind::Unauthorized`] whatever its status.
fn parse_error(err: &mut ApiError, headers: &HeaderMap, body: &[u8]) {
    default_error_parser(err, headers, body);
    if err
        .fields
        .iter()
        .any(|f| AUTH_FIELDS.iter().any(|a| f.field.eq_ignore_ascii_case(a)))
    {
        err.kind = ApiErrorKind::Unauthorized;
    }
}

/// The production base URL.
pub const PRODUCTION_URL: &str = "https://app.coinspaid.com/api";
/// The sandbox base URL.
pub const SANDBOX_URL: &str = "https://app.sandbox.cryptoprocessing.com/api";

/// Where the client sends requests. Each environment has its own key pair.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// `https://app.coinspaid.com/api`.
    Production,
    /// `https://app.sandbox.cryptoprocessing.com/api`.
    Sandbox,
    /// Any other base URL (a proxy, a local emulator), without the `/v2` part.
    Custom(String),
}

impl Environment {
    /// The base URL; operation paths (`/v2/...`) are appended to it.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => PRODUCTION_URL,
            Environment::Sandbox => SANDBOX_URL,
            Environment::Custom(u) => u,
        }
    }
}

/// Builds a [`Client`]: retries, timeouts, HTTP client and test hooks.
#[derive(Debug)]
pub struct ClientBuilder {
    inner: ApiClientBuilder,
    signer: Result<HmacSha512Signer, Error>,
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

/// The CoinsPaid client. Cheap to clone; clones share connections and the retry budget.
///
/// Every request carries `X-Processing-Key` (your public key) and
/// `X-Processing-Signature`, the lower-case hex HMAC-SHA512 of the exact body bytes sent,
/// keyed with your secret. Input is validated before anything is sent.
#[derive(Debug, Clone)]
pub struct Client {
    api: ApiClient,
}

impl Client {
    /// A client for `env` with your public key and secret and default settings.
    pub fn new(
        env: Environment,
        key: impl Into<SecretString>,
        secret: impl Into<SecretString>,
    ) -> Result<Self, Error> {
        Self::builder(env, key, secret).build()
    }

    /// A builder for `env` with your public key and secret.
    pub fn builder(
        env: Environment,
        key: impl Into<SecretString>,
        secret: impl Into<SecretString>,
    ) -> ClientBuilder {
        let signer = HmacSha512Signer::coinspaid(key.into(), secret.into())
            .map_err(|e| Error::config(COINSPAID.name, e.0));
        let inner = ApiClient::builder(&COINSPAID, env.base_url())
            .user_agent(concat!("coinspaid-api-rs/", env!("CARGO_PKG_VERSION")));
        ClientBuilder { inner, signer }
    }

    /// Sends any CoinsPaid request ([`Endpoint`]): the typed methods below are this with
    /// the request's type spelled out.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.api.send(endpoint).await
    }

    payments_core::client_send_methods!(call_json);

    /// `GET /v2/ping`: `Ok(())` when the API is up and accepts your signature.
    pub async fn ping(&self) -> Result<(), Error> {
        self.send(&Ping::new()).await.map(|NoContent| ())
    }

    /// `POST /v2/currencies/list`: the supported currencies.
    pub async fn list_currencies(&self) -> Result<Vec<CurrencyInfo>, Error> {
        self.send(&ListCurrencies::new()).await
    }

    /// `POST /v2/currencies/pairs`: exchangeable pairs and prices.
    pub async fn list_currency_pairs(
        &self,
        req: &ListCurrencyPairs,
    ) -> Result<Vec<CurrencyPair>, Error> {
        self.api.send(req).await
    }

    /// `POST /v2/accounts/list`: your balances.
    pub async fn list_accounts(&self) -> Result<Vec<Balance>, Error> {
        self.send(&ListAccounts::new()).await
    }

    /// `POST /v2/addresses/take`: a deposit address.
    pub async fn take_address(&self, req: &TakeAddress) -> Result<Address, Error> {
        self.api.send(req).await
    }

    /// `POST /v2/withdrawal/crypto`: a withdrawal; see [`WithdrawalCrypto`] on retries.
    pub async fn withdraw_crypto(&self, req: &WithdrawalCrypto) -> Result<Withdrawal, Error> {
        self.api.send(req).await
    }

    /// `POST /v2/exchange/calculate`: a price quote.
    pub async fn calculate_exchange(
        &self,
        req: &CalculateExchange,
    ) -> Result<ExchangeQuote, Error> {
        self.api.send(req).await
    }

    /// `POST /v2/futures/rates`: the rates held for an exchangeable address.
    pub async fn futures_rates(&self, req: &GetFuturesRates) -> Result<FuturesRates, Error> {
        self.api.send(req).await
    }

    /// `POST /futures/confirm` (no `/v2`, as documented): holds a rate.
    pub async fn confirm_futures(
        &self,
        req: &ConfirmFutures,
    ) -> Result<FuturesConfirmation, Error> {
        self.api.send(req).await
    }

    /// `POST /v2/exchange/fixed`: exchanges at a given price.
    pub async fn exchange_fixed(&self, req: &ExchangeFixed) -> Result<ExchangeOrder, Error> {
        self.api.send(req).await
    }

    /// `POST /v2/exchange/now`: exchanges at the current price.
    pub async fn exchange_now(&self, req: &ExchangeNow) -> Result<ExchangeOrder, Error> {
        self.api.send(req).await
    }
}
