//! The access token that `authenticate` and `authenticate-jwt` return.

use std::fmt;

use payments_core::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a login returns: the bearer token (`id`), its lifetime and the user's id. The
/// token is a secret: Debug and serialization show `[REDACTED]` in its place (keep it
/// with [`crate::UserSession::save`]).
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessToken {
    /// The bearer token: 64 characters, sent as `Authorization: Bearer`.
    #[serde(
        rename = "id",
        serialize_with = "redacted",
        deserialize_with = "secret"
    )]
    token: SecretString,
    /// Its lifetime in seconds from `created` (1 209 600, 14 days, in the docs).
    pub ttl: u64,
    /// When it was issued, ISO 8601 as sent (`2019-05-23T11:46:45.576Z`).
    pub created: String,
    /// The user's id, the `{user}` of the user paths.
    pub user_id: String,
}

impl AccessToken {
    /// The bearer token.
    pub fn token(&self) -> &SecretString {
        &self.token
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("token", &"[REDACTED]")
            .field("ttl", &self.ttl)
            .field("created", &self.created)
            .field("user_id", &self.user_id)
            .finish()
    }
}

fn redacted<S: Serializer>(_: &SecretString, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("[REDACTED]")
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
    String::deserialize(d).map(SecretString::from)
}

impl AccessToken {
    /// Whether the token equals `other` (tests).
    pub fn token_is(&self, other: &str) -> bool {
        self.token.expose_secret() == other
    }
}

/// What `logout` answers: `{"data":{"logout":true}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogoutResult {
    /// Whether the token was revoked.
    pub logout: bool,
}
