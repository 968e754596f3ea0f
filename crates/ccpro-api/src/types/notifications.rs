//! Notifications: the permanent ones (derived from the account's state, no id) and the
//! temporary ones (events with an id, read or unread).

use serde::{Deserialize, Serialize};

use crate::types::common::Ref;

payments_core::wire_enum! {
    /// What a notification is about (reference §6).
    pub enum NotificationCategory {
        /// `notification`.
        Notification = "notification",
        /// `user`.
        User = "user",
        /// `kyc`.
        Kyc = "kyc",
        /// `quote`.
        Quote = "quote",
        /// `order`.
        Order = "order",
        /// `wallet`.
        Wallet = "wallet",
        /// `card`.
        Card = "card",
        /// `bank`.
        Bank = "bank",
    }
}

payments_core::wire_enum! {
    /// A notification's code (reference §6; the docs show only these).
    pub enum NotificationCode {
        /// Unread temporary notifications exist.
        NotificationsUnread = "notifications_unread",
        /// The account is being self-deleted.
        SelfDeletedAt = "self_deleted_at",
        /// The phone is not verified.
        PhoneUnverified = "phone_unverified",
        /// Quotes are available.
        QuoteAvailable = "quote_available",
        /// Orders wait for payment.
        OrderPaymentWaiting = "order_payment_waiting",
        /// No wallet is usable.
        WalletUnavailable = "wallet_unavailable",
        /// No card is usable.
        CardUnavailable = "card_unavailable",
        /// No bank account is usable.
        BankUnavailable = "bank_unavailable",
        /// An order was approved.
        OrderApproved = "order_approved",
    }
}

payments_core::wire_enum! {
    /// The `type` filter of `notification-temporary`: read or unread notifications.
    pub enum NotificationFilter {
        /// Only read ones.
        Read = "read",
        /// Only unread ones.
        Unread = "unread",
    }
}

/// A permanent notification (`notification-permanent`): a standing fact about the
/// account, without id or read state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PermanentNotification {
    /// Always `permanently`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// What it is about.
    #[serde(default)]
    pub category: Option<NotificationCategory>,
    /// Which fact.
    #[serde(default)]
    pub code: Option<NotificationCode>,
    /// The text.
    #[serde(default)]
    pub message: Option<String>,
}

/// A temporary notification (`notification-temporary`, `notification-mark-read`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its text.
    #[serde(default)]
    pub message: Option<String>,
    /// What it is about.
    #[serde(default)]
    pub category: Option<NotificationCategory>,
    /// Which event.
    #[serde(default)]
    pub code: Option<NotificationCode>,
    /// The resource it is about (`{id, publicId}` of an order).
    #[serde(default)]
    pub meta: Option<Ref>,
    /// When it was created (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When it was read (Unix seconds; `None` while unread).
    #[serde(default)]
    pub read_at: Option<i64>,
}
