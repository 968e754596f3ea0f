//! Per-call options (`send_with`), response metadata (`send_with_meta`) and dynamic calls
//! by operation row (`call_json`), all over the in-memory transport.

use std::sync::Arc;
use std::time::{Duration, Instant};

use http::StatusCode;
use payments_core::provider::auth::BearerToken;
use payments_core::provider::{ApiClient, NoAuth, ProviderSpec};
use payments_core::{Error, InputFile, RequestOptions, RetryPolicy, TimeoutKind, Timeouts};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{CREATE_TRANSFER, Call, MEMORY_BASE, fast_retry, in_memory};

fn no_auth() -> Arc<NoAuth> {
    Arc::new(NoAuth)
}

fn ok() -> Reply {
    Reply::json(200, r#"{"ok":true}"#)
}

// ---------------------------------------------------------------------------------------
// send_with

#[tokio::test]
async fn per_call_timeouts_replace_the_clients() {
    // The client would wait 10 s; this call gives up after 100 ms.
    let (b, mem) = in_memory([ok().delay(Duration::from_secs(5))]);
    let client = b
        .timeouts(Timeouts::default().with_attempt(Duration::from_secs(10)))
        .build(no_auth())
        .unwrap();
    let options = RequestOptions::new()
        .timeouts(Timeouts::default().with_attempt(Duration::from_millis(100)))
        .retry(RetryPolicy::none());
    let started = Instant::now();
    let err = client
        .send_with(&Call::get("/slow"), &options)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Timeout { kind: TimeoutKind::Attempt, after, .. }
            if after == Duration::from_millis(100)),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(mem.hits(), 1);

    // The other way round: the client would give up after 50 ms; this call waits.
    let (b, _mem) = in_memory([ok().delay(Duration::from_millis(200))]);
    let client = b
        .timeouts(
            Timeouts::default()
                .with_attempt(Duration::from_millis(50))
                .with_call(Duration::from_millis(80)),
        )
        .build(no_auth())
        .unwrap();
    let err = client.send(&Call::get("/slow")).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    let patient = RequestOptions::new().timeouts(Timeouts::default());
    let out = client
        .send_with(&Call::get("/slow"), &patient)
        .await
        .unwrap();
    assert_eq!(out["ok"], true);
}

#[tokio::test]
async fn a_per_call_whole_call_timeout_cuts_the_retries() {
    let (client, mem) = {
        let (b, mem) = in_memory([Reply::status(503)]);
        (b.build(no_auth()).unwrap(), mem)
    };
    let options = RequestOptions::new()
        .timeouts(
            Timeouts::default()
                .with_attempt(Duration::from_secs(5))
                .with_call(Duration::from_millis(150)),
        )
        .retry(
            RetryPolicy::default()
                .with_max_attempts(1000)
                .with_backoff(Duration::from_millis(20), Duration::from_millis(20)),
        );
    let started = Instant::now();
    let err = client
        .send_with(&Call::get("/x"), &options)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    // Either the deadline fired during a back-off, or the loop saw the next back-off
    // would pass it and returned the last answer.
    match &err {
        Error::Timeout { kind, after, .. } => {
            assert_eq!(*kind, TimeoutKind::Call);
            assert_eq!(*after, Duration::from_millis(150));
        }
        other => assert_eq!(
            other.status(),
            Some(StatusCode::SERVICE_UNAVAILABLE),
            "{other:?}"
        ),
    }
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert!((2..100).contains(&mem.hits()), "{} attempts", mem.hits());
}

#[tokio::test]
async fn per_call_retry_policy_replaces_the_clients() {
    // The client retries (3 attempts); this call does not.
    let (b, mem) = in_memory([Reply::status(503), ok()]);
    let client = b.build(no_auth()).unwrap();
    let once = RequestOptions::new().retry(RetryPolicy::none());
    let err = client.send_with(&Call::get("/x"), &once).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(mem.hits(), 1);

    // The client does not retry; this call does.
    let (b, mem) = in_memory([Reply::status(503), Reply::status(503), ok()]);
    let client = b.retry(RetryPolicy::none()).build(no_auth()).unwrap();
    let err = client.send(&Call::get("/x")).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(mem.hits(), 1);
    let out = client
        .send_with(&Call::get("/x"), &RequestOptions::new().retry(fast_retry()))
        .await
        .unwrap();
    assert_eq!(out["ok"], true);
    assert_eq!(mem.hits(), 3);
}

