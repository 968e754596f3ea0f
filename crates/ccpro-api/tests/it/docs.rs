//! Every documented example of every operation in the table, through the client:
//! - each documented request, read as the CLI's input document (path and query parameters
//!   plus body fields), is sent exactly as documented (method, path, query, body) with the
//!   row's auth (a verified RS512 JWT in `token`, the bearer token, or nothing) and
//!   `Accept: application/json`; file placeholders are sent as real files in a multipart
//!   body;
//! - each documented success decodes and writes back the same JSON, every digit kept;
//! - each documented error arrives as `Error::Api` with its status and message exactly.

use std::collections::BTreeMap;

use ccpro_api::{Error, OPERATIONS, UserSession};
use payments_core::{Auth, InputFile, Operation};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{self, NOW, TOKEN, fixtures};

/// JSON with numbers kept as written, for exact comparisons (a small parser of its own, so
/// the check does not share code with the client).
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

pub fn parse(text: &str) -> J {
    let b = text.as_bytes();
    let mut i = 0;
    let v = value(b, &mut i);
    ws(b, &mut i);
    assert_eq!(i, b.len(), "trailing text in {text}");
    v
}

fn ws(b: &[u8], i: &mut usize) {
    while *i < b.len() && b[*i].is_ascii_whitespace() {
        *i += 1;
    }
}

fn value(b: &[u8], i: &mut usize) -> J {
    ws(b, i);
    match b[*i] {
        b'n' => {
            *i += 4;
            J::Null
        }
        b't' => {
            *i += 4;
            J::Bool(true)
        }
        b'f' => {
            *i += 5;
            J::Bool(false)
        }
        b'"' => J::Str(string(b, i)),
        b'[' => {
            *i += 1;
            let mut items = Vec::new();
            ws(b, i);
            if b[*i] == b']' {
                *i += 1;
                return J::Arr(items);
            }
            loop {
                items.push(value(b, i));
                ws(b, i);
                *i += 1;
                if b[*i - 1] == b']' {
                    return J::Arr(items);
                }
            }
        }
        b'{' => {
            *i += 1;
            let mut items = Vec::new();
            ws(b, i);
            if b[*i] == b'}' {
                *i += 1;
                return J::Obj(items);
            }
            loop {
                ws(b, i);
                let k = string(b, i);
                ws(b, i);
                *i += 1; // :
                items.push((k, value(b, i)));
                ws(b, i);
                *i += 1;
                if b[*i - 1] == b'}' {
                    return J::Obj(items);
                }
            }
        }
        _ => {
            let start = *i;
            while *i < b.len() && b"+-.eE0123456789".contains(&b[*i]) {
                *i += 1;
            }
            J::Num(String::from_utf8(b[start..*i].to_vec()).unwrap())
        }
    }
}

fn string(b: &[u8], i: &mut usize) -> String {
    let start = *i;
    *i += 1;
    while b[*i] != b'"' {
        if b[*i] == b'\\' {
            *i += 1;
        }
        *i += 1;
    }
    *i += 1;
    // Escapes are resolved by serde_json, which agrees with any JSON writer on strings.
    serde_json::from_slice(&b[start..*i]).unwrap()
}

/// Null and "" both mean "absent" in CCPro's answers (and a missing key too).
fn absent(v: &J) -> bool {
    matches!(v, J::Null) || matches!(v, J::Str(s) if s.is_empty())
}

/// Whether `ours` says what `documented` says: the same keys with the same values (absent,
/// null and "" alike), numbers digit for digit, and `[REDACTED]` where we hide a secret.
pub fn same(ours: &J, documented: &J, path: &str, diffs: &mut Vec<String>) {
    match (ours, documented) {
        (J::Str(s), _) if s == "[REDACTED]" => {}
        (J::Obj(a), J::Obj(b)) => {
            let mut keys: Vec<&String> = a.iter().chain(b.iter()).map(|(k, _)| k).collect();
            keys.dedup();
            let get = |o: &'_ [(String, J)], k: &str| -> J {
                o.iter()
                    .find(|(key, _)| key == k)
                    .map_or(J::Null, |(_, v)| v.clone())
            };
            let mut seen = std::collections::BTreeSet::new();
            for k in keys {
                if seen.insert(k.clone()) {
                    same(&get(a, k), &get(b, k), &format!("{path}.{k}"), diffs);
                }
            }
        }
        (J::Arr(a), J::Arr(b)) if a.len() == b.len() => {
            for (n, (x, y)) in a.iter().zip(b).enumerate() {
                same(x, y, &format!("{path}[{n}]"), diffs);
            }
        }
        (a, b) if absent(a) && absent(b) => {}
        (a, b) if a == b => {}
        (a, b) => diffs.push(format!("{path}: ours {a:?}, documented {b:?}")),
    }
}

