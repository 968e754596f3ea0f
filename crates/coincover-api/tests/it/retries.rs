//! Retries, with the attempts counted: what is retried (idempotent operations on 5xx,
//! 408, 429, timeouts; everything on connect errors), what is not (4xx, and user/plan
//! creation once the request may have arrived), Retry-After, and the retry budget shared
//! by clones. Answers by status go over the in-memory transport; timeouts against the
//! scripted server; refused connections through a counting transport.

use std::time::{Duration, Instant};

use coincover_api::{
    ApiErrorKind, Client, Environment, Error, OPERATIONS, RetryPolicy, Timeouts, UpdateUser,
};
use payments_core::RetrySafety;
use payments_core::{BudgetConfig, TimeoutKind, TransportErrorKind};

use crate::support::{
    self, CountingTransport, MemoryTransport, Reply, ScriptedServer, TOKEN, fast_retry,
    memory_client, test_timeouts,
};
use payments_test_support::assert_timeout;

const GREEN: &str = r#"{"transactionUUID":"3d0ee9d3-4d85-5c8e-af77-3bc9feec83f2","status":"GREEN","message":"Transaction is protected by CoinCover."}"#;

fn client_with(base_url: String, retry: RetryPolicy, timeouts: Timeouts) -> Client {
    Client::builder(Environment::Custom(base_url), TOKEN)
        .retry(retry)
        .timeouts(timeouts)
        .build()
        .unwrap()
}

/// A client over `mem` with `retry` and `timeouts`.
fn memory_with(mem: &MemoryTransport, retry: RetryPolicy, timeouts: Timeouts) -> Client {
    Client::builder(Environment::Custom("http://coincover.test".into()), TOKEN)
        .retry(retry)
        .timeouts(timeouts)
        .transport(std::sync::Arc::new(mem.clone()))
        .build()
        .unwrap()
}

fn short_attempts() -> Timeouts {
    test_timeouts().with_attempt(Duration::from_millis(200))
}

fn api_status(err: &Error) -> u16 {
    err.status()
        .unwrap_or_else(|| panic!("expected an API error, got {err:?}"))
        .as_u16()
}

