//! CCPro platform: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

/// PLACEHOLDER.
#[derive(Debug, Clone, Default)]
pub(crate) struct Platform {
    pub(crate) name: String,
}

pub(crate) fn show(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn update(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn staff(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn users(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn calls(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}
