//! CCPro assets: banks, cards, wallets (#4–#12, #75–#78), currencies and their history
//! (#16, #17), balances (#72) and prices (#51–#54), driven through the router.

use payments_sandbox::{Sandbox, SandboxClock, SandboxConfig};
use serde_json::{Value, json};

use super::support::*;

/// The `createdAt` of the docs' card example (2019-05-09): their `10/19` expiry is in the
/// future on that day.
const DOCS_DAY: u64 = 1_557_411_204;

/// The docs' request example of `op` (`fixtures/ccpro/docs/<op>.request.json`): body, query.
fn example(op: &str) -> (Value, Value) {
    let fixture = docs_request(op);
    (fixture["body"].clone(), fixture["query"].clone())
}

async fn create_bank(c: &Ccpro, u: &User, iban: &str, currency: &str) -> Value {
    let body =
        json!({"bankName": "ING Bank", "iban": iban, "swift": "INGBROBU", "currency": currency});
    let reply = c.user_call(u, "POST", "/bank", &body.to_string()).await;
    reply.expect(201);
    reply.json()["data"].clone()
}

async fn create_wallet(c: &Ccpro, u: &User, address: &str, alias: &str, coin: &str) -> Reply {
    let body = json!({"address": address, "alias": alias, "coin": coin});
    c.user_call(u, "POST", "/wallet", &body.to_string()).await
}

/// A card form: the two images (a PNG and a JPEG) and the four text fields.
fn card_form<'a>(
    holder: &'a str,
    expiry: &'a str,
    last4: &'a str,
    alias: &'a str,
) -> Vec<Part<'a>> {
    vec![
        Part::File("cardImage1", "front.png", "image/png", PNG),
        Part::File("cardImage2", "holding.jpg", "image/jpeg", JPEG),
        Part::Text("holderName", holder),
        Part::Text("expirationDate", expiry),
        Part::Text("lastFourDigits", last4),
        Part::Text("alias", alias),
    ]
}

