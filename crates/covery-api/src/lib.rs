//! A typed, async client for the [Covery](https://covery.ai) fraud-scoring API: send user
//! events, ask for risk decisions, report transaction outcomes, handle fraud alerts, and
//! verify Covery's signed fraud-alert callbacks.
//!
//! # Quick start
//!
//! ```no_run
//! use covery_api::{Amount, Client, Currency, Environment, MakeDecision, Transaction};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new(
//!     Environment::Custom("http://127.0.0.1:8080/covery".into()),
//!     std::env::var("COVERY_TOKEN")?,
//!     std::env::var("COVERY_SECRET")?,
//! )?;
//! println!("token level: {:?}", client.ping().await?.level());
//!
//! let tx = Transaction::new(
//!     "28.55".parse::<Amount>()?,
//!     Currency::new("USD")?,
//!     "TR123456",
//!     1_700_000_000,
//!     "user-42",
//!     "user-42",
//! )
//! .with_email("user@example.com");
//! let decision = client.make_decision(&MakeDecision::new(tx)).await?;
//! if decision.reject {
//!     println!("rejected ({}): {:?}", decision.score, decision.reason);
//! }
//! # Ok(()) }
//! ```
//!
//! # Signing
//!
//! Every attempt carries `X-Auth-Token`, a fresh `X-Auth-Nonce`, `X-Auth-Signature` (the
//! lower-case hex SHA-256 of nonce, exact body bytes and secret; an empty body signs the
//! empty string) and `X-Auth-Version: 1.0`.
//!
//! # Errors
//!
//! Every method returns [`Error`]. Invalid input is caught before sending
//! ([`Error::InvalidRequest`]). Covery's error answers arrive as [`Error::Api`] whose
//! `Display` carries the `X-Maxwell-Error-Type` and `X-Maxwell-Error-Message` (or a
//! plain-text body); [`covery_error`] gives the typed view, with the existing id of a 409.
//!
//! # Retries
//!
//! Covery's throttling answers (429, 509) refuse a request before storing it, so every call
//! is retried after them. Ping, fraud-alert calls and postbacks are idempotent: retried on
//! timeouts and 5xx too. Events and decisions are retried the same way when they carry a
//! unique id (transaction, refund, payout, transfer); the others, after anything but
//! throttling, only when the request never left. A 503 or 510 from Covery's application
//! (its own misconfiguration) is not retried. See [`SendEvent`].
//!
//! # Operations
//!
//! [`OPERATIONS`] lists every operation once ([`operations`]): `ping`, `send-event`,
//! `make-decision`, `postback`, `latest-fraud-alerts`, `find-fraud-alert`,
//! `confirm-fraud-alert` and `fraud-alert-feedback`. [`Client::call_json`] calls any of
//! them with its JSON input document.

#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
mod client;
pub mod operations;
pub mod types;
pub mod webhook;

pub use api::{
    ConfirmFraudAlert, Confirmation, DeviceData, Event, FindFraudAlert, FraudAlertFeedback,
    Identities, Install, LatestFraudAlerts, Login, MAX_SEQUENCE_ID_LEN, MakeDecision, Payout,
    Postback, Refund, Registration, SendEvent, Transaction, Transfer, sequence_id_for_product,
};
pub use client::{Client, ClientBuilder, Environment, PRODUCTION_URL};
pub use operations::OPERATIONS;
pub use payments_core::country::CountryCode;
pub use payments_core::{
    Amount, ApiError, ApiErrorKind, Currency, Endpoint, Error, RequestOptions, ResponseMeta,
    RetryPolicy, SecretString, Timeouts, WithMeta,
};
pub use types::error::{self, CoveryErrorInfo, CoveryStatus, covery_error};
pub use types::{
    Access, AlertState, AlertType, Decision, EventResult, FraudAlert, PostbackResult, Refunded,
    TokenLevel,
};

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
