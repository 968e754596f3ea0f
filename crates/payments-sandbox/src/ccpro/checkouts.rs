//! CCPro checkouts (#13, #14, #44): the platform's hosted-checkout sessions.
//!
//! No API operation creates a checkout: the hosted checkout does, from the hand-off URL the
//! platform builds. The sandbox stands in for it with the control route
//! `POST /_sandbox/ccpro/checkouts` ([`control_create`]), which creates one in `created` (step
//! `account-details`), expiring at `expiredAt` on the sandbox clock ([`tick`]: `created` or
//! `processing` past `expiredAt` → `expired`). `POST /_sandbox/ccpro/checkouts/{id}`
//! ([`control_update`]) moves it as the hosted flow would: `processing`, `finished`, a
//! `step`, quote attempts.

use serde_json::{Value, json};

use super::*;

/// A checkout's life when the control route does not say: seven days, as the docs'
/// examples (`expiredAt` − `createdAt` = 604 800).
pub(crate) const DEFAULT_LIFE_SECONDS: u64 = 604_800;

/// Where the sandbox's hosted checkout would be (`url`).
const CHECKOUT_URL: &str = "https://checkout.sandbox.test";

/// The statuses: `created` → `processing` → `finished`, or `expired` at `expiredAt`.
const STATUSES: [&str; 4] = ["created", "processing", "finished", "expired"];

/// A checkout.
#[derive(Debug, Clone, Default)]
pub(crate) struct Checkout {
    pub(crate) id: String,
    /// The 8-character `publicId`.
    pub(crate) public_id: String,
    /// The user's id.
    pub(crate) user: String,
    /// `created`, `processing`, `finished` or `expired`.
    pub(crate) status: String,
    /// The hosted flow's page: `account-details`, `kyc`, …, `thank-you`.
    pub(crate) step: String,
    /// `attemptsQuote.count`: quotes made inside the checkout.
    pub(crate) attempts_count: u32,
    /// `attemptsQuote.limit` (the hand-off JWT's `payment.attempts`).
    pub(crate) attempts_limit: u32,
    /// The platform's `payment.request_id`.
    pub(crate) request_id: String,
    /// `bank` or `card`.
    pub(crate) payment_type: String,
    /// The end user's IP, once the hosted page saw it.
    pub(crate) ip: Option<String>,
    /// The hand-off URL.
    pub(crate) url: String,
    pub(crate) redirect_url: String,
    pub(crate) ping_url: String,
    pub(crate) expired_at: u64,
    pub(crate) created_at: u64,
}

/// The forms a checkout takes (§2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// checkout-list's items (#13): everything, with `user` and `externalPlatform`.
    Index,
    /// checkout-show (#14): no `redirectUrl`/`pingUrl`.
    Show,
    /// A quote's `checkout` (#36): no `user`, no `externalPlatform`.
    Embedded,
    /// platform-checkouts' items (#44): no `externalPlatform`.
    Platform,
}

/// The platform a checkout went through (`externalPlatform`): CCPro's own entry, as the
/// docs' examples show it (the sandbox has no other checkout front end).
fn external_platform() -> Value {
    json!({ "code": "CCPRO", "name": "CryptoCoin", "url": "https://app.cryptocoin.pro/" })
}

/// A checkout in `form`.
pub(crate) fn json(state: &CcproState, checkout: &Checkout, form: Form) -> Value {
    let mut value = json!({
        "id": checkout.id,
        "publicId": checkout.public_id,
        "status": checkout.status,
        "step": checkout.step,
        "attemptsQuote": {
            "count": checkout.attempts_count,
            "limit": checkout.attempts_limit,
        },
        "requestId": checkout.request_id,
        "paymentType": checkout.payment_type,
        "ip": checkout.ip,
        "url": checkout.url,
        "expiredAt": checkout.expired_at,
        "createdAt": checkout.created_at,
    });
    if form != Form::Show {
        value["redirectUrl"] = json!(checkout.redirect_url);
        value["pingUrl"] = json!(checkout.ping_url);
    }
    if form != Form::Embedded {
        value["user"] = super::orders::nested_user(state, &checkout.user);
    }
    if matches!(form, Form::Index | Form::Show) {
        value["externalPlatform"] = external_platform();
    }
    value
}

