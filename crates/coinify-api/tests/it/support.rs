//! Shared helpers: clients over an in-memory transport with a fixed clock and counting
//! nonces, the test keys, independent JWT verification, fixtures, and the documented
//! requests built through the typed API.

use std::path::PathBuf;
use std::sync::Arc;

use coinify_api::{
    Address, Client, ClientBuilder, Country, DocumentType, Environment, JwtAlgorithm, Profile,
    Screening, SubmitKyc, UploadDocument,
};
use jsonwebtoken::{Algorithm, DecodingKey, TokenData, Validation};
use payments_test_support::server::{Recorded, Reply};
use payments_test_support::{
    DocFixture, FixedClock, MemoryTransport, SequenceNonce, fast_retry, read_json, test_timeouts,
};
use serde_json::Value;

/// The partner id every test client uses.
pub(crate) const PARTNER: &str = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

/// Another partner, for requests that name their own.
pub(crate) const OTHER_PARTNER: &str = "11111111-2222-4333-8444-555555555555";

/// The documented review id.
pub(crate) const REVIEW_ID: &str = "6b54f095-db25-4507-9912-0461fe70768f";

/// The fixed instant of every token: 2023-11-14T22:13:20Z.
pub(crate) const NOW: u64 = 1_700_000_000;

/// The base URL of the test clients; the in-memory transport never resolves it.
pub(crate) const BASE_URL: &str = "https://coinify.invalid";

/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("coinify-api-rs/", env!("CARGO_PKG_VERSION"));

/// A test key file, read.
pub(crate) fn key(name: &str) -> String {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/keys")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A transport answering `replies` in order (the last repeats).
pub(crate) fn memory(replies: impl IntoIterator<Item = Reply>) -> MemoryTransport {
    MemoryTransport::new(replies)
}

/// A builder over `mem` without a key, a clock fixed at [`NOW`], nonces `jti-1`,
/// `jti-2`, … and fast retries.
pub(crate) fn keyless_builder(mem: &MemoryTransport) -> ClientBuilder {
    Client::builder(Environment::Custom(BASE_URL.into()), PARTNER)
        .transport(Arc::new(mem.clone()))
        .clock(Arc::new(FixedClock::at(NOW)))
        .nonce_source(Arc::new(SequenceNonce::new("jti-")))
        .retry(fast_retry())
        .timeouts(test_timeouts())
}

/// [`keyless_builder`] with the PKCS#8 test key.
pub(crate) fn builder(mem: &MemoryTransport) -> ClientBuilder {
    keyless_builder(mem).private_key(key("rsa_pkcs8.pem"))
}

/// [`builder`], built.
pub(crate) fn client(mem: &MemoryTransport) -> Client {
    builder(mem).build().unwrap()
}

/// Verifies `token` with the test public key and `alg`, returning header and claims.
/// Expiry is checked by hand (the fixed clock is in the past).
pub(crate) fn verify(
    token: &str,
    alg: Algorithm,
) -> jsonwebtoken::errors::Result<TokenData<Value>> {
    let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
    let public = DecodingKey::from_rsa_pem(key("rsa_public.pem").as_bytes()).unwrap();
    let mut v = Validation::new(alg);
    v.validate_exp = false;
    v.required_spec_claims.clear();
    jsonwebtoken::decode(token, &public, &v)
}

/// The token of an `Authorization: Bearer` value.
pub(crate) fn bearer(auth: &str) -> &str {
    auth.strip_prefix("Bearer ")
        .unwrap_or_else(|| panic!("not a bearer header: {auth}"))
}

/// The bearer token a request carried.
pub(crate) fn jwt_of(r: &Recorded) -> String {
    bearer(r.header("authorization").expect("authorization header")).to_owned()
}

/// `fixtures/coinify/docs`.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coinify/docs"
    ))
}

/// `fixtures/coinify/recorded`.
pub(crate) fn recorded_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coinify/recorded"
    ))
}

/// A fixture file, parsed.
pub(crate) fn fixture(name: &str) -> Value {
    read_json(fixtures_dir().join(name))
}

/// The exact text of a fixture's `body`, as transcribed (number digits kept).
pub(crate) fn fixture_body_text(name: &str) -> String {
    DocFixture::read(fixtures_dir().join(name))
        .body
        .get()
        .to_owned()
}

/// A JSON text without the white space outside its strings, keys in their written order.
pub(crate) fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// A documented response body as a JSON reply with `status`.
pub(crate) fn fixture_reply(status: u16, name: &str) -> Reply {
    Reply::json(status, &fixture_body_text(name))
}

fn ts(s: &str) -> coinify_api::Timestamp {
    s.parse().unwrap()
}

/// The documented KYC request, built through the typed API.
pub(crate) fn documented_kyc() -> SubmitKyc {
    SubmitKyc::new(
        123,
        "id-of-the-partner-kyc-review",
        ts("2018-11-19T01:23:35Z"),
        ts("2018-11-19T00:23:35Z"),
        Screening::new(true, ts("2018-11-19T01:23:35Z")),
        Screening::new(true, ts("2018-11-19T01:23:35Z")),
        Profile::new(
            Country::new("DK").unwrap(),
            "John doe",
            "1988-12-14".parse().unwrap(),
            Address::new(
                "London Street 123",
                "London",
                "2001",
                Country::new("UK").unwrap(),
            ),
        ),
    )
}

/// 284 bytes standing in for the documented `<<raw image content>>`: every byte value,
/// so any re-encoding shows.
pub(crate) fn image_bytes() -> Vec<u8> {
    (0..284u32).map(|i| (i % 256) as u8).collect()
}

/// The documented upload (headers of the raw HTTP example).
pub(crate) fn documented_upload() -> UploadDocument {
    UploadDocument::new(
        REVIEW_ID,
        "your-reference-for-this-document",
        DocumentType::NationalId,
        "image/jpeg",
        "my_filename.jpg",
        image_bytes(),
    )
    .unwrap()
}

/// The JWT algorithms, paired with jsonwebtoken's.
pub(crate) const ALGS: [(JwtAlgorithm, Algorithm); 2] = [
    (JwtAlgorithm::RS256, Algorithm::RS256),
    (JwtAlgorithm::RS512, Algorithm::RS512),
];
