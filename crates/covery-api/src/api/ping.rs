//! `ping`: the health check.

use payments_core::provider::InvalidInput;
use payments_core::{Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;
use crate::types;

/// `POST /api/ping`: checks the API and reports what the token may do. Sent with an empty
/// body, so its signature covers the empty string. Idempotent: retried on throttling,
/// 5xx and timeouts. Its input document is `{}`.
///
/// ```
/// let ping: covery_api::api::Ping = serde_json::from_str("{}")?;
/// assert_eq!(ping, covery_api::api::Ping::new());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ping {}

impl Ping {
    /// The request.
    pub fn new() -> Self {
        Ping {}
    }
}

impl Endpoint for Ping {
    type Output = types::Ping;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        Ok(RequestSpec::new(&operations::PING))
    }
}
