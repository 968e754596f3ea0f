//! `country-list`: the countries CCPro serves (public: no credentials).

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::Deserialize;

use crate::operations;
use crate::types::common::data;
use crate::types::countries::Country;

/// `GET /api/v1/countries`: every country CCPro serves (227 in the docs), in one list.
/// Public: sent without credentials, although the docs' curl adds a bearer token.
///
/// Input document: `{}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCountries {}

impl ListCountries {
    /// The request.
    pub fn new() -> Self {
        ListCountries {}
    }
}

impl Endpoint for ListCountries {
    type Output = Vec<Country>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(RequestSpec::new(&operations::COUNTRY_LIST))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Country>, DecodeFailure> {
        data(status, body)
    }
}

impl crate::Client {
    /// `country-list`: every country CCPro serves (public; no key or session needed).
    pub async fn list_countries(&self) -> Result<Vec<Country>, Error> {
        self.send(&ListCountries::new()).await
    }
}
