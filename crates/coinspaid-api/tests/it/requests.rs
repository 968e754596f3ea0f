//! What goes on the wire, over the in-memory transport: every operation of the table,
//! called with its documented input document, and each of the eleven documented examples
//! built through the typed API, sends the documented method and path, the key header, a
//! signature recomputed here over the exact body bytes, and exactly those bytes. Then: the
//! published signing vector, `{}` for operations without parameters, and input rejected
//! before anything is sent.

use coinspaid_api::{
    CalculateExchange, Client, Environment, Error, ExchangeNow, OPERATIONS, RetryPolicy, Status,
    TakeAddress, WithdrawalCrypto,
};
use payments_core::Operation;
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{
    self, KEY, SECRET, USER_AGENT, amount, cur, documented_reply, documented_request, fixture,
    memory_client, operation, sign,
};

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

/// Asserts that `mem` saw exactly one request: `op`'s method and path below the `/api`
/// prefix, [`KEY`], the signature of `body` under [`SECRET`] recomputed here, the JSON
/// content type, the user agent, and `body` byte for byte.
#[track_caller]
fn assert_sent(mem: &MemoryTransport, op: &Operation, body: &str) {
    let r = mem.single();
    assert_eq!(r.method, op.method.as_str(), "{}", op.name);
    assert_eq!(r.path, format!("/api{}", op.path), "{}", op.name);
    assert_eq!(
        std::str::from_utf8(&r.body).unwrap(),
        body,
        "{}: body",
        op.name
    );
    assert_eq!(r.header("x-processing-key"), Some(KEY), "{}", op.name);
    let signature = sign(SECRET, body.as_bytes());
    assert_eq!(
        r.header("x-processing-signature"),
        Some(signature.as_str()),
        "{}",
        op.name
    );
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(
        r.header("content-length"),
        Some(body.len().to_string().as_str())
    );
    assert_eq!(r.header("user-agent"), Some(USER_AGENT));
}

/// A client answering the documented response `response` of operation `op`, after
/// checking the hand-written body against the request fixture (same JSON).
fn documented(op: &str, raw_body: &str, response: &str) -> (Client, MemoryTransport) {
    let req = fixture(&format!("{op}.request.json"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(raw_body).unwrap(),
        req["body"],
        "{op}: the hand-written body differs from the fixture"
    );
    memory_client(RetryPolicy::none(), [documented_reply(response)])
}

/// Every row of the table, called as the CLI calls it (its documented input document
/// through `call_json`), sends the documented request: the row's method and path, the
/// documented body, signed over the exact bytes sent.
#[tokio::test]
async fn every_operation_sends_its_documented_request_signed() {
    for &op in OPERATIONS {
        let request = documented_request(op);
        assert_eq!(request.path.as_deref(), Some(op.path), "{}", op.name);
        assert_eq!(request.method, op.method.as_str(), "{}", op.name);
        let (name, success) = support::documented(op)
            .into_iter()
            .find(|(_, fx)| fx.status.is_some_and(|s| (200..300).contains(&s)))
            .unwrap_or_else(|| panic!("{}: no documented success", op.name));
        let (client, mem) = memory_client(RetryPolicy::none(), [documented_reply(&name)]);

        let out = client
            .call_json(op, request.body.get(), Vec::new())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));

        // The same JSON as documented; the key order may differ from the parameter
        // table's (`addresses-take` follows CoinsPaid's published signing example,
        // `currency` first), which is fine: the signature covers the bytes sent.
        let sent = String::from_utf8(mem.single().body).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&sent).unwrap(),
            serde_json::from_str::<serde_json::Value>(request.body.get()).unwrap(),
            "{}: body",
            op.name
        );
        assert_sent(&mem, op, &sent);
        assert_eq!(
            Some(out.value.status.as_u16()),
            success.status,
            "{}",
            op.name
        );
        assert_eq!(out.meta.attempts, 1);
    }
}

