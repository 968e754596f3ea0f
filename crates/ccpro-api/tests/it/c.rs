//! Orders, quotes, transfers and checkouts: what the data-driven docs test cannot see.
//! Input refused before anything is sent, the typed values of the documented answers, the
//! shapes CCPro sends differently on different endpoints (reference §2.3, §8), the two
//! `user`s of `transfer-create`, the never-retried POSTs, and the typed methods.

use std::sync::Arc;

use ccpro_api::api::{
    ConfirmQuote, CreateQuote, CreateTransfer, GetCheckout, GetOrder, GetQuote, ListCheckouts,
    ListOrders, ListQuotes, ListTransfersBy, OrderFilter, UploadPaymentProof,
};
use ccpro_api::types::orders::AssetType;
use ccpro_api::types::{
    CheckoutStatus, CheckoutStep, Order, OrderDirection, OrderPayment, OrderStatus, PaymentType,
    Quote, QuoteStatus, TradeOperation, Transfer, TransferAction, TransferStatus,
};
use ccpro_api::upload::MAX_FILE_BYTES;
use ccpro_api::{
    Client, Endpoint, Environment, Error, ExactAmount, File, UserClient, UserSession, operations,
};
use payments_core::InputFile;
use payments_core::http::StatusCode;
use payments_core::test_util::FixedClock;
use payments_test_support::MemoryTransport;
use payments_test_support::server::Reply;
use serde_json::value::RawValue;

use crate::support::{self, NOW, TOKEN, USER, fixtures};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";

/// The body of a documented example, its numbers as written.
fn body(file: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Doc {
        body: Box<RawValue>,
    }
    let text = std::fs::read_to_string(fixtures().join("docs").join(file)).unwrap();
    let doc: Doc = serde_json::from_str(&text).unwrap();
    doc.body.get().to_owned()
}

fn x(s: &str) -> ExactAmount {
    s.parse().unwrap()
}

fn invalid(e: Error) -> (String, String) {
    match e {
        Error::InvalidRequest { field, message, .. } => (field, message),
        other => panic!("not an invalid request: {other:?}"),
    }
}

/// Sends `request` through a user client over a transport that would answer 200 `{}`,
/// expecting it refused before anything is sent; returns the refused field.
async fn refused<E: Endpoint>(request: &E) -> (String, String)
where
    E::Output: std::fmt::Debug,
{
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let e = support::user(&mem).send(request).await.unwrap_err();
    assert_eq!(mem.hits(), 0, "nothing may be sent");
    invalid(e)
}

/// The same through the CLI's path: an input document and files.
async fn refused_call(
    op: &'static payments_core::Operation,
    input: &str,
    files: Vec<InputFile>,
) -> (String, String) {
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let e = support::user(&mem)
        .call_json(op, input, files)
        .await
        .unwrap_err();
    assert_eq!(mem.hits(), 0, "nothing may be sent");
    invalid(e)
}

fn quote(order_type: TradeOperation) -> CreateQuote {
    CreateQuote::new(USER, AssetType::Coin, order_type, x("1.0010"), "ETH")
}

// ---- refused before sending -----------------------------------------------------------

#[tokio::test]
async fn blank_ids_and_dot_dot_path_segments_are_refused_unsent() {
    assert_eq!(refused(&GetOrder::new(USER, "  ")).await.0, "order");
    assert_eq!(refused(&GetOrder::new("", "o-1")).await.0, "user");
    assert_eq!(refused(&GetQuote::new(USER, "..")).await.0, "quote");
    assert_eq!(refused(&GetCheckout::new("..", "c-1")).await.0, "user");
    assert_eq!(refused(&ConfirmQuote::new(USER, "")).await.0, "quote");
    assert_eq!(refused(&ListTransfersBy::new(" ")).await.0, "user");
    assert_eq!(
        refused(&ConfirmQuote::new(USER, "q-1").with_payment_method(" "))
            .await
            .0,
        "orderPaymentMethod"
    );
    assert_eq!(
        refused(&ListOrders::new(USER).with_filter(OrderFilter::default().with_asset("")))
            .await
            .0,
        "asset"
    );
}

#[tokio::test]
async fn a_payment_proof_without_a_file_is_refused_unsent() {
    let (field, message) = refused_call(
        &operations::ORDER_PAYMENT_PROOF,
        r#"{"user":"u-1","order":"o-1"}"#,
        Vec::new(),
    )
    .await;
    assert_eq!(field, "file");
    assert!(message.contains("required"), "{message}");
}

