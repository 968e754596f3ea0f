//! Every documented example goes through its operation's row of the table: each
//! documented request, read as the operation's input document, is sent byte for byte as
//! documented; each documented response decodes through the row into JSON with the same
//! values. The typed models round-trip byte for byte in the documented key order, and
//! snapshots show the typed values. Then the shapes the docs allow but do not show: extra
//! decision fields, unknown alert types and states, `is3dSecure` true/false/null/absent,
//! and decode errors naming the JSON path.

use std::collections::BTreeSet;

use covery_api::{
    AlertState, AlertType, ConfirmFraudAlert, Decision, Error, Event, EventResult, FraudAlert,
    FraudAlertFeedback, LatestFraudAlerts, OPERATIONS, Postback, PostbackResult, RetryPolicy,
    types::Ping,
};
use payments_core::http::StatusCode;
use payments_core::provider::decode_json;
use payments_test_support::server::Reply;
use payments_test_support::{DocFixture, fixture_files, round_trip_exact};
use serde_json::Value;

use crate::support::{self, fixtures_dir};

fn snapshot_name(file: &str) -> String {
    format!(
        "fixture_{}",
        file.trim_end_matches(".json").replace(['.', '-'], "_")
    )
}

/// The JSON text without the white space outside strings: the documented body as it is
/// sent, in its own key order.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The fixtures that belong to no operation: the documented error headers and the
/// fraud-alert callback (checked in `webhooks`).
const NOT_OPERATIONS: [&str; 2] = ["unknown", "fraud-alert-callback"];

#[test]
fn every_documented_fixture_goes_through_its_operations_row() {
    let fixtures: Vec<(String, DocFixture)> = fixture_files(fixtures_dir())
        .into_iter()
        .map(|(name, path)| (name, DocFixture::read(path)))
        .collect();
    assert_eq!(fixtures.len(), 13, "fixtures found");
    for (name, fx) in &fixtures {
        assert_eq!(fx.provider, "covery", "{name}");
        assert_eq!(fx.method, "POST", "{name}: every Covery call is a POST");
        if !OPERATIONS.iter().any(|op| op.name == fx.operation) {
            assert!(NOT_OPERATIONS.contains(&fx.operation.as_str()), "{name}");
        }
    }
    for op in OPERATIONS {
        let documented: Vec<&(String, DocFixture)> = fixtures
            .iter()
            .filter(|(_, fx)| fx.operation == op.name)
            .collect();
        assert!(!documented.is_empty(), "{}: no documented example", op.name);
        for (name, fx) in documented {
            assert_eq!(fx.method, op.method.as_str(), "{name}");
            assert_eq!(fx.path.as_deref(), Some(op.path), "{name}");
            match fx.direction.as_str() {
                "request" => {
                    assert_eq!(fx.status, None, "{name}");
                    let spec = (op.io.request)(fx.body.get(), vec![]).unwrap_or_else(|e| {
                        panic!("{name}: the documented request is refused: {e}")
                    });
                    assert!(std::ptr::eq(spec.operation, *op), "{name}");
                    assert_eq!(spec.path, op.path, "{name}");
                    let sent = spec.body.unwrap_or_else(|| panic!("{name}: no body"));
                    assert_eq!(
                        String::from_utf8_lossy(&sent.bytes),
                        compact(fx.body.get()),
                        "{name}: sent as documented"
                    );
                }
                "response" => {
                    let status = StatusCode::from_u16(fx.status.unwrap()).unwrap();
                    assert!(status.is_success(), "{name}");
                    let json =
                        (op.io.response)(status, fx.body.get().as_bytes()).unwrap_or_else(|f| {
                            panic!("{name}: cannot decode at `{}`: {}", f.path, f.message)
                        });
                    let ours: Value = serde_json::from_str(&json).unwrap();
                    let documented: Value = serde_json::from_str(fx.body.get()).unwrap();
                    assert_eq!(
                        ours, documented,
                        "{name}: the typed answer keeps every value"
                    );
                    assert_eq!(fx.headers["X-Maxwell-Status"], "OK", "{name}");
                }
                other => panic!("{name}: direction {other}"),
            }
        }
    }
}

