//! Drives the built `payments` binary: operations, call, exit codes, sandbox, demo, fixtures.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use payments_sandbox::{Provider, RunningSandbox, Sandbox, SandboxConfig};

mod ccpro;

const BIN: &str = env!("CARGO_BIN_EXE_payments");

/// Runs the binary with `args` and a clean provider environment plus `env`.
async fn payments(args: &[&str], env: &[(&str, &str)]) -> Output {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    tokio::task::spawn_blocking(move || {
        let mut cmd = Command::new(BIN);
        cmd.args(&args)
            .env_remove("COINCOVER_TOKEN")
            .env_remove("COINCOVER_BASE_URL")
            .env_remove("COVERY_TOKEN")
            .env_remove("COVERY_SECRET")
            .env_remove("COVERY_BASE_URL")
            .env_remove("COINSPAID_KEY")
            .env_remove("COINSPAID_SECRET")
            .env_remove("COINSPAID_BASE_URL")
            .env_remove("COINIFY_PARTNER_ID")
            .env_remove("COINIFY_PRIVATE_KEY_FILE")
            .env_remove("COINIFY_BASE_URL")
            .env_remove("CCPRO_BASE_URL")
            .env_remove("CCPRO_PLATFORM_ID")
            .env_remove("CCPRO_PRIVATE_KEY_FILE")
            .env_remove("CCPRO_TOKEN")
            .env_remove("CCPRO_USER_ID")
            .stdin(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    })
    .await
    .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

async fn sandbox() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default()).await.unwrap()
}

fn creds(s: &RunningSandbox) -> Vec<(&'static str, String)> {
    vec![
        ("COINCOVER_TOKEN", s.credentials().coincover_token.clone()),
        ("COINCOVER_BASE_URL", s.url(Provider::CoinCover)),
        ("COVERY_TOKEN", s.credentials().covery_token.clone()),
        ("COVERY_SECRET", s.credentials().covery_secret.clone()),
        ("COVERY_BASE_URL", s.url(Provider::Covery)),
        ("COINSPAID_KEY", s.credentials().coinspaid_key.clone()),
        ("COINSPAID_SECRET", s.credentials().coinspaid_secret.clone()),
        ("COINSPAID_BASE_URL", s.url(Provider::CoinsPaid)),
    ]
}

async fn call_provider(s: &RunningSandbox, provider: &str, op: &str, data: &str) -> Output {
    let env = creds(s);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    payments(&["call", provider, op, "--data", data], &env).await
}

async fn call(s: &RunningSandbox, op: &str, data: &str) -> Output {
    let env = creds(s);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    payments(&["call", "coincover", op, "--data", data], &env).await
}

