//! What goes on the wire, over the in-memory transport: for each operation, the documented
//! example, built through the typed API and read from its input document by the table
//! (`call_json`), is sent with the documented method and path, the bearer token, the JSON
//! content type and exactly the documented body bytes. Then: path parameters are encoded
//! as one segment and never sent in the body, empty 201/204 answers are `Ok(())`, input
//! documents are read strictly, and invalid input is rejected before anything is sent.

use std::future::Future;

use coincover_api::operations::{
    CHECK_TRANSACTION, CREATE_PLAN, CREATE_USER, UPDATE_PLAN, UPDATE_USER,
};
use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Endpoint, Error,
    OPERATIONS, TransactionOutput, UpdatePlan, UpdateUser,
};
use payments_core::{InputFile, Operation, read_document};

use crate::support::{self, Reply, assert_sent, fixture, memory};

/// The documented bodies, compact, in the documented key order, written by hand.
const CHECK_TRANSACTION_BODY: &str = r#"{"transactionCustomerId":"b27f38b9-5158-4b4b-ae2f-a030852f98cd","transactionHash":"GL8636339870050078","coin":"bitcoin-cash","walletId":"1FjgpyeeWTRd7BxTXHEL2rjCj8","outputs":[{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"356","userId":"27a73667-fb36-4708-822f-8b2c79cb817e"}]}"#;
const CREATE_USER_BODY: &str = r#"{"userId":"jb001","firstName":"Joe","lastName":"Blogs","dob":"1975-05-01","residenceCountry":"US","nationality":"US"}"#;
const UPDATE_USER_BODY: &str = r#"{"firstName":"Joe","lastName":"Blogs","residenceCountry":"US"}"#;
const CREATE_PLAN_BODY: &str = r#"{"levelUsd":1000}"#;
const UPDATE_PLAN_BODY: &str = r#"{"levelUsd":500}"#;

/// Each operation with the path of its documented example and the body it must send.
const DOCUMENTED: [(&Operation, &str, &str); 5] = [
    (&CHECK_TRANSACTION, "/transaction", CHECK_TRANSACTION_BODY),
    (&CREATE_USER, "/user", CREATE_USER_BODY),
    (&UPDATE_USER, "/user/jb001", UPDATE_USER_BODY),
    (&CREATE_PLAN, "/user/jb001/plan", CREATE_PLAN_BODY),
    (&UPDATE_PLAN, "/user/jb001/plan", UPDATE_PLAN_BODY),
];

/// The documented GREEN answer.
const GREEN: &str = r#"{"transactionUUID":"3d0ee9d3-4d85-5c8e-af77-3bc9feec83f2","status":"GREEN","message":"Transaction is protected by CoinCover."}"#;

/// The row, path and body of `op` in [`DOCUMENTED`], each checked against the request
/// fixture (method, path, and the hand-written body as JSON), so the strings cannot drift
/// from the documentation.
fn documented(op: &Operation) -> (&'static str, &'static str) {
    let (_, path, body) = DOCUMENTED
        .iter()
        .find(|(o, _, _)| *o == op)
        .unwrap_or_else(|| panic!("{}: not in DOCUMENTED", op.name));
    let fx = fixture(&format!("{}.request.json", op.name));
    assert_eq!(fx["method"], op.method.as_str(), "{}: method", op.name);
    assert_eq!(fx["path"], *path, "{}: path", op.name);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(body).unwrap(),
        fx["body"],
        "{}: the hand-written body differs from the fixture",
        op.name
    );
    (path, body)
}

/// Runs `call` over a transport answering `reply` and asserts that exactly the documented
/// request of `op` was sent.
async fn check_typed<T, F, Fut>(op: &Operation, reply: Reply, call: F) -> T
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let (path, body) = documented(op);
    let (mem, client) = memory([reply]);
    let out = call(client).await.unwrap();
    assert_sent(&mem.single(), op.method.as_str(), path, body);
    out
}

