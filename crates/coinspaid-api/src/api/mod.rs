//! The requests, one struct per operation. Each is plain data implementing
//! [`Endpoint`](payments_core::Endpoint): its `request()` checks the input and describes
//! the request for its row in [`operations`](crate::operations); the body is serialized
//! once, signed and sent as the same bytes on every attempt.
//!
//! Every body is a JSON object, even with no parameters (`{}`): CoinsPaid signs the body,
//! so an empty one is never sent. Fields go out in the order the docs list them and
//! amounts as JSON strings.

mod addresses;
mod exchange;
mod futures;
mod general;
mod withdrawal;

pub use addresses::TakeAddress;
pub use exchange::{CalculateExchange, ExchangeFixed, ExchangeNow};
pub use futures::{ConfirmFutures, GetFuturesRates};
pub use general::{ListAccounts, ListCurrencies, ListCurrencyPairs, Ping};
pub use withdrawal::WithdrawalCrypto;

use payments_core::Amount;
use payments_core::http::header::HeaderValue;
use payments_core::provider::{DecodeFailure, InvalidInput, RequestBody, decode_json};
use serde::de::DeserializeOwned;

/// A sanity cap on free-text identifiers (not documented by CoinsPaid).
pub(crate) const MAX_TEXT_LEN: usize = 255;

/// `{}`: the body of an operation without parameters.
pub(crate) fn empty_object() -> RequestBody {
    RequestBody::raw(&b"{}"[..], HeaderValue::from_static("application/json"))
}

/// Reads `{"data": T}` and returns the `T`.
pub(crate) fn decode_data<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeFailure> {
    #[derive(serde::Deserialize)]
    struct Data<T> {
        data: T,
    }
    decode_json::<Data<T>>(body).map(|d| d.data)
}

/// A required text field: not blank, at most [`MAX_TEXT_LEN`] characters, no control
/// characters.
pub(crate) fn require_text(field: &str, value: &str) -> Result<(), InvalidInput> {
    payments_core::provider::require_text(field, value, MAX_TEXT_LEN)?;
    if value.chars().any(char::is_control) {
        return Err(InvalidInput::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(())
}

pub(crate) fn optional_text(field: &str, value: Option<&str>) -> Result<(), InvalidInput> {
    value.map_or(Ok(()), |v| require_text(field, v))
}

pub(crate) fn require_positive(field: &str, amount: &Amount) -> Result<(), InvalidInput> {
    if amount.is_positive() {
        Ok(())
    } else {
        Err(InvalidInput::new(
            field,
            format!("must be greater than zero, got {amount}"),
        ))
    }
}
