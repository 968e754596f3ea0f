//! The user's security settings: the security log (`security-list`), the access tokens
//! (`security-access-tokens`), changing the password (`security-change-password`) and
//! revoking a token (`security-invalidate-token`).

use std::fmt;

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, ExposeSecret, RequestSpec, SecretString};
use serde::{Deserialize, Serialize};

use crate::api::kyc::check_user;
use crate::api::secret;
use crate::client::BodySecrets;
use crate::operations;
use crate::types::common::{Message, data};
use crate::types::securities::{AccessTokenInfo, SecurityEvent};

/// `GET /api/v1/user/{user}/securities`: the user's security log (not paginated).
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListSecurityEvents {
    /// The user id.
    pub user: String,
}

impl ListSecurityEvents {
    /// The log of `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ListSecurityEvents { user: user.into() }
    }
}

impl Endpoint for ListSecurityEvents {
    type Output = Vec<SecurityEvent>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        RequestSpec::with_path(&operations::SECURITY_LIST, &[Some(&self.user)])
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<SecurityEvent>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/securities/access`: the user's access tokens, masked.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListAccessTokens {
    /// The user id.
    pub user: String,
}

impl ListAccessTokens {
    /// The tokens of `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ListAccessTokens { user: user.into() }
    }
}

impl Endpoint for ListAccessTokens {
    type Output = Vec<AccessTokenInfo>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        RequestSpec::with_path(&operations::SECURITY_ACCESS_TOKENS, &[Some(&self.user)])
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<AccessTokenInfo>, DecodeFailure> {
        data(status, body)
    }
}

/// Checks a password against `string|min:8|max:191`.
pub(crate) fn check_password(field: &str, password: &SecretString) -> Result<(), InvalidInput> {
    let n = password.expose_secret().chars().count();
    if n < 8 {
        return Err(InvalidInput::new(field, "must be at least 8 characters"));
    }
    if n > 191 {
        return Err(InvalidInput::new(field, "must be at most 191 characters"));
    }
    Ok(())
}

/// `POST /api/v1/user/{user}/securities/change-password`: changes the user's password.
/// Both passwords are 8 to 191 characters; the body's keys are snake_case
/// (`current_password`, `new_password`), unlike the rest of the API. 412 "The current
/// password is incorrect."; 409 "Password cannot be changed." (users without a password,
/// presumably: `meta.passwordSet` false). Debug hides both passwords.
///
/// Input document: `{"user", "current_password", "new_password"}`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    /// The user id.
    pub user: String,
    /// The current password.
    #[serde(deserialize_with = "secret")]
    pub current_password: SecretString,
    /// The new password.
    #[serde(deserialize_with = "secret")]
    pub new_password: SecretString,
}

impl fmt::Debug for ChangePassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChangePassword")
            .field("user", &self.user)
            .field("current_password", &"[REDACTED]")
            .field("new_password", &"[REDACTED]")
            .finish()
    }
}

impl ChangePassword {
    /// Changes the password of `user` from `current` to `new`.
    pub fn new(
        user: impl Into<String>,
        current: impl Into<SecretString>,
        new: impl Into<SecretString>,
    ) -> Self {
        ChangePassword {
            user: user.into(),
            current_password: current.into(),
            new_password: new.into(),
        }
    }
}

impl Endpoint for ChangePassword {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        check_password("current_password", &self.current_password)?;
        check_password("new_password", &self.new_password)?;
        #[derive(Serialize)]
        struct Body<'a> {
            current_password: &'a str,
            new_password: &'a str,
        }
        Ok(
            RequestSpec::with_path(&operations::SECURITY_CHANGE_PASSWORD, &[Some(&self.user)])?
                .json(&Body {
                    current_password: self.current_password.expose_secret(),
                    new_password: self.new_password.expose_secret(),
                })?
                .extension(BodySecrets::of([
                    Some(&self.current_password),
                    Some(&self.new_password),
                ])),
        )
    }
}

/// `POST /api/v1/user/{user}/securities/invalidate/{token}`: revokes one of the user's
/// access tokens. The docs' example passes the token as `security-access-tokens` lists
/// it (masked, `14bb7a50a5ede4XXXXXXXXXXXXXXXXXXXXXXXX`) and do not say whether the full
/// token is accepted too; either is sent as given, percent-encoded as one path segment.
/// Debug shows only the token's first 14 characters, as CCPro masks it. No body.
///
/// Input document: `{"user", "token"}`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidateAccessToken {
    /// The user id.
    pub user: String,
    /// The token (masked as listed, or in full).
    pub token: String,
}

impl fmt::Debug for InvalidateAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.token.chars().take(14).collect();
        let hidden = self.token.chars().count().saturating_sub(14);
        f.debug_struct("InvalidateAccessToken")
            .field("user", &self.user)
            .field("token", &format!("{shown}{}", "X".repeat(hidden)))
            .finish()
    }
}

impl InvalidateAccessToken {
    /// Revokes `token` of `user`.
    pub fn new(user: impl Into<String>, token: impl Into<String>) -> Self {
        InvalidateAccessToken {
            user: user.into(),
            token: token.into(),
        }
    }
}

impl Endpoint for InvalidateAccessToken {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user(&self.user)?;
        require_text("token", &self.token, 255)?;
        RequestSpec::with_path(
            &operations::SECURITY_INVALIDATE_TOKEN,
            &[Some(&self.user), Some(&self.token)],
        )
    }
}

impl crate::UserClient {
    /// `GET …/securities`: the session user's security log.
    pub async fn security_events(&self) -> Result<Vec<SecurityEvent>, payments_core::Error> {
        self.send(&ListSecurityEvents::new(self.user_id())).await
    }

    /// `GET …/securities/access`: the session user's access tokens, masked;
    /// [`AccessTokenInfo::is_current`] marks this session's.
    pub async fn access_tokens(&self) -> Result<Vec<AccessTokenInfo>, payments_core::Error> {
        self.send(&ListAccessTokens::new(self.user_id())).await
    }

    /// `POST …/securities/change-password`: changes the session user's password. A
    /// session that logs in with a password keeps the old one: log in again with the new
    /// one afterwards.
    pub async fn change_password(
        &self,
        current: impl Into<SecretString>,
        new: impl Into<SecretString>,
    ) -> Result<Message, payments_core::Error> {
        self.send(&ChangePassword::new(self.user_id(), current, new))
            .await
    }

    /// `POST …/securities/invalidate/{token}`: revokes one of the session user's tokens
    /// (as [`access_tokens`](Self::access_tokens) lists it).
    pub async fn invalidate_access_token(
        &self,
        token: impl Into<String>,
    ) -> Result<Message, payments_core::Error> {
        self.send(&InvalidateAccessToken::new(self.user_id(), token))
            .await
    }
}
