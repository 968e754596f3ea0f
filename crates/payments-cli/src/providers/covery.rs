//! Covery on the command line: COVERY_TOKEN, COVERY_SECRET, COVERY_BASE_URL.

use covery_api::webhook::Verifier;
use covery_api::{Client, Environment};
use payments_core::webhook::WebhookSecrets;
use payments_core::{InputFile, JsonOutput, Operation, WithMeta};

use super::{BoxFuture, ProviderCli, env, require_env, to_json};
use crate::exit::CliError;

/// Covery.
pub(crate) struct Covery;

/// A client from the environment; `base_url` wins over COVERY_BASE_URL.
pub(crate) fn client(base_url: Option<String>) -> Result<Client, CliError> {
    let token = require_env("COVERY_TOKEN")?;
    let secret = require_env("COVERY_SECRET")?;
    let env = match base_url.or_else(|| env("COVERY_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    Ok(Client::new(env, token, secret)?)
}

/// The example fraud alert `trigger covery fraud-alert` sends: the documented example.
pub(crate) const EXAMPLE_ALERT: &str = r#"{"id":8464503,"source":"ethoca","externalId":"5SNLJ1WOKODEUPLY396439RT4","type":"issuer_alert","state":"none","cardBin":"502006","cardLast4":"7616","alertTimestamp":1459521191,"transactionTimestamp":1459521191,"transactionAmount":28.55,"transactionCurrency":"USD","is3dSecure":null,"arn":"43792622030200003292612","chargebackAmount":0,"chargebackCurrency":"","chargebackReasonCode":"","merchantDescriptor":"EXAMPLE"}"#;

impl ProviderCli for Covery {
    fn name(&self) -> &'static str {
        "covery"
    }

    fn operations(&self) -> &'static [&'static Operation] {
        covery_api::OPERATIONS
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

    fn verify_callback(
        &self,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<String, CliError> {
        let secret = require_env("COVERY_SECRET")?;
        let verifier = Verifier::new(WebhookSecrets::new(secret.into()));
        let alert = verifier
            .verify(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())), body)
            .map_err(|e| CliError::provider(format!("covery callback rejected: {e}")))?;
        to_json(&alert)
    }

    fn trigger<'a>(&'a self, event: &'a str, url: &'a str) -> BoxFuture<'a, Result<u16, CliError>> {
        Box::pin(async move {
            if event != "fraud-alert" {
                return Err(CliError::usage(format!(
                    "unknown covery event {event:?}; one of: fraud-alert"
                )));
            }
            let secret = require_env("COVERY_SECRET")?;
            let nonce = payments_core::signer::NonceSource::nonce(
                &payments_core::signer::TimestampNonce::new(),
            );
            let body = EXAMPLE_ALERT.as_bytes();
            let signature =
                payments_core::digest::sha256_nonce_hex(nonce.as_bytes(), body, secret.as_bytes());
            super::post_callback(
                url,
                &[
                    ("content-type", "application/json"),
                    ("x-auth-nonce", &nonce),
                    ("x-auth-signature", &signature),
                ],
                body,
            )
            .await
        })
    }
}
