//! Retries: which failures, how long to wait, and how many a client may spend.

use std::sync::Mutex;
use std::time::Duration;

use http::HeaderMap;

/// How a client retries. `RetryPolicy::default()` makes up to 3 attempts with full-jitter
/// exponential back-off from 100 ms, capped at 20 s, honouring `Retry-After` up to 30 s.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = no retries).
    pub max_attempts: u32,
    /// The back-off base: attempt `n` waits a random time in `0..=min(cap, base * 2^(n-1))`.
    pub initial_backoff: Duration,
    /// The back-off cap.
    pub max_backoff: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after: Duration,
    /// The retry budget shared by all clones of a client (`None`: unlimited).
    pub budget: Option<BudgetConfig>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(30),
            budget: Some(BudgetConfig::default()),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the number of attempts (at least 1).
    pub fn with_max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Sets the back-off base and cap.
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// Sets the longest `Retry-After` honoured.
    pub fn with_max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// Sets or removes the shared retry budget.
    pub fn with_budget(mut self, budget: Option<BudgetConfig>) -> Self {
        self.budget = budget;
        self
    }

    /// The full-jitter delay before attempt `next_attempt` (2 for the first retry).
    pub fn backoff(&self, next_attempt: u32) -> Duration {
        let exp = next_attempt.saturating_sub(2).min(30);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1u32 << exp)
            .min(self.max_backoff);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// A token bucket limiting retries, so a failing provider is not flooded: each retry
/// spends tokens, each success returns one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetConfig {
    /// Tokens when full.
    pub capacity: u32,
    /// Tokens a retry after an error response or transport failure costs.
    pub retry_cost: u32,
    /// Tokens a retry after a timeout costs.
    pub timeout_retry_cost: u32,
    /// Tokens a success returns.
    pub success_refund: u32,
}

impl Default for BudgetConfig {
    fn default() -> Self {
        BudgetConfig {
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refund: 1,
        }
    }
}

/// The shared state of a [`BudgetConfig`].
#[derive(Debug)]
pub(crate) struct RetryBudget {
    config: Option<BudgetConfig>,
    tokens: Mutex<u32>,
}

impl RetryBudget {
    pub(crate) fn new(config: Option<BudgetConfig>) -> Self {
        RetryBudget {
            tokens: Mutex::new(config.map_or(0, |c| c.capacity)),
            config,
        }
    }

    /// Takes the tokens for one retry; `false` when the budget is spent.
    pub(crate) fn try_spend(&self, timeout: bool) -> bool {
        let Some(c) = self.config else { return true };
        let cost = if timeout {
            c.timeout_retry_cost
        } else {
            c.retry_cost
        };
        let mut t = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        if *t >= cost {
            *t -= cost;
            true
        } else {
            false
        }
    }

    pub(crate) fn refund(&self) {
        let Some(c) = self.config else { return };
        let mut t = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        *t = (*t + c.success_refund).min(c.capacity);
    }

    #[cfg(test)]
    pub(crate) fn tokens(&self) -> u32 {
        *self.tokens.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Reads `Retry-After` as delta-seconds (HTTP dates are read relative to `now`).
pub fn retry_after(headers: &HeaderMap, now: std::time::SystemTime) -> Option<Duration> {
    let v = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(1e6)));
    }
    let when = parse_http_date(v)?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn parse_http_date(s: &str) -> Option<std::time::SystemTime> {
    let rest = s.split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day: u64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':');
    let h: u64 = hms.next()?.parse().ok()?;
    let m: u64 = hms.next()?.parse().ok()?;
    let sec: u64 = hms.next()?.parse().ok()?;
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = u64::try_from(days).ok()? * 86_400 + h * 3600 + m * 60 + sec;
    Some(std::time::UNIX_EPOCH + Duration::from_secs(secs))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn backoff_is_capped_full_jitter() {
        let p = RetryPolicy::default()
            .with_backoff(Duration::from_millis(100), Duration::from_millis(250));
        for _ in 0..200 {
            assert!(p.backoff(2) <= Duration::from_millis(100));
            assert!(p.backoff(3) <= Duration::from_millis(200));
            assert!(p.backoff(10) <= Duration::from_millis(250));
        }
        // Jitter: not always the ceiling.
        assert!((0..50).any(|_| p.backoff(3) < Duration::from_millis(190)));
    }

    #[test]
    fn retry_after_forms() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_770);
        let mut h = HeaderMap::new();
        h.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(7)));
        h.insert(
            "retry-after",
            "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(7)));
        h.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&h, now), None);
    }

    #[test]
    fn budget_spends_and_refunds() {
        let b = RetryBudget::new(Some(BudgetConfig {
            capacity: 10,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refund: 1,
        }));
        assert!(b.try_spend(false));
        assert!(!b.try_spend(true));
        assert!(b.try_spend(false));
        assert!(!b.try_spend(false));
        b.refund();
        assert_eq!(b.tokens(), 1);
        assert!(RetryBudget::new(None).try_spend(true));
    }
}
