//! A CCPro request body as the handlers read it: JSON, or `multipart/form-data` for uploads.
//! Nested JSON objects and PHP-style multipart names (`documents[passport]`) both read as the
//! dotted names of Laravel's validation (`documents.passport`). Values keep their exact text.

use axum::http::{HeaderValue, StatusCode};
use rust_decimal::Decimal;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use super::{ApiError, MAX_FILE_BYTES};
use crate::toolkit::{decimal, read_object, string_value};

/// An uploaded file (its name and declared type are not looked at: CCPro checks the bytes).
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    /// The bytes.
    pub(crate) bytes: Vec<u8>,
}

impl Upload {
    /// The file's type by its first bytes: `jpeg`, `png`, `pdf`, `gif`, `mp4`, or `None`.
    pub(crate) fn sniff(&self) -> Option<&'static str> {
        let b = self.bytes.as_slice();
        if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some("jpeg")
        } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some("png")
        } else if b.starts_with(b"%PDF-") {
            Some("pdf")
        } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
            Some("gif")
        } else if b.get(4..8) == Some(b"ftyp") {
            Some("mp4")
        } else {
            None
        }
    }
}

/// One value of the body.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    /// A JSON string or a multipart text field.
    Text(String),
    /// Any other JSON value (number, boolean, array), as its exact text.
    Json(String),
    /// A multipart file.
    File(Upload),
}

/// The body's fields, by dotted name, in arrival order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Input {
    fields: Vec<(String, Val)>,
}

impl Input {
    /// Reads a body by its `Content-Type`: multipart when the route takes uploads and the body
    /// says so, JSON otherwise (an empty body is no fields).
    pub(crate) fn read(
        content_type: Option<&HeaderValue>,
        body: &[u8],
        uploads: bool,
    ) -> Result<Input, ApiError> {
        let content_type = content_type.and_then(|v| v.to_str().ok()).unwrap_or("");
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if mime == "multipart/form-data" {
            if !uploads {
                return Err(bad_body(
                    "this operation takes a JSON body, not multipart/form-data",
                ));
            }
            return multipart(content_type, body);
        }
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Input::default());
        }
        let mut input = Input::default();
        let fields = read_object(body).map_err(|_| {
            bad_body("the body is not a JSON object (send Content-Type: application/json)")
        })?;
        for key in fields.keys() {
            if let Some(raw) = fields.get(key) {
                input.flatten(key, raw);
            }
        }
        Ok(input)
    }

    fn flatten(&mut self, name: &str, raw: &RawValue) {
        let text = raw.get().trim_start();
        if text.starts_with('{') {
            if let Ok(inner) = read_object(raw.get().as_bytes()) {
                for key in inner.keys() {
                    if let Some(value) = inner.get(key) {
                        self.flatten(&format!("{name}.{key}"), value);
                    }
                }
            }
        } else if text.starts_with('"') {
            self.push(name, Val::Text(string_value(raw).unwrap_or_default()));
        } else if text != "null" {
            self.push(name, Val::Json(raw.get().trim().to_owned()));
        }
    }

    fn push(&mut self, name: &str, value: Val) {
        self.fields.retain(|(n, _)| n != name);
        self.fields.push((name.to_owned(), value));
    }

    /// `true` when the body has `name` (any value but null).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|(n, _)| n == name)
    }

    /// The value of `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&Val> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The text of `name`: a string's text, or a number's or boolean's JSON text.
    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Val::Text(t) | Val::Json(t) => Some(t),
            Val::File(_) => None,
        }
    }

    /// The text of `name`, trimmed, `None` when empty (Laravel reads `""` as absent).
    pub(crate) fn filled(&self, name: &str) -> Option<&str> {
        self.text(name).map(str::trim).filter(|t| !t.is_empty())
    }

    /// The file of `name`.
    pub(crate) fn file(&self, name: &str) -> Option<&Upload> {
        match self.get(name)? {
            Val::File(f) => Some(f),
            _ => None,
        }
    }

    /// The field names, in arrival order.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(n, _)| n.as_str())
    }
}

fn bad_body(reason: &str) -> ApiError {
    ApiError::message(
        StatusCode::BAD_REQUEST,
        "The request body could not be read.",
    )
    .because(reason)
}

/// A field name of a multipart form, `a[b][c]` → `a.b.c`.
fn dotted(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, part) in name.split('[').enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(part.strip_suffix(']').unwrap_or(part));
    }
    out
}

