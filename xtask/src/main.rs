//! Project automation for the payments-rs workspace, run as `cargo xtask <command>`
//! (the alias lives in `.cargo/config.toml`).
//!
//! * `cargo xtask ci` runs every check CI runs, in order, stopping at the first failure.
//! * `cargo xtask snapshots --check | --review | --accept-all | --reject-all` manages
//!   insta snapshots without requiring `cargo-insta`.
//! * `cargo xtask fixtures refresh | --check` records or checks recorded fixtures.
//! * `cargo xtask deps` checks that feature-gated crates keep heavy dependencies out.
//! * `cargo xtask package` packages every published crate and tests it from the package.
//! * `cargo xtask fuzz` seeds and runs the cargo-fuzz targets (nightly and cargo-fuzz).
//!
//! The crate deliberately uses only `std` so that it compiles in a couple of seconds.

// This is a command-line tool: printing to stdout is its job.
#![allow(clippy::print_stdout)]

mod ci;
mod deps;
mod fixtures;
mod fuzz;
mod package;
mod snapshots;

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus, Stdio};

/// Result type used throughout xtask: errors are human-readable messages that
/// `main` prints before exiting with a non-zero status.
type Result<T = ()> = std::result::Result<T, String>;

/// Help text printed by `cargo xtask help`.
const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  ci                        run every CI check in order (fmt, clippy, tests, doc tests,
                            rustdoc, snapshot check, dependency isolation, fixtures,
                            packaged tests, a fuzzing smoke where nightly is present)
  snapshots --check         fail if insta snapshots are pending or unreferenced
                            (runs the test suite to find out which snapshots are used;
                            add `--references-file PATH` to reuse an existing
                            INSTA_SNAPSHOT_REFERENCES_FILE instead)
  snapshots --review        review pending snapshots (uses `cargo insta review` when
                            cargo-insta is installed, a built-in prompt otherwise)
  snapshots --accept-all    accept every pending snapshot
  snapshots --reject-all    reject (delete) every pending snapshot
  fixtures refresh [PROVIDER...] [--live]
                            record every provider's scenario through the real clients into
                            fixtures/<provider>/recorded/ (in-process sandbox, fixed seed and
                            clock; --live: the provider's own test environment)
  fixtures --check          re-record into a temporary directory, fail on any difference
  deps                      check that crates keep forbidden dependencies out of their
                            normal dependency tree
  package                   package every published crate and run its tests from the
                            unpacked packages (what a crates.io consumer would run)
  fuzz [--seconds N] [TARGET...]
                            seed fuzz/corpus/ from the fixtures, then run every cargo-fuzz
                            target (or those named) for N seconds each (default 30) and
                            report executions, wall time and crashes; needs a nightly
                            toolchain and cargo-fuzz (skipped, with a note, without them);
                            not part of `ci`
  help                      print this message
";

fn main() -> ExitCode {
    match real_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Parses the command line and dispatches to the sub-command.
fn real_main() -> Result {
    let args = std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| format!("argument is not valid UTF-8: {arg:?}"))
        })
        .collect::<Result<Vec<String>>>()?;
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    match args.as_slice() {
        ["help" | "-h" | "--help"] => {
            print!("{USAGE}");
            Ok(())
        }
        [] => Err(format!("missing command\n\n{USAGE}")),
        ["ci"] => ci::run(&repo_root()?),
        ["deps"] => deps::run(&repo_root()?),
        ["package"] => package::run(&repo_root()?),
        ["fuzz", rest @ ..] => fuzz::cli(&repo_root()?, rest),
        ["fixtures", rest @ ..] => fixtures::cli(&repo_root()?, rest),
        ["snapshots", rest @ ..] => snapshots::cli(&repo_root()?, rest),
        [other, ..] => Err(format!("unknown command or arguments `{other}`\n\n{USAGE}")),
    }
}

/// Absolute path of the repository root, i.e. the parent of the xtask crate.
fn repo_root() -> Result<PathBuf> {
    // `cargo run` sets CARGO_MANIFEST_DIR at run time too; prefer it so that a
    // moved checkout still works, and fall back to the compile-time value.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let root = manifest_dir.parent().ok_or_else(|| {
        format!(
            "cannot find the repository root: {} has no parent directory",
            manifest_dir.display()
        )
    })?;
    std::fs::canonicalize(root)
        .map_err(|e| format!("cannot resolve repository root {}: {e}", root.display()))
}

/// The cargo executable to use for child processes: the one running us if
/// known (`$CARGO`), otherwise `cargo` from `PATH`.
fn cargo_program() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"))
}

/// A cargo invocation: its arguments plus extra environment variables.
///
/// It can render itself as a copy-pasteable shell command so that failures
/// tell the developer exactly how to reproduce them.
#[derive(Debug, Clone)]
struct CargoCmd {
    /// Arguments after `cargo`.
    args: Vec<String>,
    /// Extra environment variables set for the child process.
    envs: Vec<(String, String)>,
}

impl CargoCmd {
    /// A `cargo` invocation with the given arguments and no extra environment.
    fn new(args: &[&str]) -> Self {
        CargoCmd {
            args: args.iter().map(|arg| (*arg).to_owned()).collect(),
            envs: Vec::new(),
        }
    }

    /// Adds an environment variable for the child process.
    fn env(mut self, key: &str, value: impl Into<String>) -> Self {
        self.envs.push((key.to_owned(), value.into()));
        self
    }

    /// The command as a shell command line, e.g. `INSTA_UPDATE=no cargo test --doc`.
    fn display(&self) -> String {
        let mut line = String::new();
        for (key, value) in &self.envs {
            let _ = write!(line, "{key}={} ", shell_quote(value));
        }
        line.push_str("cargo");
        for arg in &self.args {
            line.push(' ');
            line.push_str(&shell_quote(arg));
        }
        line
    }

    /// A [`Command`] for this invocation, run from `root`.
    fn command(&self, root: &Path) -> Command {
        let mut command = Command::new(cargo_program());
        command.args(&self.args).current_dir(root);
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        command
    }

    /// Runs the command with inherited stdin/stdout/stderr and returns its exit
    /// status; fails only if it cannot be started.
    fn status(&self, root: &Path) -> Result<ExitStatus> {
        self.command(root)
            .status()
            .map_err(|e| format!("could not start `{}`: {e}", self.display()))
    }

    /// Runs the command with inherited stdin/stdout/stderr and fails unless it
    /// exits successfully.
    fn run(&self, root: &Path) -> Result {
        let status = self.status(root)?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.display()))
        }
    }

    /// Runs the command with captured output; returns `(success, stdout, stderr)`.
    fn output(&self, root: &Path) -> Result<(bool, String, String)> {
        let output = self
            .command(root)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("could not start `{}`: {e}", self.display()))?;
        Ok((
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ))
    }
}

/// Quotes `word` for a POSIX shell if it contains anything but plainly safe characters.
fn shell_quote(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if safe {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// `path` relative to `root` for display, or unchanged if it is outside `root`.
fn relative<'a>(root: &Path, path: &'a Path) -> std::borrow::Cow<'a, str> {
    match path.strip_prefix(root) {
        Ok(rel) => rel.to_string_lossy(),
        Err(_) => path.to_string_lossy(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_only_when_needed() {
        let cmd = CargoCmd::new(&["tree", "--format", "{p}"]).env("RUSTDOCFLAGS", "-D warnings");
        assert_eq!(
            cmd.display(),
            "RUSTDOCFLAGS='-D warnings' cargo tree --format '{p}'"
        );
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("/tmp/a-b_c.txt"), "/tmp/a-b_c.txt");
    }
}
