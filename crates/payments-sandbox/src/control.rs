//! The sandbox's own routes under `/_sandbox` (no authentication): reset, the request log,
//! the test clock, fault rules, and the providers' simulation routes.

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde::Serialize;

use crate::toolkit::{Fields, field, json_response, message, read_object};
use crate::{FaultRule, Sandbox, ccpro, coinspaid, covery};

pub(crate) fn router() -> Router<Sandbox> {
    Router::new()
        .route("/_sandbox/reset", post(reset))
        .route("/_sandbox/requests", get(requests))
        .route("/_sandbox/clock", get(clock).post(move_clock))
        .route(
            "/_sandbox/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route(
            "/_sandbox/covery/fraud-alerts",
            post(covery::control_create_alert),
        )
        .route(
            "/_sandbox/coinspaid/deposits",
            post(coinspaid::control_deposit),
        )
        .route("/_sandbox/coinspaid/callbacks", get(coinspaid_callbacks))
        .merge(ccpro::control_router())
}

pub(crate) async fn not_found() -> Response {
    message(StatusCode::NOT_FOUND, "Not Found")
}

pub(crate) async fn method_not_allowed() -> Response {
    message(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
}

async fn reset(State(sandbox): State<Sandbox>) -> StatusCode {
    sandbox.reset();
    StatusCode::NO_CONTENT
}

async fn requests(State(sandbox): State<Sandbox>) -> Response {
    json_response(StatusCode::OK, &sandbox.requests())
}

async fn coinspaid_callbacks(State(sandbox): State<Sandbox>) -> Response {
    json_response(StatusCode::OK, &sandbox.coinspaid_callbacks())
}

#[derive(Serialize)]
struct Now {
    now: u64,
}

async fn clock(State(sandbox): State<Sandbox>) -> Response {
    json_response(
        StatusCode::OK,
        &Now {
            now: sandbox.clock().unix_seconds(),
        },
    )
}

fn seconds(fields: &Fields, name: &str) -> Result<Option<u64>, String> {
    field(fields, name)
        .map(|raw| {
            serde_json::from_str::<u64>(raw.get())
                .map_err(|_| format!("{name}: must be a whole number of seconds, at least 0"))
        })
        .transpose()
}

/// `{"advance_seconds": N}` or `{"set": <unix seconds>}`.
async fn move_clock(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    let moved = read_object(&body)
        .map_err(|_| "body: must be a JSON object".to_owned())
        .and_then(|fields| {
            match (
                seconds(&fields, "advance_seconds")?,
                seconds(&fields, "set")?,
            ) {
                (Some(by), None) => {
                    sandbox.clock().advance(Duration::from_secs(by));
                    Ok(())
                }
                (None, Some(at)) => {
                    sandbox.clock().set(at);
                    Ok(())
                }
                _ => Err("body: expected exactly one of advance_seconds and set".to_owned()),
            }
        });
    match moved {
        Ok(()) => clock(State(sandbox)).await,
        Err(problem) => message(StatusCode::BAD_REQUEST, &problem),
    }
}

async fn list_faults(State(sandbox): State<Sandbox>) -> Response {
    json_response(StatusCode::OK, &sandbox.faults())
}

async fn add_fault(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    let rule = match serde_json::from_slice::<FaultRule>(&body) {
        Ok(rule) => rule,
        Err(e) => return message(StatusCode::BAD_REQUEST, &format!("body: {e}")),
    };
    match sandbox.add_fault(rule.clone()) {
        Ok(()) => json_response(StatusCode::CREATED, &rule),
        Err(problem) => message(StatusCode::BAD_REQUEST, &problem),
    }
}

async fn clear_faults(State(sandbox): State<Sandbox>) -> StatusCode {
    sandbox.clear_faults();
    StatusCode::NO_CONTENT
}
