//! Authentication: the platform JWT (RS512, `token` header), the users' bearer tokens, and
//! the three operations that issue and revoke them.

use axum::http::{HeaderMap, StatusCode, header};
use jsonwebtoken::{Algorithm, Validation};
use serde_json::{Map, Value, json};

use super::*;

/// The claims of a verified platform JWT that name a user (authenticate-jwt).
#[derive(Debug, Clone, Default)]
pub(crate) struct UserClaims {
    pub(crate) email: Option<String>,
    pub(crate) id: Option<String>,
}

fn jwt_invalid() -> ApiError {
    ApiError::message(StatusCode::UNAUTHORIZED, "JWT payload invalid.")
}

fn no_valid_data(field: &str, text: &str) -> ApiError {
    let mut errors = Map::new();
    errors.insert(field.to_owned(), Value::String(text.to_owned()));
    ApiError::with_errors(StatusCode::FORBIDDEN, "No valid data sent", errors)
}

/// Verifies the platform JWT of a [`Auth::Platform`] or [`Auth::PlatformUser`] row (step 2
/// of the module docs); answers the user it names for the latter.
pub(crate) fn verify_platform_jwt(
    sandbox: &Sandbox,
    route: &Route,
    params: &[(&'static str, String)],
    headers: &HeaderMap,
    now: u64,
) -> Result<UserClaims, ApiError> {
    let for_user = route.auth == Auth::PlatformUser;
    let platform = params
        .iter()
        .find(|(n, _)| *n == "platform")
        .map_or("", |(_, v)| v.as_str());
    let expected = sandbox.credentials().ccpro_platform_id.as_str();
    if !platform.eq_ignore_ascii_case(expected) {
        return Err(ApiError::not_found().because(format!(
            "no platform {platform:?}: the sandbox's platform is ccpro_platform_id {expected}"
        )));
    }
    let token = headers
        .get("token")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(token) = token else {
        let reason =
            "missing header: token (expected token: <RS512 platform JWT>, no Bearer prefix)";
        return Err(if for_user {
            ApiError::with_errors(StatusCode::BAD_REQUEST, "jwt must be provided", Map::new())
                .because(reason)
        } else {
            unauthenticated().because(reason)
        });
    };
    let key = sandbox.ccpro_key().map_err(|e| {
        ApiError::message(StatusCode::INTERNAL_SERVER_ERROR, "Server Error").because(e.to_owned())
    })?;
    let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
    let mut validation = Validation::new(Algorithm::RS512);
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let claims = jsonwebtoken::decode::<Map<String, Value>>(token, key, &validation)
        .map_err(|e| {
            jwt_invalid().because(crate::toolkit::jwt_refusal(
                e.kind(),
                token,
                "ccpro_public_key_pem",
                "RS512",
            ))
        })?
        .claims;
    let expire = match claims.get("expire") {
        None => {
            let reason = "the JWT has no expire claim (Unix seconds, not before the sandbox clock)";
            return Err(if for_user {
                no_valid_data("expire", "The expire field is required.").because(reason)
            } else {
                jwt_invalid().because(reason)
            });
        }
        Some(value) => match value.as_u64() {
            Some(expire) => expire,
            None => {
                let reason = format!(
                    "the JWT's expire claim ({value}) is not a whole number of Unix seconds (a JSON integer)"
                );
                return Err(if for_user {
                    no_valid_data("expire", "Invalid time in expire. Must be in future!")
                        .because(reason)
                } else {
                    jwt_invalid().because(reason)
                });
            }
        },
    };
    if expire < now {
        let reason = format!(
            "the JWT's expire claim failed: expire is {expire}, the sandbox clock is {now}, {} s past expire (GET /_sandbox/clock)",
            now - expire
        );
        return Err(if for_user {
            no_valid_data("expire", "Invalid time in expire. Must be in future!").because(reason)
        } else {
            ApiError::message(StatusCode::UNAUTHORIZED, "JWT is expired.").because(reason)
        });
    }
    let text = |name: &str| {
        claims
            .get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .filter(|s| !s.is_empty())
    };
    if for_user {
        let user = UserClaims {
            email: text("email"),
            id: text("id"),
        };
        if user.email.is_none() && user.id.is_none() {
            return Err(no_valid_data("email", "The email or id field is required.")
                .because("the JWT names no user: give an email or an id claim (a string)"));
        }
        return Ok(user);
    }
    match text("platform") {
        Some(claim) if claim.eq_ignore_ascii_case(platform) => Ok(UserClaims::default()),
        Some(claim) => Err(jwt_invalid().because(format!(
            "the JWT's platform claim ({claim}) is not the path's platform ({platform})"
        ))),
        None => Err(jwt_invalid().because(
            "the JWT has no platform claim (a string): it must equal the path's platform",
        )),
    }
}

/// The user of a bearer row's token (step 2 of the module docs), after the `{user}` and
/// account checks.
pub(crate) fn bearer_caller(
    state: &mut CcproState,
    route: &Route,
    params: &[(&'static str, String)],
    headers: &HeaderMap,
    now: u64,
) -> Result<Caller, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            unauthenticated()
                .because("missing header: Authorization (expected Authorization: Bearer <token>)")
        })?;
    let token = value
        .split_at_checked(7)
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("Bearer "))
        .map(|(_, token)| token.trim())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            unauthenticated()
                .because("the Authorization header is malformed: expected Bearer <token>")
        })?;
    let Some(found) = state.tokens.iter_mut().find(|t| t.id == token) else {
        return Err(unauthenticated()
            .because("the bearer token was not issued by this sandbox (authenticate or authenticate-jwt issue them)"));
    };
    if found.revoked {
        return Err(unauthenticated()
            .because("the bearer token was revoked (logout or securities invalidate)"));
    }
    if !found.valid(now) {
        return Err(unauthenticated().because(format!(
            "the bearer token expired: created at {}, ttl {} s, the sandbox clock is {now}",
            found.created_at, found.ttl
        )));
    }
    found.last_used_at = now;
    let user = found.user.clone();
    let token = found.id.clone();
    if let Some((_, path_user)) = params.iter().find(|(n, _)| *n == "user") {
        if *path_user != user {
            // The five operations whose docs show both 403 and 409 for this body: 403 for
            // another user's id, 409 for an id that names no user.
            let (status, whose) = if state.user(path_user).is_some() {
                (route.denied, "another user's id")
            } else {
                (StatusCode::CONFLICT, "no user's id")
            };
            return Err(
                ApiError::message(status, "This action is unauthorized.").because(format!(
                    "the path's user {path_user} is {whose}, not the token's user {user}"
                )),
            );
        }
        let active = state.user(&user).is_some_and(|u| u.is_active);
        if !active {
            let text = "Your account is inactive.";
            // Quote create words it under `error`, as its docs show.
            let error = if route.op.name == QUOTE_CREATE {
                ApiError::error(StatusCode::FORBIDDEN, text)
            } else {
                ApiError::message(StatusCode::FORBIDDEN, text)
            };
            return Err(error.because(
                "the user's e-mail is not verified (user-verify-email with the code of GET /_sandbox/ccpro/users/{user})",
            ));
        }
    }
    Ok(Caller::User { id: user, token })
}

