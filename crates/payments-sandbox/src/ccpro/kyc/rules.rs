//! KYC's validation rules (the docs' Laravel rules), dates, and storing what passed.

use super::*;
// ---------------------------------------------------------------------------------------
// Validation helpers (the docs' rules, Laravel's messages).
// ---------------------------------------------------------------------------------------

pub(super) fn max_191(check: &mut Check<'_>, name: &str, value: Option<&str>) {
    if value.is_some_and(|v| v.chars().count() > 191) {
        check.fail(
            name,
            &format!("The {name} may not be greater than 191 characters."),
        );
    }
}

/// `countryISOCode`: an assigned ISO 3166 alpha-2 code.
pub(super) fn country(check: &mut Check<'_>, name: &str) -> Option<String> {
    let value = check.required(name)?;
    if is_alpha2(value) {
        Some(value.to_owned())
    } else {
        check.fail(
            name,
            &format!("The {name} must be a valid ISO country code."),
        );
        None
    }
}

/// `alpha_num|between:4,10`.
pub(super) fn zip(check: &mut Check<'_>, name: &str) -> Option<String> {
    let value = check.required(name)?;
    let mut ok = true;
    if !value.chars().all(char::is_alphanumeric) {
        check.fail(
            name,
            &format!("The {name} may only contain letters and numbers."),
        );
        ok = false;
    }
    if !(4..=10).contains(&value.chars().count()) {
        check.fail(
            name,
            &format!("The {name} must be between 4 and 10 characters."),
        );
        ok = false;
    }
    ok.then(|| value.to_owned())
}

/// The address fields of #21 and #23 (`alpha_dash` on the city only for #23).
pub(super) fn address_fields(
    check: &mut Check<'_>,
    prefix: &str,
    city_alpha_dash: bool,
) -> Option<[String; 4]> {
    let name = |n: &str| format!("{prefix}{n}");
    let country = country(check, &name("country"));
    let city = check.required(&name("city"));
    max_191(check, &name("city"), city);
    if city_alpha_dash
        && city.is_some_and(|c| {
            !c.chars()
                .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
        })
    {
        check.fail(
            &name("city"),
            &format!(
                "The {} may only contain letters, numbers, dashes and underscores.",
                name("city")
            ),
        );
    }
    let zip = zip(check, &name("zip"));
    let street = check.required(&name("street"));
    max_191(check, &name("street"), street);
    Some([country?, city?.to_owned(), zip?, street?.to_owned()])
}

/// An option of `allowed`, by name or by its 1-based position (the docs' examples send
/// `"fundsSource":"1"`).
pub(super) fn option(
    check: &mut Check<'_>,
    name: &str,
    allowed: &[&str],
    required: bool,
) -> Option<String> {
    let value = if required {
        check.required(name)?
    } else {
        check.optional(name)?
    };
    if allowed.contains(&value) {
        return Some(value.to_owned());
    }
    let by_position = value
        .parse::<usize>()
        .ok()
        .and_then(|i| allowed.get(i.wrapping_sub(1)));
    match by_position {
        Some(v) => Some((*v).to_owned()),
        None => {
            check.fail(name, &format!("The selected {name} is invalid."));
            None
        }
    }
}

/// `in:1,2,3,4,5`.
pub(super) fn one_to_five(check: &mut Check<'_>, name: &str, required: bool) -> Option<usize> {
    let value = if required {
        check.required(name)?
    } else {
        check.optional(name)?
    };
    match value.parse::<usize>() {
        Ok(n) if (1..=5).contains(&n) => Some(n),
        _ => {
            check.fail(name, &format!("The selected {name} is invalid."));
            None
        }
    }
}

/// `required_if:<of>,other|max:191`.
pub(super) fn other_text(
    check: &mut Check<'_>,
    name: &str,
    of: &str,
    chosen: Option<&str>,
) -> Option<String> {
    let value = check.optional(name);
    if chosen == Some("other") && value.is_none() {
        check.fail(
            name,
            &format!("The {name} field is required when {of} is other."),
        );
    }
    max_191(check, name, value);
    value.map(str::to_owned)
}

/// A stored file's URL.
pub(super) fn file_url(state: &mut CcproState, file: &Upload) -> String {
    let ext = match file.sniff() {
        Some("jpeg") => "jpg",
        Some(kind) => kind,
        None => "bin",
    };
    format!("{FILES_BASE}/{}.{ext}", state.uuid())
}

