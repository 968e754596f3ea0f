//! The request log and the trace line: one entry per request to a provider route (or an
//! unknown route), credentials redacted. It knows no provider: a room tells it what to record
//! as the body ([`LoggedBody`]) and why it refused ([`REASON_HEADER`]).

use std::collections::VecDeque;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::toolkit::LoggedBody;
use crate::{CONTROL_PREFIX, REASON_HEADER, REQUEST_LOG_CAPACITY, RecordedRequest, Sandbox};

/// One logged request as it arrived: cheap, reference-counted clones of the request's parts,
/// turned into a [`RecordedRequest`] (text, credentials redacted) only when the log is read.
#[derive(Debug)]
pub(crate) struct Entry {
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Option<LoggedBody>,
    status: StatusCode,
}

impl Entry {
    fn recorded(&self) -> RecordedRequest {
        RecordedRequest {
            method: self.method.as_str().to_owned(),
            path: self.uri.path().to_owned(),
            query: self.uri.query().map(str::to_owned),
            headers: recorded_headers(&self.headers),
            body: match &self.body {
                None => String::new(),
                Some(LoggedBody::Bytes(bytes)) => String::from_utf8_lossy(bytes).into_owned(),
                Some(LoggedBody::Summary(n)) => format!("[{n} bytes]"),
            },
            status: self.status.as_u16(),
        }
    }
}

/// The last [`REQUEST_LOG_CAPACITY`] requests.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: VecDeque<Entry>,
}

impl RequestLog {
    pub(crate) fn push(&mut self, entry: Entry) {
        if self.entries.len() >= REQUEST_LOG_CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    pub(crate) fn list(&self) -> Vec<RecordedRequest> {
        self.entries.iter().map(Entry::recorded).collect()
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
    let method = request.method().clone();
    let uri = request.uri().clone();
    if is_control(uri.path()) {
        let response = next.run(request).await;
        trace(
            method.as_str(),
            uri.path(),
            response.status(),
            started,
            None,
        );
        return response;
    }
    let headers = request.headers().clone();
    let mut response = next.run(request).await;
    let body = response.extensions_mut().remove::<LoggedBody>();
    let status = response.status();
    let reason = response
        .headers()
        .get(REASON_HEADER)
        .and_then(|v| v.to_str().ok());
    trace(method.as_str(), uri.path(), status, started, reason);
    sandbox.record(Entry {
        method,
        uri,
        headers,
        body,
        status,
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
