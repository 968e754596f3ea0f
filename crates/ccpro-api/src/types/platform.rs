//! The platform's own view (`platform/{platform}` operations): its settings ([`Platform`]),
//! staff, users, and the orders, quotes, checkouts, transfers and API calls of its users.
//!
//! The list items here are the platform variants of shapes other modules own (reference
//! §2.3): a platform order carries its `user`, a platform transfer its `type` and `symbol`.
//! They are typed on their own so each keeps every field of its documented example.

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::common::Ref;
use crate::types::currencies::{AssetType, Currencies, TradeOperation};

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

payments_core::wire_enum! {
    /// An order's status (reference §6).
    pub enum OrderStatus {
        /// `APPROVED`.
        Approved = "APPROVED",
        /// `REJECTED`.
        Rejected = "REJECTED",
        /// `PROCESSING_PAYMENT`.
        ProcessingPayment = "PROCESSING_PAYMENT",
        /// `PAYMENT_WAITING`.
        PaymentWaiting = "PAYMENT_WAITING",
    }
}

payments_core::wire_enum! {
    /// A quote's status (reference §6).
    pub enum QuoteStatus {
        /// `available`: it can still be confirmed.
        Available = "available",
        /// `completed`.
        Completed = "completed",
        /// `expired`.
        Expired = "expired",
    }
}

payments_core::wire_enum! {
    /// How an order or quote is paid: `card` or `bank`.
    pub enum PaymentType {
        /// By card.
        Card = "card",
        /// By bank transfer.
        Bank = "bank",
    }
}

payments_core::wire_enum! {
    /// A checkout's status (reference §6).
    pub enum CheckoutStatus {
        /// `created`.
        Created = "created",
        /// `processing`.
        Processing = "processing",
        /// `finished`.
        Finished = "finished",
        /// `expired`.
        Expired = "expired",
    }
}

payments_core::wire_enum! {
    /// The step a checkout is at (reference §6).
    pub enum CheckoutStep {
        /// `kyc`.
        Kyc = "kyc",
        /// `account-details`.
        AccountDetails = "account-details",
        /// `thank-you`.
        ThankYou = "thank-you",
    }
}

payments_core::wire_enum! {
    /// A transfer's status (reference §6).
    pub enum TransferStatus {
        /// `pending`: waiting for confirmation.
        Pending = "pending",
        /// `completed`.
        Completed = "completed",
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

/// The user an order, quote or checkout of the platform belongs to (the nested user form).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformUserProfile {
    /// The user's CCPro id.
    #[serde(default)]
    pub id: Option<String>,
    /// Whether the account is active.
    #[serde(default)]
    pub is_active: Option<bool>,
    /// Whether the user may trade (its meaning is not documented).
    #[serde(default)]
    pub trade_status: Option<bool>,
    /// Their e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Their display options.
    #[serde(default)]
    pub options: Option<UserOptions>,
    /// Where the account came from.
    #[serde(default)]
    pub meta: Option<UserMeta>,
    /// When the user asked to delete the account (Unix seconds; `null` in the docs, so
    /// the type is assumed).
    #[serde(default)]
    pub self_deleted_at: Option<i64>,
    /// When the account was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A user's display options.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserOptions {
    /// `en`, `ro`.
    #[serde(default)]
    pub language: Option<String>,
    /// `light`, `dark`.
    #[serde(default)]
    pub theme: Option<String>,
}

/// Where a user account came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserMeta {
    /// `web` or `api`.
    #[serde(default)]
    pub source: Option<String>,
    /// Whether the user has set a password.
    #[serde(default)]
    pub password_set: Option<bool>,
}

/// The platform an order, quote or transfer came through. In the docs' platform examples
/// `code` holds `"PlatformName"` and `name` `"PlatformCode"` (swapped, reference §8.37):
/// both are kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ExternalPlatform {
    /// Its code.
    #[serde(default)]
    pub code: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its URL.
    #[serde(default)]
    pub url: Option<String>,
}

