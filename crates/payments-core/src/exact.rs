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

// serde_json's private tokens, as in `money.rs`: asked for a newtype struct of this name,
// a serde_json deserializer (raw_value feature) hands over the raw JSON text of the value,
// so a number is read digit for digit; other deserializers ignore the name.
const RAW_TOKEN: &str = "$serde_json::private::RawValue";
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

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

impl Serialize for ExactAmount {
    /// Writes the text back as it came: a JSON number when read from one (every digit,
    /// through serde_json's raw value), a JSON string otherwise.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.number {
            let raw: &RawValue =
                serde_json::from_str(self.as_str()).map_err(serde::ser::Error::custom)?;
            raw.serialize(s)
        } else {
            s.serialize_str(self.as_str())
        }
    }
}

impl<'de> Deserialize<'de> for ExactAmount {
    /// Reads a JSON string or a JSON number, digit for digit (never through `f64`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = ExactVisitor { absent_ok: false };
        d.deserialize_newtype_struct(RAW_TOKEN, v)?
            .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Unit, &v))
    }
}

/// Reads an amount; with `absent_ok`, `null` and `""` are `None`.
#[derive(Clone, Copy)]
struct ExactVisitor {
    absent_ok: bool,
}

impl ExactVisitor {
    fn string<E: de::Error>(self, v: &str) -> Result<Option<ExactAmount>, E> {
        if v.is_empty() && self.absent_ok {
            return Ok(None);
        }
        ExactAmount::read(v, false).map(Some).map_err(|e| {
            if v.is_empty() {
                E::custom(format_args!(
                    "{e} (read it with payments_core::exact::optional to take \"\" as absent)"
                ))
            } else {
                E::custom(e)
            }
        })
    }

    fn number<E: de::Error>(self, v: &str) -> Result<Option<ExactAmount>, E> {
        ExactAmount::read(v, true).map(Some).map_err(E::custom)
    }

