//! CCPro quotes: a price held for [`CcproSettings::quote_life_seconds`] (quote-create),
//! listed and shown (quote-list, quote-show, platform-quotes), and confirmed into an order
//! (quote-confirm).
//!
//! A quote is `available` until its `lifeUntilAt`, then [`tick`] marks it `expired`;
//! confirming it before then makes an order in `PAYMENT_WAITING` and marks it `completed`.
//! Its price is the market's (`market.price`), by the `orderType`'s direction (`buy…`,
//! `sell…`, `withdraw`, `withdrawIco`) and the pair: paying with a fiat prices a
//! `buy_with_fiat`, with a crypto a `buy_with_crypto` (and likewise for sells), whatever
//! the `orderType` says between the two. `amount` is always the `orderSymbol`'s amount,
//! `total` the other side's.

use axum::http::StatusCode;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::market::Kind;
use super::orders::{self, Order, link, nested_user};
use super::*;

/// Open for confirmation.
pub(crate) const AVAILABLE: &str = "available";
/// Confirmed into an order.
pub(crate) const COMPLETED: &str = "completed";
/// Past its `lifeUntilAt`.
pub(crate) const EXPIRED: &str = "expired";

/// A CCPro quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Quote {
    pub(crate) id: String,
    pub(crate) public_id: String,
    pub(crate) user: String,
    /// `available`, `completed` or `expired`.
    pub(crate) status: String,
    /// `coin` or `token` (the body's `type`).
    pub(crate) kind: String,
    /// `typeOperationName`: the priced operation (`buy_with_fiat`, …, `withdrawIco`).
    pub(crate) operation: String,
    /// `bank` or `card`.
    pub(crate) payment_type: Option<String>,
    /// The bank's or card's id (`orderPaymentMethod`).
    pub(crate) payment_id: Option<String>,
    pub(crate) from: String,
    pub(crate) to: String,
    /// The `orderSymbol`'s amount.
    pub(crate) amount: Decimal,
    pub(crate) rate: Decimal,
    /// The commission in `from` units (`commission.fromAmount`) and in `to` units
    /// (`commission.fromTotal`), and its percent.
    pub(crate) commission_from: Decimal,
    pub(crate) commission_to: Decimal,
    pub(crate) percent: Decimal,
    /// The other side's amount.
    pub(crate) total: Decimal,
    /// The wallet address the crypto goes to.
    pub(crate) wallet: Option<String>,
    /// The wallet's id, when the user's wallet was named.
    pub(crate) wallet_id: Option<String>,
    pub(crate) second_order_type: Option<String>,
    pub(crate) order: Option<String>,
    pub(crate) life_seconds: u64,
    pub(crate) life_until_at: u64,
    pub(crate) confirm_url: String,
    pub(crate) created_at: u64,
}

impl Quote {
    /// `true` for the operations paid in fiat through a bank or card.
    fn needs_method(&self) -> bool {
        needs_method(&self.operation)
    }

    /// What confirming takes from the balance: (asset, amount), for operations paid in
    /// crypto.
    fn debit(&self) -> Option<(String, Decimal)> {
        match self.operation.as_str() {
            "buy_with_crypto" => Some((self.from.clone(), self.total)),
            "sell_to_fiat" | "sell_to_crypto" | "withdraw" | "withdrawIco" => {
                Some((self.from.clone(), self.amount))
            }
            _ => None,
        }
    }
}

fn needs_method(operation: &str) -> bool {
    matches!(operation, "buy_with_fiat" | "sell_to_fiat")
}

/// The forms a quote takes (§2.3 of the reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// quote-create's answer.
    Create,
    /// quote-list items.
    Index,
    /// quote-show: `checkout` and the full `order`.
    Show,
    /// platform-quotes items: with `user`.
    Platform,
    /// quote-confirm's `quote`.
    Confirm,
    /// order-show's `quote`: `type` is the operation, `total` a JSON number.
    OrderShow,
}

