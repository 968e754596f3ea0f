//! The KYC operations (#20–#29).

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::*;
// ---------------------------------------------------------------------------------------
// The operations.
// ---------------------------------------------------------------------------------------

/// kyc-show (#20).
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    ok(json(ctx.state, ctx.user_id()))
}

/// kyc-create (#21): the address, the documents and, when any `edd.*` is given, the EDD, in
/// one call; taken while the address step is required.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let address = address_fields(&mut check, "", false);
    let front = "documents.governmentIdFront";
    let back = "documents.governmentIdBack";
    let passport = "documents.passport";
    let has = |n: &str| ctx.input.has(n);
    for (name, without) in [(front, passport), (back, passport)] {
        if !has(name) && !has(without) {
            check.fail(
                name,
                &format!("The {name} field is required when {without} is not present."),
            );
        }
    }
    if !has(passport) && !has(front) && !has(back) {
        check.fail(
            passport,
            &format!("The {passport} field is required when none of {front} / {back} are present."),
        );
    }
    let mut files = Vec::new();
    for slot in DOCUMENTS {
        let name = format!("documents.{slot}");
        if let Some(file) = check.file(&name, false, IMAGES) {
            files.push((slot, file.clone()));
        }
    }
    let with_edd = ctx.input.names().any(|n| n.starts_with("edd."));
    let edd = edd_fields(&mut check, "edd.", false);
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Address) {
        return Err(not_required(
            "The KYC is not required at this point for current user.",
            &kyc,
            "address (kyc-create submits it)",
        ));
    }
    store_address(ctx.state, &user, address.unwrap_or_default(), ctx.now);
    for (slot, file) in &files {
        if kyc.doc_open(slot) {
            store_document(ctx.state, &user, slot, file, ctx.now);
        }
    }
    if with_edd && kyc.edd.open() {
        store_edd(ctx.state, &user, &edd, ctx.now);
    }
    settle(ctx.state, &user, ctx.now);
    created(json(ctx.state, &user))
}

/// kyc-personal-data (#22): the user's names and date of birth (and, as the User model
/// update it is, an `email`); taken at any time, (re)submitted for review.
pub(crate) fn personal_data(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let mut names = Vec::new();
    for name in ["firstName", "lastName"] {
        let value = check.required(name);
        if value.is_some_and(|v| !v.chars().all(|c| c.is_alphabetic() || c == ' ')) {
            check.fail(
                name,
                &format!("The {name} may only contain letters and spaces."),
            );
        }
        max_191(&mut check, name, value);
        names.push(value.unwrap_or_default().to_owned());
    }
    let limit = adult_limit(ctx.now);
    let birth = check.required("dateOfBirth");
    if let Some(date) = birth {
        if !is_date(date) {
            check.fail(
                "dateOfBirth",
                "The dateOfBirth does not match the format Y-m-d.",
            );
        } else if date > limit.as_str() {
            check.fail(
                "dateOfBirth",
                &format!("The dateOfBirth must be a date before or equal to {limit}."),
            );
        }
    }
    let email = check.email("email", false);
    if let Some(email) = email
        && ctx
            .state
            .user_by_email(email)
            .is_some_and(|other| other.id != user)
    {
        check.fail("email", "The email has already been taken.");
    }
    check.finish()?;
    let email = email.map(str::to_owned);
    let birth = birth.unwrap_or_default().to_owned();
    if let Some(u) = ctx.state.user_mut(&user) {
        u.first_name = names.first().cloned().unwrap_or_default();
        u.last_name = names.get(1).cloned().unwrap_or_default();
        u.date_of_birth = birth;
        if let Some(email) = email {
            u.email = email;
        }
    }
    let due = ctx.now + ctx.state.settings.review_delay_seconds;
    record(ctx.state, &user).personal.submit(due);
    settle(ctx.state, &user, ctx.now);
    Ok(super::respond(StatusCode::CREATED, &Value::Null))
}

