//! /_sandbox routes, the request log, tracing and shutdown.

use std::io::Write;
use std::sync::{Arc, Mutex};

use payments_sandbox::{Credentials, Provider, RecordedRequest, Sandbox, SandboxConfig};

use crate::support::start;

const USER: &str =
    r#"{"userId":"jb001","firstName":"Joe","lastName":"Blogs","residenceCountry":"US"}"#;

#[tokio::test]
async fn the_request_log_redacts_the_token() {
    let h = start().await;
    let token = h.token();
    h.coincover("POST", "/user?trace=1", USER).await;
    h.raw("POST", "/coincover/user", Some("Bearer wrong-token"), USER)
        .await;
    h.raw("GET", "/nope", None, "").await;
    // Control routes are not logged.
    h.raw("GET", "/_sandbox/requests", None, "").await;

    let raw = h.raw("GET", "/_sandbox/requests", None, "").await;
    assert_eq!(raw.status, 200);
    assert_eq!(raw.content_type.as_deref(), Some("application/json"));
    assert!(!raw.body.contains(&token), "{}", raw.body);
    assert!(!raw.body.contains("wrong-token"), "{}", raw.body);
    let log = raw.json();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["path"], "/coincover/user");
    assert_eq!(log[0]["query"], "trace=1");
    assert_eq!(log[0]["status"], 201);
    assert_eq!(log[0]["body"], USER);
    let headers: Vec<(String, String)> = serde_json::from_value(log[0]["headers"].clone()).unwrap();
    assert!(
        headers.contains(&("authorization".into(), "[REDACTED]".into())),
        "{headers:?}"
    );
    assert!(headers.contains(&("content-type".into(), "application/json".into())));
    assert_eq!(log[1]["status"], 401);
    assert_eq!(log[2]["path"], "/nope");
    assert_eq!(log[2]["status"], 404);
    assert_eq!(log[2]["query"], serde_json::Value::Null);

    let typed: Vec<RecordedRequest> = h.running.sandbox().requests();
    assert_eq!(typed.len(), 3);
    assert_eq!(serde_json::to_value(&typed).unwrap(), raw.json());
}

#[tokio::test]
async fn reset_clears_users_and_the_log() {
    let h = start().await;
    assert_eq!(h.coincover("POST", "/user", USER).await.status, 201);
    assert_eq!(h.coincover("POST", "/user", USER).await.status, 400);
    let raw = h.raw("POST", "/_sandbox/reset", None, "").await;
    assert_eq!(raw.status, 204);
    assert_eq!(raw.body, "");
    assert!(h.running.sandbox().requests().is_empty());
    let raw = h
        .coincover("POST", "/user/jb001/plan", r#"{"levelUsd":1000}"#)
        .await;
    assert_eq!(raw.status, 404);
    assert_eq!(h.coincover("POST", "/user", USER).await.status, 201);
}

#[tokio::test]
async fn custom_credentials_and_urls() {
    let running = Sandbox::start(SandboxConfig::default().with_credentials(Credentials {
        coincover_token: "my-token".into(),
        ..Credentials::default()
    }))
    .await
    .unwrap();
    assert_eq!(running.credentials().coincover_token, "my-token");
    let addr = running.addr();
    assert!(addr.ip().is_loopback());
    assert_eq!(
        running.base_url(),
        format!("http://127.0.0.1:{}", addr.port())
    );
    assert_eq!(
        running.url(Provider::CoinCover),
        format!("http://127.0.0.1:{}/coincover", addr.port())
    );
    assert_eq!(
        Provider::ALL,
        [
            Provider::CoinCover,
            Provider::Covery,
            Provider::CoinsPaid,
            Provider::Coinify,
            Provider::Ccpro
        ]
    );
    assert_eq!(Provider::CoinsPaid.name(), "coinspaid");
    assert_eq!(Provider::CoinsPaid.prefix(), "/coinspaid");
    assert_eq!(
        running.url(Provider::CoinsPaid),
        format!("http://127.0.0.1:{}/coinspaid", addr.port())
    );
    assert_eq!(Provider::Covery.name(), "covery");
    assert_eq!(Provider::Covery.prefix(), "/covery");
    assert_eq!(Provider::Covery.to_string(), "covery");
    assert_eq!(
        running.url(Provider::Covery),
        format!("http://127.0.0.1:{}/covery", addr.port())
    );
    assert_eq!(Provider::CoinCover.name(), "coincover");
    assert_eq!(Provider::CoinCover.prefix(), "/coincover");
    let key = payments_sandbox::coinify::generated_key().unwrap();
    let ccpro_key = payments_sandbox::ccpro::generated_key().unwrap();
    assert_ne!(key, ccpro_key, "each room has its own key pair");
    assert_eq!(
        serde_json::to_value(Credentials::default()).unwrap(),
        serde_json::json!({
            "coincover_token": "sandbox-coincover-token",
            "covery_token": "sandbox-covery-token",
            "covery_secret": "sandbox-covery-secret",
            "covery_event_token": "sandbox-covery-event-token",
            "coinspaid_key": "sandbox-coinspaid-key",
            "coinspaid_secret": "sandbox-coinspaid-secret",
            "coinify_partner_id": "5f0c6a39-2a4c-4d0e-9b8a-0c1f3e5d7a21",
            "coinify_private_key_pem": key.private_key_pem,
            "coinify_public_key_pem": key.public_key_pem,
            "ccpro_platform_id": "8c2a4a76-5c0e-4a8e-9b1f-3d6f2b7e1a90",
            "ccpro_private_key_pem": ccpro_key.private_key_pem,
            "ccpro_public_key_pem": ccpro_key.public_key_pem,
        })
    );
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let status = |token: &'static str| {
        let http = http.clone();
        let url = format!("{}/transaction", running.url(Provider::CoinCover));
        async move {
            http.post(url)
                .bearer_auth(token)
                .body("{}")
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(status("sandbox-coincover-token").await, 401);
    assert_eq!(status("my-token").await, 400);
}

#[tokio::test]
async fn shutdown_stops_the_server() {
    let h = start().await;
    let url = h.running.base_url();
    assert_eq!(h.raw("GET", "/nope", None, "").await.status, 404);
    h.running.shutdown().await;
    let fresh = reqwest::Client::builder().no_proxy().build().unwrap();
    assert!(fresh.get(format!("{url}/nope")).send().await.is_err());

    let running = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let url = running.base_url();
    drop(running);
    tokio::task::yield_now().await;
    assert!(fresh.get(format!("{url}/nope")).send().await.is_err());
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn each_request_is_one_info_event_without_secrets() {
    // tracing's per-thread default is unreliable while other tests run in parallel, so this
    // test installs the global subscriber (no other test does) and picks its own lines out
    // by their unique paths.
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let h = start().await;
    let token = h.token();
    let raw = h
        .coincover("PATCH", "/user/trace-probe-user", r#"{"firstName":"T"}"#)
        .await;
    assert_eq!(raw.status, 404);
    h.raw("GET", "/_sandbox/trace-probe", None, "").await;

    let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("trace-probe")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    for field in [
        " INFO ",
        "payments_sandbox:",
        "method=\"PATCH\"",
        "path=\"/coincover/user/trace-probe-user\"",
        "status=404",
        "latency=",
    ] {
        assert!(lines[0].contains(field), "{field}: {text}");
    }
    // Control routes are traced too, though not logged.
    assert!(
        lines[1].contains("path=\"/_sandbox/trace-probe\""),
        "{text}"
    );
    assert!(lines[1].contains("status=404"), "{text}");
    assert!(!text.contains(&token), "{text}");
}
