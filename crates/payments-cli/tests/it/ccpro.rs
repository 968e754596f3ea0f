//! `payments operations ccpro` and `payments call ccpro`: the built binary against a
//! scripted server that records every request (method, raw target, headers, body), one
//! test per point of the call contract.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use payments_test_support::server::{Echo, Recorded, Reply, ScriptedServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{payments, stderr, stdout};

const TOKEN: &str = "rFJxY3pS5xCliGvqnkHgPm4lq2aZEZmoSDXiLwG7NLwPfJUf18pEEBp6ZIpQmzPZ";
const USER: &str = "31279d17-83b2-4649-8214-99f9537779f4";
const PLATFORM: &str = "64b4f8d1-c2bd-4bba-8b1b-332a58176734";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-cli";
const PDF: &[u8] = b"%PDF-1.4\n%cli\n";

/// A documented example's text (`fixtures/ccpro/docs/NAME`), its `body` member as written.
fn documented_body(name: &str) -> String {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/ccpro/docs"
    ))
    .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let v: std::collections::HashMap<String, Box<serde_json::value::RawValue>> =
        serde_json::from_str(&text).unwrap();
    v["body"].get().to_owned()
}

/// A scratch directory for this test: the key file and upload files.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("payments-ccpro-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    /// The private half of a key pair generated for this process, written to a file.
    fn key(&self) -> String {
        let pair = payments_sandbox::coinify::generated_key().unwrap();
        self.file("platform.pem", pair.private_key_pem.as_bytes())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `payments call ccpro OP --data DATA [extra…]` with `env`.
async fn call(op: &str, data: &str, extra: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut args = vec!["call", "ccpro", op, "--data", data];
    args.extend_from_slice(extra);
    payments(&args, env).await
}

/// A bearer user's environment against `url`.
fn user_env(url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("CCPRO_BASE_URL", url.to_owned()),
        ("CCPRO_TOKEN", TOKEN.to_owned()),
        ("CCPRO_USER_ID", USER.to_owned()),
    ]
}

fn refs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Verifies a platform JWT with the generated public key (RS512) and answers its claims.
fn verify_jwt(token: &str) -> serde_json::Map<String, serde_json::Value> {
    use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
    assert_eq!(decode_header(token).unwrap().alg, Algorithm::RS512);
    let public = &payments_sandbox::coinify::generated_key()
        .unwrap()
        .public_key_pem;
    let key = DecodingKey::from_rsa_pem(public.as_bytes()).unwrap();
    let mut v = Validation::new(Algorithm::RS512);
    v.required_spec_claims.clear();
    v.validate_exp = false;
    decode::<serde_json::Map<String, serde_json::Value>>(token, &key, &v)
        .unwrap()
        .claims
}

fn ok(o: &std::process::Output) {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
}

fn only(server: &ScriptedServer) -> Recorded {
    let mut sent = server.requests();
    assert_eq!(sent.len(), 1, "{sent:?}");
    sent.remove(0)
}

fn body(r: &Recorded) -> String {
    String::from_utf8(r.body.clone()).unwrap()
}

/// One part of a multipart body: its name, file name and bytes.
fn parts(r: &Recorded) -> Vec<(String, Option<String>, Vec<u8>)> {
    let ct = r.header("content-type").unwrap();
    let boundary = ct.split("boundary=").nth(1).unwrap().trim_matches('"');
    let delimiter = format!("--{boundary}");
    let text = r.body.clone();
    let mut out = Vec::new();
    let find = |from: usize, needle: &[u8]| {
        text[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + from)
    };
    let mut at = find(0, delimiter.as_bytes()).unwrap() + delimiter.len();
    while !text[at..].starts_with(b"--") {
        let head_end = find(at, b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&text[at..head_end]).into_owned();
        let next = find(head_end, format!("\r\n{delimiter}").as_bytes()).unwrap();
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .unwrap();
        let param = |name: &str| {
            disposition
                .split(';')
                .map(str::trim)
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .map(|v| v.trim_matches('"').to_owned())
        };
        out.push((
            param("name").unwrap(),
            param("filename"),
            text[head_end + 4..next].to_vec(),
        ));
        at = next + 2 + delimiter.len();
    }
    out
}

// ---- operations --------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operations_lists_the_78_rows_of_the_table_with_the_docs_placeholders() {
    let o = payments(&["operations", "ccpro"], &[]).await;
    ok(&o);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 78, "{out}");
    assert_eq!(ccpro_api::OPERATIONS.len(), 78);
    for (line, op) in lines.iter().zip(ccpro_api::OPERATIONS) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            cols[..4],
            ["ccpro", op.name, op.method.as_str(), op.path],
            "{line}"
        );
        assert!(op.path.starts_with("/api/v1/"), "{line}");
        assert!(cols.len() > 4, "no summary: {line}");
    }
    for expected in [
        "ccpro authenticate-jwt POST /api/v1/authenticate-jwt/{platform}",
        "ccpro currency-list GET /api/v1/user/{user}/currencies/{asset?}",
        "ccpro notification-temporary GET /api/v1/user/{user}/notifications/temporary/{notification_id?}",
        "ccpro price-buy GET /api/v1/user/{user}/price/buy/{from}/{to}",
        "ccpro transfer-create POST /api/v1/user/{user}/transfer",
        "ccpro wallet-update POST /api/v1/user/{user}/wallet/{wallet}",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.split_whitespace().take(4).collect::<Vec<_>>().join(" ") == expected),
            "{expected} missing"
        );
    }
    // And in the full listing.
    let all = stdout(&payments(&["operations"], &[]).await);
    assert_eq!(all.lines().filter(|l| l.starts_with("ccpro ")).count(), 78);
}

