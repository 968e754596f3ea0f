//! Quotes, the way to buy, sell and withdraw: `quote-create` asks for a price valid for
//! a while (`lifeSeconds`), `quote-list` and `quote-show` read quotes back, and
//! `quote-confirm` turns an available quote into an order.
//!
//! Neither POST carries an idempotency key, so neither is ever resent once it may have
//! arrived. Each says how to learn the outcome after an ambiguous failure (a timeout, a
//! dropped connection).

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, ExactAmount, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::api::orders::{MAX_ID, query};
use crate::operations;
use crate::types::common::data;
use crate::types::orders::{AssetType, Order, PaymentType, TradeOperation};
use crate::types::quotes::{Quote, QuoteStatus};

/// `POST /api/v1/user/{user}/quote`: asks for a quote. CCPro answers 201 with the quote
/// (`status` `available`, valid until `lifeUntilAt`); confirm it with [`ConfirmQuote`].
///
/// `orderAmount` is sent as a JSON string with the caller's digits exactly (`"1.0010"`
/// stays `"1.0010"`, whether the input document gave a string or a number).
///
/// Checked before sending (the docs' rules): the amount is above zero;
/// `orderPaymentSymbol` is given for the buy and sell operations (`required_if`);
/// `wallet` is given for `withdraw` (`required_if`); `secondOrderType` only accompanies
/// a buy. `orderPaymentMethod` is not required here although the docs mark it so: its
/// rule is conditional, `orderPaymentType` stands in for it, and `quote-confirm` can
/// still name it.
///
/// Not retried once it may have arrived. After an ambiguous failure, list the quotes
/// ([`ListQuotes`], status `available`) to see whether it was made; an unconfirmed quote
/// simply expires.
///
/// Input document: `{"user": "…", "type": "coin", "orderType": "buy_with_fiat",
/// "secondOrderType"?: "withdraw", "orderAmount": "1.0010", "orderSymbol": "ETH",
/// "orderPaymentSymbol"?: "EUR", "orderPaymentMethod"?: "…", "orderPaymentType"?:
/// "bank", "wallet"?: "…"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateQuote {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The asset's kind (`type`: `coin` or `token`).
    #[serde(rename = "type")]
    pub asset_type: AssetType,
    /// The operation (`orderType`).
    pub order_type: TradeOperation,
    /// What follows a buy (`withdraw`, `withdrawIco`).
    #[serde(default)]
    pub second_order_type: Option<TradeOperation>,
    /// The amount of `orderSymbol`, exact.
    pub order_amount: ExactAmount,
    /// The asset bought, sold or withdrawn (`ETH`).
    pub order_symbol: String,
    /// The asset paid with or received (`EUR`); required for buys and sells.
    #[serde(default)]
    pub order_payment_symbol: Option<String>,
    /// The id of one of the user's banks or cards.
    #[serde(default)]
    pub order_payment_method: Option<String>,
    /// The payment's kind, when no payment method is named.
    #[serde(default)]
    pub order_payment_type: Option<PaymentType>,
    /// Where the funds go: a wallet address or the id of one of the user's wallets;
    /// without one, they stay in the CCPro account. Required for `withdraw`.
    #[serde(default)]
    pub wallet: Option<String>,
}

impl CreateQuote {
    /// A quote for `user` to `order_type` `order_amount` of `order_symbol`, an asset of
    /// kind `asset_type`.
    pub fn new(
        user: impl Into<String>,
        asset_type: AssetType,
        order_type: TradeOperation,
        order_amount: ExactAmount,
        order_symbol: impl Into<String>,
    ) -> Self {
        CreateQuote {
            user: user.into(),
            asset_type,
            order_type,
            second_order_type: None,
            order_amount,
            order_symbol: order_symbol.into(),
            order_payment_symbol: None,
            order_payment_method: None,
            order_payment_type: None,
            wallet: None,
        }
    }

    /// What follows the buy (`withdraw`, `withdrawIco`).
    pub fn with_second_order_type(mut self, second: TradeOperation) -> Self {
        self.second_order_type = Some(second);
        self
    }

    /// The asset paid with or received (`EUR`).
    pub fn with_payment_symbol(mut self, symbol: impl Into<String>) -> Self {
        self.order_payment_symbol = Some(symbol.into());
        self
    }

    /// The id of one of the user's banks or cards.
    pub fn with_payment_method(mut self, id: impl Into<String>) -> Self {
        self.order_payment_method = Some(id.into());
        self
    }

    /// The payment's kind, when no payment method is named.
    pub fn with_payment_type(mut self, kind: PaymentType) -> Self {
        self.order_payment_type = Some(kind);
        self
    }

