//! CCPro's recorded scenario: a scripted flow, then every other operation from its docs request example.

use super::*;

/// CCPro's calls: public and platform rows through the client, user rows through the
/// user's session (`user` is `None` for a caller that only makes public or platform calls).
struct CcproCaller {
    client: ccpro_api::Client,
    user: Option<ccpro_api::UserClient>,
}

impl CallJson for CcproCaller {
    fn call<'a>(
        &'a self,
        op: &'static Operation,
        input: &'a str,
        files: Vec<InputFile>,
    ) -> BoxFuture<'a, Result<WithMeta<JsonOutput>, Error>> {
        Box::pin(async move {
            match (op.auth, &self.user) {
                (payments_core::Auth::Session, Some(user)) => {
                    user.call_json(op, input, files).await
                }
                _ => self.client.call_json(op, input, files).await,
            }
        })
    }
}

/// One of the recording sandbox's control routes (`base` is its root URL): CCPro's e-mailed
/// codes, the clock, a second user.
async fn sandbox_control(
    base: &str,
    method: reqwest::Method,
    path: &str,
    body: &str,
) -> Result<Value, CliError> {
    let url = format!("{base}{}{path}", payments_sandbox::CONTROL_PREFIX);
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .map_err(|e| CliError::transport(format!("cannot build HTTP client: {e}")))?;
    let resp = http
        .request(method, &url)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .map_err(|e| CliError::transport(format!("{url}: {e}")))?;
    let bytes = resp
        .bytes()
        .await
        .map_err(|e| CliError::transport(format!("{url}: {e}")))?;
    serde_json::from_slice(&bytes).map_err(|e| CliError::provider(format!("{url}: {e}")))
}

