//! `addresses/take`.

use super::*;

pub(crate) fn address_json(
    a: &StoredAddress,
    with_foreign_id: bool,
    always_convert_to: bool,
) -> Value {
    let mut v = json!({ "id": a.id, "currency": a.currency.code });
    if let Some(obj) = v.as_object_mut() {
        if always_convert_to || a.convert_to.is_some() {
            obj.insert(
                "convert_to".to_owned(),
                a.convert_to.map_or(Value::Null, |c| Value::from(c.code)),
            );
        }
        obj.insert("address".to_owned(), Value::from(a.address.clone()));
        obj.insert("tag".to_owned(), Value::Null);
        if with_foreign_id {
            obj.insert("foreign_id".to_owned(), Value::from(a.foreign_id.clone()));
        }
    }
    v
}

pub(crate) fn take_address(sandbox: &Sandbox, fields: &Fields) -> Result<Response, ApiError> {
    let foreign_id = text(fields, "foreign_id")?;
    let currency = currency_field(fields, "currency")?;
    let (foreign_id, currency) = match (foreign_id, currency) {
        (Some(f), Some(c)) => (f, c),
        (None, Some(_)) => return Err(required("foreign_id")),
        (Some(_), None) => return Err(required("currency")),
        (None, None) => {
            let mut e = required("foreign_id");
            e.fields.extend(required("currency").fields);
            return Err(e);
        }
    };
    if currency.fiat {
        return Err(ApiError::field(
            "currency",
            "The selected currency is invalid.",
        ));
    }
    let convert_to = currency_field(fields, "convert_to")?;
    if convert_to.is_some_and(|c| c.code == currency.code) {
        return Err(ApiError::field(
            "convert_to",
            "The selected convert to is invalid.",
        ));
    }
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let key = (
        foreign_id.clone(),
        currency.code,
        convert_to.map(|c| c.code),
    );
    let index = match cp.by_key.get(&key) {
        Some(&i) => i,
        None => {
            let address = cp.new_address(currency);
            let id = cp.address_ids.next_serial();
            cp.addresses.push(StoredAddress {
                id,
                currency,
                convert_to,
                address: address.clone(),
                foreign_id,
                fixation: None,
            });
            let i = cp.addresses.len() - 1;
            cp.by_key.insert(key, i);
            cp.by_address.insert(address, i);
            i
        }
    };
    let body = cp
        .addresses
        .get(index)
        .map_or(Value::Null, |a| address_json(a, true, true));
    Ok(data(StatusCode::CREATED, body))
}
