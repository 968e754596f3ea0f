//! Shared helpers: clients pointed at local servers, the catch-all mock, fixtures, and the
//! documented examples built through the typed API.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Date,
    Environment, RetryPolicy, Timeouts, TransactionOutput, UpdatePlan, UpdateUser,
};
use httpmock::{HttpMockRequest, HttpMockResponse, Mock, MockServer};
use payments_core::bytes::Bytes;
use payments_core::transport::SendFuture;
use payments_core::{ReqwestTransport, Transport};

/// The token every test client sends (except the redaction tests, which use their own).
pub(crate) const TOKEN: &str = "test-token";

/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("coincover-api-rs/", env!("CARGO_PKG_VERSION"));

/// The status the catch-all mock answers with: not one CoinCover uses, so it stands out.
pub(crate) const UNMATCHED: u16 = 599;

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

/// A client for `base_url` with [`TOKEN`] and `retry`.
pub(crate) fn client(base_url: String, retry: RetryPolicy) -> Client {
    Client::builder(Environment::Custom(base_url), TOKEN)
        .retry(retry)
        .timeouts(test_timeouts())
        .build()
        .unwrap()
}

/// Registers, LAST, a mock that matches anything and answers [`UNMATCHED`] with a body
/// naming the request: httpmock tries mocks in the order they were created, so this one
/// only sees requests no other mock matched, and a wrong URL or body fails readably.
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

/// `fixtures/coincover/docs`.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coincover/docs"
    ))
}

/// A fixture file, parsed.
pub(crate) fn fixture(name: &str) -> serde_json::Value {
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The documented check-transaction example, built through the typed API.
pub(crate) fn documented_check() -> CheckTransaction {
    CheckTransaction::new(
        "b27f38b9-5158-4b4b-ae2f-a030852f98cd",
        CoinId::new("bitcoin-cash").unwrap(),
        "1FjgpyeeWTRd7BxTXHEL2rjCj8",
        vec![TransactionOutput::new(
            "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh",
            "356".parse::<Amount>().unwrap(),
            "27a73667-fb36-4708-822f-8b2c79cb817e",
        )],
    )
    .with_transaction_hash("GL8636339870050078")
}

/// The documented create-user example.
pub(crate) fn documented_create_user() -> CreateUser {
    CreateUser::new("jb001", "Joe", "Blogs", us())
        .with_dob("1975-05-01".parse::<Date>().unwrap())
        .with_nationality(us())
}

/// The documented update-user example.
pub(crate) fn documented_update_user() -> UpdateUser {
    UpdateUser::new("jb001")
        .first_name("Joe")
        .last_name("Blogs")
        .residence_country(us())
}

/// The documented create-plan example.
pub(crate) fn documented_create_plan() -> CreatePlan {
    CreatePlan::new("jb001", Amount::from(1000))
}

/// The documented update-plan example.
pub(crate) fn documented_update_plan() -> UpdatePlan {
    UpdatePlan::new("jb001", Amount::from(500))
}

pub(crate) fn us() -> CountryCode {
    CountryCode::from_alpha2("US").unwrap()
}

/// A loopback port nothing listens on: bound, then released.
pub(crate) fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    port
}

/// The default reqwest transport, counting the attempts that go through it: for failures
/// no server can count (connection refused).
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
