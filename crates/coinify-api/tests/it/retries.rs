//! Retries, over the in-memory transport: KYC and uploads are retried with back-off on
//! 5xx and after attempt timeouts, as the docs ask, each attempt with its own token;
//! client errors are sent once; the call timeout ends it all; attempts are counted.

use std::collections::BTreeSet;
use std::time::Duration;

use coinify_api::{ApiErrorKind, Currency, GetApproximateQuote, RetryPolicy, Timeouts};
use jsonwebtoken::Algorithm;
use payments_core::TimeoutKind;
use serde_json::{Value, json};

use payments_test_support::assert_timeout;
use payments_test_support::server::Reply;

use crate::support::{
    NOW, bearer, builder, client, documented_kyc, documented_upload, fixture_body_text,
    image_bytes, memory, verify,
};

#[tokio::test]
async fn kyc_502_502_201_succeeds_with_three_distinct_tokens() {
    let mem = memory([
        Reply::status(502),
        Reply::status(502),
        Reply::json(201, &fixture_body_text("kyc-create.response.201.json")),
    ]);
    let result = client(&mem).submit_kyc(&documented_kyc()).await.unwrap();
    assert!(result.created);
    let reqs = mem.requests();
    assert_eq!(reqs.len(), 3);
    let tokens: Vec<String> = reqs
        .iter()
        .map(|r| bearer(r.header("authorization").unwrap()).to_owned())
        .collect();
    let distinct: BTreeSet<&String> = tokens.iter().collect();
    assert_eq!(distinct.len(), 3, "a fresh token per attempt: {tokens:?}");
    for (i, t) in tokens.iter().enumerate() {
        let claims = verify(t, Algorithm::RS256).unwrap().claims;
        assert_eq!(
            claims,
            json!({
                "traderId": 123,
                "externalId": "id-of-the-partner-kyc-review",
                "iat": NOW,
                "exp": NOW + 60,
                "jti": format!("jti-{}", i + 1),
            })
        );
    }
    // The same body every time.
    assert!(reqs.iter().all(|r| r.body == reqs[0].body));
}

#[tokio::test]
async fn upload_is_retried_on_503_with_the_same_bytes_and_new_tokens() {
    let mem = memory([
        Reply::status(503),
        Reply::json(
            201,
            &fixture_body_text("kyc-upload-document.response.201.json"),
        ),
    ]);
    client(&mem)
        .upload_document(&documented_upload())
        .await
        .unwrap();
    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    for r in &reqs {
        assert_eq!(r.body, image_bytes());
        assert_eq!(
            r.header("x-upload-external-id"),
            Some("your-reference-for-this-document")
        );
    }
    assert_ne!(
        reqs[0].header("authorization"),
        reqs[1].header("authorization")
    );
}

#[tokio::test]
async fn kyc_gives_up_after_the_policy_attempts() {
    let mem = memory([Reply::status(500)]);
    let e = client(&mem)
        .submit_kyc(&documented_kyc())
        .await
        .unwrap_err();
    assert_eq!(e.api().unwrap().kind, ApiErrorKind::Server);
    assert_eq!(mem.hits(), 3);
}

#[tokio::test]
async fn kyc_400_is_sent_once() {
    let mem = memory([
        Reply::json(400, r#"{"error":"invalid_request"}"#),
        Reply::json(201, "{}"),
    ]);
    let e = client(&mem)
        .submit_kyc(&documented_kyc())
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn no_retry_policy_sends_once() {
    let mem = memory([Reply::status(502)]);
    let c = builder(&mem).retry(RetryPolicy::none()).build().unwrap();
    assert!(c.submit_kyc(&documented_kyc()).await.is_err());
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn quote_is_retried_on_503() {
    let mem = memory([
        Reply::status(503),
        Reply::json(
            200,
            &fixture_body_text("approximate-quote.response.200.json"),
        ),
    ]);
    let q = client(&mem)
        .approximate_quote(&GetApproximateQuote::new(
            "-100".parse().unwrap(),
            Currency::new("EUR").unwrap(),
            Currency::new("BTC").unwrap(),
        ))
        .await
        .unwrap();
    assert_eq!(q.quote_amount.to_string(), "0.0012814");
    assert_eq!(mem.hits(), 2);
}

#[tokio::test]
async fn an_upload_attempt_that_times_out_is_resent_with_a_new_token() {
    let mem = memory([
        Reply::status(201).delay(Duration::from_secs(5)),
        Reply::json(
            201,
            &fixture_body_text("kyc-upload-document.response.201.json"),
        ),
    ]);
    let c = builder(&mem)
        .timeouts(
            Timeouts::default()
                .with_attempt(Duration::from_millis(50))
                .with_call(Duration::from_secs(10)),
        )
        .build()
        .unwrap();
    let out = c.upload_document(&documented_upload()).await.unwrap();
    assert_eq!(out.external_id, "your-reference-for-this-document");
    let reqs = mem.requests();
    assert_eq!(
        reqs.len(),
        2,
        "idempotent: resent after the attempt timeout"
    );
    assert_eq!(reqs[0].body, reqs[1].body);
    let jti: Vec<Value> = reqs
        .iter()
        .map(|r| {
            let token = bearer(r.header("authorization").unwrap());
            verify(token, Algorithm::RS256).unwrap().claims["jti"].clone()
        })
        .collect();
    assert_eq!(jti, [json!("jti-1"), json!("jti-2")]);
}

#[tokio::test]
async fn the_whole_call_timeout_ends_the_retries() {
    let mem = memory([Reply::status(503).delay(Duration::from_millis(40))]);
    let c = builder(&mem)
        .timeouts(
            Timeouts::default()
                .with_attempt(Duration::from_secs(5))
                .with_call(Duration::from_millis(60)),
        )
        .build()
        .unwrap();
    let e = c.supported_countries().await.unwrap_err();
    assert_timeout(&e, TimeoutKind::Call);
    assert!(mem.hits() <= 2, "{}", mem.hits());
}