/// `quote` in `form`.
pub(crate) fn json(state: &CcproState, quote: &Quote, form: Form) -> Value {
    let commission = json!({
        "fromAmount": amount(quote.commission_from),
        "fromTotal": amount(quote.commission_to),
        "discountPercent": "0",
        "percent": amount(quote.percent),
    });
    if form == Form::OrderShow {
        return json!({
            "id": quote.id,
            "publicId": quote.public_id,
            "type": quote.operation,
            "payment": { "type": quote.payment_type, "id": quote.payment_id },
            "from": quote.from,
            "to": quote.to,
            "amount": amount(quote.amount),
            "rate": amount(quote.rate),
            "commission": commission,
            "total": number(quote.total),
            "wallet": quote.wallet,
            "checkout": null,
            "lifeSeconds": quote.life_seconds,
            "lifeUntilAt": quote.life_until_at,
            "createdAt": quote.created_at,
        });
    }
    let mut v = serde_json::Map::new();
    let mut put = |k: &str, value: Value| {
        v.insert(k.to_owned(), value);
    };
    put("id", json!(quote.id));
    put("publicId", json!(quote.public_id));
    put("status", json!(quote.status));
    put("type", json!(quote.kind));
    put("typeOperationName", json!(quote.operation));
    put(
        "payment",
        json!({
            "type": quote.payment_type,
            "id": quote.payment_id,
            "mandatory": quote.needs_method() && quote.payment_id.is_none(),
        }),
    );
    put("from", json!(quote.from));
    put("to", json!(quote.to));
    put("amount", amount(quote.amount));
    put("rate", amount(quote.rate));
    put("commission", commission);
    put("total", amount(quote.total));
    // A quote is never made by an order in the sandbox (checkout quotes are not emulated).
    put("parentOrder", link(None));
    if form == Form::Platform {
        put("user", nested_user(state, &quote.user));
    }
    put("wallet", json!(quote.wallet));
    if matches!(form, Form::Show | Form::Confirm) {
        put("checkout", Value::Null);
    }
    let order: Option<&Order> = quote
        .order
        .as_deref()
        .and_then(|id| state.orders.iter().find(|o| o.id == id));
    let order_json = match (form, order) {
        (Form::Show, Some(o)) => orders::json(state, o, orders::Form::QuoteOrder),
        (Form::Show, None) => Value::Null,
        (_, o) => link(o.map(|o| (o.id.as_str(), o.public_id.as_str()))),
    };
    put("order", order_json);
    put(
        "externalPlatform",
        orders::external_platform(state, &quote.user, form != Form::Platform),
    );
    put("lifeSeconds", json!(quote.life_seconds));
    put("lifeUntilAt", json!(quote.life_until_at));
    put("confirmUrl", json!(quote.confirm_url));
    put("createdAt", json!(quote.created_at));
    Value::Object(v)
}

/// The order types of the body, as `typeOperationName` writes them.
const ORDER_TYPES: &[&str] = &[
    "buy_with_crypto",
    "buy_with_fiat",
    "sell_to_crypto",
    "sell_to_fiat",
    "withdraw",
    "withdrawIco",
];

/// The caller's confirmed bank or card of `id`: (`bank`|`card`, id). A `PENDING` or
/// `REJECTED` one pays nothing.
fn payment_method(state: &CcproState, user: &str, id: &str) -> Option<(&'static str, String)> {
    let confirmed = |status: &str| status.eq_ignore_ascii_case("CONFIRMED");
    if let Some(b) = state
        .banks
        .iter()
        .find(|b| b.id == id && b.user == user && confirmed(&b.status))
    {
        return Some(("bank", b.id.clone()));
    }
    state
        .cards
        .iter()
        .find(|c| c.id == id && c.user == user && confirmed(&c.status))
        .map(|c| ("card", c.id.clone()))
}

/// Marks the bank or card `id` used (it can no longer be deleted).
fn mark_method_used(state: &mut CcproState, id: &str) {
    if let Some(b) = state.banks.iter_mut().find(|b| b.id == id) {
        b.used = true;
    }
    if let Some(c) = state.cards.iter_mut().find(|c| c.id == id) {
        c.used = true;
    }
}

/// `true` when `text` is shaped like a UUID (then it must name one of the user's wallets).
fn uuid_shaped(text: &str) -> bool {
    text.len() == 36
        && text.chars().enumerate().all(|(i, c)| {
            matches!(i, 8 | 13 | 18 | 23) == (c == '-') && (c == '-' || c.is_ascii_hexdigit())
        })
}

