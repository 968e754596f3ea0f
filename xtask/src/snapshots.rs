//! `cargo xtask snapshots`: checks and reviews insta snapshots without
//! requiring `cargo-insta`.
//!
//! Which snapshots are in use is learned from insta itself: when the
//! `INSTA_SNAPSHOT_REFERENCES_FILE` environment variable is set, every file
//! snapshot assertion appends the absolute path of its `.snap` file to that
//! file, one path per line (insta 1.x, `memoize_snapshot_file` in `src/env.rs`).
//! Any `.snap` file in the repository that is not listed after a full test run
//! is unreferenced.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, ErrorKind, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::process::Stdio;

use crate::{CargoCmd, Result, relative};

/// Name of the references file, created under `target/xtask/`.
const REFERENCES_FILE_NAME: &str = "insta-snapshot-references.txt";

/// What to tell the developer when the check fails.
const HOW_TO_FIX: &str = "review pending snapshots with `cargo xtask snapshots --review` \
     (or `--accept-all` / `--reject-all`), delete unreferenced files";

/// Handles `cargo xtask snapshots <args>`.
pub(crate) fn cli(root: &Path, args: &[&str]) -> Result {
    match args {
        ["--check"] => {
            let references = fresh_references_file(root)?;
            for cmd in [test_command(&references), doctest_command(&references)] {
                println!("==> {}", cmd.display());
                cmd.run(root).map_err(|e| {
                    format!("{e}\n  the tests must pass before snapshots can be checked")
                })?;
            }
            check(root, &references)
        }
        ["--check", "--references-file", path] => check(root, Path::new(path)),
        ["--review"] => review(root),
        ["--accept-all"] => accept_all(root),
        ["--reject-all"] => reject_all(root),
        _ => Err(
            "usage: cargo xtask snapshots --check [--references-file PATH] | --review | \
             --accept-all | --reject-all"
                .to_owned(),
        ),
    }
}

/// Path of the snapshot references file under `target/xtask/`; the directory is
/// created and any file left over from an earlier run is removed.
pub(crate) fn fresh_references_file(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target").join("xtask");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(REFERENCES_FILE_NAME);
    if path.to_str().is_none() {
        // It is passed to the tests through a `String` environment variable.
        return Err(format!("path is not valid UTF-8: {}", path.display()));
    }
    match fs::remove_file(&path) {
        Ok(()) => Ok(path),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(path),
        Err(e) => Err(format!("cannot remove {}: {e}", path.display())),
    }
}

/// Adds the environment that makes insta strict (never write or accept
/// snapshots, fail on mismatch) and records referenced snapshots.
fn strict_insta(cmd: CargoCmd, references: &Path) -> CargoCmd {
    cmd.env("INSTA_UPDATE", "no")
        .env("INSTA_FORCE_PASS", "0")
        .env("CI", "true")
        .env(
            "INSTA_SNAPSHOT_REFERENCES_FILE",
            references.to_string_lossy(),
        )
}

/// `cargo test --workspace --all-targets` with strict insta settings,
/// recording referenced snapshots in `references`.
pub(crate) fn test_command(references: &Path) -> CargoCmd {
    strict_insta(
        CargoCmd::new(&["test", "--workspace", "--all-targets", "--all-features"]),
        references,
    )
}

/// `cargo test --workspace --doc` with strict insta settings, recording
/// referenced snapshots in `references` (`--all-targets` does not run doc tests).
pub(crate) fn doctest_command(references: &Path) -> CargoCmd {
    strict_insta(
        CargoCmd::new(&["test", "--workspace", "--all-features", "--doc"]),
        references,
    )
}

/// Snapshot-related files found in the repository.
#[derive(Debug, Default)]
struct Found {
    /// Accepted file snapshots (`*.snap`).
    snapshots: Vec<PathBuf>,
    /// Pending file snapshots (`*.snap.new`).
    pending: Vec<PathBuf>,
    /// Pending inline snapshots (`.<source>.rs.pending-snap`).
    pending_inline: Vec<PathBuf>,
    /// Data files of pending binary snapshots (`*.snap.new.<ext>`).
    pending_data: Vec<PathBuf>,
}

