//! Helpers for tests (feature `test-util`): a scripted HTTP/1.1 server, a tracing capture,
//! re-exports of the deterministic clocks, nonces and callback signers, and the pieces the
//! provider crates' tests share: reading documented and recorded fixtures, replaying
//! recordings, quick retry and timeout settings, and checks that secrets never show.

#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod server;

#[cfg(feature = "client")]
mod recorded;
#[cfg(feature = "client")]
pub use recorded::{
    assert_sent_as_recorded, outcome_value, recorded_body, recorded_fixtures, replay_recorded,
};

#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
pub use client::{CountingTransport, assert_timeout, closed_port, fast_retry, test_timeouts};

mod fixtures;
#[cfg(feature = "client")]
pub use fixtures::round_trip_exact;
pub use fixtures::{DocFixture, fixture_files, read_json};

mod redaction;
pub use redaction::{assert_no_leak, error_renderings};

#[cfg(feature = "client")]
pub use crate::signer::test_util::{FixedClock, SequenceNonce};
#[cfg(all(feature = "webhook", feature = "hmac-sha512"))]
pub use crate::webhook::test_util::sign_hmac_sha512;
#[cfg(all(feature = "webhook", feature = "sha256-nonce"))]
pub use crate::webhook::test_util::sign_sha256_nonce;

mod capture;
pub use capture::Capturing;
