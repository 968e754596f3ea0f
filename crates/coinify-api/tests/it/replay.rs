//! Replays the recorded exchanges (fixtures/coinify/recorded, written by
//! `cargo xtask fixtures refresh`) through the client: the recorded response is served for
//! the recorded request, the typed result must equal the recorded outcome, and it is
//! snapshotted.

use std::path::PathBuf;
use std::sync::Arc;

use coinify_api::{
    Client, DocumentType, Environment, GetApproximateQuote, RetryPolicy, SubmitKyc, UploadDocument,
};
use payments_core::signer::test_util::{FixedClock, SequenceNonce};
use serde_json::{Map, Value, json};

use crate::support::{NOW, key};
use payments_core::test_util::server::{Reply, ScriptedServer};
use payments_core::test_util::{
    assert_sent_as_recorded, outcome_value, recorded_body, replay_recorded,
};

fn recorded_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/coinify/recorded")
}

fn header<'a>(req: &'a Value, name: &str) -> &'a str {
    req["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == name)
        .and_then(|p| p[1].as_str())
        .unwrap_or_else(|| panic!("recorded request has no {name}"))
}

/// The partner id: the UUID segment after `partners` or `countries` in the path.
fn partner(path: &str) -> &str {
    let parts: Vec<&str> = path.split('/').collect();
    let i = parts
        .iter()
        .position(|p| *p == "partners" || *p == "countries")
        .unwrap();
    parts[i + 1]
}

async fn replay_one(doc: &Value) -> Value {
    let exchange = &doc["exchanges"][0];
    let (req, resp) = (&exchange["request"], &exchange["response"]);
    let server = ScriptedServer::start([Reply::from_recorded(resp)]).await;
    let path = req["path"].as_str().unwrap();
    let c = Client::builder(
        Environment::Custom(format!("{}/coinify", server.base_url())),
        partner(path),
    )
    .private_key(key("rsa_pkcs8.pem"))
    .clock(Arc::new(FixedClock::at(NOW)))
    .nonce_source(Arc::new(SequenceNonce::new("jti-")))
    .retry(RetryPolicy::none())
    .build()
    .unwrap();
    let body = &req["body"];
    let out = match doc["operation"].as_str().unwrap() {
        "approximate-quote" => {
            let query: Map<String, Value> = req["query"]
                .as_str()
                .unwrap()
                .split('&')
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap();
                    (k.to_owned(), Value::String(v.to_owned()))
                })
                .collect();
            let r: GetApproximateQuote = serde_json::from_value(Value::Object(query)).unwrap();
            outcome_value(c.approximate_quote(&r).await)
        }
        "kyc-create" => {
            let r: SubmitKyc = serde_json::from_value(body.clone()).unwrap();
            outcome_value(
                c.submit_kyc(&r)
                    .await
                    .map(|r| json!({ "review": r.review, "created": r.created })),
            )
        }
        "kyc-upload-document" => {
            let review = path.split('/').rev().nth(1).unwrap();
            let bytes = recorded_body(body);
            let upload = UploadDocument::new(
                review,
                header(req, "x-upload-external-id"),
                DocumentType::parse(header(req, "x-upload-document-type")).unwrap(),
                header(req, "content-type"),
                header(req, "x-upload-filename"),
                bytes,
            )
            .unwrap();
            outcome_value(c.upload_document(&upload).await)
        }
        "countries" => outcome_value(c.supported_countries().await),
        "payment-methods" => outcome_value(c.payment_methods().await),
        other => panic!("unknown operation {other}"),
    };
    assert_sent_as_recorded(&server.requests(), req);
    out
}

/// At least 9 recordings, covering the 5 operations.
#[tokio::test]
async fn every_recorded_exchange_replays_to_its_recorded_outcome() {
    for (name, got) in replay_recorded(recorded_dir(), 9, 5, replay_one).await {
        insta::assert_json_snapshot!(format!("replay__{name}"), got);
    }
}
