//! Covery's recorded scenario.

use super::*;

/// Covery: every operation, with the documented errors the sandbox can produce. Fraud alerts
/// are raised through the sandbox's control route (`control` is its base URL), so live
/// recordings skip the alert cases that need one.
pub(super) async fn scenario(
    base: String,
    token: String,
    secret: String,
    event_token: Option<String>,
    control: Option<String>,
    run_id: &str,
) -> Result<Vec<(String, String)>, CliError> {
    use covery_api::operations::{
        CONFIRM_FRAUD_ALERT, FIND_FRAUD_ALERT, FRAUD_ALERT_FEEDBACK, LATEST_FRAUD_ALERTS,
        MAKE_DECISION, PING, POSTBACK, SEND_EVENT,
    };

    let mut rec = Recorder::new()?;
    let transport = rec.transport();
    let build = |token: String, secret: String, prefix: &str| {
        covery_api::Client::builder(covery_api::Environment::Custom(base.clone()), token, secret)
            .transport(transport.clone())
            .retry(RetryPolicy::none())
            .nonce_source(Arc::new(SequenceNonce::new(format!(
                "{RECORDING_CLOCK}.{prefix}"
            ))))
            .build()
    };
    let client = build(token.clone(), secret.clone(), "1")?;
    let wrong = build(token, "wrong-secret".to_owned(), "2")?;
    let now = RECORDING_CLOCK;
    let user = format!("{run_id}u-42");
    let seq = format!("{run_id}seq-42");
    let tx = |id: &str, amount: &str, email: &str| {
        json!({
            "type": "transaction",
            "transaction_amount": amount,
            "transaction_currency": "USD",
            "transaction_id": format!("{run_id}{id}"),
            "transaction_timestamp": now,
            "user_merchant_id": user,
            "sequence_id": seq,
            "email": email,
        })
    };

    rec.step(&client, &PING, "ok", json!({}), vec![]).await?;
    let registration = json!({
        "type": "registration", "registration_timestamp": now, "user_merchant_id": user,
        "sequence_id": seq, "email": "joe@example.com",
    });
    rec.step(&client, &SEND_EVENT, "registration", registration, vec![])
        .await?;
    let login = json!({
        "type": "login", "login_timestamp": now, "user_merchant_id": user, "sequence_id": seq,
    });
    rec.step(&client, &SEND_EVENT, "login", login.clone(), vec![])
        .await?;
    let t1 = tx("tr-1", "20", "joe@example.com");
    rec.step(&client, &SEND_EVENT, "transaction", t1.clone(), vec![])
        .await?;
    rec.step(&client, &SEND_EVENT, "duplicate-transaction", t1, vec![])
        .await?;
    rec.step(&wrong, &SEND_EVENT, "unauthorized", login, vec![])
        .await?;

    let accepted = rec
        .step(
            &client,
            &MAKE_DECISION,
            "accept",
            tx("tr-2", "49.99", "joe@example.com"),
            vec![],
        )
        .await?;
    let disposable = payments_sandbox::covery::DEMO_DISPOSABLE_EMAIL;
    rec.step(
        &client,
        &MAKE_DECISION,
        "reject",
        tx("tr-3", "15000", disposable),
        vec![],
    )
    .await?;
    if let Some(event_token) = event_token {
        let limited = build(event_token, secret.clone(), "3")?;
        let input = tx("tr-4", "10", "joe@example.com");
        rec.step(&limited, &MAKE_DECISION, "forbidden", input, vec![])
            .await?;
    }

    if let Some(id) = accepted
        .as_ref()
        .and_then(|d| d.get("requestId").or_else(|| d.get("request_id")))
        .cloned()
    {
        let input = json!({"request_id": id, "transaction_status": "success"});
        rec.step(&client, &POSTBACK, "by-request-id", input, vec![])
            .await?;
    }
    let input = json!({"transaction_id": format!("{run_id}no-such-transaction")});
    rec.step(&client, &POSTBACK, "not-found", input, vec![])
        .await?;

    rec.step(
        &client,
        &LATEST_FRAUD_ALERTS,
        "empty",
        json!({"limit": 10}),
        vec![],
    )
    .await?;
    if let Some(control) = control {
        let http = reqwest::Client::new();
        let created = http
            .post(format!("{control}/_sandbox/covery/fraud-alerts"))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .map_err(|e| CliError::transport(format!("cannot create a fraud alert: {e}")))?
            .bytes()
            .await
            .map_err(|e| CliError::transport(format!("cannot create a fraud alert: {e}")))?;
        let alert: Value = serde_json::from_slice(&created)
            .map_err(|e| CliError::provider(format!("unexpected fraud alert: {e}")))?;
        let id = alert["id"]
            .as_u64()
            .ok_or_else(|| CliError::provider("the created fraud alert has no id"))?;
        rec.step(
            &client,
            &LATEST_FRAUD_ALERTS,
            "one",
            json!({"limit": 10}),
            vec![],
        )
        .await?;
        rec.step(
            &client,
            &FIND_FRAUD_ALERT,
            "found",
            json!({"id": id}),
            vec![],
        )
        .await?;
        let input = json!({"id": id + 1_000_000});
        rec.step(&client, &FIND_FRAUD_ALERT, "not-found", input, vec![])
            .await?;
        let input = json!({"id": id, "result": "stopped"});
        rec.step(&client, &FRAUD_ALERT_FEEDBACK, "stopped", input, vec![])
            .await?;
        rec.step(
            &client,
            &CONFIRM_FRAUD_ALERT,
            "confirmed",
            json!({"id": id}),
            vec![],
        )
        .await?;
    }
    Ok(rec.files)
}
