//! Supported countries and payment methods.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::types::TransferMedium;

/// Support by country: ISO 3166-1 alpha-2 code (as Coinify writes it) to its
/// [`CountrySupport`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SupportedCountries(pub BTreeMap<String, CountrySupport>);

impl SupportedCountries {
    /// The entry of one country code (`"DK"`).
    pub fn get(&self, code: &str) -> Option<&CountrySupport> {
        self.0.get(code)
    }

    /// Whether trading is supported in the country (`false` when absent). For a country
    /// with states this is the country-wide flag; see [`CountrySupport::states`].
    pub fn is_supported(&self, code: &str) -> bool {
        self.get(code).is_some_and(|c| c.supported)
    }

    /// The number of countries listed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `true` when no country is listed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Whether a country (or one of its states) is supported, and with which pay-in media.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CountrySupport {
    /// Whether trading is supported.
    pub supported: bool,
    /// How a customer may pay in (absent for a country listed by state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_transfer_in_media: Option<Vec<TransferMedium>>,
    /// Per-state support, keyed by state code (`"OR"`), same shape (for the US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states: Option<BTreeMap<String, CountrySupport>>,
}

impl CountrySupport {
    /// The pay-in media, empty when none are listed.
    pub fn transfer_in_media(&self) -> &[TransferMedium] {
        self.supported_transfer_in_media.as_deref().unwrap_or(&[])
    }

    /// The entry of one state.
    pub fn state(&self, code: &str) -> Option<&CountrySupport> {
        self.states.as_ref().and_then(|s| s.get(code))
    }
}

/// The partner's payment methods and limits, as a list.
///
/// Coinify's partner documentation gives no response example here (it refers to the
/// trader payment-methods endpoint, minus `canTrade` and `cannotTradeReasons`), so only
/// the transfer media are typed; every other field is kept in
/// [`PaymentMethod::extra`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PaymentMethods(pub Vec<PaymentMethod>);

/// One payment method.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PaymentMethod {
    /// How the customer pays in (`inMedium`), when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_medium: Option<TransferMedium>,
    /// How the customer is paid out (`outMedium`), when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_medium: Option<TransferMedium>,
    /// Every other field, as received (names, currencies, fees, limits).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
