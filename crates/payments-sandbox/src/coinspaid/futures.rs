//! `futures/rates` and `/futures/confirm`.

use super::*;

/// The sender amounts of the futures price table: the sender currency's minimum × 1, 10,
/// 100 and 1000.
pub(crate) fn levels(c: &CurrencyRow) -> Vec<Decimal> {
    let minimum = dec(c.minimum);
    [1u32, 10, 100, 1000]
        .iter()
        .map(|k| minimum * Decimal::from(*k))
        .collect()
}

pub(crate) fn prices_json(a: &StoredAddress) -> Value {
    let mut prices = serde_json::Map::new();
    if let Some(to) = a.convert_to {
        for (from, to) in [(a.currency, to), (to, a.currency)] {
            let p = price(from, to);
            let limits: serde_json::Map<String, Value> = levels(from)
                .into_iter()
                .map(|l| (fmt8(l), Value::from(fmt8(l * p))))
                .collect();
            prices.insert(
                format!("{}{}", from.code, to.code),
                json!({
                    "limits": limits,
                    "sender_currency": from.code,
                    "receiver_currency": to.code,
                }),
            );
        }
    }
    Value::Object(prices)
}

/// The exchangeable address named by the body's `address` (`by_address` indexes
/// `addresses`).
pub(crate) fn exchangeable<'a>(
    addresses: &'a mut [StoredAddress],
    by_address: &HashMap<String, usize>,
    fields: &Fields,
) -> Result<&'a mut StoredAddress, ApiError> {
    let address = required_text(fields, "address")?;
    let index = by_address
        .get(&address)
        .copied()
        .ok_or_else(|| ApiError::field("address", "The selected address is invalid."))?;
    match addresses.get_mut(index) {
        Some(a) if a.convert_to.is_some() => Ok(a),
        _ => Err(ApiError::field(
            "address",
            "The address is not exchangeable: take it with convert_to.",
        )),
    }
}

pub(crate) fn futures_rates(sandbox: &Sandbox, fields: &Fields) -> Result<Response, ApiError> {
    let _tag = text(fields, "tag")?;
    let now = sandbox.now_secs();
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let a = exchangeable(&mut cp.addresses, &cp.by_address, fields)?;
    if a.fixation.as_ref().is_none_or(|f| now >= f.ts_release) {
        a.fixation = Some(Fixation {
            ts_fixed: now,
            ts_release: now.saturating_add(FUTURES_FIX_PERIOD_SECS),
            confirmed: None,
        });
    }
    let (ts_fixed, ts_release) = a
        .fixation
        .as_ref()
        .map_or((now, now), |f| (f.ts_fixed, f.ts_release));
    let body = json!({
        "address": address_json(a, true, true),
        "ts_fixed": ts_fixed,
        "ts_release": ts_release,
        "fix_period": FUTURES_FIX_PERIOD_SECS,
        "seconds_left": ts_release.saturating_sub(now),
        "prices": prices_json(a),
        "limits": { "amount": FUTURES_LIMIT_EUR, "iso": "EUR" },
    });
    Ok(json_response(StatusCode::OK, &body))
}

#[derive(Serialize)]
pub(crate) struct Confirmation {
    pub(crate) sender_amount: Num,
    pub(crate) receiver_amount: Num,
    pub(crate) fee_amount: String,
    pub(crate) futures_id: u64,
    pub(crate) sender_currency: &'static str,
    pub(crate) receiver_currency: &'static str,
    pub(crate) fee_currency: &'static str,
    pub(crate) price: String,
    pub(crate) address: Value,
    pub(crate) ts_fixed: u64,
    pub(crate) ts_release: u64,
    pub(crate) fix_period: u64,
    pub(crate) seconds_left: u64,
}

pub(crate) fn futures_confirm(sandbox: &Sandbox, fields: &Fields) -> Result<Response, ApiError> {
    let _tag = text(fields, "tag")?;
    let (from, to) = pair_of(fields)?;
    let sender_amount = required_amount(fields, "sender_amount")?;
    let receiver_amount = required_amount(fields, "receiver_amount")?;
    let now = sandbox.now_secs();
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let a = exchangeable(&mut cp.addresses, &cp.by_address, fields)?;
    let pair_ok = a.convert_to.is_some_and(|c| {
        (from.code == a.currency.code && to.code == c.code)
            || (from.code == c.code && to.code == a.currency.code)
    });
    if !pair_ok {
        return Err(ApiError::field(
            "sender_currency",
            "Exchange is unavailable for given currencies",
        ));
    }
    let (ts_fixed, ts_release) = match a.fixation.as_ref() {
        Some(f) if now < f.ts_release => (f.ts_fixed, f.ts_release),
        _ => {
            return Err(ApiError::field(
                "address",
                "The futures rates have expired or were not fixed: call futures/rates again.",
            ));
        }
    };
    if sender_amount * dec(from.eur_rate) > Decimal::from(FUTURES_LIMIT_EUR) {
        return Err(ApiError::field(
            "sender_amount",
            format!("The limit for this operation is {FUTURES_LIMIT_EUR} EUR."),
        ));
    }
    let p = price(from, to);
    let most = round8(sender_amount * p);
    if receiver_amount > most {
        return Err(ApiError::field(
            "receiver_amount",
            format!(
                "The receiver amount may be at most {} at the fixed price {}.",
                fmt8(most),
                fmt8(p)
            ),
        ));
    }
    let futures_id = cp.futures_ids.next_serial();
    if let Some(f) = a.fixation.as_mut() {
        f.confirmed = Some(Futures {
            id: futures_id,
            sender: from,
            sender_amount,
            receiver_amount,
        });
    }
    let confirmation = Confirmation {
        sender_amount: num(sender_amount),
        receiver_amount: num(receiver_amount),
        fee_amount: fmt8(Decimal::ZERO),
        futures_id,
        sender_currency: from.code,
        receiver_currency: to.code,
        fee_currency: to.code,
        price: fmt8(p),
        address: address_json(a, true, true),
        ts_fixed,
        ts_release,
        fix_period: FUTURES_FIX_PERIOD_SECS,
        seconds_left: ts_release.saturating_sub(now),
    };
    Ok(json_response(StatusCode::OK, &Data { data: confirmation }))
}
