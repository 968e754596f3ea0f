//! KYC, securities and users: what the documented examples (docs.rs) cannot show —
//! refusals before sending, typed values of the decoded examples, the docs'
//! self-contradictions these shapes absorb, and the typed convenience methods.

use ccpro_api::api::{
    AddKycPhone, ChangePassword, CreateKyc, CreateUser, EddAnswers, ForgotPassword,
    InvalidateAccessToken, KycDocumentType, KycFiles, PlatformLink, ResendVerificationEmail,
    ResetPassword, ScheduleKycVideo, ShowKyc, ShowUserProfile, SubmitKycAddress, SubmitKycEdd,
    SubmitKycPersonalData, UploadKycDocument, VerifyEmail,
};
use ccpro_api::operations;
use ccpro_api::types::{
    EddPurpose, FundsOrigin, FundsSource, IntOrText, Kyc, KycRequirement, KycStatus, RejectCode,
    SecurityEventCode, User, UserProfile,
};
use ccpro_api::{Endpoint, Error, File, Message};
use payments_core::{InputFile, NoContent};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{self, USER, fixtures};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
const PDF: &[u8] = b"%PDF-1.4\n";

fn png(name: &str) -> File {
    File::new(format!("{name}.png"), PNG.to_vec())
}

/// The body of a documented example, as JSON text.
fn documented(name: &str) -> String {
    let text = std::fs::read_to_string(fixtures().join("docs").join(format!("{name}.json")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["body"].to_string()
}

/// Decodes a documented success with the operation's own `decode`.
fn decode<E: Endpoint>(name: &str) -> E::Output {
    E::decode(
        payments_core::http::StatusCode::OK,
        documented(name).as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{name}: {} at {}", e.message, e.path))
}

/// Sends `req` through a user session; it must be refused naming `field`, with nothing
/// sent.
async fn refused<E: Endpoint>(req: &E, field: &str) {
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let result = support::user(&mem).send(req).await;
    match result {
        Err(Error::InvalidRequest { field: f, .. }) => {
            assert_eq!(f, field, "{}", std::any::type_name::<E>())
        }
        Err(e) => panic!("expected a refusal naming {field}, got {e}"),
        Ok(_) => panic!("expected a refusal naming {field}, got a success"),
    }
    assert_eq!(mem.hits(), 0);
}

/// Sends `req` through a user session answering `answer`; returns the one request sent.
async fn sent<E: Endpoint>(req: &E, answer: &str) -> payments_test_support::server::Recorded {
    let mem = MemoryTransport::new([Reply::json(200, answer)]);
    support::user(&mem)
        .send(req)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    mem.single()
}

fn form(r: &payments_test_support::server::Recorded) -> Vec<support::Part> {
    support::parse_multipart(r.header("content-type").unwrap(), &r.body)
}

fn names(parts: &[support::Part]) -> Vec<(String, Option<String>)> {
    parts
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.filename
                    .is_none()
                    .then(|| String::from_utf8(p.body.clone()).unwrap()),
            )
        })
        .collect()
}

fn full_edd() -> EddAnswers {
    EddAnswers::new(
        EddPurpose::Investments,
        1,
        2,
        FundsSource::BankAccount,
        png("source"),
        FundsOrigin::PayrollFunds,
        png("origin"),
    )
}

const KYC: &str = r#"{"data":{"status":"ACCEPTED"}}"#;
const PHONE: &str = r#"{"data":{"phone":"+40700000000","status":0,"createdAt":1557477208}}"#;

// ---- refusals: nothing is sent ------------------------------------------------------

#[tokio::test]
async fn blank_and_dot_dot_user_ids_are_refused() {
    refused(&ShowKyc::new("  "), "user").await;
    refused(&ShowKyc::new(""), "user").await;
    refused(&ShowKyc::new(".."), "user").await;
    refused(&ShowUserProfile::new(" "), "user").await;
    refused(&InvalidateAccessToken::new(USER, ".."), "token").await;
    refused(&InvalidateAccessToken::new(USER, " "), "token").await;
}

#[tokio::test]
async fn a_kyc_document_needs_its_file() {
    let mut req = UploadKycDocument::new(USER, KycDocumentType::Passport, png("p"));
    req.file = None;
    refused(&req, "file").await;
}

