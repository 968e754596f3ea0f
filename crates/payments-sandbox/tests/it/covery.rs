//! Covery under /covery: authentication, token levels, validation, decision rules, 409, 429,
//! postbacks, fraud alerts and their callbacks. Requests are signed here with
//! `payments_core::digest::sha256_nonce_hex`, independently of any Covery client.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::http::HeaderMap;
use payments_core::digest::sha256_nonce_hex;
use payments_core::webhook::{WebhookSecrets, verify_sha256_nonce};
use payments_sandbox::covery::{
    DEMO_DISPOSABLE_EMAIL, ERROR_ACCESS, ERROR_AUTH, ERROR_DUPLICATE, ERROR_NO_ROUTE,
    ERROR_NOT_FOUND, ERROR_TOO_MANY, ERROR_VALIDATION, MANUAL_AMOUNT_USD, MAX_EVENTS_PER_SEQUENCE,
    REJECT_AMOUNT_USD,
};
use payments_sandbox::{Provider, SandboxConfig};
use serde_json::{Value, json};

use crate::support::{Harness, START, start, start_with};

static NONCE: AtomicU64 = AtomicU64::new(1);

fn fresh_nonce() -> String {
    format!("test-nonce-{}", NONCE.fetch_add(1, Ordering::Relaxed))
}

/// An answer with its headers.
struct Resp {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Resp {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    /// Asserts an error status and its `X-Maxwell-*` headers.
    fn assert_error(&self, status: u16, kind: &str) {
        assert_eq!(self.status, status, "{}: {:?}", self.body, self.headers);
        assert_eq!(self.header("x-maxwell-status"), Some("Exception"));
        assert_eq!(self.header("x-maxwell-error-type"), Some(kind));
        let message = self.header("x-maxwell-error-message").unwrap();
        assert!(!message.is_empty());
    }

