//! The sandbox's own HTTP/1 server loop (hyper), so that a `drop` fault can close a
//! connection without an answer, which `axum::serve` cannot do.

use std::fmt;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower::ServiceExt;

use crate::faults::DropConnection;
use crate::{Sandbox, log};

/// The error that makes hyper close a connection without answering.
#[derive(Debug)]
struct Dropped;

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by a sandbox fault rule")
    }
}

impl std::error::Error for Dropped {}

/// One request: the front door ([`log::front`]), then the routes.
async fn answer(
    sandbox: Sandbox,
    router: Router,
    request: Request<Incoming>,
) -> Result<Response, Dropped> {
    let next = |request| async move {
        match router.oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    };
    let response = log::front(&sandbox, request.map(Body::new), next).await;
    if response.extensions().get::<DropConnection>().is_some() {
        Err(Dropped)
    } else {
        Ok(response)
    }
}

/// Accepts connections until `shutdown` fires (or its sender is dropped), then lets the
/// open ones finish. `router` is [`Sandbox::router`] without the front door, which
/// [`answer`] applies itself.
pub(crate) async fn serve(
    listener: TcpListener,
    sandbox: Sandbox,
    router: Router,
    shutdown: oneshot::Receiver<()>,
) {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait a little rather than spin.
                tracing::warn!(target: "payments_sandbox", error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let router = router.clone();
        let sandbox = sandbox.clone();
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            answer(sandbox.clone(), router.clone(), request)
        });
        // No timer, as with `axum::serve`: arming hyper's header-read timeout costs a timer
        // registration per request.
        let connection = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(target: "payments_sandbox", error = %e, "connection closed");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
}
