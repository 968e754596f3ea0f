//! CoinCover's recorded scenario.

use super::*;

/// CoinCover: every operation, its success and each documented error.
pub(super) async fn scenario(
    base: String,
    token: String,
    run_id: &str,
) -> Result<Vec<(String, String)>, CliError> {
    use coincover_api::operations::{
        CHECK_TRANSACTION, CREATE_PLAN, CREATE_USER, UPDATE_PLAN, UPDATE_USER,
    };
    use coincover_api::{Client, Environment};

    let mut rec = Recorder::new()?;
    let client = Client::builder(Environment::Custom(base.clone()), token)
        .transport(rec.transport())
        .retry(RetryPolicy::none())
        .build()?;
    let wrong = Client::builder(Environment::Custom(base), "wrong-token")
        .transport(rec.transport())
        .retry(RetryPolicy::none())
        .build()?;
    let user = format!("{run_id}jb001");
    let missing = format!("{run_id}nobody");
    let new_user = json!({
        "userId": user, "firstName": "Joe", "lastName": "Blogs", "dob": "1975-05-01",
        "residenceCountry": "US", "nationality": "US",
    });
    rec.step(&client, &CREATE_USER, "created", new_user.clone(), vec![])
        .await?;
    rec.step(&client, &CREATE_USER, "duplicate", new_user.clone(), vec![])
        .await?;
    rec.step(&wrong, &CREATE_USER, "unauthorized", new_user, vec![])
        .await?;

    let update = json!({"userId": user, "firstName": "Joseph", "residenceCountry": "GB"});
    rec.step(&client, &UPDATE_USER, "updated", update, vec![])
        .await?;
    let update = json!({"userId": missing, "firstName": "X"});
    rec.step(&client, &UPDATE_USER, "not-found", update, vec![])
        .await?;

    let plan = |user: &str, level: &str| json!({"userId": user, "levelUsd": level});
    rec.step(
        &client,
        &CREATE_PLAN,
        "created",
        plan(&user, "1000"),
        vec![],
    )
    .await?;
    rec.step(
        &client,
        &CREATE_PLAN,
        "not-found",
        plan(&missing, "1000"),
        vec![],
    )
    .await?;
    rec.step(
        &client,
        &UPDATE_PLAN,
        "updated",
        plan(&user, "2000"),
        vec![],
    )
    .await?;
    rec.step(
        &client,
        &UPDATE_PLAN,
        "not-found",
        plan(&missing, "500"),
        vec![],
    )
    .await?;

    let clean = crate::providers::coincover::CLEAN_ADDRESS;
    let sanctioned = crate::providers::coincover::SANCTIONED_ADDRESS;
    let tx = |id: &str, coin: &str, destination: &str, amount: &str| {
        json!({
            "transactionCustomerId": format!("{run_id}{id}"),
            "transactionHash": format!("hash-{run_id}{id}"),
            "coin": coin,
            "walletId": "rec-wallet-1",
            "outputs": [{"destination": destination, "amount": amount, "userId": user}],
        })
    };
    let cases = [
        ("green", tx("tx-1", "bitcoin", clean, "0.005")),
        ("red-sanctioned", tx("tx-2", "bitcoin", sanctioned, "0.001")),
        ("red-plan-limit", tx("tx-3", "bitcoin", clean, "0.5")),
        (
            "red-unsupported-coin",
            tx("tx-4", "sandbox-unlisted-coin", clean, "1"),
        ),
    ];
    for (case, input) in cases {
        rec.step(&client, &CHECK_TRANSACTION, case, input, vec![])
            .await?;
    }
    let input = tx("tx-5", "bitcoin", clean, "0.001");
    rec.step(&wrong, &CHECK_TRANSACTION, "unauthorized", input, vec![])
        .await?;
    Ok(rec.files)
}
