//! Checks that a provider's operation table, its documented fixtures and its recorded
//! fixtures agree on the operations' names.

use std::collections::BTreeSet;
use std::path::Path;

use payments_core::Operation;

/// Asserts that `table` lists each operation once under a kebab-case name, that every
/// operation has at least one documented fixture in `docs` (`<name>.….json`), and that
/// every fixture file in `docs` and `recorded` is named after an operation of the table
/// (documented files may instead start with one of `other_docs`, such as `callback`).
/// Every documented fixture's `operation` field must equal its file's operation too.
///
/// Panics (it is a test helper) listing every disagreement at once.
pub fn check_operation_table(
    table: &[&Operation],
    docs: impl AsRef<Path>,
    recorded: impl AsRef<Path>,
    other_docs: &[&str],
) {
    let mut problems = Vec::new();
    let mut names = BTreeSet::new();
    for op in table {
        if !names.insert(op.name) {
            problems.push(format!("{}: listed twice", op.name));
        }
        let kebab = !op.name.is_empty()
            && op.name.split('-').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !kebab {
            problems.push(format!("{:?}: not kebab-case", op.name));
        }
        if !op.path.starts_with('/') {
            problems.push(format!(
                "{}: path {:?} does not start with /",
                op.name, op.path
            ));
        }
        if op.summary.trim().is_empty() {
            problems.push(format!("{}: no summary", op.name));
        }
    }
    // The longest operation name that prefixes a file name wins (`kyc-create` before `kyc`).
    let operation_of = |file: &str| -> Option<&str> {
        names
            .iter()
            .copied()
            .filter(|n| file.starts_with(&format!("{n}.")))
            .max_by_key(|n| n.len())
    };
    let mut documented = BTreeSet::new();
    for (file, path) in crate::fixture_files(docs) {
        match operation_of(&file) {
            Some(op) => {
                documented.insert(op);
                let doc = crate::read_json(&path);
                if let Some(named) = doc.get("operation").and_then(|v| v.as_str())
                    && named != op
                {
                    problems.push(format!("docs/{file}: says operation {named:?}, not {op:?}"));
                }
            }
            None if other_docs
                .iter()
                .any(|p| file.starts_with(&format!("{p}."))) => {}
            None => problems.push(format!(
                "docs/{file}: no operation of the table is named so"
            )),
        }
    }
    for name in &names {
        if !documented.contains(name) {
            problems.push(format!("{name}: no documented fixture"));
        }
    }
    let recorded = recorded.as_ref();
    if recorded.exists() {
        for (file, path) in crate::fixture_files(recorded) {
            match operation_of(&file) {
                Some(op) => {
                    let doc = crate::read_json(&path);
                    if let Some(named) = doc.get("operation").and_then(|v| v.as_str())
                        && named != op
                    {
                        problems.push(format!(
                            "recorded/{file}: says operation {named:?}, not {op:?}"
                        ));
                    }
                }
                None => problems.push(format!(
                    "recorded/{file}: no operation of the table is named so"
                )),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the operation table and the fixtures disagree:\n  {}",
        problems.join("\n  ")
    );
}
