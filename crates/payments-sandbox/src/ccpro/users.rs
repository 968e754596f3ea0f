//! Users: registration (user-create), the e-mail code (user-verify-email,
//! user-reverify-email), the password reset (user-forgot-password, user-reset-password) and
//! the profile (user-profile).
//!
//! - user-create registers an inactive user with a 6-digit e-mail code, revealed by
//!   `GET /_sandbox/ccpro/users/{id-or-email}` (`emailCode`), as the e-mail would carry it.
//!   With `platform.id` (the sandbox's platform id) the user is linked to the platform
//!   (`meta.registerType` `"linked"`, else `"direct"`), may have no password
//!   (`meta.passwordSet` false), and the platform's IEN is notified (platform-calls).
//! - user-verify-email with that code activates the account; user-reverify-email sends a new
//!   code, at most once per 24 hours on the sandbox clock.
//! - user-forgot-password issues a reset token (the control route's `resetToken`), valid for
//!   an hour; user-reset-password spends it.

use serde_json::{Value, json};

use super::banks::Bank;
use super::cards::Card;
use super::platform::linked;
use super::wallets::Wallet;
use super::*;
use crate::toolkit::{countries, is_date};

/// How long a password-reset token is valid, in seconds (Laravel's default hour).
pub(crate) const RESET_TOKEN_LIFE_SECONDS: u64 = 3600;

/// How long before a new verification e-mail may be sent, in seconds.
pub(crate) const REVERIFY_INTERVAL_SECONDS: u64 = 86_400;

impl User {
    /// The user as other resources embed it (checkout, platform orders, quotes, checkouts):
    /// `id`, flags, `options`, `meta`, `selfDeletedAt`, `createdAt`.
    pub(crate) fn json(&self) -> Value {
        let mut value = self.own_json();
        if let Value::Object(map) = &mut value {
            map.remove("uuid");
            map.insert("id".to_owned(), Value::String(self.id.clone()));
        }
        value
    }

    /// The user as user-create and user-profile show it to the user: the id under `uuid`.
    pub(crate) fn own_json(&self) -> Value {
        json!({
            "uuid": self.id,
            "isActive": self.is_active,
            "tradeStatus": self.trade_status,
            "email": self.email,
            "options": { "language": self.language, "theme": self.theme },
            "meta": { "source": self.source, "passwordSet": self.password_set },
            "selfDeletedAt": self.self_deleted_at,
            "createdAt": self.created_at,
        })
    }
}

fn too_long(check: &mut Check<'_>, name: &str, value: &str, max: usize) -> bool {
    if value.chars().count() > max {
        check.fail(
            name,
            &format!("The {name} may not be greater than {max} characters."),
        );
        return true;
    }
    false
}

