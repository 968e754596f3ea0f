//! The public key and the secret never appear in Debug of the client, builder or
//! verifier, in Display, Debug or `source()` of any error, nor in the tracing output of a
//! call (where the signature would also betray the body).

use std::sync::Arc;
use std::time::Duration;

use coinspaid_api::webhook::{Verifier, WebhookSecrets};
use coinspaid_api::{Client, Environment, SecretString};
use payments_test_support::server::Reply;
use payments_test_support::{Capturing, MemoryTransport, assert_no_leak, error_renderings};

use crate::support::{MEMORY_BASE, fast_retry, sign, test_timeouts};

const KEY: &str = "pk-live-7f3a9c";
const SECRET: &str = "sk-live-very-secret-91b2";

fn assert_clean(what: &str, text: &str) {
    assert_no_leak(what, text, [KEY, SECRET]);
}

#[test]
fn debug_hides_credentials() {
    let b = Client::builder(Environment::Sandbox, KEY, SECRET);
    assert_clean("builder", &format!("{b:?}"));
    let c = b.build().unwrap();
    let text = format!("{c:?} {c:#?}");
    assert_clean("client", &text);
    assert!(text.contains("cryptoprocessing"), "{text}");
    let v = Verifier::new(KEY, WebhookSecrets::new(SecretString::from(SECRET)));
    assert_clean("verifier", &format!("{v:?} {v:#?}"));
}

#[tokio::test]
async fn errors_and_traces_hide_credentials_and_signature() {
    let mem = MemoryTransport::new([
        Reply::status(503),
        Reply::json(401, r#"{"errors":{"X-Processing-Key":"Bad key header"}}"#),
    ]);
    let capture = Capturing::start();

    let c = Client::builder(Environment::Custom(MEMORY_BASE.into()), KEY, SECRET)
        .retry(fast_retry())
        .timeouts(test_timeouts().with_attempt(Duration::from_millis(300)))
        .transport(Arc::new(mem.clone()))
        .build()
        .unwrap();
    let err = c.list_accounts().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_clean("error", &error_renderings(&err));

    // The server did receive the credentials: proof the test looks at a real exchange.
    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].header("x-processing-key"), Some(KEY));
    let signature = sign(SECRET, b"{}");
    assert_eq!(
        reqs[0].header("x-processing-signature"),
        Some(signature.as_str())
    );

    let logs = capture.text();
    assert!(logs.contains("attempt"), "no trace captured: {logs}");
    assert_clean("traces", &logs);
    assert!(
        !logs.contains(&signature),
        "traces leak the signature: {logs}"
    );
}

#[tokio::test]
async fn transport_errors_hide_credentials() {
    let c = Client::builder(
        Environment::Custom("http://127.0.0.1:9".into()),
        KEY,
        SECRET,
    )
    .retry(coinspaid_api::RetryPolicy::none())
    .build()
    .unwrap();
    let err = c.ping().await.unwrap_err();
    assert_clean("transport error", &error_renderings(&err));
}

/// A server (or a gateway in front of it) that echoes the request back puts the key and
/// signature into an HTML page, a JSON error and an undecodable success, and a careless
/// one the secret too: none of it reaches the error or the logs.
#[tokio::test]
async fn credentials_a_server_echoes_back_never_show() {
    use crate::support::{KEY, SECRET};
    payments_test_support::assert_echoed_credentials_never_show(&[KEY, SECRET], async |mem| {
        let client = Client::builder(Environment::Custom(MEMORY_BASE.into()), KEY, SECRET)
            .transport(Arc::new(mem))
            .retry(payments_core::RetryPolicy::none())
            .build()
            .unwrap();
        client.list_accounts().await.map(|_| ())
    })
    .await;
}
