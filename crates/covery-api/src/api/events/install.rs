//! The `install` event.

use payments_core::country::CountryCode;
use payments_core::provider::InvalidInput;
use serde::{Deserialize, Serialize};

use super::super::check_sequence_id;
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `install` event (`type: "install"` on the wire). Build it with [`Install::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Install {
    #[serde(rename = "type")]
    tag: Tag<Install>,
    /// When the app was installed (Unix seconds).
    pub install_timestamp: i64,
    /// Your id of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_merchant_id: Option<String>,
    /// Groups the user's consecutive actions (at most 40 characters); see [`sequence_id_for_product`](crate::sequence_id_for_product).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_id: Option<String>,
    /// The user's country (sent as lower-case ISO alpha-3, `usa`).
    #[serde(
        default,
        with = "payments_core::country::alpha3_lower::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<CountryCode>,
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

impl Install {
    /// An `install` event with every mandatory field.
    pub fn new(install_timestamp: i64) -> Self {
        Install {
            tag: Tag::new(),
            install_timestamp,
            user_merchant_id: None,
            sequence_id: None,
            country: None,
            website_url: None,
            traffic_source: None,
            affiliate_id: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `user_merchant_id`: your id of the user.
    pub fn with_user_merchant_id(mut self, value: impl Into<String>) -> Self {
        self.user_merchant_id = Some(value.into());
        self
    }

    /// Sets `sequence_id`: groups the user's consecutive actions (at most 40 characters); see [`sequence_id_for_product`](crate::sequence_id_for_product).
    pub fn with_sequence_id(mut self, value: impl Into<String>) -> Self {
        self.sequence_id = Some(value.into());
        self
    }

    /// Sets `country`: the user's country (sent as lower-case ISO alpha-3, `usa`).
    pub fn with_country(mut self, value: CountryCode) -> Self {
        self.country = Some(value);
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
        if let Some(v) = &self.sequence_id {
            check_sequence_id("sequence_id", v)?;
        }
        Ok(())
    }
}

impl EventKind for Install {
    const NAME: &'static str = "install";
}
