//! What goes on the wire: for each operation, the documented example built through the
//! typed API reaches a mock server with the right method, path, headers and exact body.
//! Then: path parameters are encoded as one segment, empty 201/204 answers are `Ok(())`,
//! and invalid input is rejected before anything is sent.

use std::future::Future;

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Error,
    TransactionOutput, UpdatePlan, UpdateUser,
};
use httpmock::{Mock, MockServer};

use crate::support::{self, TOKEN, USER_AGENT, catch_all, fixture};

/// The documented bodies, compact, in the documented key order, written by hand.
const CHECK_TRANSACTION_BODY: &str = r#"{"transactionCustomerId":"b27f38b9-5158-4b4b-ae2f-a030852f98cd","transactionHash":"GL8636339870050078","coin":"bitcoin-cash","walletId":"1FjgpyeeWTRd7BxTXHEL2rjCj8","outputs":[{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"356","userId":"27a73667-fb36-4708-822f-8b2c79cb817e"}]}"#;
const CREATE_USER_BODY: &str = r#"{"userId":"jb001","firstName":"Joe","lastName":"Blogs","dob":"1975-05-01","residenceCountry":"US","nationality":"US"}"#;
const UPDATE_USER_BODY: &str = r#"{"firstName":"Joe","lastName":"Blogs","residenceCountry":"US"}"#;
const CREATE_PLAN_BODY: &str = r#"{"levelUsd":1000}"#;
const UPDATE_PLAN_BODY: &str = r#"{"levelUsd":500}"#;

/// Registers the mock for one documented request, then the catch-all.
///
/// The mock matches the method and path (also checked against the fixture), the bearer
/// token, the JSON content type, the user agent, the body as JSON equal to the fixture's
/// `body`, AND the raw body byte for byte equal to `raw_body` (checked to parse to the
/// same JSON, so the hand-written string cannot drift from the fixture).
async fn expect_documented<'a>(
    server: &'a MockServer,
    fixture_name: &str,
    method: &str,
    path: &str,
    raw_body: &str,
    status: u16,
    response_body: Option<serde_json::Value>,
) -> (Mock<'a>, Mock<'a>) {
    let fx = fixture(fixture_name);
    assert_eq!(fx["method"], method, "{fixture_name}: method");
    assert_eq!(fx["path"], path, "{fixture_name}: path");
    let body = fx["body"].clone();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(raw_body).unwrap(),
        body,
        "the hand-written body differs from {fixture_name}"
    );
    let raw_body = raw_body.to_owned();
    let mock = server
        .mock_async(|when, then| {
            when.method(method)
                .path(path)
                .header("authorization", format!("Bearer {TOKEN}"))
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .json_body(body)
                .body(raw_body);
            let then = then.status(status);
            if let Some(b) = response_body {
                then.header("content-type", "application/json").json_body(b);
            }
        })
        .await;
    let catch = catch_all(server).await;
    (mock, catch)
}

/// A client without retries: a mismatch reaches the catch-all exactly once.
fn client(server: &MockServer) -> Client {
    support::client(server.base_url(), coincover_api::RetryPolicy::none())
}

#[tokio::test]
async fn check_transaction_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let response = fixture("check-transaction.response.200.json")["body"].clone();
    let (mock, catch) = expect_documented(
        &server,
        "check-transaction.request.json",
        "POST",
        "/transaction",
        CHECK_TRANSACTION_BODY,
        200,
        Some(response),
    )
    .await;

    let check = client(&server)
        .check_transaction(&support::documented_check())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(catch.calls_async().await, 0);
    assert_eq!(
        check.transaction_uuid,
        "3d0ee9d3-4d85-5c8e-af77-3bc9feec83f2"
    );
    assert!(check.is_green());
    assert_eq!(
        check.message.as_deref(),
        Some("Transaction is protected by CoinCover.")
    );
    assert_eq!(check.threat_code(), None);
}

