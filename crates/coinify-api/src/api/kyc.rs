//! `POST /partners/{partnerId}/kyc`.

use payments_core::auth::JwtClaims;
use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, check_path_param, decode_json};
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::partner;
use crate::operations;
use crate::types::{KycResult, KycReview, KycState, PartnerId, Profile, Screening, Timestamp};

/// Creates the KYC review of a trader you approved.
///
/// Authenticated with a JWT signed by your private key whose payload is
/// `{"traderId", "externalId"}` (plus `iat`, `exp` and a unique `jti`), fresh on every
/// attempt. Coinify treats the call as idempotent by `externalId` (a second call answers
/// 200, nothing changed), so it is retried with back-off on 5xx, timeouts and connection
/// failures, as the docs ask. Its input document is the documented body, plus
/// `partnerId` when not the client's.
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct SubmitKyc {
    /// The partner (`{partnerId}`); `None` sends for the client's.
    #[serde(default, skip_serializing)]
    pub partner_id: Option<PartnerId>,
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
    /// A completed review, for the client's partner.
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
            partner_id: None,
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

    /// Sends for `partner` rather than the client's partner.
    pub fn for_partner(mut self, partner: PartnerId) -> Self {
        self.partner_id = Some(partner);
        self
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

    /// The documented JWT payload: `{"traderId", "externalId"}`.
    pub fn claims(&self) -> JwtClaims {
        let mut m = Map::new();
        m.insert("traderId".into(), Value::from(self.trader_id));
        m.insert("externalId".into(), Value::from(self.external_id.clone()));
        JwtClaims(m)
    }
}

fn required(field: &str, value: &str) -> Result<(), InvalidInput> {
    if value.trim().is_empty() {
        Err(InvalidInput::new(field, "must not be empty"))
    } else {
        Ok(())
    }
}

impl Endpoint for SubmitKyc {
    type Output = KycResult;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.validate()?;
        Ok(
            RequestSpec::with_path(&operations::KYC_CREATE, &[Some(partner(&self.partner_id)?)])?
                .json(self)?
                .extension(self.claims()),
        )
    }

    /// 200 (the review already existed, nothing changed) and 201 (created) carry the same
    /// body; [`KycResult::created`] tells them apart.
    fn decode(status: StatusCode, body: &[u8]) -> Result<KycResult, DecodeFailure> {
        let review: KycReview = decode_json(body)?;
        Ok(KycResult {
            review,
            created: status == StatusCode::CREATED,
        })
    }
}
