//! KYC: reading the user's KYC (`kyc-show`), submitting it whole (`kyc-create`) or step by
//! step (`kyc-personal-data`, `kyc-address`, `kyc-document`, `kyc-video`, `kyc-edd`), and
//! the phone steps (`kyc-phone-add`, `kyc-phone-verify`, `kyc-phone-reverify`).
//!
//! The uploads (`kyc-create`, `kyc-address`, `kyc-document`, `kyc-edd`) are sent as
//! `multipart/form-data` (the docs show JSON with placeholders; Laravel's file rules take
//! uploaded files only), nested fields under PHP names (`documents[passport]`,
//! `edd[fundsSource]`). Each file is checked before anything is sent: at most 10 240 KB,
//! jpg, jpeg, bmp or png (pdf too for the address's utility bill and `kyc-document`), and
//! contents that match the extension. `kyc-video` is not an upload: it books a video call.
//!
//! Every documented rule that can be checked without the server is checked before sending
//! (required fields, the ID-or-passport rule, zip and phone formats, dates, the EDD
//! `other` answers); enumerated values are typed but any value is sent as given (the
//! docs' own example sends `"fundsSource": "1"`), so the server has the last word.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{AttachFiles, Endpoint, InputFile, NoContent, RequestSpec};
use serde::{Deserialize, Deserializer, Serialize};

use crate::operations;
use crate::types::common::data;
use crate::types::kyc::{EddPurpose, FundsOrigin, FundsSource, Kyc, PhoneVerification};
use crate::upload::{File, FileKind, Form, no_other_files, php_name, take_file};

/// The longest free text CCPro accepts (`max:191`).
const MAX_TEXT: usize = 191;

/// The user id of a user path: not blank (`RequestSpec::with_path` refuses empty, `.`,
/// `..` and control characters).
pub(crate) fn check_user(user: &str) -> Result<(), InvalidInput> {
    require_text("user", user, 255)
}

/// A `Y-m-d` date (`1990-12-31`): the shape and the month and day ranges.
pub(crate) fn check_date(field: &str, value: &str) -> Result<(), InvalidInput> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && (1..=12).contains(&(u32::from(b[5] - b'0') * 10 + u32::from(b[6] - b'0')))
        && (1..=31).contains(&(u32::from(b[8] - b'0') * 10 + u32::from(b[9] - b'0')));
    if ok {
        Ok(())
    } else {
        Err(InvalidInput::new(
            field,
            format!("must be a date written YYYY-MM-DD, not {value:?}"),
        ))
    }
}

/// A `Y-m-d H:i:s` date and time (`2020-12-30 12:00:00`).
fn check_date_time(field: &str, value: &str) -> Result<(), InvalidInput> {
    let refuse = || {
        InvalidInput::new(
            field,
            format!("must be a date and time written YYYY-MM-DD HH:MM:SS, not {value:?}"),
        )
    };
    if !value.is_ascii() || value.len() != 19 || value.as_bytes()[10] != b' ' {
        return Err(refuse());
    }
    check_date(field, &value[..10]).map_err(|_| refuse())?;
    let t = &value.as_bytes()[11..];
    let two = |i: usize| {
        (t[i].is_ascii_digit() && t[i + 1].is_ascii_digit())
            .then(|| u32::from(t[i] - b'0') * 10 + u32::from(t[i + 1] - b'0'))
    };
    match (two(0), t[2], two(3), t[5], two(6)) {
        (Some(h), b':', Some(m), b':', Some(s)) if h < 24 && m < 60 && s < 60 => Ok(()),
        _ => Err(refuse()),
    }
}

/// A zip code: letters and digits only, 4 to 10 of them (`alpha_num|between:4,10`).
pub(crate) fn check_zip(field: &str, zip: &str) -> Result<(), InvalidInput> {
    let n = zip.chars().count();
    if (4..=10).contains(&n) && zip.chars().all(char::is_alphanumeric) {
        Ok(())
    } else {
        Err(InvalidInput::new(
            field,
            "must be 4 to 10 letters or digits (no spaces)",
        ))
    }
}

/// A phone number: digits only, 7 to 15 of them, without `+` (`numeric|digits_between:7,15`).
pub(crate) fn check_phone(field: &str, phone: &str) -> Result<(), InvalidInput> {
    if (7..=15).contains(&phone.len()) && phone.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(InvalidInput::new(
            field,
            "must be 7 to 15 digits, without + or spaces (40700000000)",
        ))
    }
}