/// An order of one of the platform's users (`platform-orders`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformOrder {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its public id.
    #[serde(default)]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default)]
    pub status: Option<OrderStatus>,
    /// The kind of asset.
    #[serde(default, rename = "type")]
    pub kind: Option<AssetType>,
    /// `in` or `out`.
    #[serde(default)]
    pub type_operation: Option<String>,
    /// The operation.
    #[serde(default)]
    pub type_operation_name: Option<TradeOperation>,
    /// The asset paid.
    #[serde(default)]
    pub from_symbol: Option<String>,
    /// The amount paid, exactly as sent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub from_amount: Option<ExactAmount>,
    /// The rate (`"0"` stands for none on deposits and some sells).
    #[serde(default, with = "payments_core::exact::optional")]
    pub rate: Option<ExactAmount>,
    /// The asset received.
    #[serde(default)]
    pub to_symbol: Option<String>,
    /// The amount received.
    #[serde(default, with = "payments_core::exact::optional")]
    pub to_amount: Option<ExactAmount>,
    /// The wallet address.
    #[serde(default)]
    pub wallet: Option<String>,
    /// The chain transaction id.
    #[serde(default)]
    pub tx_id: Option<String>,
    /// The order this one follows.
    #[serde(default)]
    pub parent_order: Option<Ref>,
    /// The order that follows this one.
    #[serde(default)]
    pub child_order: Option<Ref>,
    /// How it is paid.
    #[serde(default)]
    pub payment: Option<OrderPayment>,
    /// Its commissions.
    #[serde(default)]
    pub commissions: Option<OrderCommissions>,
    /// The user.
    #[serde(default)]
    pub user: Option<PlatformUserProfile>,
    /// The quote it came from.
    #[serde(default)]
    pub quote: Option<Ref>,
    /// The platform it came through.
    #[serde(default)]
    pub external_platform: Option<ExternalPlatform>,
    /// When it was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// How an order is paid.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPayment {
    /// `bank` or `card`.
    #[serde(default)]
    pub method: Option<PaymentType>,
    /// The payment method's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The payment page (the docs' URLs contain stray spaces, kept as sent).
    #[serde(default)]
    pub url: Option<String>,
    /// The fee in percent (a string or a number, read exactly).
    #[serde(default, with = "payments_core::exact::optional")]
    pub fee_percent: Option<ExactAmount>,
    /// Whether a proof of payment was uploaded (`null` in the docs; assumed boolean).
    #[serde(default)]
    pub proof_uploaded: Option<bool>,
}

/// An order's commissions (`percent` on a 0–100 scale).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OrderCommissions {
    /// The percent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub percent: Option<ExactAmount>,
    /// The amount.
    #[serde(default, with = "payments_core::exact::optional")]
    pub amount: Option<ExactAmount>,
}

/// A quote of one of the platform's users (`platform-quotes`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformQuote {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its public id.
    #[serde(default)]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default)]
    pub status: Option<QuoteStatus>,
    /// The kind of asset.
    #[serde(default, rename = "type")]
    pub kind: Option<AssetType>,
    /// The operation.
    #[serde(default)]
    pub type_operation_name: Option<TradeOperation>,
    /// How it is to be paid.
    #[serde(default)]
    pub payment: Option<QuotePayment>,
    /// The asset paid.
    #[serde(default)]
    pub from: Option<String>,
    /// The asset received.
    #[serde(default)]
    pub to: Option<String>,
    /// The amount, exactly as sent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub amount: Option<ExactAmount>,
    /// The rate.
    #[serde(default, with = "payments_core::exact::optional")]
    pub rate: Option<ExactAmount>,
    /// Its commission.
    #[serde(default)]
    pub commission: Option<QuoteCommission>,
    /// The total (a string, or a number in one example; read exactly).
    #[serde(default, with = "payments_core::exact::optional")]
    pub total: Option<ExactAmount>,
    /// The order it follows.
    #[serde(default)]
    pub parent_order: Option<Ref>,
    /// The user.
    #[serde(default)]
    pub user: Option<PlatformUserProfile>,
    /// The wallet address.
    #[serde(default)]
    pub wallet: Option<String>,
    /// The order it became.
    #[serde(default)]
    pub order: Option<Ref>,
    /// The platform it came through.
    #[serde(default)]
    pub external_platform: Option<ExternalPlatform>,
    /// How long it lives (seconds).
    #[serde(default)]
    pub life_seconds: Option<i64>,
    /// Until when it lives (Unix seconds).
    #[serde(default)]
    pub life_until_at: Option<i64>,
    /// Where the user confirms it.
    #[serde(default)]
    pub confirm_url: Option<String>,
    /// When it was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// How a quote is to be paid.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuotePayment {
    /// `card` or `bank`.
    #[serde(default, rename = "type")]
    pub kind: Option<PaymentType>,
    /// The card or bank id.
    #[serde(default)]
    pub id: Option<String>,
    /// Whether the payment method is mandatory.
    #[serde(default)]
    pub mandatory: Option<bool>,
}