/// The typed view of every documented body: round-tripped byte for byte and snapshotted.
#[test]
fn every_documented_body_round_trips_through_its_type() {
    let mut seen = BTreeSet::new();
    for (name, path) in fixture_files(fixtures_dir()) {
        let fx = DocFixture::read(path);
        let snap = snapshot_name(&name);
        match (fx.direction.as_str(), fx.operation.as_str()) {
            ("response", "ping") => {
                let v: Ping = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("response", "send-event") => {
                let v: EventResult = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("response", "make-decision") => {
                let v: Decision = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("response", "postback") => {
                let v: PostbackResult = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("response", "find-fraud-alert") | ("request", "fraud-alert-callback") => {
                let v: FraudAlert = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("response", "latest-fraud-alerts") => {
                let v: Vec<FraudAlert> = round_trip_exact(&name, &fx.body);
                assert_eq!(v.len(), 1, "{name}");
                insta::assert_debug_snapshot!(snap, v);
            }
            ("request", "postback") => {
                let v: Postback = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("request", "latest-fraud-alerts") => {
                let v: LatestFraudAlerts = round_trip_exact(&name, &fx.body);
                assert_eq!(v.limit, Some(100), "{name}");
            }
            ("request", "confirm-fraud-alert") => {
                let v: ConfirmFraudAlert = round_trip_exact(&name, &fx.body);
                assert_eq!(v.id, 8464503, "{name}");
            }
            ("request", "fraud-alert-feedback") => {
                let v: FraudAlertFeedback = round_trip_exact(&name, &fx.body);
                insta::assert_debug_snapshot!(snap, v);
            }
            ("response", "unknown") => {
                assert_eq!(fx.status, Some(404));
                assert_eq!(fx.body.get(), "null");
                assert_eq!(fx.headers["X-Maxwell-Status"], "Exception");
            }
            other => panic!("{name}: no check for {other:?}"),
        }
        seen.insert(name);
    }
    assert_eq!(seen.len(), 13, "fixtures checked: {seen:?}");
}

#[test]
fn decision_keeps_fields_configured_for_the_account() {
    let d: Decision = decode_json(
        br#"{"requestId":1,"type":"login","createdAt":1.5,"score":-3,"accept":true,"reject":false,"manual":false,"riskLevel":"low","rules":[{"id":7}]}"#,
    )
    .unwrap();
    assert_eq!(d.extra["riskLevel"], "low");
    assert_eq!(d.extra["rules"][0]["id"], 7);
    assert_eq!(d.reason, None);
    assert_eq!(d.score, -3);
    let again = serde_json::to_string(&d).unwrap();
    assert!(again.contains(r#""riskLevel":"low""#), "{again}");
    insta::assert_debug_snapshot!("decision_with_extra_fields", d);
}

#[test]
fn alert_types_states_and_3d_secure_decode_leniently() {
    let mut alert: serde_json::Value =
        support::fixture("find-fraud-alert.response.200.json")["body"].clone();
    for (value, expected) in [
        (serde_json::json!(true), Some(true)),
        (serde_json::json!(false), Some(false)),
        (serde_json::Value::Null, None),
    ] {
        alert["is3dSecure"] = value;
        let a: FraudAlert = serde_json::from_value(alert.clone()).unwrap();
        assert_eq!(a.is_3d_secure, expected);
    }
    alert.as_object_mut().unwrap().remove("is3dSecure");
    alert["type"] = "".into();
    alert["state"] = "brand_new_state".into();
    alert["newField"] = 1.into();
    let a: FraudAlert = serde_json::from_value(alert).unwrap();
    assert_eq!(a.is_3d_secure, None);
    assert_eq!(a.kind, AlertType::Empty);
    assert!(!a.is_confirmed_fraud());
    assert_eq!(a.state, AlertState::Unknown("brand_new_state".into()));
    assert_eq!(a.extra["newField"], 1);

    for (text, t) in [
        ("issuer_alert", AlertType::IssuerAlert),
        ("fraudreporter_alert", AlertType::FraudReporterAlert),
        ("customerdispute_alert", AlertType::CustomerDisputeAlert),
        ("new_alert", AlertType::Unknown("new_alert".into())),
    ] {
        assert_eq!(AlertType::from(text), t);
        assert_eq!(t.as_str(), text);
    }
    let states = [
        "none",
        "stopped",
        "partially_stopped",
        "previously_cancelled",
        "missed",
        "notfound",
        "account_suspended",
        "in_progress",
        "shipper_contacted",
        "other",
        "resolved",
        "previously_refunded",
        "unresolved_dispute",
    ];
    for s in states {
        let state = AlertState::from(s);
        assert!(!matches!(state, AlertState::Unknown(_)), "{s}");
        assert_eq!(serde_json::to_string(&state).unwrap(), format!("\"{s}\""));
    }
    let minimal: FraudAlert =
        decode_json(br#"{"id":5,"type":"issuer_alert","state":"none"}"#).unwrap();
    assert!(minimal.is_confirmed_fraud());
    assert_eq!(minimal.transaction_amount, None);
}

#[test]
fn amounts_keep_their_exact_digits() {
    let a: FraudAlert = decode_json(
        br#"{"id":1,"type":"issuer_alert","state":"none","transactionAmount":0.10000000000000001,"chargebackAmount":"12.340"}"#,
    )
    .unwrap();
    assert_eq!(
        a.transaction_amount.unwrap().to_string(),
        "0.10000000000000001"
    );
    assert_eq!(a.chargeback_amount.unwrap().to_string(), "12.340");
}

#[test]
fn events_read_back_by_type_and_reject_unknown_types() {
    let e: Event = serde_json::from_str(
        r#"{"type":"transaction","transaction_amount":0.1,"transaction_currency":"USD","transaction_id":"t","transaction_timestamp":1,"user_merchant_id":"u","sequence_id":"s","billing_country":"USA","ip":"1.2.3.4"}"#,
    )
    .unwrap();
    let Event::Transaction(tx) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(tx.billing_country.unwrap().alpha3(), "USA");
    assert_eq!(tx.device.ip.as_deref(), Some("1.2.3.4"));
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"type":"transaction","transaction_amount":0.1,"transaction_currency":"USD","transaction_id":"t","transaction_timestamp":1,"user_merchant_id":"u","sequence_id":"s","billing_country":"usa","ip":"1.2.3.4"}"#
    );
    let err = serde_json::from_str::<Event>(r#"{"type":"teleport"}"#).unwrap_err();
    assert!(err.to_string().contains("teleport"), "{err}");
    let err = serde_json::from_str::<Event>(r#"{"login_timestamp":1}"#).unwrap_err();
    assert!(err.to_string().contains("type"), "{err}");
    let err = serde_json::from_str::<Event>(
        r#"{"type":"registration","registration_timestamp":1,"user_merchant_id":"u","sequence_id":"s","country":"zz"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("zz"), "{err}");
}

#[tokio::test]
async fn a_malformed_success_body_is_a_decode_error_naming_the_path() {
    let mem = support::script([Reply::json(
        200,
        r#"{"requestId":1,"type":"login","createdAt":1,"score":"high","accept":true,"reject":false,"manual":false}"#,
    )]);
    let err = support::client(&mem, RetryPolicy::none())
        .make_decision(&covery_api::MakeDecision::new(covery_api::Login::new(
            1, "u", "s",
        )))
        .await
        .unwrap_err();
    let Error::Decode { path, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, "score");
    insta::assert_snapshot!("decode_error_display", err.to_string());
}
