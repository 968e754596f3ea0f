//! Fraud-alert callbacks: verified over the raw bytes with any configured secret, then
//! parsed; every single-byte change, a wrong secret, a missing or malformed header is
//! rejected with an error that names the problem and never the expected signature.

use covery_api::AlertType;
use covery_api::webhook::{Verifier, VerifyError, WebhookSecrets};

use crate::support::{self, fixture};

const SECRET: &str = "callback-secret-1";
const NONCE: &str = "1700000000.0000000001";

fn body() -> Vec<u8> {
    // The documented alert, as Covery could send it: pretty-printed bytes, not re-encoded.
    let alert = fixture("fraud-alert-callback.request.json")["body"].clone();
    serde_json::to_vec_pretty(&alert).unwrap()
}

fn verifier(secrets: &[&str]) -> Verifier {
    Verifier::new(
        secrets
            .iter()
            .map(|s| s.to_string().into())
            .collect::<WebhookSecrets>(),
    )
}

fn headers(nonce: &str, body: &[u8], secret: &str) -> Vec<(String, String)> {
    vec![
        ("X-Auth-Nonce".into(), nonce.into()),
        (
            "X-Auth-Signature".into(),
            support::signature(nonce, body, secret),
        ),
        ("Content-Type".into(), "application/json".into()),
    ]
}

#[test]
fn a_signed_callback_is_verified_and_parsed() {
    let body = body();
    let alert = verifier(&[SECRET])
        .verify(headers(NONCE, &body, SECRET), &body)
        .unwrap();
    assert_eq!(alert.id, 8464503);
    assert_eq!(alert.kind, AlertType::IssuerAlert);
    assert_eq!(alert.is_3d_secure, None);
}

#[test]
fn header_names_are_case_insensitive_and_http_header_maps_work() {
    let body = body();
    let sig = support::signature(NONCE, &body, SECRET);
    let lower = [("x-auth-nonce", NONCE), ("x-auth-signature", sig.as_str())];
    verifier(&[SECRET]).verify(lower, &body).unwrap();
    let upper = [
        ("X-AUTH-NONCE", NONCE.to_owned()),
        ("X-AUTH-SIGNATURE", sig.to_uppercase()),
    ];
    verifier(&[SECRET]).verify(upper, &body).unwrap();

    let mut map = payments_core::http::HeaderMap::new();
    map.insert("x-auth-nonce", NONCE.parse().unwrap());
    map.insert("x-auth-signature", sig.parse().unwrap());
    verifier(&[SECRET]).verify(&map, &body).unwrap();
}

#[test]
fn every_single_byte_change_is_rejected() {
    let body = body();
    let h = headers(NONCE, &body, SECRET);
    let v = verifier(&[SECRET]);
    for i in 0..body.len() {
        let mut tampered = body.clone();
        tampered[i] ^= 0x01;
        assert_eq!(
            v.verify(h.clone(), &tampered).unwrap_err(),
            VerifyError::SignatureMismatch,
            "byte {i}"
        );
    }
    // The nonce is signed too.
    let mut h2 = h.clone();
    h2[0].1 = "1700000000.0000000002".into();
    assert_eq!(
        v.verify(h2, &body).unwrap_err(),
        VerifyError::SignatureMismatch
    );
}

#[test]
fn a_wrong_secret_is_rejected_and_rotation_accepts_either() {
    let body = body();
    let h = headers(NONCE, &body, "old-secret");
    assert_eq!(
        verifier(&[SECRET]).verify(h.clone(), &body).unwrap_err(),
        VerifyError::SignatureMismatch
    );
    verifier(&[SECRET, "old-secret"])
        .verify(h.clone(), &body)
        .unwrap();
    verifier(&["old-secret", SECRET]).verify(h, &body).unwrap();
    assert_eq!(
        verifier(&[])
            .verify(headers(NONCE, &body, SECRET), &body)
            .unwrap_err(),
        VerifyError::NoSecrets
    );
}

