//! Coinify: partner JWTs (signed here with `jsonwebtoken`, independently of any client crate),
//! KYC reviews, document uploads, the approximate quote, countries and payment methods.

use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::time::Duration;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use payments_sandbox::SandboxClock;
use payments_sandbox::coinify::{
    self, DEFAULT_PARTNER_ID, EXAMPLE_KYC_REQUEST, GeneratedKey, MAX_DOCUMENT_BYTES,
};
use payments_sandbox::{Provider, RunningSandbox, Sandbox, SandboxConfig};
use serde_json::{Value, json};

use crate::support::START;

const EXTERNAL_ID: &str = "id-of-the-partner-kyc-review";

struct Cf {
    running: RunningSandbox,
    clock: SandboxClock,
}

struct Raw {
    status: u16,
    text: String,
}

impl Raw {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    fn keys(&self) -> BTreeSet<String> {
        keys(&self.json())
    }

    /// Asserts Coinify's error shape and answers the error code.
    fn error(&self) -> String {
        assert_eq!(
            self.keys(),
            set(&["error", "error_description"]),
            "{}",
            self.text
        );
        self.json()["error"].as_str().unwrap().to_owned()
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

/// A second key pair the sandbox does not know (RSA keygen is slow in debug: once).
fn other_key() -> &'static GeneratedKey {
    static KEY: OnceLock<GeneratedKey> = OnceLock::new();
    KEY.get_or_init(|| coinify::generate_key_pair().unwrap())
}

/// A JWT of `claims` plus `iat = START` and `exp = START + 60`, signed with `private_pem`.
fn sign_with(private_pem: &str, alg: Algorithm, claims: Value) -> String {
    let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
    let mut claims = claims;
    let obj = claims.as_object_mut().unwrap();
    obj.entry("iat").or_insert(json!(START));
    obj.entry("exp").or_insert(json!(START + 60));
    let key = EncodingKey::from_rsa_pem(private_pem.as_bytes()).unwrap();
    jsonwebtoken::encode(&Header::new(alg), &claims, &key).unwrap()
}

async fn start_with(config: SandboxConfig) -> Cf {
    let clock = SandboxClock::fixed(START);
    let running = Sandbox::start(config.with_clock(clock.clone()))
        .await
        .unwrap();
    Cf { running, clock }
}

async fn start() -> Cf {
    start_with(SandboxConfig::default()).await
}

fn kyc_claims(trader_id: u64, external_id: &str) -> Value {
    json!({"traderId": trader_id, "externalId": external_id})
}

fn kyc_body(trader_id: u64, external_id: &str) -> String {
    let mut body: Value = serde_json::from_str(EXAMPLE_KYC_REQUEST).unwrap();
    body["traderId"] = json!(trader_id);
    body["externalId"] = json!(external_id);
    body.to_string()
}

impl Cf {
    fn partner(&self) -> String {
        self.running.credentials().coinify_partner_id.clone()
    }

    fn sign(&self, claims: Value) -> String {
        sign_with(
            &self.running.credentials().coinify_private_key_pem,
            Algorithm::RS256,
            claims,
        )
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: impl Into<axum::body::Body>,
    ) -> Raw {
        let answer = crate::support::oneshot(
            self.running.sandbox(),
            method,
            &format!("{}{path}", Provider::Coinify.prefix()),
            headers,
            body,
        )
        .await;
        if answer.status != 204 {
            assert_eq!(
                answer.headers["content-type"], "application/json",
                "{method} {path}"
            );
        }
        Raw {
            status: answer.status,
            text: answer.text(),
        }
    }

    async fn get(&self, path: &str) -> Raw {
        self.send("GET", path, &[], Vec::new()).await
    }

    /// A KYC review with `token` (`None`: no Authorization header).
    async fn kyc_as(&self, token: Option<&str>, body: &str) -> Raw {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![("content-type", "application/json")];
        if let Some(auth) = &auth {
            headers.push(("authorization", auth));
        }
        let path = format!("/partners/{}/kyc", self.partner());
        self.send("POST", &path, &headers, body.to_owned()).await
    }

    /// A KYC review whose JWT matches the body.
    async fn kyc(&self, trader_id: u64, external_id: &str) -> Raw {
        let token = self.sign(kyc_claims(trader_id, external_id));
        self.kyc_as(Some(&token), &kyc_body(trader_id, external_id))
            .await
    }

    /// A new review's id.
    async fn review(&self, external_id: &str) -> String {
        let raw = self.kyc(123, external_id).await;
        assert_eq!(raw.status, 201, "{}", raw.text);
        raw.json()["id"].as_str().unwrap().to_owned()
    }

