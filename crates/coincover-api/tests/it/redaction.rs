//! The API token never appears in Debug of the client or builder, in Display, Debug or
//! `source()` of any error, nor in the tracing output of a call.

use std::time::Duration;

use std::sync::Arc;

use coincover_api::{Client, ClientBuilder, Environment, Error};
use payments_test_support::{Capturing, assert_no_leak, error_renderings};

use crate::support::{self, MemoryTransport, Reply, ScriptedServer, fast_retry, test_timeouts};

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
    let cases = [
        (401, r#"{"message":"Unauthorized"}"#),
        (400, r#"{"message":"walletId is required"}"#),
        (500, "<html>Internal Server Error</html>"),
    ];
    for (status, body) in cases {
        let mem = MemoryTransport::new([Reply::status(status).body(body)]);
        let err = builder("http://coincover.test".into())
            .transport(Arc::new(mem.clone()))
            .build()
            .unwrap()
            .check_transaction(&support::documented_check())
            .await
            .unwrap_err();
        // The token WAS sent, and is nowhere in the error.
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status), "{err:?}");
        let sent = mem.requests();
        assert!(!sent.is_empty());
        for r in &sent {
            assert_eq!(
                (r.method.as_str(), r.path.as_str()),
                ("POST", "/transaction")
            );
            assert_eq!(
                r.header("authorization"),
                Some(format!("Bearer {SECRET}").as_str())
            );
        }
        assert_no_secret(&format!("HTTP {status} error"), &error_renderings(&err));
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

/// A 401 then a 200 from `server` (scripted in that order).
async fn failing_then_succeeding_call(server: &ScriptedServer, client: &Client) {
    let err = client
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(server.hits(), 1);

    client
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert_eq!(server.hits(), 2);
    for r in server.requests() {
        assert_eq!(
            (r.method.as_str(), r.path.as_str()),
            ("POST", "/transaction")
        );
    }
}

/// Everything logged at TRACE on this thread during a failing and a succeeding call
/// (the current-thread runtime runs the client, its connection tasks and the scripted
/// server on this thread; the server logs nothing).
#[tokio::test(flavor = "current_thread")]
async fn tracing_output_does_not_contain_the_token() {
    let server = ScriptedServer::start([
        Reply::status(401).body(r#"{"message":"Unauthorized"}"#),
        Reply::json(200, r#"{"transactionUUID":"u-1","status":"GREEN"}"#),
    ])
    .await;
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
    // The succeeding call's work is captured too (its connection, a new one since the
    // server closes each, is set up inside its span); the core logs no event of its own
    // for a success.
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

/// A server (or a gateway in front of it) that echoes the request back puts the bearer
/// token into an HTML page, a JSON error and an undecodable success: none of it reaches
/// the error or the logs.
#[tokio::test]
async fn credentials_a_server_echoes_back_never_show() {
    payments_test_support::assert_echoed_credentials_never_show(&[support::TOKEN], async |mem| {
        let client = Client::builder(
            Environment::Custom("http://coincover.test".into()),
            support::TOKEN,
        )
        .transport(Arc::new(mem))
        .retry(payments_core::RetryPolicy::none())
        .build()
        .unwrap();
        client
            .check_transaction(&support::documented_check())
            .await
            .map(|_| ())
    })
    .await;
}
