//! The tracing shape of a call: one `payments.call` span (provider, operation, route, …)
//! and a `payments.attempt` child per attempt (attempt, route, status, retry_reason,
//! request_id). Spans name the route template, never the concrete path, which may carry
//! user ids.
//!
//! `payments_test_support::Capturing` formats what happens on the test's thread (the
//! current-thread runtime of `#[tokio::test]`): events, each prefixed with the fields its
//! spans had when it was emitted. The client emits an event in an attempt span when it
//! retries or gives up, so those lines show the attempt's recorded fields.

use std::sync::Arc;
use std::time::Duration;

use payments_core::provider::{ApiClient, NoAuth, ProviderSpec};
use payments_core::{RetryPolicy, Timeouts};
use payments_test_support::server::Reply;
use payments_test_support::{Capturing, MemoryTransport};

use crate::support::{Call, MEMORY_BASE, fast_retry};

static SPEC_WITH_ID: ProviderSpec =
    ProviderSpec::new("test").with_request_id_header("x-request-id");

fn client(mem: &MemoryTransport, retry: RetryPolicy) -> ApiClient {
    ApiClient::builder(&SPEC_WITH_ID, MEMORY_BASE)
        .transport(Arc::new(mem.clone()))
        .retry(retry)
        .timeouts(Timeouts::default().with_attempt(Duration::from_millis(100)))
        .build(Arc::new(NoAuth))
        .unwrap()
}

/// A user's plans: the concrete path carries the user id, the route does not.
fn plans() -> Call {
    Call::get("/users/jb%20001/plans")
        .operation("list-plans")
        .route("/users/{userId}/plans")
}

/// The fields of attempt `n`'s span on each line emitted inside it (`attempt=1 route=…`).
fn attempt_fields(log: &str, n: u32) -> Vec<Vec<&str>> {
    let marker = format!("payments.attempt{{attempt={n} ");
    log.lines()
        .filter_map(|l| {
            let start = l.find(&marker)? + "payments.attempt{".len();
            let end = start + l[start..].find("}:")?;
            Some(fields(&l[start..end]))
        })
        .collect()
}

/// `a=1 b="x y"` as `["a=1", "b=\"x y\""]`.
fn fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// Asserts that one line of attempt `n` has exactly `expected` as its span's fields (in
/// any order).
#[track_caller]
fn assert_attempt(log: &str, n: u32, expected: &[&str]) {
    let mut want: Vec<&str> = expected.to_vec();
    want.sort_unstable();
    let seen = attempt_fields(log, n);
    assert!(
        seen.iter().any(|f| {
            let mut f = f.clone();
            f.sort_unstable();
            f == want
        }),
        "attempt {n}: no line with {want:?}; seen {seen:?}\n{log}"
    );
}

#[tokio::test]
async fn each_attempt_records_its_number_route_status_and_why_it_was_retried() {
    let mem = MemoryTransport::new([
        Reply::status(503).header("x-request-id", "req-1"),
        Reply::status(429).header("x-request-id", "req-2"),
        Reply::json(400, r#"{"message":"no"}"#).header("x-request-id", "req-3"),
    ]);
    let client = client(&mem, fast_retry().with_max_attempts(5));
    let capture = Capturing::start();

    let err = client.send(&plans()).await.unwrap_err();

    let log = capture.text();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400), "{log}");
    assert_eq!(mem.hits(), 3);

    let call =
        r#"payments.call{provider="test" operation="list-plans" route="/users/{userId}/plans""#;
    assert!(
        log.lines().all(|l| l.contains(call)),
        "every line is inside the call span:\n{log}"
    );
    let route = r#"route="/users/{userId}/plans""#;
    assert_attempt(
        &log,
        1,
        &[
            "attempt=1",
            route,
            "status=503",
            r#"retry_reason="server error""#,
            r#"request_id="req-1""#,
        ],
    );
    assert_attempt(
        &log,
        2,
        &[
            "attempt=2",
            route,
            "status=429",
            r#"retry_reason="throttled""#,
            r#"request_id="req-2""#,
        ],
    );
    // The last attempt was not retried: no reason.
    assert_attempt(
        &log,
        3,
        &["attempt=3", route, "status=400", r#"request_id="req-3""#],
    );
    assert!(log.contains("attempt failed; not retryable"), "{log}");
    assert!(attempt_fields(&log, 4).is_empty(), "{log}");

    for concrete in ["jb%20001", "jb 001", "/users/jb"] {
        assert!(
            !log.contains(concrete),
            "the concrete path shows ({concrete}):\n{log}"
        );
    }
}

#[tokio::test]
async fn a_timed_out_attempt_is_retried_for_a_timeout() {
    let mem = MemoryTransport::new([
        Reply::json(200, "{}").delay(Duration::from_secs(2)),
        Reply::json(503, "{}"),
    ]);
    let client = client(&mem, fast_retry().with_max_attempts(2));
    let capture = Capturing::start();

    let err = client.send(&plans()).await.unwrap_err();

    let log = capture.text();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503), "{log}");
    let route = r#"route="/users/{userId}/plans""#;
    assert_attempt(&log, 1, &["attempt=1", route, r#"retry_reason="timeout""#]);
    assert_attempt(&log, 2, &["attempt=2", route, "status=503"]);
    assert!(log.contains("attempts exhausted"), "{log}");
    assert!(!log.contains("jb%20001"), "{log}");
}
