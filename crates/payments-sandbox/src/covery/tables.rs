//! Covery's tables: access levels, scoring points and thresholds, alert states, error types.

use super::*;

/// The `customerId` that `api/ping` reports.
pub const CUSTOMER_ID: u64 = 1;

/// Email domains the sandbox treats as disposable (the "Disposable email domain" rule).
/// Compared case-insensitively with everything after the last `@`.
pub const DISPOSABLE_EMAIL_DOMAINS: &[&str] = &[
    "mailinator.com",
    "10minutemail.com",
    "guerrillamail.com",
    "yopmail.com",
    "trashmail.com",
    "temp-mail.org",
    "sharklasers.com",
];

/// An email address at a disposable domain, for demos.
pub const DEMO_DISPOSABLE_EMAIL: &str = "demo.user@mailinator.com";

/// An event worth at least this many USD scores [`LARGE_AMOUNT_POINTS`] (rejected alone).
pub const REJECT_AMOUNT_USD: u64 = 10_000;

/// An event worth at least this many USD (and less than [`REJECT_AMOUNT_USD`]) scores
/// [`ELEVATED_AMOUNT_POINTS`] (manual review alone).
pub const MANUAL_AMOUNT_USD: u64 = 1_000;

/// Points for an amount of at least [`REJECT_AMOUNT_USD`].
pub const LARGE_AMOUNT_POINTS: u32 = 80;
/// Points for an amount of at least [`MANUAL_AMOUNT_USD`].
pub const ELEVATED_AMOUNT_POINTS: u32 = 40;
/// Points for an email at one of the [`DISPOSABLE_EMAIL_DOMAINS`].
pub const DISPOSABLE_EMAIL_POINTS: u32 = 30;
/// Points for a `billing_country` other than `country`.
pub const COUNTRY_MISMATCH_POINTS: u32 = 20;
/// Points for a burst of failed logins in the event's `sequence_id`.
pub const FAILED_LOGINS_POINTS: u32 = 40;

/// A score at or above this is `reject`.
pub const REJECT_SCORE: u32 = 80;
/// A score at or above this (and below [`REJECT_SCORE`]) is `manual`; below, `accept`.
pub const MANUAL_SCORE: u32 = 40;
/// Scores are capped at this.
pub const MAX_SCORE: u32 = 100;

/// This many failed logins (`login_failed: true`) of one `sequence_id`, within
/// [`FAILED_LOGIN_WINDOW_SECS`], make a burst.
pub const FAILED_LOGIN_BURST: usize = 3;
/// The window of the failed-login rule, in seconds of the configured clock.
pub const FAILED_LOGIN_WINDOW_SECS: u64 = 600;

/// At most this many events of one `sequence_id` are accepted within
/// [`SEQUENCE_WINDOW_SECS`]; the next is 429.
pub const MAX_EVENTS_PER_SEQUENCE: usize = 20;
/// The window of the per-`sequence_id` rate limit, in seconds of the configured clock.
pub const SEQUENCE_WINDOW_SECS: u64 = 60;

/// The longest `sequence_id` accepted, in characters (`string(40)` in Covery's tables).
pub const MAX_SEQUENCE_ID_LEN: usize = 40;

/// The fixed USD price of one unit of each currency the sandbox converts (upper case; codes
/// are matched case-insensitively). Events in other currencies are accepted, but the amount
/// rules only see them through their `*_amount_converted` field.
pub const USD_RATES: &[(&str, &str)] = &[
    ("USD", "1"),
    ("EUR", "1.1"),
    ("GBP", "1.25"),
    ("CHF", "1.1"),
    ("CAD", "0.75"),
    ("AUD", "0.65"),
    ("PLN", "0.25"),
    ("UAH", "0.025"),
    ("JPY", "0.0067"),
];

/// Fraud alert `type` values (the empty string included).
pub const ALERT_TYPES: &[&str] = &[
    "",
    "issuer_alert",
    "fraudreporter_alert",
    "customerdispute_alert",
];

/// The states of confirmed-fraud alerts (types `issuer_alert`, `fraudreporter_alert` and
/// the empty type).
pub const CONFIRMED_FRAUD_STATES: &[&str] = &[
    "none",
    "stopped",
    "partially_stopped",
    "previously_cancelled",
    "missed",
    "notfound",
    "account_suspended",
    "in_progress",
    "shipper_contacted",
    "other",
];

/// The states of customer-dispute alerts (type `customerdispute_alert`).
pub const CUSTOMER_DISPUTE_STATES: &[&str] = &[
    "none",
    "resolved",
    "previously_refunded",
    "unresolved_dispute",
    "notfound",
    "other",
];

