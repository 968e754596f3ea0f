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
use payments_core::test_util::{assert_sent_as_recorded, recorded_fixtures};

fn recorded_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/coinspaid/recorded")
}

fn result_value<T: serde::Serialize>(r: Result<T, coinspaid_api::Error>) -> Value {
    match r {
        Ok(v) => serde_json::json!({ "ok": serde_json::to_value(v).unwrap() }),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
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
        "ping" => result_value(c.send(&typed::<Ping>(body)).await.map(|_| ())),
        "currencies-list" => result_value(c.send(&typed::<ListCurrencies>(body)).await),
        "currencies-pairs" => result_value(
            c.list_currency_pairs(&typed::<ListCurrencyPairs>(body))
                .await,
        ),
        "accounts-list" => result_value(c.send(&typed::<ListAccounts>(body)).await),
        "addresses-take" => result_value(c.take_address(&typed::<TakeAddress>(body)).await),
        "withdrawal-crypto" => {
            result_value(c.withdraw_crypto(&typed::<WithdrawalCrypto>(body)).await)
        }
        "exchange-calculate" => result_value(
            c.calculate_exchange(&typed::<CalculateExchange>(body))
                .await,
        ),
        "exchange-fixed" => result_value(c.exchange_fixed(&typed::<ExchangeFixed>(body)).await),
        "exchange-now" => result_value(c.exchange_now(&typed::<ExchangeNow>(body)).await),
        "futures-rates" => result_value(c.futures_rates(&typed::<GetFuturesRates>(body)).await),
        "futures-confirm" => result_value(c.confirm_futures(&typed::<ConfirmFutures>(body)).await),
        other => panic!("unknown operation {other}"),
    };
    assert_sent_as_recorded(&server.requests(), req);
    out
}

#[tokio::test]
async fn every_recorded_exchange_replays_to_its_recorded_outcome() {
    let files = recorded_fixtures(recorded_dir());
    assert!(
        files.len() >= 16,
        "expected the full scenario, found {} files",
        files.len()
    );
    let mut operations = std::collections::BTreeSet::new();
    for (file, doc) in files {
        operations.insert(doc["operation"].as_str().unwrap().to_owned());
        let got = replay_one(&doc).await;
        assert_eq!(got, doc["outcome"], "{}", file.display());
        let name = file
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .replace('.', "__");
        insta::assert_json_snapshot!(format!("replay__{name}"), got);
    }
    assert_eq!(operations.len(), 11, "{operations:?}");
}
