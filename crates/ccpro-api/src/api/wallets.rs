//! A user's crypto wallets: `wallet-list`, `wallet-create`, `wallet-show` and
//! `wallet-update` (the alias only; there is no delete).

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::api::banks::{StatusFilter, alpha_dash, alpha_num, query_string, require_id};
use crate::operations;
use crate::types::common::data;
use crate::types::wallets::Wallet;

/// `GET /api/v1/user/{user}/wallet`: the user's wallets, optionally only those in one
/// review state or of one coin. Not paginated.
///
/// Input document: `{"user", "status"?, "coin"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListWallets {
    /// The user's id.
    pub user: String,
    /// Only wallets in this review state.
    #[serde(default)]
    pub status: Option<StatusFilter>,
    /// Only wallets of this coin (`ETH`, `XBT`).
    #[serde(default)]
    pub coin: Option<String>,
}

impl ListWallets {
    /// All of `user`'s wallets.
    pub fn new(user: impl Into<String>) -> Self {
        ListWallets {
            user: user.into(),
            status: None,
            coin: None,
        }
    }

    /// Only wallets in review state `status`.
    pub fn with_status(mut self, status: StatusFilter) -> Self {
        self.status = Some(status);
        self
    }

    /// Only wallets of `coin`.
    pub fn with_coin(mut self, coin: impl Into<String>) -> Self {
        self.coin = Some(coin.into());
        self
    }
}

impl Endpoint for ListWallets {
    type Output = Vec<Wallet>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        if let Some(c) = &self.coin {
            require_text("coin", c, 191)?;
        }
        let q = query_string(&[
            ("status", self.status.as_ref().map(StatusFilter::as_str)),
            ("coin", self.coin.as_deref()),
        ]);
        Ok(RequestSpec::with_path(&operations::WALLET_LIST, &[Some(&self.user)])?.query(q))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Wallet>, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/wallet`: adds a wallet. Answers 201 with the [`Wallet`].
///
/// Input document: `{"user", "address", "alias", "coin"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateWallet {
    /// The user's id.
    pub user: String,
    /// The address (letters and digits; unique across CCPro).
    pub address: String,
    /// The user's alias for it (letters, digits, `-`, `_`; at most 191; unique among the
    /// user's wallets).
    pub alias: String,
    /// The coin's symbol (`ETH`).
    pub coin: String,
}

impl CreateWallet {
    /// Adds `user`'s `coin` wallet at `address`, named `alias`.
    pub fn new(
        user: impl Into<String>,
        address: impl Into<String>,
        alias: impl Into<String>,
        coin: impl Into<String>,
    ) -> Self {
        CreateWallet {
            user: user.into(),
            address: address.into(),
            alias: alias.into(),
            coin: coin.into(),
        }
    }
}

impl Endpoint for CreateWallet {
    type Output = Wallet;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_text("address", &self.address, 191)?;
        alpha_num("address", &self.address)?;
        require_text("alias", &self.alias, 191)?;
        alpha_dash("alias", &self.alias)?;
        require_text("coin", &self.coin, 191)?;
        #[derive(Serialize)]
        struct Body<'a> {
            address: &'a str,
            alias: &'a str,
            coin: &'a str,
        }
        RequestSpec::with_path(&operations::WALLET_CREATE, &[Some(&self.user)])?.json(&Body {
            address: &self.address,
            alias: &self.alias,
            coin: &self.coin,
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Wallet, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/wallet/{wallet}`: one wallet.
///
/// Input document: `{"user", "wallet"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetWallet {
    /// The user's id.
    pub user: String,
    /// The wallet's id.
    pub wallet: String,
}

impl GetWallet {
    /// `user`'s wallet `wallet`.
    pub fn new(user: impl Into<String>, wallet: impl Into<String>) -> Self {
        GetWallet {
            user: user.into(),
            wallet: wallet.into(),
        }
    }
}

impl Endpoint for GetWallet {
    type Output = Wallet;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("wallet", &self.wallet)?;
        RequestSpec::with_path(
            &operations::WALLET_SHOW,
            &[Some(&self.user), Some(&self.wallet)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Wallet, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/wallet/{wallet}`: renames a wallet (`alias` is the only
/// field; the docs' 422 example about `address` belongs to create). Answers the
/// [`Wallet`].
///
/// Input document: `{"user", "wallet", "alias"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateWallet {
    /// The user's id.
    pub user: String,
    /// The wallet's id.
    pub wallet: String,
    /// The new alias (letters, digits, `-`, `_`; at most 191).
    pub alias: String,
}

impl UpdateWallet {
    /// Renames `user`'s wallet `wallet` to `alias`.
    pub fn new(
        user: impl Into<String>,
        wallet: impl Into<String>,
        alias: impl Into<String>,
    ) -> Self {
        UpdateWallet {
            user: user.into(),
            wallet: wallet.into(),
            alias: alias.into(),
        }
    }
}

impl Endpoint for UpdateWallet {
    type Output = Wallet;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("wallet", &self.wallet)?;
        require_text("alias", &self.alias, 191)?;
        alpha_dash("alias", &self.alias)?;
        #[derive(Serialize)]
        struct Body<'a> {
            alias: &'a str,
        }
        RequestSpec::with_path(
            &operations::WALLET_UPDATE,
            &[Some(&self.user), Some(&self.wallet)],
        )?
        .json(&Body { alias: &self.alias })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Wallet, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `wallet-list`: the session's user's wallets, unfiltered.
    pub async fn list_wallets(&self) -> Result<Vec<Wallet>, Error> {
        self.send(&ListWallets::new(self.user_id())).await
    }

    /// `wallet-create`: adds a wallet for the session's user.
    pub async fn create_wallet(
        &self,
        address: impl Into<String>,
        alias: impl Into<String>,
        coin: impl Into<String>,
    ) -> Result<Wallet, Error> {
        self.send(&CreateWallet::new(self.user_id(), address, alias, coin))
            .await
    }

    /// `wallet-show`: one of the session's user's wallets.
    pub async fn get_wallet(&self, wallet: impl Into<String>) -> Result<Wallet, Error> {
        self.send(&GetWallet::new(self.user_id(), wallet)).await
    }

    /// `wallet-update`: renames one of the session's user's wallets.
    pub async fn update_wallet(
        &self,
        wallet: impl Into<String>,
        alias: impl Into<String>,
    ) -> Result<Wallet, Error> {
        self.send(&UpdateWallet::new(self.user_id(), wallet, alias))
            .await
    }
}
