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
use serde_json::{Map, Value, json};

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

// ---------------------------------------------------------------------------------------
// The KYC object.
// ---------------------------------------------------------------------------------------

/// The two shapes of the KYC object (§2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// #20 (and #21, #24–#26): `rejectReason` where rejected, EDD range labels.
    Show,
    /// #71's `kyc`: `emailSent` flags, `tempFiles`, `eddData`, EDD values.
    Profile,
}

/// The `kyc` object of user-profile (#71).
pub(crate) fn profile_json(state: &CcproState, user: &str) -> Value {
    kyc_json(state, user, Form::Profile)
}

/// The KYC object of kyc-show (#20).
pub(crate) fn json(state: &CcproState, user: &str) -> Value {
    kyc_json(state, user, Form::Show)
}

fn text_or_null(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::String(text.to_owned())
    }
}

fn opt(text: Option<&String>) -> Value {
    text.map_or(Value::Null, |t| Value::String(t.clone()))
}

fn status_json(review: &Review) -> Value {
    review
        .status
        .map_or(Value::Null, |s| Value::String(s.to_owned()))
}

/// `rejectReason` keyed by field (personal data, address).
fn field_reasons(review: &Review) -> Value {
    let mut map = Map::new();
    for r in &review.rejected {
        map.insert(
            r.field.clone(),
            json!({ "code": r.code, "message": r.message }),
        );
    }
    Value::Object(map)
}

fn kyc_json(state: &CcproState, user: &str, form: Form) -> Value {
    let kyc = read(state, user);
    let person = state.user(user).cloned().unwrap_or_default();
    let show = form == Form::Show;
    let next = kyc.next();
    let max = next.or(LEVELS.last()).map_or(0, |l| l.max);
    let link = |step: Step, path: &str| {
        if kyc.requires(step) {
            Value::String(format!("{CHECKOUT_BASE}/kyc/{path}/{user}"))
        } else {
            Value::String(String::new())
        }
    };

    let mut personal = json!({
        "required": kyc.requires(Step::Personal),
        "status": status_json(&kyc.personal),
        "firstName": text_or_null(&person.first_name),
        "lastName": text_or_null(&person.last_name),
        "dateOfBirth": date_seconds(&person.date_of_birth).map_or(Value::Null, Value::from),
    });
    let mut address = json!({
        "required": kyc.requires(Step::Address),
        "status": status_json(&kyc.address),
        "country": text_or_null(&person.country),
        "city": text_or_null(&person.city),
        "zip": text_or_null(&person.zip),
        "street": text_or_null(&person.street),
    });
    let mut documents = json!({
        "required": kyc.requires(Step::Documents),
        "extendedProofOfFunds": [],
    });
    for (slot, doc) in DOCUMENTS.iter().zip(&kyc.documents) {
        let mut item = json!({
            "status": status_json(&doc.review),
            "url": opt(doc.url.as_ref()),
        });
        if show && let Some(r) = doc.review.rejected.first() {
            item["rejectReason"] = json!({ "code": r.code, "message": r.message });
        }
        documents[*slot] = item;
    }
    let video = json!({
        "required": kyc.requires(Step::Video),
        "status": status_json(&kyc.video),
        "emailSent": kyc.video.email_sent,
        "videoFile": null,
        "scheduleDate": opt(kyc.schedule_date.as_ref()),
        "scheduleDateTimezone": if kyc.schedule_date.is_some() { json!("UTC") } else { Value::Null },
        "cancelScheduleUrl": null,
        "rescheduleUrl": null,
    });
    let answers = &kyc.answers;
    let submitted = kyc.edd.status.is_some();
    let mut edd = json!({
        "required": kyc.requires(Step::Edd),
        "status": status_json(&kyc.edd),
        "transactionsPurpose": opt(answers.purpose.as_ref()),
        "transactionsPurposeOther": opt(answers.purpose_other.as_ref()),
        "fundsSource": opt(answers.funds_source.as_ref()),
        "fundsSourceOther": opt(answers.funds_source_other.as_ref()),
        "fundsSourceFile": opt(answers.funds_source_file.as_ref()),
        "fundsOrigin": opt(answers.funds_origin.as_ref()),
        "fundsOriginOther": opt(answers.funds_origin_other.as_ref()),
        "fundsOriginFile": opt(answers.funds_origin_file.as_ref()),
        "createdAt": if submitted { Value::from(answers.created_at) } else { Value::Null },
    });
    let label = |labels: &[&str; 5], i: Option<usize>| {
        i.and_then(|i| labels.get(i.wrapping_sub(1)))
            .map_or(Value::Null, |l| Value::String((*l).to_owned()))
    };
    if show {
        edd["transactionsNatureValueField"] = label(&NATURE_VALUES, answers.nature_value);
        edd["transactionsNatureFrequencyField"] =
            label(&NATURE_FREQUENCIES, answers.nature_frequency);
        if !kyc.personal.rejected.is_empty() {
            personal["rejectReason"] = field_reasons(&kyc.personal);
        }
        if !kyc.address.rejected.is_empty() {
            address["rejectReason"] = field_reasons(&kyc.address);
        }
    } else {
        edd["emailSent"] = json!(kyc.edd.email_sent);
        edd["transactionsNatureValue"] = answers.nature_value.map_or(Value::Null, Value::from);
        edd["transactionsNatureFrequency"] =
            answers.nature_frequency.map_or(Value::Null, Value::from);
        edd["eddData"] = json!({
            "transactionsPurpose": PURPOSES,
            "transactionsNatureValue": NATURE_VALUES,
            "transactionsNatureFrequency": NATURE_FREQUENCIES,
            "fundsSource": FUNDS_SOURCES,
            "fundsOrigin": FUNDS_ORIGINS,
        });
        address["emailSent"] = json!(kyc.address.email_sent);
        documents["emailSent"] = json!(kyc.documents.iter().any(|d| d.review.email_sent));
        documents["tempFiles"] = json!([]);
    }
    json!({
        "required": kyc.required(),
        "status": kyc.status,
        "level": kyc.level_number(),
        "amounts": {
            "buy": amount(kyc.amounts_buy),
            "sell": amount(kyc.amounts_sell),
        },
        "amountsNextLevel": {
            "buy": max.to_string(),
            "sell": max.to_string(),
        },
        "links": {
            "address": link(Step::Address, "address"),
            "documents": link(Step::Documents, "documents"),
            "video": link(Step::Video, "video"),
            "enhancedDueDiligence": link(Step::Edd, "edd"),
        },
        "phone": {
            "required": kyc.requires(Step::Phone),
            "number": text_or_null(&person.phone),
            "isVerified": kyc.phone_verified,
        },
        "personal": personal,
        "address": address,
        "documents": documents,
        "video": video,
        "enhancedDueDiligence": edd,
        "createdAt": person.created_at,
    })
}

