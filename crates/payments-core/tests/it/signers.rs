//! Every signer through a real `ApiClient` over the in-memory transport; signatures
//! recomputed independently (published vectors, `hmac`/`sha2` directly,
//! `jsonwebtoken::decode`).

use std::sync::Arc;
use std::time::Duration;

use hmac::Mac;
use jsonwebtoken::{Algorithm, DecodingKey, TokenData, Validation};
use payments_core::provider::auth::{
    BearerToken, HmacSha512Signer, JwtAlgorithm, JwtSigner, Sha256NonceSigner,
};
use payments_core::{SecretString, Signer};
use payments_test_support::MemoryTransport;
use payments_test_support::server::{Recorded, Reply};
use serde_json::{Value, json};
use sha2::Digest;

use crate::support::{Call, ConstNonce, NOW, TickingClock, in_memory, key};

/// A client signing with `signer` over a fresh in-memory transport answering `script`.
fn signing(
    signer: impl Signer,
    script: impl IntoIterator<Item = Reply>,
) -> (payments_core::provider::ApiClient, MemoryTransport) {
    let (b, mem) = in_memory(script);
    (b.build(Arc::new(signer)).unwrap(), mem)
}

/// `200 {}`.
fn ok() -> Reply {
    Reply::json(200, "{}")
}

/// A header of a sent request, or a panic naming it.
fn header<'a>(req: &'a Recorded, name: &str) -> &'a str {
    req.header(name)
        .unwrap_or_else(|| panic!("missing header {name} in {:?}", req.headers))
}

/// CoinsPaid's published example.
const COINSPAID_SECRET: &str = "AbCdEfG123456";
const COINSPAID_BODY: &[u8] = br#"{"currency":"BTC","foreign_id":"123456"}"#;
const COINSPAID_SIG: &str = "03c25fcf7cd35e7d995e402cd5d51edd72d48e1471e865907967809a0c189ba55b90815f20e2bb10f82c7a9e9d865546fda58989c2ae9e8e2ff7bc29195fa1ec";

/// Covery's published examples.
const COVERY_SECRET: &str = "asjdh283ysfjhbkjKHGV^7ra/adf2145";
const COVERY_NONCE: &str = "1700000000.1234567890";
const COVERY_BODY: &[u8] = br#"{"type":"login","sequence_id":"abcdef"}"#;
const COVERY_BODY_SIG: &str = "d9cce47823dc24fac9a4142062053d118d0e6cde1a39adb9f0bce4d910a02f49";
const COVERY_EMPTY_SIG: &str = "ea730254d39b1a7f30165b4a1f0d107f5e1fff61a0a0c3206b84291eb0920f5d";

fn secret(s: &str) -> SecretString {
    s.into()
}

fn hmac_sha512_hex(secret: &[u8], body: &[u8]) -> String {
    let mut mac = hmac::Hmac::<sha2::Sha512>::new_from_slice(secret).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update(p);
    }
    hex::encode(h.finalize())
}

#[test]
fn published_vectors_hold_when_recomputed_independently() {
    assert_eq!(
        hmac_sha512_hex(COINSPAID_SECRET.as_bytes(), COINSPAID_BODY),
        COINSPAID_SIG
    );
    let (n, s) = (COVERY_NONCE.as_bytes(), COVERY_SECRET.as_bytes());
    assert_eq!(sha256_hex(&[n, COVERY_BODY, s]), COVERY_BODY_SIG);
    assert_eq!(sha256_hex(&[n, b"", s]), COVERY_EMPTY_SIG);
}

#[tokio::test]
async fn coinspaid_hmac_signs_the_exact_body() {
    let signer =
        HmacSha512Signer::coinspaid(secret("pk-live-123"), secret(COINSPAID_SECRET)).unwrap();
    let (client, mem) = signing(signer, [ok()]);

    client
        .send(&Call::post("/v2/invoices/create", COINSPAID_BODY))
        .await
        .unwrap();

    let req = mem.single();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/v2/invoices/create");
    assert_eq!(req.body, COINSPAID_BODY, "body must be sent byte-exact");
    assert_eq!(header(&req, "content-type"), "application/json");
    assert_eq!(
        header(&req, "content-length"),
        COINSPAID_BODY.len().to_string()
    );
    assert_eq!(header(&req, "X-Processing-Key"), "pk-live-123");
    assert_eq!(header(&req, "X-Processing-Signature"), COINSPAID_SIG);
    assert_eq!(
        header(&req, "X-Processing-Signature"),
        hmac_sha512_hex(COINSPAID_SECRET.as_bytes(), &req.body)
    );
}

