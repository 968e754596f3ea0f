//! `payments record-fixtures`: runs each provider's scripted scenario through the real
//! clients and writes every exchange to `<out>/<provider>/recorded/<operation>.<case>.json`.
//!
//! Every step is a row of the provider's operation table called with its JSON input
//! document (as `payments call` takes it), so a recording holds the operation's one name,
//! the input, every exchange and the decoded outcome, and the replay tests need no
//! per-operation code.
//!
//! By default against an in-process sandbox with a fixed seed and clock, so the files are
//! the same on every run; `cargo xtask fixtures --check` relies on that. With `--live`,
//! against the provider's environment named by its variables (`COINCOVER_BASE_URL`,
//! `COINCOVER_TOKEN`), with credentials redacted and run-specific ids.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use payments_core::test_util::{FixedClock, SequenceNonce};
use payments_core::transport::{Exchange, RecordingTransport};
use payments_core::{
    Error, InputFile, JsonOutput, Operation, ReqwestTransport, RetryPolicy, Transport, WithMeta,
};
use payments_sandbox::{Provider, Sandbox, SandboxConfig};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use crate::exit::CliError;
use crate::providers::{BoxFuture, require_env};

mod ccpro;
mod coincover;
mod coinify;
mod coinspaid;
mod covery;

/// The instant the recording sandbox's clock is fixed at (2023-11-14T22:13:20Z).
pub(crate) const RECORDING_CLOCK: u64 = 1_700_000_000;
/// The recording sandbox's seed.
pub(crate) const RECORDING_SEED: u64 = 7;

/// A provider client that calls any row of its table with a JSON input document.
trait CallJson: Sync {
    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: &'a str,
        files: Vec<InputFile>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, Error>>;
}

macro_rules! call_json_for {
    ($($client:ty),*) => {$(
        impl CallJson for $client {
            fn call<'a>(
                &'a self,
                op: &'static Operation,
                input: &'a str,
                files: Vec<InputFile>,
            ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, Error>> {
                Box::pin(self.call_json(op, input, files))
            }
        }
    )*};
}
call_json_for!(
    coincover_api::Client,
    covery_api::Client,
    coinspaid_api::Client,
    coinify_api::Client
);

/// A recorded file, keys in this order.
#[derive(Serialize)]
struct Recording<'a> {
    operation: &'static str,
    case: &'a str,
    input: &'a RawValue,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<RecordedFile>,
    exchanges: Vec<Exchange>,
    outcome: Outcome,
}

/// A file given to the call, its bytes in standard base64.
#[derive(Serialize)]
struct RecordedFile {
    field: String,
    name: String,
    base64: String,
}

/// The decoded result: the success status and the response as the client decoded it
/// (every digit kept), or the error's Display.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Outcome {
    Ok { status: u16, value: Box<RawValue> },
    Error(String),
}

/// One provider's recorder: clients wired to a [`RecordingTransport`].
struct Recorder {
    transport: RecordingTransport,
    files: Vec<(String, String)>,
}

impl Recorder {
    fn new() -> Result<Self, CliError> {
        let inner = ReqwestTransport::new(Duration::from_secs(10))
            .map_err(|e| CliError::transport(format!("cannot build HTTP client: {e}")))?;
        Ok(Recorder {
            transport: RecordingTransport::new(Arc::new(inner)),
            files: Vec::new(),
        })
    }

    fn transport(&self) -> Arc<dyn Transport> {
        Arc::new(self.transport.clone())
    }

    /// Calls `op` with `input` and files the exchanges under `<op>.<case>`; answers the
    /// decoded response when the call succeeded.
    async fn step(
        &mut self,
        client: &dyn CallJson,
        op: &'static Operation,
        case: &str,
        input: Value,
        files: Vec<InputFile>,
    ) -> Result<Option<Value>, CliError> {
        let text = input.to_string();
        let result = client.call(op, &text, files.clone()).await;
        let exchanges: Vec<Exchange> = self.transport.take();
        let invalid = |e: serde_json::Error| CliError::usage(format!("{}.{case}: {e}", op.name));
        let (outcome, value) = match result {
            Ok(out) => {
                let value = serde_json::from_str(&out.value.json).ok();
                let raw = RawValue::from_string(out.value.json).map_err(invalid)?;
                (
                    Outcome::Ok {
                        status: out.value.status.as_u16(),
                        value: raw,
                    },
                    value,
                )
            }
            Err(e) => (Outcome::Error(e.to_string()), None),
        };
        let input = RawValue::from_string(text).map_err(invalid)?;
        let doc = Recording {
            operation: op.name,
            case,
            input: &input,
            files: files
                .into_iter()
                .map(|f| RecordedFile {
                    field: f.field,
                    name: f.name,
                    base64: base64::engine::general_purpose::STANDARD.encode(&f.bytes),
                })
                .collect(),
            exchanges,
            outcome,
        };
        let mut text = crate::output::indent(&serde_json::to_string(&doc).map_err(invalid)?);
        text.push('\n');
        self.files.push((format!("{}.{case}.json", op.name), text));
        Ok(value)
    }
}

