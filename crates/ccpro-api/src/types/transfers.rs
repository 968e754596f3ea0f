//! Transfers between CCPro users: [`Transfer`] as `transfer-list` (and its `by`, `from`
//! and `to` variants), `transfer-create`, `transfer-show` and `transfer-confirm` return it.
//!
//! The user endpoints send no `type`/`symbol` (the platform's transfer list does), and
//! `fromOrder`/`toOrder` are references whose members are null until the transfer is
//! confirmed. Every field is optional.

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::common::Ref;
use crate::types::orders::{AssetType, ExternalPlatformInfo};

payments_core::wire_enum! {
    /// What a new transfer does (`action` of `transfer-create`).
    pub enum TransferAction {
        /// Send funds to the other user.
        Send = "send",
        /// Ask the other user for funds (the docs do not say more).
        Receive = "receive",
    }
}

payments_core::wire_enum! {
    /// A transfer's status (values seen in the examples).
    pub enum TransferStatus {
        /// Waiting for confirmation (`transfer-confirm`) until `lifeUntilAt`.
        Pending = "pending",
        /// Confirmed: its two orders exist.
        Completed = "completed",
    }
}

/// A transfer of an asset from one CCPro user to another. Every field is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transfer {
    /// The transfer's id (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its short public id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TransferStatus>,
    /// The asset's kind (the platform's list only).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub asset_type: Option<AssetType>,
    /// The asset's symbol (the platform's list only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The amount sent, exact as sent back.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<ExactAmount>,
    /// What arrives: `amount` less the commission, exact.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<ExactAmount>,
    /// CCPro's commission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commission: Option<TransferCommission>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_user: Option<TransferUser>,
    /// Who sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_user: Option<TransferUser>,
    /// Who receives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_user: Option<TransferUser>,
    /// The sender's order (members null until confirmed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_order: Option<Ref>,
    /// The receiver's order (members null until confirmed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_order: Option<Ref>,
    /// The platform it came through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_platform: Option<ExternalPlatformInfo>,
    /// How long it may be confirmed, in seconds (180).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_seconds: Option<u64>,
    /// Until when it may be confirmed, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_until_at: Option<i64>,
    /// A confirmation page (the platform's list only, `null` there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_url: Option<String>,
    /// When it was created, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
}

/// CCPro's commission on a transfer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferCommission {
    /// The commission's amount (`amount` × `percent` / 100 in the examples), exact.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<ExactAmount>,
    /// The commission in percent, 0 to 100 (`"5"`).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub percent: Option<ExactAmount>,
}

/// A user taking part in a transfer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TransferUser {
    /// The user's id (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}
