//! No credential ever shows: not in `Debug` of signers, clients, builders or webhook secrets,
//! not in the `Debug` of a signed request (auth headers are marked sensitive), not in
//! tracing output of calls that succeed or fail.

use std::io;
use std::sync::{Arc, Mutex};

use payments_core::provider::ApiClient;
use payments_core::provider::auth::{
    BearerToken, HmacSha512Signer, JwtAlgorithm, JwtSigner, Sha256NonceSigner,
};
use payments_core::webhook::WebhookSecrets;
use payments_core::{SecretString, Signer};
use payments_test_support::server::Reply;
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::util::SubscriberInitExt;

use crate::support::{Call, CapturingTransport, SPEC, builder, in_memory, key};

const BEARER: &str = "bearer-SECRET-7f3a9c";
const HMAC_KEY: &str = "hmac-KEY-5b2e81";
const HMAC_SECRET: &str = "hmac-SECRET-d4c0aa";
const COVERY_TOKEN: &str = "covery-TOKEN-91ab3e";
const COVERY_SECRET: &str = "covery-SECRET-0e77f1";

/// One signer under test: the operation name used for its calls, the signer, the headers
/// it must mark sensitive, and the strings that must never show.
struct Case {
    operation: &'static str,
    signer: Arc<dyn Signer>,
    sensitive: &'static [&'static str],
    secrets: Vec<String>,
}

fn s(v: &str) -> SecretString {
    v.into()
}

/// The base64 lines of a PEM file: any of them showing would leak key material.
fn pem_lines(pem: &str) -> Vec<String> {
    pem.lines()
        .filter(|l| !l.starts_with("-----") && l.len() > 16)
        .map(str::to_owned)
        .collect()
}

fn cases() -> Vec<Case> {
    let pem = key("rsa_pkcs1.pem");
    vec![
        Case {
            operation: "redaction-bearer",
            signer: Arc::new(BearerToken::new(s(BEARER)).unwrap()),
            sensitive: &["authorization"],
            secrets: vec![BEARER.into()],
        },
        Case {
            operation: "redaction-hmac",
            signer: Arc::new(HmacSha512Signer::coinspaid(s(HMAC_KEY), s(HMAC_SECRET)).unwrap()),
            sensitive: &["x-processing-key", "x-processing-signature"],
            secrets: vec![HMAC_KEY.into(), HMAC_SECRET.into()],
        },
        Case {
            operation: "redaction-covery",
            signer: Arc::new(Sha256NonceSigner::covery(s(COVERY_TOKEN), s(COVERY_SECRET)).unwrap()),
            sensitive: &["x-auth-token", "x-auth-signature"],
            secrets: vec![COVERY_TOKEN.into(), COVERY_SECRET.into()],
        },
        Case {
            operation: "redaction-jwt",
            signer: Arc::new(
                JwtSigner::from_pem(&pem.as_str().into(), JwtAlgorithm::RS256).unwrap(),
            ),
            sensitive: &["authorization"],
            secrets: pem_lines(&pem),
        },
    ]
}

fn assert_hidden(what: &str, shown: &str, secrets: &[String]) {
    assert!(!secrets.is_empty());
    for secret in secrets {
        assert!(
            !shown.contains(secret.as_str()),
            "{what} shows {secret:?}:\n{shown}"
        );
    }
}

#[test]
fn debug_of_signers_hides_secrets() {
    for case in cases() {
        for shown in [format!("{:?}", case.signer), format!("{:#?}", case.signer)] {
            assert_hidden(case.operation, &shown, &case.secrets);
        }
    }
}

