//! Settings and tools for tests of the clients: quick retries, roomy timeouts, a port that
//! refuses, a transport that counts attempts, and the timeout assertion.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;

use payments_core::transport::SendFuture;
use payments_core::{Error, ReqwestTransport, RetryPolicy, TimeoutKind, Timeouts, Transport};

/// The default policy with a tiny back-off (1 ms, at most 5 ms), so retry tests are fast.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5))
}

/// Generous but finite timeouts for tests that are not about timeouts: 5 s to connect,
/// 10 s an attempt, 30 s the whole call.
pub fn test_timeouts() -> Timeouts {
    Timeouts::default()
        .with_connect(Duration::from_secs(5))
        .with_attempt(Duration::from_secs(10))
        .with_call(Duration::from_secs(30))
}

/// A loopback port nothing listens on: bound, then released. Panics (it is a test helper)
/// if no port can be bound on 127.0.0.1.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap_or_else(|e| panic!("cannot bind 127.0.0.1: {e}"));
    let port = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("cannot read the bound address: {e}"))
        .port();
    drop(listener);
    port
}

/// Asserts that `err` is a timeout of `kind`, showing the error otherwise.
#[track_caller]
pub fn assert_timeout(err: &Error, kind: TimeoutKind) {
    assert!(
        matches!(err, Error::Timeout { kind: k, .. } if *k == kind),
        "expected a {kind:?} timeout: {err:?}"
    );
}

/// The default reqwest transport, counting the attempts that go through it: for failures
/// no server can count (connection refused).
#[derive(Debug)]
pub struct CountingTransport {
    inner: ReqwestTransport,
    sends: AtomicUsize,
}

impl CountingTransport {
    /// A counting transport with a 5 s connect timeout, shared (give a clone to the
    /// client, keep one to count). Panics (it is a test helper) if reqwest cannot build a
    /// client.
    pub fn new() -> Arc<Self> {
        let inner = ReqwestTransport::new(Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("cannot build the reqwest transport: {e}"));
        Arc::new(CountingTransport {
            inner,
            sends: AtomicUsize::new(0),
        })
    }

    /// How many requests were handed to the transport so far.
    pub fn sends(&self) -> usize {
        self.sends.load(Ordering::SeqCst)
    }
}

impl Transport for CountingTransport {
    fn send(&self, req: http::Request<Bytes>, max_body: usize) -> SendFuture<'_> {
        self.sends.fetch_add(1, Ordering::SeqCst);
        self.inner.send(req, max_body)
    }
}
