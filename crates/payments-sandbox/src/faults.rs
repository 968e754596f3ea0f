//! Fault injection: rules added through `POST /_sandbox/faults` (or [`Sandbox::add_fault`])
//! make the next calls of one provider operation fail the way real networks and gateways
//! fail, so integrators can test their retries and error handling.

use std::time::Duration;

use axum::body::{Body, to_bytes};
use std::future::Future;

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::{Provider, Sandbox};

/// The header the sandbox adds to every answer a fault rule shaped (`status`,
/// `gateway_html`, `truncated`, `delay`, `drop`, `throttle`).
pub const FAULT_HEADER: &str = "x-sandbox-fault";

/// The longest `delay` a rule may ask for, in milliseconds (10 minutes).
pub const MAX_DELAY_MS: u64 = 600_000;

/// The largest body a `truncated` fault reads before cutting it.
const TRUNCATE_READ_LIMIT: usize = 64 * 1024 * 1024;

/// One row of a provider's operation table: the method and path template (under the
/// provider's prefix, `{name}` matching one non-empty segment) and the operation's name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation {
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    pub(crate) name: &'static str,
}

impl Operation {
    pub(crate) const fn new(method: &'static str, path: &'static str, name: &'static str) -> Self {
        Operation { method, path, name }
    }

    /// `true` when `method` and `path` are this operation's.
    pub(crate) fn matches(&self, method: &str, path: &str) -> bool {
        method == self.method && self.matches_path(path)
    }

    /// `true` when `path` fits this operation's path template (any method).
    pub(crate) fn matches_path(&self, path: &str) -> bool {
        let mut want = self.path.split('/');
        let mut got = path.split('/');
        loop {
            match (want.next(), got.next()) {
                (None, None) => return true,
                (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') => {
                    if g.is_empty() {
                        return false;
                    }
                }
                (Some(w), Some(g)) if w == g => {}
                _ => return false,
            }
        }
    }
}

/// What a fault rule does to the calls it matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fault", rename_all = "snake_case")]
pub enum Fault {
    /// Answer `status` with the provider's documented error body.
    Status {
        /// The HTTP status, 400 to 599.
        status: u16,
    },
    /// A 502 with an HTML page, as a gateway in front of the provider sends.
    GatewayHtml,
    /// The normal answer, its body cut to half its length (`Content-Length` says so too):
    /// a success that does not parse.
    Truncated,
    /// Wait `delay_ms` milliseconds of real time, then the normal answer.
    Delay {
        /// The delay, at most [`MAX_DELAY_MS`].
        delay_ms: u64,
    },
    /// Close the connection without an answer (only when served by [`Sandbox::start`] or
    /// [`Sandbox::serve`]; a router mounted elsewhere answers 502 with an empty body).
    Drop,
    /// A 429 with `Retry-After: <retry_after>` and the provider's documented error body.
    Throttle {
        /// The `Retry-After` value, in seconds (default 1).
        #[serde(default = "one")]
        retry_after: u64,
    },
}

fn one() -> u64 {
    1
}

impl Fault {
    /// The fault's name, as in the rule (`status`, `gateway_html`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Fault::Status { .. } => "status",
            Fault::GatewayHtml => "gateway_html",
            Fault::Truncated => "truncated",
            Fault::Delay { .. } => "delay",
            Fault::Drop => "drop",
            Fault::Throttle { .. } => "throttle",
        }
    }
}

/// A fault rule: which calls it matches, how many times, and what it does.
///
/// ```json
/// {"provider": "coinspaid", "operation": "withdrawal-crypto", "times": 1, "fault": "status", "status": 503}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    /// The provider's name (`coincover`, `covery`, `coinspaid`, `coinify`).
    pub provider: String,
    /// The operation, named as in the provider's operation table (`withdrawal-crypto`).
    pub operation: String,
    /// How many calls the rule still shapes; `None` until the rules are cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
    /// What it does.
    #[serde(flatten)]
    pub fault: Fault,
}

