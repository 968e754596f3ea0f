//! Retries with the attempts counted: the table's retry column decides, for every
//! operation, whether a 503 is retried; read-only POSTs are retried after 429 and
//! timeouts; money movers are sent exactly once after a 503 or a timeout, and again only
//! when the connection was never established. Status-driven cases run over the in-memory
//! transport; timeouts and refused connections over sockets.

use std::time::Duration;

use coinspaid_api::{Client, Environment, OPERATIONS};
use payments_core::{RetrySafety, TimeoutKind};
use payments_test_support::assert_timeout;
use payments_test_support::server::{Reply, ScriptedServer};

use crate::support::{
    self, CountingTransport, KEY, SECRET, documented_request, fast_retry, memory_client,
    test_timeouts,
};

const ACCOUNTS: &str = r#"{"data":[{"currency":"BTC","type":"crypto","balance":"1.00000000"}]}"#;
const WITHDRAWAL: &str = r#"{"data":{"id":1,"foreign_id":"122929","type":"withdrawal","status":"processing","amount":"1","sender_amount":"1","sender_currency":"BTC","receiver_amount":"1","receiver_currency":"BTC"}}"#;

fn short_attempts(base_url: String) -> Client {
    Client::builder(Environment::Custom(base_url), KEY, SECRET)
        .retry(fast_retry())
        .timeouts(test_timeouts().with_attempt(Duration::from_millis(200)))
        .build()
        .unwrap()
}

/// Each row, called with its documented input against a provider answering 503: the
/// reads are tried three times, the rest once.
#[tokio::test]
async fn every_operation_is_retried_after_503_exactly_when_its_row_says_idempotent() {
    for &op in OPERATIONS {
        let (client, mem) = memory_client(fast_retry(), [Reply::status(503)]);
        let err = client
            .call_json(op, documented_request(op).body.get(), Vec::new())
            .await
            .unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(503), "{}", op.name);
        let expected = match op.retry {
            RetrySafety::Idempotent => 3,
            RetrySafety::NotIdempotent => 1,
        };
        assert_eq!(mem.hits(), expected, "{}", op.name);
        let reqs = mem.requests();
        assert!(
            reqs.iter().all(|r| r.body == reqs[0].body
                && r.header("x-processing-signature") == reqs[0].header("x-processing-signature")),
            "{}: the same signed bytes on every attempt",
            op.name
        );
    }
}

#[tokio::test]
async fn list_is_retried_after_503_with_the_same_signed_bytes() {
    let (client, mem) = memory_client(
        fast_retry(),
        [Reply::status(503), Reply::json(200, ACCOUNTS)],
    );
    let balances = client.list_accounts().await.unwrap();
    assert_eq!(balances.len(), 1);
    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    for r in &reqs {
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/api/v2/accounts/list");
        assert_eq!(r.body, b"{}");
        assert_eq!(r.header("x-processing-key"), Some(KEY));
        assert_eq!(
            r.header("x-processing-signature"),
            Some(support::sign(SECRET, b"{}").as_str())
        );
    }
}

#[tokio::test]
async fn calculate_is_retried_after_429_and_timeouts() {
    let server = ScriptedServer::start(vec![
        Reply::status(429).header("retry-after", "0"),
        Reply::json(200, "{}").delay(Duration::from_millis(600)),
        Reply::json(
            200,
            r#"{"data":{"sender_amount":1,"sender_currency":"BTC","receiver_amount":"2","receiver_currency":"EUR","fee_amount":"0","fee_currency":"BTC","price":"2","ts_fixed":1,"ts_release":2,"fix_period":60}}"#,
        ),
    ])
    .await;
    short_attempts(server.base_url())
        .calculate_exchange(&support::documented_calculate())
        .await
        .unwrap();
    assert_eq!(server.hits(), 3);
}

#[tokio::test]
async fn withdrawal_after_503_is_sent_exactly_once() {
    let (client, mem) = memory_client(
        fast_retry(),
        [Reply::status(503), Reply::json(201, WITHDRAWAL)],
    );
    let err = client
        .withdraw_crypto(&support::documented_withdrawal())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(err.may_have_been_received());
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn withdrawal_after_a_timeout_is_sent_exactly_once() {
    let server = ScriptedServer::start(vec![
        Reply::json(201, WITHDRAWAL).delay(Duration::from_millis(800)),
        Reply::json(201, WITHDRAWAL),
    ])
    .await;
    let err = short_attempts(server.base_url())
        .withdraw_crypto(&support::documented_withdrawal())
        .await
        .unwrap_err();
    assert_timeout(&err, TimeoutKind::Attempt);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn exchanges_futures_and_take_are_not_retried_after_503() {
    let (c, mem) = memory_client(fast_retry(), [Reply::status(503)]);
    c.exchange_now(&support::documented_exchange_now())
        .await
        .unwrap_err();
    c.exchange_fixed(&support::documented_exchange_fixed())
        .await
        .unwrap_err();
    c.confirm_futures(&support::documented_confirm_futures())
        .await
        .unwrap_err();
    c.take_address(&support::documented_take_address())
        .await
        .unwrap_err();
    assert_eq!(mem.hits(), 4, "each sent once");
}

#[tokio::test]
async fn reads_are_all_retried() {
    let (c, mem) = memory_client(fast_retry(), [Reply::status(502)]);
    c.ping().await.unwrap_err();
    c.list_currencies().await.unwrap_err();
    c.list_currency_pairs(&support::documented_pairs())
        .await
        .unwrap_err();
    c.futures_rates(&support::documented_futures_rates())
        .await
        .unwrap_err();
    assert_eq!(mem.hits(), 4 * 3, "three attempts each");
}

#[tokio::test]
async fn a_400_is_never_retried() {
    let (c, mem) = memory_client(
        fast_retry(),
        [Reply::json(
            400,
            r#"{"errors":{"amount":"The amount must be at least 0.001."}}"#,
        )],
    );
    c.list_accounts().await.unwrap_err();
    assert_eq!(mem.hits(), 1);
}

/// A withdrawal that provably never left (connection refused) may be sent again.
#[tokio::test]
async fn withdrawal_is_retried_when_the_connection_was_refused() {
    let transport = CountingTransport::new();
    let c = Client::builder(
        Environment::Custom(format!("http://127.0.0.1:{}", support::closed_port())),
        KEY,
        SECRET,
    )
    .retry(fast_retry())
    .timeouts(test_timeouts())
    .transport(transport.clone())
    .build()
    .unwrap();
    let err = c
        .withdraw_crypto(&support::documented_withdrawal())
        .await
        .unwrap_err();
    assert!(!err.may_have_been_received(), "{err:?}");
    assert_eq!(transport.sends(), 3);
}