fn set(slot: &mut Option<File>, file: Option<File>) {
    if file.is_some() {
        *slot = file;
    }
}

payments_core::wire_enum! {
    /// Which document a `kyc-document` upload is.
    pub enum KycDocumentType {
        /// `governmentIdFront`.
        GovernmentIdFront = "governmentIdFront",
        /// `governmentIdBack`.
        GovernmentIdBack = "governmentIdBack",
        /// `passport`.
        Passport = "passport",
        /// `selfieWithId`.
        SelfieWithId = "selfieWithId",
        /// `utilityBill`.
        UtilityBill = "utilityBill",
    }
}

/// `POST operation` for `user` (checked by the caller) with the JSON body
/// `{field: value}`: the steps that send one text (`kyc-video`, `kyc-phone-add`,
/// `kyc-phone-verify`).
fn one_field(
    operation: &'static payments_core::Operation,
    user: &str,
    field: &'static str,
    value: &str,
) -> Result<RequestSpec, InvalidInput> {
    RequestSpec::with_path(operation, &[Some(user)])?.json(
        &[(field, value)]
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>(),
    )
}

/// Checks the address fields of `kyc-create` and `kyc-address` as the docs' rules say and
/// starts their form with them.
fn address_form(country: &str, city: &str, zip: &str, street: &str) -> Result<Form, InvalidInput> {
    require_text("country", country, MAX_TEXT)?;
    require_text("city", city, MAX_TEXT)?;
    check_zip("zip", zip)?;
    require_text("street", street, MAX_TEXT)?;
    Ok(Form::new()
        .text("country", country)
        .text("city", city)
        .text("zip", zip)
        .text("street", street))
}

/// `GET /api/v1/user/{user}/kyc`: the user's KYC.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowKyc {
    /// The user id.
    pub user: String,
}

impl ShowKyc {
    /// The KYC of `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ShowKyc { user: user.into() }
    }
}

impl Endpoint for ShowKyc {
    type Output = Kyc;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        RequestSpec::with_path(&operations::KYC_SHOW, &[Some(&self.user)])
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Kyc, DecodeFailure> {
        data(status, body)
    }
}

/// The identity documents of `kyc-create` (`documents.*`): the government ID's front
/// and back, or the passport (or both), plus an optional utility bill and selfie. Images
/// only (jpg, jpeg, bmp, png). The files are given in code or, from an input document,
/// with the CLI's `--file documents.passport=…`; the document's `documents` object must
/// then be empty or absent.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KycFiles {
    /// `documents.governmentIdFront`.
    #[serde(skip)]
    pub government_id_front: Option<File>,
    /// `documents.governmentIdBack`.
    #[serde(skip)]
    pub government_id_back: Option<File>,
    /// `documents.passport`.
    #[serde(skip)]
    pub passport: Option<File>,
    /// `documents.utilityBill`.
    #[serde(skip)]
    pub utility_bill: Option<File>,
    /// `documents.selfieWithId`.
    #[serde(skip)]
    pub selfie_with_id: Option<File>,
}

impl KycFiles {
    /// The government ID, front and back.
    pub fn government_id(front: File, back: File) -> Self {
        KycFiles {
            government_id_front: Some(front),
            government_id_back: Some(back),
            ..KycFiles::default()
        }
    }

    /// The passport.
    pub fn passport(passport: File) -> Self {
        KycFiles {
            passport: Some(passport),
            ..KycFiles::default()
        }
    }

    /// Adds a utility bill (proof of address).
    pub fn with_utility_bill(mut self, file: File) -> Self {
        self.utility_bill = Some(file);
        self
    }

    /// Adds a selfie holding the ID.
    pub fn with_selfie_with_id(mut self, file: File) -> Self {
        self.selfie_with_id = Some(file);
        self
    }

    /// The rules `required_without:documents.passport` (front and back) and
    /// `required_without_all:documents.governmentIdFront,documents.governmentIdBack`
    /// (passport): without a passport, both sides of the ID are needed. A passport and an
    /// ID together are allowed (the docs' example sends both).
    fn check(&self) -> Result<(), InvalidInput> {
        if self.passport.is_some() {
            return Ok(());
        }
        match (&self.government_id_front, &self.government_id_back) {
            (Some(_), Some(_)) => Ok(()),
            (None, None) => Err(InvalidInput::new(
                "documents.passport",
                "give the passport, or both sides of the government ID \
                 (documents.governmentIdFront and documents.governmentIdBack)",
            )),
            (Some(_), None) => Err(InvalidInput::new(
                "documents.governmentIdBack",
                "is required with the ID's front when no passport is given",
            )),
            (None, Some(_)) => Err(InvalidInput::new(
                "documents.governmentIdFront",
                "is required with the ID's back when no passport is given",
            )),
        }
    }

