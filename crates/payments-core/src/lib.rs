//! Shared machinery of the payments-rs provider clients: transport, signing, retries,
//! timeouts, typed errors, exact money and webhook verification.
//!
//! Most users depend on a provider crate (`coincover-api`, …) and meet this crate only
//! through its re-exports. Use it directly to call an operation a provider crate does not
//! cover yet, or to plug in your own transport.
//!
//! # Quick start
//!
//! A request is plain data implementing [`Endpoint`]: it points at its row in the
//! provider's operation table and describes itself as a [`RequestSpec`]. The client does
//! the rest.
//!
//! ```no_run
//! use std::sync::Arc;
//! use payments_core::{Auth, Endpoint, Io, Operation, RequestOptions, RequestSpec, RetrySafety};
//! use payments_core::provider::{ApiClient, InvalidInput, ProviderSpec, auth::BearerToken};
//!
//! static EXAMPLE: ProviderSpec = ProviderSpec::new("example");
//!
//! static STATUS: Operation = Operation {
//!     name: "status",
//!     method: payments_core::http::Method::GET,
//!     path: "/status",
//!     auth: Auth::Token,
//!     retry: RetrySafety::Idempotent,
//!     summary: "Whether the service is up.",
//!     io: Io::json::<Status>(),
//! };
//!
//! /// `GET /status`, answering `{"ok": true}`.
//! #[derive(serde::Deserialize)]
//! struct Status {}
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct StatusOut { ok: bool }
//!
//! impl Endpoint for Status {
//!     type Output = StatusOut;
//!     fn request(&self) -> Result<RequestSpec, InvalidInput> {
//!         Ok(RequestSpec::new(&STATUS))
//!     }
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let signer = BearerToken::new("token".to_owned().into())?;
//! let client = ApiClient::builder(&EXAMPLE, "http://127.0.0.1:8080").build(Arc::new(signer))?;
//! let out = client.send(&Status {}).await?;
//! assert!(out.ok);
//! let with_meta = client.send_with_meta(&Status {}, &RequestOptions::new()).await?;
//! println!("{} after {} attempt(s)", with_meta.meta.status, with_meta.meta.attempts);
//! # Ok(()) }
//! ```
//!
//! # Two audiences
//!
//! The crate root holds what users of a provider crate touch: [`Amount`], [`ExactAmount`],
//! [`Error`], [`RetryPolicy`], [`Timeouts`], [`RequestOptions`], [`ResponseMeta`],
//! [`Transport`]. What provider crates build on (the core client, provider specs, error
//! parsers, path and validation helpers, signers, digests) lives in [`provider`].
//!
//! # Money
//!
//! [`Amount`] is an exact `rust_decimal` (28 fraction digits) that reads a JSON string or
//! number and keeps its scale. [`ExactAmount`] holds any precision (CCPro's 50-digit
//! prices, `"6.0e-6"`) by keeping the text as received: it compares by value, converts to
//! an [`Amount`] when that is exact, and writes back a string or a number as it came;
//! [`exact::optional`] reads `null`, `""` and a missing field as `None`.
//!
//! # Features
//!
//! | feature | what | pulls |
//! |---|---|---|
//! | `client` (default) | [`ApiClient`](provider::ApiClient), [`Endpoint`], [`Signer`], [`Transport`], retries | reqwest, tokio |
//! | `bearer` | [`auth::BearerToken`] | – |
//! | `hmac-sha512` | CoinsPaid signer and verifier | hmac, sha2 |
//! | `sha256-nonce` | Covery signer and verifier | sha2 |
//! | `jwt` | [`auth::JwtSigner`] (RS256/RS512) | jsonwebtoken (aws-lc-rs) |
//! | `webhook` | [`webhook`] verification primitives | subtle |
//! | `test-util` | [`test_util`]: fixed clocks, sequence nonces, test signatures | – |
//!
//! With only `webhook` (and an algorithm feature) this crate pulls no HTTP stack.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod country;
pub mod date;
#[doc(hidden)]
pub mod digest;
mod error;
pub mod exact;
pub mod money;
mod raw_text;
mod wire_enum;

pub use error::{
    ApiError, ApiErrorKind, BoxError, Error, FieldError, TimeoutKind, TransportErrorKind,
};
pub use exact::{ExactAmount, InvalidExactAmount};
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
#[doc(hidden)]
pub mod auth;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod endpoint;
#[cfg(feature = "client")]
mod macros;
#[cfg(feature = "client")]
mod operation;
#[cfg(feature = "client")]
mod options;
#[cfg(feature = "client")]
pub mod retry;
#[cfg(feature = "client")]
mod scrub;
#[cfg(feature = "client")]
pub mod signer;
#[cfg(feature = "client")]
mod spec;
#[cfg(feature = "client")]
pub mod transport;

#[cfg(feature = "client")]
pub use endpoint::{Endpoint, NoContent, RequestSpec, RetrySafety};
#[cfg(feature = "client")]
pub use operation::{AttachFiles, Auth, InputFile, Io, JsonOutput, Operation, read_document};
#[cfg(feature = "client")]
pub use options::{RequestOptions, ResponseMeta, Timeouts, WithMeta};
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
/// The HTTP client the built-in transport uses; give your own to a builder's
/// `reqwest_client` (configured with `redirect::Policy::none()`).
#[cfg(feature = "client")]
pub use reqwest::Client as ReqwestClient;

/// What provider crates build on: the core client, provider specs and error parsers, path
/// and validation helpers, signers and digests. Users of a provider crate rarely need it.
#[cfg(feature = "client")]
pub mod provider {
    pub use crate::auth;
    pub use crate::client::{ApiClient, ApiClientBuilder, DEFAULT_MAX_BODY};
    pub use crate::digest;
    pub use crate::endpoint::{
        DecodeFailure, InvalidInput, RequestBody, check_path_param, decode_json, path_segment,
        require_text,
    };
    pub use crate::error::{SNIPPET_LIMIT, snippet};
    pub use crate::operation::{MAX_PATH_PARAM, check_duplicate_keys};
    pub use crate::scrub::{scrub_credential_fields, scrub_values};
    pub use crate::signer::NoAuth;
    pub use crate::spec::{ProviderSpec, default_error_parser};
}

#[cfg(feature = "webhook")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhook")))]
pub mod webhook;

#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util;

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
