//! The signature computations shared by request signers and webhook verifiers.

/// Lower-case hex of `bytes` into a fixed buffer (`H` must be `2 * N`, `N` a multiple of 4):
/// four bytes at a time in a `u64` (each nibble spread into its own byte, then turned into
/// its ASCII digit with a few adds and masks), no table and no branch.
#[cfg(any(feature = "hmac-sha512", feature = "sha256-nonce"))]
pub(crate) fn hex_lower<const N: usize, const H: usize>(bytes: &[u8; N]) -> [u8; H] {
    let mut out = [0u8; H];
    for (src, dst) in bytes.chunks_exact(4).zip(out.chunks_exact_mut(8)) {
        let mut word = [0u8; 4];
        word.copy_from_slice(src);
        dst.copy_from_slice(&hex_word(u32::from_be_bytes(word)).to_be_bytes());
    }
    out
}

/// The eight lower-case hex digits of `x`, most significant first when written big-endian.
#[cfg(any(feature = "hmac-sha512", feature = "sha256-nonce"))]
#[inline(always)]
fn hex_word(x: u32) -> u64 {
    let mut x = u64::from(x);
    // 16-bit halves into 32-bit lanes, bytes into 16-bit lanes, nibbles into bytes.
    x = (x & 0x0000_0000_0000_ffff) | ((x & 0x0000_0000_ffff_0000) << 16);
    x = (x & 0x0000_00ff_0000_00ff) | ((x & 0x0000_ff00_0000_ff00) << 8);
    x = (x & 0x000f_000f_000f_000f) | ((x & 0x00f0_00f0_00f0_00f0) << 4);
    // Every byte is now 0..=15: add '0', and 'a' - '0' - 10 = 39 more where it is 10 or over
    // (n + 6 sets bit 4 exactly then; no byte can carry into the next).
    let letters = ((x + 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010) >> 4;
    x + 0x3030_3030_3030_3030 + letters * 39
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

#[cfg(feature = "sha256-nonce")]
#[cfg_attr(docsrs, doc(cfg(feature = "sha256-nonce")))]
/// The same signature as [`sha256_nonce_hex`], as 64 ASCII hex digits in a stack array:
/// nothing is allocated (this is what the Covery request signer writes into its header).
///
/// ```
/// let sig = payments_core::digest::sha256_nonce_hex_bytes(
///     b"1700000000.1234567890",
///     b"",
///     b"asjdh283ysfjhbkjKHGV^7ra/adf2145",
/// );
/// assert_eq!(
///     std::str::from_utf8(&sig).unwrap(),
///     "ea730254d39b1a7f30165b4a1f0d107f5e1fff61a0a0c3206b84291eb0920f5d",
/// );
/// ```
pub fn sha256_nonce_hex_bytes(nonce: &[u8], body: &[u8], secret: &[u8]) -> [u8; 64] {
    hex_lower::<32, 64>(&sha256_nonce(nonce, body, secret))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[cfg(any(feature = "hmac-sha512", feature = "sha256-nonce"))]
    #[test]
    fn hex_lower_matches_formatting_for_every_byte() {
        // Every byte value in every position of a word, against the standard formatter.
        for b in 0..=255u8 {
            for pos in 0..4 {
                let mut input = [0x5au8; 4];
                input[pos] = b;
                let want: String = input.iter().map(|b| format!("{b:02x}")).collect();
                let got = super::hex_lower::<4, 8>(&input);
                assert_eq!(
                    std::str::from_utf8(&got).unwrap(),
                    want,
                    "byte {b:#04x} at {pos}"
                );
            }
        }
        let digest: [u8; 32] = std::array::from_fn(|i| (i as u8).wrapping_mul(37) ^ 0xa5);
        let want: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            std::str::from_utf8(&super::hex_lower::<32, 64>(&digest)).unwrap(),
            want
        );
    }

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
