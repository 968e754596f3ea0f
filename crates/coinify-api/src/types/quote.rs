//! The approximate quote.

use payments_core::money::as_number;
use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use crate::types::TransferMedium;

/// An approximate quote: what the customer would receive for `base_amount`.
///
/// Only an estimate: it cannot be used to create a trade.
///
/// Signs and fees, as Coinify defines them:
/// - a **negative** `base_amount` (`-100` EUR) is the amount the customer *sends*;
/// - [`transfer_in`](Self::transfer_in)'s fee is **added on top** of the base amount at
///   checkout (100 EUR plus a 4.99 EUR card fee is 104.99 EUR paid);
/// - [`transfer_out`](Self::transfer_out)'s fee is **already inside**
///   [`quote_amount`](Self::quote_amount).
///
/// Amounts are JSON numbers on the wire and exact decimals here (`0.0012814` stays
/// `0.0012814`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ApproximateQuote {
    /// The requested amount, in `base_currency`; negative when it is what the customer sends.
    #[serde(with = "as_number")]
    pub base_amount: Amount,
    /// The currency of `base_amount`.
    pub base_currency: Currency,
    /// The estimated amount in `quote_currency`, the transfer-out fee already deducted.
    #[serde(with = "as_number")]
    pub quote_amount: Amount,
    /// The currency of `quote_amount`.
    pub quote_currency: Currency,
    /// How the customer pays in, with its fee (present when transfer media were asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_in: Option<Transfer>,
    /// How the customer is paid out, with its fee (present when transfer media were asked
    /// for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_out: Option<Transfer>,
}

/// One side of a quote's money movement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Transfer {
    /// The medium (card, bank, blockchain).
    pub medium: TransferMedium,
    /// The fee of this transfer, in `currency`. A transfer-in fee is paid on top of the
    /// base amount; a transfer-out fee is already deducted from the quote amount.
    #[serde(with = "as_number")]
    pub fee_amount: Amount,
    /// The currency of the fee.
    pub currency: Currency,
}
