//! The countries CCPro serves ([`Country`]).

use serde::{Deserialize, Serialize};

/// One entry of `country-list`.
///
/// The list is CCPro's own, not ISO 3166: it has codes such as `XA`, `XU`, `TP`, `AN` and
/// `YU`, lacks many countries (`US`, `CN`), and some phone codes are odd (`RU` 70, `TM`
/// 7370, `0` for territories without one). The values are kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// The two-letter code CCPro uses (`AF`), what the KYC and sign-up fields take.
    pub code: String,
    /// The English name (`Afghanistan`, `Bahamas The`).
    #[serde(default)]
    pub name: Option<String>,
    /// The international calling code without `+` (`93`); `0` where there is none.
    #[serde(default)]
    pub phone_code: Option<u32>,
}
