//! Throughput of the sandbox's CoinCover check-transaction next to a minimal axum handler that
//! answers the same request with a fixed JSON body, both in this process on their own
//! loopback listeners, under the same load: 16 concurrent tasks, each with its own keep-alive
//! `reqwest::Client`, sending GREEN checks for a fixed time, in alternating rounds.
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

/// A GREEN check: 0.000001 bitcoin is 0.06 USD, far below every limit however many are sent.
fn body(id: &str) -> String {
    format!(
        r#"{{"transactionCustomerId":"{id}","transactionHash":"GL8636339870050078","coin":"bitcoin","walletId":"1FjgpyeeWTRd7BxTXHEL2rjCj8","outputs":[{{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"0.000001","userId":"27a73667-fb36-4708-822f-8b2c79cb817e"}}]}}"#
    )
}

async fn minimal_server() -> SocketAddr {
    let app = axum::Router::new().route(
        "/transaction",
        axum::routing::post(|body: Bytes| async move {
            assert!(!body.is_empty());
            ([(header::CONTENT_TYPE, "application/json")], RESPONSE)
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// Drives `url` for `duration` (at least one request per client); returns (requests,
/// elapsed).
async fn drive(url: &str, auth: &str, label: &str, duration: Duration) -> (u64, Duration) {
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
                    let resp = client
                        .post(&url)
                        .header(header::AUTHORIZATION, &auth)
                        .header(header::CONTENT_TYPE, "application/json")
                        .body(body(&format!("{label}-{task}-{n}")))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(resp.status().as_u16(), 200);
                    let answer = resp.bytes().await.unwrap();
                    assert!(
                        answer.windows(7).any(|w| w == b"\"GREEN\""),
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
        let sandbox_url = format!("{}/transaction", sandbox.url(Provider::CoinCover));
        let minimal_url = format!("http://{minimal}/transaction");
        let auth = format!("Bearer {}", sandbox.credentials().coincover_token);

        if bench {
            println!(
                "{CONCURRENCY} keep-alive clients, {} round(s) of {round:?} per server",
                rounds
            );
        }
        let (mut sandbox_n, mut sandbox_t) = (0u64, Duration::ZERO);
        let (mut minimal_n, mut minimal_t) = (0u64, Duration::ZERO);
        for r in 1..=rounds {
            // Keeps the retry cache and the totals small; the request log is capped anyway.
            sandbox.sandbox().reset();
            let (n, t) = drive(&sandbox_url, &auth, &format!("s{r}"), round).await;
            if bench {
                println!(
                    "round {r}: sandbox {:>9.0} req/s",
                    n as f64 / t.as_secs_f64()
                );
            }
            sandbox_n += n;
            sandbox_t += t;
            let (n, t) = drive(&minimal_url, &auth, &format!("m{r}"), round).await;
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
        sandbox.shutdown().await;
    });
}
