//! The CoinCover emulation, served under `/coincover`.
//!
//! The routes are CoinCover's own: `POST /transaction`, `POST /user`, `PATCH /user/{userId}`,
//! `POST /user/{userId}/plan` and `PATCH /user/{userId}/plan`, all behind
//! `Authorization: Bearer <token>` (401 `{"message":"Unauthorized"}` otherwise, checked before
//! anything else). Invalid input gets 400 `{"message":"<field>: <what is wrong>"}`.
//!
//! Transaction checks are decided by fixed rules, evaluated in this order (the first that
//! matches wins); `docs/sandbox.md` tells the same story with examples:
//!
//! 1. a destination in the listed-address table ([`listed_destination`]: any
//!    `SANDBOX-THREAT-<code>` and the fixed demo addresses of [`LISTED_DESTINATIONS`]) → that
//!    code;
//! 2. a `walletId` on the blocklist ([`is_blocklisted_wallet`]) → 50201;
//! 3. a coin without a rate in [`USD_RATES`] → 50701;
//! 4. the transaction's USD total above [`ORGANISATION_TRANSACTION_LIMIT_USD`] → 50303;
//! 5. for each user of the outputs, in order, when the user has a plan of `levelUsd`: the
//!    user's share of this transaction above `levelUsd` → 50310; plus the user's GREEN total
//!    of the last hour above `levelUsd` → 50301; plus the last 24 hours above
//!    [`USER_DAILY_LEVEL_MULTIPLE`] × `levelUsd` → 50302;
//! 6. the wallet's GREEN total of the last hour plus this transaction above
//!    [`WALLET_HOURLY_LIMIT_USD`] → 50304; of the last 24 hours above
//!    [`WALLET_DAILY_LIMIT_USD`] → 50305;
//! 7. otherwise GREEN, and the amounts count toward the user and wallet totals.
//!
//! A check repeated with the same `transactionCustomerId` and the same body (a client retry)
//! gets the first answer back and is not counted again.

use std::collections::HashMap;
use std::collections::VecDeque;
use std::hash::{DefaultHasher, Hasher};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{patch, post};
use coincover_api::ThreatCode;
use payments_core::country::CountryCode;
use payments_core::date::Date;
use payments_core::{Amount, CoinId};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;
use subtle::ConstantTimeEq;

use crate::{IdSequence, Sandbox, json_bytes, message};

/// Destinations that start with this prefix followed by a documented threat code
/// (`SANDBOX-THREAT-50115`, optionally followed by `-` and anything, such as
/// `SANDBOX-THREAT-50115-b`) come back RED with that code. A code CoinCover does not
/// document is a 400, so a typo does not pass silently.
pub const THREAT_PREFIX: &str = "SANDBOX-THREAT-";

/// Wallets whose `walletId` starts with this prefix are on the blocklist (50201).
pub const BLOCKLISTED_WALLET_PREFIX: &str = "SANDBOX-BLOCKLISTED-";

/// Realistic-looking destinations for demos, with the code each one triggers. They are made
/// up and belong to no one.
pub const LISTED_DESTINATIONS: &[(&str, u32)] = &[
    // Sanctioned address.
    ("1SanctionedDemoAddr7Fh3Kq9Wm2Xp5Lt", 50101),
    // Scamming address.
    ("0x5ca3000000000000000000000000000000050102", 50102),
];

/// Realistic-looking blocklisted wallets for demos (50201), besides every `walletId` that
/// starts with [`BLOCKLISTED_WALLET_PREFIX`]. Made up.
pub const BLOCKLISTED_WALLETS: &[&str] = &["3BLockListedDemoWa11et9Qz4Rt6Yu8Hj"];

/// The fixed USD price of one unit of each supported coin (CoinGecko ids). Any other
/// well-formed coin id is unsupported (50701).
pub const USD_RATES: &[(&str, &str)] = &[
    ("bitcoin", "60000"),
    ("ethereum", "3000"),
    ("bitcoin-cash", "400"),
    ("litecoin", "80"),
    ("tether", "1"),
    ("usd-coin", "1"),
    ("dai", "1"),
    ("binancecoin", "550"),
    ("solana", "150"),
    ("ripple", "0.5"),
    ("cardano", "0.4"),
    ("dogecoin", "0.1"),
    ("tron", "0.12"),
    ("polkadot", "6"),
    ("matic-network", "0.7"),
    ("avalanche-2", "30"),
];

