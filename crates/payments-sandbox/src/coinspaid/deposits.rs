//! The deposit control route.

use super::*;

/// `POST /_sandbox/coinspaid/deposits` with `{"address": "...", "amount": "0.01",
/// "currency": "BTC"}` (`currency` defaults to the address's): simulates a deposit to a taken
/// address. Creates the `deposit` callbacks `not_confirmed` then `confirmed` and, for an
/// address taken with `convert_to`, a `deposit_exchange` callback; credits the balance; and
/// answers 201 `{"callbacks": [...]}`. A bad body is 400 `{"message": "..."}`.
pub(crate) async fn control_deposit(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    match deposit(&sandbox, &body) {
        Ok(callbacks) => json_response(StatusCode::CREATED, &json!({ "callbacks": callbacks })),
        Err(problem) => message(StatusCode::BAD_REQUEST, &problem),
    }
}

pub(crate) fn deposit(sandbox: &Sandbox, body: &[u8]) -> Result<Vec<Value>, String> {
    let describe = |e: ApiError| {
        e.fields
            .into_iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let fields = parse_object(body).map_err(describe)?;
    let address = required_text(&fields, "address").map_err(describe)?;
    let amount = required_amount(&fields, "amount").map_err(describe)?;
    let currency = currency_field(&fields, "currency").map_err(describe)?;
    let now = sandbox.now_secs();

    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let index = cp
        .by_address
        .get(&address)
        .copied()
        .ok_or_else(|| format!("address: {address} was not taken with addresses/take"))?;
    let (row, convert_to, address_value, futures) = {
        let a = cp
            .addresses
            .get_mut(index)
            .ok_or_else(|| "address: unknown".to_owned())?;
        if let Some(c) = currency
            && c.code != a.currency.code
        {
            return Err(format!(
                "currency: the address takes {}, not {}",
                a.currency.code, c.code
            ));
        }
        // A confirmed, unexpired futures for exactly this amount fixes the conversion.
        let futures = match a.fixation.as_mut() {
            Some(f) if now < f.ts_release => match f.confirmed.take() {
                Some(fut) if fut.sender.code == a.currency.code && fut.sender_amount == amount => {
                    Some(fut)
                }
                other => {
                    f.confirmed = other;
                    None
                }
            },
            _ => None,
        };
        (
            a.currency,
            a.convert_to,
            address_json(a, true, false),
            futures,
        )
    };

    let id = cp.operations.next_serial();
    let tx_id = cp.transactions.next_serial();
    let txid = cp.txid(row);
    let deposit_fee = if convert_to.is_some() {
        Decimal::ZERO
    } else {
        round8(amount * dec(row.deposit_fee_percent) / Decimal::ONE_HUNDRED)
    };
    let deposit_callback = |status: &str, fee_amount: Decimal, confirmations: Value| {
        let fees: Vec<Value> = if status == "confirmed" && convert_to.is_none() {
            vec![fee("deposit", row, fee_amount)]
        } else {
            Vec::new()
        };
        json!({
            "id": id,
            "type": "deposit",
            "crypto_address": address_value.clone(),
            "currency_sent": sent(row, amount),
            "currency_received": {
                "currency": row.code,
                "amount": fmt8(amount),
                "amount_minus_fee": fmt8(amount - fee_amount),
            },
            "transactions": [blockchain_tx(tx_id, row, "deposit", &address, amount, Some(txid.clone()), confirmations)],
            "fees": fees,
            "error": "",
            "status": status,
        })
    };
    let mut callbacks = vec![
        deposit_callback("not_confirmed", Decimal::ZERO, json!("0")),
        deposit_callback("confirmed", deposit_fee, json!(CONFIRMATIONS)),
    ];
    match convert_to {
        None => cp.add(row, amount - deposit_fee),
        Some(to) => {
            let (converted, futures_id) = match futures {
                Some(f) => (f.receiver_amount, Some(f.id)),
                None => (round8(amount * price(row, to)), None),
            };
            let fee_amount = exchange_fee(converted);
            cp.add(to, converted - fee_amount);
            let exchange_id = cp.operations.next_serial();
            let exchange_tx_id = cp.transactions.next_serial();
            let mut callback = json!({
                "id": exchange_id,
                "type": "deposit_exchange",
                "crypto_address": address_value,
                "currency_sent": sent(row, amount),
                "currency_received": {
                    "currency": to.code,
                    "amount": fmt8(converted),
                    "amount_minus_fee": fmt8(converted - fee_amount),
                },
                "transactions": [
                    blockchain_tx(tx_id, row, "deposit", &address, amount, Some(txid.clone()), json!(CONFIRMATIONS)),
                    exchange_tx(exchange_tx_id, row, to, amount, converted),
                ],
                "fees": [fee("exchange", to, fee_amount)],
                "error": "",
                "status": "confirmed",
            });
            if let (Some(fid), Some(obj)) = (futures_id, callback.as_object_mut()) {
                obj.insert("futures_id".to_owned(), Value::from(fid));
            }
            callbacks.push(callback);
        }
    }
    drop(state);
    emit(sandbox, callbacks.clone());
    Ok(callbacks)
}
