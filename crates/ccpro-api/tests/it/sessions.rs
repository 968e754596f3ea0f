//! Sessions: logins, the refresh before expiry (one login for many concurrent calls), the
//! one re-login and resend after a 401, saving and restoring, and the token kept out of
//! Debug, errors and traces. Platform JWTs: verified with the public key, fresh per call.

use std::sync::Arc;
use std::time::Duration;

use ccpro_api::{CcproReason, Credentials, Error, SavedSession, Subject, UserSession, ccpro_error};
use payments_core::test_util::FixedClock;
use payments_test_support::server::Reply;
use payments_test_support::{Capturing, MemoryTransport, error_renderings};

use crate::support::{self, NOW, PLATFORM, USER};

const TOKEN_A: &str = "AAAAxY3pS5xCliGvqnkHgPm4lq2aZEZmoSDXiLwG7NLwPfJUf18pEEBp6ZIpQmzPZ";
const TOKEN_B: &str = "BBBBxY3pS5xCliGvqnkHgPm4lq2aZEZmoSDXiLwG7NLwPfJUf18pEEBp6ZIpQmzPZ";

fn login(token: &str, ttl: u64) -> Reply {
    Reply::json(
        200,
        &format!(
            r#"{{"data":{{"id":"{token}","ttl":{ttl},"created":"2019-05-23T11:46:45.576Z","userId":"{USER}"}}}}"#
        ),
    )
}

fn logged_out() -> Reply {
    Reply::json(200, r#"{"data":{"logout":true}}"#)
}

fn unauthenticated() -> Reply {
    Reply::json(401, r#"{"error":"Unauthenticated."}"#)
}

#[tokio::test]
async fn platform_login_sends_a_fresh_rs512_jwt_and_no_body() {
    let mem = MemoryTransport::new([login(TOKEN_A, 1_209_600)]);
    let clock = Arc::new(FixedClock::at(NOW));
    let client = support::client_at(&mem, clock.clone());
    let user = client
        .login_as(Subject::Id("platform-user-7".into()))
        .await
        .unwrap();
    assert_eq!(user.user_id(), USER);
    clock.advance(Duration::from_secs(10));
    client
        .login_as(Subject::Email("ada@example.com".into()))
        .await
        .unwrap();
    let sent = mem.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].path, format!("/api/v1/authenticate-jwt/{PLATFORM}"));
    assert!(sent[0].body.is_empty());
    let first = support::verify_jwt(sent[0].header("token").unwrap());
    assert_eq!(first["id"], "platform-user-7");
    assert_eq!(first["expire"], NOW + 60);
    assert_eq!(first.len(), 2);
    let second = support::verify_jwt(sent[1].header("token").unwrap());
    assert_eq!(second["email"], "ada@example.com");
    assert_eq!(second["expire"], NOW + 70);
    assert!(sent[0].header("authorization").is_none());
}

#[tokio::test]
async fn concurrent_calls_on_an_expiring_session_log_in_once() {
    let mem = MemoryTransport::new([login(TOKEN_A, 1000), login(TOKEN_B, 1000), logged_out()]);
    let clock = Arc::new(FixedClock::at(NOW));
    let client = support::client_at(&mem, clock.clone());
    let user = client
        .login_as(Subject::Email("ada@example.com".into()))
        .await
        .unwrap();
    clock.advance(Duration::from_secs(2000));
    let calls = (0..8).map(|_| {
        let user = user.clone();
        tokio::spawn(async move { user.logout().await })
    });
    for call in calls {
        assert!(call.await.unwrap().unwrap().logout);
    }
    let sent = mem.requests();
    let logins = sent
        .iter()
        .filter(|r| r.path.contains("authenticate-jwt"))
        .count();
    assert_eq!(logins, 2, "the first login and ONE refresh");
    let logouts: Vec<_> = sent
        .iter()
        .filter(|r| r.path == "/api/v1/user/logout")
        .collect();
    assert_eq!(logouts.len(), 8);
    for r in logouts {
        assert_eq!(
            r.header("authorization"),
            Some(format!("Bearer {TOKEN_B}").as_str())
        );
    }
    assert_eq!(user.session().expires_at().await, Some(NOW + 2000 + 1000));
}

#[tokio::test]
async fn a_401_logs_in_again_once_and_resends_even_a_post() {
    let mem = MemoryTransport::new([
        login(TOKEN_A, 1_209_600),
        unauthenticated(),
        login(TOKEN_B, 1_209_600),
        logged_out(),
    ]);
    let client = support::client(&mem);
    let user = client
        .login_as(Subject::Email("ada@example.com".into()))
        .await
        .unwrap();
    assert!(user.logout().await.unwrap().logout);
    let sent = mem.requests();
    let paths: Vec<&str> = sent.iter().map(|r| r.path.as_str()).collect();
    let jwt = format!("/api/v1/authenticate-jwt/{PLATFORM}");
    assert_eq!(
        paths,
        [
            jwt.as_str(),
            "/api/v1/user/logout",
            jwt.as_str(),
            "/api/v1/user/logout"
        ]
    );
    assert_eq!(
        sent[1].header("authorization"),
        Some(format!("Bearer {TOKEN_A}").as_str())
    );
    assert_eq!(
        sent[3].header("authorization"),
        Some(format!("Bearer {TOKEN_B}").as_str())
    );
}

