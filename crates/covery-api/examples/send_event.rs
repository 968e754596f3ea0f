//! Sends a login event and asks for a decision on a transaction.
//!
//! ```sh
//! COVERY_URL=http://127.0.0.1:8080/covery COVERY_TOKEN=... COVERY_SECRET=... \
//!     cargo run -p covery-api --example send_event
//! ```
#![allow(clippy::print_stdout)]

use covery_api::{
    Amount, Client, CountryCode, Currency, DeviceData, Environment, Identities, Login,
    MakeDecision, SendEvent, Transaction, covery_error,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = match std::env::var("COVERY_URL") {
        Ok(url) => Environment::Custom(url),
        Err(_) => Environment::Production,
    };
    let client = Client::builder(
        env,
        std::env::var("COVERY_TOKEN")?,
        std::env::var("COVERY_SECRET")?,
    )
    .identities(Identities::new().with("account", "acc-1"))
    .build()?;

    let now = 1_700_000_000;
    let login = Login::new(now, "user-42", "user-42")
        .with_email("user@example.com")
        .with_device(DeviceData::default().with_ip("203.0.113.7"));
    let stored = client.send_event(&SendEvent::new(login)).await?;
    println!("login stored as request {}", stored.request_id);

    let tx = Transaction::new(
        "28.55".parse::<Amount>()?,
        Currency::new("USD")?,
        "TR123456",
        now,
        "user-42",
        "user-42",
    )
    .with_billing_country(CountryCode::from_alpha3("USA")?);
    match client.make_decision(&MakeDecision::new(tx)).await {
        Ok(d) => println!(
            "score {} accept={} reject={} manual={}",
            d.score, d.accept, d.reject, d.manual
        ),
        Err(e) => match covery_error(&e) {
            Some(info) => println!("Covery refused: {info}"),
            None => return Err(e.into()),
        },
    }
    Ok(())
}
