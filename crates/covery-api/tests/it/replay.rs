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
use payments_core::test_util::{assert_sent_as_recorded, outcome_value, replay_recorded};

fn recorded_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/covery/recorded")
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
        "ping" => outcome_value(c.ping().await),
        "send-event" => outcome_value(c.send_event(&SendEvent::new(event(body))).await),
        "make-decision" => outcome_value(c.make_decision(&MakeDecision::new(event(body))).await),
        "postback" => outcome_value(c.postback(&typed::<Postback>(body)).await),
        "fraud-latest" => outcome_value(
            c.latest_fraud_alerts(&typed::<LatestFraudAlerts>(body))
                .await,
        ),
        "fraud-find" => outcome_value(c.find_fraud_alert(&typed::<FindFraudAlert>(body)).await),
        "fraud-confirm" => outcome_value(
            c.confirm_fraud_alert(&typed::<ConfirmFraudAlert>(body))
                .await,
        ),
        "fraud-feedback" => outcome_value(
            c.fraud_alert_feedback(&typed::<FraudAlertFeedback>(body))
                .await,
        ),
        other => panic!("unknown operation {other}"),
    };
    assert_sent_as_recorded(&server.requests(), req);
    out
}

/// At least 15 recordings, covering the 8 operations.
#[tokio::test]
async fn every_recorded_exchange_replays_to_its_recorded_outcome() {
    for (name, got) in replay_recorded(recorded_dir(), 15, 8, replay_one).await {
        insta::assert_json_snapshot!(format!("replay__{name}"), got);
    }
}
