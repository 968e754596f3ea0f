//! Every documented example, through the operation table: each documented response
//! decodes through its row's `io.response` and round-trips to the documented JSON; each
//! documented request is read as its row's input document and builds the documented
//! method, path, query, headers and body; each documented JWT payload is what the built
//! request hands the signer. Insta snapshots show the typed results.

use coinify_api::operations::{KYC_CREATE, KYC_UPLOAD_DOCUMENT};
use coinify_api::{
    ApproximateQuote, Endpoint, GetApproximateQuote, GetSupportedCountries, KycResult, OPERATIONS,
    SubmitKyc, TransferMedium, UploadDocument, UploadedDocument,
};
use payments_core::auth::JwtClaims;
use payments_core::http::StatusCode;
use payments_core::{InputFile, Operation, RequestSpec, read_document};
use payments_test_support::{DocFixture, fixture_files, round_trip_exact};
use serde_json::{Value, json};

use crate::support::{
    PARTNER, REVIEW_ID, documented_kyc, documented_upload, fixture, fixture_body_text,
    fixtures_dir, image_bytes,
};

/// The documented fixtures of `op` whose direction is `direction`, as (file, fixture).
fn documented(op: &Operation, direction: &str) -> Vec<(String, DocFixture)> {
    let prefix = format!("{}.{direction}.", op.name);
    fixture_files(fixtures_dir())
        .into_iter()
        .filter(|(file, _)| file.starts_with(&prefix))
        .map(|(file, path)| (file, DocFixture::read(path)))
        .collect()
}

/// The documented path with `:partner-id`/`:id` and `:review-id` filled in.
fn documented_path(fx: &DocFixture) -> String {
    fx.path
        .as_deref()
        .unwrap()
        .replace(":partner-id", PARTNER)
        .replace(":review-id", REVIEW_ID)
        .replace(":id", PARTNER)
}

fn header<'a>(fx: &'a DocFixture, name: &str) -> &'a str {
    fx.headers[name].as_str().unwrap()
}

