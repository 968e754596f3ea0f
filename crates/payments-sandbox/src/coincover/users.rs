//! `/user` and `/user/{userId}/plan`: registrations and plans.

use super::*;

pub(crate) async fn create_user(
    _: Authorized,
    State(sandbox): State<Sandbox>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let user_id = parse_create_user(&body)?;
    let mut state = sandbox.lock();
    let users = &mut state.coincover.users;
    if users.contains_key(&user_id) {
        return Err(ApiError::new(
            "userId",
            "a user with this id already exists",
        ));
    }
    users.insert(user_id, None);
    Ok(StatusCode::CREATED.into_response())
}

pub(crate) async fn update_user(
    _: Authorized,
    State(sandbox): State<Sandbox>,
    user_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let user_id = path_user_id(user_id)?;
    parse_update_user(&body)?;
    if sandbox.lock().coincover.users.contains_key(&user_id) {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Ok(user_not_found())
    }
}

pub(crate) async fn create_plan(
    _: Authorized,
    State(sandbox): State<Sandbox>,
    user_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let user_id = path_user_id(user_id)?;
    let Some(level) = parse_plan(&body)? else {
        return Err(ApiError::new("levelUsd", "is required"));
    };
    Ok(match sandbox.lock().coincover.users.get_mut(&user_id) {
        Some(plan) => {
            *plan = Some(level);
            StatusCode::CREATED.into_response()
        }
        None => user_not_found(),
    })
}

pub(crate) async fn update_plan(
    _: Authorized,
    State(sandbox): State<Sandbox>,
    user_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let user_id = path_user_id(user_id)?;
    let level = parse_plan(&body)?;
    Ok(match sandbox.lock().coincover.users.get_mut(&user_id) {
        None => user_not_found(),
        Some(None) => message(StatusCode::NOT_FOUND, "Plan not found"),
        Some(Some(plan)) => {
            if let Some(level) = level {
                *plan = level;
            }
            StatusCode::CREATED.into_response()
        }
    })
}

pub(crate) fn user_not_found() -> Response {
    message(StatusCode::NOT_FOUND, "User not found")
}
