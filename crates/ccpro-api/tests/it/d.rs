//! Platform, prices, currencies and notifications, and `crate::pagination`: what the
//! data-driven docs test cannot see (refusals before sending, typed values, enum fallbacks,
//! the documented self-contradictions, the typed methods, and the page stream).

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use ccpro_api::api::prices::PriceAmount;
use ccpro_api::api::{
    BuyPrice, CurrencyHistory, ListCurrencies, ListPlatformStaff, ListTemporaryNotifications,
    SellPrice, ShowPlatform, UpdatePlatform,
};
use ccpro_api::types::currencies::{AssetType, HistoryPeriod, Operations, TradeOperation};
use ccpro_api::types::notifications::{NotificationCode, NotificationFilter};
use ccpro_api::types::platform::{IenType, LevelRequirement, Platform};
use ccpro_api::types::{OrderStatus, UserSource};
use ccpro_api::{Client, Environment, Error, OPERATIONS, Page, PageError, PageMeta, Pages};
use payments_core::{Endpoint, ExactAmount};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{self, PLATFORM, USER};

/// The documented body of `fixtures/ccpro/docs/<file>`, as compact JSON.
fn documented(file: &str) -> String {
    let text = std::fs::read_to_string(support::fixtures().join("docs").join(file)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    serde_json::to_string(&v["body"]).unwrap()
}

fn ok(file: &str) -> Reply {
    Reply::json(200, &documented(file))
}

fn exact(s: &str) -> ExactAmount {
    ExactAmount::parse(s).unwrap()
}

fn assert_refused(result: Result<impl std::fmt::Debug, Error>, field: &str, mem: &MemoryTransport) {
    match result {
        Err(Error::InvalidRequest { field: f, .. }) => assert_eq!(f, field),
        other => panic!("expected a refusal of {field}, got {other:?}"),
    }
    assert_eq!(mem.hits(), 0, "nothing may be sent");
}

// ---- validation: refused before sending -------------------------------------------

#[tokio::test]
async fn blank_and_dot_dot_ids_are_refused_before_sending() {
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let client = support::client(&mem);
    let user = support::user(&mem);
    assert_refused(
        client.send(&ShowPlatform::new("  ")).await,
        "platform",
        &mem,
    );
    assert_refused(
        client.send(&ShowPlatform::new("..")).await,
        "platform",
        &mem,
    );
    assert_refused(
        user.send(&ListCurrencies::new(" ").with_asset("ETH")).await,
        "user",
        &mem,
    );
    assert_refused(
        user.send(&ListCurrencies::new(USER).with_asset("..")).await,
        "asset",
        &mem,
    );
    assert_refused(
        user.send(&CurrencyHistory::new(USER, "ETH", HistoryPeriod::from("")))
            .await,
        "period",
        &mem,
    );
    assert_refused(user.send(&BuyPrice::new(USER, "EUR", "")).await, "to", &mem);
    assert_refused(
        user.send(&ListTemporaryNotifications::new(USER).with_notification_id(".."))
            .await,
        "notification_id",
        &mem,
    );
    assert_refused(
        user.send(&ListTemporaryNotifications::new(USER).with_page(0))
            .await,
        "page",
        &mem,
    );
    assert_refused(
        client
            .send(&ListPlatformStaff::new(PLATFORM).with_page(0))
            .await,
        "page",
        &mem,
    );
}

/// The docs: "If to_amount and from_amount are both present the endpoint will return an
/// error" (403). The SDK refuses it before sending.
#[tokio::test]
async fn price_with_both_amounts_is_refused_before_sending() {
    let mem = MemoryTransport::new([ok("price-buy.response.200.json")]);
    let user = support::user(&mem);
    let req = SellPrice::new(USER, "ETH", "EUR")
        .with_from_amount(exact("1"))
        .with_to_amount(exact("2"));
    assert_refused(user.send(&req).await, "to_amount", &mem);
    // The same through the CLI's input document.
    let doc =
        format!(r#"{{"user":"{USER}","from":"ETH","to":"EUR","from_amount":"1","to_amount":2}}"#);
    let row = OPERATIONS.iter().find(|o| o.name == "price-sell").unwrap();
    assert_refused(user.call_json(row, &doc, vec![]).await, "to_amount", &mem);
}

#[tokio::test]
async fn platform_update_checks_its_rules_before_sending() {
    let mem = MemoryTransport::new([ok("platform-update.response.200.json")]);
    let client = support::client(&mem);
    let good = || {
        UpdatePlatform::new(
            PLATFORM,
            "Google",
            "https://google.com/",
            "https://google.com/",
            IenType::Jwt,
            "#ffffff",
        )
    };
    let mut bad_colour = good();
    bad_colour.color_code = "ffffff".into();
    assert_refused(client.send(&bad_colour).await, "colorCode", &mem);
    let mut bad_colour = good();
    bad_colour.color_code = "#ffff".into();
    assert_refused(client.send(&bad_colour).await, "colorCode", &mem);
    let mut bad_type = good();
    bad_type.ien_type = IenType::from("rsa");
    assert_refused(client.send(&bad_type).await, "ienType", &mem);
    let mut blank = good();
    blank.name = " ".into();
    assert_refused(client.send(&blank).await, "name", &mem);
    let mut long = good();
    long.base_url = format!("https://{}.com/", "a".repeat(190));
    assert_refused(client.send(&long).await, "baseUrl", &mem);
    for url in [
        "google.com",
        "https://",
        "https://goo gle.com",
        "ftp://google.com",
    ] {
        let mut not_url = good();
        not_url.ien_url = url.into();
        assert_refused(client.send(&not_url).await, "ienUrl", &mem);
    }
    // `#abc` is a colour too.
    let mut short = good();
    short.color_code = "#aBc".into();
    client.send(&short).await.unwrap();
}

#[tokio::test]
async fn platform_methods_need_the_platform_key() {
    let mem = MemoryTransport::new([ok("platform-show.response.200.json")]);
    let client = Client::builder(Environment::Custom("https://ccpro.test".into()))
        .transport(Arc::new(mem.clone()))
        .build()
        .unwrap();
    let e = client.platform().await.unwrap_err();
    assert!(matches!(e, Error::Config { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("platform-show needs the platform key")
    );
    let mut staff = client.platform_staff_stream();
    let first = staff.next_item().await.unwrap();
    assert!(matches!(first, Err(PageError::Fetch(Error::Config { .. }))));
    assert!(staff.next_item().await.is_none());
    assert_eq!(mem.hits(), 0);
}

// ---- typed values of the documented answers ----------------------------------------

#[test]
fn price_amounts_keep_all_fifty_digits_and_percent_stays_a_number() {
    let price = BuyPrice::decode(
        payments_core::http::StatusCode::OK,
        documented("price-buy.response.200.json").as_bytes(),
    )
    .unwrap();
    assert_eq!(
        price.rate.as_ref().unwrap().as_str(),
        "6383.37700000000000000000000000000000000000000000000000"
    );
    let amounts = price.amounts.as_ref().unwrap();
    assert_eq!(
        amounts.to.as_ref().unwrap().as_str(),
        "0.01566568917988080603730595889918455388111966440334"
    );
    let commission = price.commission.as_ref().unwrap();
    let percent = commission.percent.as_ref().unwrap();
    assert_eq!(percent.as_str(), "0.1");
    assert!(percent.was_number());
    assert_eq!(price.operation, Some(TradeOperation::BuyWithFiat));
    let out = serde_json::to_string(&price).unwrap();
    assert!(out.contains(r#""percent":0.1,"discount":0"#), "{out}");
    assert!(out.contains(r#""to":"0.01566568917988080603730595889918455388111966440334""#));
}

#[test]
fn withdraw_ico_rate_keeps_its_capital_exponent() {
    let price = ccpro_api::api::WithdrawIcoPrice::decode(
        payments_core::http::StatusCode::OK,
        documented("price-withdraw-ico.response.200.json").as_bytes(),
    )
    .unwrap();
    let rate = price.rate.unwrap();
    assert_eq!(rate.as_str(), "6.304E-5");
    assert_eq!(rate, exact("0.00006304"));
    // The path says withdraw-ico; the operation value is camelCase.
    assert_eq!(price.operation, Some(TradeOperation::WithdrawIco));
}

fn platform() -> Platform {
    ShowPlatform::decode(
        payments_core::http::StatusCode::OK,
        documented("platform-show.response.200.json").as_bytes(),
    )
    .unwrap()
}

#[test]
fn platform_levels_are_string_numbers_with_integer_limits() {
    let p = platform();
    assert_eq!(p.levels.len(), 5);
    let l4 = &p.levels[3];
    assert_eq!(l4.level.as_deref(), Some("4"));
    let max = l4.max.as_ref().unwrap();
    assert_eq!(max.buy.as_ref().unwrap().as_str(), "25000");
    assert!(max.buy.as_ref().unwrap().was_number());
    // Level 4's limit is lower than level 3's, as documented (kept, not "fixed").
    assert!(max.buy < p.levels[2].max.as_ref().unwrap().buy);
    assert!(
        l4.required
            .contains(&LevelRequirement::EnhancedDueDiligence)
    );
    let card = &p.payment_methods.as_ref().unwrap().card[0];
    let limits = card.limits.as_ref().unwrap();
    assert_eq!(limits.first_max_order_value, Some(exact("1000")));
    assert_eq!(limits.upper.as_ref().unwrap().value, None);
    assert_eq!(p.ien.as_ref().unwrap().kind, Some(IenType::Jwt));
    assert_eq!(p.created_at, None);
}

/// Reference §8.44: operation limits are `null` in #16 but `""` in #38; both are "no
/// limit" (`None`).
#[tokio::test]
async fn operation_limits_null_in_currency_list_and_empty_in_platform_are_both_none() {
    let p = platform();
    let coin = &p.currencies.as_ref().unwrap().coins[0];
    let ops = coin.operations.as_ref().unwrap();
    let deposit = ops.general(&TradeOperation::Deposit).unwrap();
    let crypto = deposit.limits.as_ref().unwrap().crypto.as_ref().unwrap();
    assert_eq!((crypto.min.as_ref(), crypto.max.as_ref()), (None, None));

    let mem = MemoryTransport::new([ok("currency-list.response.200.json")]);
    let user = support::user(&mem);
    let currencies = user.currencies(Some("ETH")).await.unwrap();
    assert!(mem.single().path.ends_with("/currencies/ETH"));
    let eth = &currencies.coins[0];
    assert_eq!(eth.kind, Some(AssetType::Coin));
    let ops = eth.operations.as_ref().unwrap();
    let fiat = ops
        .general(&TradeOperation::Withdraw)
        .unwrap()
        .limits
        .as_ref()
        .unwrap()
        .fiat
        .as_ref()
        .unwrap();
    assert_eq!((fiat.min.as_ref(), fiat.max.as_ref()), (None, None));
    let history = &eth.rates.as_ref().unwrap().raw.as_ref().unwrap().history;
    assert_eq!(
        history.as_ref().unwrap()["day"][0].rate,
        Some(exact("125.93000"))
    );
}

/// S-OPERATIONS (reference §2.3): an array of single-key objects, kept in order, with
/// the operation that may follow.
#[test]
fn operations_keep_their_order_and_second_operations() {
    let p = platform();
    let ops: &Operations = p.currencies.as_ref().unwrap().coins[0]
        .operations
        .as_ref()
        .unwrap();
    let general: Vec<&str> = ops.general.iter().map(|e| e.operation.as_str()).collect();
    assert_eq!(general, ["withdraw", "deposit"]);
    let buy = ops.particular("EUR", &TradeOperation::BuyWithFiat).unwrap();
    assert_eq!(buy.status, Some(true));
    assert_eq!(buy.second_operations[0].operation, TradeOperation::Withdraw);
    assert_eq!(buy.second_operations[0].spec.mandatory, Some(false));
    assert!(
        ops.particular("USD", &TradeOperation::BuyWithFiat)
            .is_none()
    );
    let json = serde_json::to_string(ops).unwrap();
    assert!(
        json.starts_with(r#"{"General":[{"withdraw":{"status":true"#),
        "{json}"
    );
}

#[test]
fn unknown_enum_values_are_kept_and_written_back() {
    let text = r#"{"General":[{"stake":{"status":true,"limits":{"crypto":{"min":"0.5","max":100},"fiat":null},"secondOperations":[{"unstake":{"mandatory":true}}]}}],"Particular":{}}"#;
    let ops: Operations = serde_json::from_str(text).unwrap();
    assert_eq!(
        ops.general[0].operation,
        TradeOperation::Unknown("stake".into())
    );
    assert_eq!(serde_json::to_string(&ops).unwrap(), text);
    let order: ccpro_api::types::Order =
        serde_json::from_str(r#"{"status":"ON_HOLD","type":"nft"}"#).unwrap();
    assert_eq!(order.status, Some(OrderStatus::Unknown("ON_HOLD".into())));
    assert_eq!(order.asset_type, Some(AssetType::Unknown("nft".into())));
}

/// Reference §8.7: `{asset}` and `{period}` are marked "optional" but are path segments;
/// the example URL puts `day|week|month|quarter|semester|year` in `{period}`. Both are
/// required, and a period this version does not know is still sent (encoded).
#[tokio::test]
async fn currency_history_segments_are_required_though_documented_optional() {
    let mem = MemoryTransport::new([ok("currency-history.response.200.json")]);
    let user = support::user(&mem);
    let row = OPERATIONS
        .iter()
        .find(|o| o.name == "currency-history")
        .unwrap();
    let missing = user
        .call_json(
            row,
            &format!(r#"{{"user":"{USER}","asset":"ETH"}}"#),
            vec![],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&missing, Error::InvalidRequest { message, .. } if message.contains("period")),
        "{missing:?}"
    );
    assert_eq!(mem.hits(), 0);

    let points = user
        .currency_history("ETH", HistoryPeriod::Week)
        .await
        .unwrap();
    assert_eq!(points[0].rate, Some(exact("127.98000")));
    assert_eq!(points[0].created_at, Some(1_550_534_431));
    assert_eq!(
        mem.single().path,
        format!("/api/v1/user/{USER}/currencies/ETH/history/week")
    );

    let mem = MemoryTransport::new([ok("currency-history.response.200.json")]);
    let user = support::user(&mem);
    let odd = HistoryPeriod::from("day|week");
    assert_eq!(odd, HistoryPeriod::Unknown("day|week".into()));
    user.currency_history("ETH", odd).await.unwrap();
    assert!(mem.single().path.ends_with("/history/day%7Cweek"));
}

/// Reference §8.8: `{from}`/`{to}` are missing from the tables and `from_amount`/
/// `to_amount` are named only in prose. Amounts go out exactly as written.
#[tokio::test]
async fn price_from_to_are_path_segments_and_amounts_go_out_as_written() {
    let mem = MemoryTransport::new([ok("price-buy.response.200.json")]);
    let user = support::user(&mem);
    user.buy_price(
        "EUR",
        "XBT",
        PriceAmount::From(exact(
            "100.00000000000000000000000000000000000000000000000001",
        )),
    )
    .await
    .unwrap();
    let sent = mem.single();
    assert_eq!(sent.method, "GET");
    assert_eq!(
        sent.path,
        format!(
            "/api/v1/user/{USER}/price/buy/EUR/XBT?from_amount=100.00000000000000000000000000000000000000000000000001"
        )
    );
    assert!(sent.body.is_empty());

    for (call, path) in [
        (0, "sell/ETH/EUR?to_amount=1E%2B2"),
        (1, "withdraw/ETH/ETH"),
        (2, "withdraw-ico/IPSX/IPSX?from_amount=6.0e-6"),
    ] {
        let mem = MemoryTransport::new([ok("price-sell.response.200.json")]);
        let user = support::user(&mem);
        match call {
            0 => user
                .sell_price("ETH", "EUR", PriceAmount::To(exact("1E+2")))
                .await
                .unwrap(),
            1 => user
                .withdraw_price("ETH", "ETH", PriceAmount::RateOnly)
                .await
                .unwrap(),
            _ => user
                .withdraw_ico_price("IPSX", "IPSX", PriceAmount::From(exact("6.0e-6")))
                .await
                .unwrap(),
        };
        assert_eq!(
            mem.single().path,
            format!("/api/v1/user/{USER}/price/{path}")
        );
    }
}

/// Reference §8.32: `meta.total` is 2 while `data` holds 8 items; it is kept as sent and
/// not taken for a page count.
#[tokio::test]
async fn permanent_notifications_total_is_not_the_item_count() {
    let mem = MemoryTransport::new([ok("notification-permanent.response.200.json")]);
    let user = support::user(&mem);
    let page = user.permanent_notifications().await.unwrap();
    assert_eq!(page.data.len(), 8);
    let meta = page.meta.as_ref().unwrap();
    assert_eq!(meta.total, Some(2));
    assert_eq!((meta.current_page, meta.last_page), (None, None));
    assert!(!page.has_more());
    assert_eq!(page.data[1].code, Some(NotificationCode::SelfDeletedAt));
    assert_eq!(serde_json::to_string(&page.meta).unwrap(), r#"{"total":2}"#);
}

/// Reference §8.37: the platform examples' `externalPlatform.code`/`name` are swapped; the
/// SDK keeps them as sent rather than guessing.
#[tokio::test]
async fn external_platform_code_and_name_are_kept_as_sent() {
    let mem = MemoryTransport::new([ok("platform-orders.response.200.json")]);
    let client = support::client(&mem);
    let orders = client.platform_orders().await.unwrap();
    let ext = orders[0].external_platform.as_ref().unwrap();
    assert_eq!(ext.code.as_deref(), Some("PlatformName"));
    assert_eq!(ext.name.as_deref(), Some("PlatformCode"));
    assert_eq!(
        orders[0].from_amount.as_ref().unwrap().as_str(),
        "500.0000000000000000000000000"
    );
    assert_eq!(orders[0].status, Some(OrderStatus::ProcessingPayment));
    assert_eq!(
        orders[0]
            .user
            .as_ref()
            .unwrap()
            .meta
            .as_ref()
            .unwrap()
            .source,
        Some(UserSource::Api)
    );
}

/// Reference §8.51: platform calls carry the status as a string and the bodies as JSON
/// inside strings; both are kept as sent.
#[tokio::test]
async fn platform_call_status_is_a_string() {
    let mem = MemoryTransport::new([ok("platform-calls.response.200.json")]);
    let client = support::client(&mem);
    let calls = client.platform_calls().await.unwrap();
    assert_eq!(calls[0].status.as_deref(), Some("200"));
    assert_eq!(calls[0].status_code(), Some(200));
    assert_eq!(calls[0].request.as_deref(), Some(r#"{"some":"data"}"#));
}

/// Reference §8.27: the update's answer ignores what was sent (`#ffffff` sent, `#333246`
/// returned). The SDK sends the flat body and returns the answer as it is.
#[tokio::test]
async fn platform_update_returns_the_answer_even_when_it_ignores_the_update() {
    let mem = MemoryTransport::new([ok("platform-update.response.200.json")]);
    let client = support::client(&mem);
    let p = client
        .update_platform(
            "Google",
            "https://google.com/",
            "https://google.com/",
            IenType::Hmac,
            "#ffffff",
        )
        .await
        .unwrap();
    assert_eq!(p.color_code.as_deref(), Some("#333246"));
    let sent = mem.single();
    assert_eq!(sent.method, "POST");
    assert_eq!(
        String::from_utf8(sent.body.clone()).unwrap(),
        r##"{"name":"Google","baseUrl":"https://google.com/","ienUrl":"https://google.com/","ienType":"hmac","colorCode":"#ffffff"}"##
    );
    let claims = support::verify_jwt(sent.header("token").unwrap());
    assert_eq!(claims["platform"], PLATFORM);
}

// ---- typed convenience methods ------------------------------------------------------

#[tokio::test]
async fn platform_typed_methods_send_the_platform_jwt() {
    let client_of = |file: &str| {
        let mem = MemoryTransport::new([ok(file)]);
        (support::client(&mem), mem)
    };
    let (c, mem) = client_of("platform-show.response.200.json");
    assert_eq!(c.platform().await.unwrap().code.as_deref(), Some("GOGL"));
    let (c, m2) = client_of("platform-users.response.200.json");
    assert_eq!(
        c.platform_users().await.unwrap()[0].username.as_deref(),
        Some("test")
    );
    let (c, m3) = client_of("platform-quotes.response.200.json");
    assert_eq!(
        c.platform_quotes().await.unwrap()[0].total,
        Some(exact("34.4425"))
    );
    let (c, m4) = client_of("platform-checkouts.response.200.json");
    assert_eq!(
        c.platform_checkouts().await.unwrap()[0]
            .attempts_quote
            .unwrap()
            .limit,
        Some(3)
    );
    let (c, m5) = client_of("platform-transfers.response.200.json");
    let t = &c.platform_transfers().await.unwrap()[0];
    assert_eq!(t.symbol.as_deref(), Some("ETH"));
    assert_eq!(t.commission.as_ref().unwrap().percent, Some(exact("5")));
    let (c, m6) = client_of("platform-staff.response.200.json");
    let staff = c.platform_staff(None).await.unwrap();
    assert_eq!(staff.data[0].role.as_deref(), Some("superadmin"));
    assert!(staff.meta.as_ref().unwrap().snake_case);
    for (m, path) in [
        (mem, ""),
        (m2, "/user"),
        (m3, "/quote"),
        (m4, "/checkout"),
        (m5, "/transfer"),
        (m6, "/staff"),
    ] {
        let sent = m.single();
        assert_eq!(sent.method, "GET");
        assert_eq!(sent.path, format!("/api/v1/platform/{PLATFORM}{path}"));
        let claims = support::verify_jwt(sent.header("token").unwrap());
        assert_eq!(claims["platform"], PLATFORM);
        assert!(sent.header("authorization").is_none());
    }
}

#[tokio::test]
async fn notification_typed_methods() {
    let mem = MemoryTransport::new([ok("notification-temporary.response.200.json")]);
    let user = support::user(&mem);
    let page = user
        .temporary_notifications(Some(NotificationFilter::Unread), Some(2))
        .await
        .unwrap();
    assert_eq!(page.data[0].read_at, None);
    assert_eq!(
        mem.single().path,
        format!("/api/v1/user/{USER}/notifications/temporary?type=unread&page=2")
    );

    let mem = MemoryTransport::new([ok("notification-temporary.response.200.json")]);
    let user = support::user(&mem);
    user.temporary_notification("7b10e453").await.unwrap();
    assert_eq!(
        mem.single().path,
        format!("/api/v1/user/{USER}/notifications/temporary/7b10e453")
    );

    let mem = MemoryTransport::new([ok("notification-mark-read.response.200.json")]);
    let user = support::user(&mem);
    let read = user.mark_notifications_read().await.unwrap();
    assert_eq!(read.data[0].read_at, Some(1_582_958_238));
    let sent = mem.single();
    assert_eq!(sent.method, "POST");
    assert!(sent.body.is_empty());
    assert_eq!(
        sent.path,
        format!("/api/v1/user/{USER}/notifications/temporary/mark-as-read")
    );
}

// ---- pagination ---------------------------------------------------------------------

fn notification_page(page: u64, last: u64, ids: std::ops::Range<u64>) -> Reply {
    let items: Vec<String> = ids
        .map(|i| format!(r#"{{"id":"n{i}","readAt":null}}"#))
        .collect();
    Reply::json(
        200,
        &format!(
            r#"{{"data":[{}],"meta":{{"total":{},"currentPage":{page},"perPage":2,"lastPage":{last}}}}}"#,
            items.join(","),
            last * 2
        ),
    )
}

#[tokio::test]
async fn notifications_stream_walks_camel_case_pages_in_order() {
    let mem = MemoryTransport::new([
        notification_page(1, 3, 0..2),
        notification_page(2, 3, 2..4),
        notification_page(3, 3, 4..5),
    ]);
    let user = support::user(&mem);
    let all = user
        .temporary_notifications_stream()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|n| n.id.as_deref().unwrap()).collect();
    assert_eq!(ids, ["n0", "n1", "n2", "n3", "n4"]);
    let paths: Vec<String> = mem.requests().into_iter().map(|r| r.path).collect();
    let base = format!("/api/v1/user/{USER}/notifications/temporary");
    assert_eq!(
        paths,
        [
            base.clone(),
            format!("{base}?page=2"),
            format!("{base}?page=3")
        ]
    );
}

#[tokio::test]
async fn staff_stream_walks_snake_case_pages() {
    let page = |p: u64| {
        Reply::json(
            200,
            &format!(
                r#"{{"data":[{{"id":"s{p}","role":"superadmin"}}],"meta":{{"total":2,"current_page":{p},"per_page":1,"last_page":2}}}}"#
            ),
        )
    };
    let mem = MemoryTransport::new([page(1), page(2)]);
    let client = support::client(&mem);
    let mut stream = client.platform_staff_stream();
    let mut ids = Vec::new();
    while let Some(s) = stream.next_item().await {
        ids.push(s.unwrap().id.unwrap());
    }
    assert_eq!(ids, ["s1", "s2"]);
    assert_eq!(stream.pages_fetched(), 2);
    let requests = mem.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[1].path,
        format!("/api/v1/platform/{PLATFORM}/staff?page=2")
    );
    for r in &requests {
        assert_eq!(
            support::verify_jwt(r.header("token").unwrap())["platform"],
            PLATFORM
        );
    }
}

#[tokio::test]
async fn a_total_only_meta_is_one_page() {
    let calls = AtomicU64::new(0);
    let pages = Pages::new(|_page| {
        calls.fetch_add(1, Ordering::SeqCst);
        async {
            Ok(
                serde_json::from_str::<Page<u32>>(r#"{"data":[1,2,3],"meta":{"total":2}}"#)
                    .unwrap(),
            )
        }
    });
    assert_eq!(pages.try_collect().await.unwrap(), [1, 2, 3]);
    assert_eq!(calls.load(Ordering::SeqCst), 1);

    // No meta at all: one page too.
    let pages = Pages::new(|_page| async {
        Ok(Page {
            data: vec![7u8],
            meta: None,
        })
    });
    assert_eq!(pages.try_collect().await.unwrap(), [7]);
}

/// A server that ignores `page` answers page 1 forever: the stream yields page 1's items,
/// then a typed error, then ends (it never loops).
#[tokio::test]
async fn a_server_repeating_a_page_ends_the_stream_with_a_typed_error() {
    let mem = MemoryTransport::new([notification_page(1, 5, 0..2)]);
    let user = support::user(&mem);
    let mut stream = user.temporary_notifications_stream();
    assert_eq!(
        stream.next_item().await.unwrap().unwrap().id.as_deref(),
        Some("n0")
    );
    assert_eq!(
        stream.next_item().await.unwrap().unwrap().id.as_deref(),
        Some("n1")
    );
    match stream.next_item().await {
        Some(Err(PageError::UnexpectedPage {
            requested: 2,
            received: 1,
        })) => {}
        other => panic!("expected UnexpectedPage, got {other:?}"),
    }
    assert!(stream.next_item().await.is_none());
    assert!(stream.next_item().await.is_none());
    assert_eq!(mem.hits(), 2);
}

fn meta(current: u64, last: u64) -> Option<PageMeta> {
    Some(PageMeta {
        total: None,
        current_page: Some(current),
        per_page: Some(2),
        last_page: Some(last),
        snake_case: false,
    })
}

#[tokio::test]
async fn the_max_pages_bound_ends_with_a_typed_error() {
    let pages = Pages::new(|p| async move {
        Ok(Page {
            data: vec![p * 10, p * 10 + 1],
            meta: meta(p, 1_000_000),
        })
    })
    .max_pages(3);
    let mut stream = pages;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    while let Some(item) = stream.next_item().await {
        match item {
            Ok(i) => items.push(i),
            Err(e) => errors.push(e),
        }
    }
    assert_eq!(items, [10, 11, 20, 21, 30, 31]);
    assert!(
        matches!(errors[..], [PageError::TooManyPages { max_pages: 3 }]),
        "{errors:?}"
    );
    assert_eq!(stream.pages_fetched(), 3);

    // The bound reached exactly on the last page is no error.
    let pages = Pages::new(|p| async move {
        Ok(Page {
            data: vec![p],
            meta: meta(p, 2),
        })
    })
    .max_pages(2);
    assert_eq!(pages.try_collect().await.unwrap(), [1, 2]);

    // The default bound is 1000.
    let mut pages = Pages::new(|p| async move {
        Ok(Page {
            data: vec![p],
            meta: meta(p, u64::MAX),
        })
    });
    let mut n = 0;
    while let Some(Ok(_)) = pages.next_item().await {
        n += 1;
    }
    assert_eq!(n, 1000);
    assert!(pages.next_item().await.is_none());
}

#[tokio::test]
async fn an_empty_page_or_a_failed_fetch_ends_the_stream() {
    let pages = Pages::new(|p| async move {
        let data = if p == 1 { vec![1u8] } else { vec![] };
        Ok(Page {
            data,
            meta: meta(p, 9),
        })
    });
    assert_eq!(pages.try_collect().await.unwrap(), [1]);

    let mem = MemoryTransport::new([
        notification_page(1, 2, 0..1),
        Reply::json(403, r#"{"message":"Unable to process your request."}"#),
    ]);
    let user = support::user(&mem);
    let mut stream = user.temporary_notifications_stream();
    assert!(stream.next_item().await.unwrap().is_ok());
    match stream.next_item().await {
        Some(Err(PageError::Fetch(Error::Api(api)))) => {
            assert_eq!(api.status.as_u16(), 403);
        }
        other => panic!("{other:?}"),
    }
    assert!(stream.next_item().await.is_none());
}

/// Each item of a fake page holds a share of its page's token; the token counts pages
/// alive. The consumer drops every item at once, so a page stays alive only while the
/// stream holds it.
struct PageToken(Arc<AtomicUsize>);

impl Drop for PageToken {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

struct Item {
    id: u64,
    _page: Arc<PageToken>,
}

#[tokio::test]
async fn a_stream_over_100_000_items_holds_one_page_at_a_time() {
    const PAGES: u64 = 4_000;
    const PER_PAGE: u64 = 25;
    let alive = Arc::new(AtomicUsize::new(0));
    let most_alive_at_fetch = Arc::new(AtomicUsize::new(0));
    let (a, m) = (alive.clone(), most_alive_at_fetch.clone());
    let fetch = move |p: u64| {
        // Pages alive when the stream asks for the next one: must be none.
        m.fetch_max(a.load(Ordering::SeqCst), Ordering::SeqCst);
        a.fetch_add(1, Ordering::SeqCst);
        let token = Arc::new(PageToken(a.clone()));
        let data: Vec<Item> = (0..PER_PAGE)
            .map(|i| Item {
                id: (p - 1) * PER_PAGE + i,
                _page: token.clone(),
            })
            .collect();
        drop(token);
        async move {
            Ok(Page {
                data,
                meta: meta(p, PAGES),
            })
        }
    };
    let mut stream = Pages::new(fetch).max_pages(PAGES);
    let mut next_id = 0;
    let mut most_alive = 0;
    loop {
        let item =
            std::future::poll_fn(|cx| futures_core::Stream::poll_next(Pin::new(&mut stream), cx))
                .await;
        let Some(item) = item else { break };
        let item = item.unwrap();
        assert_eq!(item.id, next_id, "every item once, in order");
        next_id += 1;
        most_alive = most_alive.max(alive.load(Ordering::SeqCst));
        drop(item);
    }
    assert_eq!(next_id, PAGES * PER_PAGE);
    assert_eq!(next_id, 100_000);
    assert_eq!(stream.pages_fetched(), PAGES);
    assert_eq!(most_alive, 1, "never more than one page alive");
    assert_eq!(most_alive_at_fetch.load(Ordering::SeqCst), 0);
    assert_eq!(alive.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_streams_can_move_to_another_task() {
    fn assert_send<T: Send>(_: &T) {}
    let mem = MemoryTransport::new([notification_page(1, 1, 0..3)]);
    let user = support::user(&mem);
    assert_send(&user.temporary_notifications_stream());
    let client = support::client(&mem);
    assert_send(&client.platform_staff_stream());
    let handle = tokio::spawn(async move {
        let user = user;
        user.temporary_notifications_stream().try_collect().await
    });
    assert_eq!(handle.await.unwrap().unwrap().len(), 3);
}
