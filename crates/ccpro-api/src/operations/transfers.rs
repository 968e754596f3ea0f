//! The transfers rows of the table (see [`super`]).

use super::*;

/// #59 `GET /api/v1/user/{user}/transfer`.
pub static TRANSFER_LIST: Operation = Operation {
    name: "transfer-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers the user takes part in.",
    io: Io::json::<crate::api::transfers::ListTransfers>(),
};

/// #60 `POST /api/v1/user/{user}/transfer`.
pub static TRANSFER_CREATE: Operation = Operation {
    name: "transfer-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/transfer",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Starts a transfer of an asset to or from another CCPro user.",
    io: Io::json::<crate::api::transfers::CreateTransfer>(),
};

/// #61 `GET /api/v1/user/{user}/transfer/by`.
pub static TRANSFER_BY: Operation = Operation {
    name: "transfer-by",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/by",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers the user created.",
    io: Io::json::<crate::api::transfers::ListTransfersBy>(),
};

/// #62 `GET /api/v1/user/{user}/transfer/from`.
pub static TRANSFER_FROM: Operation = Operation {
    name: "transfer-from",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/from",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers from the user.",
    io: Io::json::<crate::api::transfers::ListTransfersFrom>(),
};

/// #63 `GET /api/v1/user/{user}/transfer/to`.
pub static TRANSFER_TO: Operation = Operation {
    name: "transfer-to",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/to",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers to the user.",
    io: Io::json::<crate::api::transfers::ListTransfersTo>(),
};

/// #64 `GET /api/v1/user/{user}/transfer/{transfer}`.
pub static TRANSFER_SHOW: Operation = Operation {
    name: "transfer-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/transfer/{transfer}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads one of the user's transfers.",
    io: Io::json::<crate::api::transfers::GetTransfer>(),
};

/// #65 `POST /api/v1/user/{user}/transfer/{transfer}`.
pub static TRANSFER_CONFIRM: Operation = Operation {
    name: "transfer-confirm",
    method: Method::POST,
    path: "/api/v1/user/{user}/transfer/{transfer}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Confirms a pending transfer (the receiver may name the wallet).",
    io: Io::json::<crate::api::transfers::ConfirmTransfer>(),
};
