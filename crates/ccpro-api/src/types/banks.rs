//! Bank accounts ([`Bank`]) and [`ReviewStatus`], the review state CCPro gives banks,
//! cards and wallets alike.

use serde::{Deserialize, Serialize};

payments_core::wire_enum! {
    /// Where CCPro's review of a bank account, card or wallet stands, in the upper case
    /// the objects carry (`"CONFIRMED"`). The list filters take the lower-case
    /// [`StatusFilter`](crate::api::banks::StatusFilter) instead. Only `CONFIRMED` appears
    /// in the docs' examples; the other two are the filter's values in upper case.
    pub enum ReviewStatus {
        /// `CONFIRMED`: usable.
        Confirmed = "CONFIRMED",
        /// `REJECTED`: refused by CCPro.
        Rejected = "REJECTED",
        /// `PENDING`: waiting for review.
        Pending = "PENDING",
    }
}

/// A user's bank account (`bank-create`, `bank-list`, `bank-show`, and `user-profile`'s
/// `banks`).
///
/// The docs' example answers a create of `"ING Bank"`/`EUR` with `"bank name"`/`RON`:
/// trust what comes back, not what was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bank {
    /// The bank account's id (a UUID), the `{bank}` of its paths. Empty when an answer
    /// carries none (no documented example lacks it; the profile's lists are read too).
    #[serde(default)]
    pub id: String,
    /// Its review state (`CONFIRMED`).
    #[serde(default)]
    pub status: Option<ReviewStatus>,
    /// The bank's name.
    #[serde(default)]
    pub bank_name: Option<String>,
    /// The IBAN.
    #[serde(default)]
    pub iban: Option<String>,
    /// The SWIFT (BIC) code, as stored (the docs' example has 6 characters).
    #[serde(default)]
    pub swift: Option<String>,
    /// The account's ISO 4217 currency code (`RON`).
    #[serde(default)]
    pub currency: Option<String>,
    /// When it was added, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}
