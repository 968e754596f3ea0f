//! Reading `--data`, `--body` and `--header` arguments.

use std::io::Read;

use payments_core::InputFile;

use crate::exit::CliError;

/// Reads `--data`: inline JSON, `@FILE`, or `-` (standard input), as text; no `--data`
/// means `{}`. The text is handed to the operation as is: it is parsed once, by the
/// operation's request type, so every digit of every number survives; duplicate keys are
/// refused there.
pub(crate) fn read_input(data: Option<&str>) -> Result<String, CliError> {
    let Some(data) = data else {
        return Ok("{}".to_owned());
    };
    let bytes = if data == "-" || data.starts_with('@') {
        read_bytes(data)?
    } else {
        return Ok(data.to_owned());
    };
    String::from_utf8(bytes).map_err(|_| CliError::usage("--data is not UTF-8 text"))
}

/// Reads every `--file FIELD=PATH` (a bare `PATH` is the field `file`).
pub(crate) fn read_files(specs: &[String]) -> Result<Vec<InputFile>, CliError> {
    specs
        .iter()
        .map(|spec| {
            let (field, path) = match spec.split_once('=') {
                Some((field, path)) if !field.is_empty() && !field.contains('/') => (field, path),
                _ => ("file", spec.as_str()),
            };
            let path = std::path::Path::new(path);
            let bytes = std::fs::read(path)
                .map_err(|e| CliError::usage(format!("cannot read {}: {e}", path.display())))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(InputFile {
                field: field.to_owned(),
                name,
                bytes: bytes.into(),
            })
        })
        .collect()
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