    /// A document upload; `headers` override or add to the defaults (an empty value drops
    /// the header).
    async fn upload(
        &self,
        review_id: &str,
        token: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Raw {
        let auth = format!("Bearer {token}");
        let mut all: Vec<(&str, &str)> = vec![
            ("authorization", &auth),
            ("content-type", "image/jpeg"),
            ("x-upload-filename", "my_filename.jpg"),
            ("x-upload-document-type", "national_id"),
            ("x-upload-external-id", "your-reference-for-this-document"),
        ];
        for (name, value) in headers {
            all.retain(|(n, _)| n != name);
            if !value.is_empty() {
                all.push((name, value));
            }
        }
        let path = format!("/partners/{}/kyc/{review_id}/documents", self.partner());
        self.send("POST", &path, &all, body).await
    }

    fn doc_token(&self, review_id: &str, external_id: &str) -> String {
        self.sign(json!({"reviewId": review_id, "externalId": external_id}))
    }
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && s.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit())
}

// ---------------------------------------------------------------------------------------
// KYC

#[tokio::test]
async fn kyc_review_is_created_then_found_again() {
    let cf = start().await;
    let first = cf.kyc(123, EXTERNAL_ID).await;
    assert_eq!(first.status, 201, "{}", first.text);
    // The documented response keys.
    assert_eq!(first.keys(), set(&["id", "externalId"]));
    let id = first.json()["id"].as_str().unwrap().to_owned();
    assert!(is_uuid(&id), "{id}");
    assert_eq!(first.json()["externalId"], EXTERNAL_ID);

    // The same externalId again: 200, the same id, nothing changed (even with another body).
    let again = cf.kyc(456, EXTERNAL_ID).await;
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(again.json(), json!({"id": id, "externalId": EXTERNAL_ID}));

    let other = cf.kyc(123, "another-review").await;
    assert_eq!(other.status, 201);
    assert_ne!(other.json()["id"], json!(id));

    let reviews = cf.running.sandbox().coinify_reviews();
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0].id, id);
    assert_eq!(reviews[0].trader_id, 123);
    assert_eq!(reviews[0].external_id, EXTERNAL_ID);

    // Reset forgets reviews and restarts the ids.
    cf.running.sandbox().reset();
    let after = cf.kyc(123, EXTERNAL_ID).await;
    assert_eq!(after.status, 201);
    assert_eq!(after.json()["id"], json!(id));
}

#[tokio::test]
async fn review_ids_follow_the_seed() {
    let id = |seed: u64| async move {
        let cf = start_with(SandboxConfig::default().with_seed(seed)).await;
        cf.review(EXTERNAL_ID).await
    };
    assert_eq!(id(7).await, id(7).await);
    assert_ne!(id(7).await, id(8).await);
}

#[tokio::test]
async fn jwt_claims_must_match_the_body() {
    let cf = start().await;
    let body = kyc_body(123, EXTERNAL_ID);
    for claims in [
        kyc_claims(124, EXTERNAL_ID),
        kyc_claims(123, "someone-else"),
        json!({"traderId": "123", "externalId": EXTERNAL_ID}),
        json!({"externalId": EXTERNAL_ID}),
        json!({"traderId": 123}),
    ] {
        let raw = cf.kyc_as(Some(&cf.sign(claims.clone())), &body).await;
        assert_eq!(raw.status, 401, "{claims}: {}", raw.text);
        assert_eq!(raw.error(), "unauthorized");
    }
    assert!(cf.running.sandbox().coinify_reviews().is_empty());
}

#[tokio::test]
async fn expired_and_future_tokens_are_refused() {
    let cf = start().await;
    let body = kyc_body(123, EXTERNAL_ID);
    let token = cf.sign(kyc_claims(123, EXTERNAL_ID)); // exp = START + 60

    // Past exp by more than the leeway on the sandbox's clock.
    cf.clock
        .advance(Duration::from_secs(60 + coinify::JWT_LEEWAY_SECS + 1));
    let raw = cf.kyc_as(Some(&token), &body).await;
    assert_eq!(raw.status, 401, "{}", raw.text);
    assert_eq!(raw.error(), "unauthorized");
    assert!(
        raw.json()["error_description"]
            .as_str()
            .unwrap()
            .contains("expired")
    );

    // Within the leeway it still passes.
    let cf = start().await;
    cf.clock.advance(Duration::from_secs(60 + 10));
    assert_eq!(cf.kyc_as(Some(&token), &body).await.status, 201);

    // No exp at all, a non-numeric exp, an iat in the future.
    let cf = start().await;
    let pem = cf.running.credentials().coinify_private_key_pem.clone();
    let no_exp = {
        let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
        let key = EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap();
        jsonwebtoken::encode(
            &Header::new(Algorithm::RS256),
            &kyc_claims(123, EXTERNAL_ID),
            &key,
        )
        .unwrap()
    };
    let mut bad_exp = kyc_claims(123, EXTERNAL_ID);
    bad_exp["exp"] = json!("tomorrow");
    let mut future = kyc_claims(123, EXTERNAL_ID);
    future["iat"] = json!(START + 3600);
    future["exp"] = json!(START + 3660);
    for token in [
        no_exp,
        sign_with(&pem, Algorithm::RS256, bad_exp),
        sign_with(&pem, Algorithm::RS256, future),
    ] {
        let raw = cf.kyc_as(Some(&token), &body).await;
        assert_eq!(raw.status, 401, "{}", raw.text);
        assert_eq!(raw.error(), "unauthorized");
    }
}