/// A `wallet` field: one of the user's wallets (by id or address) for `symbol`, or a raw
/// address. `Err` holds the reason it is refused. `Ok((address, wallet id))`.
pub(crate) fn resolve_wallet(
    state: &CcproState,
    user: &str,
    text: &str,
    symbol: &str,
) -> Result<(String, Option<String>), String> {
    let own = state
        .wallets
        .iter()
        .find(|w| w.user == user && (w.id == text || w.address == text));
    match own {
        Some(w) if !w.coin.is_empty() && !w.coin.eq_ignore_ascii_case(symbol) => Err(format!(
            "wallet {} is a {} wallet, not {symbol}",
            w.id, w.coin
        )),
        Some(w) => Ok((w.address.clone(), Some(w.id.clone()))),
        None if uuid_shaped(text) => Err(format!(
            "no wallet {text} of this user (name one of wallet-list's ids, or a raw address)"
        )),
        None => Ok((text.to_owned(), None)),
    }
}

/// quote-create: prices the body's order and holds the price for the quote's life.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let user_id = ctx.user_id().to_owned();
    if ctx
        .state
        .user(&user_id)
        .is_some_and(|u| u.self_deleted_at.is_some())
    {
        return Err(ApiError::error(
            StatusCode::PRECONDITION_FAILED,
            "This action is not available due Self Delete Account procedure.",
        )
        .because(
            "the account's self-delete is scheduled: abort it (account-close-abort) to trade",
        ));
    }
    let state = &*ctx.state;
    let mut check = Check::new(&ctx.input);
    let kind = check.one_of("type", &["coin", "token"], true);
    let order_type = check.one_of("orderType", ORDER_TYPES, true);
    let second = check.one_of("secondOrderType", &["withdraw", "withdrawIco"], false);
    let order_amount = check.number("orderAmount", true);
    if order_amount.is_some_and(|a| a <= Decimal::ZERO) {
        check.fail("orderAmount", "The orderAmount must be greater than 0.");
    }
    let symbol = check.required("orderSymbol");
    if let (Some(symbol), Some(kind)) = (symbol, kind) {
        let fits = state.market.asset(symbol).is_some_and(|a| {
            (a.kind == Kind::Coin && kind == "coin") || (a.kind == Kind::Token && kind == "token")
        });
        if !fits {
            check.fail("orderSymbol", "The selected orderSymbol is invalid.");
        }
    }
    let priced_with_payment = order_type.is_some_and(|t| !t.starts_with("withdraw"));
    let payment_symbol = if priced_with_payment {
        let value = check.required("orderPaymentSymbol");
        if value.is_some_and(|s| state.market.asset(s).is_none()) {
            check.fail(
                "orderPaymentSymbol",
                "The selected orderPaymentSymbol is invalid.",
            );
        }
        value
    } else {
        check.optional("orderPaymentSymbol")
    };
    let method_text = check.optional("orderPaymentMethod");
    let method = method_text.and_then(|id| {
        let found = payment_method(state, &user_id, id);
        if found.is_none() {
            check.fail(
                "orderPaymentMethod",
                "The selected orderPaymentMethod is invalid.",
            );
        }
        found
    });
    let payment_type = check.one_of("orderPaymentType", &["card", "bank"], false);
    // Paid in fiat (the pair, not only the orderType, decides): a bank or card is needed.
    let fiat_paid = payment_symbol
        .and_then(|s| state.market.asset(s))
        .is_some_and(|a| a.kind == Kind::Fiat);
    if priced_with_payment && fiat_paid && method_text.is_none() && payment_type.is_none() {
        check.fail(
            "orderPaymentType",
            "The orderPaymentType field is required when orderPaymentMethod is not present.",
        );
    }
    if second.is_some() && order_type.is_some_and(|t| !t.starts_with("buy")) {
        check.fail(
            "secondOrderType",
            "The selected secondOrderType is invalid.",
        );
    }
    let wallet_text = check.optional("wallet");
    if wallet_text.is_none() && order_type.is_some_and(|t| t.starts_with("withdraw")) {
        check.fail(
            "wallet",
            "The wallet field is required when orderType is withdraw.",
        );
    }
    if wallet_text.is_none() && second.is_some() {
        check.fail(
            "wallet",
            "The wallet field is required when secondOrderType is present.",
        );
    }
    let mut wallet_reason = None;
    let wallet = match (wallet_text, symbol) {
        (Some(text), Some(symbol)) => match resolve_wallet(state, &user_id, text, symbol) {
            Ok(w) => Some(w),
            Err(why) => {
                check.fail("wallet", "The selected wallet is invalid.");
                wallet_reason = Some(why);
                None
            }
        },
        _ => None,
    };
    let checked = check.finish();
    let checked = match (checked, wallet_reason) {
        (Err(e), Some(why)) => Err(e.because(why)),
        (other, _) => other,
    };
    checked?;
    let (Some(kind), Some(order_type), Some(order_amount), Some(symbol)) =
        (kind, order_type, order_amount, symbol)
    else {
        return Err(invalid("type", "The type field is required.")
            .because("type, orderType, orderAmount and orderSymbol are required"));
    };
    let (price_kind, from, to, from_amount, to_amount) = match order_type {
        "buy_with_fiat" | "buy_with_crypto" => (
            "buy",
            payment_symbol.unwrap_or_default(),
            symbol,
            None,
            Some(order_amount),
        ),
        "sell_to_fiat" | "sell_to_crypto" => (
            "sell",
            symbol,
            payment_symbol.unwrap_or_default(),
            Some(order_amount),
            None,
        ),
        "withdraw" => ("withdraw", symbol, symbol, Some(order_amount), None),
        _ => ("withdraw-ico", symbol, symbol, Some(order_amount), None),
    };
    let price = state
        .market
        .price(price_kind, from, to, from_amount, to_amount)?;
    let operation = match price.op.name() {
        "withdraw_ico" => "withdrawIco",
        name => name,
    };
    let total = if price_kind == "buy" {
        price.amount_from
    } else {
        price.amount_to
    };
    let now = ctx.now;
    let life = ctx.state.settings.quote_life_seconds;
    let id = ctx.state.uuid();
    let public_id = ctx.state.public_id();
    let payment_type = method
        .as_ref()
        .map(|(t, _)| (*t).to_owned())
        .or_else(|| payment_type.map(str::to_owned));
    let life_until_at = now.saturating_add(life);
    let quote = Quote {
        confirm_url: format!(
            "{}/confirm-quote/{id}?expires={life_until_at}",
            orders::CHECKOUT_URL
        ),
        id,
        public_id,
        user: user_id,
        status: AVAILABLE.to_owned(),
        kind: kind.to_owned(),
        operation: operation.to_owned(),
        payment_type,
        payment_id: method.map(|(_, id)| id),
        from: price.from.clone(),
        to: price.to.clone(),
        amount: order_amount,
        rate: price.rate,
        commission_from: price.commission_from,
        commission_to: price.commission_to,
        percent: price.percent,
        total,
        wallet: wallet.as_ref().map(|(address, _)| address.clone()),
        wallet_id: wallet.and_then(|(_, id)| id),
        second_order_type: second.map(str::to_owned),
        order: None,
        life_seconds: life,
        life_until_at,
        created_at: now,
    };
    let body = json(ctx.state, &quote, Form::Create);
    ctx.state.quotes.push(quote);
    created(body)
}