/// A single transaction worth more than this many USD is RED 50303.
pub const ORGANISATION_TRANSACTION_LIMIT_USD: u64 = 5_000_000;

/// A wallet's GREEN total over the last hour, this transaction included, above this many
/// USD is RED 50304.
pub const WALLET_HOURLY_LIMIT_USD: u64 = 1_000_000;

/// A wallet's GREEN total over the last 24 hours, this transaction included, above this
/// many USD is RED 50305.
pub const WALLET_DAILY_LIMIT_USD: u64 = 5_000_000;

/// A user's daily limit is this many times the plan's `levelUsd` (the hourly limit and the
/// single-transaction limit are `levelUsd` itself).
pub const USER_DAILY_LEVEL_MULTIPLE: u64 = 2;

/// The most outputs one check may carry.
pub const MAX_OUTPUTS: usize = 1000;

/// The longest text field accepted (ids, names, addresses), in characters.
pub const MAX_TEXT_LEN: usize = 256;

const HOUR: u64 = 3600;
const DAY: u64 = 24 * HOUR;
// Per-provider id stream, so adding providers does not shift CoinCover's ids.
const ID_STREAM: u64 = 1;

/// The threat code a destination triggers, if it is a listed address: a
/// [`THREAT_PREFIX`] address with a documented code, or one of [`LISTED_DESTINATIONS`].
pub fn listed_destination(destination: &str) -> Option<ThreatCode> {
    if let Some(rest) = destination.strip_prefix(THREAT_PREFIX) {
        let digits = rest.get(..5)?;
        let tail = rest.get(5..)?;
        if !digits.bytes().all(|b| b.is_ascii_digit())
            || !(tail.is_empty() || tail.starts_with('-'))
        {
            return None;
        }
        let code = ThreatCode::from_code(digits.parse().ok()?);
        return ThreatCode::ALL.contains(&code).then_some(code);
    }
    LISTED_DESTINATIONS
        .iter()
        .find(|(address, _)| *address == destination)
        .map(|&(_, code)| ThreatCode::from_code(code))
}

/// `true` when `wallet_id` is on the sandbox's blocklist (50201).
pub fn is_blocklisted_wallet(wallet_id: &str) -> bool {
    wallet_id.starts_with(BLOCKLISTED_WALLET_PREFIX) || BLOCKLISTED_WALLETS.contains(&wallet_id)
}

/// The sandbox's USD price of one unit of `coin`, if the coin is supported.
pub fn usd_rate(coin: &str) -> Option<Amount> {
    USD_RATES
        .iter()
        .find(|(id, _)| *id == coin)
        .and_then(|(_, rate)| Amount::parse(rate).ok())
}

pub(crate) fn router(sandbox: Sandbox) -> Router<Sandbox> {
    Router::new()
        .route("/transaction", post(check_transaction))
        .route("/user", post(create_user))
        .route("/user/{user_id}", patch(update_user))
        .route("/user/{user_id}/plan", post(create_plan).patch(update_plan))
        .method_not_allowed_fallback(|| async {
            message(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        })
        .route_layer(middleware::from_fn_with_state(sandbox, require_token))
}

/// CoinCover's authentication: `Authorization: Bearer <token>`, compared in constant time.
async fn require_token(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let expected = sandbox.credentials().coincover_token.as_bytes();
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.as_bytes())
        .and_then(|v| {
            let (scheme, token) = v.split_at_checked(7)?;
            scheme.eq_ignore_ascii_case(b"Bearer ").then_some(token)
        });
    match presented {
        Some(token) if bool::from(token.ct_eq(expected)) => next.run(request).await,
        _ => message(StatusCode::UNAUTHORIZED, "Unauthorized"),
    }
}

// ---------------------------------------------------------------------------------------
// State

/// CoinCover's part of the sandbox state.
pub(crate) struct CoinCoverState {
    /// Registered users and their plan's `levelUsd`, if any.
    users: HashMap<String, Option<Decimal>>,
    user_totals: HashMap<String, Totals>,
    wallet_totals: HashMap<String, Totals>,
    /// `transactionCustomerId` → (hash of the request body, the answer), for retries.
    checks: HashMap<String, (u64, Bytes)>,
    ids: IdSequence,
}

impl CoinCoverState {
    pub(crate) fn new(seed: u64) -> Self {
        CoinCoverState {
            users: HashMap::new(),
            user_totals: HashMap::new(),
            wallet_totals: HashMap::new(),
            checks: HashMap::new(),
            ids: IdSequence::new(seed, ID_STREAM),
        }
    }
}