fn alpha_dash(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// user-create.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let email = check.email("email", true);
    if let Some(e) = email
        && !too_long(&mut check, "email", e, 191)
        && ctx.state.user_by_email(e).is_some()
    {
        check.fail("email", "The email has already been taken.");
    }
    let platform_id = check.optional("platform.id");
    if platform_id.is_some_and(|p| !p.eq_ignore_ascii_case(ctx.platform_id)) {
        check.fail("platform.id", "The selected platform.id is invalid.");
    }
    let password = input.text("password").filter(|p| !p.is_empty());
    match password {
        None if platform_id.is_none() => check.fail(
            "password",
            "The password field is required when platform.id is not present.",
        ),
        Some(p) if p.chars().count() < 8 => {
            check.fail("password", "The password must be at least 8 characters.");
        }
        Some(p) => {
            too_long(&mut check, "password", p, 191);
        }
        None => {}
    }
    for name in ["firstName", "lastName"] {
        if let Some(v) = check.required(name) {
            if !v.chars().all(|c| c.is_alphabetic() || c == ' ') {
                check.fail(
                    name,
                    &format!("The {name} may only contain letters and spaces."),
                );
            } else {
                too_long(&mut check, name, v, 191);
            }
        }
    }
    if let Some(dob) = check.required("dateOfBirth") {
        let limit = super::dates::adult_limit(ctx.now);
        if !is_date(dob) {
            check.fail(
                "dateOfBirth",
                "The dateOfBirth does not match the format Y-m-d.",
            );
        } else if dob > limit.as_str() {
            check.fail(
                "dateOfBirth",
                &format!("The dateOfBirth must be a date before or equal to {limit}."),
            );
        }
    }
    if let Some(phone) = check.optional("phone") {
        if !phone.chars().all(|c| c.is_ascii_digit()) {
            check.fail("phone", "The phone must be a number.");
        } else if !(7..=15).contains(&phone.len()) {
            check.fail("phone", "The phone must be between 7 and 15 digits.");
        }
    }
    if let Some(country) = check.optional("address.country")
        && !countries::is_alpha2(country)
    {
        check.fail(
            "address.country",
            "The address.country must be a valid ISO 3166-1 alpha-2 country code.",
        );
    }
    for name in ["address.city", "address.street"] {
        if let Some(v) = check.optional(name) {
            too_long(&mut check, name, v, 191);
        }
    }
    if let Some(zip) = check.optional("address.zip") {
        if !zip.chars().all(char::is_alphanumeric) {
            check.fail(
                "address.zip",
                "The address.zip may only contain letters and numbers.",
            );
        } else if !(4..=10).contains(&zip.chars().count()) {
            check.fail(
                "address.zip",
                "The address.zip must be between 4 and 10 characters.",
            );
        }
    }
    if let Some(v) = check.optional("platform.userId") {
        too_long(&mut check, "platform.userId", v, 191);
    }
    check.email("platform.email", false);
    for name in ["platform.username", "platform.referralId"] {
        if let Some(v) = check.optional(name) {
            if !alpha_dash(v) {
                check.fail(
                    name,
                    &format!(
                        "The {name} may only contain letters, numbers, dashes and underscores."
                    ),
                );
            } else {
                too_long(&mut check, name, v, 191);
            }
        }
    }
    let redirect = check.optional("redirectTo");
    if redirect.is_some_and(|r| !super::platform::is_url(r)) {
        check.fail("redirectTo", "The redirectTo format is invalid.");
    }
    check.finish()?;

    let email = email.unwrap_or_default().to_owned();
    let id = ctx.state.uuid();
    let email_code = ctx.state.code();
    let text = |name: &str| input.filled(name).unwrap_or_default().to_owned();
    let link = platform_id.map(|_| PlatformLink {
        id: ctx.platform_id.to_owned(),
        user_id: text("platform.userId"),
        email: input
            .filled("platform.email")
            .map_or_else(|| email.clone(), str::to_owned),
        username: text("platform.username"),
        referral_id: text("platform.referralId"),
    });
    let user = User {
        id: id.clone(),
        email: email.clone(),
        password: password.unwrap_or_default().to_owned(),
        is_active: false,
        trade_status: true,
        language: "en".to_owned(),
        theme: "light".to_owned(),
        source: "api".to_owned(),
        password_set: password.is_some(),
        created_at: ctx.now,
        email_code,
        email_code_sent_at: ctx.now,
        first_name: text("firstName"),
        last_name: text("lastName"),
        date_of_birth: text("dateOfBirth"),
        phone: text("phone"),
        country: text("address.country"),
        city: text("address.city"),
        zip: text("address.zip"),
        street: text("address.street"),
        platform: link.clone(),
        ..User::default()
    };
    let body = json!({
        "data": user.own_json(),
        "meta": {
            "redirectTo": redirect,
            "registerType": if link.is_some() { "linked" } else { "direct" },
        },
    });
    ctx.state.users.push(user);
    ctx.state
        .security_event(&id, "register", "Register", ctx.now);
    if let Some(link) = link {
        ctx.state.record_call(
            json!({
                "event": "user.created",
                "user": { "id": id, "email": email, "platformUserId": link.user_id },
            }),
            ctx.now,
        );
    }
    Ok(super::respond(axum::http::StatusCode::CREATED, &body))
}

