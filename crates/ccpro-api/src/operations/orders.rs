//! The orders rows of the table (see [`super`]).

use super::*;

/// #33 `GET /api/v1/user/{user}/order`.
pub static ORDER_LIST: Operation = Operation {
    name: "order-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/order",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's orders, optionally by status, operation and asset.",
    io: Io::json::<crate::api::orders::ListOrders>(),
};

/// #34 `GET /api/v1/user/{user}/order/coin`.
pub static ORDER_COIN_LIST: Operation = Operation {
    name: "order-coin-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/order/coin",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's coin orders, optionally by status, operation and asset.",
    io: Io::json::<crate::api::orders::ListCoinOrders>(),
};

/// #35 `GET /api/v1/user/{user}/order/token`.
pub static ORDER_TOKEN_LIST: Operation = Operation {
    name: "order-token-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/order/token",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's token orders, optionally by status, operation and asset.",
    io: Io::json::<crate::api::orders::ListTokenOrders>(),
};

/// #36 `GET /api/v1/user/{user}/order/{order}`.
pub static ORDER_SHOW: Operation = Operation {
    name: "order-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/order/{order}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads one of the user's orders, its quote embedded.",
    io: Io::json::<crate::api::orders::GetOrder>(),
};

/// #37 `POST /api/v1/user/{user}/order/{order}/payment-confirmation`.
pub static ORDER_PAYMENT_PROOF: Operation = Operation {
    name: "order-payment-proof",
    method: Method::POST,
    path: "/api/v1/user/{user}/order/{order}/payment-confirmation",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Uploads the proof of payment of an order awaiting it (an image or PDF).",
    io: Io::with_files::<crate::api::orders::UploadPaymentProof>(),
};