/// The checkout of `id` (its id or publicId), if any.
pub(crate) fn find<'a>(state: &'a CcproState, id: &str) -> Option<&'a Checkout> {
    state
        .checkouts
        .iter()
        .find(|c| c.id == id || c.public_id == id)
}

/// Expires the checkouts whose `expiredAt` has come.
pub(crate) fn tick(state: &mut CcproState, now: u64) {
    for c in &mut state.checkouts {
        if matches!(c.status.as_str(), "created" | "processing") && now >= c.expired_at {
            c.status = "expired".to_owned();
        }
    }
}

/// checkout-list (#13): the caller's checkouts, newest first, `?status=` filtering.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id();
    let status = ctx.query("status").filter(|s| !s.is_empty());
    let items: Vec<Value> = ctx
        .state
        .checkouts
        .iter()
        .rev()
        .filter(|c| c.user == user && status.is_none_or(|s| c.status == s))
        .map(|c| json(ctx.state, c, Form::Index))
        .collect();
    ok(Value::Array(items))
}

/// checkout-show (#14).
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    let id = ctx.param("checkout");
    match find(ctx.state, id) {
        Some(c) if c.user == ctx.user_id() => ok(json(ctx.state, c, Form::Show)),
        _ => Err(ApiError::not_found().because(format!(
            "no checkout {id} of this user (checkout-list lists them; the control route POST /_sandbox/ccpro/checkouts creates one)"
        ))),
    }
}

/// platform-checkouts (#44): every checkout of the platform's hosted checkout, newest first.
pub(crate) fn platform_list(ctx: &mut Ctx<'_>) -> Reply {
    let items: Vec<Value> = ctx
        .state
        .checkouts
        .iter()
        .rev()
        .map(|c| json(ctx.state, c, Form::Platform))
        .collect();
    ok(Value::Array(items))
}

fn whole(input: &Input, name: &str) -> Result<Option<u64>, control::ControlError> {
    input
        .filled(name)
        .map(|t| {
            t.parse::<u64>()
                .map_err(|_| control::ControlError::Bad(format!("{name}: must be a whole number")))
        })
        .transpose()
}

fn small(input: &Input, name: &str) -> Result<Option<u32>, control::ControlError> {
    whole(input, name)?
        .map(|n| {
            u32::try_from(n).map_err(|_| control::ControlError::Bad(format!("{name}: too large")))
        })
        .transpose()
}

/// `POST /_sandbox/ccpro/checkouts` `{"user", "requestId"?, "paymentType"?, "attempts"?,
/// "redirectUrl"?, "pingUrl"?, "lifeSeconds"?}`: what the hosted checkout does when the user
/// opens a platform's hand-off URL. `user` is an id or e-mail; `paymentType` `bank` (default)
/// or `card`; `attempts` the quote attempts allowed (3); `lifeSeconds` until `expiredAt`
/// (604 800). Answers the checkout as checkout-list shows it.
pub(crate) fn control_create(
    state: &mut CcproState,
    _: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    use control::ControlError::{Bad, NotFound};
    let known = [
        "user",
        "requestId",
        "paymentType",
        "attempts",
        "redirectUrl",
        "pingUrl",
        "lifeSeconds",
    ];
    if let Some(unknown) = input.names().find(|n| !known.contains(n)) {
        return Err(Bad(format!(
            "{unknown}: not a field; one of {}",
            known.join(", ")
        )));
    }
    let who = input
        .filled("user")
        .ok_or_else(|| Bad("user: required (a user's id or e-mail)".to_owned()))?;
    let Some(user) = state
        .users
        .iter()
        .find(|u| u.id == who || u.email.eq_ignore_ascii_case(who))
        .cloned()
    else {
        return Err(NotFound(format!("no CCPro user {who}")));
    };
    let payment_type = input.filled("paymentType").unwrap_or("bank").to_owned();
    if !["bank", "card"].contains(&payment_type.as_str()) {
        return Err(Bad("paymentType: bank or card".to_owned()));
    }
    let attempts = small(input, "attempts")?.unwrap_or(3);
    let life = whole(input, "lifeSeconds")?.unwrap_or(DEFAULT_LIFE_SECONDS);
    let request_id = match input.filled("requestId") {
        Some(r) => r.to_owned(),
        None => state.uuid(),
    };
    let id = state.uuid();
    let public_id = state.public_id();
    let url = format!(
        "{CHECKOUT_URL}?lang={}&display={}&resume=false&checkout={public_id}",
        user.language, user.theme
    );
    let checkout = Checkout {
        id,
        public_id,
        user: user.id.clone(),
        status: "created".to_owned(),
        step: "account-details".to_owned(),
        attempts_count: 0,
        attempts_limit: attempts,
        request_id,
        payment_type,
        ip: None,
        url,
        redirect_url: input.filled("redirectUrl").unwrap_or_default().to_owned(),
        ping_url: input.filled("pingUrl").unwrap_or_default().to_owned(),
        expired_at: now.saturating_add(life),
        created_at: now,
    };
    let value = json(state, &checkout, Form::Index);
    state.checkouts.push(checkout);
    Ok(value)
}