#[tokio::test]
async fn only_the_partner_key_signs() {
    let cf = start().await;
    let body = kyc_body(123, EXTERNAL_ID);
    let claims = kyc_claims(123, EXTERNAL_ID);
    let wrong_key = sign_with(
        &other_key().private_key_pem,
        Algorithm::RS256,
        claims.clone(),
    );
    let hmac = {
        let key = EncodingKey::from_secret(b"guess");
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &key).unwrap()
    };
    let good = cf.sign(claims.clone());
    let (head, rest) = good.split_once('.').unwrap();
    let (_, sig) = rest.split_once('.').unwrap();
    let forged_payload = format!(
        "{head}.{}.{sig}",
        base64_url(&kyc_claims(124, EXTERNAL_ID).to_string())
    );
    for token in [
        Some(wrong_key.as_str()),
        Some(hmac.as_str()),
        Some(forged_payload.as_str()),
        Some("not-a-jwt"),
        None,
    ] {
        let raw = cf.kyc_as(token, &body).await;
        assert_eq!(raw.status, 401, "{token:?}: {}", raw.text);
        assert_eq!(raw.error(), "unauthorized");
    }
    // Not a bearer token.
    let raw = cf
        .send(
            "POST",
            &format!("/partners/{}/kyc", cf.partner()),
            &[("authorization", &format!("Basic {good}"))],
            body.clone(),
        )
        .await;
    assert_eq!(raw.status, 401);

    // RS512 is accepted too.
    let rs512 = sign_with(
        &cf.running.credentials().coinify_private_key_pem,
        Algorithm::RS512,
        claims,
    );
    assert_eq!(cf.kyc_as(Some(&rs512), &body).await.status, 201);
}

