//! Closing one's account: `account-close-initiate` (with the password; CCPro e-mails a
//! confirmation) and `account-close-abort`.
//!
//! The docs do not mark these as authenticated, but they act on `user/{user}`: the SDK
//! sends the session's bearer token.

use std::fmt;

use payments_core::provider::InvalidInput;
use payments_core::{Endpoint, Error, ExposeSecret, RequestSpec, SecretString};
use serde::{Deserialize, Serialize};

use crate::api::banks::require_id;
use crate::api::secret;
use crate::client::BodySecrets;
use crate::operations;
use crate::types::common::Message;

/// `POST /api/v1/user/{user}/account/close/initiate`: puts the account in the self-delete
/// queue; answers `{"message": "Self Delete Account procedure initiated. …"}`. CCPro
/// refuses with 425 (once per day), 410 (already scheduled) and 412 (a balance is still
/// available). Debug hides the password.
///
/// Input document: `{"user", "password"}`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiateAccountClose {
    /// The user's id.
    pub user: String,
    /// The user's password.
    #[serde(deserialize_with = "secret")]
    pub password: SecretString,
}

impl fmt::Debug for InitiateAccountClose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InitiateAccountClose")
            .field("user", &self.user)
            .field("password", &"[REDACTED]")
            .finish()
    }
}

impl InitiateAccountClose {
    /// Starts closing `user`'s account, confirmed by `password`.
    pub fn new(user: impl Into<String>, password: impl Into<SecretString>) -> Self {
        InitiateAccountClose {
            user: user.into(),
            password: password.into(),
        }
    }
}

impl Endpoint for InitiateAccountClose {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        if self.password.expose_secret().is_empty() {
            return Err(InvalidInput::new("password", "is required"));
        }
        #[derive(Serialize)]
        struct Body<'a> {
            password: &'a str,
        }
        Ok(
            RequestSpec::with_path(&operations::ACCOUNT_CLOSE_INITIATE, &[Some(&self.user)])?
                .json(&Body {
                    password: self.password.expose_secret(),
                })?
                .extension(BodySecrets::of([Some(&self.password)])),
        )
    }
}

/// `POST /api/v1/user/{user}/account/close/abort`: takes the account out of the
/// self-delete queue; answers `{"message": "Self Delete Account procedure aborted."}`, or
/// 410 when nothing was scheduled. No body.
///
/// Input document: `{"user"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbortAccountClose {
    /// The user's id.
    pub user: String,
}

impl AbortAccountClose {
    /// Stops closing `user`'s account.
    pub fn new(user: impl Into<String>) -> Self {
        AbortAccountClose { user: user.into() }
    }
}

impl Endpoint for AbortAccountClose {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        RequestSpec::with_path(&operations::ACCOUNT_CLOSE_ABORT, &[Some(&self.user)])
    }
}

impl crate::UserClient {
    /// `account-close-initiate`: starts closing the session's user's account.
    pub async fn initiate_account_close(
        &self,
        password: impl Into<SecretString>,
    ) -> Result<Message, Error> {
        self.send(&InitiateAccountClose::new(self.user_id(), password))
            .await
    }

    /// `account-close-abort`: stops closing the session's user's account.
    pub async fn abort_account_close(&self) -> Result<Message, Error> {
        self.send(&AbortAccountClose::new(self.user_id())).await
    }
}
