//! CCPro transfers between two users: created by one (transfer-create: `send` makes the
//! creator the sender, `receive` the receiver), `pending` for
//! [`CcproSettings::transfer_life_seconds`], then confirmed by the other (transfer-confirm):
//! `completed`, the amount taken from the sender's available balance and the total (amount
//! less [`CcproSettings::transfer_commission_percent`]) given to the receiver, with an
//! order on each side. Unconfirmed, [`tick`] marks it `expired`.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::market::Kind;
use super::orders::{self, APPROVED};
use super::*;

/// Waiting for the counterparty.
pub(crate) const PENDING: &str = "pending";
/// Confirmed: the balances moved.
pub(crate) const COMPLETED: &str = "completed";
/// Not confirmed within its life.
pub(crate) const EXPIRED: &str = "expired";

/// A CCPro transfer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Transfer {
    pub(crate) id: String,
    pub(crate) public_id: String,
    /// `pending`, `completed` or `expired`.
    pub(crate) status: String,
    /// The creator (`byUser`).
    pub(crate) by_user: String,
    pub(crate) from_user: String,
    pub(crate) to_user: String,
    /// `coin` or `token`.
    pub(crate) kind: String,
    pub(crate) symbol: String,
    pub(crate) amount: Decimal,
    pub(crate) commission_percent: Decimal,
    pub(crate) commission_value: Decimal,
    /// `amount` less the commission: what the receiver gets.
    pub(crate) total: Decimal,
    pub(crate) from_order: Option<String>,
    pub(crate) to_order: Option<String>,
    /// Where the receiver had the total sent (transfer-confirm's `wallet`).
    pub(crate) wallet: Option<String>,
    pub(crate) life_seconds: u64,
    pub(crate) life_until_at: u64,
    pub(crate) created_at: u64,
}

impl Transfer {
    fn involves(&self, user: &str) -> bool {
        self.by_user == user || self.from_user == user || self.to_user == user
    }
}

/// The forms a transfer takes (§2.3 of the reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The user operations' form (list items, create, show, confirm).
    User,
    /// platform-transfers items: with `type`, `symbol`, `confirmUrl`.
    Platform,
}

fn user_ref(state: &CcproState, id: &str) -> Value {
    json!({ "id": id, "email": state.user(id).map(|u| u.email.clone()) })
}

/// `transfer` in `form`.
pub(crate) fn json(state: &CcproState, transfer: &Transfer, form: Form) -> Value {
    let mut v = serde_json::Map::new();
    let mut put = |k: &str, value: Value| {
        v.insert(k.to_owned(), value);
    };
    put("id", json!(transfer.id));
    put("publicId", json!(transfer.public_id));
    put("status", json!(transfer.status));
    if form == Form::Platform {
        put("type", json!(transfer.kind));
        put("symbol", json!(transfer.symbol));
    }
    put("amount", amount(transfer.amount));
    put("total", amount(transfer.total));
    put(
        "commission",
        json!({
            "value": amount(transfer.commission_value),
            "percent": amount(transfer.commission_percent),
        }),
    );
    put("byUser", user_ref(state, &transfer.by_user));
    put("fromUser", user_ref(state, &transfer.from_user));
    put("toUser", user_ref(state, &transfer.to_user));
    put(
        "fromOrder",
        orders::order_link(state, transfer.from_order.as_deref()),
    );
    put(
        "toOrder",
        orders::order_link(state, transfer.to_order.as_deref()),
    );
    put(
        "externalPlatform",
        orders::external_platform(state, &transfer.by_user, false),
    );
    put("lifeSeconds", json!(transfer.life_seconds));
    put("lifeUntilAt", json!(transfer.life_until_at));
    if form == Form::Platform {
        // Confirmation goes through transfer-confirm; the sandbox has no hosted page.
        put("confirmUrl", Value::Null);
    }
    put("createdAt", json!(transfer.created_at));
    Value::Object(v)
}

fn listed(ctx: &Ctx<'_>, keep: impl Fn(&Transfer, &str) -> bool) -> Reply {
    let state = &*ctx.state;
    let me = ctx.user_id();
    let items: Vec<Value> = state
        .transfers
        .iter()
        .filter(|t| keep(t, me))
        .map(|t| json(state, t, Form::User))
        .collect();
    ok(Value::Array(items))
}

