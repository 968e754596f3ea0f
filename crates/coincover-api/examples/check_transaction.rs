//! Screens one transaction with CoinCover.
//!
//! ```sh
//! COINCOVER_BASE_URL=http://127.0.0.1:8080/coincover COINCOVER_TOKEN=... \
//!     cargo run -p coincover-api --example check_transaction
//! ```
//!
//! `COINCOVER_BASE_URL` defaults to production; `COINCOVER_TOKEN` is required.
#![allow(clippy::print_stdout)]

use coincover_api::{Amount, CheckTransaction, Client, CoinId, Environment, TransactionOutput};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("COINCOVER_TOKEN")
        .map_err(|_| "set COINCOVER_TOKEN to your CoinCover bearer token")?;
    let env = match std::env::var("COINCOVER_BASE_URL") {
        Ok(url) => Environment::Custom(url),
        Err(_) => Environment::Production,
    };
    let client = Client::new(env, token)?;

    let request = CheckTransaction::new(
        "b27f38b9-5158-4b4b-ae2f-a030852f98cd",
        CoinId::new("bitcoin-cash")?,
        "1FjgpyeeWTRd7BxTXHEL2rjCj8",
        vec![TransactionOutput::new(
            "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh",
            "356".parse::<Amount>()?,
            "27a73667-fb36-4708-822f-8b2c79cb817e",
        )],
    )
    .with_transaction_hash("GL8636339870050078");

    let check = client.check_transaction(&request).await?;
    println!("status:      {}", check.status);
    println!("transaction: {}", check.transaction_uuid);
    if let Some(message) = &check.message {
        println!("message:     {message}");
    }
    if let Some(reason) = &check.reason {
        println!("threat:      {} {}", reason.code.code(), reason.category());
        println!("             {}", reason.description());
    }
    Ok(())
}