#[test]
fn every_operation_has_a_documented_request_here() {
    for op in OPERATIONS {
        documented(op);
    }
    assert_eq!(DOCUMENTED.len(), OPERATIONS.len());
}

#[tokio::test]
async fn check_transaction_sends_the_documented_example() {
    let check = check_typed(
        &CHECK_TRANSACTION,
        Reply::json(200, GREEN),
        |c| async move { c.check_transaction(&support::documented_check()).await },
    )
    .await;
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
    check_typed(&CREATE_USER, Reply::status(201), |c| async move {
        c.create_user(&support::documented_create_user()).await
    })
    .await;
}

#[tokio::test]
async fn update_user_sends_the_documented_example_without_the_user_id_in_the_body() {
    check_typed(&UPDATE_USER, Reply::status(204), |c| async move {
        c.update_user(&support::documented_update_user()).await
    })
    .await;
}

#[tokio::test]
async fn create_plan_sends_the_documented_example() {
    check_typed(&CREATE_PLAN, Reply::status(201), |c| async move {
        c.create_plan(&support::documented_create_plan()).await
    })
    .await;
}

#[tokio::test]
async fn update_plan_sends_the_documented_example() {
    check_typed(&UPDATE_PLAN, Reply::status(201), |c| async move {
        c.update_plan(&support::documented_update_plan()).await
    })
    .await;
}