// ---------------------------------------------------------------------------------------
// Dates.
// ---------------------------------------------------------------------------------------

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A `Y-m-d` date's Unix seconds at midnight UTC (negative before 1970).
fn date_seconds(text: &str) -> Option<i64> {
    if !is_date(text) {
        return None;
    }
    let y = text.get(0..4)?.parse().ok()?;
    let m = text.get(5..7)?.parse().ok()?;
    let d = text.get(8..10)?.parse().ok()?;
    Some(days_from_civil(y, m, d) * 86_400)
}

/// A `Y-m-d H:i:s` time's Unix seconds (UTC).
fn datetime_seconds(text: &str) -> Option<i64> {
    let (date, time) = text.split_once(' ')?;
    let day = date_seconds(date)?;
    let b = time.as_bytes();
    if b.len() != 8 || b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
        return None;
    }
    let part = |r: std::ops::Range<usize>| -> Option<i64> {
        let p = time.get(r)?;
        p.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| p.parse().ok())
            .flatten()
    };
    let (h, mi, s) = (part(0..2)?, part(3..5)?, part(6..8)?);
    (h < 24 && mi < 60 && s < 60).then_some(day + h * 3600 + mi * 60 + s)
}

/// The date 18 years before `now`, `Y-m-d` (29 February becomes the 28th).
fn adult_limit(now: u64) -> String {
    let today = iso_millis(now);
    let year: i64 = today.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    let rest = today.get(4..10).unwrap_or("-01-01");
    let mut limit = format!("{:04}{rest}", year - 18);
    if !is_date(&limit) {
        limit = format!("{:04}-02-28", year - 18);
    }
    limit
}

// ---------------------------------------------------------------------------------------
// Validation helpers (the docs' rules, Laravel's messages).
// ---------------------------------------------------------------------------------------

fn max_191(check: &mut Check<'_>, name: &str, value: Option<&str>) {
    if value.is_some_and(|v| v.chars().count() > 191) {
        check.fail(
            name,
            &format!("The {name} may not be greater than 191 characters."),
        );
    }
}

/// `countryISOCode`: an assigned ISO 3166 alpha-2 code.
fn country(check: &mut Check<'_>, name: &str) -> Option<String> {
    let value = check.required(name)?;
    if is_alpha2(value) {
        Some(value.to_owned())
    } else {
        check.fail(
            name,
            &format!("The {name} must be a valid ISO country code."),
        );
        None
    }
}

/// `alpha_num|between:4,10`.
fn zip(check: &mut Check<'_>, name: &str) -> Option<String> {
    let value = check.required(name)?;
    let mut ok = true;
    if !value.chars().all(char::is_alphanumeric) {
        check.fail(
            name,
            &format!("The {name} may only contain letters and numbers."),
        );
        ok = false;
    }
    if !(4..=10).contains(&value.chars().count()) {
        check.fail(
            name,
            &format!("The {name} must be between 4 and 10 characters."),
        );
        ok = false;
    }
    ok.then(|| value.to_owned())
}

