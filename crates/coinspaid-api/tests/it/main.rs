//! Integration tests of `coinspaid-api`: every request over an in-memory transport with
//! its signature recomputed independently, every documented fixture of every operation of
//! the table decoded and round-tripped, the table against the fixtures, the error shapes,
//! retries with counted attempts, callback verification (every documented callback, every
//! tampered byte), and proof that secrets never leak.
//!
//! Sockets (servers bound on 127.0.0.1) only where the transport matters: timeouts and
//! refused connections.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    unreachable_pub
)]

mod support;

mod decode;
mod errors;
mod redaction;
mod replay;
mod requests;
mod retries;
mod table;
mod webhooks;