struct Fixture {
    file: String,
    json: serde_json::Value,
    /// The body's raw text, numbers as written.
    body: J,
}

/// The input-document name of path parameter `k`: its own, unless a body field takes that
/// name (transfer-create's body `user` is the counterparty), when the path's value is
/// `owner`.
fn path_field(k: &str, body: &J) -> String {
    let taken = matches!(body, J::Obj(items) if items.iter().any(|(b, _)| b == k));
    if taken {
        "owner".to_owned()
    } else {
        k.to_owned()
    }
}

fn fixtures_of(op: &Operation) -> Vec<Fixture> {
    let prefix = format!("{}.", op.name);
    let mut out = Vec::new();
    for (file, path) in payments_test_support::fixture_files(fixtures().join("docs")) {
        // Longest name wins: `kyc-phone-add.` is not `kyc.`.
        let owner = OPERATIONS
            .iter()
            .filter(|o| file.starts_with(&format!("{}.", o.name)))
            .max_by_key(|o| o.name.len());
        if !file.starts_with(&prefix) || owner.map(|o| o.name) != Some(op.name) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let whole = parse(&text);
        let J::Obj(fields) = whole else {
            panic!("{file}")
        };
        let body = fields
            .into_iter()
            .find(|(k, _)| k == "body")
            .map(|(_, v)| v)
            .unwrap();
        out.push(Fixture { file, json, body });
    }
    out
}

fn write(j: &J) -> String {
    match j {
        J::Null => "null".into(),
        J::Bool(b) => b.to_string(),
        J::Num(n) => n.clone(),
        J::Str(s) => serde_json::to_string(s).unwrap(),
        J::Arr(a) => format!("[{}]", a.iter().map(write).collect::<Vec<_>>().join(",")),
        J::Obj(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), write(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

fn success_body(fixtures: &[Fixture]) -> Option<(u16, String)> {
    fixtures.iter().find_map(|f| {
        let status = f.json["status"].as_u64()? as u16;
        (f.json["direction"] == "response" && (200..300).contains(&status))
            .then(|| (status, write(&f.body)))
    })
}

/// The file placeholders of an upload example (`"cardImage1": "File"`,
/// `"documents": {"passport": "image"}`), as dotted field names, removed from `body`.
fn take_placeholders(body: &mut J, prefix: &str, out: &mut Vec<String>) {
    if let J::Obj(items) = body {
        items.retain_mut(|(k, v)| {
            let name = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                J::Str(s) if s == "File" || s == "image" => {
                    out.push(name);
                    false
                }
                J::Obj(_) => {
                    take_placeholders(v, &name, out);
                    true
                }
                _ => true,
            }
        });
    }
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";

/// Flattens a JSON body into PHP form fields (`documents[type]`), values as written.
fn php_fields(body: &J, prefix: &str, out: &mut Vec<(String, String)>) {
    if let J::Obj(items) = body {
        for (k, v) in items {
            let name = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}[{k}]")
            };
            match v {
                J::Obj(_) => php_fields(v, &name, out),
                J::Str(s) => out.push((name, s.clone())),
                J::Num(n) => out.push((name, n.clone())),
                J::Bool(b) => out.push((name, if *b { "1".into() } else { "0".into() })),
                J::Null | J::Arr(_) => {}
            }
        }
    }
}

fn php_name(dotted: &str) -> String {
    let mut parts = dotted.split('.');
    let mut out = parts.next().unwrap().to_owned();
    for p in parts {
        out.push_str(&format!("[{p}]"));
    }
    out
}

fn decode_percent(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn query_map(q: &str) -> BTreeMap<String, String> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                decode_percent(&k.replace('+', " ")),
                decode_percent(&v.replace('+', " ")),
            )
        })
        .collect()
}

