//! Deposits: `deposit-create` records a crypto deposit the user made (an order), and
//! `deposit-address` hands out the address to deposit to.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, ExactAmount, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::api::banks::require_id;
use crate::operations;
use crate::types::common::data;
use crate::types::deposits::{DepositAddress, DepositDestination};
use crate::types::orders::{AssetType, Order};

/// `POST /api/v1/user/{user}/deposit`: records a deposit of `amount` `symbol` sent in
/// transaction `txID`, and answers the order it creates (200, not 201). 406 "This type of
/// operation is not allowed." when deposits of that asset are off.
///
/// The amount is sent as a JSON string with the caller's text unchanged (`"100"`,
/// `"0.00100"`); the SDK refuses zero and negative amounts, which no deposit can have. The
/// transaction id goes out as `txID` (and comes back as `txId`).
///
/// Input document: `{"user", "type", "symbol", "amount", "wallet"?, "txID"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateDeposit {
    /// The user's id.
    pub user: String,
    /// Coin or token.
    #[serde(rename = "type")]
    pub asset_type: AssetType,
    /// The coin's or token's symbol (`ETH`).
    pub symbol: String,
    /// The amount deposited, exact.
    pub amount: ExactAmount,
    /// The wallet it was sent from (at most 191 characters).
    #[serde(default)]
    pub wallet: Option<String>,
    /// The deposit's transaction id (at most 191 characters).
    #[serde(rename = "txID")]
    pub tx_id: String,
}

impl CreateDeposit {
    /// Records `user`'s deposit of `amount` `symbol` (a coin or token) in transaction
    /// `tx_id`.
    pub fn new(
        user: impl Into<String>,
        asset_type: AssetType,
        symbol: impl Into<String>,
        amount: ExactAmount,
        tx_id: impl Into<String>,
    ) -> Self {
        CreateDeposit {
            user: user.into(),
            asset_type,
            symbol: symbol.into(),
            amount,
            wallet: None,
            tx_id: tx_id.into(),
        }
    }

    /// Names the wallet the deposit was sent from.
    pub fn with_wallet(mut self, wallet: impl Into<String>) -> Self {
        self.wallet = Some(wallet.into());
        self
    }
}

impl Endpoint for CreateDeposit {
    type Output = Order;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_text("type", self.asset_type.as_str(), 191)?;
        require_text("symbol", &self.symbol, 191)?;
        if !self.amount.is_positive() {
            return Err(InvalidInput::new("amount", "must be greater than zero"));
        }
        if let Some(w) = &self.wallet {
            require_text("wallet", w, 191)?;
        }
        require_text("txID", &self.tx_id, 191)?;
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(rename = "type")]
            asset_type: &'a str,
            symbol: &'a str,
            amount: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            wallet: Option<&'a str>,
            #[serde(rename = "txID")]
            tx_id: &'a str,
        }
        RequestSpec::with_path(&operations::DEPOSIT_CREATE, &[Some(&self.user)])?.json(&Body {
            asset_type: self.asset_type.as_str(),
            symbol: &self.symbol,
            amount: self.amount.as_str(),
            wallet: self.wallet.as_deref(),
            tx_id: &self.tx_id,
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Order, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/deposit/address`: the address to deposit `asset` to (a POST
/// that reads, as documented). 403 "Unable to process your request." when CCPro has none
/// to give.
///
/// Input document: `{"user", "asset", "destination"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetDepositAddress {
    /// The user's id.
    pub user: String,
    /// The asset's symbol (`ETH`).
    pub asset: String,
    /// Where the deposited funds go (CCPro's default when absent: not documented).
    #[serde(default)]
    pub destination: Option<DepositDestination>,
}

impl GetDepositAddress {
    /// The address `user` deposits `asset` to.
    pub fn new(user: impl Into<String>, asset: impl Into<String>) -> Self {
        GetDepositAddress {
            user: user.into(),
            asset: asset.into(),
            destination: None,
        }
    }

    /// Asks for the address of `destination` (`broker` or `checkout`).
    pub fn with_destination(mut self, destination: DepositDestination) -> Self {
        self.destination = Some(destination);
        self
    }
}

impl Endpoint for GetDepositAddress {
    type Output = DepositAddress;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_text("asset", &self.asset, 191)?;
        if let Some(d) = &self.destination {
            require_text("destination", d.as_str(), 191)?;
        }
        #[derive(Serialize)]
        struct Body<'a> {
            asset: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            destination: Option<&'a str>,
        }
        RequestSpec::with_path(&operations::DEPOSIT_ADDRESS, &[Some(&self.user)])?.json(&Body {
            asset: &self.asset,
            destination: self.destination.as_ref().map(DepositDestination::as_str),
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<DepositAddress, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `deposit-create`: records a deposit the session's user sent in transaction `tx_id`
    /// (name the source wallet with [`CreateDeposit::with_wallet`] and
    /// [`send`](crate::UserClient::send)).
    pub async fn create_deposit(
        &self,
        asset_type: AssetType,
        symbol: impl Into<String>,
        amount: ExactAmount,
        tx_id: impl Into<String>,
    ) -> Result<Order, Error> {
        self.send(&CreateDeposit::new(
            self.user_id(),
            asset_type,
            symbol,
            amount,
            tx_id,
        ))
        .await
    }

    /// `deposit-address`: the address the session's user deposits `asset` to.
    pub async fn deposit_address(&self, asset: impl Into<String>) -> Result<DepositAddress, Error> {
        self.send(&GetDepositAddress::new(self.user_id(), asset))
            .await
    }
}
