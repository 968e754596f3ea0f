//! `payments demo`: each provider's main flow against the in-process sandbox.

use std::io::Write;

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Date,
    Environment, TransactionCheck, TransactionOutput,
};
use payments_sandbox::{Provider, RunningSandbox, Sandbox, SandboxConfig};
use tokio::sync::mpsc;

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

/// A callback as received: headers and raw body.
type Received = (Vec<(String, String)>, Vec<u8>);

/// A loopback HTTP listener that hands every POSTed callback to the demo.
async fn callback_listener() -> Result<(String, mpsc::Receiver<Received>), CliError> {
    let (tx, rx) = mpsc::channel::<Received>(16);
    let app = axum::Router::new().route(
        "/{provider}",
        axum::routing::post(
            move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let tx = tx.clone();
                async move {
                    let headers = headers
                        .iter()
                        .map(|(n, v)| {
                            (
                                n.as_str().to_owned(),
                                String::from_utf8_lossy(v.as_bytes()).into_owned(),
                            )
                        })
                        .collect();
                    let _ = tx.send((headers, body.to_vec())).await;
                    axum::http::StatusCode::OK
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| CliError::transport(format!("cannot listen for callbacks: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::transport(format!("cannot listen for callbacks: {e}")))?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok((format!("http://{addr}"), rx))
}

/// Waits (up to 10 s) for the next callback that carries `header`; callbacks of other
/// providers that arrive first are skipped.
async fn next_callback(
    callbacks: &mut mpsc::Receiver<Received>,
    header: &str,
) -> Result<Received, CliError> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let got = tokio::time::timeout_at(deadline, callbacks.recv())
            .await
            .ok()
            .flatten()
            .ok_or_else(|| {
                CliError::transport(format!("no callback with {header} arrived within 10 s"))
            })?;
        if got.0.iter().any(|(n, _)| n.eq_ignore_ascii_case(header)) {
            return Ok(got);
        }
    }
}

fn amount(s: &str) -> Result<Amount, CliError> {
    parse::<Amount>(s)
}

async fn covery(
    running: &RunningSandbox,
    callbacks: &mut mpsc::Receiver<Received>,
) -> Result<(), CliError> {
    use covery_api::{
        Currency, Login, MakeDecision, Postback, Registration, SendEvent, Transaction,
    };
    let url = running.url(Provider::Covery);
    println!("Covery (fraud scoring) at {url}");
    let creds = running.credentials();
    let client = covery_api::Client::new(
        covery_api::Environment::Custom(url),
        creds.covery_token.clone(),
        creds.covery_secret.clone(),
    )?;
    let now = 1_700_000_000;
    let usd = Currency::new("USD").map_err(|e| CliError::usage(e.to_string()))?;
    let mut r = Report { step: 0, total: 6 };

    r.start("register user u-42 (sequence seq-42)");
    let reg = client
        .send_event(&SendEvent::new(
            Registration::new(now, "u-42", "seq-42").with_email("joe@example.com"),
        ))
        .await?;
    r.done(&format!("requestId {}", reg.request_id));

    r.start("log u-42 in");
    let login = client
        .send_event(&SendEvent::new(Login::new(now + 60, "u-42", "seq-42")))
        .await?;
    r.done(&format!("requestId {}", login.request_id));

    r.start("decide on a 49.99 USD transaction");
    let ok = client
        .make_decision(&MakeDecision::new(
            Transaction::new(
                amount("49.99")?,
                usd.clone(),
                "demo-tr-1",
                now + 120,
                "u-42",
                "seq-42",
            )
            .with_email("joe@example.com"),
        ))
        .await?;
    r.done(&format!(
        "score {} accept={} {}",
        ok.score,
        ok.accept,
        ok.action.as_deref().unwrap_or("")
    ));
    if !ok.accept {
        return Err(CliError::provider(
            "expected the small transaction to be accepted",
        ));
    }

    r.start("decide on 15000 USD from a disposable e-mail address");
    let bad = client
        .make_decision(&MakeDecision::new(
            Transaction::new(
                amount("15000")?,
                usd,
                "demo-tr-2",
                now + 180,
                "u-42",
                "seq-42",
            )
            .with_email(payments_sandbox::covery::DEMO_DISPOSABLE_EMAIL),
        ))
        .await?;
    r.done(&format!(
        "score {} reject={} {}",
        bad.score,
        bad.reject,
        bad.reason.as_deref().unwrap_or("")
    ));
    if !bad.reject {
        return Err(CliError::provider(
            "expected the large transaction to be rejected",
        ));
    }

    r.start("post back the accepted transaction's outcome");
    let pb = client
        .postback(&Postback::by_request_id(ok.request_id).with_transaction_status("success"))
        .await?;
    r.done(&format!("requestId {}", pb.request_id));

    r.start("raise a fraud alert; receive and verify its callback");
    let http = reqwest::Client::new();
    let created = http
        .post(format!(
            "{}/_sandbox/covery/fraud-alerts",
            running.base_url()
        ))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .map_err(|e| CliError::transport(format!("cannot create a fraud alert: {e}")))?;
    if !created.status().is_success() {
        return Err(CliError::provider(format!(
            "the sandbox refused the fraud alert: HTTP {}",
            created.status()
        )));
    }
    let (headers, body) =
        tokio::time::timeout(std::time::Duration::from_secs(10), callbacks.recv())
            .await
            .ok()
            .flatten()
            .ok_or_else(|| CliError::transport("no fraud-alert callback arrived within 10 s"))?;
    let verifier = covery_api::webhook::Verifier::new(payments_core::webhook::WebhookSecrets::new(
        creds.covery_secret.clone().into(),
    ));
    let alert = verifier
        .verify(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())), &body)
        .map_err(|e| {
            CliError::provider(format!("the fraud-alert callback failed verification: {e}"))
        })?;
    r.done(&format!("verified: alert {} ({:?})", alert.id, alert.kind));
    println!();
    Ok(())
}

async fn coinspaid(
    running: &RunningSandbox,
    callbacks: &mut mpsc::Receiver<Received>,
) -> Result<(), CliError> {
    use coinspaid_api::{Currency, ListAccounts, TakeAddress, WithdrawalCrypto};
    let url = running.url(Provider::CoinsPaid);
    println!("CoinsPaid (crypto processing) at {url}");
    let creds = running.credentials();
    let client = coinspaid_api::Client::new(
        coinspaid_api::Environment::Custom(url),
        creds.coinspaid_key.clone(),
        creds.coinspaid_secret.clone(),
    )?;
    let verifier = coinspaid_api::webhook::Verifier::new(
        creds.coinspaid_key.clone(),
        payments_core::webhook::WebhookSecrets::new(creds.coinspaid_secret.clone().into()),
    );
    let btc = Currency::new("BTC").map_err(|e| CliError::usage(e.to_string()))?;
    let mut r = Report { step: 0, total: 5 };

    r.start("take a BTC deposit address for user-1");
    let address = client
        .take_address(&TakeAddress::new(btc.clone(), "user-1"))
        .await?;
    r.done(&address.address);

    r.start("simulate a 0.01 BTC deposit to it");
    let http = reqwest::Client::new();
    let deposit = http
        .post(format!(
            "{}/_sandbox/coinspaid/deposits",
            running.base_url()
        ))
        .header("content-type", "application/json")
        .body(serde_json::json!({"address": address.address, "amount": "0.01"}).to_string())
        .send()
        .await
        .map_err(|e| CliError::transport(format!("cannot simulate a deposit: {e}")))?;
    if !deposit.status().is_success() {
        return Err(CliError::provider(format!(
            "the sandbox refused the deposit: HTTP {}",
            deposit.status()
        )));
    }
    r.done("posted");

    r.start("receive and verify the deposit callbacks");
    let mut seen = Vec::new();
    for _ in 0..2 {
        let (headers, body) = next_callback(callbacks, "x-processing-signature").await?;
        let cb = verifier
            .verify(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())), &body)
            .map_err(|e| {
                CliError::provider(format!("a deposit callback failed verification: {e}"))
            })?;
        seen.push(
            cb.status()
                .map_or_else(|| "unknown".to_owned(), |s| s.to_string()),
        );
    }
    r.done(&format!("verified: {}", seen.join(", then ")));
    if seen.last().map(String::as_str) != Some("confirmed") {
        return Err(CliError::provider("expected the deposit to end confirmed"));
    }

    r.start("withdraw 0.005 BTC (foreign_id payout-1)");
    let w = client
        .withdraw_crypto(&WithdrawalCrypto::new(
            "payout-1",
            amount("0.005")?,
            btc,
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        ))
        .await?;
    let (headers, body) = next_callback(callbacks, "x-processing-signature").await?;
    let cb = verifier
        .verify(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())), &body)
        .map_err(|e| {
            CliError::provider(format!("the withdrawal callback failed verification: {e}"))
        })?;
    r.done(&format!(
        "{:?} then callback {}",
        w.status,
        cb.status()
            .map_or_else(|| "unknown".to_owned(), |s| s.to_string())
    ));

    r.start("show balances");
    let balances = client.send(&ListAccounts::new()).await?;
    let shown: Vec<String> = balances
        .iter()
        .filter(|b| b.balance.is_positive())
        .map(|b| format!("{} {}", b.currency, b.balance))
        .collect();
    r.done(&shown.join(", "));
    println!();
    Ok(())
}

