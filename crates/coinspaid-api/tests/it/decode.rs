//! Every documented example decodes into the typed model and round-trips: requests back
//! to the same JSON, responses and callbacks to JSON with the same values (amounts may
//! change between number and string, never in value or in scale of the typed amount).
//! Insta snapshots show each typed result. A malformed success body is a decode error
//! naming the JSON path.

use std::collections::BTreeSet;
use std::fmt::Debug;

use coinspaid_api::webhook::{Verifier, WebhookSecrets};
use coinspaid_api::{
    Address, Amount, Balance, CalculateExchange, Callback, ConfirmFutures, CurrencyInfo,
    CurrencyPair, Endpoint, Error, ExchangeFixed, ExchangeNow, ExchangeOrder, ExchangeQuote,
    FuturesConfirmation, FuturesRates, GetFuturesRates, ListAccounts, ListCurrencies,
    ListCurrencyPairs, Ping, RetryPolicy, SecretString, TakeAddress, Withdrawal, WithdrawalCrypto,
};
use httpmock::MockServer;
use payments_core::NoContent;
use payments_core::http::StatusCode;
use payments_core::test_util::{DocFixture, fixture_files};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::support::{self, KEY, SECRET, catch_all, fixtures_dir};

/// `true` when two scalars are the same value, allowing a number for a string of the
/// same decimal (amounts), and `""` for null (lenient text fields).
fn same_scalar(a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match (a, b) {
        (Value::Null, Value::String(s)) | (Value::String(s), Value::Null) => s.is_empty(),
        _ => match (text(a), text(b)) {
            (Some(x), Some(y)) => match (x.parse::<Amount>(), y.parse::<Amount>()) {
                (Ok(x), Ok(y)) => x == y,
                _ => false,
            },
            _ => false,
        },
    }
}

/// Compares the documented JSON with ours, treating an absent key as null.
fn assert_same(doc: &Value, ours: &Value, path: &str) {
    match (doc, ours) {
        (Value::Object(d), Value::Object(o)) => {
            let keys: BTreeSet<&String> = d.keys().chain(o.keys()).collect();
            for k in keys {
                assert_same(
                    d.get(k).unwrap_or(&Value::Null),
                    o.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                );
            }
        }
        (Value::Array(d), Value::Array(o)) => {
            assert_eq!(d.len(), o.len(), "{path}: array length");
            for (i, (d, o)) in d.iter().zip(o).enumerate() {
                assert_same(d, o, &format!("{path}[{i}]"));
            }
        }
        (d, o) => assert!(same_scalar(d, o), "{path}: documented {d} but ours {o}"),
    }
}

/// Request fixtures: decode, re-encode to the same JSON, and match the endpoint.
fn request<E>(fx: &DocFixture, name: &str) -> E
where
    E: Endpoint + DeserializeOwned + Serialize + Debug,
{
    let req: E = serde_json::from_str(fx.body.get())
        .unwrap_or_else(|e| panic!("{name}: cannot decode: {e}"));
    let again = serde_json::to_value(&req).unwrap();
    let documented: Value = serde_json::from_str(fx.body.get()).unwrap();
    assert_eq!(again, documented, "{name}: request round trip");
    assert_eq!(req.operation(), fx.operation, "{name}: operation");
    assert_eq!(req.method().as_str(), fx.method, "{name}: method");
    assert_eq!(Some(req.path().into_owned()), fx.path, "{name}: path");
    req.validate()
        .unwrap_or_else(|e| panic!("{name}: documented request is invalid: {e}"));
    // What is signed and sent is the serialized struct.
    let body = req.body().unwrap().unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&body.bytes).unwrap(),
        documented,
        "{name}: sent body"
    );
    req
}

/// Response fixtures: decode through the endpoint, then re-encode and compare values.
fn response<E>(endpoint: &E, fx: &DocFixture, name: &str, wrapped: bool) -> E::Output
where
    E: Endpoint,
    E::Output: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let status = StatusCode::from_u16(fx.status.unwrap()).unwrap();
    let out = endpoint
        .decode(status, fx.body.get().as_bytes())
        .unwrap_or_else(|f| panic!("{name}: cannot decode at `{}`: {}", f.path, f.message));
    let documented: Value = serde_json::from_str(fx.body.get()).unwrap();
    let payload = if wrapped {
        documented["data"].clone()
    } else {
        documented
    };
    let again = serde_json::to_string(&out).unwrap();
    assert_same(&payload, &serde_json::from_str(&again).unwrap(), name);
    let twice: E::Output = serde_json::from_str(&again).unwrap();
    assert_eq!(twice, out, "{name}: re-decoding our own JSON");
    out
}

