//! The operations: each request is plain data implementing [`CoinifyRequest`]; the
//! [`Client`](crate::Client) scopes it to your partner id ([`ForPartner`]) and sends it.

use std::borrow::Cow;

use payments_core::auth::JwtClaims;
use payments_core::http::{HeaderMap, Method, StatusCode};
use payments_core::{
    DecodeFailure, Endpoint, InvalidInput, RequestBody, RetrySafety, decode_json, path_segment,
};
use serde::de::DeserializeOwned;

use crate::types::PartnerId;

mod countries;
mod documents;
mod kyc;
mod quote;

pub use countries::{GetPaymentMethods, GetSupportedCountries};
pub use documents::{DocumentType, MAX_DOCUMENT_BYTES, UploadDocument, check_document_size};
pub use kyc::SubmitKyc;
pub use quote::GetApproximateQuote;

/// A Coinify operation, independent of the partner it is sent for.
///
/// The same shape as [`Endpoint`], except that the path is built from the partner id
/// configured on the client, and the per-request JWT claims (if any) are returned by
/// [`claims`](Self::claims): a request with claims is signed with your private key; one
/// without is sent unauthenticated.
pub trait CoinifyRequest: Send + Sync {
    /// The decoded success response.
    type Output: DeserializeOwned + Send;

    /// The operation's name (`kyc`, `approximate-quote`).
    fn operation(&self) -> &'static str;

    /// The HTTP method.
    fn method(&self) -> Method;

    /// The path for `partner`, starting with `/`.
    fn path(&self, partner: &PartnerId) -> String;

    /// The encoded query string, without `?`.
    fn query(&self) -> Option<String> {
        None
    }

    /// Checks the input before anything is sent.
    fn validate(&self) -> Result<(), InvalidInput> {
        Ok(())
    }

    /// The body, if any.
    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        Ok(None)
    }

    /// Extra headers (not `Authorization`).
    fn headers(&self, _headers: &mut HeaderMap) {}

    /// The JWT payload of this request, when it is authenticated with a partner token.
    fn claims(&self) -> Option<JwtClaims> {
        None
    }

    /// Whether the operation may be repeated after it possibly reached Coinify.
    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::from_method(&self.method())
    }

    /// Decodes a 2xx body.
    fn decode(&self, _status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        decode_json(body)
    }

    /// This request scoped to `partner`, as a core [`Endpoint`].
    fn for_partner<'a>(&'a self, partner: &'a PartnerId) -> ForPartner<'a, Self>
    where
        Self: Sized,
    {
        ForPartner {
            partner,
            request: self,
        }
    }
}

/// A [`CoinifyRequest`] bound to a partner id: the [`Endpoint`] the core client sends.
#[derive(Debug, Clone, Copy)]
pub struct ForPartner<'a, R> {
    partner: &'a PartnerId,
    request: &'a R,
}

impl<'a, R> ForPartner<'a, R> {
    /// Binds `request` to `partner`.
    pub fn new(partner: &'a PartnerId, request: &'a R) -> Self {
        ForPartner { partner, request }
    }
}

impl<R: CoinifyRequest> Endpoint for ForPartner<'_, R> {
    type Output = R::Output;

    fn operation(&self) -> &'static str {
        self.request.operation()
    }
    fn method(&self) -> Method {
        self.request.method()
    }
    fn path(&self) -> Cow<'_, str> {
        Cow::Owned(self.request.path(self.partner))
    }
    fn query(&self) -> Option<String> {
        self.request.query()
    }
    fn validate(&self) -> Result<(), InvalidInput> {
        self.request.validate()
    }
    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        self.request.body()
    }
    fn headers(&self, headers: &mut HeaderMap) {
        self.request.headers(headers)
    }
    fn extensions(&self, ext: &mut payments_core::http::Extensions) {
        if let Some(claims) = self.request.claims() {
            ext.insert(claims);
        }
    }
    fn retry_safety(&self) -> RetrySafety {
        self.request.retry_safety()
    }
    fn decode(&self, status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        self.request.decode(status, body)
    }
}

/// `/partners/{partner}` plus `rest`.
fn partner_path(partner: &PartnerId, rest: &str) -> String {
    format!("/partners/{}{rest}", path_segment(partner.as_str()))
}
