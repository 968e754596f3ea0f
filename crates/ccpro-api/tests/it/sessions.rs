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
