//! What goes on the wire: for each of the eleven operations, the documented example built
//! through the typed API reaches a mock server with the documented method and path, the
//! key header, a signature recomputed here over the exact body bytes, and exactly those
//! bytes. Then: the published signing vector, `{}` for operations without parameters, and
//! input rejected before anything is sent.

use coinspaid_api::{
    CalculateExchange, Client, Environment, Error, ExchangeNow, RetryPolicy, Status, TakeAddress,
    WithdrawalCrypto,
};
use httpmock::{Mock, MockServer};

use crate::support::{
    self, KEY, SECRET, USER_AGENT, amount, catch_all, cur, fixture, fixture_body_text, sign,
};
use payments_core::test_util::server::{Reply, ScriptedServer};

/// The bodies the client must send, compact, written by hand in the documented order.
const PAIRS_BODY: &str = r#"{"currency_from":"BTC","currency_to":"EUR"}"#;
const TAKE_BODY: &str = r#"{"currency":"BTC","foreign_id":"user-id:2048","convert_to":"EUR"}"#;
const WITHDRAWAL_BODY: &str = r#"{"foreign_id":"122929","amount":"3500","currency":"EUR","convert_to":"BTC","address":"3D2V3tushw7VLJYnK6vZVDpNcNmEG2a7QK"}"#;
const CALCULATE_BODY: &str =
    r#"{"sender_currency":"BTC","receiver_currency":"EUR","sender_amount":"3"}"#;
const FUTURES_RATES_BODY: &str = r#"{"address":"2MtNqh7mgaYRBQUJ2sMdfDSgpFAH7mM1vtK"}"#;
const CONFIRM_BODY: &str = r#"{"address":"2MtNqh7mgaYRBQUJ2sMdfDSgpFAH7mM1vtK","sender_currency":"BTC","receiver_currency":"EUR","sender_amount":"0.001","receiver_amount":"3250.268"}"#;
const FIXED_BODY: &str = r#"{"sender_currency":"LTC","receiver_currency":"USD","sender_amount":"6.5","foreign_id":"134453","price":"89.75202000"}"#;
const NOW_BODY: &str = r#"{"sender_currency":"EUR","receiver_currency":"BTC","sender_amount":"2","foreign_id":"124876"}"#;

/// Registers the mock of one documented operation, then the catch-all.
///
/// Checks the hand-written body against the request fixture (same JSON), and the fixture's
/// method and path; the mock then demands the method, path, key, the signature of
/// `raw_body` under [`SECRET`], content type, user agent and the raw body byte for byte.
/// It answers with the response fixture's exact body text.
async fn expect_documented<'a>(
    server: &'a MockServer,
    op: &str,
    raw_body: &str,
    response: &str,
) -> (Mock<'a>, Mock<'a>) {
    let req = fixture(&format!("{op}.request.json"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(raw_body).unwrap(),
        req["body"],
        "{op}: the hand-written body differs from the fixture"
    );
    let method = req["method"].as_str().unwrap().to_owned();
    let path = req["path"].as_str().unwrap().to_owned();
    let resp = fixture(response);
    let status = resp["status"].as_u64().unwrap() as u16;
    let resp_body = fixture_body_text(response);
    let signature = sign(SECRET, raw_body.as_bytes());
    let raw_body = raw_body.to_owned();
    let mock = server
        .mock_async(|when, then| {
            when.method(method.as_str())
                .path(path.as_str())
                .header("x-processing-key", KEY)
                .header("x-processing-signature", signature.as_str())
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .body(raw_body.as_str());
            then.status(status)
                .header("content-type", "application/json")
                .body(resp_body.as_str());
        })
        .await;
    (mock, catch_all(server).await)
}

fn client(server: &MockServer) -> Client {
    support::client(server.base_url(), RetryPolicy::none())
}

async fn assert_hit_once(mock: &Mock<'_>, catch: &Mock<'_>) {
    assert_eq!(
        catch.calls_async().await,
        0,
        "a request reached the catch-all"
    );
    assert_eq!(mock.calls_async().await, 1);
}

/// The docs give ping as a GET whose body must still be a JSON object: `{}` is sent and
/// signed. (httpmock refuses to match a GET body, so the scripted server records it.)
#[tokio::test]
async fn ping_is_a_get_that_sends_and_signs_an_empty_object() {
    let req = fixture("ping.request.json");
    assert_eq!(
        (req["method"].as_str(), req["path"].as_str()),
        (Some("GET"), Some("/v2/ping"))
    );
    let server = ScriptedServer::start(vec![Reply::json(200, "{}")]).await;
    support::client(server.base_url(), RetryPolicy::none())
        .ping()
        .await
        .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!((r.method.as_str(), r.path.as_str()), ("GET", "/v2/ping"));
    assert_eq!(r.body, b"{}");
    assert_eq!(r.header("x-processing-key"), Some(KEY));
    let signature = sign(SECRET, b"{}");
    assert_eq!(r.header("x-processing-signature"), Some(signature.as_str()));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("user-agent"), Some(USER_AGENT));
}