    fn absent<E: de::Error>(self) -> Result<Option<ExactAmount>, E> {
        if self.absent_ok {
            Ok(None)
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }

    /// The raw JSON text of a value.
    fn raw<E: de::Error>(self, raw: &str) -> Result<Option<ExactAmount>, E> {
        match raw.as_bytes().first() {
            Some(b'"') if !raw.contains('\\') => {
                let inner = raw
                    .strip_prefix('"')
                    .and_then(|r| r.strip_suffix('"'))
                    .ok_or_else(|| E::custom("unterminated JSON string"))?;
                self.string(inner)
            }
            Some(b'"') => {
                let unescaped: String = serde_json::from_str(raw).map_err(E::custom)?;
                self.string(&unescaped)
            }
            Some(b'-' | b'0'..=b'9') => self.number(raw),
            Some(b'n') => self.absent(),
            Some(b't' | b'f') => Err(E::invalid_type(de::Unexpected::Other("a boolean"), &self)),
            Some(b'[') => Err(E::invalid_type(de::Unexpected::Seq, &self)),
            Some(b'{') => Err(E::invalid_type(de::Unexpected::Map, &self)),
            _ => Err(E::invalid_value(de::Unexpected::Str(raw), &self)),
        }
    }
}

impl<'de> Visitor<'de> for ExactVisitor {
    type Value = Option<ExactAmount>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an exact decimal amount as a JSON string or number")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // Deserializers without raw text (serde_json::Value, buffered content).
        d.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.string(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.number(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.number(&v.to_string())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        self.number(&v.to_string())
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        self.number(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        // Only buffering deserializers (untagged or internally tagged enums, flatten,
        // serde_json::Value) hand over an f64: the JSON number's digits may already be
        // lost, so an exact amount refuses it rather than guess.
        Err(E::custom(
            "an exact amount cannot be read from a floating-point number: the JSON number \
             went through a buffering deserializer (untagged enum, flatten, \
             serde_json::Value) that may have dropped digits",
        ))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.absent()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.absent()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_newtype_struct(RAW_TOKEN, self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // serde_json hands raw text (raw_value) or an arbitrary-precision number as a
        // one-entry map under its private token.
        let key: Option<String> = map.next_key()?;
        match key.as_deref() {
            Some(RAW_TOKEN) => {
                let raw: String = map.next_value()?;
                self.raw(&raw)
            }
            Some(NUMBER_TOKEN) => {
                let raw: String = map.next_value()?;
                self.number(&raw)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

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
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::hash::DefaultHasher;

    fn x(s: &str) -> ExactAmount {
        ExactAmount::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn hash(a: &ExactAmount) -> u64 {
        let mut h = DefaultHasher::new();
        a.hash(&mut h);
        h.finish()
    }

    /// Every amount, price, rate, fee and limit example of the CCPro reference, §4.2.
    const CCPRO_STRINGS: &[&str] = &[
        "500.0000000000000000000000000",
        "1.0000000000000000000000000",
        "0",
        "172.2125000000000000000000000",
        "142.2625000000000000000000000",
        "0.0000000000000000000000000",
        "15.0000000000000000000000000",
        "4.4925000000000000000000000",
        "5",
        "1.4975",
        "0.2000000000000000000000000",
        "34.4425000000000000000000000",
        "0.2",
        "142.2625",
        "28.4525",
        "6.0e-6",
        "258.865",
        "0.00155319",
        "4.4925",
        "0.03",
        "15",
        "0.01",
        "0.00020259",
        "9.000000000000001e-7",
        "0.9500000000000000000000000",
        "0.0500000000000000000000000",
        "6383.37700000000000000000000000000000000000000000000000",
        "6377",
        "160.16",
        "6.304E-5",
        "0.09990009990009990009990036200000000000000000000000",
        "2.0000000000000000000000000000",
        "10.000000000000000000000000000",
        "100",
        "0.01566568917988080603730595889918455388111966440334",
        "16016.00000000000000000000000000000000000000000000000000",
        "98.0000000000000000000000000000",
        "128.55000",
        "6213.60000",
        "6.252E-5",
        "5.791E-5",
        "127.98000",
        "0.011646368236156",
        "10.04129486967",
        "83.545222542067",
        "72031.22874758",
        "350",
        "60",
        "0.039326",
        "0.0067416",
        "149.75",
        "5000",
        "1",
    ];

    /// The JSON-number examples of §4.2 (`0.1`, ints, `0.00155319`).
    const CCPRO_NUMBERS: &[&str] = &[
        "0",
        "0.1",
        "2",
        "10",
        "0.00155319",
        "2500",
        "20000",
        "30000",
        "25000",
        "100000",
        "1000",
        "50",
    ];

    #[test]
    fn every_ccpro_example_round_trips_as_a_string_and_as_a_number() {
        for &text in CCPRO_STRINGS.iter().chain(CCPRO_NUMBERS) {
            let parsed = x(text);
            assert_eq!(parsed.as_str(), text);
            assert_eq!(parsed.to_string(), text);

            let json = format!("\"{text}\"");
            let s: ExactAmount = serde_json::from_str(&json).unwrap();
            assert_eq!(s.as_str(), text);
            assert!(!s.was_number(), "{text}");
            assert_eq!(serde_json::to_string(&s).unwrap(), json);

            // JSON numbers allow no leading zeros, which none of the examples has.
            let n: ExactAmount = serde_json::from_str(text).unwrap();
            assert_eq!(n.as_str(), text);
            assert!(n.was_number(), "{text}");
            assert_eq!(serde_json::to_string(&n).unwrap(), text);

            assert_eq!(s, n);
            assert_eq!(s, parsed);
            assert_eq!(hash(&s), hash(&n));
        }
    }

    #[test]
    fn values_compare_by_number_across_notations() {
        for group in [
            &[
                "1.5", "1.50", "15e-1", "0.15E1", "1.5e+0", "001.500", "150e-2",
            ][..],
            &["0", "-0", "0.000", "-0.0e5", "0e-1000", "00"],
            &["6.0e-6", "0.000006", "6e-6", "60e-7", "0.0000060"],
            &["9.000000000000001e-7", "0.0000009000000000000001"],
            &["6.304E-5", "0.00006304"],
            &["1e3", "1000", "1.000E+3", "1000.0000"],
            &["-2.5", "-25e-1", "-0.25e1"],
            &[
                "16016.00000000000000000000000000000000000000000000000000",
                "16016",
                "1.6016e4",
            ],
        ] {
            for a in group {
                for b in group {
                    assert_eq!(x(a), x(b), "{a} == {b}");
                    assert_eq!(x(a).cmp(&x(b)), Ordering::Equal, "{a} cmp {b}");
                    assert_eq!(hash(&x(a)), hash(&x(b)), "hash {a} {b}");
                }
            }
        }
        let ascending = [
            "-1e3",
            "-999.99",
            "-1.5",
            "-1.25",
            "-9e-7",
            "-0",
            "9.000000000000001e-7",
            "0.000001",
            "6.0e-6",
            "6.252E-5",
            "6.304E-5",
            "0.01566568917988080603730595889918455388111966440334",
            "0.0156656891798808060373059588991845538811196644034",
            "0.1",
            "0.15",
            "0.2",
            "1",
            "1.0000000000000000000000000000000000000000000000001",
            "9",
            "10",
            "16016",
            "1e1000",
        ];
        for (i, a) in ascending.iter().enumerate() {
            for (j, b) in ascending.iter().enumerate() {
                assert_eq!(x(a).cmp(&x(b)), i.cmp(&j), "{a} vs {b}");
            }
        }
        assert_ne!(x("1.5"), x("-1.5"));
        assert_ne!(x("1"), x("10"));
        assert_ne!(x("0.1"), x("0.01"));
    }

    #[test]
    fn accessors_follow_the_text_as_written() {
        for (text, scale, plain) in [
            ("0.0100", 4, "0.0100"),
            ("6.0e-6", 7, "0.0000060"),
            ("1e3", 0, "1000"),
            ("1.5E+3", 0, "1500"),
            ("1.25e1", 1, "12.5"),
            ("0.5e1", 0, "5"),
            ("0.05e1", 1, "0.5"),
            ("-6.304E-5", 8, "-0.00006304"),
            ("9.000000000000001e-7", 22, "0.0000009000000000000001"),
            ("007", 0, "007"),
            ("-0.00", 2, "-0.00"),
            ("0e0", 0, "0"),
            ("0.0e-2", 3, "0.000"),
            ("12.5e0", 1, "12.5"),
        ] {
            let a = x(text);
            assert_eq!(a.scale(), scale, "{text}");
            assert_eq!(a.to_plain_string(), plain, "{text}");
            assert_eq!(x(plain), a, "{text}");
        }
        let tiny = x("1E-1000");
        assert_eq!(tiny.scale(), 1000);
        assert_eq!(tiny.to_plain_string(), format!("0.{}1", "0".repeat(999)));
        assert_eq!(
            x("-1.5e1000").to_plain_string(),
            format!("-15{}", "0".repeat(999))
        );
        assert!(x("0").is_zero() && !x("0").is_negative() && !x("0").is_positive());
        assert!(x("-0.0").is_zero() && !x("-0.0").is_negative());
        assert!(x("-1e-9").is_negative() && !x("-1e-9").is_positive());
        assert!(x("1e-9").is_positive() && !x("1e-9").is_zero());
        assert_eq!(format!("{:?}", x("6.0e-6")), "ExactAmount(6.0e-6)");
        assert_eq!(
            format!("{:>8}|{:.1}", x("1.50"), x("1.50")),
            "    1.50|1.50"
        );
    }

    #[test]
    fn refusals_name_the_problem() {
        for (text, says) in [
            ("", "empty"),
            (" ", "unexpected ' ' at character 0"),
            ("1 ", "unexpected ' ' at character 1"),
            (" 1", "unexpected ' '"),
            ("\t", "unexpected '\\t'"),
            ("+1", "leading '+'"),
            ("-", "no digits"),
            (".5", "no digit before the '.'"),
            ("-.5", "no digit before the '.'"),
            ("5.", "no digit after the '.'"),
            ("5.e3", "no digit after the '.'"),
            ("1e", "no digit in the exponent"),
            ("1e+", "no digit in the exponent"),
            ("1e-", "no digit in the exponent"),
            ("e5", "unexpected 'e'"),
            ("1e1001", "beyond ±1000"),
            ("1e-1001", "beyond ±1000"),
            ("1e99999999999999999999999", "beyond ±1000"),
            ("NaN", "NaN and infinities"),
            ("-inf", "NaN and infinities"),
            ("Infinity", "NaN and infinities"),
            ("0x1A", "unexpected 'x'"),
            ("1_000", "unexpected '_'"),
            ("1,5", "unexpected ','"),
            ("1.2.3", "unexpected '.'"),
            ("--1", "unexpected '-' at character 1"),
            ("1e5.5", "unexpected '.'"),
            ("1e--5", "unexpected '-' at character 3"),
            ("１", "unexpected '１'"),
            ("12€", "unexpected '€' at character 2"),
            ("1\u{0}", "unexpected '\\0'"),
        ] {
            let e = ExactAmount::parse(text).unwrap_err().to_string();
            assert!(e.contains(says), "{text:?}: {e}");
            assert!(e.contains("is not an exact amount"), "{text:?}: {e}");
        }
        let long = "1".repeat(MAX_LEN + 1);
        let e = ExactAmount::parse(&long).unwrap_err().to_string();
        assert!(e.contains("longer than 256 characters"), "{e}");
        assert!(e.len() < 200, "the message quotes a bounded prefix: {e}");
        assert!(ExactAmount::parse(&"1".repeat(MAX_LEN)).is_ok());
        assert!(ExactAmount::parse("1e1000").is_ok());
        assert!(ExactAmount::parse("1e-0001000").is_ok());
        assert!(ExactAmount::parse(&format!("1e{}1000", "0".repeat(200))).is_ok());
        // A huge input is refused without being copied or scanned in full.
        let huge = "9".repeat(10_000_000);
        assert!(ExactAmount::parse(&huge).is_err());
    }

    /// A small xorshift, so the fuzz loop is deterministic and needs no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// An independent reading of the grammar, to check the parser against.
    fn well_formed(s: &str) -> bool {
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let s = s.strip_prefix('-').unwrap_or(s);
        let (mantissa, exp) = match s.split_once(['e', 'E']) {
            Some((m, e)) => (m, Some(e)),
            None => (s, None),
        };
        let (int, frac) = match mantissa.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (mantissa, None),
        };
        let exp_ok = exp.is_none_or(|e| {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            digits(e) && e.trim_start_matches('0').len() <= 4 && {
                let v: u32 = e.trim_start_matches('0').parse().unwrap_or(0);
                v <= MAX_EXPONENT
            }
        });
        digits(int) && frac.is_none_or(digits) && exp_ok
    }

    /// Random text: either any characters of a small alphabet, or a number built from
    /// parts (sign, digits, fraction, exponent) with now and then one character changed.
    fn random_text(rng: &mut Rng, round: usize) -> String {
        const ALPHABET: &[u8] = b"0000123456789..--++eeEE xN_,";
        const PARTS: &[&str] = &["", "-", "+", ".", "e", "E", "e-", "E+", " ", "_", "é"];
        let digits = |rng: &mut Rng, max: usize| -> String {
            let n = rng.below(max);
            (0..n)
                .map(|_| char::from(b'0' + rng.below(10) as u8))
                .collect()
        };
        if round.is_multiple_of(2) {
            let len = rng.below(if round.is_multiple_of(20) { 300 } else { 14 });
            return (0..len)
                .map(|_| char::from(ALPHABET[rng.below(ALPHABET.len())]))
                .collect();
        }
        let mut t = String::new();
        if rng.below(3) == 0 {
            t.push('-');
        }
        t += &digits(rng, 30);
        if rng.below(2) == 0 {
            t.push('.');
            let max = if rng.below(4) == 0 { 120 } else { 30 };
            t += &digits(rng, max);
        }
        if rng.below(2) == 0 {
            t.push(if rng.below(2) == 0 { 'e' } else { 'E' });
            t += ["", "+", "-"][rng.below(3)];
            t += &digits(rng, 5);
        }
        if rng.below(4) == 0 && !t.is_empty() {
            let at = rng.below(t.len());
            if t.is_char_boundary(at) {
                t.insert_str(at, PARTS[rng.below(PARTS.len())]);
            }
        }
        t
    }

    #[test]
    fn random_text_never_panics_and_agrees_with_the_grammar_and_rust_decimal() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut valid = Vec::new();
        let mut refused = 0;
        for round in 0..60_000 {
            let text = random_text(&mut rng, round);
            match ExactAmount::parse(&text) {
                Ok(a) => {
                    assert!(well_formed(&text) && text.len() <= MAX_LEN, "{text:?}");
                    assert_eq!(a.as_str(), text);
                    let plain = a.to_plain_string();
                    assert!(!plain.contains(['e', 'E']), "{text:?} -> {plain}");
                    if plain.len() <= MAX_LEN {
                        assert_eq!(x(&plain), a, "{text:?} -> {plain}");
                        assert_eq!(x(&plain).scale(), a.scale(), "{text:?} -> {plain}");
                    }
                    if let Ok(d) = a.to_amount() {
                        assert_eq!(ExactAmount::from(d), a, "{text:?} -> {d}");
                    }
                    valid.push(a);
                }
                Err(e) => {
                    refused += 1;
                    assert!(
                        !well_formed(&text) || text.chars().count() > MAX_LEN,
                        "{text:?} refused: {e}"
                    );
                }
            }
        }
        assert!(valid.len() > 10_000, "only {} valid texts", valid.len());
        assert!(refused > 10_000, "only {refused} refused texts");
        // Order and equality agree with rust_decimal wherever both hold the value.
        let decimals: Vec<_> = valid
            .iter()
            .filter_map(|a| a.to_amount().ok().map(|d| (a, d)))
            .step_by(7)
            .take(700)
            .collect();
        assert!(decimals.len() == 700, "only {} fit", decimals.len());
        for (a, da) in &decimals {
            for (b, db) in &decimals {
                assert_eq!(a.cmp(b), da.cmp(db), "{a} vs {b}");
                if a == b {
                    assert_eq!(hash(a), hash(b), "{a} vs {b}");
                }
            }
        }
    }

    #[test]
    fn conversion_to_amount_is_exact_or_refused() {
        for (text, amount) in [
            (
                "172.2125000000000000000000000",
                "172.2125000000000000000000000",
            ),
            ("0.00155319", "0.00155319"),
            ("6.0e-6", "0.0000060"),
            ("1.5E+3", "1500"),
            ("-6.304E-5", "-0.00006304"),
            ("1e28", "10000000000000000000000000000"),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            (
                "-79228162514264337593543950335",
                "-79228162514264337593543950335",
            ),
            // Trailing zeros beyond what fits are dropped: the value keeps every digit.
            (
                "16016.00000000000000000000000000000000000000000000000000",
                "16016",
            ),
            (
                "6383.37700000000000000000000000000000000000000000000000",
                "6383.377",
            ),
            (
                "0.09990009990009990009990036200000000000000000000000",
                "0.099900099900099900099900362",
            ),
            (
                "0.0000000000000000000000000000",
                "0.0000000000000000000000000000",
            ),
            ("0e-50", "0"),
            ("-0", "0"),
        ] {
            let a = x(text).to_amount().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(a.to_string(), amount, "{text}");
            assert_eq!(ExactAmount::from(a), x(text), "{text}");
        }
        for text in [
            "0.01566568917988080603730595889918455388111966440334",
            "1e-29",
            "1e29",
            "79228162514264337593543950336",
            "1.0000000000000000000000000000001",
            "1e1000",
            "1e-1000",
        ] {
            let e = x(text).to_amount().unwrap_err().to_string();
            assert!(e.contains("does not fit an Amount exactly"), "{text}: {e}");
        }
    }

    #[test]
    fn amounts_convert_with_their_text_and_serialize_as_strings() {
        for text in [
            "0.01000000",
            "-12.5",
            "0",
            "356",
            "0.0000000000000000000000000001",
        ] {
            let a = ExactAmount::from(Amount::parse(text).unwrap());
            assert_eq!(a.as_str(), text);
            assert_eq!(a, x(text));
            assert_eq!(a.scale(), x(text).scale());
            assert!(!a.was_number());
            assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{text}\""));
        }
        let mut d = Decimal::new(0, 2);
        d.set_sign_negative(true);
        let neg_zero = ExactAmount::from(Amount::new(d));
        assert!(neg_zero.is_zero() && !neg_zero.is_negative());
        assert_eq!(x(neg_zero.as_str()), neg_zero);
        let parsed = x("1e-7");
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"1e-7\"");
    }

    #[derive(Debug, Deserialize, Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Quote {
        amount: ExactAmount,
        rate: ExactAmount,
        total: ExactAmount,
        fee_percent: ExactAmount,
        #[serde(default, with = "optional")]
        min: Option<ExactAmount>,
        #[serde(default, with = "optional")]
        max: Option<ExactAmount>,
        #[serde(default, with = "optional")]
        fee: Option<ExactAmount>,
        #[serde(default, with = "optional")]
        missing: Option<ExactAmount>,
    }

    #[test]
    fn a_document_with_strings_and_numbers_reserializes_byte_identical() {
        let doc = r#"{"amount":"6.0e-6","rate":"258.865","total":0.00155319,"feePercent":0,"min":"0.0100","max":1E+3,"fee":-0.0}"#;
        let q: Quote = serde_json::from_str(doc).unwrap();
        assert!(!q.amount.was_number() && q.total.was_number() && q.fee_percent.was_number());
        assert_eq!(q.amount, x("0.000006"));
        assert_eq!(q.total.as_str(), "0.00155319");
        assert_eq!(q.fee_percent, x("0"));
        assert_eq!(q.min.as_ref().map(ExactAmount::as_str), Some("0.0100"));
        assert_eq!(q.max.as_ref().map(ExactAmount::as_str), Some("1E+3"));
        assert!(q.missing.is_none());
        assert_eq!(
            serde_json::to_string(&q).unwrap(),
            doc.replace('}', r#","missing":null}"#)
        );
        // Whitespace and escapes are read; the values are written compactly.
        let q: Quote = serde_json::from_str(
            "{ \"amount\" : \"\\u0031.5\" , \"rate\": \"1\", \"total\":\n 2 ,\"feePercent\":\"0\"}",
        )
        .unwrap();
        assert_eq!(q.amount.as_str(), "1.5");
        assert_eq!(q.total.as_str(), "2");
    }

    #[test]
    fn absent_values_read_as_none_and_empty_text_comes_back_as_null() {
        let q: Quote = serde_json::from_str(
            r#"{"amount":"1","rate":"1","total":"1","feePercent":"0","min":"","max":null}"#,
        )
        .unwrap();
        assert!(q.min.is_none() && q.max.is_none() && q.fee.is_none());
        let back = serde_json::to_string(&q).unwrap();
        assert!(
            back.contains(r#""min":null,"max":null,"fee":null"#),
            "{back}"
        );

        for bad in [
            r#""""#,
            "null",
            "true",
            "[1]",
            r#"{"a":1}"#,
            r#"" 1""#,
            "1.5.2",
        ] {
            assert!(serde_json::from_str::<ExactAmount>(bad).is_err(), "{bad}");
        }
        let e = serde_json::from_str::<ExactAmount>(r#""""#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("empty") && e.contains("exact::optional"), "{e}");
        let e = serde_json::from_str::<ExactAmount>("null")
            .unwrap_err()
            .to_string();
        assert!(e.contains("expected an exact decimal amount"), "{e}");
        // Plain `Option<ExactAmount>` reads null, but refuses "".
        assert_eq!(
            serde_json::from_str::<Option<ExactAmount>>("null").unwrap(),
            None
        );
        assert!(serde_json::from_str::<Option<ExactAmount>>(r#""""#).is_err());
        let doc = r#"{"amount":"1","rate":"1","total":"1","feePercent":"0","min":"abc"}"#;
        let e = serde_json::from_str::<Quote>(doc).unwrap_err().to_string();
        assert!(e.contains("\"abc\" is not an exact amount"), "{e}");
    }

    #[derive(Debug, Deserialize, Serialize)]
    struct Price {
        rate: ExactAmount,
        amounts: Amounts,
    }

    #[derive(Debug, Deserialize, Serialize)]
    struct Amounts {
        from: ExactAmount,
        to: ExactAmount,
        list: Vec<ExactAmount>,
    }

    #[test]
    fn a_number_inside_a_nested_struct_keeps_all_fifty_digits() {
        let fifty = "0.01566568917988080603730595889918455388111966440334";
        let doc = format!(
            r#"{{"rate":"6.304E-5","amounts":{{"from":100,"to":{fifty},"list":[{fifty},"{fifty}",1e-1000]}}}}"#
        );
        let p: Price = serde_json::from_str(&doc).unwrap();
        assert_eq!(p.amounts.to.as_str(), fifty);
        assert!(p.amounts.to.was_number());
        assert_eq!(p.amounts.to.scale(), 50);
        assert_eq!(p.amounts.list[0], p.amounts.list[1]);
        assert_eq!(serde_json::to_string(&p).unwrap(), doc);
        // Pretty printing writes the same digits.
        let pretty = serde_json::to_string_pretty(&p).unwrap();
        assert!(pretty.contains(&format!("\"to\": {fifty}")), "{pretty}");
        // From a reader (owned raw text) too.
        let p: Price = serde_json::from_reader(doc.as_bytes()).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), doc);
    }

    #[derive(Debug, Deserialize)]
    #[serde(untagged)]
    enum Untagged {
        A { a: ExactAmount },
    }

    #[test]
    fn buffering_deserializers_take_strings_and_integers_but_refuse_floats() {
        let Untagged::A { a } = serde_json::from_str(r#"{"a": "0.1088"}"#).unwrap();
        assert_eq!(a.as_str(), "0.1088");
        let Untagged::A { a } = serde_json::from_str(r#"{"a": 12}"#).unwrap();
        assert!(a.was_number() && a.as_str() == "12");
        let v: serde_json::Value = serde_json::from_str(r#""12.50""#).unwrap();
        assert_eq!(
            serde_json::from_value::<ExactAmount>(v).unwrap().as_str(),
            "12.50"
        );
        let v = serde_json::json!(-7);
        assert_eq!(
            serde_json::from_value::<ExactAmount>(v).unwrap().as_str(),
            "-7"
        );
        let e = serde_json::from_str::<Untagged>(r#"{"a": 0.1088}"#).unwrap_err();
        assert!(e.to_string().contains("did not match"), "{e}");
        // A Value holds a float as f64 and hands over its own shortest text.
        let v = serde_json::from_value::<ExactAmount>(serde_json::json!(0.5)).unwrap();
        assert!(v.was_number() && v.as_str() == "0.5");
    }

    #[cfg(feature = "client")]
    #[test]
    fn the_core_decoder_keeps_every_digit_and_names_the_failing_path() {
        use crate::provider::decode_json;
        let fifty = "16016.00000000000000000000000000000000000000000000000000";
        let p: Price = decode_json(
            format!(r#"{{"rate":{fifty},"amounts":{{"from":"1","to":"2","list":[]}}}}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(p.rate.as_str(), fifty);
        let e = decode_json::<Price>(
            br#"{"rate":"1","amounts":{"from":"1","to":"2","list":["3", "1e5000"]}}"#,
        )
        .unwrap_err();
        assert_eq!(e.path, "amounts.list[1]");
        assert!(e.message.contains("beyond ±1000"), "{}", e.message);
    }
}
