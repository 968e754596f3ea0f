//! A CCPro harness: a sandbox with a fixed clock, called in-process; platform JWTs signed
//! here; users seeded through the control route; answers compared with the docs' examples.
// Each area's tests use a part of the harness.
#![allow(dead_code)]

use std::path::PathBuf;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use payments_sandbox::{Sandbox, SandboxClock, SandboxConfig};
use serde_json::{Value, json};

use crate::support::oneshot;

/// 2023-11-14T22:13:20Z.
pub const START: u64 = 1_700_000_000;

/// A sandbox for CCPro tests.
pub struct Ccpro {
    pub sandbox: Sandbox,
    pub clock: SandboxClock,
}

/// A user seeded by `POST /_sandbox/ccpro/users`, logged in.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub email: String,
    pub password: String,
    pub token: String,
}

/// An answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {} {}", self.status, self.body))
    }

    /// The `X-Sandbox-Reason`, if any.
    pub fn reason(&self) -> Option<String> {
        self.headers
            .get("x-sandbox-reason")
            .map(|v| v.to_str().unwrap().to_owned())
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(&self, status: u16) -> &Self {
        assert_eq!(
            self.status,
            status,
            "body: {} reason: {:?}",
            self.body,
            self.reason()
        );
        self
    }
}

/// One multipart part: a text field or a file.
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a str, &'a [u8]),
}

/// A PNG's first bytes (enough for the sandbox's type check).
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
/// A JPEG's first bytes.
pub const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0";
/// A PDF's first bytes.
pub const PDF: &[u8] = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";

impl Ccpro {
    /// A sandbox at [`START`] with seed 7.
    pub fn new() -> Ccpro {
        let clock = SandboxClock::fixed(START);
        let sandbox = Sandbox::new(
            SandboxConfig::default()
                .with_seed(7)
                .with_clock(clock.clone()),
        );
        Ccpro { sandbox, clock }
    }

    /// The platform id.
    pub fn platform(&self) -> String {
        self.sandbox.credentials().ccpro_platform_id.clone()
    }

    /// Moves the clock on.
    pub fn advance(&self, seconds: u64) {
        self.clock.advance(std::time::Duration::from_secs(seconds));
    }

    /// The clock, in Unix seconds.
    pub fn now(&self) -> u64 {
        self.clock.unix_seconds()
    }

    /// A JWT with `claims`, signed RS512 with the sandbox's platform key.
    pub fn jwt(&self, claims: &Value) -> String {
        let pem = &self.sandbox.credentials().ccpro_private_key_pem;
        let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
        let key = EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap();
        jsonwebtoken::encode(&Header::new(Algorithm::RS512), claims, &key).unwrap()
    }

    /// A platform JWT for the platform operations, valid for a minute.
    pub fn platform_jwt(&self) -> String {
        self.jwt(&json!({ "platform": self.platform(), "expire": self.now() + 60 }))
    }