#[test]
fn coinspaid_rejects_empty_credentials() {
    assert!(HmacSha512Signer::coinspaid(secret(""), secret("s")).is_err());
    assert!(HmacSha512Signer::coinspaid(secret("k"), secret("")).is_err());
    let e = HmacSha512Signer::coinspaid(secret("bad\nkey-XYZ"), secret("s")).unwrap_err();
    assert!(!e.to_string().contains("key-XYZ"), "{e}");
}

#[tokio::test]
async fn covery_signature_matches_published_vectors() {
    let signer = Sha256NonceSigner::covery(secret("tok-1"), secret(COVERY_SECRET)).unwrap();
    let (b, mem) = in_memory([ok()]);
    let client = b
        .nonce_source(Arc::new(ConstNonce(COVERY_NONCE)))
        .build(Arc::new(signer))
        .unwrap();

    client
        .send(&Call::post("/api/sendEvent", COVERY_BODY))
        .await
        .unwrap();
    client.send(&Call::get("/api/health")).await.unwrap();

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    for (req, path, sig, body) in [
        (&reqs[0], "/api/sendEvent", COVERY_BODY_SIG, COVERY_BODY),
        (&reqs[1], "/api/health", COVERY_EMPTY_SIG, &b""[..]),
    ] {
        assert_eq!(req.path, path);
        assert_eq!(req.body, body);
        assert_eq!(header(req, "X-Auth-Token"), "tok-1");
        assert_eq!(header(req, "X-Auth-Nonce"), COVERY_NONCE);
        assert_eq!(header(req, "X-Auth-Signature"), sig);
        assert_eq!(header(req, "X-Auth-Version"), "1.0");
    }
}

#[tokio::test]
async fn covery_signs_each_attempt_with_a_fresh_nonce() {
    let signer = Sha256NonceSigner::covery(secret("tok-1"), secret(COVERY_SECRET)).unwrap();
    let (client, mem) = signing(signer, [Reply::status(503), ok()]);

    client.send(&Call::get("/api/health")).await.unwrap();

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2, "{reqs:#?}");
    let nonces: Vec<&str> = reqs
        .iter()
        .map(|r| r.header("x-auth-nonce").unwrap())
        .collect();
    assert_eq!(nonces, [format!("{NOW}.1"), format!("{NOW}.2")]);
    for r in &reqs {
        let nonce = r.header("x-auth-nonce").unwrap();
        assert_eq!(r.header("x-auth-token"), Some("tok-1"));
        assert_eq!(r.header("x-auth-version"), Some("1.0"));
        assert_eq!(
            r.header("x-auth-signature").unwrap(),
            sha256_hex(&[nonce.as_bytes(), &r.body, COVERY_SECRET.as_bytes()]),
            "signature of attempt with nonce {nonce}"
        );
    }
    assert_ne!(
        reqs[0].header("x-auth-signature"),
        reqs[1].header("x-auth-signature")
    );
}

#[test]
fn covery_rejects_empty_credentials() {
    assert!(Sha256NonceSigner::covery(secret(""), secret("s")).is_err());
    assert!(Sha256NonceSigner::covery(secret("t"), secret("")).is_err());
}

#[tokio::test]
async fn bearer_token_sends_authorization() {
    let signer = BearerToken::new(secret("x")).unwrap();
    let (client, mem) = signing(signer, [ok()]);

    client.send(&Call::get("/v1/me")).await.unwrap();

    assert_eq!(header(&mem.single(), "authorization"), "Bearer x");
}

#[test]
fn bearer_token_rejects_empty_and_invalid_tokens() {
    assert!(BearerToken::new(secret("")).is_err());
    assert!(BearerToken::new(secret("  \t")).is_err());
    let e = BearerToken::new(secret("abc\ndef-SECRET")).unwrap_err();
    assert!(!e.to_string().contains("def-SECRET"), "{e}");
}

