//! The `login` event.

use payments_core::provider::InvalidInput;
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `login` event (`type: "login"` on the wire). Build it with [`Login::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Login {
    #[serde(rename = "type")]
    tag: Tag<Login>,
    /// When the user logged in (Unix seconds).
    pub login_timestamp: i64,
    /// Your id of the user.
    pub user_merchant_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// Whether the login failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_failed: Option<bool>,
    /// The e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Where the user came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic_source: Option<String>,
    /// The affiliate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliate_id: Option<String>,
    /// The optional device data, written after the event's own fields.
    #[serde(flatten, deserialize_with = "read_device_data")]
    pub device: DeviceData,
}

impl Login {
    /// A `login` event with every mandatory field.
    pub fn new(
        login_timestamp: i64,
        user_merchant_id: impl Into<String>,
        sequence_id: impl Into<String>,
    ) -> Self {
        Login {
            tag: Tag::new(),
            login_timestamp,
            user_merchant_id: user_merchant_id.into(),
            sequence_id: sequence_id.into(),
            login_failed: None,
            email: None,
            phone: None,
            gender: None,
            traffic_source: None,
            affiliate_id: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `login_failed`: whether the login failed.
    pub fn with_login_failed(mut self, value: bool) -> Self {
        self.login_failed = Some(value);
        self
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

    /// Sets `gender`: the gender.
    pub fn with_gender(mut self, value: impl Into<String>) -> Self {
        self.gender = Some(value.into());
        self
    }

    /// Sets `traffic_source`: where the user came from.
    pub fn with_traffic_source(mut self, value: impl Into<String>) -> Self {
        self.traffic_source = Some(value.into());
        self
    }

    /// Sets `affiliate_id`: the affiliate.
    pub fn with_affiliate_id(mut self, value: impl Into<String>) -> Self {
        self.affiliate_id = Some(value.into());
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

impl EventKind for Login {
    const NAME: &'static str = "login";
}
