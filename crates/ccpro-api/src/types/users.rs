//! Users: [`User`] (what `user-create` answers, and the user nested in checkouts, orders
//! and quotes), [`UserProfile`] (`user-profile`: the user with their KYC, wallets, cards,
//! banks and linked platforms) and [`UserCreated`].
//!
//! The user's id comes as `uuid` in `user-create` and `user-profile` and as `id` in the
//! nested users: both fields are kept, and `id()` gives whichever is set.

use serde::{Deserialize, Serialize};

use crate::types::kyc::Kyc;

payments_core::wire_enum! {
    /// The user's colour theme (`options.theme`).
    pub enum UserTheme {
        /// `light`.
        Light = "light",
        /// `dark`.
        Dark = "dark",
    }
}

payments_core::wire_enum! {
    /// Where the user signed up (`meta.source`).
    pub enum UserSource {
        /// `web`: on CCPro's site.
        Web = "web",
        /// `api`: through the API (`user-create`).
        Api = "api",
    }
}

payments_core::wire_enum! {
    /// How `user-create` registered the user (`meta.registerType`; the docs show
    /// `linked`).
    pub enum RegisterType {
        /// `linked`: linked to a platform.
        Linked = "linked",
    }
}

payments_core::wire_enum! {
    /// The review status of a wallet, card or bank account in the profile (`CONFIRMED`;
    /// the list filters name `confirmed`, `rejected` and `pending`).
    pub enum ProfileItemStatus {
        /// `CONFIRMED`.
        Confirmed = "CONFIRMED",
        /// `REJECTED`.
        Rejected = "REJECTED",
        /// `PENDING`.
        Pending = "PENDING",
    }
}

/// The user's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserOptions {
    /// Language code (`en`, `ro`).
    #[serde(default)]
    pub language: Option<String>,
    /// Colour theme.
    #[serde(default)]
    pub theme: Option<UserTheme>,
}

/// How the user came to be.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserMeta {
    /// Where they signed up.
    #[serde(default)]
    pub source: Option<UserSource>,
    /// Whether they have a password (users created for a platform may not, and cannot
    /// change it: 409 "Password cannot be changed.").
    #[serde(default)]
    pub password_set: Option<bool>,
}

/// A CCPro user account.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// The id, as nested users send it.
    #[serde(default)]
    pub id: Option<String>,
    /// The id, as `user-create` and `user-profile` send it.
    #[serde(default)]
    pub uuid: Option<String>,
    /// Whether the e-mail is verified (false until `user-verify-email`).
    #[serde(default)]
    pub is_active: Option<bool>,
    /// Whether the user may trade.
    #[serde(default)]
    pub trade_status: Option<bool>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Preferences.
    #[serde(default)]
    pub options: Option<UserOptions>,
    /// Origin.
    #[serde(default)]
    pub meta: Option<UserMeta>,
    /// When the user deleted their account (Unix seconds; `null` when they did not).
    #[serde(default)]
    pub self_deleted_at: Option<i64>,
    /// When the account was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

impl User {
    /// The user's id: `uuid` or `id`, whichever is set (`uuid` first).
    pub fn id(&self) -> Option<&str> {
        self.uuid.as_deref().or(self.id.as_deref())
    }
}

/// What `user-create` answers: the new user, and where the activation e-mail leads
/// (`meta`, which is not pagination).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserCreated {
    /// The new user (inactive until the e-mail is verified).
    #[serde(rename = "data")]
    pub user: User,
    /// Registration details.
    #[serde(default)]
    pub meta: Option<RegistrationMeta>,
}

/// The `meta` of `user-create`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistrationMeta {
    /// Where the activation link leads.
    #[serde(default)]
    pub redirect_to: Option<String>,
    /// How the user was registered (`linked`).
    #[serde(default)]
    pub register_type: Option<RegisterType>,
}

