use std::borrow::Cow;

use payments_core::http::{Method, StatusCode};
use payments_core::{
    DecodeFailure, Endpoint, InvalidInput, NoContent, RequestBody, RetrySafety, decode_json,
};
use serde::{Deserialize, Serialize};

use crate::types::{AlertState, FraudAlert, Refunded};

/// `POST /api/manage/fraud/latest`: the latest fraud alerts of your account (token level
/// `decision` or `management`). A read: idempotent.
///
/// ```
/// let req = covery_api::LatestFraudAlerts::new().with_limit(50);
/// assert_eq!(req.limit, Some(50));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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

    fn operation(&self) -> &'static str {
        "latest-fraud-alerts"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed("/api/manage/fraud/latest")
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        match self.limit {
            Some(l) if !(1..=100).contains(&l) => Err(InvalidInput::new(
                "limit",
                format!("must be between 1 and 100, got {l}"),
            )),
            _ => Ok(()),
        }
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        RequestBody::json(self).map(Some)
    }

    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::Idempotent
    }

    /// An empty body (or 204) means no alerts.
    fn decode(&self, _status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        decode_json(body)
    }
}

fn check_id(id: u64) -> Result<(), InvalidInput> {
    if id == 0 {
        return Err(InvalidInput::new("id", "must be a fraud alert id (not 0)"));
    }
    Ok(())
}

/// An idempotent call whose body is only an alert id: the struct, `new` and its
/// `Endpoint` impl.
macro_rules! alert_id_endpoint {
    (
        $(#[$meta:meta])*
        $name:ident => $output:ty, $operation:literal, $path:literal,
        new: $new_doc:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// Covery's id of the alert.
            pub id: u64,
        }

        impl $name {
            #[doc = $new_doc]
            pub fn new(id: u64) -> Self {
                $name { id }
            }
        }

        impl Endpoint for $name {
            type Output = $output;

            fn operation(&self) -> &'static str {
                $operation
            }

            fn method(&self) -> Method {
                Method::POST
            }

            fn path(&self) -> Cow<'_, str> {
                Cow::Borrowed($path)
            }

            fn validate(&self) -> Result<(), InvalidInput> {
                check_id(self.id)
            }

            fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
                RequestBody::json(self).map(Some)
            }

            fn retry_safety(&self) -> RetrySafety {
                RetrySafety::Idempotent
            }
        }
    };
}

alert_id_endpoint! {
    /// `POST /api/manage/fraud/find`: one fraud alert by id (token level `decision` or
    /// `management`). A read: idempotent.
    FindFraudAlert => FraudAlert, "find-fraud-alert", "/api/manage/fraud/find",
    new: "The alert `id`."
}

alert_id_endpoint! {
    /// `POST /api/manage/fraud/confirm`: acknowledges that you received an alert (token level
    /// `decision`). Answers with an empty body. Idempotent: acknowledging twice changes
    /// nothing more.
    ConfirmFraudAlert => NoContent, "confirm-fraud-alert", "/api/manage/fraud/confirm",
    new: "Confirms alert `id`."
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

    fn operation(&self) -> &'static str {
        "fraud-alert-feedback"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed("/api/manage/fraud/feedback")
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        check_id(self.id)?;
        if self.result.as_str().trim().is_empty() {
            return Err(InvalidInput::new("result", "must not be blank"));
        }
        if let Some(r) = &self.refunded
            && r.as_str().trim().is_empty()
        {
            return Err(InvalidInput::new("refunded", "must not be blank"));
        }
        Ok(())
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        RequestBody::json(self).map(Some)
    }

    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::Idempotent
    }
}
