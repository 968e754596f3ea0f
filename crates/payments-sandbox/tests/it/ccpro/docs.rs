//! docs/sandbox.md says how to reach every documented status of every CCPro operation.

use std::path::PathBuf;

use serde_json::Value;

/// The CCPro part of docs/sandbox.md.
fn ccpro_docs() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/sandbox.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text
        .find("\n## CCPro")
        .expect("docs/sandbox.md has a CCPro section");
    text[at..].to_owned()
}

/// Where `op` is defined: its first `**op**` or `#### op` (a whole name).
fn definition(docs: &str, op: &str) -> Option<usize> {
    [format!("**{op}**"), format!("#### {op}")]
        .iter()
        .filter_map(|pattern| {
            docs.match_indices(pattern.as_str())
                .map(|(at, _)| at)
                .find(|&at| {
                    let after = docs[at + pattern.len()..].chars().next();
                    !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        })
        .min()
}

/// `true` when `text` holds `status` as a whole number.
fn mentions(text: &str, status: u16) -> bool {
    let needle = status.to_string();
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[test]
fn every_documented_status_has_a_trigger_in_the_docs() {
    let docs = ccpro_docs();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/ccpro/docs");
    let mut examples: Vec<(String, u16, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains(".response.") {
            continue;
        }
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let op = fixture["operation"].as_str().unwrap().to_owned();
        let status = u16::try_from(fixture["status"].as_u64().unwrap()).unwrap();
        examples.push((op, status, fixture["body"].to_string()));
    }
    assert!(
        examples.len() > 300,
        "{} documented answers",
        examples.len()
    );
    let names: Vec<&str> = ccpro_api::OPERATIONS.iter().map(|o| o.name).collect();
    // A block is a paragraph opened by a definition, up to the next such paragraph; the
    // operations named in it share its triggers.
    let mut openings: Vec<usize> = names
        .iter()
        .filter_map(|op| definition(&docs, op))
        .filter(|&at| docs[..at].ends_with("\n\n"))
        .collect();
    openings.sort_unstable();
    let block = |op: &str| {
        let at = definition(&docs, op)?;
        let start = openings
            .iter()
            .rev()
            .find(|&&o| o <= at)
            .copied()
            .unwrap_or(at);
        let end = openings
            .iter()
            .find(|&&o| o > at)
            .copied()
            .unwrap_or(docs.len());
        Some(&docs[start..end])
    };
    let mut missing = Vec::new();
    for op in &names {
        if block(op).is_none() {
            missing.push(format!("{op}: no **{op}** or #### {op} in docs/sandbox.md"));
        }
    }
    for (op, status, body) in &examples {
        // The pipeline's answers are documented once, in "Checks, in order".
        let pipeline = *status == 401
            || (*status == 409 && body.contains("This action is unauthorized."))
            || (*status == 403
                && (body.contains("Your account is inactive.")
                    || body.contains("This action is unauthorized.")));
        if pipeline {
            assert!(mentions(
                &docs[..docs.find("### Logging in").unwrap()],
                *status
            ));
            continue;
        }
        if let Some(text) = block(op)
            && !mentions(text, *status)
        {
            missing.push(format!("{op} {status}: no trigger ({body})"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
