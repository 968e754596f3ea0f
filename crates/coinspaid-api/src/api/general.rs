//! `ping`, `currencies/list`, `currencies/pairs`, `accounts/list`.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Currency, NoContent};
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;

use super::{decode_data, empty_object};
use crate::types::{Balance, CurrencyInfo, CurrencyPair};

/// `GET /v2/ping`: checks that the API is up and that your key and signature are accepted.
///
/// The docs give this operation as a GET and require the body to be a JSON object, so it
/// sends and signs `{}` like every operation without parameters.
///
/// ```
/// assert_eq!(serde_json::to_string(&coinspaid_api::Ping::new())?, "{}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ping {}

impl Ping {
    /// The request.
    pub fn new() -> Self {
        Ping {}
    }
}

impl Endpoint for Ping {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(RequestSpec::new(&operations::PING).body(empty_object()))
    }
}

/// `POST /v2/currencies/list`: every supported currency. Read-only, retried.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListCurrencies {}

impl ListCurrencies {
    /// The request.
    pub fn new() -> Self {
        ListCurrencies {}
    }
}

/// `POST /v2/accounts/list`: every balance, zero balances included. Read-only, retried.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListAccounts {}

impl ListAccounts {
    /// The request.
    pub fn new() -> Self {
        ListAccounts {}
    }
}

impl Endpoint for ListCurrencies {
    type Output = Vec<CurrencyInfo>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(RequestSpec::new(&operations::CURRENCIES_LIST).body(empty_object()))
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<Vec<CurrencyInfo>, DecodeFailure> {
        decode_data(body)
    }
}

impl Endpoint for ListAccounts {
    type Output = Vec<Balance>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(RequestSpec::new(&operations::ACCOUNTS_LIST).body(empty_object()))
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<Vec<Balance>, DecodeFailure> {
        decode_data(body)
    }
}

/// `POST /v2/currencies/pairs`: exchangeable pairs and their prices, all of them or only
/// those matching the filters. Read-only, retried.
///
/// ```
/// use coinspaid_api::{Currency, ListCurrencyPairs};
/// let req = ListCurrencyPairs::all()
///     .currency_from(Currency::new("BTC")?)
///     .currency_to(Currency::new("EUR")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListCurrencyPairs {
    /// Only pairs exchanging from this currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_from: Option<Currency>,
    /// Only pairs exchanging to this currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_to: Option<Currency>,
}

impl ListCurrencyPairs {
    /// Every pair (no filter).
    pub fn all() -> Self {
        ListCurrencyPairs::default()
    }

    /// Filters by the currency exchanged from.
    pub fn currency_from(mut self, c: Currency) -> Self {
        self.currency_from = Some(c);
        self
    }

    /// Filters by the currency exchanged to.
    pub fn currency_to(mut self, c: Currency) -> Self {
        self.currency_to = Some(c);
        self
    }
}

impl Endpoint for ListCurrencyPairs {
    type Output = Vec<CurrencyPair>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        RequestSpec::new(&operations::CURRENCIES_PAIRS).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<Vec<CurrencyPair>, DecodeFailure> {
        decode_data(body)
    }
}
