//! The user's security log (`security-list`) and access tokens (`security-access-tokens`).

use serde::{Deserialize, Serialize};

payments_core::wire_enum! {
    /// What happened, in a security event (`code`; the docs show `login_success`).
    pub enum SecurityEventCode {
        /// `login_success`: a successful login.
        LoginSuccess = "login_success",
    }
}

payments_core::wire_enum! {
    /// How an access token was issued (`type`; the docs show `api`).
    pub enum AccessTokenType {
        /// `api`: a token from `authenticate` or `authenticate-jwt`.
        Api = "api",
    }
}

/// One entry of the user's security log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityEvent {
    /// What happened (`login_success`).
    #[serde(default)]
    pub code: Option<SecurityEventCode>,
    /// The same, for people (`Login Success`).
    #[serde(default)]
    pub name: Option<String>,
    /// Who did it (`User`).
    #[serde(default)]
    pub by: Option<String>,
    /// From which IP address.
    #[serde(default)]
    pub ip: Option<String>,
    /// When (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// One of the user's access tokens, as `security-access-tokens` lists it: masked
/// (`236605634f6b59XXXXXXXXXXXXXXXXXXXXXXXX`), so not a credential. Pass
/// [`token`](Self::token) to `security-invalidate-token` to revoke it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessTokenInfo {
    /// How it was issued (`api`).
    #[serde(rename = "type", default)]
    pub kind: Option<AccessTokenType>,
    /// Whether it is the token this request was sent with.
    #[serde(default)]
    pub you: Option<bool>,
    /// The token, masked.
    #[serde(default)]
    pub token: Option<String>,
    /// When it was last used (Unix seconds).
    #[serde(default)]
    pub last_used_at: Option<i64>,
    /// When it was issued (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

impl AccessTokenInfo {
    /// Whether it is the token of the session that asked (`you`).
    pub fn is_current(&self) -> bool {
        self.you == Some(true)
    }
}
