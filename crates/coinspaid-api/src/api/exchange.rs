//! `exchange/calculate`, `exchange/fixed`, `exchange/now`.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Amount, Currency};
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;

use super::{decode_data, require_positive, require_text};
use crate::types::{ExchangeOrder, ExchangeQuote};

/// `POST /v2/exchange/calculate`: what an exchange would give, for an amount sent *or* an
/// amount to receive (exactly one of the two). Read-only, retried. CoinsPaid limits how
/// often it may be called; going over answers 429 ([`ApiErrorKind::RateLimited`]).
///
/// [`ApiErrorKind::RateLimited`]: payments_core::ApiErrorKind::RateLimited
///
/// ```
/// use coinspaid_api::{Amount, CalculateExchange, Currency};
/// let req = CalculateExchange::sending(
///     Currency::new("BTC")?,
///     Currency::new("EUR")?,
///     "3".parse::<Amount>()?,
/// );
/// assert_eq!(
///     serde_json::to_string(&req)?,
///     r#"{"sender_currency":"BTC","receiver_currency":"EUR","sender_amount":"3"}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CalculateExchange {
    /// The amount to receive (set this or `sender_amount`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver_amount: Option<Amount>,
    /// The currency sent.
    pub sender_currency: Currency,
    /// The currency received.
    pub receiver_currency: Currency,
    /// The amount sent (set this or `receiver_amount`, not both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_amount: Option<Amount>,
}

impl CalculateExchange {
    /// What sending `amount` of `sender_currency` gives in `receiver_currency`.
    pub fn sending(sender_currency: Currency, receiver_currency: Currency, amount: Amount) -> Self {
        CalculateExchange {
            receiver_amount: None,
            sender_currency,
            receiver_currency,
            sender_amount: Some(amount),
        }
    }

    /// What it costs in `sender_currency` to receive `amount` of `receiver_currency`.
    pub fn receiving(
        sender_currency: Currency,
        receiver_currency: Currency,
        amount: Amount,
    ) -> Self {
        CalculateExchange {
            receiver_amount: Some(amount),
            sender_currency,
            receiver_currency,
            sender_amount: None,
        }
    }
}

impl Endpoint for CalculateExchange {
    type Output = ExchangeQuote;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        match (&self.sender_amount, &self.receiver_amount) {
            (Some(a), None) => require_positive("sender_amount", a),
            (None, Some(a)) => require_positive("receiver_amount", a),
            (Some(_), Some(_)) => Err(InvalidInput::new(
                "sender_amount",
                "give either sender_amount or receiver_amount, not both",
            )),
            (None, None) => Err(InvalidInput::new(
                "sender_amount",
                "one of sender_amount and receiver_amount is required",
            )),
        }?;
        RequestSpec::new(&operations::EXCHANGE_CALCULATE).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<ExchangeQuote, DecodeFailure> {
        decode_data(body)
    }
}

/// `POST /v2/exchange/fixed`: exchanges between two of your balances at `price` (take it
/// from [`CalculateExchange`]); CoinsPaid refuses if the price no longer holds.
///
/// Moves money: never retried once it may have reached CoinsPaid. Reuse the same
/// `foreign_id` on a manual retry, as for [`WithdrawalCrypto`](crate::WithdrawalCrypto).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExchangeFixed {
    /// The currency sent.
    pub sender_currency: Currency,
    /// The currency received.
    pub receiver_currency: Currency,
    /// The amount sent.
    pub sender_amount: Amount,
    /// Your unique id of this exchange.
    pub foreign_id: String,
    /// The price to exchange at.
    pub price: Amount,
}

impl ExchangeFixed {
    /// An exchange at `price`.
    pub fn new(
        sender_currency: Currency,
        receiver_currency: Currency,
        sender_amount: Amount,
        foreign_id: impl Into<String>,
        price: Amount,
    ) -> Self {
        ExchangeFixed {
            sender_currency,
            receiver_currency,
            sender_amount,
            foreign_id: foreign_id.into(),
            price,
        }
    }
}

impl Endpoint for ExchangeFixed {
    type Output = ExchangeOrder;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_positive("sender_amount", &self.sender_amount)?;
        require_text("foreign_id", &self.foreign_id)?;
        require_positive("price", &self.price)?;
        RequestSpec::new(&operations::EXCHANGE_FIXED).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<ExchangeOrder, DecodeFailure> {
        decode_data(body)
    }
}

/// `POST /v2/exchange/now`: exchanges between two of your balances at the current price.
///
/// Moves money: never retried once it may have reached CoinsPaid. Reuse the same
/// `foreign_id` on a manual retry, as for [`WithdrawalCrypto`](crate::WithdrawalCrypto).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExchangeNow {
    /// The currency sent.
    pub sender_currency: Currency,
    /// The currency received.
    pub receiver_currency: Currency,
    /// The amount sent.
    pub sender_amount: Amount,
    /// Your unique id of this exchange.
    pub foreign_id: String,
}

impl ExchangeNow {
    /// An exchange at the current price.
    pub fn new(
        sender_currency: Currency,
        receiver_currency: Currency,
        sender_amount: Amount,
        foreign_id: impl Into<String>,
    ) -> Self {
        ExchangeNow {
            sender_currency,
            receiver_currency,
            sender_amount,
            foreign_id: foreign_id.into(),
        }
    }
}

impl Endpoint for ExchangeNow {
    type Output = ExchangeOrder;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_positive("sender_amount", &self.sender_amount)?;
        require_text("foreign_id", &self.foreign_id)?;
        RequestSpec::new(&operations::EXCHANGE_NOW).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<ExchangeOrder, DecodeFailure> {
        decode_data(body)
    }
}
