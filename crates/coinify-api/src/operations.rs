//! THE table: every Coinify operation once, with its one name, method, documented path,
//! auth, retry safety and a summary. The CLI, the fixture recorder and the tests iterate
//! over [`OPERATIONS`]; each request type's `request()` points at its row.
//!
//! Paths are the documented ones, their placeholders written as the input fields that fill
//! them: `{partnerId}` (the docs' `:partner-id`, and `:id` for countries and payment
//! methods, "UUID provided to the partner") and `{reviewId}` (the docs' `:review-id`, the
//! upload JWT's `reviewId`). Every path carries your partner id: the
//! [`Client`](crate::Client) fills it from its configuration when a request names none.
//!
//! The KYC review and the document upload carry a partner JWT ([`Auth::Jwt`], signed with
//! your RSA private key, fresh for every attempt); the docs name no scheme for the quote,
//! countries and payment methods, which are sent without credentials ([`Auth::None`]).
//! Coinify asks partners to resend KYC reviews and uploads after a 5xx with back-off, and
//! treats the review as idempotent by `externalId`: every operation is retried.

use payments_core::http::Method;
use payments_core::{Auth, Io, Operation, RetrySafety};

use crate::api::{
    GetApproximateQuote, GetPaymentMethods, GetSupportedCountries, SubmitKyc, UploadDocument,
};

/// `GET /partners/{partnerId}/approximate-quote`.
pub static APPROXIMATE_QUOTE: Operation = Operation {
    name: "approximate-quote",
    method: Method::GET,
    path: "/partners/{partnerId}/approximate-quote",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Estimates what an amount buys, transfer fees included when both media are given.",
    io: Io::json::<GetApproximateQuote>(),
};

/// `POST /partners/{partnerId}/kyc`.
pub static KYC_CREATE: Operation = Operation {
    name: "kyc-create",
    method: Method::POST,
    path: "/partners/{partnerId}/kyc",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Creates the KYC review of a trader you approved (idempotent by externalId).",
    io: Io::json::<SubmitKyc>(),
};

/// `POST /partners/{partnerId}/kyc/{reviewId}/documents`.
pub static KYC_UPLOAD_DOCUMENT: Operation = Operation {
    name: "kyc-upload-document",
    method: Method::POST,
    path: "/partners/{partnerId}/kyc/{reviewId}/documents",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Uploads a supporting document (raw bytes, at most 25 MB) to a KYC review.",
    io: Io::with_files::<UploadDocument>(),
};

/// `GET /countries/{partnerId}` (documented as `/countries/:id`).
pub static COUNTRIES: Operation = Operation {
    name: "countries",
    method: Method::GET,
    path: "/countries/{partnerId}",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Lists the supported countries and US states with their pay-in media.",
    io: Io::json::<GetSupportedCountries>(),
};

/// `GET /partners/{partnerId}/payment-methods` (documented with `:id`).
pub static PAYMENT_METHODS: Operation = Operation {
    name: "payment-methods",
    method: Method::GET,
    path: "/partners/{partnerId}/payment-methods",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Lists your payment methods and their general limits.",
    io: Io::json::<GetPaymentMethods>(),
};

/// Every Coinify operation, in the documentation's order.
pub static OPERATIONS: &[&Operation] = &[
    &APPROXIMATE_QUOTE,
    &KYC_CREATE,
    &KYC_UPLOAD_DOCUMENT,
    &COUNTRIES,
    &PAYMENT_METHODS,
];
