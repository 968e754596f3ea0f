//! The trader KYC review and supporting documents.

use payments_core::date::Date;
use serde::{Deserialize, Serialize};

use crate::types::{Country, Timestamp};

payments_core::wire_enum! {
    /// The state of a KYC review. Coinify accepts only `completed` so far; other values
    /// are kept in [`KycState::Unknown`].
    #[derive(Default)]
    pub enum KycState {
        /// The partner finished the review.
        #[default]
        Completed = "completed",
    }
}

/// The outcome of one screening (PEP or sanctions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Screening {
    /// Whether the trader passed the check.
    pub approved: bool,
    /// When the check was approved.
    pub approve_time: Timestamp,
}

impl Screening {
    /// A screening result.
    pub fn new(approved: bool, approve_time: Timestamp) -> Self {
        Screening {
            approved,
            approve_time,
        }
    }
}

/// The trader's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Profile {
    /// Country of citizenship.
    pub citizen_country: Country,
    /// Full name.
    pub name: String,
    /// Date of birth (`YYYY-MM-DD`).
    pub date_of_birth: Date,
    /// Residential address.
    pub address: Address,
}

impl Profile {
    /// A profile.
    pub fn new(
        citizen_country: Country,
        name: impl Into<String>,
        date_of_birth: Date,
        address: Address,
    ) -> Self {
        Profile {
            citizen_country,
            name: name.into(),
            date_of_birth,
            address,
        }
    }
}

/// A residential address.
///
/// Coinify's parameter table lists `state` as required, but its own example omits it; it
/// is optional here and left out of the JSON when `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// City.
    pub city: String,
    /// State or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Postal code.
    pub postal_code: String,
    /// Country of residence.
    pub country: Country,
}

impl Address {
    /// An address without a state.
    pub fn new(
        street: impl Into<String>,
        city: impl Into<String>,
        postal_code: impl Into<String>,
        country: Country,
    ) -> Self {
        Address {
            street: street.into(),
            city: city.into(),
            state: None,
            postal_code: postal_code.into(),
            country,
        }
    }

    /// Sets the state or region.
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }
}

/// A KYC review as Coinify returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KycReview {
    /// Coinify's id of the review (a UUID): pass it to
    /// [`UploadDocument`](crate::UploadDocument).
    pub id: String,
    /// Your `externalId`, echoed.
    pub external_id: String,
}

/// The result of [`Client::submit_kyc`](crate::Client::submit_kyc): the review, and
/// whether this call created it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KycResult {
    /// The review.
    pub review: KycReview,
    /// `true` on 201 Created; `false` on 200 OK, when a review with this `externalId`
    /// already existed and nothing was changed.
    pub created: bool,
}

/// A stored supporting document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadedDocument {
    /// Coinify's id of the document (a UUID).
    pub id: String,
    /// Your `externalId` for the document, echoed.
    pub external_id: String,
}
