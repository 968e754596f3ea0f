//! CoinsPaid: every operation through `coinspaid_api::Client`, raw shapes against the
//! documented fixtures, auth, validation, balances, callbacks, futures expiry, determinism.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use coinspaid_api::webhook::{Verifier, WebhookSecrets};
use coinspaid_api::{
    Amount, ApiErrorKind, CalculateExchange, Callback, Client, ConfirmFutures, Currency,
    Environment, Error, ExchangeFixed, ExchangeNow, GetFuturesRates, ListCurrencyPairs, Status,
    TakeAddress, TransactionKind, WithdrawalCrypto,
};
use payments_core::digest::hmac_sha512_hex;
use payments_sandbox::SandboxClock;
use payments_sandbox::coinspaid::{CANCEL_ADDRESS_PREFIX, FUTURES_FIX_PERIOD_SECS};
use payments_sandbox::{Provider, RunningSandbox, Sandbox, SandboxConfig};
use serde_json::{Value, json};

use crate::support::START;

struct Cp {
    running: RunningSandbox,
    clock: SandboxClock,
    client: Client,
    http: reqwest::Client,
}

async fn start_with(config: SandboxConfig) -> Cp {
    let clock = SandboxClock::fixed(START);
    let running = Sandbox::start(config.with_clock(clock.clone()))
        .await
        .unwrap();
    let creds = running.credentials().clone();
    let client = Client::new(
        Environment::Custom(running.url(Provider::CoinsPaid)),
        creds.coinspaid_key,
        creds.coinspaid_secret,
    )
    .unwrap();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    Cp {
        running,
        clock,
        client,
        http,
    }
}

async fn start() -> Cp {
    start_with(SandboxConfig::default()).await
}

fn cur(code: &str) -> Currency {
    Currency::new(code).unwrap()
}

fn amt(text: &str) -> Amount {
    text.parse().unwrap()
}

struct Raw {
    status: u16,
    body: Value,
}

impl Cp {
    /// A request signed with the given key and secret.
    async fn send_as(&self, method: &str, path: &str, body: &str, key: &str, secret: &str) -> Raw {
        let signature = hmac_sha512_hex(secret.as_bytes(), body.as_bytes());
        self.send_headers(
            method,
            path,
            body,
            &[
                ("X-Processing-Key", key),
                ("X-Processing-Signature", &signature),
            ],
        )
        .await
    }

    async fn send_headers(
        &self,
        method: &str,
        path: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> Raw {
        let mut all = vec![("content-type", "application/json")];
        all.extend_from_slice(headers);
        let answer = crate::support::oneshot(
            self.running.sandbox(),
            method,
            &format!("{}{path}", Provider::CoinsPaid.prefix()),
            &all,
            body.to_owned(),
        )
        .await;
        let text = answer.text();
        Raw {
            status: answer.status,
            body: serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")),
        }
    }

    /// A correctly signed request.
    async fn call(&self, path: &str, body: &Value) -> Raw {
        let creds = self.running.credentials();
        self.send_as(
            "POST",
            path,
            &body.to_string(),
            &creds.coinspaid_key,
            &creds.coinspaid_secret,
        )
        .await
    }

    async fn deposit(&self, body: &Value) -> (u16, Value) {
        let resp = self
            .http
            .post(format!(
                "{}/_sandbox/coinspaid/deposits",
                self.running.base_url()
            ))
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        (
            status,
            serde_json::from_str(&resp.text().await.unwrap()).unwrap(),
        )
    }

    fn verifier(&self) -> Verifier {
        let creds = self.running.credentials();
        Verifier::new(
            creds.coinspaid_key.clone(),
            WebhookSecrets::new(creds.coinspaid_secret.clone().into()),
        )
    }

    /// Every recorded callback, verified and decoded.
    fn callbacks(&self) -> Vec<(Value, Callback)> {
        let verifier = self.verifier();
        self.running
            .sandbox()
            .coinspaid_callbacks()
            .into_iter()
            .map(|c| {
                let headers = [
                    ("x-processing-key", c.key.as_str()),
                    ("x-processing-signature", c.signature.as_str()),
                ];
                let typed = verifier
                    .verify(headers.iter().map(|(n, v)| (*n, *v)), c.body.as_bytes())
                    .unwrap();
                (c.json(), typed)
            })
            .collect()
    }

    fn balance(&self, code: &str) -> rust_decimal::Decimal {
        self.running.sandbox().coinspaid_balance(code).unwrap()
    }
}

fn dec(text: &str) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from_str_exact(text).unwrap()
}

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/coinspaid/docs")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str::<Value>(&text).unwrap()["body"].clone()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

