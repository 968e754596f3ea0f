//! Every recorded exchange (`fixtures/covery/recorded`), replayed through the operation table:
//! the recorded input document goes through the row's `call_json` over an in-memory
//! transport answering the recorded response; the request sent must be the recorded one and
//! the outcome the recorded one, digit for digit. The outcomes are snapshotted for review.

use std::path::PathBuf;
use std::sync::Arc;

use covery_api::OPERATIONS;
use payments_core::RetryPolicy;
use payments_test_support::replay_recorded;

#[tokio::test]
async fn every_recording_replays_through_its_table_row() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/covery/recorded"
    ));
    let outcomes = replay_recorded(OPERATIONS, dir, 17, async |transport, op, input, files| {
        let client = covery_api::Client::builder(
            covery_api::Environment::Custom("http://replay.invalid/covery".into()),
            "replay-token",
            "replay-secret",
        )
        .transport(Arc::new(transport))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
        client.call_json(op, &input, files).await
    })
    .await;
    for (name, outcome) in outcomes {
        insta::assert_json_snapshot!(name, outcome);
    }
}
