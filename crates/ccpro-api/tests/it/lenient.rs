//! Fields CCPro adds that the typed model does not know are tolerated, and kept: the
//! response metadata holds the body exactly as received.

use ccpro_api::RequestOptions;
use ccpro_api::api::ListCountries;
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support;

#[tokio::test]
async fn unknown_fields_decode_and_stay_readable_digit_for_digit() {
    let body = r#"{"data":[{"code":"RO","name":"Romania","phoneCode":40,"vatRate":0.190000000000000000000000000001,"flag":{"emoji":"🇷🇴"}}],"links":{"next":null}}"#;
    let mem = MemoryTransport::new([Reply::json(200, body)]);
    let got = support::client(&mem)
        .send_with_meta(&ListCountries::new(), &RequestOptions::new())
        .await
        .unwrap();
    assert_eq!(got.value.len(), 1);
    assert_eq!(got.value[0].code, "RO");
    assert_eq!(got.meta.body.as_ref(), body.as_bytes());
    let raw: &serde_json::value::RawValue = serde_json::from_slice(&got.meta.body).unwrap();
    assert!(raw.get().contains("0.190000000000000000000000000001"));
    // The body is not in the metadata's Debug (it may hold a token).
    assert!(!format!("{:?}", got.meta).contains("Romania"));
}

/// Values whose shape the docs never show are kept as their exact JSON text: a number in
/// them keeps every digit (it never goes through f64) and is written back unchanged.
#[test]
fn undocumented_values_keep_their_exact_text() {
    use ccpro_api::types::orders::OrderPayment;
    let text = r#"{"method":"bank","proofUploaded":{"at":0.100000000000000000000000000000000000000000000000001}}"#;
    let payment: OrderPayment = serde_json::from_str(text).unwrap();
    let raw = payment.proof_uploaded.as_ref().unwrap();
    assert_eq!(
        raw.get(),
        r#"{"at":0.100000000000000000000000000000000000000000000000001}"#
    );
    assert_eq!(serde_json::to_string(&payment).unwrap(), text);
}