fn verify(token: &str, alg: Algorithm) -> Result<TokenData<Value>, jsonwebtoken::errors::Error> {
    let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
    let public = DecodingKey::from_rsa_pem(key("rsa_public.pem").as_bytes()).unwrap();
    let mut v = Validation::new(alg);
    // The fixed clock is in 2023: expiry is checked by hand below.
    v.validate_exp = false;
    v.required_spec_claims.clear();
    jsonwebtoken::decode(token, &public, &v)
}

fn jwt(key_file: &str, alg: JwtAlgorithm) -> JwtSigner {
    JwtSigner::from_pem(&key(key_file).into(), alg).unwrap()
}

fn bearer(auth: &str) -> &str {
    auth.strip_prefix("Bearer ")
        .unwrap_or_else(|| panic!("not a bearer header: {auth}"))
}

#[test]
fn jwt_from_pem_accepts_pkcs1_and_pkcs8_for_rs256_and_rs512() {
    for file in ["rsa_pkcs1.pem", "rsa_pkcs8.pem"] {
        for (alg, jalg) in [
            (JwtAlgorithm::RS256, Algorithm::RS256),
            (JwtAlgorithm::RS512, Algorithm::RS512),
        ] {
            let signer = jwt(file, alg);
            assert_eq!(signer.algorithm(), alg);
            let token = signer.token(&serde_json::Map::new(), NOW).unwrap();
            let data = verify(&token, jalg).unwrap_or_else(|e| panic!("{file} {alg:?}: {e}"));
            assert_eq!(data.header.alg, jalg);
        }
    }
}

#[test]
fn jwt_from_pem_rejects_bad_keys_without_panicking() {
    let ec = key("ec_p256_pkcs8.pem");
    let pkcs8 = key("rsa_pkcs8.pem");
    let truncated = &pkcs8[..pkcs8.len() / 2];
    let cases = [
        ("empty", ""),
        ("not a PEM", "hello"),
        (
            "garbage PEM",
            "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END RSA PRIVATE KEY-----\n",
        ),
        ("EC key", ec.as_str()),
        ("public key", &key("rsa_public.pem")),
        ("truncated key", truncated),
    ];
    for (what, pem) in cases {
        for alg in [JwtAlgorithm::RS256, JwtAlgorithm::RS512] {
            let e = JwtSigner::from_pem(&pem.into(), alg)
                .map(|_| ())
                .expect_err(what);
            // The error never echoes key material.
            for line in pem
                .lines()
                .filter(|l| l.len() > 20 && !l.starts_with("-----"))
            {
                assert!(!e.to_string().contains(line), "{what}: {e}");
            }
        }
    }
}

