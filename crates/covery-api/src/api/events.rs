//! The eight documented event types and the optional device data they all accept.
//!
//! Each type serializes with its type marker first (`"type": "login"`; transfers use
//! `"event_type": "transfer"`), then its fields in the documented order; optional fields
//! that are `None` are left out. Countries are [`CountryCode`]s written as lower-case
//! ISO alpha-3 (`usa`); amounts are exact [`Amount`]s written as JSON numbers.

use payments_core::country::CountryCode;
use payments_core::{Amount, Currency, InvalidInput};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use super::{check_sequence_id, require_text};

/// A zero-sized type marker that writes one fixed string and reads only that string.
macro_rules! event_tag {
    ($name:ident, $text:literal) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        struct $name;

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($text)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                if s == $text {
                    Ok($name)
                } else {
                    Err(de::Error::invalid_value(
                        de::Unexpected::Str(&s),
                        &concat!("\"", $text, "\""),
                    ))
                }
            }
        }
    };
}

// Generated from the documented field tables by a one-off script; edit freely.

event_tag!(InstallTag, "install");

/// The `install` event (`type: "install"` on the wire). Build it with [`Install::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Install {
    #[serde(rename = "type")]
    tag: InstallTag,
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
    /// The optional device data.
    #[serde(flatten)]
    pub device: DeviceData,
}

impl Install {
    /// A `install` event with every mandatory field.
    pub fn new(install_timestamp: i64) -> Self {
        Install {
            tag: InstallTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(v) = &self.sequence_id {
            check_sequence_id("sequence_id", v)?;
        }
        self.device.validate()
    }
}

event_tag!(RegistrationTag, "registration");

/// The `registration` event (`type: "registration"` on the wire). Build it with [`Registration::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Registration {
    #[serde(rename = "type")]
    tag: RegistrationTag,
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
    /// The optional device data.
    #[serde(flatten)]
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
            tag: RegistrationTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        self.device.validate()
    }
}

event_tag!(ConfirmationTag, "confirmation");

/// The `confirmation` event (`type: "confirmation"` on the wire). Build it with [`Confirmation::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Confirmation {
    #[serde(rename = "type")]
    tag: ConfirmationTag,
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
    /// The optional device data.
    #[serde(flatten)]
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
            tag: ConfirmationTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        self.device.validate()
    }
}

event_tag!(LoginTag, "login");

/// The `login` event (`type: "login"` on the wire). Build it with [`Login::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Login {
    #[serde(rename = "type")]
    tag: LoginTag,
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
    /// The optional device data.
    #[serde(flatten)]
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
            tag: LoginTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        self.device.validate()
    }
}

event_tag!(TransactionTag, "transaction");

/// The `transaction` event (`type: "transaction"` on the wire). Build it with [`Transaction::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transaction {
    #[serde(rename = "type")]
    tag: TransactionTag,
    /// The amount, exact, sent as a JSON number.
    #[serde(with = "payments_core::money::as_number")]
    pub transaction_amount: Amount,
    /// The currency.
    pub transaction_currency: Currency,
    /// Your id of the transaction.
    pub transaction_id: String,
    /// When the transaction happened (Unix seconds).
    pub transaction_timestamp: i64,
    /// Your id of the user.
    pub user_merchant_id: String,
    /// Groups the user's consecutive actions (at most 40 characters).
    pub sequence_id: String,
    /// The payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    /// The payment system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_system: Option<String>,
    /// The merchant account (MID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_mid: Option<String>,
    /// The transaction mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_mode: Option<String>,
    /// The transaction type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<String>,
    /// The payment account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_account_id: Option<String>,
    /// Your id of the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_id: Option<String>,
    /// The card's BIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_bin: Option<u32>,
    /// The card's last four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_last4: Option<String>,
    /// The card's expiry month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_month: Option<u32>,
    /// The card's expiry year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_year: Option<u32>,
    /// The user's age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// The billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<String>,
    /// The billing city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_city: Option<String>,
    /// The billing country (sent as lower-case ISO alpha-3).
    #[serde(
        default,
        with = "payments_core::country::alpha3_lower::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_country: Option<CountryCode>,
    /// The billing full name; Covery joins first and last name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_fullname: Option<String>,
    /// The billing first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_firstname: Option<String>,
    /// The billing last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_lastname: Option<String>,
    /// The billing state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_state: Option<String>,
    /// The billing postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_zip: Option<String>,
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
    /// The merchant's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_ip: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The product description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_description: Option<String>,
    /// The product name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The product quantity (a decimal, sent as a JSON number).
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_quantity: Option<Amount>,
    /// The amount in your account's base currency; Covery converts when absent.
    #[serde(
        default,
        with = "payments_core::money::as_number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub transaction_amount_converted: Option<Amount>,
    /// The user name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
    /// The transaction source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_source: Option<String>,
    /// The affiliate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliate_id: Option<String>,
    /// The optional device data.
    #[serde(flatten)]
    pub device: DeviceData,
}

