//! Every documented example, through the operation table: each documented request, as
//! its input document, builds the documented request, and decodes into its typed request
//! (snapshotted); each documented response decodes through its row's `io.response` and
//! the typed response (snapshotted), and round-trips. The RED shapes the docs do not show,
//! unknown statuses and codes decode leniently; a malformed success body is a decode error
//! naming the JSON path.

use std::collections::BTreeSet;
use std::fmt::Debug;

use coincover_api::operations::{
    CHECK_TRANSACTION, CREATE_PLAN, CREATE_USER, UPDATE_PLAN, UPDATE_USER,
};
use coincover_api::{
    CheckTransaction, CreatePlan, CreateUser, Endpoint, Error, OPERATIONS, ThreatCode,
    ThreatFamily, TransactionCheck, TransactionStatus, UpdatePlan, UpdateUser,
};
use payments_core::http::StatusCode;
use payments_core::provider::decode_json;
use payments_core::{Operation, read_document};
use payments_test_support::{DocFixture, fixture_files, round_trip_exact};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::support::{self, Reply, fixtures_dir, input_document, memory};

/// A typed check of one documented example: its fixture file name, the fixture, and the
/// input document (for requests).
type TypedCheck = fn(&str, &DocFixture, &str);

/// Each operation with the typed checks of its request and response type: the one place
/// these tests name the types; [`every_operation_has_typed_checks`] keeps it complete.
static TYPED: [(&Operation, TypedCheck, TypedCheck); 5] = [
    (
        &CHECK_TRANSACTION,
        typed_request::<CheckTransaction>,
        typed_response::<CheckTransaction>,
    ),
    (
        &CREATE_USER,
        typed_request::<CreateUser>,
        typed_response::<CreateUser>,
    ),
    (
        &UPDATE_USER,
        typed_request::<UpdateUser>,
        typed_response::<UpdateUser>,
    ),
    (
        &CREATE_PLAN,
        typed_request::<CreatePlan>,
        typed_response::<CreatePlan>,
    ),
    (
        &UPDATE_PLAN,
        typed_request::<UpdatePlan>,
        typed_response::<UpdatePlan>,
    ),
];

fn snapshot_name(file: &str) -> String {
    format!("fixture_{}", file.replace('.', "_"))
}

/// The documented request decodes from its input document into `T`, whose own
/// `request()` agrees with the table's; its body round-trips exactly (the path parameter
/// is not part of it).
fn typed_request<T>(name: &str, fx: &DocFixture, input: &str)
where
    T: Endpoint + DeserializeOwned + Serialize + Debug,
{
    let req: T = read_document(input).unwrap_or_else(|e| panic!("{name}: {e}"));
    let spec = req
        .request()
        .unwrap_or_else(|e| panic!("{name}: documented example is invalid: {e}"));
    assert_eq!(Some(spec.path.as_ref()), fx.path.as_deref(), "{name}: path");
    let body: T = round_trip_exact(name, &fx.body);
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        serde_json::to_string(&req).unwrap(),
        "{name}: the body alone gives the same body"
    );
    insta::assert_debug_snapshot!(snapshot_name(name), req);
}

/// The documented response decodes as `T::Output`; a JSON body round-trips exactly.
fn typed_response<T>(name: &str, fx: &DocFixture, _input: &str)
where
    T: Endpoint,
    T::Output: Serialize + Debug,
{
    let status = fx.status.unwrap();
    let out = T::decode(
        StatusCode::from_u16(status).unwrap(),
        wire_body(fx).as_bytes(),
    )
    .unwrap_or_else(|f| panic!("{name}: `{}`: {}", f.path, f.message));
    if fx.body.get() != "null" {
        let again: T::Output = round_trip_exact(name, &fx.body);
        assert_eq!(format!("{again:?}"), format!("{out:?}"), "{name}");
    }
    insta::assert_debug_snapshot!(snapshot_name(name), (status, out));
}

/// What the client reads for a documented body: its text, or zero bytes for "no response
/// body".
fn wire_body(fx: &DocFixture) -> String {
    match fx.body.get() {
        "null" => String::new(),
        text => text.to_owned(),
    }
}

fn operation(name: &str) -> &'static Operation {
    OPERATIONS
        .iter()
        .copied()
        .find(|op| op.name == name)
        .unwrap_or_else(|| panic!("no operation {name:?} in the table"))
}

fn typed(op: &Operation) -> (TypedCheck, TypedCheck) {
    TYPED
        .iter()
        .find(|(o, _, _)| *o == op)
        .map(|(_, req, resp)| (*req, *resp))
        .unwrap_or_else(|| panic!("{}: no typed checks", op.name))
}

#[test]
fn every_operation_has_typed_checks() {
    for op in OPERATIONS {
        typed(op);
    }
    assert_eq!(TYPED.len(), OPERATIONS.len());
}

