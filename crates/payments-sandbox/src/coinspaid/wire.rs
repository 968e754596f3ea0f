//! CoinsPaid's wire format: the `{"errors":{…}}` answer and body parsing.

use super::*;

/// CoinsPaid's error answer: `{"errors": {field: message, …}}` in insertion order.
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) fields: Vec<(String, String)>,
}

impl ApiError {
    pub(crate) fn field(field: &str, message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            fields: vec![(field.to_owned(), message.into())],
        }
    }

    pub(crate) fn auth(header: &str, message: &str) -> Self {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            fields: vec![(header.to_owned(), message.to_owned())],
        }
    }
}

pub(crate) struct ErrorMap<'a>(pub(crate) &'a [(String, String)]);

impl Serialize for ErrorMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
pub(crate) struct ErrorBody<'a> {
    pub(crate) errors: ErrorMap<'a>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(
            self.status,
            &ErrorBody {
                errors: ErrorMap(&self.fields),
            },
        )
    }
}

// ---------------------------------------------------------------------------------------
// Body parsing

pub(crate) fn parse_object(body: &[u8]) -> Result<Fields<'_>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Fields::new());
    }
    if let Ok(fields) = read_object(body) {
        return Ok(fields);
    }
    // The docs allow an array (ping); its fields are ignored.
    if serde_json::from_slice::<Vec<&RawValue>>(body).is_ok() {
        return Ok(Fields::new());
    }
    Err(ApiError::field(
        "body",
        "The body must be a valid JSON object.",
    ))
}

/// `foreign_id` → `foreign id`, as Laravel names fields in messages.
pub(crate) fn spaced(name: &str) -> String {
    name.replace('_', " ")
}

pub(crate) fn required(name: &str) -> ApiError {
    ApiError::field(name, format!("The {} field is required.", spaced(name)))
}

pub(crate) fn text(fields: &Fields, name: &str) -> Result<Option<String>, ApiError> {
    let Some(raw) = fields.get(name) else {
        return Ok(None);
    };
    match serde_json::from_str::<Option<String>>(raw.get()) {
        Ok(Some(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
        Ok(_) => Ok(None),
        Err(_) => Err(ApiError::field(
            name,
            format!("The {} must be a string.", spaced(name)),
        )),
    }
}

pub(crate) fn required_text(fields: &Fields, name: &str) -> Result<String, ApiError> {
    text(fields, name)?.ok_or_else(|| required(name))
}

pub(crate) fn amount(fields: &Fields, name: &str) -> Result<Option<Decimal>, ApiError> {
    let Some(raw) = fields.get(name) else {
        return Ok(None);
    };
    let raw = raw.get();
    let text = match serde_json::from_str::<Option<String>>(raw) {
        Ok(Some(s)) => s,
        Ok(None) => return Ok(None),
        Err(_) => raw.to_owned(),
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    let invalid = || ApiError::field(name, format!("The {} must be a number.", spaced(name)));
    let value = decimal(&text).ok_or_else(invalid)?;
    if value <= Decimal::ZERO {
        return Err(ApiError::field(
            name,
            format!("The {} must be greater than 0.", spaced(name)),
        ));
    }
    Ok(Some(value))
}

pub(crate) fn required_amount(fields: &Fields, name: &str) -> Result<Decimal, ApiError> {
    amount(fields, name)?.ok_or_else(|| required(name))
}

pub(crate) fn currency_field(
    fields: &Fields,
    name: &str,
) -> Result<Option<&'static CurrencyRow>, ApiError> {
    match text(fields, name)? {
        None => Ok(None),
        Some(code) => currency(&code.to_ascii_uppercase())
            .map(Some)
            .ok_or_else(|| {
                ApiError::field(name, format!("The selected {} is invalid.", spaced(name)))
            }),
    }
}

pub(crate) fn required_currency(
    fields: &Fields,
    name: &str,
) -> Result<&'static CurrencyRow, ApiError> {
    currency_field(fields, name)?.ok_or_else(|| required(name))
}

pub(crate) fn kind(c: &CurrencyRow) -> &'static str {
    if c.fiat { "fiat" } else { "crypto" }
}

pub(crate) fn data(status: StatusCode, value: Value) -> Response {
    json_response(status, &json!({ "data": value }))
}