impl Transaction {
    /// A `transaction` event with every mandatory field.
    pub fn new(
        transaction_amount: Amount,
        transaction_currency: Currency,
        transaction_id: impl Into<String>,
        transaction_timestamp: i64,
        user_merchant_id: impl Into<String>,
        sequence_id: impl Into<String>,
    ) -> Self {
        Transaction {
            tag: TransactionTag,
            transaction_amount,
            transaction_currency,
            transaction_id: transaction_id.into(),
            transaction_timestamp,
            user_merchant_id: user_merchant_id.into(),
            sequence_id: sequence_id.into(),
            payment_method: None,
            payment_system: None,
            payment_mid: None,
            transaction_mode: None,
            transaction_type: None,
            payment_account_id: None,
            card_id: None,
            card_bin: None,
            card_last4: None,
            expiration_month: None,
            expiration_year: None,
            age: None,
            billing_address: None,
            billing_city: None,
            billing_country: None,
            billing_fullname: None,
            billing_firstname: None,
            billing_lastname: None,
            billing_state: None,
            billing_zip: None,
            country: None,
            email: None,
            firstname: None,
            lastname: None,
            gender: None,
            merchant_ip: None,
            phone: None,
            product_description: None,
            product_name: None,
            product_quantity: None,
            transaction_amount_converted: None,
            user_name: None,
            website_url: None,
            transaction_source: None,
            affiliate_id: None,
            device: DeviceData::default(),
        }
    }

    /// Sets `payment_method`: the payment method.
    pub fn with_payment_method(mut self, value: impl Into<String>) -> Self {
        self.payment_method = Some(value.into());
        self
    }

    /// Sets `payment_system`: the payment system.
    pub fn with_payment_system(mut self, value: impl Into<String>) -> Self {
        self.payment_system = Some(value.into());
        self
    }

    /// Sets `payment_mid`: the merchant account (MID).
    pub fn with_payment_mid(mut self, value: impl Into<String>) -> Self {
        self.payment_mid = Some(value.into());
        self
    }

    /// Sets `transaction_mode`: the transaction mode.
    pub fn with_transaction_mode(mut self, value: impl Into<String>) -> Self {
        self.transaction_mode = Some(value.into());
        self
    }

    /// Sets `transaction_type`: the transaction type.
    pub fn with_transaction_type(mut self, value: impl Into<String>) -> Self {
        self.transaction_type = Some(value.into());
        self
    }

    /// Sets `payment_account_id`: the payment account.
    pub fn with_payment_account_id(mut self, value: impl Into<String>) -> Self {
        self.payment_account_id = Some(value.into());
        self
    }

    /// Sets `card_id`: your id of the card.
    pub fn with_card_id(mut self, value: impl Into<String>) -> Self {
        self.card_id = Some(value.into());
        self
    }

    /// Sets `card_bin`: the card's BIN.
    pub fn with_card_bin(mut self, value: u32) -> Self {
        self.card_bin = Some(value);
        self
    }

    /// Sets `card_last4`: the card's last four digits.
    pub fn with_card_last4(mut self, value: impl Into<String>) -> Self {
        self.card_last4 = Some(value.into());
        self
    }

    /// Sets `expiration_month`: the card's expiry month.
    pub fn with_expiration_month(mut self, value: u32) -> Self {
        self.expiration_month = Some(value);
        self
    }

    /// Sets `expiration_year`: the card's expiry year.
    pub fn with_expiration_year(mut self, value: u32) -> Self {
        self.expiration_year = Some(value);
        self
    }

    /// Sets `age`: the user's age.
    pub fn with_age(mut self, value: u32) -> Self {
        self.age = Some(value);
        self
    }

    /// Sets `billing_address`: the billing address.
    pub fn with_billing_address(mut self, value: impl Into<String>) -> Self {
        self.billing_address = Some(value.into());
        self
    }

    /// Sets `billing_city`: the billing city.
    pub fn with_billing_city(mut self, value: impl Into<String>) -> Self {
        self.billing_city = Some(value.into());
        self
    }

