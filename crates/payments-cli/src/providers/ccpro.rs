//! CCPro on the command line: CCPRO_BASE_URL, CCPRO_PLATFORM_ID, CCPRO_PRIVATE_KEY_FILE,
//! CCPRO_TOKEN, CCPRO_USER_ID.
//!
//! Each row's `auth` says which credentials a call reads: the platform JWT
//! ([`Auth::Jwt`]: CCPRO_PLATFORM_ID and CCPRO_PRIVATE_KEY_FILE), the user's bearer token
//! ([`Auth::Session`]: CCPRO_TOKEN, and CCPRO_USER_ID for the path's `{user}`), or none.
//! The path's `{platform}` and `{user}` come from the document when it names them, else
//! from CCPRO_PLATFORM_ID and CCPRO_USER_ID: ccpro-api's `call_json` fills a left-out one
//! from the platform key and the session (`ccpro_api::operations::path_user_field` knows
//! that transfer-create's path user is `owner`, its body `user` being the counterparty).

use std::collections::HashMap;

use ccpro_api::{Client, Environment, SecretString, UserSession};
use payments_core::{Auth, InputFile, JsonOutput, Operation, WithMeta};
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

use super::{BoxFuture, ProviderCli, env, require_env};
use crate::exit::CliError;

/// CCPro.
pub(crate) struct Ccpro;

/// Where requests go: `base_url`, else CCPRO_BASE_URL, else the documented dev host.
fn environment(base_url: Option<String>) -> Environment {
    match base_url.or_else(|| env("CCPRO_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Dev,
    }
}

/// Whether the input document is an object with a top-level `field`. Values are skipped
/// unread (no number goes through a float); a document that is not an object says no and
/// is refused by the request type with its own message.
fn names(input: &str, field: &str) -> bool {
    serde_json::from_str::<HashMap<String, IgnoredAny>>(input)
        .is_ok_and(|members| members.contains_key(field))
}

/// The document's top-level `field` when it is a string.
fn string_field(input: &str, field: &str) -> Option<String> {
    let members = serde_json::from_str::<HashMap<String, Box<RawValue>>>(input).ok()?;
    serde_json::from_str(members.get(field)?.get()).ok()
}

/// A client signing platform JWTs: the platform id (the document's `platform`, else
/// CCPRO_PLATFORM_ID) and the key read from CCPRO_PRIVATE_KEY_FILE.
fn platform_client(env: Environment, input: &str) -> Result<Client, CliError> {
    let id = match string_field(input, "platform").or_else(|| super::env("CCPRO_PLATFORM_ID")) {
        Some(id) => id,
        None => {
            return Err(CliError::usage(
                "CCPRO_PLATFORM_ID is not set (the platform operations and authenticate-jwt \
                 need it, unless \"platform\" is in --data)",
            ));
        }
    };
    let path = require_env("CCPRO_PRIVATE_KEY_FILE")?;
    let pem = std::fs::read_to_string(&path)
        .map_err(|e| CliError::usage(format!("cannot read CCPRO_PRIVATE_KEY_FILE {path}: {e}")))?;
    Ok(Client::builder(env)
        .platform_key(id, &SecretString::from(pem))
        .build()?)
}

/// The user's session: CCPRO_TOKEN, and CCPRO_USER_ID when the path has a `{user}` the
/// document does not name.
fn session(op: &'static Operation, input: &str) -> Result<UserSession, CliError> {
    let token = require_env("CCPRO_TOKEN")?;
    let user = match env("CCPRO_USER_ID") {
        Some(user) => user,
        None => match ccpro_api::operations::path_user_field(op) {
            Some(field) if !names(input, field) => {
                return Err(CliError::usage(format!(
                    "CCPRO_USER_ID is not set (the path's {{user}} of {}, unless \"{field}\" \
                     is in --data)",
                    op.name
                )));
            }
            // The document names the path's user, or the path has none.
            _ => String::new(),
        },
    };
    Ok(UserSession::from_token(user, token))
}

impl ProviderCli for Ccpro {
    fn name(&self) -> &'static str {
        "ccpro"
    }

    fn operations(&self) -> &'static [&'static Operation] {
        ccpro_api::OPERATIONS
    }

    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: String,
        files: Vec<InputFile>,
        base_url: Option<String>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, CliError>> {
        Box::pin(async move {
            let env = environment(base_url);
            let out = match op.auth {
                Auth::Jwt => {
                    platform_client(env, &input)?
                        .call_json(op, &input, files)
                        .await?
                }
                Auth::Session => {
                    let session = session(op, &input)?;
                    Client::new(env)?
                        .user(session)
                        .call_json(op, &input, files)
                        .await?
                }
                _ => Client::new(env)?.call_json(op, &input, files).await?,
            };
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{names, string_field};

    #[test]
    fn the_document_is_peeked_at_the_top_level_only() {
        let doc =
            r#"{"user":"u-1","amount":0.1234567890123456789012345678901,"x":{"platform":"p"}}"#;
        assert!(names(doc, "user"));
        assert!(!names(doc, "platform"));
        assert!(!names("{not json", "user"));
        assert_eq!(string_field(doc, "user").as_deref(), Some("u-1"));
        assert_eq!(string_field(doc, "amount"), None);
        assert_eq!(string_field(r#"{"platform":{"id":"p"}}"#, "platform"), None);
    }
}
