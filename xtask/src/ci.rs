//! `cargo xtask ci`: every CI check, in order, stopping at the first failure.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{CargoCmd, Result, deps, fixtures, fuzz, package, snapshots};

/// Seconds per target of the fuzzing smoke (it says so and passes where no nightly
/// toolchain or no cargo-fuzz is installed).
const FUZZ_SMOKE_SECONDS: u64 = 10;

/// What a CI step does.
enum Action {
    /// Run a cargo command with inherited stdio.
    Cargo(CargoCmd),
    /// Check pending/unreferenced snapshots against this references file.
    Snapshots(PathBuf),
    /// Run the dependency-isolation table.
    Deps,
    /// Re-record the fixtures and compare.
    Fixtures,
    /// Package every published crate and test it from the package.
    Package,
    /// A short fuzzing smoke where a nightly toolchain and cargo-fuzz are present.
    Fuzz,
}

/// One step of `cargo xtask ci`.
struct Step {
    /// Short name used in headers, errors and the summary.
    name: &'static str,
    /// What to run.
    action: Action,
}

impl Step {
    /// The command a developer can run to reproduce this step on its own.
    fn reproduce(&self) -> String {
        match &self.action {
            Action::Cargo(cmd) => cmd.display(),
            Action::Snapshots(_) => "cargo xtask snapshots --check".to_owned(),
            Action::Deps => "cargo xtask deps".to_owned(),
            Action::Fixtures => "cargo xtask fixtures --check".to_owned(),
            Action::Package => "cargo xtask package".to_owned(),
            Action::Fuzz => format!("cargo xtask fuzz --seconds {FUZZ_SMOKE_SECONDS}"),
        }
    }

    /// Runs the step from the repository root.
    fn execute(&self, root: &Path) -> Result {
        match &self.action {
            Action::Cargo(cmd) => {
                let status = cmd.status(root)?;
                if status.success() {
                    Ok(())
                } else {
                    Err(status.to_string())
                }
            }
            Action::Snapshots(references) => snapshots::check(root, references),
            Action::Deps => deps::run(root),
            Action::Fixtures => fixtures::check(root),
            Action::Package => package::run(root),
            Action::Fuzz => {
                let seconds = FUZZ_SMOKE_SECONDS.to_string();
                fuzz::cli(root, &["--seconds", &seconds])
            }
        }
    }
}

/// The outcome of a step, for the final summary.
enum Outcome {
    /// The step passed after this long.
    Passed(Duration),
    /// The step failed after this long.
    Failed(Duration),
}

/// Runs all CI steps in order; the first failure ends the run with an error
/// naming the step and the command that reproduces it.
pub(crate) fn run(root: &Path) -> Result {
    let references = snapshots::fresh_references_file(root)?;
    let steps = [
        Step {
            name: "fmt",
            action: Action::Cargo(CargoCmd::new(&["fmt", "--all", "--", "--check"])),
        },
        Step {
            name: "clippy",
            action: Action::Cargo(CargoCmd::new(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ])),
        },
        Step {
            name: "tests",
            action: Action::Cargo(snapshots::test_command(&references)),
        },
        Step {
            name: "doc tests",
            action: Action::Cargo(snapshots::doctest_command(&references)),
        },
        Step {
            name: "rustdoc",
            action: Action::Cargo(
                CargoCmd::new(&["doc", "--workspace", "--all-features", "--no-deps"])
                    .env("RUSTDOCFLAGS", "-D warnings"),
            ),
        },
        Step {
            name: "snapshots",
            action: Action::Snapshots(references.clone()),
        },
        Step {
            name: "deps",
            action: Action::Deps,
        },
        Step {
            name: "fixtures",
            action: Action::Fixtures,
        },
        Step {
            name: "package",
            action: Action::Package,
        },
        Step {
            name: "fuzz",
            action: Action::Fuzz,
        },
    ];

    let total = steps.len();
    let started = Instant::now();
    let mut outcomes = Vec::with_capacity(total);
    for (index, step) in steps.iter().enumerate() {
        println!(
            "==> [{}/{total}] {}: {}",
            index + 1,
            step.name,
            step.reproduce()
        );
        let step_started = Instant::now();
        let result = step.execute(root);
        let elapsed = step_started.elapsed();
        match result {
            Ok(()) => outcomes.push(Outcome::Passed(elapsed)),
            Err(error) => {
                outcomes.push(Outcome::Failed(elapsed));
                print_summary(&steps, &outcomes, started.elapsed());
                return Err(format!(
                    "ci step [{}/{total}] `{}` failed: {error}\n  reproduce with: {}",
                    index + 1,
                    step.name,
                    step.reproduce()
                ));
            }
        }
    }
    print_summary(&steps, &outcomes, started.elapsed());
    println!("ci: all {total} steps passed");
    Ok(())
}

/// Prints one line per step with its outcome and duration.
fn print_summary(steps: &[Step], outcomes: &[Outcome], total: Duration) {
    println!("==> summary");
    for (index, step) in steps.iter().enumerate() {
        let (status, time) = match outcomes.get(index) {
            Some(Outcome::Passed(time)) => ("ok", Some(time)),
            Some(Outcome::Failed(time)) => ("FAILED", Some(time)),
            None => ("not run", None),
        };
        let time = time.map_or_else(String::new, |t| format!("{:>7.1}s", t.as_secs_f64()));
        println!("    {status:<8} {:<10} {time}", step.name);
    }
    println!("    total               {:>7.1}s", total.as_secs_f64());
}