/// Where the input document's path `{user}` and `{platform}` come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// The document names them, as documented.
    Document,
    /// The document leaves them out: the session's user and the platform key's id (set to
    /// the documented values) fill them in.
    Filled,
}

async fn check_request(
    op: &'static Operation,
    f: &Fixture,
    all: &[Fixture],
    context: Context,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut body = f.body.clone();
    let mut files = Vec::new();
    take_placeholders(&mut body, "", &mut files);
    // The input document: path parameters, query parameters, body fields, and the user
    // the platform JWT names.
    let mut doc: Vec<(String, J)> = Vec::new();
    let (mut session_user, mut platform) = (support::USER.to_owned(), support::PLATFORM.to_owned());
    for (k, v) in f.json["path_params"].as_object().unwrap() {
        let field = path_field(k, &body);
        let value = v.as_str().unwrap().to_owned();
        if context == Context::Filled {
            if Some(field.as_str()) == ccpro_api::operations::path_user_field(op) {
                session_user = value;
                continue;
            }
            if k == "platform" {
                platform = value;
                continue;
            }
        }
        doc.push((field, J::Str(value)));
    }
    for (k, v) in f.json["query"].as_object().unwrap() {
        doc.push((k.clone(), J::Str(v.as_str().unwrap().to_owned())));
    }
    if let J::Obj(items) = &body {
        doc.extend(items.iter().cloned());
    }
    let payload = all
        .iter()
        .find(|p| p.json["direction"] == "jwt-payload")
        .map(|p| p.body.clone());
    if let Some(J::Obj(claims)) = &payload {
        for (k, v) in claims {
            let filled = context == Context::Filled && k == "platform";
            if k != "expire" && !filled && !doc.iter().any(|(d, _)| d == k) {
                doc.push((k.clone(), v.clone()));
            }
        }
    }
    let input = write(&J::Obj(doc));
    let (status, answer) = success_body(all).unwrap_or((200, "{}".into()));
    let mem = MemoryTransport::new([Reply::json(status, &answer)]);
    let client = support::client_for(&mem, &platform);
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|field| InputFile {
            field: field.clone(),
            name: format!("{}.png", field.rsplit('.').next().unwrap()),
            bytes: PNG.to_vec().into(),
        })
        .collect();
    let result = match op.auth {
        Auth::Session => {
            client
                .user(UserSession::from_token(session_user, TOKEN))
                .call_json(op, &input, inputs)
                .await
        }
        _ => client.call_json(op, &input, inputs).await,
    };
    if let Err(e) = result {
        problems.push(format!("{}: call failed: {e}", f.file));
        return problems;
    }
    let sent = mem.single();
    if sent.method != f.json["method"].as_str().unwrap() {
        problems.push(format!("{}: method {}", f.file, sent.method));
    }
    let url = f.json["url"].as_str().unwrap();
    let documented = url
        .split_once("/api/")
        .map(|(_, p)| format!("/api/{p}"))
        .unwrap();
    let (doc_path, doc_query) = documented.split_once('?').unwrap_or((&documented, ""));
    let (path, query) = sent.path.split_once('?').unwrap_or((&sent.path, ""));
    if decode_percent(path) != decode_percent(doc_path) {
        problems.push(format!("{}: path {path}, documented {doc_path}", f.file));
    }
    if query_map(query) != query_map(doc_query) {
        problems.push(format!(
            "{}: query {query:?}, documented {doc_query:?}",
            f.file
        ));
    }
    if sent.header("accept") != Some("application/json") {
        problems.push(format!("{}: no Accept: application/json", f.file));
    }
    match op.auth {
        Auth::Jwt => {
            let token = sent.header("token").unwrap_or_default();
            let claims = support::verify_jwt(token);
            let mut expected = serde_json::Map::new();
            if let Some(J::Obj(p)) = &payload {
                for (k, v) in p {
                    expected.insert(k.clone(), serde_json::from_str(&write(v)).unwrap());
                }
            }
            expected.insert("expire".into(), (NOW + 60).into());
            if claims != expected {
                problems.push(format!("{}: JWT claims {claims:?}", f.file));
            }
            if sent.header("authorization").is_some() {
                problems.push(format!("{}: Authorization on a JWT operation", f.file));
            }
        }
        Auth::Session => {
            if sent.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
                problems.push(format!("{}: no bearer token", f.file));
            }
        }
        _ => {
            if sent.header("authorization").is_some() || sent.header("token").is_some() {
                problems.push(format!("{}: credentials on a public operation", f.file));
            }
        }
    }
    let content_type = sent.header("content-type").unwrap_or_default().to_owned();
    if files.is_empty() {
        let documented_body = match &body {
            J::Obj(o) if o.is_empty() => J::Null,
            other => other.clone(),
        };
        let ours = if sent.body.is_empty() {
            J::Null
        } else {
            if content_type != "application/json" {
                problems.push(format!("{}: content type {content_type}", f.file));
            }
            match parse(std::str::from_utf8(&sent.body).unwrap()) {
                J::Obj(o) if o.is_empty() => J::Null,
                other => other,
            }
        };
        if ours != documented_body {
            problems.push(format!(
                "{}: body {}, documented {}",
                f.file,
                String::from_utf8_lossy(&sent.body),
                write(&documented_body)
            ));
        }
    } else {
        let parts = support::parse_multipart(&content_type, &sent.body);
        let mut texts: Vec<(String, String)> = parts
            .iter()
            .filter(|p| p.filename.is_none())
            .map(|p| (p.name.clone(), String::from_utf8(p.body.clone()).unwrap()))
            .collect();
        let mut expected = Vec::new();
        php_fields(&body, "", &mut expected);
        texts.sort();
        expected.sort();
        if texts != expected {
            problems.push(format!(
                "{}: form fields {texts:?}, documented {expected:?}",
                f.file
            ));
        }
        let mut sent_files: Vec<String> = parts
            .iter()
            .filter(|p| p.filename.is_some())
            .map(|p| {
                assert_eq!(p.body, PNG);
                assert_eq!(p.content_type.as_deref(), Some("image/png"));
                p.name.clone()
            })
            .collect();
        let mut expected_files: Vec<String> = files.iter().map(|f| php_name(f)).collect();
        sent_files.sort();
        expected_files.sort();
        if sent_files != expected_files {
            problems.push(format!(
                "{}: files {sent_files:?}, documented {expected_files:?}",
                f.file
            ));
        }
    }
    problems
}

