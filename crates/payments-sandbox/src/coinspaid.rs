//! The CoinsPaid emulation, served under `/coinspaid`.
//!
//! The routes are CoinsPaid's v2 API as documented: `GET /v2/ping` and `POST`
//! `/v2/currencies/list`, `/v2/currencies/pairs`, `/v2/accounts/list`, `/v2/addresses/take`,
//! `/v2/withdrawal/crypto`, `/v2/exchange/calculate`, `/v2/exchange/fixed`,
//! `/v2/exchange/now`, `/v2/futures/rates` and `/futures/confirm` (without `/v2`, as the
//! docs list it). Anything else under `/coinspaid` is 404 `{"message":"Not Found"}`.
//!
//! Requests are checked in this order, each failure answering at once:
//!
//! 1. the route (404);
//! 2. authentication (401): `X-Processing-Key` equals
//!    [`Credentials::coinspaid_key`](crate::Credentials::coinspaid_key) and
//!    `X-Processing-Signature` is the hex HMAC-SHA512 of the raw body keyed with
//!    [`Credentials::coinspaid_secret`](crate::Credentials::coinspaid_secret), compared in
//!    constant time. The docs show no auth error, so the sandbox answers
//!    `{"errors": {"X-Processing-Key": "…"}}` or `{"errors": {"X-Processing-Signature": "…"}}`;
//! 3. the body and the operation's rules (400 `{"errors": {field: message}}`, the documented
//!    shape).
//!
//! Balances, rates, fees and minimums come from the fixed table [`CURRENCIES`];
//! `docs/sandbox.md` has the rules. Deposits are simulated with the control route
//! `POST /_sandbox/coinspaid/deposits`. Every callback the sandbox creates is kept (see
//! [`Sandbox::coinspaid_callbacks`]) and, when
//! [`SandboxConfig::callback_url`](crate::SandboxConfig::callback_url) is set, posted there in
//! order, signed as CoinsPaid signs them.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use payments_core::digest::hmac_sha512_hex;
use payments_core::webhook::{WebhookSecrets, constant_time_eq, verify_hmac_sha512};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::{IdSequence, MAX_BODY_BYTES, Provider, Sandbox, callbacks, json_response, message};

/// One currency of the sandbox: what `currencies/list` reports, its fixed EUR rate, its
/// network fee and its seeded balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyRow {
    /// The `id` of `currencies/list`.
    pub id: u64,
    /// The ISO code (`BTC`).
    pub code: &'static str,
    /// `true` for fiat currencies: no deposit addresses, withdrawals only with `convert_to`.
    pub fiat: bool,
    /// The minimum amount of withdrawals and exchanges sent in this currency.
    pub minimum: &'static str,
    /// The percentage of a confirmed plain deposit kept as the `deposit` fee.
    pub deposit_fee_percent: &'static str,
    /// The `withdrawal_fee_percent` of `currencies/list` (0: withdrawals pay only the network
    /// fee).
    pub withdrawal_fee_percent: &'static str,
    /// The `precision` of `currencies/list`.
    pub precision: u32,
    /// The value of one unit in EUR; every price is the ratio of two of these.
    pub eur_rate: &'static str,
    /// The `mining` fee of a withdrawal in this currency, debited on top of the amount.
    pub network_fee: &'static str,
    /// The balance a new (or reset) sandbox holds.
    pub seed_balance: &'static str,
}

/// The sandbox's currencies, in the order every list answers them.
pub const CURRENCIES: &[CurrencyRow] = &[
    CurrencyRow {
        id: 1,
        code: "BTC",
        fiat: false,
        minimum: "0.001",
        deposit_fee_percent: "1",
        withdrawal_fee_percent: "0",
        precision: 8,
        eur_rate: "30000",
        network_fee: "0.00005",
        seed_balance: "1.5",
    },
    CurrencyRow {
        id: 2,
        code: "ETH",
        fiat: false,
        minimum: "0.01",
        deposit_fee_percent: "1",
        withdrawal_fee_percent: "0",
        precision: 8,
        eur_rate: "2000",
        network_fee: "0.0005",
        seed_balance: "20",
    },
    CurrencyRow {
        id: 3,
        code: "USDT",
        fiat: false,
        minimum: "10",
        deposit_fee_percent: "1",
        withdrawal_fee_percent: "0",
        precision: 6,
        eur_rate: "0.9",
        network_fee: "1",
        seed_balance: "10000",
    },
    CurrencyRow {
        id: 4,
        code: "EUR",
        fiat: true,
        minimum: "25",
        deposit_fee_percent: "0",
        withdrawal_fee_percent: "0",
        precision: 2,
        eur_rate: "1",
        network_fee: "0",
        seed_balance: "5000",
    },
    CurrencyRow {
        id: 5,
        code: "USD",
        fiat: true,
        minimum: "30",
        deposit_fee_percent: "0",
        withdrawal_fee_percent: "0",
        precision: 2,
        eur_rate: "0.9",
        network_fee: "0",
        seed_balance: "0",
    },
];

/// The exchange fee, in percent of the gross amount received, of every exchange
/// (`exchange/*`, deposits and withdrawals with conversion). Futures confirmations quote a
/// fee of 0 but the deposit that uses them still pays this.
pub const EXCHANGE_FEE_PERCENT: &str = "1";

/// How long `exchange/calculate` says its price is fixed, in seconds.
pub const CALCULATE_FIX_PERIOD_SECS: u64 = 60;

/// How long `futures/rates` fixes the rates of an address, in seconds of the configured clock.
pub const FUTURES_FIX_PERIOD_SECS: u64 = 600;

/// The largest futures confirmation, in EUR (sender amount × EUR rate), as documented.
pub const FUTURES_LIMIT_EUR: u64 = 10_000;

/// A withdrawal to an address starting with this is cancelled (and refunded) instead of
/// confirmed.
pub const CANCEL_ADDRESS_PREFIX: &str = "SANDBOX-CANCEL";

/// The `error` of a cancelled sandbox withdrawal's callback.
pub const CANCEL_ERROR: &str = "Sandbox: withdrawals to SANDBOX-CANCEL addresses are cancelled.";

/// A BTC address to demo a cancelled withdrawal.
pub const DEMO_CANCEL_ADDRESS: &str = "SANDBOX-CANCEL-demo";

/// The `confirmations` of confirmed deposit and withdrawal transactions.
pub const CONFIRMATIONS: u64 = 3;

