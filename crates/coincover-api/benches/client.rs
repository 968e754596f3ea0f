//! CoinCover check-transaction through `coincover_api::Client` next to the same request
//! sent with a bare `reqwest::Client`, both against one loopback axum server, in one run.
//!
//! ```sh
//! cargo bench -p coincover-api --bench client
//! ```
//!
//! divan prints both timings; the closing lines print the client/bare ratio measured
//! by interleaving batches of both (the goal is 1.05 or less).
#![allow(clippy::print_stdout, clippy::unwrap_used, missing_docs)]

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, Environment, TransactionCheck, TransactionOutput,
};

const RESPONSE: &str = r#"{"transactionUUID":"3d0ee9d3-4d85-5c8e-af77-3bc9feec83f2","status":"GREEN","message":"Transaction is protected by CoinCover."}"#;
const TOKEN: &str = "bench-token";

struct Fixture {
    rt: tokio::runtime::Runtime,
    client: Client,
    bare: reqwest::Client,
    url: String,
    request: CheckTransaction,
}

fn server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let app = axum::Router::new().route(
                "/transaction",
                axum::routing::post(|body: axum::body::Bytes| async move {
                    assert!(!body.is_empty());
                    (
                        [(axum::http::header::CONTENT_TYPE, "application/json")],
                        RESPONSE,
                    )
                }),
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let addr = server();
        let base = format!("http://{addr}");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = Client::new(Environment::Custom(base.clone()), TOKEN).unwrap();
        let bare = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let request = CheckTransaction::new(
            "b27f38b9-5158-4b4b-ae2f-a030852f98cd",
            CoinId::new("bitcoin-cash").unwrap(),
            "1FjgpyeeWTRd7BxTXHEL2rjCj8",
            vec![TransactionOutput::new(
                "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh",
                "356".parse::<Amount>().unwrap(),
                "27a73667-fb36-4708-822f-8b2c79cb817e",
            )],
        )
        .with_transaction_hash("GL8636339870050078");
        Fixture {
            rt,
            client,
            bare,
            url: format!("{base}/transaction"),
            request,
        }
    })
}

/// What a user would write by hand: serialize, POST with the bearer header, decode.
async fn bare_call(f: &Fixture) -> TransactionCheck {
    let body = serde_json::to_vec(&f.request).unwrap();
    let resp = f
        .bare
        .post(&f.url)
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success());
    let bytes = resp.bytes().await.unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

async fn client_call(f: &Fixture) -> TransactionCheck {
    f.client.check_transaction(&f.request).await.unwrap()
}

#[divan::bench]
fn bare_reqwest(b: divan::Bencher) {
    let f = fixture();
    b.bench_local(|| f.rt.block_on(bare_call(f)));
}

#[divan::bench]
fn coincover_client(b: divan::Bencher) {
    let f = fixture();
    b.bench_local(|| f.rt.block_on(client_call(f)));
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Interleaves batches of both calls and compares medians of per-call time.
fn ratio() {
    let f = fixture();
    let (rounds, batch) = (41, 200);
    // Warm both connection pools.
    for _ in 0..50 {
        f.rt.block_on(bare_call(f));
        f.rt.block_on(client_call(f));
    }
    let (mut bare, mut ours) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let measure = |client: bool| {
            let t = Instant::now();
            for _ in 0..batch {
                if client {
                    f.rt.block_on(client_call(f));
                } else {
                    f.rt.block_on(bare_call(f));
                }
            }
            t.elapsed() / batch
        };
        // Alternate which goes first so neither always runs on a warmer machine.
        if round % 2 == 0 {
            bare.push(measure(false));
            ours.push(measure(true));
        } else {
            ours.push(measure(true));
            bare.push(measure(false));
        }
    }
    // Each round's two batches ran back to back, so their ratio cancels the machine's
    // drift between rounds; the median of those paired ratios is the figure.
    let mut ratios: Vec<f64> = bare
        .iter()
        .zip(&ours)
        .map(|(b, c)| c.as_secs_f64() / b.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let paired = ratios[ratios.len() / 2];
    let (b, c) = (median(&mut bare), median(&mut ours));
    println!();
    println!("check-transaction over loopback, median of {rounds} interleaved batches of {batch}:");
    println!("  bare reqwest::Client     {b:>10.2?} per call");
    println!("  coincover_api::Client    {c:>10.2?} per call");
    println!(
        "  ratio of the medians     {:.3}",
        c.as_secs_f64() / b.as_secs_f64()
    );
    println!("  median paired ratio      {paired:.3} (goal 1.05 or less)");
}

/// `cargo bench` runs a bench target with `--bench`; `cargo test` runs it without, and
/// then only a smoke check runs: no timing, nothing printed.
fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn main() {
    if !benchmarking() {
        // One call each way, both answered GREEN.
        let f = fixture();
        let bare = f.rt.block_on(bare_call(f));
        let ours = f.rt.block_on(client_call(f));
        assert_eq!(bare.status, ours.status);
        return;
    }
    divan::main();
    ratio();
}
