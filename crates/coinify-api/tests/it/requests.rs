//! Every operation against a local scripted server: method, path, query, headers, the
//! exact body, and the JWT verified with the public key (algorithm, every claim).

use std::io::Write;

use coinify_api::{
    Client, CoinifyRequest, Currency, DocumentType, Environment, Error, GetApproximateQuote,
    MAX_DOCUMENT_BYTES, PRODUCTION_URL, SANDBOX_URL, TransferMedium, UploadDocument,
    check_document_size,
};
use jsonwebtoken::Algorithm;
use serde_json::{Value, json};

use crate::support::{
    ALGS, NOW, PARTNER, REVIEW_ID, USER_AGENT, bearer, builder, client, documented_kyc,
    documented_upload, fixture, image_bytes, key, verify,
};
use payments_core::test_util::server::{Recorded, Reply, ScriptedServer};

fn only(server: &ScriptedServer) -> Recorded {
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1, "{reqs:#?}");
    reqs.into_iter().next().unwrap()
}

fn quote_reply() -> Reply {
    Reply::json(
        200,
        &crate::support::fixture_body_text("approximate-quote.response.200.json"),
    )
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
    assert_eq!(c.api_client().base_url(), SANDBOX_URL);
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
    let server = ScriptedServer::start(vec![quote_reply()]).await;
    let c = client(server.base_url());
    let q = c
        .approximate_quote(
            &GetApproximateQuote::new(
                "-100".parse().unwrap(),
                Currency::new("EUR").unwrap(),
                Currency::new("BTC").unwrap(),
            )
            .with_transfer_media(TransferMedium::Card, TransferMedium::Blockchain),
        )
        .await
        .unwrap();
    let r = only(&server);
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
    let server = ScriptedServer::start(vec![quote_reply()]).await;
    let c = client(server.base_url());
    c.approximate_quote(&GetApproximateQuote::new(
        "0.00128140".parse().unwrap(),
        Currency::new("BTC").unwrap(),
        Currency::new("EUR").unwrap(),
    ))
    .await
    .unwrap();
    assert_eq!(
        only(&server).path,
        format!(
            "/partners/{PARTNER}/approximate-quote?baseAmount=0.00128140&baseCurrency=BTC&quoteCurrency=EUR"
        )
    );
}

#[tokio::test]
async fn one_transfer_medium_alone_is_refused_before_sending() {
    let server = ScriptedServer::start(vec![quote_reply()]).await;
    let c = client(server.base_url());
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
    assert_eq!(server.hits(), 0);
}

fn jwt_of(r: &Recorded) -> String {
    bearer(r.header("authorization").expect("authorization header")).to_owned()
}

