//! Covery request signing for a 1 KiB event: `Sha256NonceSigner` signing an
//! `http::Request` (hash, hex, header insertion) next to a bare `sha2` digest of the same
//! bytes (nonce ‖ body ‖ secret), in one run.
//!
//! ```sh
//! cargo bench -p covery-api --bench sign
//! ```
//!
//! divan prints both timings; the closing lines print the signer/bare ratio measured by
//! interleaving batches of both (the goal is 1.1 or less). Under `cargo test
//! --all-targets` every part runs only a few times.
#![allow(clippy::print_stdout, clippy::unwrap_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use payments_core::auth::Sha256NonceSigner;
use payments_core::bytes::Bytes;
use payments_core::signer::{NonceSource, SignContext, Signer, SystemClock};
use sha2::{Digest, Sha256};

const NONCE: &str = "1700000000.1234567890";
const SECRET: &str = "asjdh283ysfjhbkjKHGV^7ra/adf2145";

/// The same nonce every time, so both sides hash the same bytes.
#[derive(Debug)]
struct Fixed;

impl NonceSource for Fixed {
    fn nonce(&self) -> String {
        NONCE.to_owned()
    }
}

/// A 1 KiB transaction event body.
fn body() -> Bytes {
    let mut s = String::from(
        r#"{"type":"transaction","transaction_amount":28.55,"transaction_currency":"USD","transaction_id":"TR123456","transaction_timestamp":1700000000,"user_merchant_id":"user-42","sequence_id":"user-42","email":"user@example.com","product_description":""#,
    );
    while s.len() < 1024 - 2 {
        s.push('x');
    }
    s.push_str("\"}");
    assert_eq!(s.len(), 1024);
    Bytes::from(s)
}

fn signer() -> Sha256NonceSigner {
    Sha256NonceSigner::covery(
        "21a3358f36e5af968b75357590b75c28".to_owned().into(),
        SECRET.to_owned().into(),
    )
    .unwrap()
}

/// A request as the client hands it to the signer: the body and the non-auth headers.
fn request() -> payments_core::http::Request<Bytes> {
    payments_core::http::Request::post("https://api.covery.ai/api/sendEvent")
        .header("user-agent", "covery-api-rs/0.1.0")
        .header("content-type", "application/json")
        .header("content-length", "1024")
        .body(body())
        .unwrap()
}

fn sign_once(signer: &Sha256NonceSigner, req: &mut payments_core::http::Request<Bytes>) {
    let cx = SignContext {
        provider: "covery",
        operation: "send-event",
        attempt: 1,
        clock: &SystemClock,
        nonces: &Fixed,
    };
    signer.sign(black_box(req), &cx).unwrap();
}

fn bare_once(body: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(NONCE.as_bytes());
    h.update(black_box(body));
    h.update(SECRET.as_bytes());
    h.finalize().into()
}

#[divan::bench]
fn bare_sha2(b: divan::Bencher) {
    let body = body();
    b.bench_local(|| bare_once(&body));
}

/// Re-signing one request (the auth headers are replaced): the signer's own cost.
/// The signature alone (digest + lower-case hex), without building headers.
#[divan::bench]
fn signature_hex_only(b: divan::Bencher) {
    let body = body();
    b.bench_local(|| {
        payments_core::digest::sha256_nonce_hex(
            NONCE.as_bytes(),
            black_box(&body),
            SECRET.as_bytes(),
        )
    });
}

#[divan::bench]
fn covery_signer(b: divan::Bencher) {
    let signer = signer();
    let mut req = request();
    b.bench_local(|| sign_once(&signer, &mut req));
}

/// Signing a fresh request each time, as each attempt of the client does: adds the
/// growth of the request's header map.
#[divan::bench]
fn covery_signer_fresh_request(b: divan::Bencher) {
    let signer = signer();
    b.with_inputs(request)
        .bench_local_refs(|req| sign_once(&signer, req));
}

/// Only the four header insertions, with precomputed values: the floor of any signer
/// that sets headers on an `http::Request`.
#[divan::bench]
fn auth_header_insertion_only(b: divan::Bencher) {
    use payments_core::http::header::{HeaderName, HeaderValue};
    let mut req = request();
    let value = HeaderValue::from_static("21a3358f36e5af968b75357590b75c28");
    b.bench_local(|| {
        let h = req.headers_mut();
        h.insert(HeaderName::from_static("x-auth-token"), value.clone());
        h.insert(HeaderName::from_static("x-auth-nonce"), value.clone());
        h.insert(HeaderName::from_static("x-auth-signature"), value.clone());
        h.insert(
            HeaderName::from_static("x-auth-version"),
            HeaderValue::from_static("1.0"),
        );
    });
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Interleaves batches of both and compares medians of per-call time.
fn ratio() {
    let testing = std::env::args().any(|a| a == "--test");
    let (rounds, batch) = if testing { (3, 10) } else { (101, 2000) };
    let signer = signer();
    let mut req = request();
    let body = body();
    // The signer's output matches the bare digest.
    sign_once(&signer, &mut req);
    let hex: String = bare_once(&body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(req.headers()["x-auth-signature"], hex.as_str());

    // Three measurements, interleaved in rotating order so none always runs first:
    // 0 = bare sha2, 1 = the signature alone (digest + hex, what X-Auth-Signature carries),
    // 2 = the whole Signer (nonce, signature and Covery's four headers on the request).
    let mut times: [Vec<Duration>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for round in 0..rounds {
        for k in 0..3 {
            let which = (round + k) % 3;
            let t = Instant::now();
            for _ in 0..batch {
                match which {
                    0 => {
                        black_box(bare_once(&body));
                    }
                    1 => {
                        black_box(payments_core::digest::sha256_nonce_hex(
                            NONCE.as_bytes(),
                            black_box(&body),
                            SECRET.as_bytes(),
                        ));
                    }
                    _ => sign_once(&signer, &mut req),
                }
            }
            times[which].push(t.elapsed() / batch);
        }
    }
    let [mut bare, mut signature, mut whole] = times;
    let (b, g, s) = (
        median(&mut bare),
        median(&mut signature),
        median(&mut whole),
    );
    println!();
    println!("1 KiB event, median of {rounds} interleaved batches of {batch}:");
    println!("  bare sha2 (nonce ‖ body ‖ secret)        {b:>10.2?}");
    println!(
        "  signature: digest + hex                  {g:>10.2?}   ratio {:.3}",
        g.as_secs_f64() / b.as_secs_f64()
    );
    println!(
        "  Sha256NonceSigner: signature + 4 headers {s:>10.2?}   ratio {:.3}",
        s.as_secs_f64() / b.as_secs_f64()
    );
}

fn main() {
    divan::main();
    ratio();
}
