//! Retries, with attempts counted by the in-memory transport: throttling (509, 429) is retried for every
//! call (Covery refuses throttled requests unprocessed), 5xx for idempotent calls only, each
//! attempt with a fresh nonce and signature and the same body; Covery's own 503/510 and
//! other 4xx are sent once.

use covery_api::{
    Amount, ApiErrorKind, Currency, FindFraudAlert, Login, Postback, SendEvent, Transaction,
};

use covery_api::OPERATIONS;
use payments_core::RetrySafety;
use payments_test_support::server::Reply;

use crate::support::{self, INPUTS, assert_signed, fast_retry, fixture, operation};

const EVENT_RESULT: &str = r#"{"requestId":1,"type":"transaction","createdAt":1.0}"#;

fn throttled(status: u16) -> Reply {
    Reply::status(status)
        .header("x-maxwell-status", "Exception")
        .header("x-maxwell-error-message", "Too many requests")
}

/// Every operation, called with its input document against a 5xx from in front of Covery
/// (no `X-Maxwell-Status`): tried three times exactly when its request is idempotent (the
/// row's column, or an event with its own id), once otherwise; and three times after 509
/// whatever it is, since throttling refuses a request unprocessed.
#[tokio::test]
async fn every_operation_is_retried_as_its_request_allows() {
    assert_eq!(INPUTS.len(), OPERATIONS.len());
    let mut after_503 = std::collections::BTreeSet::new();
    for &(name, input, _, _) in INPUTS {
        let op = operation(name);
        let document = if input.is_empty() { "{}" } else { input };
        let retry = (op.io.request)(document, vec![]).unwrap().retry;
        for (reply, expected) in [
            (
                Reply::status(503),
                match retry {
                    RetrySafety::Idempotent => 3,
                    RetrySafety::NotIdempotent => 1,
                },
            ),
            (throttled(509), 3),
        ] {
            let mem = support::script([reply]);
            let err = support::client(&mem, fast_retry())
                .call_json(op, document, vec![])
                .await
                .unwrap_err();
            assert!(err.status().is_some(), "{name}: {err}");
            assert_eq!(mem.hits(), expected, "{name}: {err}");
            if err.status().is_some_and(|s| s.as_u16() == 503) {
                after_503.insert((name, expected));
            }
            let reqs = mem.requests();
            assert!(
                reqs.iter().all(|r| r.body == reqs[0].body),
                "{name}: the same bytes on every attempt"
            );
        }
    }
    // A login sent once; a transaction decided with the same (idempotent) retries as a
    // read, although its row says otherwise.
    assert!(after_503.contains(&("send-event", 1)), "{after_503:?}");
    assert!(after_503.contains(&("make-decision", 3)), "{after_503:?}");
    assert!(after_503.contains(&("ping", 3)), "{after_503:?}");
}

#[tokio::test]
async fn retries_509_then_200() {
    let ping = fixture("ping.response.200.json")["body"].to_string();
    let mem = support::script([throttled(509), Reply::json(200, &ping)]);
    let out = support::client(&mem, fast_retry()).ping().await.unwrap();
    assert_eq!(out.customer_id, 1);
    assert_eq!(mem.hits(), 2);
    let reqs = mem.requests();
    // A fresh nonce, and a signature over it, on every attempt.
    assert_signed(&reqs[0], "nonce-1");
    assert_signed(&reqs[1], "nonce-2");
    assert_ne!(
        reqs[0].header("x-auth-signature"),
        reqs[1].header("x-auth-signature")
    );
}

#[tokio::test]
async fn retries_429_then_200_for_find() {
    let alert = fixture("find-fraud-alert.response.200.json")["body"].to_string();
    let mem = support::script([throttled(429), Reply::json(200, &alert)]);
    support::client(&mem, fast_retry())
        .find_fraud_alert(&FindFraudAlert::new(8464503))
        .await
        .unwrap();
    assert_eq!(mem.hits(), 2);
    let reqs = mem.requests();
    assert_eq!(reqs[0].body, reqs[1].body);
    assert_signed(&reqs[1], "nonce-2");
}

