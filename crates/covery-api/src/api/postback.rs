use std::borrow::Cow;

use payments_core::http::Method;
use payments_core::{Endpoint, InvalidInput, RequestBody, RetrySafety};
use serde::{Deserialize, Serialize};

use super::require_text;
use crate::types::PostbackResult;

/// `POST /api/postback`: adds the processing outcome to a transaction already sent as an
/// event (token level `event`). Names the transaction by `request_id` (from
/// [`EventResult`](crate::EventResult)), by `transaction_id`, or both.
///
/// Idempotent: it sets data on an existing transaction, so a repeat writes the same values.
///
/// ```
/// let pb = covery_api::Postback::by_request_id(123456)
///     .with_transaction_status("success")
///     .with_code("4002");
/// assert_eq!(pb.request_id, Some(123456));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Postback {
    /// Covery's id of the event (mandatory when there is no `transaction_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<u64>,
    /// Your id of the transaction (mandatory when there is no `request_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The transaction's final status (`success`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_status: Option<String>,
    /// The processing code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The processing reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The 3-D Secure outcome, as text (`"0"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure3d: Option<String>,
    /// The AVS result code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avs_result: Option<String>,
    /// The CVV result code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv_result: Option<String>,
    /// The payment provider's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub psp_code: Option<String>,
    /// The payment provider's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub psp_reason: Option<String>,
    /// The acquirer reference number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
}

macro_rules! text_setters {
    ($($field:ident => $setter:ident),+ $(,)?) => {
        $(
            #[doc = concat!("Sets `", stringify!($field), "`.")]
            pub fn $setter(mut self, value: impl Into<String>) -> Self {
                self.$field = Some(value.into());
                self
            }
        )+
    };
}

impl Postback {
    /// A postback for the event Covery stored as `request_id`.
    pub fn by_request_id(request_id: u64) -> Self {
        Postback {
            request_id: Some(request_id),
            ..Postback::default()
        }
    }

    /// A postback for your transaction `transaction_id`.
    pub fn by_transaction_id(transaction_id: impl Into<String>) -> Self {
        Postback {
            transaction_id: Some(transaction_id.into()),
            ..Postback::default()
        }
    }

    /// Also sets `request_id`.
    pub fn with_request_id(mut self, request_id: u64) -> Self {
        self.request_id = Some(request_id);
        self
    }

    text_setters! {
        transaction_id => with_transaction_id,
        transaction_status => with_transaction_status,
        code => with_code,
        reason => with_reason,
        secure3d => with_secure3d,
        avs_result => with_avs_result,
        cvv_result => with_cvv_result,
        psp_code => with_psp_code,
        psp_reason => with_psp_reason,
        arn => with_arn,
    }
}

impl Endpoint for Postback {
    type Output = PostbackResult;

    fn operation(&self) -> &'static str {
        "postback"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed("/api/postback")
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        match (&self.request_id, &self.transaction_id) {
            (None, None) => Err(InvalidInput::new(
                "request_id",
                "request_id or transaction_id is required",
            )),
            (_, Some(t)) => require_text("transaction_id", t),
            (Some(_), None) => Ok(()),
        }
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        RequestBody::json(self).map(Some)
    }

    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::Idempotent
    }
}