/// The address fields of #21 and #23 (`alpha_dash` on the city only for #23).
fn address_fields(
    check: &mut Check<'_>,
    prefix: &str,
    city_alpha_dash: bool,
) -> Option<[String; 4]> {
    let name = |n: &str| format!("{prefix}{n}");
    let country = country(check, &name("country"));
    let city = check.required(&name("city"));
    max_191(check, &name("city"), city);
    if city_alpha_dash
        && city.is_some_and(|c| {
            !c.chars()
                .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
        })
    {
        check.fail(
            &name("city"),
            &format!(
                "The {} may only contain letters, numbers, dashes and underscores.",
                name("city")
            ),
        );
    }
    let zip = zip(check, &name("zip"));
    let street = check.required(&name("street"));
    max_191(check, &name("street"), street);
    Some([country?, city?.to_owned(), zip?, street?.to_owned()])
}

/// An option of `allowed`, by name or by its 1-based position (the docs' examples send
/// `"fundsSource":"1"`).
fn option(check: &mut Check<'_>, name: &str, allowed: &[&str], required: bool) -> Option<String> {
    let value = if required {
        check.required(name)?
    } else {
        check.optional(name)?
    };
    if allowed.contains(&value) {
        return Some(value.to_owned());
    }
    let by_position = value
        .parse::<usize>()
        .ok()
        .and_then(|i| allowed.get(i.wrapping_sub(1)));
    match by_position {
        Some(v) => Some((*v).to_owned()),
        None => {
            check.fail(name, &format!("The selected {name} is invalid."));
            None
        }
    }
}

/// `in:1,2,3,4,5`.
fn one_to_five(check: &mut Check<'_>, name: &str, required: bool) -> Option<usize> {
    let value = if required {
        check.required(name)?
    } else {
        check.optional(name)?
    };
    match value.parse::<usize>() {
        Ok(n) if (1..=5).contains(&n) => Some(n),
        _ => {
            check.fail(name, &format!("The selected {name} is invalid."));
            None
        }
    }
}

/// `required_if:<of>,other|max:191`.
fn other_text(check: &mut Check<'_>, name: &str, of: &str, chosen: Option<&str>) -> Option<String> {
    let value = check.optional(name);
    if chosen == Some("other") && value.is_none() {
        check.fail(
            name,
            &format!("The {name} field is required when {of} is other."),
        );
    }
    max_191(check, name, value);
    value.map(str::to_owned)
}

/// A stored file's URL.
fn file_url(state: &mut CcproState, file: &Upload) -> String {
    let ext = match file.sniff() {
        Some("jpeg") => "jpg",
        Some(kind) => kind,
        None => "bin",
    };
    format!("{FILES_BASE}/{}.{ext}", state.uuid())
}

/// The EDD answers of #26 (`prefix` "") or of #21 (`prefix` "edd.", every field optional).
struct EddInput<'a> {
    purpose: Option<String>,
    purpose_other: Option<String>,
    nature_value: Option<usize>,
    nature_frequency: Option<usize>,
    funds_source: Option<String>,
    funds_source_other: Option<String>,
    funds_source_file: Option<&'a Upload>,
    funds_origin: Option<String>,
    funds_origin_other: Option<String>,
    funds_origin_file: Option<&'a Upload>,
}

fn edd_fields<'a>(check: &mut Check<'a>, prefix: &str, required: bool) -> EddInput<'a> {
    let name = |n: &str| format!("{prefix}{n}");
    let purpose = option(check, &name("transactionsPurpose"), &PURPOSES, required);
    let purpose_other = other_text(
        check,
        &name("transactionsPurposeOther"),
        "transactionsPurpose",
        purpose.as_deref(),
    );
    let nature_value = one_to_five(check, &name("transactionsNatureValue"), required);
    let nature_frequency = one_to_five(check, &name("transactionsNatureFrequency"), required);
    let funds_source = option(check, &name("fundsSource"), &FUNDS_SOURCES, required);
    let funds_source_other = other_text(
        check,
        &name("fundsSourceOther"),
        "fundsSource",
        funds_source.as_deref(),
    );
    let funds_source_file = check.file(&name("fundsSourceFile"), required, IMAGES);
    let funds_origin = option(check, &name("fundsOrigin"), &FUNDS_ORIGINS, required);
    let funds_origin_other = other_text(
        check,
        &name("fundsOriginOther"),
        "fundsOrigin",
        funds_origin.as_deref(),
    );
    let funds_origin_file = check.file(&name("fundsOriginFile"), required, IMAGES);
    EddInput {
        purpose,
        purpose_other,
        nature_value,
        nature_frequency,
        funds_source,
        funds_source_other,
        funds_source_file,
        funds_origin,
        funds_origin_other,
        funds_origin_file,
    }
}

