//! CCPro KYC (#20–#29): a user's verification steps, reviewed on the sandbox clock.
//!
//! The steps, in the order the top-level `required` names them: `phone`, `personal`,
//! `address`, `documents`, `video`, `enhancedDueDiligence`. A step is *required* while the
//! next level of [`LEVELS`] (the platform's levels, #38) needs it and it is not submitted yet
//! (`NOT COMPLETED`, or never submitted). Calling a step that is not required answers the
//! docs' 423 "... is not required at this point for current user."; personal data (#22),
//! which documents no 423, is taken at any time.
//!
//! A submitted step is `PENDING` until it is reviewed: approved by itself
//! [`CcproSettings::review_delay_seconds`](super::CcproSettings) after submission (a video
//! call: after its scheduled date), or at once, or rejected with a reason, through
//! `POST /_sandbox/ccpro/users/{id}/kyc` ([`control_review`]). Approved steps are `ACCEPTED`
//! (the video call `APPROVED`); a rejected one is `NOT COMPLETED` again with its
//! `rejectReason`, and required again. Every review adds a temporary notification and sets
//! the step's `emailSent`. The level rises (and never falls) as the levels' items are
//! approved.

use axum::http::StatusCode;
use rust_decimal::Decimal;

use super::*;
use crate::toolkit::countries::is_alpha2;
use crate::toolkit::is_date;

/// A step's status before submission (personal data, address, documents) or after a
/// rejection.
const NOT_COMPLETED: &str = "NOT COMPLETED";
/// Submitted, waiting for its review.
const PENDING: &str = "PENDING";
/// Approved (every step but the video call).
const ACCEPTED: &str = "ACCEPTED";
/// An approved video call.
const APPROVED: &str = "APPROVED";

/// Where the sandbox's hand-off pages would be (`links`, uploaded files' `url`).
const CHECKOUT_BASE: &str = "https://checkout.sandbox.test";
const FILES_BASE: &str = "https://files.sandbox.test/kyc";

/// One of the platform's KYC levels (#38 `levels[]`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Level {
    /// `level`: 1 to 5.
    pub(crate) level: u32,
    /// `name`.
    pub(crate) name: &'static str,
    /// `required`: the items a user must have for this level.
    pub(crate) required: &'static [&'static str],
    /// `max.buy` and `max.sell`: what a user of this level may buy and sell.
    pub(crate) max: u32,
}

/// The platform's levels, as the docs' platform-show example (#38) gives them.
pub(crate) static LEVELS: [Level; 5] = [
    Level {
        level: 1,
        name: "crevete",
        required: &["email", "phone"],
        max: 2500,
    },
    Level {
        level: 2,
        name: "peste tigru",
        required: &[
            "email",
            "phone",
            "governmentIdFront",
            "governmentIdBack",
            "passport",
            "utilityBill",
        ],
        max: 20_000,
    },
    Level {
        level: 3,
        name: "delfin",
        required: &[
            "email",
            "phone",
            "governmentIdFront",
            "governmentIdBack",
            "passport",
            "utilityBill",
            "selfieWithId",
            "video",
        ],
        max: 30_000,
    },
    Level {
        level: 4,
        name: "rechin",
        required: &[
            "email",
            "phone",
            "governmentIdFront",
            "governmentIdBack",
            "passport",
            "utilityBill",
            "selfieWithId",
            "video",
            "enhancedDueDiligence",
        ],
        max: 25_000,
    },
    Level {
        level: 5,
        name: "balena rechin",
        required: &[
            "email",
            "phone",
            "governmentIdFront",
            "governmentIdBack",
            "passport",
            "utilityBill",
            "selfieWithId",
            "video",
            "enhancedDueDiligence",
            "extendedProofOfFunds",
        ],
        max: 100_000,
    },
];

/// The document slots, in the docs' order (kyc-document's `type`).
pub(crate) const DOCUMENTS: [&str; 5] = [
    "governmentIdFront",
    "governmentIdBack",
    "passport",
    "utilityBill",
    "selfieWithId",
];

/// The image types of the KYC files (`image|mimes:jpg,jpeg,bmp,png`).
const IMAGES: &[&str] = &["jpg", "jpeg", "bmp", "png"];
/// The types of kyc-address's `utilityBill` and kyc-document's `file`.
const IMAGES_OR_PDF: &[&str] = &["jpg", "jpeg", "bmp", "png", "pdf"];

