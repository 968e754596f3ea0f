//! One module per provider: its operations, how to call them, its callbacks.

pub(crate) mod ccpro;
pub(crate) mod coincover;
pub(crate) mod coinify;
pub(crate) mod coinspaid;
pub(crate) mod covery;

use std::future::Future;
use std::pin::Pin;

use payments_core::{InputFile, JsonOutput, Operation, WithMeta};

use crate::exit::CliError;

/// A boxed future.
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What the CLI needs of a provider: its name, its operation table, a client from the
/// environment, its callbacks. Nothing here knows an operation by name.
pub(crate) trait ProviderCli: Sync {
    /// The provider's name on the command line.
    fn name(&self) -> &'static str;

    /// The provider crate's operation table.
    fn operations(&self) -> &'static [&'static Operation];

    /// Looks an operation up by name.
    fn operation(&self, name: &str) -> Result<&'static Operation, CliError> {
        self.operations()
            .iter()
            .copied()
            .find(|o| o.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.operations().iter().map(|o| o.name).collect();
                CliError::usage(format!(
                    "unknown {} operation {name:?}; one of: {}",
                    self.name(),
                    names.join(", ")
                ))
            })
    }

    /// Sends one operation through the provider's client from the environment, with its
    /// JSON input document and files.
    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: String,
        files: Vec<InputFile>,
        base_url: Option<String>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, CliError>>;

    /// Verifies a callback and returns it as JSON text, every amount digit for digit.
    fn verify_callback(
        &self,
        _headers: &[(String, String)],
        _body: &[u8],
    ) -> Result<String, CliError> {
        Err(CliError::usage(format!(
            "{} sends no callbacks",
            self.name()
        )))
    }

    /// Posts a signed example callback; returns the HTTP status received.
    fn trigger<'a>(
        &'a self,
        _event: &'a str,
        _url: &'a str,
    ) -> BoxFuture<'a, Result<u16, CliError>> {
        let name = self.name();
        Box::pin(async move { Err(CliError::usage(format!("{name} sends no callbacks"))) })
    }
}

static ALL: &[&dyn ProviderCli] = &[
    &coincover::CoinCover,
    &covery::Covery,
    &coinspaid::CoinsPaid,
    &coinify::Coinify,
    &ccpro::Ccpro,
];

/// Every provider.
pub(crate) fn all() -> &'static [&'static dyn ProviderCli] {
    ALL
}

/// Looks a provider up by name (case-insensitive).
pub(crate) fn find(name: &str) -> Result<&'static dyn ProviderCli, CliError> {
    ALL.iter()
        .copied()
        .find(|p| p.name().eq_ignore_ascii_case(name))
        .ok_or_else(|| {
            let names: Vec<&str> = ALL.iter().map(|p| p.name()).collect();
            CliError::usage(format!(
                "unknown provider {name:?}; one of: {}",
                names.join(", ")
            ))
        })
}

/// Reads an environment variable, treating empty as unset.
pub(crate) fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Reads a required environment variable.
pub(crate) fn require_env(name: &str) -> Result<String, CliError> {
    env(name).ok_or_else(|| CliError::usage(format!("{name} is not set")))
}

/// Writes a typed value as compact JSON text (never through `serde_json::Value`, whose
/// numbers are floats).
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> Result<String, CliError> {
    serde_json::to_string(v)
        .map_err(|e| CliError::provider(format!("cannot encode the response: {e}")))
}

/// Posts a callback body with `headers` to `url`; returns the status. A non-2xx answer is
/// exit 1, a transport failure exit 3.
pub(crate) async fn post_callback(
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<u16, CliError> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| CliError::transport(format!("cannot build HTTP client: {e}")))?;
    let mut req = client.post(url).body(body.to_vec());
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let resp = req
        .send()
        .await
        .map_err(|e| CliError::transport(format!("cannot deliver to {url}: {e}")))?;
    let status = resp.status().as_u16();
    if resp.status().is_success() {
        Ok(status)
    } else {
        Err(CliError::provider(format!(
            "the receiver at {url} answered HTTP {status}"
        )))
    }
}
