//! Reading recorded fixtures (`fixtures/<provider>/recorded/*.json`, written by
//! `cargo xtask fixtures refresh`) to replay them in tests.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::server::Reply;

/// Every recorded fixture in `dir`, sorted by file name, parsed. Panics (it is a test
/// helper) when the directory or a file cannot be read or parsed, naming it.
pub fn recorded_fixtures(dir: impl AsRef<Path>) -> Vec<(PathBuf, Value)> {
    let dir = dir.as_ref();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let doc = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
            (path, doc)
        })
        .collect()
}

/// The exact bytes of a recorded body: `null` is empty, a string is its UTF-8, `{"hex": …}`
/// is the decoded binary, anything else is compact JSON.
pub fn recorded_body(body: &Value) -> Vec<u8> {
    match body {
        Value::Null => Vec::new(),
        Value::String(text) => text.clone().into_bytes(),
        Value::Object(o) if o.len() == 1 && o.get("hex").is_some_and(Value::is_string) => {
            let hex = o.get("hex").and_then(Value::as_str).unwrap_or_default();
            (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
                .collect()
        }
        other => other.to_string().into_bytes(),
    }
}

impl Reply {
    /// The recorded response (`{"status", "headers", "body"}`) as a scripted reply; the
    /// recorded `content-length` is left to the server.
    pub fn from_recorded(response: &Value) -> Self {
        let status = response["status"].as_u64().unwrap_or(500) as u16;
        let mut reply = Reply::status(status);
        for pair in response["headers"].as_array().into_iter().flatten() {
            if let (Some(name), Some(value)) = (pair[0].as_str(), pair[1].as_str())
                && name != "content-length"
            {
                reply = reply.header(name, value);
            }
        }
        let body = recorded_body(&response["body"]);
        if body.is_empty() {
            reply
        } else {
            reply.body(body)
        }
    }
}

/// Asserts that the client sent exactly one request, and that it is the recorded one
/// (`{"method", "path", "query", "body"}`): same method, same path (and query), and the same
/// body — compared as JSON values when the recording holds JSON, byte for byte otherwise.
/// Panics (it is a test helper) naming the difference.
pub fn assert_sent_as_recorded(sent: &[super::server::Recorded], request: &Value) {
    assert_eq!(sent.len(), 1, "expected one request, got {}", sent.len());
    let sent = &sent[0];
    assert_eq!(Some(sent.method.as_str()), request["method"].as_str());
    let path = request["path"].as_str().unwrap_or_default();
    let target = match request["query"].as_str() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    assert!(
        sent.path == target || sent.path == path,
        "sent {} but recorded {target}",
        sent.path
    );
    let body = &request["body"];
    let is_json = matches!(body, Value::Object(o) if !(o.len() == 1 && o.contains_key("hex")))
        || body.is_array();
    if is_json {
        let sent_body: Value = serde_json::from_slice(&sent.body)
            .unwrap_or_else(|e| panic!("the sent body is not JSON: {e}"));
        assert_eq!(&sent_body, body);
    } else {
        assert_eq!(sent.body, recorded_body(body), "the sent body differs");
    }
}
