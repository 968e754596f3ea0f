//! The KYC steps one at a time: personal data, address, a document, the video call and
//! the enhanced due diligence.

use super::*;

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
