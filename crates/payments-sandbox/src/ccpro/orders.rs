//! CCPro orders: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

/// PLACEHOLDER.
#[derive(Debug, Clone, Default)]
pub(crate) struct Order {
    pub(crate) id: String,

    pub(crate) public_id: String,

    pub(crate) user: String,

    pub(crate) status: String,
}

pub(crate) fn list(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn coin_list(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn token_list(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn show(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn payment_proof(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn platform_list(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn tick(_state: &mut CcproState, _now: u64) {}

pub(crate) fn control_decide(
    _state: &mut CcproState,
    _id: &str,
    _input: &Input,
    _now: u64,
) -> Result<serde_json::Value, control::ControlError> {
    Err(control::ControlError::Bad("not emulated yet".to_owned()))
}