#[tokio::test]
async fn submit_kyc_posts_the_documented_body_with_a_verified_jwt() {
    let server = ScriptedServer::start(vec![Reply::json(
        201,
        &crate::support::fixture_body_text("kyc.response.201.json"),
    )])
    .await;
    let c = client(server.base_url());
    let result = c.submit_kyc(&documented_kyc()).await.unwrap();
    assert!(result.created);
    assert_eq!(result.review.id, REVIEW_ID);
    assert_eq!(result.review.external_id, "id-of-the-partner-kyc-review");

    let r = only(&server);
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, format!("/partners/{PARTNER}/kyc"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    let body: Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(body, fixture("kyc.request.json")["body"]);

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
    // Not under another algorithm (another key: the next test).
    assert!(verify(&token, Algorithm::RS512).is_err());
}

#[tokio::test]
async fn submit_kyc_with_the_other_key_does_not_verify() {
    let server =
        ScriptedServer::start(vec![Reply::json(201, r#"{"id":"x","externalId":"y"}"#)]).await;
    let c = builder(server.base_url())
        .private_key(key("other_pkcs8.pem"))
        .build()
        .unwrap();
    c.submit_kyc(&documented_kyc()).await.unwrap();
    let token = jwt_of(&only(&server));
    assert!(verify(&token, Algorithm::RS256).is_err());
}

#[tokio::test]
async fn submit_kyc_200_means_it_already_existed() {
    let server = ScriptedServer::start(vec![Reply::json(
        200,
        &crate::support::fixture_body_text("kyc.response.201.json"),
    )])
    .await;
    let result = client(server.base_url())
        .submit_kyc(&documented_kyc())
        .await
        .unwrap();
    assert!(!result.created);
    assert_eq!(result.review.id, REVIEW_ID);
}

#[tokio::test]
async fn algorithm_and_ttl_are_configurable_with_either_pem_form() {
    for file in ["rsa_pkcs1.pem", "rsa_pkcs8.pem"] {
        for (alg, jalg) in ALGS {
            let server =
                ScriptedServer::start(vec![Reply::json(201, r#"{"id":"x","externalId":"y"}"#)])
                    .await;
            let c = builder(server.base_url())
                .private_key(key(file))
                .algorithm(alg)
                .token_ttl(std::time::Duration::from_secs(30))
                .build()
                .unwrap();
            c.submit_kyc(&documented_kyc()).await.unwrap();
            let data = verify(&jwt_of(&only(&server)), jalg)
                .unwrap_or_else(|e| panic!("{file} {alg:?}: {e}"));
            assert_eq!(data.header.alg, jalg);
            assert_eq!(data.claims["exp"], json!(NOW + 30));
        }
    }
}

#[tokio::test]
async fn upload_sends_raw_bytes_and_the_documented_headers() {
    let server = ScriptedServer::start(vec![Reply::json(
        201,
        &crate::support::fixture_body_text("kyc-documents.response.201.json"),
    )])
    .await;
    let c = client(server.base_url());
    let out = c.upload_document(&documented_upload()).await.unwrap();
    assert_eq!(out.id, "3ebb9ba1-015e-4a71-816d-56f57f711f4c");
    assert_eq!(out.external_id, "your-reference-for-this-document");

    let r = only(&server);
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
    let documented = &fixture("kyc-documents.request.json")["headers"];
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
    let token = jwt_of(&r);
    let claims = verify(&token, Algorithm::RS256).unwrap().claims;
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
    assert_eq!(claims["reviewId"].as_str(), Some(REVIEW_ID));
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
fn exactly_25_mb_in_memory_is_accepted() {
    // The one large buffer of the suite, handed over without a copy.
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
    .unwrap();
    assert_eq!(doc.bytes().len() as u64, MAX_DOCUMENT_BYTES);
    assert_eq!(doc.bytes().as_ptr(), ptr, "the bytes were copied");
    // Each attempt's body shares the same buffer.
    let body = doc.body().unwrap().unwrap();
    assert_eq!(body.bytes.as_ptr(), ptr);
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

    let server =
        ScriptedServer::start(vec![Reply::json(201, r#"{"id":"a","externalId":"doc-7"}"#)]).await;
    client(server.base_url())
        .upload_document(&doc)
        .await
        .unwrap();
    let r = only(&server);
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
    }
    assert_eq!(DocumentType::parse("visa"), None);
}

#[tokio::test]
async fn countries_and_payment_methods_use_the_partner_id_without_auth() {
    let server = ScriptedServer::start(vec![
        Reply::json(
            200,
            &crate::support::fixture_body_text("countries.response.200.json"),
        ),
        Reply::json(
            200,
            r#"[{"inMedium":"card","outMedium":"blockchain","name":"Card","inCurrencies":["EUR"],"minimumInAmounts":{"EUR":10.5}},{"inMedium":"sepa","limits":{"max":1}}]"#,
        ),
    ])
    .await;
    let c = client(server.base_url());
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

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].path, format!("/countries/{PARTNER}"));
    assert_eq!(reqs[1].method, "GET");
    assert_eq!(reqs[1].path, format!("/partners/{PARTNER}/payment-methods"));
    for r in &reqs {
        assert_eq!(r.header("authorization"), None);
    }
}

#[tokio::test]
async fn kyc_without_a_key_is_a_config_error_and_sends_nothing() {
    let server = ScriptedServer::start(vec![Reply::json(201, "{}")]).await;
    let c = Client::builder(Environment::Custom(server.base_url()), PARTNER)
        .build()
        .unwrap();
    let e = c.submit_kyc(&documented_kyc()).await.unwrap_err();
    assert!(matches!(e, Error::Config { .. }), "{e:?}");
    let e = c.upload_document(&documented_upload()).await.unwrap_err();
    assert!(matches!(e, Error::Config { .. }), "{e:?}");
    assert_eq!(server.hits(), 0);
}
