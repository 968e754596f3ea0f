//! The documented error statuses (400, 401, 404) and the undocumented ones a real
//! deployment produces (5xx HTML from a gateway), as typed errors with a readable Display,
//! over the in-memory transport; the response-body cap and redirects, which belong to the
//! HTTP transport, against local servers.

use coincover_api::{ApiError, ApiErrorKind, Client, Environment, Error, RetryPolicy};

use crate::support::{self, MemoryTransport, Recorded, Reply, ScriptedServer, memory_client};

/// A transport answering every request with `reply`, and a client with quick retries.
fn answering(reply: Reply) -> (MemoryTransport, Client) {
    let mem = MemoryTransport::new([reply]);
    let client = memory_client(&mem, support::fast_retry());
    (mem, client)
}

/// Asserts that every request sent was `method path`.
#[track_caller]
fn assert_all_sent_to(mem: &MemoryTransport, method: &str, path: &str) {
    assert_all_were(&mem.requests(), method, path);
}

/// Asserts that every one of `requests` was `method path`, naming the first that was not.
#[track_caller]
fn assert_all_were(requests: &[Recorded], method: &str, path: &str) {
    for r in requests {
        assert_eq!(
            (r.method.as_str(), r.path.as_str()),
            (method, path),
            "unexpected request {} {} headers={:?} body={}",
            r.method,
            r.path,
            r.headers,
            String::from_utf8_lossy(&r.body)
        );
    }
}

fn api(err: &Error) -> &ApiError {
    err.api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {err:?}"))
}

#[tokio::test]
async fn bad_request_with_a_json_message() {
    let (mem, c) = answering(Reply::json(400, r#"{"message":"userId is required"}"#));
    let err = c
        .create_user(&support::documented_create_user())
        .await
        .unwrap_err();

    let e = api(&err);
    assert_eq!(e.status.as_u16(), 400);
    assert_eq!(e.kind, ApiErrorKind::BadRequest);
    assert_eq!(e.message.as_deref(), Some("userId is required"));
    assert_eq!(e.operation, "create-user");
    assert_eq!(e.provider, "coincover");
    assert_eq!(e.request_id, None);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(!err.is_retryable());
    assert!(err.may_have_been_received());
    assert_eq!(mem.hits(), 1, "a 400 is sent once");
    assert_all_sent_to(&mem, "POST", "/user");
    insta::assert_snapshot!("bad_request_json_display", err.to_string());
}

/// A 400 whose body is not JSON is still an API error (never a decode error), and keeps
/// the body as a snippet.
#[tokio::test]
async fn bad_request_with_a_text_body() {
    let (mem, c) = answering(
        Reply::status(400)
            .header("content-type", "text/plain")
            .body("walletId: must not be empty"),
    );
    let err = c
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();

    let e = api(&err);
    assert_eq!(e.kind, ApiErrorKind::BadRequest);
    assert_eq!(e.message, None);
    assert_eq!(e.body_snippet, "walletId: must not be empty");
    assert_all_sent_to(&mem, "POST", "/transaction");
    insta::assert_snapshot!("bad_request_text_display", err.to_string());
}

/// 401 with the body and header AWS API Gateway sends; the request id is captured.
#[tokio::test]
async fn unauthorized_keeps_the_request_id_and_error_type() {
    let (mem, c) = answering(
        Reply::json(401, r#"{"message":"Unauthorized"}"#)
            .header("x-amzn-requestid", "5b1e0c7a-0d1f-4b43-9a51-3c1b8f1f0a11")
            .header("x-amzn-errortype", "UnauthorizedException"),
    );
    let err = c
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();

    let e = api(&err);
    assert_eq!(e.status.as_u16(), 401);
    assert_eq!(e.kind, ApiErrorKind::Unauthorized);
    assert_eq!(e.message.as_deref(), Some("Unauthorized"));
    assert_eq!(
        e.request_id.as_deref(),
        Some("5b1e0c7a-0d1f-4b43-9a51-3c1b8f1f0a11")
    );
    assert_eq!(e.header("x-amzn-errortype"), Some("UnauthorizedException"));
    assert!(!err.is_retryable());
    assert_eq!(mem.hits(), 1, "a 401 is not retried");
    insta::assert_snapshot!("unauthorized_display", err.to_string());
}

#[tokio::test]
async fn not_found_on_update_user() {
    let (mem, c) = answering(
        Reply::json(
            404,
            r#"{"message":"User with the specified id does not exist."}"#,
        )
        .header("x-amzn-requestid", "req-404"),
    );
    let err = c
        .update_user(&coincover_api::UpdateUser::new("nobody").first_name("Joe"))
        .await
        .unwrap_err();

    let e = api(&err);
    assert_eq!(e.kind, ApiErrorKind::NotFound);
    assert_eq!(e.operation, "update-user");
    assert_eq!(e.request_id.as_deref(), Some("req-404"));
    assert_eq!(
        e.message.as_deref(),
        Some("User with the specified id does not exist.")
    );
    assert_eq!(mem.hits(), 1, "a 404 is not retried");
    assert_all_sent_to(&mem, "PATCH", "/user/nobody");
    insta::assert_snapshot!("not_found_display", err.to_string());
}

/// A gateway's HTML 500 is a Server error whose Display carries a bounded snippet. The
/// check is idempotent, so it was tried `max_attempts` times.
#[tokio::test]
async fn server_error_with_an_html_body() {
    let html = format!(
        "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>{}</p></body></html>",
        "The server encountered an unexpected condition. ".repeat(20)
    );
    assert!(html.len() > payments_core::provider::SNIPPET_LIMIT);
    let (mem, c) = answering(
        Reply::status(500)
            .header("content-type", "text/html")
            .body(html),
    );
    let err = c
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();

    let e = api(&err);
    assert_eq!(e.kind, ApiErrorKind::Server);
    assert_eq!(e.message, None);
    assert!(e.body_snippet.starts_with("<html><head><title>500"));
    assert!(e.body_snippet.ends_with('…'), "{}", e.body_snippet);
    assert!(e.body_snippet.len() <= payments_core::provider::SNIPPET_LIMIT + '…'.len_utf8());
    assert!(err.is_retryable());
    assert_eq!(mem.hits(), 3);
    assert_all_sent_to(&mem, "POST", "/transaction");
    let display = err.to_string();
    assert!(display.starts_with("coincover: HTTP 500: Internal Server Error: <html>"));
    assert!(display.len() < 700, "{} bytes", display.len());
    insta::assert_snapshot!("server_error_html_display", display);
}

/// A GREEN check padded to about 10 KiB, ten times the cap of [`check_with_1k_cap`].
fn ten_kib_check() -> String {
    format!(
        r#"{{"transactionUUID":"u","status":"GREEN","message":"{}"}}"#,
        "x".repeat(10 * 1024)
    )
}

/// Checks a transaction at `base_url` through a client that reads at most 1024 bytes of a
/// response, and asserts that the call fails with `BodyTooLarge` at that limit.
async fn check_with_1k_cap(base_url: String) -> Error {
    let client = Client::builder(Environment::Custom(base_url), support::TOKEN)
        .retry(support::fast_retry())
        .timeouts(support::test_timeouts())
        .max_response_body(1024)
        .build()
        .unwrap();
    let err = client
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 1024, .. }),
        "{err:?}"
    );
    err
}

