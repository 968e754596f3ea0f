//! The sandbox's own cost per request, without sockets: CoinCover check-transaction through
//! `Sandbox::router` with tower's `oneshot`, next to a minimal axum handler, on one thread.
//! Where `load` measures the whole exchange (client, hyper, kernel), this isolates what the
//! sandbox adds.
//!
//! ```sh
//! cargo bench -p payments-sandbox --bench router
//! ```
//!
//! Without `--bench` (as under `cargo test --all-targets`) it sends 200 requests per router.
#![allow(missing_docs, clippy::unwrap_used, clippy::print_stdout)]
use axum::body::{Body, Bytes};
use axum::http::{Request, header};
use payments_sandbox::{Sandbox, SandboxConfig};
use std::time::Instant;
use tower::ServiceExt;

fn body(id: &str) -> String {
    format!(
        r#"{{"transactionCustomerId":"{id}","transactionHash":"GL8636339870050078","coin":"bitcoin","walletId":"1FjgpyeeWTRd7BxTXHEL2rjCj8","outputs":[{{"destination":"16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh","amount":"0.000001","userId":"27a73667-fb36-4708-822f-8b2c79cb817e"}}]}}"#
    )
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let sandbox = Sandbox::new(SandboxConfig::default());
        let app = sandbox.router();
        let minimal = axum::Router::new().route(
            "/coincover/transaction",
            axum::routing::post(|b: Bytes| async move {
                assert!(!b.is_empty());
                ([(header::CONTENT_TYPE, "application/json")], "{}")
            }),
        );
        let auth = format!("Bearer {}", sandbox.credentials().coincover_token);
        // Under `cargo test` (no `--bench`): a short smoke run, no figures.
        let bench = std::env::args().any(|a| a == "--bench");
        let n: u32 = if bench { 50_000 } else { 20 };
        for (name, router) in [
            ("sandbox", app.clone()),
            ("minimal", minimal.clone()),
            ("sandbox", app),
            ("minimal", minimal),
        ] {
            sandbox.reset();
            let t = Instant::now();
            for i in 0..n {
                let req = Request::post("/coincover/transaction")
                    .header(header::AUTHORIZATION, &auth)
                    .header(header::CONTENT_TYPE, "application/json")
                    .header(header::HOST, "127.0.0.1:1234")
                    .header(header::ACCEPT, "*/*")
                    .body(Body::from(body(&format!("x-{i}"))))
                    .unwrap();
                let resp = router.clone().oneshot(req).await.unwrap();
                assert_eq!(resp.status(), 200);
                let _ = axum::body::to_bytes(resp.into_body(), usize::MAX)
                    .await
                    .unwrap();
            }
            let per = t.elapsed() / n;
            if bench {
                println!("{name}: {per:?} per request");
            }
        }
    });
}
