//! The wallets rows of the table (see [`super`]).

use super::*;

/// #75 `GET /api/v1/user/{user}/wallet`.
pub static WALLET_LIST: Operation = Operation {
    name: "wallet-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/wallet",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's wallets, optionally by status and coin.",
    io: Io::json::<crate::api::wallets::ListWallets>(),
};

/// #76 `POST /api/v1/user/{user}/wallet`.
pub static WALLET_CREATE: Operation = Operation {
    name: "wallet-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/wallet",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds a wallet for the user.",
    io: Io::json::<crate::api::wallets::CreateWallet>(),
};

/// #77 `GET /api/v1/user/{user}/wallet/{wallet}`.
pub static WALLET_SHOW: Operation = Operation {
    name: "wallet-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/wallet/{wallet}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Shows one of the user's wallets.",
    io: Io::json::<crate::api::wallets::GetWallet>(),
};

/// #78 `POST /api/v1/user/{user}/wallet/{wallet}`.
pub static WALLET_UPDATE: Operation = Operation {
    name: "wallet-update",
    method: Method::POST,
    path: "/api/v1/user/{user}/wallet/{wallet}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Renames one of the user's wallets.",
    io: Io::json::<crate::api::wallets::UpdateWallet>(),
};
