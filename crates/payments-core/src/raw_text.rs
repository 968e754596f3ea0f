//! Reading a JSON value's raw text through serde_json's private tokens, without copying.
//!
//! With its `raw_value` feature, a serde_json deserializer asked for a newtype struct named
//! [`RAW_TOKEN`] hands over the value's raw JSON text as a one-entry map (key: the token,
//! value: the text); an arbitrary-precision number comes the same way under
//! [`NUMBER_TOKEN`]. Other deserializers ignore the name. [`read_entry`] reads that entry
//! with the key compared in place and the text lent to the caller, so no `String` is built
//! per value (a page of 1 000 orders carries 6 000 amounts).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

/// Asked for as a newtype struct name, a serde_json deserializer lends the raw JSON text.
pub(crate) const RAW_TOKEN: &str = "$serde_json::private::RawValue";
/// The key under which an arbitrary-precision serde_json number hands over its digits.
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Which of serde_json's private entries a one-entry map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    /// `RAW_TOKEN`: the value is the raw JSON text (a string keeps its quotes).
    Raw,
    /// `NUMBER_TOKEN`: the value is a number's digits.
    Number,
}

/// Reads the one entry of serde_json's private map and hands its text to `read`; `None`
/// when the map is anything else (an ordinary JSON object), for the caller to refuse.
pub(crate) fn read_entry<'de, A, T, F>(map: &mut A, read: F) -> Result<Option<T>, A::Error>
where
    A: MapAccess<'de>,
    F: FnOnce(Token, &str) -> Result<T, A::Error>,
{
    let Some(token) = map.next_key_seed(KeySeed)? else {
        return Ok(None);
    };
    match token {
        // The text is read inside the value, its verdict handed out and returned here, so
        // an error carries the caller's path (not the private token as a map key).
        Some(token) => map
            .next_value_seed(TextSeed {
                token,
                read,
                _out: PhantomData,
            })?
            .map(Some),
        None => Ok(None),
    }
}

/// Compares a map key with the two tokens without allocating.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<Token>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Option<Token>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(match v {
            RAW_TOKEN => Some(Token::Raw),
            NUMBER_TOKEN => Some(Token::Number),
            _ => None,
        })
    }
}

/// Lends the entry's text to a closure, borrowed from the input where the deserializer can.
struct TextSeed<F, T, E> {
    token: Token,
    read: F,
    _out: PhantomData<fn() -> (T, E)>,
}

impl<'de, F, T, E> DeserializeSeed<'de> for TextSeed<F, T, E>
where
    F: FnOnce(Token, &str) -> Result<T, E>,
    E: de::Error,
{
    type Value = Result<T, E>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, F, T, E> Visitor<'de> for TextSeed<F, T, E>
where
    F: FnOnce(Token, &str) -> Result<T, E>,
    E: de::Error,
{
    type Value = Result<T, E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("raw JSON text")
    }

    fn visit_str<E2: de::Error>(self, v: &str) -> Result<Self::Value, E2> {
        Ok((self.read)(self.token, v))
    }
}
