//! `futures/rates` and `futures/confirm`.

use payments_core::http::StatusCode;
use payments_core::provider::decode_json;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Amount, Currency};
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;

use super::{decode_data, optional_text, require_positive, require_text};
use crate::types::{FuturesConfirmation, FuturesRates};

/// `POST /v2/futures/rates`: the rates CoinsPaid would hold for deposits to an
/// exchangeable address (one taken with `convert_to`). Read-only, retried.
///
/// Unlike the other operations, the documented answer is not wrapped in `data`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetFuturesRates {
    /// The exchangeable address.
    pub address: String,
    /// Its tag or memo, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl GetFuturesRates {
    /// Rates for `address`.
    pub fn new(address: impl Into<String>) -> Self {
        GetFuturesRates {
            address: address.into(),
            tag: None,
        }
    }

    /// Sets the tag or memo.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

impl Endpoint for GetFuturesRates {
    type Output = FuturesRates;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("address", &self.address)?;
        optional_text("tag", self.tag.as_deref())?;
        RequestSpec::new(&operations::FUTURES_RATES).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<FuturesRates, DecodeFailure> {
        decode_json(body)
    }
}

/// `POST /futures/confirm`: holds the rate for a deposit of `sender_amount` to `address`
/// that should yield `receiver_amount` (computed by you from [`GetFuturesRates`]).
///
/// The docs give this path *without* the `/v2` prefix every other operation has; the
/// client follows the docs.
///
/// Not retried once it may have reached CoinsPaid: a repeat could hold a second rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConfirmFutures {
    /// The tag or memo of the address, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The exchangeable address.
    pub address: String,
    /// The currency the customer sends.
    pub sender_currency: Currency,
    /// The currency you receive.
    pub receiver_currency: Currency,
    /// The amount the customer sends.
    pub sender_amount: Amount,
    /// The amount you expect, from your own calculation on the rates.
    pub receiver_amount: Amount,
}

impl ConfirmFutures {
    /// A confirmation with every mandatory field.
    pub fn new(
        address: impl Into<String>,
        sender_currency: Currency,
        receiver_currency: Currency,
        sender_amount: Amount,
        receiver_amount: Amount,
    ) -> Self {
        ConfirmFutures {
            tag: None,
            address: address.into(),
            sender_currency,
            receiver_currency,
            sender_amount,
            receiver_amount,
        }
    }

    /// Sets the tag or memo.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

// Documented as `/futures/confirm`, without the `/v2` prefix: followed as written.
impl Endpoint for ConfirmFutures {
    type Output = FuturesConfirmation;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        optional_text("tag", self.tag.as_deref())?;
        require_text("address", &self.address)?;
        require_positive("sender_amount", &self.sender_amount)?;
        require_positive("receiver_amount", &self.receiver_amount)?;
        RequestSpec::new(&operations::FUTURES_CONFIRM).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<FuturesConfirmation, DecodeFailure> {
        decode_data(body)
    }
}