/// The keys of `got` and `want` match, and recursively those of nested objects and of the
/// first element of arrays of objects.
fn same_keys(got: &Value, want: &Value, at: &str) {
    match (got, want) {
        // Keyed by pair (`BTCAUD`): compare the first entries' keys.
        (Value::Object(g), Value::Object(w)) if at.ends_with(".prices") => {
            let (g0, w0) = (g.values().next().unwrap(), w.values().next().unwrap());
            assert_eq!(keys(g0), keys(w0), "keys at {at}");
        }
        (Value::Object(g), Value::Object(w)) => {
            assert_eq!(keys(got), keys(want), "keys at {at}: {got}");
            for (k, wv) in w {
                same_keys(&g[k], wv, &format!("{at}.{k}"));
            }
        }
        (Value::Array(g), Value::Array(w)) => {
            if let (Some(g0), Some(w0)) = (g.first(), w.first())
                && w0.is_object()
            {
                same_keys(g0, w0, &format!("{at}[0]"));
            }
        }
        _ => {}
    }
}

/// Same JSON kinds (string vs number) for scalar leaves.
fn same_kinds(got: &Value, want: &Value, at: &str) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for (k, wv) in w {
                same_kinds(g.get(k).unwrap_or(&Value::Null), wv, &format!("{at}.{k}"));
            }
        }
        (Value::String(_), Value::String(_)) | (Value::Number(_), Value::Number(_)) => {}
        (_, Value::Null) | (Value::Null, _) | (Value::Array(_), Value::Array(_)) => {}
        (Value::Bool(_), Value::Bool(_)) => {}
        _ => panic!("type at {at}: got {got}, documented {want}"),
    }
}

