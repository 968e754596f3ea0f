//! Shared helpers: clients with deterministic nonces answering from an in-memory script,
//! an independent signature computation, and fixtures.

use std::path::PathBuf;
use std::sync::Arc;

use covery_api::{Client, Environment, OPERATIONS, RetryPolicy};
use payments_core::NonceSource;
use payments_core::test_util::SequenceNonce;
use payments_test_support::server::{Recorded, Reply};
use payments_test_support::{MemoryTransport, read_json};
use sha2::{Digest, Sha256};

pub(crate) use payments_test_support::{closed_port, fast_retry, test_timeouts};

/// The access token of the test clients.
pub(crate) const TOKEN: &str = "test-token-21a3358f";
/// The token secret of the test clients.
pub(crate) const SECRET: &str = "test-secret-eNfrVfsX";
/// The nonce prefix of the test clients: nonces are `nonce-1`, `nonce-2`, ….
pub(crate) const NONCE_PREFIX: &str = "nonce-";
/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("covery-api-rs/", env!("CARGO_PKG_VERSION"));
/// The base URL of the in-memory clients (nothing listens there).
pub(crate) const BASE_URL: &str = "http://covery.invalid";

/// An in-memory transport answering with `replies` in order (the last repeats).
pub(crate) fn script(replies: impl IntoIterator<Item = Reply>) -> MemoryTransport {
    MemoryTransport::new(replies)
}

/// A builder for `base_url` with [`TOKEN`], [`SECRET`] and sequence nonces.
pub(crate) fn builder_at(base_url: String, retry: RetryPolicy) -> covery_api::ClientBuilder {
    Client::builder(Environment::Custom(base_url), TOKEN, SECRET)
        .retry(retry)
        .timeouts(test_timeouts())
        .nonce_source(Arc::new(SequenceNonce::new(NONCE_PREFIX)))
}

/// A builder whose requests go to `mem`, with [`TOKEN`], [`SECRET`] and sequence nonces.
pub(crate) fn builder(mem: &MemoryTransport, retry: RetryPolicy) -> covery_api::ClientBuilder {
    builder_at(BASE_URL.to_owned(), retry).transport(Arc::new(mem.clone()))
}

/// A client whose requests go to `mem`, with [`TOKEN`], [`SECRET`] and sequence nonces.
pub(crate) fn client(mem: &MemoryTransport, retry: RetryPolicy) -> Client {
    builder(mem, retry).build().unwrap()
}

/// Always the same nonce (for the documented test vectors only: real nonces never repeat).
#[derive(Debug)]
pub(crate) struct FixedNonce(pub(crate) &'static str);

impl NonceSource for FixedNonce {
    fn nonce(&self) -> String {
        self.0.to_owned()
    }
}

/// The signature, computed here with `sha2` directly (not with the crate's code).
pub(crate) fn signature(nonce: &str, body: &[u8], secret: &str) -> String {
    let mut h = Sha256::new();
    h.update(nonce.as_bytes());
    h.update(body);
    h.update(secret.as_bytes());
    format!("{:x}", h.finalize())
}

/// Asserts the four auth headers of `req`: the token, `nonce`, the recomputed signature
/// over the body sent, and the version; and the user agent.
pub(crate) fn assert_signed(req: &Recorded, nonce: &str) {
    assert_eq!(req.header("x-auth-token"), Some(TOKEN), "token");
    assert_eq!(req.header("x-auth-nonce"), Some(nonce), "nonce");
    assert_eq!(
        req.header("x-auth-signature"),
        Some(signature(nonce, &req.body, SECRET).as_str()),
        "signature over {:?}",
        String::from_utf8_lossy(&req.body)
    );
    assert_eq!(req.header("x-auth-version"), Some("1.0"), "version");
    assert_eq!(req.header("user-agent"), Some(USER_AGENT), "user agent");
}

/// `fixtures/covery/docs`.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/covery/docs"
    ))
}

/// `fixtures/covery/recorded`.
pub(crate) fn recorded_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/covery/recorded"
    ))
}

/// A fixture file, parsed.
pub(crate) fn fixture(name: &str) -> serde_json::Value {
    read_json(fixtures_dir().join(name))
}

/// An answer of `send-event`.
pub(crate) const EVENT_RESULT: &str = r#"{"requestId":7896010,"type":"login","createdAt":1449049571.123,"sequenceId":"user-42","merchantUserId":"user-42"}"#;
/// An answer of `make-decision`.
pub(crate) const DECISION: &str = r#"{"requestId":7896010,"type":"transaction","createdAt":1449049571.123,"sequenceId":"user-42","merchantUserId":"user-42","score":80,"accept":false,"reject":true,"manual":false,"reason":"r","action":"a"}"#;

/// One input document per operation, as the `payments` CLI passes it, with the answer
/// Covery gives and whether the request takes `X-Identities`. Every input but ping's is
/// the body sent; ping sends an empty body.
pub(crate) const INPUTS: &[(&str, &str, &str, bool)] = &[
    (
        "ping",
        "",
        r#"{"customerId":1,"access":{"event":true}}"#,
        false,
    ),
    (
        "send-event",
        r#"{"type":"login","login_timestamp":13,"user_merchant_id":"u1","sequence_id":"s1","ip":"203.0.113.7"}"#,
        EVENT_RESULT,
        true,
    ),
    (
        "make-decision",
        r#"{"type":"transaction","transaction_amount":28.550,"transaction_currency":"USD","transaction_id":"TR1","transaction_timestamp":14,"user_merchant_id":"u1","sequence_id":"s1","product_quantity":0.10000000000000001}"#,
        DECISION,
        true,
    ),
    (
        "postback",
        r#"{"request_id":123456,"code":"4002"}"#,
        r#"{"requestId":123456}"#,
        false,
    ),
    ("latest-fraud-alerts", r#"{"limit":5}"#, "[]", false),
    (
        "find-fraud-alert",
        r#"{"id":8464503}"#,
        r#"{"id":8464503,"type":"issuer_alert","state":"none"}"#,
        false,
    ),
    ("confirm-fraud-alert", r#"{"id":8464503}"#, "", false),
    (
        "fraud-alert-feedback",
        r#"{"id":8464503,"result":"stopped","refunded":"not_refunded"}"#,
        "",
        false,
    ),
];

pub(crate) fn operation(name: &str) -> &'static payments_core::Operation {
    OPERATIONS
        .iter()
        .copied()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("no operation {name}"))
}
