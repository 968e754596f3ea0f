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

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, head, post};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::faults::Operation;
use crate::ids::{IdSequence, IdStream};
use crate::toolkit::digest::{ct_eq, hmac_sha512_hex, over_body};
use crate::toolkit::{Fields, dec, decimal, json_response, message, read_object, refused};
use crate::{MAX_BODY_BYTES, Sandbox, callbacks};

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
    const ALL: [Op; 11] = [
        Op::Ping,
        Op::Currencies,
        Op::Pairs,
        Op::Accounts,
        Op::TakeAddress,
        Op::Withdraw,
        Op::Calculate,
        Op::Fixed,
        Op::Now,
        Op::FuturesRates,
        Op::FuturesConfirm,
    ];

    /// The method, the path under `/coinspaid` and the name (as `coinspaid-api` names it).
    const fn operation(self) -> Operation {
        let (method, path, name) = match self {
            Op::Ping => ("GET", "/v2/ping", "ping"),
            Op::Currencies => ("POST", "/v2/currencies/list", "currencies-list"),
            Op::Pairs => ("POST", "/v2/currencies/pairs", "currencies-pairs"),
            Op::Accounts => ("POST", "/v2/accounts/list", "accounts-list"),
            Op::TakeAddress => ("POST", "/v2/addresses/take", "addresses-take"),
            Op::Withdraw => ("POST", "/v2/withdrawal/crypto", "withdrawal-crypto"),
            Op::Calculate => ("POST", "/v2/exchange/calculate", "exchange-calculate"),
            Op::Fixed => ("POST", "/v2/exchange/fixed", "exchange-fixed"),
            Op::Now => ("POST", "/v2/exchange/now", "exchange-now"),
            Op::FuturesRates => ("POST", "/v2/futures/rates", "futures-rates"),
            Op::FuturesConfirm => ("POST", "/futures/confirm", "futures-confirm"),
        };
        Operation::new(method, path, name)
    }

    #[cfg(test)]
    fn from_route(method: &axum::http::Method, path: &str) -> Option<Op> {
        Op::ALL
            .into_iter()
            .find(|op| op.operation().matches(method.as_str(), path))
    }

    fn run(self, sandbox: &Sandbox, fields: &Fields) -> Result<Response, ApiError> {
        match self {
            Op::Ping => Ok(json_response(StatusCode::OK, &json!({}))),
            Op::Currencies => Ok(currencies_list()),
            Op::Pairs => pairs(fields),
            Op::Accounts => Ok(accounts(sandbox)),
            Op::TakeAddress => take_address(sandbox, fields),
            Op::Withdraw => withdraw(sandbox, fields),
            Op::Calculate => calculate(sandbox, fields),
            Op::Fixed => exchange(sandbox, fields, true),
            Op::Now => exchange(sandbox, fields, false),
            Op::FuturesRates => futures_rates(sandbox, fields),
            Op::FuturesConfirm => futures_confirm(sandbox, fields),
        }
    }
}

/// CoinsPaid's operations, for fault rules.
pub(crate) const OPERATIONS: &[Operation] = &{
    let mut table = [Operation::new("", "", ""); 11];
    let mut i = 0;
    while i < Op::ALL.len() {
        table[i] = Op::ALL[i].operation();
        i += 1;
    }
    table
};

/// CoinsPaid's routes under `/coinspaid`: the route first (`{"message":"Not Found"}` for
/// anything else, another method included), then the signature, then the body.
pub(crate) fn router(sandbox: Sandbox) -> Router<Sandbox> {
    let mut router = Router::new();
    for op in Op::ALL {
        router = router.route(op.operation().path, endpoint(op));
    }
    router = router.route_layer(middleware::from_fn_with_state(sandbox, authenticate));
    // axum would answer HEAD with the GET handler (after authentication); CoinsPaid's routes
    // know only their own method, so HEAD is the 404 it always was.
    for op in Op::ALL {
        if op.operation().method == "GET" {
            router = router.route(op.operation().path, head(not_found));
        }
    }
    router
        .method_not_allowed_fallback(not_found)
        .fallback(not_found)
}

async fn not_found() -> Response {
    message(StatusCode::NOT_FOUND, "Not Found")
}

/// The answer to a body over [`MAX_BODY_BYTES`](crate::MAX_BODY_BYTES) (the front door reads it).
pub(crate) fn body_too_large() -> Response {
    message(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body: larger than 1 MiB or could not be read",
    )
}

/// The answer of a `status` fault: CoinsPaid's `{"errors": {…}}` shape.
pub(crate) fn fault_response(status: StatusCode) -> Response {
    ApiError {
        status,
        fields: vec![(
            "status".to_owned(),
            status.canonical_reason().unwrap_or("Error").to_owned(),
        )],
    }
    .into_response()
}

fn endpoint(op: Op) -> MethodRouter<Sandbox> {
    let handler = move |State(sandbox): State<Sandbox>, body: Bytes| async move {
        parse_object(&body)
            .and_then(|fields| op.run(&sandbox, &fields))
            .unwrap_or_else(IntoResponse::into_response)
    };
    if op.operation().method == "GET" {
        get(handler)
    } else {
        post(handler)
    }
}

/// CoinsPaid's authentication as route middleware; a refusal is 401 with an
/// `X-Sandbox-Reason`.
async fn authenticate(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    // The body is already buffered (and at most MAX_BODY_BYTES) by the router's body layer.
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return ApiError::field("body", "The body could not be read.").into_response();
    };
    match check_signature(&sandbox, &parts.headers, &bytes) {
        Ok(()) => {
            next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                .await
        }
        Err((error, reason)) => refused(error.into_response(), &reason),
    }
}

fn check_signature(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), (ApiError, String)> {
    let creds = sandbox.credentials();
    let Some(key) = headers.get(KEY_HEADER) else {
        return Err((
            ApiError::auth(
                "X-Processing-Key",
                "The X-Processing-Key header is required.",
            ),
            "missing header: X-Processing-Key".to_owned(),
        ));
    };
    if !ct_eq(key.as_bytes(), creds.coinspaid_key.as_bytes()) {
        return Err((
            ApiError::auth("X-Processing-Key", "The X-Processing-Key is invalid."),
            format!(
                "X-Processing-Key ({} bytes) is not the sandbox's coinspaid_key",
                key.len()
            ),
        ));
    }
    let Some(signature) = headers.get(SIGNATURE_HEADER) else {
        return Err((
            ApiError::auth(
                SIGNATURE_HEADER,
                "The X-Processing-Signature header is required.",
            ),
            "missing header: X-Processing-Signature".to_owned(),
        ));
    };
    let signature = signature.as_bytes();
    let invalid = |why: String| {
        (
            ApiError::auth(SIGNATURE_HEADER, "The X-Processing-Signature is invalid."),
            why,
        )
    };
    let well_formed = signature.len() == 128
        && signature
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b));
    if !well_formed {
        return Err(invalid(format!(
            "X-Processing-Signature is malformed: expected 128 lower-case hex digits (HMAC-SHA512), got {} bytes{}",
            signature.len(),
            if signature.iter().any(u8::is_ascii_uppercase) {
                " with upper-case letters"
            } else {
                ""
            }
        )));
    }
    let expected = hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), body);
    if !ct_eq(signature, expected.as_bytes()) {
        return Err(invalid(format!(
            "X-Processing-Signature does not match the HMAC-SHA512 of the body keyed with coinspaid_secret; {}",
            over_body(body)
        )));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::Method;

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
