//! A CoinsPaid callback endpoint with axum: verify over the raw body, de-duplicate by
//! `(id, status)`, answer 200.
//!
//! ```sh
//! COINSPAID_KEY=... COINSPAID_SECRET=... cargo run -p coinspaid-api --example axum_webhook
//! ```
//!
//! CoinsPaid may deliver a callback more than once and signs no timestamp, so a verified
//! callback is not necessarily a new one. The set below lives in memory for the example;
//! in production keep the keys in your database (a unique index on `(id, status)`) and
//! record the key in the same transaction that credits the deposit.
#![allow(clippy::print_stdout)]

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use coinspaid_api::webhook::{Verifier, VerifyError, WebhookSecrets};
use coinspaid_api::{Callback, SecretString, Status};

struct AppState {
    verifier: Verifier,
    seen: Mutex<HashSet<(u64, Status)>>,
}

async fn callback(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    // 1. Verify over the exact bytes received, before any parsing.
    let cb = match state.verifier.verify(&headers, &body) {
        Ok(cb) => cb,
        // Not from CoinsPaid, or altered: refuse without detail.
        Err(VerifyError::Decode { path, message }) => {
            // Signed by CoinsPaid but not understood: log it, and answer 200 so it is not
            // redelivered forever; the raw body is still yours to inspect.
            println!("unreadable callback at {path}: {message}");
            return StatusCode::OK;
        }
        Err(_) => return StatusCode::UNAUTHORIZED,
    };

    // 2. De-duplicate by (id, status): a repeat is acknowledged and ignored.
    if let Some(key) = cb.dedup_key() {
        let first_time = match state.seen.lock() {
            Ok(mut seen) => seen.insert(key),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR,
        };
        if !first_time {
            return StatusCode::OK;
        }
    }

    // 3. Act. Credit deposits only once confirmed.
    match &cb {
        Callback::Deposit(d) | Callback::DepositExchange(d) if d.status == Status::Confirmed => {
            println!(
                "credit {} {} to {:?}",
                d.currency_received
                    .amount_minus_fee
                    .unwrap_or(d.currency_received.amount),
                d.currency_received.currency,
                d.crypto_address.foreign_id
            );
        }
        Callback::Withdrawal(w) | Callback::WithdrawalExchange(w) => {
            println!("withdrawal {} is {}", w.foreign_id, w.status);
        }
        other => println!("{} {:?} is {:?}", other.kind(), other.id(), other.status()),
    }
    StatusCode::OK
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("COINSPAID_KEY")?;
    let secret = std::env::var("COINSPAID_SECRET")?;
    let state = Arc::new(AppState {
        verifier: Verifier::new(key, WebhookSecrets::new(SecretString::from(secret))),
        seen: Mutex::new(HashSet::new()),
    });
    let app = axum::Router::new()
        .route("/coinspaid/callback", post(callback))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
