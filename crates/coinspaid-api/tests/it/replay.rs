//! Replays the recorded exchanges (fixtures/coinspaid/recorded, written by
//! `cargo xtask fixtures refresh`) through the client: the recorded response is served for
//! the recorded request, the typed result must equal the recorded outcome, and it is
//! snapshotted.

use std::path::PathBuf;

use coinspaid_api::{
    CalculateExchange, ConfirmFutures, ExchangeFixed, ExchangeNow, GetFuturesRates, ListAccounts,
    ListCurrencies, ListCurrencyPairs, Ping, RetryPolicy, TakeAddress, WithdrawalCrypto,
};
use serde_json::Value;

use crate::support::client;
use payments_core::test_util::server::{Reply, ScriptedServer};
use payments_core::test_util::{assert_sent_as_recorded, outcome_value, replay_recorded};

fn recorded_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/coinspaid/recorded")
}

fn typed<T: serde::de::DeserializeOwned>(body: &Value) -> T {
    serde_json::from_value(body.clone()).unwrap()
}

async fn replay_one(doc: &Value) -> Value {
    let exchange = &doc["exchanges"][0];
    let (req, resp) = (&exchange["request"], &exchange["response"]);
    let server = ScriptedServer::start([Reply::from_recorded(resp)]).await;
    let c = client(
        format!("{}/coinspaid", server.base_url()),
        RetryPolicy::none(),
    );
    let body = &req["body"];
    let out = match doc["operation"].as_str().unwrap() {
        "ping" => outcome_value(c.send(&typed::<Ping>(body)).await.map(|_| ())),
        "currencies-list" => outcome_value(c.send(&typed::<ListCurrencies>(body)).await),
        "currencies-pairs" => outcome_value(
            c.list_currency_pairs(&typed::<ListCurrencyPairs>(body))
                .await,
        ),
        "accounts-list" => outcome_value(c.send(&typed::<ListAccounts>(body)).await),
        "addresses-take" => outcome_value(c.take_address(&typed::<TakeAddress>(body)).await),
        "withdrawal-crypto" => {
            outcome_value(c.withdraw_crypto(&typed::<WithdrawalCrypto>(body)).await)
        }
        "exchange-calculate" => outcome_value(
            c.calculate_exchange(&typed::<CalculateExchange>(body))
                .await,
        ),
        "exchange-fixed" => outcome_value(c.exchange_fixed(&typed::<ExchangeFixed>(body)).await),
        "exchange-now" => outcome_value(c.exchange_now(&typed::<ExchangeNow>(body)).await),
        "futures-rates" => outcome_value(c.futures_rates(&typed::<GetFuturesRates>(body)).await),
        "futures-confirm" => outcome_value(c.confirm_futures(&typed::<ConfirmFutures>(body)).await),
        other => panic!("unknown operation {other}"),
    };
    assert_sent_as_recorded(&server.requests(), req);
    out
}

/// At least 16 recordings, covering the 11 operations.
#[tokio::test]
async fn every_recorded_exchange_replays_to_its_recorded_outcome() {
    for (name, got) in replay_recorded(recorded_dir(), 16, 11, replay_one).await {
        insta::assert_json_snapshot!(format!("replay__{name}"), got);
    }
}