const KEY_HEADER: &str = "x-processing-key";
const SIGNATURE_HEADER: &str = "X-Processing-Signature";

// Per-provider id streams (CoinCover uses 1, Covery 2 to 4).
const OPERATION_STREAM: u64 = 10;
const ADDRESS_ID_STREAM: u64 = 11;
const TRANSACTION_STREAM: u64 = 12;
const FUTURES_STREAM: u64 = 13;
const TEXT_STREAM: u64 = 14;

/// The row of `code` (upper case).
pub fn currency(code: &str) -> Option<&'static CurrencyRow> {
    CURRENCIES.iter().find(|c| c.code == code)
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_default()
}

fn round8(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero)
}

/// `d` rounded to 8 places and printed with all 8 (`"0.01000000"`), as the docs print
/// amounts.
fn fmt8(d: Decimal) -> String {
    let mut d = round8(d);
    d.rescale(8);
    d.to_string()
}

/// The price of one unit of `from` in `to`: the ratio of their EUR rates, rounded to 8 places.
pub fn price(from: &CurrencyRow, to: &CurrencyRow) -> Decimal {
    let to_rate = dec(to.eur_rate);
    if to_rate.is_zero() {
        return Decimal::ZERO;
    }
    round8(dec(from.eur_rate) / to_rate)
}

/// The exchange fee of a gross amount.
fn exchange_fee(gross: Decimal) -> Decimal {
    round8(gross * dec(EXCHANGE_FEE_PERCENT) / Decimal::ONE_HUNDRED)
}

/// A JSON number written from decimal text (no `f64` involved).
struct Num(String);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.clone()).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

fn num(d: Decimal) -> Num {
    Num(d.normalize().to_string())
}

// ---------------------------------------------------------------------------------------
// Errors

/// CoinsPaid's error answer: `{"errors": {field: message, …}}` in insertion order.
struct CpError {
    status: StatusCode,
    fields: Vec<(String, String)>,
}

impl CpError {
    fn field(field: &str, message: impl Into<String>) -> Self {
        CpError {
            status: StatusCode::BAD_REQUEST,
            fields: vec![(field.to_owned(), message.into())],
        }
    }

    fn auth(header: &str, message: &str) -> Self {
        CpError {
            status: StatusCode::UNAUTHORIZED,
            fields: vec![(header.to_owned(), message.to_owned())],
        }
    }
}

struct ErrorMap<'a>(&'a [(String, String)]);

impl Serialize for ErrorMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    errors: ErrorMap<'a>,
}

impl IntoResponse for CpError {
    fn into_response(self) -> Response {
        json_response(
            self.status,
            &ErrorBody {
                errors: ErrorMap(&self.fields),
            },
        )
    }
}

// ---------------------------------------------------------------------------------------
// State

/// A taken address.
struct StoredAddress {
    id: u64,
    currency: &'static CurrencyRow,
    convert_to: Option<&'static CurrencyRow>,
    address: String,
    foreign_id: String,
    fixation: Option<Fixation>,
}

/// Rates fixed by `futures/rates` for an address.
struct Fixation {
    ts_fixed: u64,
    ts_release: u64,
    confirmed: Option<Futures>,
}

/// A confirmed futures.
struct Futures {
    id: u64,
    sender: &'static CurrencyRow,
    sender_amount: Decimal,
    receiver_amount: Decimal,
}

/// One callback the sandbox created, as sent (or as it would be sent without a callback URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedCallback {
    /// The exact JSON body.
    pub body: String,
    /// The `X-Processing-Key` header (the sandbox's `coinspaid_key`).
    pub key: String,
    /// The `X-Processing-Signature` header: hex HMAC-SHA512 of `body` with `coinspaid_secret`.
    pub signature: String,
}

impl RecordedCallback {
    /// The body parsed as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// CoinsPaid's part of the sandbox state.
pub(crate) struct CoinsPaidState {
    balances: HashMap<&'static str, Decimal>,
    addresses: Vec<StoredAddress>,
    by_key: HashMap<(String, &'static str, Option<&'static str>), usize>,
    by_address: HashMap<String, usize>,
    withdrawal_ids: HashSet<String>,
    exchange_ids: HashSet<String>,
    callbacks: Vec<RecordedCallback>,
    operations: IdSequence,
    address_ids: IdSequence,
    transactions: IdSequence,
    futures_ids: IdSequence,
    text: IdSequence,
    delivery: Option<mpsc::UnboundedSender<(String, Vec<RecordedCallback>)>>,
}

impl CoinsPaidState {
    pub(crate) fn new(seed: u64) -> Self {
        CoinsPaidState {
            balances: CURRENCIES
                .iter()
                .map(|c| (c.code, dec(c.seed_balance)))
                .collect(),
            addresses: Vec::new(),
            by_key: HashMap::new(),
            by_address: HashMap::new(),
            withdrawal_ids: HashSet::new(),
            exchange_ids: HashSet::new(),
            callbacks: Vec::new(),
            operations: IdSequence::new(seed, OPERATION_STREAM),
            address_ids: IdSequence::new(seed, ADDRESS_ID_STREAM),
            transactions: IdSequence::new(seed, TRANSACTION_STREAM),
            futures_ids: IdSequence::new(seed, FUTURES_STREAM),
            text: IdSequence::new(seed, TEXT_STREAM),
            delivery: None,
        }
    }

    fn balance(&self, c: &CurrencyRow) -> Decimal {
        self.balances.get(c.code).copied().unwrap_or_default()
    }

    fn add(&mut self, c: &'static CurrencyRow, delta: Decimal) {
        *self.balances.entry(c.code).or_default() += delta;
    }

    /// Debits `amount` of `c` for a withdrawal or exchange named `foreign_id`, once: `used`
    /// picks the foreign ids that kind of operation has taken. A foreign id already taken, or a
    /// balance below `amount` (reported on `amount_field`), is refused and changes nothing.
    fn debit_once(
        &mut self,
        used: fn(&mut Self) -> &mut HashSet<String>,
        foreign_id: &str,
        c: &'static CurrencyRow,
        amount: Decimal,
        amount_field: &str,
    ) -> Result<(), CpError> {
        if used(self).contains(foreign_id) {
            return Err(CpError::field(
                "foreign_id",
                "The foreign id has already been taken.",
            ));
        }
        if self.balance(c) < amount {
            return Err(CpError::field(amount_field, "Insufficient balance."));
        }
        used(self).insert(foreign_id.to_owned());
        self.add(c, -amount);
        Ok(())
    }

