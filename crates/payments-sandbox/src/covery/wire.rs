//! Covery's wire format: the `X-Maxwell-*` error answer and body parsing.

use super::*;

/// A Covery error: status, `X-Maxwell-*` headers, and the message as a `text/plain` body.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) kind: &'static str,
    pub(crate) message: String,
    pub(crate) context: Option<String>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            kind,
            message: message.into(),
            context: None,
        }
    }

    pub(crate) fn auth(message: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ERROR_AUTH, message)
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_ACCEPTABLE, ERROR_VALIDATION, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::GONE, ERROR_NOT_FOUND, message)
    }

    pub(crate) fn duplicate(message: impl Into<String>, existing: u64) -> Self {
        ApiError {
            context: Some(existing.to_string()),
            ..Self::new(StatusCode::CONFLICT, ERROR_DUPLICATE, message)
        }
    }
}

pub(crate) fn set(headers: &mut HeaderMap, name: &'static str, value: HeaderValue) {
    headers.insert(HeaderName::from_static(name), value);
}

/// Writes a Covery failure's headers: the content type and the X-Maxwell status, error
/// type, message and (when given) context.
pub(crate) fn maxwell_failure(
    response: &mut Response,
    content_type: &'static str,
    kind: &'static str,
    message: &str,
    context: Option<&str>,
) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    set(
        headers,
        X_MAXWELL_STATUS,
        HeaderValue::from_static("Exception"),
    );
    set(
        headers,
        X_MAXWELL_ERROR_TYPE,
        HeaderValue::from_static(kind),
    );
    set(headers, X_MAXWELL_ERROR_MESSAGE, header_text(message));
    if let Some(context) = context {
        set(headers, X_MAXWELL_ERROR_CONTEXT, header_text(context));
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.message.clone()).into_response();
        maxwell_failure(
            &mut response,
            "text/plain; charset=utf-8",
            self.kind,
            &self.message,
            self.context.as_deref(),
        );
        response
    }
}

/// The documented 404: `application/json`, no body, `NoRouteException`.
pub(crate) fn no_route(method: &Method, path: &str) -> Response {
    let mut response = StatusCode::NOT_FOUND.into_response();
    maxwell_failure(
        &mut response,
        "application/json",
        ERROR_NO_ROUTE,
        &format!("Unable to found route for {method} {path}"),
        None,
    );
    response
}

pub(crate) fn ok_json(value: &impl Serialize) -> Response {
    let mut response = json_response(StatusCode::OK, value);
    if response.status() == StatusCode::OK {
        set(
            response.headers_mut(),
            X_MAXWELL_STATUS,
            HeaderValue::from_static("OK"),
        );
    }
    response
}

pub(crate) fn no_content() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    set(
        response.headers_mut(),
        X_MAXWELL_STATUS,
        HeaderValue::from_static("OK"),
    );
    response
}

pub(crate) type Outcome = Result<Response, ApiError>;

// ---------------------------------------------------------------------------------------
// Body parsing

/// The top-level fields of a JSON object; an empty body counts as `{}` when `empty_ok`.
pub(crate) fn parse_object(body: &[u8], empty_ok: bool) -> Result<Fields<'_>, ApiError> {
    if empty_ok && body.trim_ascii().is_empty() {
        return Ok(Fields::new());
    }
    read_object(body).map_err(|e| match e {
        NotAnObject::NotAnObject => ApiError::invalid("Request body must be a JSON encoded object"),
        NotAnObject::Malformed(e) => {
            ApiError::invalid(format!("Malformed JSON in request body: {e}"))
        }
    })
}

/// A field's raw value, `None` when absent or null.
pub(crate) fn field<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    toolkit::field(fields, name).map(RawValue::get)
}

pub(crate) fn text(fields: &Fields, name: &str) -> Result<Option<String>, ApiError> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<String>(raw)
                .map_err(|_| ApiError::invalid(format!("Field {name} must be a string")))
        })
        .transpose()
}

pub(crate) fn integer(fields: &Fields, name: &str) -> Result<Option<i64>, ApiError> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<i64>(raw)
                .map_err(|_| ApiError::invalid(format!("Field {name} must be an integer")))
        })
        .transpose()
}

/// A non-negative JSON number, read exactly.
pub(crate) fn number(fields: &Fields, name: &str) -> Result<Option<Decimal>, ApiError> {
    let Some(raw) = field(fields, name) else {
        return Ok(None);
    };
    let bad = || ApiError::invalid(format!("Field {name} must be a non-negative number"));
    if serde_json::from_str::<serde_json::Number>(raw).is_err() {
        return Err(bad());
    }
    let value = decimal(raw).ok_or_else(bad)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(bad());
    }
    Ok(Some(value))
}

pub(crate) fn boolean(fields: &Fields, name: &str) -> Result<Option<bool>, ApiError> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<bool>(raw)
                .map_err(|_| ApiError::invalid(format!("Field {name} must be a boolean")))
        })
        .transpose()
}
