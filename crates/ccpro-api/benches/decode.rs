//! Decoding a page of 1 000 orders (the order-list answer, `{"data": [...]}`) into
//! `ccpro_api::types::orders::Order` (exact amounts, enums, every documented field) next to
//! `serde_json::from_slice` into a plain struct with the same fields (strings for amounts),
//! in one run.
//!
//! ```sh
//! cargo bench -p ccpro-api --bench decode
//! ```
//!
//! divan prints both timings; the closing lines print the ours/plain ratio measured by
//! interleaving batches of both (the goal is 1.3 or less).
#![allow(clippy::print_stdout, clippy::unwrap_used, missing_docs)]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ccpro_api::Endpoint;
use ccpro_api::api::orders::ListOrders;
use payments_core::http::StatusCode;
use serde::Deserialize;

/// The documented order-list example.
const FIXTURE: &str = include_str!("../../../fixtures/ccpro/docs/order-list.response.200.json");

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainPage {
    data: Vec<PlainOrder>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainOrder {
    id: Option<String>,
    public_id: Option<String>,
    status: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    type_operation: Option<String>,
    type_operation_name: Option<String>,
    from_symbol: Option<String>,
    from_amount: Option<String>,
    rate: Option<String>,
    to_symbol: Option<String>,
    to_amount: Option<String>,
    wallet: Option<String>,
    tx_id: Option<String>,
    parent_order: Option<PlainRef>,
    child_order: Option<PlainRef>,
    payment: Option<PlainPayment>,
    commissions: Option<PlainCommissions>,
    quote: Option<PlainRef>,
    transfer: Option<PlainRef>,
    external_platform: Option<PlainPlatform>,
    created_at: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainRef {
    id: Option<String>,
    public_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainPayment {
    method: Option<String>,
    id: Option<String>,
    url: Option<String>,
    fee_percent: Option<String>,
    proof_uploaded: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainCommissions {
    percent: Option<String>,
    amount: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainPlatform {
    code: Option<String>,
    name: Option<String>,
    url: Option<String>,
}

/// `{"data": [order × 1000]}` from the documented order.
fn page() -> &'static [u8] {
    static PAGE: OnceLock<Vec<u8>> = OnceLock::new();
    PAGE.get_or_init(|| {
        let doc: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        let order = serde_json::to_string(&doc["body"]["data"][0]).unwrap();
        let mut out = String::from(r#"{"data":["#);
        for i in 0..1000 {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&order);
        }
        out.push_str("]}");
        out.into_bytes()
    })
}

fn ours() -> usize {
    <ListOrders as Endpoint>::decode(StatusCode::OK, page())
        .unwrap()
        .len()
}

fn plain() -> usize {
    serde_json::from_slice::<PlainPage>(page())
        .unwrap()
        .data
        .len()
}

#[divan::bench]
fn plain_serde_json() -> usize {
    plain()
}

#[divan::bench]
fn ccpro_orders() -> usize {
    ours()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ratio() {
    let (rounds, batch) = (31, 20);
    let (mut b, mut o) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let measure = |mine: bool| {
            let t = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(if mine { ours() } else { plain() });
            }
            t.elapsed() / batch
        };
        if round % 2 == 0 {
            b.push(measure(false));
            o.push(measure(true));
        } else {
            o.push(measure(true));
            b.push(measure(false));
        }
    }
    let mut ratios: Vec<f64> = b
        .iter()
        .zip(&o)
        .map(|(b, o)| o.as_secs_f64() / b.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let paired = ratios[ratios.len() / 2];
    let (bm, om) = (median(&mut b), median(&mut o));
    println!();
    println!("a page of 1 000 orders, median of {rounds} interleaved batches of {batch}:");
    println!("  serde_json, plain struct   {bm:>10.2?} per page");
    println!("  ccpro_api Order            {om:>10.2?} per page");
    println!("  median paired ratio        {paired:.3} (goal 1.3 or less)");
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        assert_eq!(ours(), 1000);
        assert_eq!(plain(), 1000);
        return;
    }
    divan::main();
    ratio();
}