/// A tiny valid PNG (1×1 pixel), standing in for a scanned document.
/// A minimal PDF: the proof of payment the CCPro flow uploads.
const DEMO_PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

const DEMO_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

async fn coinify(running: &RunningSandbox) -> Result<(), CliError> {
    use coinify_api::{
        Currency, DocumentType, GetApproximateQuote, SubmitKyc, TransferMedium, UploadDocument,
    };
    let url = running.url(Provider::Coinify);
    println!("Coinify (partner trade API) at {url}");
    let creds = running.credentials();
    let client = coinify_api::Client::new(
        coinify_api::Environment::Custom(url),
        &creds.coinify_partner_id,
        creds.coinify_private_key_pem.clone(),
    )?;
    let cur = |c: &str| Currency::new(c).map_err(|e| CliError::usage(e.to_string()));
    let mut r = Report { step: 0, total: 3 };

    r.start("quote: send 100 EUR by card, receive BTC on chain");
    let quote = client
        .approximate_quote(
            &GetApproximateQuote::new(amount("-100")?, cur("EUR")?, cur("BTC")?)
                .with_transfer_media(TransferMedium::Card, TransferMedium::Blockchain),
        )
        .await?;
    r.done(&format!("{} {}", quote.quote_amount, quote.quote_currency));

    r.start("submit trader 123's KYC review (partner-signed JWT)");
    let kyc: SubmitKyc = serde_json::from_str(payments_sandbox::coinify::EXAMPLE_KYC_REQUEST)
        .map_err(|e| CliError::usage(format!("demo KYC input: {e}")))?;
    let review = client.submit_kyc(&kyc).await?;
    r.done(&format!(
        "{} review {}",
        if review.created {
            "created"
        } else {
            "existing"
        },
        review.review.id
    ));

    r.start("upload a generated passport scan (image/png)");
    let upload = UploadDocument::new(
        review.review.id.clone(),
        "demo-passport-1",
        DocumentType::Passport,
        "image/png",
        "passport.png",
        DEMO_PNG,
    )?;
    let doc = client.upload_document(&upload).await?;
    r.done(&format!("document {}", doc.id));
    println!();
    Ok(())
}

