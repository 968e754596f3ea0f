//! Reading recorded fixtures (`fixtures/<provider>/recorded/*.json`, written by
//! `cargo xtask fixtures refresh`) to replay them in tests.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::server::Reply;

/// Every recorded fixture in `dir`, sorted by file name, parsed. Panics (it is a test
/// helper) when the directory or a file cannot be read or parsed, naming it.
pub fn recorded_fixtures(dir: impl AsRef<Path>) -> Vec<(PathBuf, Value)> {
    super::fixture_files(dir)
        .into_iter()
        .filter(|(_, path)| path.extension().is_some_and(|e| e == "json"))
        .map(|(_, path)| {
            let doc = super::read_json(&path);
            (path, doc)
        })
        .collect()
}

/// A call's result as the recordings write its outcome: `{"ok": <the value as JSON>}`, or
/// `{"error": <the error's Display>}`.
pub fn outcome_value<T: serde::Serialize, E: Display>(result: Result<T, E>) -> Value {
    match result {
        Ok(v) => {
            let v = serde_json::to_value(v)
                .unwrap_or_else(|e| panic!("the result does not encode as JSON: {e}"));
            json!({ "ok": v })
        }
        Err(e) => json!({ "error": e.to_string() }),
    }
}

/// Replays every recorded exchange in `dir` (see [`recorded_fixtures`]) and asserts that
/// each one ends in its recorded `outcome`.
///
/// `replay` gets a recording, answers its request with the recorded response, makes the
/// recorded call through the client, and returns the result as [`outcome_value`]. Asserts
/// that there are at least `min_files` recordings (the scenario is complete) and that they
/// cover exactly `operations` distinct operations.
///
/// Returns, in file order, each outcome with the file's stem (dots as `__`) to name its
/// snapshot: insta names snapshot files after the calling module, so the snapshot
/// assertion stays in the caller.
pub async fn replay_recorded(
    dir: impl AsRef<Path>,
    min_files: usize,
    operations: usize,
    mut replay: impl AsyncFnMut(&Value) -> Value,
) -> Vec<(String, Value)> {
    let files = recorded_fixtures(dir);
    assert!(
        files.len() >= min_files,
        "expected the full scenario, found {} files",
        files.len()
    );
    let mut seen = BTreeSet::new();
    let mut outcomes = Vec::with_capacity(files.len());
    for (file, doc) in files {
        let operation = doc["operation"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no operation", file.display()));
        seen.insert(operation.to_owned());
        let got = replay(&doc).await;
        assert_eq!(got, doc["outcome"], "{}", file.display());
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().replace('.', "__"))
            .unwrap_or_default();
        outcomes.push((name, got));
    }
    assert_eq!(seen.len(), operations, "{seen:?}");
    outcomes
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
