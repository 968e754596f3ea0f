//! The user's orders: `order-list` (all of them), `order-coin-list` and
//! `order-token-list` (by asset kind), each filtered by status, operation and asset;
//! `order-show`; and `order-payment-proof`, which uploads the proof of payment of an
//! order awaiting it (a multipart upload of one image or PDF, field `file`).
//!
//! Orders are made by other operations: `quote-confirm` (a buy or sell), `deposit-create`,
//! and a confirmed transfer (two orders).

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, path_segment, require_text};
use payments_core::{AttachFiles, Endpoint, Error, InputFile, RequestSpec};
use serde::Deserialize;

use crate::operations;
use crate::types::common::{Message, data};
use crate::types::orders::{Order, OrderStatus, TradeOperation};
use crate::upload::{self, File, FileKind, Form};

/// The longest id or filter value sent (UUIDs, symbols).
pub(crate) const MAX_ID: usize = 255;

/// Builds a query string from the given `(name, value)` pairs, leaving out absent ones;
/// names and values are percent-encoded. A given value must not be blank.
pub(crate) fn query(pairs: &[(&str, Option<&str>)]) -> Result<String, InvalidInput> {
    let mut out = String::new();
    for (name, value) in pairs {
        let Some(value) = value else { continue };
        require_text(name, value, MAX_ID)?;
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&path_segment(name));
        out.push('=');
        out.push_str(&path_segment(value));
    }
    Ok(out)
}

/// The filters the three order lists take (`order-list`, `order-coin-list`,
/// `order-token-list`): by status, operation and asset, each optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrderFilter {
    /// Only orders in this status.
    pub status: Option<OrderStatus>,
    /// Only orders of this operation.
    pub type_operation_name: Option<TradeOperation>,
    /// Only orders of this asset (`ETH`, `XBT`, `IPSX`).
    pub asset: Option<String>,
}

impl OrderFilter {
    /// Only orders in `status`.
    pub fn with_status(mut self, status: OrderStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only orders of `operation`.
    pub fn with_operation(mut self, operation: TradeOperation) -> Self {
        self.type_operation_name = Some(operation);
        self
    }

    /// Only orders of `asset`.
    pub fn with_asset(mut self, asset: impl Into<String>) -> Self {
        self.asset = Some(asset.into());
        self
    }

    /// `GET operation` for `user`, the filters in the query (absent ones left out).
    fn request(
        &self,
        operation: &'static payments_core::Operation,
        user: &str,
    ) -> Result<RequestSpec, InvalidInput> {
        require_text("user", user, MAX_ID)?;
        let q = query(&[
            ("status", self.status.as_ref().map(OrderStatus::as_str)),
            (
                "typeOperationName",
                self.type_operation_name
                    .as_ref()
                    .map(TradeOperation::as_str),
            ),
            ("asset", self.asset.as_deref()),
        ])?;
        Ok(RequestSpec::with_path(operation, &[Some(user)])?.query(q))
    }
}

/// The input document of the three order lists: `{"user": "…", "status"?: "APPROVED",
/// "typeOperationName"?: "buy_with_fiat", "asset"?: "ETH"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderListInput {
    user: String,
    #[serde(default)]
    status: Option<OrderStatus>,
    #[serde(default, rename = "typeOperationName")]
    type_operation_name: Option<TradeOperation>,
    #[serde(default)]
    asset: Option<String>,
}

impl OrderListInput {
    fn split(self) -> (String, OrderFilter) {
        let filter = OrderFilter {
            status: self.status,
            type_operation_name: self.type_operation_name,
            asset: self.asset,
        };
        (self.user, filter)
    }
}

/// `GET /api/v1/user/{user}/order`: the user's orders, newest first as CCPro sends them
/// (not paginated), optionally filtered ([`OrderFilter`]).
///
/// Input document: `{"user": "…", "status"?: "APPROVED", "typeOperationName"?:
/// "buy_with_fiat", "asset"?: "ETH"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "OrderListInput")]
pub struct ListOrders {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// Which orders.
    pub filter: OrderFilter,
}

impl ListOrders {
    /// All of `user`'s orders.
    pub fn new(user: impl Into<String>) -> Self {
        ListOrders {
            user: user.into(),
            filter: OrderFilter::default(),
        }
    }

    /// Only the orders `filter` lets through.
    pub fn with_filter(mut self, filter: OrderFilter) -> Self {
        self.filter = filter;
        self
    }
}

impl From<OrderListInput> for ListOrders {
    fn from(input: OrderListInput) -> Self {
        let (user, filter) = input.split();
        ListOrders { user, filter }
    }
}

