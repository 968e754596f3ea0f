//! The operation table against the fixtures: every operation named once in kebab-case,
//! each with at least one documented fixture, every fixture named after an operation.

use covery_api::OPERATIONS;
use payments_test_support::check_operation_table;

use crate::support::{fixtures_dir, recorded_dir};

#[test]
fn the_table_and_the_fixtures_agree() {
    check_operation_table(
        OPERATIONS,
        fixtures_dir(),
        recorded_dir(),
        &["error", "fraud-alert-callback"],
    );
}

#[test]
fn the_table_lists_the_eight_documented_operations_in_order() {
    let rows: Vec<(&str, &str, &str)> = OPERATIONS
        .iter()
        .map(|op| (op.name, op.method.as_str(), op.path))
        .collect();
    assert_eq!(
        rows,
        [
            ("ping", "POST", "/api/ping"),
            ("send-event", "POST", "/api/sendEvent"),
            ("make-decision", "POST", "/api/makeDecision"),
            ("postback", "POST", "/api/postback"),
            ("latest-fraud-alerts", "POST", "/api/manage/fraud/latest"),
            ("find-fraud-alert", "POST", "/api/manage/fraud/find"),
            ("confirm-fraud-alert", "POST", "/api/manage/fraud/confirm"),
            ("fraud-alert-feedback", "POST", "/api/manage/fraud/feedback"),
        ]
    );
    for op in OPERATIONS {
        assert_eq!(op.auth, payments_core::Auth::Signature, "{}", op.name);
    }
}
