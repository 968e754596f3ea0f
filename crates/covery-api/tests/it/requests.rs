//! What goes on the wire: method, path, every auth header (signature recomputed with
//! `sha2` here), identities and the exact body bytes, for every operation and every event
//! type; the documented signature vectors; and invalid input rejected before sending.

use std::borrow::Cow;
use std::sync::Arc;

use covery_api::{
    AlertState, Amount, Client, ConfirmFraudAlert, Confirmation, CountryCode, Currency, DeviceData,
    Endpoint, Environment, Error, FindFraudAlert, FraudAlertFeedback, Identities, Install,
    LatestFraudAlerts, Login, MakeDecision, Payout, Postback, Refund, Refunded, Registration,
    RetryPolicy, SendEvent, Transaction, Transfer,
};
use payments_core::http::Method;
use payments_core::{InvalidInput, RequestBody, RetrySafety};

use crate::support::{self, FixedNonce, assert_signed, fixture};
use payments_core::test_util::server::{Recorded, Reply, ScriptedServer};

const EVENT_RESULT: &str = r#"{"requestId":7896010,"type":"login","createdAt":1449049571.123,"sequenceId":"user-42","merchantUserId":"user-42"}"#;
const DECISION: &str = r#"{"requestId":7896010,"type":"transaction","createdAt":1449049571.123,"sequenceId":"user-42","merchantUserId":"user-42","score":80,"accept":false,"reject":true,"manual":false,"reason":"r","action":"a"}"#;

/// Sends one call to a server answering `reply`, without retries, and returns the one
/// request it read.
async fn one_request<T, F, Fut>(reply: Reply, call: F) -> (T, Recorded)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = Result<T, Error>>,
{
    let server = ScriptedServer::start(vec![reply]).await;
    let out = call(support::client(server.base_url(), RetryPolicy::none()))
        .await
        .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    (out, reqs.into_iter().next().unwrap())
}

fn assert_post(req: &Recorded, path: &str, body: &str) {
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, path);
    assert_eq!(String::from_utf8_lossy(&req.body), body, "exact body");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.header("content-length"),
        Some(body.len().to_string().as_str())
    );
    assert_signed(req, "nonce-1");
}

fn usa() -> CountryCode {
    CountryCode::from_alpha3("USA").unwrap()
}

fn amount(s: &str) -> Amount {
    s.parse().unwrap()
}

fn currency(s: &str) -> Currency {
    Currency::new(s).unwrap()
}

#[tokio::test]
async fn ping_sends_an_empty_body_signed_as_the_empty_string() {
    let body = fixture("ping.response.200.json")["body"].to_string();
    let (ping, req) = one_request(Reply::json(200, &body), |c| async move { c.ping().await }).await;
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/ping");
    assert!(req.body.is_empty());
    assert_signed(&req, "nonce-1");
    assert_eq!(
        req.header("x-auth-signature"),
        Some(support::signature("nonce-1", b"", support::SECRET).as_str())
    );
    assert_eq!(req.header("x-identities"), None);
    assert_eq!(ping.customer_id, 1);
    assert_eq!(ping.level(), Some(covery_api::TokenLevel::Event));
}

/// A raw endpoint sending exactly the bytes of the documented vector.
struct RawBody(&'static str);

impl Endpoint for RawBody {
    type Output = payments_core::NoContent;
    fn operation(&self) -> &'static str {
        "raw"
    }
    fn method(&self) -> Method {
        Method::POST
    }
    fn path(&self) -> Cow<'_, str> {
        "/api/sendEvent".into()
    }
    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        Ok(Some(RequestBody::raw(
            self.0,
            payments_core::http::HeaderValue::from_static("application/json"),
        )))
    }
    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::NotIdempotent
    }
}

