//! Response models and the small validated values of the requests.
//!
//! Enums are `#[non_exhaustive]` with an `Unknown(String)` fallback, so a new value from
//! Coinify never breaks decoding.

mod common;
mod countries;
mod kyc;
mod quote;

pub use common::{
    Country, EXCEPTIONALLY_RESERVED, InvalidValue, PartnerId, Timestamp, TransferMedium, is_uuid,
};
pub use countries::{CountrySupport, PaymentMethod, PaymentMethods, SupportedCountries};
pub use kyc::{Address, KycResult, KycReview, KycState, Profile, Screening, UploadedDocument};
pub use quote::{ApproximateQuote, Transfer};
