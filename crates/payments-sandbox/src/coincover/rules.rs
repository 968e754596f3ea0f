//! The transaction-check rules, in order; the first that matches decides.

use super::*;

impl CoinCoverState {
    /// Applies the rules of the module docs; on GREEN, counts the amounts.
    pub(crate) fn evaluate(&mut self, req: &CheckRequest, now: u64) -> Option<u32> {
        if let Some(code) = req
            .outputs
            .iter()
            .find_map(|o| listed_destination(&o.destination))
        {
            return Some(code);
        }
        if is_blocklisted_wallet(&req.wallet_id) {
            return Some(code::BLOCKLIST_WALLET);
        }
        let Some(rate) = usd_rate(&req.coin) else {
            return Some(code::TOKEN_NOT_SUPPORTED);
        };

        let mut total = Decimal::ZERO;
        let mut per_user: Vec<(&str, Decimal)> = Vec::new();
        for o in &req.outputs {
            let usd = o.amount.saturating_mul(rate);
            total = total.saturating_add(usd);
            match per_user.iter_mut().find(|(u, _)| *u == o.user_id) {
                Some((_, sum)) => *sum = sum.saturating_add(usd),
                None => per_user.push((&o.user_id, usd)),
            }
        }
        if total > Decimal::from(ORGANISATION_TRANSACTION_LIMIT_USD) {
            return Some(code::ORGANISATION_TRANSACTION_LIMIT);
        }
        for &(user, usd) in &per_user {
            let Some(Some(level)) = self.users.get(user).copied() else {
                continue;
            };
            if usd > level {
                return Some(code::USER_TRANSACTION_LIMIT);
            }
            if let Some(t) = self.user_totals.get_mut(user) {
                if t.hour.total(now, HOUR).saturating_add(usd) > level {
                    return Some(code::USER_HOURLY_LIMIT);
                }
                let daily = level.saturating_mul(Decimal::from(USER_DAILY_LEVEL_MULTIPLE));
                if t.day.total(now, DAY).saturating_add(usd) > daily {
                    return Some(code::USER_DAILY_LIMIT);
                }
            }
        }
        let (hourly, daily) = match self.wallet_totals.get_mut(&req.wallet_id) {
            Some(w) => (w.hour.total(now, HOUR), w.day.total(now, DAY)),
            None => (Decimal::ZERO, Decimal::ZERO),
        };
        if hourly.saturating_add(total) > Decimal::from(WALLET_HOURLY_LIMIT_USD) {
            return Some(code::WALLET_HOURLY_LIMIT);
        }
        if daily.saturating_add(total) > Decimal::from(WALLET_DAILY_LIMIT_USD) {
            return Some(code::WALLET_DAILY_LIMIT);
        }

        count(&mut self.wallet_totals, &req.wallet_id, now, total);
        for (user, usd) in per_user {
            count(&mut self.user_totals, user, now, usd);
        }
        None
    }
}