/// `POST /_sandbox/ccpro/checkouts/{id}` `{"status"?, "step"?, "attemptsCount"?}`: moves a
/// checkout (its id or publicId) as the hosted flow would: `status` `processing`,
/// `finished` or `expired` (forward only; an expired or finished checkout stays so), `step`
/// any page name, `attemptsCount` the quotes made (at most the limit). Answers the checkout.
pub(crate) fn control_update(
    state: &mut CcproState,
    id: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    use control::ControlError::{Bad, NotFound};
    let known = ["status", "step", "attemptsCount"];
    if let Some(unknown) = input.names().find(|n| !known.contains(n)) {
        return Err(Bad(format!(
            "{unknown}: not a field; one of {}",
            known.join(", ")
        )));
    }
    let Some(index) = state
        .checkouts
        .iter()
        .position(|c| c.id == id || c.public_id == id)
    else {
        return Err(NotFound(format!("no checkout {id}")));
    };
    let count = small(input, "attemptsCount")?;
    let status = input.filled("status");
    let Some(checkout) = state.checkouts.get_mut(index) else {
        return Err(NotFound(format!("no checkout {id}")));
    };
    if let Some(count) = count
        && count > checkout.attempts_limit
    {
        return Err(Bad(format!(
            "attemptsCount: at most the limit, {}",
            checkout.attempts_limit
        )));
    }
    if let Some(next) = status {
        let rank = |s: &str| STATUSES.iter().position(|x| *x == s);
        let Some(to) = rank(next).filter(|r| *r > 0) else {
            return Err(Bad("status: processing, finished or expired".to_owned()));
        };
        if matches!(checkout.status.as_str(), "finished" | "expired") {
            return Err(Bad(format!(
                "status: the checkout is {} already (at {}); it does not move on",
                checkout.status, checkout.expired_at
            )));
        }
        if rank(&checkout.status).is_some_and(|from| to < from) {
            return Err(Bad(format!(
                "status: a {} checkout does not go back to {next}",
                checkout.status
            )));
        }
        checkout.status = next.to_owned();
        if next == "expired" {
            checkout.expired_at = checkout.expired_at.min(now);
        }
    }
    if let Some(step) = input.filled("step") {
        checkout.step = step.to_owned();
    }
    if let Some(count) = count {
        checkout.attempts_count = count;
    }
    let checkout = checkout.clone();
    Ok(json(state, &checkout, Form::Index))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn keys(v: &Value) -> Vec<String> {
        v.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn a_quotes_checkout_has_the_documented_keys() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/ccpro/docs/order-show.response.200.json");
        // The docs' fixtures live in the repository, not in the packaged crate
        // (`cargo xtask package` runs these tests without them).
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let fixture: Value = serde_json::from_str(&text).unwrap();
        let want = &fixture["body"]["data"]["quote"]["checkout"];
        let state = CcproState::new(1);
        let got = json(&state, &Checkout::default(), Form::Embedded);
        assert_eq!(keys(want), keys(&got));
    }
}
