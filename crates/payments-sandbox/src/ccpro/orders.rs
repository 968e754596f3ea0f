//! CCPro orders: made by quote confirmations (quote-confirm), deposits (deposit-create) and
//! completed transfers; listed (order-list, order-coin-list, order-token-list,
//! platform-orders), shown (order-show), and paid with a proof of payment
//! (order-payment-proof).
//!
//! Lifecycle: `PAYMENT_WAITING` → `PROCESSING_PAYMENT` → `APPROVED` (or `REJECTED` through
//! `POST /_sandbox/ccpro/orders/{id}`). A buy with fiat paid by bank waits for its proof of
//! payment; any other order waiting for payment is taken into processing by the next tick
//! (the card or the CCPro balance pays at once). [`tick`] approves an order
//! [`CcproSettings::payment_delay_seconds`] after its processing began. Approval moves the
//! balances, adds the temporary notification `order_approved` and records a platform call.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::*;
use crate::ccpro::market::Kind;

/// Waiting for the user's payment.
pub(crate) const PAYMENT_WAITING: &str = "PAYMENT_WAITING";
/// Paid, being processed.
pub(crate) const PROCESSING_PAYMENT: &str = "PROCESSING_PAYMENT";
/// Done: the balances moved.
pub(crate) const APPROVED: &str = "APPROVED";
/// Refused: held funds released.
pub(crate) const REJECTED: &str = "REJECTED";

/// Where the sandbox's hosted pages would live (bank-confirm and quote-confirm URLs).
pub(crate) const CHECKOUT_URL: &str = "https://checkout.sandbox.test";

/// The KYC level the sandbox's orders require (the sandbox enforces no KYC level).
const KYC_LEVEL_REQUIRED: u8 = 1;

/// A CCPro order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Order {
    pub(crate) id: String,
    pub(crate) public_id: String,
    pub(crate) user: String,
    /// `PAYMENT_WAITING`, `PROCESSING_PAYMENT`, `APPROVED` or `REJECTED`.
    pub(crate) status: String,
    /// `coin` or `token`: the kind of the crypto side.
    pub(crate) kind: String,
    /// `in` or `out`.
    pub(crate) type_operation: String,
    /// `typeOperationName`: `deposit`, `buy_with_fiat`, …, `transfer`.
    pub(crate) operation: String,
    pub(crate) from_symbol: Option<String>,
    pub(crate) from_amount: Decimal,
    pub(crate) rate: Decimal,
    pub(crate) to_symbol: String,
    pub(crate) to_amount: Decimal,
    /// The address the crypto goes to (or came from, for deposits).
    pub(crate) wallet: Option<String>,
    pub(crate) tx_id: Option<String>,
    pub(crate) parent_order: Option<String>,
    pub(crate) child_order: Option<String>,
    /// `bank` or `card`.
    pub(crate) payment_method: Option<String>,
    /// The bank's or card's id.
    pub(crate) payment_id: Option<String>,
    pub(crate) payment_url: Option<String>,
    /// `true` once a proof of payment was uploaded.
    pub(crate) proof_uploaded: Option<bool>,
    pub(crate) commission_percent: Decimal,
    pub(crate) commission_amount: Decimal,
    pub(crate) quote: Option<String>,
    pub(crate) transfer: Option<String>,
    /// A withdrawal to make once approved (a buy's `secondOrderType`).
    pub(crate) second_order_type: Option<String>,
    /// What confirmation took from the balance into `pending`: (asset, amount).
    pub(crate) held: Option<(String, Decimal)>,
    /// When `PROCESSING_PAYMENT` began.
    pub(crate) processing_since: Option<u64>,
    pub(crate) created_at: u64,
}

impl Order {
    /// The crypto side's symbol (what coin/token lists and balances go by).
    pub(crate) fn crypto(&self) -> &str {
        match self.operation.as_str() {
            "sell_to_fiat" | "sell_to_crypto" | "withdraw" | "withdrawIco" => {
                self.from_symbol.as_deref().unwrap_or(&self.to_symbol)
            }
            _ => &self.to_symbol,
        }
    }

    /// `true` when the order waits for a proof of payment: a buy with fiat paid by bank.
    pub(crate) fn needs_proof(&self) -> bool {
        self.operation == "buy_with_fiat" && self.payment_method.as_deref() == Some("bank")
    }

    fn pending(&self) -> bool {
        self.status == PAYMENT_WAITING || self.status == PROCESSING_PAYMENT
    }
}

