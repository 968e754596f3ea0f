//! Exact money: [`Amount`] over `rust_decimal`, and validated [`Currency`] and [`CoinId`] codes.
//!
//! Providers disagree on how amounts travel: CoinsPaid and CoinCover send strings
//! (`"356"`), Coinify and Covery send JSON numbers (`0.0012814`), and some send both in one
//! document. [`Amount`] reads either without going through `f64` and keeps the scale
//! (`"0.01000000"` stays `0.01000000`); it writes a string by default, and a JSON number
//! with `#[serde(with = "payments_core::money::as_number")]`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::raw_text::{RAW_TOKEN, read_entry};

/// An exact decimal amount of money.
///
/// ```
/// use payments_core::Amount;
/// let a: Amount = serde_json::from_str("0.10882300").unwrap();
/// assert_eq!(a.to_string(), "0.10882300");
/// let b: Amount = serde_json::from_str("\"356\"").unwrap();
/// assert_eq!(serde_json::to_string(&b).unwrap(), "\"356\"");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Amount(Decimal);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Wraps a decimal.
    pub const fn new(d: Decimal) -> Self {
        Amount(d)
    }

    /// The decimal value.
    pub const fn decimal(self) -> Decimal {
        self.0
    }

    /// `true` when the amount is greater than zero.
    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    /// `true` when the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0 < Decimal::ZERO
    }

    /// The number of digits after the decimal point, as received.
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// Parses decimal text exactly: an optional sign, digits, an optional fraction and an
    /// optional exponent (`1e-8`). No `f64` is involved.
    pub fn parse(s: &str) -> Result<Self, InvalidAmount> {
        let t = s.trim();
        if t.is_empty() || t.len() > 64 {
            return Err(InvalidAmount(s.chars().take(64).collect()));
        }
        let parsed = if t.contains(['e', 'E']) {
            // Not `Decimal::from_scientific`: it rounds what does not fit
            // (`9.9999999999999999999999999999e0` became `10.000…`).
            scientific_exact(t)
        } else {
            Decimal::from_str_exact(t).ok()
        };
        parsed
            .map(Amount)
            .ok_or_else(|| InvalidAmount(t.to_owned()))
    }
}

/// `1.5e-8` read exactly: the mantissa's digits with the decimal point moved, then
/// [`Decimal::from_str_exact`], which refuses what does not fit instead of rounding.
fn scientific_exact(t: &str) -> Option<Decimal> {
    let (mantissa, exp) = t.split_once(['e', 'E'])?;
    let exp: i64 = exp.parse().ok()?;
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let all = format!("{int}{frac}");
    // Where the decimal point lands in `all`; beyond ±64 nothing a Decimal holds is left.
    let point = i64::try_from(int.len()).ok()?.checked_add(exp)?;
    if !(-64..=64).contains(&point) {
        return None;
    }
    let plain = match usize::try_from(point) {
        Err(_) => format!("0.{}{all}", "0".repeat(point.unsigned_abs() as usize)),
        Ok(p) if p >= all.len() => format!("{all}{}", "0".repeat(p - all.len())),
        Ok(p) => format!("{}.{}", &all[..p], &all[p..]),
    };
    Decimal::from_str_exact(&format!("{sign}{plain}")).ok()
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({})", self.0)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Amount {
    type Err = InvalidAmount;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Amount::parse(s)
    }
}

impl From<Decimal> for Amount {
    fn from(d: Decimal) -> Self {
        Amount(d)
    }
}

impl From<Amount> for Decimal {
    fn from(a: Amount) -> Self {
        a.0
    }
}

macro_rules! amount_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Amount {
            fn from(v: $t) -> Self { Amount(Decimal::from(v)) }
        }
    )*};
}
amount_from_int!(i32, i64, u32, u64);

/// Text that is not an exact decimal amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a decimal amount")]
pub struct InvalidAmount(String);

impl Serialize for Amount {
    /// Writes the exact decimal as a JSON string (`"0.01000000"`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(RAW_TOKEN, AmountVisitor)
    }
}