    /// Sets `billing_country`: the billing country (sent as lower-case ISO alpha-3).
    pub fn with_billing_country(mut self, value: CountryCode) -> Self {
        self.billing_country = Some(value);
        self
    }

    /// Sets `billing_fullname`: the billing full name; Covery joins first and last name when absent.
    pub fn with_billing_fullname(mut self, value: impl Into<String>) -> Self {
        self.billing_fullname = Some(value.into());
        self
    }

    /// Sets `billing_firstname`: the billing first name.
    pub fn with_billing_firstname(mut self, value: impl Into<String>) -> Self {
        self.billing_firstname = Some(value.into());
        self
    }

    /// Sets `billing_lastname`: the billing last name.
    pub fn with_billing_lastname(mut self, value: impl Into<String>) -> Self {
        self.billing_lastname = Some(value.into());
        self
    }

    /// Sets `billing_state`: the billing state.
    pub fn with_billing_state(mut self, value: impl Into<String>) -> Self {
        self.billing_state = Some(value.into());
        self
    }

    /// Sets `billing_zip`: the billing postal code.
    pub fn with_billing_zip(mut self, value: impl Into<String>) -> Self {
        self.billing_zip = Some(value.into());
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

    /// Sets `merchant_ip`: the merchant's IP address.
    pub fn with_merchant_ip(mut self, value: impl Into<String>) -> Self {
        self.merchant_ip = Some(value.into());
        self
    }

    /// Sets `phone`: the phone number.
    pub fn with_phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `product_description`: the product description.
    pub fn with_product_description(mut self, value: impl Into<String>) -> Self {
        self.product_description = Some(value.into());
        self
    }

    /// Sets `product_name`: the product name.
    pub fn with_product_name(mut self, value: impl Into<String>) -> Self {
        self.product_name = Some(value.into());
        self
    }

    /// Sets `product_quantity`: the product quantity (a decimal, sent as a JSON number).
    pub fn with_product_quantity(mut self, value: Amount) -> Self {
        self.product_quantity = Some(value);
        self
    }

    /// Sets `transaction_amount_converted`: the amount in your account's base currency; Covery converts when absent.
    pub fn with_transaction_amount_converted(mut self, value: Amount) -> Self {
        self.transaction_amount_converted = Some(value);
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

    /// Sets `transaction_source`: the transaction source.
    pub fn with_transaction_source(mut self, value: impl Into<String>) -> Self {
        self.transaction_source = Some(value.into());
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("transaction_id", &self.transaction_id)?;
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        self.device.validate()
    }
}

event_tag!(RefundTag, "refund");

/// The `refund` event (`type: "refund"` on the wire). Build it with [`Refund::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Refund {
    #[serde(rename = "type")]
    tag: RefundTag,
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
    /// The optional device data.
    #[serde(flatten)]
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
            tag: RefundTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("refund_id", &self.refund_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        self.device.validate()
    }
}

event_tag!(PayoutTag, "payout");

/// The `payout` event (`type: "payout"` on the wire). Build it with [`Payout::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Payout {
    #[serde(rename = "type")]
    tag: PayoutTag,
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
    /// The optional device data.
    #[serde(flatten)]
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
            tag: PayoutTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("payout_id", &self.payout_id)?;
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        self.device.validate()
    }
}

event_tag!(TransferTag, "transfer");

/// The `transfer` event (`event_type: "transfer"` on the wire). Build it with [`Transfer::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transfer {
    #[serde(rename = "event_type")]
    tag: TransferTag,
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
    /// The optional device data.
    #[serde(flatten)]
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
            tag: TransferTag,
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

    fn validate(&self) -> Result<(), InvalidInput> {
        require_text("event_id", &self.event_id)?;
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        require_text("account_system", &self.account_system)?;
        require_text("account_id", &self.account_id)?;
        require_text("second_account_id", &self.second_account_id)?;
        self.device.validate()
    }
}

/// Optional data about the user's device, accepted by every event. Build it with
/// `DeviceData::default()` and the `with_*` setters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeviceData {
    /// Whether AJAX validation ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ajax_validation: Option<bool>,
    /// Whether cookies are enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_enabled: Option<bool>,
    /// The CPU class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_class: Option<String>,
    /// The device fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_fingerprint: Option<String>,
    /// The mobile device's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// Whether Do-Not-Track is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_not_track: Option<bool>,
    /// The user's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// The browser language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The user's preferred languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<String>,
    /// The operating system language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_browser: Option<String>,
    /// The user's locale language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_user: Option<String>,
    /// The default operating system language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_system: Option<String>,
    /// The operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// The real IP address (behind proxies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_ip: Option<String>,
    /// The screen resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_resolution: Option<String>,
    /// The screen orientation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_orientation: Option<String>,
    /// The time-zone offset in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone_offset: Option<i32>,
    /// The user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

