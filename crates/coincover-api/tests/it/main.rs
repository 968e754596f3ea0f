//! Integration tests of `coincover-api`: every request against a local mock server, every
//! documented fixture decoded and round-tripped, the documented error statuses, retries
//! with counted attempts, and proof that the API token never leaks.
//!
//! Every test talks only to servers bound on 127.0.0.1: httpmock's pooled servers, or the
//! scripted HTTP/1.1 server of `payments_core::test_util::server` where the order of
//! answers matters.
#![allow(clippy::unwrap_used)]

mod support;

mod decode;
mod errors;
mod redaction;
mod replay;
mod requests;
mod retries;
