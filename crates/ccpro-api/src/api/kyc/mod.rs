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

mod create;
mod phone;
mod steps;

pub use create::{CreateKyc, EddAnswers, KycFiles};
pub use phone::{AddKycPhone, ResendKycPhoneCode, VerifyKycPhone};
pub use steps::{
    ScheduleKycVideo, SubmitKycAddress, SubmitKycEdd, SubmitKycPersonalData, UploadKycDocument,
};

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