    /// `n` hex digits from the seeded text stream.
    fn hex(&mut self, n: usize) -> String {
        let mut out = String::new();
        while out.len() < n {
            out.push_str(&self.text.next_uuid().replace('-', ""));
        }
        out.truncate(n);
        out
    }

    fn txid(&mut self, c: &CurrencyRow) -> String {
        let hex = self.hex(64);
        if c.code == "BTC" {
            hex
        } else {
            format!("0x{hex}")
        }
    }

    fn new_address(&mut self, c: &CurrencyRow) -> String {
        if c.code == "BTC" {
            format!("bc1q{}", self.hex(38))
        } else {
            format!("0x{}", self.hex(40))
        }
    }
}

impl Sandbox {
    /// Every CoinsPaid callback the sandbox created, oldest first, whether or not a callback
    /// URL is set: deposits (`POST /_sandbox/coinspaid/deposits`), withdrawals and exchanges.
    pub fn coinspaid_callbacks(&self) -> Vec<RecordedCallback> {
        self.lock().coinspaid.callbacks.clone()
    }

    /// The current CoinsPaid balance of `currency` (upper case), if the sandbox knows it.
    pub fn coinspaid_balance(&self, currency: &str) -> Option<Decimal> {
        let row = self::currency(currency)?;
        Some(self.lock().coinspaid.balance(row))
    }
}

// ---------------------------------------------------------------------------------------
// Routing and authentication

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Ping,
    Currencies,
    Pairs,
    Accounts,
    TakeAddress,
    Withdraw,
    Calculate,
    Fixed,
    Now,
    FuturesRates,
    FuturesConfirm,
}

impl Op {
    fn from_route(method: &Method, path: &str) -> Option<Op> {
        if method == Method::GET {
            return (path == "/v2/ping").then_some(Op::Ping);
        }
        if method != Method::POST {
            return None;
        }
        Some(match path {
            "/v2/currencies/list" => Op::Currencies,
            "/v2/currencies/pairs" => Op::Pairs,
            "/v2/accounts/list" => Op::Accounts,
            "/v2/addresses/take" => Op::TakeAddress,
            "/v2/withdrawal/crypto" => Op::Withdraw,
            "/v2/exchange/calculate" => Op::Calculate,
            "/v2/exchange/fixed" => Op::Fixed,
            "/v2/exchange/now" => Op::Now,
            "/v2/futures/rates" => Op::FuturesRates,
            "/futures/confirm" => Op::FuturesConfirm,
            _ => return None,
        })
    }
}

/// Every CoinsPaid request lands here (the router sends `/coinspaid` and `/coinspaid/*`).
pub(crate) async fn dispatch(State(sandbox): State<Sandbox>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let path = parts
        .uri
        .path()
        .strip_prefix(Provider::CoinsPaid.prefix())
        .unwrap_or("");
    let Some(op) = Op::from_route(&parts.method, path) else {
        return message(StatusCode::NOT_FOUND, "Not Found");
    };
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => {
            return CpError::field("body", "The body could not be read.").into_response();
        }
    };
    let outcome = authenticate(&sandbox, &parts.headers, &body)
        .and_then(|()| parse_object(&body))
        .and_then(|fields| match op {
            Op::Ping => Ok(json_response(StatusCode::OK, &json!({}))),
            Op::Currencies => Ok(currencies_list()),
            Op::Pairs => pairs(&fields),
            Op::Accounts => Ok(accounts(&sandbox)),
            Op::TakeAddress => take_address(&sandbox, &fields),
            Op::Withdraw => withdraw(&sandbox, &fields),
            Op::Calculate => calculate(&sandbox, &fields),
            Op::Fixed => exchange(&sandbox, &fields, true),
            Op::Now => exchange(&sandbox, &fields, false),
            Op::FuturesRates => futures_rates(&sandbox, &fields),
            Op::FuturesConfirm => futures_confirm(&sandbox, &fields),
        });
    outcome.unwrap_or_else(IntoResponse::into_response)
}

