//! CCPro's control routes under `/_sandbox/ccpro` (no authentication): what a test needs to
//! reach every documented status without a back office. Each answers 200 with JSON, or 400
//! `{"message": …}` for a bad request, 404 for an unknown id.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{CcproState, Input, banks, checkouts, kyc, notifications, orders, quotes};
use crate::Sandbox;
use crate::toolkit::{decimal, json_response, message};

/// A control handler: the state, the path's id (empty when none), the JSON body, the clock.
type Control = fn(&mut CcproState, &str, &Input, u64) -> Result<Value, ControlError>;

/// Why a control call failed.
pub(crate) enum ControlError {
    /// 400 with the reason.
    Bad(String),
    /// 404 with what was not found.
    NotFound(String),
}

/// The control routes: path (under `/_sandbox/ccpro`), handler.
const ROUTES: &[(&str, Control)] = &[
    ("/users", create_user),
    ("/settings", settings),
    ("/balances", balances),
    ("/market", market),
    ("/users/{id}/kyc", kyc::control_review),
    ("/orders/{id}", orders::control_decide),
    (
        "/users/{id}/payment-methods",
        quotes::control_payment_method,
    ),
    ("/users/{id}/self-delete", quotes::control_self_delete),
    ("/checkouts", checkouts::control_create),
    ("/checkouts/{id}", checkouts::control_update),
    (
        "/users/{id}/notifications",
        notifications::control_availability,
    ),
    ("/resources/{id}", banks::control_resource),
];

pub(crate) fn router() -> Router<Sandbox> {
    let mut router = Router::new()
        .route("/_sandbox/ccpro/users/{id}", get(user))
        .route("/_sandbox/ccpro/settings", get(show_settings));
    for &(path, control) in ROUTES {
        let with_id = path.contains("{id}");
        let full = format!("/_sandbox/ccpro{path}");
        router = if with_id {
            router.route(
                &full,
                post(
                    move |state: State<Sandbox>, Path(id): Path<String>, body: Bytes| {
                        run(control, state, id, body)
                    },
                ),
            )
        } else {
            router.route(
                &full,
                post(move |state: State<Sandbox>, body: Bytes| {
                    run(control, state, String::new(), body)
                }),
            )
        };
    }
    router
}

async fn run(
    control: Control,
    State(sandbox): State<Sandbox>,
    id: String,
    body: Bytes,
) -> Response {
    let input = match Input::read(
        Some(&axum::http::HeaderValue::from_static("application/json")),
        &body,
        false,
    ) {
        Ok(input) => input,
        Err(_) => return message(StatusCode::BAD_REQUEST, "body: must be a JSON object"),
    };
    let now = sandbox.now_secs();
    let mut guard = sandbox.lock();
    let state = &mut guard.ccpro;
    state.tick(now);
    match control(state, &id, &input, now) {
        Ok(value) => json_response(StatusCode::OK, &value),
        Err(ControlError::Bad(reason)) => message(StatusCode::BAD_REQUEST, &reason),
        Err(ControlError::NotFound(what)) => message(StatusCode::NOT_FOUND, &what),
    }
}

/// `GET /_sandbox/ccpro/users/{id}` (a UUID or an e-mail): the user's codes, as the e-mails
/// and SMS CCPro would send would carry them.
async fn user(State(sandbox): State<Sandbox>, Path(id): Path<String>) -> Response {
    let now = sandbox.now_secs();
    let mut guard = sandbox.lock();
    let state = &mut guard.ccpro;
    state.tick(now);
    let found = state
        .users
        .iter()
        .find(|u| u.id == id || u.email.eq_ignore_ascii_case(&id));
    match found {
        Some(u) => json_response(
            StatusCode::OK,
            &json!({
                "id": u.id,
                "email": u.email,
                "isActive": u.is_active,
                "emailCode": u.email_code,
                "smsCode": u.sms_code,
                "resetToken": u.reset_token,
                "selfDeletedAt": u.self_deleted_at,
            }),
        ),
        None => message(StatusCode::NOT_FOUND, "no CCPro user has this id or e-mail"),
    }
}