/// Through the table: each documented request fixture, as an input document (body plus
/// `userId` from the documented path), is sent exactly as documented by `call_json`, and
/// the documented response comes back as JSON.
#[tokio::test]
async fn call_json_sends_every_documented_request() {
    for op in OPERATIONS {
        let (path, body) = documented(op);
        let (input, _) = support::documented_input(op);
        let (resp, reply) = support::documented_response(op);
        let status = resp.status.unwrap();
        let (mem, client) = memory([reply]);
        let out = client
            .call_json(op, &input, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_sent(&mem.single(), op.method.as_str(), path, body);
        assert_eq!(out.value.status.as_u16(), status, "{}", op.name);
        assert_eq!(out.meta.attempts, 1);
        let json: serde_json::Value = serde_json::from_str(&out.value.json).unwrap();
        let documented: serde_json::Value = serde_json::from_str(resp.body.get()).unwrap();
        assert_eq!(json, documented, "{}: answer", op.name);
    }
}

/// The typed examples serialize to exactly the documented bytes, independently of any
/// client (a second, direct check of the bodies above); the path parameter is not in them.
#[test]
fn documented_examples_serialize_to_the_documented_bytes() {
    let check = |got: String, want: &str| assert_eq!(got, want);
    check(
        serde_json::to_string(&support::documented_check()).unwrap(),
        CHECK_TRANSACTION_BODY,
    );
    check(
        serde_json::to_string(&support::documented_create_user()).unwrap(),
        CREATE_USER_BODY,
    );
    check(
        serde_json::to_string(&support::documented_update_user()).unwrap(),
        UPDATE_USER_BODY,
    );
    check(
        serde_json::to_string(&support::documented_create_plan()).unwrap(),
        CREATE_PLAN_BODY,
    );
    check(
        serde_json::to_string(&support::documented_update_plan()).unwrap(),
        UPDATE_PLAN_BODY,
    );
}

/// A user id with a space and a slash travels as ONE encoded path segment (the recorded
/// path is the request target as sent, not decoded).
#[tokio::test]
async fn user_id_is_encoded_as_one_path_segment() {
    let (mem, c) = memory([Reply::status(204), Reply::status(201)]);
    c.update_user(&UpdateUser::new("jb 001/x").first_name("Joe"))
        .await
        .unwrap();
    c.create_plan(&CreatePlan::new("jb 001/x", Amount::from(1000)))
        .await
        .unwrap();
    c.update_plan(&UpdatePlan::new("jb 001/x", Amount::from(500)))
        .await
        .unwrap();
    let sent: Vec<(String, String)> = mem
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    let want = [
        ("PATCH", "/user/jb%20001%2Fx"),
        ("POST", "/user/jb%20001%2Fx/plan"),
        ("PATCH", "/user/jb%20001%2Fx/plan"),
    ]
    .map(|(m, p)| (m.to_owned(), p.to_owned()));
    assert_eq!(sent, want);
}

/// 201 and 204 without a body are both success for every no-content operation, whichever
/// of the two the server picks (CoinCover documents 201 for the plan PATCH, 204 for the
/// user PATCH).
#[tokio::test]
async fn empty_201_and_204_are_ok() {
    for status in [201u16, 204] {
        let (mem, c) = memory([Reply::status(status)]);
        let results = [
            c.create_user(&support::documented_create_user()).await,
            c.update_user(&support::documented_update_user()).await,
            c.create_plan(&support::documented_create_plan()).await,
            c.update_plan(&support::documented_update_plan()).await,
        ];
        for (i, r) in results.into_iter().enumerate() {
            assert!(r.is_ok(), "status {status}, call {i}: {r:?}");
        }
        assert_eq!(mem.hits(), 4, "status {status}");
    }
}

// --- Input documents: what the CLI passes ------------------------------------------------

/// `read_document` gives the complete request, path parameter included; `request()` then
/// puts it in the path and leaves it out of the body.
#[test]
fn input_documents_carry_the_path_parameter_as_a_top_level_field() {
    let u: UpdateUser = read_document(r#"{"userId":"jb001","firstName":"Joe"}"#).unwrap();
    assert_eq!(u, UpdateUser::new("jb001").first_name("Joe"));
    let spec = u.request().unwrap();
    assert_eq!(spec.operation, &UPDATE_USER);
    assert_eq!(spec.path, "/user/jb001");
    assert_eq!(spec.body.unwrap().bytes, r#"{"firstName":"Joe"}"#);

    let p: CreatePlan = read_document(r#"{"userId":"jb 001","levelUsd":1000}"#).unwrap();
    assert_eq!(p, CreatePlan::new("jb 001", Amount::from(1000)));
    let spec = p.request().unwrap();
    assert_eq!(spec.path, "/user/jb%20001/plan");
    assert_eq!(spec.body.unwrap().bytes, CREATE_PLAN_BODY);

    let p: UpdatePlan = read_document(r#"{"levelUsd":"500","userId":"jb001"}"#).unwrap();
    assert_eq!(p, UpdatePlan::new("jb001", Amount::from(500)));
    assert_eq!(p.request().unwrap().body.unwrap().bytes, UPDATE_PLAN_BODY);

    // For create-user, userId is a documented body field and stays in the body.
    let c: CreateUser = read_document(CREATE_USER_BODY).unwrap();
    assert_eq!(c, support::documented_create_user());
    assert_eq!(c.request().unwrap().body.unwrap().bytes, CREATE_USER_BODY);
}

/// Amounts keep every digit from the input document to the body.
#[test]
fn input_document_amounts_keep_every_digit() {
    let doc = r#"{"transactionCustomerId":"c1","coin":"bitcoin","walletId":"w1","outputs":[{"destination":"d1","amount":0.123456789012345678901,"userId":"u1"}]}"#;
    let spec = (CHECK_TRANSACTION.io.request)(doc, Vec::new()).unwrap();
    assert_eq!(
        spec.body.unwrap().bytes,
        r#"{"transactionCustomerId":"c1","coin":"bitcoin","walletId":"w1","outputs":[{"destination":"d1","amount":"0.123456789012345678901","userId":"u1"}]}"#
    );
    let plan =
        (CREATE_PLAN.io.request)(r#"{"userId":"u","levelUsd":1000.50}"#, Vec::new()).unwrap();
    assert_eq!(plan.body.unwrap().bytes, r#"{"levelUsd":1000.50}"#);
}

/// Typos, duplicate keys and files are refused when the document is read, naming where.
#[test]
fn input_documents_are_read_strictly() {
    let refuse = |op: &Operation, doc: &str| {
        (op.io.request)(doc, Vec::new())
            .map(drop)
            .unwrap_err()
            .to_string()
    };
    let typo = refuse(&UPDATE_USER, r#"{"userId":"jb001","fistName":"Joe"}"#);
    assert!(typo.contains("unknown field `fistName`"), "{typo}");
    let nested = refuse(
        &CHECK_TRANSACTION,
        r#"{"transactionCustomerId":"c","coin":"bitcoin","walletId":"w","outputs":[{"destination":"d","amount":"1","userId":"u","memo":"x"}]}"#,
    );
    assert!(nested.starts_with("outputs[0]"), "{nested}");
    assert!(nested.contains("unknown field `memo`"), "{nested}");
    assert_eq!(
        refuse(&UPDATE_PLAN, r#"{"userId":"a","userId":"b","levelUsd":1}"#),
        "userId: duplicate key"
    );
    assert_eq!(
        refuse(&CREATE_PLAN, r#"{"levelUsd":1}"#),
        "userId: is required and must not be blank"
    );
    let file = InputFile {
        field: "file".into(),
        name: "a.pdf".into(),
        bytes: Default::default(),
    };
    let e = (CREATE_USER.io.request)(CREATE_USER_BODY, vec![file]).unwrap_err();
    assert_eq!(e.to_string(), "file: this operation takes no file");
}

/// `call_json` refuses an invalid document as `InvalidRequest` before sending anything.
#[tokio::test]
async fn call_json_rejects_invalid_documents_without_sending() {
    let (mem, c) = memory([Reply::status(204)]);
    for (op, doc, field) in [
        (&UPDATE_USER, r#"{"firstName":"Joe"}"#, "userId"),
        (&UPDATE_USER, r#"{"userId":"jb001"}"#, "body"),
        (&CREATE_PLAN, r#"{"userId":"..","levelUsd":1}"#, "userId"),
        (
            &UPDATE_PLAN,
            r#"{"userId":"jb001","levelUsd":0}"#,
            "levelUsd",
        ),
    ] {
        match c.call_json(op, doc, Vec::new()).await {
            Err(Error::InvalidRequest {
                provider, field: f, ..
            }) => {
                assert_eq!(provider, "coincover");
                assert_eq!(f, field, "{doc}");
            }
            other => panic!("{doc}: expected InvalidRequest, got {other:?}"),
        }
    }
    assert_eq!(mem.hits(), 0);
}

// --- Validation: rejected before sending -------------------------------------------------

/// Runs `call` over a transport that counts everything, and checks it was rejected as
/// invalid, naming `field`, with NOTHING sent.
async fn assert_rejected<F, Fut>(field: &str, call: F) -> Error
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<(), Error>>,
{
    let (mem, client) = memory([Reply::status(599)]);
    let err = call(client)
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
    assert_eq!(mem.hits(), 0, "{field}: something was sent");
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
        (UpdateUser::new(" ").first_name("Joe"), "userId"),
        (UpdateUser::new("..").first_name("Joe"), "userId"),
        (UpdateUser::new("jb\n001").first_name("Joe"), "userId"),
        (UpdateUser::new("x".repeat(257)).first_name("Joe"), "userId"),
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
    for user_id in ["", ".", "jb\u{7}001"] {
        assert_rejected("userId", |c| async move {
            c.create_plan(&CreatePlan::new(user_id, Amount::from(1000)))
                .await
        })
        .await;
        assert_rejected("userId", |c| async move {
            c.update_plan(&UpdatePlan::new(user_id, Amount::from(500)))
                .await
        })
        .await;
    }
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