#[tokio::test]
async fn every_operation_works_through_the_client() {
    let h = start().await;
    let c = &h.client;
    c.ping().await.unwrap();

    let currencies = c.list_currencies().await.unwrap();
    let codes: Vec<&str> = currencies.iter().map(|c| c.currency.as_str()).collect();
    assert_eq!(codes, ["BTC", "ETH", "USDT", "EUR", "USD"]);
    assert_eq!(currencies[0].minimum_amount, amt("0.001"));

    let pairs = c
        .list_currency_pairs(
            &ListCurrencyPairs::default()
                .currency_from(cur("BTC"))
                .currency_to(cur("EUR")),
        )
        .await
        .unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].rate_to, amt("30000"));
    let all = c
        .list_currency_pairs(&ListCurrencyPairs::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 20);

    let accounts = c.list_accounts().await.unwrap();
    let balances: Vec<(String, String)> = accounts
        .iter()
        .map(|b| (b.currency.to_string(), b.balance.to_string()))
        .collect();
    assert_eq!(
        balances,
        [
            ("BTC", "1.50000000"),
            ("ETH", "20.00000000"),
            ("USDT", "10000.00000000"),
            ("EUR", "5000.00000000"),
            ("USD", "0.00000000"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );

    let a1 = c
        .take_address(&TakeAddress::new(cur("BTC"), "user-1"))
        .await
        .unwrap();
    let again = c
        .take_address(&TakeAddress::new(cur("BTC"), "user-1"))
        .await
        .unwrap();
    assert_eq!(
        a1, again,
        "the same foreign_id and currency reuse the address"
    );
    let other = c
        .take_address(&TakeAddress::new(cur("BTC"), "user-2"))
        .await
        .unwrap();
    assert_ne!(a1.address, other.address);
    let conv = c
        .take_address(&TakeAddress::new(cur("BTC"), "user-1").convert_to(cur("EUR")))
        .await
        .unwrap();
    assert_ne!(conv.address, a1.address);
    assert_eq!(conv.convert_to, Some(cur("EUR")));
    assert!(a1.address.starts_with("bc1q"));
    let eth = c
        .take_address(&TakeAddress::new(cur("ETH"), "user-1"))
        .await
        .unwrap();
    assert!(eth.address.starts_with("0x") && eth.address.len() == 42);

    let w = c
        .withdraw_crypto(&WithdrawalCrypto::new(
            "payout-1",
            amt("0.01"),
            cur("ETH"),
            "0x2D6CA312567986C08CC4eF3F706136D1c9eF0321",
        ))
        .await
        .unwrap();
    assert_eq!(w.status, Status::Processing);
    assert_eq!(w.kind, TransactionKind::Withdrawal);
    assert_eq!(w.amount.to_string(), "0.01000000");

    let quote = c
        .calculate_exchange(&CalculateExchange::sending(
            cur("BTC"),
            cur("EUR"),
            amt("1"),
        ))
        .await
        .unwrap();
    assert_eq!(quote.receiver_amount, amt("30000"));
    assert_eq!(quote.fee_amount, amt("300"));
    assert_eq!(quote.ts_fixed, i64::try_from(START).unwrap());
    assert_eq!(quote.fix_period, 60);
    let back = c
        .calculate_exchange(&CalculateExchange::receiving(
            cur("BTC"),
            cur("EUR"),
            amt("300"),
        ))
        .await
        .unwrap();
    assert_eq!(back.sender_amount, amt("0.01"));

    let now = c
        .exchange_now(&ExchangeNow::new(
            cur("EUR"),
            cur("BTC"),
            amt("300"),
            "ex-1",
        ))
        .await
        .unwrap();
    assert_eq!(now.status, Status::Processing);
    assert_eq!(now.receiver_amount.to_string(), "0.00999900");
    let fixed = c
        .exchange_fixed(&ExchangeFixed::new(
            cur("BTC"),
            cur("EUR"),
            amt("0.01"),
            "ex-2",
            quote.price,
        ))
        .await
        .unwrap();
    assert_eq!(fixed.receiver_amount, amt("300"));
    assert_eq!(fixed.fee_amount, amt("3"));

    let rates = c
        .futures_rates(&GetFuturesRates::new(conv.address.clone()))
        .await
        .unwrap();
    assert_eq!(rates.fix_period, FUTURES_FIX_PERIOD_SECS);
    assert_eq!(rates.seconds_left, FUTURES_FIX_PERIOD_SECS);
    assert!(rates.prices.contains_key("BTCEUR") && rates.prices.contains_key("EURBTC"));
    let confirmed = c
        .confirm_futures(&ConfirmFutures::new(
            conv.address.clone(),
            cur("BTC"),
            cur("EUR"),
            amt("0.1"),
            amt("3000"),
        ))
        .await
        .unwrap();
    assert_eq!(confirmed.address.address, conv.address);
    assert_eq!(confirmed.price, amt("30000"));

    // Balances moved: ETH withdrawal + network fee, the two exchanges.
    assert_eq!(h.balance("ETH"), dec("19.9895"));
    assert_eq!(h.balance("EUR"), dec("5000") - dec("300") + dec("297"));
    assert_eq!(
        h.balance("BTC"),
        dec("1.5") + dec("0.00989901") - dec("0.01")
    );

    // Withdrawal and exchange callbacks verify and decode.
    let kinds: Vec<(TransactionKind, Status)> = h
        .callbacks()
        .into_iter()
        .map(|(_, cb)| (cb.kind(), cb.status().unwrap().clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            (TransactionKind::Withdrawal, Status::Confirmed),
            (TransactionKind::Exchange, Status::Confirmed),
            (TransactionKind::Exchange, Status::Confirmed),
        ]
    );
}

#[tokio::test]
async fn responses_have_the_documented_keys_and_types() {
    let h = start().await;
    let check = |raw: &Raw, name: &str, status: u16| {
        assert_eq!(raw.status, status, "{name}: {}", raw.body);
        let want = fixture(name);
        same_keys(&raw.body, &want, name);
        same_kinds(&raw.body, &want, name);
    };
    let creds = h.running.credentials().clone();
    let ping = h
        .send_as(
            "GET",
            "/v2/ping",
            "{}",
            &creds.coinspaid_key,
            &creds.coinspaid_secret,
        )
        .await;
    assert_eq!(ping.body, json!({}));
    check(&ping, "ping.response.200.json", 200);
    check(
        &h.call("/v2/currencies/list", &json!({})).await,
        "currencies-list.response.200.json",
        200,
    );
    check(
        &h.call(
            "/v2/currencies/pairs",
            &json!({"currency_from": "BTC", "currency_to": "EUR"}),
        )
        .await,
        "currencies-pairs.response.200.json",
        200,
    );
    check(
        &h.call(
            "/v2/currencies/pairs",
            &json!({"currency_from": "XXX", "currency_to": "YYY"}),
        )
        .await,
        "currencies-pairs.response.400.json",
        400,
    );
    check(
        &h.call("/v2/accounts/list", &json!({})).await,
        "accounts-list.response.200.json",
        200,
    );
    let take = h
        .call(
            "/v2/addresses/take",
            &json!({"currency": "BTC", "foreign_id": "user-id:2048", "convert_to": "EUR"}),
        )
        .await;
    check(&take, "addresses-take.response.201.json", 201);
    check(
        &h.call("/v2/addresses/take", &json!({"currency": "BTC"}))
            .await,
        "addresses-take.response.400.json",
        400,
    );
    // Without convert_to the key is still there, null.
    let plain = h
        .call(
            "/v2/addresses/take",
            &json!({"currency": "ETH", "foreign_id": "x"}),
        )
        .await;
    check(&plain, "addresses-take.response.201.json", 201);
    assert_eq!(plain.body["data"]["convert_to"], Value::Null);

    check(
        &h.call(
            "/v2/withdrawal/crypto",
            &json!({"foreign_id": "122929", "amount": "0.01", "currency": "ETH", "address": "0xabc"}),
        )
        .await,
        "withdrawal-crypto.response.201.json",
        201,
    );
    let small = h
        .call(
            "/v2/withdrawal/crypto",
            &json!({"foreign_id": "1", "amount": "0.0001", "currency": "BTC", "address": "bc1q"}),
        )
        .await;
    check(&small, "withdrawal-crypto.response.400.json", 400);
    assert_eq!(
        small.body,
        fixture("withdrawal-crypto.response.400.json"),
        "the documented message, word for word"
    );
    check(
        &h.call(
            "/v2/exchange/calculate",
            &json!({"sender_currency": "BTC", "receiver_currency": "EUR", "sender_amount": "1"}),
        )
        .await,
        "exchange-calculate.response.200.json",
        200,
    );
    check(
        &h.call(
            "/v2/exchange/calculate",
            &json!({"sender_currency": "BTC", "receiver_currency": "BTC", "sender_amount": "1"}),
        )
        .await,
        "exchange-calculate.response.400.json",
        400,
    );
    check(
        &h.call(
            "/v2/exchange/fixed",
            &json!({"sender_currency": "BTC", "receiver_currency": "EUR", "sender_amount": "0.1",
                    "foreign_id": "f1", "price": "30000"}),
        )
        .await,
        "exchange-fixed.response.200.json",
        200,
    );
    check(
        &h.call(
            "/v2/exchange/now",
            &json!({"sender_currency": "BTC", "receiver_currency": "EUR", "sender_amount": "0.1",
                    "foreign_id": "n1"}),
        )
        .await,
        "exchange-now.response.200.json",
        200,
    );
    let below = h
        .call(
            "/v2/exchange/now",
            &json!({"sender_currency": "BTC", "receiver_currency": "EUR", "sender_amount": "0.0001",
                    "foreign_id": "n2"}),
        )
        .await;
    check(&below, "exchange-now.response.400.json", 400);
    assert_eq!(
        below.body["errors"]["sender_amount"],
        "The amount must be at least 0.00100000 "
    );
    let address = take.body["data"]["address"].as_str().unwrap().to_owned();
    check(
        &h.call("/v2/futures/rates", &json!({"address": address}))
            .await,
        "futures-rates.response.200.json",
        200,
    );
    check(
        &h.call(
            "/futures/confirm",
            &json!({"address": address, "sender_currency": "BTC", "receiver_currency": "EUR",
                    "sender_amount": "0.1", "receiver_amount": "3000"}),
        )
        .await,
        "futures-confirm.response.200.json",
        200,
    );

    // Callbacks: same keys as the documented examples of their kind.
    // The confirmed futures (0.1 BTC) applies: compare with the documented futures callback.
    let (_, deposit) = h
        .deposit(&json!({"address": address, "amount": "0.1"}))
        .await;
    let cbs = deposit["callbacks"].as_array().unwrap();
    same_keys(
        &cbs[2],
        &fixture("callback.deposit-exchange.futures.json"),
        "deposit_exchange",
    );
    let plain_address = plain.body["data"]["address"].as_str().unwrap().to_owned();
    let (_, deposit) = h
        .deposit(&json!({"address": plain_address, "amount": "0.5"}))
        .await;
    let cbs = deposit["callbacks"].as_array().unwrap();
    same_keys(
        &cbs[0],
        &fixture("callback.deposit.not-confirmed.json"),
        "not_confirmed",
    );
    same_keys(&cbs[1], &fixture("callback.deposit.eth.json"), "confirmed");
    let all = h.running.sandbox().coinspaid_callbacks();
    let withdrawal = all
        .iter()
        .map(|c| c.json())
        .find(|v| v["type"] == "withdrawal")
        .unwrap();
    same_keys(
        &withdrawal,
        &fixture("callback.withdrawal.eth.json"),
        "withdrawal",
    );
    let exchange = all
        .iter()
        .map(|c| c.json())
        .find(|v| v["type"] == "exchange")
        .unwrap();
    same_keys(
        &exchange,
        &fixture("callback.exchange.buy-btc-eur.json"),
        "exchange",
    );
}

#[tokio::test]
async fn authentication_is_checked_first() {
    let h = start().await;
    let creds = h.running.credentials().clone();
    let body = r#"{"foreign_id":"u","currency":"BTC"}"#;
    let good = h
        .send_as(
            "POST",
            "/v2/addresses/take",
            body,
            &creds.coinspaid_key,
            &creds.coinspaid_secret,
        )
        .await;
    assert_eq!(good.status, 201);

    let wrong_key = h
        .send_as(
            "POST",
            "/v2/addresses/take",
            body,
            "other-key",
            &creds.coinspaid_secret,
        )
        .await;
    assert_eq!(wrong_key.status, 401);
    assert!(
        wrong_key.body["errors"]["X-Processing-Key"].is_string(),
        "{}",
        wrong_key.body
    );

    let wrong_secret = h
        .send_as(
            "POST",
            "/v2/addresses/take",
            body,
            &creds.coinspaid_key,
            "other-secret",
        )
        .await;
    assert_eq!(wrong_secret.status, 401);
    assert!(wrong_secret.body["errors"]["X-Processing-Signature"].is_string());

    let missing = h
        .send_headers("POST", "/v2/addresses/take", body, &[])
        .await;
    assert_eq!(missing.status, 401);
    assert!(missing.body["errors"]["X-Processing-Key"].is_string());

    let no_signature = h
        .send_headers(
            "POST",
            "/v2/addresses/take",
            body,
            &[("X-Processing-Key", &creds.coinspaid_key)],
        )
        .await;
    assert_eq!(no_signature.status, 401);
    assert!(no_signature.body["errors"]["X-Processing-Signature"].is_string());

    let upper = hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), body.as_bytes()).to_uppercase();
    let upper = h
        .send_headers(
            "POST",
            "/v2/addresses/take",
            body,
            &[
                ("X-Processing-Key", &creds.coinspaid_key),
                ("X-Processing-Signature", &upper),
            ],
        )
        .await;
    assert_eq!(upper.status, 401, "the signature is lower-case hex");

    // A signature over other bytes fails even for an invalid body: auth comes first.
    let tampered = h
        .send_as("POST", "/v2/withdrawal/crypto", "{}", "other-key", "x")
        .await;
    assert_eq!(tampered.status, 401);

    // Unknown routes are 404 before auth.
    let unknown = h.send_headers("POST", "/v2/nope", "{}", &[]).await;
    assert_eq!(unknown.status, 404);

    // The client classifies the answer as Unauthorized.
    let bad = Client::new(
        Environment::Custom(h.running.url(Provider::CoinsPaid)),
        creds.coinspaid_key.clone(),
        "not-the-secret",
    )
    .unwrap();
    match bad.list_accounts().await {
        Err(Error::Api(e)) => {
            assert_eq!(e.status.as_u16(), 401);
            assert_eq!(e.kind, ApiErrorKind::Unauthorized);
        }
        other => panic!("{other:?}"),
    }
    // Nothing was created by the refused requests.
    assert_eq!(h.balance("BTC"), dec("1.5"));
}