fn authenticate(sandbox: &Sandbox, headers: &HeaderMap, body: &[u8]) -> Result<(), CpError> {
    let creds = sandbox.credentials();
    let Some(key) = headers.get(KEY_HEADER) else {
        return Err(CpError::auth(
            "X-Processing-Key",
            "The X-Processing-Key header is required.",
        ));
    };
    if !constant_time_eq(key.as_bytes(), creds.coinspaid_key.as_bytes()) {
        return Err(CpError::auth(
            "X-Processing-Key",
            "The X-Processing-Key is invalid.",
        ));
    }
    let Some(signature) = headers.get(SIGNATURE_HEADER) else {
        return Err(CpError::auth(
            SIGNATURE_HEADER,
            "The X-Processing-Signature header is required.",
        ));
    };
    let signature = signature.as_bytes();
    let secrets = WebhookSecrets::new(creds.coinspaid_secret.clone().into());
    let lower = !signature.iter().any(u8::is_ascii_uppercase);
    if !lower || verify_hmac_sha512(SIGNATURE_HEADER, signature, body, &secrets).is_err() {
        return Err(CpError::auth(
            SIGNATURE_HEADER,
            "The X-Processing-Signature is invalid.",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Body parsing

type Fields = HashMap<String, Box<RawValue>>;

fn parse_object(body: &[u8]) -> Result<Fields, CpError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Fields::new());
    }
    if let Ok(fields) = serde_json::from_slice::<Fields>(body) {
        return Ok(fields);
    }
    // The docs allow an array (ping); its fields are ignored.
    if serde_json::from_slice::<Vec<&RawValue>>(body).is_ok() {
        return Ok(Fields::new());
    }
    Err(CpError::field(
        "body",
        "The body must be a valid JSON object.",
    ))
}

/// `foreign_id` → `foreign id`, as Laravel names fields in messages.
fn spaced(name: &str) -> String {
    name.replace('_', " ")
}

fn required(name: &str) -> CpError {
    CpError::field(name, format!("The {} field is required.", spaced(name)))
}

fn text(fields: &Fields, name: &str) -> Result<Option<String>, CpError> {
    let Some(raw) = fields.get(name) else {
        return Ok(None);
    };
    match serde_json::from_str::<Option<String>>(raw.get()) {
        Ok(Some(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
        Ok(_) => Ok(None),
        Err(_) => Err(CpError::field(
            name,
            format!("The {} must be a string.", spaced(name)),
        )),
    }
}

fn required_text(fields: &Fields, name: &str) -> Result<String, CpError> {
    text(fields, name)?.ok_or_else(|| required(name))
}

fn amount(fields: &Fields, name: &str) -> Result<Option<Decimal>, CpError> {
    let Some(raw) = fields.get(name) else {
        return Ok(None);
    };
    let raw = raw.get();
    let text = match serde_json::from_str::<Option<String>>(raw) {
        Ok(Some(s)) => s,
        Ok(None) => return Ok(None),
        Err(_) => raw.to_owned(),
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    let invalid = || CpError::field(name, format!("The {} must be a number.", spaced(name)));
    let value = payments_core::Amount::from_str(&text)
        .map_err(|_| invalid())?
        .decimal();
    if value <= Decimal::ZERO {
        return Err(CpError::field(
            name,
            format!("The {} must be greater than 0.", spaced(name)),
        ));
    }
    Ok(Some(value))
}

fn required_amount(fields: &Fields, name: &str) -> Result<Decimal, CpError> {
    amount(fields, name)?.ok_or_else(|| required(name))
}

fn currency_field(fields: &Fields, name: &str) -> Result<Option<&'static CurrencyRow>, CpError> {
    match text(fields, name)? {
        None => Ok(None),
        Some(code) => currency(&code.to_ascii_uppercase())
            .map(Some)
            .ok_or_else(|| {
                CpError::field(name, format!("The selected {} is invalid.", spaced(name)))
            }),
    }
}

fn required_currency(fields: &Fields, name: &str) -> Result<&'static CurrencyRow, CpError> {
    currency_field(fields, name)?.ok_or_else(|| required(name))
}

fn kind(c: &CurrencyRow) -> &'static str {
    if c.fiat { "fiat" } else { "crypto" }
}

fn data(status: StatusCode, value: Value) -> Response {
    json_response(status, &json!({ "data": value }))
}

// ---------------------------------------------------------------------------------------
// Lists

fn currencies_list() -> Response {
    let rows: Vec<Value> = CURRENCIES
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "type": kind(c),
                "currency": c.code,
                "minimum_amount": c.minimum,
                "deposit_fee_percent": c.deposit_fee_percent,
                "withdrawal_fee_percent": c.withdrawal_fee_percent,
                "precision": c.precision,
            })
        })
        .collect();
    data(StatusCode::OK, Value::Array(rows))
}

fn pair_json(from: &CurrencyRow, to: &CurrencyRow) -> Value {
    let mut side = json!({
        "currency": from.code,
        "type": kind(from),
        "min_amount": fmt8(dec(from.minimum)),
    });
    if !from.fiat
        && let Some(obj) = side.as_object_mut()
    {
        obj.insert(
            "min_amount_deposit_with_exchange".to_owned(),
            Value::String(fmt8(dec(from.minimum))),
        );
    }
    json!({
        "currency_from": side,
        "currency_to": { "currency": to.code, "type": kind(to) },
        "rate_from": "1",
        "rate_to": fmt8(price(from, to)),
    })
}

fn pairs(fields: &Fields) -> Result<Response, CpError> {
    let mut errors = Vec::new();
    let mut pick = |name: &str| match currency_field(fields, name) {
        Ok(c) => c,
        Err(e) => {
            errors.extend(e.fields);
            None
        }
    };
    let from = pick("currency_from");
    let to = pick("currency_to");
    if !errors.is_empty() {
        return Err(CpError {
            status: StatusCode::BAD_REQUEST,
            fields: errors,
        });
    }
    let rows: Vec<Value> = CURRENCIES
        .iter()
        .flat_map(|f| CURRENCIES.iter().map(move |t| (f, t)))
        .filter(|(f, t)| f.code != t.code)
        .filter(|(f, _)| from.is_none_or(|c| c.code == f.code))
        .filter(|(_, t)| to.is_none_or(|c| c.code == t.code))
        .map(|(f, t)| pair_json(f, t))
        .collect();
    Ok(data(StatusCode::OK, Value::Array(rows)))
}

fn accounts(sandbox: &Sandbox) -> Response {
    let state = sandbox.lock();
    let rows: Vec<Value> = CURRENCIES
        .iter()
        .map(|c| {
            json!({
                "currency": c.code,
                "type": kind(c),
                "balance": fmt8(state.coinspaid.balance(c)),
            })
        })
        .collect();
    data(StatusCode::OK, Value::Array(rows))
}

// ---------------------------------------------------------------------------------------
// Addresses

fn address_json(a: &StoredAddress, with_foreign_id: bool, always_convert_to: bool) -> Value {
    let mut v = json!({ "id": a.id, "currency": a.currency.code });
    if let Some(obj) = v.as_object_mut() {
        if always_convert_to || a.convert_to.is_some() {
            obj.insert(
                "convert_to".to_owned(),
                a.convert_to.map_or(Value::Null, |c| Value::from(c.code)),
            );
        }
        obj.insert("address".to_owned(), Value::from(a.address.clone()));
        obj.insert("tag".to_owned(), Value::Null);
        if with_foreign_id {
            obj.insert("foreign_id".to_owned(), Value::from(a.foreign_id.clone()));
        }
    }
    v
}

fn take_address(sandbox: &Sandbox, fields: &Fields) -> Result<Response, CpError> {
    let foreign_id = text(fields, "foreign_id")?;
    let currency = currency_field(fields, "currency")?;
    let (foreign_id, currency) = match (foreign_id, currency) {
        (Some(f), Some(c)) => (f, c),
        (None, Some(_)) => return Err(required("foreign_id")),
        (Some(_), None) => return Err(required("currency")),
        (None, None) => {
            let mut e = required("foreign_id");
            e.fields.extend(required("currency").fields);
            return Err(e);
        }
    };
    if currency.fiat {
        return Err(CpError::field(
            "currency",
            "The selected currency is invalid.",
        ));
    }
    let convert_to = currency_field(fields, "convert_to")?;
    if convert_to.is_some_and(|c| c.code == currency.code) {
        return Err(CpError::field(
            "convert_to",
            "The selected convert to is invalid.",
        ));
    }
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let key = (
        foreign_id.clone(),
        currency.code,
        convert_to.map(|c| c.code),
    );
    let index = match cp.by_key.get(&key) {
        Some(&i) => i,
        None => {
            let address = cp.new_address(currency);
            let id = cp.address_ids.next_serial();
            cp.addresses.push(StoredAddress {
                id,
                currency,
                convert_to,
                address: address.clone(),
                foreign_id,
                fixation: None,
            });
            let i = cp.addresses.len() - 1;
            cp.by_key.insert(key, i);
            cp.by_address.insert(address, i);
            i
        }
    };
    let body = cp
        .addresses
        .get(index)
        .map_or(Value::Null, |a| address_json(a, true, true));
    Ok(data(StatusCode::CREATED, body))
}

