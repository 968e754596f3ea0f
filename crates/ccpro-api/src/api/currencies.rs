//! Currencies: the coins a user can trade with their rates and allowed operations
//! (`currency-list`), and an asset's rate history (`currency-history`).

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::Deserialize;

use crate::operations;
use crate::types::common::data;
use crate::types::currencies::{Currencies, HistoryPeriod, RatePoint};

/// `GET /api/v1/user/{user}/currencies/{asset?}`: every coin, or only `asset`'s.
///
/// Input document: `{"user": "…", "asset": "ETH"}` (`asset` optional).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCurrencies {
    /// The user id.
    pub user: String,
    /// The asset symbol, to list only that one.
    #[serde(default)]
    pub asset: Option<String>,
}

impl ListCurrencies {
    /// Every currency available to `user`.
    pub fn new(user: impl Into<String>) -> Self {
        ListCurrencies {
            user: user.into(),
            asset: None,
        }
    }

    /// Only `asset` (a symbol, `ETH`).
    pub fn with_asset(mut self, asset: impl Into<String>) -> Self {
        self.asset = Some(asset.into());
        self
    }
}

impl Endpoint for ListCurrencies {
    type Output = Currencies;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, 512)?;
        if let Some(a) = &self.asset {
            require_text("asset", a, 512)?;
        }
        RequestSpec::with_path(
            &operations::CURRENCY_LIST,
            &[Some(&self.user), self.asset.as_deref()],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Currencies, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/currencies/{asset}/history/{period}`: `asset`'s rates over
/// `period`. Both segments are required although the docs mark them "optional". A period
/// this version does not know ([`HistoryPeriod::Unknown`]) is sent as given.
///
/// Input document: `{"user": "…", "asset": "ETH", "period": "day"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyHistory {
    /// The user id.
    pub user: String,
    /// The asset symbol.
    pub asset: String,
    /// The period.
    pub period: HistoryPeriod,
}

impl CurrencyHistory {
    /// `asset`'s history over `period`.
    pub fn new(user: impl Into<String>, asset: impl Into<String>, period: HistoryPeriod) -> Self {
        CurrencyHistory {
            user: user.into(),
            asset: asset.into(),
            period,
        }
    }
}

impl Endpoint for CurrencyHistory {
    type Output = Vec<RatePoint>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, 512)?;
        require_text("asset", &self.asset, 512)?;
        require_text("period", self.period.as_str(), 512)?;
        RequestSpec::with_path(
            &operations::CURRENCY_HISTORY,
            &[
                Some(&self.user),
                Some(&self.asset),
                Some(self.period.as_str()),
            ],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<RatePoint>, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `currency-list`: every currency available to the user, or only `asset`'s.
    pub async fn currencies(&self, asset: Option<&str>) -> Result<Currencies, Error> {
        let mut req = ListCurrencies::new(self.user_id());
        req.asset = asset.map(str::to_owned);
        self.send(&req).await
    }

    /// `currency-history`: `asset`'s rates over `period`.
    pub async fn currency_history(
        &self,
        asset: &str,
        period: HistoryPeriod,
    ) -> Result<Vec<RatePoint>, Error> {
        self.send(&CurrencyHistory::new(self.user_id(), asset, period))
            .await
    }
}