impl Found {
    /// Every pending file, sorted.
    fn all_pending(&self) -> Vec<&PathBuf> {
        let mut all: Vec<&PathBuf> = self
            .pending
            .iter()
            .chain(&self.pending_inline)
            .chain(&self.pending_data)
            .collect();
        all.sort();
        all
    }
}

/// Walks the repository (skipping `.git` and cargo target directories) and
/// collects snapshot files.
fn find(root: &Path) -> Result<Found> {
    let mut found = Found::default();
    walk(root, &root.join("target"), &mut found)?;
    found.snapshots.sort();
    found.pending.sort();
    found.pending_inline.sort();
    found.pending_data.sort();
    Ok(found)
}

/// Recursive part of [`find`].
fn walk(dir: &Path, target_dir: &Path, found: &mut Found) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        let file_type = entry
            .file_type()
            .map_err(|e| format!("cannot stat {}: {e}", path.display()))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if file_type.is_dir() {
            // Cargo marks every target directory with a CACHEDIR.TAG file.
            let skip = name == ".git" || path == target_dir || path.join("CACHEDIR.TAG").is_file();
            if !skip {
                walk(&path, target_dir, found)?;
            }
        } else if file_type.is_file() {
            if name.ends_with(".snap") {
                found.snapshots.push(path);
            } else if name.ends_with(".snap.new") {
                found.pending.push(path);
            } else if name.ends_with(".pending-snap") {
                found.pending_inline.push(path);
            } else if name.contains(".snap.new.") {
                found.pending_data.push(path);
            }
        }
    }
    Ok(())
}

/// Removes `.` and `..` components without touching the file system.
fn lexical_normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A canonical form of `path` for comparisons: resolved through the file
/// system when it exists, lexically normalised otherwise.
fn normalize(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| lexical_normalize(path))
}

/// Reads the references file written by insta. A missing file means no file
/// snapshot assertion ran at all.
fn read_references(root: &Path, references: &Path) -> Result<HashSet<PathBuf>> {
    let text = match fs::read_to_string(references) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", references.display())),
    };
    Ok(text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .map(|line| normalize(&root.join(line)))
        .collect())
}

/// Fails if any snapshot is pending or any `.snap` file is not listed in the
/// references file written by a full test run.
pub(crate) fn check(root: &Path, references: &Path) -> Result {
    let found = find(root)?;
    let referenced = read_references(root, references)?;
    let unreferenced: Vec<&PathBuf> = found
        .snapshots
        .iter()
        .filter(|snapshot| !referenced.contains(&normalize(snapshot)))
        .collect();
    let pending = found.all_pending();

    if pending.is_empty() && unreferenced.is_empty() {
        println!(
            "snapshots: {} snapshot file(s), all referenced by tests, none pending",
            found.snapshots.len()
        );
        return Ok(());
    }

    let mut message = String::from("snapshot check failed");
    if !pending.is_empty() {
        message.push_str("\n  pending snapshots (review with `cargo xtask snapshots --review`):");
        for path in &pending {
            message.push_str("\n    ");
            message.push_str(&relative(root, path));
        }
    }
    if !unreferenced.is_empty() {
        message.push_str("\n  unreferenced snapshots (no test asserted them; delete these files):");
        for path in &unreferenced {
            message.push_str("\n    ");
            message.push_str(&relative(root, path));
        }
    }
    message.push_str("\n  to fix: ");
    message.push_str(HOW_TO_FIX);
    Err(message)
}

