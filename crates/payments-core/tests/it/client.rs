//! Core `ApiClient` behaviour: URL building, redirects, body cap, timeouts, decode and API
//! errors, the default error parser, retries and the retry budget.
//!
//! Request shapes, decoding, error parsing and status-driven retries run over the
//! in-memory transport; sockets only where the transport itself is under test (redirects,
//! body caps, timeouts, refused connections, what reaches the wire).

use std::sync::Arc;
use std::time::{Duration, Instant};

use http::{HeaderMap, Method, StatusCode};
use payments_core::auth::BearerToken;
use payments_core::provider::{
    ApiClient, NoAuth, ProviderSpec, SNIPPET_LIMIT, default_error_parser, path_segment,
};
use payments_core::{
    ApiError, ApiErrorKind, BudgetConfig, Error, FieldError, RetryPolicy, RetrySafety, TimeoutKind,
    Timeouts, TransportErrorKind,
};
use payments_test_support::MemoryTransport;
use payments_test_support::server::{Reply, ScriptedServer};

use crate::support::{Call, CountingTransport, MEMORY_BASE, builder, fast_retry, in_memory};

fn no_auth() -> Arc<NoAuth> {
    Arc::new(NoAuth)
}

/// A client over a [`MemoryTransport`] answering `script`, without credentials.
fn memory(script: impl IntoIterator<Item = Reply>) -> (ApiClient, MemoryTransport) {
    let (b, mem) = in_memory(script);
    (b.build(no_auth()).unwrap(), mem)
}

/// A reply that never comes in time: the server sits on the request for a minute.
fn hang() -> Reply {
    Reply::json(200, "{}").delay(Duration::from_secs(60))
}

// ---------------------------------------------------------------------------------------
// URLs

#[tokio::test]
async fn path_segment_and_query_are_sent_encoded() {
    let path = format!("/a/{}", path_segment("jb 001/x"));
    let call = Call::get(path).query("x=1&y=2");

    let (client, mem) = memory([Reply::json(200, "{}")]);
    client.send(&call).await.unwrap();
    let sent = mem.single();
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.path, "/a/jb%20001%2Fx?x=1&y=2");

    // The request line, as it went over the wire: reqwest keeps the encoding.
    let server = ScriptedServer::start([Reply::json(200, "{}")]).await;
    let client = builder(server.base_url()).build(no_auth()).unwrap();
    client.send(&call).await.unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].path, "/a/jb%20001%2Fx?x=1&y=2");
}

/// A parameterless path's URL is built once per client and kept; whatever varies per call
/// (filled parameters, the query, another client's base) is never served from it.
#[tokio::test]
async fn a_kept_url_never_stands_in_for_a_different_one() {
    // One row throughout: its template is `/items`, and the same row is also sent with a
    // query and to other concrete paths.
    let row = Call::get("/items").operation("items");
    let filled = |id: &str| row.to(&format!("/items/{id}"), None);
    let paths = |mem: &MemoryTransport| -> Vec<String> {
        mem.requests().into_iter().map(|r| r.path).collect()
    };

    let (client, mem) = memory([Reply::json(200, "{}")]);
    client.send(&row).await.unwrap();
    client.send(&row).await.unwrap();
    client
        .send(&row.to("/items", Some("page=2")))
        .await
        .unwrap();
    client.send(&filled("1")).await.unwrap();
    client.send(&filled("2")).await.unwrap();
    client.send(&row).await.unwrap();
    assert_eq!(
        paths(&mem),
        [
            "/items",
            "/items",
            "/items?page=2",
            "/items/1",
            "/items/2",
            "/items"
        ]
    );

    // Another client of the same row, under a path prefix, has its own.
    let mem2 = MemoryTransport::new([Reply::json(200, "{}")]);
    let prefixed = builder(format!("{MEMORY_BASE}/v2"))
        .transport(Arc::new(mem2.clone()))
        .build(no_auth())
        .unwrap();
    prefixed.send(&row).await.unwrap();
    assert_eq!(paths(&mem2), ["/v2/items"]);

    // Over a socket, through the built-in transport's direct path.
    let server = ScriptedServer::start([Reply::json(200, "{}")]).await;
    let client = builder(server.base_url()).build(no_auth()).unwrap();
    client.send(&row).await.unwrap();
    client.send(&filled("3")).await.unwrap();
    client.send(&row).await.unwrap();
    let sent: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(sent, ["/items", "/items/3", "/items"]);
}

