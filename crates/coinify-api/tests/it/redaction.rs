//! The private key never appears in Debug of the builder or client, nor in any error; the
//! tokens never appear in errors or tracing output.

use coinify_api::{Client, Environment};

use payments_test_support::server::Reply;
use payments_test_support::{Capturing, assert_no_leak, error_renderings};

use crate::support::{PARTNER, bearer, builder, documented_kyc, documented_upload, key, memory};

/// The base64 lines of every test private key.
fn key_lines() -> Vec<String> {
    ["rsa_pkcs1.pem", "rsa_pkcs8.pem"]
        .iter()
        .flat_map(|f| {
            key(f)
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn assert_clean(what: &str, text: &str, tokens: &[String]) {
    let mut secrets = key_lines();
    secrets.push("PRIVATE KEY".to_owned());
    // Any of a token's three parts would do harm (the signature most).
    secrets.extend(tokens.iter().flat_map(|t| t.split('.')).map(str::to_owned));
    assert_no_leak(what, text, secrets);
}

#[test]
fn debug_hides_the_key() {
    let b = Client::builder(Environment::Sandbox, PARTNER).private_key(key("rsa_pkcs1.pem"));
    assert_clean("builder", &format!("{b:?} {b:#?}"), &[]);
    let c = b.build().unwrap();
    let text = format!("{c:?} {c:#?}");
    assert_clean("client", &text, &[]);
    assert!(text.contains("REDACTED"), "{text}");
    assert_clean("upload", &format!("{:?}", documented_upload()), &[]);
}

#[test]
fn key_errors_hide_the_key() {
    let pkcs8 = key("rsa_pkcs8.pem");
    let truncated = pkcs8[..pkcs8.len() - 200].to_owned();
    let e = Client::new(Environment::Sandbox, PARTNER, truncated).unwrap_err();
    assert_clean("config error", &error_renderings(&e), &[]);
}

#[tokio::test]
async fn errors_and_traces_hide_tokens() {
    let mem = memory([
        Reply::status(503),
        Reply::json(
            401,
            r#"{"error":"unauthorized","error_description":"authentication failed"}"#,
        ),
    ]);
    let capture = Capturing::start();

    let c = builder(&mem).build().unwrap();
    let err = c.submit_kyc(&documented_kyc()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));

    // The server did receive tokens: proof the test looks at a real exchange.
    let tokens: Vec<String> = mem
        .requests()
        .iter()
        .map(|r| bearer(r.header("authorization").unwrap()).to_owned())
        .collect();
    assert_eq!(tokens.len(), 2);
    assert_clean("error", &error_renderings(&err), &tokens);

    let logs = capture.text();
    assert!(logs.contains("attempt"), "no trace captured: {logs}");
    assert_clean("traces", &logs, &tokens);
    assert!(!logs.contains("Bearer"), "{logs}");
}

/// A server (or a gateway in front of it) that echoes the request back puts the partner
/// JWT into an HTML page, a JSON error and an undecodable success: none of it reaches the
/// error or the logs.
#[tokio::test]
async fn credentials_a_server_echoes_back_never_show() {
    let pem = key("rsa_pkcs8.pem");
    payments_test_support::assert_echoed_credentials_never_show(&[], async |mem| {
        let client = Client::builder(Environment::Custom("http://coinify.test".into()), PARTNER)
            .private_key(pem.clone())
            .transport(std::sync::Arc::new(mem))
            .retry(payments_core::RetryPolicy::none())
            .build()
            .unwrap();
        client.submit_kyc(&documented_kyc()).await.map(|_| ())
    })
    .await;
}
