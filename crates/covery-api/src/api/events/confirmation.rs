//! The `confirmation` event.

use payments_core::provider::InvalidInput;
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `confirmation` event (`type: "confirmation"` on the wire). Build it with [`Confirmation::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Confirmation {
    #[serde(rename = "type")]
    tag: Tag<Confirmation>,
    /// When the user confirmed (Unix seconds).
    pub confirmation_timestamp: i64,
    /// Your id of the user.
    pub user_merchant_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// The e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Whether the e-mail address is confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_confirmed: Option<bool>,
    /// Whether the phone number is confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_confirmed: Option<bool>,
    /// The optional device data, written after the event's own fields.
    #[serde(flatten, deserialize_with = "read_device_data")]
    pub device: DeviceData,
}

impl Confirmation {
    /// A `confirmation` event with every mandatory field.
    pub fn new(
        confirmation_timestamp: i64,
        user_merchant_id: impl Into<String>,
        sequence_id: impl Into<String>,
    ) -> Self {
        Confirmation {
            tag: Tag::new(),
            confirmation_timestamp,
            user_merchant_id: user_merchant_id.into(),
            sequence_id: sequence_id.into(),
            email: None,
            phone: None,
            email_confirmed: None,
            phone_confirmed: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `email`: the e-mail address.
    pub fn with_email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }

    /// Sets `phone`: the phone number.
    pub fn with_phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `email_confirmed`: whether the e-mail address is confirmed.
    pub fn with_email_confirmed(mut self, value: bool) -> Self {
        self.email_confirmed = Some(value);
        self
    }

    /// Sets `phone_confirmed`: whether the phone number is confirmed.
    pub fn with_phone_confirmed(mut self, value: bool) -> Self {
        self.phone_confirmed = Some(value);
        self
    }

    /// Sets the device data.
    pub fn with_device(mut self, device: DeviceData) -> Self {
        self.device = device;
        self
    }

    pub(super) fn validate(&self) -> Result<(), InvalidInput> {
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        Ok(())
    }
}

impl EventKind for Confirmation {
    const NAME: &'static str = "confirmation";
}
