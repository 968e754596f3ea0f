//! CoinCover's wire format: request validation and the error answer.

use super::*;

/// A 400 naming the field.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) field: String,
    pub(crate) problem: String,
}

impl ApiError {
    pub(crate) fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        ApiError {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        message(
            StatusCode::BAD_REQUEST,
            &format!("{}: {}", self.field, self.problem),
        )
    }
}

/// The top-level fields of a JSON object, or a 400 naming `what`.
pub(crate) fn parse_object<'a>(json: &'a [u8], what: &str) -> Result<Fields<'a>, ApiError> {
    read_object(json).map_err(|e| match e {
        NotAnObject::NotAnObject => ApiError::new(what, "must be a JSON object"),
        NotAnObject::Malformed(e) => ApiError::new(what, format!("malformed JSON: {e}")),
    })
}

pub(crate) fn optional_text(
    fields: &Fields,
    name: &str,
    path: &str,
) -> Result<Option<String>, ApiError> {
    let Some(raw) = field(fields, name) else {
        return Ok(None);
    };
    let text: String =
        serde_json::from_str(raw.get()).map_err(|_| ApiError::new(path, "must be a string"))?;
    if text.trim().is_empty() {
        return Err(ApiError::new(path, "must not be blank"));
    }
    if text.chars().count() > MAX_TEXT_LEN {
        return Err(ApiError::new(
            path,
            format!("must be at most {MAX_TEXT_LEN} characters"),
        ));
    }
    Ok(Some(text))
}

pub(crate) fn required_text(fields: &Fields, name: &str, path: &str) -> Result<String, ApiError> {
    optional_text(fields, name, path)?.ok_or_else(|| ApiError::new(path, "is required"))
}

pub(crate) fn optional_country(fields: &Fields, name: &str) -> Result<Option<String>, ApiError> {
    optional_text(fields, name, name)?
        .map(|code| {
            if countries::is_alpha2(&code) {
                Ok(code)
            } else {
                Err(ApiError::new(name, "must be an ISO 3166-1 alpha-2 code"))
            }
        })
        .transpose()
}

pub(crate) fn optional_date(fields: &Fields, name: &str) -> Result<Option<String>, ApiError> {
    optional_text(fields, name, name)?
        .map(|text| {
            if is_date(&text) {
                Ok(text)
            } else {
                Err(ApiError::new(name, "must be a date written YYYY-MM-DD"))
            }
        })
        .transpose()
}

/// A CoinGecko coin id: 1 to 100 of lower-case letters, digits, `-`, `.`, `_`, not starting
/// with `-`.
pub(crate) fn is_coin_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('-')
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'_')
        })
}

/// Validates a check: [`fast_check`] for a well-formed one, else the field-by-field reading
/// of [`read_check`], whose first failure is the answer.
pub(crate) fn parse_check(body: &[u8]) -> Result<CheckRequest, ApiError> {
    match fast_check(body) {
        Some(req) => Ok(req),
        None => read_check(body),
    }
}

/// A check as serde's derive reads it in one pass, strings borrowed unless escaped.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CheckWire<'a> {
    #[serde(borrow)]
    transaction_customer_id: Cow<'a, str>,
    #[serde(borrow, default)]
    transaction_hash: Option<Cow<'a, str>>,
    #[serde(borrow)]
    coin: Cow<'a, str>,
    #[serde(borrow)]
    wallet_id: Cow<'a, str>,
    #[serde(borrow)]
    outputs: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OutputWire<'a> {
    #[serde(borrow)]
    destination: Cow<'a, str>,
    #[serde(borrow)]
    amount: &'a RawValue,
    #[serde(borrow)]
    user_id: Cow<'a, str>,
}

/// The check when it passes every rule of [`read_check`] with the same result; `None` for
/// anything else (a missing, null or mistyped field, a repeated key, an array where an
/// object belongs, a value out of bounds, malformed JSON), which [`read_check`] then reads
/// again to name the problem exactly as it always has.
fn fast_check(body: &[u8]) -> Option<CheckRequest> {
    // Serde's derive would also read a struct from an array: only objects are checks.
    fn is_object(json: &[u8]) -> bool {
        json.trim_ascii_start().first() == Some(&b'{')
    }
    fn text(t: Cow<'_, str>) -> Option<String> {
        (!t.trim().is_empty() && t.chars().count() <= MAX_TEXT_LEN).then(|| t.into_owned())
    }
    if !is_object(body) {
        return None;
    }
    let wire: CheckWire = serde_json::from_slice(body).ok()?;
    let transaction_customer_id = text(wire.transaction_customer_id)?;
    if let Some(hash) = wire.transaction_hash {
        text(hash)?;
    }
    let coin = text(wire.coin)?;
    if !is_coin_id(&coin) {
        return None;
    }
    let wallet_id = text(wire.wallet_id)?;
    if wire.outputs.is_empty() || wire.outputs.len() > MAX_OUTPUTS {
        return None;
    }
    let mut outputs = Vec::with_capacity(wire.outputs.len());
    for raw in wire.outputs {
        if !is_object(raw.get().as_bytes()) {
            return None;
        }
        let o: OutputWire = serde_json::from_str(raw.get()).ok()?;
        let destination = text(o.destination)?;
        if destination.starts_with(THREAT_PREFIX) && listed_destination(&destination).is_none() {
            return None;
        }
        if o.amount.get() == "null" {
            return None;
        }
        let amount = decimal_value(o.amount)?;
        if amount <= Decimal::ZERO {
            return None;
        }
        let user_id = text(o.user_id)?;
        outputs.push(Output {
            destination,
            amount,
            user_id,
        });
    }
    Some(CheckRequest {
        transaction_customer_id,
        coin,
        wallet_id,
        outputs,
    })
}