// ---------------------------------------------------------------------------------------
// Withdrawals

fn blockchain_tx(
    id: u64,
    c: &CurrencyRow,
    kind: &str,
    address: &str,
    amount: Decimal,
    txid: Option<String>,
    confirmations: Value,
) -> Value {
    json!({
        "id": id,
        "currency": c.code,
        "transaction_type": "blockchain",
        "type": kind,
        "address": address,
        "tag": null,
        "amount": fmt8(amount),
        "txid": txid,
        "confirmations": confirmations,
    })
}

fn exchange_tx(
    id: u64,
    from: &CurrencyRow,
    to: &CurrencyRow,
    amount: Decimal,
    to_amount: Decimal,
) -> Value {
    json!({
        "id": id,
        "currency": from.code,
        "currency_to": to.code,
        "transaction_type": "exchange",
        "type": "exchange",
        "amount": fmt8(amount),
        "amount_to": fmt8(to_amount),
    })
}

fn fee(kind: &str, c: &CurrencyRow, amount: Decimal) -> Value {
    json!({ "type": kind, "currency": c.code, "amount": fmt8(amount) })
}

fn sent(c: &CurrencyRow, amount: Decimal) -> Value {
    json!({ "currency": c.code, "amount": fmt8(amount) })
}

fn withdraw(sandbox: &Sandbox, fields: &Fields) -> Result<Response, CpError> {
    let mut missing = Vec::new();
    for name in ["foreign_id", "amount", "currency", "address"] {
        if fields
            .get(name)
            .is_none_or(|raw| matches!(raw.get().trim(), "null" | "\"\""))
        {
            missing.extend(required(name).fields);
        }
    }
    if !missing.is_empty() {
        return Err(CpError {
            status: StatusCode::BAD_REQUEST,
            fields: missing,
        });
    }
    let foreign_id = required_text(fields, "foreign_id")?;
    let amount = required_amount(fields, "amount")?;
    let currency = required_currency(fields, "currency")?;
    let convert_to = currency_field(fields, "convert_to")?;
    let address = required_text(fields, "address")?;
    let _tag = text(fields, "tag")?;

    let receiver = match convert_to {
        Some(to) if to.fiat || to.code == currency.code => {
            return Err(CpError::field(
                "convert_to",
                "The selected convert to is invalid.",
            ));
        }
        Some(to) => to,
        None if currency.fiat => {
            return Err(CpError::field(
                "convert_to",
                format!(
                    "The convert to field is required when currency is {}.",
                    currency.code
                ),
            ));
        }
        None => currency,
    };
    let minimum = dec(currency.minimum);
    if amount < minimum {
        return Err(CpError::field(
            "amount",
            format!("The amount must be at least {}.", minimum.normalize()),
        ));
    }
    let exchanged = convert_to.is_some();
    let (debit, exchange_fee_amount, receiver_amount) = if exchanged {
        let fee = exchange_fee(amount);
        (
            amount,
            fee,
            round8((amount - fee) * price(currency, receiver)),
        )
    } else {
        (amount + dec(currency.network_fee), Decimal::ZERO, amount)
    };

    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    cp.debit_once(
        |cp| &mut cp.withdrawal_ids,
        &foreign_id,
        currency,
        debit,
        "amount",
    )?;
    let id = cp.operations.next_serial();
    let kind = if exchanged {
        "withdrawal_exchange"
    } else {
        "withdrawal"
    };
    let response = json!({
        "id": id,
        "foreign_id": foreign_id,
        "type": kind,
        "status": "processing",
        "amount": fmt8(amount),
        "sender_amount": fmt8(amount),
        "sender_currency": currency.code,
        "receiver_amount": fmt8(receiver_amount),
        "receiver_currency": receiver.code,
    });

    // Completion: confirmed, or cancelled (and refunded) for SANDBOX-CANCEL addresses.
    let address_id = cp.address_ids.next_serial();
    let mut crypto_address = json!({ "id": address_id, "currency": currency.code });
    if let Some(obj) = crypto_address.as_object_mut() {
        if let Some(to) = convert_to {
            obj.insert("convert_to".to_owned(), Value::from(to.code));
        }
        obj.insert("address".to_owned(), Value::from(address.clone()));
        obj.insert("tag".to_owned(), Value::Null);
    }
    let callback = if address.starts_with(CANCEL_ADDRESS_PREFIX) {
        cp.add(currency, debit);
        let tx_id = cp.transactions.next_serial();
        json!({
            "id": id,
            "foreign_id": foreign_id,
            "type": kind,
            "crypto_address": crypto_address,
            "transactions": [blockchain_tx(tx_id, receiver, "withdrawal", &address, receiver_amount, None, json!("0"))],
            "fees": [],
            "error": CANCEL_ERROR,
            "status": "cancelled",
        })
    } else {
        let mut transactions = Vec::new();
        let fees = if exchanged {
            let tx = cp.transactions.next_serial();
            transactions.push(exchange_tx(tx, currency, receiver, amount, receiver_amount));
            vec![fee("exchange", currency, exchange_fee_amount)]
        } else {
            vec![fee("mining", currency, dec(currency.network_fee))]
        };
        let tx_id = cp.transactions.next_serial();
        let txid = cp.txid(receiver);
        transactions.push(blockchain_tx(
            tx_id,
            receiver,
            "withdrawal",
            &address,
            receiver_amount,
            Some(txid),
            json!(CONFIRMATIONS),
        ));
        json!({
            "id": id,
            "foreign_id": foreign_id,
            "type": kind,
            "crypto_address": crypto_address,
            "currency_sent": sent(currency, amount),
            "currency_received": sent(receiver, receiver_amount),
            "transactions": transactions,
            "fees": fees,
            "error": "",
            "status": "confirmed",
        })
    };
    drop(state);
    emit(sandbox, vec![callback]);
    Ok(data(StatusCode::CREATED, response))
}

