//! CoinsPaid's recorded scenario.

use super::*;

/// CoinsPaid: every operation, with the documented validation errors the sandbox produces.
pub(super) async fn scenario(
    base: String,
    key: String,
    secret: String,
    run_id: &str,
) -> Result<Vec<(String, String)>, CliError> {
    use coinspaid_api::operations::{
        ACCOUNTS_LIST, ADDRESSES_TAKE, CURRENCIES_LIST, CURRENCIES_PAIRS, EXCHANGE_CALCULATE,
        EXCHANGE_FIXED, EXCHANGE_NOW, FUTURES_CONFIRM, FUTURES_RATES, PING, WITHDRAWAL_CRYPTO,
    };

    let mut rec = Recorder::new()?;
    let transport = rec.transport();
    let build = |secret: String| {
        coinspaid_api::Client::builder(
            coinspaid_api::Environment::Custom(base.clone()),
            key.clone(),
            secret,
        )
        .transport(transport.clone())
        .retry(RetryPolicy::none())
        .build()
    };
    let client = build(secret)?;
    let wrong = build("wrong-secret".to_owned())?;
    let id = |s: &str| format!("{run_id}{s}");

    rec.step(&client, &PING, "ok", json!({}), vec![]).await?;
    rec.step(&wrong, &PING, "unauthorized", json!({}), vec![])
        .await?;
    rec.step(&client, &CURRENCIES_LIST, "ok", json!({}), vec![])
        .await?;
    rec.step(&client, &CURRENCIES_PAIRS, "all", json!({}), vec![])
        .await?;
    let pairs = json!({"currency_from": "BTC", "currency_to": "EUR"});
    rec.step(&client, &CURRENCIES_PAIRS, "btc-to-eur", pairs, vec![])
        .await?;
    rec.step(&client, &ACCOUNTS_LIST, "ok", json!({}), vec![])
        .await?;

    let take = json!({"currency": "BTC", "foreign_id": id("user-1")});
    rec.step(&client, &ADDRESSES_TAKE, "btc", take, vec![])
        .await?;
    let take = json!({"currency": "BTC", "convert_to": "EUR", "foreign_id": id("user-2")});
    let conv = rec
        .step(&client, &ADDRESSES_TAKE, "convert-to-eur", take, vec![])
        .await?;
    let conv_address = conv.and_then(|a| a.get("address").cloned());
    let take = json!({"currency": "XYZ", "foreign_id": id("user-3")});
    rec.step(&client, &ADDRESSES_TAKE, "unknown-currency", take, vec![])
        .await?;

    let to = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    let withdraw = |foreign: &str, amount: &str| json!({"foreign_id": id(foreign), "amount": amount, "currency": "BTC", "address": to});
    let cases = [
        ("processing", withdraw("payout-1", "0.01")),
        ("below-minimum", withdraw("payout-2", "0.0001")),
        ("insufficient-balance", withdraw("payout-3", "1000")),
    ];
    for (case, input) in cases {
        rec.step(&client, &WITHDRAWAL_CRYPTO, case, input, vec![])
            .await?;
    }

    let sending =
        json!({"sender_currency": "EUR", "receiver_currency": "BTC", "sender_amount": "300"});
    let quote = rec
        .step(&client, &EXCHANGE_CALCULATE, "sending", sending, vec![])
        .await?;
    let receiving =
        json!({"sender_currency": "BTC", "receiver_currency": "EUR", "receiver_amount": "300"});
    rec.step(&client, &EXCHANGE_CALCULATE, "receiving", receiving, vec![])
        .await?;
    if let Some(price) = quote.and_then(|q| q.get("price").cloned()) {
        let fixed = json!({
            "sender_currency": "EUR", "receiver_currency": "BTC", "sender_amount": "300",
            "foreign_id": id("swap-1"), "price": price,
        });
        rec.step(&client, &EXCHANGE_FIXED, "ok", fixed, vec![])
            .await?;
    }
    let now = json!({
        "sender_currency": "EUR", "receiver_currency": "BTC", "sender_amount": "100",
        "foreign_id": id("swap-2"),
    });
    rec.step(&client, &EXCHANGE_NOW, "ok", now, vec![]).await?;

    if let Some(address) = conv_address {
        let rates = json!({"address": address});
        rec.step(&client, &FUTURES_RATES, "ok", rates, vec![])
            .await?;
        let confirm = json!({
            "address": address, "sender_currency": "BTC", "receiver_currency": "EUR",
            "sender_amount": "0.1", "receiver_amount": "2990",
        });
        rec.step(&client, &FUTURES_CONFIRM, "ok", confirm, vec![])
            .await?;
    }
    Ok(rec.files)
}
