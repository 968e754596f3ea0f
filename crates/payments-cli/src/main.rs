//! `payments`: run the offline demo, serve the sandbox, call any provider operation, verify
//! a callback, trigger one.
#![allow(clippy::print_stdout)]

mod demo;
mod exit;
mod input;
mod output;
mod providers;
mod record;
mod serve;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::exit::{CliError, Exit};
use crate::providers::ProviderCli;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the provider answered with an error, or a callback failed verification
  2  invalid input or usage; nothing was sent
  3  transport failure or timeout";

/// Typed clients for CoinCover, CCPro, Coinify, CoinsPaid and Covery, with an offline sandbox.
#[derive(Debug, Parser)]
#[command(name = "payments", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the sandbox in-process and run each provider's main flow through the real clients.
    Demo,
    /// Serve the offline sandbox until Ctrl-C, printing base URLs, credentials and one line per request.
    Sandbox {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Seed for generated ids.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Where the sandbox posts provider callbacks (Covery fraud alerts, CoinsPaid
        /// deposits and withdrawals).
        #[arg(long)]
        callback_url: Option<String>,
        /// The Coinify partner public key (PEM) to verify partner JWTs with; without it the
        /// sandbox generates a key pair and prints the private key's path.
        #[arg(long)]
        coinify_public_key: Option<PathBuf>,
        /// The CCPro platform public key (PEM) to verify platform JWTs with; without it the
        /// sandbox generates a key pair and prints the private key's path.
        #[arg(long)]
        ccpro_public_key: Option<PathBuf>,
    },
    /// List operations: name, method, path.
    Operations {
        /// Only this provider.
        provider: Option<String>,
    },
    /// Send one request through the provider's client and print the decoded response as JSON.
    ///
    /// The input document is the request body as the provider documents it, plus the
    /// operation's path and query parameters as extra top-level fields named as in the docs:
    /// `payments call coincover update-user --data '{"userId":"jb001","firstName":"Joe"}'`
    /// sends PATCH /user/jb001 with body {"firstName":"Joe"}. Credentials and base URL come
    /// from the environment (COINCOVER_TOKEN, COINCOVER_BASE_URL; COVERY_TOKEN, COVERY_SECRET,
    /// COVERY_BASE_URL; COINSPAID_KEY, COINSPAID_SECRET, COINSPAID_BASE_URL;
    /// COINIFY_PARTNER_ID, COINIFY_PRIVATE_KEY_FILE, COINIFY_BASE_URL; CCPRO_BASE_URL,
    /// CCPRO_PLATFORM_ID, CCPRO_PRIVATE_KEY_FILE, CCPRO_TOKEN, CCPRO_USER_ID); --base-url wins.
    #[command(after_help = EXIT_CODES)]
    Call {
        /// Provider (coincover, covery, coinspaid, coinify, ccpro).
        provider: String,
        /// Operation, kebab-case (see `payments operations`).
        operation: String,
        /// The input document: inline JSON, @FILE, or - for standard input.
        #[arg(long, short = 'd')]
        data: Option<String>,
        /// Base URL, overriding PROVIDER_BASE_URL.
        #[arg(long)]
        base_url: Option<String>,
        /// A file to send, `FIELD=PATH` with the documented parameter name as FIELD
        /// (repeatable; `cardImage1`, `documents.passport` for CCPro); a bare PATH is the field
        /// `file` (coinify kyc-upload-document, ccpro order-payment-proof).
        #[arg(long = "file", value_name = "FIELD=PATH")]
        files: Vec<String>,
    },
    /// Verify a callback with the provider secret from the environment and print it as JSON.
    #[command(after_help = EXIT_CODES)]
    VerifyCallback {
        /// Provider.
        provider: String,
        /// A header of the callback, `Name: value` (repeatable; names are case-insensitive).
        #[arg(long = "header", short = 'H')]
        headers: Vec<String>,
        /// The raw body: @FILE or - for standard input.
        #[arg(long, default_value = "-")]
        body: String,
    },
    /// Post a correctly signed example callback to URL.
    #[command(after_help = EXIT_CODES)]
    Trigger {
        /// Provider.
        provider: String,
        /// Event (see the provider's list).
        event: String,
        /// Where to post it.
        #[arg(long)]
        url: String,
    },
    /// Record every provider's scripted scenario as JSON fixtures (used by `cargo xtask fixtures`).
    #[command(hide = true)]
    RecordFixtures {
        /// The fixtures root; files go to `OUT/<provider>/recorded/`.
        #[arg(long)]
        out: PathBuf,
        /// Only these providers.
        providers: Vec<String>,
        /// Against the providers' own environments (PROVIDER_BASE_URL and credentials).
        #[arg(long)]
        live: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Ok
            };
            let _ = e.print();
            return code.into();
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return Exit::Transport.into();
        }
    };
    match rt.block_on(run(cli.command)) {
        Ok(()) => Exit::Ok.into(),
        Err(e) => {
            eprintln!("error: {e}");
            e.exit.into()
        }
    }
}

async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Demo => demo::run().await,
        Command::RecordFixtures {
            out,
            providers,
            live,
        } => record::run(out, providers, live).await,
        Command::Sandbox {
            listen,
            seed,
            callback_url,
            coinify_public_key,
            ccpro_public_key,
        } => {
            let keys = serve::GivenKeys {
                coinify: coinify_public_key,
                ccpro: ccpro_public_key,
            };
            serve::run(listen, seed, callback_url, keys).await
        }
        Command::Operations { provider } => {
            let list: Vec<&dyn ProviderCli> = match provider {
                Some(p) => vec![providers::find(&p)?],
                None => providers::all().to_vec(),
            };
            let mut out = String::new();
            for p in list {
                for op in p.operations() {
                    out.push_str(&format!(
                        "{:<10} {:<22} {:<6} {:<44} {}\n",
                        p.name(),
                        op.name,
                        op.method,
                        op.path,
                        op.summary
                    ));
                }
            }
            print!("{out}");
            Ok(())
        }
        Command::Call {
            provider,
            operation,
            data,
            base_url,
            files,
        } => {
            let p = providers::find(&provider)?;
            let op = p.operation(&operation)?;
            let doc = input::read_input(data.as_deref())?;
            let files = input::read_files(&files)?;
            let out = p.call(op, doc, files, base_url).await?;
            println!("{}", output::render(&out.value));
            Ok(())
        }
        Command::VerifyCallback {
            provider,
            headers,
            body,
        } => {
            let p = providers::find(&provider)?;
            let headers = input::parse_headers(&headers)?;
            let body = input::read_bytes(&body)?;
            let text = p.verify_callback(&headers, &body)?;
            println!("{}", output::indent(&text));
            Ok(())
        }
        Command::Trigger {
            provider,
            event,
            url,
        } => {
            let p = providers::find(&provider)?;
            let status = p.trigger(&event, &url).await?;
            println!("delivered {provider} {event} to {url}: HTTP {status}");
            Ok(())
        }
    }
}
