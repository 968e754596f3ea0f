//! `futures/rates` and `futures/confirm`.

use std::collections::BTreeMap;
use std::fmt;

use payments_core::{Amount, Currency};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::Address;

/// Rates fixed for an exchangeable address (`futures/rates`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FuturesRates {
    /// The address the rates apply to.
    pub address: Address,
    /// When the rates were fixed, Unix seconds.
    pub ts_fixed: i64,
    /// When they are released, Unix seconds.
    pub ts_release: i64,
    /// How long they hold, in seconds.
    pub fix_period: u64,
    /// Seconds left before release.
    pub seconds_left: u64,
    /// Prices by pair name (`BTCAUD`, `AUDBTC`).
    pub prices: BTreeMap<String, FuturesPrice>,
    /// The limit of one futures operation.
    pub limits: FuturesLimit,
}

/// The price ladder of one direction of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FuturesPrice {
    /// Sender amounts and what they fetch, in the order sent.
    #[serde(
        serialize_with = "serialize_limits",
        deserialize_with = "deserialize_limits"
    )]
    pub limits: Vec<PriceLimit>,
    /// The currency sent.
    pub sender_currency: Currency,
    /// The currency received.
    pub receiver_currency: Currency,
}

/// One step of a price ladder: sending `sender_amount` fetches `receiver_amount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PriceLimit {
    /// The amount sent (the key on the wire).
    pub sender_amount: Amount,
    /// The amount received (the value on the wire).
    pub receiver_amount: Amount,
}

fn serialize_limits<S: Serializer>(limits: &[PriceLimit], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(limits.len()))?;
    for l in limits {
        map.serialize_entry(&l.sender_amount.to_string(), &l.receiver_amount)?;
    }
    map.end()
}

fn deserialize_limits<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PriceLimit>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<PriceLimit>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map of sender amount to receiver amount")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(8));
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                let sender_amount = Amount::parse(&key).map_err(de::Error::custom)?;
                let receiver_amount: Amount = map.next_value()?;
                out.push(PriceLimit {
                    sender_amount,
                    receiver_amount,
                });
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// The cap of one futures operation (`limits` of `futures/rates`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FuturesLimit {
    /// The largest amount.
    pub amount: Amount,
    /// Its currency.
    pub iso: Currency,
}

/// A confirmed futures (`futures/confirm`): the rate is held until `ts_release`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FuturesConfirmation {
    /// What is to be sent.
    pub sender_amount: Amount,
    /// What is to be received.
    pub receiver_amount: Amount,
    /// The fee.
    pub fee_amount: Amount,
    /// The id of the futures, repeated as `futures_id` in the deposit callback.
    pub futures_id: u64,
    /// The currency sent.
    pub sender_currency: Currency,
    /// The currency received.
    pub receiver_currency: Currency,
    /// The currency of the fee.
    pub fee_currency: Currency,
    /// The price held.
    pub price: Amount,
    /// The address the futures applies to.
    pub address: Address,
    /// When the rate was fixed, Unix seconds.
    pub ts_fixed: i64,
    /// When it is released, Unix seconds.
    pub ts_release: i64,
    /// How long it holds, in seconds.
    pub fix_period: u64,
    /// Seconds left before release.
    pub seconds_left: u64,
}
