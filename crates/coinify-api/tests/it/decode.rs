//! Every documented example decodes into the typed model and round-trips to the same JSON
//! values; the JWT payload and raw-upload examples match what the typed requests produce.
//! Insta snapshots show each typed result.

use std::collections::BTreeSet;

use coinify_api::{
    ApproximateQuote, CoinifyRequest, Endpoint, GetApproximateQuote, GetSupportedCountries,
    PartnerId, SubmitKyc, TransferMedium, UploadDocument,
};
use payments_core::http::{HeaderMap, StatusCode};
use payments_core::test_util::fixture_files;
use serde_json::Value;

use crate::support::{
    PARTNER, documented_kyc, documented_upload, fixture, fixture_body_text, fixtures_dir,
};

fn partner() -> PartnerId {
    PARTNER.parse().unwrap()
}

/// The documented path with `:partner-id`/`:id` and `:review-id` filled in.
fn documented_path(fx: &Value) -> String {
    fx["path"]
        .as_str()
        .unwrap()
        .replace(":partner-id", PARTNER)
        .replace(":id", PARTNER)
        .replace(":review-id", crate::support::REVIEW_ID)
}

fn body(fx: &Value) -> Value {
    fx["body"].clone()
}

#[test]
fn every_fixture_is_covered_and_well_formed() {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for (name, _) in fixture_files(fixtures_dir()) {
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
        names.insert(name);
    }
    let expected: BTreeSet<String> = [
        "approximate-quote.request.json",
        "approximate-quote.response.200.json",
        "countries.response.200.json",
        "kyc-documents.jwt-payload.json",
        "kyc-documents.request.json",
        "kyc-documents.response.201.json",
        "kyc.jwt-payload.json",
        "kyc.request.json",
        "kyc.response.201.json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(
        names, expected,
        "a fixture without a test, or a test without a fixture"
    );
}

#[test]
fn fixture_approximate_quote_request() {
    let name = "approximate-quote.request.json";
    let fx = fixture(name);
    let req: GetApproximateQuote = serde_json::from_str(&fixture_body_text(name)).unwrap();
    assert_eq!(serde_json::to_value(&req).unwrap(), body(&fx), "round trip");
    assert_eq!(req.operation(), fx["operation"]);
    assert_eq!(req.method().as_str(), fx["method"]);
    assert_eq!(req.path(&partner()), documented_path(&fx));
    req.validate().unwrap();
    assert_eq!(
        req.query().unwrap(),
        "baseAmount=-100&baseCurrency=EUR&quoteCurrency=BTC&transferInMedium=card&transferOutMedium=blockchain"
    );
    assert_eq!(req.transfer_in_medium, Some(TransferMedium::Card));
    insta::assert_debug_snapshot!("fixture_approximate-quote_request", req);
}

#[test]
fn fixture_approximate_quote_response() {
    let name = "approximate-quote.response.200.json";
    let fx = fixture(name);
    let ep = GetApproximateQuote::new(
        "-100".parse().unwrap(),
        "EUR".parse().unwrap(),
        "BTC".parse().unwrap(),
    );
    let q: ApproximateQuote = ep
        .decode(StatusCode::OK, fixture_body_text(name).as_bytes())
        .unwrap();
    assert_eq!(serde_json::to_value(&q).unwrap(), body(&fx), "round trip");
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
fn fixture_kyc_request() {
    let name = "kyc.request.json";
    let fx = fixture(name);
    let req: SubmitKyc = serde_json::from_str(&fixture_body_text(name)).unwrap();
    assert_eq!(serde_json::to_value(&req).unwrap(), body(&fx), "round trip");
    assert_eq!(
        req,
        documented_kyc(),
        "the typed constructors build the same"
    );
    assert_eq!(req.operation(), fx["operation"]);
    assert_eq!(req.method().as_str(), fx["method"]);
    assert_eq!(req.path(&partner()), documented_path(&fx));
    req.validate().unwrap();
    let sent = req.body().unwrap().unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&sent.bytes).unwrap(),
        body(&fx)
    );
    assert_eq!(sent.content_type, "application/json");
    // "UK" is kept as written.
    assert_eq!(req.profile.address.country.as_str(), "UK");
    insta::assert_debug_snapshot!("fixture_kyc_request", req);
}

#[test]
fn fixture_kyc_jwt_payload() {
    let fx = fixture("kyc.jwt-payload.json");
    let claims = documented_kyc().claims().unwrap();
    assert_eq!(Value::Object(claims.0), body(&fx));
}