/// The forms an order takes (§2.3 of the reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// deposit-create's answer.
    Deposit,
    /// order-list items.
    Index,
    /// order-show.
    Show,
    /// platform-orders items.
    Platform,
    /// quote-show's `order`.
    QuoteOrder,
    /// quote-confirm's answer.
    Confirm,
}

/// `{"id", "publicId"}` of a linked resource, nulls when none.
pub(crate) fn link(id: Option<(&str, &str)>) -> Value {
    match id {
        Some((id, public_id)) => json!({ "id": id, "publicId": public_id }),
        None => json!({ "id": null, "publicId": null }),
    }
}

/// The order `id`'s `{"id", "publicId"}` (nulls when `None` or unknown).
pub(crate) fn order_link(state: &CcproState, id: Option<&str>) -> Value {
    let found = id.and_then(|id| state.orders.iter().find(|o| o.id == id));
    link(found.map(|o| (o.id.as_str(), o.public_id.as_str())))
}

/// A user in the nested form of §2.3 (platform items' `user`, a checkout's): the users
/// area's [`super::User::json`], `null` for an unknown id.
pub(crate) fn nested_user(state: &CcproState, id: &str) -> Value {
    state.user(id).map_or(Value::Null, super::User::json)
}

/// `true` when `user` was registered through the platform (what the platform lists show).
pub(crate) fn platform_user(state: &CcproState, user: &str) -> bool {
    state.user(user).is_some_and(|u| u.platform.is_some())
}

/// `externalPlatform`: the platform's `{code, name, url}` for a user it registered, else
/// `{code: null, …}` (`null_when_none`: `null` instead).
pub(crate) fn external_platform(state: &CcproState, user: &str, null_when_none: bool) -> Value {
    if platform_user(state, user) {
        state.platform.external_json()
    } else if null_when_none {
        Value::Null
    } else {
        json!({ "code": null, "name": null, "url": null })
    }
}

/// `order` in `form`.
pub(crate) fn json(state: &CcproState, order: &Order, form: Form) -> Value {
    let mut v = serde_json::Map::new();
    let mut put = |k: &str, value: Value| {
        v.insert(k.to_owned(), value);
    };
    put("id", json!(order.id));
    if form != Form::Deposit {
        put("publicId", json!(order.public_id));
    }
    put("status", json!(order.status));
    put("type", json!(order.kind));
    put("typeOperation", json!(order.type_operation));
    put("typeOperationName", json!(order.operation));
    put("fromSymbol", json!(order.from_symbol));
    put("fromAmount", amount(order.from_amount));
    put("rate", amount(order.rate));
    put("toSymbol", json!(order.to_symbol));
    put("toAmount", amount(order.to_amount));
    put("wallet", json!(order.wallet));
    put("txId", json!(order.tx_id));
    if form != Form::Deposit {
        put(
            "parentOrder",
            order_link(state, order.parent_order.as_deref()),
        );
    }
    if matches!(form, Form::Index | Form::Show | Form::Platform) {
        put(
            "childOrder",
            order_link(state, order.child_order.as_deref()),
        );
    }
    let fee = if form == Form::Deposit {
        json!(0)
    } else {
        json!("0")
    };
    put(
        "payment",
        json!({
            "method": order.payment_method,
            "id": order.payment_id,
            "url": order.payment_url,
            "feePercent": fee,
            "proofUploaded": order.proof_uploaded,
        }),
    );
    put(
        "commissions",
        json!({
            "percent": amount(order.commission_percent),
            "amount": amount(order.commission_amount),
        }),
    );
    if form == Form::Platform {
        put("user", nested_user(state, &order.user));
    }
    let quote = order
        .quote
        .as_deref()
        .and_then(|id| state.quotes.iter().find(|q| q.id == id));
    let quote_json = match (form, quote) {
        (Form::Deposit, _) => Value::Null,
        (Form::Show, Some(q)) => quotes::json(state, q, quotes::Form::OrderShow),
        (Form::Confirm, Some(q)) => quotes::json(state, q, quotes::Form::Confirm),
        (_, q) => link(q.map(|q| (q.id.as_str(), q.public_id.as_str()))),
    };
    put("quote", quote_json);
    if matches!(form, Form::Index | Form::Show) {
        let transfer = order
            .transfer
            .as_deref()
            .and_then(|id| state.transfers.iter().find(|t| t.id == id));
        put(
            "transfer",
            link(transfer.map(|t| (t.id.as_str(), t.public_id.as_str()))),
        );
    }
    let null_platform = matches!(form, Form::Deposit | Form::QuoteOrder | Form::Confirm);
    let platform = external_platform(state, &order.user, null_platform);
    if form != Form::Confirm {
        put("externalPlatform", platform.clone());
    }
    if matches!(form, Form::Deposit | Form::Show | Form::Confirm) {
        put("kycLevelRequired", json!(KYC_LEVEL_REQUIRED));
    }
    if form == Form::Confirm {
        put("externalPlatform", platform);
    }
    put("createdAt", json!(order.created_at));
    Value::Object(v)
}

