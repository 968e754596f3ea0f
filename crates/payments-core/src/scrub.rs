//! Keeping credentials out of error text: what a server or a gateway echoes back (an
//! `Authorization` header in an HTML error page, the API key in a JSON message) is
//! replaced by `[REDACTED]` before it reaches an error's `Display`, `Debug` or a log.

use crate::transport::REDACTED;

/// Header and field names whose values are credentials, compared case-insensitively.
const CREDENTIAL_NAMES: &[&str] = &[
    "proxy-authorization",
    "authorization",
    "x-auth-token",
    "x-auth-signature",
    "x-auth-nonce",
    "x-processing-key",
    "x-processing-signature",
    "x-api-key",
    "api-key",
    "api_key",
    "cookie",
    "token",
    "secret",
    "password",
];

/// Whether `name` (a header or field name) names a credential, compared
/// case-insensitively: its whole value is then a credential.
pub(crate) fn is_credential_name(name: &str) -> bool {
    CREDENTIAL_NAMES
        .iter()
        .any(|c| name.eq_ignore_ascii_case(c))
}

/// Whether `value`, found under a credential-like name, looks like the credential itself
/// (one word, perhaps after an auth scheme) rather than a provider's explanation
/// ("The X-Processing-Signature is invalid.").
pub(crate) fn looks_like_a_credential(value: &str) -> bool {
    let v = value.trim();
    let v = ["Bearer ", "Basic ", "bearer ", "basic "]
        .iter()
        .find_map(|scheme| v.strip_prefix(scheme))
        .unwrap_or(v);
    !v.is_empty() && !v.chars().any(char::is_whitespace)
}

/// Shorter values are not searched for: replacing two-letter strings would mangle
/// unrelated text, and a real credential is longer.
const MIN_SECRET_LEN: usize = 6;

/// Replaces every occurrence of each of `values` in `text` (values shorter than six bytes
/// are skipped).
pub fn scrub_values(text: &mut String, values: &[&str]) {
    for value in values {
        if value.len() >= MIN_SECRET_LEN && text.contains(value) {
            *text = text.replace(value, REDACTED);
        }
    }
}

/// Replaces the value after a credential-like name (`Authorization: Bearer …`,
/// `"x-processing-key":"…"`, `token=…`) up to the end of the value: a quote, a line end,
/// `,`, `;`, `&`, `<` or white space after a scheme word.
pub fn scrub_credential_fields(text: &mut String) {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    // (start, end) byte ranges of values to replace, in order.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for name in CREDENTIAL_NAMES {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(name) {
            let start_name = from + pos;
            let mut i = start_name + name.len();
            from = i;
            // A name must not be part of a longer word (`tokens`, `authorizationId`).
            // A JSON escape (`\\nAuthorization`) ends the previous word too.
            let escaped = start_name >= 2 && bytes[start_name - 2] == b'\\';
            let before_ok = start_name == 0
                || escaped
                || !(bytes[start_name - 1].is_ascii_alphanumeric()
                    || bytes[start_name - 1] == b'_'
                    || bytes[start_name - 1] == b'-');
            let after_ok = bytes
                .get(i)
                .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-'));
            if !before_ok || !after_ok {
                continue;
            }
            // Optional closing quote of a JSON key, then `:` or `=`, then spaces.
            if matches!(bytes.get(i), Some(b'"' | b'\'')) {
                i += 1;
            }
            while matches!(bytes.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            if !matches!(bytes.get(i), Some(b':' | b'=')) {
                continue;
            }
            i += 1;
            // White space, and the `[` of a JSON list of values.
            while matches!(bytes.get(i), Some(b' ' | b'\t' | b'[')) {
                i += 1;
            }
            let quoted = matches!(bytes.get(i), Some(b'"' | b'\''));
            if quoted {
                i += 1;
            }
            let start = i;
            while let Some(&b) = bytes.get(i) {
                let stop = if quoted {
                    b == b'"' || b == b'\'' || b == b'\n'
                } else {
                    // `\\` ends a value inside JSON-escaped text (`…\\n`).
                    matches!(
                        b,
                        b'\r' | b'\n' | b',' | b';' | b'&' | b'<' | b'"' | b'}' | b']' | b'\\'
                    )
                };
                if stop {
                    break;
                }
                i += 1;
            }
            if i > start {
                ranges.push((start, i));
            }
            from = i.max(from);
        }
    }
    if ranges.is_empty() {
        return;
    }
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in ranges {
        if start < at {
            continue; // overlapping match, already replaced
        }
        // The ranges lie on ASCII delimiters found in an ASCII-lowered copy of the same
        // bytes, so they are char boundaries of `text` too.
        if let (Some(keep), true) = (text.get(at..start), text.is_char_boundary(end)) {
            out.push_str(keep);
            out.push_str(REDACTED);
            at = end;
        }
    }
    out.push_str(text.get(at..).unwrap_or_default());
    *text = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrubbed(text: &str) -> String {
        let mut t = text.to_owned();
        scrub_credential_fields(&mut t);
        t
    }

    #[test]
    fn echoed_credential_headers_and_fields_are_replaced() {
        assert_eq!(
            scrubbed("<pre>Authorization: Bearer abc.def.ghi\nHost: x</pre>"),
            "<pre>Authorization: [REDACTED]\nHost: x</pre>"
        );
        assert_eq!(
            scrubbed(r#"{"error":"bad","x-processing-key":"k-123456","n":1}"#),
            r#"{"error":"bad","x-processing-key":"[REDACTED]","n":1}"#
        );
        assert_eq!(scrubbed("a?token=zzz&b=1"), "a?token=[REDACTED]&b=1");
        assert_eq!(
            scrubbed("X-Auth-Token:   tok9; rest"),
            "X-Auth-Token:   [REDACTED]; rest"
        );
        // Not a credential: part of a longer word, or no value.
        assert_eq!(
            scrubbed("tokens: 5, authorizationId=7"),
            "tokens: 5, authorizationId=7"
        );
        assert_eq!(scrubbed("missing token"), "missing token");
        assert_eq!(scrubbed("é token: ü"), "é token: [REDACTED]");
        assert_eq!(
            scrubbed(r#"{"errors":{"x-auth-token":["abc123"]},"m":"x-auth-nonce: 17.2\nok"}"#),
            r#"{"errors":{"x-auth-token":["[REDACTED]"]},"m":"x-auth-nonce: [REDACTED]\nok"}"#
        );
    }

    #[test]
    fn known_values_are_replaced_wherever_they_appear() {
        let mut t = "the key sk_live_123456 was wrong (sk_live_123456)".to_owned();
        scrub_values(&mut t, &["sk_live_123456", "ab"]);
        assert_eq!(t, "the key [REDACTED] was wrong ([REDACTED])");
    }
}
