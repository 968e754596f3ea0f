//! The providers' request signers, each behind its own feature.
//!
//! | signer | feature | provider |
//! |---|---|---|
//! | [`BearerToken`] | `bearer` | CoinCover, CCPro (API token) |
//! | [`HmacSha512Signer`] | `hmac-sha512` | CoinsPaid |
//! | [`Sha256NonceSigner`] | `sha256-nonce` | Covery |
//! | [`JwtSigner`] | `jwt` | CCPro, Coinify |

#[allow(unused_imports)]
use bytes::Bytes;
#[allow(unused_imports)]
use http::header::{HeaderName, HeaderValue};
#[allow(unused_imports)]
use secrecy::{ExposeSecret, SecretString};

#[allow(unused_imports)]
use crate::signer::{SignContext, SignError, Signer};

/// A header value marked sensitive (kept out of HTTP/2 compression tables and of
/// `http`'s Debug), or a [`SignError`] naming `what` when `value` cannot be a header.
pub fn sensitive(value: &str, what: &str) -> Result<HeaderValue, SignError> {
    let mut v = HeaderValue::from_str(value).map_err(|_| {
        SignError(format!(
            "{what} contains characters not allowed in a header"
        ))
    })?;
    v.set_sensitive(true);
    Ok(v)
}

/// `Authorization: Bearer <token>`.
#[cfg(feature = "bearer")]
#[cfg_attr(docsrs, doc(cfg(feature = "bearer")))]
#[derive(Clone)]
pub struct BearerToken {
    value: HeaderValue,
    token: SecretString,
}

#[cfg(feature = "bearer")]
impl BearerToken {
    /// A bearer token; fails when empty or not a valid header value.
    pub fn new(token: SecretString) -> Result<Self, SignError> {
        let t = token.expose_secret().trim();
        if t.is_empty() {
            return Err(SignError("the API token is empty".into()));
        }
        Ok(BearerToken {
            value: sensitive(&format!("Bearer {t}"), "the API token")?,
            token: t.to_owned().into(),
        })
    }
}

#[cfg(feature = "bearer")]
impl std::fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BearerToken([REDACTED])")
    }
}

#[cfg(feature = "bearer")]
impl Signer for BearerToken {
    fn sign(&self, req: &mut http::Request<Bytes>, _: &SignContext<'_>) -> Result<(), SignError> {
        req.headers_mut()
            .insert(http::header::AUTHORIZATION, self.value.clone());
        Ok(())
    }

    fn scrub(&self, text: &mut String) {
        crate::scrub::scrub_values(text, &[self.token.expose_secret()]);
    }
}

/// A public key header plus a lower-case hex HMAC-SHA512 of the exact body bytes
/// (CoinsPaid: `X-Processing-Key`, `X-Processing-Signature`). An empty body signs the
/// empty string; the endpoint decides what the body is (CoinsPaid sends `{}`).
#[cfg(all(feature = "hmac-sha512", feature = "client"))]
#[cfg_attr(docsrs, doc(cfg(feature = "hmac-sha512")))]
pub struct HmacSha512Signer {
    key_header: HeaderName,
    key: HeaderValue,
    signature_header: HeaderName,
    secret: SecretString,
}

#[cfg(all(feature = "hmac-sha512", feature = "client"))]
impl HmacSha512Signer {
    /// CoinsPaid's headers: `X-Processing-Key` and `X-Processing-Signature`.
    pub fn coinspaid(key: SecretString, secret: SecretString) -> Result<Self, SignError> {
        Self::new(
            HeaderName::from_static("x-processing-key"),
            key,
            HeaderName::from_static("x-processing-signature"),
            secret,
        )
    }

    /// Custom header names.
    pub fn new(
        key_header: HeaderName,
        key: SecretString,
        signature_header: HeaderName,
        secret: SecretString,
    ) -> Result<Self, SignError> {
        if key.expose_secret().is_empty() || secret.expose_secret().is_empty() {
            return Err(SignError("the key and the secret must not be empty".into()));
        }
        Ok(HmacSha512Signer {
            key_header,
            key: sensitive(key.expose_secret(), "the key")?,
            signature_header,
            secret,
        })
    }
}