fn snap_name(file: &str) -> String {
    format!(
        "fixture_{}",
        file.trim_end_matches(".json").replace('.', "_")
    )
}

#[test]
fn every_documented_fixture_decodes_and_round_trips() {
    let files = fixture_files(fixtures_dir());
    let verifier = Verifier::new(KEY, WebhookSecrets::new(SecretString::from(SECRET)));
    let (mut requests, mut responses, mut errors, mut callbacks) = (0, 0, 0, 0);
    let mut operations = BTreeSet::new();

    for (name, path) in &files {
        let fx = DocFixture::read(path);
        assert_eq!(fx.provider, "coinspaid", "{name}");
        let snap = snap_name(name);
        match fx.direction.as_str() {
            "request" => {
                requests += 1;
                operations.insert(fx.operation.clone());
                assert_eq!(fx.status, None, "{name}");
                match fx.operation.as_str() {
                    "ping" => insta::assert_debug_snapshot!(snap, request::<Ping>(&fx, name)),
                    "currencies-list" => {
                        insta::assert_debug_snapshot!(snap, request::<ListCurrencies>(&fx, name))
                    }
                    "currencies-pairs" => {
                        insta::assert_debug_snapshot!(snap, request::<ListCurrencyPairs>(&fx, name))
                    }
                    "accounts-list" => {
                        insta::assert_debug_snapshot!(snap, request::<ListAccounts>(&fx, name))
                    }
                    "addresses-take" => {
                        insta::assert_debug_snapshot!(snap, request::<TakeAddress>(&fx, name))
                    }
                    "withdrawal-crypto" => {
                        insta::assert_debug_snapshot!(snap, request::<WithdrawalCrypto>(&fx, name))
                    }
                    "exchange-calculate" => {
                        insta::assert_debug_snapshot!(snap, request::<CalculateExchange>(&fx, name))
                    }
                    "futures-rates" => {
                        insta::assert_debug_snapshot!(snap, request::<GetFuturesRates>(&fx, name))
                    }
                    "futures-confirm" => {
                        insta::assert_debug_snapshot!(snap, request::<ConfirmFutures>(&fx, name))
                    }
                    "exchange-fixed" => {
                        insta::assert_debug_snapshot!(snap, request::<ExchangeFixed>(&fx, name))
                    }
                    "exchange-now" => {
                        insta::assert_debug_snapshot!(snap, request::<ExchangeNow>(&fx, name))
                    }
                    other => panic!("{name}: unknown operation {other}"),
                }
            }
            "response" if fx.status.is_some_and(|s| s >= 400) => {
                // Error bodies: a non-empty `errors` map of field to message. Their typed
                // form (ApiError) is tested in errors.rs against a mock server.
                errors += 1;
                let v: Value = serde_json::from_str(fx.body.get()).unwrap();
                let map = v["errors"].as_object().expect("an errors map");
                assert!(!map.is_empty(), "{name}");
                assert!(map.values().all(Value::is_string), "{name}");
            }
            "response" => {
                responses += 1;
                let s = fx.status.unwrap();
                assert!((200..300).contains(&s), "{name}");
                match fx.operation.as_str() {
                    "ping" => {
                        // `{}`, read as "no content": nothing to compare field by field.
                        assert_eq!(fx.body.get(), "{}", "{name}");
                        let out: NoContent = Ping::new()
                            .decode(StatusCode::OK, fx.body.get().as_bytes())
                            .unwrap();
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "currencies-list" => {
                        let out: Vec<CurrencyInfo> =
                            response(&ListCurrencies::new(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "currencies-pairs" => {
                        let out: Vec<CurrencyPair> =
                            response(&support::documented_pairs(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "accounts-list" => {
                        let out: Vec<Balance> = response(&ListAccounts::new(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "addresses-take" => {
                        let out: Address =
                            response(&support::documented_take_address(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "withdrawal-crypto" => {
                        let out: Withdrawal =
                            response(&support::documented_withdrawal(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "exchange-calculate" => {
                        let out: ExchangeQuote =
                            response(&support::documented_calculate(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "futures-rates" => {
                        let out: FuturesRates =
                            response(&support::documented_futures_rates(), &fx, name, false);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "futures-confirm" => {
                        let out: FuturesConfirmation =
                            response(&support::documented_confirm_futures(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "exchange-fixed" => {
                        let out: ExchangeOrder =
                            response(&support::documented_exchange_fixed(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    "exchange-now" => {
                        let out: ExchangeOrder =
                            response(&support::documented_exchange_now(), &fx, name, true);
                        insta::assert_debug_snapshot!(snap, out);
                    }
                    other => panic!("{name}: unknown operation {other}"),
                }
            }
            "callback" => {
                callbacks += 1;
                assert_eq!(fx.method, "POST", "{name}");
                let body = fx.body.get().as_bytes();
                let sig = support::sign(SECRET, body);
                let headers = [("X-Processing-Key", KEY), ("X-Processing-Signature", &sig)];
                let cb = verifier
                    .verify(headers.iter().map(|(n, v)| (*n, *v)), body)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(!matches!(cb, Callback::Unknown(_)), "{name}: unknown type");
                let documented: Value = serde_json::from_slice(body).unwrap();
                assert_eq!(documented["type"], cb.kind().as_str(), "{name}: type");
                let again = serde_json::to_string(&cb).unwrap();
                assert_same(&documented, &serde_json::from_str(&again).unwrap(), name);
                assert_eq!(
                    Callback::parse(again.as_bytes()).unwrap(),
                    cb,
                    "{name}: re-parse"
                );
                insta::assert_debug_snapshot!(snap, cb);
            }
            other => panic!("{name}: unknown direction {other}"),
        }
    }
    assert_eq!(requests + responses + errors + callbacks, files.len());
    assert_eq!(requests, 11, "one request fixture per operation");
    assert_eq!(operations.len(), 11);
    assert_eq!(responses, 11, "one success response per operation");
    assert_eq!(errors, 5, "the five documented 400 examples");
    assert_eq!(callbacks, 13, "the thirteen documented callbacks");
}

/// The bare numbers of the withdrawal-with-exchange callback keep their digits: 381 stays
/// an integer and 0.10882300 keeps its 8 decimal places.
#[test]
fn bare_number_amounts_keep_their_scale() {
    let body = support::fixture_body_text("callback.withdrawal-exchange.eur-btc.json");
    assert!(
        body.contains("\"amount_to\": 0.10882300"),
        "fixture lost the digits"
    );
    let Callback::WithdrawalExchange(w) = Callback::parse(body.as_bytes()).unwrap() else {
        panic!("not a withdrawal_exchange");
    };
    let exchange = &w.transactions[0];
    assert_eq!(exchange.amount.to_string(), "381");
    assert_eq!(exchange.amount_to.unwrap().to_string(), "0.10882300");
    assert_eq!(exchange.amount_to.unwrap().scale(), 8);
    assert_eq!(w.transactions[1].amount.to_string(), "0.10882300");
    assert_eq!(w.transactions[1].amount.scale(), 8);
    // Out again as exact strings.
    let json = serde_json::to_string(exchange).unwrap();
    assert!(json.contains(r#""amount_to":"0.10882300""#), "{json}");
}

/// `sender_amount: 1` and `0.1` as bare numbers, and a bare `1000000` limit.
#[test]
fn bare_numbers_in_responses_are_exact() {
    let q: ExchangeQuote = support::documented_calculate()
        .decode(
            StatusCode::OK,
            support::fixture_body_text("exchange-calculate.response.200.json").as_bytes(),
        )
        .unwrap();
    assert_eq!(q.sender_amount.to_string(), "1");
    let c = support::documented_confirm_futures()
        .decode(
            StatusCode::OK,
            support::fixture_body_text("futures-confirm.response.200.json").as_bytes(),
        )
        .unwrap();
    assert_eq!(c.sender_amount.to_string(), "0.1");
    assert_eq!(c.receiver_amount.to_string(), "1324.53194556");
}

/// Lenient where the docs are: confirmations as number or string, empty or null text.
#[test]
fn lenient_fields() {
    let body = br#"{"id":9,"type":"deposit","crypto_address":{"id":1,"currency":"BTC","address":"a","tag":"","foreign_id":"f"},"currency_sent":{"currency":"BTC","amount":1},"currency_received":{"currency":"BTC","amount":"1","amount_minus_fee":0.99},"transactions":[{"id":1,"currency":"BTC","transaction_type":"blockchain","type":"deposit","address":"a","tag":"","amount":1,"txid":"","riskscore":"","confirmations":""},{"id":2,"currency":"BTC","transaction_type":"lightning","type":"refund","amount":"1","confirmations":"12"}],"fees":[{"type":"network","currency":"BTC","amount":"0.1"}],"error":null,"status":"on_hold"}"#;
    let cb = Callback::parse(body).unwrap();
    let Callback::Deposit(d) = &cb else { panic!() };
    assert_eq!(d.crypto_address.tag, None);
    let t = &d.transactions[0];
    assert_eq!(
        (t.tag.as_deref(), t.txid.as_deref(), t.riskscore.as_deref()),
        (None, None, None)
    );
    assert_eq!(t.confirmations, None);
    assert_eq!(d.transactions[1].confirmations, Some(12));
    assert_eq!(
        d.transactions[1].transaction_type,
        coinspaid_api::TransactionType::Unknown("lightning".into())
    );
    assert_eq!(d.transactions[1].kind.as_str(), "refund");
    assert_eq!(
        d.fees[0].kind,
        coinspaid_api::FeeKind::Unknown("network".into())
    );
    assert_eq!(
        cb.status(),
        Some(&coinspaid_api::Status::Unknown("on_hold".into()))
    );
    assert_eq!(cb.error(), None);
    assert_eq!(
        d.currency_received.amount_minus_fee.unwrap().to_string(),
        "0.99"
    );
}

/// An unknown `type` is kept verbatim, with its id and status for de-duplication.
#[test]
fn unknown_callback_type_is_kept() {
    let body = br#"{"id":77,"type":"refund","status":"confirmed","amount":0.10}"#;
    let cb = Callback::parse(body).unwrap();
    let Callback::Unknown(u) = &cb else {
        panic!("{cb:?}")
    };
    assert_eq!(u.kind, "refund");
    assert_eq!(u.raw.get(), std::str::from_utf8(body).unwrap());
    assert_eq!(cb.dedup_key(), Some((77, coinspaid_api::Status::Confirmed)));
    assert_eq!(
        serde_json::to_string(&cb).unwrap(),
        std::str::from_utf8(body).unwrap()
    );
}

/// A callback missing a required field fails with the JSON path.
#[test]
fn callback_decode_error_names_the_path() {
    let body = br#"{"id":1,"type":"deposit","crypto_address":{"id":1,"currency":"BTC","address":"a"},"currency_sent":{"currency":"BTC","amount":"x"},"currency_received":{"currency":"BTC","amount":"1"},"transactions":[],"fees":[],"status":"confirmed"}"#;
    let err = Callback::parse(body).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("currency_sent.amount"), "{text}");
    let err = Callback::parse(b"[1,2]").unwrap_err();
    assert!(matches!(
        err,
        payments_core::webhook::VerifyError::Decode { .. }
    ));
}

/// A success body of the wrong shape is a decode error naming the JSON path.
#[tokio::test]
async fn malformed_success_is_a_decode_error_with_the_path() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/v2/accounts/list");
            then.status(200)
                .body(r#"{"data":[{"currency":"BTC","type":"crypto","balance":"lots"}]}"#);
        })
        .await;
    catch_all(&server).await;
    let err = support::client(server.base_url(), RetryPolicy::none())
        .list_accounts()
        .await
        .unwrap_err();
    let Error::Decode {
        path, operation, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(path, "data[0].balance");
    assert_eq!(*operation, "accounts-list");
    insta::assert_snapshot!("decode_error_display", err.to_string());
}
