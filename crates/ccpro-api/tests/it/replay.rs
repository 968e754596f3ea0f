//! Every recorded exchange (`fixtures/ccpro/recorded`, recorded against the sandbox by
//! `cargo xtask fixtures refresh`), replayed through the operation table: the recorded input
//! document goes through the row's `call_json` (user rows through a session's) over an
//! in-memory transport answering the recorded responses; each request sent must be the
//! recorded one (uploads byte for byte) and the outcome the recorded one, digit for digit.
//! The outcomes are snapshotted for review.

use std::path::PathBuf;
use std::sync::Arc;

use ccpro_api::{Client, Environment, OPERATIONS, PlatformKey, UserSession};
use payments_core::test_util::FixedClock;
use payments_core::{Auth, RetryPolicy};
use payments_test_support::replay_recorded;

use crate::support::{NOW, PLATFORM, TOKEN, USER, private_pem};

#[tokio::test]
async fn every_recording_replays_through_its_table_row() {
    let dir = crate::support::fixtures().join("recorded");
    assert!(PathBuf::from(&dir).is_dir());
    let outcomes = replay_recorded(OPERATIONS, dir, 78, async |transport, op, input, files| {
        let client = Client::builder(Environment::Custom("http://replay.invalid/ccpro".into()))
            .platform(PlatformKey::from_pem(PLATFORM, &private_pem()).unwrap())
            .transport(Arc::new(transport))
            .retry(RetryPolicy::none())
            .clock(Arc::new(FixedClock::at(NOW)))
            .build()
            .unwrap();
        if op.auth == Auth::Session {
            client
                .user(UserSession::from_token(USER, TOKEN))
                .call_json(op, &input, files)
                .await
        } else {
            client.call_json(op, &input, files).await
        }
    })
    .await;
    for (name, outcome) in outcomes {
        insta::assert_json_snapshot!(name, outcome);
    }
}