#[tokio::test]
async fn create_user_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "create-user.request.json",
        "POST",
        "/user",
        CREATE_USER_BODY,
        201,
        None,
    )
    .await;

    client(&server)
        .create_user(&support::documented_create_user())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(catch.calls_async().await, 0);
}

#[tokio::test]
async fn update_user_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "update-user.request.json",
        "PATCH",
        "/user/jb001",
        UPDATE_USER_BODY,
        204,
        None,
    )
    .await;

    client(&server)
        .update_user(&support::documented_update_user())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(catch.calls_async().await, 0);
}

#[tokio::test]
async fn create_plan_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "create-plan.request.json",
        "POST",
        "/user/jb001/plan",
        CREATE_PLAN_BODY,
        201,
        None,
    )
    .await;

    client(&server)
        .create_plan(&support::documented_create_plan())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(catch.calls_async().await, 0);
}

#[tokio::test]
async fn update_plan_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "update-plan.request.json",
        "PATCH",
        "/user/jb001/plan",
        UPDATE_PLAN_BODY,
        201,
        None,
    )
    .await;

    client(&server)
        .update_plan(&support::documented_update_plan())
        .await
        .unwrap();

    assert_eq!(mock.calls_async().await, 1);
    assert_eq!(catch.calls_async().await, 0);
}

/// The typed examples serialize to exactly the documented bytes, independently of any
/// server (a second, direct check of the bodies above).
#[test]
fn documented_examples_serialize_to_the_documented_bytes() {
    assert_eq!(
        serde_json::to_string(&support::documented_check()).unwrap(),
        CHECK_TRANSACTION_BODY
    );
    assert_eq!(
        serde_json::to_string(&support::documented_create_user()).unwrap(),
        CREATE_USER_BODY
    );
    assert_eq!(
        serde_json::to_string(&support::documented_update_user()).unwrap(),
        UPDATE_USER_BODY
    );
    assert_eq!(
        serde_json::to_string(&support::documented_create_plan()).unwrap(),
        CREATE_PLAN_BODY
    );
    assert_eq!(
        serde_json::to_string(&support::documented_update_plan()).unwrap(),
        UPDATE_PLAN_BODY
    );
}

/// A user id with a space and a slash travels as ONE encoded path segment.
///
/// httpmock's `path` matcher compares against `req.uri().path()` of the request as
/// received, which is the raw, still percent-encoded path (it does not decode), so
/// `/user/jb%20001%2Fx` here asserts the exact bytes of the request line.
#[tokio::test]
async fn user_id_is_encoded_as_one_path_segment() {
    let server = MockServer::start_async().await;
    // Registered first, so it would win if httpmock matched decoded paths.
    let decoded = server
        .mock_async(|when, then| {
            when.path_prefix("/user/jb 001");
            then.status(418);
        })
        .await;
    let user = server
        .mock_async(|when, then| {
            when.method("PATCH").path("/user/jb%20001%2Fx");
            then.status(204);
        })
        .await;
    let create_plan = server
        .mock_async(|when, then| {
            when.method("POST").path("/user/jb%20001%2Fx/plan");
            then.status(201);
        })
        .await;
    let update_plan = server
        .mock_async(|when, then| {
            when.method("PATCH").path("/user/jb%20001%2Fx/plan");
            then.status(201);
        })
        .await;
    let catch = catch_all(&server).await;
    let c = client(&server);

    c.update_user(&UpdateUser::new("jb 001/x").first_name("Joe"))
        .await
        .unwrap();
    c.create_plan(&CreatePlan::new("jb 001/x", Amount::from(1000)))
        .await
        .unwrap();
    c.update_plan(&UpdatePlan::new("jb 001/x", Amount::from(500)))
        .await
        .unwrap();

    assert_eq!(user.calls_async().await, 1);
    assert_eq!(create_plan.calls_async().await, 1);
    assert_eq!(update_plan.calls_async().await, 1);
    assert_eq!(decoded.calls_async().await, 0);
    assert_eq!(catch.calls_async().await, 0);
}

