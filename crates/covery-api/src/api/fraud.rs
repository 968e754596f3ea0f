//! The fraud-alert calls: `latest-fraud-alerts`, `find-fraud-alert`,
//! `confirm-fraud-alert` and `fraud-alert-feedback`. All idempotent: reads, an
//! acknowledgement and a feedback that sets the same values again.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, decode_json};
use payments_core::{Endpoint, NoContent, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;
use crate::types::{AlertState, FraudAlert, Refunded};

/// `POST /api/manage/fraud/latest`: the latest fraud alerts of your account (token level
/// `decision` or `management`). A read: idempotent.
///
/// ```
/// let req = covery_api::LatestFraudAlerts::new().with_limit(50);
/// assert_eq!(req.limit, Some(50));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LatestFraudAlerts {
    /// How many alerts at most, 1 to 100. `None` leaves it to Covery (the body is `{}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl LatestFraudAlerts {
    /// The latest alerts, as many as Covery sends by default.
    pub fn new() -> Self {
        LatestFraudAlerts { limit: None }
    }

    /// At most `limit` alerts (1 to 100).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

impl Endpoint for LatestFraudAlerts {
    type Output = Vec<FraudAlert>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        if let Some(l) = self.limit
            && !(1..=100).contains(&l)
        {
            return Err(InvalidInput::new(
                "limit",
                format!("must be between 1 and 100, got {l}"),
            ));
        }
        RequestSpec::new(&operations::LATEST_FRAUD_ALERTS).json(self)
    }

    /// An empty body (or 204) means no alerts.
    fn decode(_status: StatusCode, body: &[u8]) -> Result<Vec<FraudAlert>, DecodeFailure> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        decode_json(body)
    }
}

/// A fraud alert id: Covery's ids start at 1.
fn check_id(id: u64) -> Result<(), InvalidInput> {
    if id == 0 {
        return Err(InvalidInput::new("id", "must be a fraud alert id (not 0)"));
    }
    Ok(())
}

/// `POST /api/manage/fraud/find`: one fraud alert by id (token level `decision` or
/// `management`). A read: idempotent.
///
/// ```
/// let req = covery_api::FindFraudAlert::new(8464503);
/// assert_eq!(req.id, 8464503);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FindFraudAlert {
    /// Covery's id of the alert.
    pub id: u64,
}

impl FindFraudAlert {
    /// The alert `id`.
    pub fn new(id: u64) -> Self {
        FindFraudAlert { id }
    }
}

impl Endpoint for FindFraudAlert {
    type Output = FraudAlert;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_id(self.id)?;
        RequestSpec::new(&operations::FIND_FRAUD_ALERT).json(self)
    }
}

/// `POST /api/manage/fraud/confirm`: acknowledges that you received an alert (token level
/// `decision`). Answers with an empty body. Idempotent: acknowledging twice changes
/// nothing more.
///
/// ```
/// let req = covery_api::ConfirmFraudAlert::new(8464503);
/// assert_eq!(req.id, 8464503);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConfirmFraudAlert {
    /// Covery's id of the alert.
    pub id: u64,
}

impl ConfirmFraudAlert {
    /// Confirms alert `id`.
    pub fn new(id: u64) -> Self {
        ConfirmFraudAlert { id }
    }
}

impl Endpoint for ConfirmFraudAlert {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_id(self.id)?;
        RequestSpec::new(&operations::CONFIRM_FRAUD_ALERT).json(self)
    }
}

/// `POST /api/manage/fraud/feedback`: reports how you handled an alert (token level
/// `management`). Answers with an empty body. Idempotent: it sets the alert's outcome, so
/// a repeat writes the same values.
///
/// ```
/// use covery_api::{AlertState, FraudAlertFeedback, Refunded};
/// let fb = FraudAlertFeedback::new(8464503, AlertState::Stopped).with_refunded(Refunded::NotSettled);
/// assert_eq!(fb.refunded, Some(Refunded::NotSettled));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FraudAlertFeedback {
    /// Covery's id of the alert.
    pub id: u64,
    /// The outcome: one of the confirmed-fraud or customer-dispute states.
    pub result: AlertState,
    /// Whether the transaction was refunded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunded: Option<Refunded>,
}

impl FraudAlertFeedback {
    /// Feedback `result` on alert `id`.
    pub fn new(id: u64, result: AlertState) -> Self {
        FraudAlertFeedback {
            id,
            result,
            refunded: None,
        }
    }

    /// Says whether the transaction was refunded.
    pub fn with_refunded(mut self, refunded: Refunded) -> Self {
        self.refunded = Some(refunded);
        self
    }
}

impl Endpoint for FraudAlertFeedback {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_id(self.id)?;
        if self.result.as_str().trim().is_empty() {
            return Err(InvalidInput::new("result", "must not be blank"));
        }
        if let Some(r) = &self.refunded
            && r.as_str().trim().is_empty()
        {
            return Err(InvalidInput::new("refunded", "must not be blank"));
        }
        RequestSpec::new(&operations::FRAUD_ALERT_FEEDBACK).json(self)
    }
}
