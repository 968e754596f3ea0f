//! The market the sandbox quotes from: its assets (coins, tokens, fiats), the stored raw
//! rates, the commission percent of each operation, and which operations are enabled. Prices
//! are pure functions of these (the formulas the docs' price examples follow), used by the
//! price operations and by quotes. The rates' past (`rates.raw.day` … `year` and the history
//! points of #16, #17 and #72) is computed from the current rate and the time alone, so the
//! same clock gives the same answers.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::{ApiError, amount, number};
use crate::ids::splitmix64;
use crate::toolkit::dec;

/// What kind of asset a symbol is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A coin (`BTC`, `XBT`, `ETH`, `LTC`).
    Coin,
    /// A token (`IPSX`).
    Token,
    /// A fiat currency (`EUR`, `USD`, `RON`, `CHF`).
    Fiat,
}

/// A priced operation, by the name the docs' price answers give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PriceOp {
    /// Fiat to coin or token: `buy_with_fiat`.
    BuyWithFiat,
    /// Coin or token to fiat: `sell_to_fiat`.
    SellToFiat,
    /// Crypto to another crypto: `buy_with_crypto`.
    BuyWithCrypto,
    /// Crypto to another crypto, sold: `sell_to_crypto`.
    SellToCrypto,
    /// A coin withdrawn to a wallet: `withdraw`.
    Withdraw,
    /// A token withdrawn to a wallet: `withdrawIco`.
    WithdrawIco,
}

impl PriceOp {
    /// The docs' name of the operation.
    pub(crate) fn name(self) -> &'static str {
        match self {
            PriceOp::BuyWithFiat => "buy_with_fiat",
            PriceOp::SellToFiat => "sell_to_fiat",
            PriceOp::BuyWithCrypto => "buy_with_crypto",
            PriceOp::SellToCrypto => "sell_to_crypto",
            PriceOp::Withdraw => "withdraw",
            PriceOp::WithdrawIco => "withdrawIco",
        }
    }

    /// Every operation.
    pub(crate) const ALL: &'static [PriceOp] = &[
        PriceOp::BuyWithFiat,
        PriceOp::SellToFiat,
        PriceOp::BuyWithCrypto,
        PriceOp::SellToCrypto,
        PriceOp::Withdraw,
        PriceOp::WithdrawIco,
    ];

    /// The operation of this name (`withdraw_ico` also names `withdrawIco`).
    pub(crate) fn from_name(name: &str) -> Option<PriceOp> {
        if name == "withdraw_ico" {
            return Some(PriceOp::WithdrawIco);
        }
        PriceOp::ALL.iter().copied().find(|o| o.name() == name)
    }
}

/// One asset of the market.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    /// The symbol (`ETH`).
    pub(crate) symbol: &'static str,
    /// The display name (`Ether`).
    pub(crate) name: &'static str,
    /// Coin, token or fiat.
    pub(crate) kind: Kind,
    /// Its value in EUR (1 for EUR).
    pub(crate) eur: Decimal,
    /// The symbol of the chain it lives on (itself for coins, `ETH` for tokens).
    pub(crate) chain: &'static str,
}

impl Asset {
    /// `coin`, `token` or `fiat`: the `type` of #16.
    pub(crate) fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Coin => "coin",
            Kind::Token => "token",
            Kind::Fiat => "fiat",
        }
    }

    /// `true` for coins and tokens.
    pub(crate) fn is_crypto(&self) -> bool {
        self.kind != Kind::Fiat
    }
}

/// The platform's reference fiat: the fiat of `Particular` operations and of balances'
/// `amounts.fiat`.
pub(crate) const REFERENCE_FIAT: &str = "EUR";

/// The history periods of #17 (`{period}`) and `rates.raw`: name, length in seconds, and how
/// many points the history gives (evenly spaced, the last on the current step).
pub(crate) const PERIODS: &[(&str, u64, u64)] = &[
    ("day", 86_400, 24),
    ("week", 7 * 86_400, 28),
    ("month", 30 * 86_400, 30),
    ("quarter", 90 * 86_400, 30),
    ("semester", 180 * 86_400, 30),
    ("year", 365 * 86_400, 73),
];

/// The market: assets, rates, commissions, enabled operations.
#[derive(Debug, Clone)]
pub(crate) struct Market {
    /// The assets, coins first, then tokens, then fiats.
    pub(crate) assets: Vec<Asset>,
    /// The commission percent of each operation.
    pub(crate) commission: BTreeMap<PriceOp, Decimal>,
    /// Operations switched off (price answers 405): `(operation, asset symbol)`, where the
    /// asset is the crypto side.
    pub(crate) disabled: Vec<(PriceOp, String)>,
}

