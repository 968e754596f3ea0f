//! The shared toolkit of the provider rooms: reading JSON objects and their fields, exact
//! decimals, dates and country codes, writing JSON and error answers, digests for signatures
//! and for the reasons of refusals. It knows no provider; each room maps its results to its
//! own wire format.

use std::borrow::Cow;
use std::future::Future;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use crate::REASON_HEADER;

pub(crate) mod countries;
pub(crate) mod digest;

/// The top-level fields of a JSON object, values kept as raw text borrowed from the body (so
/// amounts stay exact and reading allocates nothing but escaped keys). A repeated key: the
/// last one counts.
#[derive(Debug, Default)]
pub(crate) struct Fields<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'a> Fields<'a> {
    /// No fields.
    pub(crate) fn new() -> Self {
        Fields(Vec::new())
    }

    /// The raw value of `name` (the last one if repeated).
    pub(crate) fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.0
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|&(_, value)| value)
    }

    /// The field names, in document order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(key, _)| key.as_ref())
    }
}

/// A key, borrowed from the body unless it holds escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    let value: &'de RawValue = map.next_value()?;
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(FieldsVisitor)
    }
}

/// Why a body is not a JSON object.
#[derive(Debug)]
pub(crate) enum NotAnObject {
    /// Not JSON at all; serde_json's message.
    Malformed(String),
    /// JSON, but not an object.
    NotAnObject,
}

/// Reads `json` as an object of raw fields.
pub(crate) fn read_object(json: &[u8]) -> Result<Fields<'_>, NotAnObject> {
    match serde_json::from_slice::<Fields>(json) {
        Ok(fields) => Ok(fields),
        Err(e) => match serde_json::from_slice::<serde::de::IgnoredAny>(json) {
            Ok(_) => Err(NotAnObject::NotAnObject),
            Err(_) => Err(NotAnObject::Malformed(e.to_string())),
        },
    }
}

/// A field's raw value, `None` when absent or `null`.
pub(crate) fn field<'a>(fields: &Fields<'a>, name: &str) -> Option<&'a RawValue> {
    fields.get(name).filter(|v| v.get() != "null")
}

/// A JSON string's text; `None` for any other JSON value.
pub(crate) fn string_value(raw: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(raw.get()).ok()
}

/// `true` when the raw value is a JSON number.
pub(crate) fn is_number(raw: &RawValue) -> bool {
    raw.get()
        .bytes()
        .next()
        .is_some_and(|b| b == b'-' || b.is_ascii_digit())
}

/// Parses decimal text exactly: optional sign, digits, optional fraction, optional exponent
/// (`1e-8`); surrounding spaces ignored; at most 64 characters. No `f64` is involved.
pub(crate) fn decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        Decimal::from_str_exact(t).ok()
    }
}

/// A decimal of one of the sandbox's own tables (rates, fees, limits): exact; zero if the
/// table held something else (each room's tests parse every entry of its tables).
pub(crate) fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_default()
}

/// A decimal written as a JSON string (`"356"`) or a JSON number (`356`), read exactly.
pub(crate) fn decimal_value(raw: &RawValue) -> Option<Decimal> {
    if is_number(raw) {
        decimal(raw.get())
    } else {
        decimal(&string_value(raw)?)
    }
}

/// `true` for a real calendar date written `YYYY-MM-DD` (years 1 to 9999).
pub(crate) fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=9999).contains(&y) && (1..=days).contains(&d)
}

/// A JSON response.
pub(crate) fn json_response(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => json_bytes(status, Bytes::from(body)),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A response whose body is already JSON.
pub(crate) fn json_bytes(status: StatusCode, body: Bytes) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

#[derive(Serialize)]
struct Message<'a> {
    message: &'a str,
}

/// `{"message": "..."}` with `status`, the error shape of API-Gateway-fronted providers (and
/// of the sandbox's own routes).
pub(crate) fn message(status: StatusCode, message: &str) -> Response {
    json_response(status, &Message { message })
}

/// Why `jsonwebtoken` refused `token`, in the integrator's terms: `key` names the
/// credential the signature was checked with, `algs` the algorithms the room accepts. Never
/// the expected signature.
pub(crate) fn jwt_refusal(
    kind: &jsonwebtoken::errors::ErrorKind,
    token: &str,
    key: &str,
    algs: &str,
) -> String {
    use jsonwebtoken::errors::ErrorKind;
    let signed = token.rsplit_once('.').map_or(0, |(signed, _)| signed.len());
    match kind {
        ErrorKind::InvalidSignature => format!(
            "the JWT's signature does not verify with {key} (checked over the {signed} bytes of header.payload)"
        ),
        ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
            format!("the JWT's alg is not {algs}")
        }
        ErrorKind::InvalidToken => {
            "the JWT is malformed: expected three base64url parts, header.payload.signature"
                .to_owned()
        }
        ErrorKind::Base64(_) => "the JWT is malformed: a part is not base64url".to_owned(),
        ErrorKind::Json(_) | ErrorKind::Utf8(_) => {
            "the JWT is malformed: its header or payload is not a JSON object".to_owned()
        }
        other => format!("the JWT was refused: {other:?}"),
    }
}