impl Endpoint for ListOrders {
    type Output = Vec<Order>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.filter.request(&operations::ORDER_LIST, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Order>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/order/coin`: the user's coin orders, optionally filtered
/// ([`OrderFilter`]).
///
/// Input document: as [`ListOrders`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "OrderListInput")]
pub struct ListCoinOrders {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// Which coin orders.
    pub filter: OrderFilter,
}

impl ListCoinOrders {
    /// All of `user`'s coin orders.
    pub fn new(user: impl Into<String>) -> Self {
        ListCoinOrders {
            user: user.into(),
            filter: OrderFilter::default(),
        }
    }

    /// Only the coin orders `filter` lets through.
    pub fn with_filter(mut self, filter: OrderFilter) -> Self {
        self.filter = filter;
        self
    }
}

impl From<OrderListInput> for ListCoinOrders {
    fn from(input: OrderListInput) -> Self {
        let (user, filter) = input.split();
        ListCoinOrders { user, filter }
    }
}

impl Endpoint for ListCoinOrders {
    type Output = Vec<Order>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.filter
            .request(&operations::ORDER_COIN_LIST, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Order>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/order/token`: the user's token orders, optionally filtered
/// ([`OrderFilter`]).
///
/// Input document: as [`ListOrders`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "OrderListInput")]
pub struct ListTokenOrders {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// Which token orders.
    pub filter: OrderFilter,
}

impl ListTokenOrders {
    /// All of `user`'s token orders.
    pub fn new(user: impl Into<String>) -> Self {
        ListTokenOrders {
            user: user.into(),
            filter: OrderFilter::default(),
        }
    }

    /// Only the token orders `filter` lets through.
    pub fn with_filter(mut self, filter: OrderFilter) -> Self {
        self.filter = filter;
        self
    }
}

impl From<OrderListInput> for ListTokenOrders {
    fn from(input: OrderListInput) -> Self {
        let (user, filter) = input.split();
        ListTokenOrders { user, filter }
    }
}

impl Endpoint for ListTokenOrders {
    type Output = Vec<Order>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.filter
            .request(&operations::ORDER_TOKEN_LIST, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Order>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/order/{order}`: one order, with its quote embedded (and the
/// quote's checkout, when it came from one).
///
/// Input document: `{"user": "…", "order": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetOrder {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The order's id (the docs' `{order}`).
    pub order: String,
}

impl GetOrder {
    /// `user`'s order `order`.
    pub fn new(user: impl Into<String>, order: impl Into<String>) -> Self {
        GetOrder {
            user: user.into(),
            order: order.into(),
        }
    }
}

impl Endpoint for GetOrder {
    type Output = Order;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("order", &self.order, MAX_ID)?;
        RequestSpec::with_path(
            &operations::ORDER_SHOW,
            &[Some(&self.user), Some(&self.order)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Order, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/order/{order}/payment-confirmation`: uploads the proof of
/// payment of an order that awaits one, as `multipart/form-data` with the one file part
/// `file`: a jpg, jpeg, bmp, png or pdf of at most 10 240 KB, checked before anything is
/// sent. CCPro answers 403 when the order needs no proof or its payment is already
/// confirmed. Never retried once it may have arrived; read the order back
/// ([`GetOrder`], `payment.proofUploaded`) after an ambiguous failure.
///
/// Input document: `{"user": "…", "order": "…"}`, with the file given separately (the
/// CLI's `--file file=proof.pdf`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadPaymentProof {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The order's id (the docs' `{order}`).
    pub order: String,
    /// The proof (required).
    #[serde(skip)]
    pub file: Option<File>,
}

impl UploadPaymentProof {
    /// Uploads `file` as the proof of payment of `user`'s order `order`.
    pub fn new(user: impl Into<String>, order: impl Into<String>, file: File) -> Self {
        UploadPaymentProof {
            user: user.into(),
            order: order.into(),
            file: Some(file),
        }
    }
}

impl AttachFiles for UploadPaymentProof {
    fn attach(&mut self, mut files: Vec<InputFile>) -> Result<(), InvalidInput> {
        if let Some(file) = upload::take_file(&mut files, "file") {
            self.file = Some(file);
        }
        upload::no_other_files(&files)
    }
}

impl Endpoint for UploadPaymentProof {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("order", &self.order, MAX_ID)?;
        let file = self.file.as_ref().ok_or_else(|| {
            InvalidInput::new(
                "file",
                "is required: the proof of payment (jpg, jpeg, bmp, png or pdf)",
            )
        })?;
        let form = Form::new().file("file", file, FileKind::IMAGES_AND_PDF)?;
        Ok(RequestSpec::with_path(
            &operations::ORDER_PAYMENT_PROOF,
            &[Some(&self.user), Some(&self.order)],
        )?
        .body(form.build()))
    }
}

impl crate::UserClient {
    /// `order-list`: all of the session user's orders. Filter with
    /// [`ListOrders`] and [`send`](crate::UserClient::send).
    pub async fn list_orders(&self) -> Result<Vec<Order>, Error> {
        self.send(&ListOrders::new(self.user_id())).await
    }

    /// `order-coin-list`: the session user's coin orders.
    pub async fn list_coin_orders(&self) -> Result<Vec<Order>, Error> {
        self.send(&ListCoinOrders::new(self.user_id())).await
    }

    /// `order-token-list`: the session user's token orders.
    pub async fn list_token_orders(&self) -> Result<Vec<Order>, Error> {
        self.send(&ListTokenOrders::new(self.user_id())).await
    }

    /// `order-show`: one of the session user's orders, its quote embedded.
    pub async fn get_order(&self, order: &str) -> Result<Order, Error> {
        self.send(&GetOrder::new(self.user_id(), order)).await
    }

    /// `order-payment-proof`: uploads `file` (jpg, jpeg, bmp, png or pdf, at most
    /// 10 240 KB) as the proof of payment of `order`. Not retried once it may have
    /// arrived: after an ambiguous failure, read the order back with
    /// [`get_order`](Self::get_order).
    pub async fn upload_payment_proof(&self, order: &str, file: File) -> Result<Message, Error> {
        self.send(&UploadPaymentProof::new(self.user_id(), order, file))
            .await
    }
}
