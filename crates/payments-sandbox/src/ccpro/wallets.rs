//! CCPro wallets (#75–#78): a user's withdrawal addresses, created `CONFIRMED`; an address is
//! registered once across all users, an alias once per user.

use serde_json::{Value, json};

use super::banks::{CONFIRMED, Rule, selected_invalid, taken, text};
use super::market::Kind;
use super::*;

/// A user's wallet.
#[derive(Debug, Clone, Default)]
pub(crate) struct Wallet {
    /// The wallet's UUID (`id`, the `{wallet}` of the paths).
    pub(crate) id: String,
    /// The owner's UUID.
    pub(crate) user: String,
    /// `CONFIRMED`, `PENDING` or `REJECTED` (the last two only through the control route).
    pub(crate) status: String,
    /// Unique among the user's wallets.
    pub(crate) alias: String,
    /// Unique among all wallets.
    pub(crate) address: String,
    /// A coin or token symbol of the market (`ETH`).
    pub(crate) coin: String,
    /// Set when a quote sent to this wallet (or by the control route).
    pub(crate) used: bool,
    pub(crate) created_at: u64,
}

impl Wallet {
    /// The wallet as #75–#78 answer it and #71 embeds it.
    pub(crate) fn json(&self) -> Value {
        json!({
            "id": self.id,
            "status": self.status,
            "alias": self.alias,
            "address": self.address,
            "coin": self.coin,
            "createdAt": self.created_at,
        })
    }
}

/// `GET api/v1/user/{user}/wallet` (#75): the caller's wallets, oldest first; `?status=` and
/// `?coin=` filter them (without regard to case).
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    let status = ctx.query("status").filter(|s| !s.is_empty());
    let coin = ctx.query("coin").filter(|s| !s.is_empty());
    let user = ctx.user_id();
    let items: Vec<Value> = ctx
        .state
        .wallets
        .iter()
        .filter(|w| w.user == user)
        .filter(|w| status.is_none_or(|s| w.status.eq_ignore_ascii_case(s)))
        .filter(|w| coin.is_none_or(|c| w.coin.eq_ignore_ascii_case(c)))
        .map(Wallet::json)
        .collect();
    ok(Value::Array(items))
}

/// `POST api/v1/user/{user}/wallet` (#76): `address` (alpha_num, unique among all wallets),
/// `alias` (alpha_dash, max:191, unique among the user's wallets), `coin` (a coin or token
/// symbol of the market); 201 with the new wallet, `CONFIRMED`.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let address = address(&mut check, ctx.state, None);
    let alias = alias(&mut check, ctx.state, &user, None);
    let coin = text(&mut check, "coin", &[]);
    if let Some(symbol) = coin
        && !ctx
            .state
            .market
            .asset(symbol)
            .is_some_and(|a| a.kind != Kind::Fiat)
    {
        check.fail("coin", &selected_invalid("coin"));
    }
    let coin = coin.filter(|_| !check.failed("coin"));
    finish(check, &ctx.state.market)?;
    let (Some(address), Some(alias), Some(coin)) = (address, alias, coin) else {
        return Err(invalid("address", "The address field is required."));
    };
    let wallet = Wallet {
        id: ctx.state.uuid(),
        user,
        status: CONFIRMED.to_owned(),
        alias: alias.to_owned(),
        address: address.to_owned(),
        coin: coin.to_owned(),
        used: false,
        created_at: ctx.now,
    };
    let body = wallet.json();
    ctx.state.wallets.push(wallet);
    created(body)
}

/// `GET api/v1/user/{user}/wallet/{wallet}` (#77).
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    let index = find(ctx)?;
    ok(ctx
        .state
        .wallets
        .get(index)
        .map(Wallet::json)
        .unwrap_or_default())
}

/// `POST api/v1/user/{user}/wallet/{wallet}` (#78): a new `alias` (the create's rules, this
/// wallet's own alias allowed); an `address`, not in the docs' body table but validated by
/// CCPro (the docs' 422 is about it), is checked like the create's and then replaces the
/// wallet's. The coin cannot change.
pub(crate) fn update(ctx: &mut Ctx<'_>) -> Reply {
    let index = find(ctx)?;
    let user = ctx.user_id().to_owned();
    let id = ctx.param("wallet").to_owned();
    let mut check = Check::new(&ctx.input);
    let alias = alias(&mut check, ctx.state, &user, Some(&id));
    let address = if ctx.input.has("address") {
        address(&mut check, ctx.state, Some(&id))
    } else {
        None
    };
    finish(check, &ctx.state.market)?;
    let alias = alias.map(str::to_owned);
    let address = address.map(str::to_owned);
    let Some(wallet) = ctx.state.wallets.get_mut(index) else {
        return Err(ApiError::not_found());
    };
    if let Some(alias) = alias {
        wallet.alias = alias;
    }
    if let Some(address) = address {
        wallet.address = address;
    }
    ok(wallet.json())
}

/// `address`: alpha_num, not another wallet's (any user's).
fn address<'a>(check: &mut Check<'a>, state: &CcproState, this: Option<&str>) -> Option<&'a str> {
    let address = text(check, "address", &[Rule::AlphaNum])?;
    if state
        .wallets
        .iter()
        .any(|w| w.address == address && Some(w.id.as_str()) != this)
    {
        check.fail("address", &taken("address"));
        return None;
    }
    Some(address)
}

/// `alias`: alpha_dash, at most 191 characters, not another of the user's wallets'.
fn alias<'a>(
    check: &mut Check<'a>,
    state: &CcproState,
    user: &str,
    this: Option<&str>,
) -> Option<&'a str> {
    let alias = text(check, "alias", &[Rule::AlphaDash, Rule::Max(191)])?;
    if state
        .wallets
        .iter()
        .any(|w| w.user == user && w.alias == alias && Some(w.id.as_str()) != this)
    {
        check.fail("alias", &taken("alias"));
        return None;
    }
    Some(alias)
}

/// 422 with every failure, explained.
fn finish(check: Check<'_>, market: &market::Market) -> Result<(), ApiError> {
    check.finish().map_err(|e| {
        let fields = e
            .body
            .get("errors")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        let coins: Vec<&str> = market
            .assets
            .iter()
            .filter(|a| a.kind != Kind::Fiat)
            .map(|a| a.symbol)
            .collect();
        e.because(format!(
            "validation failed: {fields}; an address is registered once across all users, an \
             alias once per user (letters, digits, - and _), coin one of {}",
            coins.join(", ")
        ))
    })
}

/// The index of the caller's wallet of the path, or 404.
fn find(ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("wallet");
    let user = ctx.user_id();
    ctx.state
        .wallets
        .iter()
        .position(|w| w.id == id && w.user == user)
        .ok_or_else(|| {
            ApiError::not_found().because(format!(
                "no wallet {id} among this user's wallets (GET .../wallet lists them)"
            ))
        })
}
