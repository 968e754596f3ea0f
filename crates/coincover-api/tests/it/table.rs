//! The operation table agrees with the fixtures (names, one documented example at least
//! per operation) and keeps each operation's documented method, path, auth and retry
//! safety.

use coincover_api::OPERATIONS;
use payments_core::{Auth, RetrySafety};
use payments_test_support::check_operation_table;

use crate::support::{fixtures_dir, recorded_dir};

#[test]
fn the_table_and_the_fixtures_agree() {
    check_operation_table(
        OPERATIONS,
        fixtures_dir(),
        recorded_dir(),
        &["threat-codes"],
    );
}

/// The rows, as documented: a changed method, path or retry safety is a decision, made
/// here too.
#[test]
fn every_row_is_as_documented() {
    let rows: Vec<(&str, &str, &str, Auth, RetrySafety)> = OPERATIONS
        .iter()
        .map(|op| (op.name, op.method.as_str(), op.path, op.auth, op.retry))
        .collect();
    use RetrySafety::{Idempotent, NotIdempotent};
    assert_eq!(
        rows,
        [
            (
                "check-transaction",
                "POST",
                "/transaction",
                Auth::Token,
                Idempotent
            ),
            ("create-user", "POST", "/user", Auth::Token, NotIdempotent),
            (
                "update-user",
                "PATCH",
                "/user/{userId}",
                Auth::Token,
                Idempotent
            ),
            (
                "create-plan",
                "POST",
                "/user/{userId}/plan",
                Auth::Token,
                NotIdempotent
            ),
            (
                "update-plan",
                "PATCH",
                "/user/{userId}/plan",
                Auth::Token,
                Idempotent
            ),
        ]
    );
    for op in OPERATIONS {
        assert!(op.summary.ends_with('.'), "{}: {}", op.name, op.summary);
    }
}