#[tokio::test]
async fn jwt_via_client_verifies_with_the_public_key() {
    let signer = jwt("rsa_pkcs8.pem", JwtAlgorithm::RS256)
        .with_ttl(Duration::from_secs(120))
        .with_claim("iss", json!("payments-rs-test"))
        .with_claim("sub", json!("overridden"));
    let (client, mem) = signing(signer, [ok()]);

    let call = Call::post("/v1/orders", br#"{"amount":"1.00"}"#)
        .claims(json!({"sub": "user-1", "uri": "/v1/orders", "iat": 5}));
    client.send(&call).await.unwrap();

    let sent = mem.single();
    let token = bearer(header(&sent, "authorization"));
    let data = verify(token, Algorithm::RS256).unwrap();
    assert_eq!(data.header.alg, Algorithm::RS256);
    assert_eq!(data.header.typ.as_deref(), Some("JWT"));
    assert_eq!(
        data.claims,
        json!({
            "iss": "payments-rs-test",
            "sub": "user-1",
            "uri": "/v1/orders",
            "iat": NOW,
            "exp": NOW + 120,
        })
    );
    // Another algorithm does not verify it.
    assert!(verify(token, Algorithm::RS512).is_err());
}

#[tokio::test]
async fn jwt_rs512_header_names_the_algorithm() {
    let signer = jwt("rsa_pkcs1.pem", JwtAlgorithm::RS512);
    let (client, mem) = signing(signer, [ok()]);

    client.send(&Call::get("/v1/me")).await.unwrap();

    let sent = mem.single();
    let data = verify(bearer(header(&sent, "authorization")), Algorithm::RS512).unwrap();
    assert_eq!(data.header.alg, Algorithm::RS512);
    assert_eq!(
        data.claims["exp"].as_u64().unwrap() - data.claims["iat"].as_u64().unwrap(),
        60
    );
}

#[tokio::test]
async fn jwt_time_claims_can_be_renamed() {
    let signer = jwt("rsa_pkcs1.pem", JwtAlgorithm::RS256)
        .with_ttl(Duration::from_secs(30))
        .with_time_claims(Some("iat"), Some("expire"));
    let (client, mem) = signing(signer, [ok()]);

    client
        .send(&Call::get("/v1/me").claims(json!({"k": 1})))
        .await
        .unwrap();

    let sent = mem.single();
    let claims = verify(bearer(header(&sent, "authorization")), Algorithm::RS256)
        .unwrap()
        .claims;
    assert_eq!(claims, json!({"k": 1, "iat": NOW, "expire": NOW + 30}));
    assert!(claims.get("exp").is_none());
}

#[tokio::test]
async fn jwt_is_signed_afresh_on_every_attempt() {
    let signer = jwt("rsa_pkcs8.pem", JwtAlgorithm::RS256);
    let (b, mem) = in_memory([Reply::status(503), ok()]);
    let client = b
        .clock(Arc::new(TickingClock::default()))
        .build(Arc::new(signer))
        .unwrap();

    client.send(&Call::get("/v1/me")).await.unwrap();

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2, "{reqs:#?}");
    let tokens: Vec<&str> = reqs
        .iter()
        .map(|r| bearer(r.header("authorization").unwrap()))
        .collect();
    assert_ne!(tokens[0], tokens[1], "each attempt carries its own token");
    let claims: Vec<Value> = tokens
        .iter()
        .map(|t| verify(t, Algorithm::RS256).unwrap().claims)
        .collect();
    let iat = |c: &Value| c["iat"].as_u64().unwrap();
    assert_eq!(iat(&claims[0]), NOW);
    assert!(iat(&claims[1]) > iat(&claims[0]), "{claims:?}");
    for c in &claims {
        assert_eq!(c["exp"].as_u64().unwrap() - iat(c), 60);
    }
}

#[tokio::test]
async fn jwt_jti_claim_makes_tokens_unique_at_a_fixed_clock() {
    let signer = jwt("rsa_pkcs8.pem", JwtAlgorithm::RS256).with_jti_claim(Some("jti"));
    // The builder's clock is fixed at NOW; its nonces are `NOW.1`, `NOW.2`, ….
    let (client, mem) = signing(signer, [Reply::status(503), ok()]);

    client
        .send(&Call::get("/v1/me").claims(json!({"k": 1})))
        .await
        .unwrap();

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2, "{reqs:#?}");
    let tokens: Vec<&str> = reqs
        .iter()
        .map(|r| bearer(r.header("authorization").unwrap()))
        .collect();
    assert_ne!(tokens[0], tokens[1], "same second, distinct tokens");
    let claims: Vec<Value> = tokens
        .iter()
        .map(|t| verify(t, Algorithm::RS256).unwrap().claims)
        .collect();
    assert_eq!(
        claims[0],
        json!({"k": 1, "jti": format!("{NOW}.1"), "iat": NOW, "exp": NOW + 60})
    );
    assert_eq!(
        claims[1],
        json!({"k": 1, "jti": format!("{NOW}.2"), "iat": NOW, "exp": NOW + 60})
    );
}

#[tokio::test]
async fn jwt_without_jti_claim_repeats_the_token_at_a_fixed_clock() {
    let signer = jwt("rsa_pkcs8.pem", JwtAlgorithm::RS256).with_jti_claim(None);
    let (client, mem) = signing(signer, [Reply::status(503), ok()]);

    client.send(&Call::get("/v1/me")).await.unwrap();

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2, "{reqs:#?}");
    let a = reqs[0].header("authorization").unwrap();
    let b = reqs[1].header("authorization").unwrap();
    // RSASSA-PKCS1-v1_5 is deterministic: without the claim the tokens are identical.
    assert_eq!(a, b);
    let claims = verify(bearer(a), Algorithm::RS256).unwrap().claims;
    assert!(claims.get("jti").is_none(), "{claims}");
}
