//! `payments record-fixtures`: runs each provider's scripted scenario through the real
//! clients and writes every exchange to `<out>/<provider>/recorded/<operation>.<case>.json`.
//!
//! By default against an in-process sandbox with a fixed seed and clock, so the files are
//! the same on every run; `cargo xtask fixtures --check` relies on that. With `--live`,
//! against the provider's environment named by its variables (`COINCOVER_BASE_URL`,
//! `COINCOVER_TOKEN`), with credentials redacted and run-specific ids.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Date,
    Environment, UpdatePlan, UpdateUser,
};
use payments_core::signer::test_util::FixedClock;
use payments_core::transport::{Exchange, RecordingTransport};
use payments_core::{ReqwestTransport, RetryPolicy, Transport};
use payments_sandbox::{Provider, Sandbox, SandboxConfig};
use serde_json::json;

use crate::exit::CliError;
use crate::providers::require_env;

/// The instant the recording sandbox's clock is fixed at (2023-11-14T22:13:20Z).
pub(crate) const RECORDING_CLOCK: u64 = 1_700_000_000;
/// The recording sandbox's seed.
pub(crate) const RECORDING_SEED: u64 = 7;

/// One provider's recorder: a client wired to a [`RecordingTransport`].
struct Recorder {
    transport: RecordingTransport,
    files: Vec<(String, serde_json::Value)>,
}

impl Recorder {
    fn new() -> Result<Self, CliError> {
        let inner = ReqwestTransport::new(Duration::from_secs(10))
            .map_err(|e| CliError::transport(format!("cannot build HTTP client: {e}")))?;
        Ok(Recorder {
            transport: RecordingTransport::new(Arc::new(inner)),
            files: Vec::new(),
        })
    }

    fn transport(&self) -> Arc<dyn Transport> {
        Arc::new(self.transport.clone())
    }

    /// Files the exchanges of the step just run under `operation.case`.
    fn file(&mut self, operation: &str, case: &str, outcome: Result<serde_json::Value, String>) {
        let exchanges: Vec<Exchange> = self.transport.take();
        let doc = json!({
            "operation": operation,
            "case": case,
            "exchanges": exchanges,
            "outcome": match outcome {
                Ok(v) => json!({ "ok": v }),
                Err(e) => json!({ "error": e }),
            },
        });
        self.files.push((format!("{operation}.{case}.json"), doc));
    }
}

