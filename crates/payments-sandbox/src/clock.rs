//! The sandbox's own test clock: what "now" is for every rule that expires or counts over a
//! window. It follows the system clock by default, or stands still at a fixed time; either
//! way it can be moved forward (or set) by a test or through `POST /_sandbox/clock`.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The sandbox's time source, a cheap cloneable handle: every clone moves together.
///
/// [`SandboxClock::system`] follows the system clock plus an offset; [`SandboxClock::fixed`]
/// stands still until moved. [`SandboxClock::advance`] and [`SandboxClock::set`] move either
/// kind (a system clock keeps ticking from the new time).
///
/// ```
/// use std::time::Duration;
/// use payments_sandbox::SandboxClock;
///
/// let clock = SandboxClock::fixed(1_700_000_000);
/// clock.advance(Duration::from_secs(60));
/// assert_eq!(clock.unix_seconds(), 1_700_000_060);
/// clock.set(1_800_000_000);
/// assert_eq!(clock.unix_seconds(), 1_800_000_000);
/// ```
#[derive(Clone)]
pub struct SandboxClock {
    inner: Arc<Inner>,
}

/// A fixed clock stands at `value` milliseconds since the epoch; a system clock is the system
/// clock plus `value` milliseconds. Lock-free: every request reads the clock.
struct Inner {
    fixed: bool,
    value: AtomicI64,
}

fn system_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn secs_to_ms(secs: u64) -> i64 {
    i64::try_from(secs).unwrap_or(i64::MAX).saturating_mul(1000)
}

impl SandboxClock {
    /// A clock that follows the system clock.
    pub fn system() -> Self {
        Self::with(false, 0)
    }

    /// A clock that stands at `unix_seconds` until moved.
    pub fn fixed(unix_seconds: u64) -> Self {
        Self::with(true, secs_to_ms(unix_seconds))
    }

    fn with(fixed: bool, value: i64) -> Self {
        SandboxClock {
            inner: Arc::new(Inner {
                fixed,
                value: AtomicI64::new(value),
            }),
        }
    }

    fn now_ms(&self) -> i64 {
        let value = self.inner.value.load(Ordering::Acquire);
        let ms = if self.inner.fixed {
            value
        } else {
            system_ms().saturating_add(value)
        };
        ms.max(0)
    }

    /// Now, as a [`SystemTime`] (never before the epoch).
    pub fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(self.unix_millis())
    }

    /// Whole seconds since the Unix epoch.
    pub fn unix_seconds(&self) -> u64 {
        u64::try_from(self.now_ms() / 1000).unwrap_or(0)
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(&self) -> u64 {
        u64::try_from(self.now_ms()).unwrap_or(0)
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let by = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        let _ = self
            .inner
            .value
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |v| {
                Some(v.saturating_add(by))
            });
    }

    /// Moves the clock to `unix_seconds` (forward or back); a system clock keeps ticking from
    /// there.
    pub fn set(&self, unix_seconds: u64) {
        let target = secs_to_ms(unix_seconds);
        let value = if self.inner.fixed {
            target
        } else {
            target.saturating_sub(system_ms())
        };
        self.inner.value.store(value, Ordering::Release);
    }

    /// `true` for a clock that stands still ([`SandboxClock::fixed`]).
    pub fn is_fixed(&self) -> bool {
        self.inner.fixed
    }
}

impl Default for SandboxClock {
    /// [`SandboxClock::system`].
    fn default() -> Self {
        Self::system()
    }
}

impl fmt::Debug for SandboxClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxClock")
            .field("unix_seconds", &self.unix_seconds())
            .field("fixed", &self.is_fixed())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let clock = SandboxClock::fixed(100);
        let other = clock.clone();
        assert_eq!(clock.unix_seconds(), 100);
        other.advance(Duration::from_millis(1500));
        assert_eq!(clock.unix_seconds(), 101);
        assert_eq!(clock.unix_millis(), 101_500);
        clock.set(50);
        assert_eq!(other.unix_seconds(), 50);
    }

    #[test]
    fn a_system_clock_keeps_ticking_from_where_it_is_set() {
        let clock = SandboxClock::system();
        clock.set(1_000);
        let now = clock.unix_seconds();
        assert!((1_000..1_010).contains(&now), "{now}");
        clock.advance(Duration::from_secs(3600));
        assert!(clock.unix_seconds() >= 4_600);
    }
}
