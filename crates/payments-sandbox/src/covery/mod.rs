//! The Covery emulation, served under `/covery`.
//!
//! The routes are Covery's own, all `POST`: `/api/ping`, `/api/sendEvent`,
//! `/api/makeDecision`, `/api/postback`, `/api/manage/fraud/latest`, `/api/manage/fraud/find`,
//! `/api/manage/fraud/confirm` and `/api/manage/fraud/feedback`. Anything else under `/covery`
//! (another path, or another method) is 404 with Covery's `NoRouteException` headers.
//!
//! Requests are checked in this order, each failure answering at once:
//!
//! 1. the route (404);
//! 2. authentication (401): `X-Auth-Token` is one of the sandbox's Covery tokens,
//!    `X-Auth-Signature` is the lower-case hex SHA-256 of `X-Auth-Nonce ‖ body ‖ secret`, and
//!    the nonce was not used before by an authenticated request (nonces are remembered until
//!    [`Sandbox::reset`](crate::Sandbox::reset));
//! 3. the token's access level (403), see [`AccessLevel`];
//! 4. the body (406), see the field tables of Covery's documentation;
//! 5. for events: more than [`MAX_EVENTS_PER_SEQUENCE`] events of one `sequence_id` within
//!    [`SEQUENCE_WINDOW_SECS`] (429), then a second event with the same entry id, such as a
//!    `transaction_id` (409, the first event's `requestId` in `X-Maxwell-Error-Context`).
//!
//! Every answer carries `X-Maxwell-Status` (`OK` or `Exception`); errors add
//! `X-Maxwell-Error-Type` and `X-Maxwell-Error-Message`. Decisions are scored by the fixed
//! rules of [`score`] (also in `docs/sandbox.md`).
//!
//! Fraud alerts are created through the control route `POST /_sandbox/covery/fraud-alerts`
//! and, when [`SandboxConfig::callback_url`](crate::SandboxConfig::callback_url) is set,
//! posted there signed as Covery signs its callbacks.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::time::UNIX_EPOCH;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use payments_core::country::CountryCode;
use payments_core::digest::sha256_nonce_hex;
use payments_core::webhook::{WebhookSecrets, constant_time_eq, verify_sha256_nonce};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::{IdSequence, MAX_BODY_BYTES, Sandbox, callbacks, message};

mod alerts;
mod events;
mod rules;
mod state;
mod tables;
mod wire;

pub(crate) use alerts::*;
pub(crate) use events::*;
pub use rules::*;
pub(crate) use state::*;
pub use tables::*;
pub(crate) use wire::*;

// ---------------------------------------------------------------------------------------
// Routing and authentication

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Ping,
    SendEvent,
    MakeDecision,
    Postback,
    Latest,
    Find,
    Confirm,
    Feedback,
}

impl Op {
    fn from_path(path: &str) -> Option<Op> {
        Some(match path {
            "/api/ping" => Op::Ping,
            "/api/sendEvent" => Op::SendEvent,
            "/api/makeDecision" => Op::MakeDecision,
            "/api/postback" => Op::Postback,
            "/api/manage/fraud/latest" => Op::Latest,
            "/api/manage/fraud/find" => Op::Find,
            "/api/manage/fraud/confirm" => Op::Confirm,
            "/api/manage/fraud/feedback" => Op::Feedback,
            _ => return None,
        })
    }

    /// Whether `access` may call this operation (Covery's "Access level" rows).
    fn allowed(self, access: Access) -> bool {
        use AccessLevel::{Decision, Event, Management};
        match self {
            Op::Ping => true,
            Op::SendEvent | Op::Postback => access.has(Event),
            Op::MakeDecision | Op::Confirm => access.has(Decision),
            Op::Latest | Op::Find => access.has(Decision) || access.has(Management),
            Op::Feedback => access.has(Management),
        }
    }
}