// ---------------------------------------------------------------------------------------
// Exchanges

/// The sender, receiver and their price; 400 when the pair is not exchangeable.
fn pair_of(fields: &Fields) -> Result<(&'static CurrencyRow, &'static CurrencyRow), CpError> {
    let from = required_currency(fields, "sender_currency")?;
    let to = required_currency(fields, "receiver_currency")?;
    if from.code == to.code {
        return Err(CpError::field(
            "sender_currency",
            "Exchange is unavailable for given currencies",
        ));
    }
    Ok((from, to))
}

fn check_minimum(name: &str, c: &CurrencyRow, amount: Decimal) -> Result<(), CpError> {
    let minimum = dec(c.minimum);
    if amount < minimum {
        // The documented message ends with a space.
        return Err(CpError::field(
            name,
            format!("The amount must be at least {} ", fmt8(minimum)),
        ));
    }
    Ok(())
}

#[derive(Serialize)]
struct Quote {
    sender_amount: Num,
    sender_currency: &'static str,
    receiver_amount: String,
    receiver_currency: &'static str,
    fee_amount: String,
    fee_currency: &'static str,
    price: String,
    ts_fixed: u64,
    ts_release: u64,
    fix_period: u64,
}

#[derive(Serialize)]
struct Data<T> {
    data: T,
}

fn calculate(sandbox: &Sandbox, fields: &Fields) -> Result<Response, CpError> {
    let (from, to) = pair_of(fields)?;
    let sender_amount = amount(fields, "sender_amount")?;
    let receiver_amount = amount(fields, "receiver_amount")?;
    let p = price(from, to);
    let (sender, receiver) = match (sender_amount, receiver_amount) {
        (Some(_), Some(_)) => {
            return Err(CpError::field(
                "sender_amount",
                "The sender amount field is prohibited when receiver amount is present.",
            ));
        }
        (None, None) => {
            return Err(CpError::field(
                "sender_amount",
                "The sender amount field is required when receiver amount is not present.",
            ));
        }
        (Some(s), None) => (s, round8(s * p)),
        (None, Some(r)) => {
            if p.is_zero() {
                return Err(CpError::field(
                    "sender_currency",
                    "Exchange is unavailable for given currencies",
                ));
            }
            (round8(r / p), r)
        }
    };
    let now = sandbox.now_secs();
    let quote = Quote {
        sender_amount: num(sender),
        sender_currency: from.code,
        receiver_amount: fmt8(receiver),
        receiver_currency: to.code,
        fee_amount: fmt8(exchange_fee(receiver)),
        fee_currency: to.code,
        price: fmt8(p),
        ts_fixed: now,
        ts_release: now.saturating_add(CALCULATE_FIX_PERIOD_SECS),
        fix_period: CALCULATE_FIX_PERIOD_SECS,
    };
    Ok(json_response(StatusCode::OK, &Data { data: quote }))
}

fn exchange(sandbox: &Sandbox, fields: &Fields, fixed: bool) -> Result<Response, CpError> {
    let (from, to) = pair_of(fields)?;
    let sender_amount = required_amount(fields, "sender_amount")?;
    let foreign_id = required_text(fields, "foreign_id")?;
    let p = price(from, to);
    if fixed {
        let given = required_amount(fields, "price")?;
        if given != p {
            return Err(CpError::field(
                "price",
                format!("The price has changed: the current price is {}.", fmt8(p)),
            ));
        }
    }
    check_minimum("sender_amount", from, sender_amount)?;
    let receiver_amount = round8(sender_amount * p);
    let fee_amount = exchange_fee(receiver_amount);
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    cp.debit_once(
        |cp| &mut cp.exchange_ids,
        &foreign_id,
        from,
        sender_amount,
        "sender_amount",
    )?;
    cp.add(to, receiver_amount - fee_amount);
    let id = cp.operations.next_serial();
    let tx = cp.transactions.next_serial();
    let response = json!({
        "id": id,
        "foreign_id": foreign_id,
        "type": "exchange",
        "sender_amount": fmt8(sender_amount),
        "sender_currency": from.code,
        "receiver_amount": fmt8(receiver_amount),
        "receiver_currency": to.code,
        "fee_amount": fmt8(fee_amount),
        "fee_currency": to.code,
        "price": fmt8(p),
        "status": "processing",
    });
    let callback = json!({
        "id": id,
        "type": "exchange",
        "currency_sent": sent(from, sender_amount),
        "currency_received": sent(to, receiver_amount - fee_amount),
        "transactions": [exchange_tx(tx, from, to, sender_amount, receiver_amount)],
        "fees": [fee("exchange", to, fee_amount)],
        "error": "",
        "status": "confirmed",
    });
    drop(state);
    emit(sandbox, vec![callback]);
    Ok(data(StatusCode::OK, response))
}

// ---------------------------------------------------------------------------------------
// Futures

/// The sender amounts of the futures price table: the sender currency's minimum × 1, 10,
/// 100 and 1000.
fn levels(c: &CurrencyRow) -> Vec<Decimal> {
    let minimum = dec(c.minimum);
    [1u32, 10, 100, 1000]
        .iter()
        .map(|k| minimum * Decimal::from(*k))
        .collect()
}

fn prices_json(a: &StoredAddress) -> Value {
    let mut prices = serde_json::Map::new();
    if let Some(to) = a.convert_to {
        for (from, to) in [(a.currency, to), (to, a.currency)] {
            let p = price(from, to);
            let limits: serde_json::Map<String, Value> = levels(from)
                .into_iter()
                .map(|l| (fmt8(l), Value::from(fmt8(l * p))))
                .collect();
            prices.insert(
                format!("{}{}", from.code, to.code),
                json!({
                    "limits": limits,
                    "sender_currency": from.code,
                    "receiver_currency": to.code,
                }),
            );
        }
    }
    Value::Object(prices)
}

/// The exchangeable address named by the body's `address` (`by_address` indexes
/// `addresses`).
fn exchangeable<'a>(
    addresses: &'a mut [StoredAddress],
    by_address: &HashMap<String, usize>,
    fields: &Fields,
) -> Result<&'a mut StoredAddress, CpError> {
    let address = required_text(fields, "address")?;
    let index = by_address
        .get(&address)
        .copied()
        .ok_or_else(|| CpError::field("address", "The selected address is invalid."))?;
    match addresses.get_mut(index) {
        Some(a) if a.convert_to.is_some() => Ok(a),
        _ => Err(CpError::field(
            "address",
            "The address is not exchangeable: take it with convert_to.",
        )),
    }
}

