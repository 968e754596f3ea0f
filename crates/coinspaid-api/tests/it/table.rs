//! The operation table agrees with the fixtures: every operation has documented examples,
//! every fixture file is named after an operation of the table (or is a documented
//! callback), and the `operation` field of each says the same.

use coinspaid_api::OPERATIONS;
use payments_core::{Auth, RetrySafety};
use payments_test_support::check_operation_table;

#[test]
fn the_table_and_the_fixtures_name_the_same_operations() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/coinspaid");
    check_operation_table(
        OPERATIONS,
        format!("{fixtures}/docs"),
        format!("{fixtures}/recorded"),
        &["callback"],
    );
}

#[test]
fn the_table_lists_the_eleven_documented_operations_in_order() {
    let names: Vec<&str> = OPERATIONS.iter().map(|op| op.name).collect();
    assert_eq!(
        names,
        [
            "ping",
            "currencies-list",
            "currencies-pairs",
            "accounts-list",
            "addresses-take",
            "withdrawal-crypto",
            "exchange-calculate",
            "futures-rates",
            "futures-confirm",
            "exchange-fixed",
            "exchange-now",
        ]
    );
}

/// Every operation is signed; only the reads may be repeated after they may have arrived.
#[test]
fn every_operation_is_signed_and_only_reads_are_idempotent() {
    let reads = [
        "ping",
        "currencies-list",
        "currencies-pairs",
        "accounts-list",
        "exchange-calculate",
        "futures-rates",
    ];
    for op in OPERATIONS {
        assert_eq!(op.auth, Auth::Signature, "{}", op.name);
        let expected = if reads.contains(&op.name) {
            RetrySafety::Idempotent
        } else {
            RetrySafety::NotIdempotent
        };
        assert_eq!(op.retry, expected, "{}", op.name);
        assert_eq!(
            op.path_params().count(),
            0,
            "{}: no path parameters",
            op.name
        );
    }
}
