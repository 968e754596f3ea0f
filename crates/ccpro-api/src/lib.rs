//! A typed, async client for the CCPro (CryptoCoin.Pro) brokerage API: platform JWTs and
//! user sessions, every amount exact to its last digit.
//!
//! # Quick start
//!
//! ```no_run
//! use ccpro_api::{Client, Environment, SecretString, Subject};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let pem = SecretString::from(std::fs::read_to_string("platform-key.pem")?);
//! let client = Client::builder(Environment::Dev)
//!     .platform_key(std::env::var("CCPRO_PLATFORM_ID")?, &pem)
//!     .build()?;
//!
//! // The platform logs one of its users in; the session logs in again by itself.
//! let user = client.login_as(Subject::Email("ada@example.com".into())).await?;
//! println!("logged in as {}", user.user_id());
//! user.logout().await?;
//! # Ok(()) }
//! ```
//!
//! # Auth
//!
//! Each operation's row in [`OPERATIONS`] says how it is signed: the platform's RS512 JWT
//! in the `token` header (a fresh one per attempt, with a custom `expire` claim), the
//! user's bearer token, or nothing. User operations go through a [`UserClient`], whose
//! [`UserSession`] refreshes its token before it expires and once after a 401, with one
//! login in flight at a time. Tokens, keys and passwords never appear in Debug output,
//! errors or traces; spans carry the route template, not the concrete path.
//!
//! # Errors
//!
//! Every method returns [`Error`]. Invalid input (a blank id, a file of the wrong type or
//! over 10 240 KB) is refused before anything is sent ([`Error::InvalidRequest`]). CCPro's
//! error bodies (`{"error": …}`, `{"message": …}`, `{"message", "errors": …}`) arrive as
//! [`Error::Api`] with the status and message exactly as sent; [`ccpro_error`] says what
//! they mean ([`CcproReason`]); 409 is "This action is unauthorized.", never a conflict.
//!
//! # Retries
//!
//! GETs are retried on timeouts, 429 and 5xx. Every POST and DELETE moves money or changes
//! state without an idempotency key, so it is never resent once it may have arrived.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
mod client;
mod document;
pub mod handoff;
pub mod operations;
pub mod pagination;
mod session;
pub mod types;
pub mod upload;

pub use api::{AuthenticateJwt, AuthenticateWithPassword, Logout, Subject};
pub use client::{Client, ClientBuilder, DEV_URL, Environment, PlatformKey};
pub use handoff::{CheckoutHandoff, CheckoutPayment, CheckoutUser};
pub use operations::OPERATIONS;
pub use pagination::{PageError, Pages};
pub use payments_core::{
    ApiError, ApiErrorKind, Endpoint, Error, ExactAmount, FieldError, RequestOptions, ResponseMeta,
    RetryPolicy, SecretString, Timeouts, WithMeta,
};
pub use session::{Credentials, SavedSession, UserClient, UserSession};
pub use types::{
    AccessToken, CcproError, CcproReason, LogoutResult, Message, Page, PageMeta, Ref, ccpro_error,
};
pub use upload::{File, FileKind};

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