#[tokio::test]
async fn an_event_without_a_unique_id_is_retried_after_throttling_which_refused_it() {
    for status in [509, 429] {
        let mem = support::script([throttled(status), Reply::json(200, EVENT_RESULT)]);
        support::client(&mem, fast_retry())
            .send_event(&SendEvent::new(Login::new(1, "u", "s")))
            .await
            .unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_eq!(mem.hits(), 2, "{status}");
        let reqs = mem.requests();
        assert_eq!(reqs[0].body, reqs[1].body);
        assert_signed(&reqs[1], "nonce-2");
    }
}

#[tokio::test]
async fn an_event_without_a_unique_id_is_not_retried_once_it_may_have_been_stored() {
    for status in [500, 503] {
        let mem = support::script([Reply::status(status), Reply::json(200, EVENT_RESULT)]);
        let err = support::client(&mem, fast_retry())
            .send_event(&SendEvent::new(Login::new(1, "u", "s")))
            .await
            .unwrap_err();
        assert_eq!(err.api().unwrap().kind, ApiErrorKind::Server);
        assert!(err.is_retryable(), "the caller may retry it deliberately");
        assert_eq!(mem.hits(), 1, "{status}");
    }
}

#[tokio::test]
async fn covery_reporting_its_own_misconfiguration_is_not_retried() {
    for status in [503, 510] {
        let mem = support::script([
            Reply::status(status).header("x-maxwell-status", "Exception"),
            Reply::json(200, &fixture("ping.response.200.json")["body"].to_string()),
        ]);
        let err = support::client(&mem, fast_retry())
            .ping()
            .await
            .unwrap_err();
        assert_eq!(err.api().unwrap().kind, ApiErrorKind::Other, "{status}");
        assert_eq!(mem.hits(), 1, "{status}");
    }
}

#[tokio::test]
async fn a_transaction_event_503_then_200_is_retried_with_the_same_body() {
    let mem = support::script([Reply::status(503), Reply::json(200, EVENT_RESULT)]);
    let tx = Transaction::new(
        "1".parse::<Amount>().unwrap(),
        Currency::new("USD").unwrap(),
        "t-1",
        1,
        "u",
        "s",
    );
    support::client(&mem, fast_retry())
        .send_event(&SendEvent::new(tx))
        .await
        .unwrap();
    assert_eq!(mem.hits(), 2);
    let reqs = mem.requests();
    assert_eq!(reqs[0].body, reqs[1].body, "serialized once");
    assert_signed(&reqs[0], "nonce-1");
    assert_signed(&reqs[1], "nonce-2");
}

#[tokio::test]
async fn postback_500_then_200_is_retried() {
    let mem = support::script([Reply::status(500), Reply::json(200, r#"{"requestId":5}"#)]);
    let out = support::client(&mem, fast_retry())
        .postback(&Postback::by_request_id(5))
        .await
        .unwrap();
    assert_eq!(out.request_id, 5);
    assert_eq!(mem.hits(), 2);
}

#[tokio::test]
async fn a_406_is_sent_once() {
    let mem = support::script([Reply::status(406), Reply::status(200)]);
    let err = support::client(&mem, fast_retry())
        .ping()
        .await
        .unwrap_err();
    assert_eq!(err.status().unwrap().as_u16(), 406);
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn persistent_509_stops_after_max_attempts() {
    let mem = support::script([throttled(509)]);
    let err = support::client(&mem, fast_retry().with_max_attempts(4))
        .ping()
        .await
        .unwrap_err();
    assert_eq!(err.status().unwrap().as_u16(), 509);
    assert_eq!(mem.hits(), 4);
    let nonces: std::collections::BTreeSet<_> = mem
        .requests()
        .iter()
        .map(|r| r.header("x-auth-nonce").unwrap().to_owned())
        .collect();
    assert_eq!(nonces.len(), 4, "every attempt has its own nonce");
}
