//! Users: the public account operations (`user-forgot-password`, `user-reset-password`,
//! `user-create`, `user-verify-email`, `user-reverify-email`: no credentials are sent,
//! though the docs' curl examples carry a bearer token) and the user's profile
//! (`user-profile`, with the session's token).

use std::fmt;

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, ExposeSecret, RequestSpec, SecretString};
use serde::{Deserialize, Serialize};

use crate::api::kyc::{check_date, check_phone, check_user, check_zip};
use crate::api::securities::check_password;
use crate::api::{optional_secret, secret};
use crate::client::BodySecrets;
use crate::operations;
use crate::types::common::{Message, data};
use crate::types::users::{UserCreated, UserProfile};

/// The longest e-mail, reset token and free text the docs allow.
const MAX_EMAIL: usize = 255;
const MAX_TEXT: usize = 191;

fn optional_text(field: &str, value: &Option<String>) -> Result<(), InvalidInput> {
    match value {
        Some(v) => require_text(field, v, MAX_TEXT),
        None => Ok(()),
    }
}

payments_core::wire_enum! {
    /// How the password-reset e-mail shows the reset token (`type` of
    /// `user-forgot-password`; `text` when not given).
    pub enum ResetTokenFormat {
        /// `text`: the token as text, to type in (the default).
        Text = "text",
        /// `link`: a link.
        Link = "link",
    }
}

/// `POST /api/v1/user/forgot-password`: starts a password reset; CCPro e-mails the user
/// a token for [`ResetPassword`]. Public. 422 "The email was not found.".
///
/// Input document: `{"email", "type"}` (`type` optional).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForgotPassword {
    /// The user's e-mail (at most 255 characters).
    pub email: String,
    /// How the e-mail shows the token.
    #[serde(rename = "type", default)]
    pub format: Option<ResetTokenFormat>,
}

impl ForgotPassword {
    /// Starts a reset for `email`.
    pub fn new(email: impl Into<String>) -> Self {
        ForgotPassword {
            email: email.into(),
            format: None,
        }
    }

    /// Sets how the e-mail shows the token.
    pub fn with_format(mut self, format: ResetTokenFormat) -> Self {
        self.format = Some(format);
        self
    }
}

