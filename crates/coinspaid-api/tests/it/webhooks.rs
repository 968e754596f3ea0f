//! Callback verification: the key header is checked, the signature is verified over the
//! raw body against every configured secret, any altered byte or wrong key or missing
//! header is refused, and header names are case-insensitive.

use coinspaid_api::webhook::{KEY_HEADER, SIGNATURE_HEADER, Verifier, VerifyError, WebhookSecrets};
use coinspaid_api::{Callback, SecretString, Status};
use payments_core::http::{HeaderMap, HeaderValue};

use crate::support::{KEY, SECRET, fixture_body_text, sign};

fn verifier() -> Verifier {
    Verifier::new(KEY, WebhookSecrets::new(SecretString::from(SECRET)))
}

fn headers(key: &str, signature: &str) -> Vec<(String, String)> {
    vec![
        ("X-Processing-Key".to_owned(), key.to_owned()),
        ("X-Processing-Signature".to_owned(), signature.to_owned()),
    ]
}

fn verify(v: &Verifier, h: &[(String, String)], body: &[u8]) -> Result<Callback, VerifyError> {
    v.verify(h.iter().map(|(n, v)| (n.as_str(), v.as_str())), body)
}

fn deposit_body() -> String {
    fixture_body_text("callback.deposit.btc.json")
}

#[test]
fn a_documented_callback_verifies_from_an_http_header_map() {
    let body = deposit_body();
    let mut map = HeaderMap::new();
    map.insert("x-processing-key", HeaderValue::from_static(KEY));
    map.insert(
        "x-processing-signature",
        HeaderValue::from_str(&sign(SECRET, body.as_bytes())).unwrap(),
    );
    map.insert("content-type", HeaderValue::from_static("application/json"));
    let cb = verifier().verify(&map, body.as_bytes()).unwrap();
    assert_eq!(cb.dedup_key(), Some((1, Status::Confirmed)));
    assert_eq!(cb.foreign_id(), Some("user-id:2048"));
    let Callback::Deposit(d) = cb else { panic!() };
    assert_eq!(
        d.currency_received.amount_minus_fee.unwrap().to_string(),
        "6.5119800"
    );
    assert_eq!(d.transactions[0].riskscore.as_deref(), Some("0.5"));
    assert_eq!(d.transactions[0].confirmations, Some(3));
}

#[test]
fn header_names_are_case_insensitive() {
    let body = deposit_body();
    let sig = sign(SECRET, body.as_bytes());
    for (k, s) in [
        ("x-processing-key", "x-processing-signature"),
        ("X-PROCESSING-KEY", "X-PROCESSING-SIGNATURE"),
        ("x-Processing-key", "X-processing-Signature"),
    ] {
        let h = vec![(k.to_owned(), KEY.to_owned()), (s.to_owned(), sig.clone())];
        verify(&verifier(), &h, body.as_bytes()).unwrap();
    }
}

#[test]
fn every_altered_byte_is_refused() {
    let body = deposit_body().into_bytes();
    let h = headers(KEY, &sign(SECRET, &body));
    let v = verifier();
    verify(&v, &h, &body).unwrap();
    for i in 0..body.len() {
        let mut tampered = body.clone();
        tampered[i] ^= 0x01;
        assert_eq!(
            verify(&v, &h, &tampered).unwrap_err(),
            VerifyError::SignatureMismatch,
            "byte {i} altered but accepted"
        );
    }
    // Truncated, extended, and re-encoded JSON (same values, other bytes) are refused.
    assert!(verify(&v, &h, &body[..body.len() - 1]).is_err());
    let mut longer = body.clone();
    longer.push(b' ');
    assert!(verify(&v, &h, &longer).is_err());
    let reencoded =
        serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&body).unwrap()).unwrap();
    assert_eq!(
        verify(&v, &h, &reencoded).unwrap_err(),
        VerifyError::SignatureMismatch
    );
}

#[test]
fn every_altered_signature_character_is_refused() {
    let body = deposit_body().into_bytes();
    let sig = sign(SECRET, &body);
    for i in 0..sig.len() {
        let mut s = sig.clone().into_bytes();
        s[i] = if s[i] == b'0' { b'1' } else { b'0' };
        let h = headers(KEY, std::str::from_utf8(&s).unwrap());
        assert_eq!(
            verify(&verifier(), &h, &body).unwrap_err(),
            VerifyError::SignatureMismatch,
            "signature char {i}"
        );
    }
}

