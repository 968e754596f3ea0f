//! Deposits: the address `deposit-address` hands out ([`DepositAddress`]). The order
//! `deposit-create` returns is the crate's one [`Order`](crate::types::Order), which reads
//! the deposit's form (no `publicId`, `parentOrder`, `childOrder` or `transfer`; `quote`
//! and `externalPlatform` `null`; `payment.feePercent` the number `0`).

use serde::{Deserialize, Serialize};

payments_core::wire_enum! {
    /// Where a deposit address sends funds (`in:broker,checkout`).
    pub enum DepositDestination {
        /// To the user's balance at the broker.
        Broker = "broker",
        /// To a checkout.
        Checkout = "checkout",
    }
}

/// A deposit address (`deposit-address`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositAddress {
    /// The address record's id (a UUID).
    pub id: String,
    /// The address to send funds to.
    #[serde(default)]
    pub address: Option<String>,
    /// The kind of wallet behind it (`cold`; the only documented value).
    #[serde(default, rename = "type")]
    pub wallet_type: Option<String>,
    /// Where funds sent to it go.
    #[serde(default)]
    pub destination: Option<DepositDestination>,
    /// Its state (`enabled`; the only documented value).
    #[serde(default)]
    pub status: Option<String>,
    /// The chain (`ETH`).
    #[serde(default)]
    pub chain: Option<String>,
    /// When it was created, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}