const USER: &str = r#"{"userId":"jb001","firstName":"Joe","lastName":"Blogs","dob":"1975-05-01","residenceCountry":"US","nationality":"US"}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operations_lists_every_coincover_operation() {
    let o = payments(&["operations"], &[]).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for (name, method, path) in [
        ("check-transaction", "POST", "/transaction"),
        ("create-user", "POST", "/user"),
        ("update-user", "PATCH", "/user/{userId}"),
        ("create-plan", "POST", "/user/{userId}/plan"),
        ("update-plan", "PATCH", "/user/{userId}/plan"),
    ] {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(name))
            .unwrap_or_else(|| panic!("{name} missing from:\n{out}"));
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols[..4], ["coincover", name, method, path]);
        assert!(cols.len() > 4, "no summary: {line}");
    }
    let o = payments(&["operations", "nope"], &[]).await;
    assert_eq!(o.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn call_sends_documented_requests_and_prints_json() {
    let s = sandbox().await;
    let o = call(&s, "create-user", USER).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A success without a body says so.
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v, serde_json::json!({"status": 201}));

    // Path parameters travel as top-level fields and leave the body.
    let o = call(&s, "update-user", r#"{"userId":"jb001","firstName":"Joe"}"#).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let reqs = s.sandbox().requests();
    let last = reqs.last().unwrap();
    assert_eq!(last.method, "PATCH");
    assert_eq!(last.path, "/coincover/user/jb001");
    assert_eq!(last.body, r#"{"firstName":"Joe"}"#);

    let o = call(&s, "create-plan", r#"{"userId":"jb001","levelUsd":1000}"#).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        s.sandbox().requests().last().unwrap().body,
        r#"{"levelUsd":1000}"#
    );

    let tx = r#"{"transactionCustomerId":"t1","coin":"bitcoin","walletId":"w1","outputs":[{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"0.001","userId":"jb001"}]}"#;
    let o = call(&s, "check-transaction", tx).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["status"], "GREEN");
    assert!(v["transactionUUID"].as_str().is_some_and(|u| u.len() == 36));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_from_a_file_and_base_url_flag_wins() {
    let s = sandbox().await;
    let dir = std::env::temp_dir().join(format!("payments-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("user.json");
    std::fs::write(&file, USER).unwrap();
    let data = format!("@{}", file.display());
    let token = s.credentials().coincover_token.clone();
    let url = s.url(Provider::CoinCover);
    let o = payments(
        &[
            "call",
            "coincover",
            "create-user",
            "--data",
            &data,
            "--base-url",
            &url,
        ],
        // The variable points nowhere; the flag must win.
        &[
            ("COINCOVER_TOKEN", &token),
            ("COINCOVER_BASE_URL", "http://127.0.0.1:9/nowhere"),
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(s.sandbox().requests().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_1_when_the_provider_answers_an_error() {
    let s = sandbox().await;
    let url = s.url(Provider::CoinCover);
    let o = payments(
        &["call", "coincover", "create-user", "--data", USER],
        &[
            ("COINCOVER_TOKEN", "wrong-token"),
            ("COINCOVER_BASE_URL", &url),
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("HTTP 401") && err.contains("Unauthorized"),
        "{err}"
    );
    assert!(!err.contains("wrong-token"), "{err}");

    let o = call(&s, "update-user", r#"{"userId":"ghost","firstName":"Joe"}"#).await;
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("HTTP 404"), "{}", stderr(&o));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_2_for_invalid_input_and_nothing_is_sent() {
    let s = sandbox().await;
    for (op, data, says) in [
        ("create-user", "{not json", "not valid JSON"),
        (
            "create-user",
            r#"{"userId":"a","firstName":"b","lastName":"c","residenceCountry":"US","nickname":"x"}"#,
            "unknown field `nickname`",
        ),
        (
            "create-user",
            r#"{"userId":"a","firstName":"b","lastName":"c","residenceCountry":"usa"}"#,
            "residenceCountry",
        ),
        (
            "update-user",
            r#"{"firstName":"Joe"}"#,
            "userId: is required",
        ),
        ("update-user", r#"{"userId":"jb001"}"#, "nothing to update"),
        (
            "check-transaction",
            r#"{"transactionCustomerId":"t","coin":"BTC","walletId":"w","outputs":[]}"#,
            "not a ticker",
        ),
        (
            "check-transaction",
            r#"{"transactionCustomerId":"t","coin":"bitcoin","walletId":"w","outputs":[]}"#,
            "outputs",
        ),
        (
            "create-plan",
            r#"{"userId":"jb001","levelUsd":0}"#,
            "levelUsd",
        ),
        ("no-such-op", "{}", "unknown coincover operation"),
    ] {
        let o = call(&s, op, data).await;
        assert_eq!(o.status.code(), Some(2), "{op} {data}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{op} {data}: {}", stderr(&o));
    }
    assert!(s.sandbox().requests().is_empty());

    let o = payments(&["call", "coincover", "create-user", "--data", USER], &[]).await;
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("COINCOVER_TOKEN"), "{}", stderr(&o));
    let o = payments(&["frobnicate"], &[]).await;
    assert_eq!(o.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_3_on_transport_failure() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/coincover");
    let o = payments(
        &["call", "coincover", "create-user", "--data", USER],
        &[("COINCOVER_TOKEN", "t"), ("COINCOVER_BASE_URL", &url)],
    )
    .await;
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("coincover"), "{}", stderr(&o));
}

const LOGIN: &str =
    r#"{"type":"login","login_timestamp":1700000000,"user_merchant_id":"u-1","sequence_id":"s-1"}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn covery_calls_sign_like_covery_and_print_typed_json() {
    let s = sandbox().await;
    let o = call_provider(&s, "covery", "ping", "{}").await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["access"]["decision"], true);

    let o = call_provider(&s, "covery", "send-event", LOGIN).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["type"], "login");
    let last = s.sandbox().requests().into_iter().last().unwrap();
    assert_eq!(last.path, "/covery/api/sendEvent");
    assert_eq!(last.body, LOGIN);

    let tx = r#"{"type":"transaction","transaction_amount":15000,"transaction_currency":"USD","transaction_id":"t-9","transaction_timestamp":1700000000,"user_merchant_id":"u-1","sequence_id":"s-1","email":"x@mailinator.com"}"#;
    let o = call_provider(&s, "covery", "make-decision", tx).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["reject"], true, "{v}");

    let o = call_provider(
        &s,
        "covery",
        "postback",
        r#"{"transaction_id":"t-9","transaction_status":"success"}"#,
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = call_provider(&s, "covery", "latest-fraud-alerts", r#"{"limit":5}"#).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "[]");

    // Errors: 410 from the provider is exit 1; bad input is exit 2 and sends nothing.
    let o = call_provider(&s, "covery", "find-fraud-alert", r#"{"id":12345}"#).await;
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("HTTP 410"), "{}", stderr(&o));
    let before = s.sandbox().requests().len();
    for (op, data, says) in [
        ("send-event", r#"{"type":"teleport"}"#, "unknown event type"),
        (
            "send-event",
            r#"{"type":"login","login_timestamp":1,"user_merchant_id":"u","sequence_id":"s","shoe_size":9}"#,
            "unknown field `shoe_size`",
        ),
        ("latest-fraud-alerts", r#"{"limit":500}"#, "limit"),
        ("postback", "{}", "request_id"),
    ] {
        let o = call_provider(&s, "covery", op, data).await;
        assert_eq!(o.status.code(), Some(2), "{op} {data}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{op} {data}: {}", stderr(&o));
    }
    assert_eq!(s.sandbox().requests().len(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn covery_wrong_secret_is_exit_1_with_the_provider_message() {
    let s = sandbox().await;
    let url = s.url(Provider::Covery);
    let token = s.credentials().covery_token.clone();
    let o = payments(
        &["call", "covery", "send-event", "--data", LOGIN],
        &[
            ("COVERY_TOKEN", &token),
            ("COVERY_SECRET", "not-the-secret"),
            ("COVERY_BASE_URL", &url),
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("HTTP 401"), "{err}");
    assert!(!err.contains("not-the-secret"), "{err}");
}

/// Accepts one HTTP request on a loopback port, answers 200, and returns its headers and body.
async fn capture_one() -> (
    String,
    tokio::task::JoinHandle<(Vec<(String, String)>, Vec<u8>)>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let handle = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let (head_end, len) = loop {
            let n = sock.read(&mut chunk).await.unwrap();
            buf.extend_from_slice(&chunk[..n]);
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..i]).to_string();
                let len = head
                    .lines()
                    .find_map(|l| {
                        let (n, v) = l.split_once(':')?;
                        n.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse::<usize>().ok())?
                    })
                    .unwrap_or(0);
                break (i + 4, len);
            }
        };
        while buf.len() < head_end + len {
            let n = sock.read(&mut chunk).await.unwrap();
            buf.extend_from_slice(&chunk[..n]);
        }
        sock.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            .await
            .unwrap();
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let headers = head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
            .collect();
        (headers, buf[head_end..head_end + len].to_vec())
    });
    (url, handle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn covery_trigger_then_verify_callback_round_trip() {
    let (url, captured) = capture_one().await;
    let secret = [("COVERY_SECRET", "hook-secret")];
    let o = payments(
        &["trigger", "covery", "fraud-alert", "--url", &url],
        &secret,
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (headers, body) = captured.await.unwrap();
    let dir = std::env::temp_dir().join(format!("payments-cb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("alert.json");
    std::fs::write(&file, &body).unwrap();
    let body_arg = format!("@{}", file.display());
    let mut args: Vec<String> = vec!["verify-callback".into(), "covery".into()];
    for (n, v) in &headers {
        if n.eq_ignore_ascii_case("x-auth-nonce") || n.eq_ignore_ascii_case("x-auth-signature") {
            args.push("--header".into());
            // Header names are case-insensitive: send them upper-cased.
            args.push(format!("{}: {v}", n.to_uppercase()));
        }
    }
    args.push("--body".into());
    args.push(body_arg.clone());
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = payments(&argv, &secret).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["id"], 8464503);

    // Wrong secret, tampered body, missing header: exit 1 with the reason.
    let o = payments(&argv, &[("COVERY_SECRET", "other")]).await;
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("signature"), "{}", stderr(&o));
    let mut tampered = body.clone();
    tampered[10] ^= 1;
    std::fs::write(&file, &tampered).unwrap();
    let o = payments(&argv, &secret).await;
    assert_eq!(o.status.code(), Some(1));
    let o = payments(&["verify-callback", "covery", "--body", &body_arg], &secret).await;
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).to_lowercase().contains("missing"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_are_refused_for_coincover() {
    let o = payments(
        &[
            "verify-callback",
            "coincover",
            "--header",
            "X: y",
            "--body",
            "-",
        ],
        &[],
    )
    .await;
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("sends no callbacks"));
    let o = payments(
        &[
            "trigger",
            "coincover",
            "anything",
            "--url",
            "http://127.0.0.1:9/",
        ],
        &[],
    )
    .await;
    assert_eq!(o.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_runs_offline_and_exits_0() {
    let o = payments(&["demo"], &[]).await;
    assert_eq!(o.status.code(), Some(0), "{}\n{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("GREEN"), "{out}");
    assert!(out.contains("RED 50101"), "{out}");
    assert!(out.contains("RED 50310"), "{out}");
    assert!(out.contains("accept=true"), "{out}");
    assert!(out.contains("reject=true"), "{out}");
    assert!(out.contains("verified: alert"), "{out}");
    assert!(
        out.contains("verified: not_confirmed, then confirmed"),
        "{out}"
    );
    assert!(out.contains("then callback confirmed"), "{out}");
    assert!(out.contains("created review"), "{out}");
    assert!(out.contains("e-mail verified"), "{out}");
    assert!(out.contains("PAYMENT_WAITING"), "{out}");
    assert!(
        out.contains("APPROVED, notification order_approved"),
        "{out}"
    );
    assert!(out.contains("completed, 0.095 ETH received"), "{out}");
    assert!(out.contains("Done: 5 providers"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_command_serves_printed_credentials_and_rejects_a_wrong_token() {
    let mut child = Command::new(BIN)
        .args(["sandbox", "--listen", "127.0.0.1:0", "--seed", "3"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let (mut url, mut token, mut key_file) = (None, None, None);
    let mut ccpro: Vec<(String, String)> = Vec::new();
    loop {
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        if let Some((name, value)) = line.trim().split_once('=')
            && name.starts_with("CCPRO_")
        {
            ccpro.push((name.to_owned(), value.to_owned()));
        }
        if let Some(v) = line.trim().strip_prefix("COINCOVER_BASE_URL=") {
            url = Some(v.to_owned());
        }
        if let Some(v) = line.trim().strip_prefix("COINCOVER_TOKEN=") {
            token = Some(v.to_owned());
        }
        if let Some(v) = line.trim().strip_prefix("COINIFY_PRIVATE_KEY_FILE=") {
            key_file = Some(v.to_owned());
        }
        if line.contains("Press Ctrl-C") {
            break;
        }
    }
    // The generated Coinify partner key is written where the printout says.
    let key_text = std::fs::read_to_string(key_file.unwrap()).unwrap();
    assert!(key_text.starts_with("-----BEGIN PRIVATE KEY-----"));
    let (url, token) = (url.unwrap(), token.unwrap());
    let http = reqwest::Client::new();
    let ok = http
        .post(format!("{url}/user"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(USER)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 201);
    let bad = http
        .post(format!("{url}/user"))
        .header("authorization", "Bearer wrong")
        .header("content-type", "application/json")
        .body(USER)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 401);
    let body: serde_json::Value = serde_json::from_slice(&bad.bytes().await.unwrap()).unwrap();
    assert_eq!(body, serde_json::json!({"message": "Unauthorized"}));
    // One log line per request.
    let mut log = Vec::new();
    while log.len() < 2 {
        let line = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        if line.contains("status=") && line.contains("/coincover/user") {
            log.push(line);
        }
    }
    assert!(log[0].contains("201") && log[1].contains("401"), "{log:?}");
    // The CCPro platform: its id, its generated key's file and the base URL, enough for a
    // platform operation.
    let names: Vec<&str> = ccpro.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "CCPRO_PLATFORM_ID",
            "CCPRO_PRIVATE_KEY_FILE",
            "CCPRO_BASE_URL"
        ]
    );
    let env: Vec<(&str, &str)> = ccpro
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let o = payments(&["call", "ccpro", "platform-show", "--data", "{}"], &env).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("\"ien\""), "{shown}");
    child.kill().unwrap();
    let _ = child.wait();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_recording_path_works_against_the_sandbox() {
    let s = sandbox().await;
    let dir = std::env::temp_dir().join(format!("payments-live-rec-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let env = creds(&s);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let out = dir.to_string_lossy().into_owned();
    let o = payments(
        &["record-fixtures", "--out", &out, "--live", "coincover"],
        &env,
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files: Vec<_> = std::fs::read_dir(dir.join("coincover/recorded"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() >= 13, "{files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            !text.contains(&s.credentials().coincover_token),
            "{}",
            f.display()
        );
        assert!(text.contains("[REDACTED]"), "{}", f.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coinspaid_trigger_then_verify_callback_round_trip() {
    let env = [
        ("COINSPAID_KEY", "hook-key"),
        ("COINSPAID_SECRET", "hook-secret"),
    ];
    for (event, kind) in [
        ("deposit", "deposit"),
        ("withdrawal", "withdrawal"),
        ("deposit-exchange", "deposit_exchange"),
        ("exchange", "exchange"),
    ] {
        let (url, captured) = capture_one().await;
        let o = payments(&["trigger", "coinspaid", event, "--url", &url], &env).await;
        assert_eq!(o.status.code(), Some(0), "{event}: {}", stderr(&o));
        let (headers, body) = captured.await.unwrap();
        let dir = std::env::temp_dir().join(format!("payments-cp-{}-{event}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("cb.json");
        std::fs::write(&file, &body).unwrap();
        let body_arg = format!("@{}", file.display());
        let mut args: Vec<String> = vec!["verify-callback".into(), "coinspaid".into()];
        for (n, v) in &headers {
            if n.to_ascii_lowercase().starts_with("x-processing-") {
                args.push("--header".into());
                args.push(format!("{n}: {v}"));
            }
        }
        args.push("--body".into());
        args.push(body_arg);
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = payments(&argv, &env).await;
        assert_eq!(o.status.code(), Some(0), "{event}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["type"], kind, "{event}: {v}");
        // Another key is refused.
        let o = payments(
            &argv,
            &[
                ("COINSPAID_KEY", "other-key"),
                ("COINSPAID_SECRET", "hook-secret"),
            ],
        )
        .await;
        assert_eq!(o.status.code(), Some(1), "{event}");
        let _ = std::fs::remove_dir_all(&dir);
    }
    let o = payments(
        &[
            "trigger",
            "coinspaid",
            "refund",
            "--url",
            "http://127.0.0.1:9/",
        ],
        &env,
    )
    .await;
    assert_eq!(o.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coinspaid_calls_sign_the_exact_body_and_print_typed_json() {
    let s = sandbox().await;
    let o = call_provider(&s, "coinspaid", "ping", "{}").await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = call_provider(&s, "coinspaid", "accounts-list", "{}").await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["currency"], "BTC", "{v}");
    let take = r#"{"currency":"BTC","foreign_id":"123456"}"#;
    let o = call_provider(&s, "coinspaid", "addresses-take", take).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let last = s.sandbox().requests().into_iter().last().unwrap();
    assert_eq!(last.path, "/coinspaid/v2/addresses/take");
    assert_eq!(last.body, take);
    let o = call_provider(
        &s,
        "coinspaid",
        "exchange-calculate",
        r#"{"sender_currency":"EUR","receiver_currency":"BTC","sender_amount":"300"}"#,
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // The provider's validation errors are exit 1 with field and message.
    let o = call_provider(
        &s,
        "coinspaid",
        "withdrawal-crypto",
        r#"{"foreign_id":"w1","amount":"0.0001","currency":"BTC","address":"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"}"#,
    )
    .await;
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("HTTP 400: amount: The amount must be at least 0.001."),
        "{}",
        stderr(&o)
    );
    // Both amounts for calculate: refused before sending.
    let before = s.sandbox().requests().len();
    let o = call_provider(
        &s,
        "coinspaid",
        "exchange-calculate",
        r#"{"sender_currency":"EUR","receiver_currency":"BTC","sender_amount":"1","receiver_amount":"1"}"#,
    )
    .await;
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(s.sandbox().requests().len(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coinify_calls_with_a_partner_key_file_and_a_document_file() {
    let s = sandbox().await;
    let dir = std::env::temp_dir().join(format!("payments-coinify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("partner.pem");
    std::fs::write(&key, &s.credentials().coinify_private_key_pem).unwrap();
    let key_arg = key.display().to_string();
    let url = s.url(Provider::Coinify);
    let partner = s.credentials().coinify_partner_id.clone();
    let env = [
        ("COINIFY_PARTNER_ID", partner.as_str()),
        ("COINIFY_PRIVATE_KEY_FILE", key_arg.as_str()),
        ("COINIFY_BASE_URL", url.as_str()),
    ];
    let run = |args: Vec<String>| {
        let env = env.map(|(k, v)| (k, v.to_owned()));
        async move {
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
            payments(&argv, &env).await
        }
    };
    let call = |op: &str, data: &str| {
        vec![
            "call".to_owned(),
            "coinify".to_owned(),
            op.to_owned(),
            "--data".to_owned(),
            data.to_owned(),
        ]
    };

    let o = run(call(
        "approximate-quote",
        r#"{"baseAmount":-100,"baseCurrency":"EUR","quoteCurrency":"BTC","transferInMedium":"card","transferOutMedium":"blockchain"}"#,
    ))
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["quoteAmount"], serde_json::json!(0.00147166), "{v}");

    let o = run(call(
        "kyc-create",
        payments_sandbox::coinify::EXAMPLE_KYC_REQUEST,
    ))
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["created"], true, "{v}");
    let review = v["review"]["id"].as_str().unwrap().to_owned();
    let o = run(call(
        "kyc-create",
        payments_sandbox::coinify::EXAMPLE_KYC_REQUEST,
    ))
    .await;
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["created"], false, "{v}");

    let doc = dir.join("passport.png");
    std::fs::write(&doc, b"\x89PNG\r\n\x1a\n-cli-test").unwrap();
    let data =
        format!(r#"{{"reviewId":"{review}","externalId":"doc-1","documentType":"passport"}}"#);
    let mut args = call("kyc-upload-document", &data);
    args.extend(["--file".to_owned(), doc.display().to_string()]);
    let o = run(args).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let last = s.sandbox().requests().into_iter().last().unwrap();
    assert!(
        last.path.ends_with(&format!("/kyc/{review}/documents")),
        "{}",
        last.path
    );
    assert!(
        last.headers
            .iter()
            .any(|(n, v)| n == "content-type" && v == "image/png")
    );
    assert!(
        last.headers
            .iter()
            .any(|(n, v)| n == "x-upload-external-id" && v == "doc-1")
    );

    // Over 25 MB: refused from the file's size, nothing sent (the file is sparse).
    let big = dir.join("big.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(26 * 1024 * 1024)
        .unwrap();
    let before = s.sandbox().requests().len();
    let mut args = call("kyc-upload-document", &data);
    args.extend(["--file".to_owned(), big.display().to_string()]);
    let o = run(args).await;
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("25"), "{}", stderr(&o));
    assert_eq!(s.sandbox().requests().len(), before);

    for op in ["countries", "payment-methods"] {
        let o = run(call(op, "{}")).await;
        assert_eq!(o.status.code(), Some(0), "{op}: {}", stderr(&o));
    }
    // Both media or neither: refused before sending.
    let o = run(call(
        "approximate-quote",
        r#"{"baseAmount":-100,"baseCurrency":"EUR","quoteCurrency":"BTC","transferInMedium":"card"}"#,
    ))
    .await;
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sandbox_command_verifies_coinify_jwts_with_a_given_public_key() {
    let pair = payments_sandbox::coinify::generate_key_pair().unwrap();
    let dir = std::env::temp_dir().join(format!("payments-pubkey-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let public = dir.join("partner.pub.pem");
    let private = dir.join("partner.pem");
    std::fs::write(&public, &pair.public_key_pem).unwrap();
    std::fs::write(&private, &pair.private_key_pem).unwrap();
    let mut child = Command::new(BIN)
        .args(["sandbox", "--listen", "127.0.0.1:0", "--coinify-public-key"])
        .arg(&public)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (mut url, mut partner) = (None, None);
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(v) = line.trim().strip_prefix("COINIFY_BASE_URL=") {
            url = Some(v.to_owned());
        }
        if let Some(v) = line.trim().strip_prefix("COINIFY_PARTNER_ID=") {
            partner = Some(v.to_owned());
        }
        if line.contains("Press Ctrl-C") {
            break;
        }
    }
    let (url, partner) = (url.unwrap(), partner.unwrap());
    let key = private.display().to_string();
    let env = [
        ("COINIFY_PARTNER_ID", partner.as_str()),
        ("COINIFY_PRIVATE_KEY_FILE", key.as_str()),
        ("COINIFY_BASE_URL", url.as_str()),
    ];
    let kyc = payments_sandbox::coinify::EXAMPLE_KYC_REQUEST;
    let o = payments(&["call", "coinify", "kyc-create", "--data", kyc], &env).await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The sandbox's own generated key is not the configured one: 401, exit 1.
    let other = dir.join("other.pem");
    std::fs::write(
        &other,
        &payments_sandbox::coinify::generated_key()
            .unwrap()
            .private_key_pem,
    )
    .unwrap();
    let other_key = other.display().to_string();
    let env = [
        ("COINIFY_PARTNER_ID", partner.as_str()),
        ("COINIFY_PRIVATE_KEY_FILE", other_key.as_str()),
        ("COINIFY_BASE_URL", url.as_str()),
    ];
    let o = payments(&["call", "coinify", "kyc-create", "--data", kyc], &env).await;
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("HTTP 401"), "{}", stderr(&o));
    child.kill().unwrap();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The sandbox's recorded request bodies of one path suffix.
fn bodies(s: &RunningSandbox, path_end: &str) -> Vec<String> {
    s.sandbox()
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with(path_end))
        .map(|r| r.body)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn numbers_in_data_reach_the_wire_digit_for_digit() {
    let s = sandbox().await;
    for amount in ["0.123456789012345678", "28.550"] {
        let event = format!(
            r#"{{"type":"transaction","transaction_amount":{amount},"transaction_currency":"USD","transaction_id":"t-{amount}","transaction_timestamp":1700000000,"user_merchant_id":"u1","sequence_id":"s1"}}"#
        );
        let o = call_provider(&s, "covery", "send-event", &event).await;
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let sent = bodies(&s, "/api/sendEvent");
        let last = sent.last().unwrap();
        assert!(
            last.contains(&format!(r#""transaction_amount":{amount}"#)),
            "{amount} not sent as written: {last}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_number_the_type_cannot_hold_exactly_is_refused_not_rounded() {
    let s = sandbox().await;
    let event = r#"{"type":"transaction","transaction_amount":0.12345678901234567890123456789012,"transaction_currency":"USD","transaction_id":"t-long","transaction_timestamp":1700000000,"user_merchant_id":"u1","sequence_id":"s1"}"#;
    let o = call_provider(&s, "covery", "send-event", event).await;
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("transaction_amount"), "{}", stderr(&o));
    assert!(
        bodies(&s, "/api/sendEvent").is_empty(),
        "something was sent"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_key_at_any_depth_is_refused_naming_it_and_nothing_is_sent() {
    let s = sandbox().await;
    let withdrawal = r#"{"foreign_id":"w1","amount":"0.01000000","amount":"1000","currency":"BTC","address":"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"}"#;
    let o = call_provider(&s, "coinspaid", "withdrawal-crypto", withdrawal).await;
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("amount: duplicate key"),
        "{}",
        stderr(&o)
    );
    let o = call(
        &s,
        "update-user",
        r#"{"userId":"a","userId":"b","firstName":"Joe"}"#,
    )
    .await;
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("userId: duplicate key"),
        "{}",
        stderr(&o)
    );
    let tx = r#"{"transactionCustomerId":"t1","coin":"bitcoin","walletId":"w1","outputs":[{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"0.001","userId":"jb001","userId":"x"}]}"#;
    let o = call(&s, "check-transaction", tx).await;
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("outputs[0].userId: duplicate key"),
        "{}",
        stderr(&o)
    );
    assert!(s.sandbox().requests().is_empty(), "something was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn numbers_in_a_response_are_printed_as_received() {
    use payments_test_support::server::{Reply, ScriptedServer};
    let body = r#"{"baseAmount":-100.50,"baseCurrency":"EUR","quoteAmount":0.00128140,"quoteCurrency":"BTC","transferIn":{"medium":"card","feeAmount":4.990,"currency":"EUR"},"transferOut":{"medium":"blockchain","feeAmount":0.000195000000000000001,"currency":"BTC"}}"#;
    let server = ScriptedServer::start([Reply::json(200, body)]).await;
    let url = server.base_url();
    let env = [
        ("COINIFY_PARTNER_ID", "5f0c6a39-2a4c-4d0e-9b8a-0c1f3e5d7a21"),
        ("COINIFY_BASE_URL", url.as_str()),
    ];
    let data = r#"{"baseAmount":-0.123456789012345678,"baseCurrency":"EUR","quoteCurrency":"BTC"}"#;
    let o = payments(
        &["call", "coinify", "approximate-quote", "--data", data],
        &env,
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for printed in [
        r#""quoteAmount": 0.00128140"#,
        r#""baseAmount": -100.50"#,
        r#""feeAmount": 4.990"#,
        r#""feeAmount": 0.000195000000000000001"#,
    ] {
        assert!(out.contains(printed), "{printed} not in\n{out}");
    }
    // And the request's amount went out as written.
    let sent = server.requests();
    let target = &sent[0].path;
    assert!(
        target.contains("baseAmount=-0.123456789012345678"),
        "sent {target}"
    );
}