#[tokio::test]
async fn empty_query_adds_no_question_mark() {
    let (client, mem) = memory([Reply::json(200, "{}")]);
    client.send(&Call::get("/a").query("")).await.unwrap();
    assert_eq!(mem.single().path, "/a");
}

#[tokio::test]
async fn base_url_path_prefix_is_kept() {
    for suffix in ["/prefix", "/prefix/"] {
        for path in ["/a/b", "a/b"] {
            let mem = MemoryTransport::new([Reply::json(200, "{}")]);
            let base = format!("{MEMORY_BASE}{suffix}");
            let client = builder(base.as_str())
                .transport(Arc::new(mem.clone()))
                .build(no_auth())
                .unwrap();
            assert_eq!(client.base_url(), format!("{MEMORY_BASE}/prefix"));
            client.send(&Call::get(path).query("q=1")).await.unwrap();
            assert_eq!(
                mem.single().path,
                "/prefix/a/b?q=1",
                "base {base}, path {path}"
            );
        }
    }
    // Without a prefix, no double slash.
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let client = builder(format!("{MEMORY_BASE}/"))
        .transport(Arc::new(mem.clone()))
        .build(no_auth())
        .unwrap();
    assert_eq!(client.base_url(), MEMORY_BASE);
    client.send(&Call::get("/a")).await.unwrap();
    assert_eq!(mem.single().path, "/a");
}

#[test]
fn invalid_base_urls_are_config_errors() {
    for base in [
        "ftp://x",
        "not a url",
        "",
        "http://user:pw@host",
        "https://:pw@host",
        "http://host/?q=1",
        "http://host/#frag",
        "http://host:99999",
    ] {
        let err = builder(base).build(no_auth()).expect_err(base);
        assert!(matches!(err, Error::Config { .. }), "{base}: {err:?}");
        assert_eq!(err.provider(), "test");
        assert!(!err.may_have_been_received());
        if base.contains("pw") {
            assert!(!err.to_string().contains("pw"), "{err}");
            assert!(!format!("{err:?}").contains("pw"), "{err:?}");
        }
    }
}

#[tokio::test]
async fn a_path_that_is_not_a_valid_uri_is_an_invalid_request() {
    let (client, mem) = memory([Reply::json(200, "{}")]);
    let err = client.send(&Call::get("/a b")).await.unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert!(!err.may_have_been_received());
    assert_eq!(mem.hits(), 0);
}

// ---------------------------------------------------------------------------------------
// Redirects, body cap, timeouts

/// The method and path of each request `server` read, in order.
fn request_lines(server: &ScriptedServer) -> Vec<(String, String)> {
    server
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect()
}

fn get(path: &str) -> (String, String) {
    ("GET".to_owned(), path.to_owned())
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = ScriptedServer::start([]).await;
    let target_url = format!("{}/target", server.base_url());
    server.push(Reply::status(302).header("location", &target_url));
    // What `/target` would answer, were the redirect followed.
    server.push(Reply::status(200).body("{}"));
    let signer = BearerToken::new("tok".into()).unwrap();
    let client = builder(server.base_url()).build(Arc::new(signer)).unwrap();

    let err = client.send(&Call::get("/start")).await.unwrap_err();

    assert_eq!(err.status(), Some(StatusCode::FOUND), "{err:?}");
    assert!(matches!(err, Error::Api(_)));
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Other);
    assert_eq!(
        request_lines(&server),
        [get("/start")],
        "3xx is not retried, and credentials must not follow a redirect"
    );
}

#[tokio::test]
async fn body_cap_with_content_length() {
    let server = ScriptedServer::start([
        Reply::status(200).body(format!("\"{}\"", "x".repeat(998))),
        Reply::status(200).body(format!("\"{}\"", "x".repeat(98))),
    ])
    .await;
    let client = builder(server.base_url())
        .max_response_body(100)
        .build(no_auth())
        .unwrap();

    let err = client.send(&Call::get("/big")).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 100, .. }),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_eq!(request_lines(&server), [get("/big")], "not retried");

    let out = client.send(&Call::get("/exact")).await.unwrap();
    assert_eq!(out.as_str().unwrap().len(), 98);
    assert_eq!(request_lines(&server), [get("/big"), get("/exact")]);
}

