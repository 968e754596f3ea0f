//! CCPro currencies (#16, #17) and balances (#72), read from the market
//! ([`super::market::Market`]) and the users' balances.

use serde_json::{Value, json};

use super::market::{Asset, Kind, Market, PERIODS};
use super::*;

/// 403 `{"message":"Unable to process your request."}`.
fn unable(reason: String) -> ApiError {
    ApiError::forbidden("Unable to process your request.").because(reason)
}

/// The coin or token of `symbol`, or 403 Unable (unknown symbols and fiats).
fn crypto<'m>(market: &'m Market, symbol: &str) -> Result<&'m Asset, ApiError> {
    match market.asset(symbol) {
        Some(asset) if asset.is_crypto() => Ok(asset),
        found => {
            let cryptos: Vec<&str> = market
                .assets
                .iter()
                .filter(|a| a.is_crypto())
                .map(|a| a.symbol)
                .collect();
            let what = if found.is_some() {
                format!("{symbol} is a fiat")
            } else {
                format!("{symbol} is not an asset of the sandbox")
            };
            Err(unable(format!(
                "{what}; the coins and tokens are {} (upper case)",
                cryptos.join(", ")
            )))
        }
    }
}

/// `GET api/v1/user/{user}/currencies/{asset?}` (#16): `{"coins": [...]}`, every coin and
/// token of the market (each with its `type`), or only `{asset}`'s; 403 Unable for an asset
/// that is not a coin or token.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    let market = &ctx.state.market;
    let coins: Vec<Value> = match ctx.optional_param("asset") {
        Some(symbol) => vec![market.currency_json(crypto(market, symbol)?, ctx.now)],
        None => market
            .assets
            .iter()
            .filter(|a| a.is_crypto())
            .map(|a| market.currency_json(a, ctx.now))
            .collect(),
    };
    ok(json!({ "coins": coins }))
}

/// `GET api/v1/user/{user}/currencies/{asset}/history/{period}` (#17): the period's rate
/// points, oldest first; 403 Unable for an asset that is not a coin or token, or a period
/// other than `day`, `week`, `month`, `quarter`, `semester`, `year`.
pub(crate) fn history(ctx: &mut Ctx<'_>) -> Reply {
    let market = &ctx.state.market;
    let asset = crypto(market, ctx.param("asset"))?;
    let period = ctx.param("period");
    let points = market.history_json(asset, period, ctx.now).ok_or_else(|| {
        let periods: Vec<&str> = PERIODS.iter().map(|(name, _, _)| *name).collect();
        unable(format!(
            "{period:?} is not a period; one of {}",
            periods.join(", ")
        ))
    })?;
    ok(points)
}

/// `GET api/v1/user/{user}/balances/{asset?}` (#72): `{"coins": [...], "tokens": [...]}`,
/// every coin and token of the market with the caller's `available` and `pending` amounts
/// (zero when none; set through `POST /_sandbox/ccpro/balances`) and their value in EUR, or
/// only `{asset}`'s; 403 Unable for an asset that is not a coin or token (the sandbox's
/// choice: the docs list no error for it).
pub(crate) fn balances(ctx: &mut Ctx<'_>) -> Reply {
    let state = &*ctx.state;
    let market = &state.market;
    let assets: Vec<&Asset> = match ctx.optional_param("asset") {
        Some(symbol) => vec![crypto(market, symbol)?],
        None => market.assets.iter().filter(|a| a.is_crypto()).collect(),
    };
    let user = ctx.user_id();
    let mut coins = Vec::new();
    let mut tokens = Vec::new();
    for asset in assets {
        let balance = state.balance(user, asset.symbol);
        let mut item = json!({
            "name": asset.name,
            "symbol": asset.symbol,
            "rates": market.rates_json(asset, ctx.now, true),
            "amounts": {
                "crypto": {
                    "available": amount(balance.available),
                    "pending": amount(balance.pending),
                },
                "fiat": {
                    "available": amount(balance.available.saturating_mul(asset.eur)),
                    "pending": amount(balance.pending.saturating_mul(asset.eur)),
                },
            },
            "favorite": balance.favorite,
        });
        if asset.kind == Kind::Coin {
            if let Some(fields) = item.as_object_mut() {
                fields.insert("alias".to_owned(), Value::from(asset.symbol));
            }
            coins.push(item);
        } else {
            tokens.push(item);
        }
    }
    ok(json!({ "coins": coins, "tokens": tokens }))
}