#[tokio::test]
async fn files_of_the_wrong_type_or_size_are_refused() {
    let gif = File::new("id.gif", b"GIF89a".to_vec());
    refused(
        &UploadKycDocument::new(USER, KycDocumentType::Passport, gif),
        "file",
    )
    .await;
    let lying = File::new("id.png", PDF.to_vec());
    refused(
        &UploadKycDocument::new(USER, KycDocumentType::Passport, lying),
        "file",
    )
    .await;
    let mut big = PNG.to_vec();
    big.resize(ccpro_api::upload::MAX_FILE_BYTES + 1, 0);
    refused(
        &UploadKycDocument::new(USER, KycDocumentType::Passport, File::new("big.png", big)),
        "file",
    )
    .await;
    // EDD proofs and the full KYC's documents are images only: no pdf.
    let mut edd = full_edd();
    edd.funds_origin_file = Some(File::new("origin.pdf", PDF.to_vec()));
    refused(&SubmitKycEdd::new(USER, edd), "fundsOriginFile").await;
    let docs = KycFiles::passport(File::new("passport.pdf", PDF.to_vec()));
    refused(
        &CreateKyc::new(USER, "RO", "Pitesti", "123456", "Street 1", docs),
        "documents.passport",
    )
    .await;
}

#[tokio::test]
async fn the_full_kyc_needs_a_passport_or_both_sides_of_the_id() {
    let create = |docs| CreateKyc::new(USER, "RO", "Pitesti", "123456", "Street 1", docs);
    refused(&create(KycFiles::default()), "documents.passport").await;
    let front_only = KycFiles {
        government_id_front: Some(png("front")),
        ..KycFiles::default()
    };
    refused(&create(front_only), "documents.governmentIdBack").await;
    let back_only = KycFiles {
        government_id_back: Some(png("back")),
        ..KycFiles::default()
    };
    refused(&create(back_only), "documents.governmentIdFront").await;

    // Either alternative alone goes through.
    let r = sent(&create(KycFiles::passport(png("passport"))), KYC).await;
    assert_eq!(
        names(&form(&r)),
        [
            ("country".into(), Some("RO".into())),
            ("city".into(), Some("Pitesti".into())),
            ("zip".into(), Some("123456".into())),
            ("street".into(), Some("Street 1".into())),
            ("documents[passport]".into(), None),
        ]
    );
    let r = sent(
        &create(
            KycFiles::government_id(png("front"), png("back")).with_selfie_with_id(png("selfie")),
        ),
        KYC,
    )
    .await;
    let files: Vec<String> = form(&r)
        .into_iter()
        .filter(|p| p.filename.is_some())
        .map(|p| p.name)
        .collect();
    assert_eq!(
        files,
        [
            "documents[governmentIdFront]",
            "documents[governmentIdBack]",
            "documents[selfieWithId]"
        ]
    );
}

#[tokio::test]
async fn edd_answers_are_checked_against_the_rules() {
    let mut e = full_edd();
    e.funds_source_file = None;
    refused(&SubmitKycEdd::new(USER, e), "fundsSourceFile").await;
    let mut e = full_edd();
    e.transactions_nature_value = Some(6);
    refused(&SubmitKycEdd::new(USER, e), "transactionsNatureValue").await;
    let mut e = full_edd();
    e.transactions_nature_frequency = Some(0);
    refused(&SubmitKycEdd::new(USER, e), "transactionsNatureFrequency").await;
    let mut e = full_edd();
    e.funds_origin = Some(FundsOrigin::Other);
    refused(&SubmitKycEdd::new(USER, e), "fundsOriginOther").await;
    let mut e = full_edd();
    e.transactions_purpose = None;
    refused(&SubmitKycEdd::new(USER, e), "transactionsPurpose").await;
    // Inside the full KYC every EDD answer is optional, but the ranges still hold.
    let partial = EddAnswers {
        transactions_nature_value: Some(9),
        ..EddAnswers::default()
    };
    refused(
        &CreateKyc::new(
            USER,
            "RO",
            "Pitesti",
            "123456",
            "Street 1",
            KycFiles::passport(png("p")),
        )
        .with_edd(partial),
        "edd.transactionsNatureValue",
    )
    .await;
}

#[tokio::test]
async fn formats_the_docs_state_are_checked() {
    refused(&ScheduleKycVideo::new(USER, "2020-12-30T12:00:00"), "date").await;
    refused(&ScheduleKycVideo::new(USER, "2020-12-30 25:00:00"), "date").await;
    refused(&AddKycPhone::new(USER, "+40700000000"), "phone").await;
    refused(&AddKycPhone::new(USER, "123456"), "phone").await;
    refused(
        &SubmitKycPersonalData::new(USER, "Alin", "Ionut", "31-12-1990"),
        "dateOfBirth",
    )
    .await;
    refused(
        &SubmitKycAddress::new(USER, "RO", "Pitesti", "12 34", "Street 1"),
        "zip",
    )
    .await;
    refused(
        &ChangePassword::new(USER, "password", "short"),
        "new_password",
    )
    .await;
}

