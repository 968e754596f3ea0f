//! Webhook verification: rotation, tampering, malformed headers, no secrets, no leaks.

use http::HeaderMap;
use payments_core::SecretString;
use payments_core::webhook::test_util::{sign_hmac_sha512, sign_sha256_nonce};
use payments_core::webhook::{
    VerifyError, WebhookSecrets, find_header, verify_hmac_sha512, verify_sha256_nonce,
};

const BODY: &[u8] = br#"{"id":1842,"type":"deposit","status":"confirmed","amount":"0.01000000"}"#;
const NONCE: &[u8] = b"1700000000.1234567890";
const SIG_HEADER: &str = "X-Processing-Signature";
const AUTH_HEADER: &str = "X-Auth-Signature";

fn secrets(list: &[&str]) -> WebhookSecrets {
    list.iter().map(|s| SecretString::from(*s)).collect()
}

fn rotating() -> WebhookSecrets {
    WebhookSecrets::new("old-secret".into()).with("new-secret".into())
}

/// Every way of tampering with one byte: flip the low bit, the high bit, all bits.
fn one_byte_changes(data: &[u8]) -> impl Iterator<Item = (usize, Vec<u8>)> + '_ {
    (0..data.len()).flat_map(move |i| {
        [0x01u8, 0x80, 0xff].into_iter().map(move |mask| {
            let mut d = data.to_vec();
            d[i] ^= mask;
            (i, d)
        })
    })
}

/// The error never shows the expected signature nor any secret, in Display or Debug.
fn assert_no_leak(err: &VerifyError, expected_sig: &str) {
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains(expected_sig), "{shown}");
        assert!(!shown.contains(&expected_sig[..16]), "{shown}");
        assert!(
            !shown.contains(&expected_sig[expected_sig.len() - 16..]),
            "{shown}"
        );
        for secret in ["old-secret", "new-secret", "attacker"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
}

#[test]
fn hmac_sha512_accepts_every_rotated_secret() {
    let s = rotating();
    assert_eq!(s.len(), 2);
    for secret in ["old-secret", "new-secret"] {
        let sig = sign_hmac_sha512(secret.as_bytes(), BODY);
        verify_hmac_sha512(SIG_HEADER, sig.as_bytes(), BODY, &s)
            .unwrap_or_else(|e| panic!("{secret}: {e}"));
        // Hex case and surrounding spaces do not matter.
        verify_hmac_sha512(SIG_HEADER, sig.to_uppercase().as_bytes(), BODY, &s).unwrap();
        verify_hmac_sha512(SIG_HEADER, format!(" {sig} ").as_bytes(), BODY, &s).unwrap();
    }
    // Once the old secret is dropped, its signatures are rejected.
    let old_sig = sign_hmac_sha512(b"old-secret", BODY);
    assert_eq!(
        verify_hmac_sha512(
            SIG_HEADER,
            old_sig.as_bytes(),
            BODY,
            &secrets(&["new-secret"])
        ),
        Err(VerifyError::SignatureMismatch)
    );
}

#[test]
fn hmac_sha512_rejects_any_changed_body_byte() {
    let s = rotating();
    let sig = sign_hmac_sha512(b"new-secret", BODY);
    let mut checked = 0;
    for (i, body) in one_byte_changes(BODY) {
        let err = verify_hmac_sha512(SIG_HEADER, sig.as_bytes(), &body, &s)
            .expect_err(&format!("byte {i} changed"));
        assert_eq!(err, VerifyError::SignatureMismatch, "byte {i}");
        assert_no_leak(&err, &sign_hmac_sha512(b"new-secret", &body));
        checked += 1;
    }
    assert_eq!(checked, BODY.len() * 3);
    // Truncated or extended bodies too.
    for body in [&BODY[..BODY.len() - 1], &[BODY, b" "].concat()[..], b""] {
        assert_eq!(
            verify_hmac_sha512(SIG_HEADER, sig.as_bytes(), body, &s),
            Err(VerifyError::SignatureMismatch)
        );
    }
}

#[test]
fn hmac_sha512_rejects_a_changed_signature_byte() {
    let s = rotating();
    let sig = sign_hmac_sha512(b"new-secret", BODY);
    for i in 0..sig.len() {
        let mut bad = sig.clone().into_bytes();
        bad[i] = if bad[i] == b'0' { b'1' } else { b'0' };
        assert_eq!(
            verify_hmac_sha512(SIG_HEADER, &bad, BODY, &s),
            Err(VerifyError::SignatureMismatch),
            "hex digit {i}"
        );
    }
}

#[test]
fn hmac_sha512_rejects_a_wrong_secret_without_leaking() {
    let sig = sign_hmac_sha512(b"attacker", BODY);
    let err = verify_hmac_sha512(SIG_HEADER, sig.as_bytes(), BODY, &rotating()).unwrap_err();
    assert_eq!(err, VerifyError::SignatureMismatch);
    assert_no_leak(&err, &sign_hmac_sha512(b"new-secret", BODY));
    assert_no_leak(&err, &sign_hmac_sha512(b"old-secret", BODY));
}

#[test]
fn hmac_sha512_malformed_headers() {
    let s = rotating();
    let sig = sign_hmac_sha512(b"new-secret", BODY);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("too short", sig.as_bytes()[..126].to_vec()),
        ("too long", format!("{sig}00").into_bytes()),
        (
            "sha256 length",
            sign_sha256_nonce(NONCE, BODY, b"new-secret").into_bytes(),
        ),
        ("not hex", "zz".repeat(64).into_bytes()),
        ("non-ASCII", "é".repeat(64).into_bytes()),
        ("prefixed", format!("sha512={}", &sig[7..]).into_bytes()),
    ];
    for (what, value) in cases {
        let err = verify_hmac_sha512(SIG_HEADER, &value, BODY, &s).expect_err(what);
        assert!(
            matches!(
                err,
                VerifyError::MalformedHeader {
                    header: SIG_HEADER,
                    ..
                }
            ),
            "{what}: {err:?}"
        );
        assert!(err.to_string().contains(SIG_HEADER), "{what}: {err}");
        assert_no_leak(&err, &sig);
    }
}

