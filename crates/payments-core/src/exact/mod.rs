//! [`ExactAmount`]: a decimal of any precision that keeps the text it was written in.
//!
//! [`Amount`] holds what `rust_decimal` holds: 28 fractional digits, 96 bits of digits.
//! CCPro sends more: prices with 50 fractional digits
//! (`"0.01566568917988080603730595889918455388111966440334"`), exponents inside strings
//! (`"6.0e-6"`, `"9.000000000000001e-7"`, `"6.304E-5"`), a number in one response and a
//! string in the next (`0` and `"0"`), and `""` or `null` for "no value". [`ExactAmount`]
//! reads all of them without rounding and without `f64`:
//!
//! - it keeps the text exactly as received ([`ExactAmount::as_str`], `Display`), and
//!   whether it came as a JSON string or a JSON number, so a decoded document
//!   re-serializes byte for byte;
//! - it compares by numeric value (`"1.50" == "15e-1"`, `"-0" == "0"`), through a
//!   normalized form computed once when parsed;
//! - [`ExactAmount::to_amount`] converts to an [`Amount`] only when the value fits exactly.
//!
//! Absent values (`null`, `""`, a missing field) are read as `None` by [`optional`].
//!
//! Arithmetic is deliberately absent: compute with [`Amount`] (or a decimal library of
//! your choice) and keep `ExactAmount` for what travels on the wire.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::Amount;

// Asked for a newtype struct of this name, a serde_json deserializer (raw_value feature)
// hands over the raw JSON text of the value, so a number is read digit for digit.
use crate::raw_text::RAW_TOKEN;

/// The longest text [`ExactAmount::parse`] accepts, in characters.
pub const MAX_LEN: usize = 256;

/// The largest exponent magnitude [`ExactAmount::parse`] accepts (`1e1000`, `1e-1000`).
pub const MAX_EXPONENT: u32 = 1000;

/// An exact decimal amount of any precision, kept as the text it was written in.
///
/// The text is `-?digits(.digits)?([eE][+-]?digits)?`, at most [`MAX_LEN`] characters
/// with an exponent of at most ±[`MAX_EXPONENT`]. Equality, ordering and hashing follow the
/// numeric value; `Display`, [`as_str`](Self::as_str) and serialization give back the text.
///
/// ```
/// use payments_core::ExactAmount;
///
/// // 50 fractional digits, as a JSON string and as a JSON number: every digit survives.
/// let text = "0.01566568917988080603730595889918455388111966440334";
/// let s: ExactAmount = serde_json::from_str(&format!("\"{text}\"")).unwrap();
/// let n: ExactAmount = serde_json::from_str(text).unwrap();
/// assert_eq!(s.as_str(), text);
/// assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{text}\""));
/// assert_eq!(serde_json::to_string(&n).unwrap(), text);
/// assert!(n.was_number() && !s.was_number());
/// assert_eq!(s, n);
///
/// // Values compare by number, whatever the notation.
/// let e: ExactAmount = "6.0e-6".parse().unwrap();
/// assert_eq!(e, "0.000006".parse().unwrap());
/// assert_eq!(e.to_string(), "6.0e-6");
/// assert_eq!(e.to_plain_string(), "0.0000060");
/// ```
///
/// # Serde
///
/// Reads a JSON string or a JSON number from its raw text (serde_json's `raw_value`), so
/// no digit goes through `f64`; writes a JSON string back as a string and a JSON number
/// as a number with the same characters. Values from [`parse`](Self::parse), `FromStr` or
/// `From<Amount>` are written as strings. Where serde has already turned a number into an
/// `f64` (untagged enums, `#[serde(flatten)]`), it is refused rather than guessed; a
/// `serde_json::Value` holds floats as `f64` too, so decode amounts from the JSON text,
/// not from a `Value`. `null` and `""` are refused; read them with [`optional`].
#[derive(Clone)]
pub struct ExactAmount {
    /// The text as received, then the significant digits (without leading or trailing
    /// zeros; none for zero): one allocation for both.
    buf: Box<str>,
    /// Where the text ends in `buf`.
    text_len: u32,
    /// Read from a JSON number (written back as one).
    number: bool,
    /// The numeric sign; `false` for zero.
    negative: bool,
    /// The value is `0.digits × 10^point`; `0` for zero.
    point: i64,
    /// Fraction digits of the plain notation of the text.
    scale: u32,
}