/// transfer-list: every transfer the caller is part of.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, |t, me| t.involves(me))
}

/// transfer-by: the transfers the caller created.
pub(crate) fn by(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, |t, me| t.by_user == me)
}

/// transfer-from: the transfers the caller sends.
pub(crate) fn r#from(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, |t, me| t.from_user == me)
}

/// transfer-to: the transfers the caller receives.
pub(crate) fn to(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, |t, me| t.to_user == me)
}

fn own_transfer(ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("transfer");
    let me = ctx.user_id();
    ctx.state
        .transfers
        .iter()
        .position(|t| t.id == id && t.involves(me))
        .ok_or_else(|| {
            ApiError::not_found().because(format!(
                "no transfer {id} involving this user (ids come from transfer-create or transfer-list)"
            ))
        })
}

/// transfer-show: a transfer the caller is part of.
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    let index = own_transfer(ctx)?;
    ok(json(ctx.state, &ctx.state.transfers[index], Form::User))
}

/// transfer-create: a pending transfer with another user, named by e-mail or id.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let me = ctx.user_id().to_owned();
    let state = &*ctx.state;
    let mut check = Check::new(&ctx.input);
    let action = check.one_of("action", &["send", "receive"], true);
    let value = check.number("amount", true);
    match value {
        Some(v) if v < Decimal::ZERO => check.fail("amount", "The amount must be at least 0."),
        Some(v) if v.is_zero() => check.fail("amount", "The selected amount is invalid."),
        _ => {}
    }
    let kind = check.one_of("type", &["coin", "token"], true);
    let symbol = check.required("symbol");
    let asset = symbol.and_then(|s| state.market.asset(s));
    let fits = asset.is_some_and(|a| match kind {
        Some("coin") => a.kind == Kind::Coin,
        Some("token") => a.kind == Kind::Token,
        _ => a.kind != Kind::Fiat,
    });
    if symbol.is_some() && !fits {
        check.fail("symbol", "The selected symbol is invalid.");
    }
    let other = check.required("user");
    let counterparty = other.and_then(|o| {
        state
            .users
            .iter()
            .find(|u| u.id == o || u.email.eq_ignore_ascii_case(o))
            .map(|u| u.id.clone())
    });
    let mut reason = None;
    if other.is_some() {
        match &counterparty {
            None => {
                check.fail("user", "The selected user is invalid.");
                reason = Some("no CCPro user has this e-mail or id".to_owned());
            }
            Some(id) if *id == me => {
                check.fail("user", "The selected user is invalid.");
                reason = Some("a transfer is between two users: name someone else".to_owned());
            }
            Some(_) => {}
        }
    }
    let checked = check.finish();
    match (checked, reason) {
        (Err(e), Some(why)) => return Err(e.because(why)),
        (checked, _) => checked?,
    }
    let (Some(action), Some(value), Some(kind), Some(asset), Some(counterparty)) =
        (action, value, kind, asset, counterparty)
    else {
        return Err(invalid("action", "The action field is required.")
            .because("action, amount, type, symbol and user are required"));
    };
    let symbol = asset.symbol.to_owned();
    let (from_user, to_user) = if action == "send" {
        (me.clone(), counterparty)
    } else {
        (counterparty, me.clone())
    };
    if action == "send" {
        let available = ctx.state.balance(&me, &symbol).available;
        if available < value {
            return Err(insufficient(&symbol, value, available));
        }
    }
    let percent = ctx.state.settings.transfer_commission_percent;
    let Some(commission) = value
        .checked_mul(percent)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
    else {
        return Err(invalid("amount", "The amount is too large.")
            .because("the amount times the commission percent overflows 28 digits"));
    };
    let life = ctx.state.settings.transfer_life_seconds;
    let now = ctx.now;
    let transfer = Transfer {
        id: ctx.state.uuid(),
        public_id: ctx.state.public_id(),
        status: PENDING.to_owned(),
        by_user: me,
        from_user,
        to_user,
        kind: kind.to_owned(),
        symbol,
        amount: value,
        commission_percent: percent,
        commission_value: commission,
        total: value - commission,
        life_seconds: life,
        life_until_at: now.saturating_add(life),
        created_at: now,
        ..Transfer::default()
    };
    let body = json(ctx.state, &transfer, Form::User);
    ctx.state.transfers.push(transfer);
    ok(body)
}

