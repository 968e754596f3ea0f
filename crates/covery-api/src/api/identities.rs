//! [`Identities`]: the `X-Identities` header of events and decisions, per request or as
//! the client's default.

use std::fmt;

use payments_core::http::header::{HeaderName, HeaderValue};
use payments_core::provider::{InvalidInput, path_segment};

/// The `X-Identities` header.
pub(crate) const X_IDENTITIES: HeaderName = HeaderName::from_static("x-identities");

/// The request marker (in its extensions) saying that it takes `X-Identities`: the client
/// adds its default identities to requests carrying it and not already carrying the header
/// ([`SendEvent`](crate::SendEvent) and [`MakeDecision`](crate::MakeDecision) put it there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TakesIdentities;

/// The identity nodes sent in `X-Identities` (`name1=id1&name2=id2`) with events and
/// decisions. Names and ids are percent-encoded (RFC 3986: everything but letters, digits
/// and `-._~`), so any text is safe.
///
/// ```
/// let ids = covery_api::Identities::new().with("account", "a 1").with("wallet", "w&2");
/// assert_eq!(ids.header_value(), "account=a%201&wallet=w%262");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identities(Vec<(String, String)>);

impl Identities {
    /// No identities.
    pub fn new() -> Self {
        Identities(Vec::new())
    }

    /// Adds the node `name` with `id` (order is kept; names may repeat).
    pub fn with(mut self, name: impl Into<String>, id: impl Into<String>) -> Self {
        self.0.push((name.into(), id.into()));
        self
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The nodes, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, i)| (n.as_str(), i.as_str()))
    }

    /// The header value: `name=id` pairs joined with `&`, each part percent-encoded.
    pub fn header_value(&self) -> String {
        let mut out = String::new();
        for (i, (name, id)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(&path_segment(name));
            out.push('=');
            out.push_str(&path_segment(id));
        }
        out
    }

    /// The header value. Percent-encoded, hence visible ASCII: always a valid header.
    pub(crate) fn to_header(&self) -> Result<HeaderValue, InvalidInput> {
        HeaderValue::from_str(&self.header_value())
            .map_err(|_| InvalidInput::new("X-Identities", "is not a valid header value"))
    }

    pub(crate) fn validate(&self) -> Result<(), InvalidInput> {
        for (i, (name, _)) in self.0.iter().enumerate() {
            if name.trim().is_empty() {
                return Err(InvalidInput::new(
                    format!("X-Identities[{i}]"),
                    "the identity name must not be blank",
                ));
            }
        }
        Ok(())
    }
}

impl<N: Into<String>, I: Into<String>> FromIterator<(N, I)> for Identities {
    fn from_iter<T: IntoIterator<Item = (N, I)>>(iter: T) -> Self {
        Identities(
            iter.into_iter()
                .map(|(n, i)| (n.into(), i.into()))
                .collect(),
        )
    }
}

impl fmt::Display for Identities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.header_value())
    }
}
