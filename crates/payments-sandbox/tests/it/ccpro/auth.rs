//! The room's authentication: platform JWTs and bearer tokens.

use serde_json::json;

use super::support::*;

#[tokio::test]
async fn platform_jwts_are_verified_on_the_sandbox_clock() {
    let c = Ccpro::new();
    let platform = c.platform();
    let path = format!("/api/v1/platform/{platform}/staff");
    let send = |jwt: Option<String>| {
        let path = path.clone();
        let c = &c;
        async move {
            let mut headers = vec![("content-type", "application/json")];
            let jwt = jwt.unwrap_or_default();
            if !jwt.is_empty() {
                headers.push(("token", jwt.as_str()));
            }
            c.send("GET", &path, &headers, Vec::new()).await
        }
    };
    // No token: the docs' 401 Unauthenticated.
    let none = send(None).await;
    none.expect(401);
    assert_eq!(none.json(), json!({"error": "Unauthenticated."}));
    assert!(none.reason().unwrap().contains("token"));
    // Expired on the sandbox clock.
    let expired = c.jwt(&json!({"platform": platform, "expire": c.now() - 1}));
    let answer = send(Some(expired)).await;
    answer.expect(401);
    assert_eq!(answer.json(), json!({"message": "JWT is expired."}));
    assert!(answer.reason().unwrap().contains("1 s past expire"));
    // `expire` equal to now is still valid (after_or_equal:now); the clock moves it out.
    let now = c.jwt(&json!({"platform": platform, "expire": c.now()}));
    assert_ne!(send(Some(now.clone())).await.status, 401);
    c.advance(1);
    assert_eq!(
        send(Some(now)).await.json(),
        json!({"message": "JWT is expired."})
    );
    // Another platform's claim, a missing claim, a string expire, another key, HS512.
    for (claims, why) in [
        (
            json!({"platform": "00000000-0000-4000-8000-000000000000", "expire": c.now() + 60}),
            "platform claim",
        ),
        (json!({"expire": c.now() + 60}), "no platform claim"),
        (
            json!({"platform": platform, "expire": (c.now() + 60).to_string()}),
            "expire claim",
        ),
    ] {
        let answer = send(Some(c.jwt(&claims))).await;
        answer.expect(401);
        assert_eq!(answer.json(), json!({"message": "JWT payload invalid."}));
        assert!(
            answer.reason().unwrap().contains(why),
            "{:?}",
            answer.reason()
        );
    }
    let other = payments_sandbox::coinify::generate_key_pair().unwrap();
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(other.private_key_pem.as_bytes()).unwrap();
    let forged = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS512),
        &json!({"platform": platform, "expire": c.now() + 60}),
        &key,
    )
    .unwrap();
    let answer = send(Some(forged)).await;
    answer.expect(401);
    assert!(answer.reason().unwrap().contains("signature"));
    let hs = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS512),
        &json!({"platform": platform, "expire": c.now() + 60}),
        &jsonwebtoken::EncodingKey::from_secret(b"secret"),
    )
    .unwrap();
    send(Some(hs)).await.expect(401);
    // A path platform other than the sandbox's: 404 before the JWT is looked at.
    let wrong = c
        .send(
            "GET",
            "/api/v1/platform/00000000-0000-4000-8000-000000000000/staff",
            &[("token", &c.platform_jwt())],
            Vec::new(),
        )
        .await;
    wrong.expect(404);
}