#[tokio::test]
async fn body_cap_without_content_length() {
    let big = format!("\"{}\"", "x".repeat(998));
    let exact = format!("\"{}\"", "x".repeat(98));
    let server = ScriptedServer::start([
        Reply::json(200, &big).without_content_length(),
        Reply::json(200, &exact).without_content_length(),
    ])
    .await;
    let client = builder(server.base_url())
        .max_response_body(100)
        .build(no_auth())
        .unwrap();

    let err = client.send(&Call::get("/big")).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 100, .. }),
        "{err:?}"
    );
    let out = client.send(&Call::get("/exact")).await.unwrap();
    assert_eq!(out.as_str().unwrap().len(), 98);
    assert_eq!(server.hits(), 2, "the oversized body was not retried");
    assert!(server.requests()[1].header("transfer-encoding").is_none());
}

fn short_timeouts() -> Timeouts {
    Timeouts::default()
        .with_attempt(Duration::from_millis(300))
        .with_call(Duration::from_millis(500))
}

/// Attempt 1 times out at 300 ms and is retried (GET, well before the deadline);
/// attempt 2 would time out at ~600 ms, but the whole-call timeout fires first at 500 ms.
#[tokio::test]
async fn whole_call_timeout_cuts_the_retries() {
    let server = ScriptedServer::start([hang()]).await;
    let client = builder(server.base_url())
        .timeouts(short_timeouts())
        .build(no_auth())
        .unwrap();

    let started = Instant::now();
    let err = client.send(&Call::get("/slow")).await.unwrap_err();
    let elapsed = started.elapsed();

    match &err {
        Error::Timeout { kind, after, .. } => {
            assert_eq!(*kind, TimeoutKind::Call, "{err}");
            assert_eq!(*after, Duration::from_millis(500));
        }
        other => panic!("expected a call timeout, got {other:?}"),
    }
    assert!(err.is_retryable());
    assert!(err.may_have_been_received());
    assert!(elapsed >= Duration::from_millis(490), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    // The retry was sent (a single attempt would have ended with an attempt timeout at
    // 300 ms); under load the server may not have read it before the deadline.
    let sent = server.hits();
    assert!((1..=2).contains(&sent), "{sent} requests");
    assert_eq!(err.to_string(), "test: call timeout after 500ms");
}

/// Without retries the attempt timeout is the one that fires.
#[tokio::test]
async fn attempt_timeout_without_retries() {
    let server = ScriptedServer::start([Reply::status(200).delay(Duration::from_secs(2))]).await;
    let client = builder(server.base_url())
        .timeouts(short_timeouts())
        .retry(RetryPolicy::none())
        .build(no_auth())
        .unwrap();

    let started = Instant::now();
    let err = client.send(&Call::get("/slow")).await.unwrap_err();
    let elapsed = started.elapsed();

    assert!(
        matches!(
            err,
            Error::Timeout {
                kind: TimeoutKind::Attempt,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(elapsed >= Duration::from_millis(290), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    assert_eq!(server.hits(), 1);
}

// ---------------------------------------------------------------------------------------
// Decode and API errors

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code, reason = "only the shape matters")]
struct Items {
    items: Vec<Item>,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code, reason = "only the shape matters")]
struct Item {
    id: u32,
}

#[tokio::test]
async fn decode_error_names_the_json_path() {
    let body = r#"{"items":[{"id":1},{"id":"x"}]}"#;
    let (client, mem) = memory([Reply::json(200, body)]);
    let call = Call::get("/items")
        .operation("list-items")
        .decoding::<Items>();

    let err = client.send(&call).await.unwrap_err();

    match &err {
        Error::Decode {
            provider,
            operation,
            path,
            snippet,
            ..
        } => {
            assert_eq!(*provider, "test");
            assert_eq!(*operation, "list-items");
            assert_eq!(path, "items[1].id");
            assert_eq!(snippet, body);
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(err.to_string().contains("`items[1].id`"), "{err}");
    assert!(!err.is_retryable());
    assert_eq!(mem.hits(), 1, "decode errors are not retried");
}

#[tokio::test]
async fn non_json_error_body_is_an_api_error_with_a_snippet() {
    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let (b, _mem) = in_memory([Reply::status(502)
        .header("content-type", "text/html")
        .body(html)]);
    let client = b.retry(RetryPolicy::none()).build(no_auth()).unwrap();

    let err = client.send(&Call::get("/x")).await.unwrap_err();

    let api = err.api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.kind, ApiErrorKind::Server);
    assert_eq!(api.status, StatusCode::BAD_GATEWAY);
    assert_eq!(api.message, None);
    assert_eq!(api.body_snippet, html);
    let shown = err.to_string();
    assert!(shown.contains("HTTP 502"), "{shown}");
    assert!(shown.contains("<h1>502 Bad Gateway</h1>"), "{shown}");
    insta::assert_snapshot!("api_error_html_502", shown);
}

#[tokio::test]
async fn long_error_body_is_cut_to_the_snippet_limit() {
    let body = "e".repeat(2048);
    let (b, _mem) = in_memory([Reply::status(500).body(body.as_str())]);
    let client = b.retry(RetryPolicy::none()).build(no_auth()).unwrap();

    let err = client.send(&Call::get("/x")).await.unwrap_err();

    let snippet = &err.api().unwrap().body_snippet;
    assert_eq!(snippet, &format!("{}…", "e".repeat(SNIPPET_LIMIT)));
    let shown = err.to_string();
    assert!(shown.ends_with('…'), "{shown}");
    assert!(shown.len() < SNIPPET_LIMIT + 100, "{}", shown.len());
}

#[test]
fn snippet_does_not_split_a_character() {
    // 'a' then 2-byte characters: the limit falls in the middle of one.
    let body = format!("a{}", "é".repeat(600));
    let s = payments_core::provider::snippet(body.as_bytes(), SNIPPET_LIMIT);
    assert!(!s.contains('\u{FFFD}'), "{s:?}");
    assert!(s.ends_with("é…"), "{s:?}");
    assert!(s.len() - '…'.len_utf8() <= SNIPPET_LIMIT);
    assert_eq!(payments_core::provider::snippet(b"short", 512), "short");
    assert_eq!(payments_core::provider::snippet("éé".as_bytes(), 4), "éé");
    assert_eq!(payments_core::provider::snippet("éé".as_bytes(), 3), "é…");
}

static SPEC_WITH_HEADERS: ProviderSpec = ProviderSpec::new("test")
    .with_request_id_header("x-request-id")
    .with_error_headers(&["x-error-detail"]);

#[tokio::test]
async fn api_error_keeps_request_id_headers_and_field_errors() {
    let mem = MemoryTransport::new([Reply::json(
        422,
        r#"{"errors":{"amount":["too small","not a number"],"currency":"unknown"}}"#,
    )
    .header("x-request-id", "req-42")
    .header("X-Error-Detail", "validation")]);
    let client = ApiClient::builder(&SPEC_WITH_HEADERS, MEMORY_BASE)
        .transport(Arc::new(mem.clone()))
        .build(no_auth())
        .unwrap();

    let err = client
        .send(&Call::post("/orders", b"{}").operation("create-order"))
        .await
        .unwrap_err();

    let api = err.api().unwrap();
    assert_eq!(api.operation, "create-order");
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.request_id.as_deref(), Some("req-42"));
    assert_eq!(api.header("X-ERROR-DETAIL"), Some("validation"));
    assert_eq!(api.fields.len(), 3);
    insta::assert_snapshot!("api_error_422_fields_request_id", err.to_string());
}

fn parsed(status: u16, body: &str) -> ApiError {
    let mut e = ApiError::new("test", "op", StatusCode::from_u16(status).unwrap());
    default_error_parser(&mut e, &HeaderMap::new(), body.as_bytes());
    e
}

fn field(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

#[test]
fn default_error_parser_reads_message() {
    let e = parsed(400, r#"{"message":"Amount is required","code":"E_AMOUNT"}"#);
    assert_eq!(e.message.as_deref(), Some("Amount is required"));
    assert_eq!(e.code.as_deref(), Some("E_AMOUNT"));
    assert!(e.fields.is_empty());
    insta::assert_snapshot!("parser_message", e.to_string());
}

#[test]
fn default_error_parser_reads_error_string() {
    let e = parsed(401, r#"{"error":"x"}"#);
    assert_eq!(e.message.as_deref(), Some("x"));
    assert_eq!(e.code, None);
    insta::assert_snapshot!("parser_error_string", e.to_string());
}

#[test]
fn default_error_parser_reads_error_object() {
    let e = parsed(400, r#"{"error":{"code":"E1","message":"m"}}"#);
    assert_eq!(e.message.as_deref(), Some("m"));
    assert_eq!(e.code.as_deref(), Some("E1"));
    insta::assert_snapshot!("parser_error_object", e.to_string());
}

#[test]
fn default_error_parser_reads_errors_map() {
    let e = parsed(
        422,
        r#"{"errors":{"amount":["too small"],"currency":"unknown"}}"#,
    );
    assert_eq!(e.message, None);
    assert_eq!(
        e.fields,
        [field("amount", "too small"), field("currency", "unknown")]
    );
    insta::assert_snapshot!("parser_errors_map", e.to_string());
}

#[test]
fn default_error_parser_reads_errors_list() {
    let e = parsed(400, r#"{"errors":[{"field":"a","message":"b"}]}"#);
    assert_eq!(e.fields, [field("a", "b")]);
    insta::assert_snapshot!("parser_errors_list", e.to_string());

    // A message without a field becomes the message.
    let e = parsed(
        400,
        r#"{"errors":[{"message":"general"},{"property":"p","message":"q"}]}"#,
    );
    assert_eq!(e.message.as_deref(), Some("general"));
    assert_eq!(e.fields, [field("p", "q")]);
    insta::assert_snapshot!("parser_errors_list_with_message", e.to_string());
}

#[test]
fn default_error_parser_leaves_non_json_alone() {
    for body in ["<html>oops</html>", "", "[1,2]", "\"just a string\"", "{}"] {
        let e = parsed(503, body);
        assert_eq!(e.message, None, "{body}");
        assert_eq!(e.code, None, "{body}");
        assert!(e.fields.is_empty(), "{body}");
    }
}

// ---------------------------------------------------------------------------------------
// Retries

#[tokio::test]
async fn get_is_retried_on_503_until_success() {
    let (client, mem) = memory([
        Reply::status(503),
        Reply::status(503),
        Reply::json(200, r#"{"ok":true}"#),
    ]);
    let out = client.send(&Call::get("/x")).await.unwrap();
    assert_eq!(out["ok"], true);
    assert_eq!(mem.hits(), 3);
}

#[tokio::test]
async fn retries_stop_after_max_attempts() {
    let (client, mem) = memory([
        Reply::status(503),
        Reply::status(503),
        Reply::status(503),
        Reply::json(200, "{}"),
    ]);
    let err = client.send(&Call::get("/x")).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(mem.hits(), 3);
}

#[tokio::test]
async fn not_idempotent_post_is_not_retried_on_503() {
    let (client, mem) = memory([Reply::status(503), Reply::json(200, "{}")]);
    let err = client.send(&Call::post("/pay", b"{}")).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert!(
        err.is_retryable(),
        "retryable in principle, but not for a POST"
    );
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn idempotent_post_is_retried_on_503() {
    let (client, mem) = memory([Reply::status(503), Reply::json(200, "{}")]);
    client
        .send(&Call::post("/lookup", b"{\"q\":1}").safety(RetrySafety::Idempotent))
        .await
        .unwrap();
    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    assert!(reqs.iter().all(|r| r.body == b"{\"q\":1}"), "{reqs:#?}");
}

#[tokio::test]
async fn not_idempotent_post_is_not_retried_after_a_timeout() {
    let server = ScriptedServer::start([hang(), Reply::json(200, "{}")]).await;
    let client = builder(server.base_url())
        .timeouts(Timeouts::default().with_attempt(Duration::from_millis(200)))
        .build(no_auth())
        .unwrap();
    let err = client.send(&Call::post("/pay", b"{}")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                kind: TimeoutKind::Attempt,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.may_have_been_received());
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn post_is_retried_when_the_connection_was_refused() {
    // Bound but not listening: connections are refused, and no other test can take the
    // port meanwhile (as it could after binding a listener and dropping it).
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    let transport = CountingTransport::new();
    let client = builder(format!("http://127.0.0.1:{port}"))
        .transport(transport.clone())
        .build(no_auth())
        .unwrap();

    let err = client.send(&Call::post("/pay", b"{}")).await.unwrap_err();

    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportErrorKind::Connect,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.may_have_been_received());
    assert!(err.is_retryable());
    assert_eq!(
        transport.sends(),
        3,
        "a request that never left may be retried even if not idempotent"
    );
}

#[tokio::test]
async fn get_is_retried_on_408_and_429() {
    for status in [408, 429] {
        let (client, mem) = memory([Reply::status(status), Reply::json(200, "{}")]);
        client
            .send(&Call::get("/x"))
            .await
            .unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_eq!(mem.hits(), 2, "{status}");
    }
}

static SPEC_THROTTLING_REFUSES: ProviderSpec =
    ProviderSpec::new("test").with_throttling_refusing_unprocessed();

fn refusing_client(script: impl IntoIterator<Item = Reply>) -> (ApiClient, MemoryTransport) {
    let mem = MemoryTransport::new(script);
    let client = ApiClient::builder(&SPEC_THROTTLING_REFUSES, MEMORY_BASE)
        .transport(Arc::new(mem.clone()))
        .retry(fast_retry())
        .build(no_auth())
        .unwrap();
    (client, mem)
}

#[tokio::test]
async fn not_idempotent_post_is_retried_after_throttling_only_where_it_is_a_refusal() {
    // Without the declaration, a throttled POST is sent once.
    let (client, mem) = memory([Reply::status(429), Reply::json(200, "{}")]);
    let err = client.send(&Call::post("/pay", b"{}")).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(mem.hits(), 1);

    // With it, the same POST is repeated with the same body until it gets through.
    let (client, mem) = refusing_client([
        Reply::status(429),
        Reply::status(429),
        Reply::json(200, r#"{"ok":true}"#),
    ]);
    let out = client
        .send(&Call::post("/pay", b"{\"n\":1}"))
        .await
        .unwrap();
    assert_eq!(out["ok"], true);
    let reqs = mem.requests();
    assert_eq!(reqs.len(), 3);
    assert!(reqs.iter().all(|r| r.body == b"{\"n\":1}"));
}

#[tokio::test]
async fn the_refusal_declaration_covers_throttling_and_nothing_else() {
    // 503, 408 and a timeout may all have been acted on: still one attempt for a POST.
    for status in [503, 500, 408] {
        let (client, mem) = refusing_client([Reply::status(status), Reply::json(200, "{}")]);
        let err = client.send(&Call::post("/pay", b"{}")).await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(mem.hits(), 1, "{status}");
    }
    let server = ScriptedServer::start([hang(), Reply::json(200, "{}")]).await;
    let client = ApiClient::builder(&SPEC_THROTTLING_REFUSES, server.base_url())
        .retry(fast_retry())
        .timeouts(Timeouts::default().with_attempt(Duration::from_millis(200)))
        .build(no_auth())
        .unwrap();
    let err = client.send(&Call::post("/pay", b"{}")).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn client_errors_are_never_retried() {
    for status in [400, 401, 403, 404, 409, 422] {
        let (client, mem) = memory([
            Reply::json(status, r#"{"message":"no"}"#),
            Reply::json(200, "{}"),
        ]);
        let err = client.send(&Call::get("/x")).await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert!(!err.is_retryable(), "{status}");
        assert_eq!(mem.hits(), 1, "{status}");
    }
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let (client, mem) = memory([
        Reply::status(503).header("retry-after", "1"),
        Reply::json(200, "{}"),
    ]);
    let started = Instant::now();
    client.send(&Call::get("/x")).await.unwrap();
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert_eq!(mem.hits(), 2);
}

#[tokio::test]
async fn too_long_retry_after_ends_the_retries() {
    let (client, mem) = memory([
        Reply::status(429).header("retry-after", "60"),
        Reply::json(200, "{}"),
    ]);
    let started = Instant::now();
    let err = client.send(&Call::get("/x")).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(
        err.api().unwrap().retry_after,
        Some(Duration::from_secs(60))
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(mem.hits(), 1);
}

#[tokio::test]
async fn retry_budget_is_shared_across_clones() {
    let budget = BudgetConfig {
        capacity: 10,
        retry_cost: 5,
        timeout_retry_cost: 10,
        success_refund: 5,
    };
    let s503 = || Reply::status(503);
    let mem = MemoryTransport::new([
        // a: two retries spend all 10 tokens
        s503(),
        s503(),
        s503(),
        // b (a clone): nothing left, no retry
        s503(),
        // b: a success refunds 5 tokens
        Reply::json(200, "{}"),
        // a: one retry (5 tokens), then the budget is empty again
        s503(),
        s503(),
        // c (built separately): its own full budget; the last reply repeats
        s503(),
    ]);
    let with_budget = || {
        builder(MEMORY_BASE)
            .transport(Arc::new(mem.clone()))
            .retry(fast_retry().with_budget(Some(budget)))
            .build(no_auth())
            .unwrap()
    };
    let a = with_budget();
    let b = a.clone();
    let get = Call::get("/x");

    a.send(&get).await.unwrap_err();
    assert_eq!(mem.hits(), 3);
    let err = b.send(&get).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(mem.hits(), 4, "the clone shares the spent budget");
    b.send(&get).await.unwrap();
    assert_eq!(mem.hits(), 5);
    a.send(&get).await.unwrap_err();
    assert_eq!(mem.hits(), 7, "the refund allowed one retry");

    let c = with_budget();
    c.send(&get).await.unwrap_err();
    assert_eq!(
        mem.hits(),
        10,
        "a client built separately has its own budget"
    );
}

// ---------------------------------------------------------------------------------------
// Error helpers

#[test]
fn error_classification() {
    let api = |s: u16| {
        Error::from(ApiError::new(
            "test",
            "op",
            StatusCode::from_u16(s).unwrap(),
        ))
    };
    for s in [408, 429, 500, 502, 503, 504] {
        let e = api(s);
        assert!(e.is_retryable(), "{s}");
        assert_eq!(e.status().map(|s| s.as_u16()), Some(s));
        assert!(e.may_have_been_received());
    }
    for s in [302, 400, 401, 403, 404, 409, 410, 422] {
        let e = api(s);
        assert!(!e.is_retryable(), "{s}");
        assert_eq!(e.status().map(|s| s.as_u16()), Some(s));
    }

    let timeout = Error::Timeout {
        provider: "test",
        kind: TimeoutKind::Attempt,
        after: Duration::from_secs(1),
    };
    assert!(timeout.is_retryable());
    assert_eq!(timeout.status(), None);
    assert!(timeout.api().is_none());

    let transport = |kind| Error::Transport {
        provider: "test",
        kind,
        source: "boom".into(),
    };
    let connect = transport(TransportErrorKind::Connect);
    assert!(connect.is_retryable());
    assert!(!connect.may_have_been_received());
    assert_eq!(connect.status(), None);
    let request = transport(TransportErrorKind::Request);
    assert!(request.is_retryable());
    assert!(request.may_have_been_received());
    assert!(!transport(TransportErrorKind::Other).is_retryable());
    assert!(std::error::Error::source(&connect).is_some());

    for e in [
        Error::config("test", "bad"),
        Error::invalid("test", "amount", "negative"),
        Error::BodyTooLarge {
            provider: "test",
            limit: 1,
        },
        Error::Sign {
            provider: "test",
            message: "no".into(),
        },
    ] {
        assert!(!e.is_retryable(), "{e:?}");
        assert_eq!(e.status(), None, "{e:?}");
        assert_eq!(e.provider(), "test");
    }
    assert!(!Error::config("test", "bad").may_have_been_received());
    assert_eq!(
        Error::invalid("test", "amount", "negative").to_string(),
        "test: invalid request: amount: negative"
    );
}

#[test]
fn request_method_defaults_decide_retry_safety() {
    for (m, s) in [
        (Method::GET, RetrySafety::Idempotent),
        (Method::PUT, RetrySafety::Idempotent),
        (Method::DELETE, RetrySafety::Idempotent),
        (Method::POST, RetrySafety::NotIdempotent),
        (Method::PATCH, RetrySafety::NotIdempotent),
    ] {
        assert_eq!(RetrySafety::from_method(&m), s, "{m}");
    }
}