#[test]
fn missing_and_malformed_headers_are_named() {
    let body = body();
    let h = headers(NONCE, &body, SECRET);
    let v = verifier(&[SECRET]);
    let expected_sig = h[1].1.clone();

    let no_nonce: Vec<_> = h
        .iter()
        .filter(|(n, _)| n != "X-Auth-Nonce")
        .cloned()
        .collect();
    let err = v.verify(no_nonce, &body).unwrap_err();
    assert_eq!(err, VerifyError::MissingHeader("X-Auth-Nonce"));
    assert_eq!(err.to_string(), "missing header X-Auth-Nonce");

    let no_sig: Vec<_> = h
        .iter()
        .filter(|(n, _)| n != "X-Auth-Signature")
        .cloned()
        .collect();
    let err = v.verify(no_sig, &body).unwrap_err();
    assert_eq!(err, VerifyError::MissingHeader("X-Auth-Signature"));

    let mut short = h.clone();
    short[1].1.truncate(10);
    let err = v.verify(short, &body).unwrap_err();
    assert!(
        matches!(
            err,
            VerifyError::MalformedHeader {
                header: "X-Auth-Signature",
                ..
            }
        ),
        "{err:?}"
    );

    let mut not_hex = h.clone();
    not_hex[1].1 = "z".repeat(64);
    assert!(matches!(
        v.verify(not_hex, &body).unwrap_err(),
        VerifyError::MalformedHeader { .. }
    ));

    let mut empty_nonce = h.clone();
    empty_nonce[0].1 = String::new();
    assert!(matches!(
        v.verify(empty_nonce, &body).unwrap_err(),
        VerifyError::MalformedHeader {
            header: "X-Auth-Nonce",
            ..
        }
    ));

    // No error names the expected signature.
    let mut tampered = body.clone();
    tampered[0] = b' ';
    tampered.push(b' ');
    for err in [
        v.verify(h.clone(), &tampered).unwrap_err(),
        verifier(&["other"]).verify(h.clone(), &body).unwrap_err(),
    ] {
        let text = format!("{err} {err:?}");
        assert!(!text.contains(&expected_sig[..16]), "{text}");
        assert!(!text.contains(SECRET), "{text}");
        insta::assert_snapshot!("verify_mismatch_display", err.to_string());
    }
}

#[test]
fn a_verified_body_that_is_not_an_alert_is_a_decode_error() {
    let body = br#"{"id":"not-a-number","type":"issuer_alert","state":"none"}"#;
    let err = verifier(&[SECRET])
        .verify(headers(NONCE, body, SECRET), body)
        .unwrap_err();
    assert!(
        matches!(&err, VerifyError::Decode { path, .. } if path == "id"),
        "{err:?}"
    );
}

#[test]
fn unknown_fields_are_tolerated() {
    let body = br#"{"id":1,"type":"customerdispute_alert","state":"resolved","brandNew":{"x":1}}"#;
    let alert = verifier(&[SECRET])
        .verify(headers(NONCE, body, SECRET), body)
        .unwrap();
    assert!(alert.kind.is_customer_dispute());
    assert_eq!(alert.extra["brandNew"]["x"], 1);
}

#[cfg(feature = "test-util")]
#[test]
fn the_test_helper_signs_like_covery() {
    let body = body();
    let h = covery_api::webhook::test_util::sign_callback(NONCE, &body, SECRET);
    assert_eq!(h[0], ("X-Auth-Nonce", NONCE.to_owned()));
    assert_eq!(h[1].1, support::signature(NONCE, &body, SECRET));
    verifier(&[SECRET]).verify(h, &body).unwrap();
}

#[test]
fn verifier_debug_hides_the_secrets() {
    let text = format!("{:?}", verifier(&[SECRET, "old-secret"]));
    assert!(
        !text.contains(SECRET) && !text.contains("old-secret"),
        "{text}"
    );
}
