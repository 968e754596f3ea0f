//! Withdrawal wallets ([`Wallet`]).

use serde::{Deserialize, Serialize};

use crate::types::banks::ReviewStatus;

/// A user's crypto wallet (`wallet-list`, `wallet-create`, `wallet-show`,
/// `wallet-update`, and `user-profile`'s `wallets`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Wallet {
    /// The wallet's id (a UUID), the `{wallet}` of its paths. Empty when an answer
    /// carries none (no documented example lacks it; the profile's lists are read too).
    #[serde(default)]
    pub id: String,
    /// Its review state (`CONFIRMED`; new wallets come back confirmed in the docs).
    #[serde(default)]
    pub status: Option<ReviewStatus>,
    /// The user's alias for it (unique among their wallets).
    #[serde(default)]
    pub alias: Option<String>,
    /// The address, as stored (case kept).
    #[serde(default)]
    pub address: Option<String>,
    /// The coin's symbol (`ETH`; Bitcoin is `XBT`).
    #[serde(default)]
    pub coin: Option<String>,
    /// When it was added, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}
