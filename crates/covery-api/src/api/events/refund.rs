//! The `refund` event.

use payments_core::provider::InvalidInput;
use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `refund` event (`type: "refund"` on the wire). Build it with [`Refund::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Refund {
    #[serde(rename = "type")]
    tag: Tag<Refund>,
    /// When the refund happened (Unix seconds).
    pub refund_timestamp: i64,
    /// Your id of the refund.
    pub refund_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// The amount, exact, sent as a JSON number.
    #[serde(with = "payments_core::money::as_number")]
    pub refund_amount: Amount,
    /// The currency.
    pub refund_currency: Currency,
    /// The amount in your account's base currency; Covery converts when absent.
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub refund_amount_converted: Option<Amount>,
    /// The refund method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_method: Option<String>,
    /// The refund system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_system: Option<String>,
    /// The merchant account (MID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_mid: Option<String>,
    /// The refund source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_source: Option<String>,
    /// The refund type (`full`, `partial`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_type: Option<String>,
    /// The reason code of the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_code: Option<String>,
    /// Why the refund was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_reason: Option<String>,
    /// Who issued the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// The optional device data, written after the event's own fields.
    #[serde(flatten, deserialize_with = "read_device_data")]
    pub device: DeviceData,
}

impl Refund {
    /// A `refund` event with every mandatory field.
    pub fn new(
        refund_timestamp: i64,
        refund_id: impl Into<String>,
        sequence_id: impl Into<String>,
        refund_amount: Amount,
        refund_currency: Currency,
    ) -> Self {
        Refund {
            tag: Tag::new(),
            refund_timestamp,
            refund_id: refund_id.into(),
            sequence_id: sequence_id.into(),
            refund_amount,
            refund_currency,
            refund_amount_converted: None,
            refund_method: None,
            refund_system: None,
            refund_mid: None,
            refund_source: None,
            refund_type: None,
            refund_code: None,
            refund_reason: None,
            agent_id: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `refund_amount_converted`: the amount in your account's base currency; Covery converts when absent.
    pub fn with_refund_amount_converted(mut self, value: Amount) -> Self {
        self.refund_amount_converted = Some(value);
        self
    }

    /// Sets `refund_method`: the refund method.
    pub fn with_refund_method(mut self, value: impl Into<String>) -> Self {
        self.refund_method = Some(value.into());
        self
    }

    /// Sets `refund_system`: the refund system.
    pub fn with_refund_system(mut self, value: impl Into<String>) -> Self {
        self.refund_system = Some(value.into());
        self
    }

    /// Sets `refund_mid`: the merchant account (MID).
    pub fn with_refund_mid(mut self, value: impl Into<String>) -> Self {
        self.refund_mid = Some(value.into());
        self
    }

    /// Sets `refund_source`: the refund source.
    pub fn with_refund_source(mut self, value: impl Into<String>) -> Self {
        self.refund_source = Some(value.into());
        self
    }

    /// Sets `refund_type`: the refund type (`full`, `partial`).
    pub fn with_refund_type(mut self, value: impl Into<String>) -> Self {
        self.refund_type = Some(value.into());
        self
    }

    /// Sets `refund_code`: the reason code of the refund.
    pub fn with_refund_code(mut self, value: impl Into<String>) -> Self {
        self.refund_code = Some(value.into());
        self
    }

    /// Sets `refund_reason`: why the refund was issued.
    pub fn with_refund_reason(mut self, value: impl Into<String>) -> Self {
        self.refund_reason = Some(value.into());
        self
    }

    /// Sets `agent_id`: who issued the refund.
    pub fn with_agent_id(mut self, value: impl Into<String>) -> Self {
        self.agent_id = Some(value.into());
        self
    }

    /// Sets the device data.
    pub fn with_device(mut self, device: DeviceData) -> Self {
        self.device = device;
        self
    }

    pub(super) fn validate(&self) -> Result<(), InvalidInput> {
        require_text("refund_id", &self.refund_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        Ok(())
    }
}

impl EventKind for Refund {
    const NAME: &'static str = "refund";
}
