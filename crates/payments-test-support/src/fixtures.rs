//! Reading the documented examples (`fixtures/<provider>/docs/*.json`): one JSON file per
//! request, response or callback shown in the provider's documentation, with its body kept
//! as transcribed.

use std::path::{Path, PathBuf};

use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// A JSON file, parsed. Panics (it is a test helper) naming the file when it cannot be read
/// or parsed.
pub fn read_json(path: impl AsRef<Path>) -> Value {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file in `dir` (whatever its name, so that a stray file is noticed), sorted, as its
/// file name and its path. Panics (it is a test helper) when `dir` cannot be listed.
pub fn fixture_files(dir: impl AsRef<Path>) -> Vec<(String, PathBuf)> {
    let dir = dir.as_ref();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<(String, PathBuf)> = entries
        .map(|entry| {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
                .path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, path)
        })
        .collect();
    files.sort();
    files
}

/// One documented example, its body kept as the exact documented text (key order, number
/// digits and white space), so a test can compare what it re-encodes with what was written.
#[derive(Debug, serde::Deserialize)]
pub struct DocFixture {
    /// The provider, as the crate names it (`coinspaid`, …).
    pub provider: String,
    /// The operation, as its endpoint names it (`accounts-list`, …).
    pub operation: String,
    /// `request`, `response` or `callback` (providers add their own).
    pub direction: String,
    /// The HTTP method of the documented call.
    pub method: String,
    /// The documented path, when the documentation shows one.
    pub path: Option<String>,
    /// The status of a response; `None` for requests and callbacks.
    pub status: Option<u16>,
    /// The documented headers, as written.
    pub headers: Map<String, Value>,
    /// The body, exactly as transcribed (`null` when the documentation shows none).
    pub body: Box<RawValue>,
}

impl DocFixture {
    /// Reads the fixture at `path`. Panics (it is a test helper) naming the file when it
    /// cannot be read or does not have the shape of a fixture.
    pub fn read(path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a fixture: {e}", path.display()))
    }
}

/// Removes the white space outside strings: the compact form of a JSON text in its own key
/// order (serde_json's `Value` would sort the keys).
pub(crate) fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Decodes a documented `body` as `T` (with [`decode_json`](payments_core::provider::decode_json), like the
/// client), re-serializes it, and asserts that the result is the same JSON and, byte for
/// byte, the documented body in its documented key order. Returns the decoded value.
/// Panics (it is a test helper) naming the fixture (`name`) and what differs.
#[track_caller]
pub fn round_trip_exact<T>(name: &str, body: &RawValue) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = payments_core::provider::decode_json(body.get().as_bytes())
        .unwrap_or_else(|f| panic!("{name}: cannot decode at `{}`: {}", f.path, f.message));
    let again = serde_json::to_string(&value)
        .unwrap_or_else(|e| panic!("{name}: cannot encode again: {e}"));
    let documented: Value = serde_json::from_str(body.get())
        .unwrap_or_else(|e| panic!("{name}: the documented body is not JSON: {e}"));
    let ours: Value = serde_json::from_str(&again)
        .unwrap_or_else(|e| panic!("{name}: the encoded body is not JSON: {e}"));
    assert_eq!(ours, documented, "{name}: round trip changed the JSON");
    assert_eq!(again, compact(body.get()), "{name}: key order or spelling");
    value
}
