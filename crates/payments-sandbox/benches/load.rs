//! Throughput of the sandbox next to a minimal axum handler that answers the same request with
//! a fixed JSON body, both in this process on their own loopback listeners, under the same
//! load: 16 concurrent tasks, each with its own keep-alive `reqwest::Client`, for a fixed
//! time, in alternating rounds. Two workloads, each with its own ratio:
//!
//! - CoinCover check-transaction: a POST of a GREEN check (signature-free bearer auth, a JSON
//!   body read, the limit rules);
//! - CCPro wallet-list: a bearer-token GET of a user's three wallets (the token looked up,
//!   the `{user}` and account checks, the list written from state).
//!
//! ```sh
//! cargo bench -p payments-sandbox --bench load            # 2 rounds of 3 s each
//! LOAD_SECS=10 LOAD_ROUNDS=3 cargo bench -p payments-sandbox --bench load
//! ```
//!
//! Without `--bench` (as under `cargo test --all-targets`) it runs one 200 ms smoke round.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::header;
use payments_sandbox::{Provider, Sandbox, SandboxConfig};

const CONCURRENCY: usize = 16;
const RESPONSE: &str = r#"{"transactionUUID":"3d0ee9d3-4d85-5c8e-af77-3bc9feec83f2","status":"GREEN","message":"Transaction is protected by CoinCover."}"#;
/// What the minimal handler answers for the CCPro workload: a list of three wallets, as long
/// as the sandbox's.
const WALLETS: &str = r#"{"data":[{"id":"0b5d1b5c-a84e-459d-86d1-df2c0619f4e6","status":"CONFIRMED","alias":"wallet-0","address":"0xEfC0c81abd46941766E2Ae9a30c57DF75b160000","coin":"ETH","createdAt":1555335338},{"id":"0b5d1b5c-a84e-459d-86d1-df2c0619f4e7","status":"CONFIRMED","alias":"wallet-1","address":"0xEfC0c81abd46941766E2Ae9a30c57DF75b160001","coin":"ETH","createdAt":1555335338},{"id":"0b5d1b5c-a84e-459d-86d1-df2c0619f4e8","status":"CONFIRMED","alias":"wallet-2","address":"0xEfC0c81abd46941766E2Ae9a30c57DF75b160002","coin":"ETH","createdAt":1555335338}]}"#;

/// One workload: how each request is sent and how its answer is recognised.
#[derive(Clone, Copy)]
enum Load {
    /// CoinCover check-transaction (POST with a body).
    CoinCover,
    /// CCPro wallet-list (a bearer GET).
    CcproWallets,
}

impl Load {
    fn name(self) -> &'static str {
        match self {
            Load::CoinCover => "coincover check-transaction (POST)",
            Load::CcproWallets => "ccpro wallet-list (bearer GET)",
        }
    }

    /// The bytes every answer must contain.
    fn marker(self) -> &'static [u8] {
        match self {
            Load::CoinCover => b"\"GREEN\"",
            Load::CcproWallets => b"\"wallet-2\"",
        }
    }
}

/// A GREEN check: 0.000001 bitcoin is 0.06 USD, far below every limit however many are sent.
fn body(id: &str) -> String {
    format!(
        r#"{{"transactionCustomerId":"{id}","transactionHash":"GL8636339870050078","coin":"bitcoin","walletId":"1FjgpyeeWTRd7BxTXHEL2rjCj8","outputs":[{{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"0.000001","userId":"27a73667-fb36-4708-822f-8b2c79cb817e"}}]}}"#
    )
}

