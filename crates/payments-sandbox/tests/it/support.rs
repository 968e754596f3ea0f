//! A started sandbox with a fixed clock, a client and a raw HTTP client.

use coincover_api::{
    Amount, CheckTransaction, Client, CoinId, Environment, TransactionCheck, TransactionOutput,
};
use payments_sandbox::SandboxClock;
use payments_sandbox::{Provider, RunningSandbox, Sandbox, SandboxConfig};

/// 2023-11-14T22:13:20Z.
pub const START: u64 = 1_700_000_000;

pub struct Harness {
    pub running: RunningSandbox,
    pub clock: SandboxClock,
    pub client: Client,
    pub http: reqwest::Client,
}

pub async fn start() -> Harness {
    start_with(SandboxConfig::default()).await
}

pub async fn start_with(config: SandboxConfig) -> Harness {
    let clock = SandboxClock::fixed(START);
    let running = Sandbox::start(config.with_clock(clock.clone()))
        .await
        .unwrap();
    let client = Client::new(
        Environment::Custom(running.url(Provider::CoinCover)),
        running.credentials().coincover_token.clone(),
    )
    .unwrap();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    Harness {
        running,
        clock,
        client,
        http,
    }
}

/// An answer from the router, in-process.
pub struct Answer {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request to `sandbox`'s router in-process with tower's `oneshot`: no socket, the
/// same state as the running server's.
pub async fn oneshot(
    sandbox: &Sandbox,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: impl Into<axum::body::Body>,
) -> Answer {
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = sandbox
        .router()
        .oneshot(request.body(body.into()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// A raw answer.
pub struct Raw {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: String,
}

impl Raw {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    pub fn message(&self) -> String {
        self.json()["message"].as_str().unwrap().to_owned()
    }
}

impl Harness {
    pub fn token(&self) -> String {
        self.running.credentials().coincover_token.clone()
    }

    /// A CoinCover request with the right token.
    pub async fn coincover(&self, method: &str, path: &str, body: &str) -> Raw {
        let auth = format!("Bearer {}", self.token());
        self.raw(method, &format!("/coincover{path}"), Some(&auth), body)
            .await
    }

    /// Any request; `authorization` is the whole header value.
    pub async fn raw(
        &self,
        method: &str,
        path: &str,
        authorization: Option<&str>,
        body: &str,
    ) -> Raw {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(auth) = authorization {
            headers.push(("authorization", auth));
        }
        let answer = oneshot(
            self.running.sandbox(),
            method,
            path,
            &headers,
            body.to_owned(),
        )
        .await;
        Raw {
            status: answer.status,
            content_type: answer
                .headers
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned()),
            body: answer.text(),
        }
    }

    /// A check through the client.
    pub async fn check(
        &self,
        id: &str,
        coin: &str,
        wallet: &str,
        outputs: &[(&str, &str, &str)],
    ) -> TransactionCheck {
        self.client
            .check_transaction(&tx(id, coin, wallet, outputs))
            .await
            .unwrap()
    }

    /// A one-output check of `amount` tether (1 USD each) for `user`.
    pub async fn usd(&self, id: &str, user: &str, amount: &str) -> TransactionCheck {
        self.check(
            id,
            "tether",
            &format!("wallet-of-{user}"),
            &[("0xd3571na710n0000000000000000000000000001", amount, user)],
        )
        .await
    }
}

/// A check; outputs are `(destination, amount, userId)`.
pub fn tx(id: &str, coin: &str, wallet: &str, outputs: &[(&str, &str, &str)]) -> CheckTransaction {
    CheckTransaction::new(
        id,
        CoinId::new(coin).unwrap(),
        wallet,
        outputs
            .iter()
            .map(|(dest, amount, user)| {
                TransactionOutput::new(*dest, amount.parse::<Amount>().unwrap(), *user)
            })
            .collect(),
    )
}