fn futures_rates(sandbox: &Sandbox, fields: &Fields) -> Result<Response, CpError> {
    let _tag = text(fields, "tag")?;
    let now = sandbox.now_secs();
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let a = exchangeable(&mut cp.addresses, &cp.by_address, fields)?;
    if a.fixation.as_ref().is_none_or(|f| now >= f.ts_release) {
        a.fixation = Some(Fixation {
            ts_fixed: now,
            ts_release: now.saturating_add(FUTURES_FIX_PERIOD_SECS),
            confirmed: None,
        });
    }
    let (ts_fixed, ts_release) = a
        .fixation
        .as_ref()
        .map_or((now, now), |f| (f.ts_fixed, f.ts_release));
    let body = json!({
        "address": address_json(a, true, true),
        "ts_fixed": ts_fixed,
        "ts_release": ts_release,
        "fix_period": FUTURES_FIX_PERIOD_SECS,
        "seconds_left": ts_release.saturating_sub(now),
        "prices": prices_json(a),
        "limits": { "amount": FUTURES_LIMIT_EUR, "iso": "EUR" },
    });
    Ok(json_response(StatusCode::OK, &body))
}

#[derive(Serialize)]
struct Confirmation {
    sender_amount: Num,
    receiver_amount: Num,
    fee_amount: String,
    futures_id: u64,
    sender_currency: &'static str,
    receiver_currency: &'static str,
    fee_currency: &'static str,
    price: String,
    address: Value,
    ts_fixed: u64,
    ts_release: u64,
    fix_period: u64,
    seconds_left: u64,
}

fn futures_confirm(sandbox: &Sandbox, fields: &Fields) -> Result<Response, CpError> {
    let _tag = text(fields, "tag")?;
    let (from, to) = pair_of(fields)?;
    let sender_amount = required_amount(fields, "sender_amount")?;
    let receiver_amount = required_amount(fields, "receiver_amount")?;
    let now = sandbox.now_secs();
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let a = exchangeable(&mut cp.addresses, &cp.by_address, fields)?;
    let pair_ok = a.convert_to.is_some_and(|c| {
        (from.code == a.currency.code && to.code == c.code)
            || (from.code == c.code && to.code == a.currency.code)
    });
    if !pair_ok {
        return Err(CpError::field(
            "sender_currency",
            "Exchange is unavailable for given currencies",
        ));
    }
    let (ts_fixed, ts_release) = match a.fixation.as_ref() {
        Some(f) if now < f.ts_release => (f.ts_fixed, f.ts_release),
        _ => {
            return Err(CpError::field(
                "address",
                "The futures rates have expired or were not fixed: call futures/rates again.",
            ));
        }
    };
    if sender_amount * dec(from.eur_rate) > Decimal::from(FUTURES_LIMIT_EUR) {
        return Err(CpError::field(
            "sender_amount",
            format!("The limit for this operation is {FUTURES_LIMIT_EUR} EUR."),
        ));
    }
    let p = price(from, to);
    let most = round8(sender_amount * p);
    if receiver_amount > most {
        return Err(CpError::field(
            "receiver_amount",
            format!(
                "The receiver amount may be at most {} at the fixed price {}.",
                fmt8(most),
                fmt8(p)
            ),
        ));
    }
    let futures_id = cp.futures_ids.next_serial();
    if let Some(f) = a.fixation.as_mut() {
        f.confirmed = Some(Futures {
            id: futures_id,
            sender: from,
            sender_amount,
            receiver_amount,
        });
    }
    let confirmation = Confirmation {
        sender_amount: num(sender_amount),
        receiver_amount: num(receiver_amount),
        fee_amount: fmt8(Decimal::ZERO),
        futures_id,
        sender_currency: from.code,
        receiver_currency: to.code,
        fee_currency: to.code,
        price: fmt8(p),
        address: address_json(a, true, true),
        ts_fixed,
        ts_release,
        fix_period: FUTURES_FIX_PERIOD_SECS,
        seconds_left: ts_release.saturating_sub(now),
    };
    Ok(json_response(StatusCode::OK, &Data { data: confirmation }))
}

// ---------------------------------------------------------------------------------------
// Deposits (control route)

/// `POST /_sandbox/coinspaid/deposits` with `{"address": "...", "amount": "0.01",
/// "currency": "BTC"}` (`currency` defaults to the address's): simulates a deposit to a taken
/// address. Creates the `deposit` callbacks `not_confirmed` then `confirmed` and, for an
/// address taken with `convert_to`, a `deposit_exchange` callback; credits the balance; and
/// answers 201 `{"callbacks": [...]}`. A bad body is 400 `{"message": "..."}`.
pub(crate) async fn control_deposit(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    match deposit(&sandbox, &body) {
        Ok(callbacks) => json_response(StatusCode::CREATED, &json!({ "callbacks": callbacks })),
        Err(problem) => message(StatusCode::BAD_REQUEST, &problem),
    }
}

