//! Each rule of docs/sandbox.md, and their order.

use std::time::Duration;

use coincover_api::{CountryCode, CreatePlan, CreateUser, ThreatCode, TransactionCheck};
use payments_sandbox::coincover::{BLOCKLISTED_WALLETS, LISTED_DESTINATIONS, THREAT_PREFIX};

use crate::support::{Harness, start};

const HOUR: Duration = Duration::from_secs(3600);
const DEST: &str = "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh";

#[track_caller]
fn assert_red(check: &TransactionCheck, code: ThreatCode) {
    assert!(check.is_red(), "{check:?}");
    assert_eq!(check.threat_code(), Some(code), "{check:?}");
    let reason = check.reason.as_ref().unwrap();
    assert_eq!(reason.category.as_deref(), Some(code.category()));
    // The sandbox's own description (CoinCover's documented "Reason" text), not the client's.
    assert_eq!(
        reason.description.as_deref(),
        payments_sandbox::coincover::threat(code.code()).map(|t| t.description)
    );
    assert_eq!(
        check.message.as_deref(),
        Some("Transaction is not protected by CoinCover.")
    );
}

#[track_caller]
fn assert_green(check: &TransactionCheck) {
    assert!(check.is_green(), "{check:?}");
    assert!(check.reason.is_none());
    assert_eq!(
        check.message.as_deref(),
        Some("Transaction is protected by CoinCover.")
    );
}

async fn user_with_plan(h: &Harness, user: &str, level: &str) {
    h.client
        .create_user(&CreateUser::new(
            user,
            "Test",
            "User",
            CountryCode::from_alpha2("GB").unwrap(),
        ))
        .await
        .unwrap();
    h.client
        .create_plan(&CreatePlan::new(user, level.parse().unwrap()))
        .await
        .unwrap();
}

#[tokio::test]
async fn every_documented_code_has_a_listed_address() {
    let h = start().await;
    for (i, code) in ThreatCode::ALL.iter().enumerate() {
        let dest = format!("{THREAT_PREFIX}{}", code.code());
        let check = h
            .check(&format!("t{i}"), "bitcoin", "w1", &[(&dest, "0.01", "u1")])
            .await;
        assert_red(&check, *code);
        // A suffix after `-` gives more addresses with the same code.
        let check = h
            .check(
                &format!("s{i}"),
                "bitcoin",
                "w1",
                &[(&format!("{dest}-x"), "0.01", "u1")],
            )
            .await;
        assert_red(&check, *code);
    }
}

#[tokio::test]
async fn the_demo_addresses_and_wallets() {
    let h = start().await;
    for (i, (dest, code)) in LISTED_DESTINATIONS.iter().enumerate() {
        let check = h
            .check(&format!("d{i}"), "ethereum", "w1", &[(dest, "0.5", "u1")])
            .await;
        assert_red(&check, ThreatCode::from_code(*code));
    }
    assert_eq!(
        LISTED_DESTINATIONS
            .iter()
            .map(|(_, c)| *c)
            .collect::<Vec<_>>(),
        [50101, 50102]
    );
    for (i, wallet) in BLOCKLISTED_WALLETS
        .iter()
        .copied()
        .chain(["SANDBOX-BLOCKLISTED-1"])
        .enumerate()
    {
        let check = h
            .check(&format!("w{i}"), "bitcoin", wallet, &[(DEST, "0.01", "u1")])
            .await;
        assert_red(&check, ThreatCode::AssociatedWithBlocklistWallet);
    }
}

#[tokio::test]
async fn a_red_answer_has_the_documented_keys_plus_reason() {
    let h = start().await;
    let body = r#"{"transactionCustomerId":"t1","coin":"bitcoin","walletId":"w1","outputs":[{"destination":"SANDBOX-THREAT-50115","amount":"0.1","userId":"u1"}]}"#;
    let raw = h.coincover("POST", "/transaction", body).await;
    assert_eq!(raw.status, 200);
    let v = raw.json();
    let mut keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["message", "reason", "status", "transactionUUID"]);
    assert_eq!(
        v["reason"],
        serde_json::json!({
            "code": 50115,
            "category": "Ransomware",
            "description": "The destination wallet address has previously been involved with ransomware attacks.",
        })
    );
    assert_eq!(v["status"], "RED");
}

#[tokio::test]
async fn unsupported_coins_are_50701_and_everything_else_green() {
    let h = start().await;
    let check = h.check("t1", "monero", "w1", &[(DEST, "1", "u1")]).await;
    assert_red(&check, ThreatCode::TokenNotSupported);
    for (i, coin) in [
        "bitcoin",
        "ethereum",
        "bitcoin-cash",
        "tether",
        "usd-coin",
        "litecoin",
    ]
    .iter()
    .enumerate()
    {
        let check = h
            .check(
                &format!("g{i}"),
                coin,
                &format!("w{i}"),
                &[(DEST, "0.5", "u1")],
            )
            .await;
        assert_green(&check);
    }
}