/// 201 and 204 without a body are both success for every no-content operation, whichever
/// of the two the server picks (CoinCover documents 201 for the plan PATCH, 204 for the
/// user PATCH).
#[tokio::test]
async fn empty_201_and_204_are_ok() {
    for status in [201u16, 204] {
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.path_prefix("/user");
                then.status(status);
            })
            .await;
        let catch = catch_all(&server).await;
        let c = client(&server);

        let results = [
            c.create_user(&support::documented_create_user()).await,
            c.update_user(&support::documented_update_user()).await,
            c.create_plan(&support::documented_create_plan()).await,
            c.update_plan(&support::documented_update_plan()).await,
        ];
        for (i, r) in results.into_iter().enumerate() {
            assert!(r.is_ok(), "status {status}, call {i}: {r:?}");
        }
        assert_eq!(mock.calls_async().await, 4, "status {status}");
        assert_eq!(catch.calls_async().await, 0, "status {status}");
    }
}

// --- Validation: rejected before sending -------------------------------------------------

/// Runs `call` against a server that counts everything, and checks it was rejected as
/// invalid, naming `field`, with NOTHING sent.
async fn assert_rejected<F, Fut>(field: &str, call: F) -> Error
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<(), Error>>,
{
    let server = MockServer::start_async().await;
    let anything = catch_all(&server).await;
    let err = call(client(&server))
        .await
        .expect_err("invalid input must be rejected");
    match &err {
        Error::InvalidRequest {
            provider, field: f, ..
        } => {
            assert_eq!(*provider, "coincover");
            assert_eq!(f, field, "{err}");
        }
        other => panic!("expected InvalidRequest for {field}, got {other:?}"),
    }
    assert!(!err.may_have_been_received());
    assert!(!err.is_retryable());
    assert_eq!(
        anything.calls_async().await,
        0,
        "{field}: something was sent"
    );
    err
}

async fn check(req: CheckTransaction, field: &str) -> Error {
    assert_rejected(field, |c| async move {
        c.check_transaction(&req).await.map(drop)
    })
    .await
}

fn output(destination: &str, amount: &str, user_id: &str) -> TransactionOutput {
    TransactionOutput::new(destination, amount.parse::<Amount>().unwrap(), user_id)
}

fn check_with(
    customer_id: &str,
    wallet_id: &str,
    outputs: Vec<TransactionOutput>,
) -> CheckTransaction {
    CheckTransaction::new(
        customer_id,
        CoinId::new("bitcoin-cash").unwrap(),
        wallet_id,
        outputs,
    )
}

fn good_output() -> TransactionOutput {
    output("16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh", "356", "u1")
}

#[tokio::test]
async fn check_transaction_rejects_invalid_input_without_sending() {
    check(
        check_with("", "w1", vec![good_output()]),
        "transactionCustomerId",
    )
    .await;
    check(
        check_with("   ", "w1", vec![good_output()]),
        "transactionCustomerId",
    )
    .await;
    check(
        check_with("c1", "w1", vec![good_output()]).with_transaction_hash(""),
        "transactionHash",
    )
    .await;
    check(check_with("c1", "", vec![good_output()]), "walletId").await;
    check(check_with("c1", "w1", vec![]), "outputs").await;
    check(
        check_with("c1", "w1", vec![output("", "1", "u1")]),
        "outputs[0].destination",
    )
    .await;
    check(
        check_with("c1", "w1", vec![good_output(), output("d2", "1", "")]),
        "outputs[1].userId",
    )
    .await;
    let negative = check(
        check_with("c1", "w1", vec![output("d1", "-0.5", "u1")]),
        "outputs[0].amount",
    )
    .await;
    assert!(negative.to_string().contains("-0.5"), "{negative}");
    let too_long = "x".repeat(257);
    check(
        check_with(&too_long, "w1", vec![good_output()]),
        "transactionCustomerId",
    )
    .await;

    let zero = check(
        check_with("c1", "w1", vec![output("d1", "0", "u1")]),
        "outputs[0].amount",
    )
    .await;
    insta::assert_snapshot!("invalid_zero_amount_display", zero.to_string());
    let empty = check(check_with("c1", "w1", vec![]), "outputs").await;
    insta::assert_snapshot!("invalid_empty_outputs_display", empty.to_string());
}

