//! `cargo xtask fixtures`: recorded fixtures.
//!
//! * `fixtures refresh [PROVIDER...] [--live]` runs each provider's scripted scenario through
//!   the real clients (`payments record-fixtures`) and writes
//!   `fixtures/<provider>/recorded/<operation>.<case>.json`. By default against an in-process
//!   sandbox with a fixed seed and clock, so the output is stable; with `--live` against the
//!   provider's own test environment named by its variables (e.g. `COINCOVER_BASE_URL`,
//!   `COINCOVER_TOKEN`), credentials redacted.
//! * `fixtures --check` re-records into a temporary directory and fails on any difference.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::{CargoCmd, Result, relative};

/// `cargo run -p payments-cli -- record-fixtures --out OUT [PROVIDER...] [--live]`.
fn record_command(out: &Path, providers: &[&str], live: bool) -> CargoCmd {
    let out = out.to_string_lossy().into_owned();
    let mut args = vec![
        "run",
        "--quiet",
        "-p",
        "payments-cli",
        "--",
        "record-fixtures",
        "--out",
        out.as_str(),
    ];
    args.extend_from_slice(providers);
    if live {
        args.push("--live");
    }
    CargoCmd::new(&args)
}

/// Every `recorded/*.json` file under `root/fixtures`, keyed by its path relative to it.
fn recorded_files(fixtures: &Path) -> Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let Ok(providers) = std::fs::read_dir(fixtures) else {
        return Ok(out);
    };
    for provider in providers {
        let provider = provider.map_err(|e| format!("cannot list {}: {e}", fixtures.display()))?;
        let dir = provider.path().join("recorded");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
                .path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let rel = path.strip_prefix(fixtures).unwrap_or(&path).to_path_buf();
                out.insert(rel, bytes);
            }
        }
    }
    Ok(out)
}

/// Parses `fixtures` arguments.
pub(crate) fn cli(root: &Path, args: &[&str]) -> Result {
    match args {
        ["--check"] | ["check"] => check(root),
        ["refresh", rest @ ..] => {
            let live = rest.contains(&"--live");
            let providers: Vec<&str> = rest.iter().copied().filter(|a| *a != "--live").collect();
            if let Some(flag) = providers.iter().find(|p| p.starts_with('-')) {
                return Err(format!("unknown option `{flag}` for `fixtures refresh`"));
            }
            refresh(root, &providers, live)
        }
        _ => Err("usage: cargo xtask fixtures refresh [PROVIDER...] [--live] | cargo xtask fixtures --check".into()),
    }
}

/// Re-records into `fixtures/`.
fn refresh(root: &Path, providers: &[&str], live: bool) -> Result {
    let fixtures = root.join("fixtures");
    if !live {
        // Drop stale recordings of the providers being refreshed, so removed cases vanish.
        let all = recorded_files(&fixtures)?;
        for rel in all.keys() {
            let provider = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            if providers.is_empty() || provider.as_deref().is_some_and(|p| providers.contains(&p)) {
                let path = fixtures.join(rel);
                std::fs::remove_file(&path)
                    .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            }
        }
    }
    record_command(&fixtures, providers, live).run(root)
}

/// Re-records into a temporary directory and compares with `fixtures/`.
pub(crate) fn check(root: &Path) -> Result {
    let tmp = root.join("target").join("xtask").join("fixtures-check");
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp)
            .map_err(|e| format!("cannot clear {}: {e}", tmp.display()))?;
    }
    std::fs::create_dir_all(&tmp).map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    record_command(&tmp, &[], false).run(root)?;
    let fresh = recorded_files(&tmp)?;
    let committed = recorded_files(&root.join("fixtures"))?;
    let mut problems = Vec::new();
    for (rel, bytes) in &fresh {
        match committed.get(rel) {
            None => problems.push(format!("missing: fixtures/{}", rel.display())),
            Some(old) if old != bytes => {
                problems.push(format!("differs: fixtures/{}", rel.display()))
            }
            Some(_) => {}
        }
    }
    for rel in committed.keys() {
        if !fresh.contains_key(rel) {
            problems.push(format!(
                "stale (no longer recorded): fixtures/{}",
                rel.display()
            ));
        }
    }
    if problems.is_empty() {
        println!(
            "fixtures: {} recorded files match a fresh recording ({})",
            fresh.len(),
            relative(root, &tmp)
        );
        Ok(())
    } else {
        Err(format!(
            "recorded fixtures are out of date:\n  {}\nrun `cargo xtask fixtures refresh` and commit the result",
            problems.join("\n  ")
        ))
    }
}