#[tokio::test]
async fn a_per_call_retry_policy_never_retries_what_is_unsafe() {
    let (b, mem) = in_memory([Reply::status(503), ok()]);
    let client = b.build(no_auth()).unwrap();
    let eager = RequestOptions::new().retry(fast_retry().with_max_attempts(5));
    let err = client
        .send_with(&Call::post("/pay", b"{}"), &eager)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(
        mem.hits(),
        1,
        "a POST that may have arrived is not repeated"
    );
}

#[tokio::test]
async fn per_call_headers_go_with_every_attempt_and_never_replace_the_signers() {
    let (b, mem) = in_memory([Reply::status(503), ok()]);
    let client = b
        .user_agent("client-agent/1")
        .build(Arc::new(BearerToken::new("tok".into()).unwrap()))
        .unwrap();
    let options = RequestOptions::new()
        .header("x-trace-id", "abc-123")
        .unwrap()
        .header("user-agent", "call-agent/2")
        .unwrap()
        .header("authorization", "Bearer forged")
        .unwrap();
    client.send_with(&Call::get("/x"), &options).await.unwrap();

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    for r in &reqs {
        assert_eq!(r.header("x-trace-id"), Some("abc-123"), "{r:#?}");
        assert_eq!(r.header("user-agent"), Some("call-agent/2"), "{r:#?}");
        let auth: Vec<&str> = r
            .headers
            .iter()
            .filter(|(n, _)| n == "authorization")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(auth, ["Bearer tok"], "{r:#?}");
    }

    // Without options, the client's own headers.
    client.send(&Call::get("/x")).await.unwrap();
    let last = mem.requests().pop().unwrap();
    assert_eq!(last.header("user-agent"), Some("client-agent/1"));
    assert_eq!(last.header("x-trace-id"), None);
}

#[test]
fn an_invalid_per_call_header_value_is_refused() {
    assert!(RequestOptions::new().header("x-trace-id", "a\nb").is_err());
}

/// Header names are case-insensitive: `X-Trace-Id` is `x-trace-id`, not a panic.
#[tokio::test]
async fn a_capitalised_per_call_header_name_is_accepted() {
    let options = RequestOptions::new()
        .header("X-Trace-Id", "abc-123")
        .unwrap();
    let (b, mem) = in_memory([ok()]);
    b.build(no_auth())
        .unwrap()
        .send_with(&Call::get("/x"), &options)
        .await
        .unwrap();
    assert_eq!(mem.single().header("x-trace-id"), Some("abc-123"));
}

// ---------------------------------------------------------------------------------------
// send_with_meta

/// Header names as a provider might write them, capitalised: the core must not care.
static SPEC_WITH_META: ProviderSpec = ProviderSpec::new("test")
    .with_request_id_header("X-Request-Id")
    .with_error_headers(&["X-Error-Detail"])
    .with_kept_headers(&["x-ratelimit-remaining", "X-Request-Id"]);

fn meta_client(script: impl IntoIterator<Item = Reply>) -> (ApiClient, MemoryTransport) {
    let mem = MemoryTransport::new(script);
    let client = ApiClient::builder(&SPEC_WITH_META, MEMORY_BASE)
        .transport(Arc::new(mem.clone()))
        .retry(fast_retry())
        .build(no_auth())
        .unwrap();
    (client, mem)
}

#[tokio::test]
async fn send_with_meta_reports_status_request_id_attempts_and_kept_headers() {
    let (client, mem) = meta_client([
        Reply::status(503).header("x-request-id", "req-1"),
        Reply::json(201, r#"{"ok":true}"#)
            .header("x-request-id", "req-2")
            .header("x-ratelimit-remaining", "41")
            .header("set-cookie", "session=SECRET")
            .header("x-other", "dropped"),
    ]);

    let got = client
        .send_with_meta(&Call::get("/x"), &RequestOptions::new())
        .await
        .unwrap();

    assert_eq!(got.value["ok"], true);
    let meta = &got.meta;
    assert_eq!(meta.status, StatusCode::CREATED);
    assert_eq!(meta.request_id.as_deref(), Some("req-2"));
    assert_eq!(meta.attempts, 2);
    assert_eq!(mem.hits(), 2);
    assert!(meta.elapsed < Duration::from_secs(5));
    let kept: Vec<(&str, &str)> = meta
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.to_str().unwrap()))
        .collect();
    assert_eq!(
        kept,
        [("x-request-id", "req-2"), ("x-ratelimit-remaining", "41")],
        "kept once each; never cookies or unlisted headers"
    );
}

