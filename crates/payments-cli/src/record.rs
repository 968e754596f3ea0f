//! `payments record-fixtures`: runs each provider's scripted scenario through the real
//! clients and writes every exchange to `<out>/<provider>/recorded/<operation>.<case>.json`.
//!
//! Every step is a row of the provider's operation table called with its JSON input
//! document (as `payments call` takes it), so a recording holds the operation's one name,
//! the input, every exchange and the decoded outcome, and the replay tests need no
//! per-operation code.
//!
//! By default against an in-process sandbox with a fixed seed and clock, so the files are
//! the same on every run; `cargo xtask fixtures --check` relies on that. With `--live`,
//! against the provider's environment named by its variables (`COINCOVER_BASE_URL`,
//! `COINCOVER_TOKEN`), with credentials redacted and run-specific ids.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use payments_core::test_util::{FixedClock, SequenceNonce};
use payments_core::transport::{Exchange, RecordingTransport};
use payments_core::{
    Error, InputFile, JsonOutput, Operation, ReqwestTransport, RetryPolicy, Transport, WithMeta,
};
use payments_sandbox::{Provider, Sandbox, SandboxConfig};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use crate::exit::CliError;
use crate::providers::{BoxFuture, require_env};

/// The instant the recording sandbox's clock is fixed at (2023-11-14T22:13:20Z).
pub(crate) const RECORDING_CLOCK: u64 = 1_700_000_000;
/// The recording sandbox's seed.
pub(crate) const RECORDING_SEED: u64 = 7;

/// A provider client that calls any row of its table with a JSON input document.
trait CallJson: Sync {
    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: &'a str,
        files: Vec<InputFile>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, Error>>;
}

macro_rules! call_json_for {
    ($($client:ty),*) => {$(
        impl CallJson for $client {
            fn call<'a>(
                &'a self,
                op: &'static Operation,
                input: &'a str,
                files: Vec<InputFile>,
            ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, Error>> {
                Box::pin(self.call_json(op, input, files))
            }
        }
    )*};
}
call_json_for!(
    coincover_api::Client,
    covery_api::Client,
    coinspaid_api::Client,
    coinify_api::Client
);

/// CCPro's calls: public and platform rows through the client, user rows through the
/// user's session (`user` is `None` for a caller that only makes public or platform calls).
struct CcproCaller {
    client: ccpro_api::Client,
    user: Option<ccpro_api::UserClient>,
}

impl CallJson for CcproCaller {
    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: &'a str,
        files: Vec<InputFile>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, Error>> {
        Box::pin(async move {
            match (op.auth, &self.user) {
                (payments_core::Auth::Session, Some(user)) => {
                    user.call_json(op, input, files).await
                }
                _ => self.client.call_json(op, input, files).await,
            }
        })
    }
}

/// A recorded file, keys in this order.
#[derive(Serialize)]
struct Recording<'a> {
    operation: &'static str,
    case: &'a str,
    input: &'a RawValue,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<RecordedFile>,
    exchanges: Vec<Exchange>,
    outcome: Outcome,
}

/// A file given to the call, its bytes in standard base64.
#[derive(Serialize)]
struct RecordedFile {
    field: String,
    name: String,
    base64: String,
}

/// The decoded result: the success status and the response as the client decoded it
/// (every digit kept), or the error's Display.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Outcome {
    Ok { status: u16, value: Box<RawValue> },
    Error(String),
}

/// One provider's recorder: clients wired to a [`RecordingTransport`].
struct Recorder {
    transport: RecordingTransport,
    files: Vec<(String, String)>,
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

    /// Calls `op` with `input` and files the exchanges under `<op>.<case>`; answers the
    /// decoded response when the call succeeded.
    async fn step(
        &mut self,
        client: &dyn CallJson,
        op: &'static Operation,
        case: &str,
        input: Value,
        files: Vec<InputFile>,
    ) -> Result<Option<Value>, CliError> {
        let text = input.to_string();
        let result = client.call(op, &text, files.clone()).await;
        let exchanges: Vec<Exchange> = self.transport.take();
        let invalid = |e: serde_json::Error| CliError::usage(format!("{}.{case}: {e}", op.name));
        let (outcome, value) = match result {
            Ok(out) => {
                let value = serde_json::from_str(&out.value.json).ok();
                let raw = RawValue::from_string(out.value.json).map_err(invalid)?;
                (
                    Outcome::Ok {
                        status: out.value.status.as_u16(),
                        value: raw,
                    },
                    value,
                )
            }
            Err(e) => (Outcome::Error(e.to_string()), None),
        };
        let input = RawValue::from_string(text).map_err(invalid)?;
        let doc = Recording {
            operation: op.name,
            case,
            input: &input,
            files: files
                .into_iter()
                .map(|f| RecordedFile {
                    field: f.field,
                    name: f.name,
                    base64: base64::engine::general_purpose::STANDARD.encode(&f.bytes),
                })
                .collect(),
            exchanges,
            outcome,
        };
        let mut text = crate::output::indent(&serde_json::to_string(&doc).map_err(invalid)?);
        text.push('\n');
        self.files.push((format!("{}.{case}.json", op.name), text));
        Ok(value)
    }
}