/// Stores EDD answers and submits the EDD for review.
fn store_edd(state: &mut CcproState, user: &str, edd: &EddInput<'_>, now: u64) {
    let source_file = edd.funds_source_file.map(|f| file_url(state, f));
    let origin_file = edd.funds_origin_file.map(|f| file_url(state, f));
    let files = usize::from(source_file.is_some()) + usize::from(origin_file.is_some());
    let due = now + state.settings.review_delay_seconds;
    let kyc = record(state, user);
    kyc.answers = Edd {
        purpose: edd.purpose.clone(),
        purpose_other: edd.purpose_other.clone(),
        nature_value: edd.nature_value,
        nature_frequency: edd.nature_frequency,
        funds_source: edd.funds_source.clone(),
        funds_source_other: edd.funds_source_other.clone(),
        funds_source_file: source_file,
        funds_origin: edd.funds_origin.clone(),
        funds_origin_other: edd.funds_origin_other.clone(),
        funds_origin_file: origin_file,
        created_at: now,
    };
    kyc.uploads.extend(std::iter::repeat_n(now, files));
    kyc.edd.submit(due);
}

/// Keeps the address on the user and submits it for review.
fn store_address(state: &mut CcproState, user: &str, fields: [String; 4], now: u64) {
    let [country, city, zip, street] = fields;
    if let Some(u) = state.user_mut(user) {
        u.country = country;
        u.city = city;
        u.zip = zip;
        u.street = street;
    }
    let due = now + state.settings.review_delay_seconds;
    record(state, user).address.submit(due);
}

/// Submits a document slot with its file.
fn store_document(state: &mut CcproState, user: &str, slot: &str, file: &Upload, now: u64) {
    let url = file_url(state, file);
    let due = now + state.settings.review_delay_seconds;
    let kyc = record(state, user);
    kyc.uploads.push(now);
    if let Some(doc) = kyc.doc_mut(slot) {
        doc.review.submit(due);
        doc.url = Some(url);
    }
}

/// Ends a submission: reviews due now (a zero delay approves at once), the level, status.
fn settle(state: &mut CcproState, user: &str, now: u64) {
    review_due(state, now);
    record(state, user).refresh();
}

// ---------------------------------------------------------------------------------------
// The operations.
// ---------------------------------------------------------------------------------------

/// kyc-show (#20).
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    ok(json(ctx.state, ctx.user_id()))
}

/// kyc-create (#21): the address, the documents and, when any `edd.*` is given, the EDD, in
/// one call; taken while the address step is required.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let address = address_fields(&mut check, "", false);
    let front = "documents.governmentIdFront";
    let back = "documents.governmentIdBack";
    let passport = "documents.passport";
    let has = |n: &str| ctx.input.has(n);
    for (name, without) in [(front, passport), (back, passport)] {
        if !has(name) && !has(without) {
            check.fail(
                name,
                &format!("The {name} field is required when {without} is not present."),
            );
        }
    }
    if !has(passport) && !has(front) && !has(back) {
        check.fail(
            passport,
            &format!("The {passport} field is required when none of {front} / {back} are present."),
        );
    }
    let mut files = Vec::new();
    for slot in DOCUMENTS {
        let name = format!("documents.{slot}");
        if let Some(file) = check.file(&name, false, IMAGES) {
            files.push((slot, file.clone()));
        }
    }
    let with_edd = ctx.input.names().any(|n| n.starts_with("edd."));
    let edd = edd_fields(&mut check, "edd.", false);
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Address) {
        return Err(not_required(
            "The KYC is not required at this point for current user.",
            &kyc,
            "address (kyc-create submits it)",
        ));
    }
    store_address(ctx.state, &user, address.unwrap_or_default(), ctx.now);
    for (slot, file) in &files {
        if kyc.doc_open(slot) {
            store_document(ctx.state, &user, slot, file, ctx.now);
        }
    }
    if with_edd && kyc.edd.open() {
        store_edd(ctx.state, &user, &edd, ctx.now);
    }
    settle(ctx.state, &user, ctx.now);
    created(json(ctx.state, &user))
}

