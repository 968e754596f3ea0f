//! CCPro's error answers: `{"error": …}`, `{"message": …}`, and `{"message": …, "errors": …}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::toolkit::{json_response, refused};

/// A CCPro error answer.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    /// The body, one of CCPro's error shapes.
    pub(crate) body: Value,
    /// The `X-Sandbox-Reason` of a refusal.
    pub(crate) reason: Option<String>,
}

impl ApiError {
    /// `{"message": text}` with `status`.
    pub(crate) fn message(status: StatusCode, text: &str) -> Self {
        ApiError {
            status,
            body: json!({ "message": text }),
            reason: None,
        }
    }

    /// `{"error": text}` with `status`.
    pub(crate) fn error(status: StatusCode, text: &str) -> Self {
        ApiError {
            status,
            body: json!({ "error": text }),
            reason: None,
        }
    }

    /// `{"message": text, "errors": errors}` with `status` (`errors` may be `{}`).
    pub(crate) fn with_errors(status: StatusCode, text: &str, errors: Map<String, Value>) -> Self {
        ApiError {
            status,
            body: json!({ "message": text, "errors": errors }),
            reason: None,
        }
    }

    /// 404 `{"message":"No query results."}`: an id that names nothing of the caller's.
    pub(crate) fn not_found() -> Self {
        ApiError::message(StatusCode::NOT_FOUND, "No query results.")
    }

    /// 403 `{"message": text}`.
    pub(crate) fn forbidden(text: &str) -> Self {
        ApiError::message(StatusCode::FORBIDDEN, text)
    }

    /// The same answer, explained with an `X-Sandbox-Reason`.
    pub(crate) fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let response = json_response(self.status, &self.body);
        match &self.reason {
            Some(reason) => refused(response, reason),
            None => response,
        }
    }
}

/// `{"message": text}` with `status`.
pub(crate) fn message(status: StatusCode, text: &str) -> ApiError {
    ApiError::message(status, text)
}

/// 401 `{"error":"Unauthenticated."}`.
pub(crate) fn unauthenticated() -> ApiError {
    ApiError::error(StatusCode::UNAUTHORIZED, "Unauthenticated.")
}

/// 422 `{"message":"The given data was invalid.","errors":{field:[text]}}` for one field.
pub(crate) fn invalid(field: &str, text: &str) -> ApiError {
    let mut errors = Map::new();
    errors.insert(field.to_owned(), json!([text]));
    ApiError::with_errors(
        StatusCode::UNPROCESSABLE_ENTITY,
        "The given data was invalid.",
        errors,
    )
}
