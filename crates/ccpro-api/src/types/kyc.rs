//! The KYC (know your customer) state of a user, and what the phone steps answer.
//!
//! CCPro sends the KYC object in two shapes (reference §2.3 "KYC"): `kyc-show` and the
//! KYC writes (`kyc-create`, `kyc-document`, `kyc-video`, `kyc-edd`) carry reject reasons
//! and the EDD range labels (`transactionsNatureValueField`), while the `kyc` inside
//! `user-profile` carries `emailSent` flags, `documents.tempFiles`, the EDD option lists
//! (`eddData`) and `transactionsNatureValue`. [`Kyc`] reads both: every field is optional,
//! and `null`, a missing key and (for amounts) `""` all read as `None`.

use std::collections::BTreeMap;

use payments_core::ExactAmount;
use serde::{Deserialize, Deserializer, Serialize};

payments_core::wire_enum! {
    /// The status of the KYC as a whole or of one of its steps. `NOT COMPLETED` is
    /// written with a space, as CCPro sends it.
    pub enum KycStatus {
        /// `NOT COMPLETED`: nothing (acceptable) submitted yet.
        NotCompleted = "NOT COMPLETED",
        /// `PENDING`: submitted, waiting for review.
        Pending = "PENDING",
        /// `ACCEPTED`: reviewed and accepted.
        Accepted = "ACCEPTED",
        /// `APPROVED`: what the video step says once approved.
        Approved = "APPROVED",
    }
}

payments_core::wire_enum! {
    /// The next KYC step the user must complete (the top-level `required`, a string,
    /// unlike the steps' boolean `required`). The docs show `phone` and `address`; the
    /// other values are the names of the KYC object's steps, assumed to be used alike.
    pub enum KycRequirement {
        /// The phone number (`kyc-phone-add`, `kyc-phone-verify`).
        Phone = "phone",
        /// Name and date of birth (`kyc-personal-data`).
        Personal = "personal",
        /// The postal address (`kyc-address`).
        Address = "address",
        /// Identity documents (`kyc-document`).
        Documents = "documents",
        /// The video call (`kyc-video`).
        Video = "video",
        /// Enhanced due diligence (`kyc-edd`).
        EnhancedDueDiligence = "enhancedDueDiligence",
    }
}

payments_core::wire_enum! {
    /// Why a KYC field or document was refused (`rejectReason.code`; the docs show these
    /// four).
    pub enum RejectCode {
        /// `incorrect_data`.
        IncorrectData = "incorrect_data",
        /// `incomplete_data`.
        IncompleteData = "incomplete_data",
        /// `incorrect_or_incomplete_data`.
        IncorrectOrIncompleteData = "incorrect_or_incomplete_data",
        /// `color_photo`: black-and-white photos are refused.
        ColorPhoto = "color_photo",
    }
}

payments_core::wire_enum! {
    /// What the user's transactions are for (EDD `transactionsPurpose`).
    pub enum EddPurpose {
        /// `remittances`.
        Remittances = "remittances",
        /// `payments`.
        Payments = "payments",
        /// `investments`.
        Investments = "investments",
        /// `savings`.
        Savings = "savings",
        /// `other`: `transactionsPurposeOther` says what.
        Other = "other",
    }
}

payments_core::wire_enum! {
    /// Where the user's funds come from (EDD `fundsSource`).
    pub enum FundsSource {
        /// `credit_debit_card`.
        CreditDebitCard = "credit_debit_card",
        /// `e_wallet`.
        EWallet = "e_wallet",
        /// `bank_account`.
        BankAccount = "bank_account",
        /// `mining_wallet`.
        MiningWallet = "mining_wallet",
        /// `other`: `fundsSourceOther` says what.
        Other = "other",
    }
}

payments_core::wire_enum! {
    /// How the user earned their funds (EDD `fundsOrigin`).
    pub enum FundsOrigin {
        /// `payroll_funds`.
        PayrollFunds = "payroll_funds",
        /// `dividends_of_business`.
        DividendsOfBusiness = "dividends_of_business",
        /// `personal_savings`.
        PersonalSavings = "personal_savings",
        /// `proceeds_of_investments`.
        ProceedsOfInvestments = "proceeds_of_investments",
        /// `proceeds_of_mining`.
        ProceedsOfMining = "proceeds_of_mining",
        /// `other`: `fundsOriginOther` says what.
        Other = "other",
    }
}

