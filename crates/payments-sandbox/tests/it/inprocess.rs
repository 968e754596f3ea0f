//! The router driven in-process with tower's `oneshot` (no sockets): the test clock, fault
//! rules, the reasons of refusals, 404 before authentication, and the operation tables.

use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use payments_core::digest::{hmac_sha512_hex, sha256_nonce_hex};
use payments_sandbox::coinify::DEFAULT_PARTNER_ID;
use payments_sandbox::{
    FAULT_HEADER, Provider, REASON_HEADER, Sandbox, SandboxClock, SandboxConfig,
};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::support::START;

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    fn reason(&self) -> &str {
        self.header(REASON_HEADER)
            .unwrap_or_else(|| panic!("no reason: {} {}", self.status, self.body))
    }
}

fn sandbox() -> (Sandbox, Router) {
    let sandbox = Sandbox::new(SandboxConfig::default().with_clock(SandboxClock::fixed(START)));
    let router = sandbox.router();
    (sandbox, router)
}

async fn send(
    router: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(Body::from(body.to_owned())).unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn coinspaid_headers(sandbox: &Sandbox, body: &str) -> Vec<(&'static str, String)> {
    let creds = sandbox.credentials();
    vec![
        ("x-processing-key", creds.coinspaid_key.clone()),
        (
            "x-processing-signature",
            hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), body.as_bytes()),
        ),
        ("content-type", "application/json".to_owned()),
    ]
}

async fn coinspaid(router: &Router, sandbox: &Sandbox, path: &str, body: &str) -> Answer {
    let headers = coinspaid_headers(sandbox, body);
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    send(router, "POST", &format!("/coinspaid{path}"), &headers, body).await
}

/// SHA-256 of `bytes` by payments-core's digest code (not the sandbox's).
fn sha256_hex(bytes: &[u8]) -> String {
    sha256_nonce_hex(b"", bytes, b"")
}

// ---------------------------------------------------------------------------------------
// The test clock

#[tokio::test]
async fn the_clock_answers_and_moves() {
    let (_, router) = sandbox();
    let now = send(&router, "GET", "/_sandbox/clock", &[], "").await;
    assert_eq!(
        (now.status, now.json()),
        (StatusCode::OK, json!({"now": START}))
    );
    let moved = send(
        &router,
        "POST",
        "/_sandbox/clock",
        &[],
        r#"{"advance_seconds": 90}"#,
    )
    .await;
    assert_eq!(moved.json(), json!({"now": START + 90}));
    let set = send(
        &router,
        "POST",
        "/_sandbox/clock",
        &[],
        r#"{"set": 1800000000}"#,
    )
    .await;
    assert_eq!(set.json(), json!({"now": 1_800_000_000u64}));
    assert_eq!(
        send(&router, "GET", "/_sandbox/clock", &[], "")
            .await
            .json(),
        json!({"now": 1_800_000_000u64})
    );
    for bad in [
        r#"{}"#,
        r#"{"set": 1, "advance_seconds": 1}"#,
        r#"{"advance_seconds": -5}"#,
        "[]",
        "nope",
    ] {
        let refused = send(&router, "POST", "/_sandbox/clock", &[], bad).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(refused.json()["message"].is_string(), "{bad}");
    }
}

