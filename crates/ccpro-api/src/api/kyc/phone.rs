//! The phone steps: add a number, verify it with the texted code, send the code again.

use super::*;

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