/// A documented request as its operation's input document and files: the documented body
/// (digits as written) or, for the raw upload, its headers, plus the path parameters.
fn input_of(op: &'static Operation, fx: &DocFixture) -> (String, Vec<InputFile>) {
    let partner_param = op.path_params().next().unwrap();
    let mut fields = vec![format!(r#""{partner_param}":"{PARTNER}""#)];
    let mut files = Vec::new();
    if std::ptr::eq(op, &KYC_UPLOAD_DOCUMENT) {
        fields.push(format!(r#""reviewId":"{REVIEW_ID}""#));
        for (field, name) in [
            ("externalId", "X-Upload-External-Id"),
            ("documentType", "X-Upload-Document-Type"),
            ("contentType", "Content-Type"),
        ] {
            fields.push(format!(r#""{field}":"{}""#, header(fx, name)));
        }
        files.push(InputFile {
            field: "file".into(),
            name: header(fx, "X-Upload-Filename").into(),
            bytes: image_bytes().into(),
        });
    }
    let body = fx.body.get().trim();
    if body != "null" {
        let inner = body.strip_prefix('{').and_then(|b| b.strip_suffix('}'));
        fields.push(inner.unwrap().trim().to_owned());
    }
    (format!("{{{}}}", fields.join(",")), files)
}

/// What an operation answers for a documented response body.
fn expected_output(op: &Operation, status: StatusCode, body: Value) -> Value {
    if std::ptr::eq(op, &KYC_CREATE) {
        json!({ "review": body, "created": status == StatusCode::CREATED })
    } else {
        body
    }
}

#[test]
fn every_fixture_is_well_formed() {
    let files = fixture_files(fixtures_dir());
    assert_eq!(files.len(), 11, "{files:?}");
    for (name, _) in files {
        let fx = fixture(&name);
        assert_eq!(fx["provider"], "coinify", "{name}");
        for key in [
            "operation",
            "direction",
            "method",
            "path",
            "status",
            "headers",
            "body",
            "note",
        ] {
            assert!(fx.get(key).is_some(), "{name}: missing {key}");
        }
        let direction = fx["direction"].as_str().unwrap();
        assert!(
            ["request", "response", "jwt-payload"].contains(&direction),
            "{name}: {direction}"
        );
        assert!(name.contains(&format!(".{direction}.")), "{name}");
    }
}

#[test]
fn every_documented_response_decodes_through_its_operation() {
    let mut seen = 0;
    for op in OPERATIONS {
        for (file, fx) in documented(op, "response") {
            let status = StatusCode::from_u16(fx.status.unwrap()).unwrap();
            let out = (op.io.response)(status, fx.body.get().as_bytes())
                .unwrap_or_else(|f| panic!("{file}: at `{}`: {}", f.path, f.message));
            let ours: Value = serde_json::from_str(&out).unwrap();
            let body: Value = serde_json::from_str(fx.body.get()).unwrap();
            assert_eq!(ours, expected_output(op, status, body), "{file}");
            seen += 1;
        }
    }
    assert_eq!(
        seen, 4,
        "responses of approximate-quote, kyc-create, upload, countries"
    );
}

#[test]
fn every_documented_request_builds_the_documented_request() {
    let mut seen = 0;
    for op in OPERATIONS {
        for (file, fx) in documented(op, "request") {
            let (input, files) = input_of(op, &fx);
            let spec =
                (op.io.request)(&input, files).unwrap_or_else(|e| panic!("{file}: {e} in {input}"));
            assert!(std::ptr::eq(spec.operation, *op), "{file}");
            assert_eq!(op.method.as_str(), fx.method, "{file}");
            assert_eq!(spec.path, documented_path(&fx), "{file}");
            let claims = spec.extensions.get::<JwtClaims>();
            assert_eq!(
                claims.is_some(),
                op.auth == payments_core::Auth::Jwt,
                "{file}: claims for the signer exactly when the row says JWT"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 5, "every operation has a documented request");
}

#[test]
fn every_documented_jwt_payload_is_what_the_request_hands_the_signer() {
    let mut seen = 0;
    for op in OPERATIONS {
        for (file, fx) in documented(op, "jwt-payload") {
            let (request_file, request) = documented(op, "request").pop().unwrap();
            let (input, files) = input_of(op, &request);
            let spec = (op.io.request)(&input, files).unwrap();
            let claims = spec.extensions.get::<JwtClaims>().unwrap();
            let documented: Value = serde_json::from_str(fx.body.get()).unwrap();
            assert_eq!(
                Value::Object(claims.0.clone()),
                documented,
                "{file} / {request_file}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 2);
}

#[test]
fn fixture_approximate_quote_request() {
    let name = "approximate-quote.request.json";
    let text = fixture_body_text(name);
    let req: GetApproximateQuote =
        round_trip_exact(name, &DocFixture::read(fixtures_dir().join(name)).body);
    assert_eq!(req, read_document::<GetApproximateQuote>(&text).unwrap());
    assert_eq!(req.partner_id, None, "the client's partner unless named");
    let spec: RequestSpec = req
        .clone()
        .for_partner(PARTNER.parse().unwrap())
        .request()
        .unwrap();
    assert_eq!(
        spec.query.as_deref(),
        Some(
            "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=card&transferOutMedium=blockchain"
        ),
        "as the fixture's note says"
    );
    assert!(spec.body.is_none());
    assert_eq!(req.transfer_in_medium, Some(TransferMedium::Card));
    insta::assert_debug_snapshot!("fixture_approximate-quote_request", req);
}

#[test]
fn fixture_approximate_quote_response() {
    let name = "approximate-quote.response.200.json";
    let q: ApproximateQuote =
        round_trip_exact(name, &DocFixture::read(fixtures_dir().join(name)).body);
    // Digit for digit, on the way in and out.
    assert_eq!(q.quote_amount.to_string(), "0.0012814");
    let text = serde_json::to_string(&q).unwrap();
    for digits in ["-100", "0.0012814", "4.99", "0.000195"] {
        assert!(text.contains(digits), "{digits} in {text}");
    }
    assert!(
        !text.contains("\"0.0012814\""),
        "amounts are numbers: {text}"
    );
    insta::assert_debug_snapshot!("fixture_approximate-quote_response_200", q);
}

#[test]
fn fixture_kyc_create_request() {
    let name = "kyc-create.request.json";
    let fx = DocFixture::read(fixtures_dir().join(name));
    let req: SubmitKyc = round_trip_exact(name, &fx.body);
    assert_eq!(
        req,
        documented_kyc(),
        "the typed constructors build the same"
    );
    let spec = req
        .clone()
        .for_partner(PARTNER.parse().unwrap())
        .request()
        .unwrap();
    let body = spec.body.unwrap();
    assert_eq!(
        body.content_type,
        fx.headers["Content-Type"].as_str().unwrap()
    );
    let sent: Value = serde_json::from_slice(&body.bytes).unwrap();
    assert_eq!(
        sent,
        fixture(name)["body"],
        "the partner id stays out of the body"
    );
    // "UK" is kept as written.
    assert_eq!(req.profile.address.country.as_str(), "UK");
    insta::assert_debug_snapshot!("fixture_kyc-create_request", req);
}

#[test]
fn fixture_kyc_create_response() {
    let text = fixture_body_text("kyc-create.response.201.json");
    let created = SubmitKyc::decode(StatusCode::CREATED, text.as_bytes()).unwrap();
    assert!(created.created);
    let existing: KycResult = SubmitKyc::decode(StatusCode::OK, text.as_bytes()).unwrap();
    assert!(!existing.created);
    assert_eq!(existing.review, created.review);
    insta::assert_debug_snapshot!("fixture_kyc-create_response_201", created);
}

#[test]
fn fixture_kyc_upload_document_request() {
    let fx = DocFixture::read(fixtures_dir().join("kyc-upload-document.request.json"));
    let (input, files) = input_of(&KYC_UPLOAD_DOCUMENT, &fx);
    let mut doc: UploadDocument = read_document(&input).unwrap();
    payments_core::AttachFiles::attach(&mut doc, files).unwrap();
    let spec = doc.request().unwrap();
    let sent = spec.body.as_ref().unwrap();
    for (name, value) in &fx.headers {
        let ours = match name.as_str() {
            "Host" | "Authorization" => continue,
            "Content-Type" => sent.content_type.to_str().unwrap().to_owned(),
            "Content-Length" => sent.bytes.len().to_string(),
            other => spec.headers[other].to_str().unwrap().to_owned(),
        };
        assert_eq!(value.as_str(), Some(ours.as_str()), "{name}");
    }
    assert_eq!(spec.headers.len(), 3, "{:?}", spec.headers);
    assert_eq!(sent.bytes.as_ref(), image_bytes().as_slice(), "raw bytes");
    assert!(fx.body.get() == "null", "raw bytes, no JSON body");
    // The typed constructor builds the same request.
    let typed = documented_upload().for_partner(PARTNER.parse().unwrap());
    assert_eq!(format!("{typed:?}"), format!("{doc:?}"));
    insta::assert_debug_snapshot!("fixture_kyc-upload-document_request", doc);
}

#[test]
fn fixture_kyc_upload_document_response() {
    let name = "kyc-upload-document.response.201.json";
    let out: UploadedDocument =
        round_trip_exact(name, &DocFixture::read(fixtures_dir().join(name)).body);
    insta::assert_debug_snapshot!("fixture_kyc-upload-document_response_201", out);
}

#[test]
fn fixture_countries_response() {
    let name = "countries.response.200.json";
    let text = fixture_body_text(name);
    let c = GetSupportedCountries::decode(StatusCode::OK, text.as_bytes()).unwrap();
    // Same JSON; the keys come back sorted (the docs list US states as LA, OR, CT).
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        serde_json::from_str::<Value>(&text).unwrap()
    );
    assert_eq!(c.len(), 5);
    assert_eq!(
        c.get("AT").unwrap().transfer_in_media(),
        [TransferMedium::Card]
    );
    let us = c.get("US").unwrap();
    assert!(!us.supported);
    assert!(us.supported_transfer_in_media.is_none());
    assert_eq!(
        us.state("LA").unwrap().supported_transfer_in_media,
        Some(vec![])
    );
    assert_eq!(
        us.state("OR").unwrap().transfer_in_media(),
        [
            TransferMedium::Card,
            TransferMedium::Bank,
            TransferMedium::Blockchain
        ]
    );
    insta::assert_debug_snapshot!("fixture_countries_response_200", c);
}

#[test]
fn unknown_media_and_malformed_bodies() {
    let c = GetSupportedCountries::decode(
        StatusCode::OK,
        br#"{"DK":{"supported":true,"supportedTransferInMedia":["card","mobilepay"]}}"#,
    )
    .unwrap();
    assert_eq!(
        c.get("DK").unwrap().transfer_in_media()[1],
        TransferMedium::Unknown("mobilepay".into())
    );
    let e = GetSupportedCountries::decode(StatusCode::OK, br#"{"DK":{"supported":"yes"}}"#)
        .unwrap_err();
    assert_eq!(e.path, "DK.supported");
    // Invalid timestamps and countries are rejected, naming the path.
    let mut bad = fixture("kyc-create.request.json")["body"].clone();
    bad["profile"]["address"]["country"] = "XX".into();
    let e = read_document::<SubmitKyc>(&bad.to_string()).unwrap_err();
    assert_eq!(e.field, "profile.address.country");
    assert!(e.message.contains("XX"), "{e}");
    let mut bad = fixture("kyc-create.request.json")["body"].clone();
    bad["approveTime"] = "yesterday".into();
    assert_eq!(
        read_document::<SubmitKyc>(&bad.to_string())
            .unwrap_err()
            .field,
        "approveTime"
    );
}

#[test]
fn input_documents_refuse_unknown_fields_and_bad_partner_ids() {
    let mut doc = fixture("approximate-quote.request.json")["body"].clone();
    doc["baseAmout"] = json!(1);
    let e = read_document::<GetApproximateQuote>(&doc.to_string()).unwrap_err();
    assert!(e.message.contains("baseAmout"), "{e}");
    let e = read_document::<GetSupportedCountries>(r#"{"partnerId":"partner-1"}"#).unwrap_err();
    assert_eq!(e.field, "partnerId");
    assert!(e.message.contains("not a UUID"), "{e}");
    let e = read_document::<UploadDocument>(
        r#"{"reviewId":"x","externalId":"e","documentType":"visa"}"#,
    )
    .unwrap_err();
    assert_eq!(e.field, "documentType");
}
