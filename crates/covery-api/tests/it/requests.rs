//! What goes on the wire: method, path, every auth header (signature recomputed with
//! `sha2` here), identities and the exact body bytes, for every operation and every event
//! type, through the typed methods and through the table's JSON input documents; the
//! documented signature vectors; and invalid input rejected before sending.

use std::sync::Arc;

use covery_api::operations::{self, OPERATIONS};
use covery_api::{
    AlertState, Amount, Client, ConfirmFraudAlert, Confirmation, CountryCode, Currency, DeviceData,
    Endpoint, Environment, Error, FindFraudAlert, FraudAlertFeedback, Identities, Install,
    LatestFraudAlerts, Login, MakeDecision, Payout, Postback, Refund, Refunded, Registration,
    RetryPolicy, SendEvent, Transaction, Transfer,
};
use payments_core::provider::{InvalidInput, RequestBody};
use payments_core::{RequestSpec, RetrySafety};
use payments_test_support::server::{Recorded, Reply};

use crate::support::{
    self, DECISION, EVENT_RESULT, FixedNonce, INPUTS, assert_signed, fixture, operation,
};

/// Makes one call answered with `reply`, without retries, and returns the one request
/// sent.
async fn one_request<T, F, Fut>(reply: Reply, call: F) -> (T, Recorded)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = Result<T, Error>>,
{
    let mem = support::script([reply]);
    let out = call(support::client(&mem, RetryPolicy::none()))
        .await
        .unwrap();
    (out, mem.single())
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
    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(
            RequestSpec::new(&operations::SEND_EVENT).body(RequestBody::raw(
                self.0,
                payments_core::http::HeaderValue::from_static("application/json"),
            )),
        )
    }
}

