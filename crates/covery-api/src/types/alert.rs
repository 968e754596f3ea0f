//! Fraud alerts: the alert model shared by `find-fraud-alert`, `latest-fraud-alerts` and the
//! callbacks, and the alert types, states and refund values.

use payments_core::Amount;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A fraud alert (Ethoca and similar), as returned by the fraud-alert calls and sent in
/// fraud-alert callbacks.
///
/// Only `id`, `type` and `state` are required; every other field may be absent. Fields this
/// model does not name are kept in [`FraudAlert::extra`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FraudAlert {
    /// Covery's id of the alert.
    pub id: u64,
    /// Where the alert came from (`ethoca`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source's id of the alert.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// What kind of alert it is.
    #[serde(rename = "type")]
    pub kind: AlertType,
    /// Where its handling stands.
    pub state: AlertState,
    /// The first six digits of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_bin: Option<String>,
    /// The last four digits of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_last4: Option<String>,
    /// When the alert was raised (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_timestamp: Option<i64>,
    /// When the original transaction happened (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_timestamp: Option<i64>,
    /// The original transaction amount, exact.
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub transaction_amount: Option<Amount>,
    /// The original transaction currency, as sent (may be empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_currency: Option<String>,
    /// Whether the transaction was 3-D Secure: `Some(true)`, `Some(false)`, or `None` when
    /// unknown (sent as `null`, and written back as `null`).
    #[serde(default, rename = "is3dSecure")]
    pub is_3d_secure: Option<bool>,
    /// The acquirer reference number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The chargeback amount, exact.
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub chargeback_amount: Option<Amount>,
    /// The chargeback currency, as sent (may be empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chargeback_currency: Option<String>,
    /// The chargeback reason code (in the documented example, not in the field table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chargeback_reason_code: Option<String>,
    /// The merchant descriptor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_descriptor: Option<String>,
    /// When the chargeback happened (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chargeback_timestamp: Option<i64>,
    /// Fields this model does not name, kept verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl FraudAlert {
    /// Whether the alert reports confirmed fraud (issuer or fraud-reporter alert).
    pub fn is_confirmed_fraud(&self) -> bool {
        self.kind.is_confirmed_fraud()
    }
}

payments_core::wire_enum! {
    /// The `type` of a fraud alert.
    pub enum AlertType {
        /// The empty string: no type given.
        Empty = "",
        /// Confirmed fraud reported by the issuer.
        IssuerAlert = "issuer_alert",
        /// Confirmed fraud reported by a fraud reporter.
        FraudReporterAlert = "fraudreporter_alert",
        /// A customer dispute.
        CustomerDisputeAlert = "customerdispute_alert",
    }
}

impl AlertType {
    /// Issuer and fraud-reporter alerts.
    pub fn is_confirmed_fraud(&self) -> bool {
        matches!(self, AlertType::IssuerAlert | AlertType::FraudReporterAlert)
    }

    /// Customer-dispute alerts.
    pub fn is_customer_dispute(&self) -> bool {
        matches!(self, AlertType::CustomerDisputeAlert)
    }
}

payments_core::wire_enum! {
    /// The `state` of a fraud alert, and the `result` of
    /// [`FraudAlertFeedback`](crate::FraudAlertFeedback).
    ///
    /// Confirmed-fraud alerts use `none`, `stopped`, `partially_stopped`,
    /// `previously_cancelled`, `missed`, `notfound`, `account_suspended`, `in_progress`,
    /// `shipper_contacted` and `other`; customer disputes use `none`, `resolved`,
    /// `previously_refunded`, `unresolved_dispute`, `notfound` and `other`.
    pub enum AlertState {
        /// The alert was just received.
        None = "none",
        /// The transaction was stopped.
        Stopped = "stopped",
        /// The transaction was partly stopped.
        PartiallyStopped = "partially_stopped",
        /// The transaction had already been cancelled.
        PreviouslyCancelled = "previously_cancelled",
        /// The alert came too late.
        Missed = "missed",
        /// The transaction was not found.
        NotFound = "notfound",
        /// The account was suspended.
        AccountSuspended = "account_suspended",
        /// Handling is in progress.
        InProgress = "in_progress",
        /// The shipper was contacted.
        ShipperContacted = "shipper_contacted",
        /// Anything else.
        Other = "other",
        /// The dispute was resolved.
        Resolved = "resolved",
        /// The transaction had already been refunded.
        PreviouslyRefunded = "previously_refunded",
        /// The dispute stays unresolved.
        UnresolvedDispute = "unresolved_dispute",
    }
}

payments_core::wire_enum! {
    /// The `refunded` value of [`FraudAlertFeedback`](crate::FraudAlertFeedback).
    pub enum Refunded {
        /// Nothing said about a refund.
        None = "none",
        /// The transaction was refunded.
        Refunded = "refunded",
        /// The transaction was not refunded.
        NotRefunded = "not_refunded",
        /// The transaction was not settled.
        NotSettled = "not_settled",
    }
}
