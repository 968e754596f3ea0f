//! CCPro kyc: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

/// PLACEHOLDER.
#[derive(Debug, Clone, Default)]
pub(crate) struct Kyc {
    pub(crate) level: String,

    pub(crate) status: String,
}

pub(crate) fn show(_ctx: &mut Ctx<'_>) -> Reply {
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

pub(crate) fn personal_data(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn address(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn document(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn video(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn edd(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn phone_add(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn phone_verify(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn phone_reverify(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn tick(_state: &mut CcproState, _now: u64) {}

pub(crate) fn control_review(
    _state: &mut CcproState,
    _id: &str,
    _input: &Input,
    _now: u64,
) -> Result<serde_json::Value, control::ControlError> {
    Err(control::ControlError::Bad("not emulated yet".to_owned()))
}
