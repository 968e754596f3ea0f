//! KYC's JSON: the kyc-show object (#20) and the user-profile form (#71).

use serde_json::{Map, Value, json};

use super::*;
// ---------------------------------------------------------------------------------------
// The KYC object.
// ---------------------------------------------------------------------------------------

/// The two shapes of the KYC object (§2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// #20 (and #21, #24–#26): `rejectReason` where rejected, EDD range labels.
    Show,
    /// #71's `kyc`: `emailSent` flags, `tempFiles`, `eddData`, EDD values.
    Profile,
}

/// The `kyc` object of user-profile (#71).
pub(crate) fn profile_json(state: &CcproState, user: &str) -> Value {
    kyc_json(state, user, Form::Profile)
}

/// The KYC object of kyc-show (#20).
pub(crate) fn json(state: &CcproState, user: &str) -> Value {
    kyc_json(state, user, Form::Show)
}

pub(super) fn text_or_null(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::String(text.to_owned())
    }
}

pub(super) fn opt(text: Option<&String>) -> Value {
    text.map_or(Value::Null, |t| Value::String(t.clone()))
}

pub(super) fn status_json(review: &Review) -> Value {
    review
        .status
        .map_or(Value::Null, |s| Value::String(s.to_owned()))
}

/// `rejectReason` keyed by field (personal data, address).
pub(super) fn field_reasons(review: &Review) -> Value {
    let mut map = Map::new();
    for r in &review.rejected {
        map.insert(
            r.field.clone(),
            json!({ "code": r.code, "message": r.message }),
        );
    }
    Value::Object(map)
}

pub(super) fn kyc_json(state: &CcproState, user: &str, form: Form) -> Value {
    let kyc = read(state, user);
    let person = state.user(user).cloned().unwrap_or_default();
    let show = form == Form::Show;
    let next = kyc.next();
    let max = next.or(LEVELS.last()).map_or(0, |l| l.max);
    let link = |step: Step, path: &str| {
        if kyc.requires(step) {
            Value::String(format!("{CHECKOUT_BASE}/kyc/{path}/{user}"))
        } else {
            Value::String(String::new())
        }
    };

    let mut personal = json!({
        "required": kyc.requires(Step::Personal),
        "status": status_json(&kyc.personal),
        "firstName": text_or_null(&person.first_name),
        "lastName": text_or_null(&person.last_name),
        "dateOfBirth": date_seconds(&person.date_of_birth).map_or(Value::Null, Value::from),
    });
    let mut address = json!({
        "required": kyc.requires(Step::Address),
        "status": status_json(&kyc.address),
        "country": text_or_null(&person.country),
        "city": text_or_null(&person.city),
        "zip": text_or_null(&person.zip),
        "street": text_or_null(&person.street),
    });
    let mut documents = json!({
        "required": kyc.requires(Step::Documents),
        "extendedProofOfFunds": [],
    });
    for (slot, doc) in DOCUMENTS.iter().zip(&kyc.documents) {
        let mut item = json!({
            "status": status_json(&doc.review),
            "url": opt(doc.url.as_ref()),
        });
        if show && let Some(r) = doc.review.rejected.first() {
            item["rejectReason"] = json!({ "code": r.code, "message": r.message });
        }
        documents[*slot] = item;
    }
    let video = json!({
        "required": kyc.requires(Step::Video),
        "status": status_json(&kyc.video),
        "emailSent": kyc.video.email_sent,
        "videoFile": null,
        "scheduleDate": opt(kyc.schedule_date.as_ref()),
        "scheduleDateTimezone": if kyc.schedule_date.is_some() { json!("UTC") } else { Value::Null },
        "cancelScheduleUrl": null,
        "rescheduleUrl": null,
    });
    let answers = &kyc.answers;
    let submitted = kyc.edd.status.is_some();
    let mut edd = json!({
        "required": kyc.requires(Step::Edd),
        "status": status_json(&kyc.edd),
        "transactionsPurpose": opt(answers.purpose.as_ref()),
        "transactionsPurposeOther": opt(answers.purpose_other.as_ref()),
        "fundsSource": opt(answers.funds_source.as_ref()),
        "fundsSourceOther": opt(answers.funds_source_other.as_ref()),
        "fundsSourceFile": opt(answers.funds_source_file.as_ref()),
        "fundsOrigin": opt(answers.funds_origin.as_ref()),
        "fundsOriginOther": opt(answers.funds_origin_other.as_ref()),
        "fundsOriginFile": opt(answers.funds_origin_file.as_ref()),
        "createdAt": if submitted { Value::from(answers.created_at) } else { Value::Null },
    });
    let label = |labels: &[&str; 5], i: Option<usize>| {
        i.and_then(|i| labels.get(i.wrapping_sub(1)))
            .map_or(Value::Null, |l| Value::String((*l).to_owned()))
    };
    if show {
        edd["transactionsNatureValueField"] = label(&NATURE_VALUES, answers.nature_value);
        edd["transactionsNatureFrequencyField"] =
            label(&NATURE_FREQUENCIES, answers.nature_frequency);
        if !kyc.personal.rejected.is_empty() {
            personal["rejectReason"] = field_reasons(&kyc.personal);
        }
        if !kyc.address.rejected.is_empty() {
            address["rejectReason"] = field_reasons(&kyc.address);
        }
    } else {
        edd["emailSent"] = json!(kyc.edd.email_sent);
        edd["transactionsNatureValue"] = answers.nature_value.map_or(Value::Null, Value::from);
        edd["transactionsNatureFrequency"] =
            answers.nature_frequency.map_or(Value::Null, Value::from);
        edd["eddData"] = json!({
            "transactionsPurpose": PURPOSES,
            "transactionsNatureValue": NATURE_VALUES,
            "transactionsNatureFrequency": NATURE_FREQUENCIES,
            "fundsSource": FUNDS_SOURCES,
            "fundsOrigin": FUNDS_ORIGINS,
        });
        address["emailSent"] = json!(kyc.address.email_sent);
        documents["emailSent"] = json!(kyc.documents.iter().any(|d| d.review.email_sent));
        documents["tempFiles"] = json!([]);
    }
    json!({
        "required": kyc.required(),
        "status": kyc.status,
        "level": kyc.level_number(),
        "amounts": {
            "buy": amount(kyc.amounts_buy),
            "sell": amount(kyc.amounts_sell),
        },
        "amountsNextLevel": {
            "buy": max.to_string(),
            "sell": max.to_string(),
        },
        "links": {
            "address": link(Step::Address, "address"),
            "documents": link(Step::Documents, "documents"),
            "video": link(Step::Video, "video"),
            "enhancedDueDiligence": link(Step::Edd, "edd"),
        },
        "phone": {
            "required": kyc.requires(Step::Phone),
            "number": text_or_null(&person.phone),
            "isVerified": kyc.phone_verified,
        },
        "personal": personal,
        "address": address,
        "documents": documents,
        "video": video,
        "enhancedDueDiligence": edd,
        "createdAt": person.created_at,
    })
}