    /// Where the funds go (an address or a wallet id).
    pub fn with_wallet(mut self, wallet: impl Into<String>) -> Self {
        self.wallet = Some(wallet.into());
        self
    }

    fn check(&self) -> Result<(), InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("type", self.asset_type.as_str(), MAX_ID)?;
        require_text("orderType", self.order_type.as_str(), MAX_ID)?;
        require_text("orderSymbol", &self.order_symbol, MAX_ID)?;
        if !self.order_amount.is_positive() {
            return Err(InvalidInput::new(
                "orderAmount",
                format!("must be above zero, not {}", self.order_amount),
            ));
        }
        for (field, value) in [
            ("orderPaymentSymbol", self.order_payment_symbol.as_deref()),
            ("orderPaymentMethod", self.order_payment_method.as_deref()),
            (
                "orderPaymentType",
                self.order_payment_type.as_ref().map(PaymentType::as_str),
            ),
            ("wallet", self.wallet.as_deref()),
            (
                "secondOrderType",
                self.second_order_type.as_ref().map(TradeOperation::as_str),
            ),
        ] {
            if let Some(v) = value {
                require_text(field, v, MAX_ID)?;
            }
        }
        let known = !matches!(self.order_type, TradeOperation::Unknown(_));
        if (self.order_type.is_buy() || self.order_type.is_sell())
            && self.order_payment_symbol.is_none()
        {
            return Err(InvalidInput::new(
                "orderPaymentSymbol",
                format!("is required for {}", self.order_type),
            ));
        }
        if self.order_type == TradeOperation::Withdraw && self.wallet.is_none() {
            return Err(InvalidInput::new("wallet", "is required for withdraw"));
        }
        if known && self.second_order_type.is_some() && !self.order_type.is_buy() {
            return Err(InvalidInput::new(
                "secondOrderType",
                format!("only follows a buy, not {}", self.order_type),
            ));
        }
        Ok(())
    }
}