/// A value CCPro sends without saying its type (`null` in every example): an integer or
/// a string, kept as it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IntOrText {
    /// An integer (a Unix timestamp, an option number such as EDD's `1`–`5`).
    Int(i64),
    /// Text (a date such as `2020-12-30 12:00:00`, a range label such as `1 - 1000`).
    Text(String),
}

/// A user's KYC: its level and limits, the hosted pages that complete each step, and the
/// state of each step. Read from `kyc-show`, the KYC writes and `user-profile`'s `kyc`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kyc {
    /// The next step the user must complete (`phone`, `address`).
    #[serde(default)]
    pub required: Option<KycRequirement>,
    /// The overall status (`ACCEPTED`).
    #[serde(default)]
    pub status: Option<KycStatus>,
    /// The KYC level reached (an integer; platform levels are strings elsewhere).
    #[serde(default)]
    pub level: Option<u32>,
    /// What the user may trade at this level.
    #[serde(default)]
    pub amounts: Option<KycAmounts>,
    /// What the next level would allow.
    #[serde(default)]
    pub amounts_next_level: Option<KycAmounts>,
    /// Hosted pages that complete each step.
    #[serde(default)]
    pub links: Option<KycLinks>,
    /// The phone step.
    #[serde(default)]
    pub phone: Option<KycPhone>,
    /// The personal-data step.
    #[serde(default)]
    pub personal: Option<KycPersonal>,
    /// The address step.
    #[serde(default)]
    pub address: Option<KycAddress>,
    /// The documents step.
    #[serde(default)]
    pub documents: Option<KycDocuments>,
    /// The video-call step.
    #[serde(default)]
    pub video: Option<KycVideo>,
    /// The enhanced-due-diligence step.
    #[serde(default)]
    pub enhanced_due_diligence: Option<KycEdd>,
    /// When the KYC was started (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// Buy and sell amounts of a KYC level (`amounts`, `amountsNextLevel`), exact as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KycAmounts {
    /// What the user may buy (`"149.75"`).
    #[serde(default, with = "payments_core::exact::optional")]
    pub buy: Option<ExactAmount>,
    /// What the user may sell (`"0"`).
    #[serde(default, with = "payments_core::exact::optional")]
    pub sell: Option<ExactAmount>,
}

/// Hosted pages (signed URLs with a JWT) where the user completes a step. `""` means no
/// link. The docs render them with stray `*` characters inside; the `*_url` accessors
/// give the link without `*` and whitespace, or `None` when there is none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycLinks {
    /// The address page, as sent.
    #[serde(default)]
    pub address: Option<String>,
    /// The documents page, as sent.
    #[serde(default)]
    pub documents: Option<String>,
    /// The video page, as sent.
    #[serde(default)]
    pub video: Option<String>,
    /// The EDD page, as sent.
    #[serde(default)]
    pub enhanced_due_diligence: Option<String>,
}

fn clean_link(link: Option<&String>) -> Option<String> {
    let cleaned: String = link?
        .chars()
        .filter(|c| *c != '*' && !c.is_whitespace())
        .collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

impl KycLinks {
    /// The address page without `*` and whitespace; `None` when there is none.
    pub fn address_url(&self) -> Option<String> {
        clean_link(self.address.as_ref())
    }

    /// The documents page without `*` and whitespace; `None` when there is none.
    pub fn documents_url(&self) -> Option<String> {
        clean_link(self.documents.as_ref())
    }

    /// The video page without `*` and whitespace; `None` when there is none.
    pub fn video_url(&self) -> Option<String> {
        clean_link(self.video.as_ref())
    }

    /// The EDD page without `*` and whitespace; `None` when there is none.
    pub fn enhanced_due_diligence_url(&self) -> Option<String> {
        clean_link(self.enhanced_due_diligence.as_ref())
    }
}

/// The phone step.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycPhone {
    /// Whether the step is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// The number, with `+` (`"+40700000000"`).
    #[serde(default)]
    pub number: Option<String>,
    /// Whether the SMS code was confirmed.
    #[serde(default)]
    pub is_verified: Option<bool>,
}

