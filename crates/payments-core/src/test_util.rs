//! Helpers for testing your own code against a provider crate (feature `test-util`): a
//! fixed clock and counting nonces, so signatures and snapshots are deterministic, and
//! signers for test callbacks, so your webhook handlers can be tested offline.

#[cfg(feature = "client")]
pub use crate::signer::test_util::{FixedClock, SequenceNonce};
#[cfg(all(feature = "webhook", feature = "hmac-sha512"))]
pub use crate::webhook::test_util::sign_hmac_sha512;
#[cfg(all(feature = "webhook", feature = "sha256-nonce"))]
pub use crate::webhook::test_util::sign_sha256_nonce;