impl Default for Market {
    fn default() -> Self {
        let asset = |symbol, name, kind, eur: &str, chain| Asset {
            symbol,
            name,
            kind,
            eur: dec(eur),
            chain,
        };
        // Names as the docs write them (`Ether`, `IPSX`, `Euro`, `Usd`, …).
        Market {
            assets: vec![
                asset("BTC", "Bitcoin", Kind::Coin, "6377", "BTC"),
                asset("XBT", "Bitcoin", Kind::Coin, "6377", "XBT"),
                asset("ETH", "Ether", Kind::Coin, "160.16", "ETH"),
                asset("LTC", "Litecoin", Kind::Coin, "52.4", "LTC"),
                asset("IPSX", "IPSX", Kind::Token, "0.01", "ETH"),
                asset("EUR", "Euro", Kind::Fiat, "1", "EUR"),
                asset("USD", "Usd", Kind::Fiat, "0.9", "USD"),
                asset("RON", "Ron", Kind::Fiat, "0.21", "RON"),
                asset("CHF", "Chf", Kind::Fiat, "0.95", "CHF"),
            ],
            commission: [
                (PriceOp::BuyWithFiat, dec("0.1")),
                (PriceOp::SellToFiat, dec("0")),
                (PriceOp::BuyWithCrypto, dec("0.5")),
                (PriceOp::SellToCrypto, dec("0.5")),
                (PriceOp::Withdraw, dec("2")),
                (PriceOp::WithdrawIco, dec("10")),
            ]
            .into_iter()
            .collect(),
            disabled: Vec::new(),
        }
    }
}

/// A computed price: what the price operations answer and quotes are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Price {
    /// The operation.
    pub(crate) op: PriceOp,
    /// The symbols.
    pub(crate) from: String,
    pub(crate) to: String,
    /// The raw rate (units of the fiat or `from` side per unit of the crypto side).
    pub(crate) rate_raw: Decimal,
    /// The rate with the commission applied.
    pub(crate) rate: Decimal,
    /// The commission percent.
    pub(crate) percent: Decimal,
    /// The commission, in `from` and in `to` units.
    pub(crate) commission_from: Decimal,
    pub(crate) commission_to: Decimal,
    /// The amounts: `from` paid, `to` received.
    pub(crate) amount_from: Decimal,
    pub(crate) amount_to: Decimal,
}

impl Market {
    /// The asset of `symbol` (exact, upper case).
    pub(crate) fn asset(&self, symbol: &str) -> Option<&Asset> {
        self.assets.iter().find(|a| a.symbol == symbol)
    }

    /// `true` when `op` is enabled for the crypto `symbol`.
    pub(crate) fn enabled(&self, op: PriceOp, symbol: &str) -> bool {
        !self.disabled.iter().any(|(o, s)| *o == op && s == symbol)
    }

    /// The operation moving `from` into `to` for a price kind (`buy`, `sell`, `withdraw`,
    /// `withdraw-ico` as in the price paths), or `None` when the pair does not fit it.
    pub(crate) fn operation(&self, kind: &str, from: &Asset, to: &Asset) -> Option<PriceOp> {
        let crypto = |a: &Asset| a.kind != Kind::Fiat;
        match kind {
            "buy" if from.kind == Kind::Fiat && crypto(to) => Some(PriceOp::BuyWithFiat),
            "buy" if crypto(from) && crypto(to) && from.symbol != to.symbol => {
                Some(PriceOp::BuyWithCrypto)
            }
            "sell" if crypto(from) && to.kind == Kind::Fiat => Some(PriceOp::SellToFiat),
            "sell" if crypto(from) && crypto(to) && from.symbol != to.symbol => {
                Some(PriceOp::SellToCrypto)
            }
            "withdraw" if from.kind == Kind::Coin && from.symbol == to.symbol => {
                Some(PriceOp::Withdraw)
            }
            "withdraw-ico" if from.kind == Kind::Token && from.symbol == to.symbol => {
                Some(PriceOp::WithdrawIco)
            }
            _ => None,
        }
    }

