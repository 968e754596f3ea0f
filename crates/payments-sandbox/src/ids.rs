//! The one registry of id streams: every generated id comes from a [`IdSequence`] over
//! `(seed, stream)`, and every stream is listed once in [`IdStream`], so two kinds of id can
//! never share a sequence by accident and adding one shifts no other.

/// Every id stream of the sandbox. The numbers are part of the sandbox's determinism (the
/// same seed gives the same ids release after release): never renumber one, only add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u64)]
pub(crate) enum IdStream {
    /// CoinCover's `transactionUUID`.
    CoinCoverTransaction = 1,
    /// Covery's `requestId`.
    CoveryEvent = 2,
    /// Covery's fraud alert ids.
    CoveryAlert = 3,
    /// Covery's callback nonces and other tokens.
    CoveryToken = 4,
    /// CoinsPaid's operation ids (withdrawals, exchanges, deposits).
    CoinsPaidOperation = 10,
    /// CoinsPaid's address ids.
    CoinsPaidAddress = 11,
    /// CoinsPaid's transaction ids.
    CoinsPaidTransaction = 12,
    /// CoinsPaid's futures ids.
    CoinsPaidFutures = 13,
    /// CoinsPaid's addresses and txids (hex text).
    CoinsPaidText = 14,
    /// Coinify's KYC review ids.
    CoinifyReview = 20,
    /// Coinify's document ids.
    CoinifyDocument = 21,
    /// CCPro's UUIDs (users, banks, cards, wallets, quotes, orders, transfers, …).
    CcproId = 30,
    /// CCPro's secrets: access tokens, codes, public ids.
    CcproSecret = 31,
}

impl IdStream {
    /// Every stream (for the uniqueness test).
    #[cfg(test)]
    const ALL: &'static [IdStream] = &[
        IdStream::CoinCoverTransaction,
        IdStream::CoveryEvent,
        IdStream::CoveryAlert,
        IdStream::CoveryToken,
        IdStream::CoinsPaidOperation,
        IdStream::CoinsPaidAddress,
        IdStream::CoinsPaidTransaction,
        IdStream::CoinsPaidFutures,
        IdStream::CoinsPaidText,
        IdStream::CoinifyReview,
        IdStream::CoinifyDocument,
        IdStream::CcproId,
        IdStream::CcproSecret,
    ];
}

/// Deterministic ids: UUID-shaped strings from `(seed, stream, counter)` through splitmix64.
#[derive(Debug, Clone)]
pub(crate) struct IdSequence {
    base: u64,
    counter: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

pub(crate) fn splitmix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl IdSequence {
    /// A sequence for one stream under `seed`.
    pub(crate) fn new(seed: u64, stream: IdStream) -> Self {
        IdSequence {
            base: seed ^ splitmix64(stream as u64),
            counter: 0,
        }
    }

    /// The next id as a 7-digit serial: a seed-dependent base in `1_000_000..9_000_000` plus
    /// the counter (Covery's integer ids).
    pub(crate) fn next_serial(&mut self) -> u64 {
        let n = self.counter;
        self.counter = self.counter.wrapping_add(1);
        1_000_000 + splitmix64(self.base) % 8_000_000 + n
    }

    /// The next id: a version-4, RFC 4122 variant UUID in lower-case hex.
    pub(crate) fn next_uuid(&mut self) -> String {
        let n = self.counter;
        self.counter = self.counter.wrapping_add(1);
        let word = |k: u64| splitmix64(self.base.wrapping_add(k.wrapping_mul(GOLDEN_GAMMA)));
        let hi = (word(2 * n + 1) & !0xF000) | 0x4000;
        let lo = (word(2 * n + 2) & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        // Written by hand: `format!` with five hex arguments is a noticeable share of a whole
        // transaction check (the text is the same).
        let mut text = String::with_capacity(36);
        push_hex(&mut text, hi >> 32, 8);
        text.push('-');
        push_hex(&mut text, (hi >> 16) & 0xFFFF, 4);
        text.push('-');
        push_hex(&mut text, hi & 0xFFFF, 4);
        text.push('-');
        push_hex(&mut text, lo >> 48, 4);
        text.push('-');
        push_hex(&mut text, lo & 0xFFFF_FFFF_FFFF, 12);
        text
    }
}

/// Appends the low `digits` hex digits of `value`, lower case, zero-padded.
fn push_hex(text: &mut String, value: u64, digits: u32) {
    for i in (0..digits).rev() {
        let nibble = ((value >> (4 * i)) & 0xF) as u8;
        text.push(char::from(if nibble < 10 {
            b'0' + nibble
        } else {
            b'a' + nibble - 10
        }));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn uuids_read_as_the_formatted_words() {
        let mut a = IdSequence::new(9, IdStream::CoinCoverTransaction);
        for _ in 0..100 {
            let uuid = a.next_uuid();
            let hex: String = uuid.chars().filter(|c| *c != '-').collect();
            let n = u128::from_str_radix(&hex, 16).unwrap();
            assert_eq!(
                uuid,
                format!(
                    "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
                    n >> 96,
                    (n >> 80) & 0xFFFF,
                    (n >> 64) & 0xFFFF,
                    (n >> 48) & 0xFFFF,
                    n & 0xFFFF_FFFF_FFFF
                )
            );
        }
    }

    #[test]
    fn uuids_are_v4_shaped_and_seeded() {
        let mut a = IdSequence::new(1, IdStream::CoinCoverTransaction);
        let mut b = IdSequence::new(1, IdStream::CoinCoverTransaction);
        let mut c = IdSequence::new(2, IdStream::CoinCoverTransaction);
        let first = a.next_uuid();
        assert_eq!(first, b.next_uuid());
        assert_ne!(first, c.next_uuid());
        assert_ne!(first, a.next_uuid());
        let parts: Vec<&str> = first.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{first}");
        assert!(matches!(parts[3].as_bytes()[0], b'8'..=b'b'), "{first}");
        assert!(first.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));
    }

    #[test]
    fn every_stream_starts_somewhere_else() {
        let mut firsts: Vec<String> = IdStream::ALL
            .iter()
            .map(|s| IdSequence::new(0, *s).next_uuid())
            .collect();
        firsts.sort();
        firsts.dedup();
        assert_eq!(firsts.len(), IdStream::ALL.len());
    }
}
