//! `addresses/take`.

use payments_core::Currency;
use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;

use super::{decode_data, require_text};
use crate::types::Address;

/// `POST /v2/addresses/take`: a deposit address for `currency`, tagged with your
/// `foreign_id`; with `convert_to`, everything arriving is exchanged on arrival.
///
/// An address can be shown to the same customer again and again: take one per customer
/// and store it.
///
/// Not retried automatically once it may have reached CoinsPaid: the docs do not say that
/// a second call with the same `foreign_id` returns the same address, so a repeat may
/// create another one. That moves no money (every address deposits to your account and
/// its callbacks carry your `foreign_id`), so retrying by hand is harmless.
///
/// The body goes out as `currency`, `foreign_id`, `convert_to`:
///
/// ```
/// use coinspaid_api::{Currency, TakeAddress};
/// let req = TakeAddress::new(Currency::new("BTC")?, "123456");
/// assert_eq!(
///     serde_json::to_string(&req)?,
///     r#"{"currency":"BTC","foreign_id":"123456"}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TakeAddress {
    /// The currency to receive.
    pub currency: Currency,
    /// Your reference for the address (e.g. `user-id:2048`), returned with it and in its
    /// callbacks.
    pub foreign_id: String,
    /// Convert every deposit to this currency on arrival.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert_to: Option<Currency>,
}

impl TakeAddress {
    /// An address for `currency` tagged with `foreign_id`.
    pub fn new(currency: Currency, foreign_id: impl Into<String>) -> Self {
        TakeAddress {
            currency,
            foreign_id: foreign_id.into(),
            convert_to: None,
        }
    }

    /// Converts every deposit to `currency` on arrival.
    pub fn convert_to(mut self, currency: Currency) -> Self {
        self.convert_to = Some(currency);
        self
    }
}

impl Endpoint for TakeAddress {
    type Output = Address;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("foreign_id", &self.foreign_id)?;
        RequestSpec::new(&operations::ADDRESSES_TAKE).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<Address, DecodeFailure> {
        decode_data(body)
    }
}
