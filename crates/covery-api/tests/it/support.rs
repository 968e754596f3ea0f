//! Shared helpers: clients with deterministic nonces pointed at local servers, an
//! independent signature computation, and fixtures.

use std::path::PathBuf;
use std::sync::Arc;

use covery_api::{Client, Environment, RetryPolicy};
use payments_core::NonceSource;
use payments_core::signer::test_util::SequenceNonce;
use sha2::{Digest, Sha256};

use payments_core::test_util::read_json;
use payments_core::test_util::server::Recorded;
pub(crate) use payments_core::test_util::{closed_port, fast_retry, test_timeouts};

/// The access token of the test clients.
pub(crate) const TOKEN: &str = "test-token-21a3358f";
/// The token secret of the test clients.
pub(crate) const SECRET: &str = "test-secret-eNfrVfsX";
/// The nonce prefix of the test clients: nonces are `nonce-1`, `nonce-2`, ….
pub(crate) const NONCE_PREFIX: &str = "nonce-";
/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("covery-api-rs/", env!("CARGO_PKG_VERSION"));

/// A builder for `base_url` with [`TOKEN`], [`SECRET`] and sequence nonces.
pub(crate) fn builder(base_url: String, retry: RetryPolicy) -> covery_api::ClientBuilder {
    Client::builder(Environment::Custom(base_url), TOKEN, SECRET)
        .retry(retry)
        .timeouts(test_timeouts())
        .nonce_source(Arc::new(SequenceNonce::new(NONCE_PREFIX)))
}

/// A client for `base_url` with [`TOKEN`], [`SECRET`] and sequence nonces.
pub(crate) fn client(base_url: String, retry: RetryPolicy) -> Client {
    builder(base_url, retry).build().unwrap()
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
/// over the body received, and the version.
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

/// A fixture file, parsed.
pub(crate) fn fixture(name: &str) -> serde_json::Value {
    read_json(fixtures_dir().join(name))
}