/// kyc-personal-data (#22): the user's names and date of birth (and, as the User model
/// update it is, an `email`); taken at any time, (re)submitted for review.
pub(crate) fn personal_data(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let mut names = Vec::new();
    for name in ["firstName", "lastName"] {
        let value = check.required(name);
        if value.is_some_and(|v| !v.chars().all(|c| c.is_alphabetic() || c == ' ')) {
            check.fail(
                name,
                &format!("The {name} may only contain letters and spaces."),
            );
        }
        max_191(&mut check, name, value);
        names.push(value.unwrap_or_default().to_owned());
    }
    let limit = adult_limit(ctx.now);
    let birth = check.required("dateOfBirth");
    if let Some(date) = birth {
        if !is_date(date) {
            check.fail(
                "dateOfBirth",
                "The dateOfBirth does not match the format Y-m-d.",
            );
        } else if date > limit.as_str() {
            check.fail(
                "dateOfBirth",
                &format!("The dateOfBirth must be a date before or equal to {limit}."),
            );
        }
    }
    let email = check.email("email", false);
    if let Some(email) = email
        && ctx
            .state
            .user_by_email(email)
            .is_some_and(|other| other.id != user)
    {
        check.fail("email", "The email has already been taken.");
    }
    check.finish()?;
    let email = email.map(str::to_owned);
    let birth = birth.unwrap_or_default().to_owned();
    if let Some(u) = ctx.state.user_mut(&user) {
        u.first_name = names.first().cloned().unwrap_or_default();
        u.last_name = names.get(1).cloned().unwrap_or_default();
        u.date_of_birth = birth;
        if let Some(email) = email {
            u.email = email;
        }
    }
    let due = ctx.now + ctx.state.settings.review_delay_seconds;
    record(ctx.state, &user).personal.submit(due);
    settle(ctx.state, &user, ctx.now);
    Ok(super::respond(StatusCode::CREATED, &Value::Null))
}

/// kyc-address (#23), with an optional utility bill.
pub(crate) fn address(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let address = address_fields(&mut check, "", true);
    let bill = check.file("utilityBill", false, IMAGES_OR_PDF).cloned();
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Address) {
        return Err(not_required(
            "The KYC Address is not required at this point for current user.",
            &kyc,
            "address",
        ));
    }
    store_address(ctx.state, &user, address.unwrap_or_default(), ctx.now);
    if let Some(file) = bill
        && kyc.doc_open("utilityBill")
    {
        store_document(ctx.state, &user, "utilityBill", &file, ctx.now);
    }
    settle(ctx.state, &user, ctx.now);
    Ok(super::respond(StatusCode::OK, &Value::Null))
}

/// kyc-document (#24): one file into one slot (`type`; without it, the first slot the next
/// level needs), within the daily quota.
pub(crate) fn document(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let kind = check.one_of("type", &DOCUMENTS, false).map(str::to_owned);
    let file = check.file("file", true, IMAGES_OR_PDF).cloned();
    check.finish()?;
    let text = "The KYC Docs are not required at this point for current user.";
    let kyc = read(ctx.state, &user);
    let needed = kyc.documents_needed();
    let Some(&first) = needed.first() else {
        return Err(not_required(text, &kyc, "documents"));
    };
    let slot = kind.unwrap_or_else(|| first.to_owned());
    if !kyc.doc_open(&slot) {
        let status = kyc
            .doc(&slot)
            .and_then(|d| d.review.status)
            .unwrap_or(NOT_COMPLETED);
        return Err(ApiError::message(StatusCode::LOCKED, text).because(format!(
            "the {slot} document is already {status}; the documents still needed: {}",
            needed.join(", ")
        )));
    }
    let quota = ctx.state.settings.daily_document_quota as usize;
    let today = kyc.uploads_today(ctx.now);
    if today >= quota {
        return Err(ApiError::forbidden(
            "You have reach the maximum number of files uploaded/day.",
        )
        .because(format!(
            "{today} KYC files uploaded in the last 24 hours, the quota is daily_document_quota = {quota}"
        )));
    }
    if let Some(file) = file {
        store_document(ctx.state, &user, &slot, &file, ctx.now);
    }
    settle(ctx.state, &user, ctx.now);
    ok(json(ctx.state, &user))
}

/// kyc-video (#25): schedules the video call.
pub(crate) fn video(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let date = check.required("date").map(str::to_owned);
    let mut at = None;
    if let Some(date) = &date {
        match datetime_seconds(date) {
            None => check.fail("date", "The date does not match the format Y-m-d H:i:s."),
            Some(secs) if secs < i64::try_from(ctx.now).unwrap_or(i64::MAX) => {
                check.fail("date", "The date must be a date after or equal to now.");
            }
            Some(secs) => at = u64::try_from(secs).ok(),
        }
    }
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Video) {
        return Err(not_required(
            "The KYC Video is not required at this point for current user.",
            &kyc,
            "video",
        ));
    }
    if !ctx.state.settings.video_slots_available {
        return Err(ApiError::message(
            StatusCode::MISDIRECTED_REQUEST,
            "Selected date is invalid due admins unavailability.",
        )
        .because("no admin is free for a video call: video_slots_available is false in POST /_sandbox/ccpro/settings"));
    }
    let at = at.unwrap_or(ctx.now);
    let due = at + ctx.state.settings.review_delay_seconds;
    let kyc = record(ctx.state, &user);
    kyc.schedule_date = date;
    kyc.schedule_at = at;
    kyc.video.submit(due);
    settle(ctx.state, &user, ctx.now);
    ok(json(ctx.state, &user))
}

