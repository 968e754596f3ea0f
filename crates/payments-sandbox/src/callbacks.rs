//! Posting signed callbacks to the configured callback URL, for the providers that send them
//! (Covery's fraud alerts, CoinsPaid's deposits, withdrawals and exchanges). Failures are
//! logged, never raised.

use std::time::Duration;

use axum::http::header;

/// The HTTP client `provider`'s callbacks are posted with; `None` (logged) if it cannot be
/// built.
pub(crate) fn client(provider: &str) -> Option<reqwest::Client> {
    match reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
    {
        Ok(client) => Some(client),
        Err(e) => {
            tracing::warn!(target: "payments_sandbox", error = %e, "cannot build the {provider} callback client");
            None
        }
    }
}

/// Posts one of `provider`'s JSON callbacks to `url` with its signature `headers`, and logs
/// the outcome.
pub(crate) async fn post(
    client: &reqwest::Client,
    provider: &str,
    url: &str,
    headers: [(&str, String); 2],
    body: impl Into<reqwest::Body>,
) {
    let mut request = client
        .post(url)
        .header(header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        request = request.header(name, value);
    }
    match request.body(body).send().await {
        Ok(response) if response.status().is_success() => {
            tracing::debug!(target: "payments_sandbox", %url, status = response.status().as_u16(), "{provider} callback delivered");
        }
        Ok(response) => {
            tracing::warn!(target: "payments_sandbox", %url, status = response.status().as_u16(), "{provider} callback refused");
        }
        Err(e) => {
            tracing::warn!(target: "payments_sandbox", %url, error = %e, "{provider} callback failed");
        }
    }
}