/// kyc-address (#23), with an optional utility bill.
pub(crate) fn address(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let address = address_fields(&mut check, "", true);
    let bill = check.file("utilityBill", false, IMAGES_OR_PDF).cloned();
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Address) {
        return Err(not_required(
            "The KYC Address is not required at this point for current user.",
            &kyc,
            "address",
        ));
    }
    store_address(ctx.state, &user, address.unwrap_or_default(), ctx.now);
    if let Some(file) = bill
        && kyc.doc_open("utilityBill")
    {
        store_document(ctx.state, &user, "utilityBill", &file, ctx.now);
    }
    settle(ctx.state, &user, ctx.now);
    Ok(super::respond(StatusCode::OK, &Value::Null))
}

/// kyc-document (#24): one file into one slot (`type`; without it, the first slot the next
/// level needs), within the daily quota.
pub(crate) fn document(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let kind = check.one_of("type", &DOCUMENTS, false).map(str::to_owned);
    let file = check.file("file", true, IMAGES_OR_PDF).cloned();
    check.finish()?;
    let text = "The KYC Docs are not required at this point for current user.";
    let kyc = read(ctx.state, &user);
    let needed = kyc.documents_needed();
    let Some(&first) = needed.first() else {
        return Err(not_required(text, &kyc, "documents"));
    };
    let slot = kind.unwrap_or_else(|| first.to_owned());
    if !kyc.doc_open(&slot) {
        let status = kyc
            .doc(&slot)
            .and_then(|d| d.review.status)
            .unwrap_or(NOT_COMPLETED);
        return Err(ApiError::message(StatusCode::LOCKED, text).because(format!(
            "the {slot} document is already {status}; the documents still needed: {}",
            needed.join(", ")
        )));
    }
    let quota = ctx.state.settings.daily_document_quota as usize;
    let today = kyc.uploads_today(ctx.now);
    if today >= quota {
        return Err(ApiError::forbidden(
            "You have reach the maximum number of files uploaded/day.",
        )
        .because(format!(
            "{today} KYC files uploaded in the last 24 hours, the quota is daily_document_quota = {quota}"
        )));
    }
    if let Some(file) = file {
        store_document(ctx.state, &user, &slot, &file, ctx.now);
    }
    settle(ctx.state, &user, ctx.now);
    ok(json(ctx.state, &user))
}

/// kyc-video (#25): schedules the video call.
pub(crate) fn video(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let date = check.required("date").map(str::to_owned);
    let mut at = None;
    if let Some(date) = &date {
        match datetime_seconds(date) {
            None => check.fail("date", "The date does not match the format Y-m-d H:i:s."),
            Some(secs) if secs < i64::try_from(ctx.now).unwrap_or(i64::MAX) => {
                check.fail("date", "The date must be a date after or equal to now.");
            }
            Some(secs) => at = u64::try_from(secs).ok(),
        }
    }
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Video) {
        return Err(not_required(
            "The KYC Video is not required at this point for current user.",
            &kyc,
            "video",
        ));
    }
    if !ctx.state.settings.video_slots_available {
        return Err(ApiError::message(
            StatusCode::MISDIRECTED_REQUEST,
            "Selected date is invalid due admins unavailability.",
        )
        .because("no admin is free for a video call: video_slots_available is false in POST /_sandbox/ccpro/settings"));
    }
    let at = at.unwrap_or(ctx.now);
    let due = at + ctx.state.settings.review_delay_seconds;
    let kyc = record(ctx.state, &user);
    kyc.schedule_date = date;
    kyc.schedule_at = at;
    kyc.video.submit(due);
    settle(ctx.state, &user, ctx.now);
    ok(json(ctx.state, &user))
}

/// kyc-edd (#26).
pub(crate) fn edd(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let edd = edd_fields(&mut check, "", true);
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if !kyc.requires(Step::Edd) {
        return Err(not_required(
            "The KYC EDD is not required at this point for current user.",
            &kyc,
            "enhancedDueDiligence",
        ));
    }
    store_edd(ctx.state, &user, &edd, ctx.now);
    settle(ctx.state, &user, ctx.now);
    ok(json(ctx.state, &user))
}

/// The phone answer of #27–#29.
pub(super) fn phone_json(state: &CcproState, user: &str) -> Value {
    let kyc = read(state, user);
    let number = state
        .user(user)
        .map(|u| u.phone.clone())
        .unwrap_or_default();
    json!({
        "phone": text_or_null(&number),
        "status": u8::from(kyc.phone_verified),
        "createdAt": kyc.phone_added_at.unwrap_or_default(),
    })
}