/// The user an `id` or `email` field names (user-verify-email, user-reverify-email): 422
/// when neither is given or they name nobody.
fn named_user(ctx: &Ctx<'_>, check: &mut Check<'_>) -> Option<String> {
    let id = check.optional("id");
    let email = check.optional("email");
    if id.is_none() && email.is_none() {
        check.fail("id", "The id field is required when email is not present.");
        check.fail(
            "email",
            "The email field is required when id is not present.",
        );
        return None;
    }
    let user = match (id, email) {
        (Some(id), _) => {
            let found = ctx.state.user(id);
            if found.is_none() {
                check.fail("id", "The selected id is invalid.");
            }
            found
        }
        (None, Some(email)) => {
            let found = ctx.state.user_by_email(email);
            if found.is_none() {
                check.fail("email", "The selected email is invalid.");
            }
            found
        }
        (None, None) => None,
    }?;
    if email.is_some_and(|e| !user.email.eq_ignore_ascii_case(e)) {
        check.fail("email", "The selected email is invalid.");
        return None;
    }
    Some(user.id.clone())
}

fn already_active() -> ApiError {
    ApiError::error(
        axum::http::StatusCode::LOCKED,
        "The user account is already active.",
    )
    .because("the e-mail is verified already: log in with authenticate")
}

/// user-verify-email: the code of the e-mail activates the account.
pub(crate) fn verify_email(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let user = named_user(ctx, &mut check);
    let code = check.required("code");
    check.finish()?;
    let (Some(user), Some(code)) = (user, code) else {
        return Err(
            invalid("code", "The code field is required.").because("give code, and id or email")
        );
    };
    let now = ctx.now;
    let Some(found) = ctx.state.user_mut(&user) else {
        return Err(ApiError::not_found().because("no such user in the sandbox"));
    };
    if found.is_active {
        return Err(already_active());
    }
    if found.email_code != code {
        return Err(invalid("code", "The selected Code is invalid.").because(
            "the code is not the user's latest e-mail code (GET /_sandbox/ccpro/users/{user}: emailCode)",
        ));
    }
    found.is_active = true;
    let link = found.platform.clone();
    let email = found.email.clone();
    ctx.state
        .security_event(&user, "email_verified", "Email Verified", now);
    if link.is_some() {
        ctx.state.record_call(
            json!({ "event": "user.verified", "user": { "id": user, "email": email } }),
            now,
        );
    }
    done("User account successfully verified.")
}

/// user-reverify-email: a new e-mail code, at most once per 24 hours.
pub(crate) fn reverify_email(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let user = named_user(ctx, &mut check);
    check.finish()?;
    let Some(user) = user else {
        return Err(invalid("id", "The selected id is invalid.")
            .because("give id or email of a registered user"));
    };
    let now = ctx.now;
    let Some(found) = ctx.state.user(&user) else {
        return Err(ApiError::not_found().because("no such user in the sandbox"));
    };
    if found.is_active {
        return Err(already_active());
    }
    let next = found
        .email_code_sent_at
        .saturating_add(REVERIFY_INTERVAL_SECONDS);
    if now < next {
        return Err(ApiError::forbidden(
            "You can resubmit email verification once per day.",
        )
        .because(format!(
            "the last e-mail was sent at {}; the next may be sent from {next} (sandbox clock {now}); the code sent is still valid",
            found.email_code_sent_at
        )));
    }
    let code = ctx.state.code();
    if let Some(found) = ctx.state.user_mut(&user) {
        found.email_code = code;
        found.email_code_sent_at = now;
    }
    done("Email resended.")
}

/// `{"data":{"message": text}}` with 200 (the password reset's answers).
fn data_message(text: &str) -> Reply {
    ok(json!({ "message": text }))
}

/// user-forgot-password: issues a reset token (the control route's `resetToken`). `type` is
/// not checked: it only says how the e-mail shows the token.
pub(crate) fn forgot_password(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let email = check.email("email", true);
    let mut user = None;
    if let Some(e) = email
        && !too_long(&mut check, "email", e, 255)
    {
        user = ctx.state.user_by_email(e).map(|u| u.id.clone());
        if user.is_none() {
            check.fail("email", "The email was not found.");
        }
    }
    // `type` (`text`, the default, or `link`) only shapes the e-mail; the docs give no rule
    // for other values (their own example sends a filler word), so any reads as `text`.
    check.finish()?;
    let Some(user) = user else {
        return Err(invalid("email", "The email was not found.").because("no user has this email"));
    };
    let token = ctx.state.secret(64);
    let now = ctx.now;
    if let Some(found) = ctx.state.user_mut(&user) {
        found.reset_token = Some(token);
        found.reset_token_sent_at = now;
    }
    data_message("The password reset process has started.")
}

