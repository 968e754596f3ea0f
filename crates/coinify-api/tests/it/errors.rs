//! Each documented error status becomes a typed error carrying Coinify's code and
//! message, with a Display that names them.

use coinify_api::{ApiErrorKind, Error};

use payments_test_support::server::Reply;

use crate::support::{client, documented_kyc, documented_upload, memory};

async fn countries_error(reply: Reply) -> (Error, usize) {
    let mem = memory([reply]);
    let e = client(&mem).supported_countries().await.unwrap_err();
    (e, mem.hits())
}

#[tokio::test]
async fn invalid_request_400() {
    let (e, hits) = countries_error(Reply::json(
        400,
        r#"{"error":"invalid_request","error_description":"id is invalid"}"#,
    ))
    .await;
    assert_eq!(hits, 1, "a 400 is not retried");
    let api = e.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.code.as_deref(), Some("invalid_request"));
    assert_eq!(api.message.as_deref(), Some("id is invalid"));
    assert_eq!(api.operation, "countries");
    assert_eq!(
        e.to_string(),
        "coinify: HTTP 400 [invalid_request]: id is invalid"
    );
}

#[tokio::test]
async fn not_found_404() {
    let (e, hits) = countries_error(Reply::json(
        404,
        r#"{"error":"not_found","error_description":"id is missing from the request"}"#,
    ))
    .await;
    assert_eq!(hits, 1);
    let api = e.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::NotFound);
    assert_eq!(api.code.as_deref(), Some("not_found"));
    assert_eq!(
        e.to_string(),
        "coinify: HTTP 404 [not_found]: id is missing from the request"
    );
}

#[tokio::test]
async fn code_without_description() {
    let (e, _) = countries_error(Reply::json(404, r#"{"error":"not_found"}"#)).await;
    let api = e.api().unwrap();
    assert_eq!(api.code.as_deref(), Some("not_found"));
    assert_eq!(api.message, None);
    assert!(
        e.to_string().starts_with("coinify: HTTP 404 [not_found]"),
        "{e}"
    );
}

#[tokio::test]
async fn unauthorized_401_on_kyc_and_upload() {
    let mem = memory([Reply::json(
        401,
        r#"{"error":"unauthorized","error_description":"authentication failed"}"#,
    )]);
    let c = client(&mem);
    let e = c.submit_kyc(&documented_kyc()).await.unwrap_err();
    let api = e.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::Unauthorized);
    assert_eq!(api.code.as_deref(), Some("unauthorized"));
    assert_eq!(api.operation, "kyc-create");
    assert_eq!(
        e.to_string(),
        "coinify: HTTP 401 [unauthorized]: authentication failed"
    );
    let e = c.upload_document(&documented_upload()).await.unwrap_err();
    assert_eq!(e.api().unwrap().kind, ApiErrorKind::Unauthorized);
    assert_eq!(e.api().unwrap().operation, "kyc-upload-document");
    assert_eq!(mem.hits(), 2, "a 401 is not retried");
}

#[tokio::test]
async fn non_json_error_keeps_a_snippet() {
    let (e, _) = countries_error(
        Reply::status(400)
            .header("content-type", "text/html")
            .body("<html>Bad Request</html>"),
    )
    .await;
    let api = e.api().unwrap();
    assert_eq!(api.code, None);
    assert!(api.body_snippet.contains("Bad Request"));
    assert!(e.to_string().contains("HTTP 400"), "{e}");
}

#[tokio::test]
async fn malformed_success_is_a_decode_error_naming_the_path() {
    let mem = memory([Reply::json(201, r#"{"id":5,"externalId":"x"}"#)]);
    let e = client(&mem)
        .submit_kyc(&documented_kyc())
        .await
        .unwrap_err();
    match &e {
        Error::Decode {
            path, operation, ..
        } => {
            assert_eq!(path, "id");
            assert_eq!(*operation, "kyc-create");
        }
        other => panic!("{other:?}"),
    }
    insta::assert_snapshot!("decode_error_display", e.to_string());
}
