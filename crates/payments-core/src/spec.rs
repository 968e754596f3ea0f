//! [`ProviderSpec`]: what the core client needs to know about a provider, and the common
//! error parser.

use http::HeaderMap;

use crate::error::{ApiError, FieldError};

/// What the core needs to know about a provider: its name, how its errors look, how it
/// throttles.
#[derive(Debug)]
#[non_exhaustive]
pub struct ProviderSpec {
    /// The provider's short name, used in errors and spans (`coincover`).
    pub name: &'static str,
    /// Fills `code`, `message`, `fields`, and may reclassify `kind`, from an error response.
    pub parse_error: fn(&mut ApiError, &HeaderMap, &[u8]),
    /// Response headers kept on API errors (e.g. Covery's `X-Maxwell-Error-Message`).
    pub error_headers: &'static [&'static str],
    /// The response header carrying the provider's request id.
    pub request_id_header: Option<&'static str>,
    /// Whether the provider's throttling answers (429, and what its error parser classifies
    /// as [`ApiErrorKind::RateLimited`](crate::ApiErrorKind::RateLimited)) refuse a request before acting on it. When set,
    /// calls that are not idempotent are retried after throttling too, within the same
    /// attempt limit, budget and deadline; after any other failure they still are not.
    pub throttling_refuses_unprocessed: bool,
    /// Response headers kept in [`ResponseMeta::headers`](crate::ResponseMeta::headers) on success, besides the request
    /// id and error headers (e.g. rate-limit headers).
    pub kept_headers: &'static [&'static str],
    /// Headers every request of the provider carries (CCPro's `Accept: application/json`),
    /// as lower-case names and values; a request's own headers of the same name win.
    pub default_headers: &'static [(&'static str, &'static str)],
}

impl ProviderSpec {
    /// A provider with the [`default_error_parser`] and no special headers.
    pub const fn new(name: &'static str) -> Self {
        ProviderSpec {
            name,
            parse_error: default_error_parser,
            error_headers: &[],
            request_id_header: None,
            throttling_refuses_unprocessed: false,
            kept_headers: &[],
            default_headers: &[],
        }
    }

    /// Sets the headers every request carries (lower-case names).
    pub const fn with_default_headers(
        mut self,
        headers: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.default_headers = headers;
        self
    }

    /// Sets the error parser.
    pub const fn with_error_parser(mut self, f: fn(&mut ApiError, &HeaderMap, &[u8])) -> Self {
        self.parse_error = f;
        self
    }

    /// Sets the kept error headers.
    pub const fn with_error_headers(mut self, headers: &'static [&'static str]) -> Self {
        self.error_headers = headers;
        self
    }

    /// Sets the headers kept in [`ResponseMeta::headers`](crate::ResponseMeta::headers) on success.
    pub const fn with_kept_headers(mut self, headers: &'static [&'static str]) -> Self {
        self.kept_headers = headers;
        self
    }

    /// Sets the request-id header.
    pub const fn with_request_id_header(mut self, header: &'static str) -> Self {
        self.request_id_header = Some(header);
        self
    }

    /// Declares that the provider's throttling answers refuse requests unprocessed, so even
    /// calls that are not idempotent are retried after them; see
    /// [`throttling_refuses_unprocessed`](Self::throttling_refuses_unprocessed). Set it only
    /// when the provider documents throttling as a refusal.
    pub const fn with_throttling_refusing_unprocessed(mut self) -> Self {
        self.throttling_refuses_unprocessed = true;
        self
    }
}

/// Reads the common JSON error shapes: `message`, `error` (string or object with
/// `message`/`code`), `error_description`, `code`/`errorCode`, and `errors` as a map of
/// field to message(s) or a list of messages. Leaves everything unset for non-JSON bodies.
pub fn default_error_parser(err: &mut ApiError, _headers: &HeaderMap, body: &[u8]) {
    use serde_json::Value;
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return;
    };
    let text = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    for key in ["message", "error_description", "detail", "title"] {
        if err.message.is_none() {
            err.message = map.get(key).and_then(text);
        }
    }
    match map.get("error") {
        Some(Value::Object(inner)) => {
            if err.message.is_none() {
                err.message = inner.get("message").and_then(text);
            }
            if err.code.is_none() {
                err.code = inner.get("code").and_then(text);
            }
        }
        Some(v) => {
            if let Some(s) = text(v) {
                if err.message.is_none() {
                    err.message = Some(s);
                } else if err.code.is_none() {
                    err.code = Some(s);
                }
            }
        }
        None => {}
    }
    for key in ["code", "errorCode", "error_code"] {
        if err.code.is_none() {
            err.code = map.get(key).and_then(text);
        }
    }
    match map.get("errors") {
        Some(Value::Object(fields)) => {
            for (field, v) in fields {
                let messages: Vec<String> = match v {
                    Value::Array(items) => items.iter().filter_map(text).collect(),
                    other => text(other).into_iter().collect(),
                };
                for message in messages {
                    err.fields.push(FieldError {
                        field: field.clone(),
                        message,
                    });
                }
            }
        }
        Some(Value::Array(items)) => {
            for item in items {
                let (field, message) = match item {
                    Value::Object(o) => (
                        o.get("field")
                            .or_else(|| o.get("property"))
                            .and_then(text)
                            .unwrap_or_default(),
                        o.get("message").and_then(text),
                    ),
                    other => (String::new(), text(other)),
                };
                if let Some(message) = message {
                    if field.is_empty() && err.message.is_none() {
                        err.message = Some(message);
                    } else {
                        err.fields.push(FieldError { field, message });
                    }
                }
            }
        }
        _ => {}
    }
}