#[test]
fn wrong_key_wrong_secret_and_malformed_signature_are_refused() {
    let body = deposit_body().into_bytes();
    let sig = sign(SECRET, &body);
    assert_eq!(
        verify(&verifier(), &headers("someone-else", &sig), &body).unwrap_err(),
        VerifyError::UnknownKey(KEY_HEADER)
    );
    assert_eq!(
        verify(
            &verifier(),
            &headers(KEY, &sign("other-secret", &body)),
            &body
        )
        .unwrap_err(),
        VerifyError::SignatureMismatch
    );
    assert!(matches!(
        verify(&verifier(), &headers(KEY, "not-hex"), &body).unwrap_err(),
        VerifyError::MalformedHeader { .. }
    ));
    assert!(matches!(
        verify(&verifier(), &headers(KEY, &sig[..64]), &body).unwrap_err(),
        VerifyError::MalformedHeader { .. }
    ));
}

#[test]
fn missing_headers_are_refused() {
    let body = deposit_body().into_bytes();
    let sig = sign(SECRET, &body);
    let only_sig = vec![("X-Processing-Signature".to_owned(), sig)];
    assert_eq!(
        verify(&verifier(), &only_sig, &body).unwrap_err(),
        VerifyError::MissingHeader(KEY_HEADER)
    );
    let only_key = vec![("X-Processing-Key".to_owned(), KEY.to_owned())];
    assert_eq!(
        verify(&verifier(), &only_key, &body).unwrap_err(),
        VerifyError::MissingHeader(SIGNATURE_HEADER)
    );
    assert!(verify(&verifier(), &[], &body).is_err());
}

#[test]
fn rotation_accepts_old_and_new_secrets() {
    let body = deposit_body().into_bytes();
    let v = Verifier::new(
        KEY,
        WebhookSecrets::new(SecretString::from("new-secret")).with(SecretString::from(SECRET)),
    );
    verify(&v, &headers(KEY, &sign("new-secret", &body)), &body).unwrap();
    verify(&v, &headers(KEY, &sign(SECRET, &body)), &body).unwrap();
    assert!(verify(&v, &headers(KEY, &sign("retired", &body)), &body).is_err());
    let none = Verifier::new(KEY, WebhookSecrets::from_iter(Vec::<SecretString>::new()));
    assert_eq!(
        verify(&none, &headers(KEY, &sign(SECRET, &body)), &body).unwrap_err(),
        VerifyError::NoSecrets
    );
}

/// Nothing is parsed before the signature is checked: a body that is not JSON at all
/// fails on the signature, not on parsing.
#[test]
fn signature_is_checked_before_parsing() {
    let body = b"not json";
    assert_eq!(
        verify(&verifier(), &headers(KEY, &sign("x", body)), body).unwrap_err(),
        VerifyError::SignatureMismatch
    );
    let err = verify(&verifier(), &headers(KEY, &sign(SECRET, body)), body).unwrap_err();
    assert!(matches!(err, VerifyError::Decode { .. }), "{err:?}");
}

/// Deliveries of the same (id, status) share a key; a new status is a new key.
#[test]
fn dedup_keys_follow_id_and_status() {
    let pending =
        Callback::parse(fixture_body_text("callback.deposit.not-confirmed.json").as_bytes())
            .unwrap();
    assert_eq!(pending.dedup_key(), Some((2686579, Status::NotConfirmed)));
    let cancelled =
        Callback::parse(fixture_body_text("callback.withdrawal.cancelled.json").as_bytes())
            .unwrap();
    assert_eq!(cancelled.dedup_key(), Some((2686580, Status::Cancelled)));
    assert_eq!(
        cancelled.error(),
        Some("Invalid params: expected a hex-encoded hash with 0x prefix.")
    );
    assert_eq!(cancelled.transactions()[0].txid, None);
    let futures =
        Callback::parse(fixture_body_text("callback.deposit-exchange.futures.json").as_bytes())
            .unwrap();
    let Callback::DepositExchange(d) = &futures else {
        panic!()
    };
    assert_eq!(d.futures_id, Some(3));
    assert_eq!(d.error, None);
    assert!(d.transactions[1].is_exchange());
    assert_eq!(futures.fees().len(), 2);
}

#[cfg(feature = "test-util")]
#[test]
fn test_util_signs_like_coinspaid() {
    use coinspaid_api::webhook::test_util;
    let body = deposit_body();
    assert_eq!(
        test_util::sign(SECRET, body.as_bytes()),
        sign(SECRET, body.as_bytes())
    );
    let h = test_util::headers(KEY, SECRET, body.as_bytes());
    verifier()
        .verify(h.iter().map(|(n, v)| (*n, v.as_str())), body.as_bytes())
        .unwrap();
}
