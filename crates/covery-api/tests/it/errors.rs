//! One test per documented status: the typed view ([`covery_error`]), the core error kind,
//! and a Display that carries Covery's message (snapshotted). Headers as documented
//! (`X-Maxwell-*`), bodies empty, JSON or `text/plain`.

use covery_api::{ApiErrorKind, CoveryErrorInfo, CoveryStatus, Error, RetryPolicy, covery_error};

use payments_test_support::server::Reply;

use crate::support::{self, fixture};

/// A Covery error answer: `X-Maxwell-Status: Exception` plus the given headers and body.
fn exception(status: u16, error_type: &str, message: &str) -> Reply {
    Reply::status(status)
        .header("content-type", "application/json")
        .header("x-maxwell-status", "Exception")
        .header("x-maxwell-error-type", error_type)
        .header("x-maxwell-error-message", message)
}

/// Pings a server answering `reply` once (no retries) and returns the error and the view.
async fn ping_error(reply: Reply) -> (Error, CoveryErrorInfo) {
    let mem = support::script([reply]);
    let err = support::client(&mem, RetryPolicy::none())
        .ping()
        .await
        .unwrap_err();
    assert_eq!(mem.hits(), 1);
    let info = covery_error(&err).unwrap_or_else(|| panic!("not a Covery API error: {err:?}"));
    assert_eq!(info.http_status, err.status().unwrap());
    assert_eq!(
        err.api().unwrap().header("x-maxwell-status"),
        Some("Exception")
    );
    (err, info)
}

#[tokio::test]
async fn status_401_bad_signature() {
    let (err, info) = ping_error(exception(
        401,
        "Maxwell\\Exception\\AuthException",
        "Invalid signature",
    ))
    .await;
    assert_eq!(info.status, CoveryStatus::Unauthorized);
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Unauthorized);
    assert_eq!(info.message.as_deref(), Some("Invalid signature"));
    assert!(!err.is_retryable());
    insta::assert_snapshot!("status_401_display", err.to_string());
}

#[tokio::test]
async fn status_403_token_level() {
    let (err, info) = ping_error(exception(
        403,
        "Maxwell\\Exception\\AccessDeniedException",
        "Token access level is not sufficient",
    ))
    .await;
    assert_eq!(info.status, CoveryStatus::AccessLevel);
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Forbidden);
    insta::assert_snapshot!("status_403_display", err.to_string());
}

/// The documented 404 header example, taken from the fixture.
#[tokio::test]
async fn status_404_documented_headers() {
    let fx = fixture("error.response.404.json");
    let mut reply = Reply::status(404);
    for (name, value) in fx["headers"].as_object().unwrap() {
        reply = reply.header(name, value.as_str().unwrap());
    }
    let (err, info) = ping_error(reply).await;
    assert_eq!(info.status, CoveryStatus::NoRoute);
    assert_eq!(
        info.error_type.as_deref(),
        Some("Maxwell\\Exception\\NoRouteException")
    );
    assert_eq!(
        info.message.as_deref(),
        Some("Unable to found route for POST /api/wrong/endpoint")
    );
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::NotFound);
    insta::assert_snapshot!("status_404_display", err.to_string());
}

#[tokio::test]
async fn status_406_malformed_data() {
    let (err, info) = ping_error(exception(
        406,
        "Maxwell\\Exception\\ValidationException",
        "sequence_id: too long",
    ))
    .await;
    assert_eq!(info.status, CoveryStatus::InvalidData);
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::BadRequest);
    insta::assert_snapshot!("status_406_display", err.to_string());
}