#[tokio::test]
async fn a_payment_proof_of_the_wrong_type_or_size_or_field_is_refused_unsent() {
    let gif = UploadPaymentProof::new(USER, "o-1", File::new("proof.gif", b"GIF89a".to_vec()));
    let (field, message) = refused(&gif).await;
    assert_eq!(field, "file");
    assert!(message.contains("pdf"), "{message}");
    let lying = UploadPaymentProof::new(USER, "o-1", File::new("proof.pdf", PNG.to_vec()));
    assert_eq!(refused(&lying).await.0, "file");
    let mut big = PDF.to_vec();
    big.resize(MAX_FILE_BYTES + 1, b' ');
    let (field, message) = refused(&UploadPaymentProof::new(
        USER,
        "o-1",
        File::new("p.pdf", big),
    ))
    .await;
    assert_eq!(field, "file");
    assert!(message.contains("10240 KB"), "{message}");
    let other = InputFile {
        field: "documents.passport".into(),
        name: "p.png".into(),
        bytes: PNG.to_vec().into(),
    };
    let (field, _) = refused_call(
        &operations::ORDER_PAYMENT_PROOF,
        r#"{"user":"u-1","order":"o-1"}"#,
        vec![other],
    )
    .await;
    assert_eq!(field, "documents.passport");
}

#[tokio::test]
async fn a_quote_for_nothing_or_less_is_refused_unsent() {
    for amount in ["0", "-1", "0.000", "-0.5e-3"] {
        let mut q = quote(TradeOperation::BuyWithFiat).with_payment_symbol("EUR");
        q.order_amount = x(amount);
        assert_eq!(refused(&q).await.0, "orderAmount", "{amount}");
    }
}

#[tokio::test]
async fn a_quote_missing_what_its_operation_requires_is_refused_unsent() {
    // required_if:orderType,buy_with_crypto,buy_with_fiat,sell_to_crypto,sell_to_fiat
    assert_eq!(
        refused(&quote(TradeOperation::SellToFiat)).await.0,
        "orderPaymentSymbol"
    );
    // required_if:orderType,withdraw
    assert_eq!(refused(&quote(TradeOperation::Withdraw)).await.0, "wallet");
    // "only if type is buy_with_crypto or buy_with_fiat"
    let sell_then_withdraw = quote(TradeOperation::SellToCrypto)
        .with_payment_symbol("XBT")
        .with_second_order_type(TradeOperation::Withdraw);
    assert_eq!(refused(&sell_then_withdraw).await.0, "secondOrderType");
    assert_eq!(
        refused(&CreateQuote::new(
            USER,
            AssetType::Coin,
            TradeOperation::BuyWithFiat,
            x("1"),
            " "
        ))
        .await
        .0,
        "orderSymbol"
    );
}

#[tokio::test]
async fn a_transfer_of_nothing_or_to_nobody_is_refused_unsent() {
    let t = |amount: &str, counterparty: &str| {
        CreateTransfer::new(
            USER,
            TransferAction::Send,
            x(amount),
            AssetType::Coin,
            "ETH",
            counterparty,
        )
    };
    // numeric|min:0|not_in:0
    assert_eq!(refused(&t("0", "bob@example.com")).await.0, "amount");
    assert_eq!(refused(&t("-1.5", "bob@example.com")).await.0, "amount");
    assert_eq!(refused(&t("1", "")).await.0, "user");
    let mut no_owner = t("1", "bob@example.com");
    no_owner.owner = String::new();
    assert_eq!(refused(&no_owner).await.0, "owner");
}

#[tokio::test]
async fn input_documents_refuse_unknown_fields_and_wrong_types() {
    let (field, _) = refused_call(
        &operations::QUOTE_CONFIRM,
        r#"{"user":"u","quote":"q","orderPaymentMethods":"x"}"#,
        Vec::new(),
    )
    .await;
    assert_eq!(field, "orderPaymentMethods");
    let (field, _) = refused_call(
        &operations::QUOTE_CREATE,
        r#"{"user":"u","type":"coin","orderType":"buy_with_fiat","orderAmount":"1,5","orderSymbol":"ETH","orderPaymentSymbol":"EUR"}"#,
        Vec::new(),
    )
    .await;
    assert_eq!(field, "orderAmount");
}

// ---- what is sent ----------------------------------------------------------------------

