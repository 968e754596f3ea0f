//! Banks, cards, wallets, deposits, countries, balances and account closing: what the
//! docs-driven test cannot see. Refusals before sending, typed values of the documented
//! answers, unknown enum values, the docs' self-contradictions these shapes absorb, and
//! the typed convenience methods.

use ccpro_api::api::{
    CardDetails, CreateBank, CreateCard, CreateDeposit, GetBalances, GetBank, GetDepositAddress,
    ListBanks, ListCards, ListWallets, StatusFilter, UpdateCard, UpdateWallet,
};
use ccpro_api::operations;
use ccpro_api::types::{
    AssetType, Balances, Bank, Card, Country, DepositDestination, Order, OrderDirection,
    OrderStatus, ReviewStatus, TradeOperation, Wallet,
};
use ccpro_api::{CcproReason, Endpoint, Error, File, ccpro_error};
use payments_core::{ExactAmount, InputFile};
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;

use crate::support::{self, TOKEN, USER};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF";

const BANK: &str = r#"{"data":{"id":"aa7a66a2-fbb5-422e-bc52-7912fa2c96f9","status":"CONFIRMED","bankName":"bank name","iban":"RO020NGB00009999002858000","swift":"123456","currency":"RON","createdAt":1557411215}}"#;
const CARD: &str = r#"{"data":{"id":"5d482936-d7b4-4ef2-bef7-a230ca712a4b","status":"CONFIRMED","alias":"test","holderName":"Alin","expirationDate":"06\/19","lastFourDigits":"2453","cardImage1":"1945","cardImage2":"1946","createdAt":1557411204}}"#;
const WALLET: &str = r#"{"data":{"id":"0b5d1b5c-a84e-459d-86d1-df2c0619f4e6","status":"CONFIRMED","alias":"Thanos","address":"0xEfC0c81abd46941766E2Ae9a30c57DF75b161111","coin":"ETH","createdAt":1555335338}}"#;
const DEPOSIT: &str = r#"{"data":{"id":"f7cd7280-b75c-45ac-ac26-193162e74fc1","status":"PROCESSING_PAYMENT","type":"token","typeOperation":"in","typeOperationName":"deposit","fromSymbol":null,"fromAmount":"0","rate":"0","toSymbol":"IPSX","toAmount":"100.0000000000000000000000000","wallet":"0x2f203264a671832b543acfd5558ae684cd1c5a5a","txId":"0xccb5d3e14b73a10708839f9d4fb9a733696b0bd10a84782cd52fc70d13595a25","payment":{"method":null,"id":null,"url":null,"feePercent":0,"proofUploaded":null},"commissions":{"percent":"0.0000000000000000000000000","amount":"0.0000000000000000000000000"},"quote":null,"externalPlatform":null,"kycLevelRequired":3,"createdAt":1556095674}}"#;
const ADDRESS: &str = r#"{"data":{"id":"2080fbfd-b6db-400a-afdd-73bf9c5dc8cc","address":"0x123456789012345678901234567890","type":"cold","destination":"broker","status":"enabled","chain":"ETH","createdAt":1567002753}}"#;

