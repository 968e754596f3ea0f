//! ccpro-api's integration tests: one binary.
#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    unreachable_pub
)]

mod a;
mod b;
mod c;
mod d;
mod docs;
mod handoff;
mod lenient;
mod replay;
mod sessions;
mod support;
mod table;
