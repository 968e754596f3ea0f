//! `balances`: what a user holds of each coin and token, with rates.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::Deserialize;

use crate::api::banks::require_id;
use crate::operations;
use crate::types::balances::Balances;
use crate::types::common::data;

/// `GET /api/v1/user/{user}/balances/{asset?}`: the user's balances, optionally for one
/// asset (the `{asset?}` segment is left out when `asset` is `None`).
///
/// The docs' example asks for `ETH` and answers XBT and IPSX, so whether the asset
/// filters is not shown; the answer has the same shape either way.
///
/// Input document: `{"user", "asset"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetBalances {
    /// The user's id.
    pub user: String,
    /// Only this asset's balance (`ETH`).
    #[serde(default)]
    pub asset: Option<String>,
}

impl GetBalances {
    /// All of `user`'s balances.
    pub fn new(user: impl Into<String>) -> Self {
        GetBalances {
            user: user.into(),
            asset: None,
        }
    }

    /// Only `asset`'s balance.
    pub fn with_asset(mut self, asset: impl Into<String>) -> Self {
        self.asset = Some(asset.into());
        self
    }
}

impl Endpoint for GetBalances {
    type Output = Balances;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        if let Some(a) = &self.asset {
            require_id("asset", a)?;
        }
        RequestSpec::with_path(
            &operations::BALANCES,
            &[Some(&self.user), self.asset.as_deref()],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Balances, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `balances`: all of the session's user's balances.
    pub async fn balances(&self) -> Result<Balances, Error> {
        self.send(&GetBalances::new(self.user_id())).await
    }

    /// `balances` for one asset (`ETH`).
    pub async fn balances_of(&self, asset: impl Into<String>) -> Result<Balances, Error> {
        self.send(&GetBalances::new(self.user_id()).with_asset(asset))
            .await
    }
}
