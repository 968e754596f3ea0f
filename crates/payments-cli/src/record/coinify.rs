//! Coinify's recorded scenario.

use super::*;

/// Coinify: every operation, with the documented errors the sandbox produces.
pub(super) async fn scenario(
    base: String,
    partner_id: String,
    private_key_pem: String,
    wrong_key_pem: Option<String>,
    run_id: &str,
) -> Result<Vec<(String, String)>, CliError> {
    use coinify_api::operations::{
        APPROXIMATE_QUOTE, COUNTRIES, KYC_CREATE, KYC_UPLOAD_DOCUMENT, PAYMENT_METHODS,
    };

    let mut rec = Recorder::new()?;
    let transport = rec.transport();
    let build = |pem: String, prefix: &str| {
        coinify_api::Client::builder(coinify_api::Environment::Custom(base.clone()), &partner_id)
            .private_key(pem)
            .transport(transport.clone())
            .retry(RetryPolicy::none())
            .clock(Arc::new(FixedClock::at(RECORDING_CLOCK)))
            .nonce_source(Arc::new(SequenceNonce::new(format!("jti-{prefix}-"))))
            .build()
    };
    let client = build(private_key_pem, "1")?;

    let quote = json!({
        "baseAmount": -100, "baseCurrency": "EUR", "quoteCurrency": "BTC",
        "transferInMedium": "card", "transferOutMedium": "blockchain",
    });
    rec.step(
        &client,
        &APPROXIMATE_QUOTE,
        "card-to-blockchain",
        quote,
        vec![],
    )
    .await?;
    let quote = json!({"baseAmount": 0.01, "baseCurrency": "BTC", "quoteCurrency": "EUR"});
    rec.step(&client, &APPROXIMATE_QUOTE, "no-media", quote, vec![])
        .await?;
    let quote = json!({"baseAmount": -100, "baseCurrency": "XYZ", "quoteCurrency": "BTC"});
    rec.step(
        &client,
        &APPROXIMATE_QUOTE,
        "unknown-currency",
        quote,
        vec![],
    )
    .await?;

    let mut kyc: Value = serde_json::from_str(payments_sandbox::coinify::EXAMPLE_KYC_REQUEST)
        .map_err(|e| CliError::usage(e.to_string()))?;
    kyc["externalId"] = json!(format!("{run_id}kyc-review-1"));
    let created = rec
        .step(&client, &KYC_CREATE, "created", kyc.clone(), vec![])
        .await?;
    rec.step(&client, &KYC_CREATE, "existing", kyc.clone(), vec![])
        .await?;
    if let Some(pem) = wrong_key_pem {
        let wrong = build(pem, "2")?;
        rec.step(&wrong, &KYC_CREATE, "unauthorized", kyc, vec![])
            .await?;
    }

    let review_id = created.and_then(|r| {
        r.get("review")
            .and_then(|review| review.get("id"))
            .or_else(|| r.get("id"))
            .cloned()
    });
    let file = |name: &str, bytes: &[u8]| InputFile {
        field: "file".to_owned(),
        name: name.to_owned(),
        bytes: bytes.to_vec().into(),
    };
    if let Some(review_id) = review_id {
        let input = json!({
            "reviewId": review_id, "externalId": format!("{run_id}passport-1"),
            "documentType": "passport", "contentType": "image/png",
        });
        let png = file(
            "passport.png",
            b"\x89PNG\r\n\x1a\nrecorded-fixture-document",
        );
        rec.step(&client, &KYC_UPLOAD_DOCUMENT, "created", input, vec![png])
            .await?;
    }
    let input = json!({
        "reviewId": "00000000-0000-4000-8000-000000000000",
        "externalId": format!("{run_id}passport-2"), "documentType": "national_id",
        "contentType": "application/pdf",
    });
    let pdf = file("id.pdf", b"%PDF-1.4 recorded");
    rec.step(
        &client,
        &KYC_UPLOAD_DOCUMENT,
        "unknown-review",
        input,
        vec![pdf],
    )
    .await?;

    rec.step(&client, &COUNTRIES, "ok", json!({}), vec![])
        .await?;
    rec.step(&client, &PAYMENT_METHODS, "ok", json!({}), vec![])
        .await?;
    Ok(rec.files)
}