#[tokio::test]
async fn quote_amounts_go_as_strings_with_the_callers_digits_even_from_a_number() {
    let mem = MemoryTransport::new([Reply::json(201, &body("quote-create.response.201.json"))]);
    support::user(&mem)
        .call_json(
            &operations::QUOTE_CREATE,
            r#"{"user":"u-1","type":"token","orderType":"buy_with_fiat","orderAmount":1.00100000000000000000000000000000000001,"orderSymbol":"IPSX","orderPaymentSymbol":"EUR","orderPaymentType":"card"}"#,
            Vec::new(),
        )
        .await
        .unwrap();
    let sent = mem.single();
    assert_eq!(sent.path, "/api/v1/user/u-1/quote");
    assert_eq!(
        String::from_utf8(sent.body).unwrap(),
        r#"{"type":"token","orderType":"buy_with_fiat","orderAmount":"1.00100000000000000000000000000000000001","orderSymbol":"IPSX","orderPaymentSymbol":"EUR","orderPaymentType":"card"}"#
    );
}

#[tokio::test]
async fn list_filters_go_in_the_query_encoded_and_only_when_given() {
    let mem = MemoryTransport::new([
        Reply::json(200, r#"{"data":[]}"#),
        Reply::json(200, r#"{"data":[]}"#),
        Reply::json(200, r#"{"data":[]}"#),
    ]);
    let user = support::user(&mem);
    user.send(&ListOrders::new(USER)).await.unwrap();
    user.send(
        &ListQuotes::new(USER)
            .with_status(QuoteStatus::Unknown("new one".into()))
            .with_operation(TradeOperation::WithdrawIco)
            .with_asset("A&B"),
    )
    .await
    .unwrap();
    user.send(&ListCheckouts::new(USER).with_status(CheckoutStatus::Finished))
        .await
        .unwrap();
    let sent = mem.requests();
    assert_eq!(sent[0].path, format!("/api/v1/user/{USER}/order"));
    assert_eq!(
        sent[1].path,
        format!("/api/v1/user/{USER}/quote?status=new%20one&type=withdrawIco&asset=A%26B")
    );
    assert_eq!(
        sent[2].path,
        format!("/api/v1/user/{USER}/checkout?status=finished")
    );
    assert!(sent.iter().all(|r| r.body.is_empty()));
}

#[tokio::test]
async fn a_payment_proof_may_be_a_pdf_sent_as_the_multipart_file_part() {
    let mem = MemoryTransport::new([Reply::json(
        200,
        &body("order-payment-proof.response.200.json"),
    )]);
    let user = support::user(&mem);
    let message = user
        .upload_payment_proof("o-1", File::new("proof.PDF", PDF.to_vec()))
        .await
        .unwrap();
    assert_eq!(message.message, "Proof of payment successfully uploaded.");
    let sent = mem.single();
    assert_eq!(sent.method, "POST");
    assert_eq!(
        sent.path,
        format!("/api/v1/user/{USER}/order/o-1/payment-confirmation")
    );
    let parts = support::parse_multipart(sent.header("content-type").unwrap(), &sent.body);
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].name, "file");
    assert_eq!(parts[0].filename.as_deref(), Some("proof.PDF"));
    assert_eq!(parts[0].content_type.as_deref(), Some("application/pdf"));
    assert_eq!(parts[0].body, PDF);
}

// ---- transfer-create's two users -------------------------------------------------------

/// #60 names the path's `{user}` and the body's counterparty both `user`: the body's keeps
/// the name in the input document, the path's is `owner`, and each lands where the docs
/// put it.
#[tokio::test]
async fn transfer_create_sends_the_owner_in_the_path_and_the_counterparty_in_the_body() {
    let documented = body("transfer-create.request.json");
    let mem = MemoryTransport::new([Reply::json(200, &body("transfer-create.response.200.json"))]);
    let input = format!(
        r#"{{"owner":"ebf8e81e-fdfd-4da9-84e4-b5172b6f14f3",{}"#,
        &documented.trim_start()[1..]
    );
    let out = support::user(&mem)
        .call_json(&operations::TRANSFER_CREATE, &input, Vec::new())
        .await
        .unwrap();
    assert_eq!(out.value.status, StatusCode::OK);
    let sent = mem.single();
    assert_eq!(
        sent.path,
        "/api/v1/user/ebf8e81e-fdfd-4da9-84e4-b5172b6f14f3/transfer"
    );
    assert_eq!(
        String::from_utf8(sent.body).unwrap(),
        r#"{"action":"send","amount":"1.2345","type":"coin","symbol":"ETH","user":"alinionutmusat+1@gmail.com"}"#
    );
    // Without `owner` the path's user is the session's; the body's `user` stays the
    // counterparty.
    let mem = MemoryTransport::new([Reply::json(200, &body("transfer-create.response.200.json"))]);
    support::user(&mem)
        .call_json(&operations::TRANSFER_CREATE, &documented, Vec::new())
        .await
        .unwrap();
    let sent = mem.single();
    assert_eq!(sent.path, format!("/api/v1/user/{USER}/transfer"));
    assert_eq!(
        String::from_utf8(sent.body).unwrap(),
        r#"{"action":"send","amount":"1.2345","type":"coin","symbol":"ETH","user":"alinionutmusat+1@gmail.com"}"#
    );
    // A session that knows no user cannot fill it: refused, nothing sent.
    let mem = MemoryTransport::new([Reply::json(200, "{}")]);
    let e = support::client(&mem)
        .user(UserSession::from_token("", TOKEN))
        .call_json(&operations::TRANSFER_CREATE, &documented, Vec::new())
        .await
        .unwrap_err();
    assert_eq!(mem.hits(), 0, "nothing may be sent");
    assert_eq!(invalid(e).0, "owner");
}

#[tokio::test]
async fn create_transfer_takes_the_owner_from_the_session() {
    let mem = MemoryTransport::new([Reply::json(200, &body("transfer-create.response.200.json"))]);
    let transfer = support::user(&mem)
        .create_transfer(
            TransferAction::Receive,
            x("0.50"),
            AssetType::Token,
            "IPSX",
            "bob@example.com",
        )
        .await
        .unwrap();
    assert_eq!(transfer.status, Some(TransferStatus::Pending));
    let sent = mem.single();
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, format!("/api/v1/user/{USER}/transfer"));
    assert_eq!(
        sent.header("authorization"),
        Some(&*format!("Bearer {TOKEN}"))
    );
    assert_eq!(
        String::from_utf8(sent.body).unwrap(),
        r#"{"action":"receive","amount":"0.50","type":"token","symbol":"IPSX","user":"bob@example.com"}"#
    );
}

