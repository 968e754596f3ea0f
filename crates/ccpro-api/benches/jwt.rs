//! Minting CCPro's platform JWT (`PlatformKey::mint`, what every platform call does per
//! attempt) next to a bare `jsonwebtoken::encode` of the same claims with the same key,
//! in one run.
//!
//! ```sh
//! cargo bench -p ccpro-api --bench jwt
//! ```
//!
//! divan prints both timings; the closing lines print the mint/bare ratio measured by
//! interleaving batches of both (the goal is 1.1 or less).
#![allow(clippy::print_stdout, clippy::unwrap_used, missing_docs)]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ccpro_api::{PlatformKey, SecretString};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Map, Value};

const PEM: &str = include_str!("../tests/it/keys/platform.pem");
const PLATFORM: &str = "5f374d03-be0d-4dd2-b6ef-112a2bec5963";
const NOW: u64 = 1_700_000_000;

struct Fixture {
    key: PlatformKey,
    bare: EncodingKey,
    claims: Map<String, Value>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut claims = Map::new();
        claims.insert("platform".into(), Value::String(PLATFORM.into()));
        Fixture {
            key: PlatformKey::from_pem(PLATFORM, &SecretString::from(PEM)).unwrap(),
            bare: EncodingKey::from_rsa_pem(PEM.as_bytes()).unwrap(),
            claims,
        }
    })
}

/// What a user would write by hand: the same claims plus `expire`, RS512.
fn bare(f: &Fixture) -> String {
    let mut claims = f.claims.clone();
    claims.insert("expire".into(), Value::from(NOW + 60));
    jsonwebtoken::encode(&Header::new(Algorithm::RS512), &claims, &f.bare).unwrap()
}

fn ours(f: &Fixture) -> String {
    f.key.mint(&f.claims, NOW).unwrap()
}

#[divan::bench]
fn bare_jsonwebtoken() -> String {
    bare(fixture())
}

#[divan::bench]
fn platform_key_mint() -> String {
    ours(fixture())
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ratio() {
    let f = fixture();
    let (rounds, batch) = (31, 40);
    let (mut b, mut o) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let measure = |mine: bool| {
            let t = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(if mine { ours(f) } else { bare(f) });
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
    println!("platform JWT, median of {rounds} interleaved batches of {batch}:");
    println!("  bare jsonwebtoken::encode {bm:>10.2?} per token");
    println!("  PlatformKey::mint         {om:>10.2?} per token");
    println!("  median paired ratio       {paired:.3} (goal 1.1 or less)");
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        // Both tokens carry the same claims and verify alike: checked by the tests; here
        // only that both mint.
        let f = fixture();
        assert_eq!(bare(f).split('.').count(), 3);
        assert_eq!(ours(f).split('.').count(), 3);
        return;
    }
    divan::main();
    ratio();
}
