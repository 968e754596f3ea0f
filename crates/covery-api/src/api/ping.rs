use std::borrow::Cow;

use payments_core::http::Method;
use payments_core::{Endpoint, RetrySafety};

use crate::types;

/// `POST /api/ping`: checks the API and reports what the token may do. Sent with an empty
/// body, so its signature covers the empty string. Idempotent: retried on throttling,
/// 5xx and timeouts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ping;

impl Endpoint for Ping {
    type Output = types::Ping;

    fn operation(&self) -> &'static str {
        "ping"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed("/api/ping")
    }

    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::Idempotent
    }
}
