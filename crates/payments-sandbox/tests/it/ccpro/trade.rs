//! Trading: quotes, orders, deposits and transfers, every documented status reached through
//! its trigger, and the docs' request examples answered with the documented shapes.

use serde_json::{Value, json};

use super::support::*;

/// Gives `user` a bank, card or wallet through the control route; answers its id.
async fn method(c: &Ccpro, user: &User, body: Value) -> Value {
    let reply = c
        .control(
            "POST",
            &format!("/users/{}/payment-methods", user.id),
            &body.to_string(),
        )
        .await;
    reply.expect(200);
    reply.json()
}

/// `user`'s balance of `asset`: (available, pending), read through the control route.
async fn balance(c: &Ccpro, user: &User, asset: &str) -> (String, String) {
    let reply = c
        .control(
            "POST",
            "/balances",
            &json!({ "user": user.id, "asset": asset }).to_string(),
        )
        .await;
    reply.expect(200);
    let v = reply.json();
    (plain(&v["available"]), plain(&v["pending"]))
}

/// A decimal string without trailing zeros ("2.0" → "2").
fn plain(value: &Value) -> String {
    let text = value.as_str().unwrap();
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text.to_owned()
    }
}

/// A buy_with_fiat quote of `amount` ETH paid by a fresh bank of `user`.
async fn bank_quote(c: &Ccpro, user: &User, amount: &str) -> Value {
    let bank = method(c, user, json!({ "kind": "bank" })).await;
    let body = json!({
        "type": "coin", "orderType": "buy_with_fiat", "orderAmount": amount,
        "orderSymbol": "ETH", "orderPaymentSymbol": "EUR", "orderPaymentMethod": bank["id"],
    });
    let reply = c.user_call(user, "POST", "/quote", &body.to_string()).await;
    reply.expect(201);
    reply.json()["data"].clone()
}

async fn confirm(c: &Ccpro, user: &User, quote: &Value, body: &str) -> Reply {
    c.user_call(
        user,
        "POST",
        &format!("/quote/{}", quote["id"].as_str().unwrap()),
        body,
    )
    .await
}

#[tokio::test]
async fn the_docs_quote_example_prices_a_quote_that_lives_for_the_quote_life() {
    let c = Ccpro::new();
    let u = c.user().await;
    let bank = method(&c, &u, json!({ "kind": "bank" })).await;
    let wallet = method(&c, &u, json!({ "kind": "wallet", "coin": "ETH" })).await;
    let mut body = docs_request("quote-create")["body"].clone();
    body["orderPaymentMethod"] = bank["id"].clone();
    body["wallet"] = wallet["id"].clone();
    let reply = c.user_call(&u, "POST", "/quote", &body.to_string()).await;
    reply.expect(201);
    let v = reply.json();
    assert_documented_shape("quote-create", 201, &v);
    let q = &v["data"];
    assert_eq!(q["status"], "available");
    // Paid in EUR: the pair prices a buy with fiat, whatever orderType says.
    assert_eq!(q["typeOperationName"], "buy_with_fiat");
    assert_eq!(
        (q["from"].as_str(), q["to"].as_str()),
        (Some("EUR"), Some("ETH"))
    );
    assert_eq!(q["amount"], "1.001");
    // 160.16 EUR per ETH plus 0.1 %: 160.32016; total = 1.001 × rate.
    assert_eq!(q["rate"], "160.32016");
    assert_eq!(q["total"], "160.48048016");
    assert_eq!(q["commission"]["percent"], "0.1");
    assert_eq!(
        q["payment"],
        json!({"type": "bank", "id": bank["id"], "mandatory": false})
    );
    assert_eq!(q["wallet"], wallet["address"]);
    assert_eq!(q["lifeSeconds"], 3600);
    assert_eq!(q["lifeUntilAt"], c.now() + 3600);
    assert!(
        q["confirmUrl"]
            .as_str()
            .unwrap()
            .contains(q["id"].as_str().unwrap())
    );
}