#[cfg(all(feature = "hmac-sha512", feature = "client"))]
impl std::fmt::Debug for HmacSha512Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HmacSha512Signer")
            .field("key", &"[REDACTED]")
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

#[cfg(all(feature = "hmac-sha512", feature = "client"))]
impl Signer for HmacSha512Signer {
    fn sign(&self, req: &mut http::Request<Bytes>, _: &SignContext<'_>) -> Result<(), SignError> {
        let digest = crate::digest::hmac_sha512(self.secret.expose_secret().as_bytes(), req.body());
        let signature = sensitive_header(&crate::digest::hex_lower::<64, 128>(&digest))?;
        let h = req.headers_mut();
        h.reserve(2);
        h.insert(self.key_header.clone(), self.key.clone());
        h.insert(self.signature_header.clone(), signature);
        Ok(())
    }
    fn scrub(&self, text: &mut String) {
        let key = self.key.to_str().unwrap_or_default();
        crate::scrub::scrub_values(text, &[key, self.secret.expose_secret()]);
    }
}

/// Covery's scheme: `X-Auth-Token`, a fresh `X-Auth-Nonce` per attempt, and
/// `X-Auth-Signature` = lower-case hex SHA-256 of nonce + exact body + secret, plus
/// `X-Auth-Version: 1.0`.
#[cfg(all(feature = "sha256-nonce", feature = "client"))]
#[cfg_attr(docsrs, doc(cfg(feature = "sha256-nonce")))]
pub struct Sha256NonceSigner {
    token: HeaderValue,
    secret: SecretString,
}

#[cfg(all(feature = "sha256-nonce", feature = "client"))]
impl Sha256NonceSigner {
    /// Covery's signer from the access token and secret.
    pub fn covery(token: SecretString, secret: SecretString) -> Result<Self, SignError> {
        if token.expose_secret().is_empty() || secret.expose_secret().is_empty() {
            return Err(SignError(
                "the token and the secret must not be empty".into(),
            ));
        }
        Ok(Sha256NonceSigner {
            token: sensitive(token.expose_secret(), "the token")?,
            secret,
        })
    }
}

#[cfg(all(feature = "sha256-nonce", feature = "client"))]
impl std::fmt::Debug for Sha256NonceSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sha256NonceSigner")
            .field("token", &"[REDACTED]")
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

#[cfg(all(feature = "sha256-nonce", feature = "client"))]
const X_AUTH_TOKEN: HeaderName = HeaderName::from_static("x-auth-token");
#[cfg(all(feature = "sha256-nonce", feature = "client"))]
const X_AUTH_NONCE: HeaderName = HeaderName::from_static("x-auth-nonce");
#[cfg(all(feature = "sha256-nonce", feature = "client"))]
const X_AUTH_SIGNATURE: HeaderName = HeaderName::from_static("x-auth-signature");
#[cfg(all(feature = "sha256-nonce", feature = "client"))]
const X_AUTH_VERSION: HeaderName = HeaderName::from_static("x-auth-version");

/// A signature's hex digits as a sensitive header value.
#[cfg(all(
    any(feature = "sha256-nonce", feature = "hmac-sha512"),
    feature = "client"
))]
fn sensitive_header(hex: &[u8]) -> Result<HeaderValue, SignError> {
    let mut v = HeaderValue::from_bytes(hex)
        .map_err(|_| SignError("the signature is not a valid header value".into()))?;
    v.set_sensitive(true);
    Ok(v)
}

