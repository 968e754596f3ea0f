//! `cargo xtask deps`: dependency isolation.
//!
//! Some crates (or feature combinations) must stay light: a webhook verifier
//! should not pull in an HTTP client, a bearer-token client should not pull in
//! JWT or RSA code. [`RULES`] lists those constraints; each row is checked with
//! `cargo tree -e normal`, i.e. against normal dependencies only (dev- and
//! build-dependencies are ignored).

use std::collections::BTreeSet;
use std::path::Path;

use crate::{CargoCmd, Result};

/// One row of the dependency-isolation table.
struct Rule {
    /// The package (`cargo tree -p`) to inspect.
    package: &'static str,
    /// Cargo feature arguments, e.g. `["--no-default-features", "--features", "webhook"]`.
    /// Empty means default features.
    features: &'static [&'static str],
    /// Crate names that must not appear in the normal dependency tree.
    forbidden: &'static [&'static str],
}

/// The dependency-isolation table. Add a row per package / feature set to
/// enforce. Rows whose package is not (yet) a workspace member are skipped.
const RULES: &[Rule] = &[
    Rule {
        package: "coincover-api",
        features: &[],
        forbidden: &[
            "jsonwebtoken",
            "rsa",
            "hmac",
            "payments-test-support",
            "axum",
            "clap",
            "tracing-subscriber",
        ],
    },
    Rule {
        package: "covery-api",
        features: &[],
        forbidden: &[
            "jsonwebtoken",
            "rsa",
            "hmac",
            "payments-test-support",
            "axum",
            "clap",
            "tracing-subscriber",
        ],
    },
    Rule {
        package: "coinspaid-api",
        features: &[],
        forbidden: &[
            "jsonwebtoken",
            "rsa",
            "payments-test-support",
            "axum",
            "clap",
            "tracing-subscriber",
        ],
    },
    Rule {
        package: "coinify-api",
        features: &[],
        forbidden: &[
            "hmac",
            "payments-test-support",
            "axum",
            "clap",
            "tracing-subscriber",
        ],
    },
    Rule {
        package: "ccpro-api",
        features: &[],
        forbidden: &[
            "hmac",
            "sha2",
            "payments-test-support",
            "axum",
            "clap",
            "tracing-subscriber",
        ],
    },
    Rule {
        package: "payments-sandbox",
        features: &[],
        forbidden: &[
            "payments-core",
            "coincover-api",
            "covery-api",
            "coinspaid-api",
            "coinify-api",
            "ccpro-api",
        ],
    },
    Rule {
        package: "payments-core",
        features: &["--all-features"],
        forbidden: &[
            "payments-test-support",
            "tracing-subscriber",
            "axum",
            "clap",
        ],
    },
    Rule {
        package: "payments-core",
        features: &["--no-default-features", "--features", "webhook"],
        forbidden: &["reqwest", "tokio", "hyper"],
    },
];

/// Crates only some workspace members may depend on directly (normal edges, every
/// feature): provider crates go through payments-core. The same bans as `deny.toml`'s
/// `wrappers`, checked here without cargo-deny.
const DIRECT_ONLY: &[(&str, &[&str])] = &[
    (
        "reqwest",
        &["payments-core", "payments-sandbox", "payments-cli"],
    ),
    ("jsonwebtoken", &["payments-core", "payments-sandbox"]),
    ("hmac", &["payments-core", "payments-sandbox"]),
    ("sha2", &["payments-core", "payments-sandbox"]),
];

/// The crates that depend directly on `name` (`cargo tree -i NAME --depth 1`), or
/// `None` when nothing in the workspace does.
fn direct_dependents(root: &Path, name: &str) -> Result<Option<Vec<String>>> {
    let cmd = CargoCmd::new(&[
        "tree",
        "--workspace",
        "--all-features",
        "-e",
        "normal",
        "-i",
        name,
        "--depth",
        "1",
        "--prefix",
        "depth",
        "--format",
        "{p}",
    ]);
    let (success, stdout, stderr) = cmd.output(root)?;
    if !success {
        if stderr.contains("did not match any packages") {
            return Ok(None);
        }
        return Err(format!(
            "`{}` failed:\n{}",
            cmd.display(),
            stderr.trim_end()
        ));
    }
    Ok(Some(
        stdout
            .lines()
            .filter_map(|line| line.strip_prefix('1'))
            .filter_map(|rest| rest.split_whitespace().next())
            .map(str::to_owned)
            .collect(),
    ))
}