#[tokio::test]
async fn a_second_401_is_returned_not_looped() {
    let mem = MemoryTransport::new([
        login(TOKEN_A, 1_209_600),
        unauthenticated(),
        login(TOKEN_B, 1_209_600),
        unauthenticated(),
    ]);
    let user = support::client(&mem)
        .login_as(Subject::Email("ada@example.com".into()))
        .await
        .unwrap();
    let e = user.logout().await.unwrap_err();
    assert_eq!(
        ccpro_error(&e).unwrap().reason,
        CcproReason::Unauthenticated
    );
    assert_eq!(mem.hits(), 4);
}

#[tokio::test]
async fn a_session_from_a_bare_token_returns_the_401() {
    let mem = MemoryTransport::new([unauthenticated()]);
    let user = support::user(&mem);
    let e = user.logout().await.unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn a_password_session_logs_in_with_its_password_again() {
    let mem = MemoryTransport::new([
        login(TOKEN_A, 1_209_600),
        unauthenticated(),
        login(TOKEN_B, 1_209_600),
        logged_out(),
    ]);
    let user = support::client(&mem)
        .login("ada@example.com", "correct horse")
        .await
        .unwrap();
    user.logout().await.unwrap();
    let sent = mem.requests();
    assert_eq!(sent[0].path, "/api/v1/authenticate");
    assert_eq!(
        sent[0].body,
        br#"{"email":"ada@example.com","password":"correct horse"}"#
    );
    assert!(sent[0].header("authorization").is_none());
    assert_eq!(sent[2].body, sent[0].body);
}

#[tokio::test]
async fn saved_sessions_restore_and_keep_the_token_secret() {
    let mem = MemoryTransport::new([login(TOKEN_A, 1_209_600), logged_out()]);
    let client = support::client(&mem);
    let user = client
        .login_as(Subject::Email("ada@example.com".into()))
        .await
        .unwrap();
    let saved = user.session().save().await;
    assert!(!format!("{saved:?}").contains(TOKEN_A));
    let stored = serde_json::to_string(&saved).unwrap();
    let back: SavedSession = serde_json::from_str(&stored).unwrap();
    assert_eq!(back.expires_at, Some(NOW + 1_209_600));
    let restored = client.user(UserSession::restore(back));
    assert!(restored.session().can_log_in_again());
    restored.logout().await.unwrap();
    assert_eq!(
        mem.requests()[1].header("authorization"),
        Some(format!("Bearer {TOKEN_A}").as_str())
    );
    // Debug through a client on the real transport (the test transport's own Debug lists
    // the requests it recorded).
    let real = ccpro_api::Client::builder(ccpro_api::Environment::Dev)
        .platform(ccpro_api::PlatformKey::from_pem(PLATFORM, &support::private_pem()).unwrap())
        .build()
        .unwrap();
    let shown = real.user(user.session().clone());
    for text in [
        format!("{shown:?}"),
        format!("{:?}", user.session()),
        format!("{:?}", restored.session()),
        format!("{real:?}"),
    ] {
        assert!(!text.contains(TOKEN_A), "{text}");
        assert!(!text.contains("PRIVATE KEY"), "{text}");
    }
    let password = Credentials::Password {
        email: "a@b.c".into(),
        password: "hunter2-hunter2".into(),
    };
    assert!(!format!("{password:?}").contains("hunter2"));
}

#[tokio::test]
async fn an_echoed_token_never_reaches_errors_or_traces() {
    let echo = format!(
        r#"{{"message":"This action is unauthorized.","token":"{}","seen":"Bearer {}"}}"#,
        support::TOKEN,
        support::TOKEN
    );
    let mem = MemoryTransport::new([Reply::json(409, &echo)]);
    let capture = Capturing::start();
    let user = support::user(&mem);
    let e: Error = user.logout().await.unwrap_err();
    let info = ccpro_error(&e).unwrap();
    assert_eq!(info.status, 409);
    assert_eq!(info.reason, CcproReason::NotAllowed);
    assert_ne!(e.api().unwrap().kind, payments_core::ApiErrorKind::Conflict);
    let rendered = error_renderings(&e);
    assert!(!rendered.contains(support::TOKEN), "{rendered}");
    let traces = capture.text();
    assert!(!traces.contains(support::TOKEN), "{traces}");
}

/// A password sent in a body and echoed back in a message or a field error is scrubbed
/// from the error, on every operation that sends one (through the typed requests and the
/// CLI's input documents alike).
#[tokio::test]
async fn an_echoed_password_never_reaches_errors() {
    use ccpro_api::operations;
    const PASSWORD: &str = "Sup3r-Secret-Passw0rd!";
    const OTHER: &str = "An0ther-Secret-Passw0rd";
    let echo = format!(
        r#"{{"message":"Wrong: {PASSWORD} / {OTHER}","errors":{{"password":["{PASSWORD} is not it"],"note":["{OTHER}"]}}}}"#
    );
    let cases = [
        (
            &operations::AUTHENTICATE,
            format!(r#"{{"email":"ada@example.com","password":"{PASSWORD}"}}"#),
        ),
        (
            &operations::ACCOUNT_CLOSE_INITIATE,
            format!(r#"{{"password":"{PASSWORD}"}}"#),
        ),
        (
            &operations::SECURITY_CHANGE_PASSWORD,
            format!(r#"{{"current_password":"{PASSWORD}","new_password":"{OTHER}"}}"#),
        ),
        (
            &operations::USER_RESET_PASSWORD,
            format!(r#"{{"email":"ada@example.com","token":"{OTHER}","password":"{PASSWORD}"}}"#),
        ),
        (
            &operations::USER_CREATE,
            format!(
                r#"{{"email":"ada@example.com","password":"{PASSWORD}","firstName":"Ada","lastName":"L","dateOfBirth":"1990-01-01"}}"#
            ),
        ),
    ];
    for (op, input) in cases {
        let mem = MemoryTransport::new([Reply::json(422, &echo)]);
        let result = match op.auth {
            payments_core::Auth::Session => support::user(&mem).call_json(op, &input, vec![]).await,
            _ => support::client(&mem).call_json(op, &input, vec![]).await,
        };
        let e = result.unwrap_err();
        assert_eq!(mem.hits(), 1, "{}: {e}", op.name);
        assert_eq!(
            e.status().map(|s| s.as_u16()),
            Some(422),
            "{}: {e}",
            op.name
        );
        let rendered = error_renderings(&e);
        assert!(!rendered.contains(PASSWORD), "{}: {rendered}", op.name);
        if input.contains(OTHER) {
            assert!(!rendered.contains(OTHER), "{}: {rendered}", op.name);
        }
        assert!(rendered.contains("Wrong"), "{}: {rendered}", op.name);
    }
}

/// A secret of the wrong type in an input document is refused without being quoted
/// (serde's own message would show the number).
#[tokio::test]
async fn a_password_of_the_wrong_type_is_refused_without_quoting_it() {
    use ccpro_api::operations;
    for (op, input) in [
        (
            &operations::AUTHENTICATE,
            r#"{"email":"a@b.c","password":987654321987}"#,
        ),
        (
            &operations::ACCOUNT_CLOSE_INITIATE,
            r#"{"password":987654321987}"#,
        ),
        (
            &operations::SECURITY_CHANGE_PASSWORD,
            r#"{"current_password":987654321987,"new_password":"x"}"#,
        ),
        (
            &operations::USER_RESET_PASSWORD,
            r#"{"email":"a@b.c","token":"t","password":987654321987}"#,
        ),
        (
            &operations::USER_CREATE,
            r#"{"email":"a@b.c","password":987654321987,"firstName":"A","lastName":"L","dateOfBirth":"1990-01-01"}"#,
        ),
    ] {
        let mem = MemoryTransport::new([Reply::json(200, "{}")]);
        let e = match op.auth {
            payments_core::Auth::Session => support::user(&mem).call_json(op, input, vec![]).await,
            _ => support::client(&mem).call_json(op, input, vec![]).await,
        }
        .unwrap_err();
        assert_eq!(mem.hits(), 0, "{}", op.name);
        let rendered = error_renderings(&e);
        assert!(rendered.contains("password"), "{}: {rendered}", op.name);
        assert!(rendered.contains("a number"), "{}: {rendered}", op.name);
        assert!(
            !rendered.contains("987654321987"),
            "{}: {rendered}",
            op.name
        );
    }
    // A string still reads, and null leaves an optional password out.
    let mem = MemoryTransport::new([Reply::json(201, "{}")]);
    let _ = support::client(&mem)
        .call_json(
            &operations::USER_CREATE,
            r#"{"email":"a@b.c","password":null,"firstName":"A","lastName":"L","dateOfBirth":"1990-01-01","platform":{"id":"p"}}"#,
            vec![],
        )
        .await;
    assert_eq!(mem.hits(), 1);
    assert!(
        !String::from_utf8(mem.single().body)
            .unwrap()
            .contains("password")
    );
}
