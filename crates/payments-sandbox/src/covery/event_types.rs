//! The event types and the field table of each (required or optional, and of which kind), as
//! Covery's documentation lists them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum EventType {
    Install,
    Registration,
    Confirmation,
    Login,
    Transaction,
    Refund,
    Payout,
    Transfer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Req,
    Opt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A string.
    Str,
    /// `sequence_id`: a string of 1 to 40 characters.
    Seq,
    /// An integer.
    Int,
    /// A non-negative number.
    Num,
    /// A boolean.
    Bool,
    /// An ISO 3166-1 alpha-3 code in lower case.
    Country,
    /// Three ASCII letters.
    Currency,
}

use Kind::{Bool, Country, Currency, Int, Num, Seq, Str};
use Need::{Opt, Req};

pub(crate) type Spec = &'static [(&'static str, Need, Kind)];

pub(crate) const INSTALL: Spec = &[
    ("install_timestamp", Req, Int),
    ("user_merchant_id", Opt, Str),
    ("sequence_id", Opt, Seq),
    ("country", Opt, Country),
    ("website_url", Opt, Str),
    ("traffic_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

pub(crate) const REGISTRATION: Spec = &[
    ("registration_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("age", Opt, Int),
    ("country", Opt, Country),
    ("email", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("gender", Opt, Str),
    ("phone", Opt, Str),
    ("social_type", Opt, Str),
    ("user_name", Opt, Str),
    ("website_url", Opt, Str),
    ("traffic_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

pub(crate) const CONFIRMATION: Spec = &[
    ("confirmation_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("email_confirmed", Opt, Bool),
    ("phone_confirmed", Opt, Bool),
];

pub(crate) const LOGIN: Spec = &[
    ("login_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("login_failed", Opt, Bool),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("gender", Opt, Str),
    ("traffic_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

pub(crate) const TRANSACTION: Spec = &[
    ("transaction_amount", Req, Num),
    ("transaction_currency", Req, Currency),
    ("transaction_id", Req, Str),
    ("transaction_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("payment_method", Opt, Str),
    ("payment_system", Opt, Str),
    ("payment_mid", Opt, Str),
    ("transaction_mode", Opt, Str),
    ("transaction_type", Opt, Str),
    ("payment_account_id", Opt, Str),
    ("card_id", Opt, Str),
    ("card_bin", Opt, Int),
    ("card_last4", Opt, Str),
    ("expiration_month", Opt, Int),
    ("expiration_year", Opt, Int),
    ("age", Opt, Int),
    ("billing_address", Opt, Str),
    ("billing_city", Opt, Str),
    ("billing_country", Opt, Country),
    ("billing_fullname", Opt, Str),
    ("billing_firstname", Opt, Str),
    ("billing_lastname", Opt, Str),
    ("billing_state", Opt, Str),
    ("billing_zip", Opt, Str),
    ("country", Opt, Country),
    ("email", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("gender", Opt, Str),
    ("merchant_ip", Opt, Str),
    ("phone", Opt, Str),
    ("product_description", Opt, Str),
    ("product_name", Opt, Str),
    ("product_quantity", Opt, Num),
    ("transaction_amount_converted", Opt, Num),
    ("user_name", Opt, Str),
    ("website_url", Opt, Str),
    ("transaction_source", Opt, Str),
    ("affiliate_id", Opt, Str),
];

pub(crate) const REFUND: Spec = &[
    ("refund_timestamp", Req, Int),
    ("refund_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("refund_amount", Req, Num),
    ("refund_currency", Req, Currency),
    ("refund_amount_converted", Opt, Num),
    ("refund_method", Opt, Str),
    ("refund_system", Opt, Str),
    ("refund_mid", Opt, Str),
    ("refund_source", Opt, Str),
    ("refund_type", Opt, Str),
    ("refund_code", Opt, Str),
    ("refund_reason", Opt, Str),
    ("agent_id", Opt, Str),
    ("user_merchant_id", Opt, Str),
];

pub(crate) const PAYOUT: Spec = &[
    ("payout_timestamp", Req, Int),
    ("payout_id", Req, Str),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("payout_amount", Req, Num),
    ("payout_currency", Req, Currency),
    ("payout_amount_converted", Opt, Num),
    ("payout_method", Opt, Str),
    ("payout_system", Opt, Str),
    ("payout_mid", Opt, Str),
    ("payout_account_id", Opt, Str),
    ("payout_card_id", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("country", Opt, Country),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("payout_card_bin", Opt, Int),
    ("payout_card_last4", Opt, Str),
    ("payout_expiration_month", Opt, Int),
    ("payout_expiration_year", Opt, Int),
];

pub(crate) const TRANSFER: Spec = &[
    ("event_id", Req, Str),
    ("event_timestamp", Req, Int),
    ("user_merchant_id", Req, Str),
    ("sequence_id", Req, Seq),
    ("account_system", Req, Str),
    ("account_id", Req, Str),
    ("second_account_id", Req, Str),
    ("amount", Req, Num),
    ("currency", Req, Currency),
    ("amount_converted", Opt, Num),
    ("operation", Opt, Str),
    ("source", Opt, Str),
    ("firstname", Opt, Str),
    ("lastname", Opt, Str),
    ("fullname", Opt, Str),
    ("email", Opt, Str),
    ("phone", Opt, Str),
    ("birth_date", Opt, Int),
    ("gender", Opt, Str),
    ("country", Opt, Country),
    ("state", Opt, Str),
    ("city", Opt, Str),
    ("address", Opt, Str),
    ("zip", Opt, Str),
    ("second_firstname", Opt, Str),
    ("second_lastname", Opt, Str),
    ("second_fullname", Opt, Str),
    ("second_email", Opt, Str),
    ("second_phone", Opt, Str),
    ("second_birth_date", Opt, Int),
    ("second_gender", Opt, Str),
    ("second_country", Opt, Country),
    ("second_state", Opt, Str),
    ("second_city", Opt, Str),
    ("second_address", Opt, Str),
    ("second_zip", Opt, Str),
    ("product_name", Opt, Str),
    ("product_description", Opt, Str),
    ("product_quantity", Opt, Num),
];

/// The device-data fields every event may carry.
pub(crate) const DEVICE: Spec = &[
    ("ajax_validation", Opt, Bool),
    ("cookie_enabled", Opt, Bool),
    ("cpu_class", Opt, Str),
    ("device_fingerprint", Opt, Str),
    ("device_id", Opt, Str),
    ("do_not_track", Opt, Bool),
    ("ip", Opt, Str),
    ("language", Opt, Str),
    ("languages", Opt, Str),
    ("language_browser", Opt, Str),
    ("language_user", Opt, Str),
    ("language_system", Opt, Str),
    ("os", Opt, Str),
    ("real_ip", Opt, Str),
    ("screen_resolution", Opt, Str),
    ("screen_orientation", Opt, Str),
    ("timezone_offset", Opt, Int),
    ("user_agent", Opt, Str),
];

impl EventType {
    pub(crate) const ALL: [EventType; 8] = [
        EventType::Install,
        EventType::Registration,
        EventType::Confirmation,
        EventType::Login,
        EventType::Transaction,
        EventType::Refund,
        EventType::Payout,
        EventType::Transfer,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            EventType::Install => "install",
            EventType::Registration => "registration",
            EventType::Confirmation => "confirmation",
            EventType::Login => "login",
            EventType::Transaction => "transaction",
            EventType::Refund => "refund",
            EventType::Payout => "payout",
            EventType::Transfer => "transfer",
        }
    }

    pub(crate) fn spec(self) -> Spec {
        match self {
            EventType::Install => INSTALL,
            EventType::Registration => REGISTRATION,
            EventType::Confirmation => CONFIRMATION,
            EventType::Login => LOGIN,
            EventType::Transaction => TRANSACTION,
            EventType::Refund => REFUND,
            EventType::Payout => PAYOUT,
            EventType::Transfer => TRANSFER,
        }
    }

    /// The field naming the entry (409 on a second event with the same value).
    pub(crate) fn entry_field(self) -> Option<&'static str> {
        match self {
            EventType::Transaction => Some("transaction_id"),
            EventType::Refund => Some("refund_id"),
            EventType::Payout => Some("payout_id"),
            EventType::Transfer => Some("event_id"),
            _ => None,
        }
    }

    /// `(amount, currency, converted amount)` fields of the events the amount rules score.
    pub(crate) fn amount_fields(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            EventType::Transaction => Some((
                "transaction_amount",
                "transaction_currency",
                "transaction_amount_converted",
            )),
            EventType::Payout => Some((
                "payout_amount",
                "payout_currency",
                "payout_amount_converted",
            )),
            EventType::Transfer => Some(("amount", "currency", "amount_converted")),
            _ => None,
        }
    }
}
