//! The operation table's row: [`Operation`], and the type-erased [`Io`] that lets tools
//! (the `payments` CLI, the fixture recorder, table-driven tests) call any operation by
//! name with a JSON document.

use std::collections::HashSet;
use std::fmt;

use bytes::Bytes;
use http::{Method, StatusCode};
use serde::Serialize;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::endpoint::path_segment;
use crate::endpoint::{DecodeFailure, Endpoint, InvalidInput, RequestSpec, RetrySafety};

/// How an operation authenticates. The client's signer reads it from
/// [`SignContext::operation`](crate::SignContext::operation) on every attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Auth {
    /// No credentials.
    None,
    /// A static API token in a header (CoinCover's bearer token).
    Token,
    /// A signature over the exact request bytes (Covery's nonce signature, CoinsPaid's HMAC).
    Signature,
    /// A JWT minted for each attempt by the client's private key (Coinify's partner JWT,
    /// CCPro's platform JWT).
    Jwt,
    /// A user session's bearer token (CCPro).
    Session,
}

impl Auth {
    /// The kebab-case name shown in listings (`none`, `token`, `signature`, `jwt`, `session`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Auth::None => "none",
            Auth::Token => "token",
            Auth::Signature => "signature",
            Auth::Jwt => "jwt",
            Auth::Session => "session",
        }
    }
}

impl fmt::Display for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of a provider's operation table: everything about an operation except its
/// request and response types, which [`Io`] reaches without naming them.
///
/// Each provider crate lists its rows once, in `operations.rs`; every request type's
/// [`Endpoint::request`] points at its row, and the CLI, the recorder and the tests
/// iterate over the table.
pub struct Operation {
    /// The one name of the operation, kebab-case (`exchange-now`): spans, errors, the CLI,
    /// fixture files and docs all use it.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template as documented, parameters in braces (`/user/{userId}/plan`;
    /// `{asset?}` for an optional segment). Spans record this, never the concrete path.
    pub path: &'static str,
    /// How the operation authenticates.
    pub auth: Auth,
    /// Whether it may be resent after it possibly reached the provider.
    pub retry: RetrySafety,
    /// One line on what it does.
    pub summary: &'static str,
    /// Its request and response types, type-erased.
    pub io: Io,
}

impl fmt::Debug for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("auth", &self.auth)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Operation {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Operation {
    /// The names of the template's parameters, in order (`{asset?}` gives `asset`).
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        self.path.split('/').filter_map(|seg| {
            seg.strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .map(|s| s.trim_end_matches('?'))
        })
    }

    /// Fills the path template with `params`, in the order of its placeholders: each value
    /// is checked ([`check_path_param`](crate::provider::check_path_param), at most 512
    /// characters) and percent-encoded as one segment; `None` drops an optional `{name?}`
    /// segment and is refused for a required one.
    ///
    /// ```
    /// use payments_core::{Auth, Io, NoContent, Operation, RetrySafety};
    /// # use payments_core::{Endpoint, RequestSpec};
    /// # use payments_core::provider::InvalidInput;
    /// # #[derive(serde::Deserialize)] struct R {}
    /// # impl Endpoint for R { type Output = NoContent;
    /// #   fn request(&self) -> Result<RequestSpec, InvalidInput> { unreachable!() } }
    /// static PLAN: Operation = Operation {
    ///     name: "update-plan",
    ///     method: payments_core::http::Method::PATCH,
    ///     path: "/user/{userId}/plan/{plan?}",
    ///     auth: Auth::Token,
    ///     retry: RetrySafety::NotIdempotent,
    ///     summary: "Changes a plan.",
    ///     io: Io::json::<R>(),
    /// };
    /// assert_eq!(PLAN.fill(&[Some("jb 001/x"), None])?, "/user/jb%20001%2Fx/plan");
    /// assert!(PLAN.fill(&[Some(".."), None]).is_err());
    /// # Ok::<(), payments_core::provider::InvalidInput>(())
    /// ```
    pub fn fill(&self, params: &[Option<&str>]) -> Result<String, InvalidInput> {
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut values = params.iter();
        for seg in self.path.split('/').skip(1) {
            match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                None => {
                    out.push('/');
                    out.push_str(seg);
                }
                Some(name) => {
                    let (name, optional) = match name.strip_suffix('?') {
                        Some(n) => (n, true),
                        None => (name, false),
                    };
                    match values.next().copied().flatten() {
                        Some(v) => {
                            crate::endpoint::check_path_param(name, v, MAX_PATH_PARAM)?;
                            out.push('/');
                            out.push_str(&path_segment(v));
                        }
                        None if optional => {}
                        None => return Err(InvalidInput::new(name, "is required")),
                    }
                }
            }
        }
        if out.is_empty() {
            out.push('/');
        }
        Ok(out)
    }
}

/// The longest path parameter [`Operation::fill`] accepts.
pub const MAX_PATH_PARAM: usize = 512;

/// A file given to an operation that uploads one (by the CLI's `--file`).
#[derive(Clone)]
pub struct InputFile {
    /// The documented parameter name (`file`, `documents.passport`).
    pub field: String,
    /// The file name, for the content type and multipart `filename`.
    pub name: String,
    /// The contents.
    pub bytes: Bytes,
}

impl fmt::Debug for InputFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InputFile")
            .field("field", &self.field)
            .field("name", &self.name)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// A request type that takes files besides its JSON document.
pub trait AttachFiles {
    /// Takes the files; unknown fields and missing files are refused.
    fn attach(&mut self, files: Vec<InputFile>) -> Result<(), InvalidInput>;
}

