//! The `transaction` event.

use payments_core::country::CountryCode;
use payments_core::provider::InvalidInput;
use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize};

use super::super::{check_sequence_id, require_text};
use super::{DeviceData, EventKind, Tag, read_device_data};

/// The `transaction` event (`type: "transaction"` on the wire). Build it with [`Transaction::new`] (the
/// mandatory fields) and the `with_*` setters; fields are written in the documented order
/// and absent optional fields are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transaction {
    #[serde(rename = "type")]
    tag: Tag<Transaction>,
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
    /// The optional device data, written after the event's own fields.
    #[serde(flatten, deserialize_with = "read_device_data")]
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
            tag: Tag::new(),
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

    pub(super) fn validate(&self) -> Result<(), InvalidInput> {
        require_text("transaction_id", &self.transaction_id)?;
        require_text("user_merchant_id", &self.user_merchant_id)?;
        check_sequence_id("sequence_id", &self.sequence_id)?;
        Ok(())
    }
}

impl EventKind for Transaction {
    const NAME: &'static str = "transaction";
}