#[cfg(all(feature = "sha256-nonce", feature = "client"))]
impl Signer for Sha256NonceSigner {
    fn sign(&self, req: &mut http::Request<Bytes>, cx: &SignContext<'_>) -> Result<(), SignError> {
        let nonce = cx.nonces.nonce();
        let signature = crate::digest::sha256_nonce_hex_bytes(
            nonce.as_bytes(),
            req.body(),
            self.secret.expose_secret().as_bytes(),
        );
        let signature = sensitive_header(&signature)?;
        // Hands the nonce's buffer to the header without copying it.
        let nonce = HeaderValue::from_maybe_shared(Bytes::from(nonce))
            .map_err(|_| SignError("the nonce is not a valid header value".into()))?;
        let h = req.headers_mut();
        h.reserve(4);
        h.insert(X_AUTH_TOKEN, self.token.clone());
        h.insert(X_AUTH_NONCE, nonce);
        h.insert(X_AUTH_SIGNATURE, signature);
        h.insert(X_AUTH_VERSION, HeaderValue::from_static("1.0"));
        Ok(())
    }
    fn scrub(&self, text: &mut String) {
        let token = self.token.to_str().unwrap_or_default();
        crate::scrub::scrub_values(text, &[token, self.secret.expose_secret()]);
    }
}

#[cfg(feature = "jwt")]
pub use jwt::{JwtAlgorithm, JwtClaims, JwtSigner};

#[cfg(feature = "jwt")]
#[cfg_attr(docsrs, doc(cfg(feature = "jwt")))]
mod jwt {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use jsonwebtoken::{Algorithm, EncodingKey};
    use serde_json::{Map, Value};
    use std::time::Duration;

