//! Every documented example, sent as documented, gets the documented status and shape.

use std::collections::BTreeSet;
use std::path::PathBuf;

use coincover_api::{
    CheckTransaction, CreatePlan, CreateUser, TransactionCheck, UpdatePlan, UpdateUser,
};
use serde_json::Value;

use crate::support::start;

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/coincover/docs")
}

fn load(name: &str) -> Value {
    let path = docs_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The documented (request, response) pairs, in an order that works on one sandbox: users
/// before their updates and plans, plans before their updates.
fn examples() -> Vec<(String, Value, Value)> {
    let order = [
        "create-user",
        "update-user",
        "create-plan",
        "update-plan",
        "check-transaction",
    ];
    let mut names: Vec<String> = std::fs::read_dir(docs_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let requests: Vec<&String> = names
        .iter()
        .filter(|n| n.ends_with(".request.json"))
        .collect();
    assert_eq!(requests.len(), order.len(), "{requests:?}");
    order
        .iter()
        .map(|op| {
            let request = format!("{op}.request.json");
            assert!(names.contains(&request), "{request}");
            let responses: Vec<&String> = names
                .iter()
                .filter(|n| n.starts_with(&format!("{op}.response.")))
                .collect();
            assert_eq!(responses.len(), 1, "{op}: {responses:?}");
            ((*op).to_owned(), load(&request), load(responses[0]))
        })
        .collect()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[tokio::test]
async fn documented_examples_get_the_documented_answers() {
    let h = start().await;
    for (op, request, response) in examples() {
        let auth = request["headers"]["Authorization"]
            .as_str()
            .unwrap()
            .replace("${API_TOKEN}", &h.token());
        let raw = h
            .raw(
                request["method"].as_str().unwrap(),
                &format!("/coincover{}", request["path"].as_str().unwrap()),
                Some(&auth),
                &request["body"].to_string(),
            )
            .await;
        assert_eq!(
            u64::from(raw.status),
            response["status"].as_u64().unwrap(),
            "{op}: {}",
            raw.body
        );
        let documented = &response["body"];
        if documented.is_null() {
            assert_eq!(raw.body, "", "{op}");
            continue;
        }
        assert_eq!(
            raw.content_type.as_deref(),
            Some("application/json"),
            "{op}"
        );
        let got = raw.json();
        assert_eq!(keys(&got), keys(documented), "{op}: {got}");
        assert_eq!(got["status"], documented["status"], "{op}");
        assert_eq!(got["message"], documented["message"], "{op}");
        let check: TransactionCheck = serde_json::from_value(got).unwrap();
        assert!(check.is_green());
        assert_eq!(check.transaction_uuid.len(), 36);
    }
}

#[tokio::test]
async fn documented_examples_through_the_client() {
    let h = start().await;
    let body = |op: &str| load(&format!("{op}.request.json"))["body"].clone();

    let user: CreateUser = serde_json::from_value(body("create-user")).unwrap();
    h.client.create_user(&user).await.unwrap();

    let mut update: UpdateUser = serde_json::from_value(body("update-user")).unwrap();
    update.user_id = "jb001".into();
    h.client.update_user(&update).await.unwrap();

    let mut plan: CreatePlan = serde_json::from_value(body("create-plan")).unwrap();
    plan.user_id = "jb001".into();
    h.client.create_plan(&plan).await.unwrap();

    let mut plan: UpdatePlan = serde_json::from_value(body("update-plan")).unwrap();
    plan.user_id = "jb001".into();
    h.client.update_plan(&plan).await.unwrap();

    let check: CheckTransaction = serde_json::from_value(body("check-transaction")).unwrap();
    let verdict = h.client.check_transaction(&check).await.unwrap();
    assert!(verdict.is_green(), "{verdict:?}");
    assert_eq!(
        verdict.message.as_deref(),
        Some("Transaction is protected by CoinCover.")
    );
    assert!(verdict.reason.is_none());
    assert!(verdict.extra.is_empty(), "{:?}", verdict.extra);

    let paths: Vec<String> = h
        .running
        .sandbox()
        .requests()
        .iter()
        .map(|r| format!("{} {} {}", r.method, r.path, r.status))
        .collect();
    assert_eq!(
        paths,
        [
            "POST /coincover/user 201",
            "PATCH /coincover/user/jb001 204",
            "POST /coincover/user/jb001/plan 201",
            "PATCH /coincover/user/jb001/plan 201",
            "POST /coincover/transaction 200",
        ]
    );
}

/// The sandbox's own threat table (it shares nothing with the client's) has CoinCover's
/// documented codes and categories, in the documented order. Here, not in the crate's unit
/// tests: it reads the repository's fixtures, which the published package does not ship.
#[test]
fn the_threat_table_matches_the_documented_codes_and_categories() {
    use payments_sandbox::coincover::THREATS;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coincover/docs/threat-codes.json"
    );
    let documented: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ours: Vec<(u64, &str)> = THREATS
        .iter()
        .map(|t| (u64::from(t.code), t.category))
        .collect();
    let theirs: Vec<(u64, &str)> = documented
        .iter()
        .map(|d| (d["code"].as_u64().unwrap(), d["category"].as_str().unwrap()))
        .collect();
    assert_eq!(ours, theirs);
    assert!(THREATS.iter().all(|t| !t.description.is_empty()));
}