#[test]
fn fixture_kyc_response() {
    let name = "kyc.response.201.json";
    let fx = fixture(name);
    let text = fixture_body_text(name);
    let created = documented_kyc()
        .decode(StatusCode::CREATED, text.as_bytes())
        .unwrap();
    assert!(created.created);
    assert_eq!(serde_json::to_value(&created.review).unwrap(), body(&fx));
    let existing = documented_kyc()
        .decode(StatusCode::OK, text.as_bytes())
        .unwrap();
    assert!(!existing.created);
    assert_eq!(existing.review, created.review);
    insta::assert_debug_snapshot!("fixture_kyc_response_201", created);
}

#[test]
fn fixture_kyc_documents_jwt_payload() {
    let fx = fixture("kyc-documents.jwt-payload.json");
    let claims = documented_upload().claims().unwrap();
    assert_eq!(Value::Object(claims.0), body(&fx));
}

#[test]
fn fixture_kyc_documents_request() {
    let fx = fixture("kyc-documents.request.json");
    let doc: UploadDocument = documented_upload();
    assert_eq!(doc.operation(), fx["operation"]);
    assert_eq!(doc.method().as_str(), fx["method"]);
    assert_eq!(doc.path(&partner()), documented_path(&fx));
    let mut headers = HeaderMap::new();
    doc.headers(&mut headers);
    let sent = doc.body().unwrap().unwrap();
    let documented = fx["headers"].as_object().unwrap();
    for (name, value) in documented {
        let ours = match name.as_str() {
            "Host" | "Authorization" => continue,
            "Content-Type" => sent.content_type.to_str().unwrap().to_owned(),
            "Content-Length" => sent.bytes.len().to_string(),
            other => headers[other].to_str().unwrap().to_owned(),
        };
        assert_eq!(value.as_str(), Some(ours.as_str()), "{name}");
    }
    assert_eq!(headers.len(), 3, "{headers:?}");
    assert!(fx["body"].is_null(), "raw bytes, no JSON body");
    insta::assert_debug_snapshot!("fixture_kyc-documents_request", doc);
}

#[test]
fn fixture_kyc_documents_response() {
    let name = "kyc-documents.response.201.json";
    let fx = fixture(name);
    let out = documented_upload()
        .decode(StatusCode::CREATED, fixture_body_text(name).as_bytes())
        .unwrap();
    assert_eq!(serde_json::to_value(&out).unwrap(), body(&fx));
    insta::assert_debug_snapshot!("fixture_kyc-documents_response_201", out);
}

#[test]
fn fixture_countries_response() {
    let name = "countries.response.200.json";
    let fx = fixture(name);
    let ep = GetSupportedCountries;
    assert_eq!(ep.path(&partner()), documented_path(&fx));
    let c = ep
        .decode(StatusCode::OK, fixture_body_text(name).as_bytes())
        .unwrap();
    assert_eq!(serde_json::to_value(&c).unwrap(), body(&fx), "round trip");
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
fn endpoint_view_matches_the_request() {
    // What the core client sends: the same path, claims in the extensions.
    let p = partner();
    let kyc = documented_kyc();
    let ep = kyc.for_partner(&p);
    assert_eq!(Endpoint::path(&ep), format!("/partners/{PARTNER}/kyc"));
    let mut ext = payments_core::http::Extensions::new();
    ep.extensions(&mut ext);
    assert!(ext.get::<payments_core::auth::JwtClaims>().is_some());
    let q = GetSupportedCountries;
    let mut ext = payments_core::http::Extensions::new();
    q.for_partner(&p).extensions(&mut ext);
    assert!(ext.get::<payments_core::auth::JwtClaims>().is_none());
}

#[test]
fn unknown_media_and_malformed_bodies() {
    let c = GetSupportedCountries
        .decode(
            StatusCode::OK,
            br#"{"DK":{"supported":true,"supportedTransferInMedia":["card","mobilepay"]}}"#,
        )
        .unwrap();
    assert_eq!(
        c.get("DK").unwrap().transfer_in_media()[1],
        TransferMedium::Unknown("mobilepay".into())
    );
    let e = GetSupportedCountries
        .decode(StatusCode::OK, br#"{"DK":{"supported":"yes"}}"#)
        .unwrap_err();
    assert_eq!(e.path, "DK.supported");
    // Invalid timestamps and countries are rejected, naming the path.
    let mut bad = fixture("kyc.request.json")["body"].clone();
    bad["profile"]["address"]["country"] = "XX".into();
    let e = serde_json::from_value::<SubmitKyc>(bad).unwrap_err();
    assert!(e.to_string().contains("XX"), "{e}");
    let mut bad = fixture("kyc.request.json")["body"].clone();
    bad["approveTime"] = "yesterday".into();
    assert!(serde_json::from_value::<SubmitKyc>(bad).is_err());
}
