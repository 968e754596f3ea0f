//! A typed, async client for the Coinify partner API: approximate quotes, trader KYC
//! reviews, supporting-document uploads, supported countries and payment methods.
//!
//! # Quick start
//!
//! ```no_run
//! use coinify_api::{
//!     Address, Client, Country, Currency, DocumentType, Environment, GetApproximateQuote,
//!     Profile, Screening, SubmitKyc, TransferMedium, UploadDocument,
//! };
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new(
//!     Environment::Sandbox,
//!     &std::env::var("COINIFY_PARTNER_ID")?,
//!     std::fs::read_to_string("partner-private-key.pem")?,
//! )?;
//!
//! // What would 100 EUR paid by card buy in BTC?
//! let quote = client
//!     .approximate_quote(
//!         &GetApproximateQuote::new("-100".parse()?, Currency::new("EUR")?, Currency::new("BTC")?)
//!             .with_transfer_media(TransferMedium::Card, TransferMedium::Blockchain),
//!     )
//!     .await?;
//! println!("about {} {}", quote.quote_amount, quote.quote_currency);
//!
//! // Send a trader's KYC review, then a document for it.
//! let approved = "2018-11-19T01:23:35Z".parse()?;
//! let kyc = SubmitKyc::new(
//!     123,
//!     "id-of-the-partner-kyc-review",
//!     approved,
//!     "2018-11-19T00:23:35Z".parse()?,
//!     Screening::new(true, "2018-11-19T01:23:35Z".parse()?),
//!     Screening::new(true, "2018-11-19T01:23:35Z".parse()?),
//!     Profile::new(
//!         Country::new("DK")?,
//!         "John doe",
//!         "1988-12-14".parse()?,
//!         Address::new("London Street 123", "London", "2001", Country::new("UK")?),
//!     ),
//! );
//! let result = client.submit_kyc(&kyc).await?;
//! println!("review {} (new: {})", result.review.id, result.created);
//!
//! let doc = UploadDocument::from_path(
//!     result.review.id.as_str(),
//!     "your-reference-for-this-document",
//!     DocumentType::Passport,
//!     "image/jpeg",
//!     "passport.jpg",
//! )?;
//! client.upload_document(&doc).await?;
//! # Ok(()) }
//! ```
//!
//! # Operations and the partner id
//!
//! [`OPERATIONS`] lists the five operations (`approximate-quote`, `kyc-create`,
//! `kyc-upload-document`, `countries`, `payment-methods`) with their documented paths.
//! Every path carries your partner id. The client is given it once; its typed methods
//! ([`Client::approximate_quote`], …) and [`Client::call_json`] fill it into every request
//! that names no other (each request's `partner_id`, `None` by default), while
//! [`Client::send`] sends a request exactly as it is (name the partner with its
//! `for_partner`).
//!
//! # Authentication
//!
//! The KYC review and document upload are authenticated with a JWT signed by your RSA
//! private key (PEM, PKCS#1 or PKCS#8; RS256 by default, RS512 on request) and sent as
//! `Authorization: Bearer`. Its payload is `{traderId, externalId}` or
//! `{reviewId, externalId}`, plus `iat`, a short `exp` and a unique `jti`; a fresh token
//! is signed for every attempt. A key that cannot sign is an [`Error::Config`] from
//! [`ClientBuilder::build`]; without a key, sending a KYC operation (however it is sent)
//! fails with [`Error::Sign`] before anything leaves. The quote, countries and
//! payment-methods endpoints are sent without credentials: Coinify's documentation names
//! no scheme for them.
//!
//! # Errors
//!
//! Every method returns [`Error`]. Invalid input (one transfer medium without the other, a
//! document over 25 MB, a filename that cannot travel in a header) is refused before
//! sending ([`Error::InvalidRequest`]). Coinify's `{"error", "error_description"}` answers
//! arrive as [`Error::Api`] with the `error` value in [`ApiError::code`]
//! (`invalid_request`, `not_found`) and a Display such as
//! `coinify: HTTP 400 [invalid_request]: id is invalid`.
//!
//! # Retries
//!
//! The reads are retried on timeouts, 408, 429 and 5xx. The KYC review (idempotent by
//! `externalId`) and the document upload are retried the same way with exponential
//! back-off, as Coinify asks for 5xx answers, each attempt with a new token.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api;
mod client;
pub mod operations;
pub mod types;

pub use api::{
    DocumentType, GetApproximateQuote, GetPaymentMethods, GetSupportedCountries,
    MAX_DOCUMENT_BYTES, SubmitKyc, UploadDocument, check_document_size,
};
pub use client::{Client, ClientBuilder, Environment, PRODUCTION_URL, SANDBOX_URL};
pub use operations::OPERATIONS;
pub use payments_core::auth::JwtAlgorithm;
pub use payments_core::date::Date;
pub use payments_core::{
    Amount, ApiError, ApiErrorKind, Currency, Endpoint, Error, RequestOptions, ResponseMeta,
    RetryPolicy, SecretString, Timeouts, WithMeta,
};
pub use types::{
    Address, ApproximateQuote, Country, CountrySupport, InvalidValue, KycResult, KycReview,
    KycState, PartnerId, PaymentMethod, PaymentMethods, Profile, Screening, SupportedCountries,
    Timestamp, Transfer, TransferMedium, UploadedDocument,
};

/// The README's examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
