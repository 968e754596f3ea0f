//! Response and callback models.
//!
//! Every enum is `#[non_exhaustive]` and keeps values it does not know in an `Unknown`
//! variant, so a new value from CoinsPaid never breaks parsing.

mod account;
mod callback;
mod common;
mod exchange;
mod futures;
mod withdrawal;

pub use account::{Balance, CurrencyInfo, CurrencyPair, PairSide};
pub use callback::{
    Callback, CurrencyAmount, DepositCallback, ExchangeCallback, Fee, FeeKind, Transaction,
    TransactionKind, TransactionType, UnknownCallback, WithdrawalCallback,
};
pub use common::{Address, CurrencyType, Status};
pub use exchange::{ExchangeOrder, ExchangeQuote};
pub use futures::{FuturesConfirmation, FuturesLimit, FuturesPrice, FuturesRates, PriceLimit};
pub use withdrawal::Withdrawal;

/// Lenient readers for the fields the docs show in more than one shape.
pub(crate) mod lenient {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};

    /// `null`, `""` or absent become `None`; a string is kept; a number is kept as its
    /// text. For `tag`, `txid`, `riskscore` and `error`.
    pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Option<String>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                d.deserialize_any(V)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok((!v.is_empty()).then(|| v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok((!v.is_empty()).then_some(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
        }
        d.deserialize_option(V)
    }

    /// A count sent as a number (`3`) or a string (`"9"`); `null` or `""` become `None`.
    pub(crate) fn opt_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Option<u64>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative integer as a number or a string")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                d.deserialize_any(V)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                u64::try_from(v)
                    .map(Some)
                    .map_err(|_| E::custom("a count cannot be negative"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                let t = v.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                t.parse()
                    .map(Some)
                    .map_err(|_| E::custom(format!("{v:?} is not a non-negative integer")))
            }
        }
        d.deserialize_option(V)
    }
}