const PURPOSES: [&str; 5] = ["remittances", "payments", "investments", "savings", "other"];
const NATURE_VALUES: [&str; 5] = [
    "1 - 1000",
    "1000 - 5000",
    "5000 - 10000",
    "10000 - 50000",
    "+50000",
];
const NATURE_FREQUENCIES: [&str; 5] = ["1 - 5", "6 - 10", "11 - 20", "21 - 50", "+50"];
const FUNDS_SOURCES: [&str; 5] = [
    "credit_debit_card",
    "e_wallet",
    "bank_account",
    "mining_wallet",
    "other",
];
const FUNDS_ORIGINS: [&str; 6] = [
    "payroll_funds",
    "dividends_of_business",
    "personal_savings",
    "proceeds_of_investments",
    "proceeds_of_mining",
    "other",
];

/// The documented rejection codes and their messages (#20 `rejectReason`).
const REJECT_CODES: [(&str, &str); 4] = [
    (
        "incorrect_data",
        "Incorrect data (it does not correspond to the document data).",
    ),
    ("incomplete_data", "Incomplete data."),
    (
        "incorrect_or_incomplete_data",
        "Incorrect or incomplete data.",
    ),
    (
        "color_photo",
        "We only accept color photos. The black and white types will not be accepted.",
    ),
];

/// One rejected field (personal data, address) or document: `rejectReason`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rejection {
    /// The field (`firstName`, `street`); empty for a document.
    pub(crate) field: String,
    pub(crate) code: String,
    pub(crate) message: String,
}

/// The review state of one step or document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Review {
    /// `NOT COMPLETED`, `PENDING`, `ACCEPTED` or `APPROVED`; `None` before the first
    /// submission of the video call or the EDD (shown as null).
    pub(crate) status: Option<&'static str>,
    /// When a pending review approves by itself.
    pub(crate) due_at: u64,
    /// The reasons of the last rejection (kept while a resubmission waits for its review).
    pub(crate) rejected: Vec<Rejection>,
    /// `emailSent`: the user was e-mailed a review's outcome.
    pub(crate) email_sent: bool,
}

impl Review {
    fn not_completed() -> Self {
        Review {
            status: Some(NOT_COMPLETED),
            ..Review::default()
        }
    }

    /// Not submitted, or rejected: the step may be (re)submitted.
    fn open(&self) -> bool {
        matches!(self.status, None | Some(NOT_COMPLETED))
    }

    fn pending(&self) -> bool {
        self.status == Some(PENDING)
    }

    fn done(&self) -> bool {
        matches!(self.status, Some(ACCEPTED | APPROVED))
    }

    /// Submits the step for review; the last rejection's reasons stay shown until the
    /// review decides.
    fn submit(&mut self, due_at: u64) {
        self.status = Some(PENDING);
        self.due_at = due_at;
    }
}

/// A document slot: its review and the uploaded file's `url`.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub(crate) review: Review,
    pub(crate) url: Option<String>,
}

/// The EDD answers (#26, or #21's `edd.*`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Edd {
    pub(crate) purpose: Option<String>,
    pub(crate) purpose_other: Option<String>,
    /// 1 to 5 (an index of the nature-value labels).
    pub(crate) nature_value: Option<usize>,
    /// 1 to 5 (an index of the nature-frequency labels).
    pub(crate) nature_frequency: Option<usize>,
    pub(crate) funds_source: Option<String>,
    pub(crate) funds_source_other: Option<String>,
    pub(crate) funds_source_file: Option<String>,
    pub(crate) funds_origin: Option<String>,
    pub(crate) funds_origin_other: Option<String>,
    pub(crate) funds_origin_file: Option<String>,
    pub(crate) created_at: u64,
}

