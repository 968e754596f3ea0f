//! Every documented example decodes and round-trips, driven by the operation table: each
//! operation's documented request through its row's `io.request`, its successes through
//! `io.response`, its errors through the client's error parsing; every documented callback
//! through the verifier. Insta snapshots show what is sent and the typed results written
//! back as JSON (digits as decoded). A malformed success body is a decode error naming the
//! JSON path.

use std::collections::BTreeSet;

use coinspaid_api::webhook::{Verifier, WebhookSecrets};
use coinspaid_api::{
    Amount, ApiErrorKind, Callback, ConfirmFutures, Endpoint, Error, ExchangeQuote, OPERATIONS,
    RetryPolicy, SecretString,
};
use payments_core::Operation;
use payments_core::http::StatusCode;
use payments_test_support::fixture_files;
use payments_test_support::server::Reply;
use serde_json::Value;

use crate::support::{self, DocFixture, KEY, SECRET, fixtures_dir};

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

/// Indents compact JSON two spaces per level, touching nothing inside strings and no
/// digit (a `serde_json::Value` would turn `0.10882300` into `0.108823`).
fn pretty(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.push(chars.next().unwrap_or(c));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

fn snap_name(file: &str) -> String {
    format!(
        "fixture_{}",
        file.trim_end_matches(".json").replace('.', "_")
    )
}

/// A documented request, read by its row's `io.request` (the input document the CLI
/// passes): it decodes into the operation's request type, passes its checks, and builds
/// the documented call with the documented body.
fn check_request(op: &Operation, name: &str, fx: &DocFixture) -> String {
    assert_eq!(fx.status, None, "{name}");
    let spec = (op.io.request)(fx.body.get(), Vec::new())
        .unwrap_or_else(|e| panic!("{name}: the documented request is refused: {e}"));
    assert!(
        std::ptr::eq(spec.operation, op),
        "{name}: built for its own row"
    );
    assert_eq!(op.method.as_str(), fx.method, "{name}: method");
    assert_eq!(Some(spec.path.as_ref()), fx.path.as_deref(), "{name}: path");
    assert_eq!(spec.query, None, "{name}: CoinsPaid takes no query");
    let body = spec.body.unwrap_or_else(|| panic!("{name}: no body"));
    let sent = std::str::from_utf8(&body.bytes).unwrap();
    // The same JSON; amounts are strings here, so their digits are compared exactly. The
    // key order may differ from the parameter table's (see requests.rs).
    assert_eq!(
        serde_json::from_str::<Value>(sent).unwrap(),
        serde_json::from_str::<Value>(fx.body.get()).unwrap(),
        "{name}: body"
    );
    format!("{} {}\n{}", op.method, spec.path, pretty(sent))
}

/// A documented success, decoded by its row's `io.response` (as the client and the CLI
/// decode it) into the typed response, written back as JSON: the same values as
/// documented (amounts may turn from number to string, never change value), and decoding
/// our own JSON again gives the same.
fn check_response(op: &Operation, name: &str, fx: &DocFixture) -> String {
    let status = StatusCode::from_u16(fx.status.unwrap()).unwrap();
    assert!(status.is_success(), "{name}");
    let decode = |body: &str| {
        (op.io.response)(status, body.as_bytes())
            .unwrap_or_else(|f| panic!("{name}: cannot decode at `{}`: {}", f.path, f.message))
    };
    let ours = decode(fx.body.get());
    let documented: Value = serde_json::from_str(fx.body.get()).unwrap();
    // Most answers come as `{"data": …}`, which decoding unwraps.
    let wrapped = documented
        .as_object()
        .is_some_and(|o| o.len() == 1 && o.contains_key("data"));
    let payload = if wrapped {
        documented["data"].clone()
    } else {
        documented
    };
    let ours_value: Value = serde_json::from_str(&ours).unwrap();
    if payload == Value::Object(Default::default()) && ours_value.is_null() {
        // `{}` read as "no content" (ping): nothing to compare field by field.
    } else {
        assert_same(&payload, &ours_value, name);
    }
    let again = if wrapped {
        decode(&format!(r#"{{"data":{ours}}}"#))
    } else {
        decode(&ours)
    };
    assert_eq!(again, ours, "{name}: decoding our own JSON again");
    pretty(&ours)
}

/// A documented error, answered to the client: an API error of that status, classified
/// as a validation error, carrying every field of the `errors` map in order.
async fn check_error(op: &'static Operation, name: &str, fx: &DocFixture) -> String {
    let status = fx.status.unwrap();
    let (client, mem) =
        support::memory_client(RetryPolicy::none(), [support::documented_reply(name)]);
    let request = support::documented_request(op);
    let err = client
        .call_json(op, request.body.get(), Vec::new())
        .await
        .unwrap_err();
    assert_eq!(mem.hits(), 1, "{name}");
    let api = err.api().unwrap_or_else(|| panic!("{name}: {err:?}"));
    assert_eq!(api.status.as_u16(), status, "{name}");
    assert_eq!(api.kind, ApiErrorKind::BadRequest, "{name}");
    assert_eq!(api.operation, op.name, "{name}");
    assert!(!err.is_retryable(), "{name}");
    let documented: Value = serde_json::from_str(fx.body.get()).unwrap();
    let map = documented["errors"].as_object().expect("an errors map");
    assert!(!map.is_empty(), "{name}");
    let expected: Vec<(String, String)> = map
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().expect("a message").to_owned()))
        .collect();
    let got: Vec<(String, String)> = api
        .fields
        .iter()
        .map(|f| (f.field.clone(), f.message.clone()))
        .collect();
    assert_eq!(got, expected, "{name}: every field, in order");
    err.to_string()
}

/// Every documented request, success and error of every operation of the table.
#[tokio::test]
async fn every_documented_exchange_of_every_operation_decodes_and_round_trips() {
    let (mut requests, mut responses, mut errors) = (0, 0, 0);
    for &op in OPERATIONS {
        let fixtures = support::documented(op);
        assert!(!fixtures.is_empty(), "{}: no documented fixture", op.name);
        for (name, fx) in &fixtures {
            assert_eq!(fx.provider, "coinspaid", "{name}");
            assert_eq!(fx.operation, op.name, "{name}");
            assert_eq!(fx.method, op.method.as_str(), "{name}");
            let snap = snap_name(name);
            match (fx.direction.as_str(), fx.status) {
                ("request", _) => {
                    requests += 1;
                    insta::assert_snapshot!(snap, check_request(op, name, fx));
                }
                ("response", Some(s)) if s >= 400 => {
                    errors += 1;
                    insta::assert_snapshot!(snap, check_error(op, name, fx).await);
                }
                ("response", _) => {
                    responses += 1;
                    insta::assert_snapshot!(snap, check_response(op, name, fx));
                }
                (other, _) => panic!("{name}: unknown direction {other}"),
            }
        }
    }
    assert_eq!(requests, 11, "one request fixture per operation");
    assert_eq!(responses, 11, "one success response per operation");
    assert_eq!(errors, 5, "the five documented 400 examples");
}

/// Every documented callback verifies, decodes into a known type, round-trips and
/// re-parses to the same value.
#[test]
fn every_documented_callback_verifies_decodes_and_round_trips() {
    let verifier = Verifier::new(KEY, WebhookSecrets::new(SecretString::from(SECRET)));
    let mut callbacks = 0;
    for (name, path) in fixture_files(fixtures_dir()) {
        if !name.starts_with("callback.") {
            continue;
        }
        callbacks += 1;
        let fx = DocFixture::read(path);
        assert_eq!(fx.provider, "coinspaid", "{name}");
        assert_eq!(fx.direction, "callback", "{name}");
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
        assert_same(&documented, &serde_json::from_str(&again).unwrap(), &name);
        assert_eq!(
            Callback::parse(again.as_bytes()).unwrap(),
            cb,
            "{name}: re-parse"
        );
        insta::assert_debug_snapshot!(snap_name(&name), cb);
    }
    assert_eq!(callbacks, 13, "the thirteen documented callbacks");
}

/// Every file in the docs fixtures is an operation's or a callback.
#[test]
fn no_documented_fixture_is_left_out() {
    let of_operations: usize = OPERATIONS
        .iter()
        .map(|op| support::documented(op).len())
        .sum();
    let callbacks = fixture_files(fixtures_dir())
        .iter()
        .filter(|(name, _)| name.starts_with("callback."))
        .count();
    assert_eq!(
        of_operations + callbacks,
        fixture_files(fixtures_dir()).len()
    );
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
    let q: ExchangeQuote = coinspaid_api::CalculateExchange::decode(
        StatusCode::OK,
        support::fixture_body_text("exchange-calculate.response.200.json").as_bytes(),
    )
    .unwrap();
    assert_eq!(q.sender_amount.to_string(), "1");
    let c = ConfirmFutures::decode(
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
    let (client, mem) = support::memory_client(
        RetryPolicy::none(),
        [Reply::json(
            200,
            r#"{"data":[{"currency":"BTC","type":"crypto","balance":"lots"}]}"#,
        )],
    );
    let err = client.list_accounts().await.unwrap_err();
    let Error::Decode {
        path, operation, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(path, "data[0].balance");
    assert_eq!(*operation, "accounts-list");
    assert_eq!(mem.single().path, "/api/v2/accounts/list");
    insta::assert_snapshot!("decode_error_display", err.to_string());
}
