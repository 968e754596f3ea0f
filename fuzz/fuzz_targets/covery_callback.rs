//! Covery fraud-alert callbacks: `[nonce length][X-Auth-Nonce][signature length]
//! [X-Auth-Signature][body…]`.
//!
//! The verifier never panics; it accepts only the signature the test helper computes for
//! this nonce and body; the helper's own headers always verify, under rotation too; a blank
//! nonce is refused as malformed; and no error message shows the secret or the expected
//! signature.

#![no_main]

use covery_api::webhook::test_util::sign_callback;
use covery_api::webhook::{NONCE_HEADER, SIGNATURE_HEADER, Verifier, VerifyError, WebhookSecrets};
use libfuzzer_sys::fuzz_target;
use payments_core::SecretString;
use payments_core::test_util::sign_sha256_nonce;
use payments_fuzz::Input;

const SECRET: &str = "fuzz-callback-secret";

fn verifier(secrets: &[&str]) -> Verifier {
    Verifier::new(
        secrets
            .iter()
            .map(|s| SecretString::from(*s))
            .collect::<WebhookSecrets>(),
    )
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let nonce = input.chunk();
    let signature = input.chunk();
    let body = input.rest();
    let expected = sign_sha256_nonce(nonce, body, SECRET.as_bytes());

    // Whatever arrives: no panic, and only this nonce and body's signature passes.
    let v = verifier(&[SECRET]);
    let headers = [(NONCE_HEADER, nonce), (SIGNATURE_HEADER, signature)];
    match v.verify(headers, body) {
        Ok(_) | Err(VerifyError::Decode { .. }) => {
            assert!(!nonce.trim_ascii().is_empty(), "accepted a blank nonce");
            assert!(
                signature
                    .trim_ascii()
                    .eq_ignore_ascii_case(expected.as_bytes()),
                "accepted a signature that is not the body's"
            );
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(
                !msg.contains(SECRET) && !msg.contains(&expected[..16]),
                "{msg}"
            );
        }
    }

    // The same nonce with the right signature: accepted unless the nonce is blank.
    let result = v.verify_signature(
        [
            (NONCE_HEADER, nonce),
            (SIGNATURE_HEADER, expected.as_bytes()),
        ],
        body,
    );
    if nonce.trim_ascii().is_empty() {
        assert!(matches!(
            result,
            Err(VerifyError::MalformedHeader {
                header: NONCE_HEADER,
                ..
            })
        ));
    } else {
        assert_eq!(result, Ok(()), "a signed body was refused");
    }

    // The helper's headers verify, with one secret and while rotating.
    for secrets in [&[SECRET][..], &["previous-secret", SECRET]] {
        let v = verifier(secrets);
        let headers = sign_callback("1700000000.1234567890", body, SECRET);
        assert_eq!(
            v.verify_signature(headers.clone(), body),
            Ok(()),
            "a signed body was refused"
        );
        match v.verify(headers, body) {
            Ok(_) | Err(VerifyError::Decode { .. }) => {}
            Err(e) => panic!("a signed body was refused: {e}"),
        }
    }

    // Another secret's signature does not.
    let headers = sign_callback("1700000000.1234567890", body, "another-secret");
    assert_eq!(
        verifier(&[SECRET]).verify_signature(headers, body),
        Err(VerifyError::SignatureMismatch)
    );
});