/// A quote's commission (`percent` on a 0–100 scale).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteCommission {
    /// In the asset paid.
    #[serde(default, with = "payments_core::exact::optional")]
    pub from_amount: Option<ExactAmount>,
    /// In the asset received.
    #[serde(default, with = "payments_core::exact::optional")]
    pub from_total: Option<ExactAmount>,
    /// The discount in percent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub discount_percent: Option<ExactAmount>,
    /// The commission in percent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub percent: Option<ExactAmount>,
}

/// A checkout of one of the platform's users (`platform-checkouts`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformCheckout {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its public id.
    #[serde(default)]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default)]
    pub status: Option<CheckoutStatus>,
    /// Its step.
    #[serde(default)]
    pub step: Option<CheckoutStep>,
    /// How many quotes were tried, of how many allowed.
    #[serde(default)]
    pub attempts_quote: Option<AttemptsQuote>,
    /// The platform's request id.
    #[serde(default)]
    pub request_id: Option<String>,
    /// How it is paid.
    #[serde(default)]
    pub payment_type: Option<PaymentType>,
    /// The user's IP.
    #[serde(default)]
    pub ip: Option<String>,
    /// The hand-off URL (its `token` query value is a JWT).
    #[serde(default)]
    pub url: Option<String>,
    /// Where the user returns.
    #[serde(default)]
    pub redirect_url: Option<String>,
    /// Where CCPro pings.
    #[serde(default)]
    pub ping_url: Option<String>,
    /// The user.
    #[serde(default)]
    pub user: Option<PlatformUserProfile>,
    /// When it expires (Unix seconds).
    #[serde(default)]
    pub expired_at: Option<i64>,
    /// When it was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// Quote attempts of a checkout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AttemptsQuote {
    /// Used.
    #[serde(default)]
    pub count: Option<u64>,
    /// Allowed.
    #[serde(default)]
    pub limit: Option<u64>,
}

/// A transfer between users of the platform (`platform-transfers`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformTransfer {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its public id.
    #[serde(default)]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default)]
    pub status: Option<TransferStatus>,
    /// The kind of asset (platform transfers only).
    #[serde(default, rename = "type")]
    pub kind: Option<AssetType>,
    /// The asset (platform transfers only).
    #[serde(default)]
    pub symbol: Option<String>,
    /// The amount sent, exactly as sent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub amount: Option<ExactAmount>,
    /// The amount received.
    #[serde(default, with = "payments_core::exact::optional")]
    pub total: Option<ExactAmount>,
    /// Its commission.
    #[serde(default)]
    pub commission: Option<TransferCommission>,
    /// Who made it.
    #[serde(default)]
    pub by_user: Option<TransferParty>,
    /// Who sends.
    #[serde(default)]
    pub from_user: Option<TransferParty>,
    /// Who receives.
    #[serde(default)]
    pub to_user: Option<TransferParty>,
    /// The sender's order.
    #[serde(default)]
    pub from_order: Option<Ref>,
    /// The receiver's order.
    #[serde(default)]
    pub to_order: Option<Ref>,
    /// The platform it came through.
    #[serde(default)]
    pub external_platform: Option<ExternalPlatform>,
    /// How long it waits for confirmation (seconds).
    #[serde(default)]
    pub life_seconds: Option<i64>,
    /// Until when (Unix seconds).
    #[serde(default)]
    pub life_until_at: Option<i64>,
    /// Where it is confirmed.
    #[serde(default)]
    pub confirm_url: Option<String>,
    /// When it was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A transfer's commission (`percent` on a 0–100 scale).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TransferCommission {
    /// The amount.
    #[serde(default, with = "payments_core::exact::optional")]
    pub value: Option<ExactAmount>,
    /// The percent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub percent: Option<ExactAmount>,
}

/// A party to a transfer: `{id, email}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TransferParty {
    /// The user's id.
    #[serde(default)]
    pub id: Option<String>,
    /// Their e-mail.
    #[serde(default)]
    pub email: Option<String>,
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
