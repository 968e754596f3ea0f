//! Reading recorded fixtures (`fixtures/<provider>/recorded/*.json`, written by
//! `cargo xtask fixtures refresh`) to replay them in tests.

use std::collections::BTreeSet;
use std::path::Path;

use payments_core::{Error, InputFile, JsonOutput, Operation, WithMeta};
use serde_json::Value;
use serde_json::value::RawValue;

use super::server::{MemoryTransport, Reply};

/// A recording as `payments record-fixtures` writes it; the input and outcome kept as
/// their exact text.
#[derive(serde::Deserialize)]
struct Recording {
    operation: String,
    input: Box<RawValue>,
    #[serde(default)]
    files: Vec<RecordedFile>,
    exchanges: Vec<Value>,
    outcome: Box<RawValue>,
}

#[derive(serde::Deserialize)]
struct RecordedFile {
    field: String,
    name: String,
    base64: String,
}

/// Decodes standard base64 (the recordings' file contents); panics on bad input.
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .unwrap_or_else(|| panic!("not base64: {text:?}")) as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The outcome of a call as the recordings write it, compact:
/// `{"ok":{"status":…,"value":…}}` or `{"error":"<Display>"}`.
fn outcome_text(result: &Result<WithMeta<JsonOutput>, Error>) -> String {
    match result {
        Ok(out) => format!(
            r#"{{"ok":{{"status":{},"value":{}}}}}"#,
            out.value.status.as_u16(),
            out.value.json
        ),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

/// Replays every recording in `dir` through the operation table: for each file, the row
/// named by its `operation`, its input document and files, and an in-memory transport
/// answering with the recorded responses go to `call` (which builds the provider's client
/// on that transport, with the recording's base-URL prefix, and calls
/// `call_json`). Asserts that each request sent is the recorded one, that each outcome is
/// the recorded one digit for digit, that there are at least `min_files` recordings, and
/// that every operation of `table` was replayed.
///
/// Returns, in file order, each outcome with the file's stem (dots as `__`) to name its
/// snapshot: insta names snapshot files after the calling module, so the snapshot
/// assertion stays in the caller.
pub async fn replay_recorded(
    table: &[&'static Operation],
    dir: impl AsRef<Path>,
    min_files: usize,
    mut call: impl AsyncFnMut(
        MemoryTransport,
        &'static Operation,
        String,
        Vec<InputFile>,
    ) -> Result<WithMeta<JsonOutput>, Error>,
) -> Vec<(String, Value)> {
    let files: Vec<_> = super::fixture_files(dir)
        .into_iter()
        .filter(|(_, path)| path.extension().is_some_and(|e| e == "json"))
        .collect();
    assert!(
        files.len() >= min_files,
        "expected the full scenario, found {} files",
        files.len()
    );
    let mut seen = BTreeSet::new();
    let mut outcomes = Vec::with_capacity(files.len());
    for (name, path) in files {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let rec: Recording =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not a recording: {e}"));
        let op = *table
            .iter()
            .find(|o| o.name == rec.operation)
            .unwrap_or_else(|| panic!("{name}: {:?} is not in the table", rec.operation));
        seen.insert(op.name);
        let replies: Vec<Reply> = rec
            .exchanges
            .iter()
            .filter(|x| !x["response"].is_null())
            .map(|x| Reply::from_recorded(&x["response"]))
            .collect();
        let transport = MemoryTransport::new(replies);
        let files = rec
            .files
            .iter()
            .map(|f| InputFile {
                field: f.field.clone(),
                name: f.name.clone(),
                bytes: base64_decode(&f.base64).into(),
            })
            .collect();
        let result = call(transport.clone(), op, rec.input.get().to_owned(), files).await;
        let sent = transport.requests();
        assert_eq!(
            sent.len(),
            rec.exchanges.len(),
            "{name}: sent {} requests, recorded {}",
            sent.len(),
            rec.exchanges.len()
        );
        for (sent, exchange) in sent.iter().zip(&rec.exchanges) {
            assert_sent_as_recorded(std::slice::from_ref(sent), &exchange["request"]);
        }
        let got = outcome_text(&result);
        assert_eq!(
            super::fixtures::compact(&got),
            super::fixtures::compact(rec.outcome.get()),
            "{name}: the outcome differs from the recording"
        );
        let value: Value = serde_json::from_str(&got)
            .unwrap_or_else(|e| panic!("{name}: the outcome is not JSON: {e}"));
        let stem = name.trim_end_matches(".json").replace('.', "__");
        outcomes.push((stem, value));
    }
    let missing: Vec<_> = table
        .iter()
        .map(|o| o.name)
        .filter(|n| !seen.contains(n))
        .collect();
    assert!(missing.is_empty(), "no recording replays {missing:?}");
    outcomes
}

/// The exact bytes of a recorded body: `null` is empty, a string is its UTF-8, `{"hex": …}`
/// is the decoded binary, anything else is compact JSON.
fn recorded_body(body: &Value) -> Vec<u8> {
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
fn assert_sent_as_recorded(sent: &[super::server::Recorded], request: &Value) {
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