/// A 200 larger than the cap is refused (Content-Length announced).
#[tokio::test]
async fn response_body_cap_with_content_length() {
    let big = ten_kib_check();
    let server = ScriptedServer::start([Reply::json(200, &big)]).await;
    let err = check_with_1k_cap(server.base_url()).await;
    assert_eq!(server.hits(), 1, "not retried");
    assert_all_were(&server.requests(), "POST", "/transaction");
    assert!(
        server.requests()[0].header("content-length").is_some(),
        "the request announced its length"
    );
    insta::assert_snapshot!("body_too_large_display", err.to_string());

    // The same body under the cap is fine.
    let roomy = Client::builder(Environment::Custom(server.base_url()), support::TOKEN)
        .retry(RetryPolicy::none())
        .max_response_body(16 * 1024)
        .build()
        .unwrap();
    let ok = roomy
        .check_transaction(&support::documented_check())
        .await
        .unwrap();
    assert!(ok.is_green());
    assert_eq!(server.hits(), 2);
    assert_all_were(&server.requests(), "POST", "/transaction");
}

/// A 200 larger than the cap without Content-Length (read until the connection closes)
/// is refused while streaming.
#[tokio::test]
async fn response_body_cap_without_content_length() {
    let big = ten_kib_check();
    let server = ScriptedServer::start(vec![Reply::json(200, &big).without_content_length()]).await;
    check_with_1k_cap(server.base_url()).await;
    assert_eq!(server.hits(), 1);
}

/// Redirects are not followed (the bearer token must not travel on): a 307 comes back as
/// an API error and the target is never requested (it would answer a GREEN check).
#[tokio::test]
async fn redirects_are_not_followed() {
    let server = ScriptedServer::start([]).await;
    server.push(
        Reply::status(307)
            .header("content-type", "text/plain")
            .header("location", &format!("{}/elsewhere", server.base_url())),
    );
    server.push(Reply::json(
        200,
        r#"{"transactionUUID":"u","status":"GREEN"}"#,
    ));
    let err = support::client(server.base_url(), support::fast_retry())
        .check_transaction(&support::documented_check())
        .await
        .unwrap_err();
    let e = api(&err);
    assert_eq!(e.status.as_u16(), 307);
    assert_eq!(e.kind, ApiErrorKind::Other);
    assert_eq!(
        server.hits(),
        1,
        "a 3xx is not retried and its target never requested"
    );
    assert_all_were(&server.requests(), "POST", "/transaction");
}