#[test]
fn every_documented_fixture_decodes_and_round_trips() {
    let files = fixture_files(fixtures_dir());
    let mut processed = 0usize;
    let mut seen = BTreeSet::new();

    for (name, path) in &files {
        if name == "threat-codes.json" {
            check_threat_codes(&std::fs::read_to_string(path).unwrap());
            processed += 1;
            continue;
        }
        let fx = DocFixture::read(path);
        assert_eq!(fx.provider, "coincover", "{name}");
        let op = operation(&fx.operation);
        assert_eq!(fx.method, op.method.as_str(), "{name}: method");
        let documented_path = fx
            .path
            .as_deref()
            .unwrap_or_else(|| panic!("{name}: every CoinCover fixture shows its path"));
        let (typed_request, typed_response) = typed(op);
        match fx.direction.as_str() {
            "request" => {
                assert_eq!(fx.status, None, "{name}: requests have no status");
                let input = input_document(op.path, documented_path, fx.body.get());
                let spec =
                    (op.io.request)(&input, Vec::new()).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(spec.operation, op, "{name}");
                assert_eq!(spec.path, documented_path, "{name}: path");
                let body = spec.body.expect("every CoinCover request has a body");
                let sent: serde_json::Value = serde_json::from_slice(&body.bytes).unwrap();
                let documented: serde_json::Value = serde_json::from_str(fx.body.get()).unwrap();
                assert_eq!(sent, documented, "{name}: body");
                typed_request(name, &fx, &input);
            }
            "response" => {
                let status = fx.status.expect("responses have a status");
                assert!((200..300).contains(&status), "{name}: {status}");
                let json = (op.io.response)(
                    StatusCode::from_u16(status).unwrap(),
                    wire_body(&fx).as_bytes(),
                )
                .unwrap_or_else(|f| panic!("{name}: `{}`: {}", f.path, f.message));
                let ours: serde_json::Value = serde_json::from_str(&json).unwrap();
                let documented: serde_json::Value = serde_json::from_str(fx.body.get()).unwrap();
                assert_eq!(ours, documented, "{name}: round trip through the table");
                typed_response(name, &fx, "");
            }
            other => panic!("{name}: unknown direction {other}"),
        }
        assert!(
            seen.insert((fx.operation.clone(), fx.direction.clone())),
            "{name}: two fixtures for one operation and direction"
        );
        processed += 1;
    }

    assert_eq!(processed, files.len(), "a fixture was skipped");
    let expected: BTreeSet<(String, String)> = OPERATIONS
        .iter()
        .flat_map(|op| ["request", "response"].map(|d| (op.name.to_owned(), d.to_owned())))
        .collect();
    assert_eq!(
        seen, expected,
        "every operation has a request and a response"
    );
}

/// `threat-codes.json` lists exactly `ThreatCode::ALL`, in order, with the same labels.
fn check_threat_codes(text: &str) {
    #[derive(serde::Deserialize)]
    struct Row {
        code: u32,
        category: String,
    }
    let rows: Vec<Row> = serde_json::from_str(text).unwrap();
    let documented: Vec<(u32, &str)> = rows.iter().map(|r| (r.code, r.category.as_str())).collect();
    let ours: Vec<(u32, &str)> = ThreatCode::ALL
        .iter()
        .map(|c| (c.code(), c.category()))
        .collect();
    assert_eq!(ours, documented);
    for row in &rows {
        let code = ThreatCode::from_code(row.code);
        assert!(!matches!(code, ThreatCode::Unknown(_)), "{}", row.code);
        assert_eq!(code.code(), row.code);
        let family = match row.code / 100 {
            501 => ThreatFamily::AddressReputation,
            502 => ThreatFamily::AddressAssociation,
            503 => ThreatFamily::PartnerLimit,
            504 => ThreatFamily::CoinCoverLimit,
            505 => ThreatFamily::AnomalousPattern,
            506 => ThreatFamily::AbnormalTimeWindow,
            507 => ThreatFamily::UnsupportedToken,
            other => panic!("undocumented family {other}"),
        };
        assert_eq!(code.family(), family, "{}", row.code);
        // Read as a number and as a string, written as the number.
        assert_eq!(
            serde_json::from_str::<ThreatCode>(&row.code.to_string()).unwrap(),
            code
        );
        assert_eq!(
            serde_json::from_str::<ThreatCode>(&format!("\"{}\"", row.code)).unwrap(),
            code
        );
        assert_eq!(serde_json::to_string(&code).unwrap(), row.code.to_string());
    }
}

fn decode_check(body: &str) -> TransactionCheck {
    decode_json(body.as_bytes()).unwrap_or_else(|f| panic!("`{}`: {}", f.path, f.message))
}

/// Decoding then encoding then decoding again gives the same value (RED reasons are
/// written back as objects, so the text itself is not kept).
fn assert_stable(check: &TransactionCheck) {
    let again = decode_check(&serde_json::to_string(check).unwrap());
    assert_eq!(&again, check);
}

#[test]
fn red_with_a_numeric_reason() {
    let check = decode_check(
        r#"{"transactionUUID":"u-1","status":"RED","message":"Transaction is not protected.","reason":50101}"#,
    );
    assert!(check.is_red());
    assert!(!check.is_green());
    assert_eq!(check.threat_code(), Some(ThreatCode::SanctionedAddress));
    let reason = check.reason.as_ref().unwrap();
    assert_eq!(reason.category(), "Sanctioned address");
    assert_eq!(reason.category, None);
    assert_stable(&check);
    insta::assert_debug_snapshot!("red_numeric_reason", check);
}

