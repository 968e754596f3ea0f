//! Prices (`price-buy`, `price-sell`, `price-withdraw`, `price-withdraw-ico`): a rate with
//! its commission and the converted amounts, every digit as sent (up to 50 fractional
//! digits, exponents such as `"6.304E-5"`).

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::currencies::TradeOperation;

/// A price: the rate with and without commission, the commission, and the amounts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// The rate with the commission applied (`rateRaw` × (1 + percent/100) on a buy).
    #[serde(default, with = "payments_core::exact::optional")]
    pub rate: Option<ExactAmount>,
    /// The rate without commission.
    #[serde(default, with = "payments_core::exact::optional")]
    pub rate_raw: Option<ExactAmount>,
    /// The commission.
    #[serde(default)]
    pub commission: Option<PriceCommission>,
    /// The amounts: the one asked for and the one computed.
    #[serde(default)]
    pub amounts: Option<PriceAmounts>,
    /// The assets.
    #[serde(default)]
    pub assets: Option<PriceAssets>,
    /// The payment processor's part (always `null` in the docs).
    #[serde(default)]
    pub payment: Option<PricePayment>,
    /// The operation priced (`buy_with_fiat`, `sell_to_fiat`, `withdraw`, `withdrawIco`).
    #[serde(default)]
    pub operation: Option<TradeOperation>,
}

/// A price's commission. `percent` is a JSON number here (`0.1` means 0.1 %), unlike the
/// string percents of quotes and transfers; it is read exactly and written back as a
/// number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PriceCommission {
    /// In the asset paid.
    #[serde(default, with = "payments_core::exact::optional")]
    pub from: Option<ExactAmount>,
    /// In the asset received.
    #[serde(default, with = "payments_core::exact::optional")]
    pub to: Option<ExactAmount>,
    /// The percent (0–100 scale).
    #[serde(default, with = "payments_core::exact::optional")]
    pub percent: Option<ExactAmount>,
    /// The discount (a number, `0`).
    #[serde(default, with = "payments_core::exact::optional")]
    pub discount: Option<ExactAmount>,
}

/// The amounts of a price.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PriceAmounts {
    /// Paid.
    #[serde(default, with = "payments_core::exact::optional")]
    pub from: Option<ExactAmount>,
    /// Received.
    #[serde(default, with = "payments_core::exact::optional")]
    pub to: Option<ExactAmount>,
}

/// The assets of a price.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PriceAssets {
    /// Paid (`EUR`).
    #[serde(default)]
    pub from: Option<String>,
    /// Received (`XBT`).
    #[serde(default)]
    pub to: Option<String>,
}

/// A payment processor's fee on a price. Always `null` in the docs: the processor is
/// assumed to be a name and the fees amounts (string or number, read exactly).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PricePayment {
    /// The processor.
    #[serde(default)]
    pub processor: Option<String>,
    /// Its fee.
    #[serde(default, with = "payments_core::exact::optional")]
    pub fee: Option<ExactAmount>,
    /// Its fee charged on top.
    #[serde(default, with = "payments_core::exact::optional")]
    pub fee_on_top: Option<ExactAmount>,
}
