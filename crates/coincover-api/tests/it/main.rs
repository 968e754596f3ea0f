//! Integration tests of `coincover-api`: every request over an in-memory transport with
//! method, path, token and exact body asserted, through the typed API and through the
//! operation table; every documented fixture decoded and round-tripped; the documented
//! error statuses; retries with counted attempts; and proof that the API token never
//! leaks.
//!
//! Sockets appear only where the HTTP stack is the subject (timeouts, refused
//! connections, body caps, redirects, the tracing of a real connection), and only on
//! 127.0.0.1: the scripted server of `payments_test_support::server`.
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