/// Why one field or document was refused.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RejectReason {
    /// The reason's code (`incorrect_data`).
    #[serde(default)]
    pub code: Option<RejectCode>,
    /// The reason, for the user.
    #[serde(default)]
    pub message: Option<String>,
}

/// Reject reasons keyed by field (`{"firstName": {code, message}}`): `null` and a missing
/// key read as `None`, and `[]` (how PHP writes an empty map) as an empty map.
fn reject_reasons<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<BTreeMap<String, RejectReason>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Reasons {
        Map(BTreeMap<String, RejectReason>),
        List(Vec<RejectReason>),
    }
    match Option::<Reasons>::deserialize(d)? {
        None => Ok(None),
        Some(Reasons::Map(m)) => Ok(Some(m)),
        Some(Reasons::List(l)) if l.is_empty() => Ok(Some(BTreeMap::new())),
        Some(Reasons::List(_)) => Err(serde::de::Error::custom(
            "rejectReason: expected an object keyed by field",
        )),
    }
}

/// The personal-data step. `rejectReason` is keyed by field (#20 only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycPersonal {
    /// Whether the step is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// Its status.
    #[serde(default)]
    pub status: Option<KycStatus>,
    /// Why fields were refused, by field name (`firstName`, `lastName`).
    #[serde(default, deserialize_with = "reject_reasons")]
    pub reject_reason: Option<BTreeMap<String, RejectReason>>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Date of birth (Unix seconds; it is sent as `Y-m-d`).
    #[serde(default)]
    pub date_of_birth: Option<i64>,
}

/// The address step. `rejectReason` is keyed by field (#20 only); `emailSent` comes only
/// in the profile's shape.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycAddress {
    /// Whether the step is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// Whether CCPro e-mailed the user about it.
    #[serde(default)]
    pub email_sent: Option<bool>,
    /// Its status.
    #[serde(default)]
    pub status: Option<KycStatus>,
    /// Why fields were refused, by field name (`street`).
    #[serde(default, deserialize_with = "reject_reasons")]
    pub reject_reason: Option<BTreeMap<String, RejectReason>>,
    /// Country ISO code (`RO`).
    #[serde(default)]
    pub country: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// Zip code, as text.
    #[serde(default)]
    pub zip: Option<String>,
    /// Street.
    #[serde(default)]
    pub street: Option<String>,
}

/// The documents step: one entry per document slot.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycDocuments {
    /// Whether the step is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// Whether CCPro e-mailed the user about it (profile shape).
    #[serde(default)]
    pub email_sent: Option<bool>,
    /// Government ID, front.
    #[serde(default)]
    pub government_id_front: Option<KycDocument>,
    /// Government ID, back.
    #[serde(default)]
    pub government_id_back: Option<KycDocument>,
    /// Passport.
    #[serde(default)]
    pub passport: Option<KycDocument>,
    /// Utility bill (proof of address).
    #[serde(default)]
    pub utility_bill: Option<KycDocument>,
    /// Selfie holding the ID.
    #[serde(default)]
    pub selfie_with_id: Option<KycDocument>,
    /// Extended proof of funds: always `[]` in the docs, so its items are kept as their exact JSON text.
    #[serde(default)]
    pub extended_proof_of_funds: Option<Vec<crate::types::common::RawJson>>,
    /// Files uploaded but not yet filed (profile shape): always `[]` in the docs, kept
    /// as their exact JSON text.
    #[serde(default)]
    pub temp_files: Option<Vec<crate::types::common::RawJson>>,
}

/// One document slot. Its `rejectReason` is a single reason (not keyed by field).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycDocument {
    /// Its status.
    #[serde(default)]
    pub status: Option<KycStatus>,
    /// Why it was refused.
    #[serde(default)]
    pub reject_reason: Option<RejectReason>,
    /// Where the uploaded file is (shown truncated as `"https:"` in the docs).
    #[serde(default)]
    pub url: Option<String>,
}