#[tokio::test]
async fn user_operations_reject_invalid_input_without_sending() {
    let create = |user_id: &str, first: &str, last: &str| {
        CreateUser::new(user_id, first, last, support::us())
    };
    for (req, field) in [
        (create("", "Joe", "Blogs"), "userId"),
        (create("jb001", " ", "Blogs"), "firstName"),
        (create("jb001", "Joe", ""), "lastName"),
    ] {
        assert_rejected(field, |c| async move { c.create_user(&req).await }).await;
    }

    let nothing = assert_rejected("body", |c| async move {
        c.update_user(&UpdateUser::new("jb001")).await
    })
    .await;
    insta::assert_snapshot!("invalid_update_user_nothing_display", nothing.to_string());
    for (req, field) in [
        (UpdateUser::new("").first_name("Joe"), "userId"),
        (UpdateUser::new("..").first_name("Joe"), "userId"),
        (UpdateUser::new("jb\n001").first_name("Joe"), "userId"),
        (UpdateUser::new("jb001").first_name(""), "firstName"),
        (UpdateUser::new("jb001").last_name("  "), "lastName"),
    ] {
        assert_rejected(field, |c| async move { c.update_user(&req).await }).await;
    }
    let empty_path = assert_rejected("userId", |c| async move {
        c.update_user(&UpdateUser::new("").first_name("Joe")).await
    })
    .await;
    insta::assert_snapshot!("invalid_empty_path_user_id_display", empty_path.to_string());
}

#[tokio::test]
async fn plan_operations_reject_invalid_input_without_sending() {
    for (level, what) in [(0, "zero"), (-1000, "negative")] {
        let err = assert_rejected("levelUsd", |c| async move {
            c.create_plan(&CreatePlan::new("jb001", Amount::from(level)))
                .await
        })
        .await;
        assert!(
            err.to_string().contains(&level.to_string()),
            "{what}: {err}"
        );
        assert_rejected("levelUsd", |c| async move {
            c.update_plan(&UpdatePlan::new("jb001", Amount::from(level)))
                .await
        })
        .await;
    }
    assert_rejected("userId", |c| async move {
        c.create_plan(&CreatePlan::new("", Amount::from(1000)))
            .await
    })
    .await;
    assert_rejected("userId", |c| async move {
        c.update_plan(&UpdatePlan::new("", Amount::from(500))).await
    })
    .await;
}

/// Coin ids and country codes are validated when they are built, before any request.
#[test]
fn coin_ids_and_country_codes_are_validated_on_construction() {
    let ticker = CoinId::new("BTC").unwrap_err();
    insta::assert_snapshot!("invalid_coin_id_ticker_display", ticker.to_string());
    assert!(CoinId::new("").is_err());
    assert!(CoinId::new("bitcoin cash").is_err());
    assert_eq!(
        CoinId::new("bitcoin-cash").unwrap().as_str(),
        "bitcoin-cash"
    );

    let lower = CountryCode::from_alpha2("us").unwrap_err();
    insta::assert_snapshot!("invalid_country_lowercase_display", lower.to_string());
    assert!(CountryCode::from_alpha2("usa").is_err());
    assert!(CountryCode::from_alpha2("USA").is_err());
    assert!(CountryCode::from_alpha2("ZZ").is_err());
    assert!(CountryCode::from_alpha2("").is_err());
    assert_eq!(CountryCode::from_alpha2("US").unwrap().alpha2(), "US");
}
