//! CCPro deposits: a crypto deposit declared by its transaction (deposit-create), which
//! becomes an order in `PROCESSING_PAYMENT` credited when approved, and the user's deposit
//! address of an asset (deposit-address), kept on the user.

use axum::http::StatusCode;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::market::Kind;
use super::orders::{self, PROCESSING_PAYMENT};
use super::*;

/// A user's deposit address of one asset and destination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DepositAddress {
    pub(crate) id: String,
    pub(crate) asset: String,
    pub(crate) address: String,
    /// `broker` or `checkout`.
    pub(crate) destination: String,
    /// The chain the address lives on (`ETH` for tokens).
    pub(crate) chain: String,
    pub(crate) created_at: u64,
}

/// `address` as deposit-address answers it.
pub(crate) fn json(address: &DepositAddress) -> Value {
    json!({
        "id": address.id,
        "address": address.address,
        "type": "cold",
        "destination": address.destination,
        "status": "enabled",
        "chain": address.chain,
        "createdAt": address.created_at,
    })
}

/// The longest `wallet` and `txID` (the docs' `max:191`).
const MAX_TEXT: usize = 191;

/// deposit-create: records a deposit of a coin or token as an order in
/// `PROCESSING_PAYMENT`, credited to the balance when approved.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let state = &*ctx.state;
    let mut check = Check::new(&ctx.input);
    let kind = check.one_of("type", &["coin", "token"], true);
    let symbol = check.required("symbol");
    let asset = symbol.and_then(|s| state.market.asset(s));
    if symbol.is_some() && asset.is_none_or(|a| a.kind == Kind::Fiat) {
        check.fail("symbol", "The selected symbol is invalid.");
    }
    let value = check.number("amount", true);
    if value.is_some_and(|a| a <= Decimal::ZERO) {
        check.fail("amount", "The amount must be greater than 0.");
    }
    let wallet = check.optional("wallet");
    if wallet.is_some_and(|w| w.chars().count() > MAX_TEXT) {
        check.fail(
            "wallet",
            "The wallet may not be greater than 191 characters.",
        );
    }
    let tx_id = check.required("txID");
    if tx_id.is_some_and(|t| t.chars().count() > MAX_TEXT) {
        check.fail("txID", "The txID may not be greater than 191 characters.");
    }
    check.finish()?;
    let (Some(kind), Some(asset), Some(value), Some(tx_id)) = (kind, asset, value, tx_id) else {
        return Err(invalid("type", "The type field is required.")
            .because("type, symbol, amount and txID are required"));
    };
    let asset_kind = if asset.kind == Kind::Token {
        "token"
    } else {
        "coin"
    };
    if asset_kind != kind {
        return Err(ApiError::message(
            StatusCode::NOT_ACCEPTABLE,
            "This type of operation is not allowed.",
        )
        .because(format!(
            "{} is a {asset_kind}, not a {kind}: send type {asset_kind}",
            asset.symbol
        )));
    }
    let symbol = asset.symbol.to_owned();
    let wallet = wallet.map(str::to_owned);
    let tx_id = tx_id.to_owned();
    let user = ctx.user_id().to_owned();
    let now = ctx.now;
    let mut order = orders::new_order(ctx.state, &user, now);
    order.status = PROCESSING_PAYMENT.to_owned();
    order.processing_since = Some(now);
    order.kind = kind.to_owned();
    order.type_operation = "in".to_owned();
    order.operation = "deposit".to_owned();
    order.to_symbol = symbol;
    order.to_amount = value;
    order.wallet = wallet;
    order.tx_id = Some(tx_id);
    let body = orders::json(ctx.state, &order, orders::Form::Deposit);
    ctx.state.orders.push(order);
    ok(body)
}

/// deposit-address: the caller's deposit address of a coin or token for a destination
/// (`broker` unless said), made on first ask and the same afterwards.
pub(crate) fn address(ctx: &mut Ctx<'_>) -> Reply {
    let state = &*ctx.state;
    let mut check = Check::new(&ctx.input);
    let symbol = check.required("asset");
    let asset = symbol.and_then(|s| state.market.asset(s));
    if symbol.is_some() && asset.is_none() {
        check.fail("asset", "The selected asset is invalid.");
    }
    let destination = check.one_of("destination", &["broker", "checkout"], false);
    check.finish()?;
    let Some(asset) = asset else {
        return Err(invalid("asset", "The asset field is required.")
            .because("asset is required: a coin or token symbol"));
    };
    if asset.kind == Kind::Fiat {
        return Err(
            ApiError::forbidden("Unable to process your request.").because(format!(
                "{} is a fiat: deposit addresses exist for coins and tokens only",
                asset.symbol
            )),
        );
    }
    let symbol = asset.symbol.to_owned();
    let chain = match asset.kind {
        Kind::Token => "ETH".to_owned(),
        _ => symbol.clone(),
    };
    let destination = destination.unwrap_or("broker").to_owned();
    let user_id = ctx.user_id().to_owned();
    let existing = ctx.state.user(&user_id).and_then(|u| {
        u.deposit_addresses
            .iter()
            .find(|a| a.asset == symbol && a.destination == destination)
            .cloned()
    });
    if let Some(found) = existing {
        return ok(json(&found));
    }
    let id = ctx.state.uuid();
    let hex = format!("{}{}", ctx.state.uuid(), ctx.state.uuid()).replace('-', "");
    let address = match chain.as_str() {
        "BTC" | "XBT" => format!("bc1q{}", &hex[..38]),
        "LTC" => format!("ltc1q{}", &hex[..38]),
        _ => format!("0x{}", &hex[..40]),
    };
    let made = DepositAddress {
        id,
        asset: symbol,
        address,
        destination,
        chain,
        created_at: ctx.now,
    };
    let body = json(&made);
    if let Some(user) = ctx.state.user_mut(&user_id) {
        user.deposit_addresses.push(made);
    }
    ok(body)
}