#[tokio::test]
async fn send_with_meta_on_the_first_attempt_without_a_request_id() {
    let (client, _mem) = meta_client([ok()]);
    let got = client
        .send_with_meta(&Call::get("/x"), &RequestOptions::new())
        .await
        .unwrap();
    assert_eq!(got.meta.status, StatusCode::OK);
    assert_eq!(got.meta.attempts, 1);
    assert_eq!(got.meta.request_id, None);
    assert!(got.meta.headers.is_empty());
}

#[tokio::test]
async fn send_with_meta_failures_keep_the_request_id_on_the_error() {
    let (client, mem) = meta_client([Reply::json(400, r#"{"message":"no"}"#)
        .header("x-request-id", "req-9")
        .header("x-error-detail", "amount")]);
    let err = client
        .send_with_meta(&Call::get("/x"), &RequestOptions::new())
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.request_id.as_deref(), Some("req-9"));
    assert_eq!(api.header("x-error-detail"), Some("amount"));
    assert_eq!(mem.hits(), 1);
}

// ---------------------------------------------------------------------------------------
// call_json

#[tokio::test]
async fn call_json_keeps_every_digit_in_and_out() {
    let (b, mem) = in_memory([Reply::json(
        201,
        r#"{"id":"t-1","amount":"79228162514264337593543950335","fee":0.0000000000000000000000000001}"#,
    )]);
    let client = b.build(no_auth()).unwrap();
    let input = r#"{
        "accountId": "acc 1/x",
        "amount": 0.1234567890123456789012345678,
        "fee": 1.50000000,
        "note": "rent"
    }"#;

    let out = client
        .call_json(&CREATE_TRANSFER, input, Vec::new())
        .await
        .unwrap();

    let sent = mem.single();
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, "/accounts/acc%201%2Fx/transfers");
    assert_eq!(
        String::from_utf8(sent.body).unwrap(),
        r#"{"amount":"0.1234567890123456789012345678","fee":1.50000000,"note":"rent"}"#
    );
    assert_eq!(out.value.status, StatusCode::CREATED);
    assert_eq!(
        out.value.json,
        r#"{"id":"t-1","amount":"79228162514264337593543950335","fee":0.0000000000000000000000000001}"#
    );
    assert_eq!(out.meta.status, StatusCode::CREATED);
    assert_eq!(out.meta.attempts, 1);
}

#[tokio::test]
async fn call_json_refuses_bad_documents_before_sending() {
    let (b, mem) = in_memory([ok()]);
    let client = b.build(no_auth()).unwrap();
    let refused = |field: &'static str, doc: &'static str| {
        let client = client.clone();
        async move {
            let err = client
                .call_json(&CREATE_TRANSFER, doc, Vec::new())
                .await
                .unwrap_err();
            match &err {
                Error::InvalidRequest { field: f, .. } => assert_eq!(f, field, "{doc}: {err}"),
                other => panic!("{doc}: {other:?}"),
            }
            assert!(!err.may_have_been_received());
        }
    };
    refused(
        "amount",
        r#"{"accountId":"a","amount":"1","amount":"1000","fee":1}"#,
    )
    .await;
    refused(
        "amount",
        r#"{"accountId":"a","amount":0.12345678901234567890123456789,"fee":1}"#,
    )
    .await;
    refused("accountId", r#"{"accountId":"..","amount":"1","fee":1}"#).await;
    refused("accountId", r#"{"amount":"1","fee":1}"#).await;
    assert_eq!(mem.hits(), 0);

    let file = InputFile {
        field: "file".into(),
        name: "a.pdf".into(),
        bytes: "x".into(),
    };
    let err = client
        .call_json(
            &CREATE_TRANSFER,
            r#"{"accountId":"a","amount":"1","fee":1}"#,
            vec![file],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidRequest { field, .. } if field == "file"),
        "{err:?}"
    );
    assert_eq!(mem.hits(), 0);
}

#[tokio::test]
async fn call_json_decode_errors_name_the_operation_and_path() {
    let (b, _mem) = in_memory([Reply::json(200, r#"{"id":"t-1","amount":"x","fee":1}"#)]);
    let client = b.build(no_auth()).unwrap();
    let err = client
        .call_json(
            &CREATE_TRANSFER,
            r#"{"accountId":"a","amount":"1","fee":1}"#,
            Vec::new(),
        )
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            operation, path, ..
        } => {
            assert_eq!(*operation, "create-transfer");
            assert_eq!(path, "amount");
        }
        other => panic!("{other:?}"),
    }
}
