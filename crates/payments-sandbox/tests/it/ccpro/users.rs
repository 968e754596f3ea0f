//! CCPro users, account close, securities, the platform and countries: every documented
//! status of these operations reached by its trigger, the docs' request examples answered
//! with the documented status and keys.

use serde_json::{Value, json};

use super::support::*;

/// The docs' request example of `operation`: its `body` (null when none).
fn example(operation: &str) -> Value {
    docs_request(operation)["body"].clone()
}

/// The docs' user-create example, for the sandbox's platform.
fn create_body(c: &Ccpro) -> Value {
    let mut body = example("user-create");
    body["platform"]["id"] = json!(c.platform());
    body
}

/// Registers `body` (user-create, 201), verifies the e-mailed code: the user's id.
async fn register_and_verify(c: &Ccpro, body: &Value) -> String {
    let reply = c
        .call("POST", "/api/v1/user", None, &body.to_string())
        .await;
    reply.expect(201);
    let id = reply.json()["data"]["uuid"].as_str().unwrap().to_owned();
    let code = c.revealed(&id).await["emailCode"].clone();
    c.call(
        "POST",
        "/api/v1/user/verify",
        None,
        &json!({ "id": id, "code": code }).to_string(),
    )
    .await
    .expect(200);
    id
}

/// Logs in through the platform (authenticate-jwt by id): the bearer token.
async fn platform_login(c: &Ccpro, id: &str) -> String {
    let jwt = c.jwt(&json!({ "id": id, "expire": c.now() + 60 }));
    let reply = c
        .send(
            "POST",
            &format!("/api/v1/authenticate-jwt/{}", c.platform()),
            &[("content-type", "application/json"), ("token", &jwt)],
            Vec::new(),
        )
        .await;
    reply.expect(200);
    reply.json()["data"]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn user_create_registers_an_inactive_linked_user_that_the_emailed_code_activates() {
    let c = Ccpro::new();
    let body = create_body(&c);
    let reply = c
        .call("POST", "/api/v1/user", None, &body.to_string())
        .await;
    reply.expect(201);
    let created = reply.json();
    assert_documented_shape("user-create", 201, &created);
    assert_eq!(created["data"]["isActive"], false);
    assert_eq!(created["data"]["email"], "email@gmail.com");
    assert_eq!(created["data"]["meta"]["passwordSet"], true);
    assert_eq!(created["data"]["createdAt"], START);
    assert_eq!(created["meta"]["registerType"], "linked");
    assert_eq!(created["meta"]["redirectTo"], "http://www.google.com");
    let id = created["data"]["uuid"].as_str().unwrap().to_owned();

    // The e-mail is taken now.
    let again = c
        .call("POST", "/api/v1/user", None, &body.to_string())
        .await;
    again.expect(422);
    assert_eq!(again.json(), documented("user-create", 422));

    // Inactive until verified: login works, the account does not.
    let login = c
        .call(
            "POST",
            "/api/v1/authenticate",
            None,
            &json!({"email": "email@gmail.com", "password": "12345678"}).to_string(),
        )
        .await;
    login.expect(200);
    let token = login.json()["data"]["id"].as_str().unwrap().to_owned();
    let profile_path = format!("/api/v1/user/{id}");
    c.call("GET", &profile_path, Some(&token), "")
        .await
        .expect(403);

    // A wrong code, then the docs' example with the live id, e-mail and code.
    let code = c.revealed("email@gmail.com").await["emailCode"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(code.len(), 6);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = c
        .call(
            "POST",
            "/api/v1/user/verify",
            None,
            &json!({"id": id, "code": wrong}).to_string(),
        )
        .await;
    refused.expect(422);
    assert_eq!(refused.json(), documented("user-verify-email", 422));
    assert!(refused.reason().unwrap().contains("emailCode"));
    let mut verify = example("user-verify-email");
    verify["id"] = json!(id);
    verify["email"] = json!("email@gmail.com");
    verify["code"] = json!(code);
    let verified = c
        .call("POST", "/api/v1/user/verify", None, &verify.to_string())
        .await;
    verified.expect(200);
    assert_eq!(verified.json(), documented("user-verify-email", 200));
    let twice = c
        .call("POST", "/api/v1/user/verify", None, &verify.to_string())
        .await;
    twice.expect(423);
    assert_eq!(twice.json(), documented("user-verify-email", 423));

    // Active now; the platform sees its user under its own id, and its IEN was called.
    let profile = c.call("GET", &profile_path, Some(&token), "").await;
    profile.expect(200);
    let profile = profile.json();
    assert_eq!(profile["data"]["isActive"], true);
    assert_eq!(profile["data"]["externalPlatforms"][0]["active"], true);
    // What user-create was given is the KYC's personal data and address.
    let kyc = &profile["data"]["kyc"];
    assert_eq!(kyc["personal"]["firstName"], "Alin");
    assert_eq!(kyc["personal"]["lastName"], "Ionut");
    assert_eq!(kyc["personal"]["dateOfBirth"], -2_177_539_200_i64);
    assert_eq!(kyc["phone"]["number"], "40730000000");
    for (key, given) in [
        ("country", "RO"),
        ("city", "Pitesti"),
        ("zip", "112233"),
        ("street", "Some Street name Nr. 1"),
    ] {
        assert_eq!(kyc["address"][key], given);
    }
    let users = c.platform_call("GET", "/user", "").await;
    users.expect(200);
    assert_documented_shape("platform-users", 200, &users.json());
    assert_eq!(
        users.json()["data"],
        json!([{"id": "123456", "email": "email@gmail.com", "username": "username", "createdAt": START}])
    );
    let calls = c.platform_call("GET", "/call", "").await;
    calls.expect(200);
    assert_documented_shape("platform-calls", 200, &calls.json());
    let logged = calls.json()["data"].as_array().unwrap().clone();
    assert_eq!(logged.len(), 2);
    let first: Value = serde_json::from_str(logged[0]["request"].as_str().unwrap()).unwrap();
    assert_eq!(first["event"], "user.created");
    assert_eq!(first["user"]["id"], id.as_str());
    assert_eq!(logged[0]["status"], "200");
}

#[tokio::test]
async fn user_create_refuses_what_the_docs_rules_refuse() {
    let c = Ccpro::new();
    let check = |body: Value, field: &'static str, text: String| {
        let c = &c;
        async move {
            let reply = c
                .call("POST", "/api/v1/user", None, &body.to_string())
                .await;
            reply.expect(422);
            assert_eq!(
                reply.json()["errors"][field],
                json!([text]),
                "{}",
                reply.body
            );
            assert!(reply.reason().unwrap().contains(field));
        }
    };
    let base = json!({"email": "a@b.test", "password": "12345678", "firstName": "Ana",
        "lastName": "Pop", "dateOfBirth": "1990-01-31"});
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        match key.split_once('.') {
            Some((outer, inner)) => body[outer] = json!({ inner: value }),
            None => body[key] = value,
        }
        body
    };
    let mut no_password = base.clone();
    no_password.as_object_mut().unwrap().remove("password");
    check(
        no_password,
        "password",
        "The password field is required when platform.id is not present.".into(),
    )
    .await;
    check(
        with("password", json!("short")),
        "password",
        "The password must be at least 8 characters.".into(),
    )
    .await;
    check(
        with("email", json!("not-an-email")),
        "email",
        "The email must be a valid email address.".into(),
    )
    .await;
    check(
        with("firstName", json!("Ana3")),
        "firstName",
        "The firstName may only contain letters and spaces.".into(),
    )
    .await;
    // 18 years before the sandbox clock (2023-11-14) is the latest date of birth.
    check(
        with("dateOfBirth", json!("2005-11-15")),
        "dateOfBirth",
        "The dateOfBirth must be a date before or equal to 2005-11-14.".into(),
    )
    .await;
    check(
        with("dateOfBirth", json!("31/01/1990")),
        "dateOfBirth",
        "The dateOfBirth does not match the format Y-m-d.".into(),
    )
    .await;
    check(
        with("phone", json!("12345")),
        "phone",
        "The phone must be between 7 and 15 digits.".into(),
    )
    .await;
    check(
        with("address.country", json!("XX")),
        "address.country",
        "The address.country must be a valid ISO 3166-1 alpha-2 country code.".into(),
    )
    .await;
    check(
        with("address.zip", json!("12")),
        "address.zip",
        "The address.zip must be between 4 and 10 characters.".into(),
    )
    .await;
    check(
        with("platform.id", json!("00000000-0000-4000-8000-000000000000")),
        "platform.id",
        "The selected platform.id is invalid.".into(),
    )
    .await;
    check(
        with("redirectTo", json!("not a url")),
        "redirectTo",
        "The redirectTo format is invalid.".into(),
    )
    .await;
    // Without a platform: a direct registration, no IEN call; 2005-11-14 is old enough.
    let direct = c
        .call(
            "POST",
            "/api/v1/user",
            None,
            &with("dateOfBirth", json!("2005-11-14")).to_string(),
        )
        .await;
    direct.expect(201);
    assert_eq!(direct.json()["meta"]["registerType"], "direct");
    assert_eq!(direct.json()["meta"]["redirectTo"], Value::Null);
    let calls = c.platform_call("GET", "/call", "").await;
    assert_eq!(calls.json()["data"], json!([]));
    let users = c.platform_call("GET", "/user", "").await;
    assert_eq!(users.json()["data"], json!([]));
}