/// A new order of `user` with a fresh id and public id, waiting for payment.
pub(crate) fn new_order(state: &mut CcproState, user: &str, now: u64) -> Order {
    Order {
        id: state.uuid(),
        public_id: state.public_id(),
        user: user.to_owned(),
        status: PAYMENT_WAITING.to_owned(),
        created_at: now,
        ..Order::default()
    }
}

/// The caller's order of the path's `{order}`, by index.
fn own_order(ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("order");
    ctx.state
        .orders
        .iter()
        .position(|o| o.id == id && o.user == ctx.user_id())
        .ok_or_else(|| {
            ApiError::not_found().because(format!(
                "no order {id} of this user (ids come from quote-confirm, deposit-create, order-list)"
            ))
        })
}

/// The caller's orders passing the query's `status`, `typeOperationName` and `asset`
/// filters, and `kind` when given.
fn listed(ctx: &Ctx<'_>, kind: Option<Kind>) -> Reply {
    let status = ctx.query("status").filter(|s| !s.is_empty());
    let operation = ctx.query("typeOperationName").filter(|s| !s.is_empty());
    let asset = ctx.query("asset").filter(|s| !s.is_empty());
    let state = &*ctx.state;
    let items: Vec<Value> = state
        .orders
        .iter()
        .filter(|o| o.user == ctx.user_id())
        .filter(|o| status.is_none_or(|s| o.status == s))
        .filter(|o| operation.is_none_or(|s| o.operation == s))
        .filter(|o| asset.is_none_or(|a| o.to_symbol == a || o.from_symbol.as_deref() == Some(a)))
        .filter(|o| kind.is_none_or(|k| state.market.asset(o.crypto()).map(|a| a.kind) == Some(k)))
        .map(|o| json(state, o, Form::Index))
        .collect();
    ok(Value::Array(items))
}

/// order-list: the caller's orders, filtered by `status`, `typeOperationName`, `asset`.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, None)
}

/// order-coin-list: the caller's orders whose crypto side is a coin.
pub(crate) fn coin_list(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, Some(Kind::Coin))
}

/// order-token-list: the caller's orders whose crypto side is a token.
pub(crate) fn token_list(ctx: &mut Ctx<'_>) -> Reply {
    listed(ctx, Some(Kind::Token))
}

/// order-show: one of the caller's orders, its quote embedded.
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    let index = own_order(ctx)?;
    let order = &ctx.state.orders[index];
    ok(json(ctx.state, order, Form::Show))
}

/// The mimes of a proof of payment (BMP is recognised here: the shared sniffer has no BMP).
const PROOF_MIMES: &[&str] = &["jpg", "jpeg", "bmp", "png", "pdf"];

/// order-payment-proof: a proof of payment (multipart `file`) for a bank-paid buy waiting
/// for payment; the order moves to `PROCESSING_PAYMENT`.
pub(crate) fn payment_proof(ctx: &mut Ctx<'_>) -> Reply {
    let index = own_order(ctx)?;
    let mut check = Check::new(&ctx.input);
    let bmp = ctx
        .input
        .file("file")
        .is_some_and(|f| f.bytes.starts_with(b"BM") && f.bytes.len() <= MAX_FILE_BYTES);
    if !bmp {
        check.file("file", true, PROOF_MIMES);
    }
    check.finish()?;
    let now = ctx.now;
    let order = &mut ctx.state.orders[index];
    if !order.needs_proof() {
        return Err(
            ApiError::forbidden("This order do not require payment proof confirmation.").because(
                format!(
                    "only a buy_with_fiat paid by bank takes a proof of payment; this order is {} paid by {}",
                    order.operation,
                    order.payment_method.as_deref().unwrap_or("its balance")
                ),
            ),
        );
    }
    if order.status != PAYMENT_WAITING || order.proof_uploaded == Some(true) {
        return Err(
            ApiError::forbidden("This order payment is already confirmed.").because(format!(
                "the order is {} (a proof is taken only while PAYMENT_WAITING)",
                order.status
            )),
        );
    }
    order.proof_uploaded = Some(true);
    order.status = PROCESSING_PAYMENT.to_owned();
    order.processing_since = Some(now);
    done("Proof of payment successfully uploaded.")
}