#[tokio::test]
async fn quote_create_refuses_what_its_rules_refuse() {
    let c = Ccpro::new();
    let u = c.user().await;
    let reply = c.user_call(&u, "POST", "/quote", "{}").await;
    reply.expect(422);
    let errors = &reply.json()["errors"];
    assert_eq!(errors["type"][0], "The type field is required.");
    assert_eq!(errors["orderType"][0], "The orderType field is required.");
    assert_eq!(
        errors["orderAmount"][0],
        "The orderAmount field is required."
    );
    // A token symbol as a coin, a UUID that is no wallet of the user, a sell without method.
    let body = json!({
        "type": "coin", "orderType": "sell_to_fiat", "orderAmount": "1",
        "orderSymbol": "IPSX", "orderPaymentSymbol": "EUR",
        "wallet": "00000000-0000-4000-8000-000000000000",
    });
    let reply = c.user_call(&u, "POST", "/quote", &body.to_string()).await;
    reply.expect(422);
    let errors = &reply.json()["errors"];
    assert_eq!(
        errors["orderSymbol"][0],
        "The selected orderSymbol is invalid."
    );
    assert_eq!(errors["wallet"][0], "The selected wallet is invalid.");
    assert!(
        errors["orderPaymentType"][0]
            .as_str()
            .unwrap()
            .contains("required")
    );
    assert!(reply.reason().unwrap().contains("no wallet"));
    // A withdrawal needs a wallet.
    let body = json!({
        "type": "coin", "orderType": "withdraw", "orderAmount": "1", "orderSymbol": "ETH",
    });
    let reply = c.user_call(&u, "POST", "/quote", &body.to_string()).await;
    reply.expect(422);
    assert!(
        reply.json()["errors"]["wallet"][0]
            .as_str()
            .unwrap()
            .contains("required")
    );
}

#[tokio::test]
async fn quote_create_answers_412_while_self_delete_is_scheduled() {
    let c = Ccpro::new();
    let u = c.user().await;
    c.control(
        "POST",
        &format!("/users/{}/self-delete", u.id),
        r#"{"scheduled":true}"#,
    )
    .await
    .expect(200);
    let reply = c.user_call(&u, "POST", "/quote", "{}").await;
    reply.expect(412);
    assert_eq!(reply.json(), documented("quote-create", 412));
    assert!(reply.reason().unwrap().contains("account-close-abort"));
    c.control(
        "POST",
        &format!("/users/{}/self-delete", u.id),
        r#"{"scheduled":false}"#,
    )
    .await
    .expect(200);
    bank_quote(&c, &u, "0.5").await;
}

#[tokio::test]
async fn the_pipeline_guards_the_trade_operations() {
    let c = Ccpro::new();
    let u = c.user().await;
    let other = c.user().await;
    // 401 without a token.
    let reply = c
        .call("GET", &format!("/api/v1/user/{}/order", u.id), None, "")
        .await;
    reply.expect(401);
    assert_eq!(reply.json(), documented("order-list", 401));
    // 409 on another user's path.
    let reply = c
        .call(
            "GET",
            &format!("/api/v1/user/{}/transfer", other.id),
            Some(&u.token),
            "",
        )
        .await;
    reply.expect(409);
    assert_eq!(reply.json(), documented("transfer-list", 409));
    // 403 for an inactive account: quote-create words it under "error".
    let inactive = c.user_with(r#"{"active":false}"#).await;
    let reply = c.user_call(&inactive, "POST", "/quote", "{}").await;
    reply.expect(403);
    assert_eq!(reply.json(), documented("quote-create", 403));
    let reply = c.user_call(&inactive, "GET", "/quote", "").await;
    reply.expect(403);
    assert_eq!(reply.json(), documented("quote-list", 403));
}

#[tokio::test]
async fn quotes_are_listed_with_the_docs_filters_and_shown_with_their_order() {
    let c = Ccpro::new();
    let u = c.user().await;
    c.fund(&u, "ETH", "10").await;
    let buy = bank_quote(&c, &u, "0.2").await;
    let sell = c
        .user_call(
            &u,
            "POST",
            "/quote",
            &json!({
                "type": "coin", "orderType": "sell_to_crypto", "orderAmount": "1",
                "orderSymbol": "ETH", "orderPaymentSymbol": "XBT",
            })
            .to_string(),
        )
        .await;
    sell.expect(201);
    let query = query_string(&docs_request("quote-list")["query"].clone());
    let reply = c.user_call(&u, "GET", &format!("/quote{query}"), "").await;
    reply.expect(200);
    let v = reply.json();
    assert_documented_shape("quote-list", 200, &v);
    let ids: Vec<&Value> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["id"])
        .collect();
    assert_eq!(ids, vec![&buy["id"]]);
    let all = c.user_call(&u, "GET", "/quote", "").await.json();
    assert_eq!(all["data"].as_array().unwrap().len(), 2);
    let none = c
        .user_call(&u, "GET", "/quote?status=expired", "")
        .await
        .json();
    assert_eq!(none["data"], json!([]));
    // Show, before and after confirmation.
    let path = format!("/quote/{}", buy["id"].as_str().unwrap());
    let shown = c.user_call(&u, "GET", &path, "").await;
    shown.expect(200);
    assert_eq!(shown.json()["data"]["order"], Value::Null);
    confirm(&c, &u, &buy, "").await.expect(201);
    let shown = c.user_call(&u, "GET", &path, "").await;
    let v = shown.json();
    assert_documented_shape("quote-show", 200, &v);
    assert_eq!(v["data"]["status"], "completed");
    assert_eq!(v["data"]["order"]["status"], "PAYMENT_WAITING");
    let missing = c.user_call(&u, "GET", "/quote/nope", "").await;
    missing.expect(404);
    assert_eq!(missing.json(), documented("quote-show", 404));
}

