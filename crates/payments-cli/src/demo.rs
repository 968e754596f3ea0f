//! `payments demo`: each provider's main flow against the in-process sandbox.

use std::io::Write;

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Date,
    Environment, TransactionCheck, TransactionOutput,
};
use payments_sandbox::{Provider, Sandbox, SandboxConfig};

use crate::exit::CliError;

/// A numbered progress report.
struct Report {
    step: usize,
    total: usize,
}

impl Report {
    fn start(&mut self, what: &str) {
        self.step += 1;
        print!("  [{}/{}] {what:<58} ", self.step, self.total);
        let _ = std::io::stdout().flush();
    }

    fn done(&self, outcome: &str) {
        println!("{outcome}");
    }
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, CliError>
where
    T::Err: std::fmt::Display,
{
    s.parse()
        .map_err(|e: T::Err| CliError::usage(format!("demo input {s:?}: {e}")))
}

fn check(
    id: &str,
    coin: &str,
    destination: &str,
    amount: &str,
) -> Result<CheckTransaction, CliError> {
    Ok(CheckTransaction::new(
        id,
        CoinId::new(coin).map_err(|e| CliError::usage(e.to_string()))?,
        "demo-wallet-1",
        vec![TransactionOutput::new(
            destination,
            parse::<Amount>(amount)?,
            "jb001",
        )],
    ))
}

fn verdict(c: &TransactionCheck) -> String {
    match &c.reason {
        Some(r) => format!("{} {} {}", c.status, r.code.code(), r.category()),
        None => format!("{}", c.status),
    }
}

async fn coincover(url: String, token: String) -> Result<(), CliError> {
    println!("CoinCover (transaction protection) at {url}");
    let client = Client::new(Environment::Custom(url), token)?;
    let mut r = Report { step: 0, total: 5 };

    r.start("register user jb001 (Joe Blogs, resident in US)");
    client
        .create_user(
            &CreateUser::new(
                "jb001",
                "Joe",
                "Blogs",
                CountryCode::from_alpha2("US").map_err(|e| CliError::usage(e.to_string()))?,
            )
            .with_dob(parse::<Date>("1975-05-01")?),
        )
        .await?;
    r.done("201 Created");

    r.start("give jb001 a plan of 1000 USD cover");
    client
        .create_plan(&CreatePlan::new("jb001", parse::<Amount>("1000")?))
        .await?;
    r.done("201 Created");

    r.start("check 0.005 bitcoin to a clean address");
    let clean = client
        .check_transaction(&check(
            "demo-tx-1",
            "bitcoin",
            crate::providers::coincover::CLEAN_ADDRESS,
            "0.005",
        )?)
        .await?;
    r.done(&verdict(&clean));
    if !clean.is_green() {
        return Err(CliError::provider(format!(
            "expected GREEN, got {}",
            verdict(&clean)
        )));
    }

    r.start("check 0.01 bitcoin to a sanctioned address");
    let red = client
        .check_transaction(&check(
            "demo-tx-2",
            "bitcoin",
            crate::providers::coincover::SANCTIONED_ADDRESS,
            "0.01",
        )?)
        .await?;
    r.done(&verdict(&red));
    match &red.reason {
        Some(reason) if red.is_red() => println!(
            "        threat code {}: {}",
            reason.code.code(),
            reason.description()
        ),
        _ => {
            return Err(CliError::provider(format!(
                "expected RED, got {}",
                verdict(&red)
            )));
        }
    }

    r.start("check 0.05 bitcoin (3000 USD) against the 1000 USD plan");
    let over = client
        .check_transaction(&check(
            "demo-tx-3",
            "bitcoin",
            crate::providers::coincover::CLEAN_ADDRESS,
            "0.05",
        )?)
        .await?;
    r.done(&verdict(&over));
    if !over.is_red() {
        return Err(CliError::provider(format!(
            "expected RED, got {}",
            verdict(&over)
        )));
    }
    println!();
    Ok(())
}

pub(crate) async fn run() -> Result<(), CliError> {
    let running = Sandbox::start(SandboxConfig::default())
        .await
        .map_err(|e| CliError::transport(format!("cannot start the sandbox: {e}")))?;
    println!("payments demo: offline sandbox at {}\n", running.base_url());
    let creds = running.credentials().clone();
    coincover(running.url(Provider::CoinCover), creds.coincover_token).await?;
    let requests = running.sandbox().requests().len();
    running.shutdown().await;
    println!("Done: 1 provider, {requests} requests, every outcome as expected.");
    Ok(())
}
