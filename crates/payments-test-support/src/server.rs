//! A tiny scripted HTTP/1.1 server on 127.0.0.1 for tests: it answers requests with a
//! list of [`Reply`]s in order (the last one repeats) and records every request it fully
//! read as a [`Recorded`].
//!
//! One request per connection: every reply carries `connection: close` and the socket is
//! closed after it, so each attempt of a client is one connection and one count in
//! [`ScriptedServer::hits`]. Use it where the order of answers matters (retries,
//! timeouts, truncated bodies); it needs a running tokio runtime.
//!
//! ```no_run
//! use payments_test_support::server::{Reply, ScriptedServer};
//!
//! # async fn run() {
//! let server = ScriptedServer::start([
//!     Reply::status(503),
//!     Reply::json(200, r#"{"ok":true}"#),
//! ])
//! .await;
//! // … point a client at `server.base_url()` …
//! assert_eq!(server.hits(), 0);
//! # }
//! ```

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use http::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
    content_length: bool,
    echo: Option<Echo>,
}

/// How a reply echoes the request it answers (see [`Reply::echo`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Echo {
    /// An HTML error page, as a gateway shows: every request header as `Name: value`.
    Html,
    /// A JSON error: `{"message": "<every header>", "errors": {<header>: [<value>]}}`.
    Json,
    /// Every request header as plain `Name: value` lines (not JSON).
    Text,
}

impl Reply {
    /// An answer with `status` and an empty body.
    pub fn status(status: u16) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: Duration::ZERO,
            content_length: true,
            echo: None,
        }
    }

    /// An answer with `status`, `content-type: application/json` and `body`.
    pub fn json(status: u16, body: &str) -> Self {
        Reply::status(status)
            .header("content-type", "application/json")
            .body(body)
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Answers with the request's own headers in the body, as a careless server or gateway
    /// does: what the client must keep out of its errors and logs (in memory only).
    pub fn echo(mut self, how: Echo) -> Self {
        self.echo = Some(how);
        self
    }

    /// Waits this long after reading the request before answering.
    pub fn delay(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }

    /// Sends no `Content-Length`: the body ends when the connection closes.
    pub fn without_content_length(mut self) -> Self {
        self.content_length = false;
        self
    }

    fn encode(&self) -> Vec<u8> {
        let reason = StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Whatever");
        let mut head = format!("HTTP/1.1 {} {reason}\r\nconnection: close\r\n", self.status);
        if self.content_length {
            head.push_str(&format!("content-length: {}\r\n", self.body.len()));
        }
        for (n, v) in &self.headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        head.push_str("\r\n");
        let mut out = head.into_bytes();
        out.extend_from_slice(&self.body);
        out
    }
}

/// A request the server read completely.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The method, as sent (`GET`, `POST`, …).
    pub method: String,
    /// The raw request target from the request line (path and query, not decoded).
    pub path: String,
    /// The headers in order, names lower-cased, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The body bytes (exactly `Content-Length` of them).
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
struct State {
    script: VecDeque<Reply>,
    last: Option<Reply>,
    requests: Vec<Recorded>,
}

/// Locks the state; a panic elsewhere in a test must not hide what was recorded.
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The running server; stops accepting when dropped.
#[derive(Debug)]
pub struct ScriptedServer {
    base_url: String,
    state: Arc<Mutex<State>>,
    accept: JoinHandle<()>,
}

impl ScriptedServer {
    /// Starts a server answering with `script` in order, repeating the last reply.
    ///
    /// With an empty script every request is answered `418` naming the request.
    ///
    /// # Panics
    ///
    /// If no port can be bound on 127.0.0.1 (see [`ScriptedServer::try_start`]), or when
    /// called outside a tokio runtime.
    pub async fn start(script: impl IntoIterator<Item = Reply>) -> Self {
        match Self::try_start(script).await {
            Ok(server) => server,
            Err(e) => panic!("scripted server: cannot bind 127.0.0.1: {e}"),
        }
    }

