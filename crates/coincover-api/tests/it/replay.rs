//! Replays the recorded exchanges (fixtures/coincover/recorded, written by
//! `cargo xtask fixtures refresh`) through the client: the recorded response is served for
//! the recorded request, the typed result must equal the recorded outcome, and it is
//! snapshotted.

use std::path::PathBuf;

use coincover_api::{
    CheckTransaction, CreatePlan, CreateUser, RetryPolicy, UpdatePlan, UpdateUser,
};
use httpmock::MockServer;
use payments_core::test_util::{outcome_value, replay_recorded};
use serde_json::Value;

use crate::support::{catch_all, client};

fn recorded_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/coincover/recorded")
}

/// The path segment `from_end` places from the end (1 = last).
fn segment(path: &str, from_end: usize) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    parts[parts.len() - from_end].to_owned()
}

async fn replay_one(doc: &Value) -> Value {
    let server = MockServer::start_async().await;
    let exchange = &doc["exchanges"][0];
    let (req, resp) = (&exchange["request"], &exchange["response"]);
    let method = req["method"].as_str().unwrap().to_owned();
    let path = req["path"].as_str().unwrap().to_owned();
    let body = req["body"].clone();
    let status = resp["status"].as_u64().unwrap() as u16;
    let resp_body = match &resp["body"] {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let content_type = resp["headers"]
        .as_array()
        .and_then(|h| h.iter().find(|p| p[0] == "content-type"))
        .and_then(|p| p[1].as_str())
        .map(str::to_owned);
    let mock = server
        .mock_async(|when, then| {
            let when = when.method(method.as_str()).path(path.as_str());
            if !body.is_null() {
                when.json_body(body.clone());
            }
            let mut then = then.status(status);
            if let Some(ct) = &content_type {
                then = then.header("content-type", ct.as_str());
            }
            then.body(resp_body.clone());
        })
        .await;
    let other = catch_all(&server).await;
    let c = client(
        format!("{}/coincover", server.base_url()),
        RetryPolicy::none(),
    );
    let out = match doc["operation"].as_str().unwrap() {
        "check-transaction" => {
            let r: CheckTransaction = serde_json::from_value(body.clone()).unwrap();
            outcome_value(c.check_transaction(&r).await)
        }
        "create-user" => {
            let r: CreateUser = serde_json::from_value(body.clone()).unwrap();
            outcome_value(c.create_user(&r).await)
        }
        "update-user" => {
            let mut r: UpdateUser = serde_json::from_value(body.clone()).unwrap();
            r.user_id = segment(&path, 1);
            outcome_value(c.update_user(&r).await)
        }
        "create-plan" => {
            let mut r: CreatePlan = serde_json::from_value(body.clone()).unwrap();
            r.user_id = segment(&path, 2);
            outcome_value(c.create_plan(&r).await)
        }
        "update-plan" => {
            let mut r: UpdatePlan = serde_json::from_value(body.clone()).unwrap();
            r.user_id = segment(&path, 2);
            outcome_value(c.update_plan(&r).await)
        }
        other => panic!("unknown operation {other}"),
    };
    assert_eq!(mock.calls_async().await, 1, "{}", doc["case"]);
    assert_eq!(other.calls_async().await, 0, "{}", doc["case"]);
    out
}

/// At least 13 recordings, covering the 5 operations.
#[tokio::test]
async fn every_recorded_exchange_replays_to_its_recorded_outcome() {
    for (name, got) in replay_recorded(recorded_dir(), 13, 5, replay_one).await {
        insta::assert_json_snapshot!(format!("replay__{name}"), got);
    }
}
