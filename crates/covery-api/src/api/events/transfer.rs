//! The `transfer` event.

use payments_core::country::CountryCode;
use payments_core::provider::InvalidInput;
use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `transfer` event (`event_type: "transfer"` on the wire). Build it with [`Transfer::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transfer {
    #[serde(rename = "event_type")]
    tag: Tag<Transfer>,
    /// Your id of the transfer.
    pub event_id: String,
    /// When the transfer happened (Unix seconds).
    pub event_timestamp: i64,
    /// Your id of the user.
    pub user_merchant_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// The account system.
    pub account_system: String,
    /// The sending account.
    pub account_id: String,
    /// The receiving account.
    pub second_account_id: String,
    /// The amount, exact, sent as a JSON number.
    #[serde(with = "payments_core::money::as_number")]
    pub amount: Amount,
    /// The currency.
    pub currency: Currency,
    /// The amount in your account's base currency; Covery converts when absent.
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount_converted: Option<Amount>,
    /// The operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The sender's first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    /// The sender's last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lastname: Option<String>,
    /// The sender's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fullname: Option<String>,
    /// The sender's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The sender's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The sender's birth date (Unix seconds, negative before 1970).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<i64>,
    /// The sender's gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The sender's country (sent as lower-case ISO alpha-3).
    #[serde(
        default,
        with = "payments_core::country::alpha3_lower::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<CountryCode>,
    /// The sender's state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The sender's city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The sender's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The sender's postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The receiver's first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_firstname: Option<String>,
    /// The receiver's last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_lastname: Option<String>,
    /// The receiver's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_fullname: Option<String>,
    /// The receiver's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_email: Option<String>,
    /// The receiver's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_phone: Option<String>,
    /// The receiver's birth date (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_birth_date: Option<i64>,
    /// The receiver's gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_gender: Option<String>,
    /// The receiver's country (sent as lower-case ISO alpha-3).
    #[serde(
        default,
        with = "payments_core::country::alpha3_lower::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub second_country: Option<CountryCode>,
    /// The receiver's state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_state: Option<String>,
    /// The receiver's city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_city: Option<String>,
    /// The receiver's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_address: Option<String>,
    /// The receiver's postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_zip: Option<String>,
    /// The product name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The product description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_description: Option<String>,
    /// The product quantity (a decimal, sent as a JSON number).
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_quantity: Option<Amount>,
    /// The optional device data, written after the event's own fields.
    #[serde(flatten, deserialize_with = "read_device_data")]
    pub device: DeviceData,
}

impl Transfer {
    /// A `transfer` event with every mandatory field.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        event_id: impl Into<String>,
        event_timestamp: i64,
        user_merchant_id: impl Into<String>,
        sequence_id: impl Into<String>,
        account_system: impl Into<String>,
        account_id: impl Into<String>,
        second_account_id: impl Into<String>,
        amount: Amount,
        currency: Currency,
    ) -> Self {
        Transfer {
            tag: Tag::new(),
            event_id: event_id.into(),
            event_timestamp,
            user_merchant_id: user_merchant_id.into(),
            sequence_id: sequence_id.into(),
            account_system: account_system.into(),
            account_id: account_id.into(),
            second_account_id: second_account_id.into(),
            amount,
            currency,
            amount_converted: None,
            operation: None,
            source: None,
            firstname: None,
            lastname: None,
            fullname: None,
            email: None,
            phone: None,
            birth_date: None,
            gender: None,
            country: None,
            state: None,
            city: None,
            address: None,
            zip: None,
            second_firstname: None,
            second_lastname: None,
            second_fullname: None,
            second_email: None,
            second_phone: None,
            second_birth_date: None,
            second_gender: None,
            second_country: None,
            second_state: None,
            second_city: None,
            second_address: None,
            second_zip: None,
            product_name: None,
            product_description: None,
            product_quantity: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `amount_converted`: the amount in your account's base currency; Covery converts when absent.
    pub fn with_amount_converted(mut self, value: Amount) -> Self {
        self.amount_converted = Some(value);
        self
    }

    /// Sets `operation`: the operation.
    pub fn with_operation(mut self, value: impl Into<String>) -> Self {
        self.operation = Some(value.into());
        self
    }

    /// Sets `source`: the source.
    pub fn with_source(mut self, value: impl Into<String>) -> Self {
        self.source = Some(value.into());
        self
    }

    /// Sets `firstname`: the sender's first name.
    pub fn with_firstname(mut self, value: impl Into<String>) -> Self {
        self.firstname = Some(value.into());
        self
    }

    /// Sets `lastname`: the sender's last name.
    pub fn with_lastname(mut self, value: impl Into<String>) -> Self {
        self.lastname = Some(value.into());
        self
    }

    /// Sets `fullname`: the sender's full name.
    pub fn with_fullname(mut self, value: impl Into<String>) -> Self {
        self.fullname = Some(value.into());
        self
    }

    /// Sets `email`: the sender's e-mail address.
    pub fn with_email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }

    /// Sets `phone`: the sender's phone number.
    pub fn with_phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `birth_date`: the sender's birth date (Unix seconds, negative before 1970).
    pub fn with_birth_date(mut self, value: i64) -> Self {
        self.birth_date = Some(value);
        self
    }

    /// Sets `gender`: the sender's gender.
    pub fn with_gender(mut self, value: impl Into<String>) -> Self {
        self.gender = Some(value.into());
        self
    }

    /// Sets `country`: the sender's country (sent as lower-case ISO alpha-3).
    pub fn with_country(mut self, value: CountryCode) -> Self {
        self.country = Some(value);
        self
    }

    /// Sets `state`: the sender's state.
    pub fn with_state(mut self, value: impl Into<String>) -> Self {
        self.state = Some(value.into());
        self
    }

    /// Sets `city`: the sender's city.
    pub fn with_city(mut self, value: impl Into<String>) -> Self {
        self.city = Some(value.into());
        self
    }

    /// Sets `address`: the sender's address.
    pub fn with_address(mut self, value: impl Into<String>) -> Self {
        self.address = Some(value.into());
        self
    }

    /// Sets `zip`: the sender's postal code.
    pub fn with_zip(mut self, value: impl Into<String>) -> Self {
        self.zip = Some(value.into());
        self
    }

    /// Sets `second_firstname`: the receiver's first name.
    pub fn with_second_firstname(mut self, value: impl Into<String>) -> Self {
        self.second_firstname = Some(value.into());
        self
    }

    /// Sets `second_lastname`: the receiver's last name.
    pub fn with_second_lastname(mut self, value: impl Into<String>) -> Self {
        self.second_lastname = Some(value.into());
        self
    }

    /// Sets `second_fullname`: the receiver's full name.
    pub fn with_second_fullname(mut self, value: impl Into<String>) -> Self {
        self.second_fullname = Some(value.into());
        self
    }

    /// Sets `second_email`: the receiver's e-mail address.
    pub fn with_second_email(mut self, value: impl Into<String>) -> Self {
        self.second_email = Some(value.into());
        self
    }

    /// Sets `second_phone`: the receiver's phone number.
    pub fn with_second_phone(mut self, value: impl Into<String>) -> Self {
        self.second_phone = Some(value.into());
        self
    }

    /// Sets `second_birth_date`: the receiver's birth date (Unix seconds).
    pub fn with_second_birth_date(mut self, value: i64) -> Self {
        self.second_birth_date = Some(value);
        self
    }

    /// Sets `second_gender`: the receiver's gender.
    pub fn with_second_gender(mut self, value: impl Into<String>) -> Self {
        self.second_gender = Some(value.into());
        self
    }

    /// Sets `second_country`: the receiver's country (sent as lower-case ISO alpha-3).
    pub fn with_second_country(mut self, value: CountryCode) -> Self {
        self.second_country = Some(value);
        self
    }

    /// Sets `second_state`: the receiver's state.
    pub fn with_second_state(mut self, value: impl Into<String>) -> Self {
        self.second_state = Some(value.into());
        self
    }

    /// Sets `second_city`: the receiver's city.
    pub fn with_second_city(mut self, value: impl Into<String>) -> Self {
        self.second_city = Some(value.into());
        self
    }

    /// Sets `second_address`: the receiver's address.
    pub fn with_second_address(mut self, value: impl Into<String>) -> Self {
        self.second_address = Some(value.into());
        self
    }

    /// Sets `second_zip`: the receiver's postal code.
    pub fn with_second_zip(mut self, value: impl Into<String>) -> Self {
        self.second_zip = Some(value.into());
        self
    }

    /// Sets `product_name`: the product name.
    pub fn with_product_name(mut self, value: impl Into<String>) -> Self {
        self.product_name = Some(value.into());
        self
    }

    /// Sets `product_description`: the product description.
    pub fn with_product_description(mut self, value: impl Into<String>) -> Self {
        self.product_description = Some(value.into());
        self
    }

    /// Sets `product_quantity`: the product quantity (a decimal, sent as a JSON number).
    pub fn with_product_quantity(mut self, value: Amount) -> Self {
        self.product_quantity = Some(value);
        self
    }

    /// Sets the device data.
    pub fn with_device(mut self, device: DeviceData) -> Self {
        self.device = device;
        self
    }

    pub(super) fn validate(&self) -> Result<(), InvalidInput> {
        require_text("event_id", &self.event_id)?;
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        require_text("account_system", &self.account_system)?;
        require_text("account_id", &self.account_id)?;
        require_text("second_account_id", &self.second_account_id)?;
        Ok(())
    }
}

impl EventKind for Transfer {
    const NAME: &'static str = "transfer";
}
