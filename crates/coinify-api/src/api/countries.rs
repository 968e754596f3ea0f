//! `GET /countries/:id` and `GET /partners/:id/payment-methods`.

use payments_core::http::Method;
use payments_core::path_segment;
use serde::{Deserialize, Serialize};

use super::{CoinifyRequest, partner_path};
use crate::types::{PartnerId, PaymentMethods, SupportedCountries};

/// Lists the countries (and US states) where trading is supported, with their pay-in
/// media. The `:id` of the path is your partner id. Sent without authentication (the
/// docs name none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GetSupportedCountries;

impl CoinifyRequest for GetSupportedCountries {
    type Output = SupportedCountries;

    fn operation(&self) -> &'static str {
        "countries"
    }

    fn method(&self) -> Method {
        Method::GET
    }

    fn path(&self, partner: &PartnerId) -> String {
        format!("/countries/{}", path_segment(partner.as_str()))
    }
}

/// Lists your payment methods and their general limits (a trader's own limits may
/// differ). Sent without authentication (the docs name none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GetPaymentMethods;

impl CoinifyRequest for GetPaymentMethods {
    type Output = PaymentMethods;

    fn operation(&self) -> &'static str {
        "payment-methods"
    }

    fn method(&self) -> Method {
        Method::GET
    }

    fn path(&self, partner: &PartnerId) -> String {
        partner_path(partner, "/payment-methods")
    }
}
