//! Shared helpers: clients over an in-memory transport, the test platform key, fixture
//! paths, and a multipart parser written independently of the client's.

use std::path::PathBuf;
use std::sync::Arc;

use ccpro_api::{Client, Environment, PlatformKey, SecretString, UserClient, UserSession};
use payments_core::test_util::FixedClock;
use payments_test_support::MemoryTransport;

/// The platform id the tests use.
pub const PLATFORM: &str = "7d3b2f4c-platform";
/// The user the tests' sessions belong to.
pub const USER: &str = "31279d17-83b2-4649-8214-99f9537779f4";
/// A session token (64 characters, as CCPro issues them).
pub const TOKEN: &str = "rFJxY3pS5xCliGvqnkHgPm4lq2aZEZmoSDXiLwG7NLwPfJUf18pEEBp6ZIpQmzPZ";
/// The tests' clock.
pub const NOW: u64 = 1_700_000_000;

pub fn private_pem() -> SecretString {
    SecretString::from(include_str!("keys/platform.pem"))
}

pub fn public_pem() -> &'static str {
    include_str!("keys/platform.pub.pem")
}

pub fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/ccpro"))
}

/// A client with the test platform key over `mem`, at a fixed clock.
pub fn client(mem: &MemoryTransport) -> Client {
    client_at(mem, Arc::new(FixedClock::at(NOW)))
}

/// [`client`] with another platform id.
pub fn client_for(mem: &MemoryTransport, platform: &str) -> Client {
    Client::builder(Environment::Custom("https://ccpro.test".into()))
        .platform(PlatformKey::from_pem(platform, &private_pem()).unwrap())
        .transport(Arc::new(mem.clone()))
        .retry(payments_core::RetryPolicy::none())
        .clock(Arc::new(FixedClock::at(NOW)))
        .build()
        .unwrap()
}

pub fn client_at(mem: &MemoryTransport, clock: Arc<FixedClock>) -> Client {
    Client::builder(Environment::Custom("https://ccpro.test".into()))
        .platform(PlatformKey::from_pem(PLATFORM, &private_pem()).unwrap())
        .transport(Arc::new(mem.clone()))
        .retry(payments_core::RetryPolicy::none())
        .clock(clock)
        .build()
        .unwrap()
}

/// A user client with a fixed token (no re-login).
pub fn user(mem: &MemoryTransport) -> UserClient {
    client(mem).user(UserSession::from_token(USER, TOKEN))
}

/// Verifies a platform JWT with the test public key: RS512, and returns its claims.
pub fn verify_jwt(token: &str) -> serde_json::Map<String, serde_json::Value> {
    use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
    let header = decode_header(token).unwrap();
    assert_eq!(header.alg, Algorithm::RS512);
    let key = DecodingKey::from_rsa_pem(public_pem().as_bytes()).unwrap();
    let mut v = Validation::new(Algorithm::RS512);
    v.required_spec_claims.clear();
    v.validate_exp = false;
    decode::<serde_json::Map<String, serde_json::Value>>(token, &key, &v)
        .unwrap()
        .claims
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Parses a `multipart/form-data` body (RFC 7578) given its content type; panics on any
/// malformation.
pub fn parse_multipart(content_type: &str, body: &[u8]) -> Vec<Part> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .expect("a boundary parameter");
    let delimiter = format!("--{boundary}");
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + from)
    };
    let mut parts = Vec::new();
    let mut at = find(body, delimiter.as_bytes(), 0).expect("a first delimiter");
    assert_eq!(at, 0, "the body starts with the delimiter");
    loop {
        at += delimiter.len();
        if body[at..].starts_with(b"--") {
            assert_eq!(
                &body[at + 2..],
                b"\r\n",
                "the close delimiter ends the body"
            );
            return parts;
        }
        assert!(body[at..].starts_with(b"\r\n"));
        at += 2;
        let headers_end = find(body, b"\r\n\r\n", at).expect("part headers end");
        let headers = std::str::from_utf8(&body[at..headers_end]).unwrap();
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), headers_end + 4)
            .expect("a next delimiter");
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            body: body[headers_end + 4..next].to_vec(),
        };
        for line in headers.split("\r\n") {
            let (name, value) = line.split_once(':').unwrap();
            match name.to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for p in value.split(';').map(str::trim).skip(1) {
                        let (k, v) = p.split_once('=').unwrap();
                        let v = v.trim_matches('"').to_owned();
                        match k {
                            "name" => part.name = v,
                            "filename" => part.filename = Some(v),
                            other => panic!("unexpected parameter {other}"),
                        }
                    }
                }
                "content-type" => part.content_type = Some(value.trim().to_owned()),
                other => panic!("unexpected part header {other}"),
            }
        }
        parts.push(part);
        at = next + 2;
    }
}
