//! Shared helpers: clients over the in-memory transport or pointed at local servers,
//! fixtures, and the documented examples built through the typed API.

use std::path::PathBuf;
use std::sync::Arc;

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, CountryCode, CreatePlan, CreateUser, Date,
    Environment, RetryPolicy, TransactionOutput, UpdatePlan, UpdateUser,
};
use payments_core::Operation;
pub(crate) use payments_test_support::server::{Recorded, Reply, ScriptedServer};
pub(crate) use payments_test_support::{
    CountingTransport, MemoryTransport, closed_port, fast_retry, read_json, test_timeouts,
};
use payments_test_support::{DocFixture, fixture_files};

/// The token every test client sends (except the redaction tests, which use their own).
pub(crate) const TOKEN: &str = "test-token";

/// The `User-Agent` the client sends.
pub(crate) const USER_AGENT: &str = concat!("coincover-api-rs/", env!("CARGO_PKG_VERSION"));

/// The base URL of the in-memory clients; the recorded paths are below it.
const MEMORY_BASE: &str = "http://coincover.test";

/// A client for `base_url` with [`TOKEN`] and `retry`.
pub(crate) fn client(base_url: String, retry: RetryPolicy) -> Client {
    Client::builder(Environment::Custom(base_url), TOKEN)
        .retry(retry)
        .timeouts(test_timeouts())
        .build()
        .unwrap()
}

/// A client with [`TOKEN`] and `retry` whose requests go to `mem`, answered by its script.
pub(crate) fn memory_client(mem: &MemoryTransport, retry: RetryPolicy) -> Client {
    Client::builder(Environment::Custom(MEMORY_BASE.into()), TOKEN)
        .retry(retry)
        .timeouts(test_timeouts())
        .transport(Arc::new(mem.clone()))
        .build()
        .unwrap()
}

/// A transport answering `script` in order (the last reply repeats) and a client without
/// retries sending to it.
pub(crate) fn memory(script: impl IntoIterator<Item = Reply>) -> (MemoryTransport, Client) {
    let mem = MemoryTransport::new(script);
    let client = memory_client(&mem, RetryPolicy::none());
    (mem, client)
}

/// Asserts what reached the transport: method, path, every header the client sets (the
/// bearer token written out here, not taken from the client) and the exact body bytes.
#[track_caller]
pub(crate) fn assert_sent(r: &Recorded, method: &str, path: &str, body: &str) {
    assert_eq!((r.method.as_str(), r.path.as_str()), (method, path));
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("user-agent"), Some(USER_AGENT));
    let length = body.len().to_string();
    assert_eq!(r.header("content-length"), Some(length.as_str()));
    assert_eq!(
        String::from_utf8_lossy(&r.body),
        body,
        "{method} {path}: body"
    );
}

/// `fixtures/coincover/docs`.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coincover/docs"
    ))
}

/// `fixtures/coincover/recorded`.
pub(crate) fn recorded_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/coincover/recorded"
    ))
}

/// A fixture file, parsed.
pub(crate) fn fixture(name: &str) -> serde_json::Value {
    read_json(fixtures_dir().join(name))
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

/// The input document of a documented request: its body with the path parameters (read
/// from the documented path against the operation's template) added as top-level fields,
/// the body's text kept exactly (amounts keep their digits).
pub(crate) fn input_document(template: &str, path: &str, body: &str) -> String {
    let template: Vec<&str> = template.split('/').collect();
    let concrete: Vec<&str> = path.split('/').collect();
    assert_eq!(
        template.len(),
        concrete.len(),
        "{path} does not fit {template:?}"
    );
    let mut params = Vec::new();
    for (t, c) in template.iter().zip(&concrete) {
        match t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(name) => params.push(format!(
                "{}:{}",
                serde_json::json!(name),
                serde_json::json!(c)
            )),
            None => assert_eq!(t, c, "{path} does not fit {template:?}"),
        }
    }
    let body = body.trim();
    if params.is_empty() {
        return body.to_owned();
    }
    let rest = body
        .strip_prefix('{')
        .expect("a JSON object body")
        .trim_start();
    if rest.starts_with('}') {
        format!("{{{}}}", params.join(","))
    } else {
        format!("{{{},{rest}", params.join(","))
    }
}

/// The documented request of `op`: its input document and its documented path.
pub(crate) fn documented_input(op: &Operation) -> (String, String) {
    let fx = DocFixture::read(fixtures_dir().join(format!("{}.request.json", op.name)));
    let path = fx
        .path
        .unwrap_or_else(|| panic!("{}: the request fixture shows no path", op.name));
    (input_document(op.path, &path, fx.body.get()), path)
}

/// The documented response of `op` (`<name>.response.<status>.json`), and a reply giving
/// it: its status, and its body text as transcribed (none for "no response body").
pub(crate) fn documented_response(op: &Operation) -> (DocFixture, Reply) {
    let prefix = format!("{}.response.", op.name);
    let (_, path) = fixture_files(fixtures_dir())
        .into_iter()
        .find(|(name, _)| name.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{}: no documented response", op.name));
    let fx = DocFixture::read(path);
    let status = fx
        .status
        .unwrap_or_else(|| panic!("{}: no status", op.name));
    let reply = match fx.body.get() {
        "null" => Reply::status(status),
        text => Reply::json(status, text),
    };
    (fx, reply)
}
