//! Small validated values shared by the requests and responses.

use std::fmt;
use std::str::FromStr;

use payments_core::country::CountryCode;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// The longest piece of rejected input repeated in an error message.
const ECHO: usize = 40;

fn echo(s: &str) -> String {
    s.chars().take(ECHO).collect()
}

/// `true` for the 8-4-4-4-12 hexadecimal shape of a UUID (either case).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Text that is not a valid value of one of this crate's small types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    what: &'static str,
    message: String,
}

impl InvalidValue {
    fn new(what: &'static str, message: String) -> Self {
        InvalidValue { what, message }
    }

    /// What was being parsed (`partner id`, `timestamp`, `country code`).
    pub fn what(&self) -> &'static str {
        self.what
    }
}

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.what, self.message)
    }
}

impl std::error::Error for InvalidValue {}

/// The partner id Coinify gives you: a UUID, kept as written.
///
/// It is configured once on the [`Client`](crate::Client), which fills it into the
/// `{partnerId}` path segment (the docs' `:partner-id`, or `:id`) of every request that
/// names no other.
///
/// ```
/// use coinify_api::PartnerId;
/// let id: PartnerId = "6b54f095-db25-4507-9912-0461fe70768f".parse().unwrap();
/// assert_eq!(id.as_str(), "6b54f095-db25-4507-9912-0461fe70768f");
/// assert!("partner-1".parse::<PartnerId>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartnerId(String);

impl PartnerId {
    /// Validates the UUID shape (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal).
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidValue> {
        let id = id.into();
        if is_uuid(&id) {
            Ok(PartnerId(id))
        } else {
            Err(InvalidValue::new(
                "partner id",
                format!(
                    "{:?} is not a UUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                    echo(&id)
                ),
            ))
        }
    }

    /// The id as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartnerId({})", self.0)
    }
}

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PartnerId {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartnerId::new(s)
    }
}

impl Serialize for PartnerId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PartnerId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartnerId::new(s).map_err(de::Error::custom)
    }
}

/// An ISO 8601 timestamp in the RFC 3339 profile (`2018-11-19T01:23:35Z`), validated and
/// kept exactly as written.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a second, then `Z` or an offset
/// `±HH:MM`. The date must exist; seconds may be 60 (leap second).
///
/// ```
/// use coinify_api::Timestamp;
/// let t: Timestamp = "2018-11-19T01:23:35Z".parse().unwrap();
/// assert_eq!(t.as_str(), "2018-11-19T01:23:35Z");
/// assert!("2018-11-19 01:23".parse::<Timestamp>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(String);

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

fn valid_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 {
        return false;
    }
    let date_ok = b[4] == b'-'
        && b[7] == b'-'
        && s.get(..10)
            .and_then(|d| d.parse::<payments_core::date::Date>().ok())
            .is_some();
    let time_ok = matches!(b[10], b'T' | b't')
        && b[13] == b':'
        && b[16] == b':'
        && digits(&b[11..13]).is_some_and(|h| h < 24)
        && digits(&b[14..16]).is_some_and(|m| m < 60)
        && digits(&b[17..19]).is_some_and(|s| s <= 60);
    if !date_ok || !time_ok {
        return false;
    }
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            digits(&[*h1, *h2]).is_some_and(|h| h < 24)
                && digits(&[*m1, *m2]).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

impl Timestamp {
    /// Validates and wraps an RFC 3339 timestamp.
    pub fn new(text: impl Into<String>) -> Result<Self, InvalidValue> {
        let text = text.into();
        if valid_rfc3339(&text) {
            Ok(Timestamp(text))
        } else {
            Err(InvalidValue::new(
                "timestamp",
                format!(
                    "{:?} is not an ISO 8601 / RFC 3339 timestamp (e.g. 2018-11-19T01:23:35Z)",
                    echo(&text)
                ),
            ))
        }
    }

    /// The timestamp as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.0)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Timestamp {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::new(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::new(s).map_err(de::Error::custom)
    }
}

/// The exceptionally reserved ISO 3166-1 alpha-2 codes: not assigned to a country, but
/// reserved at a country's or an organisation's request and seen in practice (`UK` for the
/// United Kingdom, `EU` for the European Union).
pub const EXCEPTIONALLY_RESERVED: [&str; 12] = [
    "AC", "CP", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN",
];