#[test]
fn debug_of_client_and_builder_hides_secrets() {
    for case in cases() {
        let b = ApiClient::builder(&SPEC, "http://127.0.0.1:1/base");
        assert_hidden("builder", &format!("{b:?}"), &case.secrets);
        assert_hidden("builder", &format!("{b:#?}"), &case.secrets);
        let client = b.build(case.signer.clone()).unwrap();
        let shown = format!("{client:#?}");
        assert_hidden("client", &shown, &case.secrets);
        assert!(shown.contains("http://127.0.0.1:1/base"), "{shown}");
        assert_hidden(
            "client clone",
            &format!("{:?}", client.clone()),
            &case.secrets,
        );
    }
}

#[test]
fn debug_of_webhook_secrets_hides_them() {
    let secrets = WebhookSecrets::new(s("whsec-SECRET-one")).with(s("whsec-SECRET-two"));
    let hidden = ["whsec-SECRET-one".to_owned(), "whsec-SECRET-two".to_owned()];
    assert_hidden("webhook secrets", &format!("{secrets:?}"), &hidden);
    assert_hidden("webhook secrets", &format!("{secrets:#?}"), &hidden);
    assert!(
        format!("{secrets:?}").contains('2'),
        "shows how many: {secrets:?}"
    );
}

#[tokio::test]
async fn signed_requests_mark_auth_headers_sensitive() {
    for case in cases() {
        let transport = Arc::new(CapturingTransport::default());
        let client = builder("http://127.0.0.1:1")
            .transport(transport.clone())
            .build(case.signer.clone())
            .unwrap();
        client
            .send(&Call::post("/x", br#"{"a":1}"#).operation(case.operation))
            .await
            .unwrap();

        let requests = transport.requests.lock().unwrap();
        assert_eq!(requests.len(), 1);
        let req = &requests[0];
        let shown = format!("{req:?}");
        assert!(shown.contains("Sensitive"), "{shown}");
        let mut hidden = case.secrets.clone();
        for name in case.sensitive {
            let value = req
                .headers()
                .get(*name)
                .unwrap_or_else(|| panic!("{}: no {name}", case.operation));
            assert!(
                value.is_sensitive(),
                "{}: {name} not sensitive",
                case.operation
            );
            hidden.push(value.to_str().unwrap().to_owned());
        }
        assert_hidden(case.operation, &shown, &hidden);
        assert_hidden(case.operation, &format!("{:?}", req.headers()), &hidden);
    }
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct LogBuf(Arc<Mutex<Vec<u8>>>);

impl io::Write for LogBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl LogBuf {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// `#[tokio::test]` runs on a current-thread runtime, so the thread-local subscriber sees
/// everything the client and the server tasks log.
#[tokio::test]
async fn tracing_output_shows_calls_but_no_secrets() {
    // tracing-core caches callsite interest globally. While exactly one dispatcher exists,
    // a callsite first hit on another test's thread is judged by that thread's (empty)
    // default alone and cached as "never", silencing it here too. A second live dispatcher
    // makes tracing-core ask every registered dispatcher instead.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let buf = LogBuf::default();
    let writer = buf.clone();
    let _guard = tracing_subscriber::fmt()
        .with_max_level(LevelFilter::TRACE)
        .with_span_events(FmtSpan::NEW | FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .finish()
        .set_default();

    for case in cases() {
        let (b, mem) = in_memory([
            Reply::json(200, "{}"),
            Reply::json(401, r#"{"message":"bad credentials"}"#),
        ]);
        let client = b.build(case.signer.clone()).unwrap();
        let call = Call::post("/x", br#"{"a":1}"#).operation(case.operation);
        client.send(&call).await.unwrap();
        let err = client.send(&call).await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(401));

        // What went over the wire in the auth headers must not be logged either.
        let mut hidden = case.secrets.clone();
        for r in mem.requests() {
            for name in case.sensitive {
                hidden.push(r.header(name).unwrap().to_owned());
            }
        }
        let log = buf.text();
        assert!(log.contains("payments.call"), "{log}");
        assert!(log.contains(case.operation), "{log}");
        assert!(log.contains("HTTP 401"), "the failure is logged: {log}");
        assert_hidden(case.operation, &log, &hidden);
    }
}
