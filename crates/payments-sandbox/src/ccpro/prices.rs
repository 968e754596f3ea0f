//! CCPro prices (#51–#54): `GET api/v1/user/{user}/price/{kind}/{from}/{to}` with an optional
//! `from_amount` or `to_amount` in the query, priced by
//! [`Market::price`](super::market::Market::price).

use rust_decimal::Decimal;

use super::market::both_amounts;
use super::*;
use crate::toolkit::decimal;

/// `GET .../price/buy/{from}/{to}` (#51): fiat or crypto into a coin or token.
pub(crate) fn buy(ctx: &mut Ctx<'_>) -> Reply {
    price(ctx, "buy")
}

/// `GET .../price/sell/{from}/{to}` (#52): a coin or token into fiat or another crypto.
pub(crate) fn sell(ctx: &mut Ctx<'_>) -> Reply {
    price(ctx, "sell")
}

/// `GET .../price/withdraw/{from}/{to}` (#53): a coin out to a wallet (`from` = `to`).
pub(crate) fn withdraw(ctx: &mut Ctx<'_>) -> Reply {
    price(ctx, "withdraw")
}

/// `GET .../price/withdraw-ico/{from}/{to}` (#54): a token out to a wallet (`from` = `to`).
pub(crate) fn withdraw_ico(ctx: &mut Ctx<'_>) -> Reply {
    price(ctx, "withdraw-ico")
}

/// The price of `kind`: both amounts 403, an unknown asset, a pair the kind does not fit or a
/// switched-off operation 405 (the market's rules); an amount that is not a number above 0
/// 422 (the sandbox's choice, the docs give none).
fn price(ctx: &mut Ctx<'_>, kind: &str) -> Reply {
    let from_amount = ctx.query("from_amount").filter(|v| !v.trim().is_empty());
    let to_amount = ctx.query("to_amount").filter(|v| !v.trim().is_empty());
    if from_amount.is_some() && to_amount.is_some() {
        return Err(both_amounts());
    }
    let from_amount = from_amount
        .map(|v| positive("from_amount", v))
        .transpose()?;
    let to_amount = to_amount.map(|v| positive("to_amount", v)).transpose()?;
    let price = ctx.state.market.price(
        kind,
        ctx.param("from"),
        ctx.param("to"),
        from_amount,
        to_amount,
    )?;
    ok(price.json())
}

/// A query amount: a number above 0, else 422 naming the parameter.
fn positive(name: &str, text: &str) -> Result<Decimal, ApiError> {
    let attr = name.replace('_', " ");
    let value = decimal(text).ok_or_else(|| {
        invalid(name, &super::not_a_decimal(&attr, text)).because(format!(
            "{name} is not a number the sandbox can hold exactly: digits, at most 28 significant, e.g. {name}=100"
        ))
    })?;
    if value <= Decimal::ZERO {
        return Err(
            invalid(name, &format!("The {attr} must be greater than 0."))
                .because(format!("{name} must be above 0")),
        );
    }
    Ok(value)
}