#[tokio::test]
async fn currencies_list_sends_an_empty_object() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "currencies-list",
        "{}",
        "currencies-list.response.200.json",
    )
    .await;
    let list = client(&server).list_currencies().await.unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].minimum_amount.to_string(), "0.001");
    assert_eq!(list[0].precision, 8);
}

#[tokio::test]
async fn currencies_pairs_sends_both_filters() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "currencies-pairs",
        PAIRS_BODY,
        "currencies-pairs.response.200.json",
    )
    .await;
    let pairs = client(&server)
        .list_currency_pairs(&support::documented_pairs())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(pairs.len(), 4);
    assert_eq!(pairs[0].rate_to.to_string(), "8795.80000000");
}

#[tokio::test]
async fn currencies_pairs_without_filters_sends_an_empty_object() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/v2/currencies/pairs")
                .header("x-processing-signature", sign(SECRET, b"{}"))
                .body("{}");
            then.status(200).body(r#"{"data":[]}"#);
        })
        .await;
    let catch = catch_all(&server).await;
    let pairs = client(&server)
        .list_currency_pairs(&coinspaid_api::ListCurrencyPairs::all())
        .await
        .unwrap();
    assert!(pairs.is_empty());
    assert_hit_once(&mock, &catch).await;
}

#[tokio::test]
async fn accounts_list_sends_an_empty_object() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "accounts-list",
        "{}",
        "accounts-list.response.200.json",
    )
    .await;
    let balances = client(&server).list_accounts().await.unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(balances.len(), 4);
    assert_eq!(balances[3].balance.to_string(), "0.00000000");
}

#[tokio::test]
async fn addresses_take_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "addresses-take",
        TAKE_BODY,
        "addresses-take.response.201.json",
    )
    .await;
    let address = client(&server)
        .take_address(&support::documented_take_address())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(address.address, "12983h13ro1hrt24it432t");
    assert_eq!(address.tag.as_deref(), Some("tag-123"));
    assert_eq!(address.foreign_id.as_deref(), Some("user-id:2048"));
}

#[tokio::test]
async fn withdrawal_crypto_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "withdrawal-crypto",
        WITHDRAWAL_BODY,
        "withdrawal-crypto.response.201.json",
    )
    .await;
    let w = client(&server)
        .withdraw_crypto(&support::documented_withdrawal())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(w.status, Status::Processing);
    assert_eq!(w.amount.to_string(), "0.01000000");
}

#[tokio::test]
async fn withdrawal_tag_goes_last() {
    let req = WithdrawalCrypto::new("1", amount("10"), cur("XRP"), "rAddr").tag("12345");
    assert_eq!(
        serde_json::to_string(&req).unwrap(),
        r#"{"foreign_id":"1","amount":"10","currency":"XRP","address":"rAddr","tag":"12345"}"#
    );
}

#[tokio::test]
async fn exchange_calculate_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "exchange-calculate",
        CALCULATE_BODY,
        "exchange-calculate.response.200.json",
    )
    .await;
    let q = client(&server)
        .calculate_exchange(&support::documented_calculate())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(q.sender_amount.to_string(), "1");
    assert_eq!(q.fix_period, 60);
}

#[tokio::test]
async fn exchange_calculate_by_receiver_amount_puts_it_first() {
    let req = CalculateExchange::receiving(cur("BTC"), cur("EUR"), amount("10"));
    assert_eq!(
        serde_json::to_string(&req).unwrap(),
        r#"{"receiver_amount":"10","sender_currency":"BTC","receiver_currency":"EUR"}"#
    );
}

#[tokio::test]
async fn futures_rates_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "futures-rates",
        FUTURES_RATES_BODY,
        "futures-rates.response.200.json",
    )
    .await;
    let r = client(&server)
        .futures_rates(&support::documented_futures_rates())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(r.prices["BTCAUD"].limits.len(), 7);
    assert_eq!(
        r.prices["BTCAUD"].limits[0].sender_amount.to_string(),
        "0.10000000"
    );
    assert_eq!(r.limits.amount.to_string(), "1000000");
}

/// The docs give `/futures/confirm` without `/v2`; the client follows them.
#[tokio::test]
async fn futures_confirm_uses_the_documented_path_without_v2() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "futures-confirm",
        CONFIRM_BODY,
        "futures-confirm.response.200.json",
    )
    .await;
    let c = client(&server)
        .confirm_futures(&support::documented_confirm_futures())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(c.futures_id, 4);
    assert_eq!(c.receiver_amount.to_string(), "1324.53194556");
}

#[tokio::test]
async fn exchange_fixed_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "exchange-fixed",
        FIXED_BODY,
        "exchange-fixed.response.200.json",
    )
    .await;
    let o = client(&server)
        .exchange_fixed(&support::documented_exchange_fixed())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(o.foreign_id, "kwDN186awpoWoWTJ");
}

