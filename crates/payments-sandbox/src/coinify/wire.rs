//! Coinify's wire format: the `{"error","error_description"}` answer.

use super::*;

// ---------------------------------------------------------------------------------------
// Errors

/// A Coinify error answer: `{"error": code, "error_description": description}`.
#[derive(Debug)]
pub(crate) struct Fail {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) description: String,
}

#[derive(Serialize)]
pub(crate) struct ErrorBody<'a> {
    pub(crate) error: &'a str,
    pub(crate) error_description: &'a str,
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        json_response(
            self.status,
            &ErrorBody {
                error: self.code,
                error_description: &self.description,
            },
        )
    }
}

pub(crate) fn fail(status: StatusCode, code: &'static str, description: impl Into<String>) -> Fail {
    Fail {
        status,
        code,
        description: description.into(),
    }
}

pub(crate) fn invalid(description: impl Into<String>) -> Fail {
    fail(StatusCode::BAD_REQUEST, "invalid_request", description)
}

pub(crate) fn unauthorized(description: impl Into<String>) -> Fail {
    fail(StatusCode::UNAUTHORIZED, "unauthorized", description)
}

pub(crate) fn not_found(description: impl Into<String>) -> Fail {
    fail(StatusCode::NOT_FOUND, "not_found", description)
}

/// `true` for the path of a document upload (`/coinify/partners/*/kyc/*/documents`), whose
/// body may be as large as [`MAX_DOCUMENT_BYTES`].
pub(crate) fn is_document_upload(path: &str) -> bool {
    let Some(rest) = path
        .strip_prefix(Provider::Coinify.prefix())
        .and_then(|p| p.strip_prefix("/partners/"))
    else {
        return false;
    };
    let parts: Vec<&str> = rest.split('/').collect();
    matches!(parts.as_slice(), [partner, "kyc", review, "documents"] if !partner.is_empty() && !review.is_empty())
}

/// `true` for paths under `/coinify`.
pub(crate) fn is_coinify(path: &str) -> bool {
    let prefix = Provider::Coinify.prefix();
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

pub(crate) fn document_too_large() -> Fail {
    invalid(format!(
        "the document is larger than 25 MB ({MAX_DOCUMENT_BYTES} bytes) or could not be read"
    ))
}

/// The answer to a body the sandbox would not read: too large, or broken off.
pub(crate) fn body_too_large(upload: bool) -> Response {
    if upload {
        document_too_large().into_response()
    } else {
        invalid("the request body is larger than 1 MiB or could not be read").into_response()
    }
}