/// States that feedback may still change: `none` and, for confirmed fraud, `in_progress` and
/// `shipper_contacted`. Every other state is final (feedback on it is 409).
pub const OPEN_ALERT_STATES: &[&str] = &["none", "in_progress", "shipper_contacted"];

/// The `refunded` values of alert feedback.
pub const REFUNDED_VALUES: &[&str] = &["none", "refunded", "not_refunded", "not_settled"];

/// The default and largest `limit` of `api/manage/fraud/latest`.
pub const MAX_LATEST_LIMIT: u64 = 100;

/// `X-Maxwell-Error-Type` of an unknown route (as documented).
pub const ERROR_NO_ROUTE: &str = "Maxwell\\Exception\\NoRouteException";
/// `X-Maxwell-Error-Type` of a 401.
pub const ERROR_AUTH: &str = "Maxwell\\Exception\\AuthException";
/// `X-Maxwell-Error-Type` of a 403.
pub const ERROR_ACCESS: &str = "Maxwell\\Exception\\AccessDeniedException";
/// `X-Maxwell-Error-Type` of a 406.
pub const ERROR_VALIDATION: &str = "Maxwell\\Exception\\ValidationException";
/// `X-Maxwell-Error-Type` of a 409.
pub const ERROR_DUPLICATE: &str = "Maxwell\\Exception\\DuplicateEntryException";
/// `X-Maxwell-Error-Type` of a 410.
pub const ERROR_NOT_FOUND: &str = "Maxwell\\Exception\\EntryNotFoundException";
/// `X-Maxwell-Error-Type` of a 429.
pub const ERROR_TOO_MANY: &str = "Maxwell\\Exception\\TooManyRequestsException";
/// The `X-Maxwell-Error-Type` of a `status` fault whose status Covery gives no class for
/// (500, 503, …): the sandbox's own name.
pub const ERROR_SANDBOX_FAULT: &str = "Maxwell\\Exception\\SandboxFaultException";

pub(crate) const X_AUTH_TOKEN: &str = "x-auth-token";
pub(crate) const X_AUTH_NONCE: &str = "x-auth-nonce";
pub(crate) const X_AUTH_SIGNATURE: &str = "x-auth-signature";
pub(crate) const X_MAXWELL_STATUS: &str = "x-maxwell-status";
pub(crate) const X_MAXWELL_ERROR_TYPE: &str = "x-maxwell-error-type";
pub(crate) const X_MAXWELL_ERROR_MESSAGE: &str = "x-maxwell-error-message";
pub(crate) const X_MAXWELL_ERROR_CONTEXT: &str = "x-maxwell-error-context";

/// Covery's token access levels.
///
/// | level | events | decisions | administration |
/// |---|---|---|---|
/// | `event` | yes | no | no |
/// | `decision` | yes | yes | no |
/// | `utility` | no | no | read only |
/// | `management` | no | no | yes |
///
/// The sandbox's `covery_token` holds all four levels; `covery_event_token` holds only
/// `event`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessLevel {
    /// May send events and postbacks.
    Event,
    /// May send events and ask for decisions; may read and confirm fraud alerts.
    Decision,
    /// Read-only administration.
    Utility,
    /// Administration: may read fraud alerts and give feedback on them.
    Management,
}

/// The levels a token holds, as `api/ping` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Access {
    /// The `event` level.
    pub event: bool,
    /// The `decision` level.
    pub decision: bool,
    /// The `management` level.
    pub management: bool,
    /// The `utility` level.
    pub utility: bool,
}

impl Access {
    /// All four levels (the sandbox's `covery_token`).
    pub const FULL: Access = Access {
        event: true,
        decision: true,
        management: true,
        utility: true,
    };

    /// Only the `event` level (the sandbox's `covery_event_token`).
    pub const EVENT: Access = Access {
        event: true,
        decision: false,
        management: false,
        utility: false,
    };

    /// `true` when the token holds `level`.
    pub fn has(self, level: AccessLevel) -> bool {
        match level {
            AccessLevel::Event => self.event,
            AccessLevel::Decision => self.decision,
            AccessLevel::Utility => self.utility,
            AccessLevel::Management => self.management,
        }
    }
}

/// `true` when `email`'s domain is one of [`DISPOSABLE_EMAIL_DOMAINS`].
pub fn is_disposable_email(email: &str) -> bool {
    email.rsplit_once('@').is_some_and(|(_, domain)| {
        DISPOSABLE_EMAIL_DOMAINS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(domain.trim()))
    })
}