impl Endpoint for ForgotPassword {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("email", &self.email, MAX_EMAIL)?;
        #[derive(Serialize)]
        struct Body<'a> {
            email: &'a str,
            #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
            format: Option<&'a str>,
        }
        RequestSpec::new(&operations::USER_FORGOT_PASSWORD).json(&Body {
            email: &self.email,
            format: self.format.as_ref().map(|f| f.as_str()),
        })
    }

    /// The answer is `{"data": {"message": …}}`.
    fn decode(status: StatusCode, body: &[u8]) -> Result<Message, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/reset-password`: sets a new password with the token
/// [`ForgotPassword`] e-mailed. Public. The rule is 8 to 191 characters, but the docs'
/// own example sends a 5-character filler password, so only blank and over-long
/// passwords are refused here and the server judges the rest. Debug hides the token and
/// the password.
///
/// Input document: `{"email", "token", "password"}`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetPassword {
    /// The user's e-mail.
    pub email: String,
    /// The reset token from the e-mail.
    #[serde(deserialize_with = "secret")]
    pub token: SecretString,
    /// The new password.
    #[serde(deserialize_with = "secret")]
    pub password: SecretString,
}

impl fmt::Debug for ResetPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResetPassword")
            .field("email", &self.email)
            .field("token", &"[REDACTED]")
            .field("password", &"[REDACTED]")
            .finish()
    }
}

impl ResetPassword {
    /// Sets `password` for `email` with the reset `token`.
    pub fn new(
        email: impl Into<String>,
        token: impl Into<SecretString>,
        password: impl Into<SecretString>,
    ) -> Self {
        ResetPassword {
            email: email.into(),
            token: token.into(),
            password: password.into(),
        }
    }
}

impl Endpoint for ResetPassword {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("email", &self.email, MAX_EMAIL)?;
        require_text("token", self.token.expose_secret(), MAX_EMAIL)?;
        if self.password.expose_secret().is_empty() {
            return Err(InvalidInput::new("password", "is required"));
        }
        if self.password.expose_secret().chars().count() > MAX_TEXT {
            return Err(InvalidInput::new(
                "password",
                format!("must be at most {MAX_TEXT} characters"),
            ));
        }
        #[derive(Serialize)]
        struct Body<'a> {
            email: &'a str,
            token: &'a str,
            password: &'a str,
        }
        Ok(RequestSpec::new(&operations::USER_RESET_PASSWORD)
            .json(&Body {
                email: &self.email,
                token: self.token.expose_secret(),
                password: self.password.expose_secret(),
            })?
            .extension(BodySecrets::of([Some(&self.token), Some(&self.password)])))
    }

    /// The answer is `{"data": {"message": …}}`.
    fn decode(status: StatusCode, body: &[u8]) -> Result<Message, DecodeFailure> {
        data(status, body)
    }
}

/// The address of a new user (`address.*` of `user-create`), every part optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUserAddress {
    /// Country ISO code (`RO`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Zip code: 4 to 10 letters or digits, sent as text (the docs type it `numeric`,
    /// but the rule is `alpha_num` and the example a string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Street.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
}

/// The platform a new user is linked to (`platform.*` of `user-create`): part of the
/// body, not a path value, and no platform JWT is sent (the docs do not say how the link
/// is authorised).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlatformLink {
    /// The platform's UUID. With it, the password may be left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user's id at the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The user's e-mail at the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The user's username at the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The user's referral id at the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_id: Option<String>,
}

/// `POST /api/v1/user`: creates a user, who gets an activation e-mail (see
/// [`VerifyEmail`]). Public. Answers 201 with the user (its id as `uuid`) and the
/// registration `meta`. The password (8 to 191 characters) may be left out only when the
/// user is linked to a platform (`platform.id`). Debug hides the password.
///
/// Input document: `{"email", "password", "firstName", "lastName", "dateOfBirth",
/// "phone", "address": {…}, "platform": {…}, "redirectTo"}`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateUser {
    /// E-mail (unique).
    pub email: String,
    /// Password.
    #[serde(default, deserialize_with = "optional_secret")]
    pub password: Option<SecretString>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Date of birth, `YYYY-MM-DD` (18 or older).
    pub date_of_birth: String,
    /// Phone: 7 to 15 digits, without `+`.
    #[serde(default)]
    pub phone: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<NewUserAddress>,
    /// The platform to link the user to.
    #[serde(default)]
    pub platform: Option<PlatformLink>,
    /// Where the activation link leads once clicked (a URL).
    #[serde(default)]
    pub redirect_to: Option<String>,
}

impl fmt::Debug for CreateUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateUser")
            .field("email", &self.email)
            .field("password", &self.password.as_ref().map(|_| "[REDACTED]"))
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("date_of_birth", &self.date_of_birth)
            .field("phone", &self.phone)
            .field("address", &self.address)
            .field("platform", &self.platform)
            .field("redirect_to", &self.redirect_to)
            .finish()
    }
}

impl CreateUser {
    /// A user with `email`, name and date of birth (`YYYY-MM-DD`); add a password or a
    /// platform.
    pub fn new(
        email: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        date_of_birth: impl Into<String>,
    ) -> Self {
        CreateUser {
            email: email.into(),
            password: None,
            first_name: first_name.into(),
            last_name: last_name.into(),
            date_of_birth: date_of_birth.into(),
            phone: None,
            address: None,
            platform: None,
            redirect_to: None,
        }
    }

    /// Sets the password.
    pub fn with_password(mut self, password: impl Into<SecretString>) -> Self {
        self.password = Some(password.into());
        self
    }

    /// Sets the phone (digits only).
    pub fn with_phone(mut self, phone: impl Into<String>) -> Self {
        self.phone = Some(phone.into());
        self
    }

