//! The CoinCover emulation, served under `/coincover`.
//!
//! The routes are CoinCover's own: `POST /transaction`, `POST /user`, `PATCH /user/{userId}`,
//! `POST /user/{userId}/plan` and `PATCH /user/{userId}/plan`, all behind
//! `Authorization: Bearer <token>` (401 `{"message":"Unauthorized"}` otherwise, checked before
//! anything else). Invalid input gets 400 `{"message":"<field>: <what is wrong>"}`.
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

use std::collections::HashMap;
use std::collections::VecDeque;
use std::hash::{DefaultHasher, Hasher};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{patch, post};
use coincover_api::ThreatCode;
use payments_core::country::CountryCode;
use payments_core::date::Date;
use payments_core::{Amount, CoinId};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;
use subtle::ConstantTimeEq;

use crate::{IdSequence, Sandbox, json_bytes, message};

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

pub(crate) fn router(sandbox: Sandbox) -> Router<Sandbox> {
    Router::new()
        .route("/transaction", post(check_transaction))
        .route("/user", post(create_user))
        .route("/user/{user_id}", patch(update_user))
        .route("/user/{user_id}/plan", post(create_plan).patch(update_plan))
        .method_not_allowed_fallback(|| async {
            message(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        })
        .route_layer(middleware::from_fn_with_state(sandbox, require_token))
}

/// CoinCover's authentication: `Authorization: Bearer <token>`, compared in constant time.
async fn require_token(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let expected = sandbox.credentials().coincover_token.as_bytes();
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.as_bytes())
        .and_then(|v| {
            let (scheme, token) = v.split_at_checked(7)?;
            scheme.eq_ignore_ascii_case(b"Bearer ").then_some(token)
        });
    match presented {
        Some(token) if bool::from(token.ct_eq(expected)) => next.run(request).await,
        _ => message(StatusCode::UNAUTHORIZED, "Unauthorized"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn listed_destinations() {
        assert_eq!(
            listed_destination("SANDBOX-THREAT-50101"),
            Some(ThreatCode::SanctionedAddress)
        );
        assert_eq!(
            listed_destination("SANDBOX-THREAT-50115-second"),
            Some(ThreatCode::Ransomware)
        );
        assert_eq!(listed_destination("SANDBOX-THREAT-50309"), None);
        assert_eq!(listed_destination("SANDBOX-THREAT-501011"), None);
        assert_eq!(listed_destination("SANDBOX-THREAT-5010"), None);
        assert_eq!(listed_destination("sandbox-threat-50101"), None);
        assert_eq!(
            listed_destination("1SanctionedDemoAddr7Fh3Kq9Wm2Xp5Lt"),
            Some(ThreatCode::SanctionedAddress)
        );
        for code in ThreatCode::ALL {
            assert_eq!(
                listed_destination(&format!("{THREAT_PREFIX}{}", code.code())),
                Some(*code)
            );
        }
    }

    #[test]
    fn every_rate_parses() {
        for (coin, _) in USD_RATES {
            assert!(CoinId::new(*coin).is_ok(), "{coin}");
            assert!(usd_rate(coin).unwrap().is_positive(), "{coin}");
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
}
