//! `GET /countries/{partnerId}` and `GET /partners/{partnerId}/payment-methods`.

use payments_core::provider::InvalidInput;
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use super::partner;
use crate::operations;
use crate::types::{PartnerId, PaymentMethods, SupportedCountries};

/// Lists the countries (and US states) where trading is supported, with their pay-in
/// media. The docs' `:id` of the path is your partner id. Sent without authentication
/// (the docs name none). Its input document is empty, or `{"partnerId"}` when not the
/// client's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetSupportedCountries {
    /// The partner (`{partnerId}`, the docs' `:id`); `None` asks for the client's.
    #[serde(rename = "partnerId", default, skip_serializing)]
    pub partner_id: Option<PartnerId>,
}

impl GetSupportedCountries {
    /// The request, for the client's partner.
    pub fn new() -> Self {
        Self::default()
    }

    /// The request for `partner`.
    pub fn for_partner(partner: PartnerId) -> Self {
        GetSupportedCountries {
            partner_id: Some(partner),
        }
    }
}

impl Endpoint for GetSupportedCountries {
    type Output = SupportedCountries;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        RequestSpec::with_path(&operations::COUNTRIES, &[Some(partner(&self.partner_id)?)])
    }
}

/// Lists your payment methods and their general limits (a trader's own limits may
/// differ). Sent without authentication (the docs name none). Its input document is
/// empty, or `{"partnerId"}` when not the client's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GetPaymentMethods {
    /// The partner (`{partnerId}`, the docs' `:id`); `None` asks for the client's.
    #[serde(rename = "partnerId", default, skip_serializing)]
    pub partner_id: Option<PartnerId>,
}

impl GetPaymentMethods {
    /// The request, for the client's partner.
    pub fn new() -> Self {
        Self::default()
    }

    /// The request for `partner`.
    pub fn for_partner(partner: PartnerId) -> Self {
        GetPaymentMethods {
            partner_id: Some(partner),
        }
    }
}

impl Endpoint for GetPaymentMethods {
    type Output = PaymentMethods;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        RequestSpec::with_path(
            &operations::PAYMENT_METHODS,
            &[Some(partner(&self.partner_id)?)],
        )
    }
}