struct AmountVisitor;

impl AmountVisitor {
    fn from_text<E: de::Error>(raw: &str) -> Result<Amount, E> {
        let t = raw.trim();
        let t = t
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(t);
        Amount::parse(t).map_err(E::custom)
    }
}

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount as a JSON string or number")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Amount, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Amount::parse(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(v)))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Amount, E> {
        Decimal::try_from_i128_with_scale(v, 0)
            .map(Amount)
            .map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        // Only reached through buffering deserializers (untagged enums, serde_json::Value
        // without raw text). The shortest round-trip text of the float is the literal the
        // sender wrote, up to trailing zeros.
        if !v.is_finite() {
            return Err(E::custom("amount is not a finite number"));
        }
        Amount::parse(&format!("{v}")).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Amount, A::Error> {
        // serde_json hands raw text (raw_value) or an arbitrary-precision number as a
        // one-entry map under its private token; the text is read in place.
        read_entry(&mut map, |_, text| Self::from_text(text))?
            .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Map, &self))
    }
}

/// `#[serde(with = "payments_core::money::as_number")]`: writes an [`Amount`] as a bare
/// JSON number with exactly its digits (`1000`, `0.0012814`), reads a string or a number.
pub mod as_number {
    use super::*;

    /// Serializes `a` as a JSON number, digit for digit.
    pub fn serialize<S: Serializer>(a: &Amount, s: S) -> Result<S::Ok, S::Error> {
        serde_json::value::RawValue::from_string(a.0.to_string())
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }

    /// Reads a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        Amount::deserialize(d)
    }

    /// The same for `Option<Amount>` (`None` is written as `null`; pair it with
    /// `skip_serializing_if = "Option::is_none"` to omit the field).
    pub mod option {
        use super::*;

        /// Serializes `Some(a)` as a JSON number, `None` as null.
        pub fn serialize<S: Serializer>(a: &Option<Amount>, s: S) -> Result<S::Ok, S::Error> {
            match a {
                Some(a) => super::serialize(a, s),
                None => s.serialize_none(),
            }
        }

        /// Reads null, a string or a number.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Amount>, D::Error> {
            Option::<Amount>::deserialize(d)
        }
    }
}

fn valid_code(s: &str, max: usize, ok: impl Fn(u8) -> bool) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(ok)
}

/// A currency or asset code as a provider spells it (`BTC`, `EUR`, `USDTT`, `BNB-BSC`).
///
/// Providers add assets every week, so any code of 1 to 16 ASCII letters, digits, `-`, `_`
/// or `.` is accepted; no case is imposed.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Currency(String);

impl Currency {
    /// Validates and wraps a code.
    pub fn new(code: impl Into<String>) -> Result<Self, InvalidCode> {
        let code = code.into();
        if valid_code(&code, 16, |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
        }) {
            Ok(Currency(code))
        } else {
            Err(InvalidCode::new("currency code", &code))
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A CoinGecko coin id: the coin's *name* id such as `bitcoin` or `bitcoin-cash`, not a
/// ticker such as `BTC` (tickers are not unique). Lower-case ASCII letters, digits and `-`.
///
/// ```
/// use payments_core::CoinId;
/// assert!(CoinId::new("bitcoin-cash").is_ok());
/// assert!(CoinId::new("BTC").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CoinId(String);

impl CoinId {
    /// Validates and wraps a CoinGecko id.
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidCode> {
        let id = id.into();
        if valid_code(&id, 100, |b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.' || b == b'_'
        }) && !id.starts_with('-')
        {
            Ok(CoinId(id))
        } else {
            Err(InvalidCode::new(
                "CoinGecko coin id (lower-case name id such as \"bitcoin-cash\", not a ticker)",
                &id,
            ))
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! code_impls {
    ($t:ident) => {
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($t), "({:?})"), self.0)
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl FromStr for $t {
            type Err = InvalidCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $t::new(s)
            }
        }
        impl TryFrom<&str> for $t {
            type Error = InvalidCode;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                $t::new(s)
            }
        }
        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $t::new(s).map_err(de::Error::custom)
            }
        }
    };
}
code_impls!(Currency);
code_impls!(CoinId);

