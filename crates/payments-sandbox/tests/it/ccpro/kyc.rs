//! CCPro KYC, notifications and checkouts: every documented status reached by its trigger,
//! the docs' request examples answered with the documented shapes.

use serde_json::{Value, json};

use super::support::*;

/// 2020-12-01T00:00:00Z: before the docs' video date (2020-12-30 12:00:00).
const DECEMBER_2020: u64 = 1_606_780_800;

/// The docs' example body of `operation` as multipart fields: nested names as `a[b]`, the
/// docs' file placeholders (`"image"`, `"File"`) as PNG files.
fn docs_form(operation: &str) -> Vec<(String, Option<String>)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, Option<String>)>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let name = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}[{k}]")
                    };
                    walk(&name, v, out);
                }
            }
            Value::String(s) if s == "image" || s == "File" => out.push((prefix.to_owned(), None)),
            Value::String(s) => out.push((prefix.to_owned(), Some(s.clone()))),
            other => out.push((prefix.to_owned(), Some(other.to_string()))),
        }
    }
    let mut out = Vec::new();
    walk("", &docs_request(operation)["body"], &mut out);
    out
}

fn parts(form: &[(String, Option<String>)]) -> Vec<Part<'_>> {
    form.iter()
        .map(|(name, value)| match value {
            Some(v) => Part::Text(name, v),
            None => Part::File(name, "file.png", "image/png", PNG),
        })
        .collect()
}

