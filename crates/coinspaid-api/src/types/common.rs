//! Shapes shared by responses and callbacks.

use payments_core::Currency;
use serde::{Deserialize, Serialize};

use super::lenient;

payments_core::wire_enum! {
    /// Whether a currency is a cryptocurrency or a fiat currency.
    pub enum CurrencyType {
        /// `crypto`.
        Crypto = "crypto",
        /// `fiat`.
        Fiat = "fiat",
    }
}

payments_core::wire_enum! {
    /// The state of a transfer, withdrawal or exchange.
    ///
    /// `confirmed` and `cancelled` are final; a deposit goes `not_confirmed` →
    /// `confirmed` (or `cancelled` for a double spend). Responses to withdrawals and
    /// exchanges say `processing` until the callback brings the final state.
    pub enum Status {
        /// `confirmed`: final, safe to credit or book.
        Confirmed = "confirmed",
        /// `not_confirmed`: seen, not yet confirmed on chain.
        NotConfirmed = "not_confirmed",
        /// `cancelled`: final; a double spend or a cancelled withdrawal.
        Cancelled = "cancelled",
        /// `processing`: accepted, not final (responses of withdrawals and exchanges).
        Processing = "processing",
    }
}

impl Status {
    /// `true` for `confirmed` and `cancelled`, which never change again.
    pub fn is_final(&self) -> bool {
        matches!(self, Status::Confirmed | Status::Cancelled)
    }
}

/// A deposit address (`addresses/take`, `futures/*`, and `crypto_address` in callbacks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// CoinsPaid's id of the address.
    pub id: u64,
    /// The currency the address receives (or, for a withdrawal with exchange, the
    /// currency sent from your balance).
    pub currency: Currency,
    /// The currency incoming funds are converted to, when exchange is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert_to: Option<Currency>,
    /// The address.
    pub address: String,
    /// The destination tag or memo, for currencies that use one.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub tag: Option<String>,
    /// Your reference given when the address was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign_id: Option<String>,
}