/// kyc-phone-add (#27): takes the number and "sends" an SMS code (`smsCode` of
/// `GET /_sandbox/ccpro/users/{id}`).
pub(crate) fn phone_add(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let mut check = Check::new(&ctx.input);
    let phone = check.required("phone").map(str::to_owned);
    if let Some(p) = &phone {
        if !p.chars().all(|c| c.is_ascii_digit()) {
            check.fail("phone", "The phone must be a number.");
        } else if !(7..=15).contains(&p.len()) {
            check.fail("phone", "The phone must be between 7 and 15 digits.");
        }
    }
    // How the code is sent: the sandbox's own optional field, `sms` or `call`.
    check.one_of("type", &["sms", "call"], false);
    check.finish()?;
    let kyc = read(ctx.state, &user);
    if kyc.phone_verified {
        return Err(
            ApiError::message(StatusCode::LOCKED, "The phone number is already verified.")
                .because("the user's phone is verified; a number cannot be added again"),
        );
    }
    if kyc.phone_added_at.is_some() {
        return Err(ApiError::message(
            StatusCode::LOCKED,
            "You already submit your phone number.",
        )
        .because(
            "a number waits for its SMS code: verify it (kyc-phone-verify) or resend the code (kyc-phone-reverify)",
        ));
    }
    let code = ctx.state.code();
    if let Some(u) = ctx.state.user_mut(&user) {
        u.phone = format!("+{}", phone.unwrap_or_default());
        u.sms_code = code;
    }
    let kyc = record(ctx.state, &user);
    kyc.phone_added_at = Some(ctx.now);
    kyc.sms_sent_at = ctx.now;
    ok(phone_json(ctx.state, &user))
}

/// kyc-phone-verify (#28): the SMS code verifies the phone.
pub(crate) fn phone_verify(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let expected = ctx
        .state
        .user(&user)
        .map(|u| u.sms_code.clone())
        .unwrap_or_default();
    let mut check = Check::new(&ctx.input);
    let code = check.required("code");
    let wrong = code.is_some_and(|c| expected.is_empty() || c != expected);
    if wrong {
        check.fail("code", "The selected Code is invalid.");
    }
    let finished = check.finish();
    if wrong && let Err(error) = finished {
        let why = if expected.is_empty() {
            "no SMS code was sent: add a phone with kyc-phone-add first"
        } else {
            "the code is not the last SMS code (GET /_sandbox/ccpro/users/{id} shows smsCode)"
        };
        return Err(error.because(why));
    }
    finished?;
    let kyc = read(ctx.state, &user);
    if kyc.phone_verified {
        return Err(
            ApiError::message(StatusCode::LOCKED, "The phone number is already verified.")
                .because("the user's phone is verified already"),
        );
    }
    record(ctx.state, &user).phone_verified = true;
    settle(ctx.state, &user, ctx.now);
    ok(phone_json(ctx.state, &user))
}

/// kyc-phone-reverify (#29): a new SMS code, once per day.
pub(crate) fn phone_reverify(ctx: &mut Ctx<'_>) -> Reply {
    let user = ctx.user_id().to_owned();
    let kyc = read(ctx.state, &user);
    if kyc.phone_verified {
        return Err(
            ApiError::message(StatusCode::LOCKED, "The phone number is already verified.")
                .because("the user's phone is verified; there is no code to resend"),
        );
    }
    if kyc.phone_added_at.is_none() {
        return Err(invalid("phone", "The phone field is required.")
            .because("no phone number to resend a code to: add one with kyc-phone-add first"));
    }
    let next = kyc.sms_sent_at + 86_400;
    if ctx.now < next {
        return Err(ApiError::forbidden(
            "You can resubmit phone verification once per day.",
        )
        .because(format!(
            "the last SMS code was sent {} s ago; the next may be sent from {} (Unix seconds)",
            ctx.now - kyc.sms_sent_at,
            next
        )));
    }
    let code = ctx.state.code();
    if let Some(u) = ctx.state.user_mut(&user) {
        u.sms_code = code;
    }
    record(ctx.state, &user).sms_sent_at = ctx.now;
    ok(phone_json(ctx.state, &user))
}
