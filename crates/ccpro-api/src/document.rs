//! Filling a path parameter the caller left out of an input document (the session's user,
//! the platform key's id), at the text level: the rest of the document reaches the request
//! type byte for byte, so every number keeps its digits and duplicate keys are still
//! refused there.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::de::IgnoredAny;

/// `input` with `"field": value` (a JSON string) added as its first member when it is a
/// JSON object without a top-level `field` and `value` is not blank; otherwise `input`
/// unchanged (a document that is not valid JSON is left for the request type to refuse,
/// with its own line and column).
pub(crate) fn with_default<'a>(input: &'a str, field: &str, value: &str) -> Cow<'a, str> {
    let Ok(members) = serde_json::from_str::<HashMap<String, IgnoredAny>>(input) else {
        return Cow::Borrowed(input);
    };
    if value.trim().is_empty() || members.contains_key(field) {
        return Cow::Borrowed(input);
    }
    let Some(open) = input.find(|c: char| !c.is_whitespace()) else {
        return Cow::Borrowed(input);
    };
    if !input[open..].starts_with('{') {
        return Cow::Borrowed(input);
    }
    let after = open + 1;
    let empty = input[after..].trim_start().starts_with('}');
    let (Ok(name), Ok(value)) = (serde_json::to_string(field), serde_json::to_string(value)) else {
        return Cow::Borrowed(input);
    };
    let mut out = String::with_capacity(input.len() + name.len() + value.len() + 2);
    out.push_str(&input[..after]);
    out.push_str(&name);
    out.push(':');
    out.push_str(&value);
    if !empty {
        out.push(',');
    }
    out.push_str(&input[after..]);
    Cow::Owned(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_is_added_first_and_the_rest_is_kept_as_written() {
        assert_eq!(
            with_default(
                r#" {"amount": 0.123456789012345678901234567890123}"#,
                "user",
                "u-1"
            ),
            r#" {"user":"u-1","amount": 0.123456789012345678901234567890123}"#
        );
        assert_eq!(with_default("{ }", "user", "u-1"), r#"{"user":"u-1" }"#);
        assert_eq!(with_default("{}", "user", "a\"b"), r#"{"user":"a\"b"}"#);
    }

    #[test]
    fn a_given_field_blank_value_or_non_object_is_left_alone() {
        for (doc, value) in [
            (r#"{"user":"mine"}"#, "u-1"),
            (r#"{"user":null}"#, "u-1"),
            (r#"{"a":1}"#, " "),
            ("[]", "u-1"),
            ("", "u-1"),
            ("{not json", "u-1"),
        ] {
            assert_eq!(with_default(doc, "user", value), doc, "{doc}");
        }
        // Only the top level counts: a nested `user` is another field.
        assert_eq!(
            with_default(r#"{"x":{"user":"n"}}"#, "user", "u"),
            r#"{"user":"u","x":{"user":"n"}}"#
        );
    }

    #[test]
    fn a_duplicate_key_survives_for_the_request_type_to_refuse() {
        let filled = with_default(r#"{"a":"1","a":"2"}"#, "user", "u");
        assert_eq!(filled, r#"{"user":"u","a":"1","a":"2"}"#);
        assert!(payments_core::provider::check_duplicate_keys(&filled).is_err());
    }
}