/// The text of `value` as JSON (for a control route's answer).
fn control_text(value: &serde_json::Value, field: &str) -> Result<String, CliError> {
    value
        .get(field)
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| CliError::provider(format!("the sandbox's control route gave no {field}")))
}

/// One of the sandbox's control routes (outside CCPro's API: what CCPro's e-mails and back
/// office would do).
async fn control(
    http: &reqwest::Client,
    running: &RunningSandbox,
    method: reqwest::Method,
    path: &str,
    body: &str,
) -> Result<serde_json::Value, CliError> {
    let url = format!(
        "{}{}{path}",
        running.base_url(),
        payments_sandbox::CONTROL_PREFIX
    );
    let resp = http
        .request(method, &url)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .map_err(|e| CliError::transport(format!("{url}: {e}")))?;
    let status = resp.status();
    let bytes = resp
        .bytes()
        .await
        .map_err(|e| CliError::transport(format!("{url}: {e}")))?;
    if !status.is_success() {
        return Err(CliError::provider(format!(
            "{url} answered {status}: {}",
            String::from_utf8_lossy(&bytes)
        )));
    }
    serde_json::from_slice(&bytes).map_err(|e| CliError::provider(format!("{url}: {e}")))
}

async fn ccpro(running: &RunningSandbox) -> Result<(), CliError> {
    use ccpro_api::api::banks::CreateBank;
    use ccpro_api::api::notifications::ListTemporaryNotifications;
    use ccpro_api::api::orders::{GetOrder, UploadPaymentProof};
    use ccpro_api::api::platform::ListPlatformOrders;
    use ccpro_api::api::prices::{Buy, PriceRequest};
    use ccpro_api::api::quotes::{ConfirmQuote, CreateQuote};
    use ccpro_api::api::transfers::{ConfirmTransfer, CreateTransfer};
    use ccpro_api::api::users::{CreateUser, PlatformLink, VerifyEmail};
    use ccpro_api::api::wallets::CreateWallet;
    use ccpro_api::types::orders::{AssetType, TradeOperation};
    use ccpro_api::types::transfers::TransferAction;
    use ccpro_api::{ExactAmount, SecretString, Subject, UserSession};
    let url = running.url(Provider::Ccpro);
    println!("CCPro (crypto brokerage) at {url}");
    let creds = running.credentials();
    let platform = creds.ccpro_platform_id.clone();
    let client = ccpro_api::Client::builder(ccpro_api::Environment::Custom(url))
        .platform_key(
            platform.clone(),
            &SecretString::from(creds.ccpro_private_key_pem.clone()),
        )
        .build()?;
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .map_err(|e| CliError::transport(format!("cannot build HTTP client: {e}")))?;
    let exact = |s: &str| parse::<ExactAmount>(s);
    let mut r = Report { step: 0, total: 11 };

    r.start("register alice@example.com, linked to the platform");
    let alice_email = "alice@example.com";
    let link = PlatformLink {
        id: Some(platform.clone()),
        user_id: Some("alice-7".to_owned()),
        ..PlatformLink::default()
    };
    let created = client
        .send(&CreateUser::new(alice_email, "Alice", "Liddell", "1990-04-01").with_platform(link))
        .await?;
    let codes = control(
        &http,
        running,
        reqwest::Method::GET,
        &format!("/ccpro/users/{alice_email}"),
        "",
    )
    .await?;
    client
        .send(&VerifyEmail::by_email(
            alice_email,
            control_text(&codes, "emailCode")?,
        ))
        .await?;
    r.done(&format!(
        "user {}, e-mail verified",
        created.user.uuid.unwrap_or_default()
    ));

    r.start("the platform logs alice in with an RS512 JWT");
    let alice = client
        .login_as(Subject::Email(alice_email.to_owned()))
        .await?;
    let me = alice.user_id().to_owned();
    r.done("bearer token issued (ttl 14 days)");

    r.start("alice adds an ETH wallet and a EUR bank account");
    let wallet = alice
        .send(&CreateWallet::new(
            &me,
            "0xEfC0c81abd46941766E2Ae9a30c57DF75b161111",
            "main",
            "ETH",
        ))
        .await?;
    let bank = alice
        .send(&CreateBank::new(
            &me,
            "ING Bank",
            "RO02INGB0000999900285800",
            "INGBROBU",
            "EUR",
        ))
        .await?;
    r.done(&format!("wallet {}, bank {}", wallet.id, bank.id));

    r.start("buy price: 100 EUR of ETH");
    let price = alice
        .send(&PriceRequest::<Buy>::new(&me, "EUR", "ETH").with_from_amount(exact("100")?))
        .await?;
    let to = price
        .amounts
        .and_then(|a| a.to)
        .map(|a| a.to_string())
        .unwrap_or_default();
    r.done(&format!("{to} ETH"));

    r.start("quote: buy 0.5 ETH with EUR, paid by bank transfer");
    let quote = alice
        .send(
            &CreateQuote::new(
                &me,
                AssetType::Coin,
                TradeOperation::BuyWithFiat,
                exact("0.5")?,
                "ETH",
            )
            .with_payment_symbol("EUR")
            .with_payment_method(&bank.id),
        )
        .await?;
    let quote_id = quote.id.unwrap_or_default();
    r.done(&format!(
        "quote {quote_id}, total {} EUR",
        quote.total.map(|t| t.to_string()).unwrap_or_default()
    ));

    r.start("confirm the quote: an order waiting for payment");
    let order = alice.send(&ConfirmQuote::new(&me, &quote_id)).await?;
    let order_id = order.id.unwrap_or_default();
    r.done(&format!(
        "order {order_id} {}",
        order.status.map(|s| s.to_string()).unwrap_or_default()
    ));

    r.start("upload the bank transfer's proof of payment (PDF)");
    let proof = ccpro_api::File::new("transfer.pdf", DEMO_PDF);
    alice
        .send(&UploadPaymentProof::new(&me, &order_id, proof))
        .await?;
    let order = alice.send(&GetOrder::new(&me, &order_id)).await?;
    r.done(&order.status.map(|s| s.to_string()).unwrap_or_default());

    r.start("a minute later on the sandbox clock: approved, notified");
    running
        .sandbox()
        .clock()
        .advance(std::time::Duration::from_secs(60));
    let order = alice.send(&GetOrder::new(&me, &order_id)).await?;
    let notes = alice.send(&ListTemporaryNotifications::new(&me)).await?;
    let code = notes
        .data
        .iter()
        .filter_map(|n| n.code.as_ref().map(|c| c.to_string()))
        .next()
        .unwrap_or_default();
    r.done(&format!(
        "{}, notification {code}",
        order.status.map(|s| s.to_string()).unwrap_or_default()
    ));

    r.start("alice sends 0.1 ETH to bob@example.com");
    let bob_seed = control(
        &http,
        running,
        reqwest::Method::POST,
        "/ccpro/users",
        r#"{"email":"bob@example.com"}"#,
    )
    .await?;
    let bob = client.user(UserSession::from_token(
        control_text(&bob_seed, "id")?,
        control_text(&bob_seed, "token")?,
    ));
    let transfer = alice
        .send(&CreateTransfer::new(
            &me,
            TransferAction::Send,
            exact("0.1")?,
            AssetType::Coin,
            "ETH",
            "bob@example.com",
        ))
        .await?;
    let transfer_id = transfer.id.unwrap_or_default();
    r.done(&format!(
        "transfer {transfer_id} {}",
        transfer.status.map(|s| s.to_string()).unwrap_or_default()
    ));

    r.start("bob confirms the transfer");
    let done = bob
        .send(&ConfirmTransfer::new(bob.user_id(), &transfer_id))
        .await?;
    r.done(&format!(
        "{}, {} ETH received",
        done.status.map(|s| s.to_string()).unwrap_or_default(),
        done.total.map(|t| t.to_string()).unwrap_or_default()
    ));

    r.start("the platform lists its orders (platform JWT)");
    let orders = client.send(&ListPlatformOrders::new(&platform)).await?;
    r.done(&format!("{} orders", orders.len()));
    println!();
    Ok(())
}

pub(crate) async fn run() -> Result<(), CliError> {
    let (callback_url, mut callbacks) = callback_listener().await?;
    let config = SandboxConfig::default().with_callback_url(format!("{callback_url}/callbacks"));
    let running = Sandbox::start(config)
        .await
        .map_err(|e| CliError::transport(format!("cannot start the sandbox: {e}")))?;
    println!("payments demo: offline sandbox at {}\n", running.base_url());
    let creds = running.credentials().clone();
    coincover(running.url(Provider::CoinCover), creds.coincover_token).await?;
    covery(&running, &mut callbacks).await?;
    coinspaid(&running, &mut callbacks).await?;
    coinify(&running).await?;
    ccpro(&running).await?;
    let requests = running.sandbox().requests().len();
    running.shutdown().await;
    println!("Done: 5 providers, {requests} requests, every outcome as expected.");
    Ok(())
}