fn check_success(op: &Operation, f: &Fixture, status: u16) -> Vec<String> {
    let text = write(&f.body);
    let out = match (op.io.response)(
        payments_core::http::StatusCode::from_u16(status).unwrap(),
        text.as_bytes(),
    ) {
        Ok(out) => out,
        Err(e) => {
            return vec![format!(
                "{}: cannot decode at `{}`: {}",
                f.file, e.path, e.message
            )];
        }
    };
    let ours = parse(&out);
    let mut whole = Vec::new();
    same(&ours, &f.body, "", &mut whole);
    if whole.is_empty() {
        return whole;
    }
    // Most answers are `{"data": …}`, and the typed output is what `data` holds.
    let data = match &f.body {
        J::Obj(o) if o.len() == 1 && o[0].0 == "data" => Some(o[0].1.clone()),
        _ => None,
    };
    let mut inner = Vec::new();
    match data {
        Some(d) => same(&ours, &d, "data", &mut inner),
        None => {
            return whole
                .into_iter()
                .map(|d| format!("{}: {d}", f.file))
                .collect();
        }
    }
    inner
        .into_iter()
        .map(|d| format!("{}: {d}", f.file))
        .collect()
}

async fn check_error(op: &'static Operation, f: &Fixture, status: u16) -> Vec<String> {
    let text = write(&f.body);
    let mem = MemoryTransport::new([Reply::json(status, &text)]);
    // The request itself comes from the documented request, so only the answer varies.
    let all = fixtures_of(op);
    let Some(req) = all.iter().find(|r| r.json["direction"] == "request") else {
        return vec![format!("{}: no request", f.file)];
    };
    let mut body = req.body.clone();
    let mut files = Vec::new();
    take_placeholders(&mut body, "", &mut files);
    let mut doc: Vec<(String, J)> = Vec::new();
    for (k, v) in req.json["path_params"].as_object().unwrap() {
        doc.push((path_field(k, &body), J::Str(v.as_str().unwrap().to_owned())));
    }
    for (k, v) in req.json["query"].as_object().unwrap() {
        doc.push((k.clone(), J::Str(v.as_str().unwrap().to_owned())));
    }
    if let J::Obj(items) = &body {
        doc.extend(items.iter().cloned());
    }
    if let Some(p) = all.iter().find(|p| p.json["direction"] == "jwt-payload")
        && let J::Obj(claims) = &p.body
    {
        for (k, v) in claims {
            if k != "expire" && !doc.iter().any(|(d, _)| d == k) {
                doc.push((k.clone(), v.clone()));
            }
        }
    }
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|field| InputFile {
            field: field.clone(),
            name: "f.png".into(),
            bytes: PNG.to_vec().into(),
        })
        .collect();
    let input = write(&J::Obj(doc));
    let result = match op.auth {
        Auth::Session => support::user(&mem).call_json(op, &input, inputs).await,
        _ => support::client(&mem).call_json(op, &input, inputs).await,
    };
    let Err(Error::Api(api)) = result else {
        return vec![format!("{}: not an API error: {result:?}", f.file)];
    };
    let mut problems = Vec::new();
    if api.status.as_u16() != status {
        problems.push(format!("{}: status {}", f.file, api.status));
    }
    let documented = f.json["body"]
        .get("message")
        .or_else(|| f.json["body"].get("error"))
        .and_then(|m| m.as_str());
    if api.message.as_deref() != documented {
        problems.push(format!("{}: message {:?}", f.file, api.message));
    }
    if let Some(errors) = f.json["body"].get("errors").and_then(|e| e.as_object()) {
        let count: usize = errors
            .values()
            .map(|v| v.as_array().map_or(1, Vec::len))
            .sum();
        if api.fields.len() != count {
            problems.push(format!("{}: fields {:?}", f.file, api.fields));
        }
    }
    if status == 409 && api.kind == payments_core::ApiErrorKind::Conflict {
        problems.push(format!("{}: 409 read as a conflict", f.file));
    }
    problems
}