fn deposit(sandbox: &Sandbox, body: &[u8]) -> Result<Vec<Value>, String> {
    let describe = |e: CpError| {
        e.fields
            .into_iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let fields = parse_object(body).map_err(describe)?;
    let address = required_text(&fields, "address").map_err(describe)?;
    let amount = required_amount(&fields, "amount").map_err(describe)?;
    let currency = currency_field(&fields, "currency").map_err(describe)?;
    let now = sandbox.now_secs();

    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    let index = cp
        .by_address
        .get(&address)
        .copied()
        .ok_or_else(|| format!("address: {address} was not taken with addresses/take"))?;
    let (row, convert_to, address_value, futures) = {
        let a = cp
            .addresses
            .get_mut(index)
            .ok_or_else(|| "address: unknown".to_owned())?;
        if let Some(c) = currency
            && c.code != a.currency.code
        {
            return Err(format!(
                "currency: the address takes {}, not {}",
                a.currency.code, c.code
            ));
        }
        // A confirmed, unexpired futures for exactly this amount fixes the conversion.
        let futures = match a.fixation.as_mut() {
            Some(f) if now < f.ts_release => match f.confirmed.take() {
                Some(fut) if fut.sender.code == a.currency.code && fut.sender_amount == amount => {
                    Some(fut)
                }
                other => {
                    f.confirmed = other;
                    None
                }
            },
            _ => None,
        };
        (
            a.currency,
            a.convert_to,
            address_json(a, true, false),
            futures,
        )
    };

    let id = cp.operations.next_serial();
    let tx_id = cp.transactions.next_serial();
    let txid = cp.txid(row);
    let deposit_fee = if convert_to.is_some() {
        Decimal::ZERO
    } else {
        round8(amount * dec(row.deposit_fee_percent) / Decimal::ONE_HUNDRED)
    };
    let deposit_callback = |status: &str, fee_amount: Decimal, confirmations: Value| {
        let fees: Vec<Value> = if status == "confirmed" && convert_to.is_none() {
            vec![fee("deposit", row, fee_amount)]
        } else {
            Vec::new()
        };
        json!({
            "id": id,
            "type": "deposit",
            "crypto_address": address_value.clone(),
            "currency_sent": sent(row, amount),
            "currency_received": {
                "currency": row.code,
                "amount": fmt8(amount),
                "amount_minus_fee": fmt8(amount - fee_amount),
            },
            "transactions": [blockchain_tx(tx_id, row, "deposit", &address, amount, Some(txid.clone()), confirmations)],
            "fees": fees,
            "error": "",
            "status": status,
        })
    };
    let mut callbacks = vec![
        deposit_callback("not_confirmed", Decimal::ZERO, json!("0")),
        deposit_callback("confirmed", deposit_fee, json!(CONFIRMATIONS)),
    ];
    match convert_to {
        None => cp.add(row, amount - deposit_fee),
        Some(to) => {
            let (converted, futures_id) = match futures {
                Some(f) => (f.receiver_amount, Some(f.id)),
                None => (round8(amount * price(row, to)), None),
            };
            let fee_amount = exchange_fee(converted);
            cp.add(to, converted - fee_amount);
            let exchange_id = cp.operations.next_serial();
            let exchange_tx_id = cp.transactions.next_serial();
            let mut callback = json!({
                "id": exchange_id,
                "type": "deposit_exchange",
                "crypto_address": address_value,
                "currency_sent": sent(row, amount),
                "currency_received": {
                    "currency": to.code,
                    "amount": fmt8(converted),
                    "amount_minus_fee": fmt8(converted - fee_amount),
                },
                "transactions": [
                    blockchain_tx(tx_id, row, "deposit", &address, amount, Some(txid.clone()), json!(CONFIRMATIONS)),
                    exchange_tx(exchange_tx_id, row, to, amount, converted),
                ],
                "fees": [fee("exchange", to, fee_amount)],
                "error": "",
                "status": "confirmed",
            });
            if let (Some(fid), Some(obj)) = (futures_id, callback.as_object_mut()) {
                obj.insert("futures_id".to_owned(), Value::from(fid));
            }
            callbacks.push(callback);
        }
    }
    drop(state);
    emit(sandbox, callbacks.clone());
    Ok(callbacks)
}

// ---------------------------------------------------------------------------------------
// Callbacks

/// Records `callbacks` (signed) and queues them for delivery, in order.
fn emit(sandbox: &Sandbox, callbacks: Vec<Value>) {
    let creds = sandbox.credentials();
    let recorded: Vec<RecordedCallback> = callbacks
        .iter()
        .filter_map(|v| serde_json::to_string(v).ok())
        .map(|body| RecordedCallback {
            signature: hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), body.as_bytes()),
            key: creds.coinspaid_key.clone(),
            body,
        })
        .collect();
    let url = sandbox.config().callback_url.clone();
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    cp.callbacks.extend(recorded.iter().cloned());
    let Some(url) = url else {
        return;
    };
    let mut batch = Some((url, recorded));
    if let Some(tx) = &cp.delivery
        && let Some(b) = batch.take()
        && let Err(mpsc::error::SendError(b)) = tx.send(b)
    {
        batch = Some(b);
    }
    let Some(batch) = batch else {
        return;
    };
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        tracing::warn!(target: "payments_sandbox", "no Tokio runtime: CoinsPaid callbacks not sent");
        return;
    };
    let (tx, rx) = mpsc::unbounded_channel();
    if tx.send(batch).is_err() {
        return;
    }
    cp.delivery = Some(tx);
    runtime.spawn(deliver(rx));
}

/// Posts queued callbacks one at a time, in order. Failures are logged, never raised.
async fn deliver(mut rx: mpsc::UnboundedReceiver<(String, Vec<RecordedCallback>)>) {
    let Some(client) = callbacks::client("CoinsPaid") else {
        return;
    };
    while let Some((url, batch)) = rx.recv().await {
        for callback in batch {
            let headers = [
                ("X-Processing-Key", callback.key),
                (SIGNATURE_HEADER, callback.signature),
            ];
            callbacks::post(&client, "CoinsPaid", &url, headers, callback.body).await;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses() {
        for c in CURRENCIES {
            for text in [
                c.minimum,
                c.deposit_fee_percent,
                c.withdrawal_fee_percent,
                c.eur_rate,
                c.network_fee,
                c.seed_balance,
            ] {
                Decimal::from_str_exact(text).unwrap();
            }
            assert!(dec(c.eur_rate) > Decimal::ZERO);
        }
        Decimal::from_str_exact(EXCHANGE_FEE_PERCENT).unwrap();
    }

    #[test]
    fn prices_and_formatting() {
        let btc = currency("BTC").unwrap();
        let eur = currency("EUR").unwrap();
        assert_eq!(fmt8(price(btc, eur)), "30000.00000000");
        assert_eq!(fmt8(price(eur, btc)), "0.00003333");
        assert_eq!(fmt8(dec("0.01")), "0.01000000");
        assert_eq!(num(dec("1.00000000")).0, "1");
    }

    #[test]
    fn routes() {
        assert_eq!(Op::from_route(&Method::GET, "/v2/ping"), Some(Op::Ping));
        assert_eq!(Op::from_route(&Method::POST, "/v2/ping"), None);
        assert_eq!(
            Op::from_route(&Method::POST, "/futures/confirm"),
            Some(Op::FuturesConfirm)
        );
        assert_eq!(Op::from_route(&Method::POST, "/v2/futures/confirm"), None);
    }
}
