//! Shared machinery of the payments-rs provider clients: transport, signing, retries,
//! timeouts, typed errors, exact money and webhook verification.
//!
//! Most users depend on a provider crate (`coincover-api`, …) and meet this crate only
//! through its re-exports. Use it directly to call an operation a provider crate does not
//! cover yet, or to plug in your own transport.
//!
//! # Quick start
//!
//! ```no_run
//! use std::borrow::Cow;
//! use std::sync::Arc;
//! use payments_core::{ApiClient, Endpoint, ProviderSpec, auth::BearerToken};
//!
//! static EXAMPLE: ProviderSpec = ProviderSpec::new("example");
//!
//! /// `GET /status`, answering `{"ok": true}`.
//! struct Status;
//!
//! #[derive(serde::Deserialize)]
//! struct StatusOut { ok: bool }
//!
//! impl Endpoint for Status {
//!     type Output = StatusOut;
//!     fn operation(&self) -> &'static str { "status" }
//!     fn method(&self) -> http::Method { http::Method::GET }
//!     fn path(&self) -> Cow<'_, str> { "/status".into() }
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let signer = BearerToken::new("token".to_owned().into())?;
//! let client = ApiClient::builder(&EXAMPLE, "http://127.0.0.1:8080", Arc::new(signer)).build()?;
//! let out = client.send(&Status).await?;
//! assert!(out.ok);
//! # Ok(()) }
//! ```
//!
//! # Features
//!
//! | feature | what | pulls |
//! |---|---|---|
//! | `client` (default) | [`ApiClient`], [`Endpoint`], [`Signer`], [`Transport`], retries | reqwest, tokio |
//! | `bearer` | [`auth::BearerToken`] | – |
//! | `hmac-sha512` | CoinsPaid signer and verifier | hmac, sha2 |
//! | `sha256-nonce` | Covery signer and verifier | sha2 |
//! | `jwt` | [`auth::JwtSigner`] (RS256/RS512) | jsonwebtoken (aws-lc-rs) |
//! | `webhook` | [`webhook`] verification primitives | subtle |
//! | `test-util` | [`test_util`]: fixed clocks, sequence nonces, test signatures; with `client` a scripted HTTP/1.1 test server | – |
//!
//! With only `webhook` (and an algorithm feature) this crate pulls no HTTP stack.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod country;
pub mod date;
pub mod digest;
mod error;
pub mod money;
mod wire_enum;

pub use error::{
    ApiError, ApiErrorKind, BoxError, Error, FieldError, SNIPPET_LIMIT, TimeoutKind,
    TransportErrorKind, snippet,
};
pub use money::{Amount, CoinId, Currency};
pub use secrecy::{ExposeSecret, SecretString};

/// `serde`, for the code [`wire_enum!`] generates (callers need no `serde` of their own).
#[doc(hidden)]
pub use serde as __serde;

/// Support code of the exported macros; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::wire_enum::deserialize_wire_str;
}

#[cfg(feature = "client")]
pub mod auth;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod endpoint;
#[cfg(feature = "client")]
pub mod retry;
#[cfg(feature = "client")]
pub mod signer;
#[cfg(feature = "client")]
pub mod transport;

#[cfg(feature = "client")]
pub use client::{
    ApiClient, ApiClientBuilder, DEFAULT_MAX_BODY, ProviderSpec, Timeouts, default_error_parser,
};
#[cfg(feature = "client")]
pub use endpoint::{
    DecodeFailure, Endpoint, InvalidInput, NoContent, RequestBody, RetrySafety, check_path_param,
    decode_json, path_segment, require_text,
};
#[cfg(feature = "client")]
pub use retry::{BudgetConfig, RetryPolicy};
#[cfg(feature = "client")]
pub use signer::{Clock, NonceSource, SignContext, SignError, Signer, SystemClock};
#[cfg(feature = "client")]
pub use transport::{RecordingTransport, ReqwestTransport, Transport};

#[cfg(feature = "client")]
pub use bytes;
#[cfg(feature = "client")]
pub use http;
#[cfg(feature = "client")]
pub use reqwest;

#[cfg(feature = "webhook")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhook")))]
pub mod webhook;

#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util;