fn outcome<T: serde::Serialize>(
    r: Result<T, payments_core::Error>,
) -> Result<serde_json::Value, String> {
    r.map(|v| serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
        .map_err(|e| e.to_string())
}

fn amount(s: &str) -> Result<Amount, CliError> {
    s.parse()
        .map_err(|e: payments_core::money::InvalidAmount| CliError::usage(e.to_string()))
}

fn coin(s: &str) -> Result<CoinId, CliError> {
    CoinId::new(s).map_err(|e| CliError::usage(e.to_string()))
}

fn country(s: &str) -> Result<CountryCode, CliError> {
    CountryCode::from_alpha2(s).map_err(|e| CliError::usage(e.to_string()))
}

fn tx(
    id: &str,
    coin_id: &str,
    destination: &str,
    value: &str,
    user: &str,
) -> Result<CheckTransaction, CliError> {
    Ok(CheckTransaction::new(
        id,
        coin(coin_id)?,
        "rec-wallet-1",
        vec![coincover_api::TransactionOutput::new(
            destination,
            amount(value)?,
            user,
        )],
    )
    .with_transaction_hash(format!("hash-{id}")))
}

/// CoinCover: every operation, its success and each documented error.
async fn coincover(
    base: String,
    token: String,
    run_id: &str,
) -> Result<Vec<(String, serde_json::Value)>, CliError> {
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
    let dob: Date = "1975-05-01"
        .parse()
        .map_err(|e: payments_core::date::InvalidDate| CliError::usage(e.to_string()))?;
    let new_user = CreateUser::new(&user, "Joe", "Blogs", country("US")?)
        .with_dob(dob)
        .with_nationality(country("US")?);

    let r = client.create_user(&new_user).await;
    rec.file("create-user", "created", outcome(r));
    let r = client.create_user(&new_user).await;
    rec.file("create-user", "duplicate", outcome(r));
    let r = wrong.create_user(&new_user).await;
    rec.file("create-user", "unauthorized", outcome(r));

    let r = client
        .update_user(
            &UpdateUser::new(&user)
                .first_name("Joseph")
                .residence_country(country("GB")?),
        )
        .await;
    rec.file("update-user", "updated", outcome(r));
    let r = client
        .update_user(&UpdateUser::new(&missing).first_name("X"))
        .await;
    rec.file("update-user", "not-found", outcome(r));

    let r = client
        .create_plan(&CreatePlan::new(&user, amount("1000")?))
        .await;
    rec.file("create-plan", "created", outcome(r));
    let r = client
        .create_plan(&CreatePlan::new(&missing, amount("1000")?))
        .await;
    rec.file("create-plan", "not-found", outcome(r));

    let r = client
        .update_plan(&UpdatePlan::new(&user, amount("2000")?))
        .await;
    rec.file("update-plan", "updated", outcome(r));
    let r = client
        .update_plan(&UpdatePlan::new(&missing, amount("500")?))
        .await;
    rec.file("update-plan", "not-found", outcome(r));

    let clean = crate::providers::coincover::CLEAN_ADDRESS;
    let cases = [
        (
            "green",
            tx(&format!("{run_id}tx-1"), "bitcoin", clean, "0.005", &user)?,
        ),
        (
            "red-sanctioned",
            tx(
                &format!("{run_id}tx-2"),
                "bitcoin",
                crate::providers::coincover::SANCTIONED_ADDRESS,
                "0.001",
                &user,
            )?,
        ),
        (
            "red-plan-limit",
            tx(&format!("{run_id}tx-3"), "bitcoin", clean, "0.5", &user)?,
        ),
        (
            "red-unsupported-coin",
            tx(
                &format!("{run_id}tx-4"),
                "sandbox-unlisted-coin",
                clean,
                "1",
                &user,
            )?,
        ),
    ];
    for (case, req) in cases {
        let r = client.check_transaction(&req).await;
        rec.file("check-transaction", case, outcome(r));
    }
    let r = wrong
        .check_transaction(&tx(
            &format!("{run_id}tx-5"),
            "bitcoin",
            clean,
            "0.001",
            &user,
        )?)
        .await;
    rec.file("check-transaction", "unauthorized", outcome(r));
    Ok(rec.files)
}

/// Covery: every operation, with the documented errors the sandbox can produce. Fraud alerts
/// are raised through the sandbox's control route (`control` is its base URL), so live
/// recordings skip the alert cases that need one.
async fn covery(
    base: String,
    token: String,
    secret: String,
    event_token: Option<String>,
    control: Option<String>,
    run_id: &str,
) -> Result<Vec<(String, serde_json::Value)>, CliError> {
    use covery_api::{
        AlertState, ConfirmFraudAlert, Currency, Environment as CoveryEnv, FindFraudAlert,
        FraudAlertFeedback, LatestFraudAlerts, Login, MakeDecision, Postback, Registration,
        SendEvent, Transaction,
    };
    use payments_core::signer::test_util::SequenceNonce;

    let mut rec = Recorder::new()?;
    let transport = rec.transport();
    let build = |token: String, secret: String, prefix: &str| {
        covery_api::Client::builder(CoveryEnv::Custom(base.clone()), token, secret)
            .transport(transport.clone())
            .retry(RetryPolicy::none())
            .nonce_source(Arc::new(SequenceNonce::new(format!(
                "{RECORDING_CLOCK}.{prefix}"
            ))))
            .build()
    };
    let client = build(token.clone(), secret.clone(), "1")?;
    let wrong = build(token, "wrong-secret".to_owned(), "2")?;
    let usd = Currency::new("USD").map_err(|e| CliError::usage(e.to_string()))?;
    let now = RECORDING_CLOCK as i64;
    let user = format!("{run_id}u-42");
    let seq = format!("{run_id}seq-42");
    let tx = |id: &str, value: &str, email: &str| -> Result<Transaction, CliError> {
        Ok(Transaction::new(
            amount(value)?,
            usd.clone(),
            format!("{run_id}{id}"),
            now,
            &user,
            &seq,
        )
        .with_email(email))
    };

    let r = client.ping().await;
    rec.file("ping", "ok", outcome(r));
    let r = client
        .send_event(&SendEvent::new(
            Registration::new(now, &user, &seq).with_email("joe@example.com"),
        ))
        .await;
    rec.file("send-event", "registration", outcome(r));
    let r = client
        .send_event(&SendEvent::new(Login::new(now, &user, &seq)))
        .await;
    rec.file("send-event", "login", outcome(r));
    let r = client
        .send_event(&SendEvent::new(tx("tr-1", "20", "joe@example.com")?))
        .await;
    rec.file("send-event", "transaction", outcome(r));
    let r = client
        .send_event(&SendEvent::new(tx("tr-1", "20", "joe@example.com")?))
        .await;
    rec.file("send-event", "duplicate-transaction", outcome(r));
    let r = wrong
        .send_event(&SendEvent::new(Login::new(now, &user, &seq)))
        .await;
    rec.file("send-event", "unauthorized", outcome(r));

    let accepted = client
        .make_decision(&MakeDecision::new(tx("tr-2", "49.99", "joe@example.com")?))
        .await;
    let accepted_id = accepted.as_ref().ok().map(|d| d.request_id);
    rec.file("make-decision", "accept", outcome(accepted));
    let r = client
        .make_decision(&MakeDecision::new(tx(
            "tr-3",
            "15000",
            payments_sandbox::covery::DEMO_DISPOSABLE_EMAIL,
        )?))
        .await;
    rec.file("make-decision", "reject", outcome(r));
    if let Some(event_token) = event_token {
        let limited = build(event_token, secret.clone(), "3")?;
        let r = limited
            .make_decision(&MakeDecision::new(tx("tr-4", "10", "joe@example.com")?))
            .await;
        rec.file("make-decision", "forbidden", outcome(r));
    }

    if let Some(id) = accepted_id {
        let r = client
            .postback(&Postback::by_request_id(id).with_transaction_status("success"))
            .await;
        rec.file("postback", "by-request-id", outcome(r));
    }
    let r = client
        .postback(&Postback::by_transaction_id(format!(
            "{run_id}no-such-transaction"
        )))
        .await;
    rec.file("postback", "not-found", outcome(r));

    let r = client
        .latest_fraud_alerts(&LatestFraudAlerts::new().with_limit(10))
        .await;
    rec.file("fraud-latest", "empty", outcome(r));
    if let Some(control) = control {
        let http = payments_core::reqwest::Client::new();
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
        let alert: serde_json::Value = serde_json::from_slice(&created)
            .map_err(|e| CliError::provider(format!("unexpected fraud alert: {e}")))?;
        let id = alert["id"]
            .as_u64()
            .ok_or_else(|| CliError::provider("the created fraud alert has no id"))?;
        let r = client
            .latest_fraud_alerts(&LatestFraudAlerts::new().with_limit(10))
            .await;
        rec.file("fraud-latest", "one", outcome(r));
        let r = client.find_fraud_alert(&FindFraudAlert::new(id)).await;
        rec.file("fraud-find", "found", outcome(r));
        let r = client
            .find_fraud_alert(&FindFraudAlert::new(id + 1_000_000))
            .await;
        rec.file("fraud-find", "not-found", outcome(r));
        let r = client
            .fraud_alert_feedback(&FraudAlertFeedback::new(id, AlertState::Stopped))
            .await;
        rec.file("fraud-feedback", "stopped", outcome(r));
        let r = client
            .confirm_fraud_alert(&ConfirmFraudAlert::new(id))
            .await;
        rec.file("fraud-confirm", "confirmed", outcome(r));
    }
    Ok(rec.files)
}

/// CoinsPaid: every operation, with the documented validation errors the sandbox produces.
async fn coinspaid(
    base: String,
    key: String,
    secret: String,
    run_id: &str,
) -> Result<Vec<(String, serde_json::Value)>, CliError> {
    use coinspaid_api::{
        CalculateExchange, ConfirmFutures, Currency, ExchangeFixed, ExchangeNow, GetFuturesRates,
        ListAccounts, ListCurrencies, ListCurrencyPairs, Ping, TakeAddress, WithdrawalCrypto,
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
    let cur = |c: &str| Currency::new(c).map_err(|e| CliError::usage(e.to_string()));
    let id = |s: &str| format!("{run_id}{s}");

    let r = client.send(&Ping::new()).await;
    rec.file("ping", "ok", outcome(r.map(|_| ())));
    let r = wrong.send(&Ping::new()).await;
    rec.file("ping", "unauthorized", outcome(r.map(|_| ())));
    let r = client.send(&ListCurrencies::new()).await;
    rec.file("currencies-list", "ok", outcome(r));
    let r = client
        .list_currency_pairs(&ListCurrencyPairs::default())
        .await;
    rec.file("currencies-pairs", "all", outcome(r));
    let pairs: ListCurrencyPairs =
        serde_json::from_value(json!({"currency_from": "BTC", "currency_to": "EUR"}))
            .map_err(|e| CliError::usage(e.to_string()))?;
    let r = client.list_currency_pairs(&pairs).await;
    rec.file("currencies-pairs", "btc-to-eur", outcome(r));
    let r = client.send(&ListAccounts::new()).await;
    rec.file("accounts-list", "ok", outcome(r));

    let r = client
        .take_address(&TakeAddress::new(cur("BTC")?, id("user-1")))
        .await;
    rec.file("addresses-take", "btc", outcome(r));
    let conv = client
        .take_address(&TakeAddress::new(cur("BTC")?, id("user-2")).convert_to(cur("EUR")?))
        .await;
    let conv_address = conv.as_ref().ok().map(|a| a.address.clone());
    rec.file("addresses-take", "convert-to-eur", outcome(conv));
    let r = client
        .take_address(&TakeAddress::new(cur("XYZ")?, id("user-3")))
        .await;
    rec.file("addresses-take", "unknown-currency", outcome(r));

    let to = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    let r = client
        .withdraw_crypto(&WithdrawalCrypto::new(
            id("payout-1"),
            amount("0.01")?,
            cur("BTC")?,
            to,
        ))
        .await;
    rec.file("withdrawal-crypto", "processing", outcome(r));
    let r = client
        .withdraw_crypto(&WithdrawalCrypto::new(
            id("payout-2"),
            amount("0.0001")?,
            cur("BTC")?,
            to,
        ))
        .await;
    rec.file("withdrawal-crypto", "below-minimum", outcome(r));
    let r = client
        .withdraw_crypto(&WithdrawalCrypto::new(
            id("payout-3"),
            amount("1000")?,
            cur("BTC")?,
            to,
        ))
        .await;
    rec.file("withdrawal-crypto", "insufficient-balance", outcome(r));

    let quote = client
        .calculate_exchange(&CalculateExchange::sending(
            cur("EUR")?,
            cur("BTC")?,
            amount("300")?,
        ))
        .await;
    let price = quote.as_ref().ok().map(|q| q.price);
    rec.file("exchange-calculate", "sending", outcome(quote));
    let r = client
        .calculate_exchange(&CalculateExchange::receiving(
            cur("BTC")?,
            cur("EUR")?,
            amount("300")?,
        ))
        .await;
    rec.file("exchange-calculate", "receiving", outcome(r));
    if let Some(price) = price {
        let r = client
            .exchange_fixed(&ExchangeFixed::new(
                cur("EUR")?,
                cur("BTC")?,
                amount("300")?,
                id("swap-1"),
                price,
            ))
            .await;
        rec.file("exchange-fixed", "ok", outcome(r));
    }
    let r = client
        .exchange_now(&ExchangeNow::new(
            cur("EUR")?,
            cur("BTC")?,
            amount("100")?,
            id("swap-2"),
        ))
        .await;
    rec.file("exchange-now", "ok", outcome(r));

    if let Some(address) = conv_address {
        let r = client
            .futures_rates(&GetFuturesRates::new(address.clone()))
            .await;
        rec.file("futures-rates", "ok", outcome(r));
        let r = client
            .confirm_futures(&ConfirmFutures::new(
                address,
                cur("BTC")?,
                cur("EUR")?,
                amount("0.1")?,
                amount("2990")?,
            ))
            .await;
        rec.file("futures-confirm", "ok", outcome(r));
    }
    Ok(rec.files)
}

/// A KYC result as recorded: the review and whether it was created (201) or existed (200).
fn kyc_outcome(r: coinify_api::KycResult) -> serde_json::Value {
    json!({ "review": r.review, "created": r.created })
}

/// Coinify: every operation, with the documented errors the sandbox produces.
async fn coinify(
    base: String,
    partner_id: String,
    private_key_pem: String,
    wrong_key_pem: Option<String>,
    run_id: &str,
) -> Result<Vec<(String, serde_json::Value)>, CliError> {
    use coinify_api::{
        Currency, DocumentType, GetApproximateQuote, SubmitKyc, TransferMedium, UploadDocument,
    };
    use payments_core::signer::test_util::SequenceNonce;

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
    let cur = |c: &str| Currency::new(c).map_err(|e| CliError::usage(e.to_string()));

    let r = client
        .approximate_quote(
            &GetApproximateQuote::new(amount("-100")?, cur("EUR")?, cur("BTC")?)
                .with_transfer_media(TransferMedium::Card, TransferMedium::Blockchain),
        )
        .await;
    rec.file("approximate-quote", "card-to-blockchain", outcome(r));
    let r = client
        .approximate_quote(&GetApproximateQuote::new(
            amount("0.01")?,
            cur("BTC")?,
            cur("EUR")?,
        ))
        .await;
    rec.file("approximate-quote", "no-media", outcome(r));
    let r = client
        .approximate_quote(&GetApproximateQuote::new(
            amount("-100")?,
            cur("XYZ")?,
            cur("BTC")?,
        ))
        .await;
    rec.file("approximate-quote", "unknown-currency", outcome(r));

    let mut kyc: serde_json::Value =
        serde_json::from_str(payments_sandbox::coinify::EXAMPLE_KYC_REQUEST)
            .map_err(|e| CliError::usage(e.to_string()))?;
    kyc["externalId"] = json!(format!("{run_id}kyc-review-1"));
    let kyc: SubmitKyc = serde_json::from_value(kyc).map_err(|e| CliError::usage(e.to_string()))?;
    let created = client.submit_kyc(&kyc).await;
    let review_id = created.as_ref().ok().map(|r| r.review.id.clone());
    rec.file("kyc-create", "created", outcome(created.map(kyc_outcome)));
    let r = client.submit_kyc(&kyc).await;
    rec.file("kyc-create", "existing", outcome(r.map(kyc_outcome)));
    if let Some(pem) = wrong_key_pem {
        let wrong = build(pem, "2")?;
        let r = wrong.submit_kyc(&kyc).await;
        rec.file("kyc-create", "unauthorized", outcome(r.map(kyc_outcome)));
    }

    if let Some(review_id) = review_id {
        let doc = UploadDocument::new(
            review_id,
            format!("{run_id}passport-1"),
            DocumentType::Passport,
            "image/png",
            "passport.png",
            b"\x89PNG\r\n\x1a\nrecorded-fixture-document".to_vec(),
        )?;
        let r = client.upload_document(&doc).await;
        rec.file("kyc-upload-document", "created", outcome(r));
    }
    let missing = UploadDocument::new(
        "00000000-0000-4000-8000-000000000000",
        format!("{run_id}passport-2"),
        DocumentType::NationalId,
        "application/pdf",
        "id.pdf",
        b"%PDF-1.4 recorded".to_vec(),
    )?;
    let r = client.upload_document(&missing).await;
    rec.file("kyc-upload-document", "unknown-review", outcome(r));

    let r = client.supported_countries().await;
    rec.file("countries", "ok", outcome(r));
    let r = client.payment_methods().await;
    rec.file("payment-methods", "ok", outcome(r));
    Ok(rec.files)
}

fn write(
    out: &Path,
    provider: &str,
    files: Vec<(String, serde_json::Value)>,
) -> Result<usize, CliError> {
    let dir = out.join(provider).join("recorded");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::usage(format!("cannot create {}: {e}", dir.display())))?;
    let n = files.len();
    for (name, doc) in files {
        let mut text = serde_json::to_string_pretty(&doc)
            .map_err(|e| CliError::usage(format!("cannot encode {name}: {e}")))?;
        text.push('\n');
        let path = dir.join(&name);
        std::fs::write(&path, text)
            .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(n)
}

/// Records the scenarios of `providers` (all when empty) into `out`.
pub(crate) async fn run(out: PathBuf, providers: Vec<String>, live: bool) -> Result<(), CliError> {
    let wanted =
        |name: &str| providers.is_empty() || providers.iter().any(|p| p.eq_ignore_ascii_case(name));
    for p in &providers {
        if !Provider::ALL
            .iter()
            .any(|q| q.name().eq_ignore_ascii_case(p))
        {
            return Err(CliError::usage(format!("unknown provider {p:?}")));
        }
    }
    if live {
        if wanted("coincover") {
            let base = require_env("COINCOVER_BASE_URL")?;
            let token = require_env("COINCOVER_TOKEN")?;
            let run_id = format!(
                "rec{}-",
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            );
            let files = coincover(base, token, &run_id).await?;
            let n = write(&out, "coincover", files)?;
            println!(
                "coincover: recorded {n} exchanges (live) into {}",
                out.display()
            );
        }
        return Ok(());
    }
    let config = SandboxConfig::default()
        .with_seed(RECORDING_SEED)
        .with_clock(payments_sandbox::SandboxClock::fixed(RECORDING_CLOCK));
    let running = Sandbox::start(config)
        .await
        .map_err(|e| CliError::transport(format!("cannot start the sandbox: {e}")))?;
    if wanted("coincover") {
        let token = running.credentials().coincover_token.clone();
        let files = coincover(running.url(Provider::CoinCover), token, "").await?;
        let n = write(&out, "coincover", files)?;
        println!("coincover: recorded {n} exchanges into {}", out.display());
    }
    if wanted("covery") {
        let c = running.credentials().clone();
        let files = covery(
            running.url(Provider::Covery),
            c.covery_token,
            c.covery_secret,
            Some(c.covery_event_token),
            Some(running.base_url()),
            "",
        )
        .await?;
        let n = write(&out, "covery", files)?;
        println!("covery: recorded {n} exchanges into {}", out.display());
    }
    if wanted("coinspaid") {
        let c = running.credentials().clone();
        let files = coinspaid(
            running.url(Provider::CoinsPaid),
            c.coinspaid_key,
            c.coinspaid_secret,
            "",
        )
        .await?;
        let n = write(&out, "coinspaid", files)?;
        println!("coinspaid: recorded {n} exchanges into {}", out.display());
    }
    if wanted("coinify") {
        let c = running.credentials().clone();
        let wrong = payments_sandbox::coinify::generate_key_pair()
            .map_err(|e| CliError::usage(format!("cannot generate a second key: {e}")))?;
        let files = coinify(
            running.url(Provider::Coinify),
            c.coinify_partner_id,
            c.coinify_private_key_pem,
            Some(wrong.private_key_pem),
            "",
        )
        .await?;
        let n = write(&out, "coinify", files)?;
        println!("coinify: recorded {n} exchanges into {}", out.display());
    }
    running.shutdown().await;
    Ok(())
}
