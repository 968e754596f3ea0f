//! CCPro's state: the entities every area shares (users, access tokens, balances, temporary
//! notifications, security events, the platform's call log, the settings of the emulation)
//! and each area's own store. Time-driven transitions run in [`CcproState::tick`] before
//! every call, on the sandbox clock.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::market::Market;
use super::{banks, cards, checkouts, kyc, orders, platform, quotes, transfers, wallets};
use crate::ids::{IdSequence, IdStream};

/// How the emulation behaves; changed through `POST /_sandbox/ccpro/settings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CcproSettings {
    /// Seconds after which a submitted KYC step (personal data, address, documents, video,
    /// EDD) is approved by itself; `0` approves at once.
    pub review_delay_seconds: u64,
    /// Seconds after which an order in `PROCESSING_PAYMENT` becomes `APPROVED`.
    pub payment_delay_seconds: u64,
    /// Whether an admin is free for a video call (else kyc-video answers 421).
    pub video_slots_available: bool,
    /// A quote's `lifeSeconds`.
    pub quote_life_seconds: u64,
    /// A transfer's `lifeSeconds`.
    pub transfer_life_seconds: u64,
    /// The commission percent of a completed transfer.
    pub transfer_commission_percent: Decimal,
    /// An access token's `ttl` in seconds.
    pub token_ttl_seconds: u64,
    /// How many KYC files a user may upload per day before kyc-document answers 403.
    pub daily_document_quota: u32,
}

impl Default for CcproSettings {
    fn default() -> Self {
        CcproSettings {
            review_delay_seconds: 60,
            payment_delay_seconds: 60,
            video_slots_available: true,
            quote_life_seconds: 3600,
            transfer_life_seconds: 180,
            transfer_commission_percent: Decimal::from(5),
            token_ttl_seconds: 1_209_600,
            daily_document_quota: 10,
        }
    }
}

/// A user's link to the platform that registered them (user-create's `platform`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlatformLink {
    pub(crate) id: String,
    pub(crate) user_id: String,
    pub(crate) email: String,
    pub(crate) username: String,
    pub(crate) referral_id: String,
}

/// Where the platform's IEN notifications go until platform-update changes its `ienUrl`.
pub(crate) const IEN_URL: &str = "https://platform.sandbox.test/ien";

/// A CCPro user.
#[derive(Debug, Clone, Default)]
pub(crate) struct User {
    /// The user's UUID (`uuid`, `userId`, the `{user}` of the paths).
    pub(crate) id: String,
    pub(crate) email: String,
    /// The password, as given (the sandbox keeps no hash: it is a test double).
    pub(crate) password: String,
    pub(crate) is_active: bool,
    pub(crate) trade_status: bool,
    pub(crate) language: String,
    pub(crate) theme: String,
    /// `meta.source`.
    pub(crate) source: String,
    /// `meta.passwordSet`: false for users created through a platform without a password.
    pub(crate) password_set: bool,
    pub(crate) self_deleted_at: Option<u64>,
    /// When self-delete was last requested (425 once per day).
    pub(crate) self_delete_requested_at: Option<u64>,
    pub(crate) created_at: u64,
    /// The e-mail verification code (revealed by `GET /_sandbox/ccpro/users/{user}`).
    pub(crate) email_code: String,
    /// When the verification e-mail was last sent (reverify: once per day).
    pub(crate) email_code_sent_at: u64,
    /// The SMS code of the last kyc-phone-add or reverify (revealed like the e-mail code).
    pub(crate) sms_code: String,
    /// The password-reset token of forgot-password, if one is pending.
    pub(crate) reset_token: Option<String>,
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) date_of_birth: String,
    pub(crate) phone: String,
    pub(crate) country: String,
    pub(crate) city: String,
    pub(crate) zip: String,
    pub(crate) street: String,
    /// The platform that registered the user, if any.
    pub(crate) platform: Option<PlatformLink>,
    /// The user's notifications are switched off: the notification operations answer 403
    /// "Unable to process your request." (`POST /_sandbox/ccpro/users/{id}/notifications`).
    pub(crate) notifications_unavailable: bool,
    /// The deposit addresses deposit-address gave the user.
    pub(crate) deposit_addresses: Vec<super::deposits::DepositAddress>,
    /// When user-forgot-password issued `reset_token` (it lives an hour).
    pub(crate) reset_token_sent_at: u64,
}

