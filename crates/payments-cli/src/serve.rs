//! `payments sandbox`: serve the emulator until Ctrl-C.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use payments_sandbox::{Provider, Sandbox, SandboxConfig};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::exit::CliError;

/// The public keys given on the command line, each replacing the pair the sandbox would
/// generate.
pub(crate) struct GivenKeys {
    /// `--coinify-public-key`.
    pub(crate) coinify: Option<PathBuf>,
    /// `--ccpro-public-key`.
    pub(crate) ccpro: Option<PathBuf>,
}

/// Reads a PEM public key file.
fn read_public_key(path: &Path, provider: &str) -> Result<String, CliError> {
    let pem = std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(format!(
            "cannot read the {provider} public key {}: {e}",
            path.display()
        ))
    })?;
    if !pem.contains("PUBLIC KEY-----") {
        return Err(CliError::usage(format!(
            "{} is not a PEM public key",
            path.display()
        )));
    }
    Ok(pem)
}

pub(crate) async fn run(
    listen: SocketAddr,
    seed: u64,
    callback_url: Option<String>,
    keys: GivenKeys,
) -> Result<(), CliError> {
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stdout)
                .with_target(false)
                .compact(),
        )
        .with(Targets::new().with_target("payments_sandbox", tracing::Level::INFO))
        .try_init();

    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| CliError::transport(format!("cannot listen on {listen}: {e}")))?;
    let mut config = SandboxConfig::default().with_seed(seed);
    if let Some(url) = callback_url {
        config = config.with_callback_url(url);
    }
    let given_key = keys.coinify.is_some();
    if let Some(path) = &keys.coinify {
        config = config.with_coinify_public_key(read_public_key(path, "Coinify")?);
    }
    let given_ccpro_key = keys.ccpro.is_some();
    if let Some(path) = &keys.ccpro {
        config = config.with_ccpro_public_key(read_public_key(path, "CCPro")?);
    }
    let running = Sandbox::new(config)
        .serve(listener)
        .await
        .map_err(|e| CliError::transport(format!("cannot start the sandbox: {e}")))?;

    let creds = running.credentials();
    let mut out = String::new();
    out.push_str(&format!(
        "payments sandbox listening on {} (seed {seed})\n\n",
        running.base_url()
    ));
    for p in Provider::ALL {
        out.push_str(&format!("  {:<10} {}\n", p.name(), running.url(*p)));
    }
    out.push_str("\nTest credentials:\n");
    push_var(&mut out, "COINCOVER_TOKEN", &creds.coincover_token);
    push_var(
        &mut out,
        "COINCOVER_BASE_URL",
        running.url(Provider::CoinCover),
    );
    push_var(&mut out, "COVERY_TOKEN", &creds.covery_token);
    push_var(&mut out, "COVERY_SECRET", &creds.covery_secret);
    push_var(&mut out, "COVERY_BASE_URL", running.url(Provider::Covery));
    out.push_str(&format!(
        "  (event-level Covery token: {})\n",
        creds.covery_event_token
    ));
    push_var(&mut out, "COINSPAID_KEY", &creds.coinspaid_key);
    push_var(&mut out, "COINSPAID_SECRET", &creds.coinspaid_secret);
    push_var(
        &mut out,
        "COINSPAID_BASE_URL",
        running.url(Provider::CoinsPaid),
    );
    push_var(&mut out, "COINIFY_PARTNER_ID", &creds.coinify_partner_id);
    // One private directory for the generated keys, made only when one is written.
    let mut dir = None;
    let mut key_dir = || -> std::io::Result<PathBuf> {
        match &dir {
            Some(d) => Ok(PathBuf::clone(d)),
            None => {
                let d = private_dir()?;
                dir = Some(d.clone());
                Ok(d)
            }
        }
    };
    if given_key {
        out.push_str("  COINIFY_PRIVATE_KEY_FILE=(your partner private key; JWTs are verified with --coinify-public-key)\n");
    } else {
        match key_dir().and_then(payments_sandbox::coinify::write_generated_key) {
            Ok(path) => push_var(&mut out, "COINIFY_PRIVATE_KEY_FILE", path.display()),
            Err(e) => out.push_str(&format!(
                "  (cannot write the Coinify partner key to a private temporary directory: {e})\n"
            )),
        }
    }
    push_var(&mut out, "COINIFY_BASE_URL", running.url(Provider::Coinify));
    push_var(&mut out, "CCPRO_PLATFORM_ID", &creds.ccpro_platform_id);
    if given_ccpro_key {
        out.push_str("  CCPRO_PRIVATE_KEY_FILE=(your platform private key; JWTs are verified with --ccpro-public-key)\n");
    } else {
        match key_dir().and_then(payments_sandbox::ccpro::write_generated_key) {
            Ok(path) => push_var(&mut out, "CCPRO_PRIVATE_KEY_FILE", path.display()),
            Err(e) => out.push_str(&format!(
                "  (cannot write the CCPro platform key to a private temporary directory: {e})\n"
            )),
        }
    }
    push_var(&mut out, "CCPRO_BASE_URL", running.url(Provider::Ccpro));
    out.push_str(&format!(
        "  (a CCPro user for CCPRO_USER_ID and CCPRO_TOKEN: curl -X POST {}{}/ccpro/users -d '{{}}')\n",
        running.base_url(),
        payments_sandbox::CONTROL_PREFIX
    ));
    out.push_str(&format!(
        "\nTry:\n  curl -i -X POST {}/user -H 'Authorization: Bearer {}' -H 'Content-Type: application/json' \\\n    -d '{{\"userId\":\"jb001\",\"firstName\":\"Joe\",\"lastName\":\"Blogs\",\"residenceCountry\":\"US\"}}'\n",
        running.url(Provider::CoinCover),
        creds.coincover_token
    ));
    let control = format!("{}{}", running.base_url(), payments_sandbox::CONTROL_PREFIX);
    out.push_str(&format!(
        "\nTest clock (JWT exp, futures and limit windows follow it):\n  curl {control}/clock\n  curl -X POST {control}/clock -d '{{\"advance_seconds\":3600}}'    # or {{\"set\":<unix seconds>}}\n"
    ));
    out.push_str(&format!(
        "\nFaults (status, gateway_html, truncated, delay, drop, throttle; times optional):\n  curl -X POST {control}/faults -d '{{\"provider\":\"coinspaid\",\"operation\":\"withdrawal-crypto\",\"times\":1,\"fault\":\"status\",\"status\":503}}'\n  curl {control}/faults    # list;  curl -X DELETE {control}/faults    # clear\n"
    ));
    out.push_str(
        "\nRefused requests carry an X-Sandbox-Reason header (repeated in the log line) saying what was wrong.\n",
    );
    out.push_str("\nPress Ctrl-C to stop. One line per request follows.\n");
    print!("{out}");
    let _ = std::io::stdout().flush();

    tokio::signal::ctrl_c()
        .await
        .map_err(|e| CliError::transport(format!("cannot wait for Ctrl-C: {e}")))?;
    running.shutdown().await;
    println!("sandbox stopped");
    Ok(())
}

/// Appends one `  NAME=value` line of the environment to set.
fn push_var(out: &mut String, name: &str, value: impl std::fmt::Display) {
    out.push_str(&format!("  {name}={value}\n"));
}

/// A fresh directory for this run's generated keys, readable by the owner only: created
/// anew (never reused, so no other user can have planted a file or link in it), under the
/// system temporary directory.
fn private_dir() -> std::io::Result<std::path::PathBuf> {
    let base = std::env::temp_dir();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    for attempt in 0..16u32 {
        let dir = base.join(format!(
            "payments-sandbox-{}-{stamp:x}-{attempt}",
            std::process::id()
        ));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no fresh directory could be created"))
}