// ---- never retried ---------------------------------------------------------------------

fn retrying_user(mem: &MemoryTransport) -> UserClient {
    Client::builder(Environment::Custom("https://ccpro.test".into()))
        .transport(Arc::new(mem.clone()))
        .retry(payments_test_support::fast_retry())
        .clock(Arc::new(FixedClock::at(NOW)))
        .build()
        .unwrap()
        .user(UserSession::from_token(USER, TOKEN))
}

#[tokio::test]
async fn quote_confirm_and_transfer_create_are_sent_once_after_a_503() {
    let unavailable = || Reply::json(503, r#"{"message":"Service Unavailable"}"#);
    let mem = MemoryTransport::new([unavailable(), unavailable()]);
    let user = retrying_user(&mem);
    let e = user.confirm_quote("q-1", None).await.unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(mem.hits(), 1);
    let e = user
        .create_transfer(
            TransferAction::Send,
            x("1"),
            AssetType::Coin,
            "ETH",
            "bob@example.com",
        )
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(mem.hits(), 2);
}

#[tokio::test]
async fn reading_the_quote_back_after_a_failed_confirm_is_retried_as_a_get() {
    let mem = MemoryTransport::new([
        Reply::json(503, r#"{"message":"Service Unavailable"}"#),
        Reply::json(200, &body("quote-show.response.200.json")),
    ]);
    let quote = retrying_user(&mem).get_quote("fc0388dc").await.unwrap();
    assert_eq!(mem.hits(), 2);
    assert_eq!(quote.status, Some(QuoteStatus::Completed));
    assert!(quote.order.is_some_and(|o| !o.is_reference()));
}

// ---- typed values of the documented answers --------------------------------------------

#[tokio::test]
async fn order_show_decodes_exact_amounts_and_its_embedded_quote_and_checkout() {
    let mem = MemoryTransport::new([Reply::json(200, &body("order-show.response.200.json"))]);
    let order: Order = support::user(&mem)
        .get_order("f7cd7280-b75c-45ac-ac26-193162e74fc1")
        .await
        .unwrap();
    assert_eq!(
        mem.single().path,
        format!("/api/v1/user/{USER}/order/f7cd7280-b75c-45ac-ac26-193162e74fc1")
    );
    assert_eq!(order.status, Some(OrderStatus::ProcessingPayment));
    assert_eq!(order.type_operation, Some(OrderDirection::Out));
    assert_eq!(order.asset_type, Some(AssetType::Token));
    assert_eq!(
        order.from_amount.as_ref().unwrap().as_str(),
        "500.0000000000000000000000000"
    );
    assert_eq!(order.from_amount, Some(x("500")));
    assert_eq!(order.kyc_level_required, Some(3));
    let payment = order.payment.as_ref().unwrap();
    assert_eq!(payment.method, Some(PaymentType::Bank));
    assert!(!payment.fee_percent.as_ref().unwrap().was_number());
    assert!(
        payment
            .url
            .as_deref()
            .unwrap()
            .contains("bank-confirm?  order=")
    );
    assert!(order.external_platform.as_ref().unwrap().is_empty());
    assert_eq!(order.transfer.as_ref().unwrap().id, None);
    let q = order.quote.as_ref().unwrap().quote().unwrap();
    assert_eq!(q.amount.as_ref().unwrap().as_str(), "6.0e-6");
    assert_eq!(q.amount, Some(x("0.000006")));
    let from_total = q.commission.as_ref().unwrap().from_total.as_ref().unwrap();
    assert_eq!(from_total.as_str(), "9.000000000000001e-7");
    let checkout = q.checkout.as_deref().unwrap();
    assert_eq!(checkout.step, Some(CheckoutStep::ThankYou));
    assert_eq!(checkout.status, Some(CheckoutStatus::Finished));
    assert_eq!(checkout.ip.as_deref(), Some(""));
    assert_eq!(checkout.attempts_quote.unwrap().limit, Some(3));
}

/// §2.3/§4.3: `quote.total` is the JSON number `0.00155319` inside `order-show` and a
/// string everywhere else; both read exactly and write back as they came.
#[test]
fn quote_total_is_a_number_in_order_show_and_a_string_elsewhere() {
    let order = GetOrder::decode(
        StatusCode::OK,
        body("order-show.response.200.json").as_bytes(),
    )
    .unwrap();
    let total = order.quote.unwrap().full.unwrap().total.unwrap();
    assert!(total.was_number());
    assert_eq!(total.as_str(), "0.00155319");
    let quote: Quote = GetQuote::decode(
        StatusCode::OK,
        body("quote-show.response.200.json").as_bytes(),
    )
    .unwrap();
    let total = quote.total.unwrap();
    assert!(!total.was_number());
    assert_eq!(total.as_str(), "34.4425000000000000000000000");
    let json = serde_json::to_string(&Quote {
        total: Some(serde_json::from_str("0.00155319").unwrap()),
        ..Quote::default()
    })
    .unwrap();
    assert_eq!(json, r#"{"total":0.00155319}"#);
}

/// §2.3/§4.3/§8.48: `payment.feePercent` is `0` on `deposit-create` and `"0"` elsewhere.
#[test]
fn fee_percent_reads_the_number_and_the_string_and_writes_each_back() {
    for text in [r#"{"feePercent":0}"#, r#"{"feePercent":"0"}"#] {
        let p: OrderPayment = serde_json::from_str(text).unwrap();
        assert!(p.fee_percent.as_ref().unwrap().is_zero());
        assert_eq!(serde_json::to_string(&p).unwrap(), text);
    }
}

/// §2.3: an order's `quote` is a reference in the lists, the quote itself (without
/// `status`, with `checkout`) in `order-show`, and the full quote in `quote-confirm`.
#[test]
fn order_quote_is_a_reference_in_lists_and_the_quote_in_show_and_confirm() {
    let list = ListOrders::decode(
        StatusCode::OK,
        body("order-list.response.200.json").as_bytes(),
    )
    .unwrap();
    let reference = list[0].quote.as_ref().unwrap();
    assert_eq!(
        reference.id.as_deref(),
        Some("7592334f-8009-441b-a125-592daf54049b")
    );
    assert!(reference.is_reference() && reference.quote().is_none());
    let shown = GetOrder::decode(
        StatusCode::OK,
        body("order-show.response.200.json").as_bytes(),
    )
    .unwrap();
    let embedded = shown.quote.unwrap().full.unwrap();
    assert!(embedded.status.is_none() && embedded.checkout.is_some());
    let confirmed = ConfirmQuote::decode(
        StatusCode::CREATED,
        body("quote-confirm.response.201.json").as_bytes(),
    )
    .unwrap();
    assert_eq!(confirmed.status, Some(OrderStatus::PaymentWaiting));
    let full = confirmed.quote.unwrap().full.unwrap();
    assert_eq!(full.status, Some(QuoteStatus::Completed));
    // The nested quote points back at the order.
    assert_eq!(full.order.unwrap().id, confirmed.id);
    // #50's commissions are short strings where other orders send 25 digits.
    assert_eq!(
        confirmed.commissions.unwrap().amount.unwrap().as_str(),
        "1.4975"
    );
}

/// §2.3: a quote's `order` is a reference (null members while available) except in
/// `quote-show`, which expands the whole order.
#[test]
fn quote_order_is_a_reference_except_in_quote_show() {
    let created = CreateQuote::decode(
        StatusCode::CREATED,
        body("quote-create.response.201.json").as_bytes(),
    )
    .unwrap();
    let empty = created.order.unwrap();
    assert!(empty.is_reference() && empty.id.is_none());
    assert!(created.external_platform.is_none());
    let listed = ListQuotes::decode(
        StatusCode::OK,
        body("quote-list.response.200.json").as_bytes(),
    )
    .unwrap();
    let reference = listed[0].order.as_deref().unwrap();
    assert!(reference.is_reference());
    assert_eq!(reference.public_id.as_deref(), Some("llnnLjW8"));
    let shown = GetQuote::decode(
        StatusCode::OK,
        body("quote-show.response.200.json").as_bytes(),
    )
    .unwrap();
    let order = shown.order.unwrap();
    assert!(!order.is_reference());
    assert_eq!(order.status, Some(OrderStatus::Rejected));
    assert_eq!(
        order.to_amount.unwrap().as_str(),
        "0.2000000000000000000000000"
    );
}

/// §8.40: the quote `order-show` embeds puts its operation in `type` ("buy_with_fiat")
/// where the quote endpoints send the asset kind ("coin").
#[test]
fn embedded_quote_type_holds_the_operation() {
    let order = GetOrder::decode(
        StatusCode::OK,
        body("order-show.response.200.json").as_bytes(),
    )
    .unwrap();
    let embedded = order.quote.unwrap().full.unwrap();
    assert_eq!(
        embedded.asset_type,
        Some(AssetType::Unknown("buy_with_fiat".into()))
    );
    assert_eq!(embedded.operation(), Some(TradeOperation::BuyWithFiat));
    assert_eq!(embedded.kind(), None);
    let quote = GetQuote::decode(
        StatusCode::OK,
        body("quote-show.response.200.json").as_bytes(),
    )
    .unwrap();
    assert_eq!(quote.kind(), Some(AssetType::Coin));
    assert_eq!(quote.operation(), Some(TradeOperation::BuyWithFiat));
}

/// §2.3/§8.40: `checkout-show` has no `redirectUrl`/`pingUrl`, which the list carries.
#[test]
fn checkout_show_lacks_the_urls_the_list_carries() {
    let listed = ListCheckouts::decode(
        StatusCode::OK,
        body("checkout-list.response.200.json").as_bytes(),
    )
    .unwrap();
    assert!(listed[0].redirect_url.is_some() && listed[0].ping_url.is_some());
    let shown = GetCheckout::decode(
        StatusCode::OK,
        body("checkout-show.response.200.json").as_bytes(),
    )
    .unwrap();
    assert_eq!((shown.redirect_url, shown.ping_url), (None, None));
    assert_eq!(shown.status, Some(CheckoutStatus::Processing));
    assert_eq!(shown.step, Some(CheckoutStep::Kyc));
    let user = shown.user.unwrap();
    assert_eq!(user.is_active, Some(true));
    assert_eq!(user.meta.unwrap().password_set, Some(true));
    assert_eq!(
        shown.external_platform.unwrap().code.as_deref(),
        Some("CCPRO")
    );
}

/// §8.9: the four transfer lists document a `transfer` URL parameter their paths lack;
/// it is not accepted.
#[tokio::test]
async fn transfer_lists_take_no_transfer_parameter() {
    for op in [
        &operations::TRANSFER_LIST,
        &operations::TRANSFER_BY,
        &operations::TRANSFER_FROM,
        &operations::TRANSFER_TO,
    ] {
        let (field, _) = refused_call(op, r#"{"user":"u-1","transfer":"t-1"}"#, Vec::new()).await;
        assert_eq!(field, "transfer", "{}", op.name);
    }
}

#[test]
fn transfers_decode_their_users_orders_and_exact_amounts() {
    let confirmed = ccpro_api::api::ConfirmTransfer::decode(
        StatusCode::OK,
        body("transfer-confirm.response.200.json").as_bytes(),
    )
    .unwrap();
    assert_eq!(confirmed.status, Some(TransferStatus::Completed));
    assert_eq!(
        confirmed.from_order.unwrap().public_id.as_deref(),
        Some("7SKTMR2Y")
    );
    assert_eq!(
        confirmed.to_user.unwrap().email.as_deref(),
        Some("alinionutmusat+1@gmail.com")
    );
    let commission = confirmed.commission.unwrap();
    assert_eq!(commission.value.unwrap(), x("0.05"));
    assert_eq!(commission.percent.unwrap().as_str(), "5");
    assert_eq!(
        confirmed.total.unwrap().as_str(),
        "0.9500000000000000000000000"
    );
    assert_eq!(confirmed.life_seconds, Some(180));
    assert!(confirmed.asset_type.is_none() && confirmed.symbol.is_none());
}

#[test]
fn unknown_statuses_are_kept_and_written_back() {
    let order: Order =
        serde_json::from_str(r#"{"status":"CANCELLED","typeOperationName":"stake"}"#).unwrap();
    assert_eq!(order.status, Some(OrderStatus::Unknown("CANCELLED".into())));
    assert_eq!(
        order.type_operation_name,
        Some(TradeOperation::Unknown("stake".into()))
    );
    assert_eq!(
        serde_json::to_string(&order).unwrap(),
        r#"{"status":"CANCELLED","typeOperationName":"stake"}"#
    );
    let t: Transfer = serde_json::from_str(r#"{"status":"expired"}"#).unwrap();
    assert_eq!(t.status, Some(TransferStatus::Unknown("expired".into())));
    let q: Quote =
        serde_json::from_str(r#"{"status":"cancelled","payment":{"type":"sepa"}}"#).unwrap();
    assert_eq!(q.status, Some(QuoteStatus::Unknown("cancelled".into())));
    assert_eq!(
        q.payment.unwrap().payment_type,
        Some(PaymentType::Unknown("sepa".into()))
    );
}

// ---- the typed methods -----------------------------------------------------------------

#[tokio::test]
async fn the_typed_methods_send_the_session_user_and_decode_the_answer() {
    let mem = MemoryTransport::new([
        Reply::json(200, &body("order-coin-list.response.200.json")),
        Reply::json(201, &body("quote-create.response.201.json")),
        Reply::json(201, &body("quote-confirm.response.201.json")),
        Reply::json(200, &body("transfer-by.response.200.json")),
        Reply::json(200, &body("transfer-confirm.response.200.json")),
        Reply::json(200, &body("checkout-list.response.200.json")),
        Reply::json(200, &body("checkout-show.response.200.json")),
    ]);
    let user = support::user(&mem);
    let orders = user.list_coin_orders().await.unwrap();
    assert_eq!(orders[0].asset_type, Some(AssetType::Coin));
    // The request's own user is replaced by the session's.
    let request = CreateQuote::new(
        "someone-else",
        AssetType::Coin,
        TradeOperation::SellToFiat,
        x("0.2"),
        "ETH",
    )
    .with_payment_symbol("EUR")
    .with_payment_type(PaymentType::Bank);
    let quote = user.create_quote(request).await.unwrap();
    assert_eq!(quote.status, Some(QuoteStatus::Available));
    assert_eq!(quote.life_seconds, Some(3600));
    let order = user
        .confirm_quote("90de96dd-3309-4795-bd41-ebe09091e1f8", None)
        .await
        .unwrap();
    assert_eq!(order.kyc_level_required, Some(5));
    let by = user.list_transfers_by().await.unwrap();
    assert_eq!(by.len(), 1);
    let confirmed = user
        .confirm_transfer("3290f292", Some("0x01234567890123456789"))
        .await
        .unwrap();
    assert_eq!(confirmed.status, Some(TransferStatus::Completed));
    assert_eq!(user.list_checkouts().await.unwrap().len(), 1);
    assert!(user.get_checkout("a8b89dcf").await.unwrap().user.is_some());

    let sent = mem.requests();
    let lines: Vec<(String, String, String)> = sent
        .iter()
        .map(|r| {
            (
                r.method.clone(),
                r.path.replace(USER, "{user}"),
                String::from_utf8(r.body.clone()).unwrap(),
            )
        })
        .collect();
    let expected = [
        ("GET", "/api/v1/user/{user}/order/coin", ""),
        (
            "POST",
            "/api/v1/user/{user}/quote",
            r#"{"type":"coin","orderType":"sell_to_fiat","orderAmount":"0.2","orderSymbol":"ETH","orderPaymentSymbol":"EUR","orderPaymentType":"bank"}"#,
        ),
        (
            "POST",
            "/api/v1/user/{user}/quote/90de96dd-3309-4795-bd41-ebe09091e1f8",
            "{}",
        ),
        ("GET", "/api/v1/user/{user}/transfer/by", ""),
        (
            "POST",
            "/api/v1/user/{user}/transfer/3290f292",
            r#"{"wallet":"0x01234567890123456789"}"#,
        ),
        ("GET", "/api/v1/user/{user}/checkout", ""),
        ("GET", "/api/v1/user/{user}/checkout/a8b89dcf", ""),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(m, p, b)| (m.to_string(), p.to_string(), b.to_string()))
        .collect();
    assert_eq!(lines, expected);
    assert!(
        sent.iter()
            .all(|r| r.header("authorization") == Some(&*format!("Bearer {TOKEN}")))
    );
}

#[tokio::test]
async fn the_remaining_list_methods_use_their_own_paths() {
    let empty = || Reply::json(200, r#"{"data":[]}"#);
    let mem = MemoryTransport::new([empty(), empty(), empty(), empty(), empty(), empty()]);
    let user = support::user(&mem);
    assert!(user.list_orders().await.unwrap().is_empty());
    assert!(user.list_token_orders().await.unwrap().is_empty());
    assert!(user.list_quotes().await.unwrap().is_empty());
    assert!(user.list_transfers().await.unwrap().is_empty());
    assert!(user.list_transfers_from().await.unwrap().is_empty());
    assert!(user.list_transfers_to().await.unwrap().is_empty());
    let paths: Vec<String> = mem
        .requests()
        .iter()
        .map(|r| r.path.replace(USER, "{user}"))
        .collect();
    assert_eq!(
        paths,
        [
            "/api/v1/user/{user}/order",
            "/api/v1/user/{user}/order/token",
            "/api/v1/user/{user}/quote",
            "/api/v1/user/{user}/transfer",
            "/api/v1/user/{user}/transfer/from",
            "/api/v1/user/{user}/transfer/to",
        ]
    );
}

#[tokio::test]
async fn get_transfer_reads_one_transfer() {
    let mem = MemoryTransport::new([Reply::json(200, &body("transfer-show.response.200.json"))]);
    let t = support::user(&mem).get_transfer("3290f292").await.unwrap();
    assert_eq!(t.public_id.as_deref(), Some("FxpNoavw"));
    assert_eq!(
        mem.single().path,
        format!("/api/v1/user/{USER}/transfer/3290f292")
    );
}

/// The same shapes as other areas send them (the platform's lists, `deposit-create`):
/// every item decodes and writes back what it read, digit for digit.
#[test]
fn the_shapes_read_the_platform_and_deposit_forms_too() {
    fn items(file: &str) -> Vec<String> {
        #[derive(serde::Deserialize)]
        struct Body {
            data: Box<RawValue>,
        }
        let body: Body = serde_json::from_str(&body(file)).unwrap();
        let data = body.data.get();
        match serde_json::from_str::<Vec<Box<RawValue>>>(data) {
            Ok(list) => list.iter().map(|r| r.get().to_owned()).collect(),
            Err(_) => vec![data.to_owned()],
        }
    }
    fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(file: &str) {
        for item in items(file) {
            let typed: T = serde_json::from_str(&item).unwrap();
            let ours = serde_json::to_string(&typed).unwrap();
            let mut diffs = Vec::new();
            crate::docs::same(
                &crate::docs::parse(&ours),
                &crate::docs::parse(&item),
                file,
                &mut diffs,
            );
            assert!(diffs.is_empty(), "{diffs:#?}");
        }
    }
    round_trip::<Order>("platform-orders.response.200.json");
    round_trip::<Order>("deposit-create.response.200.json");
    round_trip::<Quote>("platform-quotes.response.200.json");
    round_trip::<ccpro_api::types::Checkout>("platform-checkouts.response.200.json");
    round_trip::<Transfer>("platform-transfers.response.200.json");
    let deposit: Order =
        serde_json::from_str(&items("deposit-create.response.200.json")[0]).unwrap();
    let fee = deposit.payment.unwrap().fee_percent.unwrap();
    assert!(fee.was_number() && fee.is_zero());
}

/// An order's quote is read in one pass whatever the member order: a reference stays a
/// reference, and members before and after the first non-reference one all reach the
/// embedded quote (an escaped member name too).
#[test]
fn an_order_quote_reads_references_and_embedded_quotes_in_any_member_order() {
    use ccpro_api::types::orders::OrderQuote;
    let r: OrderQuote = serde_json::from_str(r#"{"publicId":"RONT","id":"q-1"}"#).unwrap();
    assert!(r.is_reference());
    assert_eq!(
        (r.id.as_deref(), r.public_id.as_deref()),
        (Some("q-1"), Some("RONT"))
    );
    let full: OrderQuote = serde_json::from_str(
        r#"{"id":"q-2","amou\u006et":"0.2000000000000000000000000","publicId":"P2","total":0.00155319}"#,
    )
    .unwrap();
    let q = full.quote().unwrap();
    assert_eq!(q.id.as_deref(), Some("q-2"));
    assert_eq!(q.public_id.as_deref(), Some("P2"));
    assert_eq!(
        q.amount.as_ref().unwrap().as_str(),
        "0.2000000000000000000000000"
    );
    assert_eq!(q.total.as_ref().unwrap().as_str(), "0.00155319");
    assert_eq!(full.id.as_deref(), Some("q-2"));
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"id":"q-1","publicId":"RONT"}"#
    );
}
