//! Currencies (`currency-list`, `currency-history`, and the platform's `currencies`):
//! coins with their rates, and the operations each allows, in CCPro's S-OPERATIONS shape
//! (an array of single-key objects, `[{"withdraw": {…}}, {"deposit": {…}}]`).

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use payments_core::ExactAmount;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

// The operation and asset kinds are the orders' (one type each in the crate).
pub use crate::types::orders::{AssetType, TradeOperation};

payments_core::wire_enum! {
    /// The `{period}` of `currency-history` (the docs' example URL lists exactly these).
    pub enum HistoryPeriod {
        /// `day`.
        Day = "day",
        /// `week`.
        Week = "week",
        /// `month`.
        Month = "month",
        /// `quarter`.
        Quarter = "quarter",
        /// `semester`.
        Semester = "semester",
        /// `year`.
        Year = "year",
    }
}

/// What `currency-list` answers (`data`): the coins (one when an asset is given). The
/// platform's `currencies` adds `tokens` and `fiats`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Currencies {
    /// The coins.
    #[serde(default)]
    pub coins: Vec<Currency>,
    /// The tokens (only in the platform's `currencies`, empty in the docs; assumed to be
    /// shaped like the coins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<Currency>>,
    /// The fiat currencies (only in the platform's `currencies`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiats: Option<Vec<Fiat>>,
}

/// A coin or token: names, chain, rates and the operations it allows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Currency {
    /// Its name (`Ether`).
    #[serde(default)]
    pub name: Option<String>,
    /// Its symbol (`ETH`; Bitcoin is `XBT`).
    #[serde(default)]
    pub symbol: Option<String>,
    /// `coin` or `token`.
    #[serde(default, rename = "type")]
    pub kind: Option<AssetType>,
    /// The chain it lives on.
    #[serde(default)]
    pub chain: Option<Chain>,
    /// Its rates.
    #[serde(default)]
    pub rates: Option<CurrencyRates>,
    /// The operations it allows, in general and per fiat.
    #[serde(default)]
    pub operations: Option<Operations>,
}

/// A chain: `{"name": "Ether", "symbol": "ETH"}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Chain {
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its symbol.
    #[serde(default)]
    pub symbol: Option<String>,
}

/// A fiat currency of the platform (`{"name": "Euro", "symbol": "EUR", "operations": []}`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Fiat {
    /// Its name (`Euro`, `Usd`).
    #[serde(default)]
    pub name: Option<String>,
    /// Its ISO code.
    #[serde(default)]
    pub symbol: Option<String>,
    /// Its operations: always `[]` in the docs, so their shape is not documented; kept as
    /// exact JSON text ([`RawJson`](crate::types::common::RawJson)).
    #[serde(default)]
    pub operations: Option<Vec<crate::types::common::RawJson>>,
}

/// A currency's or a balance's `rates`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CurrencyRates {
    /// The rates in the platform's reference fiat.
    #[serde(default)]
    pub raw: Option<RawRates>,
}

/// The rate now and at the start of each period, exactly as sent (`"128.55000"`,
/// `"6.252E-5"`), plus the history `currency-list` adds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RawRates {
    /// Now.
    #[serde(default, with = "payments_core::exact::optional")]
    pub now: Option<ExactAmount>,
    /// A day ago.
    #[serde(default, with = "payments_core::exact::optional")]
    pub day: Option<ExactAmount>,
    /// A week ago.
    #[serde(default, with = "payments_core::exact::optional")]
    pub week: Option<ExactAmount>,
    /// A month ago.
    #[serde(default, with = "payments_core::exact::optional")]
    pub month: Option<ExactAmount>,
    /// A quarter ago.
    #[serde(default, with = "payments_core::exact::optional")]
    pub quarter: Option<ExactAmount>,
    /// A semester ago.
    #[serde(default, with = "payments_core::exact::optional")]
    pub semester: Option<ExactAmount>,
    /// A year ago.
    #[serde(default, with = "payments_core::exact::optional")]
    pub year: Option<ExactAmount>,
    /// Rate points per period (`currency-list` only; the docs show `day`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<BTreeMap<String, Vec<RatePoint>>>,
}

impl RawRates {
    /// The history of one period (`"day"`), empty when not sent.
    pub fn history(&self, period: &str) -> &[RatePoint] {
        self.history
            .as_ref()
            .and_then(|h| h.get(period))
            .map_or(&[], Vec::as_slice)
    }
}

/// One point of a rate history: `{"rate": "127.98000", "createdAt": 1550534431}`; what
/// `currency-history` answers a list of.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatePoint {
    /// The rate, exactly as sent.
    #[serde(default, with = "payments_core::exact::optional")]
    pub rate: Option<ExactAmount>,
    /// When (Unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// The S-OPERATIONS object: the operations allowed everywhere (`General`) and per fiat
/// (`Particular`, keyed by fiat symbol). Each list keeps the order and the operation names
/// of the wire (`[{"withdraw": {…}}, …]`) and is written back in the same shape.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Operations {
    /// Allowed for every fiat.
    #[serde(rename = "General", default)]
    pub general: Vec<OperationEntry>,
    /// Allowed per fiat (`"EUR": [...]`).
    #[serde(rename = "Particular", default)]
    pub particular: BTreeMap<String, Vec<OperationEntry>>,
}