async fn send_card(c: &Ccpro, u: &User, path: &str, parts: &[Part<'_>]) -> Reply {
    c.multipart(
        "POST",
        &format!("/api/v1/user/{}{path}", u.id),
        &u.token,
        parts,
    )
    .await
}

async fn set_resource(c: &Ccpro, id: &str, body: Value) -> Reply {
    c.control("POST", &format!("/resources/{id}"), &body.to_string())
        .await
}

#[tokio::test]
async fn the_docs_bank_example_is_created_confirmed_listed_shown_and_deleted() {
    let c = Ccpro::new();
    let u = c.user().await;
    let (body, _) = example("bank-create");
    let reply = c.user_call(&u, "POST", "/bank", &body.to_string()).await;
    reply.expect(201);
    let created = reply.json();
    assert_documented_shape("bank-create", 201, &created);
    let bank = &created["data"];
    assert_eq!(bank["status"], "CONFIRMED");
    for key in ["bankName", "iban", "swift", "currency"] {
        assert_eq!(bank[key], body[key], "{key}");
    }
    assert_eq!(bank["createdAt"], c.now());
    let id = bank["id"].as_str().unwrap().to_owned();
    create_bank(&c, &u, "RO49AAAA1B31007593840000", "RON").await;

    // The docs' list query: status=confirmed&currency=EUR keeps the EUR bank only.
    let (_, query) = example("bank-list");
    let list = c
        .user_call(&u, "GET", &format!("/bank{}", query_string(&query)), "")
        .await;
    list.expect(200);
    assert_documented_shape("bank-list", 200, &list.json());
    assert_eq!(list.json()["data"], json!([bank]));
    let all = c.user_call(&u, "GET", "/bank", "").await.json();
    assert_eq!(all["data"].as_array().unwrap().len(), 2);
    for (query, n) in [
        ("?currency=ron", 1),
        ("?status=CONFIRMED", 2),
        ("?status=pending", 0),
        ("?status=rejected&currency=EUR", 0),
    ] {
        let got = c.user_call(&u, "GET", &format!("/bank{query}"), "").await;
        assert_eq!(got.json()["data"].as_array().unwrap().len(), n, "{query}");
    }
    // Another user sees none of them.
    let other = c.user().await;
    let theirs = c.user_call(&other, "GET", "/bank", "").await;
    assert_eq!(theirs.json(), json!({"data": []}));

    let show = c.user_call(&u, "GET", &format!("/bank/{id}"), "").await;
    show.expect(200);
    assert_documented_shape("bank-show", 200, &show.json());
    assert_eq!(show.json()["data"], *bank);
    // Another user's bank, under their own path, is not found.
    let hidden = c.user_call(&other, "GET", &format!("/bank/{id}"), "").await;
    hidden.expect(404);
    assert_eq!(hidden.json(), documented("bank-show", 404));
    assert!(hidden.reason().unwrap().contains(&id));

    let deleted = c.user_call(&u, "DELETE", &format!("/bank/{id}"), "").await;
    deleted.expect(200);
    assert_eq!(deleted.json(), documented("bank-delete", 200));
    let gone = c.user_call(&u, "GET", &format!("/bank/{id}"), "").await;
    gone.expect(404);
    assert_eq!(gone.json(), documented("bank-show", 404));
    // Deleting frees the IBAN.
    let again = c.user_call(&u, "POST", "/bank", &body.to_string()).await;
    again.expect(201);
}

#[tokio::test]
async fn bank_bodies_are_validated_with_the_docs_rules() {
    let c = Ccpro::new();
    let u = c.user().await;
    let post = |body: Value| {
        let c = &c;
        let u = &u;
        async move { c.user_call(u, "POST", "/bank", &body.to_string()).await }
    };
    // The docs' 422: a currency that is not an ISO 4217 code.
    let (body, _) = example("bank-create");
    let mut bad = body.clone();
    bad["currency"] = json!("XYZ");
    let reply = post(bad).await;
    reply.expect(422);
    assert_eq!(reply.json(), documented("bank-create", 422));
    assert!(reply.reason().unwrap().contains("ISO 4217"));
    let mut lower = body.clone();
    lower["currency"] = json!("eur");
    assert_eq!(
        post(lower).await.json()["errors"]["currency"],
        json!(["The selected currency is invalid."])
    );
    // Every field required, named as Laravel names them.
    let empty = post(json!({})).await;
    empty.expect(422);
    assert_eq!(
        empty.json()["errors"],
        json!({
            "bankName": ["The bank name field is required."],
            "iban": ["The iban field is required."],
            "swift": ["The swift field is required."],
            "currency": ["The currency field is required."],
        })
    );
    // alpha_num, max lengths, every failing rule listed.
    let wrong = post(json!({
        "bankName": "x".repeat(192),
        "iban": "RO02 INGB",
        "swift": "ABCD-EFGH-IJK",
        "currency": "EUR",
    }))
    .await;
    wrong.expect(422);
    assert_eq!(
        wrong.json()["errors"],
        json!({
            "bankName": ["The bank name may not be greater than 191 characters."],
            "iban": ["The iban may only contain letters and numbers."],
            "swift": [
                "The swift may only contain letters and numbers.",
                "The swift must be between 8 and 11 characters."
            ],
        })
    );
    // An IBAN is registered once, whoever registered it.
    post(body.clone()).await.expect(201);
    let other = c.user().await;
    let taken = c
        .user_call(&other, "POST", "/bank", &body.to_string())
        .await;
    taken.expect(422);
    assert_eq!(
        taken.json(),
        json!({"message": "The given data was invalid.",
               "errors": {"iban": ["The iban has already been taken."]}})
    );
}

#[tokio::test]
async fn used_banks_and_cards_are_kept_and_statuses_move_through_the_control_route() {
    let c = Ccpro::new();
    let u = c.user().await;
    let bank = create_bank(&c, &u, "RO49AAAA1B31007593840000", "RON").await;
    let id = bank["id"].as_str().unwrap();
    let marked = set_resource(&c, id, json!({"used": true, "status": "pending"})).await;
    marked.expect(200);
    assert_eq!(marked.json()["type"], "bank");
    assert_eq!(marked.json()["used"], true);
    assert_eq!(marked.json()["data"]["status"], "PENDING");
    let refused = c.user_call(&u, "DELETE", &format!("/bank/{id}"), "").await;
    refused.expect(403);
    assert_eq!(refused.json(), documented_variant("bank-delete", "403.3"));
    assert!(refused.reason().unwrap().contains("used"));
    // The status filter sees the new status.
    let pending = c.user_call(&u, "GET", "/bank?status=pending", "").await;
    assert_eq!(pending.json()["data"][0]["id"], id);
    set_resource(&c, id, json!({"status": "REJECTED"}))
        .await
        .expect(200);
    let rejected = c.user_call(&u, "GET", "/bank?status=rejected", "").await;
    assert_eq!(rejected.json()["data"][0]["status"], "REJECTED");
    // Unmarked, it can go.
    set_resource(&c, id, json!({"used": false}))
        .await
        .expect(200);
    c.user_call(&u, "DELETE", &format!("/bank/{id}"), "")
        .await
        .expect(200);

    let card = send_card(&c, &u, "/card", &card_form("Alin", "12/30", "2453", "main")).await;
    card.expect(201);
    let card_id = card.json()["data"]["id"].as_str().unwrap().to_owned();
    let marked = set_resource(&c, &card_id, json!({"used": true})).await;
    assert_eq!(marked.json()["type"], "card");
    let refused = c
        .user_call(&u, "DELETE", &format!("/card/{card_id}"), "")
        .await;
    refused.expect(403);
    assert_eq!(refused.json(), documented_variant("card-delete", "403.3"));

    let wallet = create_wallet(&c, &u, "0xabc123", "mine", "ETH").await;
    let wallet_id = wallet.json()["data"]["id"].as_str().unwrap().to_owned();
    let marked = set_resource(&c, &wallet_id, json!({"status": "REJECTED"})).await;
    assert_eq!(marked.json()["type"], "wallet");
    let rejected = c.user_call(&u, "GET", "/wallet?status=rejected", "").await;
    assert_eq!(rejected.json()["data"][0]["id"], wallet_id.as_str());

    // The control route's own refusals.
    set_resource(&c, "no-such-id", json!({"used": true}))
        .await
        .expect(404);
    set_resource(&c, &wallet_id, json!({"status": "LOST"}))
        .await
        .expect(400);
    set_resource(&c, &wallet_id, json!({"used": "yes"}))
        .await
        .expect(400);
    set_resource(&c, &wallet_id, json!({"colour": "red"}))
        .await
        .expect(400);
}

#[tokio::test]
async fn deleting_another_users_bank_or_card_is_unauthorized_409() {
    let c = Ccpro::new();
    let owner = c.user().await;
    let other = c.user().await;
    let bank = create_bank(&c, &owner, "RO49AAAA1B31007593840000", "RON").await;
    let id = bank["id"].as_str().unwrap();
    let reply = c
        .user_call(&other, "DELETE", &format!("/bank/{id}"), "")
        .await;
    reply.expect(409);
    assert_eq!(reply.json(), documented("bank-delete", 409));
    assert!(reply.reason().unwrap().contains("another user"));
    // An id that is nobody's: not found.
    let unknown = c
        .user_call(
            &other,
            "DELETE",
            "/bank/00000000-0000-4000-8000-000000000000",
            "",
        )
        .await;
    unknown.expect(404);
    assert_eq!(unknown.json(), json!({"message": "No query results."}));
    // The owner still has it.
    c.user_call(&owner, "GET", &format!("/bank/{id}"), "")
        .await
        .expect(200);

    let card = send_card(
        &c,
        &owner,
        "/card",
        &card_form("Alin", "12/30", "2453", "main"),
    )
    .await;
    let card_id = card.json()["data"]["id"].as_str().unwrap().to_owned();
    let reply = c
        .user_call(&other, "DELETE", &format!("/card/{card_id}"), "")
        .await;
    reply.expect(409);
    assert_eq!(reply.json(), documented("card-delete", 409));
}

/// A sandbox whose clock stands at the docs' day.
fn on_the_docs_day() -> Ccpro {
    let clock = SandboxClock::fixed(DOCS_DAY);
    let sandbox = Sandbox::new(
        SandboxConfig::default()
            .with_seed(7)
            .with_clock(clock.clone()),
    );
    Ccpro { sandbox, clock }
}

#[tokio::test]
async fn the_docs_card_example_sent_as_multipart_on_the_docs_day_is_created() {
    let c = on_the_docs_day();
    let u = c.user().await;
    let (body, _) = example("card-create");
    let text = |k: &str| body[k].as_str().unwrap().to_owned();
    let (holder, expiry, last4, alias) = (
        text("holderName"),
        text("expirationDate"),
        text("lastFourDigits"),
        text("alias"),
    );
    // The docs' JSON sends the images as the string "File": refused, they must be files.
    let json = c.user_call(&u, "POST", "/card", &body.to_string()).await;
    json.expect(422);
    assert_eq!(
        json.json()["errors"]["cardImage1"],
        json!([
            "The card image1 must be an image.",
            "The card image1 must be a file of type: jpg, jpeg, bmp, png."
        ])
    );
    // The same fields with real images, as multipart.
    let reply = send_card(
        &c,
        &u,
        "/card",
        &card_form(&holder, &expiry, &last4, &alias),
    )
    .await;
    reply.expect(201);
    let created = reply.json();
    assert_documented_shape("card-create", 201, &created);
    let card = &created["data"];
    assert_eq!(card["status"], "CONFIRMED");
    assert_eq!(card["holderName"], holder.as_str());
    assert_eq!(card["expirationDate"], "10/19");
    assert_eq!(card["lastFourDigits"], "1234");
    assert_eq!(card["alias"], "MyFavoriteCard");
    assert_eq!(card["createdAt"], DOCS_DAY);
    assert_ne!(card["cardImage1"], card["cardImage2"]);
    // The docs' update example, on the same day.
    let id = card["id"].as_str().unwrap();
    let (update, _) = example("card-update");
    assert_eq!(update["alias"], "MyFavoriteCard");
    let updated = send_card(
        &c,
        &u,
        &format!("/card/{id}"),
        &card_form("Ionut", "11/19", "9876", "Other"),
    )
    .await;
    updated.expect(200);
    assert_documented_shape("card-update", 200, &updated.json());
    // Months later the expiry is before today (a new login: tokens live 14 days).
    c.advance(200 * 86_400);
    let u = c.user().await;
    let late = send_card(
        &c,
        &u,
        "/card",
        &card_form(&holder, &expiry, &last4, &alias),
    )
    .await;
    late.expect(422);
    assert_eq!(
        late.json()["errors"],
        json!({"expirationDate": ["The expiration date must be a date after or equal to today."]})
    );
}

#[tokio::test]
async fn cards_are_validated_replaced_whole_listed_and_deleted() {
    let c = Ccpro::new();
    let u = c.user().await;
    // The docs' 422: the last four digits missing.
    let mut form = card_form("Alin Ionut", "12/30", "1234", "MyFavoriteCard");
    form.retain(|p| !matches!(p, Part::Text("lastFourDigits", _)));
    let reply = send_card(&c, &u, "/card", &form).await;
    reply.expect(422);
    assert_eq!(reply.json(), documented("card-create", 422));
    assert!(reply.reason().unwrap().contains("lastFourDigits"));
    // The other rules, each failing one listed.
    let bad = vec![
        Part::File("cardImage1", "scan.pdf", "application/pdf", PDF),
        Part::Text("holderName", "Alin"),
        Part::Text("expirationDate", "13/30"),
        Part::Text("lastFourDigits", "12a"),
        Part::Text("alias", "my card"),
    ];
    let reply = send_card(&c, &u, "/card", &bad).await;
    reply.expect(422);
    assert_eq!(
        reply.json()["errors"],
        json!({
            "cardImage1": [
                "The card image1 must be an image.",
                "The card image1 must be a file of type: jpg, jpeg, bmp, png."
            ],
            "cardImage2": ["The card image2 field is required."],
            "expirationDate": [
                "The expiration date does not match the format m/y.",
                "The expiration date must be a date after or equal to today."
            ],
            "lastFourDigits": [
                "The last four digits must be a number.",
                "The last four digits must be 4 digits."
            ],
            "alias": ["The alias may only contain letters, numbers, dashes and underscores."],
        })
    );
    // A BMP is an accepted image; this month's expiry is not (it reads as the 1st).
    let bmp: &[u8] = b"BM\x36\0\0\0\0\0\0\0";
    let mut with_bmp = card_form("Alin", "12/30", "2453", "bmp-card");
    with_bmp[0] = Part::File("cardImage1", "front.bmp", "image/bmp", bmp);
    send_card(&c, &u, "/card", &with_bmp).await.expect(201);
    let this_month = send_card(&c, &u, "/card", &card_form("Alin", "11/23", "2453", "x")).await;
    this_month.expect(422);
    send_card(&c, &u, "/card", &card_form("Alin", "12/23", "2453", "x"))
        .await
        .expect(201);

    let first = send_card(&c, &u, "/card", &card_form("Alin", "06/29", "2453", "test")).await;
    let card = first.json()["data"].clone();
    let id = card["id"].as_str().unwrap();
    let show = c.user_call(&u, "GET", &format!("/card/{id}"), "").await;
    show.expect(200);
    assert_documented_shape("card-show", 200, &show.json());
    assert_eq!(show.json()["data"], card);

    // An update replaces every field and both images; id, status and createdAt stay.
    c.advance(60);
    let updated = send_card(
        &c,
        &u,
        &format!("/card/{id}"),
        &card_form("Ionut", "07/30", "9876", "renamed"),
    )
    .await;
    updated.expect(200);
    let after = updated.json()["data"].clone();
    assert_eq!(after["id"], card["id"]);
    assert_eq!(after["createdAt"], card["createdAt"]);
    assert_eq!(after["holderName"], "Ionut");
    assert_eq!(after["expirationDate"], "07/30");
    assert_eq!(after["lastFourDigits"], "9876");
    assert_eq!(after["alias"], "renamed");
    assert_ne!(after["cardImage1"], card["cardImage1"]);
    assert_ne!(after["cardImage2"], card["cardImage2"]);
    // The docs' update 422: the alias missing, nothing changed.
    let mut no_alias = card_form("X", "07/30", "9876", "");
    no_alias.retain(|p| !matches!(p, Part::Text("alias", _)));
    let refused = send_card(&c, &u, &format!("/card/{id}"), &no_alias).await;
    refused.expect(422);
    assert_eq!(refused.json(), documented("card-update", 422));
    let kept = c.user_call(&u, "GET", &format!("/card/{id}"), "").await;
    assert_eq!(kept.json()["data"], after);
    // Unknown cards: 404 on show and update (before the body is looked at).
    let missing = "/card/00000000-0000-4000-8000-000000000000";
    let show = c.user_call(&u, "GET", missing, "").await;
    show.expect(404);
    assert_eq!(show.json(), documented("card-show", 404));
    let update = send_card(&c, &u, missing, &no_alias).await;
    update.expect(404);
    assert_eq!(update.json(), documented("card-update", 404));

    // The docs' list query (status=confirmed), and the other statuses.
    let (_, query) = example("card-list");
    let list = c
        .user_call(&u, "GET", &format!("/card{}", query_string(&query)), "")
        .await;
    list.expect(200);
    assert_documented_shape("card-list", 200, &list.json());
    assert_eq!(list.json()["data"].as_array().unwrap().len(), 3);
    set_resource(&c, id, json!({"status": "PENDING"}))
        .await
        .expect(200);
    let pending = c.user_call(&u, "GET", "/card?status=pending", "").await;
    assert_eq!(pending.json()["data"].as_array().unwrap().len(), 1);
    let confirmed = c.user_call(&u, "GET", "/card?status=confirmed", "").await;
    assert_eq!(confirmed.json()["data"].as_array().unwrap().len(), 2);

    let deleted = c.user_call(&u, "DELETE", &format!("/card/{id}"), "").await;
    deleted.expect(200);
    assert_eq!(deleted.json(), documented("card-delete", 200));
    c.user_call(&u, "GET", &format!("/card/{id}"), "")
        .await
        .expect(404);
}

#[tokio::test]
async fn the_docs_wallet_examples_create_list_show_and_update() {
    let c = Ccpro::new();
    let u = c.user().await;
    let (body, _) = example("wallet-create");
    let reply = c.user_call(&u, "POST", "/wallet", &body.to_string()).await;
    reply.expect(201);
    let created = reply.json();
    assert_documented_shape("wallet-create", 201, &created);
    let wallet = created["data"].clone();
    assert_eq!(wallet["status"], "CONFIRMED");
    for key in ["address", "alias", "coin"] {
        assert_eq!(wallet[key], body[key], "{key}");
    }
    let id = wallet["id"].as_str().unwrap().to_owned();
    create_wallet(&c, &u, "LTCaddress1", "ltc-1", "LTC")
        .await
        .expect(201);
    create_wallet(&c, &u, "0xipsx1", "tokens", "IPSX")
        .await
        .expect(201);

    let (_, query) = example("wallet-list");
    let list = c
        .user_call(&u, "GET", &format!("/wallet{}", query_string(&query)), "")
        .await;
    list.expect(200);
    assert_documented_shape("wallet-list", 200, &list.json());
    assert_eq!(list.json()["data"], json!([wallet]));
    for (query, n) in [("", 3), ("?coin=ltc", 1), ("?status=pending", 0)] {
        let got = c.user_call(&u, "GET", &format!("/wallet{query}"), "").await;
        assert_eq!(got.json()["data"].as_array().unwrap().len(), n, "{query}");
    }

    let show = c.user_call(&u, "GET", &format!("/wallet/{id}"), "").await;
    show.expect(200);
    assert_documented_shape("wallet-show", 200, &show.json());
    assert_eq!(show.json()["data"], wallet);
    let missing = c
        .user_call(
            &u,
            "GET",
            "/wallet/00000000-0000-4000-8000-000000000000",
            "",
        )
        .await;
    missing.expect(404);
    assert_eq!(missing.json(), documented("wallet-show", 404));

    // The docs' update example keeps the alias it already has; a new one replaces it.
    let (update, _) = example("wallet-update");
    let same = c
        .user_call(&u, "POST", &format!("/wallet/{id}"), &update.to_string())
        .await;
    same.expect(200);
    assert_documented_shape("wallet-update", 200, &same.json());
    assert_eq!(same.json()["data"], wallet);
    let renamed = c
        .user_call(&u, "POST", &format!("/wallet/{id}"), r#"{"alias":"Thor"}"#)
        .await;
    renamed.expect(200);
    assert_eq!(renamed.json()["data"]["alias"], "Thor");
    assert_eq!(renamed.json()["data"]["address"], wallet["address"]);
    assert_eq!(renamed.json()["data"]["coin"], "ETH");
    let gone = c
        .user_call(
            &u,
            "POST",
            "/wallet/00000000-0000-4000-8000-000000000000",
            r#"{"alias":"Thor"}"#,
        )
        .await;
    gone.expect(404);
    assert_eq!(gone.json(), documented("wallet-update", 404));
}

#[tokio::test]
async fn wallet_addresses_are_unique_everywhere_and_aliases_per_user() {
    let c = Ccpro::new();
    let u = c.user().await;
    let other = c.user().await;
    let (body, _) = example("wallet-create");
    c.user_call(&u, "POST", "/wallet", &body.to_string())
        .await
        .expect(201);
    // The docs' 422: the address is taken, by any user.
    let mut copy = body.clone();
    copy["alias"] = json!("Mine");
    let taken = c
        .user_call(&other, "POST", "/wallet", &copy.to_string())
        .await;
    taken.expect(422);
    assert_eq!(taken.json(), documented("wallet-create", 422));
    assert!(taken.reason().unwrap().contains("address"));
    // The alias is the user's own: another user may use it, the same user not.
    create_wallet(&c, &other, "0xother", "Thanos", "ETH")
        .await
        .expect(201);
    let twice = create_wallet(&c, &u, "0xsecond", "Thanos", "XBT").await;
    twice.expect(422);
    assert_eq!(
        twice.json()["errors"],
        json!({"alias": ["The alias has already been taken."]})
    );
    // The other rules.
    let wrong = create_wallet(&c, &u, "0x-not-alnum", "has space", "EUR").await;
    wrong.expect(422);
    assert_eq!(
        wrong.json()["errors"],
        json!({
            "address": ["The address may only contain letters and numbers."],
            "alias": ["The alias may only contain letters, numbers, dashes and underscores."],
            "coin": ["The selected coin is invalid."],
        })
    );
    assert!(wrong.reason().unwrap().contains("IPSX"));
    let empty = c.user_call(&u, "POST", "/wallet", "{}").await;
    assert_eq!(
        empty.json()["errors"],
        json!({
            "address": ["The address field is required."],
            "alias": ["The alias field is required."],
            "coin": ["The coin field is required."],
        })
    );

    // Update: the docs' 422 when the body names another wallet's address.
    let second = create_wallet(&c, &u, "0xsecond", "second", "XBT").await;
    let id = second.json()["data"]["id"].as_str().unwrap().to_owned();
    let clash = c
        .user_call(
            &u,
            "POST",
            &format!("/wallet/{id}"),
            &json!({"alias": "second", "address": body["address"]}).to_string(),
        )
        .await;
    clash.expect(422);
    assert_eq!(clash.json(), documented("wallet-update", 422));
    // An alias of another of the user's wallets; the alias required.
    let alias = c
        .user_call(
            &u,
            "POST",
            &format!("/wallet/{id}"),
            r#"{"alias":"Thanos"}"#,
        )
        .await;
    alias.expect(422);
    assert_eq!(
        alias.json()["errors"],
        json!({"alias": ["The alias has already been taken."]})
    );
    let none = c
        .user_call(&u, "POST", &format!("/wallet/{id}"), "{}")
        .await;
    assert_eq!(
        none.json()["errors"],
        json!({"alias": ["The alias field is required."]})
    );
    // A free address is taken over; its own address is no clash.
    let moved = c
        .user_call(
            &u,
            "POST",
            &format!("/wallet/{id}"),
            r#"{"alias":"second","address":"0xmoved"}"#,
        )
        .await;
    moved.expect(200);
    assert_eq!(moved.json()["data"]["address"], "0xmoved");
    assert_eq!(moved.json()["data"]["coin"], "XBT");
    c.user_call(
        &u,
        "POST",
        &format!("/wallet/{id}"),
        r#"{"alias":"second","address":"0xmoved"}"#,
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn the_area_answers_the_pipelines_401_403_and_409() {
    let c = Ccpro::new();
    let u = c.user().await;
    let other = c.user().await;
    let inactive = c.user_with(r#"{"active": false}"#).await;
    let id = "00000000-0000-4000-8000-000000000000";
    let ops: &[(&str, &str, String)] = &[
        ("bank-create", "POST", "/bank".to_owned()),
        ("bank-list", "GET", "/bank".to_owned()),
        ("bank-show", "GET", format!("/bank/{id}")),
        ("bank-delete", "DELETE", format!("/bank/{id}")),
        ("card-create", "POST", "/card".to_owned()),
        ("card-list", "GET", "/card".to_owned()),
        ("card-show", "GET", format!("/card/{id}")),
        ("card-update", "POST", format!("/card/{id}")),
        ("card-delete", "DELETE", format!("/card/{id}")),
        ("wallet-list", "GET", "/wallet".to_owned()),
        ("wallet-create", "POST", "/wallet".to_owned()),
        ("wallet-show", "GET", format!("/wallet/{id}")),
        ("wallet-update", "POST", format!("/wallet/{id}")),
        ("currency-list", "GET", "/currencies".to_owned()),
        ("currency-list", "GET", "/currencies/ETH".to_owned()),
        (
            "currency-history",
            "GET",
            "/currencies/ETH/history/day".to_owned(),
        ),
        ("balances", "GET", "/balances".to_owned()),
        ("balances", "GET", "/balances/ETH".to_owned()),
        ("price-buy", "GET", "/price/buy/EUR/ETH".to_owned()),
        ("price-sell", "GET", "/price/sell/ETH/EUR".to_owned()),
        (
            "price-withdraw",
            "GET",
            "/price/withdraw/ETH/ETH".to_owned(),
        ),
        (
            "price-withdraw-ico",
            "GET",
            "/price/withdraw-ico/IPSX/IPSX".to_owned(),
        ),
    ];
    let unauthorized = json!({"message": "This action is unauthorized."});
    for (op, method, path) in ops {
        let exists = |status: &str| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!(
                    "../../fixtures/ccpro/docs/{op}.response.{status}.json"
                ))
                .exists()
        };
        // No token: 401, documented for every operation but the prices.
        let anonymous = c
            .call(method, &format!("/api/v1/user/{}{path}", u.id), None, "{}")
            .await;
        anonymous.expect(401);
        if exists("401") {
            assert_eq!(anonymous.json(), documented(op, 401), "{op}");
        }
        // Another user's path: the row's status, with the docs' body.
        let denied = c
            .call(
                method,
                &format!("/api/v1/user/{}{path}", other.id),
                Some(&u.token),
                "{}",
            )
            .await;
        // 403 on the rows the docs give 403 (bank-delete, card-delete, balances), else 409.
        let want = if ["bank-delete", "card-delete", "balances"].contains(op) {
            403
        } else {
            409
        };
        assert_eq!(denied.status, want, "{op}");
        assert_eq!(denied.json(), unauthorized, "{op}");
        // An inactive account: 403, as documented where the docs list it.
        let refused = c.user_call(&inactive, method, path, "{}").await;
        refused.expect(403);
        assert_eq!(
            refused.json(),
            json!({"message": "Your account is inactive."}),
            "{op}"
        );
    }
}

#[tokio::test]
async fn currencies_list_the_coins_and_tokens_with_rates_and_operations() {
    let c = Ccpro::new();
    let u = c.user().await;
    // The docs' request: ETH.
    let reply = c.user_call(&u, "GET", "/currencies/ETH", "").await;
    reply.expect(200);
    let body = reply.json();
    assert_documented_shape("currency-list", 200, &body);
    let coins = body["data"]["coins"].as_array().unwrap();
    assert_eq!(coins.len(), 1);
    let eth = &coins[0];
    assert_eq!(eth["name"], "Ether");
    assert_eq!(eth["symbol"], "ETH");
    assert_eq!(eth["type"], "coin");
    assert_eq!(eth["chain"], json!({"name": "Ether", "symbol": "ETH"}));
    assert_eq!(eth["rates"]["raw"]["now"], "160.16000");
    assert_eq!(
        eth["rates"]["raw"]["history"]["day"]
            .as_array()
            .unwrap()
            .len(),
        24
    );
    // Operations in the docs' S-OPERATIONS form, with the docs' example's keys.
    let docs = documented("currency-list", 200);
    let names = |ops: &Value| -> Vec<String> {
        ops.as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_object().unwrap().keys().next().unwrap().clone())
            .collect()
    };
    let general = &eth["operations"]["General"];
    assert_eq!(
        names(general),
        names(&docs["data"]["coins"][0]["operations"]["General"])
    );
    assert_eq!(
        general[1],
        docs["data"]["coins"][0]["operations"]["General"][1]
    );
    assert_eq!(
        eth["operations"]["Particular"]["EUR"],
        docs["data"]["coins"][0]["operations"]["Particular"]["EUR"]
    );

    // Without an asset: every coin and token, the token with its chain and withdrawIco.
    let all = c.user_call(&u, "GET", "/currencies", "").await;
    all.expect(200);
    assert_documented_shape("currency-list", 200, &all.json());
    let list = all.json()["data"]["coins"].clone();
    let symbols: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(symbols, ["BTC", "XBT", "ETH", "LTC", "IPSX"]);
    let ipsx = &list[4];
    assert_eq!(ipsx["type"], "token");
    assert_eq!(ipsx["chain"], json!({"name": "Ether", "symbol": "ETH"}));
    assert_eq!(names(&ipsx["operations"]["General"])[3], "withdrawIco");

    // An operation switched off in the market shows `status: false`, and prices refuse it.
    c.control(
        "POST",
        "/market",
        r#"{"asset":"ETH","operation":"sell_to_fiat","enabled":false,"eur":"200"}"#,
    )
    .await
    .expect(200);
    let eth =
        c.user_call(&u, "GET", "/currencies/ETH", "").await.json()["data"]["coins"][0].clone();
    assert_eq!(
        eth["operations"]["General"][2]["sell_to_fiat"]["status"],
        false
    );
    assert_eq!(
        eth["operations"]["General"][1]["buy_with_fiat"]["status"],
        true
    );
    assert_eq!(eth["rates"]["raw"]["now"], "200.00000");

    // Unknown assets and fiats: the docs' 403.
    for asset in ["DOGE", "EUR", "eth"] {
        let refused = c
            .user_call(&u, "GET", &format!("/currencies/{asset}"), "")
            .await;
        refused.expect(403);
        assert_eq!(
            refused.json(),
            documented_variant("currency-list", "403.2"),
            "{asset}"
        );
        assert!(refused.reason().unwrap().contains("IPSX"));
    }
}

#[tokio::test]
async fn history_is_computed_from_the_rate_and_the_clock() {
    let c = Ccpro::new();
    let u = c.user().await;
    let history = |asset: &'static str, period: &'static str| {
        let c = &c;
        let u = &u;
        async move {
            c.user_call(
                u,
                "GET",
                &format!("/currencies/{asset}/history/{period}"),
                "",
            )
            .await
        }
    };
    for (period, points, step) in [
        ("day", 24, 3600),
        ("week", 28, 21_600),
        ("month", 30, 86_400),
        ("quarter", 30, 259_200),
        ("semester", 30, 518_400),
        ("year", 73, 432_000),
    ] {
        let reply = history("ETH", period).await;
        reply.expect(200);
        let body = reply.json();
        assert_documented_shape("currency-history", 200, &body);
        let data = body["data"].as_array().unwrap();
        assert_eq!(data.len(), points, "{period}");
        let times: Vec<u64> = data
            .iter()
            .map(|p| p["createdAt"].as_u64().unwrap())
            .collect();
        assert!(times.windows(2).all(|w| w[1] - w[0] == step), "{period}");
        assert!(*times.last().unwrap() <= c.now());
        assert!(c.now() - times.last().unwrap() < step);
        for point in data {
            let rate = point["rate"].as_str().unwrap();
            let (_, decimals) = rate.split_once('.').unwrap();
            assert_eq!(decimals.len(), 5, "{rate}");
            let value: f64 = rate.parse().unwrap();
            assert!((160.16 * 0.9..=160.16 * 1.1).contains(&value), "{rate}");
        }
        // The same clock, the same answer.
        assert_eq!(history("ETH", period).await.json(), body);
    }
    // The day's last point is the current rate; the points vary.
    let day = history("ETH", "day").await.json();
    let rates: Vec<&str> = day["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rate"].as_str().unwrap())
        .collect();
    assert_eq!(*rates.last().unwrap(), "160.16000");
    assert!(rates.iter().any(|r| *r != "160.16000"));
    // The same as currency-list's rates.raw.history.day.
    let listed = c.user_call(&u, "GET", "/currencies/ETH", "").await.json();
    assert_eq!(
        listed["data"]["coins"][0]["rates"]["raw"]["history"]["day"],
        day["data"]
    );
    // The clock moves the points on.
    c.advance(3600);
    let later = history("ETH", "day").await.json();
    assert_ne!(later, day);
    assert_eq!(later["data"][0], day["data"][1]);
    // Unknown assets, fiats and periods (the docs' example puts the alternatives literally).
    for path in [
        "/currencies/ETH/history/day%7Cweek%7Cmonth%7Cquarter%7Csemester%7Cyear",
        "/currencies/ETH/history/hour",
        "/currencies/DOGE/history/day",
        "/currencies/USD/history/day",
    ] {
        let refused = c.user_call(&u, "GET", path, "").await;
        refused.expect(403);
        assert_eq!(
            refused.json(),
            documented_variant("currency-history", "403.2"),
            "{path}"
        );
        assert!(refused.reason().is_some());
    }
}

#[tokio::test]
async fn balances_show_the_users_holdings_and_their_value_in_eur() {
    let c = Ccpro::new();
    let u = c.user().await;
    c.fund(&u, "XBT", "0.5").await;
    c.fund(&u, "IPSX", "350").await;
    c.control(
        "POST",
        "/balances",
        &json!({"user": u.id, "asset": "ETH", "available": "1.25", "pending": "0.1"}).to_string(),
    )
    .await
    .expect(200);
    let reply = c.user_call(&u, "GET", "/balances", "").await;
    reply.expect(200);
    let body = reply.json();
    assert_documented_shape("balances", 200, &body);
    let coins = body["data"]["coins"].as_array().unwrap();
    let tokens = body["data"]["tokens"].as_array().unwrap();
    assert_eq!(coins.len(), 4);
    assert_eq!(tokens.len(), 1);
    let xbt = coins.iter().find(|c| c["symbol"] == "XBT").unwrap();
    assert_eq!(xbt["alias"], "XBT");
    assert_eq!(xbt["name"], "Bitcoin");
    assert_eq!(
        xbt["amounts"],
        json!({"crypto": {"available": "0.5", "pending": "0"},
               "fiat": {"available": "3188.5", "pending": "0"}})
    );
    assert_eq!(xbt["favorite"], false);
    assert_eq!(tokens[0]["symbol"], "IPSX");
    assert_eq!(tokens[0]["amounts"]["fiat"]["available"], "3.5");
    let ltc = coins.iter().find(|c| c["symbol"] == "LTC").unwrap();
    assert_eq!(ltc["amounts"]["crypto"]["available"], "0");

    // The docs' request: ETH only.
    let eth = c.user_call(&u, "GET", "/balances/ETH", "").await;
    eth.expect(200);
    let eth = eth.json();
    assert_documented_shape("balances", 200, &eth);
    assert_eq!(eth["data"]["tokens"], json!([]));
    assert_eq!(eth["data"]["coins"].as_array().unwrap().len(), 1);
    assert_eq!(
        eth["data"]["coins"][0]["amounts"],
        json!({"crypto": {"available": "1.25", "pending": "0.1"},
               "fiat": {"available": "200.2", "pending": "16.016"}})
    );
    let ipsx = c.user_call(&u, "GET", "/balances/IPSX", "").await.json();
    assert_eq!(ipsx["data"]["coins"], json!([]));
    assert_eq!(
        ipsx["data"]["tokens"][0]["amounts"]["crypto"]["available"],
        "350"
    );
    // Not a coin or token: 403 Unable (the sandbox's choice).
    let refused = c.user_call(&u, "GET", "/balances/EUR", "").await;
    refused.expect(403);
    assert_eq!(
        refused.json(),
        json!({"message": "Unable to process your request."})
    );
    // Another user's balances: the docs' 403.
    let other = c.user().await;
    let denied = c
        .call(
            "GET",
            &format!("/api/v1/user/{}/balances", other.id),
            Some(&u.token),
            "",
        )
        .await;
    denied.expect(403);
    assert_eq!(denied.json(), documented("balances", 403));
}

#[tokio::test]
async fn prices_follow_the_docs_formulas_for_each_kind() {
    let c = Ccpro::new();
    let u = c.user().await;
    let get = |path: String| {
        let c = &c;
        let u = &u;
        async move { c.user_call(u, "GET", &path, "").await }
    };
    // The docs' examples, their `1/1` placeholders replaced by the assets of their answers.
    for (op, kind) in [
        ("price-buy", "buy"),
        ("price-sell", "sell"),
        ("price-withdraw", "withdraw"),
        ("price-withdraw-ico", "withdraw-ico"),
    ] {
        let (_, query) = example(op);
        let docs = documented(op, 200);
        let (from, to) = (
            docs["data"]["assets"]["from"].as_str().unwrap(),
            docs["data"]["assets"]["to"].as_str().unwrap(),
        );
        let reply = get(format!("/price/{kind}/{from}/{to}{}", query_string(&query))).await;
        reply.expect(200);
        let body = reply.json();
        assert_documented_shape(op, 200, &body);
        assert_eq!(body["data"]["operation"], docs["data"]["operation"], "{op}");
        assert_eq!(
            body["data"]["commission"]["percent"],
            docs["data"]["commission"]["percent"]
        );
        assert_eq!(body["data"]["payment"], docs["data"]["payment"]);
        // With the docs' from_amount of 100.
        let hundred = get(format!("/price/{kind}/{from}/{to}?from_amount=100")).await;
        hundred.expect(200);
        assert_eq!(hundred.json()["data"]["amounts"]["from"], "100", "{op}");
    }
    let buy = get("/price/buy/EUR/XBT?from_amount=100".to_owned())
        .await
        .json();
    assert_eq!(buy["data"]["rate"], "6383.377");
    assert_eq!(buy["data"]["rateRaw"], "6377");
    assert!(
        buy["data"]["amounts"]["to"]
            .as_str()
            .unwrap()
            .starts_with("0.0156656891798808060")
    );
    let sell = get("/price/sell/ETH/EUR?from_amount=100".to_owned())
        .await
        .json();
    assert_eq!(sell["data"]["amounts"]["to"], "16016");
    assert_eq!(
        sell["data"]["commission"],
        json!({"from": "0", "to": "0", "percent": 0, "discount": 0})
    );
    let withdraw = get("/price/withdraw/ETH/ETH?from_amount=100".to_owned())
        .await
        .json();
    assert_eq!(
        withdraw["data"]["amounts"],
        json!({"from": "100", "to": "98"})
    );
    assert_eq!(withdraw["data"]["commission"]["from"], "2");
    assert_eq!(withdraw["data"]["rate"], "160.16");
    let ico = get("/price/withdraw-ico/IPSX/IPSX?to_amount=90".to_owned())
        .await
        .json();
    assert_eq!(ico["data"]["amounts"], json!({"from": "100", "to": "90"}));
    assert_eq!(ico["data"]["operation"], "withdrawIco");
    // No amount: the price of one unit; to_amount: what it costs.
    let unit = get("/price/sell/XBT/EUR".to_owned()).await.json();
    assert_eq!(unit["data"]["amounts"], json!({"from": "1", "to": "6377"}));
    let cost = get("/price/buy/EUR/ETH?to_amount=2".to_owned())
        .await
        .json();
    assert_eq!(cost["data"]["amounts"]["to"], "2");
    assert_eq!(cost["data"]["amounts"]["from"], "320.64032");
    let crypto = get("/price/buy/ETH/XBT?from_amount=1".to_owned())
        .await
        .json();
    assert_eq!(crypto["data"]["operation"], "buy_with_crypto");
    assert_eq!(crypto["data"]["commission"]["percent"], 0.5);
}

#[tokio::test]
async fn prices_answer_the_docs_403_and_405() {
    let c = Ccpro::new();
    let u = c.user().await;
    for (op, path) in [
        ("price-buy", "/price/buy/EUR/XBT"),
        ("price-sell", "/price/sell/ETH/EUR"),
        ("price-withdraw", "/price/withdraw/ETH/ETH"),
        ("price-withdraw-ico", "/price/withdraw-ico/IPSX/IPSX"),
    ] {
        // Both amounts: 403.
        let both = c
            .user_call(&u, "GET", &format!("{path}?from_amount=1&to_amount=2"), "")
            .await;
        both.expect(403);
        assert_eq!(both.json(), documented(op, 403), "{op}");
        assert!(both.reason().unwrap().contains("not both"));
        // The docs' own 1/1: no such assets, 405.
        let kind = path.split('/').nth(2).unwrap();
        let ones = c
            .user_call(&u, "GET", &format!("/price/{kind}/1/1"), "")
            .await;
        ones.expect(405);
        assert_eq!(ones.json(), documented(op, 405), "{op}");
        assert!(ones.reason().unwrap().contains("unknown asset"));
    }
    // A pair the kind does not fit.
    for path in [
        "/price/buy/XBT/EUR",
        "/price/sell/EUR/XBT",
        "/price/withdraw/ETH/XBT",
        "/price/withdraw/IPSX/IPSX",
        "/price/withdraw-ico/ETH/ETH",
    ] {
        let reply = c.user_call(&u, "GET", path, "").await;
        reply.expect(405);
        assert!(reply.reason().unwrap().contains("does not apply"), "{path}");
    }
    // Switched off through the market control route, then on again.
    let switch = |enabled: bool| {
        let c = &c;
        async move {
            c.control(
                "POST",
                "/market",
                &json!({"asset": "IPSX", "operation": "withdrawIco", "enabled": enabled})
                    .to_string(),
            )
            .await
            .expect(200);
        }
    };
    switch(false).await;
    let off = c
        .user_call(&u, "GET", "/price/withdraw-ico/IPSX/IPSX", "")
        .await;
    off.expect(405);
    assert_eq!(off.json(), documented("price-withdraw-ico", 405));
    assert!(off.reason().unwrap().contains("disabled"));
    switch(true).await;
    c.user_call(&u, "GET", "/price/withdraw-ico/IPSX/IPSX", "")
        .await
        .expect(200);
    // Amounts that are not numbers above 0: 422 naming the parameter.
    for (query, field, text) in [
        (
            "from_amount=abc",
            "from_amount",
            "The from amount must be a number.",
        ),
        (
            "to_amount=0",
            "to_amount",
            "The to amount must be greater than 0.",
        ),
        (
            "from_amount=-5",
            "from_amount",
            "The from amount must be greater than 0.",
        ),
    ] {
        let reply = c
            .user_call(&u, "GET", &format!("/price/buy/EUR/ETH?{query}"), "")
            .await;
        reply.expect(422);
        assert_eq!(
            reply.json(),
            json!({"message": "The given data was invalid.", "errors": {field: [text]}})
        );
    }
    // An empty amount is no amount.
    let empty = c
        .user_call(&u, "GET", "/price/buy/EUR/ETH?from_amount=&to_amount=1", "")
        .await;
    empty.expect(200);
}
