//! The CLI's `--data` reader (`payments_core::read_document`) over any text:
//! `[selector][document…]`, the selector picking a representative request type through
//! its operation table row (`io.request`).
//!
//! Reading never panics; a document with a duplicate key is always refused; an accepted
//! JSON body is JSON; and an amount read from a document has exactly the digits written.

#![no_main]

use libfuzzer_sys::fuzz_target;
use payments_core::provider::check_duplicate_keys;
use payments_core::{Amount, ExactAmount, read_document};
use payments_fuzz::operation;
use serde::Deserialize;
use serde_json::value::RawValue;

/// Request types with amounts (string and number), nested lists, optional fields, enums
/// and text checks, one or two per provider.
const REQUESTS: [(&str, &str); 8] = [
    ("coincover", "check-transaction"),
    ("coincover", "update-plan"),
    ("coinspaid", "withdrawal-crypto"),
    ("coinspaid", "exchange-calculate"),
    ("covery", "make-decision"),
    ("coinify", "approximate-quote"),
    ("ccpro", "kyc-personal-data"),
    ("ccpro", "user-create"),
];

/// A document with an amount of each kind, read exactly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amounts {
    amount: Amount,
    #[serde(default, with = "payments_core::exact::optional")]
    price: Option<ExactAmount>,
}

/// The same document's raw JSON text, for an independent look at the digits.
#[derive(Deserialize)]
struct Raw<'a> {
    #[serde(borrow)]
    amount: &'a RawValue,
    #[serde(borrow, default)]
    price: Option<&'a RawValue>,
}

/// The text inside a JSON string without escapes, or a number's text.
fn literal(raw: &RawValue) -> Option<&str> {
    let t = raw.get();
    match t.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) if !inner.contains('\\') => Some(inner),
        Some(_) => None,
        None => Some(t),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(doc) = std::str::from_utf8(rest) else {
        return;
    };
    let (provider, name) = REQUESTS[usize::from(selector) % REQUESTS.len()];
    let op = operation(provider, name);

    let built = (op.io.request)(doc, Vec::new());
    if let Err(e) = check_duplicate_keys(doc)
        && e.message == "duplicate key"
    {
        assert!(
            built.is_err(),
            "{name} took a document with a duplicate key: {doc}"
        );
    }
    if let Ok(spec) = &built {
        assert!(spec.path.starts_with('/'), "{name}: path {:?}", spec.path);
        if let Some(body) = &spec.body
            && body.content_type == "application/json"
        {
            serde_json::from_slice::<serde::de::IgnoredAny>(&body.bytes)
                .expect("a JSON body is JSON");
        }
    }

    if let Ok(read) = read_document::<Amounts>(doc) {
        let raw: Raw<'_> = serde_json::from_str(doc).expect("a document read is JSON");
        if let Some(text) = literal(raw.amount) {
            let want = Amount::parse(text).expect("the amount's own text parses");
            assert_eq!(read.amount, want);
            assert_eq!(read.amount.scale(), want.scale(), "digits lost from {text}");
        }
        if let (Some(price), Some(raw)) = (&read.price, raw.price)
            && let Some(text) = literal(raw)
        {
            assert_eq!(price.as_str(), text, "digits changed");
        }
    }
});