/// Whether `cargo insta --version` succeeds.
fn cargo_insta_available(root: &Path) -> bool {
    CargoCmd::new(&["insta", "--version"])
        .command(root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Interactive review: `cargo insta review` if available, a built-in prompt otherwise.
fn review(root: &Path) -> Result {
    if cargo_insta_available(root) {
        return CargoCmd::new(&["insta", "review"]).run(root);
    }
    let found = find(root)?;
    let total = found.pending.len() + found.pending_inline.len();
    if total == 0 && found.pending_data.is_empty() {
        println!("no pending snapshots");
        return Ok(());
    }
    if !io::stdin().is_terminal() {
        list_pending(root, &found);
        return Err("stdin is not a terminal, cannot review interactively; use \
             `cargo xtask snapshots --accept-all` or `--reject-all`, or install cargo-insta"
            .to_owned());
    }

    let mut stdin = io::stdin().lock();
    let (mut accepted, mut rejected, mut skipped) = (0, 0, 0);
    for (index, new) in found.pending.iter().enumerate() {
        let target = accepted_path(new)?;
        println!("\n==> [{}/{total}] {}", index + 1, relative(root, &target));
        match fs::read(&target) {
            Ok(old) => {
                println!("--- old snapshot ---");
                print_block(&String::from_utf8_lossy(&old));
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {
                println!("--- old snapshot: none, this is a new snapshot ---");
            }
            Err(e) => return Err(format!("cannot read {}: {e}", target.display())),
        }
        let new_text = fs::read(new).map_err(|e| format!("cannot read {}: {e}", new.display()))?;
        println!("+++ new snapshot +++");
        print_block(&String::from_utf8_lossy(&new_text));
        match prompt(&mut stdin, "accept / reject / skip [a/r/s]: ", "ars")? {
            'a' => {
                accept(new)?;
                accepted += 1;
            }
            'r' => {
                reject(new)?;
                rejected += 1;
            }
            _ => skipped += 1,
        }
    }
    for (index, inline) in found.pending_inline.iter().enumerate() {
        println!(
            "\n==> [{}/{total}] {}: pending inline snapshot; accepting it needs \
             cargo-insta (or update the literal in the source by hand)",
            found.pending.len() + index + 1,
            relative(root, inline)
        );
        match prompt(&mut stdin, "reject / skip [r/s]: ", "rs")? {
            'r' => {
                remove(inline)?;
                rejected += 1;
            }
            _ => skipped += 1,
        }
    }
    println!("accepted {accepted}, rejected {rejected}, skipped {skipped}");
    Ok(())
}

/// Prints `text` followed by exactly one newline.
fn print_block(text: &str) {
    println!("{}", text.strip_suffix('\n').unwrap_or(text));
}

/// Asks `question` until the answer's first letter is one of `choices`.
fn prompt(stdin: &mut impl BufRead, question: &str, choices: &str) -> Result<char> {
    loop {
        print!("{question}");
        io::stdout()
            .flush()
            .map_err(|e| format!("cannot write to stdout: {e}"))?;
        let mut line = String::new();
        let read = stdin
            .read_line(&mut line)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        if read == 0 {
            return Err("stdin closed, review stopped".to_owned());
        }
        let answer = line.trim().chars().next().map(|c| c.to_ascii_lowercase());
        if let Some(answer) = answer.filter(|c| choices.contains(*c)) {
            return Ok(answer);
        }
    }
}

/// Prints every pending file.
fn list_pending(root: &Path, found: &Found) {
    println!("pending snapshots:");
    for path in found.all_pending() {
        println!("    {}", relative(root, path));
    }
}

/// Accepts every pending snapshot (`cargo insta accept` if available).
fn accept_all(root: &Path) -> Result {
    if cargo_insta_available(root) {
        return CargoCmd::new(&["insta", "accept"]).run(root);
    }
    let found = find(root)?;
    for new in &found.pending {
        accept(new)?;
        println!("accepted {}", relative(root, &accepted_path(new)?));
    }
    let leftovers: Vec<&PathBuf> = found
        .pending_inline
        .iter()
        .chain(found.pending_data.iter().filter(|data| data.exists()))
        .collect();
    if leftovers.is_empty() {
        if found.pending.is_empty() {
            println!("no pending snapshots");
        }
        return Ok(());
    }
    let mut message = String::from(
        "cannot accept these without cargo-insta (inline snapshots, or binary data \
         without a .snap.new): install cargo-insta, or update the source by hand and \
         run `cargo xtask snapshots --reject-all`",
    );
    for path in leftovers {
        message.push_str("\n    ");
        message.push_str(&relative(root, path));
    }
    Err(message)
}

/// Rejects (deletes) every pending snapshot (`cargo insta reject` if available).
fn reject_all(root: &Path) -> Result {
    if cargo_insta_available(root) {
        return CargoCmd::new(&["insta", "reject"]).run(root);
    }
    let found = find(root)?;
    for path in found.all_pending() {
        if path.exists() {
            remove(path)?;
            println!("rejected {}", relative(root, path));
        }
    }
    if found.all_pending().is_empty() {
        println!("no pending snapshots");
    }
    Ok(())
}

/// The `.snap` path a pending `.snap.new` file is accepted to.
fn accepted_path(new: &Path) -> Result<PathBuf> {
    new.file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_suffix(".new"))
        .map(|name| new.with_file_name(name))
        .ok_or_else(|| format!("not a pending snapshot: {}", new.display()))
}

/// Files next to `path` whose names start with `prefix`.
fn siblings_with_prefix(path: &Path, prefix: &str) -> Result<Vec<PathBuf>> {
    let Some(dir) = path.parent() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

/// File name of `path` as a string (empty if it has none).
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Removes a file, with a readable error.
fn remove(path: &Path) -> Result {
    fs::remove_file(path).map_err(|e| format!("cannot delete {}: {e}", path.display()))
}

/// Accepts a pending `.snap.new`: writes it over the `.snap` (dropping the
/// `assertion_line` metadata, as insta does when it saves a snapshot) and
/// moves the data files of binary snapshots (`.snap.new.<ext>` → `.snap.<ext>`).
fn accept(new: &Path) -> Result {
    let target = accepted_path(new)?;
    match fs::read_to_string(new) {
        Ok(text) => {
            fs::write(&target, strip_assertion_line(&text))
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            remove(new)?;
        }
        // Not text: keep the file exactly as insta wrote it.
        Err(_) => {
            fs::rename(new, &target).map_err(|e| format!("cannot rename {}: {e}", new.display()))?
        }
    }

    let target_name = file_name(&target);
    let new_data = siblings_with_prefix(new, &format!("{}.", file_name(new)))?;
    if !new_data.is_empty() {
        // Drop the old data file(s) first: the extension may have changed.
        let prefix = format!("{target_name}.");
        for old in siblings_with_prefix(&target, &prefix)? {
            let old_name = file_name(&old);
            let rest = old_name.strip_prefix(&prefix).unwrap_or_default();
            if rest != "new" && !rest.starts_with("new.") {
                remove(&old)?;
            }
        }
        for data in new_data {
            let accepted =
                data.with_file_name(file_name(&data).replacen(".snap.new.", ".snap.", 1));
            fs::rename(&data, &accepted)
                .map_err(|e| format!("cannot rename {}: {e}", data.display()))?;
        }
    }
    Ok(())
}

/// Rejects a pending `.snap.new` and its binary data files.
fn reject(new: &Path) -> Result {
    for data in siblings_with_prefix(new, &format!("{}.", file_name(new)))? {
        remove(&data)?;
    }
    remove(new)
}

/// Removes the `assertion_line:` entry from a snapshot's metadata header.
fn strip_assertion_line(text: &str) -> String {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text.to_owned();
    };
    if rest.starts_with("---\n") {
        return text.to_owned();
    }
    let Some(end) = rest.find("\n---\n") else {
        return text.to_owned();
    };
    let mut out = String::from("---\n");
    for line in rest[..end].split('\n') {
        if !line.starts_with("assertion_line:") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(&rest[end + 1..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch directory under the system temp dir, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Result<Self> {
            let dir =
                std::env::temp_dir().join(format!("xtask-snapshots-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            Ok(Scratch(fs::canonicalize(&dir).map_err(|e| e.to_string())?))
        }

        fn write(&self, rel: &str, contents: &str) -> Result<PathBuf> {
            let path = self.0.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| e.to_string())?;
            }
            fs::write(&path, contents).map_err(|e| e.to_string())?;
            Ok(path)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    const SNAP: &str = "---\nsource: tests/a.rs\nassertion_line: 7\nexpression: x\n---\nhello\n";

    /// A tree with one referenced snapshot plus ignored look-alikes in
    /// `target/` and `.git/`.
    fn base_tree(name: &str) -> Result<(Scratch, PathBuf)> {
        let dir = Scratch::new(name)?;
        let snap = dir.write("crates/a/tests/snapshots/a__one.snap", SNAP)?;
        dir.write("target/debug/x.snap", SNAP)?;
        dir.write("target/debug/x.snap.new", SNAP)?;
        dir.write(".git/x.snap.new", SNAP)?;
        dir.write("other-target/CACHEDIR.TAG", "")?;
        dir.write("other-target/y.snap", SNAP)?;
        // insta writes absolute paths built from the workspace root, which may
        // contain `..` when a custom snapshot path is used.
        let references = dir.write(
            "target/xtask/refs.txt",
            &format!(
                "{}\n{}\n",
                snap.display(),
                dir.0
                    .join("crates/a/tests/../tests/snapshots/a__one.snap")
                    .display()
            ),
        )?;
        Ok((dir, references))
    }

    #[test]
    fn all_referenced_passes() -> Result {
        let (dir, references) = base_tree("pass")?;
        check(&dir.0, &references)
    }

    #[test]
    fn pending_file_snapshot_fails() -> Result {
        let (dir, references) = base_tree("pending")?;
        dir.write("crates/a/tests/snapshots/a__one.snap.new", SNAP)?;
        let err = check(&dir.0, &references).err().unwrap_or_default();
        assert!(
            err.contains("crates/a/tests/snapshots/a__one.snap.new"),
            "{err}"
        );
        assert!(err.contains("cargo xtask snapshots --review"), "{err}");
        Ok(())
    }

    #[test]
    fn pending_inline_snapshot_fails() -> Result {
        let (dir, references) = base_tree("inline")?;
        dir.write("crates/a/src/.lib.rs.pending-snap", "{}")?;
        let err = check(&dir.0, &references).err().unwrap_or_default();
        assert!(err.contains("crates/a/src/.lib.rs.pending-snap"), "{err}");
        Ok(())
    }

    #[test]
    fn unreferenced_snapshot_fails() -> Result {
        let (dir, references) = base_tree("unreferenced")?;
        dir.write("crates/a/src/snapshots/a__gone.snap", SNAP)?;
        let err = check(&dir.0, &references).err().unwrap_or_default();
        assert!(err.contains("unreferenced"), "{err}");
        assert!(err.contains("crates/a/src/snapshots/a__gone.snap"), "{err}");
        assert!(!err.contains("a__one.snap"), "{err}");
        Ok(())
    }

    #[test]
    fn missing_references_file_means_nothing_referenced() -> Result {
        let (dir, _) = base_tree("missing")?;
        let err = check(&dir.0, &dir.0.join("does-not-exist"))
            .err()
            .unwrap_or_default();
        assert!(err.contains("a__one.snap"), "{err}");
        Ok(())
    }

    #[test]
    fn accept_and_reject() -> Result {
        let dir = Scratch::new("accept")?;
        let new = dir.write("s/a__one.snap.new", SNAP)?;
        dir.write("s/a__bin.snap", "---\nextension: txt\n---\n")?;
        dir.write("s/a__bin.snap.txt", "old")?;
        let new_bin = dir.write("s/a__bin.snap.new", "---\nextension: png\n---\n")?;
        dir.write("s/a__bin.snap.new.png", "new")?;
        let rejected = dir.write("s/a__two.snap.new", SNAP)?;
        dir.write("s/a__two.snap.new.png", "x")?;

        accept(&new)?;
        accept(&new_bin)?;
        reject(&rejected)?;

        let read = |rel: &str| fs::read_to_string(dir.0.join(rel)).map_err(|e| e.to_string());
        assert_eq!(
            read("s/a__one.snap")?,
            "---\nsource: tests/a.rs\nexpression: x\n---\nhello\n"
        );
        assert_eq!(read("s/a__bin.snap.png")?, "new");
        let mut left: Vec<String> = fs::read_dir(dir.0.join("s"))
            .map_err(|e| e.to_string())?
            .filter_map(|entry| entry.ok().map(|e| file_name(&e.path())))
            .collect();
        left.sort();
        assert_eq!(left, ["a__bin.snap", "a__bin.snap.png", "a__one.snap"]);
        Ok(())
    }

    #[test]
    fn strip_assertion_line_only_touches_the_header() {
        let body = "---\nsource: a\n---\nassertion_line: 3\n";
        assert_eq!(strip_assertion_line(body), body);
        assert_eq!(
            strip_assertion_line("---\nassertion_line: 3\n---\nx\n"),
            "---\n---\nx\n"
        );
        assert_eq!(strip_assertion_line("no header"), "no header");
    }

    #[test]
    fn lexical_normalize_handles_dots() {
        assert_eq!(
            lexical_normalize(Path::new("/a/b/../c/./d.snap")),
            PathBuf::from("/a/c/d.snap")
        );
    }
}
