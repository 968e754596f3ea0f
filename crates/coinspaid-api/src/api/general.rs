//! `ping`, `currencies/list`, `currencies/pairs`, `accounts/list`.

use payments_core::{Currency, NoContent};
use serde::{Deserialize, Serialize};

use super::{decode_data, empty_object, json_endpoint};
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
#[non_exhaustive]
pub struct Ping {}

impl Ping {
    /// The request.
    pub fn new() -> Self {
        Ping {}
    }
}

impl payments_core::Endpoint for Ping {
    type Output = NoContent;

    fn operation(&self) -> &'static str {
        "ping"
    }

    fn method(&self) -> payments_core::http::Method {
        payments_core::http::Method::GET
    }

    fn path(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed("/v2/ping")
    }

    fn body(&self) -> Result<Option<payments_core::RequestBody>, payments_core::InvalidInput> {
        Ok(Some(empty_object()))
    }

    fn retry_safety(&self) -> payments_core::RetrySafety {
        payments_core::RetrySafety::Idempotent
    }
}

/// `POST /v2/currencies/list`: every supported currency. Read-only, retried.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[non_exhaustive]
pub struct ListAccounts {}

impl ListAccounts {
    /// The request.
    pub fn new() -> Self {
        ListAccounts {}
    }
}

macro_rules! empty_endpoint {
    ($ty:ty, $out:ty, $op:literal, $path:literal) => {
        impl payments_core::Endpoint for $ty {
            type Output = $out;

            fn operation(&self) -> &'static str {
                $op
            }

            fn method(&self) -> payments_core::http::Method {
                payments_core::http::Method::POST
            }

            fn path(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed($path)
            }

            fn body(
                &self,
            ) -> Result<Option<payments_core::RequestBody>, payments_core::InvalidInput> {
                Ok(Some(empty_object()))
            }

            fn retry_safety(&self) -> payments_core::RetrySafety {
                payments_core::RetrySafety::Idempotent
            }

            fn decode(
                &self,
                _status: payments_core::http::StatusCode,
                body: &[u8],
            ) -> Result<Self::Output, payments_core::DecodeFailure> {
                decode_data(body)
            }
        }
    };
}

empty_endpoint!(
    ListCurrencies,
    Vec<CurrencyInfo>,
    "currencies-list",
    "/v2/currencies/list"
);
empty_endpoint!(
    ListAccounts,
    Vec<Balance>,
    "accounts-list",
    "/v2/accounts/list"
);

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

json_endpoint!(
    ListCurrencyPairs,
    Vec<CurrencyPair>,
    "currencies-pairs",
    POST,
    "/v2/currencies/pairs",
    Idempotent,
    decode = decode_data,
    validate = |_s| { Ok(()) }
);
