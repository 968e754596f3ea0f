//! `cargo xtask fuzz [--seconds N] [TARGET...]`: seeds the cargo-fuzz corpora from the
//! fixtures, then runs every target (or the ones named) for N seconds each (default 30),
//! one after the other, and reports executions, wall time and crashes per target.
//!
//! The fuzz crate (`fuzz/`) is its own workspace and needs a nightly toolchain and
//! cargo-fuzz; without either this command says so and succeeds, so it can sit in any
//! script. A crash fails the command and names the input libFuzzer saved.
//!
//! Seeds (written into `fuzz/corpus/<target>/`, generated and gitignored):
//! * callback targets: every documented body of that provider, with empty header fields;
//! * amount targets: every number and numeric string in the fixtures;
//! * `decode_responses`: every documented and recorded response body, prefixed with its
//!   provider, its operation's index in the provider's `OPERATIONS` table (read from
//!   `crates/<provider>-api/src/operations.rs`) and its status; request documents too;
//! * `cli_data`: every documented and recorded request document, once per request type;
//! * `ccpro_multipart`: CCPro's documented bodies as raw bytes.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::{Result, relative};

/// The providers in the order of `TABLES` in `fuzz/src/lib.rs`: a `decode_responses`
/// input's first byte is an index into this list.
const PROVIDERS: [&str; 5] = ["coincover", "covery", "coinspaid", "coinify", "ccpro"];

/// How many request types `cli_data` picks from (its `REQUESTS` table); a seed is written
/// for each.
const CLI_REQUEST_TYPES: u8 = 8;

const DEFAULT_SECONDS: u64 = 30;

/// Parses the arguments and runs.
pub(crate) fn cli(root: &Path, args: &[&str]) -> Result {
    let mut seconds = DEFAULT_SECONDS;
    let mut only = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--seconds" => {
                let value = args.next().ok_or("--seconds needs a number")?;
                seconds = value
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| format!("--seconds: `{value}` is not a positive number"))?;
            }
            flag if flag.starts_with('-') => return Err(format!("fuzz: unknown option `{flag}`")),
            target => only.push(target.to_owned()),
        }
    }
    run(root, seconds, &only)
}

/// A `cargo +nightly …` command from the repository root. `cargo` is the rustup proxy on
/// `PATH` (the `$CARGO` running xtask is a toolchain's own binary, which ignores
/// `+nightly`), and the toolchain choice of the outer cargo is not inherited.
fn nightly(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command
        .arg("+nightly")
        .args(args)
        .current_dir(root)
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC");
    command
}

/// `true` when the command runs and succeeds (output discarded).
fn works(mut command: Command) -> bool {
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One target's outcome.
struct Report {
    target: String,
    executions: Option<u64>,
    seconds: f64,
    crash: Option<String>,
}

fn run(root: &Path, seconds: u64, only: &[String]) -> Result {
    if !works(nightly(root, &["--version"])) {
        println!("fuzz: skipped, no nightly toolchain (rustup toolchain install nightly)");
        return Ok(());
    }
    if !works(nightly(root, &["fuzz", "--version"])) {
        println!("fuzz: skipped, cargo-fuzz is not installed (cargo install cargo-fuzz --locked)");
        return Ok(());
    }
    let listed = nightly(root, &["fuzz", "list"])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run `cargo +nightly fuzz list`: {e}"))?;
    if !listed.status.success() {
        return Err("`cargo +nightly fuzz list` failed".into());
    }
    let all: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let targets: Vec<String> = if only.is_empty() {
        all.clone()
    } else {
        for t in only {
            if !all.contains(t) {
                return Err(format!(
                    "fuzz: no target `{t}` (targets: {})",
                    all.join(", ")
                ));
            }
        }
        only.to_vec()
    };

    let fuzz_dir = root.join("fuzz");
    let seeds = Seeds::collect(root)?;
    for target in &targets {
        let dir = fuzz_dir.join("corpus").join(target);
        let written = seeds.write(target, &dir)?;
        println!(
            "fuzz: {target}: {written} seeds in {}",
            relative(root, &dir)
        );
    }

    // One build first, so the per-target times below are fuzzing time.
    println!("fuzz: building the targets (cargo +nightly fuzz build -a)");
    let status = nightly(root, &["fuzz", "build", "-a"])
        .status()
        .map_err(|e| format!("could not run `cargo +nightly fuzz build`: {e}"))?;
    if !status.success() {
        return Err(format!("`cargo +nightly fuzz build -a` failed ({status})"));
    }

    let logs = fuzz_dir.join("logs");
    fs::create_dir_all(&logs).map_err(|e| format!("cannot create {}: {e}", logs.display()))?;
    let mut reports = Vec::new();
    for target in &targets {
        let max_time = format!("-max_total_time={seconds}");
        println!(
            "==> fuzz {target} for {seconds} s: cargo +nightly fuzz run {target} -a -- {max_time}"
        );
        let started = Instant::now();
        let output = nightly(root, &["fuzz", "run", target, "-a", "--", &max_time])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("could not run `cargo +nightly fuzz run {target}`: {e}"))?;
        let elapsed = started.elapsed().as_secs_f64();
        let mut log = output.stdout;
        log.extend_from_slice(&output.stderr);
        let log = String::from_utf8_lossy(&log).into_owned();
        let log_path = logs.join(format!("{target}.log"));
        fs::write(&log_path, &log)
            .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
        let crash = (!output.status.success()).then(|| crash_summary(&log, target));
        let report = Report {
            target: target.clone(),
            executions: executions(&log),
            seconds: elapsed,
            crash,
        };
        print_report(&report);
        if let Some(crash) = &report.crash {
            println!("{crash}\n    full log: {}", relative(root, &log_path));
        }
        reports.push(report);
    }

    println!("==> fuzz summary ({seconds} s per target)");
    for r in &reports {
        print_report(r);
    }
    let crashed: Vec<&str> = reports
        .iter()
        .filter(|r| r.crash.is_some())
        .map(|r| r.target.as_str())
        .collect();
    if crashed.is_empty() {
        println!("fuzz: no crash in {} targets", reports.len());
        Ok(())
    } else {
        Err(format!(
            "fuzz: crash in {} (inputs under fuzz/artifacts/, logs under fuzz/logs/)",
            crashed.join(", ")
        ))
    }
}