/// A multipart call of `user` to `/api/v1/user/{id}{path}`.
async fn upload(c: &Ccpro, u: &User, path: &str, parts: &[Part<'_>]) -> Reply {
    c.multipart(
        "POST",
        &format!("/api/v1/user/{}{path}", u.id),
        &u.token,
        parts,
    )
    .await
}

/// A document of `kind` uploaded through kyc-document.
async fn document(c: &Ccpro, u: &User, kind: &str) -> Reply {
    upload(
        c,
        u,
        "/kyc/document",
        &[
            Part::Text("type", kind),
            Part::File("file", "doc.png", "image/png", PNG),
        ],
    )
    .await
}

/// kyc-phone-add then kyc-phone-verify with the SMS code: the user reaches level 1.
async fn verify_phone(c: &Ccpro, u: &User) {
    c.user_call(u, "POST", "/kyc/phone/add", r#"{"phone":"40700000000"}"#)
        .await
        .expect(200);
    let code = c.revealed(&u.id).await["smsCode"]
        .as_str()
        .unwrap()
        .to_owned();
    c.user_call(
        u,
        "POST",
        "/kyc/phone/verify",
        &json!({ "code": code }).to_string(),
    )
    .await
    .expect(200);
}

/// `POST /_sandbox/ccpro/users/{id}/kyc` with `body`.
async fn review(c: &Ccpro, u: &User, body: Value) -> Reply {
    c.control("POST", &format!("/users/{}/kyc", u.id), &body.to_string())
        .await
}

async fn kyc(c: &Ccpro, u: &User) -> Value {
    let reply = c.user_call(u, "GET", "/kyc", "").await;
    reply.expect(200);
    reply.json()["data"].clone()
}

async fn settings(c: &Ccpro, body: Value) {
    c.control("POST", "/settings", &body.to_string())
        .await
        .expect(200);
}

const ADDRESS: &str =
    r#"{"country":"RO","city":"Pitesti","zip":"123456","street":"Street name Nr. 1"}"#;
const PERSONAL: &str = r#"{"firstName":"Alin","lastName":"Ionut","dateOfBirth":"1990-02-20"}"#;

#[tokio::test]
async fn a_fresh_user_is_asked_for_a_phone_and_later_steps_answer_423() {
    let c = Ccpro::new();
    let u = c.user().await;
    let k = kyc(&c, &u).await;
    assert_eq!(k["required"], "phone");
    assert_eq!(k["level"], 0);
    assert_eq!(k["status"], "NOT COMPLETED");
    assert_eq!(k["phone"]["required"], true);
    assert_eq!(k["address"]["required"], false);
    assert_eq!(k["links"]["address"], "");

    let address = c.user_call(&u, "POST", "/kyc/address", ADDRESS).await;
    address.expect(423);
    assert_eq!(address.json(), documented("kyc-address", 423));
    assert!(
        address
            .reason()
            .unwrap()
            .contains("next required step is phone")
    );
    let doc = document(&c, &u, "passport").await;
    doc.expect(423);
    assert_eq!(doc.json(), documented("kyc-document", 423));
    let video = c
        .user_call(
            &u,
            "POST",
            "/kyc/video",
            r#"{"date":"2030-01-01 10:00:00"}"#,
        )
        .await;
    video.expect(423);
    assert_eq!(video.json(), documented("kyc-video", 423));
    let form = docs_form("kyc-edd");
    let edd = upload(&c, &u, "/kyc/edd", &parts(&form)).await;
    edd.expect(423);
    assert_eq!(edd.json(), documented("kyc-edd", 423));
    let form = docs_form("kyc-create");
    let create = upload(&c, &u, "/kyc", &parts(&form)).await;
    create.expect(423);
    assert_eq!(create.json(), documented("kyc-create", 423));
}

#[tokio::test]
async fn the_pipeline_answers_the_areas_401_403_and_409() {
    let c = Ccpro::new();
    let u = c.user().await;
    let other = c.user().await;
    let none = c
        .call("GET", &format!("/api/v1/user/{}/kyc", u.id), None, "")
        .await;
    none.expect(401);
    assert_eq!(none.json(), documented("kyc-show", 401));
    let theirs = c
        .call(
            "GET",
            &format!("/api/v1/user/{}/checkout", other.id),
            Some(&u.token),
            "",
        )
        .await;
    theirs.expect(409);
    assert_eq!(theirs.json(), documented("checkout-list", 409));
    let inactive = c.user_with(r#"{"active": false}"#).await;
    let refused = c
        .user_call(&inactive, "GET", "/notifications/permanently", "")
        .await;
    refused.expect(403);
    assert_eq!(refused.json(), documented("notification-permanent", 403));
}

#[tokio::test]
async fn the_phone_is_added_verified_and_its_code_resent_once_a_day() {
    let c = Ccpro::new();
    let u = c.user().await;
    // The docs' example.
    let body = docs_request("kyc-phone-add")["body"].to_string();
    let added = c.user_call(&u, "POST", "/kyc/phone/add", &body).await;
    added.expect(200);
    assert_documented_shape("kyc-phone-add", 200, &added.json());
    assert_eq!(
        added.json()["data"],
        json!({"phone": "+40700000000", "status": 0, "createdAt": c.now()})
    );
    let again = c.user_call(&u, "POST", "/kyc/phone/add", &body).await;
    again.expect(423);
    assert_eq!(again.json(), documented("kyc-phone-add", 423));
    let bad_type = c
        .user_call(
            &u,
            "POST",
            "/kyc/phone/add",
            r#"{"phone":"40700000000","type":"fax"}"#,
        )
        .await;
    bad_type.expect(422);
    assert_eq!(bad_type.json(), documented("kyc-phone-add", 422));
    let short = c
        .user_call(&u, "POST", "/kyc/phone/add", r#"{"phone":"12345"}"#)
        .await;
    short.expect(422);
    assert_eq!(
        short.json()["errors"]["phone"][0],
        "The phone must be between 7 and 15 digits."
    );

    // Resending at once is refused; a day later a new code comes.
    let soon = c.user_call(&u, "POST", "/kyc/phone/reverify", "").await;
    soon.expect(403);
    assert_eq!(
        soon.json(),
        documented_variant("kyc-phone-reverify", "403.2")
    );
    assert!(soon.reason().unwrap().contains("next may be sent"));
    let first = c.revealed(&u.id).await["smsCode"].clone();
    c.advance(86_400);
    let resent = c.user_call(&u, "POST", "/kyc/phone/reverify", "").await;
    resent.expect(200);
    assert_documented_shape("kyc-phone-reverify", 200, &resent.json());
    assert_eq!(resent.json()["data"]["status"], 0);
    let code = c.revealed(&u.id).await["smsCode"].clone();
    assert_ne!(code, first);

    // A wrong (or the old) code: the docs' 422.
    let wrong = c
        .user_call(
            &u,
            "POST",
            "/kyc/phone/verify",
            &json!({ "code": first }).to_string(),
        )
        .await;
    wrong.expect(422);
    assert_eq!(wrong.json(), documented("kyc-phone-verify", 422));
    assert!(wrong.reason().unwrap().contains("smsCode"));
    // The docs' example with the live code.
    let mut body = docs_request("kyc-phone-verify")["body"].clone();
    body["code"] = code;
    let verified = c
        .user_call(&u, "POST", "/kyc/phone/verify", &body.to_string())
        .await;
    verified.expect(200);
    assert_documented_shape("kyc-phone-verify", 200, &verified.json());
    assert_eq!(verified.json()["data"]["status"], 1);
    let k = kyc(&c, &u).await;
    assert_eq!(
        (k["level"].clone(), k["status"].clone()),
        (json!(1), json!("ACCEPTED"))
    );
    assert_eq!(k["phone"]["isVerified"], true);
    assert_eq!(k["required"], "personal");

    // Once verified: the docs' 423s.
    let twice = c
        .user_call(&u, "POST", "/kyc/phone/verify", &body.to_string())
        .await;
    twice.expect(423);
    assert_eq!(twice.json(), documented("kyc-phone-verify", 423));
    let add = c
        .user_call(&u, "POST", "/kyc/phone/add", r#"{"phone":"40700000001"}"#)
        .await;
    add.expect(423);
    assert_eq!(add.json(), documented_variant("kyc-phone-add", "423.2"));
    let resend = c.user_call(&u, "POST", "/kyc/phone/reverify", "").await;
    resend.expect(423);
    assert_eq!(resend.json(), documented("kyc-phone-reverify", 423));
}

#[tokio::test]
async fn personal_data_takes_the_docs_example_and_refuses_a_taken_email() {
    let c = Ccpro::new();
    let u = c.user().await;
    let other = c.user().await;
    let body = docs_request("kyc-personal-data")["body"].to_string();
    let sent = c.user_call(&u, "POST", "/kyc/personal-data", &body).await;
    sent.expect(201);
    assert_eq!(sent.json(), documented("kyc-personal-data", 201));
    let k = kyc(&c, &u).await;
    assert_eq!(k["personal"]["status"], "PENDING");
    assert_eq!(k["personal"]["firstName"], "Alin");
    // 1900-12-31 as Unix seconds.
    assert_eq!(k["personal"]["dateOfBirth"], -2_177_539_200_i64);

    let mut taken = docs_request("kyc-personal-data")["body"].clone();
    taken["email"] = json!(other.email);
    let refused = c
        .user_call(&u, "POST", "/kyc/personal-data", &taken.to_string())
        .await;
    refused.expect(422);
    assert_eq!(refused.json(), documented("kyc-personal-data", 422));
    let young = c
        .user_call(
            &u,
            "POST",
            "/kyc/personal-data",
            r#"{"firstName":"Al1n","lastName":"Ionut","dateOfBirth":"2010-01-01"}"#,
        )
        .await;
    young.expect(422);
    assert_eq!(
        young.json()["errors"],
        json!({
            "firstName": ["The firstName may only contain letters and spaces."],
            "dateOfBirth": ["The dateOfBirth must be a date before or equal to 2005-11-14."],
        })
    );
}

#[tokio::test]
async fn address_and_documents_are_reviewed_on_the_clock_and_raise_the_level() {
    let c = Ccpro::new();
    let u = c.user().await;
    verify_phone(&c, &u).await;
    c.user_call(&u, "POST", "/kyc/personal-data", PERSONAL)
        .await
        .expect(201);
    // Validation comes first: the docs' 422s.
    let no_country = c
        .user_call(
            &u,
            "POST",
            "/kyc/address",
            r#"{"city":"Pitesti","zip":"123456","street":"Street name Nr. 1"}"#,
        )
        .await;
    no_country.expect(422);
    assert_eq!(no_country.json(), documented("kyc-address", 422));
    let bad_type = document(&c, &u, "selfie").await;
    bad_type.expect(422);
    assert_eq!(bad_type.json(), documented("kyc-document", 422));
    // The docs' example, its utility bill as a file.
    let form = docs_form("kyc-address");
    let sent = upload(&c, &u, "/kyc/address", &parts(&form)).await;
    sent.expect(200);
    assert_eq!(sent.json(), documented("kyc-address", 200));
    let again = c.user_call(&u, "POST", "/kyc/address", ADDRESS).await;
    again.expect(423);
    assert_eq!(again.json(), documented("kyc-address", 423));

    let k = kyc(&c, &u).await;
    assert_eq!(k["address"]["status"], "PENDING");
    assert_eq!(k["address"]["city"], "Pitesti");
    assert_eq!(k["documents"]["utilityBill"]["status"], "PENDING");
    assert_eq!(k["required"], "documents");
    assert!(k["links"]["documents"].as_str().unwrap().contains(&u.id));
    // Without `type`: the first slot needed.
    let front = upload(
        &c,
        &u,
        "/kyc/document",
        &[Part::File("file", "front.jpg", "image/jpeg", JPEG)],
    )
    .await;
    front.expect(200);
    assert_eq!(
        front.json()["data"]["documents"]["governmentIdFront"]["status"],
        "PENDING"
    );
    document(&c, &u, "governmentIdBack").await.expect(200);
    let pending = kyc(&c, &u).await;
    assert_eq!(pending["required"], "");
    assert_eq!(pending["level"], 1);
    let passport = document(&c, &u, "passport").await;
    passport.expect(423);
    assert!(passport.reason().unwrap().contains("level 1"));

    // review_delay_seconds (60) later, everything is accepted: level 2.
    c.advance(59);
    assert_eq!(kyc(&c, &u).await["address"]["status"], "PENDING");
    c.advance(1);
    let k = kyc(&c, &u).await;
    assert_eq!(k["level"], 2);
    assert_eq!(k["status"], "ACCEPTED");
    assert_eq!(k["personal"]["status"], "ACCEPTED");
    assert_eq!(k["address"]["status"], "ACCEPTED");
    assert_eq!(k["documents"]["governmentIdBack"]["status"], "ACCEPTED");
    assert_eq!(k["required"], "documents");
    assert_eq!(k["documents"]["selfieWithId"]["status"], "NOT COMPLETED");
    assert_eq!(
        k["amountsNextLevel"],
        json!({"buy": "30000", "sell": "30000"})
    );
    assert_eq!(k["video"]["required"], true);
    // Each reviewed step left a temporary notification.
    let notes = c
        .user_call(&u, "GET", "/notifications/temporary?type=unread", "")
        .await;
    notes.expect(200);
    let body = notes.json();
    let codes: Vec<&str> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["kyc_approved"; 3]);
}

#[tokio::test]
async fn documents_have_a_daily_quota() {
    let c = Ccpro::new();
    let u = c.user().await;
    verify_phone(&c, &u).await;
    settings(&c, json!({"daily_document_quota": 1})).await;
    document(&c, &u, "governmentIdFront").await.expect(200);
    let over = document(&c, &u, "governmentIdBack").await;
    over.expect(403);
    assert_eq!(over.json(), documented_variant("kyc-document", "403.2"));
    assert!(over.reason().unwrap().contains("daily_document_quota = 1"));
    c.advance(86_400);
    document(&c, &u, "governmentIdBack").await.expect(200);
}

#[tokio::test]
async fn a_rejected_step_is_required_again_with_its_reason() {
    let c = Ccpro::new();
    let u = c.user().await;
    verify_phone(&c, &u).await;
    c.user_call(&u, "POST", "/kyc/address", ADDRESS)
        .await
        .expect(200);
    let rejected = review(
        &c,
        &u,
        json!({"step": "address", "decision": "reject", "code": "incorrect_or_incomplete_data", "fields": ["street"]}),
    )
    .await;
    rejected.expect(200);
    assert_eq!(
        rejected.json()["address"]["rejectReason"],
        json!({"street": {"code": "incorrect_or_incomplete_data", "message": "Incorrect or incomplete data."}})
    );
    let k = kyc(&c, &u).await;
    assert_eq!(k["address"]["status"], "NOT COMPLETED");
    assert_eq!(k["address"]["required"], true);
    // Nothing left to decide; an unknown step; an unknown user.
    let nothing = review(&c, &u, json!({"step": "video", "decision": "approve"})).await;
    nothing.expect(400);
    review(&c, &u, json!({"step": "selfie", "decision": "approve"}))
        .await
        .expect(400);
    c.control(
        "POST",
        "/users/nobody/kyc",
        r#"{"step":"all","decision":"approve"}"#,
    )
    .await
    .expect(404);
    // The rejection notified the user.
    let notes = c.user_call(&u, "GET", "/notifications/temporary", "").await;
    let first = &notes.json()["data"][0];
    assert_eq!(first["code"], "kyc_rejected");
    assert_eq!(
        first["message"],
        "Your KYC address has been rejected: Incorrect or incomplete data."
    );
}

#[tokio::test]
async fn the_video_call_needs_a_free_admin_and_a_future_date() {
    let c = Ccpro::new();
    let u = c.user().await;
    settings(&c, json!({"review_delay_seconds": 0})).await;
    verify_phone(&c, &u).await;
    c.user_call(&u, "POST", "/kyc/personal-data", PERSONAL)
        .await
        .expect(201);
    c.user_call(&u, "POST", "/kyc/address", ADDRESS)
        .await
        .expect(200);
    document(&c, &u, "passport").await.expect(200);
    let at_once = document(&c, &u, "utilityBill").await;
    at_once.expect(200);
    // A zero delay approves at once: level 2, the video call is required.
    assert_eq!(at_once.json()["data"]["level"], 2);

    let past = c
        .user_call(
            &u,
            "POST",
            "/kyc/video",
            r#"{"date":"2020-01-01 10:00:00"}"#,
        )
        .await;
    past.expect(422);
    assert_eq!(
        past.json()["errors"]["date"][0],
        "The date must be a date after or equal to now."
    );
    let malformed = c
        .user_call(&u, "POST", "/kyc/video", r#"{"date":"2030-01-01T10:00"}"#)
        .await;
    malformed.expect(422);
    settings(&c, json!({"video_slots_available": false})).await;
    let busy = c
        .user_call(
            &u,
            "POST",
            "/kyc/video",
            r#"{"date":"2023-11-15 10:00:00"}"#,
        )
        .await;
    busy.expect(421);
    assert_eq!(busy.json(), documented("kyc-video", 421));
    settings(&c, json!({"video_slots_available": true})).await;
    let booked = c
        .user_call(
            &u,
            "POST",
            "/kyc/video",
            r#"{"date":"2023-11-15 10:00:00"}"#,
        )
        .await;
    booked.expect(200);
    let video = &booked.json()["data"]["video"];
    assert_eq!(video["status"], "PENDING");
    assert_eq!(video["scheduleDate"], "2023-11-15 10:00:00");
    // Reviewed once the call's time has come (2023-11-15 10:00:00 = 1 700 042 400).
    c.advance(1_700_042_400 - c.now());
    let k = kyc(&c, &u).await;
    assert_eq!(k["video"]["status"], "APPROVED");
    assert_eq!(k["video"]["emailSent"], true);
    assert_eq!(k["level"], 2, "the selfie is still missing");
    document(&c, &u, "selfieWithId").await.expect(200);
    let k = kyc(&c, &u).await;
    assert_eq!(k["level"], 3);
    assert_eq!(k["required"], "enhancedDueDiligence");
}

#[tokio::test]
async fn the_docs_examples_answer_the_documented_shapes() {
    let c = Ccpro::new();
    c.clock.set(DECEMBER_2020);
    let u = c.user().await;
    verify_phone(&c, &u).await;
    c.user_call(
        &u,
        "POST",
        "/kyc/personal-data",
        &docs_request("kyc-personal-data")["body"].to_string(),
    )
    .await
    .expect(201);
    c.user_call(&u, "POST", "/kyc/address", ADDRESS)
        .await
        .expect(200);
    document(&c, &u, "governmentIdFront").await.expect(200);
    // Rejections as the docs' example shows them.
    let reject = |step: &str, extra: Value| {
        let mut body = json!({"step": step, "decision": "reject"});
        if let (Value::Object(b), Value::Object(e)) = (&mut body, extra) {
            b.extend(e);
        }
        body
    };
    let personal = json!({"fields": ["firstName", "lastName"]});
    let address = json!({"code": "incorrect_or_incomplete_data", "fields": ["street"]});
    review(&c, &u, reject("personal", personal.clone()))
        .await
        .expect(200);
    review(&c, &u, reject("address", address.clone()))
        .await
        .expect(200);
    review(
        &c,
        &u,
        reject(
            "documents",
            json!({"code": "color_photo", "document": "governmentIdFront"}),
        ),
    )
    .await
    .expect(200);
    let shown = c.user_call(&u, "GET", "/kyc", "").await;
    shown.expect(200);
    assert_documented_shape("kyc-show", 200, &shown.json());
    assert_eq!(
        shown.json()["data"]["documents"]["governmentIdFront"]["rejectReason"]["code"],
        "color_photo"
    );

    // kyc-document: the docs' example (the rejected front again; its reason stays shown
    // until the new review).
    let form = docs_form("kyc-document");
    let doc = upload(&c, &u, "/kyc/document", &parts(&form)).await;
    doc.expect(200);
    assert_documented_shape("kyc-document", 200, &doc.json());

    // kyc-create: the docs' example, files for its "image" placeholders.
    let form = docs_form("kyc-create");
    let created = upload(&c, &u, "/kyc", &parts(&form)).await;
    created.expect(201);
    assert_documented_shape("kyc-create", 201, &created.json());
    let data = &created.json()["data"];
    assert_eq!(data["address"]["status"], "PENDING");
    assert_eq!(data["documents"]["passport"]["status"], "PENDING");
    assert_eq!(data["enhancedDueDiligence"]["status"], "PENDING");
    // "fundsSource":"1" reads as the first option.
    assert_eq!(
        data["enhancedDueDiligence"]["fundsSource"],
        "credit_debit_card"
    );
    assert_eq!(
        data["enhancedDueDiligence"]["transactionsNatureValueField"],
        "1 - 1000"
    );

    // Everything approved (personal data resubmitted first): level 2.
    c.user_call(&u, "POST", "/kyc/personal-data", PERSONAL)
        .await
        .expect(201);
    let all = review(&c, &u, json!({"step": "all", "decision": "approve"})).await;
    all.expect(200);
    assert_eq!(all.json()["level"], 2);
    assert_eq!(all.json()["enhancedDueDiligence"]["status"], "ACCEPTED");

    // A back office revokes approvals: the level stays, the steps are required again.
    review(&c, &u, reject("personal", personal.clone()))
        .await
        .expect(200);
    review(&c, &u, reject("address", address.clone()))
        .await
        .expect(200);
    review(
        &c,
        &u,
        reject(
            "documents",
            json!({"code": "color_photo", "document": "governmentIdFront"}),
        ),
    )
    .await
    .expect(200);
    let body = docs_request("kyc-video")["body"].to_string();
    let video = c.user_call(&u, "POST", "/kyc/video", &body).await;
    video.expect(200);
    assert_documented_shape("kyc-video", 200, &video.json());
    assert_eq!(video.json()["data"]["level"], 2);

    // The video call approved, then the EDD revoked: kyc-edd's docs example.
    c.user_call(&u, "POST", "/kyc/personal-data", PERSONAL)
        .await
        .expect(201);
    c.user_call(&u, "POST", "/kyc/address", ADDRESS)
        .await
        .expect(200);
    let approved = review(&c, &u, json!({"step": "all", "decision": "approve"})).await;
    // The EDD sent with kyc-create was approved already: level 4.
    assert_eq!(approved.json()["level"], 4);
    review(&c, &u, reject("personal", personal))
        .await
        .expect(200);
    review(&c, &u, reject("address", address)).await.expect(200);
    review(&c, &u, reject("edd", json!({}))).await.expect(200);
    let form = docs_form("kyc-edd");
    let edd = upload(&c, &u, "/kyc/edd", &parts(&form)).await;
    edd.expect(200);
    assert_documented_shape("kyc-edd", 200, &edd.json());
    // The docs' 422s: their examples without the field named.
    let mut form = docs_form("kyc-edd");
    form.retain(|(name, _)| name != "transactionsPurpose");
    let missing = upload(&c, &u, "/kyc/edd", &parts(&form)).await;
    missing.expect(422);
    assert_eq!(missing.json(), documented("kyc-edd", 422));
    let mut form = docs_form("kyc-create");
    form.retain(|(name, _)| name != "country");
    let no_country = upload(&c, &u, "/kyc", &parts(&form)).await;
    no_country.expect(422);
    assert_eq!(no_country.json(), documented("kyc-create", 422));
    let other = upload(&c, &u, "/kyc/edd", &[Part::Text("fundsSource", "other")]).await;
    other.expect(422);
    assert_eq!(
        other.json()["errors"]["fundsSourceOther"][0],
        "The fundsSourceOther field is required when fundsSource is other."
    );
}

#[tokio::test]
async fn temporary_notifications_are_listed_by_id_and_marked_read() {
    let c = Ccpro::new();
    let u = c.user().await;
    verify_phone(&c, &u).await;
    c.user_call(&u, "POST", "/kyc/personal-data", PERSONAL)
        .await
        .expect(201);
    c.user_call(&u, "POST", "/kyc/address", ADDRESS)
        .await
        .expect(200);
    c.advance(60);
    let list = c.user_call(&u, "GET", "/notifications/temporary", "").await;
    list.expect(200);
    assert_documented_shape("notification-temporary", 200, &list.json());
    assert_eq!(
        list.json()["meta"],
        json!({"total": 2, "currentPage": 1, "perPage": 25, "lastPage": 1})
    );
    let id = list.json()["data"][0]["id"].as_str().unwrap().to_owned();
    // The docs' example: an id and ?type=unread.
    let request = docs_request("notification-temporary");
    let by_id = c
        .user_call(
            &u,
            "GET",
            &format!(
                "/notifications/temporary/{id}?type={}",
                request["query"]["type"].as_str().unwrap()
            ),
            "",
        )
        .await;
    by_id.expect(200);
    assert_documented_shape("notification-temporary", 200, &by_id.json());
    assert_eq!(by_id.json()["data"][0]["id"], id.as_str());
    assert_eq!(by_id.json()["meta"]["total"], 1);
    let unknown = c
        .user_call(
            &u,
            "GET",
            "/notifications/temporary/7b10e453-4629-4ca6-b0a2-53a6adf36bef",
            "",
        )
        .await;
    unknown.expect(403);
    assert_eq!(
        unknown.json(),
        documented_variant("notification-temporary", "403.2")
    );
    let filter = c
        .user_call(&u, "GET", "/notifications/temporary?type=all", "")
        .await;
    filter.expect(403);
    assert!(filter.reason().unwrap().contains("read or unread"));

    c.advance(5);
    let marked = c
        .user_call(&u, "POST", "/notifications/temporary/mark-as-read", "")
        .await;
    marked.expect(200);
    assert_documented_shape("notification-mark-read", 200, &marked.json());
    assert_eq!(marked.json()["data"][0]["readAt"], c.now());
    let unread = c
        .user_call(&u, "GET", "/notifications/temporary?type=unread", "")
        .await;
    assert_eq!(unread.json()["data"], json!([]));
    let read = c
        .user_call(&u, "GET", "/notifications/temporary?type=read", "")
        .await;
    assert_eq!(read.json()["meta"]["total"], 2);
}

#[tokio::test]
async fn permanent_notifications_follow_the_users_state() {
    let c = Ccpro::new();
    let u = c.user().await;
    let permanent = c
        .user_call(&u, "GET", "/notifications/permanently", "")
        .await;
    permanent.expect(200);
    assert_documented_shape("notification-permanent", 200, &permanent.json());
    let codes = |v: &Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        codes(&permanent.json()),
        [
            "phone_unverified",
            "wallet_unavailable",
            "card_unavailable",
            "bank_unavailable"
        ]
    );
    assert_eq!(permanent.json()["meta"]["total"], 0);
    // A verified phone and a review's notification.
    verify_phone(&c, &u).await;
    c.user_call(&u, "POST", "/kyc/personal-data", PERSONAL)
        .await
        .expect(201);
    c.advance(60);
    let after = c
        .user_call(&u, "GET", "/notifications/permanently", "")
        .await;
    assert_eq!(
        codes(&after.json()),
        [
            "notifications_unread",
            "wallet_unavailable",
            "card_unavailable",
            "bank_unavailable"
        ]
    );
    assert_eq!(
        after.json()["data"][0]["message"],
        "You have 1 unread notification."
    );
    assert_eq!(after.json()["meta"]["total"], 1);
}

#[tokio::test]
async fn notifications_switched_off_answer_unable_to_process() {
    let c = Ccpro::new();
    let u = c.user().await;
    let off = c
        .control(
            "POST",
            &format!("/users/{}/notifications", u.id),
            r#"{"available": false}"#,
        )
        .await;
    off.expect(200);
    assert_eq!(off.json(), json!({"user": u.id, "available": false}));
    for (method, path, op) in [
        (
            "GET",
            "/notifications/permanently",
            "notification-permanent",
        ),
        ("GET", "/notifications/temporary", "notification-temporary"),
        (
            "POST",
            "/notifications/temporary/mark-as-read",
            "notification-mark-read",
        ),
    ] {
        let reply = c.user_call(&u, method, path, "").await;
        reply.expect(403);
        assert_eq!(reply.json(), documented_variant(op, "403.2"));
        assert!(reply.reason().unwrap().contains("switched off"));
    }
    c.control(
        "POST",
        &format!("/users/{}/notifications", u.id),
        r#"{"available": true}"#,
    )
    .await
    .expect(200);
    c.user_call(&u, "POST", "/notifications/temporary/mark-as-read", "")
        .await
        .expect(200);
    c.control(
        "POST",
        "/users/nobody/notifications",
        r#"{"available": true}"#,
    )
    .await
    .expect(404);
}

#[tokio::test]
async fn checkouts_are_created_listed_shown_and_expire_on_the_clock() {
    let c = Ccpro::new();
    let u = c.user().await;
    let other = c.user().await;
    let created = c
        .control(
            "POST",
            "/checkouts",
            &json!({
                "user": u.email,
                "requestId": "957c0c28-99a1-49ce-85f7-9be9f4cc4f40",
                "redirectUrl": "https://nash.io/",
                "pingUrl": "https://platform.example/ping",
            })
            .to_string(),
        )
        .await;
    created.expect(200);
    let checkout = created.json();
    assert_eq!(checkout["status"], "created");
    assert_eq!(checkout["attemptsQuote"], json!({"count": 0, "limit": 3}));
    assert_eq!(checkout["expiredAt"], c.now() + 604_800);
    let id = checkout["id"].as_str().unwrap().to_owned();
    c.control(
        "POST",
        "/checkouts",
        &json!({"user": other.id, "paymentType": "card"}).to_string(),
    )
    .await
    .expect(200);
    c.control("POST", "/checkouts", r#"{"user":"nobody"}"#)
        .await
        .expect(404);
    c.control(
        "POST",
        "/checkouts",
        &json!({"user": u.id, "paymentType": "cash"}).to_string(),
    )
    .await
    .expect(400);

    // The docs' examples: list with ?status=created, show with a live id.
    let query = docs_request("checkout-list")["query"]["status"].clone();
    let list = c
        .user_call(
            &u,
            "GET",
            &format!("/checkout?status={}", query.as_str().unwrap()),
            "",
        )
        .await;
    list.expect(200);
    assert_documented_shape("checkout-list", 200, &list.json());
    assert_eq!(list.json()["data"].as_array().unwrap().len(), 1);
    assert_eq!(list.json()["data"][0]["user"]["email"], u.email.as_str());
    let show = c.user_call(&u, "GET", &format!("/checkout/{id}"), "").await;
    show.expect(200);
    assert_documented_shape("checkout-show", 200, &show.json());
    let unknown = c
        .user_call(
            &u,
            "GET",
            "/checkout/fc0388dc-63c5-4fbe-bc53-c11ba3bdb94e",
            "",
        )
        .await;
    unknown.expect(404);
    assert_eq!(unknown.json(), documented("checkout-show", 404));
    let theirs = c
        .user_call(&other, "GET", &format!("/checkout/{id}"), "")
        .await;
    theirs.expect(404);
    assert!(theirs.reason().unwrap().contains("no checkout"));

    // The platform sees every checkout.
    let platform = c.platform_call("GET", "/checkout", "").await;
    platform.expect(200);
    assert_documented_shape("platform-checkouts", 200, &platform.json());
    assert_eq!(platform.json()["data"].as_array().unwrap().len(), 2);

    // The hosted flow moves it on; the clock expires the rest.
    let moved = c
        .control(
            "POST",
            &format!("/checkouts/{id}"),
            r#"{"status":"processing","step":"kyc","attemptsCount":"1"}"#,
        )
        .await;
    moved.expect(200);
    assert_eq!(moved.json()["step"], "kyc");
    c.control(
        "POST",
        &format!("/checkouts/{id}"),
        r#"{"status":"created"}"#,
    )
    .await
    .expect(400);
    c.control(
        "POST",
        &format!("/checkouts/{id}"),
        r#"{"attemptsCount":"4"}"#,
    )
    .await
    .expect(400);
    let processing = c
        .user_call(&u, "GET", "/checkout?status=processing", "")
        .await;
    assert_eq!(processing.json()["data"][0]["attemptsQuote"]["count"], 1);
    c.advance(604_800);
    let expired = c.user_call(&u, "GET", "/checkout?status=expired", "").await;
    assert_eq!(expired.json()["data"][0]["id"], id.as_str());
    c.control(
        "POST",
        &format!("/checkouts/{id}"),
        r#"{"status":"finished"}"#,
    )
    .await
    .expect(400);
}

#[tokio::test]
async fn platform_checkouts_refuse_bad_platform_jwts() {
    let c = Ccpro::new();
    let path = format!("/api/v1/platform/{}/checkout", c.platform());
    let send = |jwt: String| {
        let path = path.clone();
        let c = &c;
        async move {
            let mut headers = vec![("content-type", "application/json")];
            if !jwt.is_empty() {
                headers.push(("token", jwt.as_str()));
            }
            c.send("GET", &path, &headers, Vec::new()).await
        }
    };
    let none = send(String::new()).await;
    none.expect(401);
    assert_eq!(none.json(), documented("platform-checkouts", 401));
    let invalid = send(c.jwt(&json!({"expire": c.now() + 60}))).await;
    assert_eq!(
        invalid.json(),
        documented_variant("platform-checkouts", "401.2")
    );
    let wrong = send(c.jwt(&json!({"platform": "other", "expire": c.now() + 60}))).await;
    assert_eq!(
        wrong.json(),
        documented_variant("platform-checkouts", "401.4")
    );
    let expired = send(c.jwt(&json!({"platform": c.platform(), "expire": c.now() - 1}))).await;
    assert_eq!(
        expired.json(),
        documented_variant("platform-checkouts", "401.3")
    );
}
