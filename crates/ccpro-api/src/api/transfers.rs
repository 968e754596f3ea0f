//! Transfers between CCPro users: `transfer-create` starts one (send to, or ask from,
//! another user named by e-mail or id), `transfer-confirm` confirms a pending one (the
//! two orders are made then), and `transfer-list`, `transfer-by` (created by the user),
//! `transfer-from`, `transfer-to` and `transfer-show` read them back.
//!
//! The docs list a `transfer` URL parameter for the four lists, whose paths have none;
//! the lists take only `user`. Neither POST carries an idempotency key, so neither is
//! ever resent once it may have arrived.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, ExactAmount, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::api::orders::MAX_ID;
use crate::operations;
use crate::types::common::data;
use crate::types::orders::AssetType;
use crate::types::transfers::{Transfer, TransferAction};

/// `POST /api/v1/user/{user}/transfer`: starts a transfer of `amount` of `symbol` between
/// the user and another CCPro user (`send` to them, or `receive` from them). CCPro
/// answers 200 with the transfer, `pending` until confirmed ([`ConfirmTransfer`]) within
/// `lifeSeconds`.
///
/// Two users take part, and the docs call both `user`: the path's `{user}` (whose
/// transfer it is: the session's user) and the body's `user` (the counterparty, by
/// e-mail or id). Here the path's is [`owner`](Self::owner) and the body's is
/// [`user`](Self::user). In the input document `user` is the counterparty (the body's
/// field wins the name) and the path's user is `owner`; [`crate::UserClient::create_transfer`]
/// and [`CreateTransfer::new`] set it from the session or the caller.
///
/// `amount` is sent as a JSON string with the caller's digits exactly, and must be above
/// zero (the docs' `numeric|min:0|not_in:0`), checked before sending.
///
/// Moves money, carries no idempotency key and is **never retried** once it may have
/// arrived. After an ambiguous failure (a timeout, a dropped connection, a 5xx), list the
/// transfers ([`ListTransfersBy`], those the user created) and look for a recent
/// `pending` one with this counterparty and amount before trying again: a second create
/// would start a second transfer. An unconfirmed transfer lapses after `lifeUntilAt`.
///
/// Input document: `{"owner": "…", "action": "send", "amount": "1.2345", "type": "coin",
/// "symbol": "ETH", "user": "bob@example.com"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateTransfer {
    /// The id of the user whose transfer it is (the path's `{user}`; `owner` in the input
    /// document, because the body's `user` is the counterparty).
    #[serde(default)]
    pub owner: String,
    /// Send to, or receive from, the counterparty.
    pub action: TransferAction,
    /// The amount, exact.
    pub amount: ExactAmount,
    /// The asset's kind (`type`: `coin` or `token`).
    #[serde(rename = "type")]
    pub asset_type: AssetType,
    /// The asset's symbol (`ETH`).
    pub symbol: String,
    /// The counterparty: another CCPro user's e-mail or id (the body's `user`).
    pub user: String,
}

impl CreateTransfer {
    /// A transfer of `owner`'s: `action` `amount` of `symbol` (of kind `asset_type`) with
    /// `counterparty` (an e-mail or user id).
    pub fn new(
        owner: impl Into<String>,
        action: TransferAction,
        amount: ExactAmount,
        asset_type: AssetType,
        symbol: impl Into<String>,
        counterparty: impl Into<String>,
    ) -> Self {
        CreateTransfer {
            owner: owner.into(),
            action,
            amount,
            asset_type,
            symbol: symbol.into(),
            user: counterparty.into(),
        }
    }
}