/// Writes a provider's recorded files to `out/<provider>/recorded/`; answers how many.
fn write(out: &Path, provider: &str, files: Vec<(String, String)>) -> Result<usize, CliError> {
    let dir = out.join(provider).join("recorded");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::usage(format!("cannot create {}: {e}", dir.display())))?;
    let n = files.len();
    for (name, text) in files {
        let path = dir.join(&name);
        std::fs::write(&path, text)
            .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(n)
}

/// Records the scenarios of `providers` (all when empty) into `out`.
pub(crate) async fn run(out: PathBuf, providers: Vec<String>, live: bool) -> Result<(), CliError> {
    let wanted =
        |name: &str| providers.is_empty() || providers.iter().any(|p| p.eq_ignore_ascii_case(name));
    for p in &providers {
        if !Provider::ALL
            .iter()
            .any(|q| q.name().eq_ignore_ascii_case(p))
        {
            return Err(CliError::usage(format!("unknown provider {p:?}")));
        }
    }
    if live {
        if wanted("coincover") {
            let base = require_env("COINCOVER_BASE_URL")?;
            let token = require_env("COINCOVER_TOKEN")?;
            let run_id = format!(
                "rec{}-",
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            );
            let files = coincover::scenario(base, token, &run_id).await?;
            let n = write(&out, "coincover", files)?;
            println!(
                "coincover: recorded {n} exchanges (live) into {}",
                out.display()
            );
        }
        return Ok(());
    }
    let config = SandboxConfig::default()
        .with_seed(RECORDING_SEED)
        .with_clock(payments_sandbox::SandboxClock::fixed(RECORDING_CLOCK));
    let running = Sandbox::start(config)
        .await
        .map_err(|e| CliError::transport(format!("cannot start the sandbox: {e}")))?;
    if wanted("coincover") {
        let token = running.credentials().coincover_token.clone();
        let files = coincover::scenario(running.url(Provider::CoinCover), token, "").await?;
        let n = write(&out, "coincover", files)?;
        println!("coincover: recorded {n} exchanges into {}", out.display());
    }
    if wanted("covery") {
        let c = running.credentials().clone();
        let files = covery::scenario(
            running.url(Provider::Covery),
            c.covery_token,
            c.covery_secret,
            Some(c.covery_event_token),
            Some(running.base_url()),
            "",
        )
        .await?;
        let n = write(&out, "covery", files)?;
        println!("covery: recorded {n} exchanges into {}", out.display());
    }
    if wanted("coinspaid") {
        let c = running.credentials().clone();
        let files = coinspaid::scenario(
            running.url(Provider::CoinsPaid),
            c.coinspaid_key,
            c.coinspaid_secret,
            "",
        )
        .await?;
        let n = write(&out, "coinspaid", files)?;
        println!("coinspaid: recorded {n} exchanges into {}", out.display());
    }
    if wanted("coinify") {
        let c = running.credentials().clone();
        let wrong = payments_sandbox::coinify::generate_key_pair()
            .map_err(|e| CliError::usage(format!("cannot generate a second key: {e}")))?;
        let files = coinify::scenario(
            running.url(Provider::Coinify),
            c.coinify_partner_id,
            c.coinify_private_key_pem,
            Some(wrong.private_key_pem),
            "",
        )
        .await?;
        let n = write(&out, "coinify", files)?;
        println!("coinify: recorded {n} exchanges into {}", out.display());
    }
    if wanted("ccpro") {
        let c = running.credentials().clone();
        let wrong = payments_sandbox::coinify::generate_key_pair()
            .map_err(|e| CliError::usage(format!("cannot generate a second key: {e}")))?;
        let files = ccpro::scenario(
            running.url(Provider::Ccpro),
            running.base_url(),
            c.ccpro_platform_id,
            c.ccpro_private_key_pem,
            wrong.private_key_pem,
        )
        .await?;
        let n = write(&out, "ccpro", files)?;
        println!("ccpro: recorded {n} exchanges into {}", out.display());
    }
    running.shutdown().await;
    Ok(())
}