fn field_error(e: Error) -> (u16, String, String) {
    match e {
        Error::Api(e) => {
            let f = e.fields.first().unwrap();
            (e.status.as_u16(), f.field.clone(), f.message.clone())
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn validation_errors_have_the_documented_shape() {
    let h = start().await;
    let c = &h.client;
    let w = |id: &str, amount: &str, currency: &str| {
        WithdrawalCrypto::new(id, amt(amount), cur(currency), "bc1qdestination")
    };
    let e = c
        .withdraw_crypto(&w("a", "0.0005", "BTC"))
        .await
        .unwrap_err();
    assert_eq!(
        field_error(e),
        (
            400,
            "amount".into(),
            "The amount must be at least 0.001.".into()
        )
    );
    let e = c.withdraw_crypto(&w("b", "1", "DOGE")).await.unwrap_err();
    assert_eq!(
        field_error(e),
        (
            400,
            "currency".into(),
            "The selected currency is invalid.".into()
        )
    );
    let e = c.withdraw_crypto(&w("c", "2", "BTC")).await.unwrap_err();
    assert_eq!(
        field_error(e),
        (400, "amount".into(), "Insufficient balance.".into())
    );
    // The network fee counts: 1.5 BTC + 0.00005 is more than the balance.
    let e = c.withdraw_crypto(&w("d", "1.5", "BTC")).await.unwrap_err();
    assert_eq!(field_error(e).1, "amount");
    assert_eq!(h.balance("BTC"), dec("1.5"));

    // A foreign_id is used once.
    c.withdraw_crypto(&w("e", "0.01", "BTC")).await.unwrap();
    let e = c.withdraw_crypto(&w("e", "0.01", "BTC")).await.unwrap_err();
    assert_eq!(
        field_error(e),
        (
            400,
            "foreign_id".into(),
            "The foreign id has already been taken.".into()
        )
    );

    let e = c
        .exchange_now(&ExchangeNow::new(cur("EUR"), cur("BTC"), amt("6000"), "x"))
        .await
        .unwrap_err();
    assert_eq!(
        field_error(e),
        (400, "sender_amount".into(), "Insufficient balance.".into())
    );
    let e = c
        .exchange_fixed(&ExchangeFixed::new(
            cur("BTC"),
            cur("EUR"),
            amt("0.1"),
            "y",
            amt("29000"),
        ))
        .await
        .unwrap_err();
    assert_eq!(field_error(e).1, "price");

    let raw = h
        .call(
            "/v2/withdrawal/crypto",
            &json!({"amount": "1", "currency": "BTC"}),
        )
        .await;
    assert_eq!(raw.status, 400);
    assert_eq!(
        raw.body,
        json!({"errors": {
            "foreign_id": "The foreign id field is required.",
            "address": "The address field is required."
        }})
    );
    let raw = h
        .call(
            "/v2/addresses/take",
            &json!({"currency": "EUR", "foreign_id": "f"}),
        )
        .await;
    assert_eq!(
        raw.body,
        json!({"errors": {"currency": "The selected currency is invalid."}})
    );
}

/// A listener that forwards `(headers, body)` of every POST.
async fn listener() -> (
    String,
    tokio::sync::mpsc::UnboundedReceiver<(axum::http::HeaderMap, axum::body::Bytes)>,
) {
    use axum::body::Bytes;
    use axum::http::HeaderMap;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<(HeaderMap, Bytes)>();
    let app = axum::Router::new().route(
        "/cb",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let tx = tx.clone();
            async move {
                tx.send((headers, body)).unwrap();
                "ok"
            }
        }),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (format!("http://{addr}/cb"), rx)
}

async fn next_callback(
    h: &Cp,
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<(axum::http::HeaderMap, axum::body::Bytes)>,
) -> Callback {
    let (headers, body) = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        headers.get("content-type").unwrap().to_str().unwrap(),
        "application/json"
    );
    h.verifier().verify(&headers, &body).unwrap()
}

#[tokio::test]
async fn withdrawals_move_balances_and_send_signed_callbacks() {
    let (url, mut rx) = listener().await;
    let h = start_with(SandboxConfig::default().with_callback_url(url)).await;
    let c = &h.client;
    c.withdraw_crypto(&WithdrawalCrypto::new(
        "w-1",
        amt("0.1"),
        cur("BTC"),
        "bc1qdestination",
    ))
    .await
    .unwrap();
    assert_eq!(h.balance("BTC"), dec("1.39995"));
    let Callback::Withdrawal(cb) = next_callback(&h, &mut rx).await else {
        panic!("not a withdrawal")
    };
    assert_eq!(cb.status, Status::Confirmed);
    assert_eq!(cb.foreign_id, "w-1");
    assert_eq!(cb.crypto_address.address, "bc1qdestination");
    assert_eq!(cb.currency_sent.unwrap().amount, amt("0.1"));
    assert_eq!(cb.fees[0].amount, amt("0.00005"));
    assert!(cb.transactions[0].txid.is_some());

    // A SANDBOX-CANCEL address: cancelled and refunded.
    let cancel = format!("{CANCEL_ADDRESS_PREFIX}-1");
    let w = c
        .withdraw_crypto(&WithdrawalCrypto::new("w-2", amt("5"), cur("ETH"), cancel))
        .await
        .unwrap();
    assert_eq!(w.status, Status::Processing);
    assert_eq!(h.balance("ETH"), dec("20"));
    let Callback::Withdrawal(cb) = next_callback(&h, &mut rx).await else {
        panic!("not a withdrawal")
    };
    assert_eq!(cb.status, Status::Cancelled);
    assert_eq!(cb.id, w.id);
    assert!(cb.currency_sent.is_none() && cb.error.is_some());

    // With conversion: EUR sent, BTC received.
    let w = c
        .withdraw_crypto(
            &WithdrawalCrypto::new("w-3", amt("300"), cur("EUR"), "bc1qdest")
                .convert_to(cur("BTC")),
        )
        .await
        .unwrap();
    assert_eq!(w.kind, TransactionKind::WithdrawalExchange);
    // 300 EUR less the 1 % fee, at 0.00003333 BTC per EUR.
    assert_eq!(w.receiver_amount, amt("0.00989901"));
    assert_eq!(h.balance("EUR"), dec("4700"));
    let Callback::WithdrawalExchange(cb) = next_callback(&h, &mut rx).await else {
        panic!("not a withdrawal_exchange")
    };
    assert_eq!(cb.crypto_address.convert_to, Some(cur("BTC")));
    assert_eq!(cb.transactions.len(), 2);
    assert_eq!(h.running.sandbox().coinspaid_callbacks().len(), 3);
}

#[tokio::test]
async fn deposits_send_not_confirmed_then_confirmed_then_the_exchange() {
    let (url, mut rx) = listener().await;
    let h = start_with(SandboxConfig::default().with_callback_url(url)).await;
    let c = &h.client;
    let plain = c
        .take_address(&TakeAddress::new(cur("BTC"), "user-1"))
        .await
        .unwrap();
    let (status, body) = h
        .deposit(&json!({"address": plain.address, "amount": "0.01"}))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["callbacks"].as_array().unwrap().len(), 2);
    let first = next_callback(&h, &mut rx).await;
    let second = next_callback(&h, &mut rx).await;
    let (Callback::Deposit(a), Callback::Deposit(b)) = (&first, &second) else {
        panic!("{first:?} {second:?}")
    };
    assert_eq!(a.status, Status::NotConfirmed);
    assert_eq!(b.status, Status::Confirmed);
    assert_eq!(a.id, b.id);
    assert_eq!(b.crypto_address.foreign_id.as_deref(), Some("user-1"));
    assert_eq!(b.currency_received.amount_minus_fee, Some(amt("0.0099")));
    assert_eq!(b.fees[0].amount, amt("0.0001"));
    assert_eq!(h.balance("BTC"), dec("1.5099"));

    // With convert_to: the crypto arrives and is converted to EUR.
    let conv = c
        .take_address(&TakeAddress::new(cur("ETH"), "user-1").convert_to(cur("EUR")))
        .await
        .unwrap();
    let (status, body) = h
        .deposit(&json!({"address": conv.address, "amount": "0.5", "currency": "ETH"}))
        .await;
    assert_eq!(status, 201);
    assert_eq!(body["callbacks"].as_array().unwrap().len(), 3);
    let statuses: Vec<Status> = [
        next_callback(&h, &mut rx).await,
        next_callback(&h, &mut rx).await,
    ]
    .iter()
    .map(|c| c.status().unwrap().clone())
    .collect();
    assert_eq!(statuses, [Status::NotConfirmed, Status::Confirmed]);
    let Callback::DepositExchange(ex) = next_callback(&h, &mut rx).await else {
        panic!("not a deposit_exchange")
    };
    assert_eq!(ex.currency_sent.amount, amt("0.5"));
    assert_eq!(ex.currency_received.currency, cur("EUR"));
    assert_eq!(ex.currency_received.amount, amt("1000"));
    assert_eq!(ex.currency_received.amount_minus_fee, Some(amt("990")));
    assert_eq!(ex.futures_id, None);
    assert_eq!(h.balance("EUR"), dec("5990"));
    assert_eq!(h.balance("ETH"), dec("20"));

    // The log holds the five, verifiable; the control route lists them too.
    assert_eq!(h.callbacks().len(), 5);
    let listed = h
        .http
        .get(format!(
            "{}/_sandbox/coinspaid/callbacks",
            h.running.base_url()
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 5);

    // Bad control requests.
    let (status, body) = h
        .deposit(&json!({"address": "nowhere", "amount": "1"}))
        .await;
    assert_eq!(status, 400);
    assert!(body["message"].is_string());
    let (status, _) = h
        .deposit(&json!({"address": plain.address, "amount": "1", "currency": "ETH"}))
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn futures_follow_the_clock() {
    let h = start().await;
    let c = &h.client;
    let conv = c
        .take_address(&TakeAddress::new(cur("BTC"), "f").convert_to(cur("EUR")))
        .await
        .unwrap();
    let confirm = || {
        ConfirmFutures::new(
            conv.address.clone(),
            cur("BTC"),
            cur("EUR"),
            amt("0.1"),
            amt("2990"),
        )
    };
    // Not fixed yet.
    let e = c.confirm_futures(&confirm()).await.unwrap_err();
    assert_eq!(field_error(e).1, "address");

    let rates = c
        .futures_rates(&GetFuturesRates::new(conv.address.clone()))
        .await
        .unwrap();
    assert_eq!(rates.ts_fixed, i64::try_from(START).unwrap());
    h.clock.advance(Duration::from_secs(230));
    let again = c
        .futures_rates(&GetFuturesRates::new(conv.address.clone()))
        .await
        .unwrap();
    assert_eq!(again.ts_fixed, rates.ts_fixed, "the fixation is kept");
    assert_eq!(again.seconds_left, 370);
    let ok = c.confirm_futures(&confirm()).await.unwrap();
    assert_eq!(ok.seconds_left, 370);
    assert_eq!(ok.receiver_amount, amt("2990"));

    // Too much for the price, and over the 10 000 EUR limit.
    let greedy = ConfirmFutures::new(
        conv.address.clone(),
        cur("BTC"),
        cur("EUR"),
        amt("0.1"),
        amt("3001"),
    );
    assert_eq!(
        field_error(c.confirm_futures(&greedy).await.unwrap_err()).1,
        "receiver_amount"
    );
    let big = ConfirmFutures::new(
        conv.address.clone(),
        cur("BTC"),
        cur("EUR"),
        amt("1"),
        amt("100"),
    );
    assert_eq!(
        field_error(c.confirm_futures(&big).await.unwrap_err()).1,
        "sender_amount"
    );

    // A deposit of the confirmed amount converts at the futures' amount.
    let (_, body) = h
        .deposit(&json!({"address": conv.address, "amount": "0.1"}))
        .await;
    let ex = &body["callbacks"][2];
    assert_eq!(ex["futures_id"], json!(ok.futures_id));
    assert_eq!(ex["currency_received"]["amount"], "2990.00000000");

    // After the fix period the confirmation is refused.
    c.confirm_futures(&confirm()).await.unwrap();
    h.clock.advance(Duration::from_secs(370));
    let e = c.confirm_futures(&confirm()).await.unwrap_err();
    let (status, field, message) = field_error(e);
    assert_eq!((status, field.as_str()), (400, "address"));
    assert!(message.contains("expired"), "{message}");
    // A new fixation starts from the clock.
    let fresh = c
        .futures_rates(&GetFuturesRates::new(conv.address.clone()))
        .await
        .unwrap();
    assert_eq!(fresh.ts_fixed, i64::try_from(START + 600).unwrap());
    c.confirm_futures(&confirm()).await.unwrap();
}

#[tokio::test]
async fn ids_and_addresses_are_deterministic_under_the_seed() {
    async fn run(seed: u64) -> (Vec<String>, Vec<u64>, Vec<String>) {
        let h = start_with(SandboxConfig::default().with_seed(seed)).await;
        let a = h
            .client
            .take_address(&TakeAddress::new(cur("BTC"), "u"))
            .await
            .unwrap();
        let b = h
            .client
            .take_address(&TakeAddress::new(cur("ETH"), "u"))
            .await
            .unwrap();
        let w = h
            .client
            .withdraw_crypto(&WithdrawalCrypto::new(
                "w",
                amt("0.01"),
                cur("BTC"),
                "bc1qx",
            ))
            .await
            .unwrap();
        h.deposit(&json!({"address": a.address, "amount": "0.01"}))
            .await;
        let bodies = h
            .running
            .sandbox()
            .coinspaid_callbacks()
            .into_iter()
            .map(|c| c.body)
            .collect();
        (vec![a.address, b.address], vec![a.id, b.id, w.id], bodies)
    }
    let one = run(7).await;
    assert_eq!(one, run(7).await);
    let other = run(8).await;
    assert_ne!(one.0, other.0);
    assert_ne!(one.1, other.1);

    // Reset restarts the sequences.
    let h = start_with(SandboxConfig::default().with_seed(7)).await;
    let first = h
        .client
        .take_address(&TakeAddress::new(cur("BTC"), "u"))
        .await
        .unwrap();
    h.running.sandbox().reset();
    let after = h
        .client
        .take_address(&TakeAddress::new(cur("BTC"), "u"))
        .await
        .unwrap();
    assert_eq!(first, after);
    assert_eq!(first.address, one.0[0]);
}

#[tokio::test]
async fn an_unreachable_callback_url_is_only_logged() {
    let h =
        start_with(SandboxConfig::default().with_callback_url("http://127.0.0.1:9/unreachable"))
            .await;
    let a = h
        .client
        .take_address(&TakeAddress::new(cur("BTC"), "u"))
        .await
        .unwrap();
    let (status, _) = h
        .deposit(&json!({"address": a.address, "amount": "0.01"}))
        .await;
    assert_eq!(status, 201);
    tokio::time::sleep(Duration::from_millis(100)).await;
    h.client.ping().await.unwrap();
    assert_eq!(h.callbacks().len(), 2);
}
