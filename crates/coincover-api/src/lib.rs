//! A typed, async client for CoinCover's transaction-protection API: screen outgoing
//! transactions before broadcast (GREEN or RED with a threat code), register users and
//! manage their plans.
//!
//! # Quick start
//!
//! ```no_run
//! use coincover_api::{Amount, CheckTransaction, Client, CoinId, Environment, TransactionOutput};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new(
//!     Environment::Custom("http://127.0.0.1:8080/coincover".into()),
//!     std::env::var("COINCOVER_TOKEN")?,
//! )?;
//! let check = client
//!     .check_transaction(&CheckTransaction::new(
//!         "b27f38b9-5158-4b4b-ae2f-a030852f98cd",
//!         CoinId::new("bitcoin-cash")?,
//!         "1FjgpyeeWTRd7BxTXHEL2rjCj8",
//!         vec![TransactionOutput::new(
//!             "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh",
//!             "356".parse::<Amount>()?,
//!             "27a73667-fb36-4708-822f-8b2c79cb817e",
//!         )],
//!     ))
//!     .await?;
//! match check.threat_code() {
//!     None => println!("{}: {}", check.status, check.transaction_uuid),
//!     Some(code) => println!("RED: {code}: {}", code.description()),
//! }
//! # Ok(()) }
//! ```
//!
//! # Any operation by name
//!
//! [`OPERATIONS`] lists every operation once (name, method, documented path, auth, retry
//! safety). [`Client::call_json`] calls any of them with its JSON input document: the
//! documented body, plus `userId` as a top-level field where the path has it.
//!
//! ```no_run
//! # async fn run(client: coincover_api::Client) -> Result<(), coincover_api::Error> {
//! let op = &coincover_api::operations::UPDATE_PLAN;
//! let out = client
//!     .call_json(op, r#"{"userId":"jb001","levelUsd":500}"#, Vec::new())
//!     .await?;
//! println!("{} after {} attempt(s)", out.value.status, out.meta.attempts);
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Every method returns [`Error`]: invalid input is caught before sending
//! ([`Error::InvalidRequest`]); CoinCover's 400, 401 and 404 arrive as [`Error::Api`]
//! with [`ApiErrorKind::BadRequest`], [`ApiErrorKind::Unauthorized`] and
//! [`ApiErrorKind::NotFound`], and the message CoinCover sent.
//!
//! # Retries
//!
//! Transaction checks and the two PATCH updates are retried on timeouts, 408, 429 and
//! 5xx; user and plan creation only when the connection was never established. The
//! [`operations`] table says which is which.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
mod client;
pub mod operations;
pub mod types;

pub use api::{
    CheckTransaction, CreatePlan, CreateUser, TransactionOutput, UpdatePlan, UpdateUser,
};
pub use client::{Client, ClientBuilder, Environment, PRODUCTION_URL};
pub use operations::OPERATIONS;
pub use payments_core::country::CountryCode;
pub use payments_core::date::Date;
pub use payments_core::{
    Amount, ApiError, ApiErrorKind, CoinId, Endpoint, Error, RequestOptions, ResponseMeta,
    RetryPolicy, SecretString, Timeouts, WithMeta,
};
pub use types::{ThreatCode, ThreatFamily, ThreatReason, TransactionCheck, TransactionStatus};

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
