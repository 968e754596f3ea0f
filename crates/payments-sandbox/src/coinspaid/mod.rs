//! The CoinsPaid emulation, served under `/coinspaid`.
//!
//! The routes are CoinsPaid's v2 API as documented: `GET /v2/ping` and `POST`
//! `/v2/currencies/list`, `/v2/currencies/pairs`, `/v2/accounts/list`, `/v2/addresses/take`,
//! `/v2/withdrawal/crypto`, `/v2/exchange/calculate`, `/v2/exchange/fixed`,
//! `/v2/exchange/now`, `/v2/futures/rates` and `/futures/confirm` (without `/v2`, as the
//! docs list it). Anything else under `/coinspaid` is 404 `{"message":"Not Found"}`.
//!
//! Requests are checked in this order, each failure answering at once:
//!
//! 1. the route (404);
//! 2. authentication (401): `X-Processing-Key` equals
//!    [`Credentials::coinspaid_key`](crate::Credentials::coinspaid_key) and
//!    `X-Processing-Signature` is the hex HMAC-SHA512 of the raw body keyed with
//!    [`Credentials::coinspaid_secret`](crate::Credentials::coinspaid_secret), compared in
//!    constant time. The docs show no auth error, so the sandbox answers
//!    `{"errors": {"X-Processing-Key": "…"}}` or `{"errors": {"X-Processing-Signature": "…"}}`;
//! 3. the body and the operation's rules (400 `{"errors": {field: message}}`, the documented
//!    shape).
//!
//! Balances, rates, fees and minimums come from the fixed table [`CURRENCIES`];
//! `docs/sandbox.md` has the rules. Deposits are simulated with the control route
//! `POST /_sandbox/coinspaid/deposits`. Every callback the sandbox creates is kept (see
//! [`Sandbox::coinspaid_callbacks`]) and, when
//! [`SandboxConfig::callback_url`](crate::SandboxConfig::callback_url) is set, posted there in
//! order, signed as CoinsPaid signs them.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use payments_core::digest::hmac_sha512_hex;
use payments_core::webhook::{WebhookSecrets, constant_time_eq, verify_hmac_sha512};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::{IdSequence, MAX_BODY_BYTES, Provider, Sandbox, callbacks, json_response, message};

mod addresses;
mod currencies;
mod delivery;
mod deposits;
mod exchanges;
mod futures;
mod state;
mod tables;
mod wire;
mod withdrawals;

pub(crate) use addresses::*;
pub(crate) use currencies::*;
pub(crate) use delivery::*;
pub(crate) use deposits::*;
pub(crate) use exchanges::*;
pub(crate) use futures::*;
pub use state::*;
pub use tables::*;
pub(crate) use wire::*;
pub(crate) use withdrawals::*;

// ---------------------------------------------------------------------------------------
// Routing and authentication

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Ping,
    Currencies,
    Pairs,
    Accounts,
    TakeAddress,
    Withdraw,
    Calculate,
    Fixed,
    Now,
    FuturesRates,
    FuturesConfirm,
}

impl Op {
    fn from_route(method: &Method, path: &str) -> Option<Op> {
        if method == Method::GET {
            return (path == "/v2/ping").then_some(Op::Ping);
        }
        if method != Method::POST {
            return None;
        }
        Some(match path {
            "/v2/currencies/list" => Op::Currencies,
            "/v2/currencies/pairs" => Op::Pairs,
            "/v2/accounts/list" => Op::Accounts,
            "/v2/addresses/take" => Op::TakeAddress,
            "/v2/withdrawal/crypto" => Op::Withdraw,
            "/v2/exchange/calculate" => Op::Calculate,
            "/v2/exchange/fixed" => Op::Fixed,
            "/v2/exchange/now" => Op::Now,
            "/v2/futures/rates" => Op::FuturesRates,
            "/futures/confirm" => Op::FuturesConfirm,
            _ => return None,
        })
    }
}