/// An access token (authenticate, authenticate-jwt).
#[derive(Debug, Clone)]
pub(crate) struct AccessToken {
    /// The 64-character token.
    pub(crate) id: String,
    pub(crate) user: String,
    pub(crate) created_at: u64,
    /// The ISO-8601 `created`, with milliseconds.
    pub(crate) created: String,
    pub(crate) ttl: u64,
    pub(crate) revoked: bool,
    pub(crate) last_used_at: u64,
}

impl AccessToken {
    /// `true` while the token authenticates at `now`.
    pub(crate) fn valid(&self, now: u64) -> bool {
        !self.revoked && now < self.created_at.saturating_add(self.ttl)
    }
}

/// A user's holding of one asset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Balance {
    pub(crate) available: Decimal,
    pub(crate) pending: Decimal,
    pub(crate) favorite: bool,
}

/// A temporary notification.
#[derive(Debug, Clone)]
pub(crate) struct Notification {
    pub(crate) id: String,
    pub(crate) user: String,
    pub(crate) title: String,
    pub(crate) message: String,
    pub(crate) category: String,
    pub(crate) code: String,
    /// `meta.id` and `meta.publicId`: the resource the notification is about.
    pub(crate) meta_id: Option<String>,
    pub(crate) meta_public_id: Option<String>,
    pub(crate) created_at: u64,
    pub(crate) read_at: Option<u64>,
}

/// A security event (security-list).
#[derive(Debug, Clone)]
pub(crate) struct SecurityEvent {
    pub(crate) user: String,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) by: String,
    pub(crate) ip: String,
    pub(crate) created_at: u64,
}

/// One entry of the platform's call log (platform-calls): a notification the platform's IEN
/// would have received.
#[derive(Debug, Clone)]
pub(crate) struct PlatformCall {
    pub(crate) endpoint: String,
    pub(crate) verb: String,
    pub(crate) request: Value,
    pub(crate) status: u16,
    pub(crate) response: Value,
    pub(crate) created_at: u64,
}

/// CCPro's part of the sandbox state.
pub(crate) struct CcproState {
    pub(crate) ids: IdSequence,
    pub(crate) secrets: IdSequence,
    pub(crate) settings: CcproSettings,
    pub(crate) market: Market,
    pub(crate) platform: platform::Platform,
    pub(crate) users: Vec<User>,
    pub(crate) tokens: Vec<AccessToken>,
    /// By `(user, asset)`.
    pub(crate) balances: BTreeMap<(String, String), Balance>,
    pub(crate) notifications: Vec<Notification>,
    pub(crate) security_events: Vec<SecurityEvent>,
    pub(crate) calls: Vec<PlatformCall>,
    pub(crate) banks: Vec<banks::Bank>,
    pub(crate) cards: Vec<cards::Card>,
    pub(crate) wallets: Vec<wallets::Wallet>,
    pub(crate) kyc: BTreeMap<String, kyc::Kyc>,
    pub(crate) checkouts: Vec<checkouts::Checkout>,
    pub(crate) quotes: Vec<quotes::Quote>,
    pub(crate) orders: Vec<orders::Order>,
    pub(crate) transfers: Vec<transfers::Transfer>,
}

impl CcproState {
    pub(crate) fn new(seed: u64) -> Self {
        CcproState {
            ids: IdSequence::new(seed, IdStream::CcproId),
            secrets: IdSequence::new(seed, IdStream::CcproSecret),
            settings: CcproSettings::default(),
            market: Market::default(),
            platform: platform::Platform::default(),
            users: Vec::new(),
            tokens: Vec::new(),
            balances: BTreeMap::new(),
            notifications: Vec::new(),
            security_events: Vec::new(),
            calls: Vec::new(),
            banks: Vec::new(),
            cards: Vec::new(),
            wallets: Vec::new(),
            kyc: BTreeMap::new(),
            checkouts: Vec::new(),
            quotes: Vec::new(),
            orders: Vec::new(),
            transfers: Vec::new(),
        }
    }

    /// Applies what the clock made due: quotes and transfers expiring, payments and reviews
    /// approved.
    pub(crate) fn tick(&mut self, now: u64) {
        quotes::tick(self, now);
        orders::tick(self, now);
        transfers::tick(self, now);
        kyc::tick(self, now);
        checkouts::tick(self, now);
    }

