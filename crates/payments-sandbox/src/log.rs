//! The front door and the request log: one entry and one trace line per request to a
//! provider route (or an unknown route), credentials redacted. The log knows no provider: the
//! rooms say how bodies are read and logged ([`Provider::body_policy`], [`LoggedBody`]) and why
//! they refused ([`REASON_HEADER`]).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::extract::Request;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::Response;
use tower::{Layer, Service, ServiceExt};

use crate::faults;
use crate::toolkit::{BodyPolicy, LoggedBody, buffered};
use crate::{
    CONTROL_PREFIX, Provider, REASON_HEADER, REQUEST_LOG_CAPACITY, RecordedRequest, Sandbox,
};

/// One logged request in a compact copy (three allocations: the target, the headers as one
/// blob, the body), turned into a [`RecordedRequest`] (text, credentials redacted) only when
/// the log is read. Copies, not reference-counted slices, so that the log does not pin the
/// server's read buffers.
#[derive(Debug)]
pub(crate) struct Entry {
    method: Method,
    /// `path?query` as received.
    target: String,
    /// `name: value\n` for each header, in arrival order (header values hold no line breaks).
    headers: Vec<u8>,
    body: Option<LoggedBody>,
    status: StatusCode,
}

impl Entry {
    fn new(method: Method, uri: &Uri, headers: &HeaderMap) -> Self {
        let mut blob = Vec::with_capacity(
            headers
                .iter()
                .map(|(n, v)| n.as_str().len() + v.len() + 3)
                .sum(),
        );
        for (name, value) in headers {
            blob.extend_from_slice(name.as_str().as_bytes());
            blob.extend_from_slice(b": ");
            blob.extend_from_slice(value.as_bytes());
            blob.push(b'\n');
        }
        Entry {
            method,
            target: uri
                .path_and_query()
                .map_or_else(|| uri.path().to_owned(), |pq| pq.as_str().to_owned()),
            headers: blob,
            body: None,
            status: StatusCode::OK,
        }
    }

    fn recorded(&self) -> RecordedRequest {
        let (path, query) = match self.target.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (self.target.as_str(), None),
        };
        RecordedRequest {
            method: self.method.as_str().to_owned(),
            path: path.to_owned(),
            query,
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
    /// Adds `entry`; answers the entry it pushed out, for the caller to drop after unlocking.
    #[must_use]
    pub(crate) fn push(&mut self, entry: Entry) -> Option<Entry> {
        let old = if self.entries.len() >= REQUEST_LOG_CAPACITY {
            self.entries.pop_front()
        } else {
            None
        };
        self.entries.push_back(entry);
        old
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

/// The headers of an entry's blob, credentials redacted.
fn recorded_headers(blob: &[u8]) -> Vec<(String, String)> {
    blob.split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| {
            let split = line.windows(2).position(|w| w == b": ");
            let (name, value) = match split {
                Some(at) => (&line[..at], &line[at + 2..]),
                None => (line, &b""[..]),
            };
            let name = String::from_utf8_lossy(name).into_owned();
            let value = if name == header::AUTHORIZATION.as_str()
                || name == header::PROXY_AUTHORIZATION.as_str()
                || name == "x-auth-token"
                || name == "token"
            {
                "[REDACTED]".to_owned()
            } else {
                String::from_utf8_lossy(value).into_owned()
            };
            (name, value)
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

/// The front door, which every request passes before routing: logs and traces it (control
/// routes are traced, not logged), applies the fault rules of the provider whose prefix the
/// path is under, and reads the body as that provider's room says ([`Provider::body_policy`]),
/// then hands the request to `next` (the routes).
///
/// The sandbox's own server calls it directly around the router ([`crate::serve`]); a router
/// used in-process ([`Sandbox::router`]) runs it as the [`FrontLayer`] service. Both are
/// written by hand rather than with `axum::middleware::from_fn`, which boxes the inner
/// service and a future per request.
pub(crate) async fn front<N, F>(sandbox: &Sandbox, request: Request, next: N) -> Response
where
    N: FnOnce(Request) -> F,
    F: Future<Output = Response>,
{
    let started = Instant::now();
    let method = request.method().clone();
    let uri = request.uri().clone();
    let path = uri.path();
    if is_control(path) {
        let response = next(request).await;
        trace(method.as_str(), path, response.status(), started, None);
        return response;
    }
    let mut entry = Entry::new(method.clone(), &uri, request.headers());
    let room = Provider::ALL.iter().copied().find_map(|p| {
        let rest = path.strip_prefix(p.prefix())?;
        (rest.is_empty() || rest.starts_with('/')).then_some((p, rest))
    });
    let mut response = match room {
        None => buffered(BodyPolicy::default(), request, next).await,
        Some((provider, rest)) => {
            let policy = provider.body_policy(rest);
            match faults::take(sandbox, provider, method.as_str(), rest) {
                None => buffered(policy, request, next).await,
                Some(fault) => {
                    faults::apply(provider, fault, buffered(policy, request, next)).await
                }
            }
        }
    };
    entry.body = response.extensions_mut().remove::<LoggedBody>();
    let status = response.status();
    entry.status = status;
    let reason = response
        .headers()
        .get(REASON_HEADER)
        .and_then(|v| v.to_str().ok());
    trace(method.as_str(), path, status, started, reason);
    sandbox.record(entry);
    response
}

/// [`front`] as a tower layer, for [`Sandbox::router`].
#[derive(Clone)]
pub(crate) struct FrontLayer {
    sandbox: Sandbox,
}

impl FrontLayer {
    pub(crate) fn new(sandbox: Sandbox) -> Self {
        FrontLayer { sandbox }
    }
}

impl<S> Layer<S> for FrontLayer {
    type Service = Front<S>;

    fn layer(&self, inner: S) -> Front<S> {
        Front {
            sandbox: self.sandbox.clone(),
            inner,
        }
    }
}

/// The service of [`FrontLayer`]: [`front`] around `inner`.
#[derive(Clone)]
pub(crate) struct Front<S> {
    sandbox: Sandbox,
    inner: S,
}

impl<S> Service<Request> for Front<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        // Readiness is checked on the clone that is called (`oneshot`).
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let sandbox = self.sandbox.clone();
        let inner = self.inner.clone();
        Box::pin(async move {
            let next = |request| async move {
                match inner.oneshot(request).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                }
            };
            Ok(front(&sandbox, request, next).await)
        })
    }
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
