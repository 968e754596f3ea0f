//! Integration tests of `coinspaid-api`: every request against a local mock server with
//! its signature recomputed independently, every documented fixture decoded and
//! round-tripped, the error shapes, retries with counted attempts, callback verification
//! (every documented callback, every tampered byte), and proof that secrets never leak.
//!
//! Every test talks only to servers bound on 127.0.0.1.
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
mod webhooks;
