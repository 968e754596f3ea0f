//! Shapes shared by many operations: the `{"data": …}` envelope, `{"message": …}`
//! answers, `{id, publicId}` references, and pages with their three `meta` casings.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, decode_json};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Decodes a `{"data": T}` success body into `T`; a failure names its path from the root
/// (`data.fromAmount`). The `decode` of every operation whose answer is wrapped in `data`.
pub fn data<T: serde::de::DeserializeOwned>(
    _status: StatusCode,
    body: &[u8],
) -> Result<T, DecodeFailure> {
    #[derive(Deserialize)]
    struct Data<T> {
        data: T,
    }
    decode_json::<Data<T>>(body).map(|d| d.data)
}

/// An answer that is only a message (`{"message":"Bank deleted."}`; the password
/// operations wrap it in `data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The message, as sent.
    pub message: String,
}

/// A reference to another resource: `{"id": …, "publicId": …}` (both may be null).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ref {
    /// The resource's id (a UUID).
    pub id: Option<String>,
    /// The resource's public id.
    #[serde(default)]
    pub public_id: Option<String>,
}

/// A JSON value whose shape the docs never show, kept as the exact text received (numbers
/// digit for digit, never through `f64`) and written back unchanged. Read it with
/// `serde_json::from_str(raw.get())` into a type of your own, with
/// [`ExactAmount`](payments_core::ExactAmount) for any amount in it: `serde_json::Value`
/// would turn its numbers into `f64` and drop digits.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RawJson(pub Box<serde_json::value::RawValue>);

impl RawJson {
    /// The JSON text as received.
    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for RawJson {
    /// Equal when the texts are.
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

/// One page of a list, and its `meta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items of this page.
    pub data: Vec<T>,
    /// Where the page sits (absent on lists that send none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<PageMeta>,
}

impl<T> Page<T> {
    /// Whether a later page may follow: `false` on the last page (by `currentPage` and
    /// `lastPage`), on an empty page, and when the meta does not say.
    pub fn has_more(&self) -> bool {
        match &self.meta {
            Some(PageMeta {
                current_page: Some(c),
                last_page: Some(l),
                ..
            }) => c < l && !self.data.is_empty(),
            _ => false,
        }
    }
}

/// A page's `meta`, read from either casing CCPro sends (`currentPage`/`perPage`/`lastPage`
/// or `current_page`/`per_page`/`last_page`) or from `total` alone, and written back in
/// the casing it came in. Every field is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageMeta {
    /// The number of items in the whole list (some lists send only this).
    pub total: Option<u64>,
    /// This page's number, from 1.
    pub current_page: Option<u64>,
    /// Items per page (25 in the docs' examples).
    pub per_page: Option<u64>,
    /// The last page's number.
    pub last_page: Option<u64>,
    /// Whether it came in snake_case.
    pub snake_case: bool,
}

#[derive(Serialize, Deserialize, Default)]
struct RawMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total: Option<u64>,
    #[serde(
        rename = "currentPage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    current_page: Option<u64>,
    #[serde(rename = "perPage", default, skip_serializing_if = "Option::is_none")]
    per_page: Option<u64>,
    #[serde(rename = "lastPage", default, skip_serializing_if = "Option::is_none")]
    last_page: Option<u64>,
    #[serde(
        rename = "current_page",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    current_page_s: Option<u64>,
    #[serde(rename = "per_page", default, skip_serializing_if = "Option::is_none")]
    per_page_s: Option<u64>,
    #[serde(rename = "last_page", default, skip_serializing_if = "Option::is_none")]
    last_page_s: Option<u64>,
}

impl<'de> Deserialize<'de> for PageMeta {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RawMeta::deserialize(d)?;
        let snake_case =
            r.current_page_s.is_some() || r.per_page_s.is_some() || r.last_page_s.is_some();
        Ok(PageMeta {
            total: r.total,
            current_page: r.current_page.or(r.current_page_s),
            per_page: r.per_page.or(r.per_page_s),
            last_page: r.last_page.or(r.last_page_s),
            snake_case,
        })
    }
}

impl Serialize for PageMeta {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut r = RawMeta {
            total: self.total,
            ..RawMeta::default()
        };
        if self.snake_case {
            r.current_page_s = self.current_page;
            r.per_page_s = self.per_page;
            r.last_page_s = self.last_page;
        } else {
            r.current_page = self.current_page;
            r.per_page = self.per_page;
            r.last_page = self.last_page;
        }
        r.serialize(s)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn meta_reads_both_casings_and_writes_each_back() {
        for text in [
            r#"{"total":1,"currentPage":1,"perPage":25,"lastPage":1}"#,
            r#"{"total":1,"current_page":1,"per_page":25,"last_page":1}"#,
            r#"{"total":2}"#,
        ] {
            let m: PageMeta = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&m).unwrap(), text);
        }
        let camel: PageMeta =
            serde_json::from_str(r#"{"total":1,"currentPage":2,"perPage":25,"lastPage":3}"#)
                .unwrap();
        let snake: PageMeta =
            serde_json::from_str(r#"{"total":1,"current_page":2,"per_page":25,"last_page":3}"#)
                .unwrap();
        assert_eq!(
            (camel.current_page, camel.per_page, camel.last_page),
            (snake.current_page, snake.per_page, snake.last_page)
        );
    }

    #[test]
    fn data_names_the_path_from_the_root() {
        #[derive(Debug, Deserialize)]
        struct X {
            #[allow(dead_code)]
            n: u32,
        }
        let e = data::<X>(StatusCode::OK, br#"{"data":{"n":"x"}}"#).unwrap_err();
        assert_eq!(e.path, "data.n");
    }
}
