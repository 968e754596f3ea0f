//! ExactAmount on the wire: written back in the form it came in, read from a JSON string
//! or number digit for digit through serde_json's raw value.

use super::*;
use crate::raw_text::{Token, read_entry};

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
pub(super) struct ExactVisitor {
    pub(super) absent_ok: bool,
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
        // one-entry map under its private token; the text is read in place.
        read_entry(&mut map, |token, text| match token {
            Token::Raw => self.raw(text),
            Token::Number => self.number(text),
        })?
        .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Map, &self))
    }
}
