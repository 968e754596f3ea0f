//! What a user holds: [`Balances`], one [`Balance`] per coin and token, with its rates and
//! [`BalanceAmounts`].
//!
//! Every amount and rate is an [`ExactAmount`]: the docs send them as strings of varying
//! precision (`"0.011646368236156"`, `"350"`) and token rates in exponent notation
//! (`"6.252E-5"`), each kept digit for digit and written back as received.

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::currencies::CurrencyRates;

/// What `balances` answers: the user's coins and tokens.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Balances {
    /// Coins (`XBT`, `ETH`).
    #[serde(default)]
    pub coins: Vec<Balance>,
    /// Tokens (`IPSX`).
    #[serde(default)]
    pub tokens: Vec<Balance>,
}

impl Balances {
    /// The coin or token with this symbol (`XBT`), compared exactly.
    pub fn get(&self, symbol: &str) -> Option<&Balance> {
        self.coins
            .iter()
            .chain(&self.tokens)
            .find(|b| b.symbol.as_deref() == Some(symbol))
    }
}

/// One asset of [`Balances`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// Its name (`Bitcoin`).
    #[serde(default)]
    pub name: Option<String>,
    /// Its symbol (`XBT`).
    #[serde(default)]
    pub symbol: Option<String>,
    /// Its alias (`XBT`): sent for coins, absent on tokens.
    #[serde(default)]
    pub alias: Option<String>,
    /// Its exchange rates.
    #[serde(default)]
    pub rates: Option<CurrencyRates>,
    /// What the user holds of it.
    #[serde(default)]
    pub amounts: Option<BalanceAmounts>,
    /// Whether the user marked it as a favourite.
    #[serde(default)]
    pub favorite: Option<bool>,
}

/// A [`Balance`]'s `amounts`: in the asset itself and its value in fiat (which fiat is not
/// documented).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BalanceAmounts {
    /// In the asset (`"0.011646368236156"` XBT).
    #[serde(default)]
    pub crypto: Option<BalanceAmount>,
    /// Its value in fiat (`"83.545222542067"`).
    #[serde(default)]
    pub fiat: Option<BalanceAmount>,
}

/// Available and pending amounts, exact as sent (no fixed scale).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BalanceAmount {
    /// What the user can use now.
    #[serde(default, with = "payments_core::exact::optional")]
    pub available: Option<ExactAmount>,
    /// What is still being settled.
    #[serde(default, with = "payments_core::exact::optional")]
    pub pending: Option<ExactAmount>,
}