/// Validates a check field by field, in the documented order; the first failure is the
/// answer.
fn read_check(body: &[u8]) -> Result<CheckRequest, ApiError> {
    let fields = parse_object(body, "body")?;
    let transaction_customer_id =
        required_text(&fields, "transactionCustomerId", "transactionCustomerId")?;
    optional_text(&fields, "transactionHash", "transactionHash")?;
    let coin = required_text(&fields, "coin", "coin")?;
    if !is_coin_id(&coin) {
        return Err(ApiError::new(
            "coin",
            "must be a CoinGecko coin id such as \"bitcoin-cash\" (lower case, not a ticker)",
        ));
    }
    let wallet_id = required_text(&fields, "walletId", "walletId")?;

    let raw_outputs =
        field(&fields, "outputs").ok_or_else(|| ApiError::new("outputs", "is required"))?;
    let raw_outputs: Vec<&RawValue> = serde_json::from_str(raw_outputs.get())
        .map_err(|_| ApiError::new("outputs", "must be an array"))?;
    if raw_outputs.is_empty() {
        return Err(ApiError::new("outputs", "must have at least one output"));
    }
    if raw_outputs.len() > MAX_OUTPUTS {
        return Err(ApiError::new(
            "outputs",
            format!("must have at most {MAX_OUTPUTS} outputs"),
        ));
    }
    let mut outputs = Vec::with_capacity(raw_outputs.len());
    for (i, raw) in raw_outputs.iter().enumerate() {
        // Field paths (`outputs[0].amount`) are written only for an error.
        let output = parse_output(raw).map_err(|mut e| {
            e.field = if e.field.is_empty() {
                format!("outputs[{i}]")
            } else {
                format!("outputs[{i}].{}", e.field)
            };
            e
        })?;
        outputs.push(output);
    }
    Ok(CheckRequest {
        transaction_customer_id,
        coin,
        wallet_id,
        outputs,
    })
}

/// One output; errors name the field relative to the output (`""` for the output itself).
fn parse_output(raw: &RawValue) -> Result<Output, ApiError> {
    let o = parse_object(raw.get().as_bytes(), "")?;
    let destination = required_text(&o, "destination", "destination")?;
    if destination.starts_with(THREAT_PREFIX) && listed_destination(&destination).is_none() {
        return Err(ApiError::new(
            "destination",
            format!(
                "{THREAT_PREFIX} addresses must name a documented threat code, such as {THREAT_PREFIX}50101"
            ),
        ));
    }
    let amount = field(&o, "amount").ok_or_else(|| ApiError::new("amount", "is required"))?;
    let amount = decimal_value(amount).ok_or_else(|| {
        ApiError::new(
            "amount",
            "must be a decimal amount, as a string (\"356\") or a number",
        )
    })?;
    if amount <= Decimal::ZERO {
        return Err(ApiError::new("amount", "must be greater than zero"));
    }
    let user_id = required_text(&o, "userId", "userId")?;
    Ok(Output {
        destination,
        amount,
        user_id,
    })
}

/// Validates a registration; returns the user id.
pub(crate) fn parse_create_user(body: &[u8]) -> Result<String, ApiError> {
    let fields = parse_object(body, "body")?;
    let user_id = required_text(&fields, "userId", "userId")?;
    required_text(&fields, "firstName", "firstName")?;
    required_text(&fields, "lastName", "lastName")?;
    optional_date(&fields, "dob")?;
    optional_country(&fields, "residenceCountry")?
        .ok_or_else(|| ApiError::new("residenceCountry", "is required"))?;
    optional_country(&fields, "nationality")?;
    Ok(user_id)
}

pub(crate) fn parse_update_user(body: &[u8]) -> Result<(), ApiError> {
    let fields = parse_object(body, "body")?;
    optional_text(&fields, "firstName", "firstName")?;
    optional_text(&fields, "lastName", "lastName")?;
    optional_country(&fields, "residenceCountry")?;
    optional_date(&fields, "dob")?;
    Ok(())
}