fn insufficient(symbol: &str, needed: Decimal, available: Decimal) -> ApiError {
    ApiError::forbidden("Insufficient balance.").because(format!(
        "the sender's available {symbol} ({available}) does not cover the transfer's {needed}"
    ))
}

/// transfer-confirm: the counterparty completes a pending transfer; the receiver may name
/// a `wallet` to have the total sent there instead of kept.
pub(crate) fn confirm(ctx: &mut Ctx<'_>) -> Reply {
    let index = own_transfer(ctx)?;
    let me = ctx.user_id().to_owned();
    let transfer = ctx.state.transfers[index].clone();
    let mut check = Check::new(&ctx.input);
    let wallet_text = check.optional("wallet");
    let mut reason = None;
    let wallet = match wallet_text {
        Some(_) if transfer.to_user != me => {
            check.fail("wallet", "The wallet field is prohibited.");
            reason = Some("only the receiving user names a wallet".to_owned());
            None
        }
        Some(text) => match quotes::resolve_wallet(ctx.state, &me, text, &transfer.symbol) {
            Ok((address, _)) => Some(address),
            Err(why) => {
                check.fail("wallet", "The selected wallet is invalid.");
                reason = Some(why);
                None
            }
        },
        None => None,
    };
    match (check.finish(), reason) {
        (Err(e), Some(why)) => return Err(e.because(why)),
        (checked, _) => checked?,
    }
    if transfer.by_user == me {
        return Err(
            ApiError::forbidden("This transfer must be confirmed by the other user.").because(
                "the creator cannot confirm their own transfer: the counterparty calls transfer-confirm",
            ),
        );
    }
    match transfer.status.as_str() {
        EXPIRED => {
            return Err(
                ApiError::forbidden("This transfer has expired.").because(format!(
                    "the transfer lived until {} (lifeUntilAt); create a new one",
                    transfer.life_until_at
                )),
            );
        }
        COMPLETED => {
            return Err(ApiError::forbidden("This transfer is already processed.")
                .because("the transfer was already confirmed"));
        }
        _ => {}
    }
    let available = ctx
        .state
        .balance(&transfer.from_user, &transfer.symbol)
        .available;
    if available < transfer.amount {
        return Err(insufficient(&transfer.symbol, transfer.amount, available));
    }
    let now = ctx.now;
    let from = ctx.state.balance_mut(&transfer.from_user, &transfer.symbol);
    from.available = from.available.saturating_sub(transfer.amount);
    if wallet.is_none() {
        let to = ctx.state.balance_mut(&transfer.to_user, &transfer.symbol);
        to.available = to.available.saturating_add(transfer.total);
    }
    let mut from_order = side_order(ctx.state, &transfer, &transfer.from_user, "out", now);
    from_order.wallet = None;
    let mut to_order = side_order(ctx.state, &transfer, &transfer.to_user, "in", now);
    to_order.wallet = wallet.clone();
    let (from_id, to_id) = (from_order.id.clone(), to_order.id.clone());
    ctx.state.orders.push(from_order);
    ctx.state.orders.push(to_order);
    let t = &mut ctx.state.transfers[index];
    t.status = COMPLETED.to_owned();
    t.from_order = Some(from_id);
    t.to_order = Some(to_id);
    t.wallet = wallet;
    for (user, text) in [
        (
            &transfer.from_user,
            format!(
                "You sent {} {} (transfer {}).",
                amount_text(transfer.amount),
                transfer.symbol,
                transfer.public_id
            ),
        ),
        (
            &transfer.to_user,
            format!(
                "You received {} {} (transfer {}).",
                amount_text(transfer.total),
                transfer.symbol,
                transfer.public_id
            ),
        ),
    ] {
        ctx.state.notify(
            user,
            "transfer_completed",
            "transfer",
            "Transfer completed",
            &text,
            Some((&transfer.id, &transfer.public_id)),
            now,
        );
    }
    let state = &*ctx.state;
    let body = json(state, &state.transfers[index], Form::User);
    if orders::platform_user(state, &transfer.by_user) {
        let call = json!({
            "event": "transfer_completed",
            "transfer": json(state, &state.transfers[index], Form::Platform),
        });
        ctx.state.record_call(call, now);
    }
    ok(body)
}

fn amount_text(value: Decimal) -> String {
    value.normalize().to_string()
}

