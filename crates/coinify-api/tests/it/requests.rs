//! Every operation over an in-memory transport: method, path, query, headers, the exact
//! body, and the JWT verified with the public key (algorithm, every claim); the partner id
//! filled from the client's configuration; the partner-key check on every way of sending.

use std::io::Write;

use coinify_api::operations::{
    APPROXIMATE_QUOTE, COUNTRIES, KYC_CREATE, KYC_UPLOAD_DOCUMENT, PAYMENT_METHODS,
};
use coinify_api::{
    Client, Currency, DocumentType, Environment, Error, GetApproximateQuote, GetPaymentMethods,
    MAX_DOCUMENT_BYTES, PRODUCTION_URL, RequestOptions, SANDBOX_URL, TransferMedium,
    UploadDocument, check_document_size,
};
use jsonwebtoken::Algorithm;
use payments_core::{Endpoint, InputFile};
use payments_test_support::server::Reply;
use serde_json::json;

use crate::support::{
    ALGS, NOW, OTHER_PARTNER, PARTNER, REVIEW_ID, USER_AGENT, builder, client, compact,
    documented_kyc, documented_upload, fixture, fixture_body_text, fixture_reply, image_bytes,
    jwt_of, key, keyless_builder, memory, verify,
};

fn quote_reply() -> Reply {
    fixture_reply(200, "approximate-quote.response.200.json")
}

fn documented_quote() -> GetApproximateQuote {
    GetApproximateQuote::new(
        "-100".parse().unwrap(),
        Currency::new("EUR").unwrap(),
        Currency::new("BTC").unwrap(),
    )
    .with_transfer_media(TransferMedium::Card, TransferMedium::Blockchain)
}

fn upload_file(name: &str, bytes: Vec<u8>) -> Vec<InputFile> {
    vec![InputFile {
        field: "file".into(),
        name: name.into(),
        bytes: bytes.into(),
    }]
}

#[test]
fn environments_have_the_documented_base_urls() {
    assert_eq!(PRODUCTION_URL, "https://app-api.coinify.com");
    assert_eq!(SANDBOX_URL, "https://app-api.sandbox.coinify.com");
    assert_eq!(Environment::Production.base_url(), PRODUCTION_URL);
    assert_eq!(Environment::Sandbox.base_url(), SANDBOX_URL);
    assert_eq!(
        Environment::Custom("http://127.0.0.1:1".into()).base_url(),
        "http://127.0.0.1:1"
    );
    let c = Client::builder(Environment::Sandbox, PARTNER)
        .build()
        .unwrap();
    assert_eq!(c.partner_id().as_str(), PARTNER);
}

#[test]
fn partner_id_must_be_a_uuid() {
    for bad in [
        "",
        "partner-1",
        "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f",
        "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0fz",
        "0f1e2d3c4b5a-4978-8695-a4b3c2d1e0f9-",
        "../../admin/0000-0000-0000-000000000",
    ] {
        let e = Client::builder(Environment::Sandbox, bad)
            .build()
            .unwrap_err();
        assert!(matches!(e, Error::Config { .. }), "{bad}: {e:?}");
        assert!(e.to_string().contains("partner id"), "{e}");
    }
    // Upper case is a UUID too.
    assert!(
        Client::builder(Environment::Sandbox, &PARTNER.to_uppercase())
            .build()
            .is_ok()
    );
}

#[test]
fn bad_keys_are_config_errors_at_build_time() {
    let pkcs8 = key("rsa_pkcs8.pem");
    let cases = [
        ("empty", String::new()),
        ("blank", "   \n".to_owned()),
        ("not a PEM", "hello".to_owned()),
        ("public key", key("rsa_public.pem")),
        ("truncated", pkcs8[..pkcs8.len() / 2].to_owned()),
    ];
    for (what, pem) in cases {
        let e = Client::new(Environment::Sandbox, PARTNER, pem.clone()).unwrap_err();
        assert!(matches!(e, Error::Config { .. }), "{what}: {e:?}");
        for line in pem
            .lines()
            .filter(|l| l.len() > 20 && !l.starts_with("-----"))
        {
            assert!(!e.to_string().contains(line), "{what} echoes the key: {e}");
        }
    }
    // Both PEM forms build.
    for file in ["rsa_pkcs1.pem", "rsa_pkcs8.pem"] {
        Client::new(Environment::Sandbox, PARTNER, key(file)).unwrap();
    }
}

