//! CoinsPaid on the command line: COINSPAID_KEY, COINSPAID_SECRET, COINSPAID_BASE_URL.

use std::path::PathBuf;

use coinspaid_api::webhook::Verifier;
use coinspaid_api::{
    CalculateExchange, Client, ConfirmFutures, Environment, ExchangeFixed, ExchangeNow,
    GetFuturesRates, ListCurrencyPairs, TakeAddress, WithdrawalCrypto,
};
use payments_core::webhook::WebhookSecrets;
use serde_json::{Map, Value};

use super::{BoxFuture, Operation, ProviderCli, env, no_file, no_input, require_env, to_json};
use crate::exit::CliError;
use crate::input::decode_strict;

/// CoinsPaid.
pub(crate) struct CoinsPaid;

macro_rules! ops {
    ($($name:literal $method:literal $path:literal),* $(,)?) => {
        &[$(Operation { name: $name, method: $method, path: $path }),*]
    };
}

static OPERATIONS: &[Operation] = ops![
    "ping" "GET" "/v2/ping",
    "currencies-list" "POST" "/v2/currencies/list",
    "currencies-pairs" "POST" "/v2/currencies/pairs",
    "accounts-list" "POST" "/v2/accounts/list",
    "addresses-take" "POST" "/v2/addresses/take",
    "withdrawal-crypto" "POST" "/v2/withdrawal/crypto",
    "exchange-calculate" "POST" "/v2/exchange/calculate",
    "futures-rates" "POST" "/v2/futures/rates",
    "futures-confirm" "POST" "/futures/confirm",
    "exchange-fixed" "POST" "/v2/exchange/fixed",
    "exchange-now" "POST" "/v2/exchange/now",
];

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

async fn call(
    op: &'static Operation,
    doc: Map<String, Value>,
    base_url: Option<String>,
    file: Option<PathBuf>,
) -> Result<Value, CliError> {
    no_file(&file, op.name)?;
    enum Req {
        Ping,
        Currencies,
        Pairs(ListCurrencyPairs),
        Accounts,
        Take(TakeAddress),
        Withdraw(WithdrawalCrypto),
        Calculate(CalculateExchange),
        Rates(GetFuturesRates),
        Confirm(ConfirmFutures),
        Fixed(ExchangeFixed),
        Now(ExchangeNow),
    }
    let req = match op.name {
        "ping" => no_input(&doc, op.name).map(|()| Req::Ping)?,
        "currencies-list" => no_input(&doc, op.name).map(|()| Req::Currencies)?,
        "currencies-pairs" => Req::Pairs(decode_strict(doc)?),
        "accounts-list" => no_input(&doc, op.name).map(|()| Req::Accounts)?,
        "addresses-take" => Req::Take(decode_strict(doc)?),
        "withdrawal-crypto" => Req::Withdraw(decode_strict(doc)?),
        "exchange-calculate" => Req::Calculate(decode_strict(doc)?),
        "futures-rates" => Req::Rates(decode_strict(doc)?),
        "futures-confirm" => Req::Confirm(decode_strict(doc)?),
        "exchange-fixed" => Req::Fixed(decode_strict(doc)?),
        "exchange-now" => Req::Now(decode_strict(doc)?),
        other => {
            return Err(CliError::usage(format!(
                "unknown coinspaid operation {other:?}"
            )));
        }
    };
    let c = client(base_url)?;
    match req {
        // Ping answers nothing: `()`, printed as `null`.
        Req::Ping => to_json(&c.ping().await?),
        Req::Currencies => to_json(&c.list_currencies().await?),
        Req::Pairs(r) => to_json(&c.list_currency_pairs(&r).await?),
        Req::Accounts => to_json(&c.list_accounts().await?),
        Req::Take(r) => to_json(&c.take_address(&r).await?),
        Req::Withdraw(r) => to_json(&c.withdraw_crypto(&r).await?),
        Req::Calculate(r) => to_json(&c.calculate_exchange(&r).await?),
        Req::Rates(r) => to_json(&c.futures_rates(&r).await?),
        Req::Confirm(r) => to_json(&c.confirm_futures(&r).await?),
        Req::Fixed(r) => to_json(&c.exchange_fixed(&r).await?),
        Req::Now(r) => to_json(&c.exchange_now(&r).await?),
    }
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

    fn operations(&self) -> &'static [Operation] {
        OPERATIONS
    }

    fn call<'a>(
        &'a self,
        op: &'static Operation,
        doc: Map<String, Value>,
        base_url: Option<String>,
        file: Option<PathBuf>,
    ) -> BoxFuture<'a, Result<Value, CliError>> {
        Box::pin(call(op, doc, base_url, file))
    }

    fn verify_callback(
        &self,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<Value, CliError> {
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
