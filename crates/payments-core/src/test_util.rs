//! Helpers for tests (feature `test-util`): a scripted HTTP/1.1 server, a tracing capture,
//! and re-exports of the deterministic clocks, nonces and callback signers.

#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod server;

#[cfg(feature = "client")]
mod recorded;
#[cfg(feature = "client")]
pub use recorded::{assert_sent_as_recorded, recorded_body, recorded_fixtures};

#[cfg(feature = "client")]
pub use crate::signer::test_util::{FixedClock, SequenceNonce};
#[cfg(all(feature = "webhook", feature = "hmac-sha512"))]
pub use crate::webhook::test_util::sign_hmac_sha512;
#[cfg(all(feature = "webhook", feature = "sha256-nonce"))]
pub use crate::webhook::test_util::sign_sha256_nonce;

mod capture;
pub use capture::Capturing;