#[tokio::test]
async fn a_new_user_needs_a_password_unless_linked_to_a_platform() {
    let user = CreateUser::new("ada@example.com", "Ada", "Lovelace", "1990-12-10");
    refused(&user, "password").await;
    let linked = user.clone().with_platform(PlatformLink {
        id: Some("64b4f8d1-c2bd-4bba-8b1b-332a58176734".into()),
        ..PlatformLink::default()
    });
    let mem = MemoryTransport::new([Reply::json(201, &documented("user-create.response.201"))]);
    support::client(&mem).create_user(&linked).await.unwrap();
    let r = mem.single();
    assert_eq!(
        String::from_utf8(r.body).unwrap(),
        r#"{"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace","dateOfBirth":"1990-12-10","platform":{"id":"64b4f8d1-c2bd-4bba-8b1b-332a58176734"}}"#
    );
    refused(&user.with_password("1234567"), "password").await;
}

#[tokio::test]
async fn email_verification_needs_an_id_or_an_email() {
    let none = VerifyEmail {
        id: None,
        email: None,
        code: "abc".into(),
    };
    refused(&none, "id").await;
    refused(
        &ResendVerificationEmail {
            id: None,
            email: None,
        },
        "id",
    )
    .await;
}

#[tokio::test]
async fn the_cli_refuses_unknown_files_and_document_keys() {
    let mem = MemoryTransport::new([Reply::json(200, KYC)]);
    let user = support::user(&mem);
    let file = |field: &str| InputFile {
        field: field.into(),
        name: "x.png".into(),
        bytes: PNG.to_vec().into(),
    };
    let input = format!(r#"{{"user":"{USER}","type":"passport"}}"#);
    let e = user
        .call_json(
            &operations::KYC_DOCUMENT,
            &input,
            vec![file("file"), file("documents.passport")],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidRequest { field, .. } if field == "documents.passport"),
        "{e}"
    );
    let e = user
        .call_json(&operations::KYC_DOCUMENT, &input, vec![])
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidRequest { field, .. } if field == "file"),
        "{e}"
    );
    // The file placeholders do not belong in the document: `documents` must be empty.
    let input = format!(
        r#"{{"user":"{USER}","country":"RO","city":"P","zip":"1234","street":"S","documents":{{"passport":"image"}}}}"#
    );
    let e = user
        .call_json(
            &operations::KYC_CREATE,
            &input,
            vec![file("documents.passport")],
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::InvalidRequest { .. }), "{e}");
    assert_eq!(mem.hits(), 0);
}

// ---- what is sent -------------------------------------------------------------------