#[tokio::test]
async fn reverify_sends_a_new_code_once_per_day_until_the_account_is_active() {
    let c = Ccpro::new();
    let mut body = create_body(&c);
    body["email"] = json!("email@cryptocoin.pro");
    let reply = c
        .call("POST", "/api/v1/user", None, &body.to_string())
        .await;
    reply.expect(201);
    let id = reply.json()["data"]["uuid"].as_str().unwrap().to_owned();
    let mut reverify = example("user-reverify-email");
    reverify["id"] = json!(id);
    let send = |body: Value| {
        let c = &c;
        async move {
            c.call("POST", "/api/v1/user/reverify", None, &body.to_string())
                .await
        }
    };
    // The code of user-create was sent a moment ago.
    let early = send(reverify.clone()).await;
    early.expect(403);
    assert_eq!(early.json(), documented("user-reverify-email", 403));
    assert!(
        early
            .reason()
            .unwrap()
            .contains(&(START + 86_400).to_string())
    );
    let old = c.revealed(&id).await["emailCode"].clone();
    c.advance(86_400);
    let resent = send(reverify.clone()).await;
    resent.expect(200);
    assert_eq!(resent.json(), documented("user-reverify-email", 200));
    let new = c.revealed(&id).await["emailCode"].clone();
    assert_ne!(old, new);
    // The old code no longer verifies; by e-mail alone with the new one, it does.
    c.call(
        "POST",
        "/api/v1/user/verify",
        None,
        &json!({"email": "email@cryptocoin.pro", "code": old}).to_string(),
    )
    .await
    .expect(422);
    c.call(
        "POST",
        "/api/v1/user/verify",
        None,
        &json!({"email": "email@cryptocoin.pro", "code": new}).to_string(),
    )
    .await
    .expect(200);
    let active = send(reverify).await;
    active.expect(423);
    assert_eq!(active.json(), documented("user-reverify-email", 423));
    // Neither id nor email; an unknown id.
    let none = send(json!({})).await;
    none.expect(422);
    assert_eq!(
        none.json()["errors"]["id"],
        json!(["The id field is required when email is not present."])
    );
    let unknown = send(json!({"id": "00000000-0000-4000-8000-000000000000"})).await;
    unknown.expect(422);
    assert_eq!(
        unknown.json()["errors"]["id"],
        json!(["The selected id is invalid."])
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_with_the_emailed_token_within_an_hour() {
    let c = Ccpro::new();
    let user = c.user().await;
    let forgot = |body: Value| {
        let c = &c;
        async move {
            c.call(
                "POST",
                "/api/v1/user/forgot-password",
                None,
                &body.to_string(),
            )
            .await
        }
    };
    let reset = |body: Value| {
        let c = &c;
        async move {
            c.call(
                "POST",
                "/api/v1/user/reset-password",
                None,
                &body.to_string(),
            )
            .await
        }
    };
    let unknown = forgot(json!({"email": "nobody@sandbox.test"})).await;
    unknown.expect(422);
    assert_eq!(unknown.json(), documented("user-forgot-password", 422));
    // The docs' example carries filler words: the live e-mail; its `type` (a filler word too)
    // only shapes the e-mail, so it passes.
    let mut body = example("user-forgot-password");
    body["email"] = json!(user.email);
    let started = forgot(body).await;
    started.expect(200);
    assert_eq!(started.json(), documented("user-forgot-password", 200));
    let token = c.revealed(&user.id).await["resetToken"]
        .as_str()
        .unwrap()
        .to_owned();

    let mut body = example("user-reset-password");
    body["email"] = json!(user.email);
    body["password"] = json!("a-new-password");
    let wrong = reset(body.clone()).await;
    wrong.expect(422);
    assert_eq!(wrong.json(), documented("user-reset-password", 422));
    assert!(wrong.reason().unwrap().contains("resetToken"));
    body["token"] = json!(token);
    let changed = reset(body.clone()).await;
    changed.expect(200);
    assert_eq!(changed.json(), documented("user-reset-password", 200));
    c.call(
        "POST",
        "/api/v1/authenticate",
        None,
        &json!({"email": user.email, "password": "a-new-password"}).to_string(),
    )
    .await
    .expect(200);
    // Spent.
    reset(body).await.expect(422);
    assert_eq!(c.revealed(&user.id).await["resetToken"], Value::Null);

    // A token lives an hour on the sandbox clock.
    forgot(json!({"email": user.email, "type": "link"}))
        .await
        .expect(200);
    let token = c.revealed(&user.id).await["resetToken"].clone();
    c.advance(3600);
    let late = reset(json!({"email": user.email, "token": token, "password": "another-one"})).await;
    late.expect(422);
    assert_eq!(late.json(), documented("user-reset-password", 422));
    assert!(late.reason().unwrap().contains("expired"));
}

#[tokio::test]
async fn the_profile_embeds_kyc_and_the_platform_and_answers_the_docs_refusals() {
    let c = Ccpro::new();
    let user = c
        .user_with(r#"{"platformUserId": "p-42", "password": "mystrongpass"}"#)
        .await;
    let other = c.user().await;
    let profile = c.user_call(&user, "GET", "", "").await;
    profile.expect(200);
    let got = profile.json();
    assert_documented_shape("user-profile", 200, &got);
    assert_eq!(got["data"]["uuid"], user.id.as_str());
    assert_eq!(got["data"]["kyc"]["required"], "phone");
    assert_eq!(got["data"]["kyc"]["level"], 0);
    assert_eq!(got["data"]["kyc"]["amountsNextLevel"]["buy"], "2500");
    assert_eq!(
        got["data"]["externalPlatforms"][0]["code"],
        c.platform_call("GET", "", "").await.json()["data"]["code"]
    );
    assert_eq!(got["data"]["wallets"], json!([]));
    // The user's wallets and banks, as their areas list them.
    c.user_call(
        &user,
        "POST",
        "/wallet",
        &example("wallet-create").to_string(),
    )
    .await
    .expect(201);
    c.user_call(&user, "POST", "/bank", &example("bank-create").to_string())
        .await
        .expect(201);
    let listed = c.user_call(&user, "GET", "/wallet", "").await.json()["data"].clone();
    let banks = c.user_call(&user, "GET", "/bank", "").await.json()["data"].clone();
    let full = c.user_call(&user, "GET", "", "").await.json();
    assert_documented_shape("user-profile", 200, &full);
    assert_eq!(full["data"]["wallets"], listed);
    assert_eq!(full["data"]["banks"], banks);
    assert_eq!(full["data"]["wallets"][0]["alias"], "Thanos");
    let others = c.user_call(&other, "GET", "", "").await.json();
    assert_eq!(others["data"]["wallets"], json!([]));
    // Without a platform link, no external platform.
    let direct = c.user_call(&other, "GET", "", "").await;
    assert_eq!(direct.json()["data"]["externalPlatforms"], json!([]));

    // The docs' refusals (the pipeline's): no token, another user's profile, no user's id.
    let none = c
        .call("GET", &format!("/api/v1/user/{}", user.id), None, "")
        .await;
    none.expect(401);
    assert_eq!(none.json(), documented("user-profile", 401));
    let theirs = c
        .call(
            "GET",
            &format!("/api/v1/user/{}", other.id),
            Some(&user.token),
            "",
        )
        .await;
    theirs.expect(403);
    assert_eq!(theirs.json(), documented("user-profile", 403));
    let nobody = c
        .call(
            "GET",
            "/api/v1/user/00000000-0000-4000-8000-000000000000",
            Some(&user.token),
            "",
        )
        .await;
    nobody.expect(409);
    assert_eq!(nobody.json(), documented("user-profile", 409));

    // A scheduled self-delete shows, until aborted.
    c.user_call(
        &user,
        "POST",
        "/account/close/initiate",
        r#"{"password":"mystrongpass"}"#,
    )
    .await
    .expect(200);
    let closing = c.user_call(&user, "GET", "", "").await;
    closing.expect(200);
    assert_eq!(closing.json()["data"]["selfDeletedAt"], START);
    c.user_call(&user, "POST", "/account/close/abort", "")
        .await
        .expect(200);
    let back = c.user_call(&user, "GET", "", "").await;
    back.expect(200);
    assert_eq!(back.json()["data"]["selfDeletedAt"], Value::Null);
}

#[tokio::test]
async fn closing_an_account_needs_the_password_no_balance_and_one_request_a_day() {
    let c = Ccpro::new();
    let user = c.user_with(r#"{"password": "mystrongpass"}"#).await;
    let initiate = |body: Value| {
        let c = &c;
        let user = &user;
        async move {
            c.user_call(user, "POST", "/account/close/initiate", &body.to_string())
                .await
        }
    };
    let abort = || {
        let c = &c;
        let user = &user;
        async move { c.user_call(user, "POST", "/account/close/abort", "").await }
    };
    let missing = initiate(json!({})).await;
    missing.expect(422);
    assert_eq!(missing.json(), documented("account-close-initiate", 422));
    let wrong = initiate(json!({"password": "not-the-one"})).await;
    wrong.expect(422);
    assert_eq!(
        wrong.json()["errors"]["password"],
        json!(["The password is incorrect."])
    );
    let nothing = abort().await;
    nothing.expect(410);
    assert_eq!(nothing.json(), documented("account-close-abort", 410));

    c.fund(&user, "ETH", "0.5").await;
    let funded = initiate(example("account-close-initiate")).await;
    funded.expect(412);
    assert_eq!(funded.json(), documented("account-close-initiate", 412));
    assert!(funded.reason().unwrap().contains("ETH"));
    c.fund(&user, "ETH", "0").await;
    let started = initiate(example("account-close-initiate")).await;
    started.expect(200);
    assert_eq!(started.json(), documented("account-close-initiate", 200));
    assert_eq!(c.revealed(&user.id).await["selfDeletedAt"], START);
    let twice = initiate(example("account-close-initiate")).await;
    twice.expect(410);
    assert_eq!(twice.json(), documented("account-close-initiate", 410));

    // A balance credited while scheduled holds the abort until it is zero again.
    c.fund(&user, "BTC", "0.1").await;
    let held = abort().await;
    held.expect(412);
    assert_eq!(held.json(), documented("account-close-abort", 412));
    c.fund(&user, "BTC", "0").await;
    let aborted = abort().await;
    aborted.expect(200);
    assert_eq!(aborted.json(), documented("account-close-abort", 200));
    assert_eq!(c.revealed(&user.id).await["selfDeletedAt"], Value::Null);

    // Once per day.
    c.advance(86_399);
    let soon = initiate(example("account-close-initiate")).await;
    soon.expect(425);
    assert_eq!(soon.json(), documented("account-close-initiate", 425));
    c.advance(1);
    initiate(example("account-close-initiate"))
        .await
        .expect(200);
}

#[tokio::test]
async fn securities_list_events_and_masked_tokens_and_change_the_password() {
    let c = Ccpro::new();
    let user = c.user_with(r#"{"password": "password"}"#).await;
    let login = c
        .call(
            "POST",
            "/api/v1/authenticate",
            None,
            &json!({"email": user.email, "password": "password"}).to_string(),
        )
        .await;
    login.expect(200);
    let second = login.json()["data"]["id"].as_str().unwrap().to_owned();

    let events = c.user_call(&user, "GET", "/securities", "").await;
    events.expect(200);
    assert_documented_shape("security-list", 200, &events.json());
    assert_eq!(events.json()["data"][0]["code"], "login");
    assert_eq!(events.json()["data"][0]["by"], "User");

    let tokens = c.user_call(&user, "GET", "/securities/access", "").await;
    tokens.expect(200);
    assert_documented_shape("security-access-tokens", 200, &tokens.json());
    let listed = tokens.json()["data"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 2);
    let masked = |t: &str| format!("{}{}", &t[..14], "X".repeat(24));
    assert_eq!(listed[0]["token"], masked(&second).as_str());
    assert_eq!(listed[0]["you"], false);
    assert_eq!(listed[1]["token"], masked(&user.token).as_str());
    assert_eq!(listed[1]["you"], true);
    assert!(!tokens.body.contains(&second));

    // The docs' example, as this user's password is "password".
    let change = |body: Value| {
        let c = &c;
        let user = &user;
        async move {
            c.user_call(
                user,
                "POST",
                "/securities/change-password",
                &body.to_string(),
            )
            .await
        }
    };
    let changed = change(example("security-change-password")).await;
    changed.expect(200);
    assert_eq!(changed.json(), documented("security-change-password", 200));
    let incorrect =
        change(json!({"current_password": "not-the-one", "new_password": "password2"})).await;
    incorrect.expect(412);
    assert_eq!(
        incorrect.json(),
        documented("security-change-password", 412)
    );
    let short = change(json!({"current_password": "password", "new_password": "short"})).await;
    short.expect(422);
    assert_eq!(
        short.json()["errors"]["new_password"],
        json!(["The new password must be at least 8 characters."])
    );
    change(json!({"current_password": "password", "new_password": "password2"}))
        .await
        .expect(200);
    let events = c.user_call(&user, "GET", "/securities", "").await;
    assert_eq!(events.json()["data"][0]["code"], "password_changed");
}

#[tokio::test]
async fn a_platform_user_without_a_password_cannot_change_it() {
    let c = Ccpro::new();
    let mut body = create_body(&c);
    body.as_object_mut().unwrap().remove("password");
    let id = register_and_verify(&c, &body).await;
    let token = platform_login(&c, &id).await;
    let profile = c
        .call("GET", &format!("/api/v1/user/{id}"), Some(&token), "")
        .await;
    assert_eq!(profile.json()["data"]["meta"]["passwordSet"], false);
    let refused = c
        .call(
            "POST",
            &format!("/api/v1/user/{id}/securities/change-password"),
            Some(&token),
            &example("security-change-password").to_string(),
        )
        .await;
    refused.expect(409);
    assert_eq!(refused.json(), documented("security-change-password", 409));
    assert!(refused.reason().unwrap().contains("passwordSet"));
}

#[tokio::test]
async fn a_closing_account_is_unable_to_use_its_securities() {
    let c = Ccpro::new();
    let user = c.user_with(r#"{"password": "password"}"#).await;
    c.user_call(
        &user,
        "POST",
        "/account/close/initiate",
        r#"{"password":"password"}"#,
    )
    .await
    .expect(200);
    for (op, method, path) in [
        ("security-list", "GET", "/securities"),
        ("security-access-tokens", "GET", "/securities/access"),
        (
            "security-change-password",
            "POST",
            "/securities/change-password",
        ),
    ] {
        let body = if method == "POST" {
            example(op).to_string()
        } else {
            String::new()
        };
        let reply = c.user_call(&user, method, path, &body).await;
        reply.expect(403);
        assert_eq!(reply.json(), documented_variant(op, "403.2"));
        assert!(reply.reason().unwrap().contains("self-delete"));
    }
}

#[tokio::test]
async fn a_token_is_invalidated_by_its_masked_form_or_in_full() {
    let c = Ccpro::new();
    let user = c.user().await;
    let other = c.user().await;
    let login = c
        .call(
            "POST",
            "/api/v1/authenticate",
            None,
            &json!({"email": user.email, "password": user.password}).to_string(),
        )
        .await;
    let second = login.json()["data"]["id"].as_str().unwrap().to_owned();
    let masked = format!("{}{}", &second[..14], "X".repeat(24));
    let invalidate = |token: String| {
        let c = &c;
        let user = &user;
        async move {
            c.user_call(user, "POST", &format!("/securities/invalidate/{token}"), "")
                .await
        }
    };
    let done = invalidate(masked.clone()).await;
    done.expect(200);
    assert_eq!(done.json(), documented("security-invalidate-token", 200));
    c.call("POST", "/api/v1/user/logout", Some(&second), "")
        .await
        .expect(401);
    let left = c.user_call(&user, "GET", "/securities/access", "").await;
    let left: Vec<Value> = left.json()["data"].as_array().unwrap().clone();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["you"], true);
    // Already revoked, or someone else's: not one of the user's live tokens.
    let gone = invalidate(masked).await;
    gone.expect(409);
    assert_eq!(gone.json(), documented("security-invalidate-token", 409));
    let theirs = invalidate(other.token.clone()).await;
    theirs.expect(409);
    assert!(theirs.reason().unwrap().contains("live tokens"));
    c.call(
        "GET",
        &format!("/api/v1/user/{}/securities", other.id),
        Some(&other.token),
        "",
    )
    .await
    .expect(200);
    // Another user's path: the pipeline's 403.
    let path = format!(
        "/api/v1/user/{}/securities/invalidate/{}",
        other.id, other.token
    );
    let denied = c.call("POST", &path, Some(&user.token), "").await;
    denied.expect(403);
    assert_eq!(denied.json(), documented("security-invalidate-token", 403));
    // The full token of this call works too, and ends it.
    let own = invalidate(user.token.clone()).await;
    own.expect(200);
    c.user_call(&user, "GET", "/securities", "")
        .await
        .expect(401);
}

#[tokio::test]
async fn the_pipeline_refusals_of_the_area_are_the_docs() {
    let c = Ccpro::new();
    let user = c.user().await;
    let other = c.user().await;
    let inactive = c.user_with(r#"{"active": false}"#).await;
    let path = format!("/api/v1/user/{}/securities", user.id);
    let none = c.call("GET", &path, None, "").await;
    none.expect(401);
    assert_eq!(none.json(), documented("security-list", 401));
    let theirs = c.call("GET", &path, Some(&other.token), "").await;
    theirs.expect(409);
    assert_eq!(theirs.json(), documented("security-list", 409));
    let asleep = c
        .user_call(&inactive, "GET", "/securities/access", "")
        .await;
    asleep.expect(403);
    assert_eq!(asleep.json(), documented("security-access-tokens", 403));
    let asleep = c
        .user_call(
            &inactive,
            "POST",
            &format!("/securities/invalidate/{}", inactive.token),
            "",
        )
        .await;
    asleep.expect(403);
    assert_eq!(
        asleep.json(),
        documented_variant("security-invalidate-token", "403.2")
    );
    // Platform operations: no JWT, an expired one, another platform's claim.
    for op in [
        "platform-show",
        "platform-update",
        "platform-staff",
        "platform-users",
        "platform-calls",
    ] {
        let suffix = match op {
            "platform-staff" => "/staff",
            "platform-users" => "/user",
            "platform-calls" => "/call",
            _ => "",
        };
        let method = if op == "platform-update" {
            "POST"
        } else {
            "GET"
        };
        let path = format!("/api/v1/platform/{}{suffix}", c.platform());
        let send = |jwt: Option<String>| {
            let c = &c;
            let path = path.clone();
            async move {
                let mut headers = vec![("content-type", "application/json")];
                let jwt = jwt.unwrap_or_default();
                if !jwt.is_empty() {
                    headers.push(("token", jwt.as_str()));
                }
                c.send(method, &path, &headers, Vec::new()).await
            }
        };
        assert_eq!(send(None).await.json(), documented(op, 401));
        let other = c.jwt(
            &json!({"platform": "00000000-0000-4000-8000-000000000000", "expire": c.now() + 60}),
        );
        assert_eq!(
            send(Some(other)).await.json(),
            documented_variant(op, "401.2")
        );
        let late = c.jwt(&json!({"platform": c.platform(), "expire": c.now() - 1}));
        assert_eq!(
            send(Some(late)).await.json(),
            documented_variant(op, "401.3")
        );
        let unsigned = c.jwt(&json!({"expire": c.now() + 60}));
        assert_eq!(
            send(Some(unsigned)).await.json(),
            documented_variant(op, "401.4")
        );
    }
}

/// The platform answer with `operations.Particular` keyed by EUR alone, as the docs'
/// example is: `Particular` is a map by fiat symbol (data, not keys), and the sandbox's
/// market has four fiats. Asserts first that every fiat's entry has EUR's operations.
fn fiat_keys_as_in_the_docs(platform: &Value) -> Value {
    let mut trimmed = platform.clone();
    let fiats: Vec<Value> = platform["data"]["currencies"]["fiats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["symbol"].clone())
        .collect();
    assert_eq!(fiats, ["EUR", "USD", "RON", "CHF"].map(|s| json!(s)));
    for kind in ["coins", "tokens"] {
        for coin in trimmed["data"]["currencies"][kind].as_array_mut().unwrap() {
            let particular = coin["operations"]["Particular"].as_object_mut().unwrap();
            let names = |ops: &Value| -> Vec<String> {
                ops.as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|o| o.as_object().unwrap().keys().cloned())
                    .collect()
            };
            let eur = names(&particular["EUR"]);
            assert_eq!(particular.len(), fiats.len());
            for fiat in &fiats {
                assert_eq!(names(&particular[fiat.as_str().unwrap()]), eur);
            }
            particular.retain(|k, _| k == "EUR");
        }
    }
    trimmed
}

#[tokio::test]
async fn the_platform_is_shown_updated_and_lists_its_staff() {
    let c = Ccpro::new();
    let shown = c.platform_call("GET", "", "").await;
    shown.expect(200);
    let before = shown.json();
    assert_documented_shape("platform-show", 200, &fiat_keys_as_in_the_docs(&before));
    assert_eq!(before["data"]["id"], c.platform().as_str());
    let coins: Vec<&str> = before["data"]["currencies"]["coins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(coins, ["BTC", "XBT", "ETH", "LTC"]);
    assert_eq!(before["data"]["currencies"]["tokens"][0]["symbol"], "IPSX");
    assert_eq!(
        before["data"]["currencies"]["coins"][2]["rates"]["raw"]["now"],
        "160.16"
    );
    assert_eq!(before["data"]["levels"][1]["max"]["buy"], 20000);
    // A disabled operation shows as such.
    c.control(
        "POST",
        "/market",
        r#"{"asset":"ETH","operation":"withdraw","enabled":false}"#,
    )
    .await
    .expect(200);
    let now = c.platform_call("GET", "", "").await.json();
    assert_eq!(
        now["data"]["currencies"]["coins"][2]["operations"]["General"][0]["withdraw"]["status"],
        false
    );

    // The docs' update example.
    let example = example("platform-update");
    let updated = c.platform_call("POST", "", &example.to_string()).await;
    updated.expect(200);
    let after = updated.json();
    assert_documented_shape("platform-update", 200, &fiat_keys_as_in_the_docs(&after));
    assert_eq!(after["data"]["name"], "Google");
    assert_eq!(after["data"]["baseUrl"], "https://google.com/");
    assert_eq!(
        after["data"]["ien"],
        json!({"url": "https://google.com/", "type": "jwt"})
    );
    assert_eq!(after["data"]["colorCode"], "#ffffff");
    assert_eq!(after["data"]["code"], before["data"]["code"]);
    assert_eq!(
        c.platform_call("GET", "", "").await.json()["data"]["name"],
        "Google"
    );
    let refused = c
        .platform_call(
            "POST",
            "",
            r##"{"name":"","baseUrl":"ftp://x","ienUrl":"https://ok.test","ienType":"rsa","colorCode":"#12345"}"##,
        )
        .await;
    refused.expect(422);
    assert_eq!(
        refused.json()["errors"],
        json!({
            "name": ["The name field is required."],
            "baseUrl": ["The baseUrl format is invalid."],
            "ienType": ["The selected ienType is invalid."],
            "colorCode": ["The colorCode format is invalid."],
        })
    );

    let staff = c.platform_call("GET", "/staff", "").await;
    staff.expect(200);
    assert_documented_shape("platform-staff", 200, &staff.json());
    assert_eq!(
        staff.json()["meta"],
        json!({"total": 1, "current_page": 1, "per_page": 25, "last_page": 1})
    );
    assert_eq!(staff.json()["data"][0]["role"], "superadmin");
}

#[tokio::test]
async fn countries_are_the_docs_list() {
    let c = Ccpro::new();
    let reply = c.call("GET", "/api/v1/countries", None, "").await;
    reply.expect(200);
    assert_eq!(reply.json(), documented("country-list", 200));
    assert_eq!(reply.json()["data"].as_array().unwrap().len(), 227);
}