/// The docs give ping as a GET whose body must still be a JSON object: `{}` is sent and
/// signed.
#[tokio::test]
async fn ping_is_a_get_that_sends_and_signs_an_empty_object() {
    let req = fixture("ping.request.json");
    assert_eq!(
        (req["method"].as_str(), req["path"].as_str()),
        (Some("GET"), Some("/v2/ping"))
    );
    let (client, mem) = memory_client(RetryPolicy::none(), [Reply::json(200, "{}")]);
    client.ping().await.unwrap();
    assert_sent(&mem, operation("ping"), "{}");
}

#[tokio::test]
async fn currencies_list_sends_an_empty_object() {
    let (client, mem) = documented("currencies-list", "{}", "currencies-list.response.200.json");
    let list = client.list_currencies().await.unwrap();
    assert_sent(&mem, operation("currencies-list"), "{}");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].minimum_amount.to_string(), "0.001");
    assert_eq!(list[0].precision, 8);
}

#[tokio::test]
async fn currencies_pairs_sends_both_filters() {
    let (client, mem) = documented(
        "currencies-pairs",
        PAIRS_BODY,
        "currencies-pairs.response.200.json",
    );
    let pairs = client
        .list_currency_pairs(&support::documented_pairs())
        .await
        .unwrap();
    assert_sent(&mem, operation("currencies-pairs"), PAIRS_BODY);
    assert_eq!(pairs.len(), 4);
    assert_eq!(pairs[0].rate_to.to_string(), "8795.80000000");
}