/// A header value from arbitrary text: anything but visible ASCII and spaces becomes `?`.
pub(crate) fn header_text(text: &str) -> HeaderValue {
    let clean: String = text
        .chars()
        .map(|c| {
            if c == ' ' || c.is_ascii_graphic() {
                c
            } else {
                '?'
            }
        })
        .collect();
    HeaderValue::from_str(&clean).unwrap_or_else(|_| HeaderValue::from_static("?"))
}

/// `response` with an `X-Sandbox-Reason: <reason>` header (the request log's trace line
/// repeats it). A reason never holds a secret or an expected signature.
pub(crate) fn refused(mut response: Response, reason: &str) -> Response {
    response
        .headers_mut()
        .insert(HeaderName::from_static(REASON_HEADER), header_text(reason));
    response
}

/// What the request log records as the body of a request (a response extension set by
/// [`buffered`]); without it, the log records an empty body.
#[derive(Debug, Clone)]
pub(crate) enum LoggedBody {
    /// A copy of the bytes received (turned into text only when the log is read).
    Bytes(Vec<u8>),
    /// Only the length (`[<n> bytes]`): document uploads.
    Summary(usize),
}

/// How the front door reads a room's request bodies: at most `limit` bytes, else the room's
/// `too_large` answer; logged as text, or as `[<n> bytes]` when `summarize` (document uploads).
#[derive(Clone, Copy)]
pub(crate) struct BodyPolicy {
    pub(crate) limit: usize,
    pub(crate) summarize: bool,
    pub(crate) too_large: fn() -> Response,
}

impl Default for BodyPolicy {
    /// Outside the rooms: [`MAX_BODY_BYTES`](crate::MAX_BODY_BYTES), 413 `{"message": …}`.
    fn default() -> Self {
        BodyPolicy {
            limit: crate::MAX_BODY_BYTES,
            summarize: false,
            too_large: || {
                message(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "body: larger than 1 MiB or could not be read",
                )
            },
        }
    }
}

/// Reads the request body under `policy`, then runs the rest of the chain with it and tells
/// the request log what to record (see [`LoggedBody`]); a body over the limit gets the room's
/// `too_large` answer.
pub(crate) async fn buffered<N, F>(policy: BodyPolicy, request: Request, next: N) -> Response
where
    N: FnOnce(Request) -> F,
    F: Future<Output = Response>,
{
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, policy.limit).await {
        Ok(bytes) => {
            let logged = if policy.summarize {
                LoggedBody::Summary(bytes.len())
            } else {
                LoggedBody::Bytes(bytes.to_vec())
            };
            let mut response = next(Request::from_parts(parts, Body::from(bytes))).await;
            response.extensions_mut().insert(logged);
            response
        }
        Err(_) => (policy.too_large)(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn raw(s: &str) -> Box<RawValue> {
        RawValue::from_string(s.to_owned()).unwrap()
    }

    #[test]
    fn decimals_are_read_exactly_from_strings_and_numbers() {
        assert_eq!(decimal_value(&raw("\"356\"")), Some(Decimal::from(356)));
        assert_eq!(
            decimal_value(&raw("0.10000000")).map(|d| d.to_string()),
            Some("0.10000000".to_owned())
        );
        assert_eq!(
            decimal_value(&raw("1e-8")).map(|d| d.to_string()),
            Some("0.00000001".to_owned())
        );
        assert_eq!(decimal_value(&raw("true")), None);
        assert_eq!(decimal_value(&raw("\"abc\"")), None);
    }

    #[test]
    fn dates_must_exist() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2023-13-01"));
        assert!(!is_date("0000-01-01"));
        assert!(!is_date("2023-1-01"));
    }

    #[test]
    fn escaped_and_repeated_keys_read_as_a_map_would() {
        let fields = read_object(br#"{"a\u0062":1,"x":1,"x":2}"#).unwrap();
        assert_eq!(fields.get("ab").map(RawValue::get), Some("1"));
        assert_eq!(fields.get("x").map(RawValue::get), Some("2"));
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["ab", "x", "x"]);
    }

    #[test]
    fn objects_and_their_failures() {
        assert!(read_object(br#"{"a":null}"#).is_ok());
        assert!(matches!(read_object(b"[1]"), Err(NotAnObject::NotAnObject)));
        assert!(matches!(read_object(b"{"), Err(NotAnObject::Malformed(_))));
        let fields = read_object(br#"{"a":null,"b":"x"}"#).unwrap();
        assert!(field(&fields, "a").is_none());
        assert_eq!(
            field(&fields, "b").and_then(string_value),
            Some("x".to_owned())
        );
    }
}
