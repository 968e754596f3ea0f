//! A typed, async client for the CoinsPaid v2 crypto-processing API — deposit addresses,
//! withdrawals, exchanges, futures rates — and a verifier for its callbacks.
//!
//! # Quick start
//!
//! ```no_run
//! use coinspaid_api::{Amount, Client, Currency, Environment, TakeAddress, WithdrawalCrypto};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new(
//!     Environment::Sandbox,
//!     std::env::var("COINSPAID_KEY")?,
//!     std::env::var("COINSPAID_SECRET")?,
//! )?;
//! client.ping().await?;
//!
//! // A BTC deposit address for one customer, converted to EUR on arrival.
//! let address = client
//!     .take_address(
//!         &TakeAddress::new(Currency::new("BTC")?, "user-id:2048")
//!             .convert_to(Currency::new("EUR")?),
//!     )
//!     .await?;
//! println!("deposit to {} (tag {:?})", address.address, address.tag);
//!
//! // A payout: store the foreign_id first and reuse it on any manual retry.
//! let payout = client
//!     .withdraw_crypto(&WithdrawalCrypto::new(
//!         "payout-122929",
//!         "0.01".parse::<Amount>()?,
//!         Currency::new("ETH")?,
//!         "0x2D6CA312567986C08CC4eF3F706136D1c9eF0321",
//!     ))
//!     .await?;
//! println!("withdrawal {} is {}", payout.id, payout.status);
//! # Ok(()) }
//! ```
//!
//! Callbacks are checked with [`webhook::Verifier`]; see its docs and
//! `examples/axum_webhook.rs`.
//!
//! # Errors
//!
//! Every method returns [`Error`]. Invalid input is refused before sending
//! ([`Error::InvalidRequest`]). CoinsPaid's `{"errors": {field: message}}` answers arrive as
//! [`Error::Api`] with every field in [`ApiError::fields`] and a Display such as
//! `coinspaid: HTTP 400: amount: The amount must be at least 0.001.`; 429 is
//! [`ApiErrorKind::RateLimited`]; 401, and any error naming the `X-Processing-*` headers,
//! is [`ApiErrorKind::Unauthorized`].
//!
//! # Retries
//!
//! Reads (ping, lists, pairs, calculate, futures rates) are POSTs but have no effect, so
//! they are retried on timeouts, 408, 429 and 5xx. Withdrawals, exchanges, futures
//! confirmations and address creation are retried only when the request provably never
//! left (connection refused); reuse the same `foreign_id` to retry them by hand (see
//! [`WithdrawalCrypto`]).
//!
//! # Features
//!
//! - `test-util`: [`webhook::test_util`], to sign test callbacks for your own handler.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
mod client;
pub mod operations;
pub mod types;
pub mod webhook;

pub use api::{
    CalculateExchange, ConfirmFutures, ExchangeFixed, ExchangeNow, GetFuturesRates, ListAccounts,
    ListCurrencies, ListCurrencyPairs, Ping, TakeAddress, WithdrawalCrypto,
};
pub use client::{Client, ClientBuilder, Environment, PRODUCTION_URL, SANDBOX_URL};
pub use operations::OPERATIONS;
pub use payments_core::{
    Amount, ApiError, ApiErrorKind, Currency, Endpoint, Error, FieldError, RequestOptions,
    ResponseMeta, RetryPolicy, SecretString, Timeouts, WithMeta,
};
pub use types::{
    Address, Balance, Callback, CurrencyAmount, CurrencyInfo, CurrencyPair, CurrencyType,
    DepositCallback, ExchangeCallback, ExchangeOrder, ExchangeQuote, Fee, FeeKind,
    FuturesConfirmation, FuturesLimit, FuturesPrice, FuturesRates, PairSide, PriceLimit, Status,
    Transaction, TransactionKind, TransactionType, UnknownCallback, Withdrawal, WithdrawalCallback,
};

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