/// platform-orders: the orders of the users the platform registered.
pub(crate) fn platform_list(ctx: &mut Ctx<'_>) -> Reply {
    let state = &*ctx.state;
    let items: Vec<Value> = state
        .orders
        .iter()
        .filter(|o| platform_user(state, &o.user))
        .map(|o| json(state, o, Form::Platform))
        .collect();
    ok(Value::Array(items))
}

/// Takes orders that need no proof into processing, and approves those whose payment
/// delay has passed.
pub(crate) fn tick(state: &mut CcproState, now: u64) {
    let delay = state.settings.payment_delay_seconds;
    for order in &mut state.orders {
        if order.status == PAYMENT_WAITING && !order.needs_proof() {
            order.status = PROCESSING_PAYMENT.to_owned();
            order.processing_since = Some(order.created_at);
        }
    }
    // Approval may add child orders: loop by index over what is due now.
    let due: Vec<String> = state
        .orders
        .iter()
        .filter(|o| {
            o.status == PROCESSING_PAYMENT
                && o.processing_since
                    .is_some_and(|since| since.saturating_add(delay) <= now)
        })
        .map(|o| o.id.clone())
        .collect();
    for id in due {
        let at = state
            .orders
            .iter()
            .find(|o| o.id == id)
            .and_then(|o| o.processing_since)
            .map_or(now, |since| since.saturating_add(delay));
        decide(state, &id, true, at);
    }
}

/// Approves or rejects the pending order `id` at `now`: balances, notification, platform
/// call; an approved buy with a `secondOrderType` starts its withdrawal (a child order).
fn decide(state: &mut CcproState, id: &str, approve: bool, now: u64) {
    let Some(index) = state.orders.iter().position(|o| o.id == id) else {
        return;
    };
    let order = state.orders[index].clone();
    if !order.pending() {
        return;
    }
    // Release what confirmation held.
    if let Some((asset, held)) = &order.held {
        let balance = state.balance_mut(&order.user, asset);
        balance.pending = balance.pending.saturating_sub(*held);
        if !approve {
            balance.available = balance.available.saturating_add(*held);
        }
    }
    let status = if approve { APPROVED } else { REJECTED };
    state.orders[index].status = status.to_owned();
    if approve {
        let credits_crypto = matches!(
            order.operation.as_str(),
            "deposit" | "buy_with_fiat" | "buy_with_crypto" | "sell_to_crypto"
        );
        if credits_crypto {
            let balance = state.balance_mut(&order.user, &order.to_symbol);
            balance.available = balance.available.saturating_add(order.to_amount);
        }
        // The fiat bought and sold count towards the KYC level's limits (`amounts`).
        match order.operation.as_str() {
            "buy_with_fiat" => {
                super::kyc::add_amounts(state, &order.user, order.from_amount, Decimal::ZERO);
            }
            "sell_to_fiat" => {
                super::kyc::add_amounts(state, &order.user, Decimal::ZERO, order.to_amount);
            }
            _ => {}
        }
        state.notify(
            &order.user,
            "order_approved",
            "order",
            "Order approved",
            &format!("Your order {} has been approved.", order.public_id),
            Some((&order.id, &order.public_id)),
            now,
        );
    } else {
        state.notify(
            &order.user,
            "order_rejected",
            "order",
            "Order rejected",
            &format!("Your order {} has been rejected.", order.public_id),
            Some((&order.id, &order.public_id)),
            now,
        );
    }
    let body = json!({
        "event": if approve { "order_approved" } else { "order_rejected" },
        "order": json(state, &state.orders[index], Form::Platform),
    });
    state.record_call(body, now);
    if let (true, Some(second)) = (approve, order.second_order_type.as_deref()) {
        start_withdrawal(state, index, second, now);
    }
}