/// `user-profile`: the user, with their KYC (the profile's shape of [`Kyc`]), wallets,
/// cards, banks and linked platforms.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserProfile {
    /// The id, as nested users send it.
    #[serde(default)]
    pub id: Option<String>,
    /// The id, as `user-profile` sends it.
    #[serde(default)]
    pub uuid: Option<String>,
    /// Whether the e-mail is verified.
    #[serde(default)]
    pub is_active: Option<bool>,
    /// Whether the user may trade.
    #[serde(default)]
    pub trade_status: Option<bool>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// When the user deleted their account (Unix seconds).
    #[serde(default)]
    pub self_deleted_at: Option<i64>,
    /// When the account was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Preferences.
    #[serde(default)]
    pub options: Option<UserOptions>,
    /// Origin.
    #[serde(default)]
    pub meta: Option<UserMeta>,
    /// The KYC state.
    #[serde(default)]
    pub kyc: Option<Kyc>,
    /// Crypto wallets.
    #[serde(default)]
    pub wallets: Option<Vec<ProfileWallet>>,
    /// Payment cards.
    #[serde(default)]
    pub cards: Option<Vec<ProfileCard>>,
    /// Bank accounts.
    #[serde(default)]
    pub banks: Option<Vec<ProfileBank>>,
    /// Platforms the user is linked to.
    #[serde(default)]
    pub external_platforms: Option<Vec<LinkedPlatform>>,
}

impl UserProfile {
    /// The user's id: `uuid` or `id`, whichever is set (`uuid` first).
    pub fn id(&self) -> Option<&str> {
        self.uuid.as_deref().or(self.id.as_deref())
    }

    /// The user part, without KYC, wallets, cards, banks and platforms.
    pub fn user(&self) -> User {
        User {
            id: self.id.clone(),
            uuid: self.uuid.clone(),
            is_active: self.is_active,
            trade_status: self.trade_status,
            email: self.email.clone(),
            options: self.options.clone(),
            meta: self.meta.clone(),
            self_deleted_at: self.self_deleted_at,
            created_at: self.created_at,
        }
    }
}

/// A wallet as the profile lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileWallet {
    /// The wallet's id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its review status.
    #[serde(default)]
    pub status: Option<ProfileItemStatus>,
    /// The user's name for it.
    #[serde(default)]
    pub alias: Option<String>,
    /// The address.
    #[serde(default)]
    pub address: Option<String>,
    /// The coin (`ETH`).
    #[serde(default)]
    pub coin: Option<String>,
    /// When it was added (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A payment card as the profile lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileCard {
    /// The card's id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its review status.
    #[serde(default)]
    pub status: Option<ProfileItemStatus>,
    /// The user's name for it.
    #[serde(default)]
    pub alias: Option<String>,
    /// The holder's name.
    #[serde(default)]
    pub holder_name: Option<String>,
    /// Expiry, `MM/YY`.
    #[serde(default)]
    pub expiration_date: Option<String>,
    /// The last four digits, as text.
    #[serde(default)]
    pub last_four_digits: Option<String>,
    /// The first image's reference (`"1945"`).
    #[serde(default)]
    pub card_image1: Option<String>,
    /// The second image's reference.
    #[serde(default)]
    pub card_image2: Option<String>,
    /// When it was added (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A bank account as the profile lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileBank {
    /// The account's id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its review status.
    #[serde(default)]
    pub status: Option<ProfileItemStatus>,
    /// The bank's name.
    #[serde(default)]
    pub bank_name: Option<String>,
    /// IBAN.
    #[serde(default)]
    pub iban: Option<String>,
    /// SWIFT/BIC.
    #[serde(default)]
    pub swift: Option<String>,
    /// The account's currency (`RON`).
    #[serde(default)]
    pub currency: Option<String>,
    /// When it was added (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A platform the user is linked to (`externalPlatforms[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedPlatform {
    /// The platform's code (`CCPRO`).
    #[serde(default)]
    pub code: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Whether the link is active.
    #[serde(default)]
    pub active: Option<bool>,
    /// Its site.
    #[serde(default)]
    pub url: Option<String>,
    /// When the user was linked (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}