impl Endpoint for CreateQuote {
    type Output = Quote;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.check()?;
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            #[serde(rename = "type")]
            asset_type: &'a str,
            order_type: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            second_order_type: Option<&'a str>,
            order_amount: &'a str,
            order_symbol: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            order_payment_symbol: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            order_payment_method: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            order_payment_type: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            wallet: Option<&'a str>,
        }
        RequestSpec::with_path(&operations::QUOTE_CREATE, &[Some(&self.user)])?.json(&Body {
            asset_type: self.asset_type.as_str(),
            order_type: self.order_type.as_str(),
            second_order_type: self.second_order_type.as_ref().map(TradeOperation::as_str),
            order_amount: self.order_amount.as_str(),
            order_symbol: &self.order_symbol,
            order_payment_symbol: self.order_payment_symbol.as_deref(),
            order_payment_method: self.order_payment_method.as_deref(),
            order_payment_type: self.order_payment_type.as_ref().map(PaymentType::as_str),
            wallet: self.wallet.as_deref(),
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Quote, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/quote`: the user's quotes (not paginated), optionally
/// filtered by status, operation (the query's `type`, which takes an operation such as
/// `buy_with_fiat`, not `coin`/`token`) and asset.
///
/// Input document: `{"user": "…", "status"?: "available", "type"?: "buy_with_fiat",
/// "asset"?: "ETH"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuotes {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// Only quotes in this status.
    #[serde(default)]
    pub status: Option<QuoteStatus>,
    /// Only quotes of this operation (the query's `type`).
    #[serde(default, rename = "type")]
    pub operation: Option<TradeOperation>,
    /// Only quotes of this asset (`ETH`).
    #[serde(default)]
    pub asset: Option<String>,
}

impl ListQuotes {
    /// All of `user`'s quotes.
    pub fn new(user: impl Into<String>) -> Self {
        ListQuotes {
            user: user.into(),
            status: None,
            operation: None,
            asset: None,
        }
    }

    /// Only quotes in `status`.
    pub fn with_status(mut self, status: QuoteStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only quotes of `operation`.
    pub fn with_operation(mut self, operation: TradeOperation) -> Self {
        self.operation = Some(operation);
        self
    }

    /// Only quotes of `asset`.
    pub fn with_asset(mut self, asset: impl Into<String>) -> Self {
        self.asset = Some(asset.into());
        self
    }
}

impl Endpoint for ListQuotes {
    type Output = Vec<Quote>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        let q = query(&[
            ("status", self.status.as_ref().map(QuoteStatus::as_str)),
            ("type", self.operation.as_ref().map(TradeOperation::as_str)),
            ("asset", self.asset.as_deref()),
        ])?;
        Ok(RequestSpec::with_path(&operations::QUOTE_LIST, &[Some(&self.user)])?.query(q))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Quote>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/quote/{quote}`: one quote, its order expanded once it has
/// one. The way to learn what became of a [`ConfirmQuote`] whose answer was lost.
///
/// Input document: `{"user": "…", "quote": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetQuote {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The quote's id (the docs' `{quote}`).
    pub quote: String,
}

impl GetQuote {
    /// `user`'s quote `quote`.
    pub fn new(user: impl Into<String>, quote: impl Into<String>) -> Self {
        GetQuote {
            user: user.into(),
            quote: quote.into(),
        }
    }
}

impl Endpoint for GetQuote {
    type Output = Quote;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("quote", &self.quote, MAX_ID)?;
        RequestSpec::with_path(
            &operations::QUOTE_SHOW,
            &[Some(&self.user), Some(&self.quote)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Quote, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/quote/{quote}`: confirms an available quote. CCPro answers
/// 201 with the resulting **order** (its quote nested, `status` `completed`), 403 "This
/// quote has expired." or "This quote is already processed.".
///
/// `orderPaymentMethod` (one of the user's banks or cards) is needed only when the quote
/// was made without one. The body is `{}` without it.
///
/// Moves money, carries no idempotency key and is **never retried** once it may have
/// arrived. After an ambiguous failure (a timeout, a dropped connection, a 5xx), read the
/// quote back with [`GetQuote`] (`quote-show`): `status` `completed` with an `order`
/// means it was confirmed (that order is the result); `available` means it was not (it
/// may be confirmed again until `lifeUntilAt`); `expired` means it can no longer be.
///
/// Input document: `{"user": "…", "quote": "…", "orderPaymentMethod"?: "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConfirmQuote {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The quote's id (the docs' `{quote}`).
    pub quote: String,
    /// The id of one of the user's banks or cards.
    #[serde(default)]
    pub order_payment_method: Option<String>,
}

impl ConfirmQuote {
    /// Confirms `user`'s quote `quote`.
    pub fn new(user: impl Into<String>, quote: impl Into<String>) -> Self {
        ConfirmQuote {
            user: user.into(),
            quote: quote.into(),
            order_payment_method: None,
        }
    }

    /// Pays with `id`, one of the user's banks or cards.
    pub fn with_payment_method(mut self, id: impl Into<String>) -> Self {
        self.order_payment_method = Some(id.into());
        self
    }
}

impl Endpoint for ConfirmQuote {
    type Output = Order;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("quote", &self.quote, MAX_ID)?;
        if let Some(m) = &self.order_payment_method {
            require_text("orderPaymentMethod", m, MAX_ID)?;
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            order_payment_method: Option<&'a str>,
        }
        RequestSpec::with_path(
            &operations::QUOTE_CONFIRM,
            &[Some(&self.user), Some(&self.quote)],
        )?
        .json(&Body {
            order_payment_method: self.order_payment_method.as_deref(),
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Order, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `quote-create`: asks for a quote as `request` describes, for the session's user
    /// (the request's `user` is replaced by the session's). Not retried once it may have
    /// arrived: see [`CreateQuote`] for what to do after an ambiguous failure.
    pub async fn create_quote(&self, request: CreateQuote) -> Result<Quote, Error> {
        let request = CreateQuote {
            user: self.user_id().to_owned(),
            ..request
        };
        self.send(&request).await
    }

    /// `quote-list`: all of the session user's quotes. Filter with [`ListQuotes`] and
    /// [`send`](crate::UserClient::send).
    pub async fn list_quotes(&self) -> Result<Vec<Quote>, Error> {
        self.send(&ListQuotes::new(self.user_id())).await
    }

    /// `quote-show`: one of the session user's quotes, its order expanded.
    pub async fn get_quote(&self, quote: &str) -> Result<Quote, Error> {
        self.send(&GetQuote::new(self.user_id(), quote)).await
    }

    /// `quote-confirm`: confirms `quote`, paying with `payment_method` when the quote was
    /// made without one; returns the order. **Never retried** once it may have arrived:
    /// after an ambiguous failure, read the quote back with [`get_quote`](Self::get_quote)
    /// (`completed` with an `order`: confirmed; `available`: not; see [`ConfirmQuote`]).
    pub async fn confirm_quote(
        &self,
        quote: &str,
        payment_method: Option<&str>,
    ) -> Result<Order, Error> {
        let mut request = ConfirmQuote::new(self.user_id(), quote);
        request.order_payment_method = payment_method.map(str::to_owned);
        self.send(&request).await
    }
}