fn base64_url(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

#[tokio::test]
async fn a_configured_public_key_replaces_the_generated_one() {
    let cf = start_with(
        SandboxConfig::default().with_coinify_public_key(other_key().public_key_pem.clone()),
    )
    .await;
    let creds = cf.running.credentials();
    assert!(creds.coinify_private_key_pem.is_empty());
    assert_eq!(creds.coinify_public_key_pem, other_key().public_key_pem);
    let body = kyc_body(123, EXTERNAL_ID);
    let generated = coinify::generated_key().unwrap();
    let refused = sign_with(
        &generated.private_key_pem,
        Algorithm::RS256,
        kyc_claims(123, EXTERNAL_ID),
    );
    assert_eq!(cf.kyc_as(Some(&refused), &body).await.status, 401);
    let accepted = sign_with(
        &other_key().private_key_pem,
        Algorithm::RS256,
        kyc_claims(123, EXTERNAL_ID),
    );
    assert_eq!(cf.kyc_as(Some(&accepted), &body).await.status, 201);

    // A key that does not parse is the sandbox's fault: 500.
    let cf = start_with(SandboxConfig::default().with_coinify_public_key("nonsense")).await;
    let raw = cf.kyc_as(Some(&accepted), &body).await;
    assert_eq!(raw.status, 500);
    assert_eq!(raw.error(), "internal_error");
}

#[tokio::test]
async fn generated_credentials_are_a_matching_pair() {
    let creds = payments_sandbox::Credentials::default();
    assert_eq!(creds.coinify_partner_id, DEFAULT_PARTNER_ID);
    assert!(
        creds
            .coinify_private_key_pem
            .starts_with("-----BEGIN PRIVATE KEY-----\n")
    );
    assert!(
        creds
            .coinify_public_key_pem
            .starts_with("-----BEGIN PUBLIC KEY-----\n")
    );
    // Generated once per process.
    assert_eq!(creds, payments_sandbox::Credentials::default());

    let dir = std::env::temp_dir().join(format!("payments-sandbox-coinify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = coinify::write_generated_key(&dir).unwrap();
    assert_eq!(path, dir.join(coinify::GENERATED_KEY_FILE_NAME));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        creds.coinify_private_key_pem
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Writing again replaces the file.
    assert_eq!(coinify::write_generated_key(&dir).unwrap(), path);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn unknown_or_malformed_partner_ids() {
    let cf = start().await;
    let unknown = "00000000-0000-4000-8000-000000000000";
    let token = cf.sign(kyc_claims(123, EXTERNAL_ID));
    let auth = format!("Bearer {token}");
    let body = kyc_body(123, EXTERNAL_ID);
    for (path, status, code) in [
        (format!("/partners/{unknown}/kyc"), 404, "not_found"),
        ("/partners/partner-1/kyc".to_owned(), 400, "invalid_request"),
    ] {
        let raw = cf
            .send("POST", &path, &[("authorization", &auth)], body.clone())
            .await;
        assert_eq!(raw.status, status, "{path}: {}", raw.text);
        assert_eq!(raw.error(), code);
    }
    for path in [
        format!("/partners/{unknown}/payment-methods"),
        format!(
            "/partners/{unknown}/approximate-quote?baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC"
        ),
        format!("/countries/{unknown}"),
    ] {
        let raw = cf.get(&path).await;
        assert_eq!(raw.status, 404, "{path}");
        assert_eq!(raw.error(), "not_found");
    }
    // Partner ids are UUIDs: either case.
    let upper = cf
        .get(&format!("/countries/{}", DEFAULT_PARTNER_ID.to_uppercase()))
        .await;
    assert_eq!(upper.status, 200);
    // Unknown routes and methods have the same shape.
    assert_eq!(cf.get("/nowhere").await.error(), "not_found");
    let raw = cf
        .send(
            "DELETE",
            &format!("/partners/{}/kyc", cf.partner()),
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(raw.status, 405);
    assert_eq!(raw.error(), "method_not_allowed");
}

#[tokio::test]
async fn kyc_fields_are_validated() {
    let cf = start().await;
    let token = cf.sign(kyc_claims(123, EXTERNAL_ID));
    let base: Value = serde_json::from_str(&kyc_body(123, EXTERNAL_ID)).unwrap();
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        ("state", Box::new(|b| b["state"] = json!("pending"))),
        (
            "approveTime",
            Box::new(|b| b["approveTime"] = json!("2018-11-19")),
        ),
        (
            "createTime",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("createTime");
            }),
        ),
        (
            "pep.approved",
            Box::new(|b| b["pep"]["approved"] = json!("yes")),
        ),
        (
            "sanction.approveTime",
            Box::new(|b| b["sanction"]["approveTime"] = json!("yesterday")),
        ),
        (
            "profile.citizenCountry",
            Box::new(|b| b["profile"]["citizenCountry"] = json!("XX")),
        ),
        (
            "profile.citizenCountry",
            Box::new(|b| b["profile"]["citizenCountry"] = json!("dk")),
        ),
        (
            "profile.dateOfBirth",
            Box::new(|b| b["profile"]["dateOfBirth"] = json!("1988-02-30")),
        ),
        (
            "profile.name",
            Box::new(|b| b["profile"]["name"] = json!("")),
        ),
        (
            "profile.address.country",
            Box::new(|b| b["profile"]["address"]["country"] = json!("ZZ")),
        ),
        (
            "profile.address.street",
            Box::new(|b| b["profile"]["address"]["street"] = json!(7)),
        ),
        (
            "profile.address.state",
            Box::new(|b| b["profile"]["address"]["state"] = json!(null)),
        ),
        ("traderId", Box::new(|b| b["traderId"] = json!(-1))),
    ];
    for (field, change) in cases {
        let mut body = base.clone();
        change(&mut body);
        let raw = cf.kyc_as(Some(&token), &body.to_string()).await;
        assert_eq!(raw.status, 400, "{field}: {}", raw.text);
        assert_eq!(raw.error(), "invalid_request");
        let description = raw.json()["error_description"].as_str().unwrap().to_owned();
        assert!(description.starts_with(field), "{field}: {description}");
    }
    let raw = cf.kyc_as(Some(&token), "not json").await;
    assert_eq!(raw.status, 400);

    // The docs' own example (country "UK", no address.state) passes; so does a state.
    let mut body = base.clone();
    body["profile"]["address"]["state"] = json!("Greater London");
    body["approveTime"] = json!("2018-11-19T01:23:35.250+01:00");
    let raw = cf.kyc_as(Some(&token), &body.to_string()).await;
    assert_eq!(raw.status, 201, "{}", raw.text);
}

// ---------------------------------------------------------------------------------------
// Documents

#[tokio::test]
async fn documents_upload_and_repeat() {
    let cf = start().await;
    let review = cf.review(EXTERNAL_ID).await;
    let token = cf.doc_token(&review, "your-reference-for-this-document");
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    let raw = cf.upload(&review, &token, &[], jpeg.clone()).await;
    assert_eq!(raw.status, 201, "{}", raw.text);
    // The documented response keys.
    assert_eq!(raw.keys(), set(&["id", "externalId"]));
    assert_eq!(raw.json()["externalId"], "your-reference-for-this-document");
    let id = raw.json()["id"].as_str().unwrap().to_owned();
    assert!(is_uuid(&id));

    // A retry of the same document: 200 and the same id; the same reference for other
    // bytes: 400.
    let again = cf.upload(&review, &token, &[], jpeg.clone()).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["id"], json!(id));
    let clash = cf.upload(&review, &token, &[], b"other".to_vec()).await;
    assert_eq!(clash.status, 400);
    assert_eq!(clash.error(), "invalid_request");

    // A PDF selfie with a parameterised content type.
    let token2 = cf.doc_token(&review, "doc-2");
    let raw = cf
        .upload(
            &review,
            &token2,
            &[
                ("content-type", "application/pdf; charset=binary"),
                ("x-upload-document-type", "selfie"),
                ("x-upload-external-id", "doc-2"),
                ("x-upload-filename", "me.pdf"),
            ],
            b"%PDF-1.7".to_vec(),
        )
        .await;
    assert_eq!(raw.status, 201, "{}", raw.text);

    let reviews = cf.running.sandbox().coinify_reviews();
    let docs = &reviews[0].documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, id);
    assert_eq!(docs[0].size, jpeg.len());
    assert_eq!(docs[0].document_type, "national_id");
    assert_eq!(docs[0].filename, "my_filename.jpg");
    assert_eq!(docs[0].content_type, "image/jpeg");
    assert_eq!(docs[0].sha256.len(), 64);
    assert_eq!(docs[1].content_type, "application/pdf");
    assert_eq!(docs[1].document_type, "selfie");

    // The log keeps the size, not the bytes, and hides the token.
    let log = cf.running.sandbox().requests();
    let upload = log.iter().find(|r| r.path.ends_with("/documents")).unwrap();
    assert_eq!(upload.body, format!("[{} bytes]", jpeg.len()));
    assert!(
        upload
            .headers
            .iter()
            .any(|(n, v)| n == "authorization" && v == "[REDACTED]")
    );
}

