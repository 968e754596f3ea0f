//! 401, 400, 404 and 405: statuses, bodies, and what the client makes of them.

use coincover_api::{
    ApiErrorKind, Client, CountryCode, CreatePlan, CreateUser, Environment, Error, UpdatePlan,
    UpdateUser,
};
use payments_sandbox::Provider;

use crate::support::{start, tx};

const GOOD_CHECK: &str = r#"{"transactionCustomerId":"t1","coin":"bitcoin","walletId":"w1","outputs":[{"destination":"d1","amount":"0.1","userId":"u1"}]}"#;

fn api_error(e: Error) -> Box<coincover_api::ApiError> {
    match e {
        Error::Api(api) => api,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn missing_or_wrong_token_is_401_before_validation() {
    let h = start().await;
    let token = h.token();
    let wrong = format!("Bearer {token}x");
    let lower = format!("bearer {token}");
    let basic = format!("Basic {token}");
    let routes = [
        ("POST", "/coincover/transaction"),
        ("POST", "/coincover/user"),
        ("PATCH", "/coincover/user/jb001"),
        ("POST", "/coincover/user/jb001/plan"),
        ("PATCH", "/coincover/user/jb001/plan"),
    ];
    for (method, path) in routes {
        for auth in [
            None,
            Some(wrong.as_str()),
            Some(basic.as_str()),
            Some("Bearer "),
        ] {
            // An invalid body too: authentication comes first.
            let raw = h.raw(method, path, auth, "not json").await;
            assert_eq!(raw.status, 401, "{method} {path} {auth:?}");
            assert_eq!(raw.content_type.as_deref(), Some("application/json"));
            assert_eq!(raw.json(), serde_json::json!({"message": "Unauthorized"}));
        }
        // The scheme is case-insensitive, as in HTTP.
        let raw = h.raw(method, path, Some(&lower), "not json").await;
        assert_eq!(raw.status, 400, "{method} {path}");
    }
}

#[tokio::test]
async fn the_client_reads_401_as_unauthorized() {
    let h = start().await;
    let client = Client::new(
        Environment::Custom(h.running.url(Provider::CoinCover)),
        "not-the-sandbox-token",
    )
    .unwrap();
    let e = client
        .check_transaction(&tx("t1", "bitcoin", "w1", &[("d1", "0.1", "u1")]))
        .await
        .unwrap_err();
    let api = api_error(e);
    assert_eq!(api.kind, ApiErrorKind::Unauthorized);
    assert_eq!(api.status.as_u16(), 401);
    assert_eq!(api.message.as_deref(), Some("Unauthorized"));
}

#[tokio::test]
async fn invalid_input_is_400_naming_the_field() {
    let h = start().await;
    assert_eq!(
        h.coincover("POST", "/transaction", GOOD_CHECK).await.status,
        200
    );
    let user = r#"{"userId":"jb001","firstName":"Joe","lastName":"Blogs","residenceCountry":"US"}"#;
    assert_eq!(h.coincover("POST", "/user", user).await.status, 201);

    let check = |patch: &str| -> String {
        let mut v: serde_json::Value = serde_json::from_str(GOOD_CHECK).unwrap();
        let patch: serde_json::Value = serde_json::from_str(patch).unwrap();
        for (k, val) in patch.as_object().unwrap() {
            if val.is_null() {
                v.as_object_mut().unwrap().remove(k);
            } else {
                v[k] = val.clone();
            }
        }
        v.to_string()
    };
    let output = |o: &str| check(&format!(r#"{{"outputs":[{o}]}}"#));

    let cases: Vec<(&str, &str, String, &str)> = vec![
        ("POST", "/transaction", "{".into(), "body: malformed JSON"),
        ("POST", "/transaction", "".into(), "body: malformed JSON"),
        ("POST", "/transaction", "[1]".into(), "body: must be a JSON object"),
        ("POST", "/transaction", check(r#"{"transactionCustomerId":null}"#), "transactionCustomerId: is required"),
        ("POST", "/transaction", check(r#"{"transactionCustomerId":"  "}"#), "transactionCustomerId: must not be blank"),
        ("POST", "/transaction", check(r#"{"transactionCustomerId":7}"#), "transactionCustomerId: must be a string"),
        ("POST", "/transaction", check(r#"{"transactionHash":false}"#), "transactionHash: must be a string"),
        ("POST", "/transaction", check(r#"{"coin":null}"#), "coin: is required"),
        ("POST", "/transaction", check(r#"{"coin":"BTC"}"#), "coin: must be a CoinGecko coin id"),
        ("POST", "/transaction", check(r#"{"walletId":null}"#), "walletId: is required"),
        ("POST", "/transaction", check(r#"{"outputs":null}"#), "outputs: is required"),
        ("POST", "/transaction", check(r#"{"outputs":{}}"#), "outputs: must be an array"),
        ("POST", "/transaction", check(r#"{"outputs":[]}"#), "outputs: must have at least one output"),
        ("POST", "/transaction", output("3"), "outputs[0]: must be a JSON object"),
        ("POST", "/transaction", output(r#"{"amount":"1","userId":"u"}"#), "outputs[0].destination: is required"),
        ("POST", "/transaction", output(r#"{"destination":"d","userId":"u"}"#), "outputs[0].amount: is required"),
        ("POST", "/transaction", output(r#"{"destination":"d","amount":"abc","userId":"u"}"#), "outputs[0].amount: must be a decimal amount"),
        ("POST", "/transaction", output(r#"{"destination":"d","amount":true,"userId":"u"}"#), "outputs[0].amount: must be a decimal amount"),
        ("POST", "/transaction", output(r#"{"destination":"d","amount":"0","userId":"u"}"#), "outputs[0].amount: must be greater than zero"),
        ("POST", "/transaction", output(r#"{"destination":"d","amount":-1,"userId":"u"}"#), "outputs[0].amount: must be greater than zero"),
        ("POST", "/transaction", output(r#"{"destination":"d","amount":1}"#), "outputs[0].userId: is required"),
        (
            "POST",
            "/transaction",
            check(r#"{"outputs":[{"destination":"d","amount":1,"userId":"u"},{"destination":"SANDBOX-THREAT-50309","amount":1,"userId":"u"}]}"#),
            "outputs[1].destination: SANDBOX-THREAT- addresses must name a documented threat code",
        ),
        ("POST", "/user", "{}".into(), "userId: is required"),
        ("POST", "/user", r#"{"userId":"x","lastName":"B","residenceCountry":"US"}"#.into(), "firstName: is required"),
        ("POST", "/user", r#"{"userId":"x","firstName":"J","residenceCountry":"US"}"#.into(), "lastName: is required"),
        ("POST", "/user", r#"{"userId":"x","firstName":"J","lastName":"B"}"#.into(), "residenceCountry: is required"),
        ("POST", "/user", r#"{"userId":"x","firstName":"J","lastName":"B","residenceCountry":"USA"}"#.into(), "residenceCountry: must be an ISO 3166-1 alpha-2 code"),
        ("POST", "/user", r#"{"userId":"x","firstName":"J","lastName":"B","residenceCountry":"us"}"#.into(), "residenceCountry: must be an ISO 3166-1 alpha-2 code"),
        ("POST", "/user", r#"{"userId":"x","firstName":"J","lastName":"B","residenceCountry":"US","nationality":"XX"}"#.into(), "nationality: must be an ISO 3166-1 alpha-2 code"),
        ("POST", "/user", r#"{"userId":"x","firstName":"J","lastName":"B","residenceCountry":"US","dob":"1975-02-30"}"#.into(), "dob: must be a date written YYYY-MM-DD"),
        ("POST", "/user", user.into(), "userId: a user with this id already exists"),
        ("PATCH", "/user/jb001", "[]".into(), "body: must be a JSON object"),
        ("PATCH", "/user/jb001", r#"{"residenceCountry":"ZZ"}"#.into(), "residenceCountry: must be an ISO 3166-1 alpha-2 code"),
        ("PATCH", "/user/jb001", r#"{"firstName":""}"#.into(), "firstName: must not be blank"),
        ("POST", "/user/jb001/plan", "{}".into(), "levelUsd: is required"),
        ("POST", "/user/jb001/plan", r#"{"levelUsd":"1000"}"#.into(), "levelUsd: must be a number"),
        ("POST", "/user/jb001/plan", r#"{"levelUsd":0}"#.into(), "levelUsd: must be greater than zero"),
        ("PATCH", "/user/jb001/plan", r#"{"levelUsd":-5}"#.into(), "levelUsd: must be greater than zero"),
        ("PATCH", "/user/jb001/plan", "nope".into(), "body: malformed JSON"),
    ];
    for (method, path, body, expected) in cases {
        let raw = h.coincover(method, path, &body).await;
        assert_eq!(raw.status, 400, "{method} {path} {body}: {}", raw.body);
        assert_eq!(raw.content_type.as_deref(), Some("application/json"));
        let msg = raw.message();
        assert!(msg.starts_with(expected), "{method} {path} {body}: {msg:?}");
        assert_eq!(raw.json().as_object().unwrap().len(), 1, "{}", raw.body);
    }
}

#[tokio::test]
async fn the_client_reads_400_with_the_message() {
    let h = start().await;
    let user = CreateUser::new(
        "jb001",
        "Joe",
        "Blogs",
        CountryCode::from_alpha2("US").unwrap(),
    );
    h.client.create_user(&user).await.unwrap();
    let api = api_error(h.client.create_user(&user).await.unwrap_err());
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(
        api.message.as_deref(),
        Some("userId: a user with this id already exists")
    );
    // Sent once: a 400 is not retried.
    assert_eq!(h.running.sandbox().requests().len(), 2);
}

#[tokio::test]
async fn unknown_users_and_plans_are_404() {
    let h = start().await;
    let level = "1000".parse().unwrap();
    for e in [
        h.client
            .update_user(&UpdateUser::new("ghost").first_name("Casper"))
            .await
            .unwrap_err(),
        h.client
            .create_plan(&CreatePlan::new("ghost", level))
            .await
            .unwrap_err(),
        h.client
            .update_plan(&UpdatePlan::new("ghost", level))
            .await
            .unwrap_err(),
    ] {
        let api = api_error(e);
        assert_eq!(api.kind, ApiErrorKind::NotFound);
        assert_eq!(api.message.as_deref(), Some("User not found"));
    }

    // A known user without a plan: updating the plan is 404 "Plan not found".
    let user = CreateUser::new(
        "jb001",
        "Joe",
        "Blogs",
        CountryCode::from_alpha2("US").unwrap(),
    );
    h.client.create_user(&user).await.unwrap();
    let api = api_error(
        h.client
            .update_plan(&UpdatePlan::new("jb001", level))
            .await
            .unwrap_err(),
    );
    assert_eq!(api.kind, ApiErrorKind::NotFound);
    assert_eq!(api.message.as_deref(), Some("Plan not found"));
    h.client
        .create_plan(&CreatePlan::new("jb001", level))
        .await
        .unwrap();
    h.client
        .update_plan(&UpdatePlan::new("jb001", "500".parse().unwrap()))
        .await
        .unwrap();
    // User ids travel percent-encoded and are decoded.
    let user = CreateUser::new("a b/c", "A", "B", CountryCode::from_alpha2("GB").unwrap());
    h.client.create_user(&user).await.unwrap();
    h.client
        .create_plan(&CreatePlan::new("a b/c", level))
        .await
        .unwrap();
}

#[tokio::test]
async fn unknown_routes_are_json_404_and_wrong_methods_405() {
    let h = start().await;
    let auth = format!("Bearer {}", h.token());
    for path in [
        "/",
        "/nope",
        "/coincover",
        "/coincover/nope",
        "/coincover/user/a/b/c",
        "/_sandbox/nope",
        "/ccpro/whatever",
    ] {
        for auth in [None, Some(auth.as_str())] {
            let raw = h.raw("POST", path, auth, "{}").await;
            assert_eq!(raw.status, 404, "{path}");
            assert_eq!(raw.content_type.as_deref(), Some("application/json"));
            assert_eq!(
                raw.json(),
                serde_json::json!({"message": "Not Found"}),
                "{path}"
            );
        }
    }
    let raw = h.coincover("GET", "/transaction", "").await;
    assert_eq!(raw.status, 405);
    assert_eq!(raw.message(), "Method Not Allowed");
    // Authentication still comes first on a known path.
    let raw = h.raw("GET", "/coincover/transaction", None, "").await;
    assert_eq!(raw.status, 401);
    let raw = h.raw("DELETE", "/_sandbox/reset", None, "").await;
    assert_eq!(raw.status, 405);
    assert_eq!(raw.message(), "Method Not Allowed");
}