/// user-reset-password: the e-mail's token sets a new password.
pub(crate) fn reset_password(ctx: &mut Ctx<'_>) -> Reply {
    let input = ctx.input.clone();
    let mut check = Check::new(&input);
    let email = check.email("email", true);
    if let Some(e) = email {
        too_long(&mut check, "email", e, 255);
    }
    let token = check.required("token");
    if let Some(t) = token {
        too_long(&mut check, "token", t, 255);
    }
    let password = check.required("password");
    if let Some(p) = password {
        if p.chars().count() < 8 {
            check.fail("password", "The password must be at least 8 characters.");
        } else {
            too_long(&mut check, "password", p, 191);
        }
    }
    check.finish()?;
    let (Some(email), Some(token), Some(password)) = (email, token, password) else {
        return Err(
            invalid("token", "The token is invalid.").because("give email, token and password")
        );
    };
    let now = ctx.now;
    let bad = |why: &str| invalid("token", "The token is invalid.").because(why.to_owned());
    let Some(id) = ctx.state.user_by_email(email).map(|u| u.id.clone()) else {
        return Err(bad("no user has this email"));
    };
    let Some(user) = ctx.state.user_mut(&id) else {
        return Err(bad("no user has this email"));
    };
    if user.reset_token.as_deref() != Some(token) {
        return Err(bad(
            "the token is not the user's pending reset token (user-forgot-password issues one; GET /_sandbox/ccpro/users/{user}: resetToken)",
        ));
    }
    if now
        >= user
            .reset_token_sent_at
            .saturating_add(RESET_TOKEN_LIFE_SECONDS)
    {
        user.reset_token = None;
        return Err(bad(&format!(
            "the reset token expired {RESET_TOKEN_LIFE_SECONDS} s after user-forgot-password; ask for a new one"
        )));
    }
    user.password = password.to_owned();
    user.password_set = true;
    user.reset_token = None;
    ctx.state
        .security_event(&id, "password_reset", "Password Reset", now);
    data_message("The password has been successfully changed.")
}

/// user-profile: the user with their KYC (the KYC area's profile form), wallets, cards, banks
/// and platforms.
pub(crate) fn profile(ctx: &mut Ctx<'_>) -> Reply {
    let Some(user) = ctx.state.user(ctx.user_id()) else {
        return Err(ApiError::not_found().because("no such user in the sandbox"));
    };
    let state = &*ctx.state;
    let mut value = user.own_json();
    if let Value::Object(map) = &mut value {
        map.insert("kyc".to_owned(), super::kyc::profile_json(state, &user.id));
        let mine = |owner: &str| owner == user.id;
        let wallets = state.wallets.iter().filter(|w| mine(&w.user));
        let cards = state.cards.iter().filter(|c| mine(&c.user));
        let banks = state.banks.iter().filter(|b| mine(&b.user));
        map.insert("wallets".to_owned(), wallets.map(Wallet::json).collect());
        map.insert("cards".to_owned(), cards.map(Card::json).collect());
        map.insert("banks".to_owned(), banks.map(Bank::json).collect());
        let platforms: Vec<Value> = linked(user, ctx.platform_id)
            .map(|_| {
                let p = &state.platform;
                json!({
                    "code": p.code,
                    "name": p.name,
                    "active": true,
                    "url": p.base_url,
                    "createdAt": user.created_at,
                })
            })
            .into_iter()
            .collect();
        map.insert("externalPlatforms".to_owned(), Value::Array(platforms));
    }
    ok(value)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_adult_was_born_18_years_before_today() {
        // 2023-11-14: an adult was born by 2005-11-14.
        assert_eq!(super::dates::adult_limit(1_700_000_000), "2005-11-14");
    }

    #[test]
    fn the_nested_user_is_named_id_and_the_users_own_form_uuid() {
        let user = User {
            id: "u1".to_owned(),
            self_deleted_at: Some(7),
            ..User::default()
        };
        assert_eq!(user.json()["id"], "u1");
        assert!(user.json().get("uuid").is_none());
        assert_eq!(user.own_json()["uuid"], "u1");
        assert!(user.own_json().get("id").is_none());
        assert_eq!(user.json()["selfDeletedAt"], 7);
    }
}