    fn add_to(&self, mut form: Form) -> Result<Form, InvalidInput> {
        for (field, file) in [
            ("documents.governmentIdFront", &self.government_id_front),
            ("documents.governmentIdBack", &self.government_id_back),
            ("documents.passport", &self.passport),
            ("documents.utilityBill", &self.utility_bill),
            ("documents.selfieWithId", &self.selfie_with_id),
        ] {
            if let Some(f) = file {
                form = form.file(field, f, FileKind::IMAGES)?;
            }
        }
        Ok(form)
    }
}

/// Enhanced-due-diligence answers: the `edd` object of `kyc-create` (every answer
/// optional there) and the body of `kyc-edd` (all required but the `*Other` texts, which
/// are required when the answer is `other`). The two proofs are images (jpg, jpeg, bmp,
/// png), given in code or with the CLI's `--file` (`edd.fundsSourceFile` for
/// `kyc-create`, `fundsSourceFile` for `kyc-edd`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EddAnswers {
    /// What the transactions are for.
    #[serde(default)]
    pub transactions_purpose: Option<EddPurpose>,
    /// The purpose in the user's words (required when `other`; at most 191 characters).
    #[serde(default)]
    pub transactions_purpose_other: Option<String>,
    /// The value range, 1 to 5 (`1 - 1000`, `1000 - 5000`, `5000 - 10000`,
    /// `10000 - 50000`, `+50000`, by position in `eddData`).
    #[serde(default)]
    pub transactions_nature_value: Option<u8>,
    /// The frequency range, 1 to 5 (`1 - 5`, `6 - 10`, `11 - 20`, `21 - 50`, `+50`).
    #[serde(default)]
    pub transactions_nature_frequency: Option<u8>,
    /// Where the funds come from.
    #[serde(default)]
    pub funds_source: Option<FundsSource>,
    /// The source in the user's words (required when `other`).
    #[serde(default)]
    pub funds_source_other: Option<String>,
    /// Proof of the source.
    #[serde(skip)]
    pub funds_source_file: Option<File>,
    /// How the funds were earned.
    #[serde(default)]
    pub funds_origin: Option<FundsOrigin>,
    /// The origin in the user's words (required when `other`).
    #[serde(default)]
    pub funds_origin_other: Option<String>,
    /// Proof of the origin.
    #[serde(skip)]
    pub funds_origin_file: Option<File>,
}

impl EddAnswers {
    /// Every answer `kyc-edd` requires.
    pub fn new(
        purpose: EddPurpose,
        nature_value: u8,
        nature_frequency: u8,
        funds_source: FundsSource,
        funds_source_file: File,
        funds_origin: FundsOrigin,
        funds_origin_file: File,
    ) -> Self {
        EddAnswers {
            transactions_purpose: Some(purpose),
            transactions_nature_value: Some(nature_value),
            transactions_nature_frequency: Some(nature_frequency),
            funds_source: Some(funds_source),
            funds_source_file: Some(funds_source_file),
            funds_origin: Some(funds_origin),
            funds_origin_file: Some(funds_origin_file),
            ..EddAnswers::default()
        }
    }

    /// Sets the purpose in the user's words (for `other`).
    pub fn with_purpose_other(mut self, text: impl Into<String>) -> Self {
        self.transactions_purpose_other = Some(text.into());
        self
    }

    /// Sets the source in the user's words (for `other`).
    pub fn with_funds_source_other(mut self, text: impl Into<String>) -> Self {
        self.funds_source_other = Some(text.into());
        self
    }

    /// Sets the origin in the user's words (for `other`).
    pub fn with_funds_origin_other(mut self, text: impl Into<String>) -> Self {
        self.funds_origin_other = Some(text.into());
        self
    }