/// The EDD answers of #26 (`prefix` "") or of #21 (`prefix` "edd.", every field optional).
pub(super) struct EddInput<'a> {
    purpose: Option<String>,
    purpose_other: Option<String>,
    nature_value: Option<usize>,
    nature_frequency: Option<usize>,
    funds_source: Option<String>,
    funds_source_other: Option<String>,
    funds_source_file: Option<&'a Upload>,
    funds_origin: Option<String>,
    funds_origin_other: Option<String>,
    funds_origin_file: Option<&'a Upload>,
}

pub(super) fn edd_fields<'a>(check: &mut Check<'a>, prefix: &str, required: bool) -> EddInput<'a> {
    let name = |n: &str| format!("{prefix}{n}");
    let purpose = option(check, &name("transactionsPurpose"), &PURPOSES, required);
    let purpose_other = other_text(
        check,
        &name("transactionsPurposeOther"),
        "transactionsPurpose",
        purpose.as_deref(),
    );
    let nature_value = one_to_five(check, &name("transactionsNatureValue"), required);
    let nature_frequency = one_to_five(check, &name("transactionsNatureFrequency"), required);
    let funds_source = option(check, &name("fundsSource"), &FUNDS_SOURCES, required);
    let funds_source_other = other_text(
        check,
        &name("fundsSourceOther"),
        "fundsSource",
        funds_source.as_deref(),
    );
    let funds_source_file = check.file(&name("fundsSourceFile"), required, IMAGES);
    let funds_origin = option(check, &name("fundsOrigin"), &FUNDS_ORIGINS, required);
    let funds_origin_other = other_text(
        check,
        &name("fundsOriginOther"),
        "fundsOrigin",
        funds_origin.as_deref(),
    );
    let funds_origin_file = check.file(&name("fundsOriginFile"), required, IMAGES);
    EddInput {
        purpose,
        purpose_other,
        nature_value,
        nature_frequency,
        funds_source,
        funds_source_other,
        funds_source_file,
        funds_origin,
        funds_origin_other,
        funds_origin_file,
    }
}

/// Stores EDD answers and submits the EDD for review.
pub(super) fn store_edd(state: &mut CcproState, user: &str, edd: &EddInput<'_>, now: u64) {
    let source_file = edd.funds_source_file.map(|f| file_url(state, f));
    let origin_file = edd.funds_origin_file.map(|f| file_url(state, f));
    let files = usize::from(source_file.is_some()) + usize::from(origin_file.is_some());
    let due = now + state.settings.review_delay_seconds;
    let kyc = record(state, user);
    kyc.answers = Edd {
        purpose: edd.purpose.clone(),
        purpose_other: edd.purpose_other.clone(),
        nature_value: edd.nature_value,
        nature_frequency: edd.nature_frequency,
        funds_source: edd.funds_source.clone(),
        funds_source_other: edd.funds_source_other.clone(),
        funds_source_file: source_file,
        funds_origin: edd.funds_origin.clone(),
        funds_origin_other: edd.funds_origin_other.clone(),
        funds_origin_file: origin_file,
        created_at: now,
    };
    kyc.uploads.extend(std::iter::repeat_n(now, files));
    kyc.edd.submit(due);
}

/// Keeps the address on the user and submits it for review.
pub(super) fn store_address(state: &mut CcproState, user: &str, fields: [String; 4], now: u64) {
    let [country, city, zip, street] = fields;
    if let Some(u) = state.user_mut(user) {
        u.country = country;
        u.city = city;
        u.zip = zip;
        u.street = street;
    }
    let due = now + state.settings.review_delay_seconds;
    record(state, user).address.submit(due);
}

/// Submits a document slot with its file.
pub(super) fn store_document(
    state: &mut CcproState,
    user: &str,
    slot: &str,
    file: &Upload,
    now: u64,
) {
    let url = file_url(state, file);
    let due = now + state.settings.review_delay_seconds;
    let kyc = record(state, user);
    kyc.uploads.push(now);
    if let Some(doc) = kyc.doc_mut(slot) {
        doc.review.submit(due);
        doc.url = Some(url);
    }
}

/// Ends a submission: reviews due now (a zero delay approves at once), the level, status.
pub(super) fn settle(state: &mut CcproState, user: &str, now: u64) {
    review_due(state, now);
    record(state, user).refresh();
}
