//! Reading `--data`, `--body` and `--header` arguments.

use std::io::Read;

use serde_json::{Map, Value};

use crate::exit::CliError;

/// Reads inline JSON, `@FILE`, or `-` (standard input). No `--data` means `{}`.
pub(crate) fn read_document(data: Option<&str>) -> Result<Map<String, Value>, CliError> {
    let Some(data) = data else {
        return Ok(Map::new());
    };
    let bytes = if data == "-" || data.starts_with('@') {
        read_bytes(data)?
    } else {
        data.as_bytes().to_vec()
    };
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(CliError::usage("--data must be a JSON object")),
        Err(e) => Err(CliError::usage(format!("--data is not valid JSON: {e}"))),
    }
}

/// Reads `@FILE` or `-` (standard input) as raw bytes.
pub(crate) fn read_bytes(spec: &str) -> Result<Vec<u8>, CliError> {
    if spec == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
        Ok(buf)
    } else if let Some(path) = spec.strip_prefix('@') {
        std::fs::read(path).map_err(|e| CliError::usage(format!("cannot read {path}: {e}")))
    } else {
        Err(CliError::usage(format!(
            "expected @FILE or - (standard input), got {spec:?}"
        )))
    }
}

/// Parses `Name: value` pairs; names keep their case but are compared case-insensitively.
pub(crate) fn parse_headers(raw: &[String]) -> Result<Vec<(String, String)>, CliError> {
    raw.iter()
        .map(|h| {
            let (name, value) = h.split_once(':').ok_or_else(|| {
                CliError::usage(format!("header {h:?} is not of the form 'Name: value'"))
            })?;
            let name = name.trim();
            if name.is_empty() {
                return Err(CliError::usage(format!("header {h:?} has no name")));
            }
            Ok((name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// Takes a required string field out of the document (a path parameter).
pub(crate) fn take_string(doc: &mut Map<String, Value>, field: &str) -> Result<String, CliError> {
    match doc.remove(field) {
        Some(Value::String(s)) => Ok(s),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(_) => Err(CliError::usage(format!("{field} must be a string"))),
        None => Err(CliError::usage(format!(
            "{field} is required (the path parameter, as a top-level field)"
        ))),
    }
}

/// Decodes the document into a request type, then refuses fields the type does not know
/// (a typo would otherwise be dropped silently).
pub(crate) fn decode_strict<T>(doc: Map<String, Value>) -> Result<T, CliError>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let input = Value::Object(doc);
    let typed: T = serde_path_to_error::deserialize(&input).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            CliError::usage(format!("invalid input: {}", e.inner()))
        } else {
            CliError::usage(format!("invalid input: {path}: {}", e.inner()))
        }
    })?;
    let back =
        serde_json::to_value(&typed).map_err(|e| CliError::usage(format!("invalid input: {e}")))?;
    unknown_fields(&input, &back, "")?;
    Ok(typed)
}

fn unknown_fields(input: &Value, known: &Value, at: &str) -> Result<(), CliError> {
    match (input, known) {
        (Value::Object(i), Value::Object(k)) => {
            for (key, v) in i {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                match k.get(key) {
                    Some(kv) => unknown_fields(v, kv, &path)?,
                    None if v.is_null() => {}
                    None => return Err(CliError::usage(format!("unknown field {path}"))),
                }
            }
            Ok(())
        }
        (Value::Array(i), Value::Array(k)) => {
            for (n, (iv, kv)) in i.iter().zip(k).enumerate() {
                unknown_fields(iv, kv, &format!("{at}[{n}]"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
