//! Coinify on the command line: COINIFY_PARTNER_ID, COINIFY_PRIVATE_KEY_FILE,
//! COINIFY_BASE_URL.

use coinify_api::{Client, Environment};
use payments_core::{Auth, InputFile, JsonOutput, Operation, WithMeta};

use super::{BoxFuture, ProviderCli, env, require_env};
use crate::exit::CliError;

/// Coinify.
pub(crate) struct Coinify;

/// A client from the environment; `base_url` wins over COINIFY_BASE_URL. The private key
/// is read only when `with_key` (the KYC operations).
pub(crate) fn client(base_url: Option<String>, with_key: bool) -> Result<Client, CliError> {
    let partner = require_env("COINIFY_PARTNER_ID")?;
    let env = match base_url.or_else(|| env("COINIFY_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    let mut builder = Client::builder(env, &partner);
    if with_key {
        let path = require_env("COINIFY_PRIVATE_KEY_FILE")?;
        let pem = std::fs::read_to_string(&path).map_err(|e| {
            CliError::usage(format!("cannot read COINIFY_PRIVATE_KEY_FILE {path}: {e}"))
        })?;
        builder = builder.private_key(pem);
    }
    Ok(builder.build()?)
}

impl ProviderCli for Coinify {
    fn name(&self) -> &'static str {
        "coinify"
    }

    fn operations(&self) -> &'static [&'static Operation] {
        coinify_api::OPERATIONS
    }

    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: String,
        files: Vec<InputFile>,
        base_url: Option<String>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, CliError>> {
        // The partner key is read only for the operations that sign with it.
        let with_key = op.auth == Auth::Jwt;
        Box::pin(async move {
            Ok(client(base_url, with_key)?
                .call_json(op, &input, files)
                .await?)
        })
    }
}
