//! Error answers, over the in-memory transport: every documented 400 becomes a validation
//! error carrying every field and message, with the documented Display; auth failures and
//! throttling are classified; a non-JSON error body is still an API error with a snippet.

use coinspaid_api::{ApiErrorKind, Client, Error, FieldError, RetryPolicy};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{
    self, documented_reply, documented_request, fixture, memory_client, operation,
};

/// A client whose every request is answered `status` with `body` (and `Retry-After: 7`).
fn answer(status: u16, body: &str) -> (Client, MemoryTransport) {
    memory_client(
        RetryPolicy::none(),
        [Reply::json(status, body).header("retry-after", "7")],
    )
}

/// Asserts that the only request went to `path` (below the `/api` prefix).
#[track_caller]
fn assert_path(mem: &MemoryTransport, path: &str) {
    assert_eq!(mem.single().path, format!("/api{path}"));
}

fn fields(err: &Error) -> Vec<(String, String)> {
    err.api()
        .unwrap_or_else(|| panic!("expected an API error, got {err:?}"))
        .fields
        .iter()
        .map(|FieldError { field, message }| (field.clone(), message.clone()))
        .collect()
}

/// Calls the operation of `fixture_name` with its documented request, answered with that
/// fixture, and returns the error.
async fn documented_error(fixture_name: &str) -> Error {
    let fx = fixture(fixture_name);
    let op = operation(fx["operation"].as_str().unwrap());
    let (c, mem) = memory_client(RetryPolicy::none(), [documented_reply(fixture_name)]);
    let err = c
        .call_json(op, documented_request(op).body.get(), Vec::new())
        .await
        .unwrap_err();
    assert_path(&mem, fx["path"].as_str().unwrap());
    let api = err.api().unwrap();
    assert_eq!(api.status.as_u16(), 400);
    assert_eq!(api.kind, ApiErrorKind::BadRequest, "{fixture_name}");
    assert_eq!(api.provider, "coinspaid");
    assert_eq!(api.operation, op.name);
    assert!(!err.is_retryable());
    err
}

#[tokio::test]
async fn withdrawal_400_displays_like_the_house_style() {
    let err = documented_error("withdrawal-crypto.response.400.json").await;
    assert_eq!(
        err.to_string(),
        "coinspaid: HTTP 400: amount: The amount must be at least 0.001."
    );
    assert_eq!(err.api().unwrap().operation, "withdrawal-crypto");
}

#[tokio::test]
async fn pairs_400_keeps_every_field_in_order() {
    let err = documented_error("currencies-pairs.response.400.json").await;
    assert_eq!(
        fields(&err),
        vec![
            (
                "currency_from".to_owned(),
                "The selected currency from is invalid.".to_owned()
            ),
            (
                "currency_to".to_owned(),
                "The selected currency to is invalid.".to_owned()
            ),
        ]
    );
    assert_eq!(
        err.to_string(),
        "coinspaid: HTTP 400: currency_from: The selected currency from is invalid.; \
         currency_to: The selected currency to is invalid."
    );
}

#[tokio::test]
async fn addresses_take_400() {
    let err = documented_error("addresses-take.response.400.json").await;
    assert_eq!(
        err.to_string(),
        "coinspaid: HTTP 400: foreign_id: The foreign id field is required."
    );
}

#[tokio::test]
async fn calculate_400() {
    let err = documented_error("exchange-calculate.response.400.json").await;
    assert_eq!(
        fields(&err),
        vec![(
            "sender_currency".to_owned(),
            "Exchange is unavailable for given currencies".to_owned()
        )]
    );
}

#[tokio::test]
async fn exchange_now_400_keeps_the_message_as_sent() {
    let err = documented_error("exchange-now.response.400.json").await;
    assert_eq!(
        fields(&err),
        vec![(
            "sender_amount".to_owned(),
            "The amount must be at least 0.00300000 ".to_owned()
        )]
    );
}

#[tokio::test]
async fn unauthorized_401_and_403() {
    for (status, kind) in [
        (401, ApiErrorKind::Unauthorized),
        (403, ApiErrorKind::Forbidden),
    ] {
        let (c, mem) = answer(status, r#"{"error":"Bad key header"}"#);
        let err = c.ping().await.unwrap_err();
        assert_path(&mem, "/v2/ping");
        let api = err.api().unwrap();
        assert_eq!(api.kind, kind);
        assert_eq!(
            err.to_string(),
            format!("coinspaid: HTTP {status}: Bad key header")
        );
    }
}

/// An `errors` map naming an auth header is an auth failure whatever the status.
#[tokio::test]
async fn errors_on_the_auth_headers_are_unauthorized() {
    let (c, mem) = answer(
        400,
        r#"{"errors":{"X-Processing-Signature":"Bad signature header"}}"#,
    );
    let err = c.list_accounts().await.unwrap_err();
    assert_path(&mem, "/v2/accounts/list");
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Unauthorized);
    assert_eq!(
        err.to_string(),
        "coinspaid: HTTP 400: X-Processing-Signature: Bad signature header"
    );
}

/// 429 (calculate is rate limited) is throttling, with its Retry-After.
#[tokio::test]
async fn too_many_requests_is_rate_limited() {
    let (c, mem) = answer(429, r#"{"errors":{"sender_amount":"Too Many Attempts."}}"#);
    let err = c
        .calculate_exchange(&support::documented_calculate())
        .await
        .unwrap_err();
    assert_path(&mem, "/v2/exchange/calculate");
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::RateLimited);
    assert_eq!(api.retry_after, Some(std::time::Duration::from_secs(7)));
    assert!(err.is_retryable());
}

/// A non-JSON 5xx is still an API error, with a snippet of the body.
#[tokio::test]
async fn html_500_is_an_api_error_with_a_snippet() {
    let (c, _mem) = answer(500, "<html>Internal Server Error</html>");
    let err = c.ping().await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::Server);
    assert!(api.body_snippet.contains("Internal Server Error"));
    assert!(err.to_string().starts_with("coinspaid: HTTP 500"), "{err}");
}
