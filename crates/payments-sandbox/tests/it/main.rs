//! Integration tests: a real sandbox on a loopback port, called with `coincover_api`'s and
//! `coinspaid_api`'s clients and with raw HTTP (Coinify's partner JWTs signed with
//! `jsonwebtoken`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    unreachable_pub
)]

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