/// The order of one side of a completed transfer.
fn side_order(
    state: &mut CcproState,
    transfer: &Transfer,
    user: &str,
    direction: &str,
    now: u64,
) -> orders::Order {
    let mut order = orders::new_order(state, user, now);
    order.status = APPROVED.to_owned();
    order.kind = transfer.kind.clone();
    order.type_operation = direction.to_owned();
    order.operation = "transfer".to_owned();
    order.from_symbol = Some(transfer.symbol.clone());
    order.from_amount = transfer.amount;
    order.rate = Decimal::ONE;
    order.to_symbol = transfer.symbol.clone();
    order.to_amount = transfer.total;
    order.commission_percent = transfer.commission_percent;
    order.commission_amount = transfer.commission_value;
    order.transfer = Some(transfer.id.clone());
    order
}

/// platform-transfers: the transfers created by users the platform registered.
pub(crate) fn platform_list(ctx: &mut Ctx<'_>) -> Reply {
    let state = &*ctx.state;
    let items: Vec<Value> = state
        .transfers
        .iter()
        .filter(|t| {
            orders::platform_user(state, &t.from_user) || orders::platform_user(state, &t.to_user)
        })
        .map(|t| json(state, t, Form::Platform))
        .collect();
    ok(Value::Array(items))
}

/// Pending transfers past their `lifeUntilAt` expire.
pub(crate) fn tick(state: &mut CcproState, now: u64) {
    for transfer in &mut state.transfers {
        if transfer.status == PENDING && now > transfer.life_until_at {
            transfer.status = EXPIRED.to_owned();
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::toolkit::dec;

    fn user(state: &mut CcproState, id: &str, platform: bool) {
        state.users.push(User {
            id: id.to_owned(),
            email: format!("{id}@sandbox.test"),
            platform: platform.then(PlatformLink::default),
            ..User::default()
        });
    }

    fn ctx<'a>(state: &'a mut CcproState, caller: &str, transfer: &str) -> Ctx<'a> {
        Ctx {
            state,
            now: 150,
            params: vec![
                ("user", caller.to_owned()),
                ("transfer", transfer.to_owned()),
            ],
            query: Vec::new(),
            input: Input::default(),
            caller: Caller::User {
                id: caller.to_owned(),
                token: String::new(),
            },
            platform_id: "p",
        }
    }

    #[test]
    fn a_confirmed_transfer_notifies_both_users_and_the_platform() {
        let mut state = CcproState::new(7);
        user(&mut state, "a", true);
        user(&mut state, "b", false);
        state.balance_mut("a", "ETH").available = dec("2");
        state.transfers.push(Transfer {
            id: "t1".to_owned(),
            public_id: "T1".to_owned(),
            status: PENDING.to_owned(),
            by_user: "a".to_owned(),
            from_user: "a".to_owned(),
            to_user: "b".to_owned(),
            kind: "coin".to_owned(),
            symbol: "ETH".to_owned(),
            amount: dec("1"),
            commission_percent: dec("5"),
            commission_value: dec("0.05"),
            total: dec("0.95"),
            life_seconds: 180,
            life_until_at: 280,
            created_at: 100,
            ..Transfer::default()
        });
        confirm(&mut ctx(&mut state, "b", "t1")).unwrap();
        assert_eq!(state.transfers[0].status, COMPLETED);
        assert_eq!(state.balance("a", "ETH").available, dec("1"));
        assert_eq!(state.balance("b", "ETH").available, dec("0.95"));
        let notified: Vec<(&str, &str)> = state
            .notifications
            .iter()
            .map(|n| (n.user.as_str(), n.code.as_str()))
            .collect();
        assert_eq!(
            notified,
            vec![("a", "transfer_completed"), ("b", "transfer_completed")]
        );
        assert_eq!(state.calls.len(), 1);
        assert_eq!(state.calls[0].request["transfer"]["symbol"], "ETH");
        assert_eq!(state.orders.len(), 2);
        assert!(state.orders.iter().all(|o| o.status == APPROVED));
        // Expiry: a second pending transfer past its life.
        state.transfers.push(Transfer {
            id: "t2".to_owned(),
            status: PENDING.to_owned(),
            life_until_at: 280,
            ..Transfer::default()
        });
        tick(&mut state, 280);
        assert_eq!(state.transfers[1].status, PENDING);
        tick(&mut state, 281);
        assert_eq!(state.transfers[1].status, EXPIRED);
    }
}