impl FaultRule {
    /// Checks the rule against the sandbox's providers and operation tables.
    pub(crate) fn validate(&self) -> Result<(Provider, &'static str), String> {
        let provider = Provider::ALL
            .iter()
            .copied()
            .find(|p| p.name() == self.provider)
            .ok_or_else(|| {
                format!(
                    "provider: expected one of {}",
                    Provider::ALL
                        .iter()
                        .map(|p| p.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
        let operations = provider.operations();
        let operation = operations
            .iter()
            .find(|o| o.name == self.operation)
            .map(|o| o.name)
            .ok_or_else(|| {
                let mut names: Vec<&str> = operations.iter().map(|o| o.name).collect();
                names.dedup();
                format!(
                    "operation: {} has no operation {:?}; expected one of {}",
                    provider.name(),
                    self.operation,
                    names.join(", ")
                )
            })?;
        if self.times == Some(0) {
            return Err("times: must be at least 1 (leave it out for every call)".to_owned());
        }
        match self.fault {
            Fault::Status { status } if !(400..=599).contains(&status) => {
                Err("status: must be an error status, 400 to 599".to_owned())
            }
            Fault::Delay { delay_ms } if delay_ms > MAX_DELAY_MS => {
                Err(format!("delay_ms: at most {MAX_DELAY_MS}"))
            }
            _ => Ok((provider, operation)),
        }
    }
}

/// The rules in force, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    rules: Vec<FaultRule>,
}

impl Faults {
    pub(crate) fn add(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    pub(crate) fn list(&self) -> Vec<FaultRule> {
        self.rules.clone()
    }

    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.rules.len()
    }

    /// The fault of the oldest rule matching the call, counting the call against it.
    pub(crate) fn take(&mut self, provider: Provider, operation: &str) -> Option<Fault> {
        let index = self
            .rules
            .iter()
            .position(|r| r.provider == provider.name() && r.operation == operation)?;
        let rule = self.rules.get_mut(index)?;
        let fault = rule.fault.clone();
        if let Some(times) = rule.times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                self.rules.remove(index);
            }
        }
        Some(fault)
    }
}

/// A response extension telling the sandbox's server to close the connection instead of
/// answering.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DropConnection;

/// The fault of the first rule matching a call of `provider` (`path` relative to its prefix),
/// counting the call against the rule.
pub(crate) fn take(
    sandbox: &Sandbox,
    provider: Provider,
    method: &str,
    path: &str,
) -> Option<Fault> {
    if !sandbox.has_faults() {
        return None;
    }
    let operation = provider
        .operations()
        .iter()
        .find(|o| o.matches(method, path))?;
    sandbox.take_fault(provider, operation.name)
}

/// Answers a call under `fault`; `normal` is the answer the call would have had.
pub(crate) async fn apply<F>(provider: Provider, fault: Fault, normal: F) -> Response
where
    F: Future<Output = Response>,
{
    let mut response = match &fault {
        Fault::Status { status } => provider.fault_response(
            StatusCode::from_u16(*status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
        ),
        Fault::GatewayHtml => gateway_html(),
        Fault::Truncated => truncate(normal.await).await,
        Fault::Delay { delay_ms } => {
            tokio::time::sleep(Duration::from_millis(*delay_ms)).await;
            normal.await
        }
        Fault::Drop => {
            let mut response = StatusCode::BAD_GATEWAY.into_response();
            response.extensions_mut().insert(DropConnection);
            response
        }
        Fault::Throttle { retry_after } => {
            let mut response = provider.fault_response(StatusCode::TOO_MANY_REQUESTS);
            if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
    };
    response.headers_mut().insert(
        HeaderName::from_static(FAULT_HEADER),
        HeaderValue::from_static(fault.name()),
    );
    response
}

fn gateway_html() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/html")],
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
    )
        .into_response()
}

async fn truncate(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, TRUNCATE_READ_LIMIT).await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let cut = bytes.slice(..bytes.len() / 2);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_whole_segments() {
        let op = Operation::new("PATCH", "/user/{userId}/plan", "update-plan");
        assert!(op.matches("PATCH", "/user/u-1/plan"));
        assert!(!op.matches("POST", "/user/u-1/plan"));
        assert!(!op.matches("PATCH", "/user//plan"));
        assert!(!op.matches("PATCH", "/user/u-1/plan/x"));
        assert!(!op.matches("PATCH", "/user/u-1"));
    }

    #[test]
    fn a_counted_rule_runs_out() {
        let mut faults = Faults::default();
        faults.add(FaultRule {
            provider: "covery".to_owned(),
            operation: "ping".to_owned(),
            times: Some(2),
            fault: Fault::GatewayHtml,
        });
        assert_eq!(
            faults.take(Provider::Covery, "ping"),
            Some(Fault::GatewayHtml)
        );
        assert_eq!(faults.take(Provider::CoinsPaid, "ping"), None);
        assert_eq!(
            faults.take(Provider::Covery, "ping"),
            Some(Fault::GatewayHtml)
        );
        assert_eq!(faults.take(Provider::Covery, "ping"), None);
    }

    #[test]
    fn rules_read_as_documented() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"provider": "coinspaid", "operation": "withdrawal-crypto", "times": 1, "fault": "status", "status": 503}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rule.fault, Fault::Status { status: 503 });
        assert!(rule.validate().is_ok());
        let rule: FaultRule = serde_json::from_str(
            r#"{"provider": "coinify", "operation": "countries", "fault": "throttle"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rule.fault, Fault::Throttle { retry_after: 1 });
        assert_eq!(rule.times, None);
        let bad: FaultRule = serde_json::from_str(
            r#"{"provider": "coinify", "operation": "nope", "fault": "drop"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(bad.validate().is_err());
    }
}
