//! `postback`: the processing outcome of a transaction already sent.

use payments_core::provider::InvalidInput;
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use super::require_text;
use crate::operations;
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
#[serde(deny_unknown_fields)]
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

    /// Sets `transaction_id`.
    pub fn with_transaction_id(mut self, value: impl Into<String>) -> Self {
        self.transaction_id = Some(value.into());
        self
    }

    /// Sets `transaction_status`.
    pub fn with_transaction_status(mut self, value: impl Into<String>) -> Self {
        self.transaction_status = Some(value.into());
        self
    }

    /// Sets `code`.
    pub fn with_code(mut self, value: impl Into<String>) -> Self {
        self.code = Some(value.into());
        self
    }

    /// Sets `reason`.
    pub fn with_reason(mut self, value: impl Into<String>) -> Self {
        self.reason = Some(value.into());
        self
    }

    /// Sets `secure3d`.
    pub fn with_secure3d(mut self, value: impl Into<String>) -> Self {
        self.secure3d = Some(value.into());
        self
    }

    /// Sets `avs_result`.
    pub fn with_avs_result(mut self, value: impl Into<String>) -> Self {
        self.avs_result = Some(value.into());
        self
    }

    /// Sets `cvv_result`.
    pub fn with_cvv_result(mut self, value: impl Into<String>) -> Self {
        self.cvv_result = Some(value.into());
        self
    }

    /// Sets `psp_code`.
    pub fn with_psp_code(mut self, value: impl Into<String>) -> Self {
        self.psp_code = Some(value.into());
        self
    }

    /// Sets `psp_reason`.
    pub fn with_psp_reason(mut self, value: impl Into<String>) -> Self {
        self.psp_reason = Some(value.into());
        self
    }

    /// Sets `arn`.
    pub fn with_arn(mut self, value: impl Into<String>) -> Self {
        self.arn = Some(value.into());
        self
    }
}

impl Endpoint for Postback {
    type Output = PostbackResult;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        match (&self.request_id, &self.transaction_id) {
            (None, None) => {
                return Err(InvalidInput::new(
                    "request_id",
                    "request_id or transaction_id is required",
                ));
            }
            (_, Some(t)) => require_text("transaction_id", t)?,
            (Some(_), None) => {}
        }
        RequestSpec::new(&operations::POSTBACK).json(self)
    }
}
