//! Logging users in and out: `authenticate-jwt` (the platform vouches for its user with a
//! JWT), `authenticate` (e-mail and password) and `logout`.

use std::fmt;

use payments_core::http::StatusCode;
use payments_core::provider::auth::JwtClaims;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, ExposeSecret, RequestSpec, SecretString};
use serde::{Deserialize, Deserializer, Serialize};

use crate::api::secret;
use crate::client::BodySecrets;
use crate::operations;
use crate::types::auth::{AccessToken, LogoutResult};
use crate::types::common::data;

/// The user a platform JWT names: by e-mail or by id (the docs' `email|id` claim).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Subject {
    /// The user's e-mail (`email` claim).
    Email(String),
    /// The user's id (`id` claim).
    Id(String),
}

impl Subject {
    fn claims(&self) -> JwtClaims {
        let (name, value) = match self {
            Subject::Email(e) => ("email", e),
            Subject::Id(i) => ("id", i),
        };
        let mut map = serde_json::Map::new();
        map.insert(name.into(), serde_json::Value::String(value.clone()));
        JwtClaims(map)
    }

    fn check(&self) -> Result<(), InvalidInput> {
        match self {
            Subject::Email(e) => require_text("email", e, 255),
            Subject::Id(i) => require_text("id", i, 255),
        }
    }
}

/// `POST /api/v1/authenticate-jwt/{platform}`: logs a platform's user in. The user is
/// named in the JWT (`email` or `id`, with `expire`), not in a body: none is sent.
///
/// Input document: `{"platform": "…", "email": "…"}` or `{"platform": "…", "id": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthenticateJwt {
    /// The platform id (the docs' `{platform}`).
    pub platform: String,
    /// The user.
    pub subject: Subject,
}

impl AuthenticateJwt {
    /// Logs `subject` in through `platform`.
    pub fn new(platform: impl Into<String>, subject: Subject) -> Self {
        AuthenticateJwt {
            platform: platform.into(),
            subject,
        }
    }
}

impl<'de> Deserialize<'de> for AuthenticateJwt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Doc {
            platform: String,
            #[serde(default)]
            email: Option<String>,
            #[serde(default)]
            id: Option<String>,
        }
        let doc = Doc::deserialize(d)?;
        let subject = match (doc.email, doc.id) {
            (Some(e), None) => Subject::Email(e),
            (None, Some(i)) => Subject::Id(i),
            _ => {
                return Err(serde::de::Error::custom(
                    "give the user as exactly one of `email` and `id`",
                ));
            }
        };
        Ok(AuthenticateJwt::new(doc.platform, subject))
    }
}

impl Endpoint for AuthenticateJwt {
    type Output = AccessToken;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.subject.check()?;
        Ok(
            RequestSpec::with_path(&operations::AUTHENTICATE_JWT, &[Some(&self.platform)])?
                .extension(self.subject.claims()),
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<AccessToken, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/authenticate`: logs a user in with e-mail and password. Public: no
/// credentials are sent besides the body. Debug hides the password.
///
/// Input document: `{"email": "…", "password": "…"}`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthenticateWithPassword {
    /// The e-mail.
    pub email: String,
    /// The password.
    #[serde(deserialize_with = "secret")]
    pub password: SecretString,
}

impl fmt::Debug for AuthenticateWithPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthenticateWithPassword")
            .field("email", &self.email)
            .field("password", &"[REDACTED]")
            .finish()
    }
}

impl AuthenticateWithPassword {
    /// Logs `email` in with `password`.
    pub fn new(email: impl Into<String>, password: impl Into<SecretString>) -> Self {
        AuthenticateWithPassword {
            email: email.into(),
            password: password.into(),
        }
    }

    pub(crate) fn into_credentials(self) -> crate::session::Credentials {
        crate::session::Credentials::Password {
            email: self.email,
            password: self.password,
        }
    }
}

impl Endpoint for AuthenticateWithPassword {
    type Output = AccessToken;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("email", &self.email, 255)?;
        if self.password.expose_secret().is_empty() {
            return Err(InvalidInput::new("password", "is required"));
        }
        #[derive(Serialize)]
        struct Body<'a> {
            email: &'a str,
            password: &'a str,
        }
        Ok(RequestSpec::new(&operations::AUTHENTICATE)
            .json(&Body {
                email: &self.email,
                password: self.password.expose_secret(),
            })?
            .extension(BodySecrets::of([Some(&self.password)])))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<AccessToken, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/logout`: revokes the token it is sent with (either kind of login).
///
/// Input document: `{}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logout {}

impl Logout {
    /// The request.
    pub fn new() -> Self {
        Logout {}
    }
}

impl Endpoint for Logout {
    type Output = LogoutResult;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(RequestSpec::new(&operations::LOGOUT))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<LogoutResult, DecodeFailure> {
        data(status, body)
    }
}