    /// A fresh UUID.
    pub(crate) fn uuid(&mut self) -> String {
        self.ids.next_uuid()
    }

    /// A fresh 8-character public id (upper-case hex).
    pub(crate) fn public_id(&mut self) -> String {
        let mut id: String = self.secrets.next_uuid().replace('-', "");
        id.truncate(8);
        id.to_ascii_uppercase()
    }

    /// A fresh secret of `len` alphanumeric characters (tokens).
    pub(crate) fn secret(&mut self, len: usize) -> String {
        let mut out = String::with_capacity(len + 32);
        while out.len() < len {
            // Mixed case from the hex digits' positions, so tokens look like CCPro's.
            for (i, c) in self
                .secrets
                .next_uuid()
                .replace('-', "")
                .chars()
                .enumerate()
            {
                out.push(if i % 3 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
            }
        }
        out.truncate(len);
        out
    }

    /// A fresh 6-digit code (e-mail and SMS verification).
    pub(crate) fn code(&mut self) -> String {
        format!("{:06}", self.secrets.next_serial() % 1_000_000)
    }

    /// The user of `id`.
    pub(crate) fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user of `id`, to change.
    pub(crate) fn user_mut(&mut self, id: &str) -> Option<&mut User> {
        self.users.iter_mut().find(|u| u.id == id)
    }

    /// The user of `email` (case-insensitive).
    pub(crate) fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| u.email.eq_ignore_ascii_case(email))
    }

    /// Issues an access token to `user`.
    pub(crate) fn issue_token(&mut self, user: &str, now: u64) -> AccessToken {
        let token = AccessToken {
            id: self.secret(64),
            user: user.to_owned(),
            created_at: now,
            created: super::dates::iso_millis(now),
            ttl: self.settings.token_ttl_seconds,
            revoked: false,
            last_used_at: now,
        };
        self.tokens.push(token.clone());
        token
    }

    /// `user`'s balance of `asset` (zero when none).
    pub(crate) fn balance(&self, user: &str, asset: &str) -> Balance {
        self.balances
            .get(&(user.to_owned(), asset.to_owned()))
            .cloned()
            .unwrap_or_default()
    }

    /// `user`'s balance of `asset`, to change.
    pub(crate) fn balance_mut(&mut self, user: &str, asset: &str) -> &mut Balance {
        self.balances
            .entry((user.to_owned(), asset.to_owned()))
            .or_default()
    }

    /// Adds a temporary notification for `user`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn notify(
        &mut self,
        user: &str,
        code: &str,
        category: &str,
        title: &str,
        message: &str,
        about: Option<(&str, &str)>,
        now: u64,
    ) {
        let id = self.uuid();
        self.notifications.push(Notification {
            id,
            user: user.to_owned(),
            title: title.to_owned(),
            message: message.to_owned(),
            category: category.to_owned(),
            code: code.to_owned(),
            meta_id: about.map(|(id, _)| id.to_owned()),
            meta_public_id: about.map(|(_, public)| public.to_owned()),
            created_at: now,
            read_at: None,
        });
    }

    /// Records a notification the platform's IEN endpoint (its `ien.url`, platform-update
    /// changes it) would have received (platform-calls): `request` is what was sent; the
    /// sandbox answers it 200 `{"status":"ok"}`.
    pub(crate) fn record_call(&mut self, request: Value, now: u64) {
        self.calls.push(PlatformCall {
            endpoint: self.platform.ien_url.clone(),
            verb: "POST".to_owned(),
            request,
            status: 200,
            response: serde_json::json!({ "status": "ok" }),
            created_at: now,
        });
    }

    /// Records a security event for `user`.
    pub(crate) fn security_event(&mut self, user: &str, code: &str, name: &str, now: u64) {
        self.security_events.push(SecurityEvent {
            user: user.to_owned(),
            code: code.to_owned(),
            name: name.to_owned(),
            by: "user".to_owned(),
            ip: "127.0.0.1".to_owned(),
            created_at: now,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets() {
        let mut state = CcproState::new(7);
        let token = state.secret(64);
        assert_eq!(token.len(), 64);
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(token, state.secret(64));
        assert_eq!(state.code().len(), 6);
        assert_eq!(state.public_id().len(), 8);
    }
}