/// Validates a plan body; returns `levelUsd` when present.
pub(crate) fn parse_plan(body: &[u8]) -> Result<Option<Decimal>, ApiError> {
    let fields = parse_object(body, "body")?;
    let Some(raw) = field(&fields, "levelUsd") else {
        return Ok(None);
    };
    let level = is_number(raw)
        .then(|| decimal(raw.get()))
        .flatten()
        .ok_or_else(|| ApiError::new("levelUsd", "must be a number of US dollars, such as 1000"))?;
    if level <= Decimal::ZERO {
        return Err(ApiError::new("levelUsd", "must be greater than zero"));
    }
    Ok(Some(level))
}

pub(crate) fn path_user_id(
    user_id: Result<Path<String>, PathRejection>,
) -> Result<String, ApiError> {
    let Path(user_id) =
        user_id.map_err(|_| ApiError::new("userId", "is not a valid path segment"))?;
    if user_id.trim().is_empty() {
        return Err(ApiError::new("userId", "must not be blank"));
    }
    if user_id.chars().count() > MAX_TEXT_LEN {
        return Err(ApiError::new(
            "userId",
            format!("must be at most {MAX_TEXT_LEN} characters"),
        ));
    }
    Ok(user_id)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The fast path answers exactly what the field-by-field reading answers, or leaves the
    /// body to it.
    fn check(body: &str) {
        let fast = fast_check(body.as_bytes());
        let read = read_check(body.as_bytes());
        match (&fast, &read) {
            (Some(f), Ok(r)) => {
                assert_eq!(
                    f.transaction_customer_id, r.transaction_customer_id,
                    "{body}"
                );
                assert_eq!(f.coin, r.coin, "{body}");
                assert_eq!(f.wallet_id, r.wallet_id, "{body}");
                assert_eq!(f.outputs.len(), r.outputs.len(), "{body}");
                for (a, b) in f.outputs.iter().zip(&r.outputs) {
                    assert_eq!(a.destination, b.destination, "{body}");
                    assert_eq!(a.amount.to_string(), b.amount.to_string(), "{body}");
                    assert_eq!(a.user_id, b.user_id, "{body}");
                }
            }
            (None, Err(_)) => {}
            (None, Ok(_)) => {} // slower, same answer
            (Some(_), Err(e)) => panic!("the fast path accepted {body}, refused with {e:?}"),
        }
    }

    #[test]
    fn the_fast_path_accepts_only_what_the_field_reading_accepts() {
        let output = r#"{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"0.01","userId":"u-1"}"#;
        let ok = |outputs: &str| {
            format!(
                r#"{{"transactionCustomerId":"tx-1","coin":"bitcoin","walletId":"w-1","outputs":[{outputs}]}}"#
            )
        };
        assert!(fast_check(ok(output).as_bytes()).is_some());
        for body in [
            ok(output),
            ok(&format!("{output},{output}")),
            ok(r#"{"destination":"d\u0031","amount":1e-8,"userId":"u\n1","extra":[1,{"a":null}]}"#),
            ok(r#"["d","0.01","u"]"#),
            ok(r#"{"destination":"d","amount":null,"userId":"u"}"#),
            ok(r#"{"destination":"d","amount":"0","userId":"u"}"#),
            ok(r#"{"destination":"d","amount":"-1","userId":"u"}"#),
            ok(r#"{"destination":"d","amount":true,"userId":"u"}"#),
            ok(r#"{"destination":"d","amount":"1","amount":"2","userId":"u"}"#),
            ok(r#"{"destination":"SANDBOX-THREAT-1","amount":"1","userId":"u"}"#),
            ok(r#"{"destination":"SANDBOX-THREAT-50101","amount":"1","userId":"u"}"#),
            ok(r#"{"destination":" ","amount":"1","userId":"u"}"#),
            ok(r#"{"destination":"d","amount":"1"}"#),
            ok(""),
            format!(r#"["tx-1",null,"bitcoin","w-1",[{output}]]"#),
            format!(
                r#"{{"transactionCustomerId":"tx-1","transactionCustomerId":"tx-2","coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#
            ),
            format!(
                r#"{{"transactionCustomerId":"tx-1","transactionHash":null,"coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#
            ),
            format!(
                r#"{{"transactionCustomerId":"tx-1","transactionHash":"","coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#
            ),
            format!(
                r#"{{"transactionCustomerId":"tx-1","transactionHash":7,"coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#
            ),
            format!(
                r#"{{"transactionCustomerId":"tx-1","coin":"BTC","walletId":"w-1","outputs":[{output}]}}"#
            ),
            format!(
                r#"{{"transactionCustomerId":"{}","coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#,
                "x".repeat(MAX_TEXT_LEN + 1)
            ),
            format!(
                r#"{{"transactionCustomerId":null,"coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#
            ),
            format!(r#"{{"coin":"bitcoin","walletId":"w-1","outputs":[{output}]}}"#),
            format!(
                r#"{{"transactionCustomerId":"tx-1","coin":"bitcoin","walletId":"w-1","outputs":{output}}}"#
            ),
            format!(
                r#"{{"transactionCustomerId":"tx-1","coin":"bitcoin","walletId":"w-1","outputs":[{output}]}} x"#
            ),
            "[]".to_owned(),
            "{".to_owned(),
        ] {
            check(&body);
        }
    }
}