#[tokio::test]
async fn exchange_now_sends_the_documented_example() {
    let server = MockServer::start_async().await;
    let (mock, catch) = expect_documented(
        &server,
        "exchange-now",
        NOW_BODY,
        "exchange-now.response.200.json",
    )
    .await;
    let o = client(&server)
        .exchange_now(&support::documented_exchange_now())
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
    assert_eq!(o.status, Status::Processing);
}

/// The published vector: secret `AbCdEfG123456`, body
/// `{"currency":"BTC","foreign_id":"123456"}`, out of the typed `TakeAddress`.
#[tokio::test]
async fn signing_vector_comes_out_of_take_address_byte_for_byte() {
    const VECTOR: &str = "03c25fcf7cd35e7d995e402cd5d51edd72d48e1471e865907967809a0c189ba55b90815f20e2bb10f82c7a9e9d865546fda58989c2ae9e8e2ff7bc29195fa1ec";
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/v2/addresses/take")
                .header("x-processing-key", "vector-key")
                .header("x-processing-signature", VECTOR)
                .body(r#"{"currency":"BTC","foreign_id":"123456"}"#);
            then.status(201).body(
                r#"{"data":{"id":1,"currency":"BTC","address":"a","tag":null,"foreign_id":"123456"}}"#,
            );
        })
        .await;
    let catch = catch_all(&server).await;
    let client = Client::builder(
        Environment::Custom(server.base_url()),
        "vector-key",
        "AbCdEfG123456",
    )
    .retry(RetryPolicy::none())
    .build()
    .unwrap();
    let a = client
        .take_address(&TakeAddress::new(cur("BTC"), "123456"))
        .await
        .unwrap();
    assert_eq!(a.tag, None);
    assert_hit_once(&mock, &catch).await;
    assert_eq!(
        sign(
            "AbCdEfG123456",
            br#"{"currency":"BTC","foreign_id":"123456"}"#
        ),
        VECTOR
    );
}

/// A base URL with a path prefix (the real ones end in `/api`) keeps it.
#[tokio::test]
async fn base_url_path_prefix_is_kept() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/api/v2/ping");
            then.status(200).body("{}");
        })
        .await;
    let catch = catch_all(&server).await;
    support::client(format!("{}/api/", server.base_url()), RetryPolicy::none())
        .ping()
        .await
        .unwrap();
    assert_hit_once(&mock, &catch).await;
}

#[test]
fn environments_have_the_documented_hosts() {
    assert_eq!(
        Environment::Production.base_url(),
        "https://app.coinspaid.com/api"
    );
    assert_eq!(
        Environment::Sandbox.base_url(),
        "https://app.sandbox.cryptoprocessing.com/api"
    );
}

fn invalid_field(err: Error) -> String {
    match err {
        Error::InvalidRequest { field, .. } => field,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

/// Bad input never reaches the server.
#[tokio::test]
async fn invalid_input_is_rejected_before_sending() {
    let server = MockServer::start_async().await;
    let catch = catch_all(&server).await;
    let c = client(&server);

    let mut both = support::documented_calculate();
    both.receiver_amount = Some(amount("10"));
    assert_eq!(
        invalid_field(c.calculate_exchange(&both).await.unwrap_err()),
        "sender_amount"
    );
    let mut neither = support::documented_calculate();
    neither.sender_amount = None;
    let err = c.calculate_exchange(&neither).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("one of sender_amount and receiver_amount"),
        "{err}"
    );

    let zero = WithdrawalCrypto::new("1", amount("0"), cur("BTC"), "addr");
    assert_eq!(
        invalid_field(c.withdraw_crypto(&zero).await.unwrap_err()),
        "amount"
    );
    let blank = WithdrawalCrypto::new(" ", amount("1"), cur("BTC"), "addr");
    assert_eq!(
        invalid_field(c.withdraw_crypto(&blank).await.unwrap_err()),
        "foreign_id"
    );
    let no_address = WithdrawalCrypto::new("1", amount("1"), cur("BTC"), "");
    assert_eq!(
        invalid_field(c.withdraw_crypto(&no_address).await.unwrap_err()),
        "address"
    );
    let negative = ExchangeNow::new(cur("EUR"), cur("BTC"), amount("-2"), "x");
    assert_eq!(
        invalid_field(c.exchange_now(&negative).await.unwrap_err()),
        "sender_amount"
    );
    let take = TakeAddress::new(cur("BTC"), "");
    assert_eq!(
        invalid_field(c.take_address(&take).await.unwrap_err()),
        "foreign_id"
    );

    assert_eq!(catch.calls_async().await, 0);
}

#[test]
fn bad_credentials_are_a_config_error() {
    let err = Client::new(Environment::Sandbox, "", "secret").unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    let err = Client::new(Environment::Sandbox, "key\n", "secret").unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
}