#[tokio::test]
async fn status_409_existing_id_from_context() {
    for (context, id) in [
        (r#"{"id":7896010}"#, "7896010"),
        ("7896010", "7896010"),
        (r#""TR123456""#, "TR123456"),
    ] {
        let (err, info) = ping_error(
            exception(
                409,
                "Maxwell\\Exception\\DuplicateException",
                "Entry already exists",
            )
            .header("x-maxwell-error-context", context),
        )
        .await;
        assert_eq!(info.status, CoveryStatus::AlreadyExists);
        assert_eq!(info.context.as_deref(), Some(context));
        assert_eq!(info.existing_id.as_deref(), Some(id), "{context}");
        assert_eq!(err.api().unwrap().kind, ApiErrorKind::Conflict);
        assert_eq!(
            err.api().unwrap().header("X-Maxwell-Error-Context"),
            Some(context)
        );
        if id == "TR123456" {
            insta::assert_snapshot!("status_409_display", err.to_string());
            insta::assert_snapshot!("status_409_info_display", info.to_string());
        }
    }
    // A context that is prose has no id, but is kept.
    let (_, info) = ping_error(
        exception(409, "X", "exists").header("x-maxwell-error-context", "see entry 5 and 6"),
    )
    .await;
    assert_eq!(info.existing_id, None);
    assert_eq!(info.context.as_deref(), Some("see entry 5 and 6"));
}

#[tokio::test]
async fn status_410_entry_not_found() {
    let (err, info) = ping_error(exception(
        410,
        "Maxwell\\Exception\\NotFoundException",
        "Fraud alert 5 not found",
    ))
    .await;
    assert_eq!(info.status, CoveryStatus::NotFound);
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::NotFound);
    insta::assert_snapshot!("status_410_display", err.to_string());
}

#[tokio::test]
async fn status_429_same_sequence_id() {
    let (err, info) = ping_error(exception(
        429,
        "Maxwell\\Exception\\ThrottleException",
        "Too many requests with same sequence_id",
    ))
    .await;
    assert_eq!(info.status, CoveryStatus::SequenceThrottled);
    assert!(info.status.is_throttling());
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::RateLimited);
    assert!(err.is_retryable());
    insta::assert_snapshot!("status_429_display", err.to_string());
}

/// A `text/plain` body and no message header: the text is the message.
#[tokio::test]
async fn status_500_text_plain_body() {
    let (err, info) = ping_error(
        Reply::status(500)
            .header("content-type", "text/plain")
            .header("x-maxwell-status", "Exception")
            .body("Internal error, please retry"),
    )
    .await;
    assert_eq!(info.status, CoveryStatus::Internal);
    assert_eq!(
        info.message.as_deref(),
        Some("Internal error, please retry")
    );
    assert_eq!(info.error_type, None);
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Server);
    insta::assert_snapshot!("status_500_display", err.to_string());
}

/// A JSON body and no message header: the common JSON shapes are read.
#[tokio::test]
async fn status_503_json_body() {
    let (err, info) = ping_error(
        Reply::json(503, r#"{"message":"Service misconfigured"}"#)
            .header("x-maxwell-status", "Exception")
            .header(
                "x-maxwell-error-type",
                "Maxwell\\Exception\\ContainerException",
            ),
    )
    .await;
    assert_eq!(info.status, CoveryStatus::Misconfigured);
    assert_eq!(info.message.as_deref(), Some("Service misconfigured"));
    // Covery's own misconfiguration: repeating cannot fix it.
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Other);
    assert!(!err.is_retryable());
    insta::assert_snapshot!("status_503_display", err.to_string());
}

#[tokio::test]
async fn status_509_is_throttling() {
    let (err, info) = ping_error(exception(
        509,
        "Maxwell\\Exception\\RateLimitException",
        "Too many requests",
    ))
    .await;
    assert_eq!(info.status, CoveryStatus::TooManyRequests);
    assert!(info.status.is_throttling());
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::RateLimited);
    assert!(err.is_retryable());
    insta::assert_snapshot!("status_509_display", err.to_string());
}

/// No headers, no body: the Display still says what the status means at Covery.
#[tokio::test]
async fn status_510_without_details() {
    let (err, info) = ping_error(Reply::status(510).header("x-maxwell-status", "Exception")).await;
    assert_eq!(info.status, CoveryStatus::ApplicationFailure);
    assert_eq!(
        info.message.as_deref(),
        Some("Covery's application failed to start; contact Covery")
    );
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Other);
    assert!(!err.is_retryable());
    insta::assert_snapshot!("status_510_display", err.to_string());
}

#[test]
fn every_documented_status_has_a_meaning() {
    use payments_core::http::StatusCode;
    for code in [401, 403, 404, 406, 409, 410, 429, 500, 503, 509, 510] {
        let s = CoveryStatus::from_status(StatusCode::from_u16(code).unwrap());
        assert!(!matches!(s, CoveryStatus::Other(_)), "{code}");
    }
    assert_eq!(
        CoveryStatus::from_status(StatusCode::from_u16(418).unwrap()),
        CoveryStatus::Other(418)
    );
}