/// CoinCover: every operation, its success and each documented error.
async fn coincover(
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

/// CoinsPaid: every operation, with the documented validation errors the sandbox produces.
async fn coinspaid(
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

/// Coinify: every operation, with the documented errors the sandbox produces.
async fn coinify(
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

/// One of the recording sandbox's control routes (`base` is its root URL): CCPro's e-mailed
/// codes, the clock, a second user.
async fn sandbox_control(
    base: &str,
    method: reqwest::Method,
    path: &str,
    body: &str,
) -> Result<Value, CliError> {
    let url = format!("{base}{}{path}", payments_sandbox::CONTROL_PREFIX);
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .map_err(|e| CliError::transport(format!("cannot build HTTP client: {e}")))?;
    let resp = http
        .request(method, &url)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .map_err(|e| CliError::transport(format!("{url}: {e}")))?;
    let bytes = resp
        .bytes()
        .await
        .map_err(|e| CliError::transport(format!("{url}: {e}")))?;
    serde_json::from_slice(&bytes).map_err(|e| CliError::provider(format!("{url}: {e}")))
}

/// CCPro: a user's life through the platform and on their own (registration, e-mail
/// verification, both logins, wallet, bank, prices, a quote confirmed into an order, proof
/// of payment, approval on the clock, a transfer to a second user, the platform's lists,
/// logout), with the documented refusals met on the way. Sandbox only: the codes CCPro
/// e-mails and the clock come from the sandbox's control routes at `control`.
async fn ccpro(
    base: String,
    control: String,
    platform: String,
    private_key_pem: String,
    wrong_key_pem: String,
) -> Result<Vec<(String, String)>, CliError> {
    use ccpro_api::operations::{
        AUTHENTICATE, AUTHENTICATE_JWT, BALANCES, BANK_CREATE, BANK_LIST, COUNTRY_LIST, LOGOUT,
        NOTIFICATION_TEMPORARY, ORDER_PAYMENT_PROOF, ORDER_SHOW, PLATFORM_ORDERS, PLATFORM_USERS,
        PRICE_BUY, PRICE_SELL, QUOTE_CONFIRM, QUOTE_CREATE, TRANSFER_CONFIRM, TRANSFER_CREATE,
        USER_CREATE, USER_VERIFY_EMAIL, WALLET_CREATE, WALLET_LIST, WALLET_SHOW, WALLET_UPDATE,
    };
    use ccpro_api::{SecretString, Subject, UserSession};
    use reqwest::Method;

    let mut rec = Recorder::new()?;
    let transport = rec.transport();
    let build = |pem: &str| {
        ccpro_api::Client::builder(ccpro_api::Environment::Custom(base.clone()))
            .platform_key(platform.clone(), &SecretString::from(pem.to_owned()))
            .transport(transport.clone())
            .retry(RetryPolicy::none())
            .clock(Arc::new(FixedClock::at(RECORDING_CLOCK)))
            .build()
    };
    let client = build(&private_key_pem)?;
    let public = CcproCaller {
        client: client.clone(),
        user: None,
    };
    let forged = CcproCaller {
        client: build(&wrong_key_pem)?,
        user: None,
    };

    rec.step(&public, &COUNTRY_LIST, "ok", json!({}), vec![])
        .await?;
    let email = "alice@example.com";
    let password = "correct horse battery";
    let new_user = json!({
        "email": email, "password": password, "firstName": "Alice", "lastName": "Liddell",
        "dateOfBirth": "1990-04-01", "phone": "40730000000",
        "address": {"country": "RO", "city": "Pitesti", "zip": "112233", "street": "Strada 1"},
        "platform": {"id": platform, "userId": "alice-7", "email": email, "username": "alice", "referralId": "ref-1"},
    });
    rec.step(&public, &USER_CREATE, "linked", new_user.clone(), vec![])
        .await?;
    rec.step(&public, &USER_CREATE, "email-taken", new_user, vec![])
        .await?;
    let wrong = json!({"email": email, "code": "not-the-code"});
    rec.step(&public, &USER_VERIFY_EMAIL, "wrong-code", wrong, vec![])
        .await?;
    let codes =
        sandbox_control(&control, Method::GET, &format!("/ccpro/users/{email}"), "").await?;
    let code = codes.get("emailCode").cloned().unwrap_or(Value::Null);
    let verify = json!({"email": email, "code": code});
    rec.step(
        &public,
        &USER_VERIFY_EMAIL,
        "verified",
        verify.clone(),
        vec![],
    )
    .await?;
    rec.step(
        &public,
        &USER_VERIFY_EMAIL,
        "already-active",
        verify,
        vec![],
    )
    .await?;

    let login = json!({"email": email, "password": password});
    rec.step(&public, &AUTHENTICATE, "ok", login, vec![])
        .await?;
    let login = json!({"email": email, "password": "not it"});
    rec.step(&public, &AUTHENTICATE, "wrong-password", login, vec![])
        .await?;
    let jwt_login = json!({"platform": platform, "email": email});
    rec.step(
        &public,
        &AUTHENTICATE_JWT,
        "by-email",
        jwt_login.clone(),
        vec![],
    )
    .await?;
    rec.step(&forged, &AUTHENTICATE_JWT, "forged-jwt", jwt_login, vec![])
        .await?;

    // Alice's session, logged in through the platform (that exchange is not a fixture).
    let alice = client.login_as(Subject::Email(email.to_owned())).await?;
    let me = alice.user_id().to_owned();
    drop(rec.transport.take());
    let alice = CcproCaller {
        client: client.clone(),
        user: Some(alice),
    };

    let wallet = json!({"user": me, "address": "0xEfC0c81abd46941766E2Ae9a30c57DF75b161111", "alias": "main", "coin": "ETH"});
    let created = rec
        .step(&alice, &WALLET_CREATE, "created", wallet.clone(), vec![])
        .await?;
    rec.step(&alice, &WALLET_CREATE, "address-taken", wallet, vec![])
        .await?;
    let wallet_id = created
        .as_ref()
        .and_then(|w| w.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    rec.step(&alice, &WALLET_LIST, "one", json!({"user": me}), vec![])
        .await?;
    rec.step(
        &alice,
        &WALLET_SHOW,
        "ok",
        json!({"user": me, "wallet": wallet_id}),
        vec![],
    )
    .await?;
    let missing = json!({"user": me, "wallet": "00000000-0000-4000-8000-000000000000"});
    rec.step(&alice, &WALLET_SHOW, "not-found", missing, vec![])
        .await?;
    let rename = json!({"user": me, "wallet": wallet_id, "alias": "savings"});
    rec.step(&alice, &WALLET_UPDATE, "renamed", rename, vec![])
        .await?;

    let bank = json!({"user": me, "bankName": "ING Bank", "iban": "RO02INGB0000999900285800", "swift": "INGBROBU", "currency": "EUR"});
    let bank = rec
        .step(&alice, &BANK_CREATE, "created", bank, vec![])
        .await?;
    let bank_id = bank
        .as_ref()
        .and_then(|b| b.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    rec.step(&alice, &BANK_LIST, "one", json!({"user": me}), vec![])
        .await?;

    let price = json!({"user": me, "from": "EUR", "to": "ETH", "from_amount": "100"});
    rec.step(&alice, &PRICE_BUY, "from-amount", price, vec![])
        .await?;
    let price =
        json!({"user": me, "from": "EUR", "to": "ETH", "from_amount": "100", "to_amount": "1"});
    rec.step(&alice, &PRICE_BUY, "both-amounts", price, vec![])
        .await?;
    let price =
        json!({"user": me, "from": "ETH", "to": "EUR", "from_amount": "0.123456789012345678"});
    rec.step(&alice, &PRICE_SELL, "from-amount", price, vec![])
        .await?;

    let quote = json!({
        "user": me, "type": "coin", "orderType": "buy_with_fiat", "orderAmount": "0.5",
        "orderSymbol": "ETH", "orderPaymentSymbol": "EUR", "orderPaymentMethod": bank_id,
    });
    let quote = rec
        .step(&alice, &QUOTE_CREATE, "buy-by-bank", quote, vec![])
        .await?;
    let quote_id = quote
        .as_ref()
        .and_then(|q| q.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let confirm = json!({"user": me, "quote": quote_id});
    let order = rec
        .step(&alice, &QUOTE_CONFIRM, "ordered", confirm.clone(), vec![])
        .await?;
    rec.step(&alice, &QUOTE_CONFIRM, "already-processed", confirm, vec![])
        .await?;
    let order_id = order
        .as_ref()
        .and_then(|o| o.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let pdf = InputFile {
        field: "file".to_owned(),
        name: "transfer.pdf".to_owned(),
        bytes: b"%PDF-1.4\n%recorded proof of payment\n%%EOF\n"
            .to_vec()
            .into(),
    };
    let proof = json!({"user": me, "order": order_id});
    rec.step(&alice, &ORDER_PAYMENT_PROOF, "uploaded", proof, vec![pdf])
        .await?;
    let show = json!({"user": me, "order": order_id});
    rec.step(
        &alice,
        &ORDER_SHOW,
        "processing-payment",
        show.clone(),
        vec![],
    )
    .await?;
    sandbox_control(
        &control,
        Method::POST,
        "/clock",
        r#"{"advance_seconds":60}"#,
    )
    .await?;
    rec.step(&alice, &ORDER_SHOW, "approved", show, vec![])
        .await?;
    rec.step(
        &alice,
        &NOTIFICATION_TEMPORARY,
        "order-approved",
        json!({"user": me}),
        vec![],
    )
    .await?;
    rec.step(&alice, &BALANCES, "after-buy", json!({"user": me}), vec![])
        .await?;

    let bob = sandbox_control(
        &control,
        Method::POST,
        "/ccpro/users",
        r#"{"email":"bob@example.com"}"#,
    )
    .await?;
    let text = |v: &Value, f: &str| {
        v.get(f)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let bob_id = text(&bob, "id");
    let bob = CcproCaller {
        client: client.clone(),
        user: Some(client.user(UserSession::from_token(bob_id.clone(), text(&bob, "token")))),
    };
    let transfer = json!({"owner": me, "action": "send", "amount": "0.1", "type": "coin", "symbol": "ETH", "user": "bob@example.com"});
    let transfer = rec
        .step(&alice, &TRANSFER_CREATE, "send", transfer, vec![])
        .await?;
    let transfer_id = transfer
        .as_ref()
        .and_then(|t| t.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let confirm = json!({"user": bob_id, "transfer": transfer_id});
    rec.step(&bob, &TRANSFER_CONFIRM, "completed", confirm, vec![])
        .await?;

    rec.step(
        &public,
        &PLATFORM_ORDERS,
        "ok",
        json!({"platform": platform}),
        vec![],
    )
    .await?;
    rec.step(
        &public,
        &PLATFORM_USERS,
        "ok",
        json!({"platform": platform}),
        vec![],
    )
    .await?;
    rec.step(
        &forged,
        &PLATFORM_USERS,
        "forged-jwt",
        json!({"platform": platform}),
        vec![],
    )
    .await?;
    // Every other operation: the docs' own request example, with the ids of this scenario.
    let checkout = sandbox_control(
        &control,
        Method::POST,
        "/ccpro/checkouts",
        &json!({"user": me, "requestId": "order-42", "paymentType": "card"}).to_string(),
    )
    .await?;
    let id_of = |v: Option<&Value>| {
        v.and_then(|v| v.get("id"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut live: BTreeMap<String, String> = [
        ("user", me.clone()),
        ("platform", platform.clone()),
        ("wallet", id_of(created.as_ref())),
        ("bank", id_of(bank.as_ref())),
        ("quote", id_of(quote.as_ref())),
        ("order", id_of(order.as_ref())),
        ("transfer", id_of(transfer.as_ref())),
        ("checkout", id_of(Some(&checkout))),
        ("asset", "ETH".to_owned()),
        ("period", "day".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let recorded: BTreeSet<String> = rec
        .files
        .iter()
        .filter_map(|(file, _)| file.split('.').next().map(str::to_owned))
        .collect();
    for &op in ccpro_api::OPERATIONS {
        if recorded.contains(op.name) || op.name == LOGOUT.name {
            continue;
        }
        let (input, files) = docs_example(op, &live)?;
        let caller = if op.auth == payments_core::Auth::Session {
            &alice
        } else {
            &public
        };
        let out = rec.step(caller, op, "docs-example", input, files).await?;
        // A new resource's id stands in for the docs' ids from now on (`…/card` → `card`).
        if op.method == payments_core::http::Method::POST
            && let Some(id) = out
                .as_ref()
                .and_then(|v| v.get("id"))
                .and_then(Value::as_str)
            && let Some(last) = op.path.rsplit('/').next()
            && !last.starts_with('{')
        {
            live.insert(last.to_owned(), id.to_owned());
        }
    }

    // Bob's session holds no credentials to log in again with: his second logout is refused.
    rec.step(&bob, &LOGOUT, "ok", json!({}), vec![]).await?;
    rec.step(&bob, &LOGOUT, "revoked", json!({}), vec![])
        .await?;
    Ok(rec.files)
}

/// The docs' request example of `op` (`fixtures/ccpro/docs/<name>.request.json`) as an
/// input document: its body, its query and its path parameters as top-level fields, each
/// path parameter `live` knows replaced by the scenario's value (the docs' `1/1` of the
/// price paths by the assets of the docs' own answer), an omitted optional segment left
/// out; the docs' file placeholders (`"File"`, `"image"`) become PNG files of those fields.
fn docs_example(
    op: &'static Operation,
    live: &BTreeMap<String, String>,
) -> Result<(Value, Vec<InputFile>), CliError> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/ccpro/docs");
    let read = |name: String| -> Result<Value, CliError> {
        let path = docs.join(&name);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            CliError::usage(format!(
                "cannot read {} (record-fixtures runs in the repository): {e}",
                path.display()
            ))
        })?;
        serde_json::from_str(&text).map_err(|e| CliError::usage(format!("{name}: {e}")))
    };
    let example = read(format!("{}.request.json", op.name))?;
    let answer = read(format!("{}.response.200.json", op.name)).ok();
    let mut input = serde_json::Map::new();
    let mut files = Vec::new();
    if let Some(Value::Object(body)) = example.get("body") {
        for (key, value) in body {
            take_files(key, value, &mut files, &mut input);
        }
    }
    if let Some(Value::Object(query)) = example.get("query") {
        input.extend(query.clone());
    }
    if let Some(Value::Object(params)) = example.get("path_params") {
        for (name, value) in params {
            let documented_asset = answer
                .as_ref()
                .and_then(|a| a.pointer(&format!("/body/data/assets/{name}")))
                .cloned();
            let value = match (live.get(name), documented_asset) {
                (Some(v), _) => Value::String(v.clone()),
                (None, Some(asset)) => asset,
                // An optional segment the scenario has no value for is left out.
                (None, None) if op.path.contains(&format!("{{{name}?}}")) => continue,
                (None, None) => value.clone(),
            };
            input.insert(name.clone(), value);
        }
    }
    Ok((Value::Object(input), files))
}

/// `true` for the docs' placeholder of a file (`"File"`, `"image"`).
fn is_file_placeholder(value: &Value) -> bool {
    value.as_str().is_some_and(|s| s == "File" || s == "image")
}

/// Moves the docs' file placeholders out of a body field into `files` (nested names
/// dotted, `documents.passport`), the rest into `input`.
fn take_files(
    key: &str,
    value: &Value,
    files: &mut Vec<InputFile>,
    input: &mut serde_json::Map<String, Value>,
) {
    match value {
        v if is_file_placeholder(v) => {
            let short = key.rsplit('.').next().unwrap_or(key);
            files.push(InputFile {
                field: key.to_owned(),
                name: format!("{short}.png"),
                bytes: RECORDED_PNG.to_vec().into(),
            });
        }
        Value::Object(inner) if inner.values().any(is_file_placeholder) => {
            let mut rest = serde_json::Map::new();
            for (k, v) in inner {
                if is_file_placeholder(v) {
                    take_files(&format!("{key}.{k}"), v, files, input);
                } else {
                    rest.insert(k.clone(), v.clone());
                }
            }
            if !rest.is_empty() {
                input.insert(key.to_owned(), Value::Object(rest));
            }
        }
        other => {
            input.insert(key.to_owned(), other.clone());
        }
    }
}

/// The PNG every recorded upload sends: a signature and an IHDR chunk.
const RECORDED_PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0recorded";

fn write(out: &Path, provider: &str, files: Vec<(String, String)>) -> Result<usize, CliError> {
    let dir = out.join(provider).join("recorded");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::usage(format!("cannot create {}: {e}", dir.display())))?;
    let n = files.len();
    for (name, text) in files {
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
    if wanted("ccpro") {
        let c = running.credentials().clone();
        let wrong = payments_sandbox::coinify::generate_key_pair()
            .map_err(|e| CliError::usage(format!("cannot generate a second key: {e}")))?;
        let files = ccpro(
            running.url(Provider::Ccpro),
            running.base_url(),
            c.ccpro_platform_id,
            c.ccpro_private_key_pem,
            wrong.private_key_pem,
        )
        .await?;
        let n = write(&out, "ccpro", files)?;
        println!("ccpro: recorded {n} exchanges into {}", out.display());
    }
    running.shutdown().await;
    Ok(())
}
