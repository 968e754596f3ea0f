//! The same seed and the same requests give the same ids; reset() restarts them.

use payments_sandbox::SandboxConfig;

use crate::support::{Harness, start_with};

async fn uuids(h: &Harness, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..n {
        let dest = if i % 2 == 0 {
            "d"
        } else {
            "SANDBOX-THREAT-50101"
        };
        let check = h
            .check(&format!("t{i}"), "bitcoin", "w", &[(dest, "0.01", "u")])
            .await;
        out.push(check.transaction_uuid);
    }
    out
}

fn is_v4(uuid: &str) -> bool {
    let b = uuid.as_bytes();
    uuid.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'4'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
        && uuid
            .bytes()
            .all(|c| c == b'-' || c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

#[tokio::test]
async fn same_seed_same_ids_other_seed_other_ids() {
    let a = start_with(SandboxConfig::default().with_seed(42)).await;
    let b = start_with(SandboxConfig::default().with_seed(42)).await;
    let c = start_with(SandboxConfig::default().with_seed(43)).await;
    let ua = uuids(&a, 4).await;
    let ub = uuids(&b, 4).await;
    let uc = uuids(&c, 4).await;
    assert_eq!(ua, ub);
    assert!(ua.iter().all(|u| is_v4(u)), "{ua:?}");
    assert!(ua.iter().all(|u| !uc.contains(u)), "{ua:?} {uc:?}");
    let mut unique = ua.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ua.len());
}

#[tokio::test]
async fn reset_restarts_the_sequence() {
    let h = start_with(SandboxConfig::default().with_seed(7)).await;
    let first = uuids(&h, 3).await;
    h.running.sandbox().reset();
    assert_eq!(uuids(&h, 3).await, first);
}

#[tokio::test]
async fn the_default_seed_is_stable() {
    // Recordings made against a default sandbox keep their ids across versions.
    let h = start_with(SandboxConfig::default()).await;
    let first = uuids(&h, 1).await;
    assert_eq!(first, ["bfef8030-ddc2-4772-9f55-2ce482f2aa47"]);
}