impl ExactAmount {
    /// Parses decimal text exactly: an optional `-`, digits, an optional `.digits` and an
    /// optional exponent (`e` or `E`, an optional sign, digits). Nothing else is accepted:
    /// no `+` sign, no `.5` or `5.`, no blanks, underscores, hex, `NaN` or infinities.
    /// Leading zeros are accepted and kept (`"007"`).
    ///
    /// ```
    /// use payments_core::ExactAmount;
    /// assert_eq!(ExactAmount::parse("9.000000000000001e-7")?.scale(), 22);
    /// let e = ExactAmount::parse("1,5").unwrap_err();
    /// assert!(e.to_string().contains("unexpected ','"), "{e}");
    /// # Ok::<(), payments_core::InvalidExactAmount>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, InvalidExactAmount> {
        Self::read(s, false)
    }

    fn read(s: &str, number: bool) -> Result<Self, InvalidExactAmount> {
        let n = analyse(s).map_err(|reason| InvalidExactAmount::new(s, reason))?;
        Ok(Self::assemble(
            s, n.digits, number, n.negative, n.point, n.scale,
        ))
    }

    /// Builds the value from its text and its significant digits (given as the text's
    /// integer and fraction runs, already trimmed), in one allocation.
    fn assemble(
        text: &str,
        digits: (&str, &str),
        number: bool,
        negative: bool,
        point: i64,
        scale: u32,
    ) -> Self {
        let mut buf = String::with_capacity(text.len() + digits.0.len() + digits.1.len());
        buf.push_str(text);
        buf.push_str(digits.0);
        buf.push_str(digits.1);
        ExactAmount {
            buf: buf.into_boxed_str(),
            // MAX_LEN characters of at most 4 bytes: far below u32::MAX; an `Amount`'s
            // text is shorter still.
            text_len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            number,
            negative,
            point,
            scale,
        }
    }

    /// The text exactly as received (`"6.0e-6"`, `"0.0100"`).
    pub fn as_str(&self) -> &str {
        &self.buf[..self.text_len as usize]
    }

    /// The significant digits, without leading or trailing zeros; empty for zero.
    fn digits(&self) -> &str {
        &self.buf[self.text_len as usize..]
    }

    /// `true` when the amount was read from a JSON number (and is written back as one);
    /// `false` when it came as a JSON string or from [`parse`](Self::parse), `FromStr` or
    /// `From<Amount>`.
    pub fn was_number(&self) -> bool {
        self.number
    }

    /// `true` when the value is zero (`"0"`, `"-0.00"`, `"0e5"`).
    pub fn is_zero(&self) -> bool {
        self.digits().is_empty()
    }

    /// `true` when the value is below zero (`"-0"` is not).
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// `true` when the value is above zero.
    pub fn is_positive(&self) -> bool {
        !self.negative && !self.is_zero()
    }

    /// The number of fraction digits of the text written without an exponent, trailing
    /// zeros included: `"0.0100"` → 4, `"6.0e-6"` → 7, `"1e3"` → 0, `"1.25e1"` → 1.
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The text without an exponent, keeping every written digit: `"6.0e-6"` →
    /// `"0.0000060"`, `"1.5E+3"` → `"1500"`. Text without an exponent is returned as it is.
    ///
    /// With a far exponent the plain text can be longer than [`MAX_LEN`] (`"5e-620"` gives
    /// 622 characters), which [`parse`](Self::parse) refuses: it is for display; keep
    /// [`as_str`](Self::as_str) to read the amount again.
    pub fn to_plain_string(&self) -> String {
        let t = self.as_str();
        let Some((mantissa, exp)) = t.split_once(['e', 'E']) else {
            return t.to_owned();
        };
        // `analyse` accepted the text, so the exponent is within ±MAX_EXPONENT.
        let exp: i64 = exp.parse().unwrap_or(0);
        let (sign, unsigned) = match mantissa.strip_prefix('-') {
            Some(m) => ("-", m),
            None => ("", mantissa),
        };
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let all = format!("{int}{frac}");
        let len = all.len() as i64;
        // Where the decimal point lands in `all`.
        let point = int.len() as i64 + exp;
        let zeros = |n: i64| "0".repeat(n.unsigned_abs() as usize);
        let plain = if point <= 0 {
            format!("0.{}{all}", zeros(point))
        } else if point >= len {
            format!("{all}{}", zeros(point - len))
        } else {
            let (i, f) = all.split_at(point as usize);
            format!("{i}.{f}")
        };
        // Moving the point can leave leading zeros in the integer part ("0.5e1" → "05").
        let trimmed = plain.trim_start_matches('0');
        let plain = if trimmed.is_empty() || trimmed.starts_with('.') {
            format!("0{trimmed}")
        } else {
            trimmed.to_owned()
        };
        format!("{sign}{plain}")
    }

    /// Converts to an [`Amount`] when the value fits `rust_decimal` exactly (at most 28
    /// fraction digits, a mantissa of at most 96 bits); never rounds.
    ///
    /// The written scale is kept when it fits; otherwise every trailing fraction zero is
    /// dropped, which changes no digit of the value (`"16016.000…0"` with 50 zeros becomes
    /// `16016`).
    ///
    /// ```
    /// use payments_core::ExactAmount;
    /// let a = ExactAmount::parse("172.2125000000000000000000000")?.to_amount().unwrap();
    /// assert_eq!(a.to_string(), "172.2125000000000000000000000");
    /// let fifty = ExactAmount::parse("0.01566568917988080603730595889918455388111966440334")?;
    /// assert!(fifty.to_amount().is_err());
    /// # Ok::<(), payments_core::InvalidExactAmount>(())
    /// ```
    pub fn to_amount(&self) -> Result<Amount, OutOfRange> {
        let out_of_range = || OutOfRange::new(self.as_str());
        if self.is_zero() {
            let scale = if self.scale <= Decimal::MAX_SCALE {
                self.scale
            } else {
                0
            };
            return Ok(Amount::new(Decimal::new(0, scale)));
        }
        // At most 29 digits fit 96 bits, so the digits fit an u128 after this check.
        let n = self.digits().len();
        if n > 29 {
            return Err(out_of_range());
        }
        let digits: u128 = self.digits().parse().map_err(|_| out_of_range())?;
        // value = digits × 10^exp
        let exp = self.point - n as i64;
        let (mantissa, min_scale) = if exp >= 0 {
            let factor = u32::try_from(exp)
                .ok()
                .and_then(|e| 10u128.checked_pow(e))
                .ok_or_else(out_of_range)?;
            (digits.checked_mul(factor).ok_or_else(out_of_range)?, 0)
        } else {
            (digits, u32::try_from(-exp).map_err(|_| out_of_range())?)
        };
        let signed = |m: u128| {
            let m = i128::try_from(m).ok()?;
            Some(if self.negative { -m } else { m })
        };
        let fit = |m: u128, scale: u32| {
            signed(m).and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
        };
        // The written scale first (it is never below the minimal one).
        let written = self
            .scale
            .checked_sub(min_scale)
            .and_then(|extra| 10u128.checked_pow(extra))
            .and_then(|f| mantissa.checked_mul(f))
            .and_then(|m| fit(m, self.scale));
        written
            .or_else(|| fit(mantissa, min_scale))
            .map(Amount::new)
            .ok_or_else(out_of_range)
    }
}

