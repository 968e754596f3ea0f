//! CCPro users: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

pub(crate) fn forgot_password(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn reset_password(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn create(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn verify_email(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn reverify_email(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn profile(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}
