//! `withdrawal/crypto`.

use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::{Status, TransactionKind};

/// The accepted withdrawal (`withdrawal/crypto`). Its final state arrives by callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Withdrawal {
    /// CoinsPaid's id of the withdrawal (the `id` of its callbacks).
    pub id: u64,
    /// Your id sent in the request.
    pub foreign_id: String,
    /// `withdrawal` (or `withdrawal_exchange` with `convert_to`).
    #[serde(rename = "type")]
    pub kind: TransactionKind,
    /// `processing` until the callback.
    pub status: Status,
    /// The amount requested.
    pub amount: Amount,
    /// What leaves your balance.
    pub sender_amount: Amount,
    /// The currency of your balance.
    pub sender_currency: Currency,
    /// What the address receives.
    pub receiver_amount: Amount,
    /// The currency the address receives.
    pub receiver_currency: Currency,
}