/// quote-list: the caller's quotes, filtered by `status`, `type` (the operation), `asset`.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    let status = ctx.query("status").filter(|s| !s.is_empty());
    let operation = ctx.query("type").filter(|s| !s.is_empty());
    let asset = ctx.query("asset").filter(|s| !s.is_empty());
    let state = &*ctx.state;
    let items: Vec<Value> = state
        .quotes
        .iter()
        .filter(|q| q.user == ctx.user_id())
        .filter(|q| status.is_none_or(|s| q.status == s))
        .filter(|q| operation.is_none_or(|s| q.operation == s))
        .filter(|q| asset.is_none_or(|a| q.from == a || q.to == a))
        .map(|q| json(state, q, Form::Index))
        .collect();
    ok(Value::Array(items))
}

fn own_quote(ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("quote");
    ctx.state
        .quotes
        .iter()
        .position(|q| q.id == id && q.user == ctx.user_id())
        .ok_or_else(|| {
            ApiError::not_found().because(format!(
                "no quote {id} of this user (ids come from quote-create or quote-list)"
            ))
        })
}

/// quote-show: one of the caller's quotes, its order in full.
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    let index = own_quote(ctx)?;
    ok(json(ctx.state, &ctx.state.quotes[index], Form::Show))
}

/// quote-confirm: turns an available quote into an order waiting for payment.
pub(crate) fn confirm(ctx: &mut Ctx<'_>) -> Reply {
    let index = own_quote(ctx)?;
    let user = ctx.user_id().to_owned();
    let quote = ctx.state.quotes[index].clone();
    let mut check = Check::new(&ctx.input);
    let method = check.optional("orderPaymentMethod").and_then(|id| {
        let found = payment_method(ctx.state, &user, id);
        if found.is_none() {
            check.fail(
                "orderPaymentMethod",
                "The selected orderPaymentMethod is invalid.",
            );
        }
        found
    });
    check.finish()?;
    match quote.status.as_str() {
        EXPIRED => {
            return Err(
                ApiError::forbidden("This quote has expired.").because(format!(
                    "the quote lived until {} (lifeUntilAt); create a new one",
                    quote.life_until_at
                )),
            );
        }
        COMPLETED => {
            return Err(
                ApiError::forbidden("This quote is already processed.").because(format!(
                    "the quote was confirmed into order {}",
                    quote.order.as_deref().unwrap_or("")
                )),
            );
        }
        _ => {}
    }
    let (payment_type, payment_id) = match method {
        Some((t, id)) => (Some(t.to_owned()), Some(id)),
        None => (quote.payment_type.clone(), quote.payment_id.clone()),
    };
    if quote.needs_method() && payment_id.is_none() {
        return Err(invalid(
            "orderPaymentMethod",
            "The orderPaymentMethod field is required.",
        )
        .because(format!(
            "a {} quote made without orderPaymentMethod needs one here (a bank or card id)",
            quote.operation
        )));
    }
    let debit = quote.debit();
    if let Some((asset, needed)) = &debit {
        let available = ctx.state.balance(&user, asset).available;
        if available < *needed {
            return Err(
                ApiError::forbidden("Insufficient balance.").because(format!(
                    "confirming takes {needed} {asset}; the available balance is {available}"
                )),
            );
        }
    }
    let now = ctx.now;
    let mut order = orders::new_order(ctx.state, &user, now);
    let buy = quote.operation.starts_with("buy");
    let sell = quote.operation.starts_with("sell");
    order.kind = quote.kind.clone();
    order.type_operation = if buy { "in" } else { "out" }.to_owned();
    order.operation = quote.operation.clone();
    order.from_symbol = Some(quote.from.clone());
    order.to_symbol = quote.to.clone();
    (order.from_amount, order.to_amount) = if buy {
        (quote.total, quote.amount)
    } else {
        (quote.amount, quote.total)
    };
    order.rate = quote.rate;
    order.wallet = quote.wallet.clone();
    order.payment_method = payment_type.clone();
    order.payment_id = payment_id.clone();
    order.commission_percent = quote.percent;
    order.commission_amount = if sell {
        quote.commission_to
    } else {
        quote.commission_from
    };
    order.quote = Some(quote.id.clone());
    order.second_order_type = quote.second_order_type.clone();
    if order.needs_proof() {
        order.payment_url = Some(format!(
            "{}/payment/bank-confirm?order={}",
            orders::CHECKOUT_URL,
            order.id
        ));
    }
    if let Some((asset, held)) = debit {
        let balance = ctx.state.balance_mut(&user, &asset);
        balance.available = balance.available.saturating_sub(held);
        balance.pending = balance.pending.saturating_add(held);
        order.held = Some((asset, held));
    }
    if let Some(id) = &payment_id {
        mark_method_used(ctx.state, id);
    }
    let wallet_id = quote.wallet_id.as_deref();
    if let Some(w) = ctx
        .state
        .wallets
        .iter_mut()
        .find(|w| Some(w.id.as_str()) == wallet_id)
    {
        w.used = true;
    }
    let order_id = order.id.clone();
    ctx.state.orders.push(order);
    let q = &mut ctx.state.quotes[index];
    q.status = COMPLETED.to_owned();
    q.order = Some(order_id.clone());
    q.payment_type = payment_type;
    q.payment_id = payment_id;
    let state = &*ctx.state;
    let order = state
        .orders
        .iter()
        .find(|o| o.id == order_id)
        .ok_or_else(ApiError::not_found)?;
    created(orders::json(state, order, orders::Form::Confirm))
}

