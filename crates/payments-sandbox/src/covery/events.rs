//! `sendEvent`, `makeDecision` and `postback`.

use super::*;
use Kind::{Bool, Country, Currency, Int, Num, Seq, Str};
use Need::Req;

/// A validated event.
pub(crate) struct Event {
    pub(crate) kind: EventType,
    pub(crate) sequence_id: Option<String>,
    pub(crate) merchant_user_id: Option<String>,
    pub(crate) entry_id: Option<String>,
    pub(crate) failed_login: bool,
    pub(crate) amount_usd: Option<Decimal>,
    pub(crate) disposable_email: bool,
    pub(crate) country_mismatch: bool,
}

pub(crate) fn parse_event(body: &[u8]) -> Result<Event, ApiError> {
    let fields = parse_object(body, false)?;
    let type_name = match (text(&fields, "type")?, text(&fields, "event_type")?) {
        (Some(t), Some(e)) if t != e => {
            return Err(ApiError::invalid("Fields type and event_type disagree"));
        }
        (Some(t), _) | (None, Some(t)) => t,
        (None, None) => return Err(ApiError::invalid("Field type is mandatory")),
    };
    let kind = EventType::ALL
        .into_iter()
        .find(|k| k.name() == type_name)
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "Unknown event type {type_name:?}; expected one of install, registration, \
                 confirmation, login, transaction, refund, payout, transfer"
            ))
        })?;
    let spec = kind.spec();
    let mut countries: HashMap<&str, &'static str> = HashMap::new();
    for &(name, need, kind_of) in spec.iter().chain(DEVICE) {
        let present = field(&fields, name).is_some();
        if !present {
            if need == Req {
                return Err(ApiError::invalid(format!(
                    "Field {name} is mandatory for event type {}",
                    kind.name()
                )));
            }
            continue;
        }
        match kind_of {
            Str => {
                let value = text(&fields, name)?.unwrap_or_default();
                if need == Req && value.trim().is_empty() {
                    return Err(ApiError::invalid(format!("Field {name} must not be empty")));
                }
            }
            Seq => {
                let value = text(&fields, name)?.unwrap_or_default();
                let len = value.chars().count();
                if value.trim().is_empty() || len > MAX_SEQUENCE_ID_LEN {
                    return Err(ApiError::invalid(format!(
                        "Field {name} must be 1 to {MAX_SEQUENCE_ID_LEN} characters long, got {len}"
                    )));
                }
            }
            Int => {
                integer(&fields, name)?;
            }
            Num => {
                number(&fields, name)?;
            }
            Bool => {
                boolean(&fields, name)?;
            }
            Country => {
                let value = text(&fields, name)?.unwrap_or_default();
                let code = countries::alpha2_of_alpha3(&value)
                    .filter(|_| value.bytes().all(|b| b.is_ascii_lowercase()))
                    .ok_or_else(|| {
                        ApiError::invalid(format!(
                            "Field {name} must be an ISO 3166-1 alpha-3 code in lower case, \
                             such as usa"
                        ))
                    })?;
                countries.insert(name, code);
            }
            Currency => {
                let value = text(&fields, name)?.unwrap_or_default();
                if value.len() != 3 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(ApiError::invalid(format!(
                        "Field {name} must be a three-letter currency code, such as USD"
                    )));
                }
            }
        }
    }

    let amount_usd = match kind.amount_fields() {
        Some((amount, currency, converted)) => match number(&fields, converted)? {
            Some(usd) => Some(usd),
            None => {
                let rate = text(&fields, currency)?.and_then(|c| usd_rate(&c));
                match (number(&fields, amount)?, rate) {
                    (Some(amount), Some(rate)) => amount.checked_mul(rate),
                    _ => None,
                }
            }
        },
        None => None,
    };
    let mut disposable_email = false;
    for name in ["email", "second_email"] {
        if spec.iter().any(|(n, _, _)| *n == name)
            && let Some(email) = text(&fields, name)?
        {
            disposable_email |= is_disposable_email(&email);
        }
    }
    let country_mismatch = match (countries.get("billing_country"), countries.get("country")) {
        (Some(billing), Some(country)) => billing != country,
        _ => false,
    };
    Ok(Event {
        kind,
        sequence_id: text(&fields, "sequence_id")?,
        merchant_user_id: text(&fields, "user_merchant_id")?,
        entry_id: match kind.entry_field() {
            Some(name) => text(&fields, name)?,
            None => None,
        },
        failed_login: kind == EventType::Login && boolean(&fields, "login_failed")? == Some(true),
        amount_usd,
        disposable_email,
        country_mismatch,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EventResult {
    pub(crate) request_id: u64,
    #[serde(rename = "type")]
    pub(crate) kind: &'static str,
    pub(crate) created_at: f64,
    pub(crate) sequence_id: String,
    pub(crate) merchant_user_id: String,
}

#[derive(Serialize)]
pub(crate) struct DecisionResult {
    #[serde(flatten)]
    pub(crate) event: EventResult,
    pub(crate) score: u32,
    pub(crate) accept: bool,
    pub(crate) reject: bool,
    pub(crate) manual: bool,
    pub(crate) reason: String,
    pub(crate) action: &'static str,
}

/// `api/sendEvent` and, with `decide`, `api/makeDecision`.
pub(crate) fn event(sandbox: &Sandbox, body: &[u8], decide: bool) -> Outcome {
    let ev = parse_event(body)?;
    let now = sandbox.now_secs();
    let created_at = created_at(sandbox);
    let mut state = sandbox.lock();
    let cv = &mut state.covery;

    if let Some(seq) = &ev.sequence_id
        && let Some(history) = cv.sequences.get_mut(seq)
        && prune(&mut history.recent, now, SEQUENCE_WINDOW_SECS) >= MAX_EVENTS_PER_SEQUENCE
    {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ERROR_TOO_MANY,
            format!(
                "Too many requests with same sequence_id: at most {MAX_EVENTS_PER_SEQUENCE} \
                 per {SEQUENCE_WINDOW_SECS} seconds"
            ),
        ));
    }
    let entry_key = ev.entry_id.clone().map(|id| (ev.kind, id));
    if let Some(key) = &entry_key
        && let Some(&existing) = cv.entries.get(key)
    {
        let name = ev.kind.entry_field().unwrap_or("id");
        return Err(ApiError::duplicate(
            format!("Entry with {name} {:?} already exists", key.1),
            existing,
        ));
    }

    let request_id = cv.event_ids.next_serial();
    cv.events.insert(
        request_id,
        StoredEvent {
            postback: HashMap::new(),
        },
    );
    if let Some(key) = entry_key {
        cv.entries.insert(key, request_id);
    }
    let mut failed_logins = 0;
    if let Some(seq) = &ev.sequence_id {
        let history = cv.sequences.entry(seq.clone()).or_default();
        history.recent.push_back(now);
        if ev.failed_login {
            history.failed_logins.push_back(now);
        }
        failed_logins = prune(&mut history.failed_logins, now, FAILED_LOGIN_WINDOW_SECS);
    }
    drop(state);

    let result = EventResult {
        request_id,
        kind: ev.kind.name(),
        created_at,
        sequence_id: ev.sequence_id.unwrap_or_default(),
        merchant_user_id: ev.merchant_user_id.unwrap_or_default(),
    };
    if !decide {
        return Ok(ok_json(&result));
    }
    let scored = score(&Signals {
        amount_usd: ev.amount_usd,
        disposable_email: ev.disposable_email,
        country_mismatch: ev.country_mismatch,
        failed_logins,
    });
    Ok(ok_json(&DecisionResult {
        event: result,
        score: scored.score,
        accept: scored.accept(),
        reject: scored.reject(),
        manual: scored.manual(),
        reason: scored.reason(),
        action: scored.action(),
    }))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostbackResult {
    pub(crate) request_id: u64,
}

pub(crate) const POSTBACK_TEXT_FIELDS: &[&str] = &[
    "transaction_status",
    "code",
    "reason",
    "secure3d",
    "avs_result",
    "cvv_result",
    "psp_code",
    "psp_reason",
    "arn",
];

/// `api/postback`: by `request_id` when present, else by `transaction_id`.
pub(crate) fn postback(sandbox: &Sandbox, body: &[u8]) -> Outcome {
    let fields = parse_object(body, false)?;
    let request_id = integer(&fields, "request_id")?;
    let transaction_id = text(&fields, "transaction_id")?;
    let mut data = HashMap::new();
    for name in POSTBACK_TEXT_FIELDS {
        if let Some(value) = text(&fields, name)? {
            data.insert((*name).to_owned(), value);
        }
    }
    let mut state = sandbox.lock();
    let cv = &mut state.covery;
    let found = match (request_id, transaction_id) {
        (Some(id), _) => u64::try_from(id)
            .ok()
            .filter(|id| cv.events.contains_key(id))
            .ok_or_else(|| ApiError::not_found(format!("Event with request_id {id} not found")))?,
        (None, Some(tx)) => cv
            .entries
            .get(&(EventType::Transaction, tx.clone()))
            .copied()
            .ok_or_else(|| {
                ApiError::not_found(format!("Transaction with transaction_id {tx:?} not found"))
            })?,
        (None, None) => {
            return Err(ApiError::invalid(
                "One of fields request_id or transaction_id is mandatory",
            ));
        }
    };
    if let Some(event) = cv.events.get_mut(&found) {
        event.postback.extend(data);
    }
    drop(state);
    Ok(ok_json(&PostbackResult { request_id: found }))
}