    /// Any request under `/ccpro` (`path` starts with `/api/v1/`), with the docs' headers,
    /// `headers` added.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Reply {
        let mut all = vec![("accept", "application/json")];
        all.extend_from_slice(headers);
        let answer = oneshot(&self.sandbox, method, &format!("/ccpro{path}"), &all, body).await;
        Reply {
            status: answer.status,
            body: answer.text(),
            headers: answer.headers,
        }
    }

    /// A JSON request, with a bearer token when given (`body` "" for none).
    pub async fn call(&self, method: &str, path: &str, token: Option<&str>, body: &str) -> Reply {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![("content-type", "application/json")];
        if let Some(auth) = &auth {
            headers.push(("authorization", auth.as_str()));
        }
        self.send(method, path, &headers, body.as_bytes().to_vec())
            .await
    }

    /// A user's JSON request: `path` is relative to `/api/v1/user/{id}` (e.g. `/bank`).
    pub async fn user_call(&self, user: &User, method: &str, path: &str, body: &str) -> Reply {
        self.call(
            method,
            &format!("/api/v1/user/{}{path}", user.id),
            Some(&user.token),
            body,
        )
        .await
    }

    /// A multipart request with a bearer token.
    pub async fn multipart(
        &self,
        method: &str,
        path: &str,
        token: &str,
        parts: &[Part<'_>],
    ) -> Reply {
        let boundary = "sandbox-test-boundary";
        let mut body = Vec::new();
        for part in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            match part {
                Part::Text(name, value) => {
                    body.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                        )
                        .as_bytes(),
                    );
                }
                Part::File(name, filename, content_type, bytes) => {
                    body.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    body.extend_from_slice(bytes);
                    body.extend_from_slice(b"\r\n");
                }
            }
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let auth = format!("Bearer {token}");
        self.send(
            method,
            path,
            &[("content-type", &content_type), ("authorization", &auth)],
            body,
        )
        .await
    }

    /// A platform operation with a fresh platform JWT: `path` is relative to
    /// `/api/v1/platform/{platform}` (e.g. `/order`, or `` for show).
    pub async fn platform_call(&self, method: &str, path: &str, body: &str) -> Reply {
        let jwt = self.platform_jwt();
        let path = format!("/api/v1/platform/{}{path}", self.platform());
        self.send(
            method,
            &path,
            &[("content-type", "application/json"), ("token", &jwt)],
            body.as_bytes().to_vec(),
        )
        .await
    }

    /// A control route under `/_sandbox/ccpro` (JSON body).
    pub async fn control(&self, method: &str, path: &str, body: &str) -> Reply {
        let answer = oneshot(
            &self.sandbox,
            method,
            &format!("/_sandbox/ccpro{path}"),
            &[("content-type", "application/json")],
            body.to_owned(),
        )
        .await;
        Reply {
            status: answer.status,
            body: answer.text(),
            headers: answer.headers,
        }
    }

    /// A new active user, logged in (`POST /_sandbox/ccpro/users`).
    pub async fn user(&self) -> User {
        self.user_with("{}").await
    }

    /// A new user from the control route's body (`{"email", "password", "active"}`).
    pub async fn user_with(&self, body: &str) -> User {
        let reply = self.control("POST", "/users", body).await;
        reply.expect(200);
        let v = reply.json();
        User {
            id: v["id"].as_str().unwrap().to_owned(),
            email: v["email"].as_str().unwrap().to_owned(),
            password: v["password"].as_str().unwrap().to_owned(),
            token: v["token"].as_str().unwrap().to_owned(),
        }
    }

    /// What `GET /_sandbox/ccpro/users/{id or e-mail}` reveals of a user (codes, tokens).
    pub async fn revealed(&self, id_or_email: &str) -> Value {
        let reply = self
            .control("GET", &format!("/users/{id_or_email}"), "")
            .await;
        reply.expect(200);
        reply.json()
    }

    /// Sets a user's balance of an asset.
    pub async fn fund(&self, user: &User, asset: &str, available: &str) {
        self.control(
            "POST",
            "/balances",
            &json!({ "user": user.id, "asset": asset, "available": available }).to_string(),
        )
        .await
        .expect(200);
    }
}

/// A fixture of the docs' examples: `fixtures/ccpro/docs/<name>.json`.
pub fn docs_fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/ccpro/docs")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The docs' request example of `operation`: the whole fixture (`method`, `path_params`,
/// `query`, `body`).
pub fn docs_request(operation: &str) -> Value {
    docs_fixture(&format!("{operation}.request"))
}

/// The docs' example response of `operation` with `status`
/// (`fixtures/ccpro/docs/<operation>.response.<status>.json`), its `body`.
pub fn documented(operation: &str, status: u16) -> Value {
    documented_variant(operation, &status.to_string())
}

/// The docs' example response of `operation` kept under a numbered name (`403.2` for the
/// second 403 the docs give), its `body`.
pub fn documented_variant(operation: &str, variant: &str) -> Value {
    docs_fixture(&format!("{operation}.response.{variant}"))["body"].clone()
}

/// `?a=b&c=d` of an example's query object (empty for none).
pub fn query_string(query: &Value) -> String {
    let pairs: Vec<String> = query
        .as_object()
        .map(|q| {
            q.iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap()))
                .collect()
        })
        .unwrap_or_default();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Asserts that `got` has the keys of the docs' example (every object level, the first item
/// of arrays), with the same JSON types where the docs' value is not null; `got` may hold
/// values where the docs show null, and vice versa.
#[track_caller]
pub fn assert_documented_shape(operation: &str, status: u16, got: &Value) {
    let want = documented(operation, status);
    let mut problems = Vec::new();
    compare(&want, got, "$", &mut problems);
    assert!(
        problems.is_empty(),
        "{operation} {status} differs from the docs' example:\n{}\ngot: {got}",
        problems.join("\n")
    );
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn compare(want: &Value, got: &Value, path: &str, problems: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for key in w.keys() {
                match g.get(key) {
                    None => problems.push(format!("{path}.{key}: missing")),
                    Some(gv) => compare(&w[key], gv, &format!("{path}.{key}"), problems),
                }
            }
            for key in g.keys() {
                if !w.contains_key(key) {
                    problems.push(format!("{path}.{key}: not in the docs"));
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if let (Some(w0), Some(g0)) = (w.first(), g.first()) {
                compare(w0, g0, &format!("{path}[0]"), problems);
            }
        }
        (Value::Null, _) | (_, Value::Null) => {}
        (w, g) if kind(w) != kind(g) => {
            problems.push(format!("{path}: docs have {}, got {}", kind(w), kind(g)));
        }
        _ => {}
    }
}
