//! The `registration` event.

use payments_core::country::CountryCode;
use payments_core::provider::InvalidInput;
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `registration` event (`type: "registration"` on the wire). Build it with [`Registration::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Registration {
    #[serde(rename = "type")]
    tag: Tag<Registration>,
    /// When the user registered (Unix seconds).
    pub registration_timestamp: i64,
    /// Your id of the user.
    pub user_merchant_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// The user's age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// The user's country (sent as lower-case ISO alpha-3).
    #[serde(
        default,
        with = "payments_core::country::alpha3_lower::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<CountryCode>,
    /// The e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    /// The last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lastname: Option<String>,
    /// The gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The social network used to register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_type: Option<String>,
    /// The user name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
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

impl Registration {
    /// A `registration` event with every mandatory field.
    pub fn new(
        registration_timestamp: i64,
        user_merchant_id: impl Into<String>,
        sequence_id: impl Into<String>,
    ) -> Self {
        Registration {
            tag: Tag::new(),
            registration_timestamp,
            user_merchant_id: user_merchant_id.into(),
            sequence_id: sequence_id.into(),
            age: None,
            country: None,
            email: None,
            firstname: None,
            lastname: None,
            gender: None,
            phone: None,
            social_type: None,
            user_name: None,
            website_url: None,
            traffic_source: None,
            affiliate_id: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `age`: the user's age.
    pub fn with_age(mut self, value: u32) -> Self {
        self.age = Some(value);
        self
    }

    /// Sets `country`: the user's country (sent as lower-case ISO alpha-3).
    pub fn with_country(mut self, value: CountryCode) -> Self {
        self.country = Some(value);
        self
    }

    /// Sets `email`: the e-mail address.
    pub fn with_email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }

    /// Sets `firstname`: the first name.
    pub fn with_firstname(mut self, value: impl Into<String>) -> Self {
        self.firstname = Some(value.into());
        self
    }

    /// Sets `lastname`: the last name.
    pub fn with_lastname(mut self, value: impl Into<String>) -> Self {
        self.lastname = Some(value.into());
        self
    }

    /// Sets `gender`: the gender.
    pub fn with_gender(mut self, value: impl Into<String>) -> Self {
        self.gender = Some(value.into());
        self
    }

    /// Sets `phone`: the phone number.
    pub fn with_phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `social_type`: the social network used to register.
    pub fn with_social_type(mut self, value: impl Into<String>) -> Self {
        self.social_type = Some(value.into());
        self
    }

    /// Sets `user_name`: the user name.
    pub fn with_user_name(mut self, value: impl Into<String>) -> Self {
        self.user_name = Some(value.into());
        self
    }

    /// Sets `website_url`: the website.
    pub fn with_website_url(mut self, value: impl Into<String>) -> Self {
        self.website_url = Some(value.into());
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

impl EventKind for Registration {
    const NAME: &'static str = "registration";
}