/// GREEN USD totals in the last hour and day, bucketed by second.
#[derive(Default)]
struct Totals {
    hour: Window,
    day: Window,
}

impl Totals {
    fn add(&mut self, now: u64, usd: Decimal) {
        self.hour.add(now, usd);
        self.day.add(now, usd);
    }
}

#[derive(Default)]
struct Window {
    entries: VecDeque<(u64, Decimal)>,
    sum: Decimal,
}

impl Window {
    /// The total of the entries newer than `span` seconds before `now`. The clock is expected
    /// to move forward; entries from a clock that went back still count.
    fn total(&mut self, now: u64, span: u64) -> Decimal {
        while let Some(&(at, usd)) = self.entries.front() {
            if at.saturating_add(span) > now {
                break;
            }
            self.sum = self.sum.saturating_sub(usd);
            self.entries.pop_front();
        }
        self.sum
    }

    fn add(&mut self, now: u64, usd: Decimal) {
        self.sum = self.sum.saturating_add(usd);
        match self.entries.back_mut() {
            Some((at, total)) if *at == now => *total = total.saturating_add(usd),
            _ => self.entries.push_back((now, usd)),
        }
    }
}

/// Adds a GREEN amount to `key`'s totals.
fn count(totals: &mut HashMap<String, Totals>, key: &str, now: u64, usd: Decimal) {
    match totals.get_mut(key) {
        Some(t) => t.add(now, usd),
        None => {
            let mut t = Totals::default();
            t.add(now, usd);
            totals.insert(key.to_owned(), t);
        }
    }
}

/// A validated check-transaction request.
struct CheckRequest {
    transaction_customer_id: String,
    coin: CoinId,
    wallet_id: String,
    outputs: Vec<Output>,
}

struct Output {
    destination: String,
    amount: Amount,
    user_id: String,
}

impl CoinCoverState {
    /// Applies the rules of the module docs; on GREEN, counts the amounts.
    fn evaluate(&mut self, req: &CheckRequest, now: u64) -> Option<ThreatCode> {
        if let Some(code) = req
            .outputs
            .iter()
            .find_map(|o| listed_destination(&o.destination))
        {
            return Some(code);
        }
        if is_blocklisted_wallet(&req.wallet_id) {
            return Some(ThreatCode::AssociatedWithBlocklistWallet);
        }
        let Some(rate) = usd_rate(req.coin.as_str()) else {
            return Some(ThreatCode::TokenNotSupported);
        };
        let rate = rate.decimal();

        let mut total = Decimal::ZERO;
        let mut per_user: Vec<(&str, Decimal)> = Vec::new();
        for o in &req.outputs {
            let usd = o.amount.decimal().saturating_mul(rate);
            total = total.saturating_add(usd);
            match per_user.iter_mut().find(|(u, _)| *u == o.user_id) {
                Some((_, sum)) => *sum = sum.saturating_add(usd),
                None => per_user.push((&o.user_id, usd)),
            }
        }
        if total > Decimal::from(ORGANISATION_TRANSACTION_LIMIT_USD) {
            return Some(ThreatCode::OrganisationTransactionAmountLimit);
        }
        for &(user, usd) in &per_user {
            let Some(Some(level)) = self.users.get(user).copied() else {
                continue;
            };
            if usd > level {
                return Some(ThreatCode::UserTransactionAmountLimit);
            }
            if let Some(t) = self.user_totals.get_mut(user) {
                if t.hour.total(now, HOUR).saturating_add(usd) > level {
                    return Some(ThreatCode::UserHourlyAmountLimit);
                }
                let daily = level.saturating_mul(Decimal::from(USER_DAILY_LEVEL_MULTIPLE));
                if t.day.total(now, DAY).saturating_add(usd) > daily {
                    return Some(ThreatCode::UserDailyAmountLimit);
                }
            }
        }
        let (hourly, daily) = match self.wallet_totals.get_mut(&req.wallet_id) {
            Some(w) => (w.hour.total(now, HOUR), w.day.total(now, DAY)),
            None => (Decimal::ZERO, Decimal::ZERO),
        };
        if hourly.saturating_add(total) > Decimal::from(WALLET_HOURLY_LIMIT_USD) {
            return Some(ThreatCode::WalletHourlyAmountLimit);
        }
        if daily.saturating_add(total) > Decimal::from(WALLET_DAILY_LIMIT_USD) {
            return Some(ThreatCode::WalletDailyAmountLimit);
        }

        count(&mut self.wallet_totals, &req.wallet_id, now, total);
        for (user, usd) in per_user {
            count(&mut self.user_totals, user, now, usd);
        }
        None
    }
}