/// platform-quotes: the quotes of the users the platform registered.
pub(crate) fn platform_list(ctx: &mut Ctx<'_>) -> Reply {
    let state = &*ctx.state;
    let items: Vec<Value> = state
        .quotes
        .iter()
        .filter(|q| orders::platform_user(state, &q.user))
        .map(|q| json(state, q, Form::Platform))
        .collect();
    ok(Value::Array(items))
}

/// Quotes past their `lifeUntilAt` expire.
pub(crate) fn tick(state: &mut CcproState, now: u64) {
    for quote in &mut state.quotes {
        if quote.status == AVAILABLE && now > quote.life_until_at {
            quote.status = EXPIRED.to_owned();
        }
    }
}

/// `POST /_sandbox/ccpro/users/{id}/payment-methods` `{"kind": "bank" | "card" | "wallet",
/// "coin"?, "address"?}`: gives a user a confirmed bank, card or wallet at once, for tests
/// of quotes and transfers that need one without the bank, card and wallet flows. Answers
/// `{"id", "kind", "address"?, "coin"?}`.
pub(crate) fn control_payment_method(
    state: &mut CcproState,
    user: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    if state.user(user).is_none() {
        return Err(control::ControlError::NotFound(format!(
            "no CCPro user {user}"
        )));
    }
    let id = state.uuid();
    match input.filled("kind") {
        Some("bank") => {
            state.banks.push(banks::Bank {
                id: id.clone(),
                user: user.to_owned(),
                status: "CONFIRMED".to_owned(),
                created_at: now,
                ..banks::Bank::default()
            });
            Ok(json!({ "id": id, "kind": "bank" }))
        }
        Some("card") => {
            state.cards.push(cards::Card {
                id: id.clone(),
                user: user.to_owned(),
                status: "CONFIRMED".to_owned(),
                created_at: now,
                ..cards::Card::default()
            });
            Ok(json!({ "id": id, "kind": "card" }))
        }
        Some("wallet") => {
            let coin = input.filled("coin").unwrap_or("ETH").to_owned();
            let address = match input.filled("address") {
                Some(a) => a.to_owned(),
                None => format!("0x{}", id.replace('-', "")),
            };
            state.wallets.push(wallets::Wallet {
                id: id.clone(),
                user: user.to_owned(),
                status: "CONFIRMED".to_owned(),
                alias: format!("Wallet {}", state.wallets.len() + 1),
                address: address.clone(),
                coin: coin.clone(),
                created_at: now,
                ..wallets::Wallet::default()
            });
            Ok(json!({ "id": id, "kind": "wallet", "address": address, "coin": coin }))
        }
        _ => Err(control::ControlError::Bad(
            "kind: must be bank, card or wallet".to_owned(),
        )),
    }
}

/// `POST /_sandbox/ccpro/users/{id}/self-delete` `{"scheduled": true | false}`: schedules
/// (at the sandbox clock) or clears a user's self-delete, what account-close-initiate and
/// account-close-abort do, for tests of quote-create's 412 that skip the password and
/// balance rules. Answers `{"id", "selfDeletedAt"}`.
pub(crate) fn control_self_delete(
    state: &mut CcproState,
    user: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    let scheduled = match input.text("scheduled") {
        Some("true") => true,
        Some("false") => false,
        _ => {
            return Err(control::ControlError::Bad(
                "scheduled: must be true or false".to_owned(),
            ));
        }
    };
    let Some(found) = state.user_mut(user) else {
        return Err(control::ControlError::NotFound(format!(
            "no CCPro user {user}"
        )));
    };
    found.self_deleted_at = scheduled.then_some(now);
    Ok(json!({ "id": found.id, "selfDeletedAt": found.self_deleted_at }))
}
