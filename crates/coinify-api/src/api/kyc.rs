//! `POST /partners/:partner-id/kyc`.

use payments_core::auth::JwtClaims;
use payments_core::http::{Method, StatusCode};
use payments_core::{
    DecodeFailure, InvalidInput, RequestBody, RetrySafety, check_path_param, decode_json,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{CoinifyRequest, partner_path};
use crate::types::{KycResult, KycReview, KycState, PartnerId, Profile, Screening, Timestamp};

/// Sends the KYC review of a trader you approved.
///
/// Authenticated with a JWT signed by your private key whose payload is
/// `{"traderId", "externalId"}` (plus `iat`, `exp` and a unique `jti`), fresh on every
/// attempt. Coinify treats the call as idempotent by `externalId` (a second call answers
/// 200, nothing changed), so it is retried with back-off on 5xx, timeouts and connection
/// failures, as the docs ask.
///
/// ```
/// use coinify_api::{Address, Country, Profile, Screening, SubmitKyc};
/// # fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let approved = "2018-11-19T01:23:35Z".parse()?;
/// let kyc = SubmitKyc::new(
///     123,
///     "id-of-the-partner-kyc-review",
///     approved,
///     "2018-11-19T00:23:35Z".parse()?,
///     Screening::new(true, "2018-11-19T01:23:35Z".parse()?),
///     Screening::new(true, "2018-11-19T01:23:35Z".parse()?),
///     Profile::new(
///         Country::new("DK")?,
///         "John doe",
///         "1988-12-14".parse()?,
///         Address::new("London Street 123", "London", "2001", Country::new("UK")?),
///     ),
/// );
/// # let _ = kyc; Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SubmitKyc {
    /// Coinify's id of the trader.
    pub trader_id: u64,
    /// Your id of this review; also the JWT's `externalId`.
    pub external_id: String,
    /// The review state (only `completed` so far).
    pub state: KycState,
    /// When the review was approved.
    pub approve_time: Timestamp,
    /// When the review was created.
    pub create_time: Timestamp,
    /// The politically-exposed-person check.
    pub pep: Screening,
    /// The sanctions check.
    pub sanction: Screening,
    /// The trader's identity and address.
    pub profile: Profile,
}

impl SubmitKyc {
    /// A completed review.
    pub fn new(
        trader_id: u64,
        external_id: impl Into<String>,
        approve_time: Timestamp,
        create_time: Timestamp,
        pep: Screening,
        sanction: Screening,
        profile: Profile,
    ) -> Self {
        SubmitKyc {
            trader_id,
            external_id: external_id.into(),
            state: KycState::Completed,
            approve_time,
            create_time,
            pep,
            sanction,
            profile,
        }
    }

    /// Sets the state (default `completed`).
    pub fn with_state(mut self, state: KycState) -> Self {
        self.state = state;
        self
    }
}

fn required(field: &str, value: &str) -> Result<(), InvalidInput> {
    if value.trim().is_empty() {
        Err(InvalidInput::new(field, "must not be empty"))
    } else {
        Ok(())
    }
}

impl CoinifyRequest for SubmitKyc {
    type Output = KycResult;

    fn operation(&self) -> &'static str {
        "kyc"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self, partner: &PartnerId) -> String {
        partner_path(partner, "/kyc")
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        check_path_param("externalId", &self.external_id, 255)?;
        required("state", self.state.as_str())?;
        required("profile.name", &self.profile.name)?;
        let a = &self.profile.address;
        required("profile.address.street", &a.street)?;
        required("profile.address.city", &a.city)?;
        required("profile.address.postalCode", &a.postal_code)?;
        if let Some(state) = &a.state {
            required("profile.address.state", state)?;
        }
        Ok(())
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        RequestBody::json(self).map(Some)
    }

    fn claims(&self) -> Option<JwtClaims> {
        let mut m = Map::new();
        m.insert("traderId".into(), Value::from(self.trader_id));
        m.insert("externalId".into(), Value::from(self.external_id.clone()));
        Some(JwtClaims(m))
    }

    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::Idempotent
    }

    fn decode(&self, status: StatusCode, body: &[u8]) -> Result<KycResult, DecodeFailure> {
        let review: KycReview = decode_json(body)?;
        Ok(KycResult {
            review,
            created: status == StatusCode::CREATED,
        })
    }
}