/// The video-call step (scheduled with `kyc-video`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycVideo {
    /// Whether the step is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// Its status (`APPROVED`).
    #[serde(default)]
    pub status: Option<KycStatus>,
    /// Whether CCPro e-mailed the user about it.
    #[serde(default)]
    pub email_sent: Option<bool>,
    /// The recording (`null` in the docs; assumed to be a URL).
    #[serde(default)]
    pub video_file: Option<String>,
    /// The scheduled call (`null` in the docs: a timestamp or a date text, kept as sent).
    #[serde(default)]
    pub schedule_date: Option<IntOrText>,
    /// The time zone of [`schedule_date`](Self::schedule_date).
    #[serde(default)]
    pub schedule_date_timezone: Option<String>,
    /// A page to cancel the call.
    #[serde(default)]
    pub cancel_schedule_url: Option<String>,
    /// A page to move the call.
    #[serde(default)]
    pub reschedule_url: Option<String>,
}

/// The enhanced-due-diligence step. `kyc-show` gives the chosen ranges as labels
/// (`transactionsNatureValueField`: `"1 - 1000"`); the profile gives
/// `transactionsNatureValue` (type not shown: kept as an integer or text) and the option
/// lists (`eddData`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KycEdd {
    /// Whether the step is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// Whether CCPro e-mailed the user about it (profile shape).
    #[serde(default)]
    pub email_sent: Option<bool>,
    /// Its status (`PENDING`).
    #[serde(default)]
    pub status: Option<KycStatus>,
    /// The options CCPro offers for each answer (profile shape).
    #[serde(default)]
    pub edd_data: Option<EddOptions>,
    /// What the transactions are for.
    #[serde(default)]
    pub transactions_purpose: Option<EddPurpose>,
    /// The purpose in the user's words, when `other`.
    #[serde(default)]
    pub transactions_purpose_other: Option<String>,
    /// The value range chosen (profile shape; `1`–`5` when sent).
    #[serde(default)]
    pub transactions_nature_value: Option<IntOrText>,
    /// The frequency range chosen (profile shape; `1`–`5` when sent).
    #[serde(default)]
    pub transactions_nature_frequency: Option<IntOrText>,
    /// The value range's label (`"1 - 1000"`, `kyc-show` shape).
    #[serde(default)]
    pub transactions_nature_value_field: Option<String>,
    /// The frequency range's label (`"6 - 10"`, `kyc-show` shape).
    #[serde(default)]
    pub transactions_nature_frequency_field: Option<String>,
    /// Where the funds come from.
    #[serde(default)]
    pub funds_source: Option<FundsSource>,
    /// The source in the user's words, when `other`.
    #[serde(default)]
    pub funds_source_other: Option<String>,
    /// The uploaded proof of the source (a URL).
    #[serde(default)]
    pub funds_source_file: Option<String>,
    /// How the funds were earned.
    #[serde(default)]
    pub funds_origin: Option<FundsOrigin>,
    /// The origin in the user's words, when `other`.
    #[serde(default)]
    pub funds_origin_other: Option<String>,
    /// The uploaded proof of the origin (a URL).
    #[serde(default)]
    pub funds_origin_file: Option<String>,
    /// When the answers were given (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// The options of each EDD question, as CCPro lists them (`eddData`). The nature lists
/// are range labels whose position (from 1) is the number `kyc-edd` sends.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EddOptions {
    /// Purposes (`remittances`, …).
    #[serde(default)]
    pub transactions_purpose: Option<Vec<String>>,
    /// Value ranges (`"1 - 1000"`, …).
    #[serde(default)]
    pub transactions_nature_value: Option<Vec<String>>,
    /// Frequency ranges (`"1 - 5"`, …).
    #[serde(default)]
    pub transactions_nature_frequency: Option<Vec<String>>,
    /// Sources of funds.
    #[serde(default)]
    pub funds_source: Option<Vec<String>>,
    /// Origins of funds.
    #[serde(default)]
    pub funds_origin: Option<Vec<String>>,
}

/// What the phone steps answer (`kyc-phone-add`, `kyc-phone-verify`,
/// `kyc-phone-reverify`): the number and whether it is verified.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneVerification {
    /// The number, with `+` (`"+40700000000"`; it is sent as digits only).
    #[serde(default)]
    pub phone: Option<String>,
    /// `0` when added and not verified, `1` once verified (see
    /// [`is_verified`](Self::is_verified)).
    #[serde(default)]
    pub status: Option<i64>,
    /// When the number was added (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

impl PhoneVerification {
    /// Whether the number is verified (`status` 1).
    pub fn is_verified(&self) -> bool {
        self.status == Some(1)
    }
}
