//! [`CcproError`]: what a CCPro error answer means, read from its status and message.
//!
//! CCPro uses statuses outside their HTTP meaning: 409 is "This action is unauthorized.",
//! 405 "Operation not available!", and 410, 412, 421, 423 and 425 mean different things
//! on different endpoints. The status and message are kept exactly; [`ccpro_error`] adds
//! the meaning the docs give them.

use payments_core::{ApiError, Error, FieldError};

use crate::client::CCPRO;

/// What a CCPro error answer means.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CcproReason {
    /// 401 `{"error":"Unauthenticated."}`: no valid bearer token.
    Unauthenticated,
    /// 400 "jwt must be provided": the platform JWT is missing.
    JwtMissing,
    /// 401 "JWT payload invalid." (or 403 "No valid data sent" on authenticate-jwt).
    JwtInvalid,
    /// 401 "JWT is expired.".
    JwtExpired,
    /// 403 "Your account is inactive.".
    AccountInactive,
    /// 403 or 409 "This action is unauthorized.": the user may not act on that resource.
    NotAllowed,
    /// 403 "Unable to process your request.".
    UnableToProcess,
    /// 404: the resource does not exist ("No query results.").
    NotFound,
    /// 405 "Operation not available!": the price or operation is disabled.
    OperationNotAvailable,
    /// 422 (and the 400 "Validation errors" of authenticate): see
    /// [`ApiError::fields`].
    Validation,
    /// 406, 410, 412, 421, 423, 425 and any other answer: the message says what.
    Other,
}

/// A CCPro error answer: its status, its message (from `message` or `error`, exactly as
/// sent), the field messages of a validation answer, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CcproError {
    /// The HTTP status, kept as sent (409 stays 409).
    pub status: u16,
    /// The provider's message, whether its body said `message` or `error`.
    pub message: Option<String>,
    /// Field messages (`errors`), each list item or string kept.
    pub fields: Vec<FieldError>,
    /// The meaning.
    pub reason: CcproReason,
}

/// The CCPro view of `err`, when it is a CCPro error answer.
///
/// ```
/// # async fn run(user: ccpro_api::UserClient) {
/// match user.list_banks().await {
///     Err(e) => match ccpro_api::ccpro_error(&e) {
///         Some(c) if c.reason == ccpro_api::CcproReason::NotAllowed => { /* 409 */ }
///         _ => {}
///     },
///     Ok(banks) => println!("{} banks", banks.len()),
/// }
/// # }
/// ```
pub fn ccpro_error(err: &Error) -> Option<CcproError> {
    let api = err.api()?;
    if api.provider != CCPRO.name {
        return None;
    }
    Some(info(api))
}

/// The CCPro view of an [`ApiError`].
pub fn info(api: &ApiError) -> CcproError {
    let status = api.status.as_u16();
    let message = api.message.clone();
    let m = message.as_deref().unwrap_or("");
    let reason = match (status, m) {
        (401, "JWT payload invalid.") => CcproReason::JwtInvalid,
        (401, "JWT is expired.") => CcproReason::JwtExpired,
        (401, _) => CcproReason::Unauthenticated,
        (400, "jwt must be provided") => CcproReason::JwtMissing,
        (403, "No valid data sent") => CcproReason::JwtInvalid,
        (403, "Your account is inactive.") => CcproReason::AccountInactive,
        (403 | 409, "This action is unauthorized.") => CcproReason::NotAllowed,
        (403, "Unable to process your request.") => CcproReason::UnableToProcess,
        (404, _) => CcproReason::NotFound,
        (405, _) => CcproReason::OperationNotAvailable,
        (422, _) => CcproReason::Validation,
        (400, _) if !api.fields.is_empty() => CcproReason::Validation,
        _ => CcproReason::Other,
    };
    CcproError {
        status,
        message,
        fields: api.fields.clone(),
        reason,
    }
}
