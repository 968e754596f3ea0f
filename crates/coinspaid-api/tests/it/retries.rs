//! Retries with the attempts counted by the server: read-only POSTs are retried; money
//! movers are sent exactly once after a 503 or a timeout, and again only when the
//! connection was never established.

use std::time::Duration;

use coinspaid_api::{Client, Environment};
use payments_core::TimeoutKind;

use crate::support::{self, CountingTransport, KEY, SECRET, fast_retry, test_timeouts};
use payments_core::test_util::assert_timeout;
use payments_core::test_util::server::{Reply, ScriptedServer};

const ACCOUNTS: &str = r#"{"data":[{"currency":"BTC","type":"crypto","balance":"1.00000000"}]}"#;
const WITHDRAWAL: &str = r#"{"data":{"id":1,"foreign_id":"122929","type":"withdrawal","status":"processing","amount":"1","sender_amount":"1","sender_currency":"BTC","receiver_amount":"1","receiver_currency":"BTC"}}"#;

fn short_attempts(base_url: String) -> Client {
    Client::builder(Environment::Custom(base_url), KEY, SECRET)
        .retry(fast_retry())
        .timeouts(test_timeouts().with_attempt(Duration::from_millis(200)))
        .build()
        .unwrap()
}

#[tokio::test]
async fn list_is_retried_after_503_with_the_same_signed_bytes() {
    let server = ScriptedServer::start(vec![Reply::status(503), Reply::json(200, ACCOUNTS)]).await;
    let balances = support::client(server.base_url(), fast_retry())
        .list_accounts()
        .await
        .unwrap();
    assert_eq!(balances.len(), 1);
    assert_eq!(server.hits(), 2);
    let reqs = server.requests();
    for r in &reqs {
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/v2/accounts/list");
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
    let server =
        ScriptedServer::start(vec![Reply::status(503), Reply::json(201, WITHDRAWAL)]).await;
    let err = support::client(server.base_url(), fast_retry())
        .withdraw_crypto(&support::documented_withdrawal())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(err.may_have_been_received());
    assert_eq!(server.hits(), 1);
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
    let server = ScriptedServer::start(vec![Reply::status(503)]).await;
    let c = support::client(server.base_url(), fast_retry());
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
    assert_eq!(server.hits(), 4, "each sent once");
}

#[tokio::test]
async fn reads_are_all_retried() {
    let server = ScriptedServer::start(vec![Reply::status(502)]).await;
    let c = support::client(server.base_url(), fast_retry());
    c.ping().await.unwrap_err();
    c.list_currencies().await.unwrap_err();
    c.list_currency_pairs(&support::documented_pairs())
        .await
        .unwrap_err();
    c.futures_rates(&support::documented_futures_rates())
        .await
        .unwrap_err();
    assert_eq!(server.hits(), 4 * 3, "three attempts each");
}

#[tokio::test]
async fn a_400_is_never_retried() {
    let server = ScriptedServer::start(vec![Reply::json(
        400,
        r#"{"errors":{"amount":"The amount must be at least 0.001."}}"#,
    )])
    .await;
    support::client(server.base_url(), fast_retry())
        .list_accounts()
        .await
        .unwrap_err();
    assert_eq!(server.hits(), 1);
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