/// kyc-edd (#26).
pub(crate) fn edd(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let edd = edd_fields(&mut check, "", true);
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Edd) {
        return Err(not_required(
            "The KYC EDD is not required at this point for current user.",
            &kyc,
            "enhancedDueDiligence",
        ));
    }
    store_edd(ctx.state, &user, &edd, ctx.now);
    settle(ctx.state, &user, ctx.now);
    ok(json(ctx.state, &user))
}

/// The phone answer of #27–#29.
fn phone_json(state: &CcproState, user: &str) -> Value {
    let kyc = read(state, user);
    let number = state
        .user(user)
        .map(|u| u.phone.clone())
        .unwrap_or_default();
    json!({
        "phone": text_or_null(&number),
        "status": u8::from(kyc.phone_verified),
        "createdAt": kyc.phone_added_at.unwrap_or_default(),
    })
}

/// kyc-phone-add (#27): takes the number and "sends" an SMS code (`smsCode` of
/// `GET /_sandbox/ccpro/users/{id}`).
pub(crate) fn phone_add(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let phone = check.required("phone").map(str::to_owned);
    if let Some(p) = &phone {
        if !p.chars().all(|c| c.is_ascii_digit()) {
            check.fail("phone", "The phone must be a number.");
        } else if !(7..=15).contains(&p.len()) {
            check.fail("phone", "The phone must be between 7 and 15 digits.");
        }
    }
    // How the code is sent: the sandbox's own optional field, `sms` or `call`.
    check.one_of("type", &["sms", "call"], false);
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if kyc.phone_verified {
        return Err(
            ApiError::message(StatusCode::LOCKED, "The phone number is already verified.")
                .because("the user's phone is verified; a number cannot be added again"),
        );
    }
    if kyc.phone_added_at.is_some() {
        return Err(ApiError::message(
            StatusCode::LOCKED,
            "You already submit your phone number.",
        )
        .because(
            "a number waits for its SMS code: verify it (kyc-phone-verify) or resend the code (kyc-phone-reverify)",
        ));
    }
    let code = ctx.state.code();
    if let Some(u) = ctx.state.user_mut(&user) {
        u.phone = format!("+{}", phone.unwrap_or_default());
        u.sms_code = code;
    }
    let kyc = record(ctx.state, &user);
    kyc.phone_added_at = Some(ctx.now);
    kyc.sms_sent_at = ctx.now;
    ok(phone_json(ctx.state, &user))
}

/// kyc-phone-verify (#28): the SMS code verifies the phone.
pub(crate) fn phone_verify(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let expected = ctx
        .state
        .user(&user)
        .map(|u| u.sms_code.clone())
        .unwrap_or_default();
    let mut check = Check::new(&ctx.input);
    let code = check.required("code");
    let wrong = code.is_some_and(|c| expected.is_empty() || c != expected);
    if wrong {
        check.fail("code", "The selected Code is invalid.");
    }
    let finished = check.finish();
    if wrong && let Err(error) = finished {
        let why = if expected.is_empty() {
            "no SMS code was sent: add a phone with kyc-phone-add first"
        } else {
            "the code is not the last SMS code (GET /_sandbox/ccpro/users/{id} shows smsCode)"
        };
        return Err(error.because(why));
    }
    finished?;
    let kyc = read(ctx.state, &user);
    if kyc.phone_verified {
        return Err(
            ApiError::message(StatusCode::LOCKED, "The phone number is already verified.")
                .because("the user's phone is verified already"),
        );
    }
    record(ctx.state, &user).phone_verified = true;
    settle(ctx.state, &user, ctx.now);
    ok(phone_json(ctx.state, &user))
}

/// kyc-phone-reverify (#29): a new SMS code, once per day.
pub(crate) fn phone_reverify(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let kyc = read(ctx.state, &user);
    if kyc.phone_verified {
        return Err(
            ApiError::message(StatusCode::LOCKED, "The phone number is already verified.")
                .because("the user's phone is verified; there is no code to resend"),
        );
    }
    if kyc.phone_added_at.is_none() {
        return Err(invalid("phone", "The phone field is required.")
            .because("no phone number to resend a code to: add one with kyc-phone-add first"));
    }
    let next = kyc.sms_sent_at + 86_400;
    if ctx.now < next {
        return Err(ApiError::forbidden(
            "You can resubmit phone verification once per day.",
        )
        .because(format!(
            "the last SMS code was sent {} s ago; the next may be sent from {} (Unix seconds)",
            ctx.now - kyc.sms_sent_at,
            next
        )));
    }
    let code = ctx.state.code();
    if let Some(u) = ctx.state.user_mut(&user) {
        u.sms_code = code;
    }
    record(ctx.state, &user).sms_sent_at = ctx.now;
    ok(phone_json(ctx.state, &user))
}

