//! `kyc-create`: the whole KYC at once, its documents ([`KycFiles`]) and its enhanced
//! due-diligence answers ([`EddAnswers`]).

use super::*;

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
    pub(super) fn check(&self, prefix: &str, complete: bool) -> Result<(), InvalidInput> {
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
    pub(super) fn take_files(&mut self, files: &mut Vec<InputFile>, prefix: &str) -> bool {
        let source = take_file(files, &format!("{prefix}fundsSourceFile"));
        let origin = take_file(files, &format!("{prefix}fundsOriginFile"));
        let took = source.is_some() || origin.is_some();
        set(&mut self.funds_source_file, source);
        set(&mut self.funds_origin_file, origin);
        took
    }

    pub(super) fn add_to(&self, mut form: Form, prefix: &str) -> Result<Form, InvalidInput> {
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
        let mut form = address_form(&self.country, &self.city, &self.zip, &self.street)?;
        self.documents.check()?;
        if let Some(edd) = &self.edd {
            edd.check("edd", false)?;
        }
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
