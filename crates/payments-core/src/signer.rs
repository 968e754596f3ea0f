//! Request signing: a [`Signer`] runs on every attempt, just before the request is sent.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;

/// Why a request could not be signed. Never contains key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SignError(pub String);

/// What a signer may use besides the request: time, nonces, the attempt number.
pub struct SignContext<'a> {
    /// The provider.
    pub provider: &'static str,
    /// The operation being signed: its table row, with its name, route template and
    /// [`Auth`](crate::Auth) scheme.
    pub operation: &'static crate::Operation,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: u32,
    /// The clock to read (fixed in tests).
    pub clock: &'a dyn Clock,
    /// The nonce source (fixed in tests).
    pub nonces: &'a dyn NonceSource,
}

impl fmt::Debug for SignContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignContext")
            .field("provider", &self.provider)
            .field("operation", &self.operation.name)
            .field("attempt", &self.attempt)
            .finish_non_exhaustive()
    }
}

/// Adds authentication to a request. Called on EVERY attempt, so nonces and token expiry
/// are fresh. Implementations mark credential headers sensitive and keep secrets out of
/// `Debug`.
pub trait Signer: Send + Sync + fmt::Debug + 'static {
    /// Signs `req`, whose body holds the exact bytes that will be sent.
    fn sign(&self, req: &mut http::Request<Bytes>, cx: &SignContext<'_>) -> Result<(), SignError>;

    /// Replaces this signer's own credential values (token, key, secret) in `text` with
    /// `[REDACTED]` ([`provider::scrub_values`](crate::provider::scrub_values)). The client
    /// runs every error snippet, provider message and transport message through it, so a
    /// server that echoes a credential back cannot put it into an error. The default
    /// scrubs nothing.
    fn scrub(&self, text: &mut String) {
        let _ = text;
    }
}

/// A signer that adds nothing (for public endpoints and tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAuth;

impl Signer for NoAuth {
    fn sign(&self, _: &mut http::Request<Bytes>, _: &SignContext<'_>) -> Result<(), SignError> {
        Ok(())
    }
}

/// The time source for signatures and token expiry.
pub trait Clock: Send + Sync + fmt::Debug + 'static {
    /// The current time.
    fn now(&self) -> SystemTime;

    /// Seconds since the Unix epoch.
    fn unix_seconds(&self) -> u64 {
        self.now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs()
    }
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A source of request nonces, unique per attempt.
pub trait NonceSource: Send + Sync + fmt::Debug + 'static {
    /// A fresh nonce.
    fn nonce(&self) -> String;
}

/// `SECONDS.DIGITS` nonces (`1700000000.4829105723`), the shape Covery's own client sends.
/// The ten digits step through a full cycle of 10^10 from a random start, so no two
/// nonces of one source repeat within a second or across 10^10 calls.
#[derive(Debug)]
pub struct TimestampNonce {
    counter: AtomicU64,
    start: u64,
}

const NONCE_MODULUS: u64 = 10_000_000_000;
// Coprime with 10^10, so i * STEP mod 10^10 visits every value once per cycle.
const NONCE_STEP: u64 = 7_919_000_003;

impl TimestampNonce {
    /// A source starting at a random point of the cycle.
    pub fn new() -> Self {
        TimestampNonce {
            counter: AtomicU64::new(0),
            start: fastrand::u64(..NONCE_MODULUS),
        }
    }
}

impl Default for TimestampNonce {
    fn default() -> Self {
        Self::new()
    }
}

impl NonceSource for TimestampNonce {
    fn nonce(&self) -> String {
        let i = self.counter.fetch_add(1, Ordering::Relaxed) % NONCE_MODULUS;
        let digits =
            ((i as u128 * NONCE_STEP as u128 + self.start as u128) % NONCE_MODULUS as u128) as u64;
        let secs = SystemClock.unix_seconds();
        format!("{secs}.{digits:010}")
    }
}

/// Deterministic clocks and nonces for tests.
#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util {
    use super::*;
    use std::sync::Mutex;

    /// A clock stopped at one instant (settable).
    #[derive(Debug)]
    pub struct FixedClock(Mutex<SystemTime>);

    impl FixedClock {
        /// A clock at `unix_seconds`.
        pub fn at(unix_seconds: u64) -> Self {
            FixedClock(Mutex::new(UNIX_EPOCH + Duration::from_secs(unix_seconds)))
        }

        /// Moves the clock forward.
        pub fn advance(&self, by: Duration) {
            let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
            *t += by;
        }
    }

    impl Clock for FixedClock {
        fn now(&self) -> SystemTime {
            *self.0.lock().unwrap_or_else(|p| p.into_inner())
        }
    }

    /// Nonces `PREFIX1`, `PREFIX2`, … in order.
    #[derive(Debug)]
    pub struct SequenceNonce {
        prefix: String,
        next: AtomicU64,
    }

    impl SequenceNonce {
        /// Nonces `{prefix}1`, `{prefix}2`, ….
        pub fn new(prefix: impl Into<String>) -> Self {
            SequenceNonce {
                prefix: prefix.into(),
                next: AtomicU64::new(1),
            }
        }
    }

    impl NonceSource for SequenceNonce {
        fn nonce(&self) -> String {
            format!(
                "{}{}",
                self.prefix,
                self.next.fetch_add(1, Ordering::Relaxed)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn timestamp_nonces_are_unique_and_shaped() {
        let src = TimestampNonce::new();
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            let n = src.nonce();
            let (secs, digits) = n.split_once('.').unwrap_or_default();
            assert!(secs.len() >= 10 && digits.len() == 10, "{n}");
            assert!(seen.insert(digits.to_owned()), "repeated {n}");
        }
    }
}