/// A user's KYC (created at the user's first KYC call; [`Kyc::new`] is a fresh user's).
#[derive(Debug, Clone, Default)]
pub(crate) struct Kyc {
    /// The level reached, as its digits (`"0"` to `"5"`, like the platform's
    /// `levels[].level`); it only rises.
    pub(crate) level: String,
    /// The top-level `status`: `ACCEPTED` from level 1 on, else `PENDING` while a step waits
    /// for review, else `NOT COMPLETED`.
    pub(crate) status: String,
    /// When kyc-phone-add took the number (`createdAt` of the phone answers).
    pub(crate) phone_added_at: Option<u64>,
    pub(crate) phone_verified: bool,
    /// When the last SMS code was sent (reverify: once per day).
    pub(crate) sms_sent_at: u64,
    pub(crate) personal: Review,
    pub(crate) address: Review,
    /// In [`DOCUMENTS`] order.
    pub(crate) documents: Vec<Document>,
    pub(crate) video: Review,
    /// The video call's `scheduleDate` (`Y-m-d H:i:s`, UTC) and its Unix time.
    pub(crate) schedule_date: Option<String>,
    pub(crate) schedule_at: u64,
    pub(crate) edd: Review,
    pub(crate) answers: Edd,
    /// When each KYC file was uploaded (the daily quota counts the last 24 hours).
    pub(crate) uploads: Vec<u64>,
    /// `amounts`: what the user bought and sold (fiat), added by [`add_amounts`].
    pub(crate) amounts_buy: Decimal,
    pub(crate) amounts_sell: Decimal,
}

impl Kyc {
    /// A user's KYC before any step.
    pub(crate) fn new() -> Self {
        Kyc {
            level: "0".to_owned(),
            status: NOT_COMPLETED.to_owned(),
            personal: Review::not_completed(),
            address: Review::not_completed(),
            documents: DOCUMENTS
                .iter()
                .map(|_| Document {
                    review: Review::not_completed(),
                    url: None,
                })
                .collect(),
            ..Kyc::default()
        }
    }

    fn level_number(&self) -> u32 {
        self.level.parse().unwrap_or(0)
    }

    /// The level after the reached one (`None` at the top).
    fn next(&self) -> Option<&'static Level> {
        LEVELS.get(self.level_number() as usize)
    }

    fn doc(&self, slot: &str) -> Option<&Document> {
        let i = DOCUMENTS.iter().position(|d| *d == slot)?;
        self.documents.get(i)
    }

    fn doc_mut(&mut self, slot: &str) -> Option<&mut Document> {
        let i = DOCUMENTS.iter().position(|d| *d == slot)?;
        self.documents.get_mut(i)
    }

    fn doc_open(&self, slot: &str) -> bool {
        self.doc(slot).is_some_and(|d| d.review.open())
    }

    fn doc_done(&self, slot: &str) -> bool {
        self.doc(slot).is_some_and(|d| d.review.done())
    }

    /// The document slots the next level still needs that may be uploaded now. The
    /// government ID pair and the passport are alternatives (kyc-create's rules).
    fn documents_needed(&self) -> Vec<&'static str> {
        let Some(next) = self.next() else {
            return Vec::new();
        };
        let needs = |item: &str| next.required.contains(&item);
        let mut slots = Vec::new();
        if needs("governmentIdFront") || needs("governmentIdBack") || needs("passport") {
            let pair = !self.doc_open("governmentIdFront") && !self.doc_open("governmentIdBack");
            let passport = !self.doc_open("passport");
            if !pair && !passport {
                slots.extend(
                    ["governmentIdFront", "governmentIdBack", "passport"]
                        .into_iter()
                        .filter(|s| self.doc_open(s)),
                );
            }
        }
        for slot in ["utilityBill", "selfieWithId"] {
            if needs(slot) && self.doc_open(slot) {
                slots.push(slot);
            }
        }
        slots
    }

    /// Whether `step` is required now (the `required` booleans).
    fn requires(&self, step: Step) -> bool {
        let Some(next) = self.next() else {
            return false;
        };
        match step {
            Step::Phone => next.required.contains(&"phone") && !self.phone_verified,
            Step::Personal => next.level >= 2 && self.personal.open(),
            Step::Address => next.level >= 2 && self.address.open(),
            Step::Documents => !self.documents_needed().is_empty(),
            Step::Video => next.required.contains(&"video") && self.video.open(),
            Step::Edd => next.required.contains(&"enhancedDueDiligence") && self.edd.open(),
        }
    }

    /// The top-level `required`: the first required step, `""` when none is.
    fn required(&self) -> &'static str {
        STEPS
            .iter()
            .find(|s| self.requires(**s))
            .map_or("", |s| s.key())
    }

    /// Whether every item of `level` is approved (`email` is: only active users call).
    fn satisfies(&self, level: &Level) -> bool {
        let identity = (self.doc_done("governmentIdFront") && self.doc_done("governmentIdBack"))
            || self.doc_done("passport");
        let items = level.required.iter().all(|item| match *item {
            "email" => true,
            "phone" => self.phone_verified,
            "governmentIdFront" | "governmentIdBack" | "passport" => identity,
            "utilityBill" | "selfieWithId" => self.doc_done(item),
            "video" => self.video.done(),
            "enhancedDueDiligence" => self.edd.done(),
            // No documented operation uploads one.
            _ => false,
        });
        // The sandbox asks personal data and address along with level 2's documents.
        items && (level.level < 2 || (self.personal.done() && self.address.done()))
    }

    /// Raises the level as far as the approved items reach; updates `status`.
    fn refresh(&mut self) {
        while let Some(next) = self.next() {
            if !self.satisfies(next) {
                break;
            }
            self.level = next.level.to_string();
        }
        let pending = self.personal.pending()
            || self.address.pending()
            || self.documents.iter().any(|d| d.review.pending())
            || self.video.pending()
            || self.edd.pending();
        self.status = if self.level_number() >= 1 {
            ACCEPTED
        } else if pending {
            PENDING
        } else {
            NOT_COMPLETED
        }
        .to_owned();
    }

    fn uploads_today(&self, now: u64) -> usize {
        self.uploads.iter().filter(|at| **at + 86_400 > now).count()
    }
}