    /// Checks the answers; `prefix` is `edd` inside `kyc-create`, and `complete` asks for
    /// every answer `kyc-edd` requires.
    fn check(&self, prefix: &str, complete: bool) -> Result<(), InvalidInput> {
        let name = |n: &str| {
            if prefix.is_empty() {
                n.to_owned()
            } else {
                format!("{prefix}.{n}")
            }
        };
        if complete {
            let missing = [
                ("transactionsPurpose", self.transactions_purpose.is_none()),
                (
                    "transactionsNatureValue",
                    self.transactions_nature_value.is_none(),
                ),
                (
                    "transactionsNatureFrequency",
                    self.transactions_nature_frequency.is_none(),
                ),
                ("fundsSource", self.funds_source.is_none()),
                ("fundsSourceFile", self.funds_source_file.is_none()),
                ("fundsOrigin", self.funds_origin.is_none()),
                ("fundsOriginFile", self.funds_origin_file.is_none()),
            ];
            if let Some((field, _)) = missing.iter().find(|(_, m)| *m) {
                return Err(InvalidInput::new(name(field), "is required"));
            }
        }
        for (field, value) in [
            ("transactionsNatureValue", self.transactions_nature_value),
            (
                "transactionsNatureFrequency",
                self.transactions_nature_frequency,
            ),
        ] {
            if let Some(v) = value
                && !(1..=5).contains(&v)
            {
                return Err(InvalidInput::new(
                    name(field),
                    format!("must be 1 to 5, not {v}"),
                ));
            }
        }
        let others = [
            (
                "transactionsPurposeOther",
                self.transactions_purpose == Some(EddPurpose::Other),
                &self.transactions_purpose_other,
            ),
            (
                "fundsSourceOther",
                self.funds_source == Some(FundsSource::Other),
                &self.funds_source_other,
            ),
            (
                "fundsOriginOther",
                self.funds_origin == Some(FundsOrigin::Other),
                &self.funds_origin_other,
            ),
        ];
        for (field, needed, text) in others {
            match text {
                Some(t) => require_text(&name(field), t, MAX_TEXT)?,
                None if needed => {
                    return Err(InvalidInput::new(
                        name(field),
                        "is required when the answer is `other`",
                    ));
                }
                None => {}
            }
        }
        Ok(())
    }

    /// Takes the two proofs (`{prefix}fundsSourceFile`, `{prefix}fundsOriginFile`) from
    /// the CLI's files; whether either was there.
    fn take_files(&mut self, files: &mut Vec<InputFile>, prefix: &str) -> bool {
        let source = take_file(files, &format!("{prefix}fundsSourceFile"));
        let origin = take_file(files, &format!("{prefix}fundsOriginFile"));
        let took = source.is_some() || origin.is_some();
        set(&mut self.funds_source_file, source);
        set(&mut self.funds_origin_file, origin);
        took
    }

    fn add_to(&self, mut form: Form, prefix: &str) -> Result<Form, InvalidInput> {
        let name = |n: &str| {
            if prefix.is_empty() {
                n.to_owned()
            } else {
                format!("{prefix}.{n}")
            }
        };
        let value = self.transactions_nature_value.map(|v| v.to_string());
        let frequency = self.transactions_nature_frequency.map(|v| v.to_string());
        let texts = [
            (
                "transactionsPurpose",
                self.transactions_purpose.as_ref().map(|p| p.as_str()),
            ),
            (
                "transactionsPurposeOther",
                self.transactions_purpose_other.as_deref(),
            ),
            ("transactionsNatureValue", value.as_deref()),
            ("transactionsNatureFrequency", frequency.as_deref()),
            (
                "fundsSource",
                self.funds_source.as_ref().map(|s| s.as_str()),
            ),
            ("fundsSourceOther", self.funds_source_other.as_deref()),
            (
                "fundsOrigin",
                self.funds_origin.as_ref().map(|o| o.as_str()),
            ),
            ("fundsOriginOther", self.funds_origin_other.as_deref()),
        ];
        for (field, text) in texts {
            form = form.text_opt(&php_name(&name(field)), text);
        }
        if let Some(f) = &self.funds_source_file {
            form = form.file(&name("fundsSourceFile"), f, FileKind::IMAGES)?;
        }
        if let Some(f) = &self.funds_origin_file {
            form = form.file(&name("fundsOriginFile"), f, FileKind::IMAGES)?;
        }
        Ok(form)
    }
}

