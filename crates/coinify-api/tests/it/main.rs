//! Integration tests of `coinify-api`: every request over an in-memory transport with its
//! JWT verified independently with the public key, the operation table checked against
//! the fixtures, every documented fixture decoded through its operation and
//! round-tripped, the error shapes, retries with counted attempts and distinct tokens,
//! the 25 MB upload limit, the partner-key check on every way of sending, and proof that
//! the key and tokens never leak.
//!
//! No test opens a socket.
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