/// The normalized form of a valid text.
struct Normal<'a> {
    negative: bool,
    /// The significant digits, as the trimmed integer and fraction runs of the text.
    digits: (&'a str, &'a str),
    point: i64,
    scale: u32,
}

/// Checks the grammar and the bounds, and computes the normalized form.
fn analyse(s: &str) -> Result<Normal<'_>, Reason> {
    if s.is_empty() {
        return Err(Reason::Empty);
    }
    // Counting characters only when the bytes could exceed the limit.
    if s.len() > MAX_LEN && s.chars().nth(MAX_LEN).is_some() {
        return Err(Reason::TooLong);
    }
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|w| unsigned.eq_ignore_ascii_case(w))
    {
        return Err(Reason::NotFinite);
    }
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    if i == 0 && b.first() == Some(&b'+') {
        return Err(Reason::LeadingPlus);
    }
    let run = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        &s[start..*i]
    };
    let int = run(&mut i);
    if int.is_empty() {
        return Err(match b.get(i) {
            None => Reason::NoDigits,
            Some(b'.') => Reason::NoDigitBeforePoint,
            Some(_) => Reason::unexpected(s, i),
        });
    }
    let mut frac = "";
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac = run(&mut i);
        if frac.is_empty() {
            return Err(match b.get(i) {
                None | Some(b'e' | b'E') => Reason::NoDigitAfterPoint,
                Some(_) => Reason::unexpected(s, i),
            });
        }
    }
    let mut exp: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative_exp = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let digits = run(&mut i);
        if digits.is_empty() {
            return Err(match b.get(i) {
                None => Reason::NoExponentDigits,
                Some(_) => Reason::unexpected(s, i),
            });
        }
        let significant = digits.trim_start_matches('0');
        let magnitude = if significant.len() > 4 {
            None
        } else {
            significant.parse::<u32>().ok().or(Some(0))
        };
        match magnitude {
            Some(m) if m <= MAX_EXPONENT => {
                exp = if negative_exp {
                    -i64::from(m)
                } else {
                    i64::from(m)
                }
            }
            _ => return Err(Reason::ExponentOutOfRange),
        }
    }
    if i < b.len() {
        return Err(Reason::unexpected(s, i));
    }

    // The significant digits of `int` then `frac`, without leading or trailing zeros,
    // as two runs of the text (no copy).
    let int_trimmed = int.trim_start_matches('0');
    let lead_in_int = int.len() - int_trimmed.len();
    let (int_digits, frac_digits, lead) = if int_trimmed.is_empty() {
        let f = frac.trim_start_matches('0');
        ("", f, lead_in_int + (frac.len() - f.len()))
    } else {
        (int_trimmed, frac, lead_in_int)
    };
    let digits = if frac_digits.trim_end_matches('0').is_empty() {
        (int_digits.trim_end_matches('0'), "")
    } else {
        (int_digits, frac_digits.trim_end_matches('0'))
    };
    // Both lengths are at most MAX_LEN, and |exp| at most MAX_EXPONENT: no overflow.
    let scale = (frac.len() as i64 - exp).max(0) as u32;
    Ok(if digits.0.is_empty() && digits.1.is_empty() {
        Normal {
            negative: false,
            digits: ("", ""),
            point: 0,
            scale,
        }
    } else {
        Normal {
            negative: s.starts_with('-'),
            digits,
            point: int.len() as i64 - lead as i64 + exp,
            scale,
        }
    })
}