/// `POST /api/v1/user/{user}/kyc`: submits the whole KYC at once: address, identity
/// documents and (optionally) EDD answers. Answers 201 with the KYC.
///
/// Input document: `{"user", "country", "city", "zip", "street", "edd": {…}}`, the files
/// given apart (`documents.governmentIdFront`, `documents.governmentIdBack`,
/// `documents.passport`, `documents.utilityBill`, `documents.selfieWithId`,
/// `edd.fundsSourceFile`, `edd.fundsOriginFile`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateKyc {
    /// The user id.
    pub user: String,
    /// Country ISO code (`RO`).
    pub country: String,
    /// City (at most 191 characters).
    pub city: String,
    /// Zip code: 4 to 10 letters or digits.
    pub zip: String,
    /// Street (at most 191 characters).
    pub street: String,
    /// The identity documents.
    #[serde(default)]
    pub documents: KycFiles,
    /// EDD answers, when given now.
    #[serde(default)]
    pub edd: Option<EddAnswers>,
}

impl CreateKyc {
    /// The KYC of `user` at the given address, with `documents`.
    pub fn new(
        user: impl Into<String>,
        country: impl Into<String>,
        city: impl Into<String>,
        zip: impl Into<String>,
        street: impl Into<String>,
        documents: KycFiles,
    ) -> Self {
        CreateKyc {
            user: user.into(),
            country: country.into(),
            city: city.into(),
            zip: zip.into(),
            street: street.into(),
            documents,
            edd: None,
        }
    }

    /// Adds EDD answers (each optional here).
    pub fn with_edd(mut self, edd: EddAnswers) -> Self {
        self.edd = Some(edd);
        self
    }
}

impl AttachFiles for CreateKyc {
    fn attach(&mut self, mut files: Vec<InputFile>) -> Result<(), InvalidInput> {
        let d = &mut self.documents;
        set(
            &mut d.government_id_front,
            take_file(&mut files, "documents.governmentIdFront"),
        );
        set(
            &mut d.government_id_back,
            take_file(&mut files, "documents.governmentIdBack"),
        );
        set(&mut d.passport, take_file(&mut files, "documents.passport"));
        set(
            &mut d.utility_bill,
            take_file(&mut files, "documents.utilityBill"),
        );
        set(
            &mut d.selfie_with_id,
            take_file(&mut files, "documents.selfieWithId"),
        );
        let had_edd = self.edd.is_some();
        let mut edd = self.edd.take().unwrap_or_default();
        if edd.take_files(&mut files, "edd.") || had_edd {
            self.edd = Some(edd);
        }
        no_other_files(&files)
    }
}

impl Endpoint for CreateKyc {
    type Output = Kyc;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        let form = address_form(&self.country, &self.city, &self.zip, &self.street)?;
        self.documents.check()?;
        if let Some(edd) = &self.edd {
            edd.check("edd", false)?;
        }
        let mut form = form;
        form = self.documents.add_to(form)?;
        if let Some(edd) = &self.edd {
            form = edd.add_to(form, "edd")?;
        }
        Ok(
            RequestSpec::with_path(&operations::KYC_CREATE, &[Some(&self.user)])?
                .body(form.build()),
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Kyc, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/kyc/personal-data`: the user's name and date of birth.
/// Answers 201 with the body `null`.
///
/// Input document: `{"user", "firstName", "lastName", "dateOfBirth"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubmitKycPersonalData {
    /// The user id.
    pub user: String,
    /// First name (letters and spaces, at most 191 characters).
    pub first_name: String,
    /// Last name (letters and spaces, at most 191 characters).
    pub last_name: String,
    /// Date of birth, `YYYY-MM-DD`; the user must be 18 or older (the server checks).
    pub date_of_birth: String,
}

impl SubmitKycPersonalData {
    /// The personal data of `user`.
    pub fn new(
        user: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        date_of_birth: impl Into<String>,
    ) -> Self {
        SubmitKycPersonalData {
            user: user.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            date_of_birth: date_of_birth.into(),
        }
    }
}

impl Endpoint for SubmitKycPersonalData {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        require_text("firstName", &self.first_name, MAX_TEXT)?;
        require_text("lastName", &self.last_name, MAX_TEXT)?;
        check_date("dateOfBirth", &self.date_of_birth)?;
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            first_name: &'a str,
            last_name: &'a str,
            date_of_birth: &'a str,
        }
        RequestSpec::with_path(&operations::KYC_PERSONAL_DATA, &[Some(&self.user)])?.json(&Body {
            first_name: &self.first_name,
            last_name: &self.last_name,
            date_of_birth: &self.date_of_birth,
        })
    }
}

/// `POST /api/v1/user/{user}/kyc/address`: the user's address, with an optional utility
/// bill (jpg, jpeg, bmp, png or pdf). Answers 200 with the body `null`. Sent as
/// `multipart/form-data` with or without the file.
///
/// Input document: `{"user", "country", "city", "zip", "street"}`, the file given apart
/// (`utilityBill`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubmitKycAddress {
    /// The user id.
    pub user: String,
    /// Country ISO code (`RO`).
    pub country: String,
    /// City (letters, digits, `-` and `_` by the docs' rule; at most 191 characters).
    pub city: String,
    /// Zip code: 4 to 10 letters or digits.
    pub zip: String,
    /// Street (at most 191 characters).
    pub street: String,
    /// Proof of address.
    #[serde(skip)]
    pub utility_bill: Option<File>,
}