    /// Sets the address.
    pub fn with_address(mut self, address: NewUserAddress) -> Self {
        self.address = Some(address);
        self
    }

    /// Links the user to a platform.
    pub fn with_platform(mut self, platform: PlatformLink) -> Self {
        self.platform = Some(platform);
        self
    }

    /// Sets where the activation link leads.
    pub fn with_redirect_to(mut self, url: impl Into<String>) -> Self {
        self.redirect_to = Some(url.into());
        self
    }

    fn check(&self) -> Result<(), InvalidInput> {
        require_text("email", &self.email, MAX_EMAIL)?;
        match &self.password {
            Some(p) => check_password("password", p)?,
            None if self.platform.as_ref().is_some_and(|p| p.id.is_some()) => {}
            None => {
                return Err(InvalidInput::new(
                    "password",
                    "is required unless the user is linked to a platform (platform.id)",
                ));
            }
        }
        require_text("firstName", &self.first_name, MAX_TEXT)?;
        require_text("lastName", &self.last_name, MAX_TEXT)?;
        check_date("dateOfBirth", &self.date_of_birth)?;
        if let Some(phone) = &self.phone {
            check_phone("phone", phone)?;
        }
        if let Some(a) = &self.address {
            optional_text("address.country", &a.country)?;
            optional_text("address.city", &a.city)?;
            if let Some(zip) = &a.zip {
                check_zip("address.zip", zip)?;
            }
            optional_text("address.street", &a.street)?;
        }
        if let Some(p) = &self.platform {
            optional_text("platform.id", &p.id)?;
            optional_text("platform.userId", &p.user_id)?;
            optional_text("platform.email", &p.email)?;
            optional_text("platform.username", &p.username)?;
            optional_text("platform.referralId", &p.referral_id)?;
        }
        if let Some(r) = &self.redirect_to {
            require_text("redirectTo", r, 2048)?;
        }
        Ok(())
    }
}

impl Endpoint for CreateUser {
    type Output = UserCreated;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.check()?;
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            email: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            password: Option<&'a str>,
            first_name: &'a str,
            last_name: &'a str,
            date_of_birth: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            phone: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            address: Option<&'a NewUserAddress>,
            #[serde(skip_serializing_if = "Option::is_none")]
            platform: Option<&'a PlatformLink>,
            #[serde(skip_serializing_if = "Option::is_none")]
            redirect_to: Option<&'a str>,
        }
        Ok(RequestSpec::new(&operations::USER_CREATE)
            .json(&Body {
                email: &self.email,
                password: self.password.as_ref().map(|p| p.expose_secret()),
                first_name: &self.first_name,
                last_name: &self.last_name,
                date_of_birth: &self.date_of_birth,
                phone: self.phone.as_deref(),
                address: self.address.as_ref(),
                platform: self.platform.as_ref(),
                redirect_to: self.redirect_to.as_deref(),
            })?
            .extension(BodySecrets::of([self.password.as_ref()])))
    }
}

/// Who an e-mail verification is for: by `id`, by `email`, or both (as the docs' example
/// sends); one of them is required.
fn check_id_or_email(id: &Option<String>, email: &Option<String>) -> Result<(), InvalidInput> {
    if id.is_none() && email.is_none() {
        return Err(InvalidInput::new("id", "give the user's id or e-mail"));
    }
    if let Some(id) = id {
        require_text("id", id, MAX_EMAIL)?;
    }
    if let Some(email) = email {
        require_text("email", email, MAX_EMAIL)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct WhoBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
}

/// `POST /api/v1/user/verify`: activates a new user with the code CCPro e-mailed them.
/// Public. 423 `{"error": "The user account is already active."}`.
///
/// Input document: `{"id", "email", "code"}` (`id` or `email`, or both).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyEmail {
    /// The user's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The user's e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// The code from the e-mail (letters and digits).
    pub code: String,
}

impl VerifyEmail {
    /// Verifies the user with id `id` with `code`.
    pub fn by_id(id: impl Into<String>, code: impl Into<String>) -> Self {
        VerifyEmail {
            id: Some(id.into()),
            email: None,
            code: code.into(),
        }
    }