impl PartialEq for ExactAmount {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ExactAmount {}

impl PartialOrd for ExactAmount {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ExactAmount {
    /// Numeric order, whatever the notation (`"9e-7" < "0.000001"`).
    fn cmp(&self, other: &Self) -> Ordering {
        let sign = |a: &Self| match (a.is_zero(), a.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        sign(self).cmp(&sign(other)).then_with(|| {
            // Same sign, both non-zero (or both zero: equal fields). Normalized digits
            // compare as text: a missing digit is a zero, below any significant digit.
            let magnitude = self
                .point
                .cmp(&other.point)
                .then_with(|| self.digits().cmp(other.digits()));
            if self.negative {
                magnitude.reverse()
            } else {
                magnitude
            }
        })
    }
}

impl Hash for ExactAmount {
    /// Hashes the normalized value, so equal amounts hash alike.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.negative.hash(state);
        self.digits().hash(state);
        self.point.hash(state);
    }
}

impl fmt::Debug for ExactAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ExactAmount({})", self.as_str())
    }
}

impl fmt::Display for ExactAmount {
    /// Writes the text as received. Width and alignment are honoured; a precision is
    /// ignored, since formatting never cuts an exact amount.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.precision().is_some() {
            f.write_str(self.as_str())
        } else {
            f.pad(self.as_str())
        }
    }
}

impl FromStr for ExactAmount {
    type Err = InvalidExactAmount;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExactAmount::parse(s)
    }
}

impl From<Amount> for ExactAmount {
    /// The amount's text with its scale (`0.01000000`); serializes as a string.
    fn from(a: Amount) -> Self {
        let d = a.decimal();
        let mantissa = d.mantissa();
        let all = mantissa.unsigned_abs().to_string();
        let digits = all.trim_end_matches('0');
        let zero = mantissa == 0;
        ExactAmount::assemble(
            &d.to_string(),
            (digits, ""),
            false,
            !zero && mantissa < 0,
            // value = mantissa × 10^-scale = 0.all × 10^(len - scale)
            if zero {
                0
            } else {
                all.len() as i64 - i64::from(d.scale())
            },
            d.scale(),
        )
    }
}

