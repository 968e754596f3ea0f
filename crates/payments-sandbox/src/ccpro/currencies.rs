//! CCPro currencies: NOT YET EMULATED (placeholder of the room skeleton).

use axum::http::StatusCode;

use super::*;

pub(crate) fn list(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn history(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}

pub(crate) fn balances(_ctx: &mut Ctx<'_>) -> Reply {
    Err(ApiError::message(
        StatusCode::NOT_IMPLEMENTED,
        "not emulated yet",
    ))
}