impl Endpoint for CreateTransfer {
    type Output = Transfer;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        if self.owner.trim().is_empty() {
            return Err(InvalidInput::new(
                "owner",
                "is required: the id of the user whose transfer it is (the path's {user}); \
                 UserClient::create_transfer fills it from the session",
            ));
        }
        require_text("owner", &self.owner, MAX_ID)?;
        require_text("action", self.action.as_str(), MAX_ID)?;
        require_text("type", self.asset_type.as_str(), MAX_ID)?;
        require_text("symbol", &self.symbol, MAX_ID)?;
        require_text("user", &self.user, MAX_ID)?;
        if !self.amount.is_positive() {
            return Err(InvalidInput::new(
                "amount",
                format!("must be above zero, not {}", self.amount),
            ));
        }
        #[derive(Serialize)]
        struct Body<'a> {
            action: &'a str,
            amount: &'a str,
            #[serde(rename = "type")]
            asset_type: &'a str,
            symbol: &'a str,
            user: &'a str,
        }
        RequestSpec::with_path(&operations::TRANSFER_CREATE, &[Some(&self.owner)])?.json(&Body {
            action: self.action.as_str(),
            amount: self.amount.as_str(),
            asset_type: self.asset_type.as_str(),
            symbol: &self.symbol,
            user: &self.user,
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Transfer, DecodeFailure> {
        data(status, body)
    }
}

/// `GET operation` for `user`: the request of the four transfer lists, which differ only
/// in their row.
fn user_list(
    operation: &'static payments_core::Operation,
    user: &str,
) -> Result<RequestSpec, InvalidInput> {
    require_text("user", user, MAX_ID)?;
    RequestSpec::with_path(operation, &[Some(user)])
}

/// `GET /api/v1/user/{user}/transfer`: every transfer the user takes part in (not
/// paginated).
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTransfers {
    /// The user's id (the docs' `{user}`).
    pub user: String,
}

impl ListTransfers {
    /// `user`'s transfers.
    pub fn new(user: impl Into<String>) -> Self {
        ListTransfers { user: user.into() }
    }
}

impl Endpoint for ListTransfers {
    type Output = Vec<Transfer>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        user_list(&operations::TRANSFER_LIST, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Transfer>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/transfer/by`: the transfers the user created.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTransfersBy {
    /// The user's id (the docs' `{user}`).
    pub user: String,
}

impl ListTransfersBy {
    /// The transfers `user` created.
    pub fn new(user: impl Into<String>) -> Self {
        ListTransfersBy { user: user.into() }
    }
}

impl Endpoint for ListTransfersBy {
    type Output = Vec<Transfer>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        user_list(&operations::TRANSFER_BY, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Transfer>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/transfer/from`: the transfers from the user.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTransfersFrom {
    /// The user's id (the docs' `{user}`).
    pub user: String,
}

impl ListTransfersFrom {
    /// The transfers from `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ListTransfersFrom { user: user.into() }
    }
}

impl Endpoint for ListTransfersFrom {
    type Output = Vec<Transfer>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        user_list(&operations::TRANSFER_FROM, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Transfer>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/transfer/to`: the transfers to the user.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTransfersTo {
    /// The user's id (the docs' `{user}`).
    pub user: String,
}

impl ListTransfersTo {
    /// The transfers to `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ListTransfersTo { user: user.into() }
    }
}

impl Endpoint for ListTransfersTo {
    type Output = Vec<Transfer>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        user_list(&operations::TRANSFER_TO, &self.user)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Transfer>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/transfer/{transfer}`: one transfer.
///
/// Input document: `{"user": "…", "transfer": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetTransfer {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The transfer's id (the docs' `{transfer}`).
    pub transfer: String,
}

impl GetTransfer {
    /// `user`'s transfer `transfer`.
    pub fn new(user: impl Into<String>, transfer: impl Into<String>) -> Self {
        GetTransfer {
            user: user.into(),
            transfer: transfer.into(),
        }
    }
}

impl Endpoint for GetTransfer {
    type Output = Transfer;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("transfer", &self.transfer, MAX_ID)?;
        RequestSpec::with_path(
            &operations::TRANSFER_SHOW,
            &[Some(&self.user), Some(&self.transfer)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Transfer, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/transfer/{transfer}`: confirms a pending transfer; CCPro
/// answers with the transfer, `completed`, its two orders filled in. The receiver may
/// name the wallet (an address or the id of one of their wallets) the funds go to; the
/// body is `{}` without one. Who may confirm, and what happens after `lifeUntilAt`, are
/// not documented.
///
/// Never retried once it may have arrived. After an ambiguous failure, read the transfer
/// back ([`GetTransfer`]): `completed` means it was confirmed.
///
/// Input document: `{"user": "…", "transfer": "…", "wallet"?: "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmTransfer {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The transfer's id (the docs' `{transfer}`).
    pub transfer: String,
    /// Where the received funds go (receivers only).
    #[serde(default)]
    pub wallet: Option<String>,
}

impl ConfirmTransfer {
    /// Confirms `user`'s transfer `transfer`.
    pub fn new(user: impl Into<String>, transfer: impl Into<String>) -> Self {
        ConfirmTransfer {
            user: user.into(),
            transfer: transfer.into(),
            wallet: None,
        }
    }

    /// Receives into `wallet` (an address or a wallet id).
    pub fn with_wallet(mut self, wallet: impl Into<String>) -> Self {
        self.wallet = Some(wallet.into());
        self
    }
}

impl Endpoint for ConfirmTransfer {
    type Output = Transfer;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("transfer", &self.transfer, MAX_ID)?;
        if let Some(w) = &self.wallet {
            require_text("wallet", w, MAX_ID)?;
        }
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            wallet: Option<&'a str>,
        }
        RequestSpec::with_path(
            &operations::TRANSFER_CONFIRM,
            &[Some(&self.user), Some(&self.transfer)],
        )?
        .json(&Body {
            wallet: self.wallet.as_deref(),
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Transfer, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `transfer-list`: every transfer the session user takes part in.
    pub async fn list_transfers(&self) -> Result<Vec<Transfer>, Error> {
        self.send(&ListTransfers::new(self.user_id())).await
    }

    /// `transfer-by`: the transfers the session user created.
    pub async fn list_transfers_by(&self) -> Result<Vec<Transfer>, Error> {
        self.send(&ListTransfersBy::new(self.user_id())).await
    }

    /// `transfer-from`: the transfers from the session user.
    pub async fn list_transfers_from(&self) -> Result<Vec<Transfer>, Error> {
        self.send(&ListTransfersFrom::new(self.user_id())).await
    }

    /// `transfer-to`: the transfers to the session user.
    pub async fn list_transfers_to(&self) -> Result<Vec<Transfer>, Error> {
        self.send(&ListTransfersTo::new(self.user_id())).await
    }

    /// `transfer-show`: one of the session user's transfers.
    pub async fn get_transfer(&self, transfer: &str) -> Result<Transfer, Error> {
        self.send(&GetTransfer::new(self.user_id(), transfer)).await
    }

    /// `transfer-create`: the session user `action`s `amount` of `symbol` with
    /// `counterparty` (another user's e-mail or id). **Never retried** once it may have
    /// arrived: after an ambiguous failure, list the transfers
    /// ([`list_transfers_by`](Self::list_transfers_by)) before trying again (see
    /// [`CreateTransfer`]).
    pub async fn create_transfer(
        &self,
        action: TransferAction,
        amount: ExactAmount,
        asset_type: AssetType,
        symbol: &str,
        counterparty: &str,
    ) -> Result<Transfer, Error> {
        self.send(&CreateTransfer::new(
            self.user_id(),
            action,
            amount,
            asset_type,
            symbol,
            counterparty,
        ))
        .await
    }

    /// `transfer-confirm`: confirms `transfer`, receiving into `wallet` when given. Not
    /// retried once it may have arrived: after an ambiguous failure, read the transfer
    /// back with [`get_transfer`](Self::get_transfer).
    pub async fn confirm_transfer(
        &self,
        transfer: &str,
        wallet: Option<&str>,
    ) -> Result<Transfer, Error> {
        let mut request = ConfirmTransfer::new(self.user_id(), transfer);
        request.wallet = wallet.map(str::to_owned);
        self.send(&request).await
    }
}