/// Result of checking one [`Rule`].
enum Verdict {
    /// No forbidden crate found; the tree had this many distinct crates.
    Ok(usize),
    /// The package is not in the workspace (yet).
    Skipped,
    /// Forbidden crates found in the tree.
    Forbidden(Vec<&'static str>),
}

impl Rule {
    /// `cargo tree -p PACKAGE -e normal` plus `extra` and the row's feature arguments.
    fn tree(&self, extra: &[&str]) -> CargoCmd {
        let mut args = vec!["tree", "-p", self.package, "-e", "normal"];
        args.extend_from_slice(extra);
        args.extend_from_slice(self.features);
        CargoCmd::new(&args)
    }

    /// Human description of the feature selection.
    fn describe_features(&self) -> String {
        if self.features.is_empty() {
            "default features".to_owned()
        } else {
            self.features.join(" ")
        }
    }

    /// Runs `cargo tree` and compares its crates with the forbidden list.
    fn check(&self, root: &Path) -> Result<Verdict> {
        let cmd = self.tree(&["--prefix", "none", "--format", "{p}"]);
        let (success, stdout, stderr) = cmd.output(root)?;
        if !success {
            // Without feature arguments cargo says "package ID specification
            // `x` did not match any packages"; with them it refuses first with
            // "cannot specify features for packages outside of workspace".
            if stderr.contains("did not match any packages")
                || stderr.contains("packages outside of workspace")
            {
                return Ok(Verdict::Skipped);
            }
            return Err(format!(
                "`{}` failed:\n{}",
                cmd.display(),
                stderr.trim_end()
            ));
        }
        let crates = crate_names(&stdout);
        let found: Vec<&'static str> = self
            .forbidden
            .iter()
            .copied()
            .filter(|name| crates.contains(name))
            .collect();
        if found.is_empty() {
            Ok(Verdict::Ok(crates.len()))
        } else {
            Ok(Verdict::Forbidden(found))
        }
    }
}

/// Crate names in `cargo tree --prefix none --format {p}` output: the first
/// word of each line (lines look like `name v1.2.3 (path)` or `name v1.2.3 (*)`).
fn crate_names(tree: &str) -> BTreeSet<&str> {
    tree.lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|word| !word.starts_with('['))
        .collect()
}

/// Checks every row of [`RULES`], printing one line per row, and fails if any
/// row found a forbidden crate or could not be checked.
pub(crate) fn run(root: &Path) -> Result {
    let mut failures = Vec::new();
    for rule in RULES {
        let label = format!("{} ({})", rule.package, rule.describe_features());
        match rule.check(root) {
            Ok(Verdict::Ok(count)) => println!(
                "deps: {label}: ok ({count} crates, none of: {})",
                rule.forbidden.join(", ")
            ),
            Ok(Verdict::Skipped) => {
                println!("deps: {label}: skipped: package not in workspace");
            }
            Ok(Verdict::Forbidden(found)) => {
                println!("deps: {label}: FAILED: forbidden {}", found.join(", "));
                let mut message = format!(
                    "{label} must not depend on {}; see what pulls them in with:",
                    found.join(", ")
                );
                for name in found {
                    message.push_str("\n      ");
                    message.push_str(&rule.tree(&["-i", name]).display());
                }
                failures.push(message);
            }
            Err(error) => {
                println!("deps: {label}: FAILED: cargo tree failed");
                failures.push(format!("{label}: {error}"));
            }
        }
    }
    for (name, allowed) in DIRECT_ONLY {
        match direct_dependents(root, name) {
            Ok(None) => println!("deps: {name}: not in the graph"),
            Ok(Some(dependents)) => {
                let others: Vec<&String> = dependents
                    .iter()
                    .filter(|d| !allowed.contains(&d.as_str()))
                    .collect();
                if others.is_empty() {
                    println!(
                        "deps: {name}: ok (depended on directly only by {})",
                        dependents.join(", ")
                    );
                } else {
                    println!("deps: {name}: FAILED: also depended on by {others:?}");
                    failures.push(format!(
                        "only {} may depend on {name} directly; also: {others:?}",
                        allowed.join(", ")
                    ));
                }
            }
            Err(error) => {
                println!("deps: {name}: FAILED: cargo tree failed");
                failures.push(format!("{name}: {error}"));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "dependency isolation check failed:\n  - {}",
            failures.join("\n  - ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_tree_output() {
        let tree = "payments-core v0.1.0 (/w/crates/payments-core)\n\
                    bytes v1.7.1\n\
                    serde v1.0.200\n\
                    serde_derive v1.0.200 (proc-macro)\n\
                    bytes v1.7.1 (*)\n\
                    \n";
        let names: Vec<&str> = crate_names(tree).into_iter().collect();
        assert_eq!(names, ["bytes", "payments-core", "serde", "serde_derive"]);
    }
}
