//! Users: [`User`] (what `user-create` answers, and the user nested in checkouts, orders
//! and quotes), [`UserProfile`] (`user-profile`: the user with their KYC, wallets, cards,
//! banks and linked platforms) and [`UserCreated`].
//!
//! The user's id comes as `uuid` in `user-create` and `user-profile` and as `id` in the
//! nested users: both fields are kept, and `id()` gives whichever is set.

use serde::{Deserialize, Serialize};

use crate::types::banks::Bank;
use crate::types::cards::Card;
use crate::types::kyc::Kyc;
use crate::types::wallets::Wallet;

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

/// The user's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserOptions {
    /// Language code (`en`, `ro`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Colour theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<UserTheme>,
}

/// How the user came to be.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserMeta {
    /// Where they signed up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<UserSource>,
    /// Whether they have a password (users created for a platform may not, and cannot
    /// change it: 409 "Password cannot be changed.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_set: Option<bool>,
}

/// A CCPro user account: what `user-create` answers and the user checkouts, orders and
/// quotes embed (the platform lists' `user`). Every field is optional and an absent one is
/// not written back.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// The id, as nested users send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The id, as `user-create` and `user-profile` send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Whether the e-mail is verified (false until `user-verify-email`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// Whether the user may trade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_status: Option<bool>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<UserOptions>,
    /// Origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<UserMeta>,
    /// When the user deleted their account (Unix seconds; `null` when they did not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_deleted_at: Option<i64>,
    /// When the account was created (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub wallets: Option<Vec<Wallet>>,
    /// Payment cards.
    #[serde(default)]
    pub cards: Option<Vec<Card>>,
    /// Bank accounts.
    #[serde(default)]
    pub banks: Option<Vec<Bank>>,
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
