//! The answers of `send-event`, `make-decision` and `postback`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// What `sendEvent` answers: the id Covery gave the stored event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EventResult {
    /// The id of the stored event; [`Postback::by_request_id`](crate::Postback::by_request_id)
    /// refers to it.
    pub request_id: u64,
    /// The event type, echoed from the request (`transaction`).
    #[serde(rename = "type")]
    pub kind: String,
    /// When Covery stored it, Unix seconds with a fraction (a timestamp, not money).
    pub created_at: f64,
    /// The `sequence_id` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_id: Option<String>,
    /// The `user_merchant_id` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_user_id: Option<String>,
}

/// What `makeDecision` answers: the stored event plus the risk verdict.
///
/// Accounts can be configured to return more fields; those are kept in
/// [`Decision::extra`], never dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Decision {
    /// The id of the stored event.
    pub request_id: u64,
    /// The event type, echoed from the request.
    #[serde(rename = "type")]
    pub kind: String,
    /// When Covery stored it, Unix seconds with a fraction.
    pub created_at: f64,
    /// The `sequence_id` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_id: Option<String>,
    /// The `user_merchant_id` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_user_id: Option<String>,
    /// The calculated risk score.
    pub score: i64,
    /// The event was accepted.
    pub accept: bool,
    /// The event was rejected.
    pub reject: bool,
    /// The event was sent to manual review.
    pub manual: bool,
    /// Why this decision was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The business flow configured for this decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Fields configured for your account that this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What `postback` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PostbackResult {
    /// The id of the event the postback was attached to.
    pub request_id: u64,
}