/// (a) 503 then 200: two requests, the same bytes and auth on both, and success.
#[tokio::test]
async fn check_transaction_503_then_200_succeeds_on_the_second_attempt() {
    let mem = MemoryTransport::new(vec![Reply::status(503), Reply::json(200, GREEN)]);
    let check = memory_client(&mem, fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert!(check.is_green());
    assert_eq!(mem.hits(), 2);

    let body = serde_json::to_string(&support::documented_check()).unwrap();
    for r in &mem.requests() {
        support::assert_sent(r, "POST", "/transaction", &body);
    }
}

/// The PATCH updates are documented-idempotent here: retried on 503 too.
#[tokio::test]
async fn update_user_503_then_204_is_retried() {
    let mem = MemoryTransport::new(vec![Reply::status(503), Reply::status(204)]);
    memory_client(&mem, fast_retry())
        .update_user(&UpdateUser::new("jb001").first_name("Joe"))
        .await
        .unwrap();
    assert_eq!(mem.hits(), 2);
}

/// 408 and 429 without Retry-After are retried like 5xx.
#[tokio::test]
async fn check_transaction_408_and_429_are_retried() {
    let mem = MemoryTransport::new(vec![
        Reply::status(408),
        Reply::status(429),
        Reply::json(200, GREEN),
    ]);
    memory_client(&mem, fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert_eq!(mem.hits(), 3);
}

/// A 5xx that never ends: exactly `max_attempts` requests, then the last error.
#[tokio::test]
async fn persistent_503_stops_after_max_attempts() {
    let mem = MemoryTransport::new(vec![Reply::status(503)]);
    let err = memory_client(&mem, fast_retry().with_max_attempts(4))
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert_eq!(mem.hits(), 4);
}

/// (b) A 400 is sent once.
#[tokio::test]
async fn bad_request_is_sent_once() {
    let mem = MemoryTransport::new(vec![
        Reply::json(400, r#"{"message":"userId is required"}"#),
        Reply::json(200, GREEN),
    ]);
    let err = memory_client(&mem, fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 400);
    assert_eq!(mem.hits(), 1);
}

/// (c) Creating a user is not idempotent: after an attempt timeout it may have been
/// registered, so it is NOT repeated.
#[tokio::test]
async fn create_user_attempt_timeout_is_not_retried() {
    let server =
        ScriptedServer::start(vec![Reply::status(201).delay(Duration::from_secs(2))]).await;
    let started = Instant::now();
    let err = client_with(server.base_url(), fast_retry(), short_attempts())
        .create_user(&support::documented_create_user())
        .await
        .unwrap_err();
    match err {
        Error::Timeout { kind, after, .. } => {
            assert_eq!(kind, TimeoutKind::Attempt);
            assert_eq!(after, Duration::from_millis(200));
        }
        other => panic!("expected an attempt timeout, got {other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "did not wait for the server"
    );
    assert_eq!(server.hits(), 1);
}

/// (d) The same timeout on the idempotent check IS retried, up to `max_attempts`.
#[tokio::test]
async fn check_transaction_attempt_timeout_is_retried() {
    let server =
        ScriptedServer::start(vec![Reply::json(200, GREEN).delay(Duration::from_secs(2))]).await;
    let policy = fast_retry();
    let err = client_with(server.base_url(), policy.clone(), short_attempts())
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_timeout(&err, TimeoutKind::Attempt);
    assert_eq!(server.hits(), policy.max_attempts as usize);
}

/// A timed-out attempt followed by a quick answer succeeds.
#[tokio::test]
async fn check_transaction_recovers_after_a_timeout() {
    let server = ScriptedServer::start(vec![
        Reply::json(200, GREEN).delay(Duration::from_secs(2)),
        Reply::json(200, GREEN),
    ])
    .await;
    let check = client_with(server.base_url(), fast_retry(), short_attempts())
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert!(check.is_green());
    assert_eq!(server.hits(), 2);
}

/// The whole-call timeout bounds everything, retries included.
#[tokio::test]
async fn call_timeout_bounds_the_whole_call() {
    let server =
        ScriptedServer::start(vec![Reply::json(200, GREEN).delay(Duration::from_secs(5))]).await;
    let timeouts = test_timeouts()
        .with_attempt(Duration::from_secs(2))
        .with_call(Duration::from_millis(300));
    let started = Instant::now();
    let err = client_with(server.base_url(), fast_retry(), timeouts)
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_timeout(&err, TimeoutKind::Call);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(server.hits(), 1);
}

/// (e) Retry-After is honoured even when it is far above the back-off cap (5 ms).
#[tokio::test]
async fn retry_after_is_honoured() {
    let mem = MemoryTransport::new(vec![
        Reply::status(429).header("retry-after", "1"),
        Reply::json(200, GREEN),
    ]);
    let started = Instant::now();
    memory_client(&mem, fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(mem.hits(), 2);
    assert!(elapsed >= Duration::from_secs(1), "waited only {elapsed:?}");
}

/// (f) A Retry-After above `max_retry_after` (30 s by default) ends the retries at once.
#[tokio::test]
async fn retry_after_above_the_cap_is_not_waited_for() {
    let mem = MemoryTransport::new(vec![
        Reply::json(429, r#"{"message":"Too Many Requests"}"#).header("retry-after", "120"),
        Reply::json(200, GREEN),
    ]);
    let policy = fast_retry();
    assert_eq!(policy.max_retry_after, Duration::from_secs(30));
    // A call deadline beyond the Retry-After, so only the cap can stop the wait.
    let timeouts = test_timeouts().with_call(Duration::from_secs(600));
    let started = Instant::now();
    let err = memory_with(&mem, policy, timeouts)
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(mem.hits(), 1);
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::RateLimited);
    assert_eq!(api.retry_after, Some(Duration::from_secs(120)));
}

/// (g) `RetryPolicy::none()` sends once, even for a retryable 503.
#[tokio::test]
async fn no_retry_policy_sends_once() {
    let mem = MemoryTransport::new(vec![Reply::status(503), Reply::json(200, GREEN)]);
    let err = memory_client(&mem, RetryPolicy::none())
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert!(
        err.is_retryable(),
        "retryable in principle, but not by this policy"
    );
    assert_eq!(mem.hits(), 1);
}

/// (h) User and plan creation after a 503 (the server received them) are sent once.
#[tokio::test]
async fn creations_after_503_are_sent_once() {
    let mem = MemoryTransport::new(vec![Reply::status(503), Reply::status(201)]);
    let err = memory_client(&mem, fast_retry())
        .create_user(&support::documented_create_user())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert!(err.may_have_been_received());
    assert_eq!(mem.hits(), 1);

    let mem = MemoryTransport::new(vec![Reply::status(429), Reply::status(201)]);
    let err = memory_client(&mem, fast_retry())
        .create_plan(&support::documented_create_plan())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 429);
    assert_eq!(mem.hits(), 1);
}

/// (i) A refused connection provably sent nothing, so even user creation is retried; the
/// attempts are counted by the transport since no server sees them.
#[tokio::test]
async fn connect_errors_are_retried_even_for_creations() {
    let transport = CountingTransport::new();
    let client = Client::builder(
        Environment::Custom(format!("http://127.0.0.1:{}", support::closed_port())),
        TOKEN,
    )
    .retry(fast_retry())
    .timeouts(test_timeouts())
    .transport(transport.clone())
    .build()
    .unwrap();
    let err = client
        .create_user(&support::documented_create_user())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportErrorKind::Connect,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.may_have_been_received());
    assert!(err.is_retryable());
    assert_eq!(transport.sends(), 3, "max_attempts attempts");
}

/// (j) The retry budget is shared by clones: once one call spent it, a clone does not
/// retry.
#[tokio::test]
async fn retry_budget_is_shared_by_clones() {
    let mem = MemoryTransport::new(vec![Reply::status(503)]);
    let policy = fast_retry().with_budget(Some(BudgetConfig {
        capacity: 5,
        retry_cost: 5,
        timeout_retry_cost: 10,
        success_refund: 1,
    }));
    let first = memory_client(&mem, policy);
    let err = first
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert_eq!(mem.hits(), 2, "one retry, then the budget is empty");

    let clone = first.clone();
    let err = clone
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), 503);
    assert_eq!(mem.hits(), 3, "the clone made a single attempt");

    // A separate client has its own budget.
    let mem2 = MemoryTransport::new(vec![Reply::status(503)]);
    let other = memory_client(&mem2, fast_retry());
    other
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(mem2.hits(), 3);
}

/// Through the table: each operation's documented input, answered 503 then its documented
/// success, is sent twice when its row says it is idempotent and once otherwise.
#[tokio::test]
async fn every_row_retries_a_503_only_when_idempotent() {
    for op in OPERATIONS {
        let (input, _) = support::documented_input(op);
        let (_, success) = support::documented_response(op);
        let mem = MemoryTransport::new([Reply::status(503), success]);
        let result = memory_client(&mem, fast_retry())
            .call_json(op, &input, Vec::new())
            .await;
        match op.retry {
            RetrySafety::Idempotent => {
                let out = result.unwrap_or_else(|e| panic!("{}: {e}", op.name));
                assert_eq!(out.meta.attempts, 2, "{}", op.name);
                assert_eq!(mem.hits(), 2, "{}", op.name);
            }
            RetrySafety::NotIdempotent => {
                let err = result.unwrap_err();
                assert_eq!(api_status(&err), 503, "{}", op.name);
                assert!(err.may_have_been_received());
                assert_eq!(mem.hits(), 1, "{}", op.name);
            }
        }
    }
}