    /// Verifies the user with e-mail `email` with `code`.
    pub fn by_email(email: impl Into<String>, code: impl Into<String>) -> Self {
        VerifyEmail {
            id: None,
            email: Some(email.into()),
            code: code.into(),
        }
    }
}

impl Endpoint for VerifyEmail {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_id_or_email(&self.id, &self.email)?;
        require_text("code", &self.code, MAX_EMAIL)?;
        RequestSpec::new(&operations::USER_VERIFY_EMAIL).json(&WhoBody {
            id: self.id.as_deref(),
            email: self.email.as_deref(),
            code: Some(&self.code),
        })
    }
}

/// `POST /api/v1/user/reverify`: sends the activation e-mail again (once per day: 403
/// "You can resubmit email verification once per day."). Public.
///
/// Input document: `{"id", "email"}` (`id` or `email`, or both).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResendVerificationEmail {
    /// The user's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The user's e-mail.
    #[serde(default)]
    pub email: Option<String>,
}

impl ResendVerificationEmail {
    /// For the user with id `id`.
    pub fn by_id(id: impl Into<String>) -> Self {
        ResendVerificationEmail {
            id: Some(id.into()),
            email: None,
        }
    }

    /// For the user with e-mail `email`.
    pub fn by_email(email: impl Into<String>) -> Self {
        ResendVerificationEmail {
            id: None,
            email: Some(email.into()),
        }
    }
}

impl Endpoint for ResendVerificationEmail {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_id_or_email(&self.id, &self.email)?;
        RequestSpec::new(&operations::USER_REVERIFY_EMAIL).json(&WhoBody {
            id: self.id.as_deref(),
            email: self.email.as_deref(),
            code: None,
        })
    }
}

/// `GET /api/v1/user/{user}`: the user's profile, with their KYC, wallets, cards, banks
/// and linked platforms.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowUserProfile {
    /// The user id.
    pub user: String,
}

impl ShowUserProfile {
    /// The profile of `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ShowUserProfile { user: user.into() }
    }
}

impl Endpoint for ShowUserProfile {
    type Output = UserProfile;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        RequestSpec::with_path(&operations::USER_PROFILE, &[Some(&self.user)])
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<UserProfile, DecodeFailure> {
        data(status, body)
    }
}

impl crate::Client {
    /// `POST /api/v1/user/forgot-password`: starts a password reset for `email`.
    pub async fn forgot_password(
        &self,
        email: impl Into<String>,
        format: Option<ResetTokenFormat>,
    ) -> Result<Message, payments_core::Error> {
        let mut request = ForgotPassword::new(email);
        request.format = format;
        self.send(&request).await
    }

    /// `POST /api/v1/user/reset-password`: sets a new password with the e-mailed token.
    pub async fn reset_password(
        &self,
        email: impl Into<String>,
        token: impl Into<SecretString>,
        password: impl Into<SecretString>,
    ) -> Result<Message, payments_core::Error> {
        self.send(&ResetPassword::new(email, token, password)).await
    }

    /// `POST /api/v1/user`: creates a user.
    pub async fn create_user(
        &self,
        request: &CreateUser,
    ) -> Result<UserCreated, payments_core::Error> {
        self.send(request).await
    }

    /// `POST /api/v1/user/verify`: activates a new user with the e-mailed code.
    pub async fn verify_email(
        &self,
        request: &VerifyEmail,
    ) -> Result<Message, payments_core::Error> {
        self.send(request).await
    }

    /// `POST /api/v1/user/reverify`: sends the activation e-mail again.
    pub async fn resend_verification_email(
        &self,
        request: &ResendVerificationEmail,
    ) -> Result<Message, payments_core::Error> {
        self.send(request).await
    }
}

impl crate::UserClient {
    /// `GET /api/v1/user/{user}`: the session user's profile.
    pub async fn profile(&self) -> Result<UserProfile, payments_core::Error> {
        self.send(&ShowUserProfile::new(self.user_id())).await
    }
}