// ---------------------------------------------------------------------------------------
// Reviews.
// ---------------------------------------------------------------------------------------

/// How a review ends.
enum Decision {
    Approve,
    /// Rejected for `code` with `message`, naming `fields` (personal data, address).
    Reject {
        code: String,
        message: String,
        fields: Vec<String>,
    },
}

/// Decides the items of `step` of `user`: approves pending ones (those due by `due_by`, when
/// given), or rejects pending or approved ones (a back office may revoke an approval; the
/// level reached stays). Answers whether any was decided; notifies the user once per step.
fn decide(
    state: &mut CcproState,
    user: &str,
    step: Step,
    decision: &Decision,
    document: Option<&str>,
    due_by: Option<u64>,
    now: u64,
) -> bool {
    let Some(kyc) = state.kyc.get_mut(user) else {
        return false;
    };
    let due = |r: &Review| match decision {
        Decision::Approve => r.pending() && due_by.is_none_or(|t| r.due_at <= t),
        Decision::Reject { .. } => r.pending() || r.done(),
    };
    let approved = if step == Step::Video {
        APPROVED
    } else {
        ACCEPTED
    };
    let apply = |review: &mut Review, fields: &[&str]| {
        review.email_sent = true;
        match decision {
            Decision::Approve => {
                review.status = Some(approved);
                review.rejected.clear();
            }
            Decision::Reject {
                code,
                message,
                fields: named,
            } => {
                review.status = Some(NOT_COMPLETED);
                let names: Vec<String> = if named.is_empty() {
                    fields.iter().map(|f| (*f).to_owned()).collect()
                } else {
                    named.clone()
                };
                review.rejected = if names.is_empty() {
                    vec![Rejection {
                        field: String::new(),
                        code: code.clone(),
                        message: message.clone(),
                    }]
                } else {
                    names
                        .into_iter()
                        .map(|field| Rejection {
                            field,
                            code: code.clone(),
                            message: message.clone(),
                        })
                        .collect()
                };
            }
        }
    };
    let mut any = false;
    match step {
        Step::Documents => {
            for (slot, doc) in DOCUMENTS.iter().zip(kyc.documents.iter_mut()) {
                if document.is_none_or(|d| d == *slot) && due(&doc.review) {
                    apply(&mut doc.review, &[]);
                    any = true;
                }
            }
        }
        _ => {
            let review = match step {
                Step::Personal => &mut kyc.personal,
                Step::Address => &mut kyc.address,
                Step::Video => &mut kyc.video,
                _ => &mut kyc.edd,
            };
            if due(review) {
                apply(review, step.fields());
                any = true;
            }
        }
    }
    if !any {
        return false;
    }
    kyc.refresh();
    let (code, title, message) = match decision {
        Decision::Approve => (
            "kyc_approved",
            "KYC Approved",
            format!("Your KYC {} has been approved", step.title()),
        ),
        Decision::Reject { message, .. } => (
            "kyc_rejected",
            "KYC Rejected",
            format!("Your KYC {} has been rejected: {message}", step.title()),
        ),
    };
    state.notify(user, code, "kyc", title, &message, None, now);
    true
}

/// Approves every pending review whose time has come.
fn review_due(state: &mut CcproState, now: u64) {
    let users: Vec<String> = state
        .kyc
        .iter()
        .filter(|(_, k)| {
            k.personal.pending()
                || k.address.pending()
                || k.documents.iter().any(|d| d.review.pending())
                || k.video.pending()
                || k.edd.pending()
        })
        .map(|(u, _)| u.clone())
        .collect();
    for user in users {
        for step in STEPS {
            if step != Step::Phone {
                decide(state, &user, step, &Decision::Approve, None, Some(now), now);
            }
        }
    }
}

/// Applies what the clock made due: pending reviews approved after
/// `review_delay_seconds`.
pub(crate) fn tick(state: &mut CcproState, now: u64) {
    review_due(state, now);
}

