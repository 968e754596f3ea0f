//! Shared helpers: clients over the in-memory transport or pointed at local servers, the
//! catch-all mock, fixtures and the table rows they document, an independent signature,
//! and the documented requests built through the typed API.

use std::path::PathBuf;
use std::sync::Arc;

use coinspaid_api::{
    Amount, CalculateExchange, Client, ConfirmFutures, Currency, Environment, ExchangeFixed,
    ExchangeNow, GetFuturesRates, ListCurrencyPairs, OPERATIONS, RetryPolicy, TakeAddress,
    WithdrawalCrypto,
};
use hmac::{Hmac, Mac};
use payments_core::Operation;
use payments_test_support::server::Reply;
pub(crate) use payments_test_support::{
    CountingTransport, DocFixture, closed_port, fast_retry, test_timeouts,
};
use payments_test_support::{MemoryTransport, fixture_files, read_json};

/// The public key every test client sends.
pub(crate) const KEY: &str = "test-public-key";
/// The secret every test client signs with.
pub(crate) const SECRET: &str = "test-secret-0123456789";

/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("coinspaid-api-rs/", env!("CARGO_PKG_VERSION"));

/// HMAC-SHA512 of `body` under `secret`, lower-case hex, computed here with the `hmac`
/// crate directly (not through payments-core).
pub(crate) fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<sha2::Sha512>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// A client for `base_url` with [`KEY`], [`SECRET`] and `retry`, for tests over sockets.
#[allow(
    dead_code,
    reason = "for tests/it/replay.rs, which is being moved separately"
)]
pub(crate) fn client(base_url: String, retry: RetryPolicy) -> Client {
    Client::builder(Environment::Custom(base_url), KEY, SECRET)
        .retry(retry)
        .timeouts(test_timeouts())
        .build()
        .unwrap()
}

/// A base URL for clients over the in-memory transport, with the `/api` prefix of the
/// real ones.
pub(crate) const MEMORY_BASE: &str = "http://coinspaid.test/api";

/// A client with [`KEY`], [`SECRET`] and `retry` over a [`MemoryTransport`] answering
/// `script` (the last reply repeats); keep the transport to read what was sent.
pub(crate) fn memory_client(
    retry: RetryPolicy,
    script: impl IntoIterator<Item = Reply>,
) -> (Client, MemoryTransport) {
    let mem = MemoryTransport::new(script);
    let client = Client::builder(Environment::Custom(MEMORY_BASE.into()), KEY, SECRET)
        .retry(retry)
        .timeouts(test_timeouts())
        .transport(Arc::new(mem.clone()))
        .build()
        .unwrap();
    (client, mem)
}

/// The answer a documented response fixture shows: its status and its exact body text.
pub(crate) fn documented_reply(fixture_name: &str) -> Reply {
    let fx = DocFixture::read(fixtures_dir().join(fixture_name));
    Reply::json(fx.status.unwrap(), fx.body.get())
}

/// Every documented fixture of `op` (`<name>.request.json`, `<name>.response.201.json`, …)
/// as its file name and contents.
pub(crate) fn documented(op: &Operation) -> Vec<(String, DocFixture)> {
    let prefix = format!("{}.", op.name);
    fixture_files(fixtures_dir())
        .into_iter()
        .filter(|(name, _)| name.starts_with(&prefix))
        .map(|(name, path)| (name, DocFixture::read(path)))
        .collect()
}

/// The documented request fixture of `op`, which every operation has.
pub(crate) fn documented_request(op: &Operation) -> DocFixture {
    let mut requests: Vec<DocFixture> = documented(op)
        .into_iter()
        .filter(|(_, fx)| fx.direction == "request")
        .map(|(_, fx)| fx)
        .collect();
    assert_eq!(requests.len(), 1, "{}: one documented request", op.name);
    requests.remove(0)
}

/// The row of the table named `name`.
pub(crate) fn operation(name: &str) -> &'static Operation {
    OPERATIONS
        .iter()
        .copied()
        .find(|op| op.name == name)
        .unwrap_or_else(|| panic!("no operation {name} in the table"))
}

/// `fixtures/coinspaid/docs`.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coinspaid/docs"
    ))
}

/// A fixture file, parsed.
pub(crate) fn fixture(name: &str) -> serde_json::Value {
    read_json(fixtures_dir().join(name))
}

/// The exact text of a fixture's `body`, as transcribed (number digits kept).
pub(crate) fn fixture_body_text(name: &str) -> String {
    DocFixture::read(fixtures_dir().join(name))
        .body
        .get()
        .to_owned()
}

pub(crate) fn cur(code: &str) -> Currency {
    Currency::new(code).unwrap()
}

pub(crate) fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

/// The documented requests, built from the parameter tables' example values.
pub(crate) fn documented_pairs() -> ListCurrencyPairs {
    ListCurrencyPairs::all()
        .currency_from(cur("BTC"))
        .currency_to(cur("EUR"))
}

pub(crate) fn documented_take_address() -> TakeAddress {
    TakeAddress::new(cur("BTC"), "user-id:2048").convert_to(cur("EUR"))
}

pub(crate) fn documented_withdrawal() -> WithdrawalCrypto {
    WithdrawalCrypto::new(
        "122929",
        amount("3500"),
        cur("EUR"),
        "3D2V3tushw7VLJYnK6vZVDpNcNmEG2a7QK",
    )
    .convert_to(cur("BTC"))
}

pub(crate) fn documented_calculate() -> CalculateExchange {
    CalculateExchange::sending(cur("BTC"), cur("EUR"), amount("3"))
}

pub(crate) fn documented_futures_rates() -> GetFuturesRates {
    GetFuturesRates::new("2MtNqh7mgaYRBQUJ2sMdfDSgpFAH7mM1vtK")
}

pub(crate) fn documented_confirm_futures() -> ConfirmFutures {
    ConfirmFutures::new(
        "2MtNqh7mgaYRBQUJ2sMdfDSgpFAH7mM1vtK",
        cur("BTC"),
        cur("EUR"),
        amount("0.001"),
        amount("3250.268"),
    )
}

pub(crate) fn documented_exchange_fixed() -> ExchangeFixed {
    ExchangeFixed::new(
        cur("LTC"),
        cur("USD"),
        amount("6.5"),
        "134453",
        amount("89.75202000"),
    )
}

pub(crate) fn documented_exchange_now() -> ExchangeNow {
    ExchangeNow::new(cur("EUR"), cur("BTC"), amount("2"), "124876")
}