#[tokio::test]
async fn coinspaid_futures_expire_on_the_test_clock() {
    let (sandbox, router) = sandbox();
    let take = coinspaid(
        &router,
        &sandbox,
        "/v2/addresses/take",
        r#"{"currency":"BTC","convert_to":"EUR","foreign_id":"clock-1"}"#,
    )
    .await;
    assert_eq!(take.status, StatusCode::CREATED, "{}", take.body);
    let address = take.json()["data"]["address"].as_str().unwrap().to_owned();
    let rates = coinspaid(
        &router,
        &sandbox,
        "/v2/futures/rates",
        &json!({"address": address}).to_string(),
    )
    .await;
    assert_eq!(rates.status, StatusCode::OK, "{}", rates.body);
    let confirm = json!({
        "address": address, "sender_currency": "BTC", "receiver_currency": "EUR",
        "sender_amount": "0.01", "receiver_amount": "1"
    })
    .to_string();
    send(
        &router,
        "POST",
        "/_sandbox/clock",
        &[],
        r#"{"advance_seconds": 600}"#,
    )
    .await;
    let late = coinspaid(&router, &sandbox, "/futures/confirm", &confirm).await;
    assert_eq!(late.status, StatusCode::BAD_REQUEST, "{}", late.body);
    assert!(
        late.json()["errors"]["address"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

// ---------------------------------------------------------------------------------------
// Fault rules

async fn add_fault(router: &Router, rule: Value) -> Answer {
    send(router, "POST", "/_sandbox/faults", &[], &rule.to_string()).await
}

#[tokio::test]
async fn a_status_fault_answers_the_providers_error_body_then_runs_out() {
    let (sandbox, router) = sandbox();
    let added = add_fault(
        &router,
        json!({"provider": "coinspaid", "operation": "withdrawal-crypto", "times": 1, "fault": "status", "status": 503}),
    )
    .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let body = r#"{"currency":"BTC","amount":"0.01","address":"bc1qexample","foreign_id":"w-1"}"#;
    let faulted = coinspaid(&router, &sandbox, "/v2/withdrawal/crypto", body).await;
    assert_eq!(faulted.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        faulted.json(),
        json!({"errors": {"status": "Service Unavailable"}})
    );
    assert_eq!(faulted.header(FAULT_HEADER), Some("status"));
    // Other operations are untouched, and the rule is used up.
    let ping = send(&router, "GET", "/coinspaid/v2/ping", &[], "").await;
    assert_eq!(ping.status, StatusCode::UNAUTHORIZED);
    let normal = coinspaid(&router, &sandbox, "/v2/withdrawal/crypto", body).await;
    assert_eq!(normal.status, StatusCode::CREATED, "{}", normal.body);
    assert_eq!(normal.header(FAULT_HEADER), None);
    assert_eq!(
        send(&router, "GET", "/_sandbox/faults", &[], "")
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn every_provider_answers_a_status_fault_in_its_own_shape() {
    let (_, router) = sandbox();
    for (provider, operation, method, path) in [
        (
            "coincover",
            "check-transaction",
            "POST",
            "/coincover/transaction",
        ),
        ("covery", "send-event", "POST", "/covery/api/sendEvent"),
        (
            "coinify",
            "countries",
            "GET",
            &*format!("/coinify/countries/{DEFAULT_PARTNER_ID}"),
        ),
    ] {
        add_fault(&router, json!({"provider": provider, "operation": operation, "times": 1, "fault": "status", "status": 500})).await;
        let answer = send(&router, method, path, &[], "{}").await;
        assert_eq!(
            answer.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{provider}"
        );
        match provider {
            "coincover" => assert_eq!(answer.json(), json!({"message": "Internal Server Error"})),
            "covery" => {
                assert_eq!(answer.header("x-maxwell-status"), Some("Exception"));
                assert_eq!(answer.body, "Internal Server Error");
            }
            _ => assert_eq!(
                answer.json(),
                json!({"error": "internal_error", "error_description": "Internal Server Error"})
            ),
        }
    }
}

#[tokio::test]
async fn gateway_html_truncated_delay_and_throttle() {
    let (_, router) = sandbox();
    let countries = format!("/coinify/countries/{DEFAULT_PARTNER_ID}");
    let normal = send(&router, "GET", &countries, &[], "").await;
    assert_eq!(normal.status, StatusCode::OK);

    add_fault(&router, json!({"provider": "coinify", "operation": "countries", "times": 1, "fault": "gateway_html"})).await;
    let html = send(&router, "GET", &countries, &[], "").await;
    assert_eq!(html.status, StatusCode::BAD_GATEWAY);
    assert_eq!(html.header("content-type"), Some("text/html"));
    assert!(html.body.contains("<h1>502 Bad Gateway</h1>"));

    add_fault(
        &router,
        json!({"provider": "coinify", "operation": "countries", "times": 1, "fault": "truncated"}),
    )
    .await;
    let cut = send(&router, "GET", &countries, &[], "").await;
    assert_eq!(cut.status, StatusCode::OK);
    assert_eq!(cut.body, normal.body[..normal.body.len() / 2]);
    assert!(serde_json::from_str::<Value>(&cut.body).is_err());

    add_fault(&router, json!({"provider": "coinify", "operation": "countries", "times": 1, "fault": "delay", "delay_ms": 150})).await;
    let started = Instant::now();
    let late = send(&router, "GET", &countries, &[], "").await;
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(
        (late.status, late.body.as_str()),
        (StatusCode::OK, normal.body.as_str())
    );

    add_fault(&router, json!({"provider": "coinify", "operation": "countries", "fault": "throttle", "retry_after": 7})).await;
    for _ in 0..3 {
        let throttled = send(&router, "GET", &countries, &[], "").await;
        assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(throttled.header("retry-after"), Some("7"));
        assert_eq!(throttled.json()["error"], "rate_limit_exceeded");
    }
    let listed = send(&router, "GET", "/_sandbox/faults", &[], "")
        .await
        .json();
    assert_eq!(
        listed,
        json!([{"provider": "coinify", "operation": "countries", "fault": "throttle", "retry_after": 7}])
    );
    assert_eq!(
        send(&router, "DELETE", "/_sandbox/faults", &[], "")
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        send(&router, "GET", &countries, &[], "").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn reset_clears_the_faults() {
    let (_, router) = sandbox();
    add_fault(
        &router,
        json!({"provider": "covery", "operation": "ping", "fault": "drop"}),
    )
    .await;
    assert_eq!(
        send(&router, "GET", "/_sandbox/faults", &[], "")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    send(&router, "POST", "/_sandbox/reset", &[], "").await;
    assert_eq!(
        send(&router, "GET", "/_sandbox/faults", &[], "")
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn bad_rules_are_refused_with_the_reason() {
    let (_, router) = sandbox();
    for (rule, expected) in [
        (
            json!({"provider": "stripe", "operation": "x", "fault": "drop"}),
            "provider: expected one of coincover, covery, coinspaid, coinify",
        ),
        (
            json!({"provider": "covery", "operation": "sendEvent", "fault": "drop"}),
            "operation: covery has no operation \"sendEvent\"",
        ),
        (
            json!({"provider": "covery", "operation": "ping", "fault": "status", "status": 200}),
            "status: must be an error status",
        ),
        (
            json!({"provider": "covery", "operation": "ping", "fault": "drop", "times": 0}),
            "times: must be at least 1",
        ),
        (
            json!({"provider": "covery", "operation": "ping", "fault": "delay", "delay_ms": 600001}),
            "delay_ms: at most",
        ),
        (
            json!({"provider": "covery", "operation": "ping", "fault": "explode"}),
            "body: unknown variant",
        ),
    ] {
        let refused = add_fault(&router, rule.clone()).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{rule}");
        let message = refused.json()["message"].as_str().unwrap().to_owned();
        assert!(message.starts_with(expected), "{rule}: {message}");
    }
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error_not_an_answer() {
    let running = Sandbox::start(SandboxConfig::default()).await.unwrap();
    running
        .sandbox()
        .add_fault(
            serde_json::from_value(
                json!({"provider": "coinspaid", "operation": "ping", "times": 1, "fault": "drop"}),
            )
            .unwrap(),
        )
        .unwrap();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let url = format!("{}/v2/ping", running.url(Provider::CoinsPaid));
    let dropped = http.get(&url).send().await;
    assert!(dropped.is_err(), "{dropped:?}");
    // The rule is used up: the next call is answered (401: no signature).
    let answered = http.get(&url).send().await.unwrap();
    assert_eq!(answered.status(), 401);
}

// ---------------------------------------------------------------------------------------
// Explained refusals

#[tokio::test]
async fn coincover_refusals_say_what_is_wrong_with_the_bearer_token() {
    let (sandbox, router) = sandbox();
    let token = sandbox.credentials().coincover_token.clone();
    for (authorization, expected) in [
        (None, "the Authorization header is missing"),
        (
            Some("Basic abc:def"),
            "the Authorization header is malformed: the scheme is not Bearer",
        ),
        (
            Some("Bearer"),
            "the Authorization header is malformed (6 bytes)",
        ),
        (
            Some("Bearer wrong-token"),
            "the bearer token (11 bytes) is not the sandbox's coincover_token",
        ),
    ] {
        let headers: Vec<(&str, &str)> = authorization
            .map(|a| ("authorization", a))
            .into_iter()
            .collect();
        let refused = send(&router, "POST", "/coincover/transaction", &headers, "{}").await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert_eq!(refused.json(), json!({"message": "Unauthorized"}));
        assert!(
            refused.reason().starts_with(expected),
            "{}",
            refused.reason()
        );
        assert!(!refused.reason().contains(&token));
    }
}

#[tokio::test]
async fn covery_refusals_name_the_header_the_bytes_and_the_nonce() {
    let (sandbox, router) = sandbox();
    let creds = sandbox.credentials().clone();
    let body = r#"{"type":"install"}"#;
    let missing = send(
        &router,
        "POST",
        "/covery/api/ping",
        &[("x-auth-token", &creds.covery_token)],
        "",
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        missing.reason(),
        "missing header: X-Auth-Nonce, X-Auth-Signature"
    );

    let wrong = sha256_nonce_hex(b"n-1", body.as_bytes(), b"not-the-secret");
    let headers = [
        ("x-auth-token", creds.covery_token.as_str()),
        ("x-auth-nonce", "n-1"),
        ("x-auth-signature", wrong.as_str()),
    ];
    let refused = send(&router, "POST", "/covery/api/ping", &headers, body).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        refused.header("x-maxwell-error-message"),
        Some("Invalid auth signature")
    );
    let reason = refused.reason();
    assert!(
        reason.contains(&format!(
            "checked over {} body bytes with SHA-256 {}",
            body.len(),
            sha256_hex(body.as_bytes())
        )),
        "{reason}"
    );
    let right = sha256_nonce_hex(b"n-1", body.as_bytes(), creds.covery_secret.as_bytes());
    assert!(
        !reason.contains(&right) && !reason.contains(&creds.covery_secret),
        "{reason}"
    );

    let headers = [
        ("x-auth-token", creds.covery_token.as_str()),
        ("x-auth-nonce", "n-1"),
        ("x-auth-signature", right.as_str()),
    ];
    assert_eq!(
        send(&router, "POST", "/covery/api/ping", &headers, body)
            .await
            .status,
        StatusCode::OK
    );
    let replay = send(&router, "POST", "/covery/api/ping", &headers, body).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert!(
        replay.reason().starts_with("X-Auth-Nonce was already used"),
        "{}",
        replay.reason()
    );

    let short = [
        ("x-auth-token", creds.covery_token.as_str()),
        ("x-auth-nonce", "n-2"),
        ("x-auth-signature", "abc"),
    ];
    let malformed = send(&router, "POST", "/covery/api/ping", &short, body).await;
    assert!(
        malformed
            .reason()
            .starts_with("X-Auth-Signature is malformed: expected 64 hex digits"),
        "{}",
        malformed.reason()
    );
}

#[tokio::test]
async fn coinspaid_refusals_name_the_header_and_the_bytes_signed() {
    let (sandbox, router) = sandbox();
    let creds = sandbox.credentials().clone();
    let body = r#"{"currency":"BTC","foreign_id":"a"}"#;
    let refused = send(&router, "POST", "/coinspaid/v2/addresses/take", &[], body).await;
    assert_eq!(
        refused.json(),
        json!({"errors": {"X-Processing-Key": "The X-Processing-Key header is required."}})
    );
    assert_eq!(refused.reason(), "missing header: X-Processing-Key");
    let wrong_key = send(
        &router,
        "POST",
        "/coinspaid/v2/addresses/take",
        &[("x-processing-key", "k")],
        body,
    )
    .await;
    assert_eq!(
        wrong_key.reason(),
        "X-Processing-Key (1 bytes) is not the sandbox's coinspaid_key"
    );
    let signed_other = hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), b"{}");
    let headers = [
        ("x-processing-key", creds.coinspaid_key.as_str()),
        ("x-processing-signature", signed_other.as_str()),
    ];
    let mismatch = send(
        &router,
        "POST",
        "/coinspaid/v2/addresses/take",
        &headers,
        body,
    )
    .await;
    assert_eq!(mismatch.status, StatusCode::UNAUTHORIZED);
    let reason = mismatch.reason();
    assert!(
        reason.ends_with(&format!(
            "checked over {} body bytes with SHA-256 {}",
            body.len(),
            sha256_hex(body.as_bytes())
        )),
        "{reason}"
    );
    let right = hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), body.as_bytes());
    assert!(!reason.contains(&right) && !reason.contains(&creds.coinspaid_secret));
    let upper = right.to_ascii_uppercase();
    let headers = [
        ("x-processing-key", creds.coinspaid_key.as_str()),
        ("x-processing-signature", upper.as_str()),
    ];
    let shouted = send(
        &router,
        "POST",
        "/coinspaid/v2/addresses/take",
        &headers,
        body,
    )
    .await;
    assert!(
        shouted.reason().contains("with upper-case letters"),
        "{}",
        shouted.reason()
    );
}

fn jwt(sandbox: &Sandbox, claims: Value) -> String {
    let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
    let key = EncodingKey::from_rsa_pem(sandbox.credentials().coinify_private_key_pem.as_bytes())
        .unwrap();
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key).unwrap()
}

#[tokio::test]
async fn coinify_refusals_name_the_claim_and_the_clock_difference() {
    let (sandbox, router) = sandbox();
    let path = format!("/coinify/partners/{DEFAULT_PARTNER_ID}/kyc");
    let kyc = payments_sandbox::coinify::EXAMPLE_KYC_REQUEST;
    let request: Value = serde_json::from_str(kyc).unwrap();
    let claims = json!({"traderId": request["traderId"], "externalId": request["externalId"], "exp": START + 60});
    let token = jwt(&sandbox, claims);
    let bearer = format!("Bearer {token}");
    let auth = [
        ("authorization", bearer.as_str()),
        ("content-type", "application/json"),
    ];
    assert_eq!(
        send(&router, "POST", &path, &auth, kyc).await.status,
        StatusCode::CREATED
    );

    // The same JWT, 100 s past its exp on the test clock.
    send(
        &router,
        "POST",
        "/_sandbox/clock",
        &[],
        r#"{"advance_seconds": 190}"#,
    )
    .await;
    let expired = send(&router, "POST", &path, &auth, kyc).await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        expired.json()["error_description"],
        "authentication failed: the JWT has expired"
    );
    assert_eq!(
        expired.reason(),
        format!(
            "the JWT's exp claim failed: exp is {}, the sandbox clock is {}, 130 s past exp (leeway 30 s; GET /_sandbox/clock)",
            START + 60,
            START + 190
        )
    );

    let missing = send(&router, "POST", &path, &[], kyc).await;
    assert!(
        missing
            .reason()
            .starts_with("missing header: Authorization")
    );
    let garbage = send(
        &router,
        "POST",
        &path,
        &[("authorization", "Bearer not.a-jwt")],
        kyc,
    )
    .await;
    assert!(
        garbage.reason().starts_with("the JWT is malformed"),
        "{}",
        garbage.reason()
    );

    let mut forged = token.clone();
    forged.truncate(forged.len() - 4);
    forged.push_str("AAAA");
    let forged = format!("Bearer {forged}");
    let bad_signature = send(
        &router,
        "POST",
        &path,
        &[("authorization", forged.as_str())],
        kyc,
    )
    .await;
    assert!(
        bad_signature
            .reason()
            .starts_with("the JWT's signature does not verify with coinify_public_key_pem"),
        "{}",
        bad_signature.reason()
    );

    let other = jwt(
        &sandbox,
        json!({"traderId": 1, "externalId": request["externalId"], "exp": START + 1000}),
    );
    let other = format!("Bearer {other}");
    let mismatch = send(
        &router,
        "POST",
        &path,
        &[("authorization", other.as_str())],
        kyc,
    )
    .await;
    assert_eq!(mismatch.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        mismatch.reason(),
        "the JWT's traderId claim (1) is not the body's traderId"
    );
}

#[tokio::test]
async fn requests_the_sandbox_accepts_carry_no_reason() {
    let (sandbox, router) = sandbox();
    let token = format!("Bearer {}", sandbox.credentials().coincover_token);
    let created = send(
        &router,
        "POST",
        "/coincover/user",
        &[("authorization", &token)],
        r#"{"userId":"u","firstName":"A","lastName":"B","residenceCountry":"GB"}"#,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.header(REASON_HEADER), None);
}

// ---------------------------------------------------------------------------------------
// Routes

#[tokio::test]
async fn unknown_routes_are_404_before_authentication_in_every_room() {
    let (_, router) = sandbox();
    let coincover = send(&router, "POST", "/coincover/nope", &[], "{}").await;
    assert_eq!(
        (coincover.status, coincover.json()),
        (StatusCode::NOT_FOUND, json!({"message": "Not Found"}))
    );
    let covery = send(&router, "POST", "/covery/api/nope", &[], "{}").await;
    assert_eq!(covery.status, StatusCode::NOT_FOUND);
    assert_eq!(
        covery.header("x-maxwell-error-type"),
        Some("Maxwell\\Exception\\NoRouteException")
    );
    assert_eq!(
        covery.header("x-maxwell-error-message"),
        Some("Unable to found route for POST /api/nope")
    );
    let coinspaid = send(&router, "POST", "/coinspaid/v2/nope", &[], "{}").await;
    assert_eq!(
        (coinspaid.status, coinspaid.json()),
        (StatusCode::NOT_FOUND, json!({"message": "Not Found"}))
    );
    let coinify = send(&router, "POST", "/coinify/nope", &[], "{}").await;
    assert_eq!(
        (coinify.status, coinify.json()["error"].clone()),
        (StatusCode::NOT_FOUND, json!("not_found"))
    );
    // Another method on a known CoinsPaid path, HEAD included, is the same 404.
    for method in ["POST", "HEAD"] {
        let other = send(&router, method, "/coinspaid/v2/ping", &[], "").await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{method}");
    }
    // The bare prefixes too, each in its room's shape.
    let bare = send(&router, "POST", "/covery", &[], "{}").await;
    assert_eq!(
        bare.header("x-maxwell-error-message"),
        Some("Unable to found route for POST /")
    );
    let bare = send(&router, "POST", "/coinify", &[], "{}").await;
    assert_eq!(bare.json()["error"], "not_found");
    for path in ["/coincover", "/coinspaid"] {
        let bare = send(&router, "POST", path, &[], "{}").await;
        assert_eq!(
            (bare.status, bare.json()),
            (StatusCode::NOT_FOUND, json!({"message": "Not Found"}))
        );
    }
    for answer in [&coincover, &covery, &coinspaid, &coinify] {
        assert_eq!(answer.header(REASON_HEADER), None);
    }
}

#[tokio::test]
async fn every_operation_in_every_table_is_routed() {
    let (_, router) = sandbox();
    for &provider in Provider::ALL {
        let names = provider.operation_names();
        assert!(!names.is_empty());
        for name in names {
            // A fault on the operation answers 418 only if the operation's route is the one
            // the table names: the fault layer reads the same table.
            let rule = json!({"provider": provider.name(), "operation": name, "times": 1, "fault": "status", "status": 418});
            assert_eq!(add_fault(&router, rule).await.status, StatusCode::CREATED);
        }
    }
    let partner = DEFAULT_PARTNER_ID;
    let platform = payments_sandbox::ccpro::DEFAULT_PLATFORM_ID;
    for (method, path) in [
        ("POST", "/coincover/transaction".to_owned()),
        ("POST", "/coincover/user".to_owned()),
        ("PATCH", "/coincover/user/u-1".to_owned()),
        ("POST", "/coincover/user/u-1/plan".to_owned()),
        ("PATCH", "/coincover/user/u-1/plan".to_owned()),
        ("POST", "/covery/api/ping".to_owned()),
        ("POST", "/covery/api/sendEvent".to_owned()),
        ("POST", "/covery/api/makeDecision".to_owned()),
        ("POST", "/covery/api/postback".to_owned()),
        ("POST", "/covery/api/manage/fraud/latest".to_owned()),
        ("POST", "/covery/api/manage/fraud/find".to_owned()),
        ("POST", "/covery/api/manage/fraud/confirm".to_owned()),
        ("POST", "/covery/api/manage/fraud/feedback".to_owned()),
        ("GET", "/coinspaid/v2/ping".to_owned()),
        ("POST", "/coinspaid/v2/currencies/list".to_owned()),
        ("POST", "/coinspaid/v2/currencies/pairs".to_owned()),
        ("POST", "/coinspaid/v2/accounts/list".to_owned()),
        ("POST", "/coinspaid/v2/addresses/take".to_owned()),
        ("POST", "/coinspaid/v2/withdrawal/crypto".to_owned()),
        ("POST", "/coinspaid/v2/exchange/calculate".to_owned()),
        ("POST", "/coinspaid/v2/futures/rates".to_owned()),
        ("POST", "/coinspaid/futures/confirm".to_owned()),
        ("POST", "/coinspaid/v2/exchange/fixed".to_owned()),
        ("POST", "/coinspaid/v2/exchange/now".to_owned()),
        (
            "GET",
            format!("/coinify/partners/{partner}/approximate-quote"),
        ),
        ("POST", format!("/coinify/partners/{partner}/kyc")),
        (
            "POST",
            format!("/coinify/partners/{partner}/kyc/r-1/documents"),
        ),
        ("GET", format!("/coinify/countries/{partner}")),
        (
            "GET",
            format!("/coinify/partners/{partner}/payment-methods"),
        ),
        ("POST", format!("/ccpro/api/v1/authenticate-jwt/{platform}")),
        ("POST", "/ccpro/api/v1/authenticate".to_owned()),
        ("POST", "/ccpro/api/v1/user/logout".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/bank".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/bank".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/bank/bank-1".to_owned()),
        ("DELETE", "/ccpro/api/v1/user/user-1/bank/bank-1".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/card".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/card".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/card/card-1".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/card/card-1".to_owned()),
        ("DELETE", "/ccpro/api/v1/user/user-1/card/card-1".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/checkout".to_owned()),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/checkout/checkout-1".to_owned(),
        ),
        ("GET", "/ccpro/api/v1/countries".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/currencies".to_owned()),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/currencies/asset-1/history/period-1".to_owned(),
        ),
        ("POST", "/ccpro/api/v1/user/user-1/deposit".to_owned()),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/deposit/address".to_owned(),
        ),
        ("GET", "/ccpro/api/v1/user/user-1/kyc".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/kyc".to_owned()),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/kyc/personal-data".to_owned(),
        ),
        ("POST", "/ccpro/api/v1/user/user-1/kyc/address".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/kyc/document".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/kyc/video".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/kyc/edd".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/kyc/phone/add".to_owned()),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/kyc/phone/verify".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/kyc/phone/reverify".to_owned(),
        ),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/notifications/permanently".to_owned(),
        ),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/notifications/temporary".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/notifications/temporary/mark-as-read".to_owned(),
        ),
        ("GET", "/ccpro/api/v1/user/user-1/order".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/order/coin".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/order/token".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/order/order-1".to_owned()),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/order/order-1/payment-confirmation".to_owned(),
        ),
        ("GET", format!("/ccpro/api/v1/platform/{platform}")),
        ("POST", format!("/ccpro/api/v1/platform/{platform}")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/staff")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/user")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/order")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/quote")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/checkout")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/transfer")),
        ("GET", format!("/ccpro/api/v1/platform/{platform}/call")),
        ("POST", "/ccpro/api/v1/user/user-1/quote".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/quote".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/quote/quote-1".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/quote/quote-1".to_owned()),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/price/buy/from-1/to-1".to_owned(),
        ),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/price/sell/from-1/to-1".to_owned(),
        ),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/price/withdraw/from-1/to-1".to_owned(),
        ),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/price/withdraw-ico/from-1/to-1".to_owned(),
        ),
        ("GET", "/ccpro/api/v1/user/user-1/securities".to_owned()),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/securities/access".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/securities/change-password".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/securities/invalidate/token-1".to_owned(),
        ),
        ("GET", "/ccpro/api/v1/user/user-1/transfer".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/transfer".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/transfer/by".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/transfer/from".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/transfer/to".to_owned()),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/transfer/transfer-1".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/transfer/transfer-1".to_owned(),
        ),
        ("POST", "/ccpro/api/v1/user/forgot-password".to_owned()),
        ("POST", "/ccpro/api/v1/user/reset-password".to_owned()),
        ("POST", "/ccpro/api/v1/user".to_owned()),
        ("POST", "/ccpro/api/v1/user/verify".to_owned()),
        ("POST", "/ccpro/api/v1/user/reverify".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1".to_owned()),
        ("GET", "/ccpro/api/v1/user/user-1/balances".to_owned()),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/account/close/initiate".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/account/close/abort".to_owned(),
        ),
        ("GET", "/ccpro/api/v1/user/user-1/wallet".to_owned()),
        ("POST", "/ccpro/api/v1/user/user-1/wallet".to_owned()),
        (
            "GET",
            "/ccpro/api/v1/user/user-1/wallet/wallet-1".to_owned(),
        ),
        (
            "POST",
            "/ccpro/api/v1/user/user-1/wallet/wallet-1".to_owned(),
        ),
    ] {
        let answer = send(&router, method, &path, &[], "").await;
        assert_eq!(
            answer.status,
            StatusCode::IM_A_TEAPOT,
            "{method} {path}: {}",
            answer.body
        );
    }
    assert_eq!(
        send(&router, "GET", "/_sandbox/faults", &[], "")
            .await
            .json(),
        json!([])
    );
}

// ---------------------------------------------------------------------------------------
// Independence

#[test]
fn the_sandbox_depends_on_no_client_crate_and_not_on_payments_core() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let normal: Vec<&str> = manifest
        .split("\n[")
        .filter(|section| section.starts_with("dependencies]"))
        .flat_map(|section| section.lines().skip(1))
        .filter_map(|line| line.split(['=', '.', ' ']).next())
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    assert!(normal.contains(&"axum"), "{normal:?}");
    for forbidden in [
        "payments-core",
        "coincover-api",
        "covery-api",
        "coinspaid-api",
        "coinify-api",
        "ccpro-api",
    ] {
        assert!(!normal.contains(&forbidden), "{forbidden} in {normal:?}");
    }
}
