//! The requests, one struct per operation. Each is plain data implementing
//! [`Endpoint`](payments_core::Endpoint): its `request()` checks the input and describes
//! the request for its row in [`operations`](crate::operations).
//!
//! Each request reads its *input document* (what the `payments` CLI passes): the
//! documented body or query fields plus the path parameters (`partnerId`, `reviewId`;
//! camelCase like every other field and the JWT payload's `reviewId`, where the docs' paths
//! write `:partner-id`, `:id`, `:review-id`). Unknown fields are refused. The partner id is
//! optional in every request: the [`Client`](crate::Client)'s typed methods and its
//! `call_json` fill in the client's own when a request names none; `Client::send` sends a
//! request exactly as it is.
//!
//! The KYC review and the upload put their JWT payload (`{traderId, externalId}`,
//! `{reviewId, externalId}`) in the request's extensions as
//! [`JwtClaims`](payments_core::provider::auth::JwtClaims); the client's signer adds `iat`,
//! `exp` and a fresh `jti` on every attempt.

mod countries;
mod documents;
mod kyc;
mod quote;

pub use countries::{GetPaymentMethods, GetSupportedCountries};
pub use documents::{DocumentType, MAX_DOCUMENT_BYTES, UploadDocument, check_document_size};
pub use kyc::SubmitKyc;
pub use quote::GetApproximateQuote;

use payments_core::provider::InvalidInput;

use crate::types::PartnerId;

/// The input field (and path placeholder) of the partner id in every request.
pub(crate) const PARTNER_FIELD: &str = "partnerId";

/// The partner path parameter of a request, or a refusal saying how to name it.
fn partner(id: &Option<PartnerId>) -> Result<&str, InvalidInput> {
    id.as_ref().map(PartnerId::as_str).ok_or_else(|| {
        InvalidInput::new(
            PARTNER_FIELD,
            "is required: name the partner (`for_partner`), or send through the client's \
             typed methods or `call_json`, which fill in its own",
        )
    })
}