#[tokio::test]
async fn every_documented_example_goes_through_the_client() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for op in OPERATIONS {
        let all = fixtures_of(op);
        for f in &all {
            match f.json["direction"].as_str().unwrap() {
                "request" => problems.extend(check_request(op, f, &all, Context::Document).await),
                "response" => {
                    let status = f.json["status"].as_u64().unwrap() as u16;
                    if (200..300).contains(&status) {
                        problems.extend(check_success(op, f, status));
                    } else {
                        problems.extend(check_error(op, f, status).await);
                    }
                }
                _ => continue,
            }
            checked += 1;
        }
    }
    assert!(checked > 0);
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// The same documented requests with the path's `{user}` (`owner` on transfer-create) and
/// `{platform}` left out of the document: the session's user and the platform key's id
/// fill them in, and the request goes out exactly as documented. A document naming them
/// wins (the test above, whose session and key hold other values).
#[tokio::test]
async fn the_session_user_and_the_platform_id_fill_a_left_out_path_parameter() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for op in OPERATIONS {
        let fills = ccpro_api::operations::path_user_field(op).is_some()
            || op.path_params().any(|p| p == "platform");
        if !fills {
            continue;
        }
        let all = fixtures_of(op);
        for f in all.iter().filter(|f| f.json["direction"] == "request") {
            problems.extend(check_request(op, f, &all, Context::Filled).await);
            checked += 1;
        }
    }
    assert!(checked >= 60, "only {checked} requests");
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}