#[tokio::test]
async fn the_address_takes_a_pdf_utility_bill_and_goes_multipart_without_one() {
    let with = SubmitKycAddress::new(USER, "RO", "Pitesti", "123456", "Street 1")
        .with_utility_bill(File::new("bill.pdf", PDF.to_vec()));
    let r = sent(&with, "null").await;
    let parts = form(&r);
    let bill = parts.iter().find(|p| p.name == "utilityBill").unwrap();
    assert_eq!(bill.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(bill.body, PDF);
    let without = SubmitKycAddress::new(USER, "RO", "Pitesti", "123456", "Street 1");
    let r = sent(&without, "null").await;
    assert_eq!(form(&r).len(), 4);
    assert_eq!(r.path, format!("/api/v1/user/{USER}/kyc/address"));
}

#[tokio::test]
async fn a_kyc_document_sends_its_type_and_file() {
    let req = UploadKycDocument::new(
        USER,
        KycDocumentType::UtilityBill,
        File::new("bill.pdf", PDF.to_vec()),
    );
    let r = sent(&req, KYC).await;
    assert_eq!(
        names(&form(&r)),
        [
            ("type".into(), Some("utilityBill".into())),
            ("file".into(), None)
        ]
    );
}

#[tokio::test]
async fn the_video_call_is_booked_with_a_date_not_an_upload() {
    let r = sent(&ScheduleKycVideo::new(USER, "2020-12-30 12:00:00"), KYC).await;
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.body, br#"{"date":"2020-12-30 12:00:00"}"#);
}

#[tokio::test]
async fn the_invalidated_token_is_one_percent_encoded_segment() {
    let r = sent(
        &InvalidateAccessToken::new(USER, "14bb7a50a5ede4XX…X/y z"),
        r#"{"message":"This token has been successfully invalidated."}"#,
    )
    .await;
    assert_eq!(
        r.path,
        format!("/api/v1/user/{USER}/securities/invalidate/14bb7a50a5ede4XX%E2%80%A6X%2Fy%20z")
    );
    assert!(r.body.is_empty());
    assert_eq!(r.method, "POST");
}

#[tokio::test]
async fn passwords_and_tokens_stay_out_of_debug() {
    let change = ChangePassword::new(USER, "old-secret-1", "new-secret-2");
    let reset = ResetPassword::new("ada@example.com", "reset-token-3", "new-secret-4");
    let create =
        CreateUser::new("ada@example.com", "Ada", "L", "1990-01-01").with_password("new-secret-5");
    let invalidate =
        InvalidateAccessToken::new(USER, "rFJxY3pS5xCliGvqnkHgPm4lq2aZEZmoSDXiLwG7NLwP");
    let shown = format!("{change:?} {reset:?} {create:?} {invalidate:?}");
    for secret in [
        "old-secret-1",
        "new-secret-2",
        "reset-token-3",
        "new-secret-4",
        "new-secret-5",
        "SDXiLwG7NLwP",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("rFJxY3pS5xCliGXXXX"));
}

// ---- typed values of the documented answers -----------------------------------------

#[test]
fn the_documented_kyc_decodes_into_typed_values() {
    let kyc: Kyc = decode::<ShowKyc>("kyc-show.response.200");
    assert_eq!(kyc.required, Some(KycRequirement::Phone));
    assert_eq!(kyc.status, Some(KycStatus::Accepted));
    assert_eq!(kyc.level, Some(2));
    let amounts = kyc.amounts.as_ref().unwrap();
    assert_eq!(amounts.buy.as_ref().unwrap().as_str(), "149.75");
    assert!(amounts.sell.as_ref().unwrap().is_zero());
    assert_eq!(
        kyc.amounts_next_level
            .as_ref()
            .unwrap()
            .buy
            .as_ref()
            .unwrap()
            .as_str(),
        "5000"
    );
    let personal = kyc.personal.as_ref().unwrap();
    assert_eq!(personal.status, Some(KycStatus::NotCompleted));
    assert_eq!(personal.date_of_birth, Some(951_004_800));
    let reasons = personal.reject_reason.as_ref().unwrap();
    assert_eq!(reasons["firstName"].code, Some(RejectCode::IncorrectData));
    assert_eq!(reasons["lastName"].code, Some(RejectCode::IncompleteData));
    let docs = kyc.documents.as_ref().unwrap();
    let front = docs.government_id_front.as_ref().unwrap();
    assert_eq!(
        front.reject_reason.as_ref().unwrap().code,
        Some(RejectCode::ColorPhoto)
    );
    assert_eq!(
        docs.passport.as_ref().unwrap().status,
        Some(KycStatus::Accepted)
    );
    assert_eq!(
        kyc.video.as_ref().unwrap().status,
        Some(KycStatus::Approved)
    );
    let edd = kyc.enhanced_due_diligence.as_ref().unwrap();
    assert_eq!(edd.transactions_purpose, Some(EddPurpose::Investments));
    assert_eq!(edd.funds_source, Some(FundsSource::CreditDebitCard));
    assert_eq!(edd.funds_origin, Some(FundsOrigin::PayrollFunds));
    assert_eq!(edd.status, Some(KycStatus::Pending));
}

#[test]
fn unknown_enum_values_are_kept_verbatim() {
    let kyc: Kyc = serde_json::from_str(
        r#"{"required":"selfie","status":"REJECTED","personal":{"rejectReason":{"firstName":{"code":"blurry"}}}}"#,
    )
    .unwrap();
    assert_eq!(kyc.required, Some(KycRequirement::Unknown("selfie".into())));
    assert_eq!(kyc.status, Some(KycStatus::Unknown("REJECTED".into())));
    let text = serde_json::to_string(&kyc).unwrap();
    assert!(text.contains(r#""status":"REJECTED""#) && text.contains(r#""code":"blurry""#));
    let events: Vec<ccpro_api::types::SecurityEvent> =
        serde_json::from_str(r#"[{"code":"password_changed","by":"Admin"}]"#).unwrap();
    assert_eq!(
        events[0].code,
        Some(SecurityEventCode::Unknown("password_changed".into()))
    );
}

#[test]
fn security_answers_decode_into_typed_values() {
    let events = decode::<ccpro_api::api::ListSecurityEvents>("security-list.response.200");
    assert_eq!(events[0].code, Some(SecurityEventCode::LoginSuccess));
    assert_eq!(events[0].ip.as_deref(), Some("127.0.0.1"));
    let tokens = decode::<ccpro_api::api::ListAccessTokens>("security-access-tokens.response.200");
    assert!(tokens[0].is_current());
    assert_eq!(
        tokens[0].token.as_deref(),
        Some("236605634f6b59XXXXXXXXXXXXXXXXXXXXXXXX")
    );
    assert_eq!(tokens[0].last_used_at, Some(1_591_095_132));
}

// ---- the docs' self-contradictions (reference §8) -----------------------------------

/// §8.38: the user's id is `uuid` in user-create and user-profile, `id` in nested users.
#[test]
fn user_id_comes_as_uuid_or_id() {
    let created = decode::<CreateUser>("user-create.response.201");
    assert_eq!(
        created.user.id(),
        Some("ebf8e81e-fdfd-4da9-84e4-b5172b6f1412")
    );
    assert!(created.user.id.is_none());
    let nested: User = serde_json::from_str(r#"{"id":"u-1","email":"a@b.c"}"#).unwrap();
    assert_eq!(nested.id(), Some("u-1"));
    let profile: UserProfile = decode::<ShowUserProfile>("user-profile.response.200");
    assert_eq!(profile.id(), Some("ebf8e81e-fdfd-4da9-84e4-b5172b6f1412"));
    assert_eq!(profile.user().id(), profile.id());
}

/// §8.39 and §8.41: the KYC object has two shapes; the top-level `required` is a string
/// while each step's is a boolean.
#[test]
fn the_two_kyc_shapes_both_decode() {
    let show: Kyc = decode::<ShowKyc>("kyc-show.response.200");
    let show_edd = show.enhanced_due_diligence.unwrap();
    assert_eq!(
        show_edd.transactions_nature_value_field.as_deref(),
        Some("1 - 1000")
    );
    assert!(show_edd.edd_data.is_none() && show_edd.email_sent.is_none());
    assert_eq!(show.phone.as_ref().unwrap().required, Some(true));

    let profile: UserProfile = decode::<ShowUserProfile>("user-profile.response.200");
    let kyc = profile.kyc.unwrap();
    assert_eq!(kyc.required, Some(KycRequirement::Address));
    let edd = kyc.enhanced_due_diligence.unwrap();
    assert_eq!(edd.email_sent, Some(false));
    assert!(edd.transactions_nature_value.is_none() && edd.status.is_none());
    let options = edd.edd_data.unwrap();
    assert_eq!(options.transactions_nature_value.unwrap()[4], "+50000");
    let address = kyc.address.unwrap();
    assert!(address.country.is_none() && address.reject_reason.is_none());
    assert_eq!(kyc.documents.unwrap().temp_files, Some(vec![]));
    // The profile's other lists.
    assert_eq!(
        profile.cards.unwrap()[0].card_image1.as_deref(),
        Some("1945")
    );
    assert_eq!(
        profile.banks.unwrap()[0].iban.as_deref(),
        Some("RO02INGB00009999002858614")
    );
    // Nature answers may come as numbers or labels.
    let edd: ccpro_api::types::KycEdd = serde_json::from_str(
        r#"{"transactionsNatureValue":2,"transactionsNatureFrequency":"6 - 10"}"#,
    )
    .unwrap();
    assert_eq!(edd.transactions_nature_value, Some(IntOrText::Int(2)));
    assert_eq!(
        edd.transactions_nature_frequency,
        Some(IntOrText::Text("6 - 10".into()))
    );
}

/// PHP writes an empty map as `[]`: an empty `rejectReason` arrives so.
#[test]
fn an_empty_reject_reason_list_reads_as_no_reasons() {
    let kyc: Kyc =
        serde_json::from_str(r#"{"personal":{"rejectReason":[]},"address":{"rejectReason":null}}"#)
            .unwrap();
    assert_eq!(
        kyc.personal.unwrap().reject_reason.map(|r| r.len()),
        Some(0)
    );
    assert!(kyc.address.unwrap().reject_reason.is_none());
}

/// §8.57 and §8.59: the KYC links carry stray `*`; `""` means no link; document URLs are
/// the truncated `"https:"`, kept as sent.
#[test]
fn kyc_links_are_cleaned_of_stars_and_empty_means_none() {
    let kyc: Kyc = decode::<ShowKyc>("kyc-show.response.200");
    let links = kyc.links.unwrap();
    assert_eq!(links.address.as_deref(), Some(""));
    assert_eq!(links.address_url(), None);
    let documents = links.documents_url().unwrap();
    assert!(documents.starts_with("http://dev-checkout.localhost/kyc/documents/eyJ0eXAi"));
    assert!(!documents.contains('*') && documents.contains("&signature=1acc6e0e"));
    assert!(links.documents.unwrap().contains('*'));
    let docs = kyc.documents.unwrap();
    assert_eq!(docs.passport.unwrap().url.as_deref(), Some("https:"));
}

/// §8.33: the docs' example sends `"fundsSource": "1"`, no value of the rule's list: it
/// is sent as given and the server decides.
#[tokio::test]
async fn an_unlisted_funds_source_is_sent_as_given() {
    let mut e = full_edd();
    e.funds_source = Some(FundsSource::from("1"));
    let r = sent(&SubmitKycEdd::new(USER, e), KYC).await;
    assert!(
        names(&form(&r)).contains(&("fundsSource".into(), Some("1".into()))),
        "{:?}",
        names(&form(&r))
    );
}

/// §8.19: `transactionsPurposeOther` is marked "required" but its rule is
/// `required_if:transactionsPurpose,other`; the full KYC's ID sides are "required" but
/// a passport replaces them.
#[tokio::test]
async fn conditionally_required_fields_follow_their_rules() {
    let r = sent(&SubmitKycEdd::new(USER, full_edd()), KYC).await;
    assert!(
        !names(&form(&r))
            .iter()
            .any(|(n, _)| n == "transactionsPurposeOther")
    );
    let mut e = full_edd();
    e.transactions_purpose = Some(EddPurpose::Other);
    refused(&SubmitKycEdd::new(USER, e), "transactionsPurposeOther").await;
    let e = full_edd().with_purpose_other("art");
    sent(&SubmitKycEdd::new(USER, e), KYC).await;
}

/// §8.34: forgot/reset password examples use filler words ("iusto", a 5-character
/// password): they go through as given, and the server judges them.
#[tokio::test]
async fn filler_values_of_the_password_reset_examples_are_sent_as_given() {
    let mem = MemoryTransport::new([Reply::json(
        200,
        r#"{"data":{"message":"The password has been successfully changed."}}"#,
    )]);
    let client = support::client(&mem);
    let m = client
        .reset_password("quia", "distinctio", "eaque")
        .await
        .unwrap();
    assert_eq!(m.message, "The password has been successfully changed.");
    assert_eq!(
        mem.single().body,
        br#"{"email":"quia","token":"distinctio","password":"eaque"}"#
    );
    let forgot: ForgotPassword =
        serde_json::from_str(r#"{"email":"iusto","type":"consequatur"}"#).unwrap();
    assert_eq!(forgot.format.unwrap().as_str(), "consequatur");
}

/// §8.45 and §8.46: messages come as `{"data":{"message"}}` (#66/#67) or `{"message"}`
/// (#57, #58, #69, #70); #22 answers 201 and #23 200 with the body `null`.
#[test]
fn message_envelopes_and_null_bodies_are_absorbed() {
    let wrapped: Message = decode::<ForgotPassword>("user-forgot-password.response.200");
    assert_eq!(wrapped.message, "The password reset process has started.");
    let bare: Message = decode::<VerifyEmail>("user-verify-email.response.200");
    assert_eq!(bare.message, "User account successfully verified.");
    let bare: Message = decode::<ChangePassword>("security-change-password.response.200");
    assert_eq!(bare.message, "Password successfully changed.");
    assert_eq!(
        decode::<SubmitKycPersonalData>("kyc-personal-data.response.201"),
        NoContent
    );
    assert_eq!(
        decode::<SubmitKycAddress>("kyc-address.response.200"),
        NoContent
    );
}

/// §8.17: change-password's body keys are snake_case, unlike the rest of the API.
#[tokio::test]
async fn change_password_sends_snake_case_keys() {
    let mem = MemoryTransport::new([Reply::json(
        200,
        r#"{"message":"Password successfully changed."}"#,
    )]);
    let user = support::user(&mem);
    let m = user.change_password("password", "password2").await.unwrap();
    assert_eq!(m.message, "Password successfully changed.");
    let r = mem.single();
    assert_eq!(
        r.path,
        format!("/api/v1/user/{USER}/securities/change-password")
    );
    assert_eq!(
        r.body,
        br#"{"current_password":"password","new_password":"password2"}"#
    );
}

/// §8.20: user-create's `address.zip` is typed `numeric` but is an `alpha_num` string.
#[tokio::test]
async fn a_new_users_zip_is_sent_as_text() {
    let user = CreateUser::new("ada@example.com", "Ada", "L", "1990-01-01")
        .with_password("12345678")
        .with_address(ccpro_api::api::NewUserAddress {
            zip: Some("0112233".into()),
            ..Default::default()
        });
    let mem = MemoryTransport::new([Reply::json(201, &documented("user-create.response.201"))]);
    let created = support::client(&mem).create_user(&user).await.unwrap();
    assert_eq!(
        created.meta.unwrap().register_type,
        Some(ccpro_api::types::RegisterType::Linked)
    );
    let body = String::from_utf8(mem.single().body).unwrap();
    assert!(body.contains(r#""address":{"zip":"0112233"}"#), "{body}");
}

/// §8.35: reverify answers with a verified phone (status 1), as verify does.
#[test]
fn phone_status_reads_as_verified_or_not() {
    let added = decode::<AddKycPhone>("kyc-phone-add.response.200");
    assert!(!added.is_verified());
    assert_eq!(added.phone.as_deref(), Some("+40700000000"));
    let again = decode::<ccpro_api::api::ResendKycPhoneCode>("kyc-phone-reverify.response.200");
    assert!(again.is_verified());
}

// ---- typed convenience methods ------------------------------------------------------

#[tokio::test]
async fn kyc_methods_fill_in_the_session_user() {
    let mem = MemoryTransport::new([
        Reply::json(200, &documented("kyc-show.response.200")),
        Reply::json(200, PHONE),
        Reply::json(200, PHONE),
        Reply::json(200, PHONE),
        Reply::json(201, "null"),
        Reply::json(200, KYC),
    ]);
    let user = support::user(&mem);
    let kyc = user.kyc().await.unwrap();
    assert_eq!(kyc.level, Some(2));
    let phone = user.add_kyc_phone("40700000000").await.unwrap();
    assert_eq!(phone.status, Some(0));
    user.verify_kyc_phone("111111").await.unwrap();
    user.resend_kyc_phone_code().await.unwrap();
    user.submit_kyc_personal_data("Alin", "Ionut", "1990-12-31")
        .await
        .unwrap();
    user.upload_kyc_document(KycDocumentType::Passport, png("passport"))
        .await
        .unwrap();
    let sent = mem.requests();
    let paths: Vec<(&str, &str)> = sent
        .iter()
        .map(|r| (r.method.as_str(), r.path.as_str()))
        .collect();
    let base = format!("/api/v1/user/{USER}/kyc");
    assert_eq!(
        paths,
        [
            ("GET", base.as_str()),
            ("POST", format!("{base}/phone/add").as_str()),
            ("POST", format!("{base}/phone/verify").as_str()),
            ("POST", format!("{base}/phone/reverify").as_str()),
            ("POST", format!("{base}/personal-data").as_str()),
            ("POST", format!("{base}/document").as_str()),
        ]
    );
    assert_eq!(sent[1].body, br#"{"phone":"40700000000"}"#);
    assert_eq!(sent[2].body, br#"{"code":"111111"}"#);
    assert!(sent[3].body.is_empty());
    assert_eq!(
        sent[4].body,
        br#"{"firstName":"Alin","lastName":"Ionut","dateOfBirth":"1990-12-31"}"#
    );
    assert!(sent.iter().all(|r| r.header("authorization").is_some()));
}

#[tokio::test]
async fn kyc_upload_methods_send_multipart() {
    let mem = MemoryTransport::new([
        Reply::json(201, KYC),
        Reply::json(200, "null"),
        Reply::json(200, KYC),
        Reply::json(200, KYC),
    ]);
    let user = support::user(&mem);
    user.create_kyc(
        "RO",
        "Pitesti",
        "123456",
        "Street 1",
        KycFiles::passport(png("passport")),
        Some(full_edd()),
    )
    .await
    .unwrap();
    user.submit_kyc_address("RO", "Pitesti", "123456", "Street 1", None)
        .await
        .unwrap();
    user.submit_kyc_edd(full_edd()).await.unwrap();
    user.schedule_kyc_video("2030-01-02 10:30:00")
        .await
        .unwrap();
    let sent = mem.requests();
    let create = names(&form(&sent[0]));
    assert!(create.contains(&("edd[transactionsNatureFrequency]".into(), Some("2".into()))));
    assert!(create.contains(&("edd[fundsOriginFile]".into(), None)));
    let edd = names(&form(&sent[2]));
    assert_eq!(
        edd,
        [
            ("transactionsPurpose".into(), Some("investments".into())),
            ("transactionsNatureValue".into(), Some("1".into())),
            ("transactionsNatureFrequency".into(), Some("2".into())),
            ("fundsSource".into(), Some("bank_account".into())),
            ("fundsOrigin".into(), Some("payroll_funds".into())),
            ("fundsSourceFile".into(), None),
            ("fundsOriginFile".into(), None),
        ]
    );
    assert_eq!(sent[3].path, format!("/api/v1/user/{USER}/kyc/video"));
}

#[tokio::test]
async fn security_methods_fill_in_the_session_user() {
    let mem = MemoryTransport::new([
        Reply::json(200, &documented("security-list.response.200")),
        Reply::json(200, &documented("security-access-tokens.response.200")),
        Reply::json(
            200,
            r#"{"message":"This token has been successfully invalidated."}"#,
        ),
    ]);
    let user = support::user(&mem);
    let events = user.security_events().await.unwrap();
    assert_eq!(events[0].name.as_deref(), Some("Login Success"));
    let tokens = user.access_tokens().await.unwrap();
    let token = tokens[0].token.clone().unwrap();
    let m = user.invalidate_access_token(token).await.unwrap();
    assert_eq!(m.message, "This token has been successfully invalidated.");
    let paths: Vec<String> = mem.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            format!("/api/v1/user/{USER}/securities"),
            format!("/api/v1/user/{USER}/securities/access"),
            format!(
                "/api/v1/user/{USER}/securities/invalidate/236605634f6b59XXXXXXXXXXXXXXXXXXXXXXXX"
            ),
        ]
    );
}

#[tokio::test]
async fn user_methods_send_public_calls_without_credentials() {
    let mem = MemoryTransport::new([
        Reply::json(200, &documented("user-forgot-password.response.200")),
        Reply::json(200, &documented("user-verify-email.response.200")),
        Reply::json(200, &documented("user-reverify-email.response.200")),
        Reply::json(200, &documented("user-profile.response.200")),
    ]);
    let client = support::client(&mem);
    let m = client
        .forgot_password(
            "ada@example.com",
            Some(ccpro_api::api::ResetTokenFormat::Link),
        )
        .await
        .unwrap();
    assert_eq!(m.message, "The password reset process has started.");
    client
        .verify_email(&VerifyEmail::by_email("ada@example.com", "abc123"))
        .await
        .unwrap();
    let m = client
        .resend_verification_email(&ResendVerificationEmail::by_id("u-1"))
        .await
        .unwrap();
    assert_eq!(m.message, "Email resended.");
    let profile = support::user(&mem).profile().await.unwrap();
    assert_eq!(profile.email.as_deref(), Some("alinionutmusat@gmail.com"));
    let sent = mem.requests();
    assert_eq!(
        sent[0].body,
        br#"{"email":"ada@example.com","type":"link"}"#
    );
    assert_eq!(
        sent[1].body,
        br#"{"email":"ada@example.com","code":"abc123"}"#
    );
    assert_eq!(sent[2].body, br#"{"id":"u-1"}"#);
    for r in &sent[..3] {
        assert!(r.header("authorization").is_none() && r.header("token").is_none());
    }
    assert_eq!(sent[3].path, format!("/api/v1/user/{USER}"));
    assert!(sent[3].header("authorization").is_some());
}

/// Documented errors arrive typed: 423 with `error` (not `message`), 412 on a wrong
/// password, 421 for an unavailable video date.
#[tokio::test]
async fn documented_errors_keep_status_and_message() {
    let mem = MemoryTransport::new([
        Reply::json(423, &documented("user-verify-email.response.423")),
        Reply::json(412, &documented("security-change-password.response.412")),
        Reply::json(421, &documented("kyc-video.response.421")),
    ]);
    let client = support::client(&mem);
    let e = client
        .verify_email(&VerifyEmail::by_id("u-1", "abc"))
        .await
        .unwrap_err();
    let c = ccpro_api::ccpro_error(&e).unwrap();
    assert_eq!(
        (c.status, c.message.as_deref()),
        (423, Some("The user account is already active."))
    );
    let user = support::user(&mem);
    let e = user
        .change_password("password", "password2")
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(412));
    let e = user
        .schedule_kyc_video("2030-01-02 10:30:00")
        .await
        .unwrap_err();
    let c = ccpro_api::ccpro_error(&e).unwrap();
    assert_eq!(
        c.message.as_deref(),
        Some("Selected date is invalid due admins unavailability.")
    );
    assert_eq!(mem.hits(), 3);
}

/// §8.31: #22's 422 is about `email` and #27's about `type`, neither a parameter of its
/// endpoint: the field errors are kept as sent, whatever field they name.
#[tokio::test]
async fn validation_errors_about_foreign_fields_are_kept() {
    let mem = MemoryTransport::new([
        Reply::json(422, &documented("kyc-personal-data.response.422")),
        Reply::json(422, &documented("kyc-phone-add.response.422")),
    ]);
    let user = support::user(&mem);
    let e = user
        .submit_kyc_personal_data("Alin", "Ionut", "1990-12-31")
        .await
        .unwrap_err();
    let c = ccpro_api::ccpro_error(&e).unwrap();
    assert_eq!(c.reason, ccpro_api::CcproReason::Validation);
    assert_eq!(
        (c.fields[0].field.as_str(), c.fields[0].message.as_str()),
        ("email", "The email has already been taken.")
    );
    let e = user.add_kyc_phone("40700000000").await.unwrap_err();
    let c = ccpro_api::ccpro_error(&e).unwrap();
    assert_eq!(c.fields[0].field, "type");
}

/// §8.23: kyc-address's `city` rule is `alpha_dash`, kyc-create's only `max:191`: the
/// looser rule is applied, so a city with a space is sent and the server decides.
#[tokio::test]
async fn a_city_with_a_space_is_sent_to_both_address_operations() {
    let r = sent(
        &SubmitKycAddress::new(USER, "RO", "Satu Mare", "440000", "Street 1"),
        "null",
    )
    .await;
    assert!(names(&form(&r)).contains(&("city".into(), Some("Satu Mare".into()))));
    let r = sent(
        &CreateKyc::new(
            USER,
            "RO",
            "Satu Mare",
            "440000",
            "Street 1",
            KycFiles::passport(png("p")),
        ),
        KYC,
    )
    .await;
    assert!(names(&form(&r)).contains(&("city".into(), Some("Satu Mare".into()))));
}
