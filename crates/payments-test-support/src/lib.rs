//! Test helpers only this repository's tests use (not published): a scripted HTTP/1.1
//! server for what a mock server cannot do (hangs, resets, malformed answers), an
//! in-memory transport, fixture loaders, the replay loop over recorded exchanges, quick
//! retry and timeout settings, a tracing capture, and checks that secrets never show.

pub mod server;

mod recorded;
pub use recorded::replay_recorded;
pub use server::MemoryTransport;

mod client;
pub use client::{CountingTransport, assert_timeout, closed_port, fast_retry, test_timeouts};

mod fixtures;
pub use fixtures::{DocFixture, fixture_files, read_json, round_trip_exact};

mod redaction;
pub use redaction::{assert_echoed_credentials_never_show, assert_no_leak, error_renderings};

mod table;
pub use table::check_operation_table;

mod capture;
pub use capture::Capturing;

pub use payments_core::test_util::{FixedClock, SequenceNonce};
