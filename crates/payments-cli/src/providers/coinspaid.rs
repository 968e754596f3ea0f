//! CoinsPaid on the command line: COINSPAID_KEY, COINSPAID_SECRET, COINSPAID_BASE_URL.

use coinspaid_api::webhook::Verifier;
use coinspaid_api::{Client, Environment};
use payments_core::webhook::WebhookSecrets;
use payments_core::{InputFile, JsonOutput, Operation, WithMeta};

use super::{BoxFuture, ProviderCli, env, require_env, to_json};
use crate::exit::CliError;

/// CoinsPaid.
pub(crate) struct CoinsPaid;

/// A client from the environment; `base_url` wins over COINSPAID_BASE_URL.
pub(crate) fn client(base_url: Option<String>) -> Result<Client, CliError> {
    let key = require_env("COINSPAID_KEY")?;
    let secret = require_env("COINSPAID_SECRET")?;
    let env = match base_url.or_else(|| env("COINSPAID_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    Ok(Client::new(env, key, secret)?)
}

/// Example callbacks `trigger coinspaid EVENT` sends, shaped like the documented examples.
fn example(event: &str) -> Option<&'static str> {
    Some(match event {
        "deposit" => {
            r#"{"id":1,"foreign_id":"user-1","type":"deposit","crypto_address":{"id":1,"currency":"BTC","convert_to":null,"address":"3QTBMYsVqsHjPrMLswCn1FZF5dbE9PSLsZ","tag":null,"foreign_id":"user-1"},"currency_sent":{"currency":"BTC","amount":"0.01000000"},"currency_received":{"currency":"BTC","amount":"0.01000000","amount_minus_fee":"0.00990000"},"transactions":[{"id":1,"currency":"BTC","transaction_type":"blockchain","type":"deposit","address":"3QTBMYsVqsHjPrMLswCn1FZF5dbE9PSLsZ","tag":null,"amount":"0.01000000","txid":"3950ad8149421a850d01dff88f025810d8a4bae8a4a5e7eb6e6b5f2e8e2e8b1a","riskscore":"0.5","confirmations":"3"}],"fees":[{"type":"deposit","currency":"BTC","amount":"0.00010000"}],"error":"","status":"confirmed"}"#
        }
        "withdrawal" => {
            r#"{"id":2,"foreign_id":"payout-1","type":"withdrawal","crypto_address":{"id":2,"currency":"BTC","convert_to":null,"address":"2N1pD9TfH7TpDdVUbmk7NmCtZbTzv1yrZhD","tag":null,"foreign_id":null},"currency_sent":{"currency":"BTC","amount":"0.00500000"},"currency_received":{"currency":"BTC","amount":"0.00500000"},"transactions":[{"id":2,"currency":"BTC","transaction_type":"blockchain","type":"withdrawal","address":"2N1pD9TfH7TpDdVUbmk7NmCtZbTzv1yrZhD","tag":null,"amount":"0.00500000","txid":"b1a3f1e2d5c4b3a29f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928","riskscore":null,"confirmations":"0"}],"fees":[{"type":"fee_crypto_withdrawal","currency":"BTC","amount":"0.00010000"}],"error":"","status":"confirmed"}"#
        }
        "deposit-exchange" => {
            r#"{"id":3,"foreign_id":"user-2","type":"deposit_exchange","crypto_address":{"id":3,"currency":"BTC","convert_to":"EUR","address":"31vnLqxVJpb5DHmSb3sQEnhLbBDtW1ekV2","tag":null,"foreign_id":"user-2"},"currency_sent":{"currency":"BTC","amount":"0.01000000"},"currency_received":{"currency":"EUR","amount":"381","amount_minus_fee":"377.19"},"transactions":[{"id":3,"currency":"BTC","transaction_type":"blockchain","type":"deposit","address":"31vnLqxVJpb5DHmSb3sQEnhLbBDtW1ekV2","tag":null,"amount":"0.01000000","txid":"c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00","riskscore":"0.1","confirmations":"3"},{"id":4,"currency":"EUR","currency_to":"EUR","transaction_type":"exchange","type":"exchange","amount":"0.01000000","amount_to":"381"}],"fees":[{"type":"exchange","currency":"EUR","amount":"3.81"}],"error":"","status":"confirmed"}"#
        }
        "exchange" => {
            r#"{"id":5,"foreign_id":"swap-1","type":"exchange","crypto_address":null,"currency_sent":{"currency":"EUR","amount":"100"},"currency_received":{"currency":"BTC","amount":"0.00262467"},"transactions":[{"id":5,"currency":"EUR","currency_to":"BTC","transaction_type":"exchange","type":"exchange","amount":"100","amount_to":"0.00262467"}],"fees":[{"type":"exchange","currency":"EUR","amount":"1"}],"error":"","status":"confirmed"}"#
        }
        _ => return None,
    })
}

impl ProviderCli for CoinsPaid {
    fn name(&self) -> &'static str {
        "coinspaid"
    }

    fn operations(&self) -> &'static [&'static Operation] {
        coinspaid_api::OPERATIONS
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
        let key = require_env("COINSPAID_KEY")?;
        let secret = require_env("COINSPAID_SECRET")?;
        let verifier = Verifier::new(key, WebhookSecrets::new(secret.into()));
        let callback = verifier
            .verify(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())), body)
            .map_err(|e| CliError::provider(format!("coinspaid callback rejected: {e}")))?;
        to_json(&callback)
    }

    fn trigger<'a>(&'a self, event: &'a str, url: &'a str) -> BoxFuture<'a, Result<u16, CliError>> {
        Box::pin(async move {
            let body = example(event).ok_or_else(|| {
                CliError::usage(format!(
                    "unknown coinspaid event {event:?}; one of: deposit, withdrawal, deposit-exchange, exchange"
                ))
            })?;
            let key = require_env("COINSPAID_KEY")?;
            let secret = require_env("COINSPAID_SECRET")?;
            let signature =
                payments_core::digest::hmac_sha512_hex(secret.as_bytes(), body.as_bytes());
            super::post_callback(
                url,
                &[
                    ("content-type", "application/json"),
                    ("x-processing-key", &key),
                    ("x-processing-signature", &signature),
                ],
                body.as_bytes(),
            )
            .await
        })
    }
}