#[tokio::test]
async fn approximate_quote_sends_the_documented_query_without_auth() {
    let mem = memory([quote_reply()]);
    let q = client(&mem)
        .approximate_quote(&documented_quote())
        .await
        .unwrap();
    let r = mem.single();
    assert_eq!(r.method, "GET");
    assert_eq!(
        r.path,
        format!(
            "/partners/{PARTNER}/approximate-quote?baseAmount=-100&baseCurrency=EUR\
             &quoteCurrency=BTC&transferInMedium=card&transferOutMedium=blockchain"
        )
    );
    assert_eq!(
        r.header("authorization"),
        None,
        "the docs name no auth here"
    );
    assert_eq!(r.header("user-agent"), Some(USER_AGENT));
    assert_eq!(r.header("content-type"), None);
    assert!(r.body.is_empty());
    assert_eq!(q.quote_amount.to_string(), "0.0012814");
    assert_eq!(q.base_amount.to_string(), "-100");
    let tin = q.transfer_in.unwrap();
    let tout = q.transfer_out.unwrap();
    assert_eq!(tin.fee_amount.to_string(), "4.99");
    assert_eq!(tin.medium, TransferMedium::Card);
    assert_eq!(tout.fee_amount.to_string(), "0.000195");
    assert_eq!(tout.medium, TransferMedium::Blockchain);
}

#[tokio::test]
async fn approximate_quote_renders_exact_decimals_and_omits_absent_media() {
    let mem = memory([quote_reply()]);
    client(&mem)
        .approximate_quote(&GetApproximateQuote::new(
            "0.00128140".parse().unwrap(),
            Currency::new("BTC").unwrap(),
            Currency::new("EUR").unwrap(),
        ))
        .await
        .unwrap();
    assert_eq!(
        mem.single().path,
        format!(
            "/partners/{PARTNER}/approximate-quote?baseAmount=0.00128140&baseCurrency=BTC&quoteCurrency=EUR"
        )
    );
}

#[tokio::test]
async fn one_transfer_medium_alone_is_refused_before_sending() {
    let mem = memory([quote_reply()]);
    let c = client(&mem);
    let base = GetApproximateQuote::new(
        "-100".parse().unwrap(),
        Currency::new("EUR").unwrap(),
        Currency::new("BTC").unwrap(),
    );
    let mut only_in = base.clone();
    only_in.transfer_in_medium = Some(TransferMedium::Card);
    let mut only_out = base.clone();
    only_out.transfer_out_medium = Some(TransferMedium::Blockchain);
    for (req, field) in [
        (only_in, "transferOutMedium"),
        (only_out, "transferInMedium"),
    ] {
        let e = c.approximate_quote(&req).await.unwrap_err();
        match &e {
            Error::InvalidRequest { field: f, .. } => assert_eq!(f, field),
            other => panic!("{other:?}"),
        }
    }
    let mut zero = base;
    zero.base_amount = "0".parse().unwrap();
    assert!(matches!(
        c.approximate_quote(&zero).await,
        Err(Error::InvalidRequest { .. })
    ));
    assert_eq!(mem.hits(), 0);
}