/// Reads a `multipart/form-data` body (RFC 7578).
fn multipart(content_type: &str, body: &[u8]) -> Result<Input, ApiError> {
    let boundary = content_type
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim_matches('"').to_owned())
        .filter(|b| !b.is_empty())
        .ok_or_else(|| bad_body("multipart/form-data without a boundary"))?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut input = Input::default();
    let mut rest = find(body, &delimiter)
        .map(|at| &body[at + delimiter.len()..])
        .ok_or_else(|| bad_body("the multipart body does not start with its boundary"))?;
    loop {
        if rest.starts_with(b"--") {
            return Ok(input);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or_else(|| bad_body("a multipart boundary is not followed by CRLF"))?;
        let head_end = find(rest, b"\r\n\r\n")
            .ok_or_else(|| bad_body("a multipart part has no blank line after its headers"))?;
        let head = String::from_utf8_lossy(&rest[..head_end]).into_owned();
        let content = &rest[head_end + 4..];
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let end = find(content, &closing)
            .ok_or_else(|| bad_body("a multipart part is not closed by the boundary"))?;
        let value = &content[..end];
        rest = &content[end + closing.len()..];
        let mut name = None;
        let mut filename = None;
        for line in head.split("\r\n") {
            let Some((key, val)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                for param in val.split(';').skip(1) {
                    if let Some((k, v)) = param.trim().split_once('=') {
                        let v = v.trim().trim_matches('"').to_owned();
                        match k.trim() {
                            "name" => name = Some(v),
                            "filename" => filename = Some(v),
                            _ => {}
                        }
                    }
                }
            }
        }
        let name = name.ok_or_else(|| bad_body("a multipart part has no name"))?;
        let name = dotted(&name);
        match filename {
            Some(_) => input.push(
                &name,
                Val::File(Upload {
                    bytes: value.to_vec(),
                }),
            ),
            None => input.push(
                &name,
                Val::Text(String::from_utf8_lossy(value).into_owned()),
            ),
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Why `text` is not a decimal the sandbox can hold: not a number ("The x must be a
/// number."), or a number with more significant digits than the sandbox's decimals keep
/// (28): refused, never rounded.
pub(crate) fn not_a_decimal(attr: &str, text: &str) -> String {
    let t = text.trim();
    let mantissa = t.split(['e', 'E']).next().unwrap_or("");
    let digits = mantissa.trim_start_matches(['-', '+']);
    let numeric = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if numeric {
        format!("The {attr} has more than the 28 significant digits the sandbox keeps.")
    } else {
        format!("The {attr} must be a number.")
    }
}

/// Laravel's validation of a body: each check records the docs' message under the field's
/// name, and [`Check::finish`] answers 422 `{"message":"The given data was invalid.",
/// "errors":{field:[message,…]}}` when any failed.
pub(crate) struct Check<'a> {
    pub(crate) input: &'a Input,
    errors: Map<String, Value>,
}

/// How Laravel names a field in its messages: `from_amount` → `from amount`.
fn attribute(name: &str) -> String {
    name.replace('_', " ")
}

impl<'a> Check<'a> {
    /// Starts checking `input`.
    pub(crate) fn new(input: &'a Input) -> Self {
        Check {
            input,
            errors: Map::new(),
        }
    }

    /// Records `text` as a failure of `name`.
    pub(crate) fn fail(&mut self, name: &str, text: &str) {
        let list = self
            .errors
            .entry(name.to_owned())
            .or_insert_with(|| json!([]));
        if let Value::Array(items) = list {
            items.push(Value::String(text.to_owned()));
        }
    }

    /// `true` when `name` already failed.
    pub(crate) fn failed(&self, name: &str) -> bool {
        self.errors.contains_key(name)
    }

    /// A required text field ("The x field is required.").
    pub(crate) fn required(&mut self, name: &str) -> Option<&'a str> {
        let value = self.input.filled(name);
        if value.is_none() {
            self.fail(name, &format!("The {} field is required.", attribute(name)));
        }
        value
    }

    /// An optional text field.
    pub(crate) fn optional(&mut self, name: &str) -> Option<&'a str> {
        self.input.filled(name)
    }

    /// A field whose value must be one of `allowed` ("The selected x is invalid.").
    pub(crate) fn one_of(
        &mut self,
        name: &str,
        allowed: &[&str],
        required: bool,
    ) -> Option<&'a str> {
        let value = if required {
            self.required(name)?
        } else {
            self.optional(name)?
        };
        if allowed.contains(&value) {
            Some(value)
        } else {
            self.fail(
                name,
                &format!("The selected {} is invalid.", attribute(name)),
            );
            None
        }
    }

    /// An e-mail address ("The x must be a valid email address.").
    pub(crate) fn email(&mut self, name: &str, required: bool) -> Option<&'a str> {
        let value = if required {
            self.required(name)?
        } else {
            self.optional(name)?
        };
        let valid = value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }) && !value.contains(char::is_whitespace);
        if valid {
            Some(value)
        } else {
            self.fail(
                name,
                &format!("The {} must be a valid email address.", attribute(name)),
            );
            None
        }
    }

    /// A decimal number, exactly ("The x must be a number.").
    pub(crate) fn number(&mut self, name: &str, required: bool) -> Option<Decimal> {
        let value = if required {
            self.required(name)?
        } else {
            self.optional(name)?
        };
        let parsed = decimal(value);
        if parsed.is_none() {
            self.fail(name, &not_a_decimal(&attribute(name), value));
        }
        parsed
    }

    /// A file of one of the types `mimes` names (by its bytes), at most 10 240 KB.
    pub(crate) fn file(
        &mut self,
        name: &str,
        required: bool,
        mimes: &[&str],
    ) -> Option<&'a Upload> {
        let Some(file) = self.input.file(name) else {
            if self.input.has(name) {
                self.fail(name, &format!("The {} must be a file.", attribute(name)));
            } else if required {
                self.fail(name, &format!("The {} field is required.", attribute(name)));
            }
            return None;
        };
        let kind = file.sniff();
        let allowed = kind.is_some_and(|k| {
            mimes
                .iter()
                .any(|m| *m == k || (k == "jpeg" && *m == "jpg"))
        });
        if !allowed {
            self.fail(
                name,
                &format!(
                    "The {} must be a file of type: {}.",
                    attribute(name),
                    mimes.join(", ")
                ),
            );
            return None;
        }
        if file.bytes.len() > MAX_FILE_BYTES {
            self.fail(
                name,
                &format!(
                    "The {} may not be greater than 10240 kilobytes.",
                    attribute(name)
                ),
            );
            return None;
        }
        Some(file)
    }

    /// 422 with every failure, or `Ok` when none.
    pub(crate) fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            return Ok(());
        }
        let fields: Vec<String> = self.errors.keys().cloned().collect();
        Err(ApiError::with_errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            "The given data was invalid.",
            self.errors,
        )
        .because(format!("validation failed: {}", fields.join(", "))))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn nested_json_and_php_names_read_alike() {
        let json = Input::read(
            Some(&HeaderValue::from_static("application/json")),
            br#"{"documents":{"passport":"x"},"amount":100.50,"ok":true,"n":null}"#,
            false,
        )
        .unwrap();
        assert_eq!(json.text("documents.passport"), Some("x"));
        assert_eq!(json.text("amount"), Some("100.50"));
        assert_eq!(json.text("ok"), Some("true"));
        assert!(!json.has("n"));
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"documents[passport]\"; filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n..\r\n--XyZ\r\nContent-Disposition: form-data; name=\"alias\"\r\n\r\nMy card\r\n--XyZ--\r\n";
        let form = Input::read(
            Some(&HeaderValue::from_static(
                "multipart/form-data; boundary=XyZ",
            )),
            body,
            true,
        )
        .unwrap();
        let file = form.file("documents.passport").unwrap();
        assert_eq!(file.sniff(), Some("png"));
        assert_eq!(form.text("alias"), Some("My card"));
        assert!(
            Input::read(
                Some(&HeaderValue::from_static(
                    "multipart/form-data; boundary=XyZ"
                )),
                body,
                false
            )
            .is_err()
        );
    }

    #[test]
    fn broken_bodies_are_refused_without_a_panic() {
        let multipart = HeaderValue::from_static("multipart/form-data; boundary=XyZ");
        let whole: &[u8] =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--\r\n";
        // Every prefix of a good body, and a few odd ones: an answer each, never a panic.
        for end in 0..whole.len() {
            let _ = Input::read(Some(&multipart), &whole[..end], true);
        }
        for body in [
            &b"--XyZ--"[..],
            b"--XyZ\r\n\r\n\r\n--XyZ--",
            b"--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--",
            b"\xff\xfe--XyZ",
        ] {
            let _ = Input::read(Some(&multipart), body, true);
        }
        let no_boundary = HeaderValue::from_static("multipart/form-data");
        assert!(Input::read(Some(&no_boundary), whole, true).is_err());
        assert!(Input::read(None, b"[1,2]", false).is_err());
        assert!(Input::read(None, b"{\"a\":", false).is_err());
        assert_eq!(
            Input::read(Some(&multipart), whole, true)
                .unwrap()
                .text("a"),
            Some("v")
        );
    }

    #[test]
    fn checks_answer_laravel_messages() {
        let input = Input::read(None, br#"{"from_amount":"1x","email":"a@b"}"#, false).unwrap();
        let mut check = Check::new(&input);
        assert!(check.number("from_amount", true).is_none());
        assert!(check.email("email", true).is_none());
        assert!(check.required("iban").is_none());
        let error = check.finish().unwrap_err();
        assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            error.body["errors"]["from_amount"][0],
            "The from amount must be a number."
        );
        assert_eq!(
            error.body["errors"]["iban"][0],
            "The iban field is required."
        );
    }
}