/// A country as Coinify's KYC fields carry it: an ISO 3166-1 alpha-2 code, kept as given.
///
/// Every officially assigned code is accepted, and so are the exceptionally reserved ones
/// ([`EXCEPTIONALLY_RESERVED`]), because Coinify's own KYC example sends `"UK"` for an
/// address in London. Upper-case only.
///
/// ```
/// use coinify_api::Country;
/// let dk: Country = "DK".parse().unwrap();
/// assert_eq!(dk.assigned().map(|c| c.alpha3()), Some("DNK"));
/// let uk: Country = "UK".parse().unwrap();
/// assert_eq!(uk.as_str(), "UK");
/// assert!(uk.assigned().is_none());
/// assert_eq!(uk.resolved().map(|c| c.alpha2()), Some("GB"));
/// assert!("XX".parse::<Country>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(String);

impl Country {
    /// Validates a code: assigned or exceptionally reserved, two upper-case letters.
    pub fn new(code: impl Into<String>) -> Result<Self, InvalidValue> {
        let code = code.into();
        if EXCEPTIONALLY_RESERVED.contains(&code.as_str()) {
            return Ok(Country(code));
        }
        CountryCode::from_alpha2(&code)
            .map(|_| Country(code))
            .map_err(|e| InvalidValue::new("country code", e.to_string()))
    }

    /// From an assigned country code.
    pub fn from_code(code: CountryCode) -> Self {
        Country(code.alpha2().to_owned())
    }

    /// The code as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The assigned country, or `None` for an exceptionally reserved code.
    pub fn assigned(&self) -> Option<CountryCode> {
        CountryCode::from_alpha2(&self.0).ok()
    }

    /// The assigned country, mapping `UK` to `GB`; `None` for the other reserved codes,
    /// which name no single country.
    pub fn resolved(&self) -> Option<CountryCode> {
        match self.0.as_str() {
            "UK" => CountryCode::from_alpha2("GB").ok(),
            s => CountryCode::from_alpha2(s).ok(),
        }
    }
}

impl From<CountryCode> for Country {
    fn from(code: CountryCode) -> Self {
        Country::from_code(code)
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.0)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Country {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::new(s)
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::new(s).map_err(de::Error::custom)
    }
}

payments_core::wire_enum! {
    /// How money moves into or out of a trade (`card`, `bank`, `blockchain`).
    ///
    /// Unknown values from the server are kept in [`TransferMedium::Unknown`], so a new
    /// medium never breaks decoding.
    pub enum TransferMedium {
        /// A debit or credit card.
        Card = "card",
        /// A bank transfer.
        Bank = "bank",
        /// A blockchain transaction.
        Blockchain = "blockchain",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        for ok in [
            "2018-11-19T01:23:35Z",
            "2018-11-19T01:23:35.123Z",
            "2018-11-19T01:23:35+01:00",
            "2020-02-29T23:59:60-05:30",
        ] {
            assert!(valid_rfc3339(ok), "{ok}");
        }
        for bad in [
            "",
            "2018-11-19",
            "2018-11-19T01:23:35",
            "2018-11-19 01:23:35Z",
            "2019-02-29T01:23:35Z",
            "2018-11-19T24:00:00Z",
            "2018-11-19T01:23:35.Z",
            "2018-11-19T01:23:35+0100",
            "2018-11-19T01:23:35Zjunk",
            "2018-13-19T01:23:35Z",
        ] {
            assert!(!valid_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn uuids() {
        assert!(is_uuid("6b54f095-db25-4507-9912-0461fe70768f"));
        assert!(is_uuid("6B54F095-DB25-4507-9912-0461FE70768F"));
        assert!(!is_uuid("6b54f095db25-4507-9912-0461fe70768f0"));
        assert!(!is_uuid("6b54f095-db25-4507-9912-0461fe70768g"));
        assert!(!is_uuid(""));
    }

    #[test]
    fn countries() {
        assert!(Country::new("UK").is_ok());
        assert!(Country::new("EU").is_ok());
        assert!(Country::new("GB").is_ok());
        assert!(Country::new("uk").is_err());
        assert!(Country::new("ZZ").is_err());
        assert!(Country::new("GBR").is_err());
    }
}