/// The row whose inactive-account answer is `{"error": …}`.
const QUOTE_CREATE: &str = "quote-create";

fn token_json(token: &AccessToken) -> Value {
    json!({
        "id": token.id,
        "ttl": token.ttl,
        "created": token.created,
        "userId": token.user,
    })
}

/// authenticate-jwt: the platform logs in the user its JWT names by `email`, or by `id`
/// (the user's UUID, or the platform's own `userId` given at user create).
pub(crate) fn authenticate_jwt(ctx: &mut Ctx<'_>) -> Reply {
    let Caller::PlatformUser { email, id } = ctx.caller.clone() else {
        return Err(unauthenticated());
    };
    let platform = ctx.platform_id.to_owned();
    let user = ctx.state.users.iter().find(|u| {
        email
            .as_deref()
            .is_some_and(|e| u.email.eq_ignore_ascii_case(e))
            || id.as_deref().is_some_and(|i| {
                u.id == i
                    || u.platform.as_ref().is_some_and(|p| {
                        p.user_id == i && (p.id.is_empty() || p.id.eq_ignore_ascii_case(&platform))
                    })
            })
    });
    let Some(user) = user.map(|u| u.id.clone()) else {
        return Err(ApiError::not_found()
            .because("no user has the JWT's email or id (user-create registers one)"));
    };
    let token = ctx.state.issue_token(&user, ctx.now);
    ctx.state
        .security_event(&user, "login_platform", "Login via platform", ctx.now);
    ok(token_json(&token))
}

/// authenticate: e-mail and password.
pub(crate) fn authenticate(ctx: &mut Ctx<'_>) -> Reply {
    let mut errors = Map::new();
    for field in ["email", "password"] {
        if ctx.input.filled(field).is_none() {
            errors.insert(
                field.to_owned(),
                json!([format!("The {field} field is required.")]),
            );
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::with_errors(
            StatusCode::BAD_REQUEST,
            "Validation errors",
            errors,
        ));
    }
    let email = ctx.input.filled("email").unwrap_or_default();
    let password = ctx.input.text("password").unwrap_or_default();
    let wrong = || ApiError::with_errors(StatusCode::FORBIDDEN, "Wrong password", Map::new());
    let Some(user) = ctx.state.user_by_email(email) else {
        return Err(wrong().because("no user has this email"));
    };
    if user.password.is_empty() || user.password != password {
        return Err(wrong().because("the password is not the user's"));
    }
    let user = user.id.clone();
    let token = ctx.state.issue_token(&user, ctx.now);
    ctx.state.security_event(&user, "login", "Login", ctx.now);
    ok(token_json(&token))
}

/// logout: revokes every token of the caller.
pub(crate) fn logout(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    for token in ctx.state.tokens.iter_mut().filter(|t| t.user == user) {
        token.revoked = true;
    }
    ctx.state.security_event(&user, "logout", "Logout", ctx.now);
    ok(json!({ "logout": true }))
}
