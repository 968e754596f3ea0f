//! Checkouts: [`Checkout`] as `checkout-list` and `checkout-show` return it, and as the
//! quote embedded in `order-show` carries it. No operation creates one: a checkout comes
//! from CCPro's hosted checkout ([`crate::handoff`]).
//!
//! The forms differ (reference §2.3): `checkout-show` has no `redirectUrl`/`pingUrl`;
//! `ip` is `null` or `""`; `url` is `null` or the hand-off URL; the embedded checkout has
//! no `user` or `externalPlatform`. Every field is optional.

use serde::{Deserialize, Serialize};

use crate::types::orders::{ExternalPlatformInfo, PaymentType};
use crate::types::users::User;

payments_core::wire_enum! {
    /// A checkout's status (the `status` filter of `checkout-list` lists the first three;
    /// `expired` occurs in the platform's list).
    pub enum CheckoutStatus {
        /// Created, not started.
        Created = "created",
        /// Under way.
        Processing = "processing",
        /// Done.
        Finished = "finished",
        /// Not finished in time.
        Expired = "expired",
    }
}

payments_core::wire_enum! {
    /// The step a checkout is at (values seen in the examples; the list is not
    /// documented).
    pub enum CheckoutStep {
        /// Identity checks.
        Kyc = "kyc",
        /// Account details.
        AccountDetails = "account-details",
        /// The closing page.
        ThankYou = "thank-you",
    }
}

/// A hosted checkout session. Every field is optional (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Checkout {
    /// The checkout's id (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its short public id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CheckoutStatus>,
    /// The step it is at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<CheckoutStep>,
    /// How many quotes were tried, of how many allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_quote: Option<AttemptsQuote>,
    /// The platform's request id (a UUID, or `"97"`: any string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// How it is paid (`bank`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_type: Option<PaymentType>,
    /// The user's IP address (`null` or `""` in the examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// The hand-off URL (`null` in the user's lists; the docs' examples carry stray `*`
    /// and spaces from wrapping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the user is sent when done (absent in `checkout-show`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// Where CCPro pings the platform (absent in `checkout-show`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ping_url: Option<String>,
    /// The user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The platform it came through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_platform: Option<ExternalPlatformInfo>,
    /// When it expires, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<i64>,
    /// When it was created, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
}

/// How many quotes a checkout tried (`count`) of how many it may (`limit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AttemptsQuote {
    /// Quotes tried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Quotes allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}