#[tokio::test]
async fn a_quote_is_confirmed_once_before_it_expires() {
    let c = Ccpro::new();
    let u = c.user().await;
    let quote = c
        .user_call(
            &u,
            "POST",
            "/quote",
            &json!({
                "type": "coin", "orderType": "sell_to_fiat", "orderAmount": "0.2",
                "orderSymbol": "ETH", "orderPaymentSymbol": "EUR", "orderPaymentType": "bank",
            })
            .to_string(),
        )
        .await;
    quote.expect(201);
    let quote = quote.json()["data"].clone();
    assert_eq!(quote["payment"]["mandatory"], true);
    // Without a method at create, confirm needs one.
    let reply = confirm(&c, &u, &quote, "").await;
    reply.expect(422);
    assert_eq!(
        reply.json()["errors"]["orderPaymentMethod"][0],
        "The orderPaymentMethod field is required."
    );
    // The docs' body with a live bank; the ETH must be there to sell.
    let bank = method(&c, &u, json!({ "kind": "bank" })).await;
    let mut body = docs_request("quote-confirm")["body"].clone();
    body["orderPaymentMethod"] = bank["id"].clone();
    let reply = confirm(&c, &u, &quote, &body.to_string()).await;
    reply.expect(403);
    assert_eq!(reply.json(), json!({"message": "Insufficient balance."}));
    c.fund(&u, "ETH", "1").await;
    let reply = confirm(&c, &u, &quote, &body.to_string()).await;
    reply.expect(201);
    let v = reply.json();
    assert_documented_shape("quote-confirm", 201, &v);
    let order = &v["data"];
    assert_eq!(order["status"], "PAYMENT_WAITING");
    assert_eq!(order["typeOperation"], "out");
    assert_eq!(order["fromAmount"], "0.2");
    assert_eq!(order["toAmount"], quote["total"]);
    assert_eq!(order["payment"]["id"], bank["id"]);
    assert_eq!(order["quote"]["status"], "completed");
    assert_eq!(order["quote"]["order"]["id"], order["id"]);
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("0.8".to_owned(), "0.2".to_owned())
    );
    // A second confirmation.
    let again = confirm(&c, &u, &quote, &body.to_string()).await;
    again.expect(403);
    assert_eq!(again.json(), documented("quote-confirm", 403));
    // An expired quote.
    let late = bank_quote(&c, &u, "1").await;
    c.advance(3601);
    let reply = confirm(&c, &u, &late, "").await;
    reply.expect(403);
    assert_eq!(reply.json(), documented_variant("quote-confirm", "403.2"));
    assert!(reply.reason().unwrap().contains("lifeUntilAt"));
    let listed = c
        .user_call(&u, "GET", "/quote?status=expired", "")
        .await
        .json();
    assert_eq!(listed["data"][0]["id"], late["id"]);
    // Unknown, and another user's.
    let reply = c.user_call(&u, "POST", "/quote/nope", "").await;
    reply.expect(404);
    assert_eq!(reply.json(), documented("quote-confirm", 404));
    let other = c.user().await;
    let reply = confirm(&c, &other, &late, "").await;
    reply.expect(404);
    // The sale is approved after the payment delay: the held ETH leaves.
    c.advance(60);
    let order_path = format!("/order/{}", order["id"].as_str().unwrap());
    let shown = c.user_call(&u, "GET", &order_path, "").await.json();
    assert_eq!(shown["data"]["status"], "APPROVED");
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("0.8".to_owned(), "0".to_owned())
    );
}