/// A code that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {what}")]
pub struct InvalidCode {
    what: &'static str,
    value: String,
}

impl InvalidCode {
    fn new(what: &'static str, value: &str) -> Self {
        InvalidCode {
            what,
            value: value.chars().take(64).collect(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[derive(Deserialize, Serialize)]
    struct N {
        #[serde(with = "as_number")]
        a: Amount,
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Untagged {
        A { a: Amount },
    }

    #[test]
    fn amounts_keep_scale_from_strings_and_numbers() {
        for (json, text) in [
            ("\"356\"", "356"),
            ("\"0.01000000\"", "0.01000000"),
            ("0.10882300", "0.10882300"),
            ("381", "381"),
            ("-0.0012814", "-0.0012814"),
            ("1e-8", "0.00000001"),
            ("1.50E2", "150"),
            ("-2.5e+1", "-25"),
            ("12e-1", "1.2"),
            ("0.5e0", "0.5"),
            (
                "1.234567890123456789012345678e-1",
                "0.1234567890123456789012345678",
            ),
            (
                "12345678901234567890.123456789",
                "12345678901234567890.123456789",
            ),
        ] {
            let a: Amount = serde_json::from_str(json).unwrap();
            assert_eq!(a.to_string(), text, "{json}");
        }
    }

    #[test]
    fn exponents_that_do_not_fit_are_refused_not_rounded() {
        for text in [
            "9.9999999999999999999999999999e0",
            "1.2345678901234567890123456789e-1",
            "1e-29",
            "1e29",
            "1e999999999999",
            "1e-99999999999999999999",
            "e5",
            "1e",
            "1.2.3e1",
            "--1e1",
        ] {
            assert!(Amount::parse(text).is_err(), "{text}");
        }
        assert_eq!(
            Amount::parse("1e28").unwrap().to_string(),
            format!("1{}", "0".repeat(28))
        );
        assert_eq!(Amount::parse(".5e1").unwrap().to_string(), "5");
        assert_eq!(Amount::parse("5.e-1").unwrap().to_string(), "0.5");
    }

    #[test]
    fn amounts_through_buffering_deserializers() {
        let Untagged::A { a } = serde_json::from_str(r#"{"a": 0.1088}"#).unwrap();
        assert_eq!(a.to_string(), "0.1088");
        let v: serde_json::Value = serde_json::from_str(r#""12.50""#).unwrap();
        let a: Amount = serde_json::from_value(v).unwrap();
        assert_eq!(a.to_string(), "12.50");
    }

    #[test]
    fn amount_rejects_garbage() {
        for bad in [
            "\"\"",
            "\"abc\"",
            "true",
            "null",
            "{}",
            "\"1.2.3\"",
            "\"NaN\"",
        ] {
            assert!(serde_json::from_str::<Amount>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn amounts_serialize_as_string_or_exact_number() {
        let a = Amount::parse("1000").unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"1000\"");
        let n = N {
            a: Amount::parse("0.0012814").unwrap(),
        };
        assert_eq!(serde_json::to_string(&n).unwrap(), r#"{"a":0.0012814}"#);
        let back: N = serde_json::from_str(r#"{"a":0.0012814}"#).unwrap();
        assert_eq!(back.a.to_string(), "0.0012814");
    }

    #[test]
    fn codes_validate() {
        assert!(Currency::new("BTC").is_ok());
        assert!(Currency::new("BNB-BSC").is_ok());
        assert!(Currency::new("").is_err());
        assert!(Currency::new("B TC").is_err());
        assert!(CoinId::new("bitcoin-cash").is_ok());
        assert!(CoinId::new("BTC").is_err());
        assert!(CoinId::new("").is_err());
        let e = CoinId::new("BTC").unwrap_err().to_string();
        assert!(e.contains("not a ticker"), "{e}");
        assert!(serde_json::from_str::<CoinId>("\"Bitcoin\"").is_err());
    }
}
