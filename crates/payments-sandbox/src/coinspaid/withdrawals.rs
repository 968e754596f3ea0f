//! `withdrawal/crypto`.

use super::*;

pub(crate) fn blockchain_tx(
    id: u64,
    c: &CurrencyRow,
    kind: &str,
    address: &str,
    amount: Decimal,
    txid: Option<String>,
    confirmations: Value,
) -> Value {
    json!({
        "id": id,
        "currency": c.code,
        "transaction_type": "blockchain",
        "type": kind,
        "address": address,
        "tag": null,
        "amount": fmt8(amount),
        "txid": txid,
        "confirmations": confirmations,
    })
}

pub(crate) fn exchange_tx(
    id: u64,
    from: &CurrencyRow,
    to: &CurrencyRow,
    amount: Decimal,
    to_amount: Decimal,
) -> Value {
    json!({
        "id": id,
        "currency": from.code,
        "currency_to": to.code,
        "transaction_type": "exchange",
        "type": "exchange",
        "amount": fmt8(amount),
        "amount_to": fmt8(to_amount),
    })
}

pub(crate) fn fee(kind: &str, c: &CurrencyRow, amount: Decimal) -> Value {
    json!({ "type": kind, "currency": c.code, "amount": fmt8(amount) })
}

pub(crate) fn sent(c: &CurrencyRow, amount: Decimal) -> Value {
    json!({ "currency": c.code, "amount": fmt8(amount) })
}

pub(crate) fn withdraw(sandbox: &Sandbox, fields: &Fields) -> Result<Response, ApiError> {
    let mut missing = Vec::new();
    for name in ["foreign_id", "amount", "currency", "address"] {
        if fields
            .get(name)
            .is_none_or(|raw| matches!(raw.get().trim(), "null" | "\"\""))
        {
            missing.extend(required(name).fields);
        }
    }
    if !missing.is_empty() {
        return Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            fields: missing,
        });
    }
    let foreign_id = required_text(fields, "foreign_id")?;
    let amount = required_amount(fields, "amount")?;
    let currency = required_currency(fields, "currency")?;
    let convert_to = currency_field(fields, "convert_to")?;
    let address = required_text(fields, "address")?;
    let _tag = text(fields, "tag")?;

    let receiver = match convert_to {
        Some(to) if to.fiat || to.code == currency.code => {
            return Err(ApiError::field(
                "convert_to",
                "The selected convert to is invalid.",
            ));
        }
        Some(to) => to,
        None if currency.fiat => {
            return Err(ApiError::field(
                "convert_to",
                format!(
                    "The convert to field is required when currency is {}.",
                    currency.code
                ),
            ));
        }
        None => currency,
    };
    let minimum = dec(currency.minimum);
    if amount < minimum {
        return Err(ApiError::field(
            "amount",
            format!("The amount must be at least {}.", minimum.normalize()),
        ));
    }
    let exchanged = convert_to.is_some();
    let (debit, exchange_fee_amount, receiver_amount) = if exchanged {
        let fee = exchange_fee(amount);
        (
            amount,
            fee,
            round8((amount - fee) * price(currency, receiver)),
        )
    } else {
        (amount + dec(currency.network_fee), Decimal::ZERO, amount)
    };

    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    cp.debit_once(
        |cp| &mut cp.withdrawal_ids,
        &foreign_id,
        currency,
        debit,
        "amount",
    )?;
    let id = cp.operations.next_serial();
    let kind = if exchanged {
        "withdrawal_exchange"
    } else {
        "withdrawal"
    };
    let response = json!({
        "id": id,
        "foreign_id": foreign_id,
        "type": kind,
        "status": "processing",
        "amount": fmt8(amount),
        "sender_amount": fmt8(amount),
        "sender_currency": currency.code,
        "receiver_amount": fmt8(receiver_amount),
        "receiver_currency": receiver.code,
    });

    // Completion: confirmed, or cancelled (and refunded) for SANDBOX-CANCEL addresses.
    let address_id = cp.address_ids.next_serial();
    let mut crypto_address = json!({ "id": address_id, "currency": currency.code });
    if let Some(obj) = crypto_address.as_object_mut() {
        if let Some(to) = convert_to {
            obj.insert("convert_to".to_owned(), Value::from(to.code));
        }
        obj.insert("address".to_owned(), Value::from(address.clone()));
        obj.insert("tag".to_owned(), Value::Null);
    }
    let callback = if address.starts_with(CANCEL_ADDRESS_PREFIX) {
        cp.add(currency, debit);
        let tx_id = cp.transactions.next_serial();
        json!({
            "id": id,
            "foreign_id": foreign_id,
            "type": kind,
            "crypto_address": crypto_address,
            "transactions": [blockchain_tx(tx_id, receiver, "withdrawal", &address, receiver_amount, None, json!("0"))],
            "fees": [],
            "error": CANCEL_ERROR,
            "status": "cancelled",
        })
    } else {
        let mut transactions = Vec::new();
        let fees = if exchanged {
            let tx = cp.transactions.next_serial();
            transactions.push(exchange_tx(tx, currency, receiver, amount, receiver_amount));
            vec![fee("exchange", currency, exchange_fee_amount)]
        } else {
            vec![fee("mining", currency, dec(currency.network_fee))]
        };
        let tx_id = cp.transactions.next_serial();
        let txid = cp.txid(receiver);
        transactions.push(blockchain_tx(
            tx_id,
            receiver,
            "withdrawal",
            &address,
            receiver_amount,
            Some(txid),
            json!(CONFIRMATIONS),
        ));
        json!({
            "id": id,
            "foreign_id": foreign_id,
            "type": kind,
            "crypto_address": crypto_address,
            "currency_sent": sent(currency, amount),
            "currency_received": sent(receiver, receiver_amount),
            "transactions": transactions,
            "fees": fees,
            "error": "",
            "status": "confirmed",
        })
    };
    drop(state);
    emit(sandbox, vec![callback]);
    Ok(data(StatusCode::CREATED, response))
}
