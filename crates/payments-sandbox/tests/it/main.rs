//! Integration tests. Raw requests to the providers' routes (rules, routes, errors, refusals) drive
//! the sandbox's router in-process with tower's `oneshot` (`support::oneshot`,
//! `inprocess.rs`); sockets only where they are the point: the `coincover_api` and
//! `coinspaid_api` clients against a real sandbox on a loopback port, callbacks posted to a
//! listener, dropped connections, the request log's view of real HTTP. Coinify's partner JWTs
//! are signed with `jsonwebtoken`, Covery's and CoinsPaid's signatures with payments-core's
//! digest code: never with the sandbox's own.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    unreachable_pub
)]

mod ccpro;
mod coinify;
mod coinspaid;
mod control;
mod covery;
mod determinism;
mod errors;
mod fixtures;
mod inprocess;
mod rules;
mod support;
