//! The table, the documented fixtures and the recorded fixtures agree on every name; all
//! 78 documented operations are in the table.

use ccpro_api::OPERATIONS;

use crate::support::fixtures;

#[test]
fn table_docs_and_recordings_agree() {
    payments_test_support::check_operation_table(
        OPERATIONS,
        fixtures().join("docs"),
        fixtures().join("recorded"),
        &[],
    );
}

#[test]
fn every_documented_operation_is_in_the_table() {
    assert_eq!(OPERATIONS.len(), 78);
}
