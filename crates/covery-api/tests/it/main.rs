//! Integration tests of `covery-api`: every request's method, path, headers, signature
//! and exact body, every documented fixture through its operation's row of the table,
//! every documented error status, retries with counted attempts, fraud-alert callbacks,
//! the table against the fixtures, and proof that the token and secret never leak.
//!
//! Request shapes, decoding, errors and retries run over the in-memory transport of
//! `payments_test_support`; only transport failures (a refused connection) use a socket.
#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod support;

mod decode;
mod errors;
mod redaction;
mod replay;
mod requests;
mod retries;
mod table;
mod webhooks;
