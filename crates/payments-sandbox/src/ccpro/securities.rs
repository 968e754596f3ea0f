//! Securities: the user's security events (security-list), their access tokens
//! (security-access-tokens, security-invalidate-token) and their password
//! (security-change-password).
//!
//! Events are recorded where they happen (login, logout, registration, e-mail verified,
//! password changed or reset, token invalidated, self-delete). Tokens are shown masked as the
//! docs show them: the first 14 characters, then 24 `X`; security-invalidate-token takes
//! that masked form or the full token. While the account is scheduled for self-delete, the
//! list, the tokens and change-password answer 403 "Unable to process your request.".

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::*;

/// How many leading characters of a token its masked form keeps.
const MASK_KEEP: usize = 14;
/// How many `X` follow them.
const MASK_FILL: usize = 24;

/// A token as security-access-tokens shows it: `236605634f6b59XXXXXXXXXXXXXXXXXXXXXXXX`.
pub(crate) fn masked(token: &str) -> String {
    let kept: String = token.chars().take(MASK_KEEP).collect();
    format!("{kept}{}", "X".repeat(MASK_FILL))
}

/// 403 "Unable to process your request." while the caller's account is scheduled for
/// self-delete.
fn closing(ctx: &Ctx<'_>) -> Result<(), ApiError> {
    match ctx
        .state
        .user(ctx.user_id())
        .and_then(|u| u.self_deleted_at)
    {
        Some(at) => Err(
            ApiError::forbidden("Unable to process your request.").because(format!(
                "the account is scheduled for self-delete since {at} (account-close-abort lifts it)"
            )),
        ),
        None => Ok(()),
    }
}

/// "User" for "user": the docs' capitalised `by`.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// security-list: the user's security events, newest first.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    closing(ctx)?;
    let user = ctx.user_id();
    let items: Vec<Value> = ctx
        .state
        .security_events
        .iter()
        .rev()
        .filter(|e| e.user == user)
        .map(|e| {
            json!({
                "code": e.code,
                "name": e.name,
                "by": capitalised(&e.by),
                "ip": e.ip,
                "createdAt": e.created_at,
            })
        })
        .collect();
    ok(Value::Array(items))
}

/// security-access-tokens: the user's tokens that still authenticate, newest first, masked;
/// `you` marks the token of this call.
pub(crate) fn access_tokens(ctx: &mut Ctx<'_>) -> Reply {
    closing(ctx)?;
    let (user, current, now) = (ctx.user_id(), ctx.token(), ctx.now);
    let items: Vec<Value> = ctx
        .state
        .tokens
        .iter()
        .rev()
        .filter(|t| t.user == user && t.valid(now))
        .map(|t| {
            json!({
                "type": "api",
                "you": t.id == current,
                "token": masked(&t.id),
                "lastUsedAt": t.last_used_at,
                "createdAt": t.created_at,
            })
        })
        .collect();
    ok(Value::Array(items))
}

/// A password field of change-password: required, 8 to 191 characters.
fn password<'a>(check: &mut Check<'a>, name: &str) -> Option<&'a str> {
    let value = check.input.text(name).filter(|v| !v.is_empty());
    let label = name.replace('_', " ");
    match value {
        None => check.fail(name, &format!("The {label} field is required.")),
        Some(v) if v.chars().count() < 8 => {
            check.fail(name, &format!("The {label} must be at least 8 characters."));
        }
        Some(v) if v.chars().count() > 191 => check.fail(
            name,
            &format!("The {label} may not be greater than 191 characters."),
        ),
        Some(v) => return Some(v),
    }
    None
}

/// security-change-password: the current password, then the new one.
pub(crate) fn change_password(ctx: &mut Ctx<'_>) -> Reply {
    closing(ctx)?;
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let current = password(&mut check, "current_password");
    let new = password(&mut check, "new_password");
    check.finish()?;
    let (Some(current), Some(new)) = (current, new) else {
        return Err(
            invalid("new_password", "The new password field is required.")
                .because("give current_password and new_password"),
        );
    };
    let (user_id, now) = (ctx.user_id().to_owned(), ctx.now);
    let Some(user) = ctx.state.user_mut(&user_id) else {
        return Err(ApiError::not_found().because("no such user in the sandbox"));
    };
    if !user.password_set {
        return Err(
            ApiError::message(StatusCode::CONFLICT, "Password cannot be changed.").because(
                "the user was created through the platform without a password (meta.passwordSet false): user-forgot-password and user-reset-password set one",
            ),
        );
    }
    if user.password != current {
        return Err(ApiError::message(
            StatusCode::PRECONDITION_FAILED,
            "The current password is incorrect.",
        )
        .because("current_password is not the user's password"));
    }
    user.password = new.to_owned();
    ctx.state
        .security_event(&user_id, "password_changed", "Password Changed", now);
    done("Password successfully changed.")
}

/// security-invalidate-token: revokes one of the user's tokens, named in full or in the
/// masked form of security-access-tokens. A token that is not one of the user's live tokens
/// answers 409 "This action is unauthorized.".
pub(crate) fn invalidate(ctx: &mut Ctx<'_>) -> Reply {
    let given = ctx.param("token").to_owned();
    let (user, now) = (ctx.user_id().to_owned(), ctx.now);
    let found = ctx
        .state
        .tokens
        .iter_mut()
        .find(|t| t.user == user && t.valid(now) && (t.id == given || masked(&t.id) == given));
    let Some(token) = found else {
        return Err(ApiError::message(
            StatusCode::CONFLICT,
            "This action is unauthorized.",
        )
        .because(
            "the path's token is none of the user's live tokens: give it in full or as security-access-tokens shows it",
        ));
    };
    token.revoked = true;
    ctx.state
        .security_event(&user, "token_invalidated", "Access Token Invalidated", now);
    done("This token has been successfully invalidated.")
}