#[tokio::test]
async fn document_jwt_must_match_path_and_headers() {
    let cf = start().await;
    let review = cf.review(EXTERNAL_ID).await;
    let other_review = cf.review("second-review").await;
    for token in [
        // reviewId of another review.
        cf.doc_token(&other_review, "your-reference-for-this-document"),
        // externalId other than X-Upload-External-Id.
        cf.doc_token(&review, "another-reference"),
        // a KYC token.
        cf.sign(kyc_claims(123, "your-reference-for-this-document")),
    ] {
        let raw = cf.upload(&review, &token, &[], b"bytes".to_vec()).await;
        assert_eq!(raw.status, 401, "{}", raw.text);
        assert_eq!(raw.error(), "unauthorized");
    }
    // Unknown review (the JWT names it): 404.
    let unknown = "00000000-0000-4000-8000-000000000000";
    let raw = cf
        .upload(
            unknown,
            &cf.doc_token(unknown, "your-reference-for-this-document"),
            &[],
            b"bytes".to_vec(),
        )
        .await;
    assert_eq!(raw.status, 404);
    assert_eq!(raw.error(), "not_found");
    assert!(
        cf.running.sandbox().coinify_reviews()[0]
            .documents
            .is_empty()
    );
}

#[tokio::test]
async fn document_headers_are_validated() {
    let cf = start().await;
    let review = cf.review(EXTERNAL_ID).await;
    let token = cf.doc_token(&review, "your-reference-for-this-document");
    for (header, value) in [
        ("content-type", ""),
        ("content-type", "image/gif"),
        ("x-upload-filename", ""),
        ("x-upload-document-type", ""),
        ("x-upload-document-type", "utility_bill"),
    ] {
        let raw = cf
            .upload(&review, &token, &[(header, value)], b"bytes".to_vec())
            .await;
        assert_eq!(raw.status, 400, "{header}={value:?}: {}", raw.text);
        assert_eq!(raw.error(), "invalid_request");
    }
    // Without X-Upload-External-Id the JWT cannot match, but the missing header is named.
    let raw = cf
        .upload(
            &review,
            &token,
            &[("x-upload-external-id", "")],
            b"x".to_vec(),
        )
        .await;
    assert_eq!(raw.status, 400);
    assert!(
        raw.json()["error_description"]
            .as_str()
            .unwrap()
            .starts_with("x-upload-external-id")
    );
    let raw = cf.upload(&review, &token, &[], Vec::new()).await;
    assert_eq!(raw.status, 400, "empty document");
}