// ---- auth and credentials ----------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authenticate_jwt_names_the_user_in_a_verified_rs512_jwt_and_sends_no_body() {
    let scratch = Scratch::new("jwt");
    let key = scratch.key();
    let answer = documented_body("authenticate-jwt.response.200.json");
    for (data, claim, value, platform) in [
        (
            r#"{"email":"ada@example.com"}"#.to_owned(),
            "email",
            "ada@example.com",
            PLATFORM,
        ),
        (r#"{"id":"u-42"}"#.to_owned(), "id", "u-42", PLATFORM),
        // A platform in --data wins over CCPRO_PLATFORM_ID.
        (
            r#"{"platform":"other-platform","id":"u-7"}"#.to_owned(),
            "id",
            "u-7",
            "other-platform",
        ),
    ] {
        let server = ScriptedServer::start([Reply::json(200, &answer)]).await;
        let url = server.base_url();
        let o = call(
            "authenticate-jwt",
            &data,
            &[],
            &[
                ("CCPRO_BASE_URL", &url),
                ("CCPRO_PLATFORM_ID", PLATFORM),
                ("CCPRO_PRIVATE_KEY_FILE", &key),
            ],
        )
        .await;
        ok(&o);
        let sent = only(&server);
        assert_eq!(sent.method, "POST");
        assert_eq!(sent.path, format!("/api/v1/authenticate-jwt/{platform}"));
        assert!(
            sent.body.is_empty() || sent.body == b"{}",
            "{}",
            body(&sent)
        );
        assert_eq!(sent.header("authorization"), None);
        assert_eq!(sent.header("accept"), Some("application/json"));
        let claims = verify_jwt(sent.header("token").unwrap());
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert_eq!(claims[claim], value);
        // `expire` is a JSON integer, Unix seconds in the near future.
        let expire = claims["expire"].as_u64().expect("expire is an integer");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert!((now..now + 600).contains(&expire), "{expire} vs {now}");
        // The access token it answers is a secret: not printed.
        let out = stdout(&o);
        assert!(out.contains("\"userId\""), "{out}");
        assert!(out.contains("[REDACTED]"), "{out}");
        assert!(
            !out.contains("rFJxY3pS5xCliGvqnkHgPm4lq2aZEZmoSDXiLwG7NLwPfJUf18pEEBp6ZIpQmzPZ"),
            "{out}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn platform_operations_sign_a_jwt_naming_the_platform_from_the_environment() {
    let scratch = Scratch::new("platform");
    let key = scratch.key();
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":[]}"#)]).await;
    let url = server.base_url();
    let o = call(
        "platform-orders",
        "{}",
        &[],
        &[
            ("CCPRO_BASE_URL", &url),
            ("CCPRO_PLATFORM_ID", PLATFORM),
            ("CCPRO_PRIVATE_KEY_FILE", &key),
            // A user's credentials are not used by a platform operation.
            ("CCPRO_TOKEN", TOKEN),
        ],
    )
    .await;
    ok(&o);
    let sent = only(&server);
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.path, format!("/api/v1/platform/{PLATFORM}/order"));
    assert_eq!(sent.header("authorization"), None);
    let claims = verify_jwt(sent.header("token").unwrap());
    assert_eq!(claims["platform"], PLATFORM);
    assert!(claims["expire"].is_u64(), "{claims:?}");
    assert_eq!(stdout(&o).trim(), "[]");

    // Without CCPRO_PLATFORM_ID, a `platform` in --data names the platform.
    let o = call(
        "platform-orders",
        r#"{"platform":"from-data"}"#,
        &[],
        &[("CCPRO_BASE_URL", &url), ("CCPRO_PRIVATE_KEY_FILE", &key)],
    )
    .await;
    ok(&o);
    let sent = server.requests().pop().unwrap();
    assert_eq!(sent.path, "/api/v1/platform/from-data/order");
    assert_eq!(
        verify_jwt(sent.header("token").unwrap())["platform"],
        "from-data"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_credentials_are_exit_2_and_nothing_is_sent() {
    let scratch = Scratch::new("missing");
    let key = scratch.key();
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":[]}"#)]).await;
    let url = server.base_url();
    // (operation, --data, environment, what the error names)
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (
            "authenticate-jwt",
            r#"{"email":"ada@example.com"}"#,
            vec![("CCPRO_PRIVATE_KEY_FILE", &key)],
            "CCPRO_PLATFORM_ID",
        ),
        (
            "platform-orders",
            "{}",
            vec![("CCPRO_PLATFORM_ID", PLATFORM)],
            "CCPRO_PRIVATE_KEY_FILE",
        ),
        (
            "platform-orders",
            "{}",
            vec![
                ("CCPRO_PLATFORM_ID", PLATFORM),
                ("CCPRO_PRIVATE_KEY_FILE", "/nonexistent/platform.pem"),
            ],
            "CCPRO_PRIVATE_KEY_FILE",
        ),
        (
            "wallet-list",
            "{}",
            vec![("CCPRO_USER_ID", USER)],
            "CCPRO_TOKEN",
        ),
        (
            "wallet-list",
            "{}",
            vec![("CCPRO_TOKEN", TOKEN)],
            "CCPRO_USER_ID",
        ),
        (
            "transfer-create",
            r#"{"action":"send","amount":"1.2345","type":"coin","symbol":"ETH","user":"bob@example.com"}"#,
            vec![("CCPRO_TOKEN", TOKEN)],
            "CCPRO_USER_ID",
        ),
        // The account-close operations are bearer operations although the docs do not mark them.
        (
            "account-close-abort",
            "{}",
            vec![("CCPRO_USER_ID", USER)],
            "CCPRO_TOKEN",
        ),
    ];
    for (op, data, mut env, says) in cases {
        env.push(("CCPRO_BASE_URL", &url));
        let o = call(op, data, &[], &env).await;
        assert_eq!(o.status.code(), Some(2), "{op}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{op}: {err}");
    }
    assert_eq!(server.hits(), 0, "something was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bearer_operations_send_the_token_and_the_user_from_the_environment_or_the_data() {
    let answer = documented_body("wallet-list.response.200.json");
    let server = ScriptedServer::start([Reply::json(200, &answer)]).await;
    let url = server.base_url();
    let o = call("wallet-list", "{}", &[], &refs(&user_env(&url))).await;
    ok(&o);
    let o2 = call(
        "wallet-list",
        r#"{"user":"someone-else"}"#,
        &[],
        &refs(&user_env(&url)),
    )
    .await;
    ok(&o2);
    // Without CCPRO_USER_ID, a `user` in --data is enough.
    let o3 = call(
        "wallet-list",
        r#"{"user":"from-data"}"#,
        &[],
        &[("CCPRO_BASE_URL", &url), ("CCPRO_TOKEN", TOKEN)],
    )
    .await;
    ok(&o3);
    let sent = server.requests();
    let paths: Vec<&str> = sent.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            format!("/api/v1/user/{USER}/wallet"),
            "/api/v1/user/someone-else/wallet".to_owned(),
            "/api/v1/user/from-data/wallet".to_owned(),
        ]
    );
    for r in &sent {
        assert_eq!(r.method, "GET");
        assert_eq!(
            r.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
        assert_eq!(r.header("token"), None);
    }
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["alias"], "Thanos", "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_close_initiate_and_abort_send_the_bearer_token() {
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":{"message":"ok"}}"#)]).await;
    let url = server.base_url();
    let env = user_env(&url);
    for (op, data, end) in [
        (
            "account-close-initiate",
            r#"{"password":"mystrongpass"}"#,
            "initiate",
        ),
        ("account-close-abort", "{}", "abort"),
    ] {
        let o = call(op, data, &[], &refs(&env)).await;
        assert_ne!(o.status.code(), Some(2), "{op}: {}", stderr(&o));
        let sent = server.requests().pop().unwrap();
        assert_eq!(sent.method, "POST");
        assert_eq!(
            sent.path,
            format!("/api/v1/user/{USER}/account/close/{end}")
        );
        assert_eq!(
            sent.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
    }
    assert_eq!(
        body(&server.requests()[0]),
        r#"{"password":"mystrongpass"}"#
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_operations_send_no_credentials() {
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":[]}"#)]).await;
    let url = server.base_url();
    let o = call("country-list", "{}", &[], &refs(&user_env(&url))).await;
    ok(&o);
    let sent = only(&server);
    assert_eq!(sent.path, "/api/v1/countries");
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(sent.header("token"), None);
}

// ---- the call contract -------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transfer_create_takes_the_counterparty_from_the_body_and_the_path_user_from_the_environment()
 {
    let answer = documented_body("transfer-create.response.200.json");
    let server = ScriptedServer::start([Reply::json(200, &answer)]).await;
    let url = server.base_url();
    let data = documented_body("transfer-create.request.json");
    let o = call("transfer-create", &data, &[], &refs(&user_env(&url))).await;
    ok(&o);
    let sent = only(&server);
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, format!("/api/v1/user/{USER}/transfer"));
    assert_eq!(
        body(&sent),
        r#"{"action":"send","amount":"1.2345","type":"coin","symbol":"ETH","user":"alinionutmusat+1@gmail.com"}"#
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_create_keeps_a_platform_object_as_body_and_nests_objects_in_json() {
    let answer = documented_body("user-create.response.201.json");
    let server = ScriptedServer::start([Reply::json(201, &answer)]).await;
    let url = server.base_url();
    let scratch = Scratch::new("user-create");
    let key = scratch.key();
    // Every credential set, CCPRO_PLATFORM_ID among them: user-create is public and its
    // path has no {platform}.
    let mut env = user_env(&url);
    env.push(("CCPRO_PLATFORM_ID", PLATFORM.to_owned()));
    env.push(("CCPRO_PRIVATE_KEY_FILE", key));
    let data = documented_body("user-create.request.json");
    let o = call("user-create", &data, &[], &refs(&env)).await;
    ok(&o);
    // Without a platform object the body gains none.
    let plain = r#"{"email":"ada@example.com","password":"12345678","firstName":"Ada","lastName":"L","dateOfBirth":"1900-12-31","phone":"40730000000","address":{"country":"RO","city":"Pitesti","zip":"112233","street":"Some Street 1"}}"#;
    let o = call("user-create", plain, &[], &refs(&env)).await;
    ok(&o);
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    for r in &sent {
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/api/v1/user");
        assert_eq!(r.header("authorization"), None);
        assert_eq!(r.header("token"), None);
        assert_eq!(r.header("content-type"), Some("application/json"));
    }
    let first: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    let documented: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(first, documented, "sent {}", body(&sent[0]));
    assert_eq!(first["platform"]["id"], PLATFORM);
    assert_eq!(first["address"]["city"], "Pitesti");
    let second: serde_json::Value = serde_json::from_slice(&sent[1].body).unwrap();
    assert!(second.get("platform").is_none(), "{second}");
    assert_eq!(second["address"]["zip"], "112233");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn price_operations_take_from_and_to_in_the_path_and_the_amount_in_the_query() {
    let answer = documented_body("price-buy.response.200.json");
    let server = ScriptedServer::start([Reply::json(200, &answer)]).await;
    let url = server.base_url();
    let env = user_env(&url);
    let o = call(
        "price-buy",
        r#"{"from":"EUR","to":"XBT","from_amount":"100.123456789012345678901234567890"}"#,
        &[],
        &refs(&env),
    )
    .await;
    ok(&o);
    let o2 = call(
        "price-sell",
        r#"{"from":"XBT","to":"EUR","to_amount":"250"}"#,
        &[],
        &refs(&env),
    )
    .await;
    ok(&o2);
    let sent = server.requests();
    assert_eq!(
        sent[0].path,
        format!(
            "/api/v1/user/{USER}/price/buy/EUR/XBT?from_amount=100.123456789012345678901234567890"
        )
    );
    assert_eq!(
        sent[1].path,
        format!("/api/v1/user/{USER}/price/sell/XBT/EUR?to_amount=250")
    );
    assert!(sent.iter().all(|r| r.method == "GET" && r.body.is_empty()));
    // The 50-digit amounts come back digit for digit.
    let out = stdout(&o);
    for printed in [
        r#""rate": "6383.37700000000000000000000000000000000000000000000000""#,
        r#""to": "0.01566568917988080603730595889918455388111966440334""#,
        r#""from": "0.09990009990009990009990036200000000000000000000000""#,
    ] {
        assert!(out.contains(printed), "{printed} not in\n{out}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn numeric_amounts_in_data_and_in_answers_keep_every_digit() {
    // A 34-digit amount given as a JSON number goes out as written (CCPro takes amounts
    // as strings: the caller's digits, exactly).
    let answer = documented_body("deposit-create.response.200.json");
    let server = ScriptedServer::start([Reply::json(200, &answer)]).await;
    let url = server.base_url();
    let data = r#"{"type":"coin","symbol":"ETH","amount":1234567890.123456789012345678901234,"txID":"0xccb5"}"#;
    let o = call("deposit-create", data, &[], &refs(&user_env(&url))).await;
    ok(&o);
    let sent = only(&server);
    assert_eq!(sent.path, format!("/api/v1/user/{USER}/deposit"));
    assert!(
        body(&sent).contains(r#""amount":"1234567890.123456789012345678901234""#),
        "{}",
        body(&sent)
    );
    // A 40-digit amount in an answer, as a string and as a number, is printed as received.
    let long = "98765432109876543210.12345678901234567890";
    let answer = documented_body("price-buy.response.200.json")
        .replace(r#""rateRaw": "6377""#, &format!(r#""rateRaw": "{long}""#))
        .replace(r#""percent": 0.1"#, &format!(r#""percent": {long}"#));
    assert_eq!(answer.matches(long).count(), 2, "{answer}");
    let server = ScriptedServer::start([Reply::json(200, &answer)]).await;
    let url = server.base_url();
    let o = call(
        "price-buy",
        r#"{"from":"EUR","to":"XBT","from_amount":"100"}"#,
        &[],
        &refs(&user_env(&url)),
    )
    .await;
    ok(&o);
    let out = stdout(&o);
    assert!(out.contains(&format!(r#""rateRaw": "{long}""#)), "{out}");
    assert!(out.contains(&format!(r#""percent": {long}"#)), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn path_parameters_are_one_encoded_segment_and_dot_dot_is_refused_unsent() {
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":{"id":"w","status":"CONFIRMED","alias":"a","address":"0x1","coin":"ETH","createdAt":1}}"#)]).await;
    let url = server.base_url();
    let env = user_env(&url);
    let wallet = "a b/c?d#e%f";
    let o = call(
        "wallet-show",
        &format!(r#"{{"wallet":"{wallet}"}}"#),
        &[],
        &refs(&env),
    )
    .await;
    ok(&o);
    let sent = only(&server);
    let prefix = format!("/api/v1/user/{USER}/wallet/");
    let segment = sent
        .path
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{}", sent.path));
    assert!(!segment.contains(['/', '?', '#', ' ']), "{segment}");
    assert_eq!(percent_decode(segment), wallet);
    for data in [
        r#"{"wallet":".."}"#,
        r#"{"wallet":"."}"#,
        r#"{"user":"..","wallet":"w"}"#,
    ] {
        let o = call("wallet-show", data, &[], &refs(&env)).await;
        assert_eq!(o.status.code(), Some(2), "{data}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1);
    }
    assert_eq!(server.hits(), 1, "a refused call was sent");
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_omitted_optional_segment_is_dropped() {
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":[]}"#)]).await;
    let url = server.base_url();
    let env = user_env(&url);
    ok(&call("balances", "{}", &[], &refs(&env)).await);
    ok(&call("balances", r#"{"asset":"ETH"}"#, &[], &refs(&env)).await);
    // Whatever the answer, both notification requests go out (only their paths matter).
    for data in ["{}", r#"{"notification_id":"n-1"}"#] {
        let o = call("notification-temporary", data, &[], &refs(&env)).await;
        assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    }
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            format!("/api/v1/user/{USER}/balances"),
            format!("/api/v1/user/{USER}/balances/ETH"),
            format!("/api/v1/user/{USER}/notifications/temporary"),
            format!("/api/v1/user/{USER}/notifications/temporary/n-1"),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_base_url_may_carry_a_path_prefix_with_or_without_a_trailing_slash() {
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":[]}"#)]).await;
    let url = server.base_url();
    for base in [format!("{url}/ccpro"), format!("{url}/ccpro/")] {
        ok(&call("country-list", "{}", &[], &[("CCPRO_BASE_URL", &base)]).await);
    }
    // --base-url wins over the variable.
    ok(&call(
        "country-list",
        "{}",
        &["--base-url", &format!("{url}/other/")],
        &[("CCPRO_BASE_URL", "http://127.0.0.1:9/nowhere")],
    )
    .await);
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/ccpro/api/v1/countries",
            "/ccpro/api/v1/countries",
            "/other/api/v1/countries"
        ]
    );
}

// ---- files -------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_go_multipart_under_the_docs_names_and_nested_fields_as_a_b() {
    let scratch = Scratch::new("files");
    let png = scratch.file("passport.png", PNG);
    let pdf = scratch.file("proof.pdf", PDF);
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":null}"#)]).await;
    let url = server.base_url();
    let env = user_env(&url);

    // card-create: cardImage1 and cardImage2.
    let card = r#"{"holderName":"Alin Ionut","expirationDate":"10/29","lastFourDigits":"1234","alias":"MyCard"}"#;
    let image1 = format!("cardImage1={png}");
    let image2 = format!("cardImage2={png}");
    let o = call(
        "card-create",
        card,
        &["--file", &image1, "--file", &image2],
        &refs(&env),
    )
    .await;
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    // kyc-document: file.
    let file = format!("file={png}");
    let o = call(
        "kyc-document",
        r#"{"type":"passport"}"#,
        &["--file", &file],
        &refs(&env),
    )
    .await;
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    // order-payment-proof: a PDF as file.
    let proof = format!("file={pdf}");
    let o = call(
        "order-payment-proof",
        r#"{"order":"o-1"}"#,
        &["--file", &proof],
        &refs(&env),
    )
    .await;
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    // kyc-create: documents.passport, nested edd answers.
    let kyc = r#"{"country":"RO","city":"Pitesti","zip":"123456","street":"Street name Nr. 1","edd":{"transactionsPurpose":"investments","transactionsNatureValue":1,"transactionsNatureFrequency":1,"fundsSource":"1","fundsOrigin":"personal_savings"}}"#;
    let passport = format!("documents.passport={png}");
    let o = call("kyc-create", kyc, &["--file", &passport], &refs(&env)).await;
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));

    let sent = server.requests();
    assert_eq!(sent.len(), 4, "{}", stderr(&o));
    let names = |r: &Recorded| {
        let mut n: Vec<(String, Option<String>)> =
            parts(r).into_iter().map(|(n, f, _)| (n, f)).collect();
        n.sort();
        n
    };
    assert_eq!(sent[0].path, format!("/api/v1/user/{USER}/card"));
    let card_parts = names(&sent[0]);
    assert!(
        card_parts.contains(&("cardImage1".into(), Some("passport.png".into()))),
        "{card_parts:?}"
    );
    assert!(
        card_parts.contains(&("cardImage2".into(), Some("passport.png".into()))),
        "{card_parts:?}"
    );
    assert!(
        card_parts.contains(&("holderName".into(), None)),
        "{card_parts:?}"
    );
    assert_eq!(sent[1].path, format!("/api/v1/user/{USER}/kyc/document"));
    assert!(names(&sent[1]).contains(&("file".into(), Some("passport.png".into()))));
    assert_eq!(
        sent[2].path,
        format!("/api/v1/user/{USER}/order/o-1/payment-confirmation")
    );
    let proof_parts = parts(&sent[2]);
    assert_eq!(proof_parts.len(), 1);
    assert_eq!(proof_parts[0].0, "file");
    assert_eq!(proof_parts[0].2, PDF);
    assert_eq!(sent[3].path, format!("/api/v1/user/{USER}/kyc"));
    let kyc_parts = parts(&sent[3]);
    let text = |name: &str| {
        kyc_parts
            .iter()
            .find(|(n, f, _)| n == name && f.is_none())
            .map(|(_, _, b)| String::from_utf8(b.clone()).unwrap())
    };
    assert_eq!(
        text("edd[transactionsPurpose]").as_deref(),
        Some("investments"),
        "{kyc_parts:?}"
    );
    assert_eq!(text("edd[transactionsNatureValue]").as_deref(), Some("1"));
    assert_eq!(text("city").as_deref(), Some("Pitesti"));
    let passport_part = kyc_parts
        .iter()
        .find(|(n, _, _)| n == "documents[passport]")
        .unwrap();
    assert_eq!(passport_part.2, PNG);
    for r in &sent {
        assert_eq!(
            r.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("multipart/form-data")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_required_file_or_a_type_the_docs_do_not_allow_is_exit_2_unsent() {
    let scratch = Scratch::new("badfiles");
    let png = scratch.file("proof.png", PNG);
    let txt = scratch.file("proof.txt", b"just text");
    let fake = scratch.file("fake.png", b"MZ\x90\x00 not an image");
    let pdf = scratch.file("card.pdf", PDF);
    let server = ScriptedServer::start([Reply::json(200, r#"{"data":null}"#)]).await;
    let url = server.base_url();
    let env = user_env(&url);
    let card = r#"{"holderName":"Alin Ionut","expirationDate":"10/29","lastFourDigits":"1234","alias":"MyCard"}"#;
    let cases: Vec<(&str, &str, Vec<String>)> = vec![
        ("order-payment-proof", r#"{"order":"o-1"}"#, vec![]),
        ("kyc-document", r#"{"type":"passport"}"#, vec![]),
        ("card-create", card, vec![]),
        (
            "order-payment-proof",
            r#"{"order":"o-1"}"#,
            vec![format!("file={txt}")],
        ),
        (
            "order-payment-proof",
            r#"{"order":"o-1"}"#,
            vec![format!("file={fake}")],
        ),
        // A PDF where the docs allow images only.
        (
            "card-create",
            card,
            vec![format!("cardImage1={pdf}"), format!("cardImage2={pdf}")],
        ),
        // A field the operation does not take.
        (
            "order-payment-proof",
            r#"{"order":"o-1"}"#,
            vec![format!("proof={png}")],
        ),
        // A file for an operation that takes none.
        ("wallet-list", "{}", vec![format!("file={png}")]),
        // A file that cannot be read.
        (
            "order-payment-proof",
            r#"{"order":"o-1"}"#,
            vec!["file=/nonexistent/x.png".into()],
        ),
    ];
    for (op, data, files) in cases {
        let mut extra: Vec<&str> = Vec::new();
        for f in &files {
            extra.extend(["--file", f.as_str()]);
        }
        let o = call(op, data, &extra, &refs(&env)).await;
        assert_eq!(o.status.code(), Some(2), "{op} {files:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
    assert_eq!(server.hits(), 0, "something was sent");
}

// ---- errors ------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provider_errors_are_exit_1_with_the_message_whether_it_says_error_or_message() {
    for (status, answer, says) in [
        (401, r#"{"error":"Unauthenticated."}"#, "Unauthenticated."),
        (
            409,
            r#"{"message":"This action is unauthorized."}"#,
            "This action is unauthorized.",
        ),
        (
            422,
            r#"{"message":"The given data was invalid.","errors":{"alias":["The alias may not be greater than 255 characters."]}}"#,
            "The given data was invalid.",
        ),
        (500, "<html>oops</html>", "HTTP 500"),
    ] {
        let server = ScriptedServer::start([Reply::json(status, answer)]).await;
        let url = server.base_url();
        let o = call("wallet-list", "{}", &[], &refs(&user_env(&url))).await;
        assert_eq!(o.status.code(), Some(1), "{answer}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("ccpro"), "{err}");
        assert!(err.contains(&format!("HTTP {status}")), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(stdout(&o).is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_input_is_exit_2_unsent() {
    let server = ScriptedServer::start([Reply::json(200, "{}")]).await;
    let url = server.base_url();
    let env = user_env(&url);
    for (op, data, says) in [
        ("wallet-list", "{not json", "JSON"),
        (
            "wallet-list",
            r#"{"user":"a","user":"b"}"#,
            "user: duplicate key",
        ),
        (
            "wallet-create",
            r#"{"address":"0x1","alias":"a","coin":"ETH","nickname":"x"}"#,
            "nickname",
        ),
        (
            "price-buy",
            r#"{"from":"EUR","to":"XBT","from_amount":"1","to_amount":"2"}"#,
            "amount",
        ),
        ("no-such-op", "{}", "unknown ccpro operation"),
    ] {
        let o = call(op, data, &[], &refs(&env)).await;
        assert_eq!(o.status.code(), Some(2), "{op} {data}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{op} {data}: {}", stderr(&o));
    }
    // The user a platform JWT names is one of `email` and `id`.
    let scratch = Scratch::new("invalid");
    let key = scratch.key();
    let o = call(
        "authenticate-jwt",
        r#"{"email":"a@b.c","id":"u"}"#,
        &[],
        &[
            ("CCPRO_BASE_URL", &url),
            ("CCPRO_PLATFORM_ID", PLATFORM),
            ("CCPRO_PRIVATE_KEY_FILE", &key),
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("exactly one of `email` and `id`"),
        "{}",
        stderr(&o)
    );
    assert_eq!(server.hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_token_key_or_password_is_ever_printed() {
    let scratch = Scratch::new("secrets");
    let key = scratch.key();
    let pem = &payments_sandbox::coinify::generated_key()
        .unwrap()
        .private_key_pem;
    // The base64 lines of the key, each long enough to be telling.
    let key_lines: Vec<&str> = pem.lines().filter(|l| l.len() > 20).collect();
    let password = "Sup3r-Secret-Passw0rd!";
    let mut outputs = Vec::new();

    // A server echoing every request header back in its error, as a careless gateway does.
    for echo in [Echo::Json, Echo::Html, Echo::Text] {
        let server = ScriptedServer::start([Reply::status(401).echo(echo)]).await;
        let url = server.base_url();
        outputs.push(call("wallet-list", "{}", &[], &refs(&user_env(&url))).await);
        let jwt_env = [
            ("CCPRO_BASE_URL", url.as_str()),
            ("CCPRO_PLATFORM_ID", PLATFORM),
            ("CCPRO_PRIVATE_KEY_FILE", key.as_str()),
        ];
        outputs.push(call("platform-show", "{}", &[], &jwt_env).await);
    }
    // A login whose answer echoes the password, and one that succeeds.
    let login = format!(r#"{{"email":"ada@example.com","password":"{password}"}}"#);
    let echoing = format!(
        r#"{{"message":"Wrong password {password}","errors":{{"password":["{password} is wrong"]}}}}"#
    );
    let server = ScriptedServer::start([
        Reply::json(422, &echoing),
        Reply::json(200, &documented_body("authenticate.response.200.json")),
    ])
    .await;
    let url = server.base_url();
    outputs.push(call("authenticate", &login, &[], &[("CCPRO_BASE_URL", &url)]).await);
    outputs.push(call("authenticate", &login, &[], &[("CCPRO_BASE_URL", &url)]).await);
    // Account close carries a password too.
    let close = format!(r#"{{"password":"{password}"}}"#);
    outputs.push(
        call(
            "account-close-initiate",
            &close,
            &[],
            &refs(&user_env(&url)),
        )
        .await,
    );
    // Invalid input and a refused path next to secrets.
    outputs.push(
        call(
            "account-close-initiate",
            &format!(r#"{{"password":"{password}","x":1}}"#),
            &[],
            &refs(&user_env(&url)),
        )
        .await,
    );
    outputs.push(
        call(
            "authenticate",
            &format!(r#"{{"email":"a@b.c","password":"{password}","password":"{password}"}}"#),
            &[],
            &[("CCPRO_BASE_URL", &url)],
        )
        .await,
    );
    // A password of the wrong type is refused without quoting it.
    outputs.push(
        call(
            "authenticate",
            r#"{"email":"a@b.c","password":98765432123456}"#,
            &[],
            &[("CCPRO_BASE_URL", &url)],
        )
        .await,
    );
    // Nobody listening: a transport failure.
    let closed = format!("http://127.0.0.1:{}", payments_test_support::closed_port());
    outputs.push(call("wallet-list", "{}", &[], &refs(&user_env(&closed))).await);
    // A key file that is not a key: its text is not shown either.
    let bad_key = scratch.file("bad.pem", b"-----BEGIN PRIVATE KEY-----\nTOPSECRETKEYMATERIALxxxxxxxxxxxxxxxxxxxxxx\n-----END PRIVATE KEY-----\n");
    outputs.push(
        call(
            "platform-show",
            "{}",
            &[],
            &[
                ("CCPRO_BASE_URL", &url),
                ("CCPRO_PLATFORM_ID", PLATFORM),
                ("CCPRO_PRIVATE_KEY_FILE", &bad_key),
            ],
        )
        .await,
    );

    let secrets: Vec<&str> = [TOKEN, password, "TOPSECRETKEYMATERIAL", "98765432123456"]
        .into_iter()
        .chain(key_lines)
        .collect();
    let authenticated = &outputs[7];
    assert_eq!(
        authenticated.status.code(),
        Some(0),
        "{}",
        stderr(authenticated)
    );
    for (i, o) in outputs.iter().enumerate() {
        let (out, err) = (stdout(o), stderr(o));
        assert_ne!(o.status.code(), None);
        if o.status.code() != Some(0) {
            assert_eq!(err.lines().count(), 1, "#{i}: {err}");
        }
        for secret in &secrets {
            assert!(!out.contains(secret), "#{i}: a secret in stdout: {out}");
            assert!(!err.contains(secret), "#{i}: a secret in stderr: {err}");
        }
    }
}

// ---- transport ---------------------------------------------------------------------------

/// A server that reads each request completely, counts it, and closes the connection
/// without answering: a state-changing POST that arrived and whose fate is unknown.
async fn closing_server() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    let Ok(n) = stream.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                        continue;
                    };
                    let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                    let length: usize = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                    if buf.len() >= end + 4 + length {
                        break;
                    }
                }
                counter.fetch_add(1, Ordering::SeqCst);
                let _ = stream.shutdown().await;
            });
        }
    });
    (url, hits)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_closed_after_a_post_was_sent_is_exit_3_and_never_resent() {
    let data = documented_body("transfer-create.request.json");
    // Closed without a word.
    let (url, hits) = closing_server().await;
    let o = call("transfer-create", &data, &[], &refs(&user_env(&url))).await;
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("ccpro"), "{}", stderr(&o));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(hits.load(Ordering::SeqCst), 1, "the POST was resent");

    // Closed mid-answer (the scripted server promises more body than it sends).
    let server = ScriptedServer::start([Reply::status(200)
        .without_content_length()
        .header("content-length", "500")
        .header("content-type", "application/json")
        .body(r#"{"data":{"id":"#)])
    .await;
    let url = server.base_url();
    let o = call(
        "quote-confirm",
        r#"{"quote":"q-1"}"#,
        &[],
        &refs(&user_env(&url)),
    )
    .await;
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(server.hits(), 1, "the POST was resent");
    assert!(only(&server).path.ends_with("/quote/q-1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_listening_is_exit_3() {
    let url = format!("http://127.0.0.1:{}", payments_test_support::closed_port());
    let o = call("country-list", "{}", &[], &[("CCPRO_BASE_URL", &url)]).await;
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
}

/// Against the sandbox, as a user of `payments sandbox` would: the platform key file and id,
/// a user seeded by the control route, then user and platform operations, a refused one, and
/// an upload.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_against_the_sandbox_with_the_printed_credentials() {
    use payments_sandbox::{Provider, Sandbox, SandboxConfig};
    let s = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let scratch = Scratch::new("sandbox");
    let key = scratch.file(
        "sandbox-platform.pem",
        s.credentials().ccpro_private_key_pem.as_bytes(),
    );
    let seeded = reqwest::Client::new()
        .post(format!("{}/_sandbox/ccpro/users", s.base_url()))
        .body("{}")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let seeded: serde_json::Value = serde_json::from_str(&seeded).unwrap();
    let (user, token) = (
        seeded["id"].as_str().unwrap().to_owned(),
        seeded["token"].as_str().unwrap().to_owned(),
    );
    let url = s.url(Provider::Ccpro);
    let env = [
        ("CCPRO_BASE_URL", url.as_str()),
        (
            "CCPRO_PLATFORM_ID",
            s.credentials().ccpro_platform_id.as_str(),
        ),
        ("CCPRO_PRIVATE_KEY_FILE", key.as_str()),
        ("CCPRO_TOKEN", token.as_str()),
        ("CCPRO_USER_ID", user.as_str()),
    ];
    let wallet =
        r#"{"address":"0xEfC0c81abd46941766E2Ae9a30c57DF75b161111","alias":"main","coin":"ETH"}"#;
    let o = call("wallet-create", wallet, &[], &env).await;
    ok(&o);
    assert!(stdout(&o).contains("\"CONFIRMED\""), "{}", stdout(&o));
    // The same address again: the sandbox's 422, exit 1, its message on one line.
    let o = call("wallet-create", wallet, &[], &env).await;
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("HTTP 422") && stderr(&o).contains("has already been taken"),
        "{}",
        stderr(&o)
    );
    // A price: every digit of the sandbox's exact answer reaches stdout.
    let o = call(
        "price-buy",
        r#"{"from":"EUR","to":"ETH","from_amount":"100"}"#,
        &[],
        &env,
    )
    .await;
    ok(&o);
    assert!(
        stdout(&o).contains("\"0.6237518725031212543700056188\""),
        "{}",
        stdout(&o)
    );
    // A platform operation signs its JWT with the key file.
    let o = call("platform-staff", "{}", &[], &env).await;
    ok(&o);
    // An upload: a bank buy's proof of payment, as a file.
    let bank = call(
        "bank-create",
        r#"{"bankName":"ING Bank","iban":"RO02INGB0000999900285800","swift":"INGBROBU","currency":"EUR"}"#,
        &[],
        &env,
    )
    .await;
    ok(&bank);
    let bank: serde_json::Value = serde_json::from_str(&stdout(&bank)).unwrap();
    let quote = format!(
        r#"{{"type":"coin","orderType":"buy_with_fiat","orderAmount":"0.5","orderSymbol":"ETH","orderPaymentSymbol":"EUR","orderPaymentMethod":"{}"}}"#,
        bank["id"].as_str().unwrap()
    );
    let quote = call("quote-create", &quote, &[], &env).await;
    ok(&quote);
    let quote: serde_json::Value = serde_json::from_str(&stdout(&quote)).unwrap();
    let confirm = format!(r#"{{"quote":"{}"}}"#, quote["id"].as_str().unwrap());
    let order = call("quote-confirm", &confirm, &[], &env).await;
    ok(&order);
    let order: serde_json::Value = serde_json::from_str(&stdout(&order)).unwrap();
    let file = format!("file={}", scratch.file("proof.pdf", PDF));
    let data = format!(r#"{{"order":"{}"}}"#, order["id"].as_str().unwrap());
    let o = call("order-payment-proof", &data, &["--file", &file], &env).await;
    ok(&o);
    let uploads: Vec<_> = s
        .sandbox()
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/payment-confirmation"))
        .collect();
    assert_eq!(uploads.len(), 1);
    assert_eq!(uploads[0].status, 200);
    // No token or key in what the CLI printed.
    for secret in [token.as_str(), "PRIVATE KEY"] {
        assert!(!stdout(&o).contains(secret) && !stderr(&o).contains(secret));
    }
    s.shutdown().await;
}
