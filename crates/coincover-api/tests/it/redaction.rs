//! The API token never appears in Debug of the client or builder, in Display, Debug or
//! `source()` of any error, nor in the tracing output of a call.

use std::time::Duration;

use coincover_api::{Client, ClientBuilder, Environment, Error};
use httpmock::MockServer;

use payments_test_support::{Capturing, assert_no_leak, error_renderings};

use crate::support::{self, Reply, ScriptedServer, fast_retry, test_timeouts};

const SECRET: &str = "sekret-token-123";

fn builder(base_url: String) -> ClientBuilder {
    Client::builder(Environment::Custom(base_url), SECRET)
        .retry(fast_retry())
        .timeouts(test_timeouts().with_attempt(Duration::from_millis(200)))
}

fn assert_no_secret(what: &str, text: &str) {
    assert_no_leak(what, text, [SECRET]);
}

#[tokio::test]
async fn client_and_builder_debug_hide_the_token() {
    let b = builder("http://127.0.0.1:9".into());
    let debug = format!("{b:?}");
    assert_no_secret("builder Debug", &debug);
    assert!(debug.contains("coincover"), "{debug}");

    let client = b.build().unwrap();
    for text in [format!("{client:?}"), format!("{client:#?}")] {
        assert_no_secret("client Debug", &text);
        assert!(text.contains("127.0.0.1:9"), "{text}");
    }
}

#[tokio::test]
async fn api_errors_do_not_contain_the_token() {
    let server = MockServer::start_async().await;
    let cases = [
        (401, r#"{"message":"Unauthorized"}"#, "/transaction"),
        (400, r#"{"message":"walletId is required"}"#, "/transaction"),
        (500, "<html>Internal Server Error</html>", "/transaction"),
    ];
    for (status, body, path) in cases {
        let mock = server
            .mock_async(|when, then| {
                when.method("POST")
                    .path(path)
                    .header("authorization", format!("Bearer {SECRET}"));
                then.status(status).body(body);
            })
            .await;
        let err = builder(server.base_url())
            .build()
            .unwrap()
            .check_transaction(&support::documented_check())
            .await
            .unwrap_err();
        // The token WAS sent (the mock matched on it), and is nowhere in the error.
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status), "{err:?}");
        assert!(mock.calls_async().await >= 1);
        assert_no_secret(&format!("HTTP {status} error"), &error_renderings(&err));
        mock.delete_async().await;
    }
}

#[tokio::test]
async fn timeout_and_transport_errors_do_not_contain_the_token() {
    let slow = ScriptedServer::start(vec![Reply::status(201).delay(Duration::from_secs(2))]).await;
    let err = builder(slow.base_url())
        .build()
        .unwrap()
        .create_user(&support::documented_create_user())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(
        slow.requests()[0].header("authorization"),
        Some("Bearer sekret-token-123"),
        "the token was sent"
    );
    assert_no_secret("timeout error", &error_renderings(&err));

    let refused = format!("http://127.0.0.1:{}", support::closed_port());
    let err = builder(refused)
        .build()
        .unwrap()
        .create_user(&support::documented_create_user())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_no_secret("transport error", &error_renderings(&err));
}

/// A 401 then a 200 on `server`, each through its own mock.
async fn failing_then_succeeding_call(server: &MockServer, client: &Client) {
    let fail = server
        .mock_async(|when, then| {
            when.method("POST").path("/transaction");
            then.status(401).body(r#"{"message":"Unauthorized"}"#);
        })
        .await;
    let err = client
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(fail.calls_async().await, 1);
    fail.delete_async().await;

    let ok = server
        .mock_async(|when, then| {
            when.method("POST").path("/transaction");
            then.status(200)
                .header("content-type", "application/json")
                .body(r#"{"transactionUUID":"u-1","status":"GREEN"}"#);
        })
        .await;
    client
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert_eq!(ok.calls_async().await, 1);
    ok.delete_async().await;
}

/// Everything logged at TRACE on this thread during a failing and a succeeding call
/// (the current-thread runtime runs the client and its connection tasks on this thread;
/// the mock server answers on its own thread and is not captured).
#[tokio::test(flavor = "current_thread")]
async fn tracing_output_does_not_contain_the_token() {
    let server = MockServer::start_async().await;
    let capture = Capturing::start();
    let client = builder(server.base_url()).build().unwrap();
    failing_then_succeeding_call(&server, &client).await;
    let log = capture.text();
    drop(capture);

    assert!(!log.is_empty(), "nothing was captured");
    assert!(
        log.contains("connecting to"),
        "connection set-up is logged: {log}"
    );
    // The span of the call names the provider and the operation.
    assert!(log.contains(r#"provider="coincover""#), "{log}");
    assert!(log.contains(r#"operation="check-transaction""#), "{log}");
    assert!(log.contains("HTTP 401"), "the failure is logged: {log}");
    // The succeeding call's work is captured too (its connection reuse runs inside its
    // span); the core logs no event of its own for a success.
    let (_, after_failure) = log
        .split_once("call failed")
        .unwrap_or_else(|| panic!("the failed call is logged: {log}"));
    assert!(
        after_failure
            .contains(r#"payments.call{provider="coincover" operation="check-transaction""#),
        "the succeeding call is captured: {log}"
    );
    assert!(!log.contains(SECRET), "the token is in the log:\n{log}");
    assert!(
        !log.contains("sekret"),
        "part of the token is in the log:\n{log}"
    );
}
