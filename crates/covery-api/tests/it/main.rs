//! Integration tests of `covery-api`: every request's headers, signature and exact body
//! against a local server, every documented fixture decoded and round-tripped, every
//! documented error status, retries with counted attempts, fraud-alert callbacks, and
//! proof that the token and secret never leak.
//!
//! Every test talks only to the scripted HTTP/1.1 server of
//! `payments_core::test_util::server` on 127.0.0.1.
#![allow(clippy::unwrap_used)]

mod support;

mod decode;
mod errors;
mod redaction;
mod replay;
mod requests;
mod retries;
mod webhooks;
