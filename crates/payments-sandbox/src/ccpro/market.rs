//! The market the sandbox quotes from: its assets (coins, tokens, fiats), the stored raw
//! rates, the commission percent of each operation, and which operations are enabled. Prices
//! are pure functions of these (the formulas the docs' price examples follow), used by the
//! price operations and by quotes.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use rust_decimal::Decimal;
use serde_json::Map;

use super::ApiError;
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
    /// A token withdrawn to a wallet: `withdraw_ico`.
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
            PriceOp::WithdrawIco => "withdraw_ico",
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

    /// The operation of this name.
    pub(crate) fn from_name(name: &str) -> Option<PriceOp> {
        PriceOp::ALL.iter().copied().find(|o| o.name() == name)
    }
}

/// One asset of the market.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    /// The symbol (`ETH`).
    pub(crate) symbol: &'static str,
    /// The display name (`Ethereum`).
    pub(crate) name: &'static str,
    /// Coin, token or fiat.
    pub(crate) kind: Kind,
    /// Its value in EUR (1 for EUR).
    pub(crate) eur: Decimal,
}

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
        let asset = |symbol, name, kind, eur: &str| Asset {
            symbol,
            name,
            kind,
            eur: dec(eur),
        };
        Market {
            assets: vec![
                asset("BTC", "Bitcoin", Kind::Coin, "6377"),
                asset("XBT", "Bitcoin", Kind::Coin, "6377"),
                asset("ETH", "Ethereum", Kind::Coin, "160.16"),
                asset("LTC", "Litecoin", Kind::Coin, "52.4"),
                asset("IPSX", "IP Exchange", Kind::Token, "0.01"),
                asset("EUR", "Euro", Kind::Fiat, "1"),
                asset("USD", "US Dollar", Kind::Fiat, "0.9"),
                asset("RON", "Romanian Leu", Kind::Fiat, "0.21"),
                asset("CHF", "Swiss Franc", Kind::Fiat, "0.95"),
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
            return Err(ApiError::with_errors(
                StatusCode::FORBIDDEN,
                "ERROR: from_amount and to_amount cannot be both filled",
                Map::new(),
            ));
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
}
