//! Closing an account (account-close-initiate, account-close-abort).
//!
//! Initiate schedules the account for self-delete (`selfDeletedAt` = the sandbox clock), with
//! the user's password, once no balance is available and at most once per 24 hours; abort
//! lifts it. While scheduled, quote-create answers 412, and the securities
//! list, access tokens and change-password 403 "Unable to process your request.". The
//! sandbox never deletes the account by itself.

use axum::http::StatusCode;

use super::*;

/// How long before self-delete may be requested again, in seconds.
pub(crate) const REQUEST_INTERVAL_SECONDS: u64 = 86_400;

/// The assets of which `user` has a balance available, if any (412).
fn available_assets(state: &CcproState, user: &str) -> Vec<String> {
    state
        .balances
        .iter()
        .filter(|((owner, _), b)| owner == user && b.available > rust_decimal::Decimal::ZERO)
        .map(|((_, asset), _)| asset.clone())
        .collect()
}

fn balance_refusal(reason: String) -> ApiError {
    ApiError::message(
        StatusCode::PRECONDITION_FAILED,
        "Self Delete Account procedure unavailable due available balance",
    )
    .because(reason)
}

/// account-close-initiate: `password` must be the user's.
pub(crate) fn initiate(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let password = input.text("password").filter(|p| !p.is_empty());
    if password.is_none() {
        check.fail("password", "The password field is required.");
    }
    check.finish()?;
    let user_id = ctx.user_id().to_owned();
    let now = ctx.now;
    let Some(user) = ctx.state.user(&user_id) else {
        return Err(ApiError::not_found().because("no such user in the sandbox"));
    };
    if !user.password_set || Some(user.password.as_str()) != password {
        return Err(
            invalid("password", "The password is incorrect.").because(if user.password_set {
                "the password is not the user's"
            } else {
                "the user has no password (created through the platform): set one with user-forgot-password and user-reset-password"
            }),
        );
    }
    if let Some(at) = user.self_deleted_at {
        return Err(ApiError::message(
            StatusCode::GONE,
            "Your account is already scheduled for Self Delete.",
        )
        .because(format!(
            "self-delete was initiated at {at}; account-close-abort lifts it"
        )));
    }
    if let Some(at) = user.self_delete_requested_at {
        let next = at.saturating_add(REQUEST_INTERVAL_SECONDS);
        if now < next {
            return Err(ApiError::message(
                StatusCode::TOO_EARLY,
                "You can request Self Delete Account once per day.",
            )
            .because(format!(
                "self-delete was last requested at {at}; again from {next} (sandbox clock {now})"
            )));
        }
    }
    let assets = available_assets(ctx.state, &user_id);
    if !assets.is_empty() {
        return Err(balance_refusal(format!(
            "a balance is available in {}: sell or withdraw it first (or POST /_sandbox/ccpro/balances)",
            assets.join(", ")
        )));
    }
    if let Some(user) = ctx.state.user_mut(&user_id) {
        user.self_deleted_at = Some(now);
        user.self_delete_requested_at = Some(now);
    }
    ctx.state.security_event(
        &user_id,
        "self_delete_initiated",
        "Self Delete Initiated",
        now,
    );
    done("Self Delete Account procedure initiated. Please check your Email for confirmation.")
}

/// account-close-abort: lifts a scheduled self-delete. The docs give it the initiate's 412
/// too: the sandbox answers it when a balance became available while the account was
/// scheduled, until it is zero again.
pub(crate) fn abort(ctx: &mut Ctx<'_>) -> Reply {
    let user_id = ctx.user_id().to_owned();
    let now = ctx.now;
    let Some(user) = ctx.state.user(&user_id) else {
        return Err(ApiError::not_found().because("no such user in the sandbox"));
    };
    if user.self_deleted_at.is_none() {
        return Err(ApiError::message(
            StatusCode::GONE,
            "Your account is not scheduled for Self Delete.",
        )
        .because("nothing to abort: account-close-initiate schedules the self-delete"));
    }
    let assets = available_assets(ctx.state, &user_id);
    if !assets.is_empty() {
        return Err(balance_refusal(format!(
            "a balance became available in {} while the account was scheduled: the abort waits until it is zero again (POST /_sandbox/ccpro/balances)",
            assets.join(", ")
        )));
    }
    if let Some(user) = ctx.state.user_mut(&user_id) {
        user.self_deleted_at = None;
    }
    ctx.state
        .security_event(&user_id, "self_delete_aborted", "Self Delete Aborted", now);
    done("Self Delete Account procedure aborted.")
}