/// A KYC step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Phone,
    Personal,
    Address,
    Documents,
    Video,
    Edd,
}

/// The steps in the order `required` names them.
const STEPS: [Step; 6] = [
    Step::Phone,
    Step::Personal,
    Step::Address,
    Step::Documents,
    Step::Video,
    Step::Edd,
];

impl Step {
    /// The step's key in the KYC object (and in `required`).
    fn key(self) -> &'static str {
        match self {
            Step::Phone => "phone",
            Step::Personal => "personal",
            Step::Address => "address",
            Step::Documents => "documents",
            Step::Video => "video",
            Step::Edd => "enhancedDueDiligence",
        }
    }

    /// The step's name in the control route.
    fn control_name(self) -> &'static str {
        match self {
            Step::Edd => "edd",
            other => other.key(),
        }
    }

    /// How notifications name the step.
    fn title(self) -> &'static str {
        match self {
            Step::Phone => "phone number",
            Step::Personal => "personal data",
            Step::Address => "address",
            Step::Documents => "documents",
            Step::Video => "video call",
            Step::Edd => "enhanced due diligence",
        }
    }

    /// The fields a rejection names by default.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Step::Personal => &["firstName", "lastName", "dateOfBirth"],
            Step::Address => &["country", "city", "zip", "street"],
            _ => &[],
        }
    }
}

/// The 423 of a step called when it is not required.
fn not_required(text: &str, kyc: &Kyc, step: &str) -> ApiError {
    let next = kyc.required();
    let why = if next.is_empty() {
        format!(
            "{step} is not required now: the KYC is at level {} and nothing is required until a pending review is approved",
            kyc.level
        )
    } else {
        format!(
            "{step} is not required now: the KYC is at level {} and its next required step is {next} (GET .../kyc shows required)",
            kyc.level
        )
    };
    ApiError::message(StatusCode::LOCKED, text).because(why)
}

/// The user's KYC, for reading (a fresh one when the user has none yet).
fn read(state: &CcproState, user: &str) -> Kyc {
    state.kyc.get(user).cloned().unwrap_or_else(Kyc::new)
}

/// The user's KYC, to change.
fn record<'a>(state: &'a mut CcproState, user: &str) -> &'a mut Kyc {
    // `Kyc::new`, not the derived `Default`: a fresh user's steps are NOT COMPLETED.
    #[allow(clippy::unwrap_or_default)]
    state.kyc.entry(user.to_owned()).or_insert_with(Kyc::new)
}

/// Adds fiat amounts the user bought and sold (`amounts`): an approved order's.
pub(crate) fn add_amounts(state: &mut CcproState, user: &str, buy: Decimal, sell: Decimal) {
    let kyc = record(state, user);
    kyc.amounts_buy += buy;
    kyc.amounts_sell += sell;
}

/// Whether the user's phone is verified (permanent notification `phone_unverified`).
pub(crate) fn phone_verified(state: &CcproState, user: &str) -> bool {
    state.kyc.get(user).is_some_and(|k| k.phone_verified)
}

mod handlers;
mod json;
mod review;
mod rules;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

pub(crate) use handlers::*;
pub(crate) use json::*;
pub(crate) use review::*;
use rules::*;