/// What a dynamic call decoded: the typed response written back as JSON, every digit of
/// every amount as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonOutput {
    /// The HTTP status of the success.
    pub status: StatusCode,
    /// The decoded response as compact JSON (`null` when the operation answers nothing).
    pub json: String,
}

/// An operation's request and response types behind plain function pointers, so a table
/// row can name them. Build it with [`Io::json`] or [`Io::with_files`].
#[derive(Clone, Copy)]
pub struct Io {
    /// Reads an input document (the documented body fields plus path and query parameters
    /// as top-level fields) and the files, and builds the request. Refuses duplicate keys
    /// at any depth, unknown fields, and numbers the request type cannot hold exactly.
    pub request: fn(&str, Vec<InputFile>) -> Result<RequestSpec, InvalidInput>,
    /// Decodes a success body into the response type and writes it back as JSON.
    pub response: fn(StatusCode, &[u8]) -> Result<String, DecodeFailure>,
}

impl Io {
    /// For a request type read from its JSON document, without files.
    pub const fn json<T>() -> Io
    where
        T: Endpoint + DeserializeOwned,
        T::Output: Serialize,
    {
        Io {
            request: json_request::<T>,
            response: json_response::<T>,
        }
    }

    /// For a request type that also takes files ([`AttachFiles`]).
    pub const fn with_files<T>() -> Io
    where
        T: Endpoint + DeserializeOwned + AttachFiles,
        T::Output: Serialize,
    {
        Io {
            request: files_request::<T>,
            response: json_response::<T>,
        }
    }
}

fn json_request<T: Endpoint + DeserializeOwned>(
    doc: &str,
    files: Vec<InputFile>,
) -> Result<RequestSpec, InvalidInput> {
    if let Some(f) = files.first() {
        return Err(InvalidInput::new(&f.field, "this operation takes no file"));
    }
    read_document::<T>(doc)?.request()
}

fn files_request<T: Endpoint + DeserializeOwned + AttachFiles>(
    doc: &str,
    files: Vec<InputFile>,
) -> Result<RequestSpec, InvalidInput> {
    let mut req = read_document::<T>(doc)?;
    req.attach(files)?;
    req.request()
}

fn json_response<T: Endpoint>(status: StatusCode, body: &[u8]) -> Result<String, DecodeFailure>
where
    T::Output: Serialize,
{
    let out = T::decode(status, body)?;
    serde_json::to_string(&out).map_err(|e| DecodeFailure {
        path: ".".into(),
        message: format!("cannot write the response as JSON: {e}"),
    })
}

/// Reads a JSON input document into `T`, exactly: duplicate keys at any depth are refused
/// (naming the key and where it is), numbers reach `T` as their text (so an amount keeps
/// every digit, and one `T` cannot hold exactly is refused), and failures name the JSON
/// path.
///
/// ```
/// use payments_core::{Amount, read_document};
/// #[derive(Debug, serde::Deserialize)]
/// struct W { amount: Amount }
/// let w: W = read_document(r#"{"amount": 0.123456789012345678}"#)?;
/// assert_eq!(w.amount.to_string(), "0.123456789012345678");
/// let dup = read_document::<W>(r#"{"amount": "1", "amount": "1000"}"#).unwrap_err();
/// assert_eq!(dup.to_string(), "amount: duplicate key");
/// # Ok::<(), payments_core::provider::InvalidInput>(())
/// ```
pub fn read_document<T: DeserializeOwned>(doc: &str) -> Result<T, InvalidInput> {
    check_duplicate_keys(doc)?;
    let mut de = serde_json::Deserializer::from_str(doc);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "input".into() } else { path };
        InvalidInput::new(path, e.inner().to_string())
    })?;
    de.end()
        .map_err(|e| InvalidInput::new("input", e.to_string()))?;
    Ok(value)
}

/// Refuses a JSON document with a duplicate object key anywhere; the error names the
/// key's path (`outputs[0].amount`).
pub fn check_duplicate_keys(doc: &str) -> Result<(), InvalidInput> {
    let mut de = serde_json::Deserializer::from_str(doc);
    let mut found = None;
    let seed = Unique {
        path: String::new(),
        found: &mut found,
    };
    let parsed = seed.deserialize(&mut de);
    if let Some(path) = found {
        return Err(InvalidInput::new(path, "duplicate key"));
    }
    parsed.map_err(|e| InvalidInput::new("input", format!("not valid JSON: {e}")))
}

/// Walks a JSON value, stopping at the first duplicate key (its path in `found`).
struct Unique<'a> {
    path: String,
    found: &'a mut Option<String>,
}

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        loop {
            let seed = Unique {
                path: format!("{}[{i}]", self.path),
                found: &mut *self.found,
            };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            if self.found.is_some() {
                return Err(de::Error::custom("duplicate key"));
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            if !seen.insert(key) {
                *self.found = Some(path);
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(Unique {
                path,
                found: &mut *self.found,
            })?;
            if self.found.is_some() {
                return Err(de::Error::custom("duplicate key"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_at_any_depth() {
        let check = |doc: &str| check_duplicate_keys(doc).map_err(|e| e.to_string());
        assert_eq!(check(r#"{"a":1,"b":{"a":2}}"#), Ok(()));
        assert_eq!(check(r#"{"a":1,"a":2}"#), Err("a: duplicate key".into()));
        assert_eq!(
            check(r#"{"o":[{"x":1},{"y":1,"y":2}]}"#),
            Err("o[1].y: duplicate key".into())
        );
        assert_eq!(
            check(r#"{"o":{"p":{"q":1,"q":1}}}"#),
            Err("o.p.q: duplicate key".into())
        );
        assert!(check("{").unwrap_err().contains("not valid JSON"));
    }
}
