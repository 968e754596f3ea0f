//! Capturing the tracing output of one test thread, reliably, while other tests run.

use std::cell::RefCell;
use std::io;
use std::sync::{Arc, Mutex, Once};

use tracing_subscriber::Layer;
use tracing_subscriber::filter::dynamic_filter_fn;
use tracing_subscriber::layer::SubscriberExt;

thread_local! {
    /// Where this thread's tracing output goes while a test captures it.
    static CAPTURE: RefCell<Option<Arc<Mutex<Vec<u8>>>>> = const { RefCell::new(None) };
}

/// Writes into the calling thread's capture buffer.
struct ThreadCapture;

impl io::Write for ThreadCapture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        CAPTURE.with(|c| {
            if let Some(sink) = &*c.borrow() {
                sink.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .extend_from_slice(buf);
            }
        });
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Installs, once per process, a GLOBAL fmt subscriber at TRACE that formats only what
/// happens on a capturing thread.
///
/// Global rather than `set_default`: tracing caches per call site whether anyone is
/// interested, computed with the default of whichever thread reaches the site first. With a
/// thread-local subscriber, a site first reached by another test's thread is cached as
/// "never" and the capture silently misses it. The filter is dynamic so it is asked on
/// every event, on the emitting thread. If the process already has another global
/// subscriber, nothing is installed and captures stay empty.
fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let layer = tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(|| ThreadCapture)
            .with_filter(dynamic_filter_fn(|_, _| {
                CAPTURE.with(|c| c.borrow().is_some())
            }));
        let _ = tracing::subscriber::set_global_default(tracing_subscriber::registry().with(layer));
    });
}

/// Captures the tracing output (TRACE and up) emitted on the current thread until dropped.
/// Use it in a current-thread runtime (`#[tokio::test]`) so the client's work runs on the
/// capturing thread.
///
/// ```
/// let capture = payments_test_support::Capturing::start();
/// tracing::info!(provider = "example", "hello");
/// assert!(capture.text().contains("hello"));
/// ```
#[derive(Debug)]
pub struct Capturing(Arc<Mutex<Vec<u8>>>);

impl Capturing {
    /// Starts capturing on this thread.
    pub fn start() -> Self {
        install();
        let sink = Arc::new(Mutex::new(Vec::new()));
        CAPTURE.with(|c| *c.borrow_mut() = Some(sink.clone()));
        Capturing(sink)
    }

    /// What was captured so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }
}

impl Drop for Capturing {
    fn drop(&mut self) {
        CAPTURE.with(|c| *c.borrow_mut() = None);
    }
}