async fn show_settings(State(sandbox): State<Sandbox>) -> Response {
    json_response(StatusCode::OK, &sandbox.lock().ccpro.settings)
}

/// `POST /_sandbox/ccpro/users` `{"email"?, "password"?, "active"?, "platformUserId"?}`:
/// registers a user at once (active unless `"active": false`, no e-mail to verify) and logs
/// them in: `{"id", "email", "password", "token"}`. What user-create, the e-mailed code and
/// authenticate do in three calls, for tests that need a user, not that flow.
fn create_user(
    state: &mut CcproState,
    _: &str,
    input: &Input,
    now: u64,
) -> Result<Value, ControlError> {
    let n = state.users.len() + 1;
    let email = input
        .filled("email")
        .map_or_else(|| format!("user{n}@sandbox.test"), str::to_owned);
    if state.user_by_email(&email).is_some() {
        return Err(ControlError::Bad(format!(
            "email: {email} is already registered"
        )));
    }
    let password = input
        .text("password")
        .map_or_else(|| "sandbox-password".to_owned(), str::to_owned);
    let active = flag(input, "active")?.unwrap_or(true);
    let id = state.uuid();
    let email_code = state.code();
    let platform = input
        .filled("platformUserId")
        .map(|user_id| super::PlatformLink {
            id: String::new(),
            user_id: user_id.to_owned(),
            email: email.clone(),
            username: String::new(),
            referral_id: String::new(),
        });
    state.users.push(super::User {
        id: id.clone(),
        email: email.clone(),
        password: password.clone(),
        is_active: active,
        trade_status: true,
        language: "en".to_owned(),
        theme: "light".to_owned(),
        source: "api".to_owned(),
        password_set: true,
        created_at: now,
        email_code,
        email_code_sent_at: now,
        platform,
        ..super::User::default()
    });
    let token = state.issue_token(&id, now);
    Ok(json!({ "id": id, "email": email, "password": password, "token": token.id }))
}

fn whole(input: &Input, name: &str) -> Result<Option<u64>, ControlError> {
    input
        .text(name)
        .map(|t| {
            t.parse::<u64>()
                .map_err(|_| ControlError::Bad(format!("{name}: must be a whole number")))
        })
        .transpose()
}

fn flag(input: &Input, name: &str) -> Result<Option<bool>, ControlError> {
    input
        .text(name)
        .map(|t| match t {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(ControlError::Bad(format!("{name}: must be true or false"))),
        })
        .transpose()
}

/// `POST /_sandbox/ccpro/settings`: any of the fields of [`super::CcproSettings`].
fn settings(state: &mut CcproState, _: &str, input: &Input, _: u64) -> Result<Value, ControlError> {
    let known = [
        "review_delay_seconds",
        "payment_delay_seconds",
        "video_slots_available",
        "quote_life_seconds",
        "transfer_life_seconds",
        "transfer_commission_percent",
        "token_ttl_seconds",
        "daily_document_quota",
    ];
    if let Some(unknown) = input.names().find(|n| !known.contains(n)) {
        return Err(ControlError::Bad(format!(
            "{unknown}: not a setting; one of {}",
            known.join(", ")
        )));
    }
    let mut next = state.settings.clone();
    if let Some(v) = whole(input, "review_delay_seconds")? {
        next.review_delay_seconds = v;
    }
    if let Some(v) = whole(input, "payment_delay_seconds")? {
        next.payment_delay_seconds = v;
    }
    if let Some(v) = flag(input, "video_slots_available")? {
        next.video_slots_available = v;
    }
    if let Some(v) = whole(input, "quote_life_seconds")? {
        next.quote_life_seconds = v;
    }
    if let Some(v) = whole(input, "transfer_life_seconds")? {
        next.transfer_life_seconds = v;
    }
    if let Some(t) = input.text("transfer_commission_percent") {
        next.transfer_commission_percent = decimal(t)
            .filter(|d| !d.is_sign_negative() && *d < rust_decimal::Decimal::ONE_HUNDRED)
            .ok_or_else(|| {
                ControlError::Bad(
                    "transfer_commission_percent: must be a number from 0 to 100".to_owned(),
                )
            })?;
    }
    if let Some(v) = whole(input, "token_ttl_seconds")? {
        next.token_ttl_seconds = v;
    }
    if let Some(v) = whole(input, "daily_document_quota")? {
        next.daily_document_quota = u32::try_from(v)
            .map_err(|_| ControlError::Bad("daily_document_quota: too large".to_owned()))?;
    }
    state.settings = next;
    serde_json::to_value(&state.settings).map_err(|e| ControlError::Bad(e.to_string()))
}

