//! Shared helpers: clients pointed at local servers, the catch-all mock, fixtures, an
//! independent signature, and the documented requests built through the typed API.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use coinspaid_api::{
    Amount, CalculateExchange, Client, ConfirmFutures, Currency, Environment, ExchangeFixed,
    ExchangeNow, GetFuturesRates, ListCurrencyPairs, RetryPolicy, TakeAddress, Timeouts,
    WithdrawalCrypto,
};
use hmac::{Hmac, Mac};
use httpmock::{HttpMockRequest, HttpMockResponse, Mock, MockServer};
use payments_core::bytes::Bytes;
use payments_core::transport::SendFuture;
use payments_core::{ReqwestTransport, Transport};

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

/// The default policy with a tiny back-off, so retry tests are fast.
pub(crate) fn fast_retry() -> RetryPolicy {
    RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5))
}

/// Generous but finite timeouts for tests that are not about timeouts.
pub(crate) fn test_timeouts() -> Timeouts {
    Timeouts::default()
        .with_connect(Duration::from_secs(5))
        .with_attempt(Duration::from_secs(10))
        .with_call(Duration::from_secs(30))
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
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The exact text of a fixture's `body`, as transcribed (number digits kept).
pub(crate) fn fixture_body_text(name: &str) -> String {
    #[derive(serde::Deserialize)]
    struct F {
        body: Box<serde_json::value::RawValue>,
    }
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let f: F = serde_json::from_str(&text).unwrap();
    f.body.get().to_owned()
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

/// A loopback port nothing listens on: bound, then released.
pub(crate) fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    port
}

/// The default reqwest transport, counting the attempts that go through it.
#[derive(Debug)]
pub(crate) struct CountingTransport {
    inner: ReqwestTransport,
    sends: AtomicUsize,
}

impl CountingTransport {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(CountingTransport {
            inner: ReqwestTransport::new(Duration::from_secs(5)).unwrap(),
            sends: AtomicUsize::new(0),
        })
    }

    pub(crate) fn sends(&self) -> usize {
        self.sends.load(Ordering::SeqCst)
    }
}

impl Transport for CountingTransport {
    fn send(&self, req: payments_core::http::Request<Bytes>, max_body: usize) -> SendFuture<'_> {
        self.sends.fetch_add(1, Ordering::SeqCst);
        self.inner.send(req, max_body)
    }
}
