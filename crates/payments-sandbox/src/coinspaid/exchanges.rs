//! `exchange/calculate`, `exchange/fixed`, `exchange/now`.

use super::*;

/// The sender, receiver and their price; 400 when the pair is not exchangeable.
pub(crate) fn pair_of(
    fields: &Fields,
) -> Result<(&'static CurrencyRow, &'static CurrencyRow), ApiError> {
    let from = required_currency(fields, "sender_currency")?;
    let to = required_currency(fields, "receiver_currency")?;
    if from.code == to.code {
        return Err(ApiError::field(
            "sender_currency",
            "Exchange is unavailable for given currencies",
        ));
    }
    Ok((from, to))
}

pub(crate) fn check_minimum(name: &str, c: &CurrencyRow, amount: Decimal) -> Result<(), ApiError> {
    let minimum = dec(c.minimum);
    if amount < minimum {
        // The documented message ends with a space.
        return Err(ApiError::field(
            name,
            format!("The amount must be at least {} ", fmt8(minimum)),
        ));
    }
    Ok(())
}

#[derive(Serialize)]
pub(crate) struct Quote {
    pub(crate) sender_amount: Num,
    pub(crate) sender_currency: &'static str,
    pub(crate) receiver_amount: String,
    pub(crate) receiver_currency: &'static str,
    pub(crate) fee_amount: String,
    pub(crate) fee_currency: &'static str,
    pub(crate) price: String,
    pub(crate) ts_fixed: u64,
    pub(crate) ts_release: u64,
    pub(crate) fix_period: u64,
}

#[derive(Serialize)]
pub(crate) struct Data<T> {
    pub(crate) data: T,
}

pub(crate) fn calculate(sandbox: &Sandbox, fields: &Fields) -> Result<Response, ApiError> {
    let (from, to) = pair_of(fields)?;
    let sender_amount = amount(fields, "sender_amount")?;
    let receiver_amount = amount(fields, "receiver_amount")?;
    let p = price(from, to);
    let (sender, receiver) = match (sender_amount, receiver_amount) {
        (Some(_), Some(_)) => {
            return Err(ApiError::field(
                "sender_amount",
                "The sender amount field is prohibited when receiver amount is present.",
            ));
        }
        (None, None) => {
            return Err(ApiError::field(
                "sender_amount",
                "The sender amount field is required when receiver amount is not present.",
            ));
        }
        (Some(s), None) => (s, round8(s * p)),
        (None, Some(r)) => {
            if p.is_zero() {
                return Err(ApiError::field(
                    "sender_currency",
                    "Exchange is unavailable for given currencies",
                ));
            }
            (round8(r / p), r)
        }
    };
    let now = sandbox.now_secs();
    let quote = Quote {
        sender_amount: num(sender),
        sender_currency: from.code,
        receiver_amount: fmt8(receiver),
        receiver_currency: to.code,
        fee_amount: fmt8(exchange_fee(receiver)),
        fee_currency: to.code,
        price: fmt8(p),
        ts_fixed: now,
        ts_release: now.saturating_add(CALCULATE_FIX_PERIOD_SECS),
        fix_period: CALCULATE_FIX_PERIOD_SECS,
    };
    Ok(json_response(StatusCode::OK, &Data { data: quote }))
}

pub(crate) fn exchange(
    sandbox: &Sandbox,
    fields: &Fields,
    fixed: bool,
) -> Result<Response, ApiError> {
    let (from, to) = pair_of(fields)?;
    let sender_amount = required_amount(fields, "sender_amount")?;
    let foreign_id = required_text(fields, "foreign_id")?;
    let p = price(from, to);
    if fixed {
        let given = required_amount(fields, "price")?;
        if given != p {
            return Err(ApiError::field(
                "price",
                format!("The price has changed: the current price is {}.", fmt8(p)),
            ));
        }
    }
    check_minimum("sender_amount", from, sender_amount)?;
    let receiver_amount = round8(sender_amount * p);
    let fee_amount = exchange_fee(receiver_amount);
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    cp.debit_once(
        |cp| &mut cp.exchange_ids,
        &foreign_id,
        from,
        sender_amount,
        "sender_amount",
    )?;
    cp.add(to, receiver_amount - fee_amount);
    let id = cp.operations.next_serial();
    let tx = cp.transactions.next_serial();
    let response = json!({
        "id": id,
        "foreign_id": foreign_id,
        "type": "exchange",
        "sender_amount": fmt8(sender_amount),
        "sender_currency": from.code,
        "receiver_amount": fmt8(receiver_amount),
        "receiver_currency": to.code,
        "fee_amount": fmt8(fee_amount),
        "fee_currency": to.code,
        "price": fmt8(p),
        "status": "processing",
    });
    let callback = json!({
        "id": id,
        "type": "exchange",
        "currency_sent": sent(from, sender_amount),
        "currency_received": sent(to, receiver_amount - fee_amount),
        "transactions": [exchange_tx(tx, from, to, sender_amount, receiver_amount)],
        "fees": [fee("exchange", to, fee_amount)],
        "error": "",
        "status": "confirmed",
    });
    drop(state);
    emit(sandbox, vec![callback]);
    Ok(data(StatusCode::OK, response))
}