    /// The price of `kind` (`buy`, `sell`, `withdraw`, `withdraw-ico`) from `from` to `to`
    /// for at most one of the amounts; with neither, for one unit of `from`'s side (the
    /// rate). Both amounts: 403; an unknown asset, a pair the kind does not fit or a disabled
    /// operation: 405 `{"message":"Operation not available!","errors":{}}`.
    pub(crate) fn price(
        &self,
        kind: &str,
        from: &str,
        to: &str,
        from_amount: Option<Decimal>,
        to_amount: Option<Decimal>,
    ) -> Result<Price, ApiError> {
        if from_amount.is_some() && to_amount.is_some() {
            return Err(both_amounts());
        }
        let unavailable = |why: String| {
            ApiError::with_errors(
                StatusCode::METHOD_NOT_ALLOWED,
                "Operation not available!",
                Map::new(),
            )
            .because(why)
        };
        let (Some(f), Some(t)) = (self.asset(from), self.asset(to)) else {
            return Err(unavailable(format!(
                "unknown asset: the sandbox's assets are {}",
                self.assets
                    .iter()
                    .map(|a| a.symbol)
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        };
        let Some(op) = self.operation(kind, f, t) else {
            return Err(unavailable(format!(
                "{kind} does not apply from {from} to {to}"
            )));
        };
        let crypto = if f.kind == Kind::Fiat { t } else { f };
        if !self.enabled(op, crypto.symbol) {
            return Err(unavailable(format!(
                "{} is disabled for {} (POST /_sandbox/ccpro/market)",
                op.name(),
                crypto.symbol
            )));
        }
        let percent = self.commission.get(&op).copied().unwrap_or_default();
        let hundred = Decimal::ONE_HUNDRED;
        let overflow = || unavailable("the amount is too large to price".to_owned());
        let p = percent.checked_div(hundred).ok_or_else(overflow)?;
        let price = match op {
            // Units of `from` per unit of `to`, the commission added to the rate.
            PriceOp::BuyWithFiat | PriceOp::BuyWithCrypto => {
                let rate_raw = t.eur.checked_div(f.eur).ok_or_else(overflow)?;
                let rate = rate_raw
                    .checked_mul(Decimal::ONE + p)
                    .ok_or_else(overflow)?;
                let (amount_from, amount_to) = match (from_amount, to_amount) {
                    (_, Some(to)) => (to.checked_mul(rate).ok_or_else(overflow)?, to),
                    (from, None) => {
                        let from = from.unwrap_or(rate);
                        (from, from.checked_div(rate).ok_or_else(overflow)?)
                    }
                };
                let commission_to = amount_to.checked_mul(p).ok_or_else(overflow)?;
                let commission_from = amount_from
                    - amount_from
                        .checked_div(Decimal::ONE + p)
                        .ok_or_else(overflow)?;
                (
                    rate_raw,
                    rate,
                    commission_from,
                    commission_to,
                    amount_from,
                    amount_to,
                )
            }
            // Units of `to` per unit of `from`, the commission taken off the rate.
            PriceOp::SellToFiat | PriceOp::SellToCrypto => {
                let rate_raw = f.eur.checked_div(t.eur).ok_or_else(overflow)?;
                let rate = rate_raw
                    .checked_mul(Decimal::ONE - p)
                    .ok_or_else(overflow)?;
                let (amount_from, amount_to) = match (from_amount, to_amount) {
                    (_, Some(to)) => (to.checked_div(rate).ok_or_else(overflow)?, to),
                    (from, None) => {
                        let from = from.unwrap_or(Decimal::ONE);
                        (from, from.checked_mul(rate).ok_or_else(overflow)?)
                    }
                };
                let commission_from = amount_from.checked_mul(p).ok_or_else(overflow)?;
                let commission_to =
                    amount_from.checked_mul(rate_raw).ok_or_else(overflow)? - amount_to;
                (
                    rate_raw,
                    rate,
                    commission_from,
                    commission_to,
                    amount_from,
                    amount_to,
                )
            }
            // The same asset out, less the commission.
            PriceOp::Withdraw | PriceOp::WithdrawIco => {
                let rate_raw = f.eur;
                let (amount_from, amount_to) = match (from_amount, to_amount) {
                    (_, Some(to)) => (to.checked_div(Decimal::ONE - p).ok_or_else(overflow)?, to),
                    (from, None) => {
                        let from = from.unwrap_or(Decimal::ONE);
                        (
                            from,
                            from.checked_mul(Decimal::ONE - p).ok_or_else(overflow)?,
                        )
                    }
                };
                let commission = amount_from - amount_to;
                (
                    rate_raw,
                    rate_raw,
                    commission,
                    commission,
                    amount_from,
                    amount_to,
                )
            }
        };
        let (rate_raw, rate, commission_from, commission_to, amount_from, amount_to) = price;
        Ok(Price {
            op,
            from: f.symbol.to_owned(),
            to: t.symbol.to_owned(),
            rate_raw,
            rate,
            percent,
            commission_from,
            commission_to,
            amount_from,
            amount_to,
        })
    }
}

/// 403 `{"message":"ERROR: from_amount and to_amount cannot be both filled","errors":{}}`.
pub(crate) fn both_amounts() -> ApiError {
    ApiError::with_errors(
        StatusCode::FORBIDDEN,
        "ERROR: from_amount and to_amount cannot be both filled",
        Map::new(),
    )
    .because("send from_amount or to_amount, not both (neither: the price of one unit)")
}

impl Price {
    /// The answer of the price operations (#51–#54): amounts and rates as exact strings,
    /// `commission.percent` a JSON number, no discount, no payment processor.
    pub(crate) fn json(&self) -> Value {
        json!({
            "rate": amount(self.rate),
            "rateRaw": amount(self.rate_raw),
            "commission": {
                "from": amount(self.commission_from),
                "to": amount(self.commission_to),
                "percent": number(self.percent),
                "discount": 0,
            },
            "amounts": {
                "from": amount(self.amount_from),
                "to": amount(self.amount_to),
            },
            "assets": { "from": self.from, "to": self.to },
            "payment": { "processor": null, "fee": null, "feeOnTop": null },
            "operation": self.op.name(),
        })
    }
}

/// A 64-bit mix of a symbol and a number (FNV-1a, then splitmix64): the same inputs give the
/// same value on every platform and run.
fn mix(symbol: &str, n: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in symbol.bytes().chain(n.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    splitmix64(h)
}

impl Market {
    /// `asset`'s rate in EUR at `t`: the current rate during the current hour, before that
    /// the current rate moved by up to ±8 % per day and ±2 % per hour, fixed for each
    /// (symbol, day) and (symbol, hour).
    pub(crate) fn rate_at(&self, asset: &Asset, t: u64, now: u64) -> Decimal {
        if t / 3600 >= now / 3600 {
            return asset.eur;
        }
        let daily = (mix(asset.symbol, t / 86_400) % 1601) as i64 - 800;
        let hourly = (mix(asset.symbol, (t / 3600) ^ (1 << 63)) % 401) as i64 - 200;
        let factor = Decimal::ONE + Decimal::new(daily + hourly, 4);
        asset.eur.checked_mul(factor).unwrap_or(asset.eur)
    }

    /// A rate as `rates.raw` writes it: five decimals for coins and fiats (`128.55000`); for
    /// tokens, their digits, or below 0.0001 an exponent with a capital E (`6.252E-5`).
    pub(crate) fn rate_text(asset: &Asset, value: Decimal) -> String {
        if asset.kind != Kind::Token {
            return format!("{:.5}", value.round_dp(5));
        }
        if value.is_zero() || value >= Decimal::new(1, 4) {
            return value.round_dp(8).normalize().to_string();
        }
        let mut mantissa = value;
        let mut exponent = 0i32;
        while mantissa < Decimal::ONE && exponent > -28 {
            mantissa *= Decimal::TEN;
            exponent -= 1;
        }
        let mut mantissa = mantissa.round_dp(3);
        if mantissa >= Decimal::TEN {
            mantissa /= Decimal::TEN;
            exponent += 1;
        }
        format!("{}E{exponent}", mantissa.normalize())
    }

    /// The history points of `period` (one of [`PERIODS`]) for `asset`, oldest first:
    /// `(createdAt, rate)`; `None` for an unknown period.
    pub(crate) fn history(
        &self,
        asset: &Asset,
        period: &str,
        now: u64,
    ) -> Option<Vec<(u64, Decimal)>> {
        let &(_, length, points) = PERIODS.iter().find(|(name, _, _)| *name == period)?;
        let step = length / points;
        let last = now - now % step;
        Some(
            (0..points)
                .map(|k| {
                    let t = last.saturating_sub((points - 1 - k) * step);
                    (t, self.rate_at(asset, t, now))
                })
                .collect(),
        )
    }

    /// The history of #17 and `rates.raw.history.*`: `[{"rate", "createdAt"}]`.
    pub(crate) fn history_json(&self, asset: &Asset, period: &str, now: u64) -> Option<Value> {
        let points = self.history(asset, period, now)?;
        Some(Value::Array(
            points
                .into_iter()
                .map(|(t, rate)| json!({ "rate": Market::rate_text(asset, rate), "createdAt": t }))
                .collect(),
        ))
    }

    /// `rates` of #16, #38 and #72: `{"raw": {"now", "day", …, "year"}}`, the rate now and
    /// one period ago, with `history.day` when `with_history`.
    pub(crate) fn rates_json(&self, asset: &Asset, now: u64, with_history: bool) -> Value {
        let mut raw = Map::new();
        raw.insert(
            "now".to_owned(),
            Value::String(Market::rate_text(asset, asset.eur)),
        );
        for &(name, length, _) in PERIODS {
            let then = self.rate_at(asset, now.saturating_sub(length), now);
            raw.insert(
                name.to_owned(),
                Value::String(Market::rate_text(asset, then)),
            );
        }
        if with_history {
            let day = self.history_json(asset, "day", now).unwrap_or_default();
            raw.insert("history".to_owned(), json!({ "day": day }));
        }
        json!({ "raw": raw })
    }

    /// `operations` of a coin or token (S-OPERATIONS of the docs' §2.3): `General`, one
    /// single-key object per operation, and `Particular`, the fiat operations under the
    /// platform's reference fiat (`EUR`, as in the docs).
    /// `status` is whether the market has the operation on for the asset (deposit always);
    /// limits are `no_limit` (`null` in #16, `""` in #38).
    pub(crate) fn operations_json(&self, asset: &Asset, no_limit: &Value) -> Value {
        let withdraw = if asset.kind == Kind::Token {
            PriceOp::WithdrawIco
        } else {
            PriceOp::Withdraw
        };
        let spec = |name: &str, op: Option<PriceOp>, second: Option<PriceOp>| {
            let status = op.is_none_or(|o| self.enabled(o, asset.symbol));
            let limit = json!({ "min": no_limit, "max": no_limit });
            let seconds: Vec<Value> = second
                .into_iter()
                .map(|s| json!({ s.name(): { "mandatory": false } }))
                .collect();
            json!({ name: {
                "status": status,
                "limits": { "crypto": limit, "fiat": limit },
                "secondOperations": seconds,
            }})
        };
        let buy = || {
            spec(
                PriceOp::BuyWithFiat.name(),
                Some(PriceOp::BuyWithFiat),
                Some(withdraw),
            )
        };
        let general = vec![
            spec("deposit", None, None),
            buy(),
            spec(PriceOp::SellToFiat.name(), Some(PriceOp::SellToFiat), None),
            spec(withdraw.name(), Some(withdraw), None),
            spec(
                PriceOp::BuyWithCrypto.name(),
                Some(PriceOp::BuyWithCrypto),
                None,
            ),
            spec(
                PriceOp::SellToCrypto.name(),
                Some(PriceOp::SellToCrypto),
                None,
            ),
        ];
        let particular = json!([
            buy(),
            spec(PriceOp::SellToFiat.name(), Some(PriceOp::SellToFiat), None),
        ]);
        json!({ "General": general, "Particular": { REFERENCE_FIAT: particular } })
    }

    /// A coin or token as #16 lists it: name, symbol, type, chain, rates (with the day's
    /// history) and operations.
    pub(crate) fn currency_json(&self, asset: &Asset, now: u64) -> Value {
        let chain = self.asset(asset.chain).unwrap_or(asset);
        json!({
            "name": asset.name,
            "symbol": asset.symbol,
            "type": asset.type_name(),
            "chain": { "name": chain.name, "symbol": chain.symbol },
            "rates": self.rates_json(asset, now, true),
            "operations": self.operations_json(asset, &Value::Null),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_buy_example_follows_the_formulas() {
        let market = Market::default();
        let p = market
            .price("buy", "EUR", "XBT", Some(dec("100")), None)
            .unwrap();
        assert_eq!(p.op, PriceOp::BuyWithFiat);
        assert_eq!(p.rate_raw, dec("6377"));
        assert_eq!(p.rate, dec("6383.377"));
        assert_eq!(p.amount_to.round_dp(20), dec("0.01566568917988080604"));
        let sell = market
            .price("sell", "ETH", "EUR", Some(dec("100")), None)
            .unwrap();
        assert_eq!(sell.amount_to, dec("16016"));
        let withdraw = market
            .price("withdraw", "ETH", "ETH", Some(dec("100")), None)
            .unwrap();
        assert_eq!(withdraw.amount_to, dec("98"));
        assert_eq!(withdraw.commission_from, dec("2"));
    }

    #[test]
    fn both_amounts_and_unknown_pairs_are_refused() {
        let market = Market::default();
        let both = market
            .price("buy", "EUR", "ETH", Some(dec("1")), Some(dec("1")))
            .unwrap_err();
        assert_eq!(both.status, StatusCode::FORBIDDEN);
        let pair = market
            .price("withdraw", "EUR", "ETH", None, None)
            .unwrap_err();
        assert_eq!(pair.status, StatusCode::METHOD_NOT_ALLOWED);
        let mut off = Market::default();
        off.disabled.push((PriceOp::BuyWithFiat, "ETH".to_owned()));
        assert_eq!(
            off.price("buy", "EUR", "ETH", None, None)
                .unwrap_err()
                .status,
            StatusCode::METHOD_NOT_ALLOWED
        );
    }

    #[test]
    fn rates_are_written_as_the_docs_write_them() {
        let market = Market::default();
        let eth = market.asset("ETH").unwrap();
        let ipsx = market.asset("IPSX").unwrap();
        assert_eq!(Market::rate_text(eth, dec("128.55")), "128.55000");
        assert_eq!(Market::rate_text(eth, dec("6213.599999")), "6213.60000");
        assert_eq!(Market::rate_text(ipsx, dec("0.00006252")), "6.252E-5");
        assert_eq!(Market::rate_text(ipsx, dec("0.000099999")), "1E-4");
        assert_eq!(Market::rate_text(ipsx, dec("0.0102")), "0.0102");
        assert_eq!(Market::rate_text(ipsx, Decimal::ZERO), "0");
        assert_eq!(
            super::super::unmark_for_tests(&serde_json::json!({"p": number(dec("0.10"))})),
            r#"{"p":0.1}"#
        );
        assert_eq!(
            super::super::unmark_for_tests(&serde_json::json!([
                number(dec("2.000")),
                number(dec("0")),
                number(dec("0.12345678901234567890123456"))
            ])),
            "[2,0,0.12345678901234567890123456]"
        );
    }

    #[test]
    fn the_past_is_a_pure_function_of_the_rate_and_the_clock() {
        let market = Market::default();
        let eth = market.asset("ETH").unwrap();
        let now = 1_700_000_000;
        assert_eq!(market.rate_at(eth, now, now), eth.eur);
        assert_eq!(market.rate_at(eth, now - now % 3600, now), eth.eur);
        let then = market.rate_at(eth, now - 86_400, now);
        assert_eq!(then, market.rate_at(eth, now - 86_400, now + 7200));
        let low = eth.eur * dec("0.9");
        let high = eth.eur * dec("1.1");
        for (name, _, points) in PERIODS {
            let history = market.history(eth, name, now).unwrap();
            assert_eq!(history.len() as u64, *points);
            assert!(history.iter().all(|(_, r)| *r >= low && *r <= high));
        }
        assert!(market.history(eth, "hour", now).is_none());
        let other = market.asset("LTC").unwrap();
        assert_ne!(
            market.rate_at(eth, now - 86_400, now) / eth.eur,
            market.rate_at(other, now - 86_400, now) / other.eur
        );
    }

    #[test]
    fn operations_follow_the_market_switches() {
        let mut market = Market::default();
        market.disabled.push((PriceOp::Withdraw, "ETH".to_owned()));
        let eth = market.asset("ETH").unwrap().clone();
        let ops = market.operations_json(&eth, &Value::Null);
        assert_eq!(ops["General"][3]["withdraw"]["status"], false);
        assert_eq!(ops["General"][0]["deposit"]["status"], true);
        assert_eq!(ops["Particular"].as_object().unwrap().len(), 1);
        assert_eq!(ops["Particular"]["EUR"][1]["sell_to_fiat"]["status"], true);
        let ipsx = market.asset("IPSX").unwrap().clone();
        let ops = market.operations_json(&ipsx, &Value::String(String::new()));
        assert_eq!(
            ops["General"][3]["withdrawIco"]["limits"]["crypto"]["min"],
            ""
        );
        assert_eq!(
            ops["General"][1]["buy_with_fiat"]["secondOperations"],
            serde_json::json!([{"withdrawIco": {"mandatory": false}}])
        );
        assert_eq!(
            PriceOp::from_name("withdraw_ico"),
            Some(PriceOp::WithdrawIco)
        );
        assert_eq!(
            PriceOp::from_name("withdrawIco"),
            Some(PriceOp::WithdrawIco)
        );
    }
}
