//! The requests, one struct per operation. Each is plain data implementing
//! [`Endpoint`](payments_core::Endpoint): serialized once, signed and sent as the same
//! bytes on every attempt.
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

use payments_core::http::header::HeaderValue;
use payments_core::{Amount, DecodeFailure, InvalidInput, RequestBody, decode_json};
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
    payments_core::require_text(field, value, MAX_TEXT_LEN)?;
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

/// Implements the boilerplate of an [`Endpoint`](payments_core::Endpoint) whose body is
/// the struct itself as JSON.
macro_rules! json_endpoint {
    (
        $ty:ty, $out:ty, $op:literal, $method:ident, $path:literal, $safety:ident,
        decode = $decode:expr,
        validate = |$s:ident| $validate:block
    ) => {
        impl payments_core::Endpoint for $ty {
            type Output = $out;

            fn operation(&self) -> &'static str {
                $op
            }

            fn method(&self) -> payments_core::http::Method {
                payments_core::http::Method::$method
            }

            fn path(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed($path)
            }

            fn validate(&self) -> Result<(), payments_core::InvalidInput> {
                let $s = self;
                $validate
            }

            fn body(
                &self,
            ) -> Result<Option<payments_core::RequestBody>, payments_core::InvalidInput> {
                payments_core::RequestBody::json(self).map(Some)
            }

            fn retry_safety(&self) -> payments_core::RetrySafety {
                payments_core::RetrySafety::$safety
            }

            fn decode(
                &self,
                _status: payments_core::http::StatusCode,
                body: &[u8],
            ) -> Result<Self::Output, payments_core::DecodeFailure> {
                ($decode)(body)
            }
        }
    };
}
pub(crate) use json_endpoint;
