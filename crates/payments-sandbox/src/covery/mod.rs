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

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Extension, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, post};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::faults::Operation;
use crate::ids::{IdSequence, IdStream};
use crate::toolkit::digest::{ct_eq, over_body, sha256_hex};
use crate::toolkit::{
    self, Fields, NotAnObject, countries, decimal, header_text, json_response, message,
    read_object, refused,
};
use crate::{MAX_BODY_BYTES, Sandbox, callbacks};

mod alerts;
mod event_types;
mod events;
mod rules;
mod state;
mod tables;
mod wire;

pub(crate) use alerts::*;
pub(crate) use event_types::*;
pub(crate) use events::*;
pub use rules::*;
pub(crate) use state::*;
pub use tables::*;
pub(crate) use wire::*;

// ---------------------------------------------------------------------------------------
// Routing and authentication

/// Covery's operations: the one table the router, the access levels and the fault rules
/// read.
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
    const ALL: [Op; 8] = [
        Op::Ping,
        Op::SendEvent,
        Op::MakeDecision,
        Op::Postback,
        Op::Latest,
        Op::Find,
        Op::Confirm,
        Op::Feedback,
    ];

    /// The path under `/covery` and the operation's name (as `covery-api` names it).
    const fn route(self) -> (&'static str, &'static str) {
        match self {
            Op::Ping => ("/api/ping", "ping"),
            Op::SendEvent => ("/api/sendEvent", "send-event"),
            Op::MakeDecision => ("/api/makeDecision", "make-decision"),
            Op::Postback => ("/api/postback", "postback"),
            Op::Latest => ("/api/manage/fraud/latest", "latest-fraud-alerts"),
            Op::Find => ("/api/manage/fraud/find", "find-fraud-alert"),
            Op::Confirm => ("/api/manage/fraud/confirm", "confirm-fraud-alert"),
            Op::Feedback => ("/api/manage/fraud/feedback", "fraud-alert-feedback"),
        }
    }

    #[cfg(test)]
    fn from_path(path: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.route().0 == path)
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

/// Covery's operations, for fault rules (every one is a `POST`).
pub(crate) const OPERATIONS: &[Operation] = &{
    let mut table = [Operation::new("POST", "", ""); 8];
    let mut i = 0;
    while i < Op::ALL.len() {
        let (path, name) = Op::ALL[i].route();
        table[i] = Operation::new("POST", path, name);
        i += 1;
    }
    table
};

/// Covery's routes under `/covery`: the route first (Covery's own 404 for anything else,
/// another method included), then the signature, then the token's access level.
pub(crate) fn router(sandbox: Sandbox) -> Router<Sandbox> {
    let mut router = Router::new();
    for op in Op::ALL {
        router = router.route(op.route().0, endpoint(op));
    }
    router
        .route_layer(middleware::from_fn_with_state(sandbox, authenticate))
        .method_not_allowed_fallback(unknown_route)
        .fallback(unknown_route)
}

/// The answer to a body over [`MAX_BODY_BYTES`](crate::MAX_BODY_BYTES) (the front door reads it).
pub(crate) fn body_too_large() -> Response {
    message(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body: larger than 1 MiB or could not be read",
    )
}

async fn unknown_route(method: Method, uri: Uri) -> Response {
    let path = match uri.path() {
        "" => "/",
        path => path,
    };
    no_route(&method, path)
}

/// The answer of a `status` fault: Covery's failure headers, the message as the body.
pub(crate) fn fault_response(status: StatusCode) -> Response {
    let kind = match status.as_u16() {
        401 => ERROR_AUTH,
        403 => ERROR_ACCESS,
        404 => ERROR_NO_ROUTE,
        406 => ERROR_VALIDATION,
        409 => ERROR_DUPLICATE,
        410 => ERROR_NOT_FOUND,
        429 => ERROR_TOO_MANY,
        _ => ERROR_SANDBOX_FAULT,
    };
    ApiError::new(status, kind, status.canonical_reason().unwrap_or("Error")).into_response()
}

