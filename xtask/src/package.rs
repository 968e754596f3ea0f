//! `cargo xtask package`: packages every published crate as crates.io would receive it and
//! runs its tests from the unpacked packages, so a consumer's `cargo test` on a downloaded
//! crate passes.
//!
//! The packages are unpacked side by side into `target/package-test/` under a throwaway
//! workspace whose `[patch.crates-io]` points each crate at its unpacked sibling (they are
//! not on crates.io yet). Tests that read the repository (fixtures, the unpublished test
//! support crate) are kept out of the packages by each manifest's `exclude`; what remains
//! (unit tests, doc tests, README examples, examples) must pass from the package alone.

use std::path::Path;

use crate::{CargoCmd, Result};

/// The workspace members that are never published.
const UNPUBLISHED: &[&str] = &["payments-test-support", "xtask"];

/// Packages, unpacks and tests every published crate.
pub(crate) fn run(root: &Path) -> Result {
    let mut args = vec!["package", "--workspace", "--no-verify", "--allow-dirty"];
    for name in UNPUBLISHED {
        args.extend(["--exclude", name]);
    }
    CargoCmd::new(&args).run(root)?;
    let packages = root.join("target").join("package");
    let unpacked = root.join("target").join("package-test");
    if unpacked.exists() {
        std::fs::remove_dir_all(&unpacked)
            .map_err(|e| format!("cannot clear {}: {e}", unpacked.display()))?;
    }
    std::fs::create_dir_all(&unpacked)
        .map_err(|e| format!("cannot create {}: {e}", unpacked.display()))?;
    let mut crates = Vec::new();
    let entries = std::fs::read_dir(&packages)
        .map_err(|e| format!("cannot list {}: {e}", packages.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
        let Some(stem) = file.strip_suffix(".crate") else {
            continue;
        };
        let status = std::process::Command::new("tar")
            .arg("xzf")
            .arg(&path)
            .arg("-C")
            .arg(&unpacked)
            .status()
            .map_err(|e| format!("cannot run tar: {e}"))?;
        if !status.success() {
            return Err(format!("tar could not unpack {}", path.display()));
        }
        // `name-1.2.3` → (`name`, `name-1.2.3`).
        let name = stem
            .rsplit_once('-')
            .map_or(stem, |(name, _)| name)
            .to_owned();
        crates.push((name, stem.to_owned()));
    }
    crates.sort();
    if crates.is_empty() {
        return Err(format!("no package found in {}", packages.display()));
    }
    let mut manifest = String::from(
        "# Written by `cargo xtask package`: the unpacked packages as one workspace.\n[workspace]\nresolver = \"3\"\nmembers = [\n",
    );
    for (_, dir) in &crates {
        manifest.push_str(&format!("    \"{dir}\",\n"));
    }
    manifest.push_str("]\n\n[patch.crates-io]\n");
    for (name, dir) in &crates {
        manifest.push_str(&format!("{name} = {{ path = \"{dir}\" }}\n"));
    }
    std::fs::write(unpacked.join("Cargo.toml"), manifest)
        .map_err(|e| format!("cannot write the package workspace: {e}"))?;
    // The repository's lock file, so the packages build against the same dependency
    // versions (and reuse what the other steps built).
    std::fs::copy(root.join("Cargo.lock"), unpacked.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy Cargo.lock: {e}"))?;
    println!(
        "package: testing {} unpacked crates: {}",
        crates.len(),
        crates
            .iter()
            .map(|(_, d)| d.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    // The repository's target directory, so dependencies build once.
    let target = root.join("target");
    let target = target.to_string_lossy();
    CargoCmd::new(&["test", "--workspace"])
        .env("CARGO_TARGET_DIR", target.as_ref())
        .run(&unpacked)
}
