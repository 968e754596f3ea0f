//! CoinCover's state: users and plans, GREEN totals by hour and day, past checks.

use super::*;

/// CoinCover's part of the sandbox state.
pub(crate) struct CoinCoverState {
    /// Registered users and their plan's `levelUsd`, if any.
    pub(crate) users: HashMap<String, Option<Decimal>>,
    pub(crate) user_totals: HashMap<String, Totals>,
    pub(crate) wallet_totals: HashMap<String, Totals>,
    /// `transactionCustomerId` → (hash of the request body, the answer), for retries.
    pub(crate) checks: HashMap<String, (u64, Bytes)>,
    pub(crate) ids: IdSequence,
}

impl CoinCoverState {
    pub(crate) fn new(seed: u64) -> Self {
        CoinCoverState {
            users: HashMap::new(),
            user_totals: HashMap::new(),
            wallet_totals: HashMap::new(),
            checks: HashMap::new(),
            ids: IdSequence::new(seed, IdStream::CoinCoverTransaction),
        }
    }
}

/// GREEN USD totals in the last hour and day, bucketed by second.
#[derive(Default)]
pub(crate) struct Totals {
    pub(crate) hour: Window,
    pub(crate) day: Window,
}

impl Totals {
    pub(crate) fn add(&mut self, now: u64, usd: Decimal) {
        self.hour.add(now, usd);
        self.day.add(now, usd);
    }
}

#[derive(Default)]
pub(crate) struct Window {
    pub(crate) entries: VecDeque<(u64, Decimal)>,
    pub(crate) sum: Decimal,
}

impl Window {
    /// The total of the entries newer than `span` seconds before `now`. The clock is expected
    /// to move forward; entries from a clock that went back still count.
    pub(crate) fn total(&mut self, now: u64, span: u64) -> Decimal {
        while let Some(&(at, usd)) = self.entries.front() {
            if at.saturating_add(span) > now {
                break;
            }
            self.sum = self.sum.saturating_sub(usd);
            self.entries.pop_front();
        }
        self.sum
    }

    pub(crate) fn add(&mut self, now: u64, usd: Decimal) {
        self.sum = self.sum.saturating_add(usd);
        match self.entries.back_mut() {
            Some((at, total)) if *at == now => *total = total.saturating_add(usd),
            _ => self.entries.push_back((now, usd)),
        }
    }
}

/// Adds a GREEN amount to `key`'s totals.
pub(crate) fn count(totals: &mut HashMap<String, Totals>, key: &str, now: u64, usd: Decimal) {
    match totals.get_mut(key) {
        Some(t) => t.add(now, usd),
        None => {
            let mut t = Totals::default();
            t.add(now, usd);
            totals.insert(key.to_owned(), t);
        }
    }
}

/// A validated check-transaction request.
pub(crate) struct CheckRequest {
    pub(crate) transaction_customer_id: String,
    pub(crate) coin: String,
    pub(crate) wallet_id: String,
    pub(crate) outputs: Vec<Output>,
}

pub(crate) struct Output {
    pub(crate) destination: String,
    pub(crate) amount: Decimal,
    pub(crate) user_id: String,
}
