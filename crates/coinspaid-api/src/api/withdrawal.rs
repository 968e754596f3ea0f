//! `withdrawal/crypto`.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Amount, Currency};
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;

use super::{decode_data, optional_text, require_positive, require_text};
use crate::types::Withdrawal;

/// `POST /v2/withdrawal/crypto`: sends `amount` of `currency` to `address`; with
/// `convert_to`, pays in that cryptocurrency from your `currency` balance (e.g. send EUR,
/// the customer receives BTC).
///
/// # Retries and `foreign_id`
///
/// This moves money, so the client never repeats it once the request may have reached
/// CoinsPaid (a timeout, a dropped connection, a 5xx): only a request that provably never
/// left (connection refused) is sent again. [`Error::may_have_been_received`] tells the
/// two apart.
///
/// `foreign_id` is documented as "unique foreign ID in your system". Choose it once per
/// payout, store it before the first attempt, and send the *same* value on any manual
/// retry: a payout CoinsPaid already accepted is then recognised as a duplicate instead of
/// being paid a second time. A fresh `foreign_id` on a retry is what could pay twice.
/// The docs do not show the duplicate answer; expect a 400 naming `foreign_id`, and learn
/// the outcome from the withdrawal callback, which carries the same `foreign_id`.
///
/// [`Error::may_have_been_received`]: payments_core::Error::may_have_been_received
///
/// ```
/// use coinspaid_api::{Amount, Currency, WithdrawalCrypto};
/// let req = WithdrawalCrypto::new(
///     "122929",
///     "3500".parse::<Amount>()?,
///     Currency::new("EUR")?,
///     "3D2V3tushw7VLJYnK6vZVDpNcNmEG2a7QK",
/// )
/// .convert_to(Currency::new("BTC")?);
/// assert_eq!(
///     serde_json::to_string(&req)?,
///     r#"{"foreign_id":"122929","amount":"3500","currency":"EUR","convert_to":"BTC","address":"3D2V3tushw7VLJYnK6vZVDpNcNmEG2a7QK"}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WithdrawalCrypto {
    /// Your unique id of this payout; reuse it on a manual retry.
    pub foreign_id: String,
    /// How much to withdraw, in `currency` (sent as a JSON string).
    pub amount: Amount,
    /// The currency withdrawn from your balance.
    pub currency: Currency,
    /// The cryptocurrency the address receives, when it differs from `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert_to: Option<Currency>,
    /// The destination address.
    pub address: String,
    /// The destination tag or memo (XRP, BNB, EOS, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl WithdrawalCrypto {
    /// A withdrawal with every mandatory field.
    pub fn new(
        foreign_id: impl Into<String>,
        amount: Amount,
        currency: Currency,
        address: impl Into<String>,
    ) -> Self {
        WithdrawalCrypto {
            foreign_id: foreign_id.into(),
            amount,
            currency,
            convert_to: None,
            address: address.into(),
            tag: None,
        }
    }

    /// Pays the address in `currency`, converted from the balance of [`Self::currency`].
    pub fn convert_to(mut self, currency: Currency) -> Self {
        self.convert_to = Some(currency);
        self
    }

    /// Sets the destination tag or memo.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

impl Endpoint for WithdrawalCrypto {
    type Output = Withdrawal;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("foreign_id", &self.foreign_id)?;
        require_positive("amount", &self.amount)?;
        require_text("address", &self.address)?;
        optional_text("tag", self.tag.as_deref())?;
        RequestSpec::new(&operations::WITHDRAWAL_CRYPTO).json(self)
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<Withdrawal, DecodeFailure> {
        decode_data(body)
    }
}
