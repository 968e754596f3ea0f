//! The request log and the trace line: one entry per request to a provider route (or an
//! unknown route), credentials redacted. It knows no provider: a room tells it what to record
//! as the body ([`LoggedBody`]) and why it refused ([`REASON_HEADER`]).

use std::collections::VecDeque;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::toolkit::LoggedBody;
use crate::{CONTROL_PREFIX, REASON_HEADER, REQUEST_LOG_CAPACITY, RecordedRequest, Sandbox};

/// The last [`REQUEST_LOG_CAPACITY`] requests.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: VecDeque<RecordedRequest>,
}

impl RequestLog {
    pub(crate) fn push(&mut self, request: RecordedRequest) {
        if self.entries.len() >= REQUEST_LOG_CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(request);
    }

    pub(crate) fn list(&self) -> Vec<RecordedRequest> {
        self.entries.iter().cloned().collect()
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

pub(crate) fn is_control(path: &str) -> bool {
    path == CONTROL_PREFIX
        || path
            .strip_prefix(CONTROL_PREFIX)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn recorded_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = if name == header::AUTHORIZATION
                || name == header::PROXY_AUTHORIZATION
                || name == "x-auth-token"
            {
                "[REDACTED]".to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            (name.as_str().to_owned(), value)
        })
        .collect()
}

fn trace(method: &str, path: &str, status: StatusCode, started: Instant, reason: Option<&str>) {
    match reason {
        Some(reason) => tracing::info!(
            target: "payments_sandbox",
            method,
            path,
            status = status.as_u16(),
            latency = ?started.elapsed(),
            reason,
            "request refused"
        ),
        None => tracing::info!(
            target: "payments_sandbox",
            method,
            path,
            status = status.as_u16(),
            latency = ?started.elapsed(),
            "request"
        ),
    }
}

/// Logs and traces every request (control routes are traced, not logged).
pub(crate) async fn observe(
    State(sandbox): State<Sandbox>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    if is_control(&path) {
        let response = next.run(request).await;
        trace(&method, &path, response.status(), started, None);
        return response;
    }
    let query = request.uri().query().map(str::to_owned);
    let headers = recorded_headers(request.headers());
    let mut response = next.run(request).await;
    let body = response
        .extensions_mut()
        .remove::<LoggedBody>()
        .map(|b| b.0)
        .unwrap_or_default();
    let status = response.status();
    let reason = response
        .headers()
        .get(REASON_HEADER)
        .and_then(|v| v.to_str().ok());
    trace(&method, &path, status, started, reason);
    sandbox.record(RecordedRequest {
        method,
        path,
        query,
        headers,
        body,
        status: status.as_u16(),
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_paths() {
        assert!(is_control("/_sandbox"));
        assert!(is_control("/_sandbox/reset"));
        assert!(!is_control("/_sandboxed"));
        assert!(!is_control("/coincover/transaction"));
    }
}
