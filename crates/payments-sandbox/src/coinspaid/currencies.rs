//! `currencies/list`, `currencies/pairs`, `accounts/list`.

use super::*;

pub(crate) fn currencies_list() -> Response {
    let rows: Vec<Value> = CURRENCIES
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "type": kind(c),
                "currency": c.code,
                "minimum_amount": c.minimum,
                "deposit_fee_percent": c.deposit_fee_percent,
                "withdrawal_fee_percent": c.withdrawal_fee_percent,
                "precision": c.precision,
            })
        })
        .collect();
    data(StatusCode::OK, Value::Array(rows))
}

pub(crate) fn pair_json(from: &CurrencyRow, to: &CurrencyRow) -> Value {
    let mut side = json!({
        "currency": from.code,
        "type": kind(from),
        "min_amount": fmt8(dec(from.minimum)),
    });
    if !from.fiat
        && let Some(obj) = side.as_object_mut()
    {
        obj.insert(
            "min_amount_deposit_with_exchange".to_owned(),
            Value::String(fmt8(dec(from.minimum))),
        );
    }
    json!({
        "currency_from": side,
        "currency_to": { "currency": to.code, "type": kind(to) },
        "rate_from": "1",
        "rate_to": fmt8(price(from, to)),
    })
}

pub(crate) fn pairs(fields: &Fields) -> Result<Response, ApiError> {
    let mut errors = Vec::new();
    let mut pick = |name: &str| match currency_field(fields, name) {
        Ok(c) => c,
        Err(e) => {
            errors.extend(e.fields);
            None
        }
    };
    let from = pick("currency_from");
    let to = pick("currency_to");
    if !errors.is_empty() {
        return Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            fields: errors,
        });
    }
    let rows: Vec<Value> = CURRENCIES
        .iter()
        .flat_map(|f| CURRENCIES.iter().map(move |t| (f, t)))
        .filter(|(f, t)| f.code != t.code)
        .filter(|(f, _)| from.is_none_or(|c| c.code == f.code))
        .filter(|(_, t)| to.is_none_or(|c| c.code == t.code))
        .map(|(f, t)| pair_json(f, t))
        .collect();
    Ok(data(StatusCode::OK, Value::Array(rows)))
}

pub(crate) fn accounts(sandbox: &Sandbox) -> Response {
    let state = sandbox.lock();
    let rows: Vec<Value> = CURRENCIES
        .iter()
        .map(|c| {
            json!({
                "currency": c.code,
                "type": kind(c),
                "balance": fmt8(state.coinspaid.balance(c)),
            })
        })
        .collect();
    data(StatusCode::OK, Value::Array(rows))
}
