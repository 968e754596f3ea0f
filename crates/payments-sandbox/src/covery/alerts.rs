//! Fraud alerts: the management routes, the control route and the signed callback.

use super::*;

/// A fraud alert, keys and order as in Covery's example.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FraudAlert {
    pub(crate) id: u64,
    pub(crate) source: String,
    pub(crate) external_id: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) state: String,
    pub(crate) card_bin: String,
    pub(crate) card_last4: String,
    pub(crate) alert_timestamp: i64,
    pub(crate) transaction_timestamp: i64,
    pub(crate) transaction_amount: f64,
    pub(crate) transaction_currency: String,
    #[serde(rename = "is3dSecure")]
    pub(crate) is_3d_secure: Option<bool>,
    pub(crate) arn: String,
    pub(crate) chargeback_amount: f64,
    pub(crate) chargeback_currency: String,
    pub(crate) chargeback_reason_code: String,
    pub(crate) merchant_descriptor: String,
}

impl FraudAlert {
    pub(crate) fn is_dispute(&self) -> bool {
        self.kind == "customerdispute_alert"
    }

    pub(crate) fn states(&self) -> &'static [&'static str] {
        if self.is_dispute() {
            CUSTOMER_DISPUTE_STATES
        } else {
            CONFIRMED_FRAUD_STATES
        }
    }
}

pub(crate) struct AlertEntry {
    pub(crate) alert: FraudAlert,
    pub(crate) confirmed: bool,
    pub(crate) refunded: Option<String>,
}

pub(crate) fn alert_id(fields: &Fields) -> Result<u64, ApiError> {
    let id = integer(fields, "id")?.ok_or_else(|| ApiError::invalid("Field id is mandatory"))?;
    u64::try_from(id).map_err(|_| ApiError::not_found(format!("Fraud alert {id} not found")))
}

pub(crate) fn alert_not_found(id: u64) -> ApiError {
    ApiError::not_found(format!("Fraud alert {id} not found"))
}

/// `api/manage/fraud/latest`: unconfirmed alerts, newest first.
pub(crate) fn latest(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let fields = parse_object(body, true)?;
    let limit = match integer(&fields, "limit")? {
        None => MAX_LATEST_LIMIT,
        Some(n) => u64::try_from(n)
            .ok()
            .filter(|n| (1..=MAX_LATEST_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::invalid(format!("Field limit must be 1 to {MAX_LATEST_LIMIT}"))
            })?,
    };
    let state = sandbox.lock();
    let alerts: Vec<&FraudAlert> = state
        .covery
        .alerts
        .values()
        .rev()
        .filter(|entry| !entry.confirmed)
        .map(|entry| &entry.alert)
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    Ok(ok_json(&alerts))
}

/// `api/manage/fraud/find`.
pub(crate) fn find(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let id = alert_id(&parse_object(body, false)?)?;
    let state = sandbox.lock();
    match state.covery.alerts.get(&id) {
        Some(entry) => Ok(ok_json(&entry.alert)),
        None => Err(alert_not_found(id)),
    }
}

/// `api/manage/fraud/confirm`: idempotent; confirmed alerts leave `latest`.
pub(crate) fn confirm(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let id = alert_id(&parse_object(body, false)?)?;
    let mut state = sandbox.lock();
    match state.covery.alerts.get_mut(&id) {
        Some(entry) => {
            entry.confirmed = true;
            Ok(no_content())
        }
        None => Err(alert_not_found(id)),
    }
}

/// `api/manage/fraud/feedback`: moves an open alert to a state of its type.
pub(crate) fn feedback(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let fields = parse_object(body, false)?;
    let id = alert_id(&fields)?;
    let result =
        text(&fields, "result")?.ok_or_else(|| ApiError::invalid("Field result is mandatory"))?;
    let refunded = text(&fields, "refunded")?;
    if let Some(r) = &refunded
        && !REFUNDED_VALUES.contains(&r.as_str())
    {
        return Err(ApiError::invalid(format!(
            "Field refunded must be one of {}",
            REFUNDED_VALUES.join(", ")
        )));
    }
    let mut state = sandbox.lock();
    let entry = state
        .covery
        .alerts
        .get_mut(&id)
        .ok_or_else(|| alert_not_found(id))?;
    let states = entry.alert.states();
    if result == "none" || !states.contains(&result.as_str()) {
        let allowed: Vec<&str> = states.iter().copied().filter(|s| *s != "none").collect();
        return Err(ApiError::invalid(format!(
            "Field result must be one of {} for a {} alert",
            allowed.join(", "),
            if entry.alert.is_dispute() {
                "customer dispute"
            } else {
                "confirmed fraud"
            }
        )));
    }
    if !OPEN_ALERT_STATES.contains(&entry.alert.state.as_str()) {
        return Err(ApiError::duplicate(
            format!(
                "Fraud alert {id} already has final state {}",
                entry.alert.state
            ),
            id,
        ));
    }
    entry.alert.state = result;
    if refunded.is_some() {
        entry.refunded = refunded;
    }
    Ok(no_content())
}