#[tokio::test]
async fn submit_kyc_posts_the_documented_body_with_a_verified_jwt() {
    let mem = memory([fixture_reply(201, "kyc-create.response.201.json")]);
    let result = client(&mem).submit_kyc(&documented_kyc()).await.unwrap();
    assert!(result.created);
    assert_eq!(result.review.id, REVIEW_ID);
    assert_eq!(result.review.external_id, "id-of-the-partner-kyc-review");

    let r = mem.single();
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, format!("/partners/{PARTNER}/kyc"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(
        r.header("content-length"),
        Some(r.body.len().to_string().as_str())
    );
    // Byte for byte: the documented body, compact, in the documented order.
    assert_eq!(
        String::from_utf8(r.body.clone()).unwrap(),
        compact(&fixture_body_text("kyc-create.request.json"))
    );

    let token = jwt_of(&r);
    let data = verify(&token, Algorithm::RS256).unwrap();
    assert_eq!(data.header.alg, Algorithm::RS256);
    assert_eq!(data.header.typ.as_deref(), Some("JWT"));
    assert_eq!(
        data.claims,
        json!({
            "traderId": 123,
            "externalId": "id-of-the-partner-kyc-review",
            "iat": NOW,
            "exp": NOW + 60,
            "jti": "jti-1",
        })
    );
    assert!(verify(&token, Algorithm::RS512).is_err());
}

#[tokio::test]
async fn submit_kyc_with_the_other_key_does_not_verify() {
    let mem = memory([Reply::json(201, r#"{"id":"x","externalId":"y"}"#)]);
    builder(&mem)
        .private_key(key("other_pkcs8.pem"))
        .build()
        .unwrap()
        .submit_kyc(&documented_kyc())
        .await
        .unwrap();
    assert!(verify(&jwt_of(&mem.single()), Algorithm::RS256).is_err());
}

#[tokio::test]
async fn submit_kyc_200_means_it_already_existed() {
    let mem = memory([fixture_reply(200, "kyc-create.response.201.json")]);
    let result = client(&mem).submit_kyc(&documented_kyc()).await.unwrap();
    assert!(!result.created);
    assert_eq!(result.review.id, REVIEW_ID);
}

#[tokio::test]
async fn algorithm_and_ttl_are_configurable_with_either_pem_form() {
    for file in ["rsa_pkcs1.pem", "rsa_pkcs8.pem"] {
        for (alg, jalg) in ALGS {
            let mem = memory([Reply::json(201, r#"{"id":"x","externalId":"y"}"#)]);
            builder(&mem)
                .private_key(key(file))
                .algorithm(alg)
                .token_ttl(std::time::Duration::from_secs(30))
                .build()
                .unwrap()
                .submit_kyc(&documented_kyc())
                .await
                .unwrap();
            let data = verify(&jwt_of(&mem.single()), jalg)
                .unwrap_or_else(|e| panic!("{file} {alg:?}: {e}"));
            assert_eq!(data.header.alg, jalg);
            assert_eq!(data.claims["exp"], json!(NOW + 30));
        }
    }
}

#[tokio::test]
async fn upload_sends_raw_bytes_and_the_documented_headers() {
    let mem = memory([fixture_reply(201, "kyc-upload-document.response.201.json")]);
    let out = client(&mem)
        .upload_document(&documented_upload())
        .await
        .unwrap();
    assert_eq!(out.id, "3ebb9ba1-015e-4a71-816d-56f57f711f4c");
    assert_eq!(out.external_id, "your-reference-for-this-document");

    let r = mem.single();
    assert_eq!(r.method, "POST");
    assert_eq!(
        r.path,
        format!("/partners/{PARTNER}/kyc/{REVIEW_ID}/documents")
    );
    assert_eq!(
        r.body,
        image_bytes(),
        "the raw bytes, not multipart or base64"
    );
    let documented = &fixture("kyc-upload-document.request.json")["headers"];
    for name in [
        "Content-Type",
        "Content-Length",
        "X-Upload-Filename",
        "X-Upload-Document-Type",
        "X-Upload-External-Id",
    ] {
        assert_eq!(
            r.header(name),
            documented[name].as_str(),
            "{name}: {:?}",
            r.headers
        );
    }
    let claims = verify(&jwt_of(&r), Algorithm::RS256).unwrap().claims;
    assert_eq!(
        claims,
        json!({
            "reviewId": REVIEW_ID,
            "externalId": "your-reference-for-this-document",
            "iat": NOW,
            "exp": NOW + 60,
            "jti": "jti-1",
        })
    );
    assert_eq!(
        claims["externalId"].as_str(),
        r.header("x-upload-external-id")
    );
}

#[tokio::test]
async fn countries_and_payment_methods_use_the_partner_id_without_auth() {
    let mem = memory([
        fixture_reply(200, "countries.response.200.json"),
        Reply::json(
            200,
            r#"[{"inMedium":"card","outMedium":"blockchain","name":"Card","inCurrencies":["EUR"],"minimumInAmounts":{"EUR":10.5}},{"inMedium":"sepa","limits":{"max":1}}]"#,
        ),
    ]);
    let c = client(&mem);
    let countries = c.supported_countries().await.unwrap();
    assert!(countries.is_supported("BE"));
    assert!(!countries.is_supported("US"));
    let methods = c.payment_methods().await.unwrap();
    assert_eq!(methods.0.len(), 2);
    assert_eq!(methods.0[0].in_medium, Some(TransferMedium::Card));
    assert_eq!(methods.0[0].out_medium, Some(TransferMedium::Blockchain));
    assert_eq!(methods.0[0].extra["minimumInAmounts"], json!({"EUR": 10.5}));
    assert_eq!(
        methods.0[1].in_medium,
        Some(TransferMedium::Unknown("sepa".into()))
    );

    let reqs = mem.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].path, format!("/countries/{PARTNER}"));
    assert_eq!(reqs[1].method, "GET");
    assert_eq!(reqs[1].path, format!("/partners/{PARTNER}/payment-methods"));
    for r in &reqs {
        assert_eq!(r.header("authorization"), None);
        assert!(r.body.is_empty());
    }
}

#[tokio::test]
async fn a_request_naming_a_partner_is_sent_for_it() {
    let other = OTHER_PARTNER.parse().unwrap();
    let mem = memory([quote_reply()]);
    let c = client(&mem);
    c.approximate_quote(&documented_quote().for_partner(other))
        .await
        .unwrap();
    assert!(
        mem.single()
            .path
            .starts_with(&format!("/partners/{OTHER_PARTNER}/approximate-quote?")),
    );
    let mem = memory([fixture_reply(200, "countries.response.200.json")]);
    let input = format!(r#"{{"partnerId": "{OTHER_PARTNER}"}}"#);
    client(&mem)
        .call_json(&COUNTRIES, &input, Vec::new())
        .await
        .unwrap();
    assert_eq!(mem.single().path, format!("/countries/{OTHER_PARTNER}"));
}

#[tokio::test]
async fn send_sends_a_request_as_it_is() {
    let mem = memory([Reply::json(200, "[]")]);
    let c = client(&mem);
    // Without a partner, nothing is sent.
    let e = c.send(&GetPaymentMethods::new()).await.unwrap_err();
    match &e {
        Error::InvalidRequest { field, .. } => assert_eq!(field, "partnerId"),
        other => panic!("{other:?}"),
    }
    assert_eq!(mem.hits(), 0);
    let methods = c
        .send(&GetPaymentMethods::for_partner(c.partner_id().clone()))
        .await
        .unwrap();
    assert!(methods.0.is_empty());
    assert_eq!(
        mem.single().path,
        format!("/partners/{PARTNER}/payment-methods")
    );
}

#[tokio::test]
async fn send_with_meta_reports_status_and_attempts() {
    let mem = memory([
        Reply::status(503),
        fixture_reply(201, "kyc-create.response.201.json"),
    ]);
    let c = client(&mem);
    let kyc = documented_kyc().for_partner(c.partner_id().clone());
    let got = c
        .send_with_meta(
            &kyc,
            &RequestOptions::new().header("x-trace-id", "t-1").unwrap(),
        )
        .await
        .unwrap();
    assert!(got.value.created);
    assert_eq!(got.meta.status.as_u16(), 201);
    assert_eq!(got.meta.attempts, 2);
    for r in mem.requests() {
        assert_eq!(r.header("x-trace-id"), Some("t-1"));
        assert!(r.header("authorization").is_some());
    }
}

#[tokio::test]
async fn call_json_fills_in_the_client_partner_and_keeps_every_digit() {
    let mem = memory([quote_reply()]);
    let c = client(&mem);
    let out = c
        .call_json(
            &APPROXIMATE_QUOTE,
            r#"{"baseAmount": -100.00, "baseCurrency": "EUR", "quoteCurrency": "BTC"}"#,
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        mem.single().path,
        format!(
            "/partners/{PARTNER}/approximate-quote?baseAmount=-100.00&baseCurrency=EUR&quoteCurrency=BTC"
        )
    );
    assert_eq!(out.value.status.as_u16(), 200);
    assert!(
        out.value.json.contains(r#""quoteAmount":0.0012814"#),
        "{}",
        out.value.json
    );
}

#[tokio::test]
async fn call_json_reaches_every_operation_for_the_client_partner() {
    let inputs = [
        (
            &APPROXIMATE_QUOTE,
            fixture_body_text("approximate-quote.request.json"),
            format!("/partners/{PARTNER}/approximate-quote?"),
            quote_reply(),
        ),
        (
            &KYC_CREATE,
            fixture_body_text("kyc-create.request.json"),
            format!("/partners/{PARTNER}/kyc"),
            fixture_reply(201, "kyc-create.response.201.json"),
        ),
        (
            &COUNTRIES,
            "{}".to_owned(),
            format!("/countries/{PARTNER}"),
            fixture_reply(200, "countries.response.200.json"),
        ),
        (
            &PAYMENT_METHODS,
            " { } ".to_owned(),
            format!("/partners/{PARTNER}/payment-methods"),
            Reply::json(200, "[]"),
        ),
    ];
    for (op, input, path, reply) in inputs {
        let mem = memory([reply]);
        client(&mem)
            .call_json(op, &input, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        let r = mem.single();
        assert_eq!(r.method, op.method.as_str());
        assert!(r.path.starts_with(&path), "{}: {}", op.name, r.path);
    }
}

#[tokio::test]
async fn call_json_uploads_the_file_with_its_extension_type() {
    let mem = memory([fixture_reply(201, "kyc-upload-document.response.201.json")]);
    let input =
        format!(r#"{{"reviewId":"{REVIEW_ID}","externalId":"doc-7","documentType":"selfie"}}"#);
    client(&mem)
        .call_json(
            &KYC_UPLOAD_DOCUMENT,
            &input,
            upload_file("scans/Selfie.PNG", image_bytes()),
        )
        .await
        .unwrap();
    let r = mem.single();
    assert_eq!(
        r.path,
        format!("/partners/{PARTNER}/kyc/{REVIEW_ID}/documents")
    );
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(r.header("x-upload-filename"), Some("Selfie.PNG"));
    assert_eq!(r.header("x-upload-document-type"), Some("selfie"));
    assert_eq!(r.header("x-upload-external-id"), Some("doc-7"));
    assert_eq!(r.body, image_bytes());
    let claims = verify(&jwt_of(&r), Algorithm::RS256).unwrap().claims;
    assert_eq!(claims["reviewId"], REVIEW_ID);
    assert_eq!(claims["externalId"], "doc-7");
}

#[tokio::test]
async fn call_json_takes_the_content_type_from_the_input_first() {
    let mem = memory([Reply::json(201, r#"{"id":"a","externalId":"e"}"#)]);
    let input = format!(
        r#"{{"reviewId":"{REVIEW_ID}","externalId":"e","documentType":"passport","contentType":"image/heic"}}"#
    );
    client(&mem)
        .call_json(&KYC_UPLOAD_DOCUMENT, &input, upload_file("p.jpg", vec![1]))
        .await
        .unwrap();
    assert_eq!(mem.single().header("content-type"), Some("image/heic"));
}

#[tokio::test]
async fn call_json_refuses_bad_uploads_before_sending() {
    let mem = memory([Reply::json(201, "{}")]);
    let c = client(&mem);
    let input =
        format!(r#"{{"reviewId":"{REVIEW_ID}","externalId":"e","documentType":"passport"}}"#);
    let refused = |e: Error| match e {
        Error::InvalidRequest { field, message, .. } => (field, message),
        other => panic!("{other:?}"),
    };
    let cases: Vec<(Vec<InputFile>, &str)> = vec![
        (Vec::new(), "file"),
        (upload_file("p.tiff", vec![1]), "contentType"),
        (upload_file("p.jpg", Vec::new()), "document"),
        (
            vec![InputFile {
                field: "selfie".into(),
                name: "s.jpg".into(),
                bytes: vec![1u8].into(),
            }],
            "selfie",
        ),
        (
            [upload_file("a.jpg", vec![1]), upload_file("b.jpg", vec![1])].concat(),
            "file",
        ),
    ];
    for (files, field) in cases {
        let (f, message) = refused(
            c.call_json(&KYC_UPLOAD_DOCUMENT, &input, files)
                .await
                .unwrap_err(),
        );
        assert_eq!(f, field, "{message}");
    }
    // One byte over 25 MB.
    let big = vec![0u8; MAX_DOCUMENT_BYTES as usize + 1];
    let (f, message) = refused(
        c.call_json(&KYC_UPLOAD_DOCUMENT, &input, upload_file("big.pdf", big))
            .await
            .unwrap_err(),
    );
    assert_eq!(f, "document");
    assert!(message.contains("25 MB"), "{message}");
    // Input documents are read exactly.
    for (doc, field) in [
        (
            r#"{"partnerId": "a", "partnerId": "b"}"#.to_owned(),
            "partnerId",
        ),
        (r#"{"colour": 1}"#.to_owned(), "colour"),
    ] {
        let (f, message) = refused(c.call_json(&COUNTRIES, &doc, Vec::new()).await.unwrap_err());
        assert_eq!(f, field, "{doc}: {message}");
    }
    assert_eq!(mem.hits(), 0);
}

#[tokio::test]
async fn the_kyc_operations_need_the_key_however_they_are_sent() {
    let mem = memory([Reply::json(200, "[]")]);
    let c = keyless_builder(&mem).build().unwrap();
    let partner = c.partner_id().clone();
    let kyc = documented_kyc().for_partner(partner.clone());
    let upload = documented_upload().for_partner(partner);
    let opts = RequestOptions::new();
    let kyc_input = fixture_body_text("kyc-create.request.json");
    let upload_input =
        format!(r#"{{"reviewId":"{REVIEW_ID}","externalId":"e","documentType":"passport"}}"#);
    let results = [
        (
            "kyc-create",
            "submit_kyc",
            c.submit_kyc(&kyc).await.map(|_| ()),
        ),
        ("kyc-create", "send", c.send(&kyc).await.map(|_| ())),
        (
            "kyc-create",
            "send_with",
            c.send_with(&kyc, &opts).await.map(|_| ()),
        ),
        (
            "kyc-create",
            "send_with_meta",
            c.send_with_meta(&kyc, &opts).await.map(|_| ()),
        ),
        (
            "kyc-create",
            "call_json",
            c.call_json(&KYC_CREATE, &kyc_input, Vec::new())
                .await
                .map(|_| ()),
        ),
        (
            "kyc-upload-document",
            "upload_document",
            c.upload_document(&upload).await.map(|_| ()),
        ),
        (
            "kyc-upload-document",
            "send",
            c.send(&upload).await.map(|_| ()),
        ),
        (
            "kyc-upload-document",
            "send_with",
            c.send_with(&upload, &opts).await.map(|_| ()),
        ),
        (
            "kyc-upload-document",
            "send_with_meta",
            c.send_with_meta(&upload, &opts).await.map(|_| ()),
        ),
        (
            "kyc-upload-document",
            "call_json",
            c.call_json(
                &KYC_UPLOAD_DOCUMENT,
                &upload_input,
                upload_file("p.jpg", vec![1]),
            )
            .await
            .map(|_| ()),
        ),
    ];
    for (op, how, result) in results {
        match result {
            Err(Error::Sign { message, .. }) => {
                assert_eq!(
                    message,
                    format!(
                        "{op} needs the partner's RSA private key: set ClientBuilder::private_key"
                    ),
                    "{how}"
                );
            }
            other => panic!("{op} by {how}: {other:?}"),
        }
    }
    assert_eq!(mem.hits(), 0, "nothing was sent");
    // The public operations need no key.
    c.payment_methods().await.unwrap();
    assert_eq!(mem.single().header("authorization"), None);
}

#[test]
fn document_size_limit_is_25_mb() {
    assert_eq!(MAX_DOCUMENT_BYTES, 25 * 1024 * 1024);
    assert!(check_document_size(MAX_DOCUMENT_BYTES).is_ok());
    assert!(check_document_size(1).is_ok());
    let e = check_document_size(MAX_DOCUMENT_BYTES + 1).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest { .. }), "{e:?}");
    assert!(e.to_string().contains("25 MB"), "{e}");
    assert!(check_document_size(0).is_err());
}

#[test]
fn exactly_25_mb_in_memory_is_accepted_and_never_copied() {
    let bytes = vec![0u8; MAX_DOCUMENT_BYTES as usize];
    let ptr = bytes.as_ptr();
    let doc = UploadDocument::new(
        REVIEW_ID,
        "ext-1",
        DocumentType::Passport,
        "application/pdf",
        "scan.pdf",
        bytes,
    )
    .unwrap()
    .for_partner(PARTNER.parse().unwrap());
    assert_eq!(doc.bytes().len() as u64, MAX_DOCUMENT_BYTES);
    assert_eq!(doc.bytes().as_ptr(), ptr, "the bytes were copied");
    // The request's body (shared by every attempt) is the same buffer.
    let spec = doc.request().unwrap();
    assert_eq!(spec.body.unwrap().bytes.as_ptr(), ptr);
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("coinify-api-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn a_file_over_25_mb_is_refused_from_its_metadata() {
    let path = temp_path("big.jpg");
    let f = std::fs::File::create(&path).unwrap();
    // Sparse: nothing is written, the size is only metadata.
    f.set_len(26 * 1024 * 1024).unwrap();
    drop(f);
    let e = UploadDocument::from_path(
        REVIEW_ID,
        "ext-1",
        DocumentType::Passport,
        "image/jpeg",
        &path,
    )
    .unwrap_err();
    std::fs::remove_file(&path).unwrap();
    match &e {
        Error::InvalidRequest { field, message, .. } => {
            assert_eq!(field, "document");
            assert!(
                message.contains(&(26 * 1024 * 1024).to_string()),
                "{message}"
            );
            assert!(message.contains("25 MB"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn from_path_reads_the_file_once_and_names_it() {
    let path = temp_path("id front.png");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(&image_bytes())
        .unwrap();
    let doc =
        UploadDocument::from_path(REVIEW_ID, "doc-7", DocumentType::Selfie, "image/png", &path)
            .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(doc.filename(), "id front.png");
    assert_eq!(doc.bytes().as_ref(), image_bytes().as_slice());

    let mem = memory([Reply::json(201, r#"{"id":"a","externalId":"doc-7"}"#)]);
    client(&mem).upload_document(&doc).await.unwrap();
    let r = mem.single();
    assert_eq!(r.header("x-upload-filename"), Some("id front.png"));
    assert_eq!(r.header("x-upload-document-type"), Some("selfie"));
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(r.body, image_bytes());
}

#[test]
fn upload_fields_are_validated() {
    let ok = |review: &str, ext: &str, ct: &str, name: &str| {
        UploadDocument::new(review, ext, DocumentType::Passport, ct, name, vec![1u8])
    };
    assert!(ok(REVIEW_ID, "e", "image/jpeg", "a.jpg").is_ok());
    for (review, ext, ct, name, field) in [
        ("not-a-uuid", "e", "image/jpeg", "a.jpg", "reviewId"),
        (REVIEW_ID, "", "image/jpeg", "a.jpg", "X-Upload-External-Id"),
        (
            REVIEW_ID,
            "é",
            "image/jpeg",
            "a.jpg",
            "X-Upload-External-Id",
        ),
        (REVIEW_ID, "e", "jpeg", "a.jpg", "Content-Type"),
        (
            REVIEW_ID,
            "e",
            "image/jpeg\r\nX-Evil: 1",
            "a.jpg",
            "Content-Type",
        ),
        (
            REVIEW_ID,
            "e",
            "image/jpeg",
            "a\r\nX-Evil: 1.jpg",
            "X-Upload-Filename",
        ),
        (
            REVIEW_ID,
            "e",
            "image/jpeg",
            "naïve.jpg",
            "X-Upload-Filename",
        ),
        (REVIEW_ID, "e", "image/jpeg", "", "X-Upload-Filename"),
    ] {
        match ok(review, ext, ct, name) {
            Err(Error::InvalidRequest { field: f, .. }) => assert_eq!(f, field, "{name:?}"),
            other => panic!("{review} {ext} {ct} {name}: {other:?}"),
        }
    }
    let empty = UploadDocument::new(
        REVIEW_ID,
        "e",
        DocumentType::Passport,
        "image/jpeg",
        "a.jpg",
        Vec::new(),
    );
    assert!(matches!(empty, Err(Error::InvalidRequest { .. })));
}

#[test]
fn document_types_are_the_documented_values() {
    for (t, s) in [
        (DocumentType::Passport, "passport"),
        (DocumentType::NationalId, "national_id"),
        (DocumentType::DriversLicense, "drivers_license"),
        (DocumentType::Selfie, "selfie"),
    ] {
        assert_eq!(t.as_str(), s);
        assert_eq!(DocumentType::parse(s), Some(t));
        assert_eq!(serde_json::to_value(t).unwrap(), json!(s));
    }
    assert_eq!(DocumentType::parse("visa"), None);
}