/// The child withdrawal of an approved buy: the bought amount leaves for the quote's wallet.
fn start_withdrawal(state: &mut CcproState, parent: usize, second: &str, now: u64) {
    let order = state.orders[parent].clone();
    let kind = if second == "withdrawIco" {
        "withdraw-ico"
    } else {
        "withdraw"
    };
    let Ok(price) = state.market.price(
        kind,
        &order.to_symbol,
        &order.to_symbol,
        Some(order.to_amount),
        None,
    ) else {
        // The withdrawal is not available for this asset: the bought amount stays.
        return;
    };
    let mut child = new_order(state, &order.user, now);
    child.status = PROCESSING_PAYMENT.to_owned();
    child.processing_since = Some(now);
    child.kind = order.kind.clone();
    child.type_operation = "out".to_owned();
    child.operation = second.to_owned();
    child.from_symbol = Some(order.to_symbol.clone());
    child.from_amount = price.amount_from;
    child.rate = price.rate;
    child.to_symbol = order.to_symbol.clone();
    child.to_amount = price.amount_to;
    child.wallet = order.wallet.clone();
    child.parent_order = Some(order.id.clone());
    child.commission_percent = price.percent;
    child.commission_amount = price.commission_from;
    child.held = Some((order.to_symbol.clone(), price.amount_from));
    let balance = state.balance_mut(&order.user, &order.to_symbol);
    balance.available = balance.available.saturating_sub(price.amount_from);
    balance.pending = balance.pending.saturating_add(price.amount_from);
    state.orders[parent].child_order = Some(child.id.clone());
    state.orders.push(child);
}

/// `POST /_sandbox/ccpro/orders/{id}` `{"status": "APPROVED" | "REJECTED"}`: decides a
/// pending order at once (what CCPro's back office does); answers the order as order-list
/// shows it.
pub(crate) fn control_decide(
    state: &mut CcproState,
    id: &str,
    input: &Input,
    now: u64,
) -> Result<Value, control::ControlError> {
    let approve = match input.filled("status") {
        Some("APPROVED") => true,
        Some("REJECTED") => false,
        _ => {
            return Err(control::ControlError::Bad(
                "status: must be APPROVED or REJECTED".to_owned(),
            ));
        }
    };
    let Some(order) = state.orders.iter().find(|o| o.id == id) else {
        return Err(control::ControlError::NotFound(format!(
            "no CCPro order {id}"
        )));
    };
    if !order.pending() {
        return Err(control::ControlError::Bad(format!(
            "the order is already {}; only PAYMENT_WAITING or PROCESSING_PAYMENT orders are decided",
            order.status
        )));
    }
    decide(state, id, approve, now);
    let order = state
        .orders
        .iter()
        .find(|o| o.id == id)
        .ok_or_else(|| control::ControlError::NotFound(format!("no CCPro order {id}")))?;
    Ok(json(state, order, Form::Index))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::toolkit::dec;

    fn state_with_order(operation: &str, payment: Option<&str>) -> CcproState {
        let mut state = CcproState::new(7);
        state.users.push(User {
            id: "u1".to_owned(),
            email: "u1@sandbox.test".to_owned(),
            ..User::default()
        });
        let mut order = new_order(&mut state, "u1", 100);
        order.operation = operation.to_owned();
        order.kind = "coin".to_owned();
        order.type_operation = "in".to_owned();
        order.from_symbol = Some("EUR".to_owned());
        order.to_symbol = "ETH".to_owned();
        order.to_amount = dec("0.5");
        order.payment_method = payment.map(str::to_owned);
        state.orders.push(order);
        state
    }

    #[test]
    fn approval_credits_notifies_and_calls_the_platform_after_the_delay() {
        let mut state = state_with_order("buy_with_fiat", Some("card"));
        // A card-paid buy needs no proof: processing from its creation.
        tick(&mut state, 101);
        assert_eq!(state.orders[0].status, PROCESSING_PAYMENT);
        tick(&mut state, 159);
        assert_eq!(state.orders[0].status, PROCESSING_PAYMENT);
        assert!(state.notifications.is_empty());
        tick(&mut state, 160);
        assert_eq!(state.orders[0].status, APPROVED);
        assert_eq!(state.balance("u1", "ETH").available, dec("0.5"));
        let note = &state.notifications[0];
        assert_eq!(
            (note.code.as_str(), note.category.as_str()),
            ("order_approved", "order")
        );
        assert_eq!(note.meta_id.as_deref(), Some(state.orders[0].id.as_str()));
        assert_eq!(note.created_at, 160);
        assert_eq!(state.calls.len(), 1);
        assert_eq!(state.calls[0].request["event"], "order_approved");
        assert_eq!(
            state.calls[0].request["order"]["id"],
            json!(state.orders[0].id)
        );
        // Approved once only.
        tick(&mut state, 1000);
        assert_eq!(state.notifications.len(), 1);
        assert_eq!(state.balance("u1", "ETH").available, dec("0.5"));
    }

    #[test]
    fn a_bank_buy_waits_for_its_proof() {
        let mut state = state_with_order("buy_with_fiat", Some("bank"));
        tick(&mut state, 10_000);
        assert_eq!(state.orders[0].status, PAYMENT_WAITING);
        assert!(state.orders[0].needs_proof());
    }
}
