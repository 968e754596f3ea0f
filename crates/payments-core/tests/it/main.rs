//! Integration tests of `payments-core`, one binary: every signer through a real
//! `ApiClient` against a local server, the client's URL, redirect, body-cap, timeout, error
//! and retry behaviour, webhook verification, and proof that no credential leaks into
//! `Debug` or tracing output.
//!
//! Every test talks only to 127.0.0.1 (httpmock, or the scripted server in `server.rs`)
//! or to an in-memory transport.
#![allow(clippy::unwrap_used)]

mod client;
mod redaction;
mod server;
mod signers;
mod support;
mod webhook;
