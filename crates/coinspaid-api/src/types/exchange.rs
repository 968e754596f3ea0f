//! `exchange/calculate`, `exchange/fixed` and `exchange/now`.

use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::{Status, TransactionKind};

/// A price quote (`exchange/calculate`). Amounts may arrive as strings or numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExchangeQuote {
    /// What would be sent.
    pub sender_amount: Amount,
    /// The currency sent.
    pub sender_currency: Currency,
    /// What would be received.
    pub receiver_amount: Amount,
    /// The currency received.
    pub receiver_currency: Currency,
    /// The fee.
    pub fee_amount: Amount,
    /// The currency of the fee.
    pub fee_currency: Currency,
    /// The price; pass it to `exchange/fixed` to trade at it.
    pub price: Amount,
    /// When the price was fixed, Unix seconds.
    pub ts_fixed: i64,
    /// When the price is released, Unix seconds.
    pub ts_release: i64,
    /// How long the price holds, in seconds.
    pub fix_period: u64,
}

/// An accepted exchange (`exchange/fixed`, `exchange/now`). Its final state arrives by
/// callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExchangeOrder {
    /// CoinsPaid's id of the exchange (the `id` of its callbacks).
    pub id: u64,
    /// Your id sent in the request.
    pub foreign_id: String,
    /// `exchange`.
    #[serde(rename = "type")]
    pub kind: TransactionKind,
    /// What is sent.
    pub sender_amount: Amount,
    /// The currency sent.
    pub sender_currency: Currency,
    /// What is received.
    pub receiver_amount: Amount,
    /// The currency received.
    pub receiver_currency: Currency,
    /// The fee.
    pub fee_amount: Amount,
    /// The currency of the fee.
    pub fee_currency: Currency,
    /// The price applied.
    pub price: Amount,
    /// `processing` until the callback.
    pub status: Status,
}
