//! THE table: every Coinify operation once, with its one name, method, documented path,
//! auth, retry safety and a summary. The CLI, the fixture recorder and the tests iterate
//! over [`OPERATIONS`]; each request type's `request()` points at its row.
//!
//! Every path begins with your partner id, the first placeholder of each template
//! (`{partner-id}`, or `{id}` where the docs call it so): the [`Client`](crate::Client)
//! fills it from its configuration when a request names none.
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

/// `GET /partners/{partner-id}/approximate-quote`.
pub static APPROXIMATE_QUOTE: Operation = Operation {
    name: "approximate-quote",
    method: Method::GET,
    path: "/partners/{partner-id}/approximate-quote",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Estimates what an amount buys, transfer fees included when both media are given.",
    io: Io::json::<GetApproximateQuote>(),
};

/// `POST /partners/{partner-id}/kyc`.
pub static KYC_CREATE: Operation = Operation {
    name: "kyc-create",
    method: Method::POST,
    path: "/partners/{partner-id}/kyc",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Creates the KYC review of a trader you approved (idempotent by externalId).",
    io: Io::json::<SubmitKyc>(),
};

/// `POST /partners/{partner-id}/kyc/{review-id}/documents`.
pub static KYC_UPLOAD_DOCUMENT: Operation = Operation {
    name: "kyc-upload-document",
    method: Method::POST,
    path: "/partners/{partner-id}/kyc/{review-id}/documents",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Uploads a supporting document (raw bytes, at most 25 MB) to a KYC review.",
    io: Io::with_files::<UploadDocument>(),
};

/// `GET /countries/{id}`.
pub static COUNTRIES: Operation = Operation {
    name: "countries",
    method: Method::GET,
    path: "/countries/{id}",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Lists the supported countries and US states with their pay-in media.",
    io: Io::json::<GetSupportedCountries>(),
};

/// `GET /partners/{id}/payment-methods`.
pub static PAYMENT_METHODS: Operation = Operation {
    name: "payment-methods",
    method: Method::GET,
    path: "/partners/{id}/payment-methods",
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
