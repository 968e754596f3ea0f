//! Fraud-alert callbacks: verify the signature over the raw body, then read the alert.
//!
//! Covery signs each callback with `X-Auth-Nonce` and `X-Auth-Signature`, the lower-case
//! hex SHA-256 of nonce, body and the callback secret it gave you. [`Verifier::verify`]
//! checks that against every configured secret (so you can rotate) in constant time,
//! over the exact bytes received, and only then parses the [`FraudAlert`].
//!
//! Callbacks carry no timestamp, and the same alert may arrive more than once: treat
//! them as at-least-once and de-duplicate on the alert `id` and `state`.
//!
//! ```
//! use covery_api::webhook::{Verifier, VerifyError, WebhookSecrets};
//!
//! let verifier = Verifier::new(WebhookSecrets::new("callback-secret".to_owned().into()));
//! let body = br#"{"id":1,"type":"issuer_alert","state":"none"}"#;
//! let headers = [("X-Auth-Nonce", "n1"), ("X-Auth-Signature", "00")];
//! let err = verifier.verify(headers, body).unwrap_err();
//! assert!(matches!(err, VerifyError::MalformedHeader { .. }));
//! ```

pub use payments_core::webhook::{VerifyError, WebhookSecrets};

use crate::types::FraudAlert;

/// `X-Auth-Nonce`, the signature salt.
pub const NONCE_HEADER: &str = "X-Auth-Nonce";
/// `X-Auth-Signature`, the hex SHA-256 of nonce, body and secret.
pub const SIGNATURE_HEADER: &str = "X-Auth-Signature";

/// Verifies fraud-alert callbacks with one or more secrets.
#[derive(Debug, Clone)]
pub struct Verifier {
    secrets: WebhookSecrets,
}

impl Verifier {
    /// A verifier accepting any of `secrets` (the current one, and the previous ones while
    /// rotating).
    pub fn new(secrets: WebhookSecrets) -> Self {
        Verifier { secrets }
    }

    /// Checks the signature of a callback: `headers` as `(name, value)` pairs (names in any
    /// case; the first of repeated headers counts), `body` the exact bytes received.
    ///
    /// The error names what was wrong (which header is missing or malformed, or that the
    /// signature does not match) and never the expected signature.
    pub fn verify_signature<I, N, V>(&self, headers: I, body: &[u8]) -> Result<(), VerifyError>
    where
        I: IntoIterator<Item = (N, V)>,
        N: AsRef<[u8]>,
        V: AsRef<[u8]>,
    {
        if self.secrets.is_empty() {
            return Err(VerifyError::NoSecrets);
        }
        let (mut nonce, mut signature) = (None, None);
        for (name, value) in headers {
            let name = name.as_ref();
            if nonce.is_none() && name.eq_ignore_ascii_case(NONCE_HEADER.as_bytes()) {
                nonce = Some(value.as_ref().to_vec());
            } else if signature.is_none() && name.eq_ignore_ascii_case(SIGNATURE_HEADER.as_bytes())
            {
                signature = Some(value.as_ref().to_vec());
            }
        }
        let nonce = nonce.ok_or(VerifyError::MissingHeader(NONCE_HEADER))?;
        let signature = signature.ok_or(VerifyError::MissingHeader(SIGNATURE_HEADER))?;
        if nonce.trim_ascii().is_empty() {
            return Err(VerifyError::MalformedHeader {
                header: NONCE_HEADER,
                reason: "empty",
            });
        }
        payments_core::webhook::verify_sha256_nonce(
            SIGNATURE_HEADER,
            &signature,
            &nonce,
            body,
            &self.secrets,
        )
    }

    /// Verifies the callback, then reads the fraud alert it carries (fields this crate does
    /// not know are kept in [`FraudAlert::extra`]).
    pub fn verify<I, N, V>(&self, headers: I, body: &[u8]) -> Result<FraudAlert, VerifyError>
    where
        I: IntoIterator<Item = (N, V)>,
        N: AsRef<[u8]>,
        V: AsRef<[u8]>,
    {
        self.verify_signature(headers, body)?;
        payments_core::provider::decode_json(body).map_err(|f| VerifyError::Decode {
            path: f.path,
            message: f.message,
        })
    }
}

/// Helpers to test your own callback handler with callbacks signed like Covery's.
#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util {
    /// The headers Covery would send with `body`, signed with `secret` and `nonce`:
    /// `X-Auth-Nonce` and `X-Auth-Signature`.
    ///
    /// ```
    /// use covery_api::webhook::{Verifier, WebhookSecrets, test_util::sign_callback};
    /// let body = br#"{"id":1,"type":"issuer_alert","state":"none"}"#;
    /// let headers = sign_callback("1700000000.1", body, "s3cret");
    /// let verifier = Verifier::new(WebhookSecrets::new("s3cret".to_owned().into()));
    /// assert_eq!(verifier.verify(headers, body).unwrap().id, 1);
    /// ```
    pub fn sign_callback(nonce: &str, body: &[u8], secret: &str) -> [(&'static str, String); 2] {
        let sig = payments_core::webhook::test_util::sign_sha256_nonce(
            nonce.as_bytes(),
            body,
            secret.as_bytes(),
        );
        [
            (super::NONCE_HEADER, nonce.to_owned()),
            (super::SIGNATURE_HEADER, sig),
        ]
    }
}
