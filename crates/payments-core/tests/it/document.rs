//! Input documents and path templates: `read_document` (duplicate keys at any depth, exact
//! numbers) and `Operation::fill` (one encoded segment per parameter, `.`/`..` refused,
//! optional segments dropped).

use payments_core::provider::InvalidInput;
use payments_core::{Amount, read_document};
use serde_json::Value;

use crate::support::{CREATE_TRANSFER, Transfer, operation};

/// `read_document::<T>(doc)` as `Ok(())` or the error's `field: message`.
fn read<T: serde::de::DeserializeOwned>(doc: &str) -> Result<T, String> {
    read_document::<T>(doc).map_err(|e| e.to_string())
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only the shape matters")]
struct Outputs {
    outputs: Vec<Output>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Output {
    amount: Amount,
}

#[test]
fn a_duplicate_key_is_refused_at_any_depth_naming_its_path() {
    let dup = |doc: &str| read::<Value>(doc).unwrap_err();
    assert_eq!(dup(r#"{"a":1,"a":1}"#), "a: duplicate key");
    // Keys compare as decoded: an escape does not hide a duplicate.
    assert_eq!(dup(r#"{"ab":1,"a\u0062":2}"#), "ab: duplicate key");
    assert_eq!(dup(r#"{"a":{"b":{"c":1,"c":2}}}"#), "a.b.c: duplicate key");
    assert_eq!(
        dup(r#"{"a":[{"b":1},[{"c":{"d":1,"d":1}}]]}"#),
        "a[1][0].c.d: duplicate key"
    );
    // The same key in different objects is no duplicate.
    assert!(read::<Value>(r#"{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":1}]}"#).is_ok());

    // Into a typed request: the duplicate is refused before serde would keep the last one.
    let e = read::<Outputs>(r#"{"outputs":[{"amount":"1"},{"amount":"1","amount":"1000"}]}"#)
        .unwrap_err();
    assert_eq!(e, "outputs[1].amount: duplicate key");
    let e = read::<Transfer>(r#"{"accountId":"a","amount":"1","fee":1,"fee":100}"#).unwrap_err();
    assert_eq!(e, "fee: duplicate key");
}

#[test]
fn every_digit_of_an_amount_reaches_the_request_type() {
    for (doc, expected) in [
        // 29 significant digits fit when the mantissa does (at most 2^96 - 1).
        (
            r#"{"amount": 1.2345678901234567890123456789}"#,
            "1.2345678901234567890123456789",
        ),
        (
            r#"{"amount": 79228162514264337593543950335}"#,
            "79228162514264337593543950335",
        ),
        (
            r#"{"amount": 0.1000000000000000000000000001}"#,
            "0.1000000000000000000000000001",
        ),
        (
            r#"{"amount": "0.1000000000000000000000000001"}"#,
            "0.1000000000000000000000000001",
        ),
        (
            r#"{"amount": 1234567890123456789012345678}"#,
            "1234567890123456789012345678",
        ),
        (r#"{"amount": 0.01000000}"#, "0.01000000"),
        (r#"{"amount": -5}"#, "-5"),
        (r#"{"amount": 1e-8}"#, "0.00000001"),
    ] {
        let out: Output = read(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
        assert_eq!(out.amount.to_string(), expected, "{doc}");
    }
}

#[test]
fn an_amount_with_more_digits_than_it_can_hold_is_refused_not_rounded() {
    for doc in [
        // 29 fractional digits (the most is 28), as a number and as a string.
        r#"{"amount": 0.12345678901234567890123456789}"#,
        r#"{"amount": "0.12345678901234567890123456789"}"#,
        // 29 significant digits whose mantissa needs more than 96 bits.
        r#"{"amount": 9.9999999999999999999999999999}"#,
        r#"{"amount": "-9.9999999999999999999999999999"}"#,
        r#"{"amount": 123456789012345678901234567890}"#,
        // The same digits behind an exponent.
        r#"{"amount": 9.9999999999999999999999999999e0}"#,
        r#"{"amount": 1.2345678901234567890123456789e-1}"#,
        r#"{"amount": "1e-29"}"#,
    ] {
        match read::<Output>(doc) {
            Err(e) => assert!(e.starts_with("amount: "), "{doc}: {e}"),
            Ok(out) => panic!("{doc}: read as {} instead of refused", out.amount),
        }
    }
    let e = read::<Outputs>(
        r#"{"outputs":[{"amount":"1"},{"amount":9.9999999999999999999999999999}]}"#,
    )
    .unwrap_err();
    assert!(e.starts_with("outputs[1].amount: "), "{e}");
}

#[test]
fn unknown_fields_trailing_text_and_bad_json_are_refused() {
    let e = read::<Transfer>(r#"{"accountId":"a","amount":"1","fee":1,"amonut":"2"}"#).unwrap_err();
    assert!(
        e.starts_with("amonut: ") || e.contains("unknown field `amonut`"),
        "{e}"
    );
    assert!(read::<Value>(r#"{"a":1} {"a":2}"#).is_err());
    let e = read::<Value>(r#"{"a":"#).unwrap_err();
    assert!(e.starts_with("input: "), "{e}");
}

#[test]
fn fill_encodes_each_parameter_as_one_segment() {
    let op = operation(
        "get-plan",
        http::Method::GET,
        "/user/{userId}/plan/{planId}",
    );
    let fill = |a: &str, b: &str| op.fill(&[Some(a), Some(b)]);
    assert_eq!(fill("jb001", "p1").unwrap(), "/user/jb001/plan/p1");
    assert_eq!(
        fill("jb 001/x", "a?b#c%d").unwrap(),
        "/user/jb%20001%2Fx/plan/a%3Fb%23c%25d"
    );
    assert_eq!(
        fill("Zoë", "a-b_c.d~e").unwrap(),
        "/user/Zo%C3%AB/plan/a-b_c.d~e"
    );
    // `..` encoded would still be `..` to the server: refused, like `.` and empty.
    for bad in ["..", ".", ""] {
        let e = fill("jb001", bad).unwrap_err();
        assert_eq!(e.field, "planId", "{bad:?}");
    }
    // `...` and `%2e%2e` are plain segments (the latter's `%` is encoded).
    assert_eq!(fill("...", "%2e%2e").unwrap(), "/user/.../plan/%252e%252e");
    let e = fill("a\nb", "p").unwrap_err();
    assert_eq!(
        e,
        InvalidInput::new("userId", "must not contain control characters")
    );
    let long = "x".repeat(513);
    assert_eq!(
        fill(&long, "p").unwrap_err(),
        InvalidInput::new("userId", "must be at most 512 characters")
    );
    assert!(fill(&"é".repeat(512), "p").is_ok(), "characters, not bytes");
}

#[test]
fn fill_drops_an_optional_segment_and_refuses_a_missing_required_one() {
    let op = operation("prices", http::Method::GET, "/prices/{base}/{asset?}");
    assert_eq!(
        op.fill(&[Some("EUR"), Some("BTC")]).unwrap(),
        "/prices/EUR/BTC"
    );
    assert_eq!(op.fill(&[Some("EUR"), None]).unwrap(), "/prices/EUR");
    assert_eq!(op.fill(&[Some("EUR")]).unwrap(), "/prices/EUR");
    assert_eq!(
        op.fill(&[None, Some("BTC")]).unwrap_err(),
        InvalidInput::new("base", "is required")
    );
    // An optional value is still checked when given.
    assert_eq!(
        op.fill(&[Some("EUR"), Some("..")]).unwrap_err().field,
        "asset"
    );
    assert_eq!(op.path_params().collect::<Vec<_>>(), ["base", "asset"]);

    let middle = operation("plan", http::Method::GET, "/user/{userId}/{plan?}/history");
    assert_eq!(middle.fill(&[Some("u"), None]).unwrap(), "/user/u/history");
    let root = operation("root", http::Method::GET, "/{page?}");
    assert_eq!(root.fill(&[None]).unwrap(), "/");
    assert_eq!(
        CREATE_TRANSFER.fill(&[Some("acc-1")]).unwrap(),
        "/accounts/acc-1/transfers"
    );
}