/// Every CoinsPaid request lands here (the router sends `/coinspaid` and `/coinspaid/*`).
pub(crate) async fn dispatch(State(sandbox): State<Sandbox>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let path = parts
        .uri
        .path()
        .strip_prefix(Provider::CoinsPaid.prefix())
        .unwrap_or("");
    let Some(op) = Op::from_route(&parts.method, path) else {
        return message(StatusCode::NOT_FOUND, "Not Found");
    };
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => {
            return CpError::field("body", "The body could not be read.").into_response();
        }
    };
    let outcome = authenticate(&sandbox, &parts.headers, &body)
        .and_then(|()| parse_object(&body))
        .and_then(|fields| match op {
            Op::Ping => Ok(json_response(StatusCode::OK, &json!({}))),
            Op::Currencies => Ok(currencies_list()),
            Op::Pairs => pairs(&fields),
            Op::Accounts => Ok(accounts(&sandbox)),
            Op::TakeAddress => take_address(&sandbox, &fields),
            Op::Withdraw => withdraw(&sandbox, &fields),
            Op::Calculate => calculate(&sandbox, &fields),
            Op::Fixed => exchange(&sandbox, &fields, true),
            Op::Now => exchange(&sandbox, &fields, false),
            Op::FuturesRates => futures_rates(&sandbox, &fields),
            Op::FuturesConfirm => futures_confirm(&sandbox, &fields),
        });
    outcome.unwrap_or_else(IntoResponse::into_response)
}

fn authenticate(sandbox: &Sandbox, headers: &HeaderMap, body: &[u8]) -> Result<(), CpError> {
    let creds = sandbox.credentials();
    let Some(key) = headers.get(KEY_HEADER) else {
        return Err(CpError::auth(
            "X-Processing-Key",
            "The X-Processing-Key header is required.",
        ));
    };
    if !constant_time_eq(key.as_bytes(), creds.coinspaid_key.as_bytes()) {
        return Err(CpError::auth(
            "X-Processing-Key",
            "The X-Processing-Key is invalid.",
        ));
    }
    let Some(signature) = headers.get(SIGNATURE_HEADER) else {
        return Err(CpError::auth(
            SIGNATURE_HEADER,
            "The X-Processing-Signature header is required.",
        ));
    };
    let signature = signature.as_bytes();
    let secrets = WebhookSecrets::new(creds.coinspaid_secret.clone().into());
    let lower = !signature.iter().any(u8::is_ascii_uppercase);
    if !lower || verify_hmac_sha512(SIGNATURE_HEADER, signature, body, &secrets).is_err() {
        return Err(CpError::auth(
            SIGNATURE_HEADER,
            "The X-Processing-Signature is invalid.",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses() {
        for c in CURRENCIES {
            for text in [
                c.minimum,
                c.deposit_fee_percent,
                c.withdrawal_fee_percent,
                c.eur_rate,
                c.network_fee,
                c.seed_balance,
            ] {
                Decimal::from_str_exact(text).unwrap();
            }
            assert!(dec(c.eur_rate) > Decimal::ZERO);
        }
        Decimal::from_str_exact(EXCHANGE_FEE_PERCENT).unwrap();
    }

    #[test]
    fn prices_and_formatting() {
        let btc = currency("BTC").unwrap();
        let eur = currency("EUR").unwrap();
        assert_eq!(fmt8(price(btc, eur)), "30000.00000000");
        assert_eq!(fmt8(price(eur, btc)), "0.00003333");
        assert_eq!(fmt8(dec("0.01")), "0.01000000");
        assert_eq!(num(dec("1.00000000")).0, "1");
    }

    #[test]
    fn routes() {
        assert_eq!(Op::from_route(&Method::GET, "/v2/ping"), Some(Op::Ping));
        assert_eq!(Op::from_route(&Method::POST, "/v2/ping"), None);
        assert_eq!(
            Op::from_route(&Method::POST, "/futures/confirm"),
            Some(Op::FuturesConfirm)
        );
        assert_eq!(Op::from_route(&Method::POST, "/v2/futures/confirm"), None);
    }
}