async fn minimal_server() -> SocketAddr {
    let app = axum::Router::new()
        .route(
            "/transaction",
            axum::routing::post(|body: Bytes| async move {
                assert!(!body.is_empty());
                ([(header::CONTENT_TYPE, "application/json")], RESPONSE)
            }),
        )
        .route(
            "/wallet",
            axum::routing::get(|| async {
                ([(header::CONTENT_TYPE, "application/json")], WALLETS)
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// Drives `url` for `duration` (at least one request per client); returns (requests,
/// elapsed).
async fn drive(
    load: Load,
    url: &str,
    auth: &str,
    label: &str,
    duration: Duration,
) -> (u64, Duration) {
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..CONCURRENCY)
        .map(|task| {
            let url = url.to_owned();
            let auth = auth.to_owned();
            let label = label.to_owned();
            tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .no_proxy()
                    .http1_only()
                    .build()
                    .unwrap();
                let mut n = 0u64;
                // At least one request per client, however busy the machine (the smoke
                // run under `cargo test` is short).
                loop {
                    let request = match load {
                        Load::CoinCover => client
                            .post(&url)
                            .header(header::CONTENT_TYPE, "application/json")
                            .body(body(&format!("{label}-{task}-{n}"))),
                        Load::CcproWallets => {
                            client.get(&url).header(header::ACCEPT, "application/json")
                        }
                    };
                    let resp = request
                        .header(header::AUTHORIZATION, &auth)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(resp.status().as_u16(), 200);
                    let answer = resp.bytes().await.unwrap();
                    let marker = load.marker();
                    assert!(
                        answer.windows(marker.len()).any(|w| w == marker),
                        "{}",
                        String::from_utf8_lossy(&answer)
                    );
                    n += 1;
                    if Instant::now() >= deadline {
                        break;
                    }
                }
                n
            })
        })
        .collect();
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap();
    }
    (total, started.elapsed())
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let (round, rounds) = if bench {
        (
            Duration::from_secs_f64(env_or("LOAD_SECS", 3.0)),
            env_or("LOAD_ROUNDS", 2u32),
        )
    } else {
        (Duration::from_millis(50), 1)
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let minimal = minimal_server().await;
        if bench {
            println!(
                "{CONCURRENCY} keep-alive clients, {} round(s) of {round:?} per server",
                rounds
            );
        }
        for load in [Load::CoinCover, Load::CcproWallets] {
            let (mut sandbox_n, mut sandbox_t) = (0u64, Duration::ZERO);
            let (mut minimal_n, mut minimal_t) = (0u64, Duration::ZERO);
            if bench {
                println!("\n{}", load.name());
            }
            for r in 1..=rounds {
                // Keeps the retry cache and the totals small; the request log is capped anyway.
                sandbox.sandbox().reset();
                let (sandbox_url, minimal_url, auth) = match load {
                    Load::CoinCover => (
                        format!("{}/transaction", sandbox.url(Provider::CoinCover)),
                        format!("http://{minimal}/transaction"),
                        format!("Bearer {}", sandbox.credentials().coincover_token),
                    ),
                    Load::CcproWallets => {
                        let (user, token) = ccpro_user_with_wallets(&sandbox).await;
                        (
                            format!("{}/api/v1/user/{user}/wallet", sandbox.url(Provider::Ccpro)),
                            format!("http://{minimal}/wallet"),
                            format!("Bearer {token}"),
                        )
                    }
                };
                let (n, t) = drive(load, &sandbox_url, &auth, &format!("s{r}"), round).await;
                if bench {
                    println!(
                        "round {r}: sandbox {:>9.0} req/s",
                        n as f64 / t.as_secs_f64()
                    );
                }
                sandbox_n += n;
                sandbox_t += t;
                let (n, t) = drive(load, &minimal_url, &auth, &format!("m{r}"), round).await;
                if bench {
                    println!(
                        "round {r}: minimal {:>9.0} req/s",
                        n as f64 / t.as_secs_f64()
                    );
                }
                minimal_n += n;
                minimal_t += t;
            }
            let s = sandbox_n as f64 / sandbox_t.as_secs_f64();
            let m = minimal_n as f64 / minimal_t.as_secs_f64();
            // Under `cargo test` (no `--bench`) this was a short smoke run: no figures.
            if bench {
                println!("sandbox: {s:.0} req/s ({sandbox_n} requests)");
                println!("minimal: {m:.0} req/s ({minimal_n} requests)");
                println!("ratio sandbox/minimal: {:.3}", s / m);
            }
            assert!(sandbox_n > 0 && minimal_n > 0);
        }
        sandbox.shutdown().await;
    });
}

/// A CCPro user with three wallets, through the control route and wallet-create: (user id,
/// bearer token).
async fn ccpro_user_with_wallets(sandbox: &payments_sandbox::RunningSandbox) -> (String, String) {
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let seeded: serde_json::Value = http
        .post(format!("{}/_sandbox/ccpro/users", sandbox.base_url()))
        .body("{}")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap();
    let user = seeded["id"].as_str().unwrap().to_owned();
    let token = seeded["token"].as_str().unwrap().to_owned();
    for i in 0..3 {
        let resp = http
            .post(format!(
                "{}/api/v1/user/{user}/wallet",
                sandbox.url(Provider::Ccpro)
            ))
            .bearer_auth(&token)
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/json")
            .body(
                serde_json::to_vec(&serde_json::json!({
                    "address": format!("0xEfC0c81abd46941766E2Ae9a30c57DF75b16{i:04}"),
                    "alias": format!("wallet-{i}"),
                    "coin": "ETH",
                }))
                .unwrap(),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.status().as_u16(),
            201,
            "{}",
            resp.text().await.unwrap()
        );
    }
    (user, token)
}