impl DeviceData {
    /// Sets `ajax_validation`: whether AJAX validation ran.
    pub fn with_ajax_validation(mut self, value: bool) -> Self {
        self.ajax_validation = Some(value);
        self
    }

    /// Sets `cookie_enabled`: whether cookies are enabled.
    pub fn with_cookie_enabled(mut self, value: bool) -> Self {
        self.cookie_enabled = Some(value);
        self
    }

    /// Sets `cpu_class`: the CPU class.
    pub fn with_cpu_class(mut self, value: impl Into<String>) -> Self {
        self.cpu_class = Some(value.into());
        self
    }

    /// Sets `device_fingerprint`: the device fingerprint.
    pub fn with_device_fingerprint(mut self, value: impl Into<String>) -> Self {
        self.device_fingerprint = Some(value.into());
        self
    }

    /// Sets `device_id`: the mobile device's id.
    pub fn with_device_id(mut self, value: impl Into<String>) -> Self {
        self.device_id = Some(value.into());
        self
    }

    /// Sets `do_not_track`: whether Do-Not-Track is set.
    pub fn with_do_not_track(mut self, value: bool) -> Self {
        self.do_not_track = Some(value);
        self
    }

    /// Sets `ip`: the user's IP address.
    pub fn with_ip(mut self, value: impl Into<String>) -> Self {
        self.ip = Some(value.into());
        self
    }

    /// Sets `language`: the browser language.
    pub fn with_language(mut self, value: impl Into<String>) -> Self {
        self.language = Some(value.into());
        self
    }

    /// Sets `languages`: the user's preferred languages.
    pub fn with_languages(mut self, value: impl Into<String>) -> Self {
        self.languages = Some(value.into());
        self
    }

    /// Sets `language_browser`: the operating system language.
    pub fn with_language_browser(mut self, value: impl Into<String>) -> Self {
        self.language_browser = Some(value.into());
        self
    }

    /// Sets `language_user`: the user's locale language.
    pub fn with_language_user(mut self, value: impl Into<String>) -> Self {
        self.language_user = Some(value.into());
        self
    }

    /// Sets `language_system`: the default operating system language.
    pub fn with_language_system(mut self, value: impl Into<String>) -> Self {
        self.language_system = Some(value.into());
        self
    }

    /// Sets `os`: the operating system.
    pub fn with_os(mut self, value: impl Into<String>) -> Self {
        self.os = Some(value.into());
        self
    }

    /// Sets `real_ip`: the real IP address (behind proxies).
    pub fn with_real_ip(mut self, value: impl Into<String>) -> Self {
        self.real_ip = Some(value.into());
        self
    }

    /// Sets `screen_resolution`: the screen resolution.
    pub fn with_screen_resolution(mut self, value: impl Into<String>) -> Self {
        self.screen_resolution = Some(value.into());
        self
    }

    /// Sets `screen_orientation`: the screen orientation.
    pub fn with_screen_orientation(mut self, value: impl Into<String>) -> Self {
        self.screen_orientation = Some(value.into());
        self
    }

    /// Sets `timezone_offset`: the time-zone offset in minutes.
    pub fn with_timezone_offset(mut self, value: i32) -> Self {
        self.timezone_offset = Some(value);
        self
    }

    /// Sets `user_agent`: the user agent.
    pub fn with_user_agent(mut self, value: impl Into<String>) -> Self {
        self.user_agent = Some(value.into());
        self
    }

    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == DeviceData::default()
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        Ok(())
    }
}

/// Any of the eight event types, for [`SendEvent`](crate::SendEvent) and
/// [`MakeDecision`](crate::MakeDecision).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `install`.
    Install(Install),
    /// `registration`.
    Registration(Registration),
    /// `confirmation`.
    Confirmation(Confirmation),
    /// `login`.
    Login(Login),
    /// `transaction`.
    Transaction(Transaction),
    /// `refund`.
    Refund(Refund),
    /// `payout`.
    Payout(Payout),
    /// `transfer`.
    Transfer(Transfer),
}

