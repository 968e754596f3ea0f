//! CoinCover on the command line: COINCOVER_TOKEN, COINCOVER_BASE_URL.

use coincover_api::{Client, Environment};
use payments_core::{InputFile, JsonOutput, Operation, WithMeta};

use super::{BoxFuture, ProviderCli, env, require_env};
use crate::exit::CliError;

/// CoinCover.
pub(crate) struct CoinCover;

/// A destination no sandbox rule flags (the documentation's example address).
pub(crate) const CLEAN_ADDRESS: &str = "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh";

/// A destination the sandbox lists as sanctioned (50101).
pub(crate) const SANCTIONED_ADDRESS: &str = payments_sandbox::coincover::LISTED_DESTINATIONS[0].0;

/// A client from the environment; `base_url` wins over COINCOVER_BASE_URL.
pub(crate) fn client(base_url: Option<String>) -> Result<Client, CliError> {
    let token = require_env("COINCOVER_TOKEN")?;
    let env = match base_url.or_else(|| env("COINCOVER_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    Ok(Client::new(env, token)?)
}

impl ProviderCli for CoinCover {
    fn name(&self) -> &'static str {
        "coincover"
    }

    fn operations(&self) -> &'static [&'static Operation] {
        coincover_api::OPERATIONS
    }

    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: String,
        files: Vec<InputFile>,
        base_url: Option<String>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, CliError>> {
        Box::pin(async move { Ok(client(base_url)?.call_json(op, &input, files).await?) })
    }
}