    fn message(&self) -> &str {
        self.header("x-maxwell-error-message").unwrap()
    }
}

async fn send_raw(
    h: &Harness,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Resp {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    let answer = crate::support::oneshot(
        h.running.sandbox(),
        method,
        &format!("{}{path}", Provider::Covery.prefix()),
        &all,
        body.to_owned(),
    )
    .await;
    Resp {
        status: answer.status,
        body: answer.text(),
        headers: answer.headers,
    }
}

/// A request signed with `token` and the sandbox's secret, under a fresh nonce.
async fn call_as(h: &Harness, token: &str, path: &str, body: &str) -> Resp {
    let nonce = fresh_nonce();
    let secret = h.running.credentials().covery_secret.clone();
    let signature = sha256_nonce_hex(nonce.as_bytes(), body.as_bytes(), secret.as_bytes());
    send_raw(
        h,
        "POST",
        path,
        &[
            ("X-Auth-Token", token),
            ("X-Auth-Nonce", &nonce),
            ("X-Auth-Signature", &signature),
        ],
        body,
    )
    .await
}

/// A request with the full-access token.
async fn call(h: &Harness, path: &str, body: &Value) -> Resp {
    let token = h.running.credentials().covery_token.clone();
    call_as(h, &token, path, &body.to_string()).await
}

async fn call_event_token(h: &Harness, path: &str, body: &Value) -> Resp {
    let token = h.running.credentials().covery_event_token.clone();
    call_as(h, &token, path, &body.to_string()).await
}

fn transaction(seq: &str, tx: &str, amount: f64, currency: &str) -> Value {
    json!({
        "type": "transaction",
        "transaction_amount": amount,
        "transaction_currency": currency,
        "transaction_id": tx,
        "transaction_timestamp": START,
        "user_merchant_id": format!("user-{seq}"),
        "sequence_id": seq,
    })
}

fn with(mut event: Value, extra: Value) -> Value {
    for (k, v) in extra.as_object().unwrap() {
        event[k] = v.clone();
    }
    event
}

fn login(seq: &str, failed: bool) -> Value {
    json!({
        "type": "login",
        "login_timestamp": START,
        "user_merchant_id": format!("user-{seq}"),
        "sequence_id": seq,
        "login_failed": failed,
    })
}

async fn decide(h: &Harness, event: &Value) -> Value {
    let r = call(h, "/api/makeDecision", event).await;
    assert_eq!(r.status, 200, "{}: {:?}", r.body, r.headers);
    r.json()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// The documented example's body: from the client's fixtures when present, else embedded.
fn documented(name: &str, fallback: Value) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/covery/docs")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str::<Value>(&text).unwrap()["body"].clone(),
        Err(_) => fallback,
    }
}

fn documented_event() -> Value {
    documented(
        "send-event.response.200.json",
        json!({"requestId": 7896010, "type": "transaction", "createdAt": 1449049571.123,
               "sequenceId": "s", "merchantUserId": "m"}),
    )
}

fn documented_decision() -> Value {
    documented(
        "make-decision.response.200.json",
        json!({"requestId": 7896010, "type": "transaction", "createdAt": 1449049571.123,
               "sequenceId": "s", "merchantUserId": "m", "score": 80, "accept": false,
               "reject": true, "manual": false, "reason": "r", "action": "a"}),
    )
}

fn documented_alert() -> Value {
    documented(
        "find-fraud-alert.response.200.json",
        json!({"id": 8464503, "source": "ethoca", "externalId": "5SNLJ1WOKODEUPLY396439RT4",
               "type": "issuer_alert", "state": "none", "cardBin": "502006", "cardLast4": "7616",
               "alertTimestamp": 1459521191, "transactionTimestamp": 1459521191,
               "transactionAmount": 28.55, "transactionCurrency": "USD", "is3dSecure": null,
               "arn": "43792622030200003292612", "chargebackAmount": 0, "chargebackCurrency": "",
               "chargebackReasonCode": "", "merchantDescriptor": "EXAMPLE"}),
    )
}

// ---------------------------------------------------------------------------------------
// Authentication and token levels

#[tokio::test]
async fn ping_reports_each_tokens_access_levels() {
    let h = start().await;
    let r = call(&h, "/api/ping", &json!({})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("x-maxwell-status"), Some("OK"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    let body = r.json();
    let doc = documented(
        "ping.response.200.json",
        json!({"customerId": 1, "access": {"event": true, "decision": false, "management": false, "utility": false}}),
    );
    assert_eq!(keys(&body), keys(&doc));
    assert_eq!(keys(&body["access"]), keys(&doc["access"]));
    assert_eq!(
        body,
        json!({"customerId": 1, "access": {"event": true, "decision": true, "management": true, "utility": true}})
    );

    // The event-level token: the documented example's levels exactly.
    let r = call_event_token(&h, "/api/ping", &json!({})).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["access"], doc["access"]);
    // An empty body signs and pings as well.
    let token = h.running.credentials().covery_token.clone();
    assert_eq!(call_as(&h, &token, "/api/ping", "").await.status, 200);
    // Upper-case hex is the same signature.
    let nonce = fresh_nonce();
    let secret = h.running.credentials().covery_secret.clone();
    let upper = sha256_nonce_hex(nonce.as_bytes(), b"{}", secret.as_bytes()).to_ascii_uppercase();
    let headers = [
        ("X-Auth-Token", token.as_str()),
        ("X-Auth-Nonce", nonce.as_str()),
        ("X-Auth-Signature", upper.as_str()),
    ];
    assert_eq!(
        send_raw(&h, "POST", "/api/ping", &headers, "{}")
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn bad_auth_is_401_with_maxwell_headers_before_validation() {
    let h = start().await;
    let creds = h.running.credentials().clone();
    let body = "not json";
    let nonce = fresh_nonce();
    let good = sha256_nonce_hex(
        nonce.as_bytes(),
        body.as_bytes(),
        creds.covery_secret.as_bytes(),
    );
    let other_secret = sha256_nonce_hex(nonce.as_bytes(), body.as_bytes(), b"another-secret");
    let empty_nonce = sha256_nonce_hex(b"", body.as_bytes(), creds.covery_secret.as_bytes());
    let other_body = sha256_nonce_hex(nonce.as_bytes(), b"{}", creds.covery_secret.as_bytes());
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("no headers", vec![]),
        (
            "no token",
            vec![("X-Auth-Nonce", &nonce), ("X-Auth-Signature", &good)],
        ),
        (
            "no nonce",
            vec![
                ("X-Auth-Token", &creds.covery_token),
                ("X-Auth-Signature", &good),
            ],
        ),
        (
            "no signature",
            vec![
                ("X-Auth-Token", &creds.covery_token),
                ("X-Auth-Nonce", &nonce),
            ],
        ),
        (
            "wrong token",
            vec![
                ("X-Auth-Token", "not-a-covery-token"),
                ("X-Auth-Nonce", &nonce),
                ("X-Auth-Signature", &good),
            ],
        ),
        (
            "the coincover token",
            vec![
                ("X-Auth-Token", &creds.coincover_token),
                ("X-Auth-Nonce", &nonce),
                ("X-Auth-Signature", &good),
            ],
        ),
        (
            "signed with another secret",
            vec![
                ("X-Auth-Token", &creds.covery_token),
                ("X-Auth-Nonce", &nonce),
                ("X-Auth-Signature", &other_secret),
            ],
        ),
        (
            "signature of another body",
            vec![
                ("X-Auth-Token", &creds.covery_token),
                ("X-Auth-Nonce", &nonce),
                ("X-Auth-Signature", &other_body),
            ],
        ),
        (
            "empty nonce",
            vec![
                ("X-Auth-Token", &creds.covery_token),
                ("X-Auth-Nonce", ""),
                ("X-Auth-Signature", &empty_nonce),
            ],
        ),
        (
            "signature not hex",
            vec![
                ("X-Auth-Token", &creds.covery_token),
                ("X-Auth-Nonce", &nonce),
                ("X-Auth-Signature", "zz"),
            ],
        ),
    ];
    for (what, headers) in cases {
        for path in ["/api/ping", "/api/sendEvent", "/api/makeDecision"] {
            let r = send_raw(&h, "POST", path, &headers, body).await;
            r.assert_error(401, ERROR_AUTH);
            assert!(
                r.header("content-type").unwrap().starts_with("text/plain"),
                "{what}"
            );
            assert_eq!(r.body, r.message(), "{what}");
        }
    }
    let r = send_raw(&h, "POST", "/api/ping", &[], "").await;
    assert!(r.message().contains("X-Auth-Token"), "{}", r.message());

    // The good signature passes authentication (and then fails validation: 406).
    let signed = [
        ("X-Auth-Token", creds.covery_token.as_str()),
        ("X-Auth-Nonce", nonce.as_str()),
        ("X-Auth-Signature", good.as_str()),
    ];
    let r = send_raw(&h, "POST", "/api/sendEvent", &signed, body).await;
    r.assert_error(406, ERROR_VALIDATION);
    // The same nonce again, even correctly signed, is refused.
    let r = send_raw(&h, "POST", "/api/sendEvent", &signed, body).await;
    r.assert_error(401, ERROR_AUTH);
    assert_eq!(r.message(), "Nonce already used");
    // A nonce spent by one token is spent for the other too.
    let again = [
        ("X-Auth-Token", creds.covery_event_token.as_str()),
        ("X-Auth-Nonce", nonce.as_str()),
        ("X-Auth-Signature", good.as_str()),
    ];
    send_raw(&h, "POST", "/api/ping", &again, body)
        .await
        .assert_error(401, ERROR_AUTH);

    // reset() forgets spent nonces.
    h.running.sandbox().reset();
    let r = send_raw(&h, "POST", "/api/ping", &signed, body).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn the_event_token_gets_403_above_its_level() {
    let h = start().await;
    let seq = "event-level";
    let r = call_event_token(&h, "/api/sendEvent", &transaction(seq, "tx-1", 10.0, "USD")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let request_id = r.json()["requestId"].as_u64().unwrap();
    let r = call_event_token(&h, "/api/postback", &json!({"request_id": request_id})).await;
    assert_eq!(r.status, 200, "{}", r.body);

    for path in [
        "/api/makeDecision",
        "/api/manage/fraud/latest",
        "/api/manage/fraud/find",
        "/api/manage/fraud/confirm",
        "/api/manage/fraud/feedback",
    ] {
        // The level is checked before the body.
        let r = call_event_token(&h, path, &transaction(seq, "tx-2", 10.0, "USD")).await;
        r.assert_error(403, ERROR_ACCESS);
        assert_eq!(
            r.message(),
            "Token access level not sufficient to access requested API"
        );
    }
    // The full token may.
    let r = call(
        &h,
        "/api/makeDecision",
        &transaction(seq, "tx-2", 10.0, "USD"),
    )
    .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn unknown_routes_are_the_documented_404() {
    let h = start().await;
    let r = send_raw(&h, "POST", "/api/wrong/endpoint", &[], "{}").await;
    r.assert_error(404, ERROR_NO_ROUTE);
    let doc = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/covery/docs/error.response.404.json");
    let expected: Vec<(String, String)> = match std::fs::read_to_string(doc) {
        Ok(text) => {
            let v: Value = serde_json::from_str(&text).unwrap();
            v["headers"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().unwrap().to_owned()))
                .collect()
        }
        Err(_) => vec![
            ("content-type".into(), "application/json".into()),
            ("x-maxwell-status".into(), "Exception".into()),
            (
                "x-maxwell-error-type".into(),
                "Maxwell\\Exception\\NoRouteException".into(),
            ),
            (
                "x-maxwell-error-message".into(),
                "Unable to found route for POST /api/wrong/endpoint".into(),
            ),
        ],
    };
    for (name, value) in expected {
        assert_eq!(r.header(&name), Some(value.as_str()), "{name}");
    }
    assert_eq!(r.body, "");

    // Wrong method on a known path, a case variant, the prefix itself: 404 too.
    let r = send_raw(&h, "GET", "/api/ping", &[], "").await;
    r.assert_error(404, ERROR_NO_ROUTE);
    assert_eq!(r.message(), "Unable to found route for GET /api/ping");
    send_raw(&h, "POST", "/api/sendevent", &[], "")
        .await
        .assert_error(404, ERROR_NO_ROUTE);
    let r = send_raw(&h, "POST", "", &[], "").await;
    r.assert_error(404, ERROR_NO_ROUTE);
    assert_eq!(r.message(), "Unable to found route for POST /");
}

// ---------------------------------------------------------------------------------------
// Events and validation

#[tokio::test]
async fn events_answer_the_documented_shape_with_seeded_ids() {
    let run = || async {
        let h = start_with(SandboxConfig::default().with_seed(9)).await;
        let mut ids = Vec::new();
        for (i, event) in [
            transaction("seq-a", "tx-1", 12.5, "USD"),
            json!({"type": "install", "install_timestamp": START}),
            login("seq-a", false),
        ]
        .iter()
        .enumerate()
        {
            let r = call(&h, "/api/sendEvent", event).await;
            assert_eq!(r.status, 200, "{i}: {}", r.body);
            assert_eq!(r.header("x-maxwell-status"), Some("OK"));
            let body = r.json();
            assert_eq!(keys(&body), keys(&documented_event()));
            assert_eq!(body["createdAt"].as_f64(), Some(START as f64));
            ids.push(body["requestId"].as_u64().unwrap());
            if i == 0 {
                assert_eq!(body["type"], "transaction");
                assert_eq!(body["sequenceId"], "seq-a");
                assert_eq!(body["merchantUserId"], "user-seq-a");
            }
            if i == 1 {
                // No sequence_id or user_merchant_id: empty strings, keys kept.
                assert_eq!(body["sequenceId"], "");
                assert_eq!(body["merchantUserId"], "");
            }
        }
        ids
    };
    let a = run().await;
    let b = run().await;
    assert_eq!(a, b);
    assert_eq!(a[1], a[0] + 1);
    assert_eq!(a[2], a[0] + 1 + 1);
    assert!((1_000_000..10_000_000).contains(&a[0]), "{a:?}");

    let other = start_with(SandboxConfig::default().with_seed(10)).await;
    let r = call(&other, "/api/sendEvent", &transaction("s", "t", 1.0, "USD")).await;
    assert_ne!(r.json()["requestId"].as_u64().unwrap(), a[0]);
}

#[tokio::test]
async fn every_event_type_with_its_mandatory_fields_is_accepted() {
    let h = start().await;
    let seq = "all-types";
    let user = "u-1";
    let events = [
        json!({"type": "install", "install_timestamp": START, "country": "usa"}),
        json!({"type": "registration", "registration_timestamp": START, "user_merchant_id": user, "sequence_id": seq, "country": "gbr", "email": "a@example.com", "age": 30}),
        json!({"type": "confirmation", "confirmation_timestamp": START, "user_merchant_id": user, "sequence_id": seq, "email_confirmed": true}),
        login(seq, false),
        transaction(seq, "tx-1", 1.0, "EUR"),
        json!({"type": "refund", "refund_timestamp": START, "refund_id": "rf-1", "sequence_id": seq, "refund_amount": 1.0, "refund_currency": "USD"}),
        json!({"type": "payout", "payout_timestamp": START, "payout_id": "po-1", "user_merchant_id": user, "sequence_id": seq, "payout_amount": 2, "payout_currency": "USD"}),
        json!({"type": "transfer", "event_id": "tr-1", "event_timestamp": START, "user_merchant_id": user, "sequence_id": seq, "account_system": "bank", "account_id": "a1", "second_account_id": "a2", "amount": 3.25, "currency": "USD", "second_country": "deu"}),
        // Transfer as documented, with event_type.
        json!({"event_type": "transfer", "event_id": "tr-2", "event_timestamp": START, "user_merchant_id": user, "sequence_id": seq, "account_system": "bank", "account_id": "a1", "second_account_id": "a2", "amount": 3.25, "currency": "USD"}),
        // Device data.
        with(
            login(seq, false),
            json!({"ip": "10.0.0.1", "cookie_enabled": true, "timezone_offset": -120}),
        ),
    ];
    for event in &events {
        let r = call(&h, "/api/sendEvent", event).await;
        assert_eq!(r.status, 200, "{event}: {}", r.body);
        assert_eq!(
            r.json()["type"],
            event
                .get("type")
                .or(event.get("event_type"))
                .unwrap()
                .clone()
        );
    }
}

#[tokio::test]
async fn invalid_events_are_406() {
    let h = start().await;
    let base = transaction("seq-v", "tx-v", 5.0, "USD");
    let cases = [
        (json!({"type": "withdrawal"}), "Unknown event type"),
        (json!({"sequence_id": "x"}), "Field type is mandatory"),
        (json!([1, 2]), "JSON encoded object"),
        (
            json!({"type": "login", "user_merchant_id": "u", "sequence_id": "s"}),
            "login_timestamp",
        ),
        (
            json!({"type": "transaction", "transaction_amount": 1, "transaction_currency": "USD", "transaction_timestamp": 1, "user_merchant_id": "u", "sequence_id": "s"}),
            "transaction_id",
        ),
        (
            with(base.clone(), json!({"sequence_id": "x".repeat(41)})),
            "sequence_id",
        ),
        (
            with(base.clone(), json!({"sequence_id": ""})),
            "sequence_id",
        ),
        (with(base.clone(), json!({"country": "USA"})), "lower case"),
        (with(base.clone(), json!({"country": "us"})), "alpha-3"),
        (
            with(base.clone(), json!({"billing_country": "xyz"})),
            "alpha-3",
        ),
        (
            with(base.clone(), json!({"transaction_amount": "10"})),
            "transaction_amount",
        ),
        (
            with(base.clone(), json!({"transaction_amount": -1})),
            "non-negative",
        ),
        (
            with(base.clone(), json!({"transaction_timestamp": 1.5})),
            "integer",
        ),
        (
            with(base.clone(), json!({"transaction_currency": "DOLLARS"})),
            "currency",
        ),
        (
            with(base.clone(), json!({"card_bin": "411111"})),
            "card_bin",
        ),
        (
            with(login("s", false), json!({"login_failed": "yes"})),
            "boolean",
        ),
        (
            with(base.clone(), json!({"event_type": "login"})),
            "disagree",
        ),
        (
            with(base.clone(), json!({"user_merchant_id": " "})),
            "empty",
        ),
    ];
    for (event, needle) in cases {
        for path in ["/api/sendEvent", "/api/makeDecision"] {
            let r = call(&h, path, &event).await;
            r.assert_error(406, ERROR_VALIDATION);
            assert!(r.message().contains(needle), "{event}: {}", r.message());
            assert!(r.header("content-type").unwrap().starts_with("text/plain"));
        }
    }
    let token = h.running.credentials().covery_token.clone();
    let r = call_as(&h, &token, "/api/sendEvent", "{oops").await;
    r.assert_error(406, ERROR_VALIDATION);
    assert!(r.message().contains("Malformed JSON"), "{}", r.message());
    // 40 characters is fine; null counts as absent.
    let ok = with(
        base,
        json!({"sequence_id": "s".repeat(40), "country": null}),
    );
    assert_eq!(call(&h, "/api/sendEvent", &ok).await.status, 200);
}

// ---------------------------------------------------------------------------------------
// Decision rules

#[tokio::test]
async fn a_clean_event_is_accepted_with_the_documented_keys() {
    let h = start().await;
    let d = decide(&h, &transaction("clean", "tx-1", 25.0, "USD")).await;
    assert_eq!(keys(&d), keys(&documented_decision()));
    assert_eq!(d["score"], 0);
    assert_eq!(
        (&d["accept"], &d["reject"], &d["manual"]),
        (&json!(true), &json!(false), &json!(false))
    );
    assert_eq!(d["reason"], "");
    assert_eq!(d["action"], "Approve");
    assert_eq!(d["type"], "transaction");
    assert_eq!(d["sequenceId"], "clean");
    // Non-transaction events get decisions too.
    let d = decide(&h, &login("clean", false)).await;
    assert_eq!(d["score"], 0);
}

#[tokio::test]
async fn amount_rules() {
    let h = start().await;
    let manual = MANUAL_AMOUNT_USD as f64;
    let reject = REJECT_AMOUNT_USD as f64;
    let cases = [
        (
            transaction("a", "t1", manual - 0.01, "USD"),
            0,
            "accept",
            "",
        ),
        (
            transaction("a", "t2", manual, "USD"),
            40,
            "manual",
            "Elevated amount",
        ),
        (
            transaction("a", "t3", reject - 0.01, "usd"),
            40,
            "manual",
            "Elevated amount",
        ),
        (
            transaction("a", "t4", reject, "USD"),
            80,
            "reject",
            "Large amount",
        ),
        // 10 000 EUR is 11 000 USD.
        (
            transaction("a", "t5", 9_500.0, "EUR"),
            80,
            "reject",
            "Large amount",
        ),
        // 1 000 JPY is 6.70 USD.
        (transaction("a", "t6", 1_000.0, "JPY"), 0, "accept", ""),
        // An unconverted currency: only the converted amount counts.
        (transaction("a", "t7", 1_000_000.0, "XAU"), 0, "accept", ""),
        (
            with(
                transaction("a", "t8", 1.0, "XAU"),
                json!({"transaction_amount_converted": 20_000}),
            ),
            80,
            "reject",
            "Large amount",
        ),
        // The converted amount wins over the rate.
        (
            with(
                transaction("a", "t9", 50_000.0, "USD"),
                json!({"transaction_amount_converted": 5}),
            ),
            0,
            "accept",
            "",
        ),
        (
            json!({"type": "payout", "payout_timestamp": START, "payout_id": "p1", "user_merchant_id": "u", "sequence_id": "a", "payout_amount": 2000, "payout_currency": "USD"}),
            40,
            "manual",
            "Elevated amount",
        ),
        (
            json!({"type": "transfer", "event_id": "e1", "event_timestamp": START, "user_merchant_id": "u", "sequence_id": "a", "account_system": "s", "account_id": "1", "second_account_id": "2", "amount": 12000, "currency": "USD"}),
            80,
            "reject",
            "Large amount",
        ),
        // Refunds are not scored on amount.
        (
            json!({"type": "refund", "refund_timestamp": START, "refund_id": "r1", "sequence_id": "a", "refund_amount": 50000, "refund_currency": "USD"}),
            0,
            "accept",
            "",
        ),
    ];
    for (event, score, verdict, reason) in cases {
        let d = decide(&h, &event).await;
        assert_eq!(d["score"], score, "{event}: {d}");
        assert_eq!(d[verdict], true, "{event}: {d}");
        assert_eq!(d["reason"], reason, "{event}");
        let action = match verdict {
            "accept" => "Approve",
            "manual" => "Additional verification",
            _ => "Decline",
        };
        assert_eq!(d["action"], action);
    }
}

#[tokio::test]
async fn disposable_email_and_country_mismatch_rules() {
    let h = start().await;
    let d = decide(
        &h,
        &with(
            transaction("e", "t1", 10.0, "USD"),
            json!({"email": DEMO_DISPOSABLE_EMAIL}),
        ),
    )
    .await;
    assert_eq!(
        (d["score"].as_u64(), &d["accept"]),
        (Some(30), &json!(true))
    );
    assert_eq!(d["reason"], "Disposable email domain");

    let d = decide(
        &h,
        &with(
            transaction("e", "t2", 10.0, "USD"),
            json!({"email": "joe@example.com", "country": "usa", "billing_country": "usa"}),
        ),
    )
    .await;
    assert_eq!(d["score"], 0);

    let d = decide(
        &h,
        &with(
            transaction("e", "t3", 10.0, "USD"),
            json!({"country": "usa", "billing_country": "gbr"}),
        ),
    )
    .await;
    assert_eq!(d["score"], 20);
    assert_eq!(d["reason"], "Billing country mismatch");
    // Only one of the two: no mismatch.
    let d = decide(
        &h,
        &with(
            transaction("e", "t4", 10.0, "USD"),
            json!({"billing_country": "gbr"}),
        ),
    )
    .await;
    assert_eq!(d["score"], 0);

    // Both: 50, manual review.
    let d = decide(
        &h,
        &with(
            transaction("e", "t5", 10.0, "USD"),
            json!({"email": "X@GuerrillaMail.com", "country": "usa", "billing_country": "fra"}),
        ),
    )
    .await;
    assert_eq!(d["score"], 50);
    assert_eq!(d["manual"], true);
    assert_eq!(
        d["reason"],
        "Disposable email domain, Billing country mismatch"
    );

    // A registration with a disposable email, and a transfer's second_email.
    let d = decide(
        &h,
        &json!({"type": "registration", "registration_timestamp": START, "user_merchant_id": "u", "sequence_id": "e", "email": "new@10minutemail.com"}),
    )
    .await;
    assert_eq!(d["score"], 30);
    let d = decide(
        &h,
        &json!({"type": "transfer", "event_id": "e1", "event_timestamp": START, "user_merchant_id": "u", "sequence_id": "e", "account_system": "s", "account_id": "1", "second_account_id": "2", "amount": 5, "currency": "USD", "second_email": "x@mailinator.com"}),
    )
    .await;
    assert_eq!(d["score"], 30);

    // Everything at once is capped at 100.
    let d = decide(
        &h,
        &with(
            transaction("e", "t6", 20_000.0, "USD"),
            json!({"email": DEMO_DISPOSABLE_EMAIL, "country": "usa", "billing_country": "fra"}),
        ),
    )
    .await;
    assert_eq!(d["score"], 100);
    assert_eq!(d["reject"], true);
}

#[tokio::test]
async fn failed_login_bursts_within_ten_minutes() {
    let h = start().await;
    let seq = "burst";
    for _ in 0..2 {
        assert_eq!(
            call(&h, "/api/sendEvent", &login(seq, true)).await.status,
            200
        );
    }
    // Successful logins and other sequences do not count.
    assert_eq!(
        call(&h, "/api/sendEvent", &login(seq, false)).await.status,
        200
    );
    assert_eq!(
        call(&h, "/api/sendEvent", &login("other", true))
            .await
            .status,
        200
    );
    let d = decide(&h, &transaction(seq, "t1", 10.0, "USD")).await;
    assert_eq!(d["score"], 0, "{d}");

    // The third failed login makes a burst; a decision on it counts it.
    let d = decide(&h, &login(seq, true)).await;
    assert_eq!(d["score"], 40, "{d}");
    assert_eq!(d["reason"], "Failed logins burst");
    assert_eq!(d["manual"], true);
    let d = decide(&h, &transaction(seq, "t2", 10.0, "USD")).await;
    assert_eq!(d["score"], 40);

    // Ten minutes after the first two, only the third is in the window.
    h.clock.advance(Duration::from_secs(600));
    let d = decide(&h, &transaction(seq, "t3", 10.0, "USD")).await;
    assert_eq!(d["score"], 0, "{d}");
}

// ---------------------------------------------------------------------------------------
// 409 and 429

#[tokio::test]
async fn a_second_transaction_id_is_409_naming_the_first_request() {
    let h = start().await;
    let r = call(
        &h,
        "/api/sendEvent",
        &transaction("d", "tx-dup", 10.0, "USD"),
    )
    .await;
    let first = r.json()["requestId"].as_u64().unwrap();
    for path in ["/api/sendEvent", "/api/makeDecision"] {
        // Another sequence, same transaction_id.
        let r = call(&h, path, &transaction("d2", "tx-dup", 99.0, "USD")).await;
        r.assert_error(409, ERROR_DUPLICATE);
        assert_eq!(
            r.header("x-maxwell-error-context"),
            Some(first.to_string().as_str())
        );
        assert!(r.message().contains("tx-dup"), "{}", r.message());
    }
    // Ids of other types live in their own namespace; refund ids conflict among refunds.
    let refund = json!({"type": "refund", "refund_timestamp": START, "refund_id": "tx-dup", "sequence_id": "d", "refund_amount": 1, "refund_currency": "USD"});
    let r = call(&h, "/api/sendEvent", &refund).await;
    assert_eq!(r.status, 200);
    let refund_id = r.json()["requestId"].as_u64().unwrap();
    let r = call(&h, "/api/sendEvent", &refund).await;
    r.assert_error(409, ERROR_DUPLICATE);
    assert_eq!(
        r.header("x-maxwell-error-context"),
        Some(refund_id.to_string().as_str())
    );
}

#[tokio::test]
async fn hammering_one_sequence_id_is_429() {
    let h = start().await;
    let seq = "hammer";
    for i in 0..MAX_EVENTS_PER_SEQUENCE {
        let r = call(&h, "/api/sendEvent", &login(seq, false)).await;
        assert_eq!(r.status, 200, "{i}");
        if i % 5 == 0 {
            h.clock.advance(Duration::from_secs(1));
        }
    }
    for path in ["/api/sendEvent", "/api/makeDecision"] {
        let r = call(&h, path, &transaction(seq, "t-429", 1.0, "USD")).await;
        r.assert_error(429, ERROR_TOO_MANY);
        assert!(r.message().contains("sequence_id"), "{}", r.message());
    }
    // Refused events were not stored: the transaction_id is still free.
    assert_eq!(
        call(
            &h,
            "/api/sendEvent",
            &transaction("calm", "t-429", 1.0, "USD")
        )
        .await
        .status,
        200
    );
    // Other sequences are not limited.
    assert_eq!(
        call(&h, "/api/sendEvent", &login("calm", false))
            .await
            .status,
        200
    );
    // A minute after the first events, room again.
    h.clock.advance(Duration::from_secs(57));
    let r = call(&h, "/api/sendEvent", &login(seq, false)).await;
    assert_eq!(r.status, 200, "{:?}", r.headers);
}

// ---------------------------------------------------------------------------------------
// Postbacks

#[tokio::test]
async fn postbacks_by_request_id_or_transaction_id() {
    let h = start().await;
    let r = call(
        &h,
        "/api/sendEvent",
        &transaction("p", "TR123456", 28.55, "USD"),
    )
    .await;
    let id = r.json()["requestId"].as_u64().unwrap();

    let by_request = documented(
        "postback.request.by-request-id.json",
        json!({"request_id": 123456, "transaction_status": "success", "code": "4002", "reason": "Insufficient funds", "secure3d": "0", "avs_result": "U", "cvv_result": "M"}),
    );
    let by_tx = documented(
        "postback.request.by-transaction-id.json",
        json!({"transaction_id": "TR123456", "transaction_status": "success", "code": "4002", "reason": "Insufficient funds", "secure3d": "0", "avs_result": "U", "cvv_result": "M"}),
    );
    let doc_response = documented("postback.response.200.json", json!({"requestId": 123456}));

    // The documented request_id is unknown here: 410.
    let r = call(&h, "/api/postback", &by_request).await;
    r.assert_error(410, ERROR_NOT_FOUND);

    let r = call(
        &h,
        "/api/postback",
        &with(by_request, json!({"request_id": id})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(keys(&r.json()), keys(&doc_response));
    assert_eq!(r.json(), json!({"requestId": id}));

    let r = call(&h, "/api/postback", &by_tx).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json(), json!({"requestId": id}));

    let r = call(&h, "/api/postback", &json!({"transaction_id": "nope"})).await;
    r.assert_error(410, ERROR_NOT_FOUND);
    let r = call(
        &h,
        "/api/postback",
        &json!({"transaction_status": "success"}),
    )
    .await;
    r.assert_error(406, ERROR_VALIDATION);
    assert!(r.message().contains("request_id"), "{}", r.message());
    let r = call(&h, "/api/postback", &json!({"request_id": "1"})).await;
    r.assert_error(406, ERROR_VALIDATION);
}

// ---------------------------------------------------------------------------------------
// Fraud alerts

async fn create_alert(h: &Harness, body: &str) -> (u16, Value) {
    let resp = h
        .http
        .post(format!(
            "{}/_sandbox/covery/fraud-alerts",
            h.running.base_url()
        ))
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (
        status,
        serde_json::from_str(&resp.text().await.unwrap()).unwrap(),
    )
}

#[tokio::test]
async fn fraud_alerts_latest_find_confirm_feedback() {
    let h = start().await;
    let (status, first) = create_alert(&h, "").await;
    assert_eq!(status, 201);
    assert_eq!(keys(&first), keys(&documented_alert()));
    assert_eq!(first["state"], "none");
    assert_eq!(first["type"], "issuer_alert");
    assert_eq!(first["alertTimestamp"], START);
    assert_eq!(first["externalId"].as_str().unwrap().len(), 25);
    assert_eq!(first["arn"].as_str().unwrap().len(), 23);
    let (_, second) = create_alert(
        &h,
        r#"{"type":"customerdispute_alert","transactionAmount":99.5,"cardLast4":"4242","is3dSecure":true,"merchantDescriptor":"SHOP"}"#,
    )
    .await;
    assert_eq!(second["type"], "customerdispute_alert");
    assert_eq!(second["transactionAmount"], 99.5);
    assert_eq!(second["is3dSecure"], true);
    assert_eq!(second["cardLast4"], "4242");
    let id1 = first["id"].as_u64().unwrap();
    let id2 = second["id"].as_u64().unwrap();
    assert_eq!(id2, id1 + 1);

    // Bad overrides: 400 from the control route.
    for bad in [
        r#"{"state":"stopped"}"#,
        r#"{"id":5}"#,
        r#"{"type":"weird"}"#,
        r#"{"transactionAmount":"1"}"#,
        r#"[1]"#,
    ] {
        let (status, body) = create_alert(&h, bad).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert!(body["message"].is_string());
    }

    // latest: newest first, limit 1..100.
    let r = call(&h, "/api/manage/fraud/latest", &json!({"limit": 10})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json(), json!([second.clone(), first.clone()]));
    let r = call(&h, "/api/manage/fraud/latest", &json!({"limit": 1})).await;
    assert_eq!(r.json(), json!([second.clone()]));
    for limit in [0, 101, -1] {
        let r = call(&h, "/api/manage/fraud/latest", &json!({"limit": limit})).await;
        r.assert_error(406, ERROR_VALIDATION);
    }

    // find.
    let r = call(&h, "/api/manage/fraud/find", &json!({"id": id1})).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), first);
    call(&h, "/api/manage/fraud/find", &json!({"id": 1}))
        .await
        .assert_error(410, ERROR_NOT_FOUND);
    call(&h, "/api/manage/fraud/find", &json!({}))
        .await
        .assert_error(406, ERROR_VALIDATION);

    // confirm: 204, idempotent, and the alert leaves latest.
    for _ in 0..2 {
        let r = call(&h, "/api/manage/fraud/confirm", &json!({"id": id1})).await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(r.header("x-maxwell-status"), Some("OK"));
        assert_eq!(r.body, "");
    }
    let r = call(&h, "/api/manage/fraud/latest", &json!({})).await;
    assert_eq!(r.json(), json!([second.clone()]));
    call(&h, "/api/manage/fraud/confirm", &json!({"id": 42}))
        .await
        .assert_error(410, ERROR_NOT_FOUND);

    // feedback: states are typed by the alert's type.
    let fb =
        |id: u64, result: &str| json!({"id": id, "result": result, "refunded": "not_refunded"});
    for (id, result) in [
        (id1, "resolved"),
        (id2, "stopped"),
        (id1, "none"),
        (id1, "bogus"),
    ] {
        let r = call(&h, "/api/manage/fraud/feedback", &fb(id, result)).await;
        r.assert_error(406, ERROR_VALIDATION);
    }
    let r = call(
        &h,
        "/api/manage/fraud/feedback",
        &json!({"id": id1, "result": "stopped", "refunded": "maybe"}),
    )
    .await;
    r.assert_error(406, ERROR_VALIDATION);
    // Open states may move on; final ones may not.
    let r = call(&h, "/api/manage/fraud/feedback", &fb(id1, "in_progress")).await;
    assert_eq!(r.status, 204, "{}", r.body);
    let r = call(&h, "/api/manage/fraud/feedback", &fb(id1, "stopped")).await;
    assert_eq!(r.status, 204, "{}", r.body);
    let r = call(&h, "/api/manage/fraud/feedback", &fb(id1, "missed")).await;
    r.assert_error(409, ERROR_DUPLICATE);
    assert_eq!(
        r.header("x-maxwell-error-context"),
        Some(id1.to_string().as_str())
    );
    let r = call(
        &h,
        "/api/manage/fraud/feedback",
        &json!({"id": id2, "result": "resolved"}),
    )
    .await;
    assert_eq!(r.status, 204, "{}", r.body);
    call(&h, "/api/manage/fraud/feedback", &fb(7, "stopped"))
        .await
        .assert_error(410, ERROR_NOT_FOUND);

    let r = call(&h, "/api/manage/fraud/find", &json!({"id": id1})).await;
    assert_eq!(r.json()["state"], "stopped");
    let r = call(&h, "/api/manage/fraud/find", &json!({"id": id2})).await;
    assert_eq!(r.json()["state"], "resolved");
}

#[tokio::test]
async fn new_alerts_are_posted_to_the_callback_url_signed() {
    use axum::body::Bytes;
    use axum::http::HeaderMap as Headers;
    use tokio::sync::mpsc;

    let (tx, mut rx) = mpsc::unbounded_channel::<(Headers, Bytes)>();
    let app = axum::Router::new().route(
        "/covery-callback",
        axum::routing::post(move |headers: Headers, body: Bytes| {
            let tx = tx.clone();
            async move {
                tx.send((headers, body)).unwrap();
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let h = start_with(
        SandboxConfig::default().with_callback_url(format!("http://{addr}/covery-callback")),
    )
    .await;
    let (status, alert) = create_alert(&h, r#"{"merchantDescriptor":"CALLBACK"}"#).await;
    assert_eq!(status, 201);
    let (headers, body) = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    let received: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(received, alert);
    assert_eq!(keys(&received), keys(&documented_alert()));
    assert_eq!(
        headers.get("content-type").unwrap().to_str().unwrap(),
        "application/json"
    );
    let nonce = headers.get("x-auth-nonce").unwrap().as_bytes();
    let signature = headers.get("x-auth-signature").unwrap().as_bytes();
    assert!(!nonce.is_empty());
    let secrets = WebhookSecrets::new(h.running.credentials().covery_secret.clone().into());
    verify_sha256_nonce("X-Auth-Signature", signature, nonce, &body, &secrets).unwrap();
    assert_eq!(
        std::str::from_utf8(signature).unwrap(),
        sha256_nonce_hex(nonce, &body, b"sandbox-covery-secret")
    );
    let wrong = WebhookSecrets::new("another-secret".to_owned().into());
    assert!(verify_sha256_nonce("X-Auth-Signature", signature, nonce, &body, &wrong).is_err());

    // A second alert comes with another nonce.
    create_alert(&h, "{}").await;
    let (headers2, _) = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_ne!(headers2.get("x-auth-nonce").unwrap().as_bytes(), nonce);
}

#[tokio::test]
async fn an_unreachable_callback_url_is_only_logged() {
    let h =
        start_with(SandboxConfig::default().with_callback_url("http://127.0.0.1:9/unreachable"))
            .await;
    let (status, alert) = create_alert(&h, "{}").await;
    assert_eq!(status, 201);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let r = call(&h, "/api/manage/fraud/find", &json!({"id": alert["id"]})).await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn the_request_log_redacts_the_covery_token() {
    let h = start().await;
    let token = h.running.credentials().covery_token.clone();
    call(&h, "/api/ping", &json!({})).await;
    let log = h.running.sandbox().requests();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].path, "/covery/api/ping");
    assert!(
        log[0]
            .headers
            .contains(&("x-auth-token".to_owned(), "[REDACTED]".to_owned())),
        "{:?}",
        log[0].headers
    );
    assert!(!format!("{log:?}").contains(&token));
}

#[tokio::test]
async fn default_seed_ids_are_documented() {
    let h = start().await;
    let r = call(&h, "/api/sendEvent", &transaction("s", "t", 1.0, "USD")).await;
    let (_, alert) = create_alert(&h, "").await;
    assert_eq!(r.json()["requestId"], 3435752);
    assert_eq!(alert["id"], 7793946);
    assert_eq!(alert["externalId"], "118ED29B931843B487C1DEB9F");
    assert_eq!(alert["arn"], "99698076719621626579896");
}