fn endpoint(op: Op) -> MethodRouter<Sandbox> {
    post(
        move |State(sandbox): State<Sandbox>, Extension(access): Extension<Access>, body: Bytes| async move {
            run(&sandbox, op, access, &body).unwrap_or_else(IntoResponse::into_response)
        },
    )
}

fn run(sandbox: &Sandbox, op: Op, access: Access, body: &[u8]) -> Outcome {
    if !op.allowed(access) {
        return Err(ApiError::new(
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
        Op::SendEvent => event(sandbox, body, false),
        Op::MakeDecision => event(sandbox, body, true),
        Op::Postback => postback(sandbox, body),
        Op::Latest => latest(sandbox, body),
        Op::Find => find(sandbox, body),
        Op::Confirm => confirm(sandbox, body),
        Op::Feedback => feedback(sandbox, body),
    }
}

/// Covery's authentication as route middleware: on success the nonce is spent and the
/// token's [`Access`] goes to the handler; a refusal is 401 with an `X-Sandbox-Reason`.
async fn authenticate(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    // The body is already buffered (and at most MAX_BODY_BYTES) by the router's body layer.
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return ApiError::invalid("Request body could not be read").into_response();
    };
    match check_signature(&sandbox, &parts.headers, &bytes) {
        Ok(access) => {
            let mut request = Request::from_parts(parts, axum::body::Body::from(bytes));
            request.extensions_mut().insert(access);
            next.run(request).await
        }
        Err((error, reason)) => refused(error.into_response(), &reason),
    }
}

const AUTH_HEADERS: [&str; 3] = ["X-Auth-Token", "X-Auth-Nonce", "X-Auth-Signature"];

/// Covery's signature check; on success the nonce is spent. A refusal carries Covery's error
/// and the sandbox's reason.
fn check_signature(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Access, (ApiError, String)> {
    let get = |name: &str| headers.get(name).map(HeaderValue::as_bytes);
    let (Some(token), Some(nonce), Some(signature)) =
        (get(X_AUTH_TOKEN), get(X_AUTH_NONCE), get(X_AUTH_SIGNATURE))
    else {
        let missing: Vec<&str> = AUTH_HEADERS
            .into_iter()
            .filter(|name| headers.get(*name).is_none())
            .collect();
        return Err((
            ApiError::auth(
                "One of mandatory auth headers missing: X-Auth-Token, X-Auth-Nonce, X-Auth-Signature",
            ),
            format!("missing header: {}", missing.join(", ")),
        ));
    };
    let creds = sandbox.credentials();
    let access = if ct_eq(token, creds.covery_token.as_bytes()) {
        Access::FULL
    } else if ct_eq(token, creds.covery_event_token.as_bytes()) {
        Access::EVENT
    } else {
        return Err((
            ApiError::auth("Invalid auth token"),
            format!(
                "X-Auth-Token ({} bytes) is neither the sandbox's covery_token nor its covery_event_token",
                token.len()
            ),
        ));
    };
    if nonce.is_empty() {
        return Err((
            ApiError::auth("Empty X-Auth-Nonce"),
            "X-Auth-Nonce is empty".to_owned(),
        ));
    }
    let bad_signature = |why: String| (ApiError::auth("Invalid auth signature"), why);
    if signature.len() != 64 || !signature.iter().all(u8::is_ascii_hexdigit) {
        return Err(bad_signature(format!(
            "X-Auth-Signature is malformed: expected 64 hex digits (SHA-256 of X-Auth-Nonce + body + secret), got {} bytes",
            signature.len()
        )));
    }
    let expected = sha256_hex(&[nonce, body, creds.covery_secret.as_bytes()]);
    if !ct_eq(&signature.to_ascii_lowercase(), expected.as_bytes()) {
        return Err(bad_signature(format!(
            "X-Auth-Signature does not match the SHA-256 of X-Auth-Nonce ({} bytes) + body + secret; {}",
            nonce.len(),
            over_body(body)
        )));
    }
    let nonce = String::from_utf8_lossy(nonce).into_owned();
    if !sandbox.lock().covery.nonces.insert(nonce) {
        return Err((
            ApiError::auth("Nonce already used"),
            "X-Auth-Nonce was already used by an authenticated request (nonces are single-use until POST /_sandbox/reset)".to_owned(),
        ));
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
