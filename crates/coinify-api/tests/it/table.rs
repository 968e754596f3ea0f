//! The operation table agrees with the fixtures, and its rows have the shape the client
//! relies on.

use coinify_api::OPERATIONS;
use coinify_api::operations::{KYC_CREATE, KYC_UPLOAD_DOCUMENT};
use payments_core::Auth;
use payments_test_support::check_operation_table;

use crate::support::{fixtures_dir, recorded_dir};

#[test]
fn the_table_and_the_fixtures_agree() {
    check_operation_table(OPERATIONS, fixtures_dir(), recorded_dir(), &[]);
}

#[test]
fn the_table_lists_the_five_operations_in_documentation_order() {
    let names: Vec<&str> = OPERATIONS.iter().map(|op| op.name).collect();
    assert_eq!(
        names,
        [
            "approximate-quote",
            "kyc-create",
            "kyc-upload-document",
            "countries",
            "payment-methods"
        ]
    );
}

#[test]
fn every_path_carries_the_partner_id_first() {
    // The client fills `{partnerId}` from its configuration.
    for op in OPERATIONS {
        assert_eq!(
            op.path_params().next(),
            Some("partnerId"),
            "{}: {}",
            op.name,
            op.path
        );
    }
}

#[test]
fn only_the_kyc_operations_need_the_partner_jwt() {
    for op in OPERATIONS {
        let kyc = std::ptr::eq(*op, &KYC_CREATE) || std::ptr::eq(*op, &KYC_UPLOAD_DOCUMENT);
        let expected = if kyc { Auth::Jwt } else { Auth::None };
        assert_eq!(op.auth, expected, "{}", op.name);
    }
}

/// Found by the `decode_responses` fuzz target (its first corpus run): the table's decoder
/// writes kyc-create's typed result, `{"review": …, "created": …}`, not the wire body, so its
/// output is not a response body to decode again (the target no longer assumes it is).
#[test]
fn kyc_create_writes_its_result_with_the_status_not_the_wire_body() {
    let body = br#"{"externalId": "kyc-review-1", "id": "8dd182d0-42a4-45ff-b9de-09598b1cb0c5"}"#;
    let check = |status: u16, created: bool| {
        let status = payments_core::http::StatusCode::from_u16(status).unwrap();
        let json = (KYC_CREATE.io.response)(status, body).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"review":{{"id":"8dd182d0-42a4-45ff-b9de-09598b1cb0c5","externalId":"kyc-review-1"}},"created":{created}}}"#
            )
        );
        assert!((KYC_CREATE.io.response)(status, json.as_bytes()).is_err());
    };
    check(200, false);
    check(201, true);
}
