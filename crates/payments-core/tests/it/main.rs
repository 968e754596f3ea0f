//! Integration tests of `payments-core`, one binary: every signer through a real
//! `ApiClient` against a local server, the client's URL, redirect, body-cap, timeout, error
//! and retry behaviour, webhook verification, and proof that no credential leaks into
//! `Debug` or tracing output.
//!
//! Request shapes and decoding run over `payments_test_support::MemoryTransport`; the
//! tests that need a socket (redirects, body caps, timeouts, refused connections) talk only
//! to 127.0.0.1 (`payments_test_support::server::ScriptedServer`).
#![allow(clippy::unwrap_used)]

mod client;
mod document;
mod options;
mod properties;
mod redaction;
mod signers;
mod spans;
mod support;
mod webhook;
