//! Coinify's wire format: the `{"error","error_description"}` answer.

use super::*;

/// A Coinify error answer: `{"error": code, "error_description": description}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) description: String,
    /// The `X-Sandbox-Reason` of an authentication refusal.
    pub(crate) reason: Option<String>,
}

impl ApiError {
    /// The same answer, explained with an `X-Sandbox-Reason`.
    pub(crate) fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

#[derive(Serialize)]
pub(crate) struct ErrorBody<'a> {
    pub(crate) error: &'a str,
    pub(crate) error_description: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let response = json_response(
            self.status,
            &ErrorBody {
                error: self.code,
                error_description: &self.description,
            },
        );
        match &self.reason {
            Some(reason) => refused(response, reason),
            None => response,
        }
    }
}

pub(crate) fn fail(
    status: StatusCode,
    code: &'static str,
    description: impl Into<String>,
) -> ApiError {
    ApiError {
        status,
        code,
        description: description.into(),
        reason: None,
    }
}

pub(crate) fn invalid(description: impl Into<String>) -> ApiError {
    fail(StatusCode::BAD_REQUEST, "invalid_request", description)
}

pub(crate) fn unauthorized(description: impl Into<String>) -> ApiError {
    fail(StatusCode::UNAUTHORIZED, "unauthorized", description)
}

pub(crate) fn not_found(description: impl Into<String>) -> ApiError {
    fail(StatusCode::NOT_FOUND, "not_found", description)
}

pub(crate) fn document_too_large() -> ApiError {
    invalid(format!(
        "the document is larger than 25 MB ({MAX_DOCUMENT_BYTES} bytes) or could not be read"
    ))
}

/// The answer to a (non-document) body the sandbox would not read: too large, or broken off.
pub(crate) fn body_too_large() -> Response {
    invalid("the request body is larger than 1 MiB or could not be read").into_response()
}

/// The answer to a document the sandbox would not read.
pub(crate) fn document_body_too_large() -> Response {
    document_too_large().into_response()
}
