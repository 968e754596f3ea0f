//! CCPro cards: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

/// PLACEHOLDER.
#[derive(Debug, Clone, Default)]
pub(crate) struct Card {
    pub(crate) id: String,

    pub(crate) user: String,

    pub(crate) status: String,

    pub(crate) used: bool,
    pub(crate) created_at: u64,
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

pub(crate) fn update(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn delete(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}
