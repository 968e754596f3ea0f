//! Prices: what buying, selling, withdrawing or withdrawing an ICO token would cost
//! (`price-buy`, `price-sell`, `price-withdraw`, `price-withdraw-ico`).
//!
//! Each takes the two assets as path segments (`{from}`/`{to}`, missing from the docs'
//! tables, so they are assumed to be asset symbols as the answers show) and at most one of
//! the query parameters `from_amount` and `to_amount`, which the docs name only in prose:
//! with `from_amount` the answer computes the amount received, with `to_amount` the amount
//! paid, with neither only the rate. Both at once is refused before sending (the server
//! answers 403). Amounts are sent exactly as the caller wrote them.

use std::fmt;
use std::marker::PhantomData;

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, path_segment, require_text};
use payments_core::{Endpoint, Error, ExactAmount, Operation, RequestSpec};
use serde::Deserialize;

use crate::operations;
use crate::types::common::data;
use crate::types::prices::Price;

mod sealed {
    pub trait Sealed {}
}

/// Which price a [`PriceRequest`] asks for: [`Buy`], [`Sell`], [`Withdraw`] or
/// [`WithdrawIco`]. Sealed.
pub trait PriceKind:
    sealed::Sealed + fmt::Debug + Clone + Copy + PartialEq + Eq + Send + Sync + 'static
{
    /// The operation's row.
    fn operation() -> &'static Operation;
}

/// `price-buy`: buying `to` with `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Buy;
/// `price-sell`: selling `from` for `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sell;
/// `price-withdraw`: withdrawing a coin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Withdraw;
/// `price-withdraw-ico`: withdrawing an ICO token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WithdrawIco;

impl sealed::Sealed for Buy {}
impl sealed::Sealed for Sell {}
impl sealed::Sealed for Withdraw {}
impl sealed::Sealed for WithdrawIco {}

impl PriceKind for Buy {
    fn operation() -> &'static Operation {
        &operations::PRICE_BUY
    }
}
impl PriceKind for Sell {
    fn operation() -> &'static Operation {
        &operations::PRICE_SELL
    }
}
impl PriceKind for Withdraw {
    fn operation() -> &'static Operation {
        &operations::PRICE_WITHDRAW
    }
}
impl PriceKind for WithdrawIco {
    fn operation() -> &'static Operation {
        &operations::PRICE_WITHDRAW_ICO
    }
}

/// `GET /api/v1/user/{user}/price/buy/{from}/{to}`.
pub type BuyPrice = PriceRequest<Buy>;
/// `GET /api/v1/user/{user}/price/sell/{from}/{to}`.
pub type SellPrice = PriceRequest<Sell>;
/// `GET /api/v1/user/{user}/price/withdraw/{from}/{to}`.
pub type WithdrawPrice = PriceRequest<Withdraw>;
/// `GET /api/v1/user/{user}/price/withdraw-ico/{from}/{to}`.
pub type WithdrawIcoPrice = PriceRequest<WithdrawIco>;

/// A price request of kind `K` ([`BuyPrice`], [`SellPrice`], [`WithdrawPrice`],
/// [`WithdrawIcoPrice`]).
///
/// Input document: `{"user": "…", "from": "EUR", "to": "XBT", "from_amount": "100"}`
/// (`from_amount` or `to_amount`, a string or a number, at most one of them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceRequest<K: PriceKind> {
    /// The user id.
    pub user: String,
    /// The asset paid (path `{from}`).
    pub from: String,
    /// The asset received (path `{to}`).
    pub to: String,
    /// The amount paid: the answer computes the amount received.
    #[serde(default, with = "payments_core::exact::optional")]
    pub from_amount: Option<ExactAmount>,
    /// The amount received: the answer computes the amount paid.
    #[serde(default, with = "payments_core::exact::optional")]
    pub to_amount: Option<ExactAmount>,
    #[serde(skip)]
    kind: PhantomData<K>,
}

/// Which amount a price is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PriceAmount {
    /// Neither: only the rate.
    RateOnly,
    /// The amount paid (`from_amount`).
    From(ExactAmount),
    /// The amount received (`to_amount`).
    To(ExactAmount),
}

impl<K: PriceKind> PriceRequest<K> {
    /// The rate of `from` into `to` for `user`.
    pub fn new(user: impl Into<String>, from: impl Into<String>, to: impl Into<String>) -> Self {
        PriceRequest {
            user: user.into(),
            from: from.into(),
            to: to.into(),
            from_amount: None,
            to_amount: None,
            kind: PhantomData,
        }
    }

    /// Computes from the amount paid.
    pub fn with_from_amount(mut self, amount: ExactAmount) -> Self {
        self.from_amount = Some(amount);
        self
    }

    /// Computes from the amount received.
    pub fn with_to_amount(mut self, amount: ExactAmount) -> Self {
        self.to_amount = Some(amount);
        self
    }

    /// Sets the amount to compute from (replacing any).
    pub fn with_amount(mut self, amount: PriceAmount) -> Self {
        (self.from_amount, self.to_amount) = match amount {
            PriceAmount::RateOnly => (None, None),
            PriceAmount::From(a) => (Some(a), None),
            PriceAmount::To(a) => (None, Some(a)),
        };
        self
    }
}

impl<K: PriceKind> Endpoint for PriceRequest<K> {
    type Output = Price;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, 512)?;
        require_text("from", &self.from, 512)?;
        require_text("to", &self.to, 512)?;
        let query = match (&self.from_amount, &self.to_amount) {
            (Some(_), Some(_)) => {
                return Err(InvalidInput::new(
                    "to_amount",
                    "give from_amount or to_amount, not both",
                ));
            }
            (Some(a), None) => format!("from_amount={}", path_segment(a.as_str())),
            (None, Some(a)) => format!("to_amount={}", path_segment(a.as_str())),
            (None, None) => String::new(),
        };
        Ok(RequestSpec::with_path(
            K::operation(),
            &[Some(&self.user), Some(&self.from), Some(&self.to)],
        )?
        .query(query))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Price, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    async fn price<K: PriceKind>(
        &self,
        from: &str,
        to: &str,
        amount: PriceAmount,
    ) -> Result<Price, Error> {
        let req = PriceRequest::<K>::new(self.user_id(), from, to).with_amount(amount);
        self.send(&req).await
    }

    /// `price-buy`: the price of buying `to` with `from` (e.g. `EUR`, `XBT`).
    pub async fn buy_price(
        &self,
        from: &str,
        to: &str,
        amount: PriceAmount,
    ) -> Result<Price, Error> {
        self.price::<Buy>(from, to, amount).await
    }

    /// `price-sell`: the price of selling `from` for `to`.
    pub async fn sell_price(
        &self,
        from: &str,
        to: &str,
        amount: PriceAmount,
    ) -> Result<Price, Error> {
        self.price::<Sell>(from, to, amount).await
    }

    /// `price-withdraw`: the price of withdrawing a coin.
    pub async fn withdraw_price(
        &self,
        from: &str,
        to: &str,
        amount: PriceAmount,
    ) -> Result<Price, Error> {
        self.price::<Withdraw>(from, to, amount).await
    }

    /// `price-withdraw-ico`: the price of withdrawing an ICO token.
    pub async fn withdraw_ico_price(
        &self,
        from: &str,
        to: &str,
        amount: PriceAmount,
    ) -> Result<Price, Error> {
        self.price::<WithdrawIco>(from, to, amount).await
    }
}