#[tokio::test]
async fn documents_up_to_25_mb() {
    let cf = start().await;
    let review = cf.review(EXTERNAL_ID).await;

    // Past the sandbox's usual 1 MiB and axum's 2 MB default.
    let token = cf.doc_token(&review, "big");
    let raw = cf
        .upload(
            &review,
            &token,
            &[("x-upload-external-id", "big")],
            vec![7u8; 3 * 1024 * 1024],
        )
        .await;
    assert_eq!(raw.status, 201, "{}", raw.text);

    // One byte over the limit: refused with the documented 400.
    let token = cf.doc_token(&review, "too-big");
    let raw = cf
        .upload(
            &review,
            &token,
            &[("x-upload-external-id", "too-big")],
            vec![0u8; MAX_DOCUMENT_BYTES + 1],
        )
        .await;
    assert_eq!(raw.status, 400, "{}", raw.text);
    assert_eq!(raw.error(), "invalid_request");
    assert!(
        raw.json()["error_description"]
            .as_str()
            .unwrap()
            .contains("25 MB")
    );
    let docs = &cf.running.sandbox().coinify_reviews()[0].documents;
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].size, 3 * 1024 * 1024);
}

// ---------------------------------------------------------------------------------------
// Approximate quote, countries, payment methods

async fn quote(cf: &Cf, query: &str) -> Raw {
    cf.get(&format!(
        "/partners/{}/approximate-quote?{query}",
        cf.partner()
    ))
    .await
}