#[tokio::test]
async fn a_bank_buy_waits_for_its_proof_then_is_approved_and_credited() {
    let c = Ccpro::new();
    let u = c.user().await;
    let quote = bank_quote(&c, &u, "0.5").await;
    let order = confirm(&c, &u, &quote, "").await.json()["data"].clone();
    let path = format!(
        "/api/v1/user/{}/order/{}/payment-confirmation",
        u.id,
        order["id"].as_str().unwrap()
    );
    assert!(
        order["payment"]["url"]
            .as_str()
            .unwrap()
            .contains("bank-confirm")
    );
    // No file: the docs' 422.
    let reply = c.multipart("POST", &path, &u.token, &[]).await;
    reply.expect(422);
    assert_eq!(reply.json(), documented("order-payment-proof", 422));
    // A text file is not a proof.
    let reply = c
        .multipart(
            "POST",
            &path,
            &u.token,
            &[Part::File("file", "a.txt", "text/plain", b"hi")],
        )
        .await;
    reply.expect(422);
    // Unknown order.
    let reply = c
        .multipart(
            "POST",
            &format!("/api/v1/user/{}/order/nope/payment-confirmation", u.id),
            &u.token,
            &[Part::File("file", "p.pdf", "application/pdf", PDF)],
        )
        .await;
    reply.expect(404);
    assert_eq!(reply.json(), documented("order-payment-proof", 404));
    // Still waiting after a while without a proof.
    c.advance(600);
    let order_path = format!("/order/{}", order["id"].as_str().unwrap());
    let shown = c.user_call(&u, "GET", &order_path, "").await.json();
    assert_eq!(shown["data"]["status"], "PAYMENT_WAITING");
    let reply = c
        .multipart(
            "POST",
            &path,
            &u.token,
            &[Part::File("file", "p.pdf", "application/pdf", PDF)],
        )
        .await;
    reply.expect(200);
    assert_eq!(reply.json(), documented("order-payment-proof", 200));
    let shown = c.user_call(&u, "GET", &order_path, "").await.json();
    assert_eq!(shown["data"]["status"], "PROCESSING_PAYMENT");
    assert_eq!(shown["data"]["payment"]["proofUploaded"], true);
    let reply = c
        .multipart(
            "POST",
            &path,
            &u.token,
            &[Part::File("file", "p.png", "image/png", PNG)],
        )
        .await;
    reply.expect(403);
    assert_eq!(
        reply.json(),
        documented_variant("order-payment-proof", "403.2")
    );
    c.advance(59);
    assert_eq!(balance(&c, &u, "ETH").await.0, "0");
    c.advance(1);
    let shown = c.user_call(&u, "GET", &order_path, "").await;
    shown.expect(200);
    let v = shown.json();
    assert_documented_shape("order-show", 200, &v);
    assert_eq!(v["data"]["status"], "APPROVED");
    assert_eq!(v["data"]["quote"]["type"], "buy_with_fiat");
    assert!(v["data"]["quote"]["total"].is_number());
    assert_eq!(balance(&c, &u, "ETH").await.0, "0.5");
    // A card-paid buy takes no proof.
    let card = method(&c, &u, json!({ "kind": "card" })).await;
    let body = json!({
        "type": "coin", "orderType": "buy_with_fiat", "orderAmount": "1",
        "orderSymbol": "ETH", "orderPaymentSymbol": "EUR", "orderPaymentMethod": card["id"],
    });
    let quote = c
        .user_call(&u, "POST", "/quote", &body.to_string())
        .await
        .json()["data"]
        .clone();
    assert_eq!(quote["payment"]["type"], "card");
    let order = confirm(&c, &u, &quote, "").await.json()["data"].clone();
    let path = format!(
        "/api/v1/user/{}/order/{}/payment-confirmation",
        u.id,
        order["id"].as_str().unwrap()
    );
    let reply = c
        .multipart(
            "POST",
            &path,
            &u.token,
            &[Part::File("file", "p.jpg", "image/jpeg", JPEG)],
        )
        .await;
    reply.expect(403);
    assert_eq!(
        reply.json(),
        documented_variant("order-payment-proof", "403.3")
    );
    // An inactive account.
    let inactive = c.user_with(r#"{"active":false}"#).await;
    let reply = c
        .multipart(
            "POST",
            &format!("/api/v1/user/{}/order/x/payment-confirmation", inactive.id),
            &inactive.token,
            &[Part::File("file", "p.pdf", "application/pdf", PDF)],
        )
        .await;
    reply.expect(403);
    assert_eq!(reply.json(), documented("order-payment-proof", 403));
}

#[tokio::test]
async fn orders_are_listed_by_the_docs_filters_and_by_asset_kind() {
    let c = Ccpro::new();
    let u = c.user().await;
    let eth = bank_quote(&c, &u, "1").await;
    let eth_order = confirm(&c, &u, &eth, "").await.json()["data"].clone();
    c.control(
        "POST",
        &format!("/orders/{}", eth_order["id"].as_str().unwrap()),
        r#"{"status":"APPROVED"}"#,
    )
    .await
    .expect(200);
    let deposit = c
        .user_call(
            &u,
            "POST",
            "/deposit",
            r#"{"type":"token","symbol":"IPSX","amount":"100","txID":"0xabc"}"#,
        )
        .await;
    deposit.expect(200);
    let query = query_string(&docs_request("order-list")["query"].clone());
    let reply = c.user_call(&u, "GET", &format!("/order{query}"), "").await;
    reply.expect(200);
    let v = reply.json();
    assert_documented_shape("order-list", 200, &v);
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
    assert_eq!(v["data"][0]["id"], eth_order["id"]);
    let coins = c.user_call(&u, "GET", "/order/coin", "").await.json();
    assert_documented_shape("order-coin-list", 200, &coins);
    assert_eq!(coins["data"].as_array().unwrap().len(), 1);
    let tokens = c.user_call(&u, "GET", "/order/token", "").await.json();
    assert_documented_shape("order-token-list", 200, &tokens);
    assert_eq!(tokens["data"][0]["toSymbol"], "IPSX");
    assert_eq!(tokens["data"].as_array().unwrap().len(), 1);
    let all = c.user_call(&u, "GET", "/order?asset=IPSX", "").await.json();
    assert_eq!(all["data"].as_array().unwrap().len(), 1);
    let missing = c.user_call(&u, "GET", "/order/nope", "").await;
    missing.expect(404);
    assert_eq!(missing.json(), documented("order-show", 404));
}

#[tokio::test]
async fn the_control_route_decides_an_order_and_a_rejection_releases_the_hold() {
    let c = Ccpro::new();
    let u = c.user().await;
    c.fund(&u, "ETH", "2").await;
    let wallet = method(&c, &u, json!({ "kind": "wallet", "coin": "ETH" })).await;
    let body = json!({
        "type": "coin", "orderType": "withdraw", "orderAmount": "1.5", "orderSymbol": "ETH",
        "wallet": wallet["address"],
    });
    let quote = c.user_call(&u, "POST", "/quote", &body.to_string()).await;
    quote.expect(201);
    let quote = quote.json()["data"].clone();
    assert_eq!(quote["typeOperationName"], "withdraw");
    assert_eq!(quote["total"], "1.47");
    let order = confirm(&c, &u, &quote, "").await.json()["data"].clone();
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("0.5".to_owned(), "1.5".to_owned())
    );
    let path = format!("/orders/{}", order["id"].as_str().unwrap());
    let bad = c.control("POST", &path, r#"{"status":"DONE"}"#).await;
    bad.expect(400);
    let decided = c.control("POST", &path, r#"{"status":"REJECTED"}"#).await;
    decided.expect(200);
    assert_eq!(decided.json()["status"], "REJECTED");
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("2".to_owned(), "0".to_owned())
    );
    c.control("POST", &path, r#"{"status":"APPROVED"}"#)
        .await
        .expect(400);
    c.control("POST", "/orders/nope", r#"{"status":"APPROVED"}"#)
        .await
        .expect(404);
}

#[tokio::test]
async fn a_buy_with_a_second_withdrawal_makes_a_child_order() {
    let c = Ccpro::new();
    let u = c.user().await;
    let bank = method(&c, &u, json!({ "kind": "bank" })).await;
    let body = json!({
        "type": "coin", "orderType": "buy_with_fiat", "secondOrderType": "withdraw",
        "orderAmount": "1", "orderSymbol": "ETH", "orderPaymentSymbol": "EUR",
        "orderPaymentMethod": bank["id"], "wallet": "0x00000000000000000000000000000000000000aa",
    });
    let quote = c.user_call(&u, "POST", "/quote", &body.to_string()).await;
    quote.expect(201);
    let order = confirm(&c, &u, &quote.json()["data"], "").await.json()["data"].clone();
    let path = format!("/orders/{}", order["id"].as_str().unwrap());
    c.control("POST", &path, r#"{"status":"APPROVED"}"#)
        .await
        .expect(200);
    let shown = c
        .user_call(
            &u,
            "GET",
            &format!("/order/{}", order["id"].as_str().unwrap()),
            "",
        )
        .await
        .json();
    let child = &shown["data"]["childOrder"];
    assert!(child["id"].is_string());
    c.advance(60);
    let child = c
        .user_call(
            &u,
            "GET",
            &format!("/order/{}", child["id"].as_str().unwrap()),
            "",
        )
        .await
        .json();
    assert_eq!(child["data"]["typeOperationName"], "withdraw");
    assert_eq!(child["data"]["status"], "APPROVED");
    assert_eq!(child["data"]["parentOrder"]["id"], order["id"]);
    assert_eq!(
        child["data"]["wallet"],
        "0x00000000000000000000000000000000000000aa"
    );
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("0".to_owned(), "0".to_owned())
    );
}

#[tokio::test]
async fn the_docs_deposit_is_processed_then_credited() {
    let c = Ccpro::new();
    let u = c.user().await;
    let body = docs_request("deposit-create")["body"].clone();
    let reply = c.user_call(&u, "POST", "/deposit", &body.to_string()).await;
    reply.expect(200);
    let v = reply.json();
    assert_documented_shape("deposit-create", 200, &v);
    assert_eq!(v["data"]["status"], "PROCESSING_PAYMENT");
    assert_eq!(v["data"]["typeOperation"], "in");
    assert_eq!(v["data"]["typeOperationName"], "deposit");
    assert_eq!(v["data"]["toAmount"], "100");
    assert_eq!(v["data"]["txId"], body["txID"]);
    c.advance(60);
    assert_eq!(balance(&c, &u, "ETH").await.0, "100");
    // A symbol of the other kind.
    let reply = c
        .user_call(
            &u,
            "POST",
            "/deposit",
            r#"{"type":"token","symbol":"ETH","amount":"1","txID":"0x1"}"#,
        )
        .await;
    reply.expect(406);
    assert_eq!(reply.json(), documented("deposit-create", 406));
    assert!(reply.reason().unwrap().contains("send type coin"));
    let reply = c
        .user_call(
            &u,
            "POST",
            "/deposit",
            r#"{"type":"coin","symbol":"EUR","amount":"x"}"#,
        )
        .await;
    reply.expect(422);
    let errors = &reply.json()["errors"];
    assert_eq!(errors["symbol"][0], "The selected symbol is invalid.");
    assert_eq!(errors["amount"][0], "The amount must be a number.");
    assert_eq!(errors["txID"][0], "The txID field is required.");
}

#[tokio::test]
async fn a_deposit_address_is_made_once_per_asset_and_destination() {
    let c = Ccpro::new();
    let u = c.user().await;
    let body = docs_request("deposit-address")["body"].clone().to_string();
    let reply = c.user_call(&u, "POST", "/deposit/address", &body).await;
    reply.expect(200);
    let v = reply.json();
    assert_documented_shape("deposit-address", 200, &v);
    assert_eq!(v["data"]["chain"], "ETH");
    assert_eq!(v["data"]["destination"], "broker");
    assert!(v["data"]["address"].as_str().unwrap().starts_with("0x"));
    let again = c
        .user_call(&u, "POST", "/deposit/address", &body)
        .await
        .json();
    assert_eq!(again, v);
    let checkout = c
        .user_call(
            &u,
            "POST",
            "/deposit/address",
            r#"{"asset":"ETH","destination":"checkout"}"#,
        )
        .await
        .json();
    assert_ne!(checkout["data"]["address"], v["data"]["address"]);
    let token = c
        .user_call(&u, "POST", "/deposit/address", r#"{"asset":"IPSX"}"#)
        .await
        .json();
    assert_eq!(token["data"]["chain"], "ETH");
    let fiat = c
        .user_call(&u, "POST", "/deposit/address", r#"{"asset":"EUR"}"#)
        .await;
    fiat.expect(403);
    assert_eq!(fiat.json(), documented_variant("deposit-address", "403.2"));
    assert!(fiat.reason().unwrap().contains("fiat"));
    let bad = c
        .user_call(
            &u,
            "POST",
            "/deposit/address",
            r#"{"asset":"DOGE","destination":"x"}"#,
        )
        .await;
    bad.expect(422);
    assert_eq!(
        bad.json()["errors"]["asset"][0],
        "The selected asset is invalid."
    );
    assert_eq!(
        bad.json()["errors"]["destination"][0],
        "The selected destination is invalid."
    );
}

#[tokio::test]
async fn the_docs_transfer_is_confirmed_by_the_receiver_with_the_commission_taken() {
    let c = Ccpro::new();
    let sender = c.user().await;
    let receiver = c.user().await;
    let mut body = docs_request("transfer-create")["body"].clone();
    body["user"] = json!(receiver.email);
    // Not funded: refused.
    let reply = c
        .user_call(&sender, "POST", "/transfer", &body.to_string())
        .await;
    reply.expect(403);
    assert_eq!(reply.json(), json!({"message": "Insufficient balance."}));
    c.fund(&sender, "ETH", "2").await;
    let reply = c
        .user_call(&sender, "POST", "/transfer", &body.to_string())
        .await;
    reply.expect(200);
    let v = reply.json();
    assert_documented_shape("transfer-create", 200, &v);
    let t = &v["data"];
    assert_eq!(t["status"], "pending");
    assert_eq!(t["amount"], "1.2345");
    assert_eq!(
        t["commission"],
        json!({"value": "0.061725", "percent": "5"})
    );
    assert_eq!(t["total"], "1.172775");
    assert_eq!(t["fromUser"]["id"], json!(sender.id));
    assert_eq!(t["toUser"]["email"], json!(receiver.email));
    assert_eq!(t["lifeUntilAt"], c.now() + 180);
    let path = format!("/transfer/{}", t["id"].as_str().unwrap());
    // The creator cannot confirm it.
    let reply = c.user_call(&sender, "POST", &path, "").await;
    reply.expect(403);
    // The receiver confirms with the docs' raw wallet address.
    let confirm_body = docs_request("transfer-confirm")["body"].clone().to_string();
    let reply = c.user_call(&receiver, "POST", &path, &confirm_body).await;
    reply.expect(200);
    let v = reply.json();
    assert_documented_shape("transfer-confirm", 200, &v);
    assert_eq!(v["data"]["status"], "completed");
    assert!(v["data"]["fromOrder"]["id"].is_string());
    assert!(v["data"]["toOrder"]["id"].is_string());
    assert_eq!(balance(&c, &sender, "ETH").await.0, "0.7655");
    // Sent on to the wallet: nothing kept.
    assert_eq!(balance(&c, &receiver, "ETH").await.0, "0");
    let to_order = c
        .user_call(
            &receiver,
            "GET",
            &format!("/order/{}", v["data"]["toOrder"]["id"].as_str().unwrap()),
            "",
        )
        .await
        .json();
    assert_eq!(to_order["data"]["wallet"], "0x01234567890123456789");
    assert_eq!(to_order["data"]["transfer"]["id"], v["data"]["id"]);
    let again = c.user_call(&receiver, "POST", &path, "").await;
    again.expect(403);
    assert_eq!(
        again.json(),
        json!({"message": "This transfer is already processed."})
    );
    let shown = c.user_call(&sender, "GET", &path, "").await;
    shown.expect(200);
    assert_documented_shape("transfer-show", 200, &shown.json());
}

#[tokio::test]
async fn a_receive_transfer_is_confirmed_by_the_sender_and_expires_unconfirmed() {
    let c = Ccpro::new();
    let asker = c.user().await;
    let payer = c.user().await;
    c.fund(&payer, "ETH", "1").await;
    let body = json!({
        "action": "receive", "amount": "1", "type": "coin", "symbol": "ETH", "user": payer.id,
    });
    let t = c
        .user_call(&asker, "POST", "/transfer", &body.to_string())
        .await;
    t.expect(200);
    let t = t.json()["data"].clone();
    assert_eq!(t["fromUser"]["id"], json!(payer.id));
    assert_eq!(t["byUser"]["id"], json!(asker.id));
    let path = format!("/transfer/{}", t["id"].as_str().unwrap());
    // The payer may not name a wallet: only the receiver does.
    let reply = c
        .user_call(&payer, "POST", &path, r#"{"wallet":"0xabc"}"#)
        .await;
    reply.expect(422);
    let reply = c.user_call(&payer, "POST", &path, "").await;
    reply.expect(200);
    assert_eq!(balance(&c, &payer, "ETH").await.0, "0");
    assert_eq!(balance(&c, &asker, "ETH").await.0, "0.95");
    // Another, left pending past its life.
    let late = c
        .user_call(&asker, "POST", "/transfer", &body.to_string())
        .await
        .json();
    let late_path = format!("/transfer/{}", late["data"]["id"].as_str().unwrap());
    c.advance(181);
    let reply = c.user_call(&payer, "POST", &late_path, "").await;
    reply.expect(403);
    assert_eq!(
        reply.json(),
        json!({"message": "This transfer has expired."})
    );
    let shown = c.user_call(&asker, "GET", &late_path, "").await.json();
    assert_eq!(shown["data"]["status"], "expired");
    // A stranger sees neither.
    let stranger = c.user().await;
    c.user_call(&stranger, "GET", &path, "").await.expect(404);
    // Lists: all, by, from, to.
    let count = |v: Value| v["data"].as_array().unwrap().len();
    let list = c.user_call(&asker, "GET", "/transfer", "").await.json();
    assert_documented_shape("transfer-list", 200, &list);
    assert_eq!(count(list), 2);
    let by = c.user_call(&asker, "GET", "/transfer/by", "").await.json();
    assert_documented_shape("transfer-by", 200, &by);
    assert_eq!(count(by), 2);
    assert_eq!(
        count(c.user_call(&payer, "GET", "/transfer/by", "").await.json()),
        0
    );
    let from = c
        .user_call(&payer, "GET", "/transfer/from", "")
        .await
        .json();
    assert_documented_shape("transfer-from", 200, &from);
    assert_eq!(count(from), 2);
    let to = c.user_call(&asker, "GET", "/transfer/to", "").await.json();
    assert_documented_shape("transfer-to", 200, &to);
    assert_eq!(count(to), 2);
    assert_eq!(
        count(
            c.user_call(&asker, "GET", "/transfer/from", "")
                .await
                .json()
        ),
        0
    );
    assert_eq!(
        count(c.user_call(&stranger, "GET", "/transfer", "").await.json()),
        0
    );
}

#[tokio::test]
async fn transfer_create_refuses_what_its_rules_refuse() {
    let c = Ccpro::new();
    let u = c.user().await;
    let body = json!({
        "action": "lend", "amount": "0", "type": "coin", "symbol": "IPSX", "user": u.email,
    });
    let reply = c
        .user_call(&u, "POST", "/transfer", &body.to_string())
        .await;
    reply.expect(422);
    let errors = &reply.json()["errors"];
    assert_eq!(errors["action"][0], "The selected action is invalid.");
    assert_eq!(errors["amount"][0], "The selected amount is invalid.");
    assert_eq!(errors["symbol"][0], "The selected symbol is invalid.");
    assert_eq!(errors["user"][0], "The selected user is invalid.");
    assert!(reply.reason().unwrap().contains("someone else"));
    // An amount whose commission overflows is refused, not a panic.
    let other = c.user().await;
    let body = json!({
        "action": "receive", "amount": "79228162514264337593543950335", "type": "coin",
        "symbol": "ETH", "user": other.id,
    });
    let reply = c
        .user_call(&u, "POST", "/transfer", &body.to_string())
        .await;
    reply.expect(422);
    assert_eq!(
        reply.json()["errors"]["amount"][0],
        "The amount is too large."
    );
    c.user_call(&u, "GET", "/transfer", "").await.expect(200);
}

#[tokio::test]
async fn the_platform_lists_show_its_users_trades() {
    let c = Ccpro::new();
    let u = c.user_with(r#"{"platformUserId":"p-1"}"#).await;
    let other = c.user_with(r#"{"platformUserId":"p-2"}"#).await;
    let outsider = c.user().await;
    bank_quote(&c, &outsider, "1").await;
    let quote = bank_quote(&c, &u, "0.2").await;
    confirm(&c, &u, &quote, "").await.expect(201);
    c.fund(&u, "ETH", "1").await;
    c.user_call(
        &u,
        "POST",
        "/transfer",
        &json!({"action": "send", "amount": "1", "type": "coin", "symbol": "ETH", "user": other.email})
            .to_string(),
    )
    .await
    .expect(200);
    let quotes = c.platform_call("GET", "/quote", "").await;
    quotes.expect(200);
    let v = quotes.json();
    assert_documented_shape("platform-quotes", 200, &v);
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
    assert_eq!(v["data"][0]["user"]["id"], json!(u.id));
    let orders = c.platform_call("GET", "/order", "").await;
    orders.expect(200);
    let v = orders.json();
    assert_documented_shape("platform-orders", 200, &v);
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
    let transfers = c.platform_call("GET", "/transfer", "").await;
    transfers.expect(200);
    let v = transfers.json();
    assert_documented_shape("platform-transfers", 200, &v);
    assert_eq!(v["data"][0]["symbol"], "ETH");
    assert_eq!(v["data"][0]["type"], "coin");
    // Without a JWT: the docs' 401.
    let reply = c
        .call(
            "GET",
            &format!("/api/v1/platform/{}/order", c.platform()),
            None,
            "",
        )
        .await;
    reply.expect(401);
    assert_eq!(reply.json(), documented("platform-orders", 401));
}

#[tokio::test]
async fn a_crypto_sale_credits_the_other_crypto_and_a_token_withdrawal_is_withdraw_ico() {
    let c = Ccpro::new();
    let u = c.user().await;
    c.fund(&u, "ETH", "10").await;
    c.fund(&u, "IPSX", "1000").await;
    let sell = c
        .user_call(
            &u,
            "POST",
            "/quote",
            &json!({
                "type": "coin", "orderType": "sell_to_crypto", "orderAmount": "1",
                "orderSymbol": "ETH", "orderPaymentSymbol": "XBT",
            })
            .to_string(),
        )
        .await;
    sell.expect(201);
    let sell = sell.json()["data"].clone();
    let order = confirm(&c, &u, &sell, "").await;
    order.expect(201);
    let order = order.json()["data"].clone();
    assert_eq!(order["toSymbol"], "XBT");
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("9".to_owned(), "1".to_owned())
    );
    c.advance(60);
    assert_eq!(
        balance(&c, &u, "ETH").await,
        ("9".to_owned(), "0".to_owned())
    );
    assert_eq!(balance(&c, &u, "XBT").await.0, plain(&sell["total"]));
    let withdraw = c
        .user_call(
            &u,
            "POST",
            "/quote",
            &json!({
                "type": "token", "orderType": "withdrawIco", "orderAmount": "100",
                "orderSymbol": "IPSX", "wallet": "0x00000000000000000000000000000000000000bb",
            })
            .to_string(),
        )
        .await;
    withdraw.expect(201);
    let withdraw = withdraw.json()["data"].clone();
    assert_eq!(withdraw["typeOperationName"], "withdrawIco");
    assert_eq!(withdraw["total"], "90");
    let order = confirm(&c, &u, &withdraw, "").await.json()["data"].clone();
    assert_eq!(order["typeOperation"], "out");
    let tokens = c.user_call(&u, "GET", "/order/token", "").await.json();
    assert_eq!(tokens["data"][0]["id"], order["id"]);
}
