//! CoinsPaid callbacks: `[key length][X-Processing-Key][signature length]
//! [X-Processing-Signature][body…]` (an empty key field sends the configured key).
//!
//! The verifier never panics; it accepts only the configured key with the signature the
//! test helper computes for the body; the helper's own signature always verifies, under
//! rotation too; and no error message shows the secret or the expected signature.

#![no_main]

use coinspaid_api::webhook::test_util;
use coinspaid_api::webhook::{KEY_HEADER, SIGNATURE_HEADER, Verifier, VerifyError, WebhookSecrets};
use libfuzzer_sys::fuzz_target;
use payments_core::SecretString;
use payments_fuzz::Input;

const KEY: &str = "fuzz-public-key";
const SECRET: &str = "fuzz-webhook-secret";

fn verifier(secrets: &[&str]) -> Verifier {
    let secrets: WebhookSecrets = secrets.iter().map(|s| SecretString::from(*s)).collect();
    Verifier::new(KEY, secrets)
}

fn headers<'a>(key: &'a [u8], signature: &'a [u8]) -> [(&'static [u8], &'a [u8]); 2] {
    [
        (KEY_HEADER.as_bytes(), key),
        (SIGNATURE_HEADER.as_bytes(), signature),
    ]
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let key = match input.chunk() {
        [] => KEY.as_bytes(),
        key => key,
    };
    let signature = input.chunk();
    let body = input.rest();
    let expected = test_util::sign(SECRET, body);

    // Whatever arrives: no panic, and only the right key and signature pass.
    let v = verifier(&[SECRET]);
    let pairs = headers(key, signature);
    match v.verify(pairs.iter().map(|(n, v)| (*n, *v)), body) {
        Ok(_) | Err(VerifyError::Decode { .. }) => {
            assert_eq!(key.trim_ascii(), KEY.as_bytes(), "accepted another key");
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

    // The helper's signature verifies, with one secret and while rotating.
    for secrets in [&[SECRET][..], &["previous-secret", SECRET]] {
        let v = verifier(secrets);
        let signed = test_util::headers(KEY, SECRET, body);
        let pairs = signed.each_ref().map(|(n, v)| (n.as_bytes(), v.as_bytes()));
        let checked = v.check(pairs.iter().map(|(n, v)| (*n, *v)), body);
        assert_eq!(checked, Ok(()), "a signed body was refused");
        match v.verify(pairs.iter().map(|(n, v)| (*n, *v)), body) {
            Ok(_) | Err(VerifyError::Decode { .. }) => {}
            Err(e) => panic!("a signed body was refused: {e}"),
        }
    }

    // Another secret's signature does not.
    let other = verifier(&["another-secret"]);
    let pairs = headers(KEY.as_bytes(), expected.as_bytes());
    assert_eq!(
        other.check(pairs.iter().map(|(n, v)| (*n, *v)), body),
        Err(VerifyError::SignatureMismatch)
    );
});