#[tokio::test]
async fn authenticate_jwt_logs_a_user_in_by_email_or_id() {
    let c = Ccpro::new();
    let user = c.user_with(r#"{"platformUserId": "p-42"}"#).await;
    let path = format!("/api/v1/authenticate-jwt/{}", c.platform());
    let login = |claims: serde_json::Value| {
        let jwt = c.jwt(&claims);
        let path = path.clone();
        let c = &c;
        async move { c.send("POST", &path, &[("token", &jwt)], Vec::new()).await }
    };
    for claims in [
        json!({"email": user.email, "expire": c.now() + 60}),
        json!({"id": user.id, "expire": c.now() + 60}),
        json!({"id": "p-42", "expire": c.now() + 60}),
    ] {
        let answer = login(claims).await;
        answer.expect(200);
        let body = answer.json();
        assert_documented_shape("authenticate-jwt", 200, &body);
        let token = body["data"]["id"].as_str().unwrap();
        assert_eq!(token.len(), 64);
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(body["data"]["userId"], user.id.as_str());
        assert_eq!(body["data"]["ttl"], 1_209_600);
        c.user_call(&payments_user(&user, token), "GET", "/bank", "")
            .await;
    }
    // The docs' 400 and 403.
    let none = c.send("POST", &path, &[], Vec::new()).await;
    none.expect(400);
    assert_eq!(none.json(), documented("authenticate-jwt", 400));
    let expired = login(json!({"email": user.email, "expire": c.now() - 5})).await;
    expired.expect(403);
    assert_eq!(expired.json(), documented("authenticate-jwt", 403));
    // Unknown user: 404.
    login(json!({"email": "nobody@sandbox.test", "expire": c.now() + 60}))
        .await
        .expect(404);
}

fn payments_user(user: &User, token: &str) -> User {
    User {
        token: token.to_owned(),
        ..user.clone()
    }
}

#[tokio::test]
async fn bearer_tokens_expire_and_are_revoked_by_logout() {
    let c = Ccpro::new();
    let user = c.user().await;
    let other = c.user().await;
    // Unknown and malformed tokens.
    for auth in ["Bearer nope", "Basic abc", ""] {
        let mut headers = vec![];
        if !auth.is_empty() {
            headers.push(("authorization", auth));
        }
        let answer = c
            .send("POST", "/api/v1/user/logout", &headers, Vec::new())
            .await;
        answer.expect(401);
        assert_eq!(answer.json(), documented("logout", 401));
    }
    // Another user's path: 409 on most operations, 403 on the five the docs say.
    let answer = c
        .call(
            "GET",
            &format!("/api/v1/user/{}/bank", other.id),
            Some(&user.token),
            "",
        )
        .await;
    answer.expect(409);
    assert_eq!(
        answer.json(),
        json!({"message": "This action is unauthorized."})
    );
    c.call(
        "GET",
        &format!("/api/v1/user/{}", other.id),
        Some(&user.token),
        "",
    )
    .await
    .expect(403);
    // An id that names no user: 409 there too, as the docs of those five also show.
    let nobody = c
        .call(
            "GET",
            "/api/v1/user/00000000-0000-4000-8000-000000000000/balances",
            Some(&user.token),
            "",
        )
        .await;
    nobody.expect(409);
    assert!(nobody.reason().unwrap().contains("no user's id"));
    // A second login, then logout revokes both tokens.
    let login = c
        .call(
            "POST",
            "/api/v1/authenticate",
            None,
            &json!({"email": user.email, "password": user.password}).to_string(),
        )
        .await;
    login.expect(200);
    assert_documented_shape("authenticate", 200, &login.json());
    let second = login.json()["data"]["id"].as_str().unwrap().to_owned();
    let out = c
        .call("POST", "/api/v1/user/logout", Some(&second), "")
        .await;
    out.expect(200);
    assert_eq!(out.json(), documented("logout", 200));
    let revoked = c
        .call("POST", "/api/v1/user/logout", Some(&user.token), "")
        .await;
    revoked.expect(401);
    assert!(revoked.reason().unwrap().contains("revoked"));
    // Tokens live for their ttl on the sandbox clock.
    let again = c.user().await;
    c.advance(1_209_599);
    c.call("POST", "/api/v1/user/logout", Some(&again.token), "")
        .await
        .expect(200);
    let late = c.user().await;
    c.advance(1_209_600);
    let expired = c
        .call("POST", "/api/v1/user/logout", Some(&late.token), "")
        .await;
    expired.expect(401);
    assert!(expired.reason().unwrap().contains("expired"));
}

#[tokio::test]
async fn authenticate_answers_the_docs_400_and_403() {
    let c = Ccpro::new();
    let user = c.user().await;
    let missing = c
        .call(
            "POST",
            "/api/v1/authenticate",
            None,
            &json!({"email": user.email}).to_string(),
        )
        .await;
    missing.expect(400);
    assert_eq!(missing.json(), documented("authenticate", 400));
    let wrong = c
        .call(
            "POST",
            "/api/v1/authenticate",
            None,
            &json!({"email": user.email, "password": "not-it"}).to_string(),
        )
        .await;
    wrong.expect(403);
    assert_eq!(wrong.json(), documented("authenticate", 403));
}

#[tokio::test]
async fn an_inactive_account_is_refused_on_user_operations() {
    let c = Ccpro::new();
    let user = c.user_with(r#"{"active": false}"#).await;
    let answer = c.user_call(&user, "GET", "/bank", "").await;
    answer.expect(403);
    assert_eq!(
        answer.json(),
        json!({"message": "Your account is inactive."})
    );
    let quote = c.user_call(&user, "POST", "/quote", "{}").await;
    quote.expect(403);
    assert_eq!(quote.json(), json!({"error": "Your account is inactive."}));
}

#[test]
fn the_room_names_and_routes_every_operation_of_the_client_table() {
    use payments_sandbox::Provider;
    let client: Vec<&str> = ccpro_api::OPERATIONS.iter().map(|o| o.name).collect();
    assert_eq!(client.len(), 78);
    assert_eq!(Provider::Ccpro.operation_names(), client);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_before_any_auth() {
    let c = Ccpro::new();
    let none = c.send("GET", "/api/v1/nothing-here", &[], Vec::new()).await;
    none.expect(404);
    assert_eq!(none.json(), json!({"message": "Not Found"}));
    let method = c
        .send("DELETE", "/api/v1/authenticate", &[], Vec::new())
        .await;
    method.expect(405);
    assert_eq!(method.json(), json!({"message": "Method Not Allowed"}));
    // A documented path with another method: 405, not the operation's auth refusal.
    let platform = format!("/api/v1/platform/{}/staff", c.platform());
    c.send("DELETE", &platform, &[], Vec::new())
        .await
        .expect(405);
}