#[tokio::test]
async fn the_documented_signature_vectors_hold_on_the_wire() {
    const NONCE: &str = "1700000000.1234567890";
    const SECRET: &str = "asjdh283ysfjhbkjKHGV^7ra/adf2145";
    let ping = fixture("ping.response.200.json")["body"].to_string();
    let server = ScriptedServer::start(vec![Reply::json(200, &ping)]).await;
    let client = Client::builder(Environment::Custom(server.base_url()), "tok", SECRET)
        .retry(RetryPolicy::none())
        .nonce_source(Arc::new(FixedNonce(NONCE)))
        .build()
        .unwrap();
    client
        .send(&RawBody(r#"{"type":"login","sequence_id":"abcdef"}"#))
        .await
        .unwrap();
    client.ping().await.unwrap();
    let reqs = server.requests();
    assert_eq!(reqs[0].header("x-auth-nonce"), Some(NONCE));
    assert_eq!(
        reqs[0].header("x-auth-signature"),
        Some("d9cce47823dc24fac9a4142062053d118d0e6cde1a39adb9f0bce4d910a02f49")
    );
    assert_eq!(reqs[0].body, br#"{"type":"login","sequence_id":"abcdef"}"#);
    assert!(reqs[1].body.is_empty());
    assert_eq!(
        reqs[1].header("x-auth-signature"),
        Some("ea730254d39b1a7f30165b4a1f0d107f5e1fff61a0a0c3206b84291eb0920f5d")
    );
    assert_eq!(reqs[1].header("x-auth-token"), Some("tok"));
}

#[tokio::test]
async fn send_event_sends_the_login_with_client_identities() {
    let server = ScriptedServer::start(vec![Reply::json(200, EVENT_RESULT)]).await;
    let client = support::builder(server.base_url(), RetryPolicy::none())
        .identities(
            Identities::new()
                .with("account", "a 1")
                .with("wallet", "w&2=x"),
        )
        .build()
        .unwrap();
    let login = Login::new(1_700_000_000, "user-42", "user-42")
        .with_login_failed(false)
        .with_email("u@example.com")
        .with_device(
            DeviceData::default()
                .with_ip("203.0.113.7")
                .with_timezone_offset(-120),
        );
    let out = client.send_event(&SendEvent::new(login)).await.unwrap();
    assert_eq!(out.request_id, 7896010);
    let req = &server.requests()[0];
    assert_post(
        req,
        "/api/sendEvent",
        r#"{"type":"login","login_timestamp":1700000000,"user_merchant_id":"user-42","sequence_id":"user-42","login_failed":false,"email":"u@example.com","ip":"203.0.113.7","timezone_offset":-120}"#,
    );
    assert_eq!(
        req.header("x-identities"),
        Some("account=a%201&wallet=w%262%3Dx")
    );
}

#[tokio::test]
async fn per_request_identities_replace_the_clients_and_ping_gets_none() {
    let server = ScriptedServer::start(vec![Reply::json(200, EVENT_RESULT)]).await;
    let client = support::builder(server.base_url(), RetryPolicy::none())
        .identities(Identities::new().with("account", "client-level"))
        .build()
        .unwrap();
    client
        .send_event(
            &SendEvent::new(Login::new(1, "u", "u"))
                .with_identities(Identities::new().with("account", "per-call")),
        )
        .await
        .unwrap();
    let _ = client.ping().await;
    let reqs = server.requests();
    assert_eq!(reqs[0].header("x-identities"), Some("account=per-call"));
    assert_eq!(reqs[1].path, "/api/ping");
    assert_eq!(reqs[1].header("x-identities"), None);
}

#[tokio::test]
async fn make_decision_sends_a_transaction_with_numbers_and_lower_case_countries() {
    let tx = Transaction::new(
        amount("28.550"),
        currency("USD"),
        "TR123456",
        1_700_000_000,
        "user-42",
        "user-42",
    )
    .with_card_bin(502006)
    .with_card_last4("7616")
    .with_billing_country(usa())
    .with_country(CountryCode::from_alpha2("GB").unwrap())
    .with_product_quantity(amount("2"))
    .with_transaction_amount_converted(amount("26.10"));
    let (d, req) = one_request(Reply::json(200, DECISION), |c| async move {
        c.make_decision(
            &MakeDecision::new(tx).with_identities(Identities::new().with("account", "1")),
        )
        .await
    })
    .await;
    assert_post(
        &req,
        "/api/makeDecision",
        r#"{"type":"transaction","transaction_amount":28.550,"transaction_currency":"USD","transaction_id":"TR123456","transaction_timestamp":1700000000,"user_merchant_id":"user-42","sequence_id":"user-42","card_bin":502006,"card_last4":"7616","billing_country":"usa","country":"gbr","product_quantity":2,"transaction_amount_converted":26.10}"#,
    );
    assert_eq!(req.header("x-identities"), Some("account=1"));
    assert!(d.reject);
    assert_eq!(d.score, 80);
}

/// Each of the eight event types with its mandatory fields and one optional field, in the
/// documented order.
#[tokio::test]
async fn every_event_type_is_written_in_the_documented_shape() {
    let cases: Vec<(covery_api::Event, &str)> = vec![
        (
            Install::new(10).with_country(usa()).into(),
            r#"{"type":"install","install_timestamp":10,"country":"usa"}"#,
        ),
        (
            Registration::new(11, "u1", "s1").with_age(30).into(),
            r#"{"type":"registration","registration_timestamp":11,"user_merchant_id":"u1","sequence_id":"s1","age":30}"#,
        ),
        (
            Confirmation::new(12, "u1", "s1")
                .with_email_confirmed(true)
                .into(),
            r#"{"type":"confirmation","confirmation_timestamp":12,"user_merchant_id":"u1","sequence_id":"s1","email_confirmed":true}"#,
        ),
        (
            Login::new(13, "u1", "s1").with_gender("f").into(),
            r#"{"type":"login","login_timestamp":13,"user_merchant_id":"u1","sequence_id":"s1","gender":"f"}"#,
        ),
        (
            Transaction::new(amount("1.5"), currency("EUR"), "t1", 14, "u1", "s1")
                .with_payment_method("card")
                .into(),
            r#"{"type":"transaction","transaction_amount":1.5,"transaction_currency":"EUR","transaction_id":"t1","transaction_timestamp":14,"user_merchant_id":"u1","sequence_id":"s1","payment_method":"card"}"#,
        ),
        (
            Refund::new(15, "r1", "s1", amount("0.10"), currency("EUR"))
                .with_refund_type("partial")
                .into(),
            r#"{"type":"refund","refund_timestamp":15,"refund_id":"r1","sequence_id":"s1","refund_amount":0.10,"refund_currency":"EUR","refund_type":"partial"}"#,
        ),
        (
            Payout::new(16, "p1", "u1", "s1", amount("100"), currency("USD"))
                .with_payout_card_bin(411111)
                .into(),
            r#"{"type":"payout","payout_timestamp":16,"payout_id":"p1","user_merchant_id":"u1","sequence_id":"s1","payout_amount":100,"payout_currency":"USD","payout_card_bin":411111}"#,
        ),
        (
            Transfer::new(
                "e1",
                17,
                "u1",
                "s1",
                "bank",
                "acc-1",
                "acc-2",
                amount("5.25"),
                currency("GBP"),
            )
            .with_birth_date(-86400)
            .with_second_country(usa())
            .with_device(DeviceData::default().with_device_id("d1"))
            .into(),
            r#"{"event_type":"transfer","event_id":"e1","event_timestamp":17,"user_merchant_id":"u1","sequence_id":"s1","account_system":"bank","account_id":"acc-1","second_account_id":"acc-2","amount":5.25,"currency":"GBP","birth_date":-86400,"second_country":"usa","device_id":"d1"}"#,
        ),
    ];
    let mut kinds = Vec::new();
    for (event, expected) in cases {
        kinds.push(event.kind());
        let (_, req) = one_request(Reply::json(200, EVENT_RESULT), |c| {
            let event = event.clone();
            async move { c.send_event(&SendEvent::new(event)).await }
        })
        .await;
        assert_post(&req, "/api/sendEvent", expected);
        // And the same text reads back as the same event.
        let back: covery_api::Event = serde_json::from_str(expected).unwrap();
        assert_eq!(back, event, "{expected}");
    }
    assert_eq!(
        kinds,
        [
            "install",
            "registration",
            "confirmation",
            "login",
            "transaction",
            "refund",
            "payout",
            "transfer"
        ]
    );
}

#[tokio::test]
async fn postback_sends_the_documented_examples() {
    for (fixture_name, pb, raw) in [
        (
            "postback.request.by-request-id.json",
            Postback::by_request_id(123456),
            r#"{"request_id":123456,"transaction_status":"success","code":"4002","reason":"Insufficient funds","secure3d":"0","avs_result":"U","cvv_result":"M"}"#,
        ),
        (
            "postback.request.by-transaction-id.json",
            Postback::by_transaction_id("TR123456"),
            r#"{"transaction_id":"TR123456","transaction_status":"success","code":"4002","reason":"Insufficient funds","secure3d":"0","avs_result":"U","cvv_result":"M"}"#,
        ),
    ] {
        let fx = fixture(fixture_name);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(raw).unwrap(),
            fx["body"],
            "the hand-written body differs from {fixture_name}"
        );
        assert_eq!(fx["path"], "/api/postback");
        let pb = pb
            .with_transaction_status("success")
            .with_code("4002")
            .with_reason("Insufficient funds")
            .with_secure3d("0")
            .with_avs_result("U")
            .with_cvv_result("M");
        let (out, req) = one_request(
            Reply::json(200, r#"{"requestId":123456}"#),
            |c| async move { c.postback(&pb).await },
        )
        .await;
        assert_post(&req, "/api/postback", raw);
        assert_eq!(out.request_id, 123456);
    }
}

#[tokio::test]
async fn fraud_alert_calls_send_their_ids_and_read_their_answers() {
    let alert = fixture("find-fraud-alert.response.200.json")["body"].to_string();

    let (list, req) = one_request(Reply::json(200, &format!("[{alert}]")), |c| async move {
        c.latest_fraud_alerts(&LatestFraudAlerts::new().with_limit(100))
            .await
    })
    .await;
    assert_post(&req, "/api/manage/fraud/latest", r#"{"limit":100}"#);
    assert_eq!(list.len(), 1);

    let (list, req) = one_request(Reply::status(200), |c| async move {
        c.latest_fraud_alerts(&LatestFraudAlerts::new()).await
    })
    .await;
    assert_post(&req, "/api/manage/fraud/latest", "{}");
    assert!(list.is_empty(), "an empty answer is no alerts");

    let (found, req) = one_request(Reply::json(200, &alert), |c| async move {
        c.find_fraud_alert(&FindFraudAlert::new(8464503)).await
    })
    .await;
    assert_post(&req, "/api/manage/fraud/find", r#"{"id":8464503}"#);
    assert_eq!(found.id, 8464503);

    let ((), req) = one_request(Reply::status(200), |c| async move {
        c.confirm_fraud_alert(&ConfirmFraudAlert::new(8464503))
            .await
    })
    .await;
    assert_post(&req, "/api/manage/fraud/confirm", r#"{"id":8464503}"#);

    let ((), req) = one_request(Reply::status(204), |c| async move {
        c.fraud_alert_feedback(
            &FraudAlertFeedback::new(8464503, AlertState::PartiallyStopped)
                .with_refunded(Refunded::NotRefunded),
        )
        .await
    })
    .await;
    assert_post(
        &req,
        "/api/manage/fraud/feedback",
        r#"{"id":8464503,"result":"partially_stopped","refunded":"not_refunded"}"#,
    );
}

/// Each invalid input: rejected with the field named, and nothing sent.
#[tokio::test]
async fn invalid_input_is_rejected_before_sending() {
    let server = ScriptedServer::start(vec![Reply::status(200)]).await;
    let client = support::client(server.base_url(), RetryPolicy::none());
    let long = "x".repeat(41);
    let cases: Vec<(&str, Result<(), Error>)> = vec![
        (
            "sequence_id",
            client
                .send_event(&SendEvent::new(Login::new(1, "u", long.as_str())))
                .await
                .map(drop),
        ),
        (
            "sequence_id",
            client
                .send_event(&SendEvent::new(
                    Install::new(1).with_sequence_id(long.as_str()),
                ))
                .await
                .map(drop),
        ),
        (
            "user_merchant_id",
            client
                .make_decision(&MakeDecision::new(Registration::new(1, " ", "s")))
                .await
                .map(drop),
        ),
        (
            "transaction_id",
            client
                .send_event(&SendEvent::new(Transaction::new(
                    amount("1"),
                    currency("USD"),
                    "",
                    1,
                    "u",
                    "s",
                )))
                .await
                .map(drop),
        ),
        (
            "request_id",
            client.postback(&Postback::default()).await.map(drop),
        ),
        (
            "limit",
            client
                .latest_fraud_alerts(&LatestFraudAlerts::new().with_limit(0))
                .await
                .map(drop),
        ),
        (
            "limit",
            client
                .latest_fraud_alerts(&LatestFraudAlerts::new().with_limit(101))
                .await
                .map(drop),
        ),
        (
            "id",
            client
                .find_fraud_alert(&FindFraudAlert::new(0))
                .await
                .map(drop),
        ),
        (
            "X-Identities[0]",
            client
                .send_event(
                    &SendEvent::new(Login::new(1, "u", "s"))
                        .with_identities(Identities::new().with("", "x")),
                )
                .await
                .map(drop),
        ),
    ];
    for (field, result) in cases {
        match result {
            Err(Error::InvalidRequest {
                provider,
                field: f,
                message,
            }) => {
                assert_eq!(provider, "covery");
                assert_eq!(f, field, "{message}");
            }
            other => panic!("{field}: expected InvalidRequest, got {other:?}"),
        }
    }
    assert_eq!(server.hits(), 0, "nothing was sent");
    let forty = "y".repeat(40);
    client
        .send_event(&SendEvent::new(Login::new(1, "u", forty.as_str())))
        .await
        .ok();
    assert_eq!(server.hits(), 1, "40 characters are allowed");

    let err = Client::new(Environment::Production, "", "s").unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    let err = Client::builder(Environment::Production, "t", "s")
        .identities(Identities::new().with(" ", "x"))
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    assert!(CountryCode::from_alpha3("XXX").is_err());
}

#[test]
fn sequence_id_helper_follows_the_recipe() {
    let id = covery_api::sequence_id_for_product("user-42", "casino");
    let full = support::signature("user-42", b"casino", "");
    assert_eq!(id, full[..40]);
    assert_eq!(id.len(), covery_api::MAX_SEQUENCE_ID_LEN);
    assert!(Login::new(1, "user-42", id.as_str()).validate_for_test());
}

/// Test-only access to validation through the public `Event::validate`.
trait ValidateForTest {
    fn validate_for_test(self) -> bool;
}

impl ValidateForTest for Login {
    fn validate_for_test(self) -> bool {
        covery_api::Event::from(self).validate().is_ok()
    }
}

#[test]
fn retry_safety_follows_the_unique_id() {
    let login = SendEvent::new(Login::new(1, "u", "s"));
    let tx = SendEvent::new(Transaction::new(
        amount("1"),
        currency("USD"),
        "t",
        1,
        "u",
        "s",
    ));
    assert_eq!(login.retry_safety(), RetrySafety::NotIdempotent);
    assert_eq!(tx.retry_safety(), RetrySafety::Idempotent);
    assert_eq!(
        MakeDecision::new(Install::new(1)).retry_safety(),
        RetrySafety::NotIdempotent
    );
    assert_eq!(
        covery_api::api::Ping.retry_safety(),
        RetrySafety::Idempotent
    );
    assert_eq!(
        Postback::by_request_id(1).retry_safety(),
        RetrySafety::Idempotent
    );
    assert_eq!(
        LatestFraudAlerts::new().retry_safety(),
        RetrySafety::Idempotent
    );
}