#[tokio::test]
async fn approximate_quote_numbers_are_exact() {
    let cf = start().await;
    // The docs' example request: send 100 EUR by card, receive BTC on the blockchain.
    // 100 / 60000 = 0.00166666… BTC, less the 0.000195 BTC network fee, rounded down to 8
    // places; the card fee (4.99 %, at least 1 EUR) comes on top.
    let raw = quote(
        &cf,
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=card&transferOutMedium=blockchain",
    )
    .await;
    assert_eq!(raw.status, 200, "{}", raw.text);
    assert_eq!(
        raw.text,
        r#"{"baseAmount":-100,"baseCurrency":"EUR","quoteAmount":0.00147166,"quoteCurrency":"BTC","transferIn":{"medium":"card","feeAmount":4.99,"currency":"EUR"},"transferOut":{"medium":"blockchain","feeAmount":0.000195,"currency":"BTC"}}"#
    );
    // The documented keys, nested ones too.
    let example: Value = json!({
        "baseAmount": -100, "baseCurrency": "EUR", "quoteAmount": 0.0012814,
        "quoteCurrency": "BTC",
        "transferIn": {"medium": "card", "feeAmount": 4.99, "currency": "EUR"},
        "transferOut": {"medium": "blockchain", "feeAmount": 0.000195, "currency": "BTC"}
    });
    let got = raw.json();
    assert_eq!(keys(&got), keys(&example));
    assert_eq!(keys(&got["transferIn"]), keys(&example["transferIn"]));
    assert_eq!(keys(&got["transferOut"]), keys(&example["transferOut"]));

    // Receive 0.01 BTC: pay (0.01 + 0.000195) × 60000 = 611.70 EUR, card fee 4.99 % of it
    // (30.52383) rounded to cents.
    let raw = quote(
        &cf,
        "baseAmount=0.01&baseCurrency=BTC&quoteCurrency=EUR&transferInMedium=card&transferOutMedium=blockchain",
    )
    .await;
    assert_eq!(
        raw.text,
        r#"{"baseAmount":0.01,"baseCurrency":"BTC","quoteAmount":-611.7,"quoteCurrency":"EUR","transferIn":{"medium":"card","feeAmount":30.52,"currency":"EUR"},"transferOut":{"medium":"blockchain","feeAmount":0.000195,"currency":"BTC"}}"#
    );

    // The card fee's minimum: 10 EUR × 4.99 % = 0.499 < 1 EUR.
    let raw = quote(
        &cf,
        "baseAmount=-10&baseCurrency=EUR&quoteCurrency=ETH&transferInMedium=card&transferOutMedium=blockchain",
    )
    .await;
    assert_eq!(raw.json()["transferIn"]["feeAmount"], json!(1));
    // 10 / 3000 − 0.0021 = 0.00123333… → 0.00123333.
    assert!(
        raw.text.contains(r#""quoteAmount":0.00123333,"#),
        "{}",
        raw.text
    );

    // Selling 0.5 BTC to a bank account: 30000 EUR less the 1 EUR payout fee.
    let raw = quote(
        &cf,
        "baseAmount=-0.5&baseCurrency=BTC&quoteCurrency=EUR&transferInMedium=blockchain&transferOutMedium=bank",
    )
    .await;
    assert_eq!(
        raw.text,
        r#"{"baseAmount":-0.5,"baseCurrency":"BTC","quoteAmount":29999,"quoteCurrency":"EUR","transferIn":{"medium":"blockchain","feeAmount":0,"currency":"BTC"},"transferOut":{"medium":"bank","feeAmount":1,"currency":"EUR"}}"#
    );

    // Without media: no fees and no transfer objects. Percent-encoded minus sign.
    let raw = quote(&cf, "baseAmount=%2D100&baseCurrency=EUR&quoteCurrency=BTC").await;
    assert_eq!(
        raw.text,
        r#"{"baseAmount":-100,"baseCurrency":"EUR","quoteAmount":0.00166666,"quoteCurrency":"BTC"}"#
    );
}

#[tokio::test]
async fn approximate_quote_is_validated() {
    let cf = start().await;
    for query in [
        "baseCurrency=EUR&quoteCurrency=BTC",
        "baseAmount=abc&baseCurrency=EUR&quoteCurrency=BTC",
        "baseAmount=1e3&baseCurrency=EUR&quoteCurrency=BTC",
        "baseAmount=0&baseCurrency=EUR&quoteCurrency=BTC",
        "baseAmount=-100&baseCurrency=XYZ&quoteCurrency=BTC",
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=USD",
        "baseAmount=-100&baseCurrency=BTC&quoteCurrency=ETH",
        "baseAmount=-100&baseCurrency=EUR",
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=card",
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferOutMedium=blockchain",
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=cash&transferOutMedium=blockchain",
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=blockchain&transferOutMedium=bank",
        "baseAmount=-1&baseCurrency=BTC&quoteCurrency=EUR&transferInMedium=card&transferOutMedium=blockchain",
        "baseAmount=-0.01&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=card&transferOutMedium=blockchain",
        "baseAmount=-99999999999999&baseCurrency=EUR&quoteCurrency=BTC",
        "baseAmount=-1&baseAmount=-2&baseCurrency=EUR&quoteCurrency=BTC",
    ] {
        let raw = quote(&cf, query).await;
        assert_eq!(raw.status, 400, "{query}: {}", raw.text);
        assert_eq!(raw.error(), "invalid_request", "{query}");
    }
}

#[tokio::test]
async fn countries_table() {
    let cf = start().await;
    let raw = cf.get(&format!("/countries/{}", cf.partner())).await;
    assert_eq!(raw.status, 200, "{}", raw.text);
    let got = raw.json();
    // The documented entries, exactly.
    assert_eq!(
        got["AT"],
        json!({"supported": true, "supportedTransferInMedia": ["card"]})
    );
    for code in ["BE", "BG", "HR"] {
        assert_eq!(
            got[code],
            json!({"supported": true, "supportedTransferInMedia": ["card", "bank", "blockchain"]}),
            "{code}"
        );
    }
    assert_eq!(keys(&got["US"]), set(&["supported", "states"]));
    assert_eq!(got["US"]["supported"], json!(false));
    assert_eq!(
        got["US"]["states"]["LA"],
        json!({"supported": false, "supportedTransferInMedia": []})
    );
    assert_eq!(
        got["US"]["states"]["OR"],
        json!({"supported": false, "supportedTransferInMedia": ["card", "bank", "blockchain"]})
    );
    assert_eq!(
        keys(&got),
        coinify::COUNTRIES
            .iter()
            .map(|c| c.code.to_owned())
            .collect()
    );

    // The documented errors: a missing id is 404 not_found, a malformed one 400.
    let raw = cf.get("/countries").await;
    assert_eq!(raw.status, 404);
    assert_eq!(raw.error(), "not_found");
    let raw = cf.get("/countries/").await;
    assert_eq!(raw.status, 404);
    let raw = cf.get("/countries/not-a-uuid").await;
    assert_eq!(raw.status, 400);
    assert_eq!(raw.error(), "invalid_request");
}

#[tokio::test]
async fn payment_methods_table() {
    let cf = start().await;
    let raw = cf
        .get(&format!("/partners/{}/payment-methods", cf.partner()))
        .await;
    assert_eq!(raw.status, 200, "{}", raw.text);
    let got = raw.json();
    let methods = got.as_array().unwrap();
    assert_eq!(
        methods
            .iter()
            .map(|m| (
                m["inMedium"].as_str().unwrap(),
                m["outMedium"].as_str().unwrap()
            ))
            .collect::<Vec<_>>(),
        [
            ("card", "blockchain"),
            ("bank", "blockchain"),
            ("blockchain", "bank")
        ]
    );
    let documented = set(&[
        "inMedium",
        "outMedium",
        "inCurrencies",
        "outCurrencies",
        "inFixedFees",
        "inPercentageFee",
        "minimumInFees",
        "outFixedFees",
        "outPercentageFee",
        "minimumOutFees",
        "minimumInAmounts",
    ]);
    for m in methods {
        // No trader-specific keys (canTrade, cannotTradeReasons, limitInAmounts).
        assert_eq!(keys(m), documented);
    }
    let card = &methods[0];
    assert_eq!(card["inCurrencies"], json!(["EUR", "USD", "GBP", "DKK"]));
    assert_eq!(card["outCurrencies"], json!(["BTC", "ETH", "LTC"]));
    // Numbers written exactly.
    assert!(
        raw.text.contains(r#""inPercentageFee":4.99,"#),
        "{}",
        raw.text
    );
    assert!(
        raw.text
            .contains(r#""outFixedFees":{"BTC":0.000195,"ETH":0.0021,"LTC":0.001}"#)
    );
    assert_eq!(card["minimumInFees"]["DKK"], json!(7.5));
}

/// Every documented request example in `fixtures/coinify/docs` (whatever its file is called),
/// sent as documented with the sandbox's partner id and a JWT of the documented payload, gets
/// the documented status and the documented keys.
#[tokio::test]
async fn every_documented_request_gets_the_documented_status_and_keys() {
    let cf = start().await;
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/coinify/docs");
    let read = |name: &str| -> Option<Value> {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        Some(serde_json::from_str(&text).unwrap())
    };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut requests: Vec<(String, Value)> = names
        .iter()
        .filter_map(|n| Some((n.strip_suffix(".request.json")?.to_owned(), read(n)?)))
        .collect();
    // Reviews before their documents.
    requests.sort_by_key(|(_, r)| r["path"].as_str().unwrap().contains(":review-id"));
    assert!(requests.len() >= 3, "{names:?}");
    let mut review_id: Option<String> = None;
    let mut checked = 0;
    for (prefix, request) in requests {
        let Some(response_name) = names
            .iter()
            .find(|n| n.starts_with(&format!("{prefix}.response.")))
        else {
            continue;
        };
        let response = read(response_name).unwrap();
        let method = request["method"].as_str().unwrap();
        let mut path = request["path"]
            .as_str()
            .unwrap()
            .replace(":partner-id", DEFAULT_PARTNER_ID)
            .replace(":id", DEFAULT_PARTNER_ID);
        if let Some(id) = &review_id {
            path = path.replace(":review-id", id);
        }
        let body = &request["body"];
        let (path, payload): (String, Vec<u8>) = match (method, body) {
            ("GET", Value::Object(query)) => {
                let query: Vec<String> = query
                    .iter()
                    .map(|(k, v)| match v {
                        Value::String(s) => format!("{k}={s}"),
                        other => format!("{k}={other}"),
                    })
                    .collect();
                (format!("{path}?{}", query.join("&")), Vec::new())
            }
            (_, Value::Null) if method == "POST" => (path, vec![0xFF; 284]),
            (_, Value::Null) => (path, Vec::new()),
            (_, body) => (path, body.to_string().into_bytes()),
        };
        let mut headers: Vec<(String, String)> = request["headers"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| {
                !["host", "content-length", "authorization"]
                    .contains(&k.to_ascii_lowercase().as_str())
            })
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect();
        if let Some(jwt) = read(&format!("{prefix}.jwt-payload.json")) {
            let mut claims = jwt["body"].clone();
            if let (Some(id), Some(c)) = (&review_id, claims.get_mut("reviewId")) {
                *c = json!(id);
            }
            headers.push((
                "authorization".to_owned(),
                format!("Bearer {}", cf.sign(claims)),
            ));
        }
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let raw = cf.send(method, &path, &headers, payload).await;
        let status = response["status"].as_u64().unwrap();
        assert_eq!(u64::from(raw.status), status, "{prefix}: {}", raw.text);
        let want = &response["body"];
        if want.is_object() {
            // Every documented key is answered; the countries map answers more countries
            // than the documented excerpt.
            let (got, documented) = (raw.keys(), keys(want));
            assert!(
                documented.is_subset(&got),
                "{prefix}: missing {:?} in {}",
                documented.difference(&got).collect::<Vec<_>>(),
                raw.text
            );
        } else if want.is_array() {
            assert!(raw.json().is_array(), "{prefix}: {}", raw.text);
        }
        if path.ends_with("/kyc") {
            review_id = raw.json()["id"].as_str().map(str::to_owned);
        }
        checked += 1;
    }
    assert!(checked >= 3, "{checked}");
}
