//! The deposits rows of the table (see [`super`]).

use super::*;

/// #18 `POST /api/v1/user/{user}/deposit`.
pub static DEPOSIT_CREATE: Operation = Operation {
    name: "deposit-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/deposit",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Records a crypto deposit the user made, as an order.",
    io: Io::json::<crate::api::deposits::CreateDeposit>(),
};

/// #19 `POST /api/v1/user/{user}/deposit/address`.
pub static DEPOSIT_ADDRESS: Operation = Operation {
    name: "deposit-address",
    method: Method::POST,
    path: "/api/v1/user/{user}/deposit/address",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Gives the address the user deposits an asset to.",
    io: Io::json::<crate::api::deposits::GetDepositAddress>(),
};