/// `POST /_sandbox/ccpro/balances` `{"user", "asset", "available", "pending"?}`: sets a
/// user's balance of an asset (what deposits and trades outside the API would do).
fn balances(state: &mut CcproState, _: &str, input: &Input, _: u64) -> Result<Value, ControlError> {
    let text = |name: &str| {
        input
            .filled(name)
            .ok_or_else(|| ControlError::Bad(format!("{name}: required")))
    };
    let user = text("user")?.to_owned();
    if state.user(&user).is_none() {
        return Err(ControlError::NotFound(format!("no CCPro user {user}")));
    }
    let asset = text("asset")?.to_owned();
    if state.market.asset(&asset).is_none() {
        return Err(ControlError::Bad(format!(
            "asset: {asset} is not one of the market's assets"
        )));
    }
    let amount = |name: &str| {
        input
            .text(name)
            .map(|t| {
                decimal(t).filter(|d| !d.is_sign_negative()).ok_or_else(|| {
                    ControlError::Bad(format!("{name}: must be a number, at least 0"))
                })
            })
            .transpose()
    };
    let available = amount("available")?;
    let pending = amount("pending")?;
    let balance = state.balance_mut(&user, &asset);
    if let Some(a) = available {
        balance.available = a;
    }
    if let Some(p) = pending {
        balance.pending = p;
    }
    Ok(json!({
        "user": user,
        "asset": asset,
        "available": balance.available.to_string(),
        "pending": balance.pending.to_string(),
    }))
}

/// `POST /_sandbox/ccpro/market` `{"asset", "eur"?, "operation"?, "enabled"?}`: sets an
/// asset's value in EUR, or switches an operation (`buy_with_fiat`, `sell_to_fiat`,
/// `buy_with_crypto`, `sell_to_crypto`, `withdraw`, `withdrawIco` or `withdraw_ico`) on or
/// off for it.
fn market(state: &mut CcproState, _: &str, input: &Input, _: u64) -> Result<Value, ControlError> {
    let asset = input
        .filled("asset")
        .ok_or_else(|| ControlError::Bad("asset: required".to_owned()))?
        .to_owned();
    let Some(index) = state.market.assets.iter().position(|a| a.symbol == asset) else {
        return Err(ControlError::Bad(format!(
            "asset: {asset} is not one of the market's assets"
        )));
    };
    if let Some(t) = input.text("eur") {
        let eur = decimal(t)
            .filter(|d| d.is_sign_positive() && !d.is_zero())
            .ok_or_else(|| ControlError::Bad("eur: must be a number above 0".to_owned()))?;
        if let Some(a) = state.market.assets.get_mut(index) {
            a.eur = eur;
        }
    }
    if let Some(name) = input.filled("operation") {
        let op = super::market::PriceOp::from_name(name).ok_or_else(|| {
            ControlError::Bad(format!("operation: {name} is not a priced operation"))
        })?;
        let enabled = flag(input, "enabled")?
            .ok_or_else(|| ControlError::Bad("enabled: required with operation".to_owned()))?;
        state
            .market
            .disabled
            .retain(|(o, s)| !(*o == op && *s == asset));
        if !enabled {
            state.market.disabled.push((op, asset.clone()));
        }
    }
    let a = state.market.assets.get(index).map(|a| a.eur.to_string());
    Ok(json!({ "asset": asset, "eur": a }))
}
