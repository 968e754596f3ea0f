//! The platform's own view (`platform/{platform}` operations): its settings ([`Platform`]),
//! staff, users, and the orders, quotes, checkouts, transfers and API calls of its users.
//!
//! The orders, quotes, checkouts and transfers the platform lists are the crate's one
//! [`Order`](crate::types::Order), [`Quote`](crate::types::Quote),
//! [`Checkout`](crate::types::Checkout) and [`Transfer`](crate::types::Transfer), which
//! read the platform forms too (reference §2.3: a platform order carries its `user`, a
//! platform transfer its `type` and `symbol`).

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::currencies::Currencies;

payments_core::wire_enum! {
    /// How the platform is notified (IEN): `jwt` or `hmac`.
    pub enum IenType {
        /// Signed with a JWT.
        Jwt = "jwt",
        /// Signed with an HMAC.
        Hmac = "hmac",
    }
}

payments_core::wire_enum! {
    /// What a KYC level requires (reference §6, from the platform example).
    pub enum LevelRequirement {
        /// A verified e-mail.
        Email = "email",
        /// A verified phone.
        Phone = "phone",
        /// The front of a government id.
        GovernmentIdFront = "governmentIdFront",
        /// The back of a government id.
        GovernmentIdBack = "governmentIdBack",
        /// A passport.
        Passport = "passport",
        /// A utility bill.
        UtilityBill = "utilityBill",
        /// A selfie with the id.
        SelfieWithId = "selfieWithId",
        /// A video call.
        Video = "video",
        /// Enhanced due diligence.
        EnhancedDueDiligence = "enhancedDueDiligence",
        /// Extended proof of funds.
        ExtendedProofOfFunds = "extendedProofOfFunds",
    }
}

/// The platform (`platform-show`, and `platform-update`, which answers the same shape).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Platform {
    /// Its id (a UUID; the `{platform}` of the paths).
    #[serde(default)]
    pub id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its code (`GOGL`); cannot be changed.
    #[serde(default)]
    pub code: Option<String>,
    /// Its base URL.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Where and how it is notified.
    #[serde(default)]
    pub ien: Option<Ien>,
    /// Which integrations it has.
    #[serde(default)]
    pub integrations: Option<Integrations>,
    /// Its colour (`#333246`).
    #[serde(default)]
    pub color_code: Option<String>,
    /// The reference fiat and period of its limits.
    #[serde(default)]
    pub reference: Option<Reference>,
    /// Its KYC levels, lowest first.
    #[serde(default)]
    pub levels: Vec<Level>,
    /// Its payment methods and their limits.
    #[serde(default)]
    pub payment_methods: Option<PaymentMethods>,
    /// Its coins, tokens and fiats with their operations.
    #[serde(default)]
    pub currencies: Option<Currencies>,
    /// When it was created (Unix seconds; `null` in the docs).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// The platform's notification endpoint (IEN) and scheme.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ien {
    /// The URL CCPro calls.
    #[serde(default)]
    pub url: Option<String>,
    /// `jwt` or `hmac`.
    #[serde(default, rename = "type")]
    pub kind: Option<IenType>,
}

/// The platform's integrations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Integrations {
    /// The API.
    #[serde(default)]
    pub api: Option<Integration>,
    /// The partner login.
    #[serde(default)]
    pub partner: Option<Integration>,
    /// The checkout.
    #[serde(default)]
    pub checkout: Option<Integration>,
    /// The widget.
    #[serde(default)]
    pub widget: Option<Integration>,
}

/// One integration: on or off, and its URL where it has one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Integration {
    /// Whether it is on.
    #[serde(default)]
    pub status: Option<bool>,
    /// Its URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The reference of the platform's limits: a fiat and a period (`MONTHS`, `"1"`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// The fiat (`EUR`).
    #[serde(default)]
    pub fiat: Option<String>,
    /// The period's unit (`MONTHS`).
    #[serde(default)]
    pub period_type: Option<String>,
    /// The period's length, a string (`"1"`).
    #[serde(default)]
    pub period_value: Option<String>,
}

/// A KYC level: its number (a string, `"1"`), name, requirements and limits.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Level {
    /// Its number, as the string CCPro sends (`"1"`…`"5"`; KYC's own `level` is an int).
    #[serde(default)]
    pub level: Option<String>,
    /// Its name (`crevete`).
    #[serde(default)]
    pub name: Option<String>,
    /// What it requires.
    #[serde(default)]
    pub required: Vec<LevelRequirement>,
    /// Its limits per period, in the reference fiat.
    #[serde(default)]
    pub max: Option<LevelMax>,
}

/// A level's limits: JSON numbers in the docs (`2500`), read exactly.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LevelMax {
    /// The most a user of this level buys per period.
    #[serde(default, with = "payments_core::exact::optional")]
    pub buy: Option<ExactAmount>,
    /// The most a user of this level sells per period.
    #[serde(default, with = "payments_core::exact::optional")]
    pub sell: Option<ExactAmount>,
}

/// The platform's payment methods.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaymentMethods {
    /// Bank transfers, per currency (`name` `EUR`).
    #[serde(default)]
    pub bank: Vec<PaymentMethod>,
    /// Card processors (`name` `MobilPay`).
    #[serde(default)]
    pub card: Vec<PaymentMethod>,
}

/// One payment method: on or off, its name and limits.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaymentMethod {
    /// Whether it is on.
    #[serde(default)]
    pub status: Option<bool>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its limits.
    #[serde(default)]
    pub limits: Option<PaymentLimits>,
}

/// A payment method's limits (JSON numbers or `null`, read exactly).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentLimits {
    /// The most a user's first order may be.
    #[serde(default, with = "payments_core::exact::optional")]
    pub first_max_order_value: Option<ExactAmount>,
    /// The lower bound.
    #[serde(default)]
    pub lower: Option<LimitBound>,
    /// The upper bound.
    #[serde(default)]
    pub upper: Option<LimitBound>,
}

/// One bound: whether it applies, and its value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LimitBound {
    /// Whether the bound applies.
    #[serde(default)]
    pub status: Option<bool>,
    /// The bound (`null` when unset).
    #[serde(default, with = "payments_core::exact::optional")]
    pub value: Option<ExactAmount>,
}

/// A staff member of the platform (`platform-staff`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffMember {
    /// The membership's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The member's user id.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Their e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Their first name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Their last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Whether they are active.
    #[serde(default)]
    pub is_active: Option<bool>,
    /// Their role (`superadmin`; no other role is documented).
    #[serde(default)]
    pub role: Option<String>,
}

/// A user attached to the platform (`platform-users`). The `id` is the platform's own id
/// for the user (`"123456789"` in the docs), not a CCPro UUID.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformUser {
    /// The user's id.
    #[serde(default)]
    pub id: Option<String>,
    /// Their e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Their username.
    #[serde(default)]
    pub username: Option<String>,
    /// When they were attached (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A call CCPro made to the platform (`platform-calls`): apparently its IEN log.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformCall {
    /// The URL called.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// The HTTP method (`POST`).
    #[serde(default)]
    pub verb: Option<String>,
    /// The request body: JSON encoded in a string, kept as sent.
    #[serde(default)]
    pub request: Option<String>,
    /// The HTTP status, a string (`"200"`).
    #[serde(default)]
    pub status: Option<String>,
    /// The response body: JSON encoded in a string, kept as sent.
    #[serde(default)]
    pub response: Option<String>,
    /// When (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

impl PlatformCall {
    /// The HTTP status as a number, when `status` is one.
    pub fn status_code(&self) -> Option<u16> {
        self.status.as_deref().and_then(|s| s.trim().parse().ok())
    }
}
