//! Callback verification: check the key, verify the signature over the raw body in
//! constant time, then parse.
//!
//! CoinsPaid POSTs a JSON body to your callback URL with `X-Processing-Key` (your public
//! key) and `X-Processing-Signature` (lower-case hex HMAC-SHA512 of the body, keyed with
//! your secret). [`Verifier::verify`] checks both before parsing anything; pass it the
//! body bytes exactly as received, never re-encoded JSON.
//!
//! # Replays
//!
//! A callback carries no timestamp or nonce, and CoinsPaid may deliver the same one more
//! than once (retries after a timeout or a non-200 answer). A valid signature therefore
//! proves who sent it, not that it is new. De-duplicate by
//! [`Callback::dedup_key`] — `(id, status)` — before acting: the same `id` legitimately
//! comes back with a new status (`not_confirmed` then `confirmed`), but a pair you have
//! processed must be acknowledged with 200 and ignored. Keep the keys in durable storage
//! (a unique index on `(id, status)`), and credit deposits only on
//! [`Status::Confirmed`](crate::Status::Confirmed). See `examples/axum_webhook.rs`.

use std::fmt;

pub use payments_core::webhook::{VerifyError, WebhookSecrets};
use payments_core::webhook::{constant_time_eq, verify_hmac_sha512};
use payments_core::{ExposeSecret, SecretString};

use crate::types::Callback;

/// The header carrying your public key.
pub const KEY_HEADER: &str = "X-Processing-Key";
/// The header carrying the hex HMAC-SHA512 of the body.
pub const SIGNATURE_HEADER: &str = "X-Processing-Signature";

/// Verifies and parses CoinsPaid callbacks.
///
/// ```
/// use coinspaid_api::SecretString;
/// use coinspaid_api::webhook::{Verifier, WebhookSecrets};
///
/// let verifier = Verifier::new(
///     "my-public-key",
///     WebhookSecrets::new(SecretString::from("current-secret"))
///         .with(SecretString::from("previous-secret")),
/// );
/// let body = br#"{"id":1,"type":"exchange","currency_sent":{"currency":"EUR","amount":"26.75248865"},"currency_received":{"currency":"BTC","amount":"0.00300000"},"transactions":[],"fees":[],"error":"","status":"confirmed"}"#;
/// let signature = payments_core::digest::hmac_sha512_hex(b"previous-secret", body);
/// let headers = [
///     ("x-processing-key", "my-public-key"),
///     ("x-processing-signature", signature.as_str()),
/// ];
/// let callback = verifier.verify(headers.iter().map(|(n, v)| (*n, *v)), body)?;
/// assert_eq!(callback.dedup_key(), Some((1, coinspaid_api::Status::Confirmed)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    key: SecretString,
    secrets: WebhookSecrets,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("key", &"[REDACTED]")
            .field("secrets", &self.secrets)
            .finish()
    }
}

impl Verifier {
    /// A verifier for your public `key`, accepting signatures made with any of `secrets`
    /// (several while rotating).
    pub fn new(key: impl Into<SecretString>, secrets: WebhookSecrets) -> Self {
        Verifier {
            key: key.into(),
            secrets,
        }
    }

    /// Checks `X-Processing-Key` against the configured key and `X-Processing-Signature`
    /// against the raw `body` (constant time, every secret), then parses the body.
    ///
    /// `headers` is any list of `(name, value)` pairs, names compared case-insensitively:
    /// `&http::HeaderMap` works as is.
    pub fn verify<'a, I, N, V>(&self, headers: I, body: &[u8]) -> Result<Callback, VerifyError>
    where
        I: IntoIterator<Item = (&'a N, &'a V)>,
        N: AsRef<[u8]> + ?Sized + 'a,
        V: AsRef<[u8]> + ?Sized + 'a,
    {
        self.check(headers, body)?;
        Callback::parse(body)
    }

    /// Only the checks of [`verify`](Self::verify), without parsing.
    pub fn check<'a, I, N, V>(&self, headers: I, body: &[u8]) -> Result<(), VerifyError>
    where
        I: IntoIterator<Item = (&'a N, &'a V)>,
        N: AsRef<[u8]> + ?Sized + 'a,
        V: AsRef<[u8]> + ?Sized + 'a,
    {
        let (mut key, mut signature) = (None, None);
        for (name, value) in headers {
            let name = name.as_ref();
            if key.is_none() && name.eq_ignore_ascii_case(KEY_HEADER.as_bytes()) {
                key = Some(value.as_ref());
            } else if signature.is_none() && name.eq_ignore_ascii_case(SIGNATURE_HEADER.as_bytes())
            {
                signature = Some(value.as_ref());
            }
        }
        let key = key.ok_or(VerifyError::MissingHeader(KEY_HEADER))?;
        if !constant_time_eq(key.trim_ascii(), self.key.expose_secret().as_bytes()) {
            return Err(VerifyError::UnknownKey(KEY_HEADER));
        }
        let signature = signature.ok_or(VerifyError::MissingHeader(SIGNATURE_HEADER))?;
        verify_hmac_sha512(SIGNATURE_HEADER, signature, body, &self.secrets)
    }
}

/// Helpers to sign test callbacks, so you can test your own handler.
#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util {
    /// The `X-Processing-Signature` CoinsPaid would send for `body` under `secret`.
    pub fn sign(secret: &str, body: &[u8]) -> String {
        payments_core::webhook::test_util::sign_hmac_sha512(secret.as_bytes(), body)
    }

    /// Both callback headers for `body`, as `(name, value)` pairs.
    pub fn headers(key: &str, secret: &str, body: &[u8]) -> [(&'static str, String); 2] {
        [
            (super::KEY_HEADER, key.to_owned()),
            (super::SIGNATURE_HEADER, sign(secret, body)),
        ]
    }
}