/// `POST /_sandbox/ccpro/users/{id}/kyc` `{"step": "personal|address|documents|video|edd|all",
/// "decision": "approve|reject", "reason"?, "code"?, "fields"?, "document"?}`: reviews the
/// user's pending step(s) at once; answers the KYC object (#20's shape).
pub(crate) fn control_review(
    state: &mut CcproState,
    id: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    use control::ControlError::{Bad, NotFound};
    let Some(user) = state
        .users
        .iter()
        .find(|u| u.id == id || u.email.eq_ignore_ascii_case(id))
        .map(|u| u.id.clone())
    else {
        return Err(NotFound(format!("no CCPro user {id}")));
    };
    let names = ["personal", "address", "documents", "video", "edd", "all"];
    let step = input
        .filled("step")
        .ok_or_else(|| Bad(format!("step: required, one of {}", names.join(", "))))?;
    let steps: Vec<Step> = match step {
        "all" => STEPS
            .iter()
            .copied()
            .filter(|s| *s != Step::Phone)
            .collect(),
        name => vec![
            STEPS
                .iter()
                .copied()
                .find(|s| *s != Step::Phone && s.control_name() == name)
                .ok_or_else(|| Bad(format!("step: {name} is not one of {}", names.join(", "))))?,
        ],
    };
    let decision = match input.filled("decision") {
        Some("approve") => Decision::Approve,
        Some("reject") => {
            let code = input.filled("code").unwrap_or("incorrect_data");
            let known = REJECT_CODES
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, m)| *m);
            let message = match (input.filled("reason"), known) {
                (Some(reason), _) => reason.to_owned(),
                (None, Some(m)) => m.to_owned(),
                (None, None) => {
                    return Err(Bad(format!(
                        "reason: required with the code {code}, which has no documented message"
                    )));
                }
            };
            let fields = match input.filled("fields") {
                None => Vec::new(),
                Some(text) => serde_json::from_str::<Vec<String>>(text).map_err(|_| {
                    Bad("fields: must be an array of field names, like [\"street\"]".to_owned())
                })?,
            };
            Decision::Reject {
                code: code.to_owned(),
                message,
                fields,
            }
        }
        _ => return Err(Bad("decision: required, approve or reject".to_owned())),
    };
    let document = input.filled("document");
    if let Some(d) = document
        && !DOCUMENTS.contains(&d)
    {
        return Err(Bad(format!(
            "document: {d} is not one of {}",
            DOCUMENTS.join(", ")
        )));
    }
    let mut any = false;
    for s in &steps {
        any |= decide(state, &user, *s, &decision, document, None, now);
    }
    if !any {
        return Err(Bad(format!(
            "nothing of {step} is submitted for this user to decide (approve takes pending items, reject pending or approved ones)"
        )));
    }
    Ok(json(state, &user))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_the_rules_read_them() {
        assert_eq!(date_seconds("2000-02-20"), Some(951_004_800));
        assert_eq!(date_seconds("1969-12-31"), Some(-86_400));
        assert_eq!(date_seconds("2000-02-30"), None);
        assert_eq!(datetime_seconds("2020-12-30 12:00:00"), Some(1_609_329_600));
        assert_eq!(datetime_seconds("2020-12-30 24:00:00"), None);
        assert_eq!(datetime_seconds("2020-12-30T12:00:00"), None);
        assert_eq!(adult_limit(1_700_000_000), "2005-11-14");
        // 2024-02-29 minus 18 years.
        assert_eq!(adult_limit(1_709_164_800), "2006-02-28");
    }

    #[test]
    fn levels_rise_with_approved_items_only() {
        let mut kyc = Kyc::new();
        assert_eq!(kyc.required(), "phone");
        kyc.phone_verified = true;
        kyc.refresh();
        assert_eq!((kyc.level.as_str(), kyc.required()), ("1", "personal"));
        kyc.personal.status = Some(ACCEPTED);
        kyc.address.status = Some(PENDING);
        assert_eq!(kyc.required(), "documents");
        assert_eq!(
            kyc.documents_needed(),
            [
                "governmentIdFront",
                "governmentIdBack",
                "passport",
                "utilityBill"
            ]
        );
        for slot in ["passport", "utilityBill"] {
            kyc.doc_mut(slot).unwrap().review.status = Some(ACCEPTED);
        }
        assert_eq!(kyc.required(), "");
        kyc.refresh();
        assert_eq!(kyc.level, "1", "the address is still pending");
        kyc.address.status = Some(ACCEPTED);
        kyc.refresh();
        assert_eq!((kyc.level.as_str(), kyc.required()), ("2", "documents"));
        assert_eq!(kyc.documents_needed(), ["selfieWithId"]);
    }

    #[test]
    fn the_profile_form_has_the_documented_keys() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/ccpro/docs/user-profile.response.200.json");
        // The docs' fixtures live in the repository, not in the packaged crate
        // (`cargo xtask package` runs these tests without them).
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let fixture: Value = serde_json::from_str(&text).unwrap();
        let want = &fixture["body"]["data"]["kyc"];
        let mut state = CcproState::new(1);
        state.users.push(User {
            id: "u".to_owned(),
            ..User::default()
        });
        let got = profile_json(&state, "u");
        fn keys(want: &Value, got: &Value, path: &str) {
            if let (Value::Object(w), Value::Object(g)) = (want, got) {
                let wk: Vec<&String> = w.keys().collect();
                let gk: Vec<&String> = g.keys().collect();
                assert_eq!(wk, gk, "{path}");
                for k in w.keys() {
                    keys(&w[k], &g[k], &format!("{path}.{k}"));
                }
            }
        }
        keys(want, &got, "kyc");
    }
}