#[test]
fn hmac_sha512_without_secrets_fails_closed() {
    let none: WebhookSecrets = std::iter::empty::<SecretString>().collect();
    assert!(none.is_empty());
    let sig = sign_hmac_sha512(b"", BODY);
    assert_eq!(
        verify_hmac_sha512(SIG_HEADER, sig.as_bytes(), BODY, &none),
        Err(VerifyError::NoSecrets)
    );
}

#[test]
fn sha256_nonce_accepts_every_rotated_secret() {
    let s = rotating();
    for secret in ["old-secret", "new-secret"] {
        let sig = sign_sha256_nonce(NONCE, BODY, secret.as_bytes());
        verify_sha256_nonce(AUTH_HEADER, sig.as_bytes(), NONCE, BODY, &s)
            .unwrap_or_else(|e| panic!("{secret}: {e}"));
    }
}

#[test]
fn sha256_nonce_rejects_any_changed_body_or_nonce_byte() {
    let s = rotating();
    let sig = sign_sha256_nonce(NONCE, BODY, b"new-secret");
    for (i, body) in one_byte_changes(BODY) {
        let err = verify_sha256_nonce(AUTH_HEADER, sig.as_bytes(), NONCE, &body, &s)
            .expect_err(&format!("body byte {i} changed"));
        assert_eq!(err, VerifyError::SignatureMismatch, "body byte {i}");
        assert_no_leak(&err, &sign_sha256_nonce(NONCE, &body, b"new-secret"));
    }
    for (i, nonce) in one_byte_changes(NONCE) {
        assert_eq!(
            verify_sha256_nonce(AUTH_HEADER, sig.as_bytes(), &nonce, BODY, &s),
            Err(VerifyError::SignatureMismatch),
            "nonce byte {i}"
        );
    }
}

#[test]
fn sha256_nonce_rejects_a_wrong_secret_and_malformed_headers() {
    let s = rotating();
    let wrong = sign_sha256_nonce(NONCE, BODY, b"attacker");
    let expected = sign_sha256_nonce(NONCE, BODY, b"new-secret");
    let err = verify_sha256_nonce(AUTH_HEADER, wrong.as_bytes(), NONCE, BODY, &s).unwrap_err();
    assert_eq!(err, VerifyError::SignatureMismatch);
    assert_no_leak(&err, &expected);

    for value in [
        &expected.as_bytes()[..63],
        format!("{expected}0").as_bytes(),
        "xy".repeat(32).as_bytes(),
        sign_hmac_sha512(b"new-secret", BODY).as_bytes(),
        b"",
    ] {
        let err = verify_sha256_nonce(AUTH_HEADER, value, NONCE, BODY, &s).unwrap_err();
        assert!(
            matches!(
                err,
                VerifyError::MalformedHeader {
                    header: AUTH_HEADER,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_no_leak(&err, &expected);
    }

    let none = secrets(&[]);
    assert_eq!(
        verify_sha256_nonce(AUTH_HEADER, expected.as_bytes(), NONCE, BODY, &none),
        Err(VerifyError::NoSecrets)
    );
}

#[test]
fn test_util_signatures_match_the_published_vectors() {
    assert_eq!(
        sign_hmac_sha512(
            b"AbCdEfG123456",
            br#"{"currency":"BTC","foreign_id":"123456"}"#
        ),
        "03c25fcf7cd35e7d995e402cd5d51edd72d48e1471e865907967809a0c189ba55b90815f20e2bb10f82c7a9e9d865546fda58989c2ae9e8e2ff7bc29195fa1ec"
    );
    assert_eq!(
        sign_sha256_nonce(
            NONCE,
            br#"{"type":"login","sequence_id":"abcdef"}"#,
            b"asjdh283ysfjhbkjKHGV^7ra/adf2145"
        ),
        "d9cce47823dc24fac9a4142062053d118d0e6cde1a39adb9f0bce4d910a02f49"
    );
}

#[test]
fn find_header_is_case_insensitive() {
    let sig = sign_hmac_sha512(b"new-secret", BODY);

    // From an http::HeaderMap (names stored lower-case).
    let mut map = HeaderMap::new();
    map.insert("x-processing-signature", sig.parse().unwrap());
    map.insert("content-type", "application/json".parse().unwrap());
    for name in [
        "X-Processing-Signature",
        "x-processing-signature",
        "X-PROCESSING-SIGNATURE",
    ] {
        assert_eq!(find_header(&map, name), Some(sig.as_bytes()), "{name}");
    }
    assert_eq!(find_header(&map, "x-processing-key"), None);
    assert_eq!(find_header(&map, "x-processing-signatur"), None);

    // From a list of (name, value) pairs as another framework hands them over.
    let pairs: Vec<(String, String)> = vec![
        ("Content-Type".into(), "application/json".into()),
        ("X-Auth-Nonce".into(), "n-1".into()),
    ];
    let found = find_header(pairs.iter().map(|(n, v)| (n, v)), "x-auth-nonce");
    assert_eq!(found, Some(&b"n-1"[..]));

    // And the verifier accepts what it found.
    let value = find_header(&map, SIG_HEADER).unwrap();
    verify_hmac_sha512(SIG_HEADER, value, BODY, &rotating()).unwrap();
}
