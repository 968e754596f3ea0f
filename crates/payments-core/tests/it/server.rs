//! A tiny scripted HTTP/1.1 server on 127.0.0.1: answers with the scripted replies in
//! order (one per request, one request per connection) and records every request as it
//! arrived on the wire (raw request target, headers, body).
//!
//! When the script runs out it answers `418` naming the unexpected request, so a test that
//! sends one request too many fails with a readable error (418 is never retried).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One scripted answer.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    chunked: bool,
    delay: Duration,
    hang: bool,
}

impl Reply {
    /// `status` with an empty body.
    pub(crate) fn status(status: u16) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            chunked: false,
            delay: Duration::ZERO,
            hang: false,
        }
    }

    /// `status` with a JSON body.
    pub(crate) fn json(status: u16, body: &str) -> Self {
        Reply::status(status)
            .header("content-type", "application/json")
            .body(body)
    }

    /// Never answers: reads the request, then keeps the connection open and silent.
    pub(crate) fn hang() -> Self {
        Reply {
            hang: true,
            ..Reply::status(200)
        }
    }

    /// Adds a response header.
    pub(crate) fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the body.
    pub(crate) fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Sends the body with `Transfer-Encoding: chunked` (no `Content-Length`).
    pub(crate) fn chunked(mut self) -> Self {
        self.chunked = true;
        self
    }

    /// Waits this long before answering.
    pub(crate) fn delay(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }
}

/// A request as received.
#[derive(Debug, Clone)]
pub(crate) struct Recorded {
    /// The method.
    pub(crate) method: String,
    /// The raw request target from the request line (path and query, not decoded).
    pub(crate) target: String,
    /// The headers, names lower-cased, in order.
    pub(crate) headers: Vec<(String, String)>,
    /// The body bytes.
    pub(crate) body: Vec<u8>,
}

impl Recorded {
    /// The first value of a header (name compared case-insensitively).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct State {
    script: Mutex<VecDeque<Reply>>,
    requests: Mutex<Vec<Recorded>>,
}

/// The running server; stops when dropped.
pub(crate) struct ScriptedServer {
    addr: SocketAddr,
    state: Arc<State>,
    task: JoinHandle<()>,
}

impl ScriptedServer {
    /// Starts a server answering `script` in order.
    pub(crate) async fn start(script: impl IntoIterator<Item = Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State {
            script: Mutex::new(script.into_iter().collect()),
            requests: Mutex::default(),
        });
        let st = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, st.clone()));
            }
        });
        ScriptedServer { addr, state, task }
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The requests received so far, in order.
    pub(crate) fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().unwrap().clone()
    }

    /// How many scripted replies are still unused.
    pub(crate) fn remaining(&self) -> usize {
        self.state.script.lock().unwrap().len()
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(stream: TcpStream, state: Arc<State>) {
    let mut stream = BufReader::new(stream);
    let Some(req) = read_request(&mut stream).await else {
        return;
    };
    let what = format!("{} {}", req.method, req.target);
    state.requests.lock().unwrap().push(req);
    let reply = state.script.lock().unwrap().pop_front();
    let reply = reply.unwrap_or_else(|| {
        Reply::status(418).body(format!("scripted server: no reply left for {what}"))
    });
    if reply.hang {
        tokio::time::sleep(Duration::from_secs(60)).await;
        return;
    }
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let reason = http::StatusCode::from_u16(reply.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown");
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nconnection: close\r\n",
        reply.status
    );
    for (n, v) in &reply.headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    let mut out = Vec::new();
    if reply.chunked {
        head.push_str("transfer-encoding: chunked\r\n\r\n");
        out.extend_from_slice(head.as_bytes());
        for chunk in reply.body.chunks(100) {
            out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            out.extend_from_slice(chunk);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
    } else {
        head.push_str(&format!("content-length: {}\r\n\r\n", reply.body.len()));
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(&reply.body);
    }
    // The client may have given up already (timeouts): ignore write errors.
    let stream = stream.get_mut();
    let _ = stream.write_all(&out).await;
    let _ = stream.shutdown().await;
}

async fn read_request(stream: &mut BufReader<TcpStream>) -> Option<Recorded> {
    let mut line = String::new();
    stream.read_line(&mut line).await.ok()?;
    let mut parts = line.trim_end().splitn(3, ' ');
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if stream.read_line(&mut h).await.ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (n, v) = h.split_once(':')?;
        headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
    }
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if let Some(len) = get("content-length") {
        let len: usize = len.parse().ok()?;
        body.resize(len, 0);
        stream.read_exact(&mut body).await.ok()?;
    } else if get("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            stream.read_line(&mut size).await.ok()?;
            let size = usize::from_str_radix(size.trim(), 16).ok()?;
            let mut chunk = vec![0; size + 2];
            stream.read_exact(&mut chunk).await.ok()?;
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    }
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}
