//! The CoinCover emulation, served under `/coincover`.
//!
//! The routes are CoinCover's own: `POST /transaction`, `POST /user`, `PATCH /user/{userId}`,
//! `POST /user/{userId}/plan` and `PATCH /user/{userId}/plan`, all behind
//! `Authorization: Bearer <token>` (401 `{"message":"Unauthorized"}` otherwise, checked before
//! anything else). ApiError input gets 400 `{"message":"<field>: <what is wrong>"}`.
//!
//! Transaction checks are decided by fixed rules, evaluated in this order (the first that
//! matches wins); `docs/sandbox.md` tells the same story with examples:
//!
//! 1. a destination in the listed-address table ([`listed_destination`]: any
//!    `SANDBOX-THREAT-<code>` and the fixed demo addresses of [`LISTED_DESTINATIONS`]) → that
//!    code;
//! 2. a `walletId` on the blocklist ([`is_blocklisted_wallet`]) → 50201;
//! 3. a coin without a rate in [`USD_RATES`] → 50701;
//! 4. the transaction's USD total above [`ORGANISATION_TRANSACTION_LIMIT_USD`] → 50303;
//! 5. for each user of the outputs, in order, when the user has a plan of `levelUsd`: the
//!    user's share of this transaction above `levelUsd` → 50310; plus the user's GREEN total
//!    of the last hour above `levelUsd` → 50301; plus the last 24 hours above
//!    [`USER_DAILY_LEVEL_MULTIPLE`] × `levelUsd` → 50302;
//! 6. the wallet's GREEN total of the last hour plus this transaction above
//!    [`WALLET_HOURLY_LIMIT_USD`] → 50304; of the last 24 hours above
//!    [`WALLET_DAILY_LIMIT_USD`] → 50305;
//! 7. otherwise GREEN, and the amounts count toward the user and wallet totals.
//!
//! A check repeated with the same `transactionCustomerId` and the same body (a client retry)
//! gets the first answer back and is not counted again.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::VecDeque;
use std::hash::{DefaultHasher, Hasher};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{patch, post};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::Sandbox;
use crate::faults::Operation;
use crate::ids::{IdSequence, IdStream};
use crate::toolkit::digest::ct_eq;
use crate::toolkit::{
    Fields, NotAnObject, countries, decimal, decimal_value, field, is_date, is_number, json_bytes,
    message, read_object, refused,
};

mod rules;
mod state;
mod tables;
mod transactions;
mod users;
mod wire;

pub(crate) use state::*;
pub use tables::*;
pub(crate) use transactions::*;
pub(crate) use users::*;
pub(crate) use wire::*;

/// CoinCover's operations, named as `coincover-api`'s operation table names them (the
/// sandbox keeps its own copy): what fault rules match.
pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new("POST", "/transaction", "check-transaction"),
    Operation::new("POST", "/user", "create-user"),
    Operation::new("PATCH", "/user/{userId}", "update-user"),
    Operation::new("POST", "/user/{userId}/plan", "create-plan"),
    Operation::new("PATCH", "/user/{userId}/plan", "update-plan"),
];

/// CoinCover's routes, registered with their full paths under `prefix` (`/coincover`) rather
/// than nested: a nested route rebuilds the request's URI to strip the prefix on every call.
/// Behind the bearer token. An unknown route is the sandbox's 404 (`{"message":"Not Found"}`,
/// CoinCover's own shape), decided before authentication; a known path with another method
/// is 405 after it (as before).
///
/// The token is checked by the [`Authorized`] extractor, the first argument of every handler
/// (the 405 fallback's too), rather than by a `route_layer` of `axum::middleware::from_fn`:
/// the same check and refusal, without a boxed service and future per request.
pub(crate) fn router(prefix: &str) -> Router<Sandbox> {
    Router::new()
        .route(&format!("{prefix}/transaction"), post(check_transaction))
        .route(&format!("{prefix}/user"), post(create_user))
        .route(&format!("{prefix}/user/{{user_id}}"), patch(update_user))
        .route(
            &format!("{prefix}/user/{{user_id}}/plan"),
            post(create_plan).patch(update_plan),
        )
        .method_not_allowed_fallback(|_: Authorized| async {
            message(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        })
}

/// The answer to a body over [`MAX_BODY_BYTES`](crate::MAX_BODY_BYTES) (the front door reads it).
pub(crate) fn body_too_large() -> Response {
    message(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body: larger than 1 MiB or could not be read",
    )
}

/// The answer of a `status` fault: the API Gateway's `{"message": …}` shape.
pub(crate) fn fault_response(status: StatusCode) -> Response {
    message(status, status.canonical_reason().unwrap_or("Error"))
}

/// CoinCover's authentication: `Authorization: Bearer <token>`, compared in constant time.
/// A refusal is 401 `{"message":"Unauthorized"}` with an `X-Sandbox-Reason`. Every CoinCover
/// handler takes it first, so that it runs before any other extractor.
pub(crate) struct Authorized;

impl FromRequestParts<Sandbox> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, sandbox: &Sandbox) -> Result<Self, Response> {
        let authorization = parts.headers.get(header::AUTHORIZATION);
        match check_token(sandbox, authorization.map(|v| v.as_bytes())) {
            Ok(()) => Ok(Authorized),
            Err(reason) => Err(refused(
                message(StatusCode::UNAUTHORIZED, "Unauthorized"),
                &reason,
            )),
        }
    }
}