/// Every Covery request lands here (the router sends `/covery` and `/covery/*`).
pub(crate) async fn dispatch(State(sandbox): State<Sandbox>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let full = parts.uri.path();
    let path = match full.strip_prefix(crate::Provider::Covery.prefix()) {
        Some("") | None => "/",
        Some(rest) => rest,
    };
    let op = match Op::from_path(path) {
        Some(op) if parts.method == Method::POST => op,
        _ => return no_route(&parts.method, path),
    };
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => return CoveryError::invalid("Request body could not be read").into_response(),
    };
    let outcome = authenticate(&sandbox, &parts.headers, &body).and_then(|access| {
        if !op.allowed(access) {
            return Err(CoveryError::new(
                StatusCode::FORBIDDEN,
                ERROR_ACCESS,
                "Token access level not sufficient to access requested API",
            ));
        }
        match op {
            Op::Ping => Ok(ok_json(&Ping {
                customer_id: CUSTOMER_ID,
                access,
            })),
            Op::SendEvent => event(&sandbox, &body, false),
            Op::MakeDecision => event(&sandbox, &body, true),
            Op::Postback => postback(&sandbox, &body),
            Op::Latest => latest(&sandbox, &body),
            Op::Find => find(&sandbox, &body),
            Op::Confirm => confirm(&sandbox, &body),
            Op::Feedback => feedback(&sandbox, &body),
        }
    });
    outcome.unwrap_or_else(IntoResponse::into_response)
}

/// Covery's authentication; on success the nonce is spent.
fn authenticate(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Access, CoveryError> {
    let get = |name: &str| headers.get(name).map(HeaderValue::as_bytes);
    let (Some(token), Some(nonce), Some(signature)) =
        (get(X_AUTH_TOKEN), get(X_AUTH_NONCE), get(X_AUTH_SIGNATURE))
    else {
        return Err(CoveryError::auth(
            "One of mandatory auth headers missing: X-Auth-Token, X-Auth-Nonce, X-Auth-Signature",
        ));
    };
    let creds = sandbox.credentials();
    let access = if constant_time_eq(token, creds.covery_token.as_bytes()) {
        Access::FULL
    } else if constant_time_eq(token, creds.covery_event_token.as_bytes()) {
        Access::EVENT
    } else {
        return Err(CoveryError::auth("Invalid auth token"));
    };
    if nonce.is_empty() {
        return Err(CoveryError::auth("Empty X-Auth-Nonce"));
    }
    let secrets = WebhookSecrets::new(creds.covery_secret.clone().into());
    if verify_sha256_nonce(X_AUTH_SIGNATURE, signature, nonce, body, &secrets).is_err() {
        return Err(CoveryError::auth("Invalid auth signature"));
    }
    let nonce = String::from_utf8_lossy(nonce).into_owned();
    if !sandbox.lock().covery.nonces.insert(nonce) {
        return Err(CoveryError::auth("Nonce already used"));
    }
    Ok(access)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Ping {
    customer_id: u64,
    access: Access,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn disposable_emails() {
        assert!(is_disposable_email(DEMO_DISPOSABLE_EMAIL));
        assert!(is_disposable_email("x@GuerrillaMail.com"));
        assert!(!is_disposable_email("x@example.com"));
        assert!(!is_disposable_email("mailinator.com"));
    }

    #[test]
    fn scores_add_up_and_cap() {
        let none = score(&Signals::default());
        assert_eq!(
            (none.score, none.accept(), none.reason()),
            (0, true, String::new())
        );
        let all = score(&Signals {
            amount_usd: Some(Decimal::from(REJECT_AMOUNT_USD)),
            disposable_email: true,
            country_mismatch: true,
            failed_logins: FAILED_LOGIN_BURST,
        });
        assert_eq!(all.score, MAX_SCORE);
        assert!(all.reject() && !all.manual() && !all.accept());
        assert_eq!(
            all.reason(),
            "Large amount, Disposable email domain, Billing country mismatch, Failed logins burst"
        );
        let manual = score(&Signals {
            amount_usd: Some(Decimal::from(MANUAL_AMOUNT_USD)),
            ..Signals::default()
        });
        assert_eq!(manual.score, 40);
        assert!(manual.manual());
        assert_eq!(manual.action(), "Additional verification");
    }

    #[test]
    fn every_rate_parses() {
        for (code, _) in USD_RATES {
            assert!(usd_rate(code).unwrap() > Decimal::ZERO);
            assert!(usd_rate(&code.to_ascii_lowercase()).is_some());
        }
    }

    #[test]
    fn routes_and_levels() {
        assert_eq!(Op::from_path("/api/sendEvent"), Some(Op::SendEvent));
        assert_eq!(Op::from_path("/api/sendevent"), None);
        assert!(Op::SendEvent.allowed(Access::EVENT));
        assert!(Op::Postback.allowed(Access::EVENT));
        assert!(Op::Ping.allowed(Access::EVENT));
        for op in [
            Op::MakeDecision,
            Op::Latest,
            Op::Find,
            Op::Confirm,
            Op::Feedback,
        ] {
            assert!(!op.allowed(Access::EVENT), "{op:?}");
            assert!(op.allowed(Access::FULL), "{op:?}");
        }
    }
}
