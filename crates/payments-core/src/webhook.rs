//! Webhook (callback) verification over the raw body bytes, in constant time, with several
//! secrets accepted at once so they can be rotated.
//!
//! Verify first, parse second: never re-encode JSON before checking a signature.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// The secrets a verifier accepts: the current one and, while rotating, the previous ones.
#[derive(Clone)]
pub struct WebhookSecrets(Vec<SecretString>);

impl WebhookSecrets {
    /// One secret.
    pub fn new(secret: SecretString) -> Self {
        WebhookSecrets(vec![secret])
    }

    /// Adds another accepted secret (rotation).
    pub fn with(mut self, secret: SecretString) -> Self {
        self.0.push(secret);
        self
    }

    /// How many secrets are accepted.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `true` when no secret is configured.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The secrets, for verifiers.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.0.iter().map(|s| s.expose_secret().as_bytes())
    }
}

impl FromIterator<SecretString> for WebhookSecrets {
    fn from_iter<I: IntoIterator<Item = SecretString>>(iter: I) -> Self {
        WebhookSecrets(iter.into_iter().collect())
    }
}

impl fmt::Debug for WebhookSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WebhookSecrets([REDACTED; {}])", self.0.len())
    }
}

/// Why a callback was rejected. Never echoes the expected signature or a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// A required header is absent.
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    /// A header is present but unusable (not hex, wrong length, not ASCII).
    #[error("malformed header {header}: {reason}")]
    MalformedHeader {
        /// The header.
        header: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A header names a key this endpoint does not accept.
    #[error("header {0} does not match the configured key")]
    UnknownKey(&'static str),
    /// The signature does not match the body under any configured secret.
    #[error("signature mismatch: the body was altered or signed with another secret")]
    SignatureMismatch,
    /// No secret is configured.
    #[error("no webhook secret configured")]
    NoSecrets,
    /// The signature is valid but the body is not the expected JSON.
    #[error("verified body cannot be decoded at `{path}`: {message}")]
    Decode {
        /// The JSON path of the failure.
        path: String,
        /// What serde said.
        message: String,
    },
}

/// Finds a header by name, case-insensitively, in any list of `(name, value)` pairs.
pub fn find_header<'a, I, N, V>(headers: I, name: &str) -> Option<&'a [u8]>
where
    I: IntoIterator<Item = (&'a N, &'a V)>,
    N: AsRef<[u8]> + ?Sized + 'a,
    V: AsRef<[u8]> + ?Sized + 'a,
{
    headers
        .into_iter()
        .find(|(n, _)| n.as_ref().eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| v.as_ref())
}

/// Decodes a hex signature header into `out` (exact length), trimming spaces.
pub fn decode_hex_signature<const N: usize>(
    header: &'static str,
    value: &[u8],
) -> Result<[u8; N], VerifyError> {
    let value = value.trim_ascii();
    if value.len() != N * 2 {
        return Err(VerifyError::MalformedHeader {
            header,
            reason: "wrong length for a hex digest",
        });
    }
    let mut out = [0u8; N];
    hex::decode_to_slice(value, &mut out).map_err(|_| VerifyError::MalformedHeader {
        header,
        reason: "not hexadecimal",
    })?;
    Ok(out)
}

/// Compares in constant time (for equal lengths).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// Verifies a hex HMAC-SHA512 of `body` (CoinsPaid's `X-Processing-Signature`) against
/// every configured secret, in constant time.
#[cfg(feature = "hmac-sha512")]
#[cfg_attr(docsrs, doc(cfg(feature = "hmac-sha512")))]
pub fn verify_hmac_sha512(
    header: &'static str,
    signature_hex: &[u8],
    body: &[u8],
    secrets: &WebhookSecrets,
) -> Result<(), VerifyError> {
    use hmac::{Hmac, Mac};
    if secrets.is_empty() {
        return Err(VerifyError::NoSecrets);
    }
    let given = decode_hex_signature::<64>(header, signature_hex)?;
    let mut ok = false;
    for secret in secrets.iter() {
        let Ok(mut mac) = Hmac::<sha2::Sha512>::new_from_slice(secret) else {
            continue;
        };
        mac.update(body);
        ok |= mac.verify_slice(&given).is_ok();
    }
    if ok {
        Ok(())
    } else {
        Err(VerifyError::SignatureMismatch)
    }
}

/// Verifies a hex SHA-256 of `nonce ‖ body ‖ secret` (Covery's `X-Auth-Signature`)
/// against every configured secret, in constant time.
#[cfg(feature = "sha256-nonce")]
#[cfg_attr(docsrs, doc(cfg(feature = "sha256-nonce")))]
pub fn verify_sha256_nonce(
    header: &'static str,
    signature_hex: &[u8],
    nonce: &[u8],
    body: &[u8],
    secrets: &WebhookSecrets,
) -> Result<(), VerifyError> {
    if secrets.is_empty() {
        return Err(VerifyError::NoSecrets);
    }
    let given = decode_hex_signature::<32>(header, signature_hex)?;
    let mut ok = false;
    for secret in secrets.iter() {
        ok |= constant_time_eq(&crate::digest::sha256_nonce(nonce, body, secret), &given);
    }
    if ok {
        Ok(())
    } else {
        Err(VerifyError::SignatureMismatch)
    }
}

/// Helpers to sign test callbacks, so users can test their own handlers.
#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util {
    #[cfg(feature = "hmac-sha512")]
    pub use crate::digest::hmac_sha512_hex as sign_hmac_sha512;
    #[cfg(feature = "sha256-nonce")]
    pub use crate::digest::sha256_nonce_hex as sign_sha256_nonce;
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn secrets(s: &[&str]) -> WebhookSecrets {
        s.iter()
            .map(|s| SecretString::from(s.to_string()))
            .collect()
    }

    #[test]
    fn find_header_is_case_insensitive() {
        let h = [("X-Processing-Key", "k"), ("content-type", "json")];
        let h: Vec<(&str, &str)> = h.to_vec();
        assert_eq!(
            find_header(h.iter().map(|(a, b)| (*a, *b)), "x-processing-key"),
            Some(&b"k"[..])
        );
        assert_eq!(find_header(h.iter().map(|(a, b)| (*a, *b)), "nope"), None);
    }

    #[test]
    fn debug_redacts() {
        let s = secrets(&["topsecret"]);
        assert!(!format!("{s:?}").contains("topsecret"));
    }

    #[cfg(feature = "hmac-sha512")]
    #[test]
    fn hmac_rotation_and_tamper() {
        let body = br#"{"id":1}"#;
        let sig = crate::digest::hmac_sha512_hex(b"new", body);
        let s = secrets(&["old", "new"]);
        verify_hmac_sha512("X-Sig", sig.as_bytes(), body, &s).unwrap();
        verify_hmac_sha512("X-Sig", sig.to_uppercase().as_bytes(), body, &s).unwrap();
        for i in 0..body.len() {
            let mut b = body.to_vec();
            b[i] ^= 1;
            assert_eq!(
                verify_hmac_sha512("X-Sig", sig.as_bytes(), &b, &s),
                Err(VerifyError::SignatureMismatch)
            );
        }
        assert!(matches!(
            verify_hmac_sha512("X-Sig", b"zz", body, &s),
            Err(VerifyError::MalformedHeader { .. })
        ));
        assert_eq!(
            verify_hmac_sha512("X-Sig", sig.as_bytes(), body, &secrets(&["other"])),
            Err(VerifyError::SignatureMismatch)
        );
        let msg = verify_hmac_sha512("X-Sig", sig.as_bytes(), b"x", &s)
            .unwrap_err()
            .to_string();
        assert!(!msg.contains(&sig[..16]));
    }

    #[cfg(feature = "sha256-nonce")]
    #[test]
    fn sha256_nonce_verifies() {
        let sig = crate::digest::sha256_nonce_hex(b"n1", b"{}", b"s");
        let s = secrets(&["s"]);
        verify_sha256_nonce("X-Auth-Signature", sig.as_bytes(), b"n1", b"{}", &s).unwrap();
        assert_eq!(
            verify_sha256_nonce("X-Auth-Signature", sig.as_bytes(), b"n2", b"{}", &s),
            Err(VerifyError::SignatureMismatch)
        );
    }
}