/// Runs `$body` with `$e` bound to whichever event type `$event` holds.
macro_rules! each_event {
    ($event:expr, $e:ident => $body:expr) => {
        match $event {
            Event::Install($e) => $body,
            Event::Registration($e) => $body,
            Event::Confirmation($e) => $body,
            Event::Login($e) => $body,
            Event::Transaction($e) => $body,
            Event::Refund($e) => $body,
            Event::Payout($e) => $body,
            Event::Transfer($e) => $body,
        }
    };
}

/// `From<Type> for Event` for each event type.
macro_rules! event_from {
    ($($ty:ident),+) => {
        $(
            impl From<$ty> for Event {
                fn from(e: $ty) -> Self {
                    Event::$ty(e)
                }
            }
        )+
    };
}

event_from!(
    Install,
    Registration,
    Confirmation,
    Login,
    Transaction,
    Refund,
    Payout,
    Transfer
);

impl Event {
    /// The event type as Covery spells it (`login`, `transfer`).
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Install(_) => "install",
            Event::Registration(_) => "registration",
            Event::Confirmation(_) => "confirmation",
            Event::Login(_) => "login",
            Event::Transaction(_) => "transaction",
            Event::Refund(_) => "refund",
            Event::Payout(_) => "payout",
            Event::Transfer(_) => "transfer",
        }
    }

    /// The event's `sequence_id`, when set.
    pub fn sequence_id(&self) -> Option<&str> {
        match self {
            Event::Install(e) => e.sequence_id.as_deref(),
            Event::Registration(e) => Some(&e.sequence_id),
            Event::Confirmation(e) => Some(&e.sequence_id),
            Event::Login(e) => Some(&e.sequence_id),
            Event::Transaction(e) => Some(&e.sequence_id),
            Event::Refund(e) => Some(&e.sequence_id),
            Event::Payout(e) => Some(&e.sequence_id),
            Event::Transfer(e) => Some(&e.sequence_id),
        }
    }

    /// The device data.
    pub fn device(&self) -> &DeviceData {
        each_event!(self, e => &e.device)
    }

    /// Checks the mandatory fields and the `sequence_id` length.
    pub fn validate(&self) -> Result<(), InvalidInput> {
        each_event!(self, e => e.validate())
    }

    /// The id that makes this event unique at Covery, when it has one: `transaction_id`,
    /// `refund_id`, `payout_id` or a transfer's `event_id`. Events with such an id are
    /// retried like idempotent calls (a repeat is refused with 409 instead of stored
    /// twice); the others are not.
    pub fn unique_id(&self) -> Option<&str> {
        match self {
            Event::Transaction(e) => Some(&e.transaction_id),
            Event::Refund(e) => Some(&e.refund_id),
            Event::Payout(e) => Some(&e.payout_id),
            Event::Transfer(e) => Some(&e.event_id),
            _ => None,
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        each_event!(self, e => e.serialize(s))
    }
}

/// Reads any event, choosing the type by its `type` (or, for transfers, `event_type`) field.
/// Works with `serde_json` deserializers only (the body is read as raw JSON first, so
/// amounts keep their exact digits).
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Peek {
            #[serde(rename = "type")]
            kind: Option<String>,
            event_type: Option<String>,
        }
        let raw = Box::<RawValue>::deserialize(d)?;
        let peek: Peek = serde_json::from_str(raw.get()).map_err(de::Error::custom)?;
        let text = raw.get();
        let event = match (peek.kind.as_deref(), peek.event_type.as_deref()) {
            (Some("install"), _) => serde_json::from_str(text).map(Event::Install),
            (Some("registration"), _) => serde_json::from_str(text).map(Event::Registration),
            (Some("confirmation"), _) => serde_json::from_str(text).map(Event::Confirmation),
            (Some("login"), _) => serde_json::from_str(text).map(Event::Login),
            (Some("transaction"), _) => serde_json::from_str(text).map(Event::Transaction),
            (Some("refund"), _) => serde_json::from_str(text).map(Event::Refund),
            (Some("payout"), _) => serde_json::from_str(text).map(Event::Payout),
            (_, Some("transfer")) => serde_json::from_str(text).map(Event::Transfer),
            (Some(other), _) | (None, Some(other)) => {
                return Err(de::Error::custom(format_args!(
                    "unknown event type `{other}`"
                )));
            }
            (None, None) => return Err(de::Error::missing_field("type")),
        };
        event.map_err(de::Error::custom)
    }
}