// ---------------------------------------------------------------------------------------
// Handlers

#[derive(Serialize)]
struct Verdict<'a> {
    #[serde(rename = "transactionUUID")]
    transaction_uuid: &'a str,
    status: &'static str,
    message: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Reason>,
}

#[derive(Serialize)]
struct Reason {
    code: u32,
    category: &'static str,
    description: &'static str,
}

fn body_hash(body: &[u8]) -> u64 {
    // SipHash with fixed keys: the same body always hashes the same.
    let mut h = DefaultHasher::new();
    h.write(body);
    h.finish()
}

async fn check_transaction(
    State(sandbox): State<Sandbox>,
    body: Bytes,
) -> Result<Response, Invalid> {
    let req = parse_check(&body)?;
    let now = sandbox.now_secs();
    let hash = body_hash(&body);
    let mut state = sandbox.lock();
    let cc = &mut state.coincover;
    if let Some((seen, answer)) = cc.checks.get(&req.transaction_customer_id)
        && *seen == hash
    {
        return Ok(json_bytes(StatusCode::OK, answer.clone()));
    }
    let code = cc.evaluate(&req, now);
    let uuid = cc.ids.next_uuid();
    let verdict = match code {
        None => Verdict {
            transaction_uuid: &uuid,
            status: "GREEN",
            message: "Transaction is protected by CoinCover.",
            reason: None,
        },
        Some(code) => Verdict {
            transaction_uuid: &uuid,
            status: "RED",
            message: "Transaction is not protected by CoinCover.",
            reason: Some(Reason {
                code: code.code(),
                category: code.category(),
                description: code.description(),
            }),
        },
    };
    let answer = match serde_json::to_vec(&verdict) {
        Ok(v) => Bytes::from(v),
        Err(_) => return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    cc.checks
        .insert(req.transaction_customer_id, (hash, answer.clone()));
    drop(state);
    Ok(json_bytes(StatusCode::OK, answer))
}

async fn create_user(State(sandbox): State<Sandbox>, body: Bytes) -> Result<Response, Invalid> {
    let user_id = parse_create_user(&body)?;
    let mut state = sandbox.lock();
    let users = &mut state.coincover.users;
    if users.contains_key(&user_id) {
        return Err(Invalid::new("userId", "a user with this id already exists"));
    }
    users.insert(user_id, None);
    Ok(StatusCode::CREATED.into_response())
}

async fn update_user(
    State(sandbox): State<Sandbox>,
    user_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, Invalid> {
    let user_id = path_user_id(user_id)?;
    parse_update_user(&body)?;
    if sandbox.lock().coincover.users.contains_key(&user_id) {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Ok(user_not_found())
    }
}

async fn create_plan(
    State(sandbox): State<Sandbox>,
    user_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, Invalid> {
    let user_id = path_user_id(user_id)?;
    let Some(level) = parse_plan(&body)? else {
        return Err(Invalid::new("levelUsd", "is required"));
    };
    Ok(match sandbox.lock().coincover.users.get_mut(&user_id) {
        Some(plan) => {
            *plan = Some(level);
            StatusCode::CREATED.into_response()
        }
        None => user_not_found(),
    })
}

async fn update_plan(
    State(sandbox): State<Sandbox>,
    user_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, Invalid> {
    let user_id = path_user_id(user_id)?;
    let level = parse_plan(&body)?;
    Ok(match sandbox.lock().coincover.users.get_mut(&user_id) {
        None => user_not_found(),
        Some(None) => message(StatusCode::NOT_FOUND, "Plan not found"),
        Some(Some(plan)) => {
            if let Some(level) = level {
                *plan = level;
            }
            StatusCode::CREATED.into_response()
        }
    })
}

fn user_not_found() -> Response {
    message(StatusCode::NOT_FOUND, "User not found")
}

// ---------------------------------------------------------------------------------------
// Validation

/// A 400 naming the field.
#[derive(Debug)]
struct Invalid {
    field: String,
    problem: String,
}

impl Invalid {
    fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Invalid {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl IntoResponse for Invalid {
    fn into_response(self) -> Response {
        message(
            StatusCode::BAD_REQUEST,
            &format!("{}: {}", self.field, self.problem),
        )
    }
}

type Fields = HashMap<String, Box<RawValue>>;

/// The top-level fields of a JSON object, values kept as raw text (so amounts stay exact).
fn parse_object(json: &[u8], what: &str) -> Result<Fields, Invalid> {
    match serde_json::from_slice::<Fields>(json) {
        Ok(fields) => Ok(fields),
        Err(e) => match serde_json::from_slice::<serde::de::IgnoredAny>(json) {
            Ok(_) => Err(Invalid::new(what, "must be a JSON object")),
            Err(_) => Err(Invalid::new(what, format!("malformed JSON: {e}"))),
        },
    }
}

/// A field's raw value, `None` when absent or null.
fn field<'a>(fields: &'a Fields, name: &str) -> Option<&'a RawValue> {
    fields.get(name).map(|v| &**v).filter(|v| v.get() != "null")
}

fn optional_text(fields: &Fields, name: &str, path: &str) -> Result<Option<String>, Invalid> {
    let Some(raw) = field(fields, name) else {
        return Ok(None);
    };
    let text: String =
        serde_json::from_str(raw.get()).map_err(|_| Invalid::new(path, "must be a string"))?;
    if text.trim().is_empty() {
        return Err(Invalid::new(path, "must not be blank"));
    }
    if text.chars().count() > MAX_TEXT_LEN {
        return Err(Invalid::new(
            path,
            format!("must be at most {MAX_TEXT_LEN} characters"),
        ));
    }
    Ok(Some(text))
}

fn required_text(fields: &Fields, name: &str, path: &str) -> Result<String, Invalid> {
    optional_text(fields, name, path)?.ok_or_else(|| Invalid::new(path, "is required"))
}

fn optional_country(fields: &Fields, name: &str) -> Result<Option<CountryCode>, Invalid> {
    optional_text(fields, name, name)?
        .map(|code| {
            CountryCode::from_alpha2(&code)
                .map_err(|_| Invalid::new(name, "must be an ISO 3166-1 alpha-2 code"))
        })
        .transpose()
}

fn optional_date(fields: &Fields, name: &str) -> Result<Option<Date>, Invalid> {
    optional_text(fields, name, name)?
        .map(|text| {
            text.parse::<Date>()
                .map_err(|_| Invalid::new(name, "must be a date written YYYY-MM-DD"))
        })
        .transpose()
}

fn parse_check(body: &[u8]) -> Result<CheckRequest, Invalid> {
    let fields = parse_object(body, "body")?;
    let transaction_customer_id =
        required_text(&fields, "transactionCustomerId", "transactionCustomerId")?;
    optional_text(&fields, "transactionHash", "transactionHash")?;
    let coin = required_text(&fields, "coin", "coin")?;
    let coin = CoinId::new(coin).map_err(|_| {
        Invalid::new(
            "coin",
            "must be a CoinGecko coin id such as \"bitcoin-cash\" (lower case, not a ticker)",
        )
    })?;
    let wallet_id = required_text(&fields, "walletId", "walletId")?;

    let raw_outputs =
        field(&fields, "outputs").ok_or_else(|| Invalid::new("outputs", "is required"))?;
    let raw_outputs: Vec<Box<RawValue>> = serde_json::from_str(raw_outputs.get())
        .map_err(|_| Invalid::new("outputs", "must be an array"))?;
    if raw_outputs.is_empty() {
        return Err(Invalid::new("outputs", "must have at least one output"));
    }
    if raw_outputs.len() > MAX_OUTPUTS {
        return Err(Invalid::new(
            "outputs",
            format!("must have at most {MAX_OUTPUTS} outputs"),
        ));
    }
    let mut outputs = Vec::with_capacity(raw_outputs.len());
    for (i, raw) in raw_outputs.iter().enumerate() {
        let at = format!("outputs[{i}]");
        let o = parse_object(raw.get().as_bytes(), &at)?;
        let destination = required_text(&o, "destination", &format!("{at}.destination"))?;
        if destination.starts_with(THREAT_PREFIX) && listed_destination(&destination).is_none() {
            return Err(Invalid::new(
                format!("{at}.destination"),
                format!(
                    "{THREAT_PREFIX} addresses must name a documented threat code, such as {THREAT_PREFIX}50101"
                ),
            ));
        }
        let amount_at = format!("{at}.amount");
        let amount = field(&o, "amount").ok_or_else(|| Invalid::new(&amount_at, "is required"))?;
        let amount: Amount = serde_json::from_str(amount.get()).map_err(|_| {
            Invalid::new(
                &amount_at,
                "must be a decimal amount, as a string (\"356\") or a number",
            )
        })?;
        if !amount.is_positive() {
            return Err(Invalid::new(amount_at, "must be greater than zero"));
        }
        let user_id = required_text(&o, "userId", &format!("{at}.userId"))?;
        outputs.push(Output {
            destination,
            amount,
            user_id,
        });
    }
    Ok(CheckRequest {
        transaction_customer_id,
        coin,
        wallet_id,
        outputs,
    })
}

/// Validates a registration; returns the user id.
fn parse_create_user(body: &[u8]) -> Result<String, Invalid> {
    let fields = parse_object(body, "body")?;
    let user_id = required_text(&fields, "userId", "userId")?;
    required_text(&fields, "firstName", "firstName")?;
    required_text(&fields, "lastName", "lastName")?;
    optional_date(&fields, "dob")?;
    optional_country(&fields, "residenceCountry")?
        .ok_or_else(|| Invalid::new("residenceCountry", "is required"))?;
    optional_country(&fields, "nationality")?;
    Ok(user_id)
}

fn parse_update_user(body: &[u8]) -> Result<(), Invalid> {
    let fields = parse_object(body, "body")?;
    optional_text(&fields, "firstName", "firstName")?;
    optional_text(&fields, "lastName", "lastName")?;
    optional_country(&fields, "residenceCountry")?;
    optional_date(&fields, "dob")?;
    Ok(())
}

/// Validates a plan body; returns `levelUsd` when present.
fn parse_plan(body: &[u8]) -> Result<Option<Decimal>, Invalid> {
    let fields = parse_object(body, "body")?;
    let Some(raw) = field(&fields, "levelUsd") else {
        return Ok(None);
    };
    let text = raw.get();
    let is_number = text
        .bytes()
        .next()
        .is_some_and(|b| b == b'-' || b.is_ascii_digit());
    let level = is_number
        .then(|| Amount::parse(text).ok())
        .flatten()
        .ok_or_else(|| Invalid::new("levelUsd", "must be a number of US dollars, such as 1000"))?;
    if !level.is_positive() {
        return Err(Invalid::new("levelUsd", "must be greater than zero"));
    }
    Ok(Some(level.decimal()))
}

fn path_user_id(user_id: Result<Path<String>, PathRejection>) -> Result<String, Invalid> {
    let Path(user_id) =
        user_id.map_err(|_| Invalid::new("userId", "is not a valid path segment"))?;
    if user_id.trim().is_empty() {
        return Err(Invalid::new("userId", "must not be blank"));
    }
    if user_id.chars().count() > MAX_TEXT_LEN {
        return Err(Invalid::new(
            "userId",
            format!("must be at most {MAX_TEXT_LEN} characters"),
        ));
    }
    Ok(user_id)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn listed_destinations() {
        assert_eq!(
            listed_destination("SANDBOX-THREAT-50101"),
            Some(ThreatCode::SanctionedAddress)
        );
        assert_eq!(
            listed_destination("SANDBOX-THREAT-50115-second"),
            Some(ThreatCode::Ransomware)
        );
        assert_eq!(listed_destination("SANDBOX-THREAT-50309"), None);
        assert_eq!(listed_destination("SANDBOX-THREAT-501011"), None);
        assert_eq!(listed_destination("SANDBOX-THREAT-5010"), None);
        assert_eq!(listed_destination("sandbox-threat-50101"), None);
        assert_eq!(
            listed_destination("1SanctionedDemoAddr7Fh3Kq9Wm2Xp5Lt"),
            Some(ThreatCode::SanctionedAddress)
        );
        for code in ThreatCode::ALL {
            assert_eq!(
                listed_destination(&format!("{THREAT_PREFIX}{}", code.code())),
                Some(*code)
            );
        }
    }

    #[test]
    fn every_rate_parses() {
        for (coin, _) in USD_RATES {
            assert!(CoinId::new(*coin).is_ok(), "{coin}");
            assert!(usd_rate(coin).unwrap().is_positive(), "{coin}");
        }
    }

    #[test]
    fn windows_expire() {
        let mut w = Window::default();
        w.add(100, Decimal::from(5));
        w.add(100, Decimal::from(1));
        w.add(200, Decimal::from(2));
        assert_eq!(w.entries.len(), 2);
        assert_eq!(w.total(100 + HOUR - 1, HOUR), Decimal::from(8));
        assert_eq!(w.total(100 + HOUR, HOUR), Decimal::from(2));
        assert_eq!(w.total(200 + HOUR, HOUR), Decimal::ZERO);
    }
}