fn fixture_body(name: &str) -> String {
    let text = std::fs::read_to_string(support::fixtures().join("docs").join(name)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Amounts are checked from raw text elsewhere; here only strings and ints matter, and
    // serde_json keeps both exactly.
    v["body"].to_string()
}

fn png(name: &str) -> File {
    File::new(name, PNG.to_vec())
}

fn details() -> CardDetails {
    CardDetails::new(
        "Alin Ionut",
        "10/29",
        "1234",
        "MyFavoriteCard",
        png("front.png"),
        png("holding.png"),
    )
}

fn x(s: &str) -> ExactAmount {
    ExactAmount::parse(s).unwrap()
}

/// Sends `endpoint` through a user client over a transport that would answer `{}`, and
/// returns the refusal; asserts nothing was sent.
async fn refused<E: Endpoint>(endpoint: &E) -> (String, String) {
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let result = support::user(&mem).send(endpoint).await;
    assert_eq!(mem.hits(), 0, "nothing may be sent");
    match result {
        Err(Error::InvalidRequest { field, message, .. }) => (field, message),
        other => panic!("not refused: {:?}", other.map(|_| ())),
    }
}

/// The same through the table (`call_json`), with files.
async fn refused_doc(
    op: &'static payments_core::Operation,
    doc: &str,
    files: Vec<InputFile>,
) -> (String, String) {
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let result = support::user(&mem).call_json(op, doc, files).await;
    assert_eq!(mem.hits(), 0, "nothing may be sent");
    match result {
        Err(Error::InvalidRequest { field, message, .. }) => (field, message),
        other => panic!("not refused: {other:?}"),
    }
}

fn input(field: &str, name: &str, bytes: &[u8]) -> InputFile {
    InputFile {
        field: field.into(),
        name: name.into(),
        bytes: bytes.to_vec().into(),
    }
}

const CARD_DOC: &str = r#"{"user":"u-1","holderName":"Alin Ionut","expirationDate":"10/19","lastFourDigits":"1234","alias":"MyFavoriteCard"}"#;

// ---- refusals: nothing is sent ----------------------------------------------------------

#[tokio::test]
async fn blank_and_dot_dot_ids_are_refused_before_sending() {
    assert_eq!(refused(&ListBanks::new("  ")).await.0, "user");
    assert_eq!(refused(&GetBank::new(USER, "")).await.0, "bank");
    assert_eq!(refused(&GetBank::new(USER, "..")).await.0, "bank");
    assert_eq!(
        refused(&GetBalances::new(USER).with_asset("..")).await.0,
        "asset"
    );
    assert_eq!(
        refused(&UpdateWallet::new(USER, " \t", "Thanos")).await.0,
        "wallet"
    );
    let (field, _) = refused_doc(
        &operations::CARD_SHOW,
        r#"{"user":"u-1","card":".."}"#,
        vec![],
    )
    .await;
    assert_eq!(field, "card");
}

#[tokio::test]
async fn a_card_without_either_image_is_refused_before_sending() {
    let (field, _) = refused_doc(
        &operations::CARD_CREATE,
        CARD_DOC,
        vec![input("cardImage1", "front.png", PNG)],
    )
    .await;
    assert_eq!(field, "cardImage2");
    let (field, _) = refused_doc(&operations::CARD_CREATE, CARD_DOC, vec![]).await;
    assert_eq!(field, "cardImage1");
    let mut update = UpdateCard::new(USER, "c-1", details());
    update.card_image1 = None;
    assert_eq!(refused(&update).await.0, "cardImage1");
}

#[tokio::test]
async fn card_images_of_the_wrong_type_or_too_large_are_refused_before_sending() {
    // A PDF is not an image; a GIF is not among jpg, jpeg, bmp, png.
    let (field, message) = refused_doc(
        &operations::CARD_CREATE,
        CARD_DOC,
        vec![
            input("cardImage1", "front.pdf", b"%PDF-1.4"),
            input("cardImage2", "holding.png", PNG),
        ],
    )
    .await;
    assert_eq!(field, "cardImage1");
    assert!(message.contains("jpg, jpeg, bmp or png"), "{message}");
    let (field, _) = refused_doc(
        &operations::CARD_UPDATE,
        r#"{"user":"u-1","card":"c-1","holderName":"A","expirationDate":"10/19","lastFourDigits":"1234","alias":"a"}"#,
        vec![
            input("cardImage1", "front.png", PNG),
            input("cardImage2", "holding.gif", b"GIF89a"),
        ],
    )
    .await;
    assert_eq!(field, "cardImage2");
    // A PNG named .jpg.
    let mut lying = details();
    lying.card_image2 = File::new("holding.jpg", PNG.to_vec());
    let (field, message) = refused(&CreateCard::new(USER, lying)).await;
    assert_eq!(field, "cardImage2");
    assert!(message.contains("does not contain"), "{message}");
    // One byte over 10 240 KB.
    let mut big = PNG.to_vec();
    big.resize(ccpro_api::upload::MAX_FILE_BYTES + 1, 0);
    let mut oversize = details();
    oversize.card_image1 = File::new("front.png", big);
    let (field, message) = refused(&CreateCard::new(USER, oversize)).await;
    assert_eq!(field, "cardImage1");
    assert!(message.contains("10240 KB"), "{message}");
}

#[tokio::test]
async fn a_file_the_card_operations_do_not_take_is_refused() {
    let (field, _) = refused_doc(
        &operations::CARD_CREATE,
        CARD_DOC,
        vec![
            input("cardImage1", "a.png", PNG),
            input("cardImage2", "b.png", PNG),
            input("cardImage3", "c.png", PNG),
        ],
    )
    .await;
    assert_eq!(field, "cardImage3");
    // And a file on an operation without uploads.
    let (field, _) = refused_doc(
        &operations::WALLET_CREATE,
        r#"{"user":"u-1","address":"0xEf","alias":"Thanos","coin":"ETH"}"#,
        vec![input("address", "a.png", PNG)],
    )
    .await;
    assert_eq!(field, "address");
}

#[tokio::test]
async fn card_fields_are_checked_against_the_documented_rules() {
    for (date, ok) in [
        ("10/19", true),
        ("01/30", true),
        ("12/99", true),
        ("13/19", false),
        ("00/19", false),
        ("1/19", false),
        ("10/2019", false),
        ("10-19", false),
    ] {
        let mut d = details();
        d.expiration_date = date.into();
        let mem = MemoryTransport::new([Reply::json(201, CARD)]);
        let result = support::user(&mem).send(&CreateCard::new(USER, d)).await;
        assert_eq!(result.is_ok(), ok, "{date}");
        if !ok {
            assert_eq!(mem.hits(), 0);
        }
    }
    for digits in ["123", "12345", "12a4", "１２３４"] {
        let mut d = details();
        d.last_four_digits = digits.into();
        assert_eq!(
            refused(&CreateCard::new(USER, d)).await.0,
            "lastFourDigits",
            "{digits}"
        );
    }
    let mut d = details();
    d.alias = "my card".into();
    assert_eq!(refused(&CreateCard::new(USER, d)).await.0, "alias");
    let mut d = details();
    d.holder_name = " ".into();
    assert_eq!(refused(&CreateCard::new(USER, d)).await.0, "holderName");
}

#[tokio::test]
async fn bank_wallet_and_deposit_fields_are_checked_before_sending() {
    let bank = |iban: &str, swift: &str, currency: &str| {
        CreateBank::new(USER, "ING Bank", iban, swift, currency)
    };
    assert_eq!(
        refused(&bank("RO02 0NGB", "INGBROBU", "EUR")).await.0,
        "iban"
    );
    assert_eq!(
        refused(&bank("RO020NGB", "INGB-ROBU", "EUR")).await.0,
        "swift"
    );
    assert_eq!(
        refused(&bank("RO020NGB", "INGBROBU", "EURO")).await.0,
        "currency"
    );
    assert_eq!(
        refused(&bank("RO020NGB", "INGBROBU", "E1R")).await.0,
        "currency"
    );
    assert_eq!(
        refused(&ccpro_api::api::CreateWallet::new(
            USER,
            "0xEf",
            "my wallet",
            "ETH"
        ))
        .await
        .0,
        "alias"
    );
    assert_eq!(
        refused(&ccpro_api::api::CreateWallet::new(
            USER, "0x:Ef", "w", "ETH"
        ))
        .await
        .0,
        "address"
    );
    for amount in ["0", "-1", "0.000", "-0"] {
        let d = CreateDeposit::new(USER, AssetType::Coin, "ETH", x(amount), "0xabc");
        assert_eq!(refused(&d).await.0, "amount", "{amount}");
    }
    let d = CreateDeposit::new(USER, AssetType::Coin, "ETH", x("1"), " ");
    assert_eq!(refused(&d).await.0, "txID");
    let (field, _) = refused_doc(
        &operations::DEPOSIT_CREATE,
        r#"{"user":"u-1","type":"coin","symbol":"ETH","amount":"1x","txID":"0xabc"}"#,
        vec![],
    )
    .await;
    assert_eq!(field, "amount");
    let (field, _) = refused_doc(
        &operations::ACCOUNT_CLOSE_INITIATE,
        r#"{"user":"u-1","password":""}"#,
        vec![],
    )
    .await;
    assert_eq!(field, "password");
}

// ---- requests ---------------------------------------------------------------------------

#[tokio::test]
async fn deposit_amounts_go_out_as_the_callers_text_in_a_json_string() {
    for (doc_amount, sent) in [
        (r#""0.00100""#, r#""0.00100""#),
        ("100", r#""100""#),
        (
            "1.50000000000000000000000000000000000000000000000001",
            r#""1.50000000000000000000000000000000000000000000000001""#,
        ),
        (r#""6.0e-6""#, r#""6.0e-6""#),
    ] {
        let mem = MemoryTransport::new([Reply::json(200, DEPOSIT)]);
        let doc = format!(
            r#"{{"user":"{USER}","type":"coin","symbol":"ETH","amount":{doc_amount},"txID":"0xabc"}}"#
        );
        support::user(&mem)
            .call_json(&operations::DEPOSIT_CREATE, &doc, vec![])
            .await
            .unwrap();
        let body = String::from_utf8(mem.single().body).unwrap();
        assert_eq!(
            body,
            format!(r#"{{"type":"coin","symbol":"ETH","amount":{sent},"txID":"0xabc"}}"#)
        );
    }
}

#[tokio::test]
async fn list_filters_are_sent_in_lower_case_and_only_when_given() {
    let mem = MemoryTransport::new([
        Reply::json(200, r#"{"data":[]}"#),
        Reply::json(200, r#"{"data":[]}"#),
        Reply::json(200, r#"{"data":[]}"#),
        Reply::json(200, r#"{"data":[]}"#),
    ]);
    let user = support::user(&mem);
    user.send(&ListBanks::new(USER)).await.unwrap();
    user.send(
        &ListBanks::new(USER)
            .with_status(StatusFilter::Pending)
            .with_currency("EUR"),
    )
    .await
    .unwrap();
    user.send(&ListCards::new(USER).with_status(StatusFilter::Rejected))
        .await
        .unwrap();
    user.send(&ListWallets::new(USER).with_coin("A B&C"))
        .await
        .unwrap();
    let paths: Vec<String> = mem.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            format!("/api/v1/user/{USER}/bank"),
            format!("/api/v1/user/{USER}/bank?status=pending&currency=EUR"),
            format!("/api/v1/user/{USER}/card?status=rejected"),
            format!("/api/v1/user/{USER}/wallet?coin=A%20B%26C"),
        ]
    );
}

#[tokio::test]
async fn balances_leave_out_the_optional_asset_segment() {
    let body = fixture_body("balances.response.200.json");
    let mem = MemoryTransport::new([Reply::json(200, &body), Reply::json(200, &body)]);
    let user = support::user(&mem);
    user.balances().await.unwrap();
    user.balances_of("ETH").await.unwrap();
    let paths: Vec<String> = mem.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            format!("/api/v1/user/{USER}/balances"),
            format!("/api/v1/user/{USER}/balances/ETH"),
        ]
    );
}

#[tokio::test]
async fn deposit_address_sends_the_destination_only_when_given() {
    let mem = MemoryTransport::new([Reply::json(200, ADDRESS), Reply::json(200, ADDRESS)]);
    let user = support::user(&mem);
    user.send(&GetDepositAddress::new(USER, "ETH"))
        .await
        .unwrap();
    user.send(&GetDepositAddress::new(USER, "ETH").with_destination(DepositDestination::Checkout))
        .await
        .unwrap();
    let bodies: Vec<String> = mem
        .requests()
        .into_iter()
        .map(|r| String::from_utf8(r.body).unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            r#"{"asset":"ETH"}"#,
            r#"{"asset":"ETH","destination":"checkout"}"#
        ]
    );
}

// ---- typed values of the documented answers ----------------------------------------------

#[test]
fn balances_keep_every_digit_and_the_exponent_as_sent() {
    let out = (operations::BALANCES.io.response)(
        payments_core::http::StatusCode::OK,
        fixture_body("balances.response.200.json").as_bytes(),
    )
    .unwrap();
    let b: Balances = serde_json::from_str(&out).unwrap();
    let xbt = b.get("XBT").unwrap();
    let crypto = xbt.amounts.as_ref().unwrap().crypto.as_ref().unwrap();
    assert_eq!(
        crypto.available.as_ref().unwrap().as_str(),
        "0.011646368236156"
    );
    assert_eq!(crypto.pending.as_ref().unwrap().as_str(), "10.04129486967");
    let raw = xbt.rates.as_ref().unwrap().raw.as_ref().unwrap();
    assert_eq!(raw.now.as_ref().unwrap().as_str(), "6213.60000");
    assert_eq!(raw.history("day")[0].created_at, Some(1_585_033_255));
    assert!(raw.history("week").is_empty());
    let ipsx = b.get("IPSX").unwrap();
    let now = ipsx
        .rates
        .as_ref()
        .unwrap()
        .raw
        .as_ref()
        .unwrap()
        .now
        .clone()
        .unwrap();
    assert_eq!(now.as_str(), "6.252E-5");
    assert_eq!(now, x("0.00006252"));
    assert!(out.contains(r#""now":"6.252E-5""#));
    assert_eq!(ipsx.favorite, Some(true));
}

#[test]
fn the_deposit_order_keeps_its_25_decimals_and_enums() {
    let order: Order = Order::deserialize_data(DEPOSIT);
    assert_eq!(order.status, Some(OrderStatus::ProcessingPayment));
    assert_eq!(order.asset_type, Some(AssetType::Token));
    assert_eq!(order.type_operation, Some(OrderDirection::In));
    assert_eq!(order.type_operation_name, Some(TradeOperation::Deposit));
    assert_eq!(
        order.to_amount.as_ref().unwrap().as_str(),
        "100.0000000000000000000000000"
    );
    assert_eq!(order.to_amount.as_ref().unwrap().scale(), 25);
    assert_eq!(order.from_symbol, None);
    assert_eq!(order.quote, None);
    assert_eq!(order.external_platform, None);
    assert_eq!(order.kyc_level_required, Some(3));
}

/// Decodes `{"data": T}` through the table row's decoder, the way the client does.
trait FromData: Sized {
    fn deserialize_data(body: &str) -> Self;
}

impl<T: serde::de::DeserializeOwned> FromData for T {
    fn deserialize_data(body: &str) -> Self {
        #[derive(serde::Deserialize)]
        struct D<T> {
            data: T,
        }
        serde_json::from_str::<D<T>>(body).unwrap().data
    }
}

#[test]
fn countries_keep_ccpros_own_codes_and_phone_codes() {
    let list: Vec<Country> = Vec::deserialize_data(&fixture_body("country-list.response.200.json"));
    assert_eq!(list.len(), 227);
    let find = |code: &str| list.iter().find(|c| c.code == code).unwrap().clone();
    assert_eq!(find("AF").phone_code, Some(93));
    assert_eq!(find("AQ").phone_code, Some(0));
    assert_eq!(find("RU").phone_code, Some(70));
    assert_eq!(find("TM").phone_code, Some(7370));
    assert_eq!(find("YU").name.as_deref(), Some("Yugoslavia"));
    assert!(!list.iter().any(|c| c.code == "US"));
}

// ---- unknown enum values -----------------------------------------------------------------

#[test]
fn unknown_statuses_and_types_are_kept_verbatim() {
    let bank: Bank = Bank::deserialize_data(&BANK.replace("CONFIRMED", "ARCHIVED"));
    assert_eq!(bank.status, Some(ReviewStatus::Unknown("ARCHIVED".into())));
    assert!(
        serde_json::to_string(&bank)
            .unwrap()
            .contains(r#""status":"ARCHIVED""#)
    );
    let order: Order = Order::deserialize_data(
        &DEPOSIT
            .replace("PROCESSING_PAYMENT", "ON_HOLD")
            .replace(r#""type":"token""#, r#""type":"nft""#)
            .replace(r#""typeOperation":"in""#, r#""typeOperation":"sideways""#),
    );
    assert_eq!(order.status, Some(OrderStatus::Unknown("ON_HOLD".into())));
    assert_eq!(order.asset_type, Some(AssetType::Unknown("nft".into())));
    assert_eq!(
        order.type_operation,
        Some(OrderDirection::Unknown("sideways".into()))
    );
    let address: ccpro_api::types::DepositAddress =
        ccpro_api::types::DepositAddress::deserialize_data(&ADDRESS.replace("broker", "vault"));
    assert_eq!(
        address.destination,
        Some(DepositDestination::Unknown("vault".into()))
    );
    assert_eq!(StatusFilter::from("archived").as_str(), "archived");
}

// ---- the docs' self-contradictions (reference §8) ------------------------------------------

/// §8.24: the docs' rule says `swift` is `between:8,11`, their own example sends "123456".
#[tokio::test]
async fn bank_create_sends_the_six_character_swift_of_the_docs_example() {
    let mem = MemoryTransport::new([Reply::json(201, BANK)]);
    let bank = support::user(&mem)
        .create_bank("ING Bank", "RO020NGB00009999002858000", "123456", "EUR")
        .await
        .unwrap();
    assert_eq!(bank.swift.as_deref(), Some("123456"));
    let sent = mem.single();
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, format!("/api/v1/user/{USER}/bank"));
    assert_eq!(
        String::from_utf8(sent.body).unwrap(),
        r#"{"bankName":"ING Bank","iban":"RO020NGB00009999002858000","swift":"123456","currency":"EUR"}"#
    );
}

/// §8.17: the deposit request says `txID`, the order it returns says `txId`.
#[tokio::test]
async fn deposit_sends_tx_id_upper_case_and_reads_tx_id_camel_case() {
    let mem = MemoryTransport::new([Reply::json(200, DEPOSIT)]);
    let order = support::user(&mem)
        .create_deposit(AssetType::Coin, "ETH", x("100"), "0xccb5")
        .await
        .unwrap();
    let body = String::from_utf8(mem.single().body).unwrap();
    assert!(body.contains(r#""txID":"0xccb5""#), "{body}");
    assert!(!body.contains("txId"));
    assert_eq!(
        order.tx_id.as_deref(),
        Some("0xccb5d3e14b73a10708839f9d4fb9a733696b0bd10a84782cd52fc70d13595a25")
    );
    // A deposit without a wallet sends no `wallet` key.
    assert!(!body.contains("wallet"));
}

/// §4.3.1 / §8.48: `payment.feePercent` is the number `0` on the deposit, the string `"0"`
/// on other orders: both are read, and each is written back in the form it came in.
#[test]
fn fee_percent_is_read_as_a_number_or_a_string_and_written_back_as_it_came() {
    let number: Order = Order::deserialize_data(DEPOSIT);
    let fee = number
        .payment
        .as_ref()
        .unwrap()
        .fee_percent
        .clone()
        .unwrap();
    assert!(fee.was_number() && fee.is_zero());
    assert!(
        serde_json::to_string(&number)
            .unwrap()
            .contains(r#""feePercent":0}"#)
    );
    let string: Order =
        Order::deserialize_data(&DEPOSIT.replace(r#""feePercent":0"#, r#""feePercent":"0""#));
    let fee_s = string
        .payment
        .as_ref()
        .unwrap()
        .fee_percent
        .clone()
        .unwrap();
    assert!(!fee_s.was_number());
    assert_eq!(fee, fee_s);
    assert!(
        serde_json::to_string(&string)
            .unwrap()
            .contains(r#""feePercent":"0""#)
    );
}

/// §8.16: filters are documented in lower case, objects carry upper case.
#[tokio::test]
async fn the_lower_case_filter_finds_the_upper_case_status() {
    let mem = MemoryTransport::new([Reply::json(200, &as_list(WALLET))]);
    let wallets: Vec<Wallet> = support::user(&mem)
        .send(
            &ListWallets::new(USER)
                .with_status(StatusFilter::Confirmed)
                .with_coin("ETH"),
        )
        .await
        .unwrap();
    assert_eq!(
        mem.single().path,
        format!("/api/v1/user/{USER}/wallet?status=confirmed&coin=ETH")
    );
    assert_eq!(wallets[0].status, Some(ReviewStatus::Confirmed));
}

/// §8.22: wallet-update takes only `alias`, yet its documented 422 is about `address`; the
/// SDK sends only the alias and surfaces whatever field CCPro complains about.
#[tokio::test]
async fn wallet_update_sends_only_the_alias_and_surfaces_the_address_complaint() {
    let mem = MemoryTransport::new([Reply::json(
        422,
        r#"{"message":"The given data was invalid.","errors":{"address":["The address has already been taken."]}}"#,
    )]);
    let err = support::user(&mem)
        .update_wallet("0b5d1b5c", "Thanos")
        .await
        .unwrap_err();
    assert_eq!(
        String::from_utf8(mem.single().body).unwrap(),
        r#"{"alias":"Thanos"}"#
    );
    let c = ccpro_error(&err).unwrap();
    assert_eq!(c.status, 422);
    assert_eq!(c.reason, CcproReason::Validation);
    assert_eq!(c.fields.len(), 1);
    assert_eq!(c.fields[0].field, "address");
}

/// §8.42: balance coins carry `alias`, tokens do not.
#[test]
fn balance_tokens_have_no_alias_and_coins_do() {
    let b: Balances = Balances::deserialize_data(&fixture_body("balances.response.200.json"));
    assert_eq!(b.coins[0].alias.as_deref(), Some("XBT"));
    assert_eq!(b.tokens[0].alias, None);
    assert!(
        !serde_json::to_string(&b.tokens[0])
            .unwrap()
            .contains("\"alias\":\"")
    );
}

/// §8.4: #73/#74 lack the docs' "Requires authentication" marker; they act on
/// `user/{user}`, so the bearer token goes with them.
#[tokio::test]
async fn account_close_sends_the_bearer_token_although_the_docs_do_not_mark_it() {
    let mem = MemoryTransport::new([
        Reply::json(
            200,
            r#"{"message":"Self Delete Account procedure initiated. Please check your Email for confirmation."}"#,
        ),
        Reply::json(
            200,
            r#"{"message":"Self Delete Account procedure aborted."}"#,
        ),
    ]);
    let user = support::user(&mem);
    let started = user.initiate_account_close("mystrongpass").await.unwrap();
    assert!(
        started
            .message
            .starts_with("Self Delete Account procedure initiated.")
    );
    let aborted = user.abort_account_close().await.unwrap();
    assert_eq!(aborted.message, "Self Delete Account procedure aborted.");
    let sent = mem.requests();
    assert_eq!(
        sent[0].path,
        format!("/api/v1/user/{USER}/account/close/initiate")
    );
    assert_eq!(
        String::from_utf8(sent[0].body.clone()).unwrap(),
        r#"{"password":"mystrongpass"}"#
    );
    assert_eq!(
        sent[1].path,
        format!("/api/v1/user/{USER}/account/close/abort")
    );
    assert!(sent[1].body.is_empty());
    for s in &sent {
        assert_eq!(s.method, "POST");
        assert_eq!(
            s.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
    }
}

#[test]
fn the_account_close_password_is_not_in_debug_output() {
    let r = ccpro_api::api::InitiateAccountClose::new(USER, "mystrongpass");
    let shown = format!("{r:?}");
    assert!(!shown.contains("mystrongpass"), "{shown}");
    assert!(shown.contains("[REDACTED]"));
}

/// §8.55: the account-close refusals use 410, 412 and 425 outside their HTTP meaning;
/// they arrive with status and message exactly as sent, never as a retryable error.
#[tokio::test]
async fn account_close_refusals_keep_their_status_and_message() {
    for (status, message) in [
        (425, "You can request Self Delete Account once per day."),
        (410, "Your account is already scheduled for Self Delete."),
        (
            412,
            "Self Delete Account procedure unavailable due available balance",
        ),
    ] {
        let mem = MemoryTransport::new([Reply::json(
            status,
            &format!(r#"{{"message":"{message}"}}"#),
        )]);
        let err = support::user(&mem)
            .initiate_account_close("pw")
            .await
            .unwrap_err();
        assert_eq!(mem.hits(), 1);
        let c = ccpro_error(&err).unwrap();
        assert_eq!((c.status, c.message.as_deref()), (status, Some(message)));
        assert_eq!(c.reason, CcproReason::Other);
    }
}

/// §8.3: the countries curl sends a bearer token although the endpoint is public.
#[tokio::test]
async fn countries_are_fetched_without_credentials() {
    let mem = MemoryTransport::new([Reply::json(
        200,
        r#"{"data":[{"code":"AF","name":"Afghanistan","phoneCode":93}]}"#,
    )]);
    let countries = support::client(&mem).list_countries().await.unwrap();
    assert_eq!(
        countries,
        [Country {
            code: "AF".into(),
            name: Some("Afghanistan".into()),
            phone_code: Some(93),
        }]
    );
    let sent = mem.single();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/api/v1/countries")
    );
    assert!(sent.header("authorization").is_none());
    assert!(sent.header("token").is_none());
}

/// §8.56: "This action is unauthorized." comes as 403 and as 409 on bank-delete; both mean
/// the same.
#[tokio::test]
async fn bank_delete_unauthorized_means_the_same_as_403_and_as_409() {
    for status in [403, 409] {
        let mem = MemoryTransport::new([Reply::json(
            status,
            r#"{"message":"This action is unauthorized."}"#,
        )]);
        let err = support::user(&mem)
            .delete_bank("aa7a66a2")
            .await
            .unwrap_err();
        let c = ccpro_error(&err).unwrap();
        assert_eq!(c.reason, CcproReason::NotAllowed, "{status}");
        assert_eq!(c.status, status);
    }
}

/// §8.60: the docs escape slashes (`"06\/19"`); the card reads `06/19`.
#[test]
fn escaped_slashes_in_the_expiry_date_read_as_plain_slashes() {
    let card: Card = Card::deserialize_data(CARD);
    assert_eq!(card.expiration_date.as_deref(), Some("06/19"));
    assert_eq!(card.card_image1.as_deref(), Some("1945"));
}

/// §8.47: creates answer 201 (bank, card, wallet) or 200 (deposit); either decodes.
#[tokio::test]
async fn creates_decode_on_200_and_on_201_alike() {
    for status in [200, 201] {
        let mem = MemoryTransport::new([Reply::json(status, WALLET), Reply::json(status, DEPOSIT)]);
        let user = support::user(&mem);
        let w = user.create_wallet("0xEfC0", "Thanos", "ETH").await.unwrap();
        assert_eq!(w.alias.as_deref(), Some("Thanos"));
        let d = user
            .create_deposit(AssetType::Token, "IPSX", x("100"), "0xccb5")
            .await
            .unwrap();
        assert_eq!(
            d.id.as_deref(),
            Some("f7cd7280-b75c-45ac-ac26-193162e74fc1")
        );
    }
}

// ---- typed convenience methods -----------------------------------------------------------

/// A one-item answer `{"data":X}` as the list answer `{"data":[X]}`.
fn as_list(one: &str) -> String {
    let item = one
        .strip_prefix(r#"{"data":"#)
        .and_then(|rest| rest.strip_suffix('}'))
        .expect("a {\"data\":…} answer");
    format!(r#"{{"data":[{item}]}}"#)
}

#[tokio::test]
async fn bank_methods_fill_in_the_sessions_user() {
    let mem = MemoryTransport::new([
        Reply::json(200, &as_list(BANK)),
        Reply::json(200, BANK),
        Reply::json(
            200,
            r#"{"message":"This bank has been successfully deleted."}"#,
        ),
    ]);
    let user = support::user(&mem);
    let banks = user.list_banks().await.unwrap();
    assert_eq!(banks.len(), 1);
    assert_eq!(banks[0].status, Some(ReviewStatus::Confirmed));
    let bank = user.get_bank(&banks[0].id).await.unwrap();
    assert_eq!(bank, banks[0]);
    let gone = user.delete_bank(&bank.id).await.unwrap();
    assert_eq!(gone.message, "This bank has been successfully deleted.");
    let sent: Vec<(String, String)> = mem
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    let one = format!("/api/v1/user/{USER}/bank/aa7a66a2-fbb5-422e-bc52-7912fa2c96f9");
    assert_eq!(
        sent,
        [
            ("GET".into(), format!("/api/v1/user/{USER}/bank")),
            ("GET".into(), one.clone()),
            ("DELETE".into(), one),
        ]
    );
}

#[tokio::test]
async fn card_methods_upload_both_images_as_multipart() {
    let mem = MemoryTransport::new([
        Reply::json(201, CARD),
        Reply::json(200, CARD),
        Reply::json(200, &as_list(CARD)),
        Reply::json(200, CARD),
        Reply::json(
            200,
            r#"{"message":"This card has been successfully deleted."}"#,
        ),
    ]);
    let user = support::user(&mem);
    let mut d = details();
    d.card_image2 = File::new("holding.jpeg", JPEG.to_vec());
    let card = user.create_card(d.clone()).await.unwrap();
    assert_eq!(card.last_four_digits.as_deref(), Some("2453"));
    user.update_card(&card.id, d).await.unwrap();
    assert_eq!(user.list_cards().await.unwrap().len(), 1);
    user.get_card(&card.id).await.unwrap();
    user.delete_card(&card.id).await.unwrap();
    let sent = mem.requests();
    for (i, path) in [
        (0, format!("/api/v1/user/{USER}/card")),
        (1, format!("/api/v1/user/{USER}/card/{}", card.id)),
    ] {
        let r = &sent[i];
        assert_eq!(
            (r.method.as_str(), r.path.as_str()),
            ("POST", path.as_str())
        );
        let ct = r.header("content-type").unwrap();
        assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
        let parts = support::parse_multipart(ct, &r.body);
        let summary: Vec<(String, Option<String>, Option<String>)> = parts
            .iter()
            .map(|p| (p.name.clone(), p.filename.clone(), p.content_type.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "cardImage1".into(),
                    Some("front.png".into()),
                    Some("image/png".into())
                ),
                (
                    "cardImage2".into(),
                    Some("holding.jpeg".into()),
                    Some("image/jpeg".into())
                ),
                ("holderName".into(), None, None),
                ("expirationDate".into(), None, None),
                ("lastFourDigits".into(), None, None),
                ("alias".into(), None, None),
            ]
        );
        assert_eq!(parts[0].body, PNG);
        assert_eq!(parts[1].body, JPEG);
        assert_eq!(parts[3].body, b"10/29");
    }
    assert_eq!(sent[2].path, format!("/api/v1/user/{USER}/card"));
    assert_eq!(sent[4].method, "DELETE");
}

#[tokio::test]
async fn wallet_methods_fill_in_the_sessions_user() {
    let mem = MemoryTransport::new([
        Reply::json(200, &as_list(WALLET)),
        Reply::json(201, WALLET),
        Reply::json(200, WALLET),
    ]);
    let user = support::user(&mem);
    let wallets = user.list_wallets().await.unwrap();
    assert_eq!(wallets[0].coin.as_deref(), Some("ETH"));
    let created = user
        .create_wallet(
            "0xEfC0c81abd46941766E2Ae9a30c57DF75b161111",
            "Thanos",
            "ETH",
        )
        .await
        .unwrap();
    assert_eq!(created, wallets[0]);
    user.get_wallet(&created.id).await.unwrap();
    let sent = mem.requests();
    assert_eq!(
        String::from_utf8(sent[1].body.clone()).unwrap(),
        r#"{"address":"0xEfC0c81abd46941766E2Ae9a30c57DF75b161111","alias":"Thanos","coin":"ETH"}"#
    );
    assert_eq!(
        sent[2].path,
        format!("/api/v1/user/{USER}/wallet/0b5d1b5c-a84e-459d-86d1-df2c0619f4e6")
    );
}

#[tokio::test]
async fn deposit_methods_fill_in_the_sessions_user() {
    let mem = MemoryTransport::new([Reply::json(200, ADDRESS)]);
    let address = support::user(&mem).deposit_address("ETH").await.unwrap();
    assert_eq!(address.wallet_type.as_deref(), Some("cold"));
    assert_eq!(address.destination, Some(DepositDestination::Broker));
    let sent = mem.single();
    assert_eq!(sent.path, format!("/api/v1/user/{USER}/deposit/address"));
    assert_eq!(String::from_utf8(sent.body).unwrap(), r#"{"asset":"ETH"}"#);
}

#[tokio::test]
async fn a_deposit_with_a_wallet_sends_it() {
    let mem = MemoryTransport::new([Reply::json(200, DEPOSIT)]);
    support::user(&mem)
        .send(
            &CreateDeposit::new(USER, AssetType::Token, "IPSX", x("100.50"), "0xccb5")
                .with_wallet("0x500cab8a"),
        )
        .await
        .unwrap();
    assert_eq!(
        String::from_utf8(mem.single().body).unwrap(),
        r#"{"type":"token","symbol":"IPSX","amount":"100.50","wallet":"0x500cab8a","txID":"0xccb5"}"#
    );
}
