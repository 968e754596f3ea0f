//! Checking that credentials never show: in what an error renders, in Debug output, in logs.

use std::fmt::Write as _;

/// Everything an error shows: its Display, Debug and alternate (`{:#?}`) Debug, then the
/// Display and Debug of every `source()` in its chain, one per line.
pub fn error_renderings<E>(err: &E) -> String
where
    E: std::error::Error + ?Sized,
{
    let mut out = format!("{err}\n{err:?}\n{err:#?}");
    let mut source = err.source();
    while let Some(s) = source {
        let _ = write!(out, "\n{s}\n{s:?}");
        source = s.source();
    }
    out
}

/// Asserts that `text`, what `what` rendered, is not empty (so the check looks at
/// something) and contains none of `secrets`. Panics (it is a test helper) naming `what`
/// and the secret found.
#[track_caller]
pub fn assert_no_leak<S: AsRef<str>>(what: &str, text: &str, secrets: impl IntoIterator<Item = S>) {
    assert!(!text.is_empty(), "{what}: nothing rendered");
    for secret in secrets {
        let secret = secret.as_ref();
        assert!(!text.contains(secret), "{what} leaks {secret:?}: {text}");
    }
}

/// Header names whose values are credentials a client sends.
const CREDENTIAL_HEADERS: &[&str] = &[
    "authorization",
    "x-auth-token",
    "x-processing-key",
    "x-processing-signature",
    "x-auth-signature",
];

/// Makes a server echo the request's credentials back (an HTML gateway page, a JSON error
/// naming them, a success body that does not decode) and asserts that none of `secrets`,
/// nor any credential header value the client actually sent, shows in the error's
/// Display, Debug or source chain, or in the tracing output of the call.
///
/// `call` sends one request through the provider's client over the given transport.
pub async fn assert_echoed_credentials_never_show(
    secrets: &[&str],
    mut call: impl AsyncFnMut(crate::MemoryTransport) -> Result<(), payments_core::Error>,
) {
    use crate::server::{Echo, Reply};
    for (status, how) in [(502, Echo::Html), (400, Echo::Json), (200, Echo::Text)] {
        let mem = crate::MemoryTransport::new([Reply::status(status).echo(how)]);
        let capture = crate::Capturing::start();
        let err = match call(mem.clone()).await {
            Ok(()) => panic!("{status} {how:?}: the call succeeded"),
            Err(e) => e,
        };
        let log = capture.text();
        drop(capture);
        let mut all: Vec<String> = secrets.iter().map(|s| (*s).to_owned()).collect();
        for request in mem.requests() {
            for (name, value) in &request.headers {
                if CREDENTIAL_HEADERS.contains(&name.as_str()) {
                    all.push(value.clone());
                    if let Some(token) = value.strip_prefix("Bearer ") {
                        all.push(token.to_owned());
                    }
                }
            }
        }
        assert!(mem.hits() > 0, "{status} {how:?}: nothing was sent");
        let what = format!("{status} {how:?} error");
        assert_no_leak(&what, &error_renderings(&err), &all);
        assert_no_leak(&format!("{status} {how:?} trace"), &log, &all);
    }
}
