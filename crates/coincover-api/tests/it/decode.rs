//! Every documented example decodes into the typed model and round-trips; the RED shapes
//! the docs do not show, unknown statuses and codes decode leniently; a malformed success
//! body is a decode error naming the JSON path.

use std::collections::BTreeSet;

use coincover_api::{
    CheckTransaction, CreatePlan, CreateUser, Endpoint, Error, ThreatCode, ThreatFamily,
    TransactionCheck, TransactionStatus, UpdatePlan, UpdateUser,
};
use httpmock::MockServer;
use payments_core::test_util::{DocFixture, fixture_files, round_trip_exact};
use payments_core::{NoContent, decode_json};

use crate::support::{self, catch_all, fixtures_dir};

/// The user id of a documented `/user/{userId}[/plan]` path.
fn user_id_of(path: &str) -> String {
    let rest = path.strip_prefix("/user/").expect("a /user/ path");
    rest.strip_suffix("/plan").unwrap_or(rest).to_owned()
}

/// Checks the endpoint's method and path against the fixture and snapshots the value.
fn check_endpoint<E: Endpoint + std::fmt::Debug>(fx: &DocFixture, name: &str, e: &E) {
    assert_eq!(e.operation(), fx.operation, "{name}: operation");
    assert_eq!(e.method().as_str(), fx.method, "{name}: method");
    assert_eq!(fx.path.as_deref(), Some(&*e.path()), "{name}: path");
    e.validate()
        .unwrap_or_else(|err| panic!("{name}: documented example is invalid: {err}"));
    insta::assert_debug_snapshot!(format!("fixture_{}", name.replace('.', "_")), e);
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
        let documented_path = fx
            .path
            .as_deref()
            .unwrap_or_else(|| panic!("{name}: every CoinCover fixture shows its path"));
        match fx.direction.as_str() {
            "request" => {
                assert_eq!(fx.status, None, "{name}: requests have no status");
                match fx.operation.as_str() {
                    "check-transaction" => {
                        let req: CheckTransaction = round_trip_exact(name, &fx.body);
                        check_endpoint(&fx, name, &req);
                    }
                    "create-user" => {
                        let req: CreateUser = round_trip_exact(name, &fx.body);
                        check_endpoint(&fx, name, &req);
                    }
                    "update-user" => {
                        // The user id is the path parameter, not part of the body.
                        let mut req: UpdateUser = round_trip_exact(name, &fx.body);
                        assert_eq!(
                            req.user_id, "",
                            "{name}: userId must not come from the body"
                        );
                        req.user_id = user_id_of(documented_path);
                        check_endpoint(&fx, name, &req);
                    }
                    "create-plan" => {
                        let mut req: CreatePlan = round_trip_exact(name, &fx.body);
                        assert_eq!(req.user_id, "", "{name}");
                        req.user_id = user_id_of(documented_path);
                        check_endpoint(&fx, name, &req);
                    }
                    "update-plan" => {
                        let mut req: UpdatePlan = round_trip_exact(name, &fx.body);
                        assert_eq!(req.user_id, "", "{name}");
                        req.user_id = user_id_of(documented_path);
                        check_endpoint(&fx, name, &req);
                    }
                    other => panic!("{name}: unknown operation {other}"),
                }
            }
            "response" => {
                let status = fx.status.expect("responses have a status");
                assert!((200..300).contains(&status), "{name}: {status}");
                let snap = format!("fixture_{}", name.replace('.', "_"));
                if fx.body.get() == "null" {
                    // "No response body": what the client reads is zero bytes.
                    assert_eq!(decode_json::<NoContent>(b"").unwrap(), NoContent, "{name}");
                    assert_ne!(fx.operation, "check-transaction", "{name}");
                    insta::assert_debug_snapshot!(snap, (status, NoContent));
                } else {
                    assert_eq!(fx.operation, "check-transaction", "{name}");
                    let check: TransactionCheck = round_trip_exact(name, &fx.body);
                    insta::assert_debug_snapshot!(snap, (status, check));
                }
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
    let expected: BTreeSet<(String, String)> = [
        "check-transaction",
        "create-user",
        "update-user",
        "create-plan",
        "update-plan",
    ]
    .iter()
    .flat_map(|op| ["request", "response"].map(|d| ((*op).to_owned(), d.to_owned())))
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
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/transaction");
            then.status(200)
                .header("content-type", "application/json")
                .body(r#"{"transactionUUID":"u-6","status":"RED","message":"Not protected","reason":{"code":"50115"}}"#);
        })
        .await;
    let catch = catch_all(&server).await;
    let check = support::client(server.base_url(), support::fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert!(check.is_red());
    assert_eq!(check.threat_code(), Some(ThreatCode::Ransomware));
    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(catch.calls_async().await, 0);
}

/// A 200 whose body does not fit is `Error::Decode` naming the JSON path, not retried.
#[tokio::test]
async fn malformed_success_is_a_decode_error_naming_the_path() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/transaction");
            then.status(200)
                .header("content-type", "application/json")
                .body(r#"{"transactionUUID": 5, "status": "GREEN"}"#);
        })
        .await;
    let err = support::client(server.base_url(), support::fast_retry())
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
    assert_eq!(mock.calls_async().await, 1, "a decode error is not retried");
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