fn print_report(r: &Report) {
    let executions = r
        .executions
        .map_or_else(|| "?".to_owned(), |n| n.to_string());
    let outcome = if r.crash.is_some() { "CRASH" } else { "ok" };
    println!(
        "    {outcome:<6} {:<20} {executions:>12} executions {:>8.1}s wall",
        r.target, r.seconds
    );
}

/// The execution count from libFuzzer's `Done N runs in S second(s)`, or its last status
/// line `#N …` when it stopped early.
fn executions(log: &str) -> Option<u64> {
    let done = log.lines().rev().find_map(|l| {
        l.strip_prefix("Done ")?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    });
    done.or_else(|| {
        log.lines().rev().find_map(|l| {
            l.strip_prefix('#')?
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
    })
}

/// The panic message, the saved input and how to replay it.
fn crash_summary(log: &str, target: &str) -> String {
    let mut out = String::new();
    let interesting = |l: &&str| {
        l.contains("panicked at")
            || l.starts_with("==")
            || l.contains("Test unit written to")
            || l.contains("ERROR: libFuzzer")
            || l.starts_with("Output of `std::fmt::Debug`")
    };
    let lines: Vec<&str> = log.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if interesting(line) {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
            // The panic message follows its `panicked at` line.
            if line.contains("panicked at")
                && let Some(next) = lines.get(i + 1)
            {
                out.push_str("    ");
                out.push_str(next);
                out.push('\n');
            }
        }
    }
    if let Some(artifact) = lines
        .iter()
        .find_map(|l| l.split("Test unit written to ").nth(1).map(str::trim))
    {
        out.push_str(&format!(
            "    replay: cargo +nightly fuzz run {target} -a {artifact}\n"
        ));
    }
    out
}

/// Seed inputs, gathered once from the fixtures.
#[derive(Default)]
struct Seeds {
    /// `(provider, file stem, body)` of every documented JSON file.
    docs: Vec<(String, String, Vec<u8>)>,
    /// `(provider, operation index or none, status, body)` of response bodies.
    responses: Vec<(usize, Option<usize>, u16, Vec<u8>)>,
    /// `(provider, operation index or none, document)` of request documents.
    requests: Vec<(usize, Option<usize>, Vec<u8>)>,
    /// Numbers and numeric strings as written in JSON (`0.5`, `"0.01000000"`).
    amounts: BTreeSet<String>,
}

impl Seeds {
    fn collect(root: &Path) -> Result<Self> {
        let mut seeds = Seeds::default();
        for (p, provider) in PROVIDERS.iter().enumerate() {
            let names = operation_names(root, provider)?;
            let index = |name: &str| names.iter().position(|n| n == name);
            let base = root.join("fixtures").join(provider);
            for path in json_files(&base.join("docs"))? {
                let text = read(&path)?;
                let stem = stem(&path);
                seeds.amounts.extend(numbers(&text));
                if let Some((op, status)) = stem.split_once(".response.") {
                    if let Ok(status) = status.split('.').next().unwrap_or("").parse() {
                        seeds
                            .responses
                            .push((p, index(op), status, text.clone().into_bytes()));
                    }
                } else if let Some(op) = stem.strip_suffix(".request") {
                    seeds
                        .requests
                        .push((p, index(op), text.clone().into_bytes()));
                }
                seeds
                    .docs
                    .push((provider.to_string(), stem, text.into_bytes()));
            }
            for path in json_files(&base.join("recorded"))? {
                let text = read(&path)?;
                seeds.amounts.extend(numbers(&text));
                let op = field(&text, "operation")
                    .and_then(|o| o.strip_prefix('"')?.strip_suffix('"'))
                    .and_then(index);
                if let Some(input) = field(&text, "input") {
                    seeds.requests.push((p, op, input.as_bytes().to_vec()));
                }
                let mut rest = text.as_str();
                while let Some(at) = rest.find("\"response\"") {
                    rest = &rest[at + "\"response\"".len()..];
                    let Some(response) = after_colon(rest).and_then(value) else {
                        continue;
                    };
                    let status = field(response, "status").and_then(|s| s.parse().ok());
                    if let (Some(status), Some(body)) = (status, field(response, "body")) {
                        seeds
                            .responses
                            .push((p, op, status, body.as_bytes().to_vec()));
                    }
                }
            }
        }
        Ok(seeds)
    }

    /// Writes `target`'s seeds into `dir` (kept: what libFuzzer added earlier).
    fn write(&self, target: &str, dir: &Path) -> Result<usize> {
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        match target {
            "coinspaid_callback" | "covery_callback" => {
                let provider = target.trim_end_matches("_callback");
                for (_, _, body) in self.docs.iter().filter(|(p, ..)| p == provider) {
                    inputs.push([&[0u8, 0][..], body].concat());
                }
            }
            "amount_text" => {
                for a in &self.amounts {
                    inputs.push(a.trim_matches('"').as_bytes().to_vec());
                }
            }
            "amount_json" => inputs.extend(self.amounts.iter().map(|a| a.as_bytes().to_vec())),
            "exact_amount" => {
                for a in &self.amounts {
                    inputs.push(a.as_bytes().to_vec());
                    inputs.push(a.trim_matches('"').as_bytes().to_vec());
                }
            }
            "decode_responses" => {
                for (p, op, status, body) in &self.responses {
                    let Some(op) = op else { continue };
                    let status = match status {
                        200..=299 => status - 200,
                        400..=555 => status - 300,
                        _ => continue,
                    };
                    inputs.push(prefixed(&[*p, *op, usize::from(status)], body));
                }
                for (p, op, doc) in &self.requests {
                    if let Some(op) = op {
                        inputs.push(prefixed(&[*p, *op, 0], doc));
                    }
                }
            }
            "cli_data" => {
                for (_, _, doc) in &self.requests {
                    for selector in 0..CLI_REQUEST_TYPES {
                        inputs.push([&[selector][..], doc].concat());
                    }
                }
                for (i, a) in self.amounts.iter().enumerate().take(64) {
                    let doc = format!(r#"{{"amount": {a}, "price": {a}}}"#);
                    inputs.push([&[i as u8 % CLI_REQUEST_TYPES][..], doc.as_bytes()].concat());
                }
            }
            "ccpro_multipart" => {
                for (_, _, body) in self.docs.iter().filter(|(p, ..)| p == "ccpro") {
                    inputs.push(body.clone());
                }
            }
            _ => {}
        }
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for (i, input) in inputs.iter().enumerate() {
            let path = dir.join(format!("seed-{i:05}"));
            fs::write(&path, input).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(inputs.len())
    }
}

/// `body` after one byte per index (each below 256 in the tables this is used for).
fn prefixed(indices: &[usize], body: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = indices.iter().map(|i| (*i % 256) as u8).collect();
    out.extend_from_slice(body);
    out
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn stem(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".json").to_owned())
        .unwrap_or_default()
}

/// The `.json` files directly in `dir`, sorted; none when it does not exist.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The operation names of `crates/<provider>-api/src/operations.rs` (or `operations/`) in
/// the order of its `OPERATIONS` table: the `&NAME` entries of the table, each looked up as
/// `static NAME: Operation = Operation { name: "…"`.
fn operation_names(root: &Path, provider: &str) -> Result<Vec<String>> {
    let src = root
        .join("crates")
        .join(format!("{provider}-api"))
        .join("src");
    // The table is `src/operations.rs`, or `src/operations/mod.rs` with one file of rows
    // per area beside it (ccpro-api): read them as one text.
    let (path, source) = if src.join("operations.rs").exists() {
        let path = src.join("operations.rs");
        let source = read(&path)?;
        (path, source)
    } else {
        let dir = src.join("operations");
        let mut source = read(&dir.join("mod.rs"))?;
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("mod.rs"))
            .collect();
        files.sort();
        for file in files {
            source.push('\n');
            source.push_str(&read(&file)?);
        }
        (dir.join("mod.rs"), source)
    };
    let unreadable = |what: &str| {
        format!(
            "fuzz: cannot read the OPERATIONS table of {}: {what}",
            path.display()
        )
    };
    let table = source
        .split_once("pub static OPERATIONS: &[&Operation] = &[")
        .and_then(|(_, rest)| rest.split_once("];"))
        .map(|(table, _)| table)
        .ok_or_else(|| unreadable("no `pub static OPERATIONS: &[&Operation] = &[ … ];`"))?;
    let mut names = Vec::new();
    for line in table.lines().map(str::trim) {
        let Some(ident) = line.strip_prefix('&') else {
            continue;
        };
        let ident = ident.trim_end_matches(',');
        let name = source
            .split_once(&format!("static {ident}: Operation = Operation {{"))
            .and_then(|(_, rest)| rest.split_once("name: \""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(name, _)| name.to_owned())
            .ok_or_else(|| unreadable(&format!("no `name` for {ident}")))?;
        names.push(name);
    }
    if names.is_empty() {
        return Err(unreadable("the table is empty"));
    }
    Ok(names)
}

/// The text after the `:` following a key, whitespace skipped.
fn after_colon(text: &str) -> Option<&str> {
    text.trim_start().strip_prefix(':').map(str::trim_start)
}

/// The value of the first `"key": …` in `text` (at any depth: good enough for seeds).
fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let quoted = format!("\"{key}\"");
    let mut rest = text;
    while let Some(at) = rest.find(&quoted) {
        rest = &rest[at + quoted.len()..];
        if let Some(v) = after_colon(rest).and_then(value) {
            return Some(v);
        }
    }
    None
}

/// The JSON value at the start of `text`: an object or array to its matching bracket, a
/// string to its closing quote, anything else to the next delimiter.
fn value(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'{' | b'[' => {
            let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
            for (i, b) in bytes.iter().enumerate() {
                if in_string {
                    match (escaped, b) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(&text[..=i]);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        b'"' => {
            let mut escaped = false;
            for (i, b) in bytes.iter().enumerate().skip(1) {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => return Some(&text[..=i]),
                    _ => {}
                }
            }
            None
        }
        _ => {
            let end = text
                .find(|c: char| matches!(c, ',' | '}' | ']') || c.is_whitespace())
                .unwrap_or(text.len());
            (end > 0).then(|| &text[..end])
        }
    }
}

/// Every JSON number, and every string that looks like one, as written (strings quoted).
fn numbers(text: &str) -> Vec<String> {
    let numeric = |s: &str| {
        !s.is_empty()
            && s.bytes().any(|b| b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b"-+.eE".contains(&b))
    };
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let Some(s) = value(&text[i..]) else { break };
                if numeric(&s[1..s.len() - 1]) {
                    out.push(s.to_owned());
                }
                i += s.len();
            }
            b'-' | b'0'..=b'9' => {
                let s = value(&text[i..]).unwrap_or("");
                if numeric(s) {
                    out.push(s.to_owned());
                }
                i += s.len().max(1);
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fields_and_numbers_are_found_in_json_text() {
        let doc = r#"{"a": {"b": [1, "x}"]}, "status": 201, "s": "0.0100", "n": -1.5e-3}"#;
        assert_eq!(field(doc, "a"), Some(r#"{"b": [1, "x}"]}"#));
        assert_eq!(field(doc, "status"), Some("201"));
        assert_eq!(field(doc, "s"), Some(r#""0.0100""#));
        assert_eq!(field(doc, "missing"), None);
        assert_eq!(numbers(doc), ["1", "201", r#""0.0100""#, "-1.5e-3"]);
    }

    #[test]
    fn libfuzzer_execution_counts_are_read() {
        let log = "#1024\tpulse  cov: 10\n#2048\tDONE   cov: 12\nDone 2048 runs in 31 second(s)\n";
        assert_eq!(executions(log), Some(2048));
        assert_eq!(
            executions("#77\tNEW cov: 3\n==1== ERROR: libFuzzer: deadly signal"),
            Some(77)
        );
        assert_eq!(executions("nothing"), None);
    }

    #[test]
    fn every_provider_table_is_read() {
        let root = crate::repo_root().unwrap_or_else(|e| panic!("{e}"));
        for provider in PROVIDERS {
            let names = operation_names(&root, provider).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                names.iter().all(|n| !n.is_empty() && !n.contains(' ')),
                "{names:?}"
            );
        }
        let coincover = operation_names(&root, "coincover").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            coincover.first().map(String::as_str),
            Some("check-transaction")
        );
    }
}
