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
