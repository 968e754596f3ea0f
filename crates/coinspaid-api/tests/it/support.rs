//! Shared helpers: clients pointed at local servers, the catch-all mock, fixtures, an
//! independent signature, and the documented requests built through the typed API.

use std::path::PathBuf;

use coinspaid_api::{
    Amount, CalculateExchange, Client, ConfirmFutures, Currency, Environment, ExchangeFixed,
    ExchangeNow, GetFuturesRates, ListCurrencyPairs, RetryPolicy, TakeAddress, WithdrawalCrypto,
};
use hmac::{Hmac, Mac};
use httpmock::{HttpMockRequest, HttpMockResponse, Mock, MockServer};
pub(crate) use payments_core::test_util::{
    CountingTransport, closed_port, fast_retry, test_timeouts,
};
use payments_core::test_util::{DocFixture, read_json};

/// The public key every test client sends.
pub(crate) const KEY: &str = "test-public-key";
/// The secret every test client signs with.
pub(crate) const SECRET: &str = "test-secret-0123456789";

/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("coinspaid-api-rs/", env!("CARGO_PKG_VERSION"));

/// The status the catch-all mock answers with: not one CoinsPaid uses, so it stands out.
pub(crate) const UNMATCHED: u16 = 599;

/// HMAC-SHA512 of `body` under `secret`, lower-case hex, computed here with the `hmac`
/// crate directly (not through payments-core).
pub(crate) fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<sha2::Sha512>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// A client for `base_url` with [`KEY`], [`SECRET`] and `retry`.
pub(crate) fn client(base_url: String, retry: RetryPolicy) -> Client {
    Client::builder(Environment::Custom(base_url), KEY, SECRET)
        .retry(retry)
        .timeouts(test_timeouts())
        .build()
        .unwrap()
}

/// Registers, LAST, a mock that matches anything and answers [`UNMATCHED`] with a body
/// naming the request, so a wrong URL, header or body fails readably.
pub(crate) async fn catch_all(server: &MockServer) -> Mock<'_> {
    server
        .mock_async(|when, then| {
            when.any_request();
            then.respond_with(|req: &HttpMockRequest| {
                HttpMockResponse::builder()
                    .status(UNMATCHED)
                    .header("content-type", "text/plain")
                    .body(format!(
                        "no mock matched {} {} headers={:?} body={}",
                        req.method(),
                        req.uri_str(),
                        req.headers_vec(),
                        req.body_string()
                    ))
                    .build()
            });
        })
        .await
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