#[test]
fn red_with_a_string_reason() {
    let check = decode_check(r#"{"transactionUUID":"u-2","status":"RED","reason":"50201"}"#);
    assert_eq!(
        check.threat_code(),
        Some(ThreatCode::AssociatedWithBlocklistWallet)
    );
    assert_eq!(
        check.threat_code().unwrap().family(),
        ThreatFamily::AddressAssociation
    );
    assert_stable(&check);
    insta::assert_debug_snapshot!("red_string_reason", check);
}

#[test]
fn red_with_an_object_reason() {
    let check = decode_check(
        r#"{"transactionUUID":"u-3","status":"RED","reason":{"code":50301,"category":"User upper amount hourly limit","description":"The transaction amount breaches the user's maximum amount per hour limit policy."}}"#,
    );
    assert_eq!(check.threat_code(), Some(ThreatCode::UserHourlyAmountLimit));
    let reason = check.reason.as_ref().unwrap();
    assert_eq!(
        reason.category.as_deref(),
        Some("User upper amount hourly limit")
    );
    assert_eq!(
        reason.description(),
        "The transaction amount breaches the user's maximum amount per hour limit policy."
    );
    assert_stable(&check);
    insta::assert_json_snapshot!("red_object_reason_json", check);
}

#[test]
fn unknown_status_and_threat_code_and_fields_are_kept() {
    let check = decode_check(
        r#"{"transactionUUID":"u-4","status":"AMBER","reason":59999,"riskScore":0.7,"tags":["new"]}"#,
    );
    assert_eq!(check.status, TransactionStatus::Unknown("AMBER".into()));
    assert!(!check.is_green() && !check.is_red());
    assert_eq!(check.threat_code(), Some(ThreatCode::Unknown(59999)));
    assert_eq!(ThreatCode::Unknown(59999).family(), ThreatFamily::Unknown);
    assert_eq!(check.extra["riskScore"], serde_json::json!(0.7));
    assert_eq!(check.extra["tags"], serde_json::json!(["new"]));
    assert_stable(&check);
    insta::assert_debug_snapshot!("unknown_status_and_code", check);

    // Status is read case-insensitively.
    let lower = decode_check(r#"{"transactionUUID":"u-5","status":"green"}"#);
    assert_eq!(lower.status, TransactionStatus::Green);
}

/// A RED verdict through the whole client.
#[tokio::test]
async fn red_verdict_through_the_client() {
    let (mem, c) = memory([Reply::json(
        200,
        r#"{"transactionUUID":"u-6","status":"RED","message":"Not protected","reason":{"code":"50115"}}"#,
    )]);
    let check = c
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert!(check.is_red());
    assert_eq!(check.threat_code(), Some(ThreatCode::Ransomware));
    assert_eq!(mem.hits(), 1);
}

/// A 200 whose body does not fit is `Error::Decode` naming the JSON path, not retried.
#[tokio::test]
async fn malformed_success_is_a_decode_error_naming_the_path() {
    let mem = support::MemoryTransport::new([Reply::json(
        200,
        r#"{"transactionUUID": 5, "status": "GREEN"}"#,
    )]);
    let err = support::memory_client(&mem, support::fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            provider,
            operation,
            path,
            snippet,
            ..
        } => {
            assert_eq!(*provider, "coincover");
            assert_eq!(*operation, "check-transaction");
            assert_eq!(path, "transactionUUID");
            assert_eq!(snippet, r#"{"transactionUUID": 5, "status": "GREEN"}"#);
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
    assert_eq!(mem.hits(), 1, "a decode error is not retried");
    insta::assert_snapshot!("decode_error_display", err.to_string());
}

/// Paths inside arrays and objects, and a body that is not JSON at all.
#[test]
fn decode_failures_name_nested_paths() {
    let f = decode_json::<TransactionCheck>(br#"{"transactionUUID":"u","status":7}"#).unwrap_err();
    assert_eq!(f.path, "status");
    let f = decode_json::<TransactionCheck>(
        br#"{"transactionUUID":"u","status":"RED","reason":{"code":true}}"#,
    )
    .unwrap_err();
    assert_eq!(f.path, "reason");
    let f = decode_json::<TransactionCheck>(br#"{"status":"GREEN"}"#).unwrap_err();
    assert_eq!(f.path, ".");
    assert!(f.message.contains("transactionUUID"), "{}", f.message);
    let f = decode_json::<CheckTransaction>(
        br#"{"transactionCustomerId":"c","coin":"bitcoin","walletId":"w","outputs":[{"destination":"d","amount":"abc","userId":"u"}]}"#,
    )
    .unwrap_err();
    assert_eq!(f.path, "outputs[0].amount");
    let f = decode_json::<TransactionCheck>(b"<html>oops</html>").unwrap_err();
    assert_eq!(f.path, ".");
}