#[tokio::test]
async fn the_documented_signature_vectors_hold_on_the_wire() {
    const NONCE: &str = "1700000000.1234567890";
    const SECRET: &str = "asjdh283ysfjhbkjKHGV^7ra/adf2145";
    let ping = fixture("ping.response.200.json")["body"].to_string();
    let mem = support::script([Reply::json(200, &ping)]);
    let client = Client::builder(Environment::Custom(support::BASE_URL.into()), "tok", SECRET)
        .transport(Arc::new(mem.clone()))
        .retry(RetryPolicy::none())
        .nonce_source(Arc::new(FixedNonce(NONCE)))
        .build()
        .unwrap();
    client
        .send(&RawBody(r#"{"type":"login","sequence_id":"abcdef"}"#))
        .await
        .unwrap();
    client.ping().await.unwrap();
    let reqs = mem.requests();
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
    let mem = support::script([Reply::json(200, EVENT_RESULT)]);
    let client = support::builder(&mem, RetryPolicy::none())
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
    let req = &mem.single();
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
    let mem = support::script([Reply::json(200, EVENT_RESULT)]);
    let client = support::builder(&mem, RetryPolicy::none())
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
    let reqs = mem.requests();
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
    let mem = support::script([Reply::status(200)]);
    let client = support::client(&mem, RetryPolicy::none());
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
    assert_eq!(mem.hits(), 0, "nothing was sent");
    let forty = "y".repeat(40);
    client
        .send_event(&SendEvent::new(Login::new(1, "u", forty.as_str())))
        .await
        .ok();
    assert_eq!(mem.hits(), 1, "40 characters are allowed");

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

fn retry_of(req: &impl Endpoint) -> RetrySafety {
    req.request().unwrap().retry
}

#[test]
fn retry_safety_follows_the_unique_id() {
    let login = SendEvent::new(Login::new(1, "u", "s"));
    let tx = Transaction::new(amount("1"), currency("USD"), "t", 1, "u", "s");
    assert_eq!(retry_of(&login), RetrySafety::NotIdempotent);
    assert_eq!(
        retry_of(&SendEvent::new(tx.clone())),
        RetrySafety::Idempotent
    );
    assert_eq!(retry_of(&MakeDecision::new(tx)), RetrySafety::Idempotent);
    assert_eq!(
        retry_of(&MakeDecision::new(Install::new(1))),
        RetrySafety::NotIdempotent
    );
    let refund = Refund::new(1, "r", "s", amount("1"), currency("USD"));
    assert_eq!(retry_of(&SendEvent::new(refund)), RetrySafety::Idempotent);
    assert_eq!(
        retry_of(&covery_api::api::Ping::new()),
        RetrySafety::Idempotent
    );
    assert_eq!(
        retry_of(&Postback::by_request_id(1)),
        RetrySafety::Idempotent
    );
    assert_eq!(retry_of(&LatestFraudAlerts::new()), RetrySafety::Idempotent);
    // The rows: events and decisions are not idempotent unless their event says so.
    let rows: Vec<(&str, RetrySafety)> = OPERATIONS.iter().map(|o| (o.name, o.retry)).collect();
    use RetrySafety::{Idempotent, NotIdempotent};
    assert_eq!(
        rows,
        [
            ("ping", Idempotent),
            ("send-event", NotIdempotent),
            ("make-decision", NotIdempotent),
            ("postback", Idempotent),
            ("latest-fraud-alerts", Idempotent),
            ("find-fraud-alert", Idempotent),
            ("confirm-fraud-alert", Idempotent),
            ("fraud-alert-feedback", Idempotent),
        ]
    );
}

/// Every operation called by name with its JSON input document: the row's method and path,
/// the auth headers, the input sent byte for byte (amount digits included), and the
/// client's identities only where the request takes them.
#[tokio::test]
async fn every_operation_sends_its_input_document_exactly() {
    assert_eq!(INPUTS.len(), OPERATIONS.len(), "one input per operation");
    for &(name, input, answer, takes_identities) in INPUTS {
        let op = operation(name);
        // Ping's input document is `{}`; its body is empty.
        let document = if input.is_empty() { "{}" } else { input };
        let mem = support::script([Reply::json(200, answer)]);
        let client = support::builder(&mem, RetryPolicy::none())
            .identities(Identities::new().with("account", "acc 1"))
            .build()
            .unwrap();
        let out = client
            .call_json(op, document, vec![])
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(out.value.status, 200, "{name}");
        let req = mem.single();
        assert_eq!(req.method, op.method.as_str(), "{name}");
        assert_eq!(req.path, op.path, "{name}");
        assert_signed(&req, "nonce-1");
        assert_eq!(String::from_utf8_lossy(&req.body), input, "{name}");
        let identities = takes_identities.then_some("account=acc%201");
        assert_eq!(req.header("x-identities"), identities, "{name}");
    }
}

/// A key that is not documented for the operation is refused before anything is sent,
/// naming the key; so is a wrong event type marker.
#[tokio::test]
async fn input_documents_refuse_unknown_fields() {
    let mem = support::script([Reply::status(200)]);
    let client = support::client(&mem, RetryPolicy::none());
    for (name, input, named) in [
        ("ping", r#"{"verbose":true}"#, "verbose"),
        (
            "send-event",
            r#"{"type":"login","login_timestamp":1,"user_merchant_id":"u","sequence_id":"s","emial":"x"}"#,
            "emial",
        ),
        (
            "make-decision",
            r#"{"type":"transaction","transaction_amount":1,"transaction_currency":"USD","transaction_id":"t","transaction_timestamp":1,"user_merchant_id":"u","sequence_id":"s","transaction_amout":2}"#,
            "transaction_amout",
        ),
        (
            "send-event",
            r#"{"type":"login","login_timestamp":1,"user_merchant_id":"u","sequence_id":"s","event_type":"transfer"}"#,
            "event_type",
        ),
        ("send-event", r#"{"type":"logout"}"#, "logout"),
        ("postback", r#"{"request_id":1,"status":"ok"}"#, "status"),
        ("latest-fraud-alerts", r#"{"limt":5}"#, "limt"),
        ("find-fraud-alert", r#"{"id":1,"alert":2}"#, "alert"),
        ("confirm-fraud-alert", r#"{"ids":[1]}"#, "ids"),
        (
            "fraud-alert-feedback",
            r#"{"id":1,"result":"stopped","refund":"none"}"#,
            "refund",
        ),
    ] {
        let err = client
            .call_json(operation(name), input, vec![])
            .await
            .unwrap_err();
        let Error::InvalidRequest { message, .. } = &err else {
            panic!("{name}: expected InvalidRequest, got {err:?}")
        };
        assert!(message.contains(named), "{name}: {message}");
    }
    assert_eq!(mem.hits(), 0, "nothing was sent");
}

/// The device data sits beside the event's fields, typos among them are refused, and the
/// event's amounts keep every digit although the device data is read through serde's
/// buffer.
#[test]
fn event_documents_with_device_data_keep_their_amounts_exact() {
    let text = r#"{"type":"refund","refund_timestamp":15,"ip":"203.0.113.7","refund_id":"r1","sequence_id":"s1","refund_amount":0.10000000000000001,"refund_currency":"EUR","timezone_offset":-120,"refund_amount_converted":12.340}"#;
    let event: covery_api::Event = serde_json::from_str(text).unwrap();
    let covery_api::Event::Refund(refund) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(refund.refund_amount.to_string(), "0.10000000000000001");
    assert_eq!(
        refund.refund_amount_converted.unwrap().to_string(),
        "12.340"
    );
    assert_eq!(refund.device.ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(refund.device.timezone_offset, Some(-120));
    assert_eq!(
        serde_json::to_string(&event).unwrap(),
        r#"{"type":"refund","refund_timestamp":15,"refund_id":"r1","sequence_id":"s1","refund_amount":0.10000000000000001,"refund_currency":"EUR","refund_amount_converted":12.340,"ip":"203.0.113.7","timezone_offset":-120}"#
    );
    // The event types read on their own the same way.
    let alone: Refund = serde_json::from_str(text).unwrap();
    assert_eq!(&alone, refund);
    let err = serde_json::from_str::<Refund>(&text.replace("\"ip\"", "\"ipp\"")).unwrap_err();
    assert!(err.to_string().contains("ipp"), "{err}");
    assert!(
        err.to_string()
            .contains("neither a field of this event nor device data"),
        "{err}"
    );
    let err = serde_json::from_str::<Login>(
        r#"{"type":"logout","login_timestamp":1,"user_merchant_id":"u","sequence_id":"s"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("logout"), "{err}");
}

/// Empty per-request identities leave the client's in place; a client without
/// identities sends none, even with events.
#[tokio::test]
async fn empty_request_identities_fall_back_to_the_clients() {
    let mem = support::script([Reply::json(200, EVENT_RESULT)]);
    let client = support::builder(&mem, RetryPolicy::none())
        .identities(Identities::new().with("wallet", "w1"))
        .build()
        .unwrap();
    assert_eq!(
        client.identities(),
        Some(&Identities::new().with("wallet", "w1"))
    );
    client
        .send_event(&SendEvent::new(Login::new(1, "u", "s")).with_identities(Identities::new()))
        .await
        .unwrap();
    assert_eq!(mem.single().header("x-identities"), Some("wallet=w1"));

    let mem = support::script([Reply::json(200, EVENT_RESULT)]);
    let client = support::client(&mem, RetryPolicy::none());
    assert_eq!(client.identities(), None);
    client
        .send_event(&SendEvent::new(Login::new(1, "u", "s")))
        .await
        .unwrap();
    assert_eq!(mem.single().header("x-identities"), None);
}
