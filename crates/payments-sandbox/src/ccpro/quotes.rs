//! CCPro quotes: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

/// PLACEHOLDER.
#[derive(Debug, Clone, Default)]
pub(crate) struct Quote {
    pub(crate) id: String,

    pub(crate) public_id: String,

    pub(crate) user: String,

    pub(crate) status: String,
}

pub(crate) fn create(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn list(_ctx: &mut Ctx<'_>) -> Reply {
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

pub(crate) fn confirm(_ctx: &mut Ctx<'_>) -> Reply {
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
