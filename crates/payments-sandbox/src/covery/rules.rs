//! The decision rules (the sandbox's own choice: Covery does not document its scoring).

use super::*;

/// The sandbox's USD price of one unit of `currency` (case-insensitive), if it converts it.
pub fn usd_rate(currency: &str) -> Option<Decimal> {
    USD_RATES
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(currency))
        .and_then(|(_, rate)| rate.parse().ok())
}

/// What the decision rules look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    /// The event's amount in USD, when it has one the sandbox can convert.
    pub amount_usd: Option<Decimal>,
    /// `true` when an email of the event is at a disposable domain.
    pub disposable_email: bool,
    /// `true` when `billing_country` and `country` are both present and differ.
    pub country_mismatch: bool,
    /// Failed logins of the event's `sequence_id` within the window, this event included.
    pub failed_logins: usize,
}

/// A scored decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The score, 0 to [`MAX_SCORE`].
    pub score: u32,
    /// The reasons of the rules that matched, in rule order.
    pub reasons: Vec<&'static str>,
}

impl Scored {
    /// At or above [`REJECT_SCORE`].
    pub fn reject(&self) -> bool {
        self.score >= REJECT_SCORE
    }

    /// At or above [`MANUAL_SCORE`], below [`REJECT_SCORE`].
    pub fn manual(&self) -> bool {
        !self.reject() && self.score >= MANUAL_SCORE
    }

    /// Below [`MANUAL_SCORE`].
    pub fn accept(&self) -> bool {
        self.score < MANUAL_SCORE
    }

    /// The `reason` text: the reasons joined with `", "` (empty when none matched).
    pub fn reason(&self) -> String {
        self.reasons.join(", ")
    }

    /// The `action` text: `Approve`, `Additional verification` or `Decline`.
    pub fn action(&self) -> &'static str {
        if self.reject() {
            "Decline"
        } else if self.manual() {
            "Additional verification"
        } else {
            "Approve"
        }
    }
}

/// The sandbox's decision rules; the score is the sum of the points of the rules that match,
/// capped at [`MAX_SCORE`]:
///
/// | rule | points | reason |
/// |---|---|---|
/// | amount ≥ [`REJECT_AMOUNT_USD`] USD | [`LARGE_AMOUNT_POINTS`] | `Large amount` |
/// | else amount ≥ [`MANUAL_AMOUNT_USD`] USD | [`ELEVATED_AMOUNT_POINTS`] | `Elevated amount` |
/// | a disposable email domain | [`DISPOSABLE_EMAIL_POINTS`] | `Disposable email domain` |
/// | `billing_country` ≠ `country` | [`COUNTRY_MISMATCH_POINTS`] | `Billing country mismatch` |
/// | ≥ [`FAILED_LOGIN_BURST`] failed logins | [`FAILED_LOGINS_POINTS`] | `Failed logins burst` |
pub fn score(signals: &Signals) -> Scored {
    let mut score = 0u32;
    let mut reasons = Vec::new();
    let mut add = |points: u32, reason: &'static str| {
        score = score.saturating_add(points);
        reasons.push(reason);
    };
    if let Some(usd) = signals.amount_usd {
        if usd >= Decimal::from(REJECT_AMOUNT_USD) {
            add(LARGE_AMOUNT_POINTS, "Large amount");
        } else if usd >= Decimal::from(MANUAL_AMOUNT_USD) {
            add(ELEVATED_AMOUNT_POINTS, "Elevated amount");
        }
    }
    if signals.disposable_email {
        add(DISPOSABLE_EMAIL_POINTS, "Disposable email domain");
    }
    if signals.country_mismatch {
        add(COUNTRY_MISMATCH_POINTS, "Billing country mismatch");
    }
    if signals.failed_logins >= FAILED_LOGIN_BURST {
        add(FAILED_LOGINS_POINTS, "Failed logins burst");
    }
    Scored {
        score: score.min(MAX_SCORE),
        reasons,
    }
}