    /// Like [`ScriptedServer::start`], returning the error if no port can be bound.
    ///
    /// # Errors
    ///
    /// The I/O error of binding or inspecting the listening socket.
    pub async fn try_start(script: impl IntoIterator<Item = Reply>) -> io::Result<Self> {
        let script: VecDeque<Reply> = script.into_iter().collect();
        let last = script.back().cloned();
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let state = Arc::new(Mutex::new(State {
            script,
            last,
            requests: Vec::new(),
        }));
        let accept_state = state.clone();
        let accept = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, accept_state.clone()));
            }
        });
        Ok(ScriptedServer {
            base_url,
            state,
            accept,
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Appends `reply` to the script; it becomes the reply that repeats. For replies that
    /// need the server's own URL (a redirect's `location`): start with an empty script,
    /// then push them.
    pub fn push(&self, reply: Reply) {
        let mut s = lock(&self.state);
        s.last = Some(reply.clone());
        s.script.push_back(reply);
    }

    /// How many requests were read completely.
    pub fn hits(&self) -> usize {
        lock(&self.state).requests.len()
    }

    /// The requests read so far, in order of arrival.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state).requests.clone()
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    let reply = {
        let mut s = lock(&state);
        let what = format!("{} {}", request.method, request.path);
        s.requests.push(request);
        match s.script.pop_front().or_else(|| s.last.clone()) {
            Some(reply) => reply,
            None => Reply::status(418).body(format!("scripted server: no reply for {what}")),
        }
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    // The client may have given up (timeouts): write errors are expected then.
    let _ = stream.write_all(&reply.encode()).await;
    let _ = stream.shutdown().await;
}

const MAX_REQUEST: usize = 1 << 20;

async fn read_request(stream: &mut TcpStream) -> Option<Recorded> {
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() > MAX_REQUEST {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let path = request_line.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || body.len() > MAX_REQUEST {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    Some(Recorded {
        method,
        path,
        headers,
        body,
    })
}

/// The same script as [`ScriptedServer`], answered in memory: a [`Transport`] for tests
/// where a socket adds nothing (request shapes, decoding). Each request is recorded as the
/// client sent it, the full URL's path and query as its `path`; the replies' `delay` is
/// honoured, `without_content_length` has no meaning here.
///
/// [`Transport`]: payments_core::Transport
#[derive(Debug, Clone)]
pub struct MemoryTransport {
    state: Arc<Mutex<State>>,
}

impl MemoryTransport {
    /// A transport answering with `script` in order (the last reply repeats).
    pub fn new(script: impl IntoIterator<Item = Reply>) -> Self {
        MemoryTransport {
            state: Arc::new(Mutex::new(State {
                script: script.into_iter().collect(),
                last: None,
                requests: Vec::new(),
            })),
        }
    }

    /// How many requests were sent.
    pub fn hits(&self) -> usize {
        lock(&self.state).requests.len()
    }

    /// Every request sent so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state).requests.clone()
    }

    /// The only request sent; panics (a test helper) when there was not exactly one.
    pub fn single(&self) -> Recorded {
        let requests = self.requests();
        assert_eq!(
            requests.len(),
            1,
            "expected exactly one request: {requests:#?}"
        );
        requests
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!())
    }
}

impl payments_core::Transport for MemoryTransport {
    fn send(
        &self,
        req: http::Request<bytes::Bytes>,
        _max_body: usize,
    ) -> payments_core::transport::SendFuture<'_> {
        let (parts, body) = req.into_parts();
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
        let recorded = Recorded {
            method: parts.method.as_str().to_owned(),
            path,
            headers: parts
                .headers
                .iter()
                .map(|(n, v)| {
                    (
                        n.as_str().to_owned(),
                        String::from_utf8_lossy(v.as_bytes()).trim().to_owned(),
                    )
                })
                .collect(),
            body: body.to_vec(),
        };
        let recorded_headers = recorded.headers.clone();
        let reply = {
            let mut state = lock(&self.state);
            state.requests.push(recorded);
            let next = state.script.pop_front();
            if let Some(r) = &next {
                state.last = Some(r.clone());
            }
            next.or_else(|| state.last.clone())
                .unwrap_or_else(|| Reply::status(500).body("no reply scripted"))
        };
        let reply = match reply.echo {
            Some(how) => {
                let body = echo_body(how, &recorded_headers);
                reply.body(body)
            }
            None => reply,
        };
        Box::pin(async move {
            if !reply.delay.is_zero() {
                tokio::time::sleep(reply.delay).await;
            }
            let mut builder = http::Response::builder().status(reply.status);
            for (n, v) in &reply.headers {
                builder = builder.header(n.as_str(), v.as_str());
            }
            builder.body(bytes::Bytes::from(reply.body)).map_err(|e| {
                payments_core::transport::TransportError::new(
                    payments_core::transport::TransportFailure::Other,
                    e.to_string(),
                )
            })
        })
    }
}

/// The body of an echoing reply.
fn echo_body(how: Echo, headers: &[(String, String)]) -> Vec<u8> {
    let lines: String = headers.iter().map(|(n, v)| format!("{n}: {v}\n")).collect();
    match how {
        Echo::Html => {
            format!("<html><body><h1>502 Bad Gateway</h1><pre>{lines}</pre></body></html>")
                .into_bytes()
        }
        Echo::Text => lines.into_bytes(),
        Echo::Json => {
            let errors: serde_json::Map<String, serde_json::Value> = headers
                .iter()
                .map(|(n, v)| (n.clone(), serde_json::json!([v])))
                .collect();
            serde_json::json!({ "message": lines, "errors": errors })
                .to_string()
                .into_bytes()
        }
    }
}