    /// The RSA algorithms the providers use.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum JwtAlgorithm {
        /// RSASSA-PKCS1-v1_5 with SHA-256.
        #[default]
        RS256,
        /// RSASSA-PKCS1-v1_5 with SHA-512.
        RS512,
    }

    impl JwtAlgorithm {
        fn jwt(self) -> Algorithm {
            match self {
                JwtAlgorithm::RS256 => Algorithm::RS256,
                JwtAlgorithm::RS512 => Algorithm::RS512,
            }
        }
        /// The `alg` header value.
        pub fn as_str(self) -> &'static str {
            match self {
                JwtAlgorithm::RS256 => "RS256",
                JwtAlgorithm::RS512 => "RS512",
            }
        }
    }

    /// Per-request claims, put in the request's extensions by an endpoint
    /// ([`RequestSpec::extension`](crate::RequestSpec::extension)), read on every attempt.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct JwtClaims(pub Map<String, Value>);

    /// Signs a fresh RSA JWT on every attempt and sends it as `Authorization: Bearer`.
    ///
    /// Claims: the static ones, then the request's [`JwtClaims`], then the optional
    /// unique-token claim ([`JwtSigner::with_jti_claim`]), then the issued-at and
    /// expiry claims from the client's clock (names configurable: CCPro calls expiry
    /// `expire`).
    pub struct JwtSigner {
        key: EncodingKey,
        alg: JwtAlgorithm,
        header_b64: String,
        ttl: Duration,
        issued_at_claim: Option<&'static str>,
        expiry_claim: Option<&'static str>,
        jti_claim: Option<&'static str>,
        static_claims: Map<String, Value>,
    }

    impl std::fmt::Debug for JwtSigner {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("JwtSigner")
                .field("alg", &self.alg)
                .field("key", &"[REDACTED]")
                .field("ttl", &self.ttl)
                .finish_non_exhaustive()
        }
    }

    fn provider() -> &'static jsonwebtoken::crypto::CryptoProvider {
        &jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER
    }

    impl JwtSigner {
        /// Parses an RSA private key (PEM, PKCS#1 or PKCS#8) and checks that it signs.
        /// A bad key is an error here, never a panic later.
        pub fn from_pem(pem: &SecretString, alg: JwtAlgorithm) -> Result<Self, SignError> {
            let key = EncodingKey::from_rsa_pem(pem.expose_secret().as_bytes()).map_err(|e| {
                SignError(format!(
                    "the private key is not an RSA PEM key (PKCS#1 or PKCS#8): {e}"
                ))
            })?;
            let header = format!(r#"{{"alg":"{}","typ":"JWT"}}"#, alg.as_str());
            let signer = JwtSigner {
                key,
                alg,
                header_b64: URL_SAFE_NO_PAD.encode(header),
                ttl: Duration::from_secs(60),
                issued_at_claim: Some("iat"),
                expiry_claim: Some("exp"),
                jti_claim: None,
                static_claims: Map::new(),
            };
            signer
                .sign_message(b"payments-rs key check")
                .map_err(|e| SignError(format!("the private key cannot sign: {}", e.0)))?;
            Ok(signer)
        }

        /// Sets the token lifetime (default 60 s).
        pub fn with_ttl(mut self, ttl: Duration) -> Self {
            self.ttl = ttl;
            self
        }

        /// Renames or drops the issued-at and expiry claims.
        pub fn with_time_claims(
            mut self,
            issued_at: Option<&'static str>,
            expiry: Option<&'static str>,
        ) -> Self {
            self.issued_at_claim = issued_at;
            self.expiry_claim = expiry;
            self
        }

        /// Adds a unique-token claim (usually `jti`) filled from the client's
        /// [`NonceSource`](crate::NonceSource) on every attempt, so two attempts within
        /// the same second (or at a fixed test clock) still carry distinct tokens.
        /// `None` (the default) sends no such claim.
        pub fn with_jti_claim(mut self, name: Option<&'static str>) -> Self {
            self.jti_claim = name;
            self
        }

        /// Adds a claim sent in every token.
        pub fn with_claim(mut self, name: impl Into<String>, value: Value) -> Self {
            self.static_claims.insert(name.into(), value);
            self
        }

        /// The algorithm.
        pub fn algorithm(&self) -> JwtAlgorithm {
            self.alg
        }

        fn sign_message(&self, msg: &[u8]) -> Result<Vec<u8>, SignError> {
            let signer = (provider().signer_factory)(&self.alg.jwt(), &self.key)
                .map_err(|e| SignError(format!("JWT backend: {e}")))?;
            signer
                .try_sign(msg)
                .map_err(|_| SignError("RSA signing failed".into()))
        }

        /// Builds a signed token for `claims` at `now_unix` seconds.
        pub fn token(
            &self,
            claims: &Map<String, Value>,
            now_unix: u64,
        ) -> Result<String, SignError> {
            let mut all = self.static_claims.clone();
            all.extend(claims.iter().map(|(k, v)| (k.clone(), v.clone())));
            if let Some(iat) = self.issued_at_claim {
                all.insert(iat.into(), Value::from(now_unix));
            }
            if let Some(exp) = self.expiry_claim {
                all.insert(exp.into(), Value::from(now_unix + self.ttl.as_secs()));
            }
            let payload = serde_json::to_vec(&all)
                .map_err(|e| SignError(format!("cannot serialize claims: {e}")))?;
            let mut token = String::with_capacity(512);
            token.push_str(&self.header_b64);
            token.push('.');
            URL_SAFE_NO_PAD.encode_string(payload, &mut token);
            let sig = self.sign_message(token.as_bytes())?;
            token.push('.');
            URL_SAFE_NO_PAD.encode_string(sig, &mut token);
            Ok(token)
        }
    }

    impl Signer for JwtSigner {
        fn sign(
            &self,
            req: &mut http::Request<Bytes>,
            cx: &SignContext<'_>,
        ) -> Result<(), SignError> {
            let empty = Map::new();
            let claims = req.extensions().get::<JwtClaims>().map_or(&empty, |c| &c.0);
            let token = match self.jti_claim {
                None => self.token(claims, cx.clock.unix_seconds())?,
                Some(name) => {
                    let mut with_jti = claims.clone();
                    with_jti.insert(name.into(), Value::String(cx.nonces.nonce()));
                    self.token(&with_jti, cx.clock.unix_seconds())?
                }
            };
            req.headers_mut().insert(
                http::header::AUTHORIZATION,
                sensitive(&format!("Bearer {token}"), "the token")?,
            );
            Ok(())
        }
    }
}
