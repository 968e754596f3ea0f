//! Quotes: [`Quote`] as `quote-create`, `quote-list` and `quote-show` return it, and as
//! orders embed it (`order-show`, `quote-confirm`).
//!
//! The forms differ (reference §2.3): `quote-show` expands `order` into a full order while
//! the other endpoints send a reference; the quote embedded in `order-show` has no
//! `status`, `typeOperationName` or `order`, carries its `checkout`, puts the operation
//! in `type` (`"buy_with_fiat"`, where the quote endpoints say `"coin"`) and sends `total`
//! as a JSON number (a string everywhere else). Every field is optional and every amount
//! an [`ExactAmount`] that writes back the form it came in.

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::checkout::Checkout;
use crate::types::common::Ref;
use crate::types::orders::{AssetType, ExternalPlatformInfo, Order, PaymentType, TradeOperation};
use crate::types::users::User;

payments_core::wire_enum! {
    /// A quote's status (the `status` filter of `quote-list`).
    pub enum QuoteStatus {
        /// It can be confirmed until `lifeUntilAt`.
        Available = "available",
        /// Confirmed: an order was made from it.
        Completed = "completed",
        /// Not confirmed in time.
        Expired = "expired",
    }
}

/// A quote: a price for an operation, valid `lifeSeconds` from `createdAt`, that
/// `quote-confirm` turns into an order. Every field is optional (see the module docs).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quote's id (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The quote's short public id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_id: Option<String>,
    /// Its status (absent in the quote `order-show` embeds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QuoteStatus>,
    /// The asset's kind (`coin`, `token`). The quote embedded in `order-show` puts the
    /// operation here instead (`buy_with_fiat`), read as [`AssetType::Unknown`]: use
    /// [`Quote::operation`], which understands both.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub asset_type: Option<AssetType>,
    /// The operation (`buy_with_fiat`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_operation_name: Option<TradeOperation>,
    /// How it is to be paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<QuotePayment>,
    /// The symbol paid with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The symbol received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The amount of the quoted asset, exact as sent (`"0.2"`, `"6.0e-6"`).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<ExactAmount>,
    /// The rate, exact as sent.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate: Option<ExactAmount>,
    /// CCPro's commission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commission: Option<QuoteCommission>,
    /// The total (`amount` × `rate` in the examples), exact as sent: a JSON string, or a
    /// JSON number in the quote `order-show` embeds (`0.00155319`); written back as it came.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<ExactAmount>,
    /// The order this one follows from (both members may be null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_order: Option<Ref>,
    /// The user (platform quote lists only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The wallet the funds go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallet: Option<String>,
    /// The hosted checkout the quote was made in (the quote `order-show` embeds; `null`
    /// elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkout: Option<Box<Checkout>>,
    /// The order made from it: a reference (`id`, `publicId`, both null while the quote
    /// is available) on most endpoints, the full order in `quote-show`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Box<Order>>,
    /// The platform the quote came through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_platform: Option<ExternalPlatformInfo>,
    /// How long the quote is valid, in seconds (3600, 300).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_seconds: Option<u64>,
    /// Until when it is valid, Unix seconds (`createdAt` + `lifeSeconds`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_until_at: Option<i64>,
    /// CCPro's hosted page to confirm the quote (carries an RS512 JWT; the docs' examples
    /// have stray `*` characters in it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_url: Option<String>,
    /// When it was created, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
}

impl Quote {
    /// The quote's operation: `typeOperationName`, or, in the quote `order-show` embeds
    /// (which has none), the operation it sends as `type`.
    pub fn operation(&self) -> Option<TradeOperation> {
        if let Some(op) = &self.type_operation_name {
            return Some(op.clone());
        }
        match &self.asset_type {
            Some(AssetType::Unknown(s)) => Some(TradeOperation::from(s.as_str())),
            _ => None,
        }
    }

    /// The asset's kind, `None` when `type` holds an operation instead (the quote
    /// `order-show` embeds).
    pub fn kind(&self) -> Option<AssetType> {
        match &self.asset_type {
            Some(t @ (AssetType::Coin | AssetType::Token)) => Some(t.clone()),
            _ => None,
        }
    }
}

/// How a quote is to be paid.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotePayment {
    /// The payment method's kind (`bank`, `card`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub payment_type: Option<PaymentType>,
    /// The payment method's id, once chosen (`null` until then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Whether a payment method must be given (absent in the quote `order-show` embeds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandatory: Option<bool>,
}

/// CCPro's commission on a quote. How its two legs relate is not documented.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteCommission {
    /// The commission in the `from` asset, exact as sent.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_amount: Option<ExactAmount>,
    /// The commission's other leg, exact as sent (`"9.000000000000001e-7"` included).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_total: Option<ExactAmount>,
    /// The discount in percent, 0 to 100.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_percent: Option<ExactAmount>,
    /// The commission in percent, 0 to 100 (`"15"` is 15 %).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub percent: Option<ExactAmount>,
}
