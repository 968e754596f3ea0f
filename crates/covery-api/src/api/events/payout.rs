//! The `payout` event.

use payments_core::country::CountryCode;
use payments_core::provider::InvalidInput;
use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `payout` event (`type: "payout"` on the wire). Build it with [`Payout::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Payout {
    #[serde(rename = "type")]
    tag: Tag<Payout>,
    /// When the payout happened (Unix seconds).
    pub payout_timestamp: i64,
    /// Your id of the payout.
    pub payout_id: String,
    /// Your id of the user.
    pub user_merchant_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// The amount, exact, sent as a JSON number.
    #[serde(with = "payments_core::money::as_number")]
    pub payout_amount: Amount,
    /// The currency.
    pub payout_currency: Currency,
    /// The amount in your account's base currency; Covery converts when absent.
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub payout_amount_converted: Option<Amount>,
    /// The payout method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_method: Option<String>,
    /// The payout system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_system: Option<String>,
    /// The merchant account (MID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_mid: Option<String>,
    /// The payout account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_account_id: Option<String>,
    /// Your id of the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_card_id: Option<String>,
    /// The first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    /// The last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lastname: Option<String>,
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
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The card's BIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_card_bin: Option<u32>,
    /// The card's last four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_card_last4: Option<String>,
    /// The card's expiry month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_expiration_month: Option<u32>,
    /// The card's expiry year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_expiration_year: Option<u32>,
    /// The optional device data, written after the event's own fields.
    #[serde(flatten, deserialize_with = "read_device_data")]
    pub device: DeviceData,
}

impl Payout {
    /// A `payout` event with every mandatory field.
    pub fn new(
        payout_timestamp: i64,
        payout_id: impl Into<String>,
        user_merchant_id: impl Into<String>,
        sequence_id: impl Into<String>,
        payout_amount: Amount,
        payout_currency: Currency,
    ) -> Self {
        Payout {
            tag: Tag::new(),
            payout_timestamp,
            payout_id: payout_id.into(),
            user_merchant_id: user_merchant_id.into(),
            sequence_id: sequence_id.into(),
            payout_amount,
            payout_currency,
            payout_amount_converted: None,
            payout_method: None,
            payout_system: None,
            payout_mid: None,
            payout_account_id: None,
            payout_card_id: None,
            firstname: None,
            lastname: None,
            country: None,
            email: None,
            phone: None,
            payout_card_bin: None,
            payout_card_last4: None,
            payout_expiration_month: None,
            payout_expiration_year: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `payout_amount_converted`: the amount in your account's base currency; Covery converts when absent.
    pub fn with_payout_amount_converted(mut self, value: Amount) -> Self {
        self.payout_amount_converted = Some(value);
        self
    }

    /// Sets `payout_method`: the payout method.
    pub fn with_payout_method(mut self, value: impl Into<String>) -> Self {
        self.payout_method = Some(value.into());
        self
    }

    /// Sets `payout_system`: the payout system.
    pub fn with_payout_system(mut self, value: impl Into<String>) -> Self {
        self.payout_system = Some(value.into());
        self
    }

    /// Sets `payout_mid`: the merchant account (MID).
    pub fn with_payout_mid(mut self, value: impl Into<String>) -> Self {
        self.payout_mid = Some(value.into());
        self
    }

    /// Sets `payout_account_id`: the payout account.
    pub fn with_payout_account_id(mut self, value: impl Into<String>) -> Self {
        self.payout_account_id = Some(value.into());
        self
    }

    /// Sets `payout_card_id`: your id of the card.
    pub fn with_payout_card_id(mut self, value: impl Into<String>) -> Self {
        self.payout_card_id = Some(value.into());
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

    /// Sets `phone`: the phone number.
    pub fn with_phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `payout_card_bin`: the card's BIN.
    pub fn with_payout_card_bin(mut self, value: u32) -> Self {
        self.payout_card_bin = Some(value);
        self
    }

    /// Sets `payout_card_last4`: the card's last four digits.
    pub fn with_payout_card_last4(mut self, value: impl Into<String>) -> Self {
        self.payout_card_last4 = Some(value.into());
        self
    }

    /// Sets `payout_expiration_month`: the card's expiry month.
    pub fn with_payout_expiration_month(mut self, value: u32) -> Self {
        self.payout_expiration_month = Some(value);
        self
    }

    /// Sets `payout_expiration_year`: the card's expiry year.
    pub fn with_payout_expiration_year(mut self, value: u32) -> Self {
        self.payout_expiration_year = Some(value);
        self
    }

    /// Sets the device data.
    pub fn with_device(mut self, device: DeviceData) -> Self {
        self.device = device;
        self
    }

    pub(super) fn validate(&self) -> Result<(), InvalidInput> {
        require_text("payout_id", &self.payout_id)?;
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        Ok(())
    }
}

impl EventKind for Payout {
    const NAME: &'static str = "payout";
}
