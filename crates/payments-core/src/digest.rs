//! The signature computations shared by request signers and webhook verifiers.

/// Lower-case hex of `bytes` into a fixed buffer (`H` must be `2 * N`), by table lookup:
/// several times faster than `hex::encode`'s per-character formatting.
#[cfg(any(feature = "hmac-sha512", feature = "sha256-nonce"))]
pub(crate) fn hex_lower<const N: usize, const H: usize>(bytes: &[u8; N]) -> [u8; H] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; H];
    for (i, b) in bytes.iter().enumerate().take(H / 2) {
        out[2 * i] = DIGITS[usize::from(b >> 4)];
        out[2 * i + 1] = DIGITS[usize::from(b & 0x0f)];
    }
    out
}

#[cfg(any(feature = "hmac-sha512", feature = "sha256-nonce"))]
fn hex_string<const N: usize, const H: usize>(bytes: &[u8; N]) -> String {
    // Every byte is an ASCII hex digit, so the conversion cannot fail.
    String::from_utf8(hex_lower::<N, H>(bytes).to_vec()).unwrap_or_default()
}

#[cfg(feature = "hmac-sha512")]
#[cfg_attr(docsrs, doc(cfg(feature = "hmac-sha512")))]
/// HMAC-SHA512 of `body` keyed with `secret`, as raw bytes (CoinsPaid).
pub fn hmac_sha512(secret: &[u8], body: &[u8]) -> [u8; 64] {
    use hmac::{Hmac, Mac};
    // HMAC takes keys of any length, so `new_from_slice`
    // cannot fail.
    let mut mac = match Hmac::<sha2::Sha512>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => unreachable_key(),
    };
    mac.update(body);
    mac.finalize().into_bytes().into()
}

#[cfg(feature = "hmac-sha512")]
#[cold]
fn unreachable_key() -> ! {
    // HMAC accepts keys of every length; hmac's API returns a Result for other MACs.
    panic!("HMAC rejected a key, which HMAC never does")
}

#[cfg(feature = "hmac-sha512")]
#[cfg_attr(docsrs, doc(cfg(feature = "hmac-sha512")))]
/// Lower-case hex HMAC-SHA512 of `body` keyed with `secret`.
///
/// ```
/// let sig = payments_core::digest::hmac_sha512_hex(
///     b"AbCdEfG123456",
///     br#"{"currency":"BTC","foreign_id":"123456"}"#,
/// );
/// assert!(sig.starts_with("03c25fcf7cd35e7d"));
/// ```
pub fn hmac_sha512_hex(secret: &[u8], body: &[u8]) -> String {
    hex_string::<64, 128>(&hmac_sha512(secret, body))
}

#[cfg(feature = "sha256-nonce")]
#[cfg_attr(docsrs, doc(cfg(feature = "sha256-nonce")))]
/// SHA-256 of `nonce ‖ body ‖ secret` (a plain hash, not an HMAC), as raw bytes (Covery).
pub fn sha256_nonce(nonce: &[u8], body: &[u8], secret: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(nonce);
    h.update(body);
    h.update(secret);
    h.finalize().into()
}

#[cfg(feature = "sha256-nonce")]
#[cfg_attr(docsrs, doc(cfg(feature = "sha256-nonce")))]
/// Lower-case hex SHA-256 of `nonce ‖ body ‖ secret`.
///
/// ```
/// let sig = payments_core::digest::sha256_nonce_hex(
///     b"1700000000.1234567890",
///     b"",
///     b"asjdh283ysfjhbkjKHGV^7ra/adf2145",
/// );
/// assert_eq!(sig, "ea730254d39b1a7f30165b4a1f0d107f5e1fff61a0a0c3206b84291eb0920f5d");
/// ```
pub fn sha256_nonce_hex(nonce: &[u8], body: &[u8], secret: &[u8]) -> String {
    hex_string::<32, 64>(&sha256_nonce(nonce, body, secret))
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "hmac-sha512")]
    #[test]
    fn coinspaid_vector() {
        assert_eq!(
            super::hmac_sha512_hex(
                b"AbCdEfG123456",
                br#"{"currency":"BTC","foreign_id":"123456"}"#
            ),
            "03c25fcf7cd35e7d995e402cd5d51edd72d48e1471e865907967809a0c189ba55b90815f20e2bb10f82c7a9e9d865546fda58989c2ae9e8e2ff7bc29195fa1ec"
        );
    }

    #[cfg(feature = "sha256-nonce")]
    #[test]
    fn covery_vectors() {
        let secret = b"asjdh283ysfjhbkjKHGV^7ra/adf2145";
        let nonce = b"1700000000.1234567890";
        assert_eq!(
            super::sha256_nonce_hex(nonce, br#"{"type":"login","sequence_id":"abcdef"}"#, secret),
            "d9cce47823dc24fac9a4142062053d118d0e6cde1a39adb9f0bce4d910a02f49"
        );
        assert_eq!(
            super::sha256_nonce_hex(nonce, b"", secret),
            "ea730254d39b1a7f30165b4a1f0d107f5e1fff61a0a0c3206b84291eb0920f5d"
        );
    }
}
