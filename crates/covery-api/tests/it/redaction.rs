//! The access token and the secret never appear in Debug of the client or builder, in
//! Display, Debug or `source()` of any error, nor in the tracing output of a call.

use std::time::Duration;

use covery_api::{Client, ClientBuilder, Environment, Error, Login, SendEvent};

use payments_test_support::server::Reply;
use payments_test_support::{Capturing, MemoryTransport, assert_no_leak, error_renderings};

use crate::support::{self, fast_retry, test_timeouts};

const TOKEN: &str = "sekret-token-123";
const SECRET: &str = "sekret-secret-456";

fn builder_at(base_url: String) -> ClientBuilder {
    Client::builder(Environment::Custom(base_url), TOKEN, SECRET)
        .retry(fast_retry())
        .timeouts(test_timeouts().with_attempt(Duration::from_millis(200)))
}

fn builder(mem: &MemoryTransport) -> ClientBuilder {
    builder_at(support::BASE_URL.to_owned()).transport(std::sync::Arc::new(mem.clone()))
}

fn assert_no_secret(what: &str, text: &str) {
    assert_no_leak(what, text, [TOKEN, SECRET, "sekret"]);
}

#[tokio::test]
async fn client_and_builder_debug_hide_the_credentials() {
    let b = builder_at("http://127.0.0.1:9".into());
    let debug = format!("{b:?}");
    assert_no_secret("builder Debug", &debug);
    assert!(debug.contains("covery"), "{debug}");
    let client = b.build().unwrap();
    for text in [format!("{client:?}"), format!("{client:#?}")] {
        assert_no_secret("client Debug", &text);
        assert!(text.contains("127.0.0.1:9"), "{text}");
    }
}

#[tokio::test]
async fn api_errors_do_not_contain_the_credentials() {
    for reply in [
        Reply::status(401)
            .header("x-maxwell-status", "Exception")
            .header("x-maxwell-error-message", "Invalid signature"),
        Reply::status(500).body("<html>Internal</html>"),
        Reply::status(406)
            .header("content-type", "text/plain")
            .body("bad"),
    ] {
        let mem = support::script([reply]);
        let err = builder(&mem)
            .build()
            .unwrap()
            .send_event(&SendEvent::new(Login::new(1, "u", "s")))
            .await
            .unwrap_err();
        assert_eq!(mem.requests()[0].header("x-auth-token"), Some(TOKEN));
        assert_no_secret("API error", &error_renderings(&err));
    }
}

#[tokio::test]
async fn timeout_and_transport_errors_do_not_contain_the_credentials() {
    let slow = support::script([Reply::status(200).delay(Duration::from_secs(2))]);
    let err = builder(&slow)
        .build()
        .unwrap()
        .send_event(&SendEvent::new(Login::new(1, "u", "s")))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(slow.hits(), 1, "an event without unique id is not repeated");
    assert_no_secret("timeout error", &error_renderings(&err));

    let refused = format!("http://127.0.0.1:{}", support::closed_port());
    let err = builder_at(refused)
        .build()
        .unwrap()
        .ping()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_no_secret("transport error", &error_renderings(&err));
}

#[tokio::test(flavor = "current_thread")]
async fn tracing_output_does_not_contain_the_credentials() {
    let mem = support::script([
        Reply::status(509)
            .header("x-maxwell-status", "Exception")
            .header("x-maxwell-error-message", "Too many requests"),
        Reply::json(200, r#"{"customerId":1,"access":{"event":true}}"#),
    ]);
    let capture = Capturing::start();
    let client = builder(&mem).build().unwrap();
    client.ping().await.unwrap();
    let log = capture.text();
    drop(capture);

    assert!(log.contains(r#"provider="covery""#), "{log}");
    assert!(log.contains(r#"operation="ping""#), "{log}");
    assert!(log.contains("HTTP 509"), "the failure is logged: {log}");
    assert!(log.contains("retrying"), "the retry is logged: {log}");
    assert!(log.contains(r#"retry_reason="throttled""#), "{log}");
    assert_no_secret("tracing output", &log);
    let sig = mem.requests()[0]
        .header("x-auth-signature")
        .unwrap()
        .to_owned();
    assert!(!log.contains(&sig), "the signature is logged");
}

/// A server (or a gateway in front of it) that echoes the request back puts the token and
/// signature into an HTML page, a JSON error and an undecodable success: none of it
/// reaches the error or the logs.
#[tokio::test]
async fn credentials_a_server_echoes_back_never_show() {
    use crate::support::{SECRET, TOKEN};
    payments_test_support::assert_echoed_credentials_never_show(&[TOKEN, SECRET], async |mem| {
        let client = Client::builder(
            Environment::Custom("http://covery.test".into()),
            TOKEN,
            SECRET,
        )
        .transport(std::sync::Arc::new(mem))
        .retry(payments_core::RetryPolicy::none())
        .build()
        .unwrap();
        client.ping().await.map(|_| ())
    })
    .await;
}
