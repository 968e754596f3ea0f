//! Integration tests of `coinify-api`: every request against a local scripted server with
//! its JWT verified independently with the public key, every documented fixture decoded
//! and round-tripped, the error shapes, retries with counted attempts and distinct tokens,
//! the 25 MB upload limit, and proof that the key and tokens never leak.
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