fn check_token(sandbox: &Sandbox, authorization: Option<&[u8]>) -> Result<(), String> {
    let Some(value) = authorization else {
        return Err(
            "the Authorization header is missing; expected Authorization: Bearer <coincover_token>"
                .to_owned(),
        );
    };
    let Some((scheme, token)) = value.split_at_checked(7) else {
        return Err(format!(
            "the Authorization header is malformed ({} bytes); expected Authorization: Bearer <coincover_token>",
            value.len()
        ));
    };
    if !scheme.eq_ignore_ascii_case(b"Bearer ") {
        return Err("the Authorization header is malformed: the scheme is not Bearer".to_owned());
    }
    if ct_eq(token, sandbox.credentials().coincover_token.as_bytes()) {
        Ok(())
    } else {
        Err(format!(
            "the bearer token ({} bytes) is not the sandbox's coincover_token",
            token.len()
        ))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn listed_destinations() {
        assert_eq!(listed_destination("SANDBOX-THREAT-50101"), Some(50101));
        assert_eq!(
            listed_destination("SANDBOX-THREAT-50115-second"),
            Some(50115)
        );
        assert_eq!(listed_destination("SANDBOX-THREAT-50309"), None);
        assert_eq!(listed_destination("SANDBOX-THREAT-501011"), None);
        assert_eq!(listed_destination("SANDBOX-THREAT-5010"), None);
        assert_eq!(listed_destination("sandbox-threat-50101"), None);
        assert_eq!(
            listed_destination("1SanctionedDemoAddr7Fh3Kq9Wm2Xp5Lt"),
            Some(50101)
        );
        for threat in THREATS {
            assert_eq!(
                listed_destination(&format!("{THREAT_PREFIX}{}", threat.code)),
                Some(threat.code)
            );
        }
    }

    #[test]
    fn every_rate_parses() {
        for (coin, _) in USD_RATES {
            assert!(is_coin_id(coin), "{coin}");
            assert!(usd_rate(coin).unwrap() > Decimal::ZERO, "{coin}");
        }
    }

    #[test]
    fn windows_expire() {
        let mut w = Window::default();
        w.add(100, Decimal::from(5));
        w.add(100, Decimal::from(1));
        w.add(200, Decimal::from(2));
        assert_eq!(w.entries.len(), 2);
        assert_eq!(w.total(100 + HOUR - 1, HOUR), Decimal::from(8));
        assert_eq!(w.total(100 + HOUR, HOUR), Decimal::from(2));
        assert_eq!(w.total(200 + HOUR, HOUR), Decimal::ZERO);
    }

    #[test]
    fn the_rules_answer_only_documented_codes() {
        for c in [
            code::BLOCKLIST_WALLET,
            code::USER_HOURLY_LIMIT,
            code::USER_DAILY_LIMIT,
            code::ORGANISATION_TRANSACTION_LIMIT,
            code::WALLET_HOURLY_LIMIT,
            code::WALLET_DAILY_LIMIT,
            code::USER_TRANSACTION_LIMIT,
            code::TOKEN_NOT_SUPPORTED,
        ] {
            assert!(threat(c).is_some(), "{c}");
        }
        for (_, c) in LISTED_DESTINATIONS {
            assert!(threat(*c).is_some(), "{c}");
        }
    }
}