impl SubmitKycAddress {
    /// The address of `user`.
    pub fn new(
        user: impl Into<String>,
        country: impl Into<String>,
        city: impl Into<String>,
        zip: impl Into<String>,
        street: impl Into<String>,
    ) -> Self {
        SubmitKycAddress {
            user: user.into(),
            country: country.into(),
            city: city.into(),
            zip: zip.into(),
            street: street.into(),
            utility_bill: None,
        }
    }

    /// Adds a utility bill.
    pub fn with_utility_bill(mut self, file: File) -> Self {
        self.utility_bill = Some(file);
        self
    }
}

impl AttachFiles for SubmitKycAddress {
    fn attach(&mut self, mut files: Vec<InputFile>) -> Result<(), InvalidInput> {
        set(&mut self.utility_bill, take_file(&mut files, "utilityBill"));
        no_other_files(&files)
    }
}

impl Endpoint for SubmitKycAddress {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        let mut form = address_form(&self.country, &self.city, &self.zip, &self.street)?;
        if let Some(f) = &self.utility_bill {
            form = form.file("utilityBill", f, FileKind::IMAGES_AND_PDF)?;
        }
        Ok(
            RequestSpec::with_path(&operations::KYC_ADDRESS, &[Some(&self.user)])?
                .body(form.build()),
        )
    }
}

/// `POST /api/v1/user/{user}/kyc/document`: uploads one identity document (jpg, jpeg,
/// bmp, png or pdf). The docs mark `type` optional, but only `type` says which document
/// the file is: [`UploadKycDocument::new`] takes it. Answers with the KYC; CCPro limits
/// the uploads per day (403 "You have reach the maximum number of files uploaded/day.").
///
/// Input document: `{"user", "type"}`, the file given apart (`file`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadKycDocument {
    /// The user id.
    pub user: String,
    /// Which document it is.
    #[serde(rename = "type", default)]
    pub kind: Option<KycDocumentType>,
    /// The file (required).
    #[serde(skip)]
    pub file: Option<File>,
}

impl UploadKycDocument {
    /// Uploads `file` as the `kind` document of `user`.
    pub fn new(user: impl Into<String>, kind: KycDocumentType, file: File) -> Self {
        UploadKycDocument {
            user: user.into(),
            kind: Some(kind),
            file: Some(file),
        }
    }
}

impl AttachFiles for UploadKycDocument {
    fn attach(&mut self, mut files: Vec<InputFile>) -> Result<(), InvalidInput> {
        set(&mut self.file, take_file(&mut files, "file"));
        no_other_files(&files)
    }
}

