//! `payments sandbox`: serve the emulator until Ctrl-C.

use std::io::Write;
use std::net::SocketAddr;

use payments_sandbox::{Provider, Sandbox, SandboxConfig};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::exit::CliError;

pub(crate) async fn run(
    listen: SocketAddr,
    seed: u64,
    callback_url: Option<String>,
    coinify_public_key: Option<std::path::PathBuf>,
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
    let given_key = coinify_public_key.is_some();
    if let Some(path) = coinify_public_key {
        let pem = std::fs::read_to_string(&path).map_err(|e| {
            CliError::usage(format!(
                "cannot read the Coinify public key {}: {e}",
                path.display()
            ))
        })?;
        if !pem.contains("PUBLIC KEY-----") {
            return Err(CliError::usage(format!(
                "{} is not a PEM public key",
                path.display()
            )));
        }
        config = config.with_coinify_public_key(pem);
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
    out.push_str(&format!("  COINCOVER_TOKEN={}\n", creds.coincover_token));
    out.push_str(&format!(
        "  COINCOVER_BASE_URL={}\n",
        running.url(Provider::CoinCover)
    ));
    out.push_str(&format!("  COVERY_TOKEN={}\n", creds.covery_token));
    out.push_str(&format!("  COVERY_SECRET={}\n", creds.covery_secret));
    out.push_str(&format!(
        "  COVERY_BASE_URL={}\n",
        running.url(Provider::Covery)
    ));
    out.push_str(&format!(
        "  (event-level Covery token: {})\n",
        creds.covery_event_token
    ));
    out.push_str(&format!("  COINSPAID_KEY={}\n", creds.coinspaid_key));
    out.push_str(&format!("  COINSPAID_SECRET={}\n", creds.coinspaid_secret));
    out.push_str(&format!(
        "  COINSPAID_BASE_URL={}\n",
        running.url(Provider::CoinsPaid)
    ));
    out.push_str(&format!(
        "  COINIFY_PARTNER_ID={}\n",
        creds.coinify_partner_id
    ));
    if given_key {
        out.push_str("  COINIFY_PRIVATE_KEY_FILE=(your partner private key; JWTs are verified with --coinify-public-key)\n");
    } else {
        match payments_sandbox::coinify::write_generated_key(std::env::temp_dir()) {
            Ok(path) => out.push_str(&format!("  COINIFY_PRIVATE_KEY_FILE={}\n", path.display())),
            Err(e) => out.push_str(&format!(
                "  (cannot write the Coinify partner key to the temporary directory: {e})\n"
            )),
        }
    }
    out.push_str(&format!(
        "  COINIFY_BASE_URL={}\n",
        running.url(Provider::Coinify)
    ));
    out.push_str(&format!(
        "\nTry:\n  curl -i -X POST {}/user -H 'Authorization: Bearer {}' -H 'Content-Type: application/json' \\\n    -d '{{\"userId\":\"jb001\",\"firstName\":\"Joe\",\"lastName\":\"Blogs\",\"residenceCountry\":\"US\"}}'\n",
        running.url(Provider::CoinCover),
        creds.coincover_token
    ));
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