/// `POST /_sandbox/covery/fraud-alerts`: creates an alert (fields of the JSON body override
/// the defaults), answers 201 with it, and posts it to the callback URL if one is set.
pub(crate) async fn control_create_alert(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    let overrides = match parse_object(&body, true) {
        Ok(fields) => fields,
        Err(e) => return message(StatusCode::BAD_REQUEST, &e.message),
    };
    let now = i64::try_from(sandbox.now_secs()).unwrap_or(i64::MAX);
    let (alert, nonce) = {
        let mut state = sandbox.lock();
        let cv = &mut state.covery;
        let id = cv.alert_ids.next_serial();
        let token = cv.tokens.next_uuid().replace('-', "").to_ascii_uppercase();
        let digits: String = token.bytes().map(|b| char::from(b'0' + (b % 10))).collect();
        let alert = FraudAlert {
            id,
            source: "ethoca".to_owned(),
            external_id: token.chars().take(25).collect(),
            kind: "issuer_alert".to_owned(),
            state: "none".to_owned(),
            card_bin: "411111".to_owned(),
            card_last4: "1111".to_owned(),
            alert_timestamp: now,
            transaction_timestamp: now.saturating_sub(86_400),
            transaction_amount: 28.55,
            transaction_currency: "USD".to_owned(),
            is_3d_secure: None,
            arn: digits.chars().take(23).collect(),
            chargeback_amount: 0.0,
            chargeback_currency: String::new(),
            chargeback_reason_code: String::new(),
            merchant_descriptor: "SANDBOX".to_owned(),
        };
        let alert = match apply_overrides(alert, &overrides) {
            Ok(alert) => alert,
            Err(problem) => return message(StatusCode::BAD_REQUEST, &problem),
        };
        cv.alerts.insert(
            id,
            AlertEntry {
                alert: alert.clone(),
                confirmed: false,
                refunded: None,
            },
        );
        (alert, cv.tokens.next_uuid())
    };
    let response = json_response(StatusCode::CREATED, &alert);
    if let Ok(body) = serde_json::to_vec(&alert) {
        send_callback(&sandbox, Bytes::from(body), nonce);
    }
    response
}

pub(crate) const OVERRIDABLE: &[&str] = &[
    "source",
    "externalId",
    "type",
    "cardBin",
    "cardLast4",
    "alertTimestamp",
    "transactionTimestamp",
    "transactionAmount",
    "transactionCurrency",
    "is3dSecure",
    "arn",
    "chargebackAmount",
    "chargebackCurrency",
    "chargebackReasonCode",
    "merchantDescriptor",
];

pub(crate) fn apply_overrides(
    mut alert: FraudAlert,
    fields: &Fields,
) -> Result<FraudAlert, String> {
    let mut names: Vec<&str> = fields.keys().collect();
    names.sort();
    if let Some(unknown) = names.iter().find(|n| !OVERRIDABLE.contains(n)) {
        return Err(format!(
            "{unknown}: cannot be set; settable fields are {}",
            OVERRIDABLE.join(", ")
        ));
    }
    let string = |name: &str| -> Result<Option<String>, String> {
        field(fields, name)
            .map(|raw| {
                serde_json::from_str::<String>(raw).map_err(|_| format!("{name}: must be a string"))
            })
            .transpose()
    };
    let int = |name: &str| -> Result<Option<i64>, String> {
        field(fields, name)
            .map(|raw| {
                serde_json::from_str::<i64>(raw).map_err(|_| format!("{name}: must be an integer"))
            })
            .transpose()
    };
    let float = |name: &str| -> Result<Option<f64>, String> {
        field(fields, name)
            .map(|raw| match serde_json::from_str::<f64>(raw) {
                Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
                _ => Err(format!("{name}: must be a non-negative number")),
            })
            .transpose()
    };
    let targets: [(&str, &mut String); 10] = [
        ("source", &mut alert.source),
        ("externalId", &mut alert.external_id),
        ("type", &mut alert.kind),
        ("cardBin", &mut alert.card_bin),
        ("cardLast4", &mut alert.card_last4),
        ("transactionCurrency", &mut alert.transaction_currency),
        ("arn", &mut alert.arn),
        ("chargebackCurrency", &mut alert.chargeback_currency),
        ("chargebackReasonCode", &mut alert.chargeback_reason_code),
        ("merchantDescriptor", &mut alert.merchant_descriptor),
    ];
    for (name, target) in targets {
        if let Some(value) = string(name)? {
            *target = value;
        }
    }
    if !ALERT_TYPES.contains(&alert.kind.as_str()) {
        return Err(format!(
            "type: must be one of \"\", {}",
            ALERT_TYPES[1..].join(", ")
        ));
    }
    if let Some(v) = int("alertTimestamp")? {
        alert.alert_timestamp = v;
    }
    if let Some(v) = int("transactionTimestamp")? {
        alert.transaction_timestamp = v;
    }
    if let Some(v) = float("transactionAmount")? {
        alert.transaction_amount = v;
    }
    if let Some(v) = float("chargebackAmount")? {
        alert.chargeback_amount = v;
    }
    if let Some(raw) = field(fields, "is3dSecure") {
        alert.is_3d_secure = Some(
            serde_json::from_str::<bool>(raw)
                .map_err(|_| "is3dSecure: must be true, false or null".to_owned())?,
        );
    }
    Ok(alert)
}

/// Posts `body` to the configured callback URL from a spawned task, signed as Covery signs
/// callbacks. Failures are logged, never raised.
pub(crate) fn send_callback(sandbox: &Sandbox, body: Bytes, nonce: String) {
    let Some(url) = sandbox.config().callback_url.clone() else {
        return;
    };
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        tracing::warn!(target: "payments_sandbox", %url, "no Tokio runtime: Covery callback not sent");
        return;
    };
    let signature = sha256_hex(&[
        nonce.as_bytes(),
        &body,
        sandbox.credentials().covery_secret.as_bytes(),
    ]);
    runtime.spawn(async move {
        let Some(client) = callbacks::client("Covery") else {
            return;
        };
        let headers = [("X-Auth-Nonce", nonce), ("X-Auth-Signature", signature)];
        callbacks::post(&client, "Covery", &url, headers, body).await;
    });
}