impl Endpoint for UploadKycDocument {
    type Output = Kyc;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| InvalidInput::new("file", "is required"))?;
        let form = Form::new()
            .text_opt("type", self.kind.as_ref().map(|k| k.as_str()))
            .file("file", file, FileKind::IMAGES_AND_PDF)?;
        Ok(
            RequestSpec::with_path(&operations::KYC_DOCUMENT, &[Some(&self.user)])?
                .body(form.build()),
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Kyc, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/kyc/video`: books the KYC video call at `date`
/// (`YYYY-MM-DD HH:MM:SS`, not in the past; the docs do not say in which time zone: the
/// answer's `video.scheduleDateTimezone` does). Not an upload. 421 "Selected date is
/// invalid due admins unavailability." when no one is free then.
///
/// Input document: `{"user", "date"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleKycVideo {
    /// The user id.
    pub user: String,
    /// The call's date and time, `YYYY-MM-DD HH:MM:SS`.
    pub date: String,
}

impl ScheduleKycVideo {
    /// Books the call of `user` at `date` (`2020-12-30 12:00:00`).
    pub fn new(user: impl Into<String>, date: impl Into<String>) -> Self {
        ScheduleKycVideo {
            user: user.into(),
            date: date.into(),
        }
    }
}

impl Endpoint for ScheduleKycVideo {
    type Output = Kyc;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        check_date_time("date", &self.date)?;
        one_field(&operations::KYC_VIDEO, &self.user, "date", &self.date)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Kyc, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/kyc/edd`: the enhanced-due-diligence answers and their two
/// proofs (images). Answers with the KYC.
///
/// Input document: `{"user", "transactionsPurpose", "transactionsPurposeOther",
/// "transactionsNatureValue", "transactionsNatureFrequency", "fundsSource",
/// "fundsSourceOther", "fundsOrigin", "fundsOriginOther"}`, the files given apart
/// (`fundsSourceFile`, `fundsOriginFile`).
#[derive(Debug, Clone, PartialEq)]
pub struct SubmitKycEdd {
    /// The user id.
    pub user: String,
    /// The answers.
    pub answers: EddAnswers,
}

impl SubmitKycEdd {
    /// The EDD answers of `user`.
    pub fn new(user: impl Into<String>, answers: EddAnswers) -> Self {
        SubmitKycEdd {
            user: user.into(),
            answers,
        }
    }
}

impl<'de> Deserialize<'de> for SubmitKycEdd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct Doc {
            user: String,
            #[serde(default)]
            transactions_purpose: Option<EddPurpose>,
            #[serde(default)]
            transactions_purpose_other: Option<String>,
            #[serde(default)]
            transactions_nature_value: Option<u8>,
            #[serde(default)]
            transactions_nature_frequency: Option<u8>,
            #[serde(default)]
            funds_source: Option<FundsSource>,
            #[serde(default)]
            funds_source_other: Option<String>,
            #[serde(default)]
            funds_origin: Option<FundsOrigin>,
            #[serde(default)]
            funds_origin_other: Option<String>,
        }
        let doc = Doc::deserialize(d)?;
        Ok(SubmitKycEdd {
            user: doc.user,
            answers: EddAnswers {
                transactions_purpose: doc.transactions_purpose,
                transactions_purpose_other: doc.transactions_purpose_other,
                transactions_nature_value: doc.transactions_nature_value,
                transactions_nature_frequency: doc.transactions_nature_frequency,
                funds_source: doc.funds_source,
                funds_source_other: doc.funds_source_other,
                funds_source_file: None,
                funds_origin: doc.funds_origin,
                funds_origin_other: doc.funds_origin_other,
                funds_origin_file: None,
            },
        })
    }
}

impl AttachFiles for SubmitKycEdd {
    fn attach(&mut self, mut files: Vec<InputFile>) -> Result<(), InvalidInput> {
        self.answers.take_files(&mut files, "");
        no_other_files(&files)
    }
}

impl Endpoint for SubmitKycEdd {
    type Output = Kyc;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        self.answers.check("", true)?;
        let form = self.answers.add_to(Form::new(), "")?;
        Ok(RequestSpec::with_path(&operations::KYC_EDD, &[Some(&self.user)])?.body(form.build()))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Kyc, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/kyc/phone/add`: adds the user's phone number; CCPro sends
/// it an SMS code (confirm with [`VerifyKycPhone`]). The number is digits only, with the
/// country code and without `+` (`40700000000`).
///
/// Input document: `{"user", "phone"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddKycPhone {
    /// The user id.
    pub user: String,
    /// The number: 7 to 15 digits.
    pub phone: String,
}

impl AddKycPhone {
    /// Adds `phone` to `user`.
    pub fn new(user: impl Into<String>, phone: impl Into<String>) -> Self {
        AddKycPhone {
            user: user.into(),
            phone: phone.into(),
        }
    }
}

impl Endpoint for AddKycPhone {
    type Output = PhoneVerification;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        check_phone("phone", &self.phone)?;
        one_field(&operations::KYC_PHONE_ADD, &self.user, "phone", &self.phone)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<PhoneVerification, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/kyc/phone/verify`: confirms the phone with the SMS code.
///
/// Input document: `{"user", "code"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyKycPhone {
    /// The user id.
    pub user: String,
    /// The SMS code (`111111`).
    pub code: String,
}

impl VerifyKycPhone {
    /// Confirms the phone of `user` with `code`.
    pub fn new(user: impl Into<String>, code: impl Into<String>) -> Self {
        VerifyKycPhone {
            user: user.into(),
            code: code.into(),
        }
    }
}

impl Endpoint for VerifyKycPhone {
    type Output = PhoneVerification;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        require_text("code", &self.code, MAX_TEXT)?;
        one_field(
            &operations::KYC_PHONE_VERIFY,
            &self.user,
            "code",
            &self.code,
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<PhoneVerification, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/kyc/phone/reverify`: sends the SMS code again (once per
/// day: 403 "You can resubmit phone verification once per day."). No body.
///
/// Input document: `{"user"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResendKycPhoneCode {
    /// The user id.
    pub user: String,
}

impl ResendKycPhoneCode {
    /// Sends the code of `user` again.
    pub fn new(user: impl Into<String>) -> Self {
        ResendKycPhoneCode { user: user.into() }
    }
}

impl Endpoint for ResendKycPhoneCode {
    type Output = PhoneVerification;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        RequestSpec::with_path(&operations::KYC_PHONE_REVERIFY, &[Some(&self.user)])
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<PhoneVerification, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `GET …/kyc`: the session user's KYC.
    pub async fn kyc(&self) -> Result<Kyc, payments_core::Error> {
        self.send(&ShowKyc::new(self.user_id())).await
    }

    /// `POST …/kyc`: submits the session user's whole KYC (address, documents, optional
    /// EDD answers).
    pub async fn create_kyc(
        &self,
        country: impl Into<String>,
        city: impl Into<String>,
        zip: impl Into<String>,
        street: impl Into<String>,
        documents: KycFiles,
        edd: Option<EddAnswers>,
    ) -> Result<Kyc, payments_core::Error> {
        let mut request = CreateKyc::new(self.user_id(), country, city, zip, street, documents);
        request.edd = edd;
        self.send(&request).await
    }

    /// `POST …/kyc/personal-data`: the session user's name and date of birth
    /// (`YYYY-MM-DD`).
    pub async fn submit_kyc_personal_data(
        &self,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        date_of_birth: impl Into<String>,
    ) -> Result<NoContent, payments_core::Error> {
        self.send(&SubmitKycPersonalData::new(
            self.user_id(),
            first_name,
            last_name,
            date_of_birth,
        ))
        .await
    }

    /// `POST …/kyc/address`: the session user's address, with an optional utility bill.
    pub async fn submit_kyc_address(
        &self,
        country: impl Into<String>,
        city: impl Into<String>,
        zip: impl Into<String>,
        street: impl Into<String>,
        utility_bill: Option<File>,
    ) -> Result<NoContent, payments_core::Error> {
        let mut request = SubmitKycAddress::new(self.user_id(), country, city, zip, street);
        request.utility_bill = utility_bill;
        self.send(&request).await
    }

    /// `POST …/kyc/document`: uploads one of the session user's identity documents.
    pub async fn upload_kyc_document(
        &self,
        kind: KycDocumentType,
        file: File,
    ) -> Result<Kyc, payments_core::Error> {
        self.send(&UploadKycDocument::new(self.user_id(), kind, file))
            .await
    }

    /// `POST …/kyc/video`: books the session user's video call (`YYYY-MM-DD HH:MM:SS`).
    pub async fn schedule_kyc_video(
        &self,
        date: impl Into<String>,
    ) -> Result<Kyc, payments_core::Error> {
        self.send(&ScheduleKycVideo::new(self.user_id(), date))
            .await
    }

    /// `POST …/kyc/edd`: the session user's EDD answers and proofs.
    pub async fn submit_kyc_edd(&self, answers: EddAnswers) -> Result<Kyc, payments_core::Error> {
        self.send(&SubmitKycEdd::new(self.user_id(), answers)).await
    }

    /// `POST …/kyc/phone/add`: adds the session user's phone (digits only, `40700000000`).
    pub async fn add_kyc_phone(
        &self,
        phone: impl Into<String>,
    ) -> Result<PhoneVerification, payments_core::Error> {
        self.send(&AddKycPhone::new(self.user_id(), phone)).await
    }

    /// `POST …/kyc/phone/verify`: confirms the session user's phone with the SMS code.
    pub async fn verify_kyc_phone(
        &self,
        code: impl Into<String>,
    ) -> Result<PhoneVerification, payments_core::Error> {
        self.send(&VerifyKycPhone::new(self.user_id(), code)).await
    }

    /// `POST …/kyc/phone/reverify`: sends the SMS code again (once per day).
    pub async fn resend_kyc_phone_code(&self) -> Result<PhoneVerification, payments_core::Error> {
        self.send(&ResendKycPhoneCode::new(self.user_id())).await
    }
}
