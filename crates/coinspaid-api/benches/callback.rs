//! Callback verify-and-parse through `coinspaid_api::webhook::Verifier` next to the bare
//! minimum a handler must do — decode the hex signature, an HMAC-SHA512 over the same
//! bytes with the `hmac` crate (constant-time check), and `serde_json::from_slice` into
//! the SAME typed struct (`DepositCallback`, not `serde_json::Value`) — in one run.
//!
//! ```sh
//! cargo bench -p coinspaid-api --bench callback
//! ```
//!
//! divan prints both timings; the closing lines print the verifier/bare ratio measured by
//! interleaving batches of both (the goal is 1.2 or less).
#![allow(clippy::print_stdout, clippy::unwrap_used, missing_docs)]

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use coinspaid_api::webhook::{Verifier, WebhookSecrets};
use coinspaid_api::{Callback, DepositCallback, SecretString};
use hmac::{Hmac, Mac};

const KEY: &str = "bench-public-key";
const SECRET: &str = "bench-secret-0123456789abcdef";

/// The documented BTC-to-EUR deposit-with-exchange callback, compact.
const BODY: &str = r#"{"id":2686510,"type":"deposit_exchange","crypto_address":{"id":382270,"currency":"BTC","convert_to":"EUR","address":"31vnLqxVJ1iShJ5Ly586q8XKucECx12bZS","tag":null,"foreign_id":"13a"},"currency_sent":{"currency":"BTC","amount":"0.01000000"},"currency_received":{"currency":"EUR","amount":"84.17070222","amount_minus_fee":"79.96216711"},"transactions":[{"id":714576,"currency":"BTC","transaction_type":"blockchain","type":"deposit","address":"31vnLqxVJ1iShJ5Ly586q8XKucECx12bZS","tag":null,"amount":"0.01000000","txid":"3a491da90a1ce5a318d0aeff6867ab98a03219abae29ed68d702291703c3538b","riskscore":"0.42","confirmations":"1"},{"id":714577,"currency":"BTC","currency_to":"EUR","transaction_type":"exchange","type":"exchange","amount":"0.01000000","amount_to":"84.17070222"}],"fees":[{"type":"exchange","currency":"EUR","amount":"4.20853511"}],"error":"","status":"confirmed"}"#;

struct Fixture {
    verifier: Verifier,
    headers: Vec<(&'static str, String)>,
    signature_hex: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut mac = Hmac::<sha2::Sha512>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(BODY.as_bytes());
        let sig = hex::encode(mac.finalize().into_bytes());
        Fixture {
            verifier: Verifier::new(KEY, WebhookSecrets::new(SecretString::from(SECRET))),
            headers: vec![
                ("content-type", "application/json".to_owned()),
                ("x-processing-key", KEY.to_owned()),
                ("x-processing-signature", sig.clone()),
            ],
            signature_hex: sig,
        }
    })
}

fn verified(f: &Fixture, body: &[u8]) -> Callback {
    f.verifier
        .verify(f.headers.iter().map(|(n, v)| (*n, v.as_str())), body)
        .unwrap()
}

/// The bare minimum: decode the hex header, HMAC over the bytes with a constant-time
/// check, and one typed parse.
fn bare(f: &Fixture, body: &[u8]) -> DepositCallback {
    let mut given = [0u8; 64];
    hex::decode_to_slice(f.signature_hex.as_bytes(), &mut given).unwrap();
    let mut mac = Hmac::<sha2::Sha512>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    mac.verify_slice(&given).unwrap();
    serde_json::from_slice(body).unwrap()
}

#[divan::bench]
fn bare_hmac_and_from_slice(b: divan::Bencher) {
    let f = fixture();
    b.bench_local(|| bare(f, black_box(BODY.as_bytes())));
}

#[divan::bench]
fn verifier_verify(b: divan::Bencher) {
    let f = fixture();
    b.bench_local(|| verified(f, black_box(BODY.as_bytes())));
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Interleaves batches of both and compares medians of per-call time.
fn ratio() {
    let f = fixture();
    let (rounds, batch) = (41, 5_000);
    assert!(matches!(
        verified(f, BODY.as_bytes()),
        Callback::DepositExchange(_)
    ));
    for _ in 0..1_000 {
        black_box(bare(f, BODY.as_bytes()));
        black_box(verified(f, BODY.as_bytes()));
    }
    let (mut bare_t, mut ours_t) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let measure = |ours: bool| {
            let t = Instant::now();
            for _ in 0..batch {
                if ours {
                    black_box(verified(f, black_box(BODY.as_bytes())));
                } else {
                    black_box(bare(f, black_box(BODY.as_bytes())));
                }
            }
            t.elapsed() / batch
        };
        if round % 2 == 0 {
            bare_t.push(measure(false));
            ours_t.push(measure(true));
        } else {
            ours_t.push(measure(true));
            bare_t.push(measure(false));
        }
    }
    let (b, o) = (median(&mut bare_t), median(&mut ours_t));
    println!();
    println!(
        "callback ({} bytes), median of {rounds} interleaved batches of {batch}:",
        BODY.len()
    );
    println!("  bare HMAC + from_slice::<DepositCallback>  {b:>10.2?} per callback");
    println!("  Verifier::verify (key, HMAC, type, parse)  {o:>10.2?} per callback");
    println!(
        "  ratio verifier/bare                        {:.3}",
        o.as_secs_f64() / b.as_secs_f64()
    );
}

/// `cargo bench` runs a bench target with `--bench`; `cargo test` runs it without, and
/// then only a smoke check runs: no timing, nothing printed.
fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn main() {
    if !benchmarking() {
        // Both paths accept the signed example and read the same callback.
        let f = fixture();
        assert!(matches!(
            verified(f, BODY.as_bytes()),
            Callback::DepositExchange(_)
        ));
        bare(f, BODY.as_bytes());
        return;
    }
    divan::main();
    ratio();
}