impl Operations {
    /// The spec of `operation` in `General`, when listed.
    pub fn general(&self, operation: &TradeOperation) -> Option<&OperationSpec> {
        find(&self.general, operation)
    }

    /// The spec of `operation` for `fiat` in `Particular`, when listed.
    pub fn particular(&self, fiat: &str, operation: &TradeOperation) -> Option<&OperationSpec> {
        self.particular.get(fiat).and_then(|l| find(l, operation))
    }
}

fn find<'a>(list: &'a [OperationEntry], op: &TradeOperation) -> Option<&'a OperationSpec> {
    list.iter().find(|e| &e.operation == op).map(|e| &e.spec)
}

/// One `{"<operation>": OperationSpec}` object of an operations list.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationEntry {
    /// The operation (the object's one key).
    pub operation: TradeOperation,
    /// What it allows.
    pub spec: OperationSpec,
}

/// Whether an operation is on, its limits, and the operations that may follow it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationSpec {
    /// Whether it is available.
    #[serde(default)]
    pub status: Option<bool>,
    /// Its limits, in crypto and in fiat.
    #[serde(default)]
    pub limits: Option<OperationLimits>,
    /// The operations that may follow it (`[{"withdraw": {"mandatory": false}}]`).
    #[serde(default)]
    pub second_operations: Vec<SecondOperation>,
}

/// An operation's limits.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OperationLimits {
    /// In the crypto asset.
    #[serde(default)]
    pub crypto: Option<Limit>,
    /// In fiat.
    #[serde(default)]
    pub fiat: Option<Limit>,
}

/// A `{min, max}` pair. The docs show only `null` (currency-list) and `""` (platform), both
/// read as `None` (no limit); a value is read as a string or a number, exactly.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Limit {
    /// The minimum.
    #[serde(default, with = "payments_core::exact::optional")]
    pub min: Option<ExactAmount>,
    /// The maximum.
    #[serde(default, with = "payments_core::exact::optional")]
    pub max: Option<ExactAmount>,
}

/// One `{"<operation>": {"mandatory": bool}}` object of `secondOperations`.
#[derive(Debug, Clone, PartialEq)]
pub struct SecondOperation {
    /// The operation that may follow.
    pub operation: TradeOperation,
    /// Its settings.
    pub spec: SecondOperationSpec,
}

/// Whether a following operation is required.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SecondOperationSpec {
    /// Whether it must follow.
    #[serde(default)]
    pub mandatory: Option<bool>,
}

/// Reads a JSON object with exactly one key into `(key, value)`, without buffering (so
/// amounts inside keep their digits).
fn single_key<'de, D, V>(d: D) -> Result<(TradeOperation, V), D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct One<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for One<V> {
        type Value = (TradeOperation, V);
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object with one key, the operation")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let key: String = map
                .next_key()?
                .ok_or_else(|| de::Error::invalid_length(0, &self))?;
            let value: V = map.next_value()?;
            if map.next_key::<String>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
                return Err(de::Error::invalid_length(2, &self));
            }
            Ok((TradeOperation::from(key.as_str()), value))
        }
    }
    d.deserialize_map(One(PhantomData))
}

fn write_single_key<S: Serializer, V: Serialize>(
    s: S,
    key: &TradeOperation,
    value: &V,
) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(1))?;
    m.serialize_entry(key.as_str(), value)?;
    m.end()
}

impl<'de> Deserialize<'de> for OperationEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        single_key(d).map(|(operation, spec)| OperationEntry { operation, spec })
    }
}

impl Serialize for OperationEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_single_key(s, &self.operation, &self.spec)
    }
}

impl<'de> Deserialize<'de> for SecondOperation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        single_key(d).map(|(operation, spec)| SecondOperation { operation, spec })
    }
}

impl Serialize for SecondOperation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_single_key(s, &self.operation, &self.spec)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn operations_round_trip_in_order_with_unknown_names() {
        let text = r#"{"General":[{"withdraw":{"status":true,"limits":{"crypto":{"min":"0.01","max":2},"fiat":{"min":null,"max":null}},"secondOperations":[]}},{"teleport":{"status":false,"limits":null,"secondOperations":[{"withdraw":{"mandatory":false}}]}}],"Particular":{"EUR":[]}}"#;
        let ops: Operations = serde_json::from_str(text).unwrap();
        assert_eq!(ops.general[1].operation, TradeOperation::from("teleport"));
        assert_eq!(
            ops.general(&TradeOperation::Withdraw)
                .unwrap()
                .limits
                .as_ref()
                .unwrap()
                .crypto
                .as_ref()
                .unwrap()
                .min
                .as_ref()
                .unwrap()
                .as_str(),
            "0.01"
        );
        assert_eq!(serde_json::to_string(&ops).unwrap(), text);
    }

    #[test]
    fn an_entry_needs_exactly_one_key() {
        assert!(serde_json::from_str::<OperationEntry>("{}").is_err());
        assert!(serde_json::from_str::<OperationEntry>(r#"{"deposit":{},"withdraw":{}}"#).is_err());
    }
}