/// Why a text is not an [`ExactAmount`]; the message names the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not an exact amount: {reason}")]
pub struct InvalidExactAmount {
    input: String,
    reason: Reason,
}

impl InvalidExactAmount {
    fn new(input: &str, reason: Reason) -> Self {
        let mut shown: String = input.chars().take(64).collect();
        if shown.len() < input.len() {
            shown.push('…');
        }
        InvalidExactAmount {
            input: shown,
            reason,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Reason {
    Empty,
    TooLong,
    NotFinite,
    LeadingPlus,
    NoDigits,
    NoDigitBeforePoint,
    NoDigitAfterPoint,
    NoExponentDigits,
    ExponentOutOfRange,
    Unexpected { found: char, at: usize },
}

impl Reason {
    /// `at` is a byte offset at a character boundary, after ASCII only.
    fn unexpected(s: &str, at: usize) -> Self {
        let found = s.get(at..).and_then(|r| r.chars().next()).unwrap_or('?');
        Reason::Unexpected { found, at }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Empty => f.write_str("it is empty"),
            Reason::TooLong => write!(f, "it is longer than {MAX_LEN} characters"),
            Reason::NotFinite => f.write_str("NaN and infinities are not amounts"),
            Reason::LeadingPlus => f.write_str("a leading '+' is not accepted"),
            Reason::NoDigits => f.write_str("it has no digits"),
            Reason::NoDigitBeforePoint => f.write_str("no digit before the '.'"),
            Reason::NoDigitAfterPoint => f.write_str("no digit after the '.'"),
            Reason::NoExponentDigits => f.write_str("no digit in the exponent"),
            Reason::ExponentOutOfRange => {
                write!(f, "the exponent is beyond ±{MAX_EXPONENT}")
            }
            Reason::Unexpected { found, at } => write!(
                f,
                "unexpected {found:?} at character {at}; expected an optional '-', digits, \
                 an optional fraction and exponent, like \"-12.50\" or \"6.0e-6\""
            ),
        }
    }
}

/// An [`ExactAmount`] that an [`Amount`] cannot hold without rounding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} does not fit an Amount exactly (at most 28 fraction digits and 28 to 29 \
     significant digits); keep it as an ExactAmount"
)]
pub struct OutOfRange(String);

impl OutOfRange {
    fn new(text: &str) -> Self {
        let mut shown: String = text.chars().take(64).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        OutOfRange(shown)
    }
}

mod wire;

use wire::ExactVisitor;

/// `#[serde(default, with = "payments_core::exact::optional")]` on an
/// `Option<ExactAmount>`: `null`, `""` and (with `default`) a missing field read as `None`.
///
/// `None` is written as `null`, so a `""` received comes back as `null` when the value is
/// serialized again (pair with `skip_serializing_if = "Option::is_none"` to omit it).
///
/// ```
/// use payments_core::ExactAmount;
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Limits {
///     #[serde(default, with = "payments_core::exact::optional")]
///     min: Option<ExactAmount>,
///     #[serde(default, with = "payments_core::exact::optional")]
///     max: Option<ExactAmount>,
/// }
///
/// let l: Limits = serde_json::from_str(r#"{"min": ""}"#).unwrap();
/// assert!(l.min.is_none() && l.max.is_none());
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"{"min":null,"max":null}"#);
/// let l: Limits = serde_json::from_str(r#"{"min": "10", "max": 1000}"#).unwrap();
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"{"min":"10","max":1000}"#);
/// ```
pub mod optional {
    use super::*;

    /// Writes `Some` as [`ExactAmount`] does, `None` as `null`.
    pub fn serialize<S: Serializer>(a: &Option<ExactAmount>, s: S) -> Result<S::Ok, S::Error> {
        match a {
            Some(a) => a.serialize(s),
            None => s.serialize_none(),
        }
    }

    /// Reads `null` and `""` as `None`, a JSON string or number as `Some`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ExactAmount>, D::Error> {
        d.deserialize_option(ExactVisitor { absent_ok: true })
    }
}

#[cfg(test)]
mod tests;
