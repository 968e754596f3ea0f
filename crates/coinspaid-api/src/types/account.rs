//! `currencies/list`, `currencies/pairs` and `accounts/list`.

use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::CurrencyType;

/// A currency CoinsPaid supports (`currencies/list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CurrencyInfo {
    /// CoinsPaid's id of the currency.
    pub id: u64,
    /// Crypto or fiat.
    #[serde(rename = "type")]
    pub kind: CurrencyType,
    /// The currency code.
    pub currency: Currency,
    /// The smallest amount accepted.
    pub minimum_amount: Amount,
    /// The deposit fee in percent, as an exact decimal (`0.99` is 0.99 %).
    pub deposit_fee_percent: Amount,
    /// The withdrawal fee in percent, as an exact decimal.
    pub withdrawal_fee_percent: Amount,
    /// The number of decimal places the currency uses.
    pub precision: u32,
}

/// One side of an exchangeable pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PairSide {
    /// The currency code.
    pub currency: Currency,
    /// Crypto or fiat.
    #[serde(rename = "type")]
    pub kind: CurrencyType,
    /// The smallest amount that can be exchanged from this currency (sent for the
    /// `currency_from` side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_amount: Option<Amount>,
    /// The smallest deposit that is exchanged on arrival (crypto `currency_from` sides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_amount_deposit_with_exchange: Option<Amount>,
}

/// An exchangeable pair and its current price (`currencies/pairs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CurrencyPair {
    /// What is exchanged from.
    pub currency_from: PairSide,
    /// What is exchanged to.
    pub currency_to: PairSide,
    /// `rate_from` units of `currency_from`…
    pub rate_from: Amount,
    /// …are worth `rate_to` units of `currency_to`.
    pub rate_to: Amount,
}

/// A balance of your account (`accounts/list`); zero balances are included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Balance {
    /// The currency code.
    pub currency: Currency,
    /// Crypto or fiat.
    #[serde(rename = "type")]
    pub kind: CurrencyType,
    /// The balance.
    pub balance: Amount,
}