/// CCPro: a user's life through the platform and on their own (registration, e-mail
/// verification, both logins, wallet, bank, prices, a quote confirmed into an order, proof
/// of payment, approval on the clock, a transfer to a second user, the platform's lists,
/// logout), with the documented refusals met on the way. Sandbox only: the codes CCPro
/// e-mails and the clock come from the sandbox's control routes at `control`.
pub(super) async fn scenario(
    base: String,
    control: String,
    platform: String,
    private_key_pem: String,
    wrong_key_pem: String,
) -> Result<Vec<(String, String)>, CliError> {
    use ccpro_api::operations::{
        AUTHENTICATE, AUTHENTICATE_JWT, BALANCES, BANK_CREATE, BANK_LIST, COUNTRY_LIST, LOGOUT,
        NOTIFICATION_TEMPORARY, ORDER_PAYMENT_PROOF, ORDER_SHOW, PLATFORM_ORDERS, PLATFORM_USERS,
        PRICE_BUY, PRICE_SELL, QUOTE_CONFIRM, QUOTE_CREATE, TRANSFER_CONFIRM, TRANSFER_CREATE,
        USER_CREATE, USER_VERIFY_EMAIL, WALLET_CREATE, WALLET_LIST, WALLET_SHOW, WALLET_UPDATE,
    };
    use ccpro_api::{SecretString, Subject, UserSession};
    use reqwest::Method;

    let mut rec = Recorder::new()?;
    let transport = rec.transport();
    let build = |pem: &str| {
        ccpro_api::Client::builder(ccpro_api::Environment::Custom(base.clone()))
            .platform_key(platform.clone(), &SecretString::from(pem.to_owned()))
            .transport(transport.clone())
            .retry(RetryPolicy::none())
            .clock(Arc::new(FixedClock::at(RECORDING_CLOCK)))
            .build()
    };
    let client = build(&private_key_pem)?;
    let public = CcproCaller {
        client: client.clone(),
        user: None,
    };
    let forged = CcproCaller {
        client: build(&wrong_key_pem)?,
        user: None,
    };

    rec.step(&public, &COUNTRY_LIST, "ok", json!({}), vec![])
        .await?;
    let email = "alice@example.com";
    let password = "correct horse battery";
    let new_user = json!({
        "email": email, "password": password, "firstName": "Alice", "lastName": "Liddell",
        "dateOfBirth": "1990-04-01", "phone": "40730000000",
        "address": {"country": "RO", "city": "Pitesti", "zip": "112233", "street": "Strada 1"},
        "platform": {"id": platform, "userId": "alice-7", "email": email, "username": "alice", "referralId": "ref-1"},
    });
    rec.step(&public, &USER_CREATE, "linked", new_user.clone(), vec![])
        .await?;
    rec.step(&public, &USER_CREATE, "email-taken", new_user, vec![])
        .await?;
    let wrong = json!({"email": email, "code": "not-the-code"});
    rec.step(&public, &USER_VERIFY_EMAIL, "wrong-code", wrong, vec![])
        .await?;
    let codes =
        sandbox_control(&control, Method::GET, &format!("/ccpro/users/{email}"), "").await?;
    let code = codes.get("emailCode").cloned().unwrap_or(Value::Null);
    let verify = json!({"email": email, "code": code});
    rec.step(
        &public,
        &USER_VERIFY_EMAIL,
        "verified",
        verify.clone(),
        vec![],
    )
    .await?;
    rec.step(
        &public,
        &USER_VERIFY_EMAIL,
        "already-active",
        verify,
        vec![],
    )
    .await?;

    let login = json!({"email": email, "password": password});
    rec.step(&public, &AUTHENTICATE, "ok", login, vec![])
        .await?;
    let login = json!({"email": email, "password": "not it"});
    rec.step(&public, &AUTHENTICATE, "wrong-password", login, vec![])
        .await?;
    let jwt_login = json!({"platform": platform, "email": email});
    rec.step(
        &public,
        &AUTHENTICATE_JWT,
        "by-email",
        jwt_login.clone(),
        vec![],
    )
    .await?;
    rec.step(&forged, &AUTHENTICATE_JWT, "forged-jwt", jwt_login, vec![])
        .await?;

    // Alice's session, logged in through the platform (that exchange is not a fixture).
    let alice = client.login_as(Subject::Email(email.to_owned())).await?;
    let me = alice.user_id().to_owned();
    drop(rec.transport.take());
    let alice = CcproCaller {
        client: client.clone(),
        user: Some(alice),
    };

    let wallet = json!({"user": me, "address": "0xEfC0c81abd46941766E2Ae9a30c57DF75b161111", "alias": "main", "coin": "ETH"});
    let created = rec
        .step(&alice, &WALLET_CREATE, "created", wallet.clone(), vec![])
        .await?;
    rec.step(&alice, &WALLET_CREATE, "address-taken", wallet, vec![])
        .await?;
    let wallet_id = created
        .as_ref()
        .and_then(|w| w.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    rec.step(&alice, &WALLET_LIST, "one", json!({"user": me}), vec![])
        .await?;
    rec.step(
        &alice,
        &WALLET_SHOW,
        "ok",
        json!({"user": me, "wallet": wallet_id}),
        vec![],
    )
    .await?;
    let missing = json!({"user": me, "wallet": "00000000-0000-4000-8000-000000000000"});
    rec.step(&alice, &WALLET_SHOW, "not-found", missing, vec![])
        .await?;
    let rename = json!({"user": me, "wallet": wallet_id, "alias": "savings"});
    rec.step(&alice, &WALLET_UPDATE, "renamed", rename, vec![])
        .await?;

    let bank = json!({"user": me, "bankName": "ING Bank", "iban": "RO02INGB0000999900285800", "swift": "INGBROBU", "currency": "EUR"});
    let bank = rec
        .step(&alice, &BANK_CREATE, "created", bank, vec![])
        .await?;
    let bank_id = bank
        .as_ref()
        .and_then(|b| b.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    rec.step(&alice, &BANK_LIST, "one", json!({"user": me}), vec![])
        .await?;

    let price = json!({"user": me, "from": "EUR", "to": "ETH", "from_amount": "100"});
    rec.step(&alice, &PRICE_BUY, "from-amount", price, vec![])
        .await?;
    let price =
        json!({"user": me, "from": "EUR", "to": "ETH", "from_amount": "100", "to_amount": "1"});
    rec.step(&alice, &PRICE_BUY, "both-amounts", price, vec![])
        .await?;
    let price =
        json!({"user": me, "from": "ETH", "to": "EUR", "from_amount": "0.123456789012345678"});
    rec.step(&alice, &PRICE_SELL, "from-amount", price, vec![])
        .await?;

    let quote = json!({
        "user": me, "type": "coin", "orderType": "buy_with_fiat", "orderAmount": "0.5",
        "orderSymbol": "ETH", "orderPaymentSymbol": "EUR", "orderPaymentMethod": bank_id,
    });
    let quote = rec
        .step(&alice, &QUOTE_CREATE, "buy-by-bank", quote, vec![])
        .await?;
    let quote_id = quote
        .as_ref()
        .and_then(|q| q.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let confirm = json!({"user": me, "quote": quote_id});
    let order = rec
        .step(&alice, &QUOTE_CONFIRM, "ordered", confirm.clone(), vec![])
        .await?;
    rec.step(&alice, &QUOTE_CONFIRM, "already-processed", confirm, vec![])
        .await?;
    let order_id = order
        .as_ref()
        .and_then(|o| o.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let pdf = InputFile {
        field: "file".to_owned(),
        name: "transfer.pdf".to_owned(),
        bytes: b"%PDF-1.4\n%recorded proof of payment\n%%EOF\n"
            .to_vec()
            .into(),
    };
    let proof = json!({"user": me, "order": order_id});
    rec.step(&alice, &ORDER_PAYMENT_PROOF, "uploaded", proof, vec![pdf])
        .await?;
    let show = json!({"user": me, "order": order_id});
    rec.step(
        &alice,
        &ORDER_SHOW,
        "processing-payment",
        show.clone(),
        vec![],
    )
    .await?;
    sandbox_control(
        &control,
        Method::POST,
        "/clock",
        r#"{"advance_seconds":60}"#,
    )
    .await?;
    rec.step(&alice, &ORDER_SHOW, "approved", show, vec![])
        .await?;
    rec.step(
        &alice,
        &NOTIFICATION_TEMPORARY,
        "order-approved",
        json!({"user": me}),
        vec![],
    )
    .await?;
    rec.step(&alice, &BALANCES, "after-buy", json!({"user": me}), vec![])
        .await?;

    let bob = sandbox_control(
        &control,
        Method::POST,
        "/ccpro/users",
        r#"{"email":"bob@example.com"}"#,
    )
    .await?;
    let text = |v: &Value, f: &str| {
        v.get(f)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let bob_id = text(&bob, "id");
    let bob = CcproCaller {
        client: client.clone(),
        user: Some(client.user(UserSession::from_token(bob_id.clone(), text(&bob, "token")))),
    };
    let transfer = json!({"owner": me, "action": "send", "amount": "0.1", "type": "coin", "symbol": "ETH", "user": "bob@example.com"});
    let transfer = rec
        .step(&alice, &TRANSFER_CREATE, "send", transfer, vec![])
        .await?;
    let transfer_id = transfer
        .as_ref()
        .and_then(|t| t.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    let confirm = json!({"user": bob_id, "transfer": transfer_id});
    rec.step(&bob, &TRANSFER_CONFIRM, "completed", confirm, vec![])
        .await?;

    rec.step(
        &public,
        &PLATFORM_ORDERS,
        "ok",
        json!({"platform": platform}),
        vec![],
    )
    .await?;
    rec.step(
        &public,
        &PLATFORM_USERS,
        "ok",
        json!({"platform": platform}),
        vec![],
    )
    .await?;
    rec.step(
        &forged,
        &PLATFORM_USERS,
        "forged-jwt",
        json!({"platform": platform}),
        vec![],
    )
    .await?;
    // Every other operation: the docs' own request example, with the ids of this scenario.
    let checkout = sandbox_control(
        &control,
        Method::POST,
        "/ccpro/checkouts",
        &json!({"user": me, "requestId": "order-42", "paymentType": "card"}).to_string(),
    )
    .await?;
    let id_of = |v: Option<&Value>| {
        v.and_then(|v| v.get("id"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut live: BTreeMap<String, String> = [
        ("user", me.clone()),
        ("platform", platform.clone()),
        ("wallet", id_of(created.as_ref())),
        ("bank", id_of(bank.as_ref())),
        ("quote", id_of(quote.as_ref())),
        ("order", id_of(order.as_ref())),
        ("transfer", id_of(transfer.as_ref())),
        ("checkout", id_of(Some(&checkout))),
        ("asset", "ETH".to_owned()),
        ("period", "day".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let recorded: BTreeSet<String> = rec
        .files
        .iter()
        .filter_map(|(file, _)| file.split('.').next().map(str::to_owned))
        .collect();
    for &op in ccpro_api::OPERATIONS {
        if recorded.contains(op.name) || op.name == LOGOUT.name {
            continue;
        }
        let (input, files) = docs_example(op, &live)?;
        let caller = if op.auth == payments_core::Auth::Session {
            &alice
        } else {
            &public
        };
        let out = rec.step(caller, op, "docs-example", input, files).await?;
        // A new resource's id stands in for the docs' ids from now on (`…/card` → `card`).
        if op.method == payments_core::http::Method::POST
            && let Some(id) = out
                .as_ref()
                .and_then(|v| v.get("id"))
                .and_then(Value::as_str)
            && let Some(last) = op.path.rsplit('/').next()
            && !last.starts_with('{')
        {
            live.insert(last.to_owned(), id.to_owned());
        }
    }

    // Bob's session holds no credentials to log in again with: his second logout is refused.
    rec.step(&bob, &LOGOUT, "ok", json!({}), vec![]).await?;
    rec.step(&bob, &LOGOUT, "revoked", json!({}), vec![])
        .await?;
    Ok(rec.files)
}

/// The docs' request example of `op` (`fixtures/ccpro/docs/<name>.request.json`) as an
/// input document: its body, its query and its path parameters as top-level fields, each
/// path parameter `live` knows replaced by the scenario's value (the docs' `1/1` of the
/// price paths by the assets of the docs' own answer), an omitted optional segment left
/// out; the docs' file placeholders (`"File"`, `"image"`) become PNG files of those fields.
fn docs_example(
    op: &'static Operation,
    live: &BTreeMap<String, String>,
) -> Result<(Value, Vec<InputFile>), CliError> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/ccpro/docs");
    let read = |name: String| -> Result<Value, CliError> {
        let path = docs.join(&name);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            CliError::usage(format!(
                "cannot read {} (record-fixtures runs in the repository): {e}",
                path.display()
            ))
        })?;
        serde_json::from_str(&text).map_err(|e| CliError::usage(format!("{name}: {e}")))
    };
    let example = read(format!("{}.request.json", op.name))?;
    let answer = read(format!("{}.response.200.json", op.name)).ok();
    let mut input = serde_json::Map::new();
    let mut files = Vec::new();
    if let Some(Value::Object(body)) = example.get("body") {
        for (key, value) in body {
            take_files(key, value, &mut files, &mut input);
        }
    }
    if let Some(Value::Object(query)) = example.get("query") {
        input.extend(query.clone());
    }
    if let Some(Value::Object(params)) = example.get("path_params") {
        for (name, value) in params {
            let documented_asset = answer
                .as_ref()
                .and_then(|a| a.pointer(&format!("/body/data/assets/{name}")))
                .cloned();
            let value = match (live.get(name), documented_asset) {
                (Some(v), _) => Value::String(v.clone()),
                (None, Some(asset)) => asset,
                // An optional segment the scenario has no value for is left out.
                (None, None) if op.path.contains(&format!("{{{name}?}}")) => continue,
                (None, None) => value.clone(),
            };
            input.insert(name.clone(), value);
        }
    }
    Ok((Value::Object(input), files))
}

/// `true` for the docs' placeholder of a file (`"File"`, `"image"`).
fn is_file_placeholder(value: &Value) -> bool {
    value.as_str().is_some_and(|s| s == "File" || s == "image")
}

/// Moves the docs' file placeholders out of a body field into `files` (nested names
/// dotted, `documents.passport`), the rest into `input`.
fn take_files(
    key: &str,
    value: &Value,
    files: &mut Vec<InputFile>,
    input: &mut serde_json::Map<String, Value>,
) {
    match value {
        v if is_file_placeholder(v) => {
            let short = key.rsplit('.').next().unwrap_or(key);
            files.push(InputFile {
                field: key.to_owned(),
                name: format!("{short}.png"),
                bytes: RECORDED_PNG.to_vec().into(),
            });
        }
        Value::Object(inner) if inner.values().any(is_file_placeholder) => {
            let mut rest = serde_json::Map::new();
            for (k, v) in inner {
                if is_file_placeholder(v) {
                    take_files(&format!("{key}.{k}"), v, files, input);
                } else {
                    rest.insert(k.clone(), v.clone());
                }
            }
            if !rest.is_empty() {
                input.insert(key.to_owned(), Value::Object(rest));
            }
        }
        other => {
            input.insert(key.to_owned(), other.clone());
        }
    }
}

/// The PNG every recorded upload sends: a signature and an IHDR chunk.
pub(super) const RECORDED_PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0recorded";
