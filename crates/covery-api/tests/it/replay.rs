//! Replays the recorded exchanges (fixtures/covery/recorded, written by
//! `cargo xtask fixtures refresh`) through the client: the recorded response is served for
//! the recorded request, the typed result must equal the recorded outcome, and it is
//! snapshotted.

use std::path::PathBuf;

use covery_api::{
    ConfirmFraudAlert, Event, FindFraudAlert, FraudAlertFeedback, LatestFraudAlerts, MakeDecision,
    Postback, RetryPolicy, SendEvent,
};
use serde_json::Value;

use crate::support::client;
use payments_core::test_util::server::{Reply, ScriptedServer};
use payments_core::test_util::{assert_sent_as_recorded, recorded_fixtures};

fn recorded_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/covery/recorded")
}

fn result_value<T: serde::Serialize>(r: Result<T, covery_api::Error>) -> Value {
    match r {
        Ok(v) => serde_json::json!({ "ok": serde_json::to_value(v).unwrap() }),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
}

fn event(body: &Value) -> Event {
    serde_json::from_str(&body.to_string()).unwrap()
}

fn typed<T: serde::de::DeserializeOwned>(body: &Value) -> T {
    serde_json::from_value(body.clone()).unwrap()
}

async fn replay_one(doc: &Value) -> Value {
    let exchange = &doc["exchanges"][0];
    let (req, resp) = (&exchange["request"], &exchange["response"]);
    let server = ScriptedServer::start([Reply::from_recorded(resp)]).await;
    let c = client(format!("{}/covery", server.base_url()), RetryPolicy::none());
    let body = &req["body"];
    let out = match doc["operation"].as_str().unwrap() {
        "ping" => result_value(c.ping().await),
        "send-event" => result_value(c.send_event(&SendEvent::new(event(body))).await),
        "make-decision" => result_value(c.make_decision(&MakeDecision::new(event(body))).await),
        "postback" => result_value(c.postback(&typed::<Postback>(body)).await),
        "fraud-latest" => result_value(
            c.latest_fraud_alerts(&typed::<LatestFraudAlerts>(body))
                .await,
        ),
        "fraud-find" => result_value(c.find_fraud_alert(&typed::<FindFraudAlert>(body)).await),
        "fraud-confirm" => result_value(
            c.confirm_fraud_alert(&typed::<ConfirmFraudAlert>(body))
                .await,
        ),
        "fraud-feedback" => result_value(
            c.fraud_alert_feedback(&typed::<FraudAlertFeedback>(body))
                .await,
        ),
        other => panic!("unknown operation {other}"),
    };
    assert_sent_as_recorded(&server.requests(), req);
    out
}

#[tokio::test]
async fn every_recorded_exchange_replays_to_its_recorded_outcome() {
    let files = recorded_fixtures(recorded_dir());
    assert!(
        files.len() >= 15,
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
    assert_eq!(operations.len(), 8, "{operations:?}");
}