#[tokio::test]
async fn rules_apply_in_the_documented_order() {
    let h = start().await;
    user_with_plan(&h, "alice", "1000").await;
    // Listed destination (even in a later output) before blocklisted wallet, coin, limits.
    let check = h
        .check(
            "o1",
            "monero",
            "SANDBOX-BLOCKLISTED-w",
            &[
                (DEST, "1", "alice"),
                ("SANDBOX-THREAT-50103", "9999999", "alice"),
            ],
        )
        .await;
    assert_red(&check, ThreatCode::PhishingAddress);
    // Blocklisted wallet before the coin.
    let check = h
        .check(
            "o2",
            "monero",
            "SANDBOX-BLOCKLISTED-w",
            &[(DEST, "1", "alice")],
        )
        .await;
    assert_red(&check, ThreatCode::AssociatedWithBlocklistWallet);
    // The coin before amounts.
    let check = h
        .check("o3", "monero", "w", &[(DEST, "9999999", "alice")])
        .await;
    assert_red(&check, ThreatCode::TokenNotSupported);
    // The organisation's single-transaction limit before the user's.
    let check = h.usd("o4", "alice", "5000000.01").await;
    assert_red(&check, ThreatCode::OrganisationTransactionAmountLimit);
    // The user's limits before the wallet's.
    let check = h.usd("o5", "alice", "2000000").await;
    assert_red(&check, ThreatCode::UserTransactionAmountLimit);
    let check = h.usd("o6", "bob", "2000000").await;
    assert_red(&check, ThreatCode::WalletHourlyAmountLimit);
}

#[tokio::test]
async fn user_plan_limits() {
    let h = start().await;
    user_with_plan(&h, "alice", "1000").await;

    assert_green(&h.usd("a1", "alice", "400").await);
    // A single transaction above levelUsd.
    assert_red(
        &h.usd("a2", "alice", "1500").await,
        ThreatCode::UserTransactionAmountLimit,
    );
    // 400 + 600 = 1000 is not above the hourly limit; one dollar more is.
    assert_green(&h.usd("a3", "alice", "600").await);
    assert_red(
        &h.usd("a4", "alice", "1").await,
        ThreatCode::UserHourlyAmountLimit,
    );

    // An hour later the hour is empty, but the day holds 1000 of 2000.
    h.clock.advance(HOUR);
    assert_green(&h.usd("a5", "alice", "600").await);
    h.clock.advance(HOUR);
    assert_red(
        &h.usd("a6", "alice", "500").await,
        ThreatCode::UserDailyAmountLimit,
    );
    // RED checks did not count: exactly 2000 is still allowed.
    assert_green(&h.usd("a7", "alice", "400").await);
    assert_red(
        &h.usd("a8", "alice", "0.01").await,
        ThreatCode::UserDailyAmountLimit,
    );

    // 24 hours after the first checks their 1000 leaves the day.
    h.clock.advance(22 * HOUR);
    assert_green(&h.usd("a9", "alice", "1000").await);

    // The user's share of one transaction is summed over its outputs.
    let check = h
        .check(
            "a10",
            "tether",
            "w2",
            &[
                (DEST, "600", "carol"),
                ("d2", "600", "alice"),
                ("d3", "600", "alice"),
            ],
        )
        .await;
    assert_red(&check, ThreatCode::UserTransactionAmountLimit);

    // A changed plan applies at once.
    h.client
        .update_plan(&coincover_api::UpdatePlan::new(
            "alice",
            "5000".parse().unwrap(),
        ))
        .await
        .unwrap();
    assert_green(&h.usd("a11", "alice", "1500").await);

    // Without a plan only the organisation and wallet limits apply.
    assert_green(&h.usd("b1", "bob", "150000").await);
}

#[tokio::test]
async fn wallet_and_organisation_limits() {
    let h = start().await;
    // bitcoin at 60000 USD: 16.6667 BTC is above 1,000,000 USD.
    assert_red(
        &h.check("w0", "bitcoin", "hot", &[(DEST, "83.34", "u1")])
            .await,
        ThreatCode::OrganisationTransactionAmountLimit,
    );
    assert_red(
        &h.check("w1", "bitcoin", "hot", &[(DEST, "16.67", "u1")])
            .await,
        ThreatCode::WalletHourlyAmountLimit,
    );
    // Outputs of one transaction add up, whatever their users.
    assert_green(
        &h.check(
            "w2",
            "bitcoin",
            "hot",
            &[(DEST, "10", "u1"), (DEST, "6", "u2")],
        )
        .await,
    );
    assert_red(
        &h.check("w3", "tether", "hot", &[(DEST, "40000.01", "u3")])
            .await,
        ThreatCode::WalletHourlyAmountLimit,
    );
    // Another wallet has its own totals.
    assert_green(
        &h.check("w4", "tether", "cold", &[(DEST, "40000.01", "u3")])
            .await,
    );
    // 960,000 + 4 × 1,000,000 > 5,000,000 within 24 hours.
    for i in 0..4 {
        h.clock.advance(HOUR);
        assert_green(
            &h.check(
                &format!("d{i}"),
                "tether",
                "hot",
                &[(DEST, "1000000", "u1")],
            )
            .await,
        );
    }
    h.clock.advance(HOUR);
    assert_green(
        &h.check("d4", "tether", "hot", &[(DEST, "40000", "u1")])
            .await,
    );
    assert_red(
        &h.check("d5", "tether", "hot", &[(DEST, "0.01", "u1")])
            .await,
        ThreatCode::WalletDailyAmountLimit,
    );
}

#[tokio::test]
async fn a_retried_check_gets_the_first_answer_and_counts_once() {
    let h = start().await;
    user_with_plan(&h, "alice", "1000").await;
    let first = h.usd("r1", "alice", "600").await;
    assert_green(&first);
    let again = h.usd("r1", "alice", "600").await;
    assert_eq!(again, first);
    // Counted once: 600 + 400 is within the hour's 1000.
    assert_green(&h.usd("r2", "alice", "400").await);
    // The same id with another body is a new check.
    let other = h.usd("r1", "alice", "1").await;
    assert_red(&other, ThreatCode::UserHourlyAmountLimit);
    assert_ne!(other.transaction_uuid, first.transaction_uuid);
}