#[tokio::test]
async fn currencies_pairs_without_filters_sends_an_empty_object() {
    let (client, mem) = memory_client(RetryPolicy::none(), [Reply::json(200, r#"{"data":[]}"#)]);
    let pairs = client
        .list_currency_pairs(&coinspaid_api::ListCurrencyPairs::all())
        .await
        .unwrap();
    assert!(pairs.is_empty());
    assert_sent(&mem, operation("currencies-pairs"), "{}");
}

#[tokio::test]
async fn accounts_list_sends_an_empty_object() {
    let (client, mem) = documented("accounts-list", "{}", "accounts-list.response.200.json");
    let balances = client.list_accounts().await.unwrap();
    assert_sent(&mem, operation("accounts-list"), "{}");
    assert_eq!(balances.len(), 4);
    assert_eq!(balances[3].balance.to_string(), "0.00000000");
}

#[tokio::test]
async fn addresses_take_sends_the_documented_example() {
    let (client, mem) = documented(
        "addresses-take",
        TAKE_BODY,
        "addresses-take.response.201.json",
    );
    let address = client
        .take_address(&support::documented_take_address())
        .await
        .unwrap();
    assert_sent(&mem, operation("addresses-take"), TAKE_BODY);
    assert_eq!(address.address, "12983h13ro1hrt24it432t");
    assert_eq!(address.tag.as_deref(), Some("tag-123"));
    assert_eq!(address.foreign_id.as_deref(), Some("user-id:2048"));
}

#[tokio::test]
async fn withdrawal_crypto_sends_the_documented_example() {
    let (client, mem) = documented(
        "withdrawal-crypto",
        WITHDRAWAL_BODY,
        "withdrawal-crypto.response.201.json",
    );
    let w = client
        .withdraw_crypto(&support::documented_withdrawal())
        .await
        .unwrap();
    assert_sent(&mem, operation("withdrawal-crypto"), WITHDRAWAL_BODY);
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
    let (client, mem) = documented(
        "exchange-calculate",
        CALCULATE_BODY,
        "exchange-calculate.response.200.json",
    );
    let q = client
        .calculate_exchange(&support::documented_calculate())
        .await
        .unwrap();
    assert_sent(&mem, operation("exchange-calculate"), CALCULATE_BODY);
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
    let (client, mem) = documented(
        "futures-rates",
        FUTURES_RATES_BODY,
        "futures-rates.response.200.json",
    );
    let r = client
        .futures_rates(&support::documented_futures_rates())
        .await
        .unwrap();
    assert_sent(&mem, operation("futures-rates"), FUTURES_RATES_BODY);
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
    let (client, mem) = documented(
        "futures-confirm",
        CONFIRM_BODY,
        "futures-confirm.response.200.json",
    );
    let c = client
        .confirm_futures(&support::documented_confirm_futures())
        .await
        .unwrap();
    assert_sent(&mem, operation("futures-confirm"), CONFIRM_BODY);
    assert_eq!(c.futures_id, 4);
    assert_eq!(c.receiver_amount.to_string(), "1324.53194556");
}

#[tokio::test]
async fn exchange_fixed_sends_the_documented_example() {
    let (client, mem) = documented(
        "exchange-fixed",
        FIXED_BODY,
        "exchange-fixed.response.200.json",
    );
    let o = client
        .exchange_fixed(&support::documented_exchange_fixed())
        .await
        .unwrap();
    assert_sent(&mem, operation("exchange-fixed"), FIXED_BODY);
    assert_eq!(o.foreign_id, "kwDN186awpoWoWTJ");
}

#[tokio::test]
async fn exchange_now_sends_the_documented_example() {
    let (client, mem) = documented("exchange-now", NOW_BODY, "exchange-now.response.200.json");
    let o = client
        .exchange_now(&support::documented_exchange_now())
        .await
        .unwrap();
    assert_sent(&mem, operation("exchange-now"), NOW_BODY);
    assert_eq!(o.status, Status::Processing);
}

/// The published vector: secret `AbCdEfG123456`, body
/// `{"currency":"BTC","foreign_id":"123456"}`, out of the typed `TakeAddress`.
#[tokio::test]
async fn signing_vector_comes_out_of_take_address_byte_for_byte() {
    const VECTOR: &str = "03c25fcf7cd35e7d995e402cd5d51edd72d48e1471e865907967809a0c189ba55b90815f20e2bb10f82c7a9e9d865546fda58989c2ae9e8e2ff7bc29195fa1ec";
    let mem = MemoryTransport::new([Reply::json(
        201,
        r#"{"data":{"id":1,"currency":"BTC","address":"a","tag":null,"foreign_id":"123456"}}"#,
    )]);
    let client = Client::builder(
        Environment::Custom(support::MEMORY_BASE.into()),
        "vector-key",
        "AbCdEfG123456",
    )
    .retry(RetryPolicy::none())
    .transport(std::sync::Arc::new(mem.clone()))
    .build()
    .unwrap();
    let a = client
        .take_address(&TakeAddress::new(cur("BTC"), "123456"))
        .await
        .unwrap();
    assert_eq!(a.tag, None);
    let r = mem.single();
    assert_eq!(r.body, br#"{"currency":"BTC","foreign_id":"123456"}"#);
    assert_eq!(r.header("x-processing-key"), Some("vector-key"));
    assert_eq!(r.header("x-processing-signature"), Some(VECTOR));
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
    for base in ["http://coinspaid.test/api", "http://coinspaid.test/api/"] {
        let mem = MemoryTransport::new([Reply::json(200, "{}")]);
        Client::builder(Environment::Custom(base.into()), KEY, SECRET)
            .transport(std::sync::Arc::new(mem.clone()))
            .build()
            .unwrap()
            .ping()
            .await
            .unwrap();
        assert_eq!(mem.single().path, "/api/v2/ping", "{base}");
    }
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
    let (c, mem) = memory_client(RetryPolicy::none(), [Reply::json(200, "{}")]);

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

    assert_eq!(mem.hits(), 0);
}

#[test]
fn bad_credentials_are_a_config_error() {
    let err = Client::new(Environment::Sandbox, "", "secret").unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    let err = Client::new(Environment::Sandbox, "key\n", "secret").unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
}
