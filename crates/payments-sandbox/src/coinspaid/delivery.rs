//! Signed callbacks: recorded, and posted in order.

use super::*;

/// Records `callbacks` (signed) and queues them for delivery, in order.
pub(crate) fn emit(sandbox: &Sandbox, callbacks: Vec<Value>) {
    let creds = sandbox.credentials();
    let recorded: Vec<RecordedCallback> = callbacks
        .iter()
        .filter_map(|v| serde_json::to_string(v).ok())
        .map(|body| RecordedCallback {
            signature: hmac_sha512_hex(creds.coinspaid_secret.as_bytes(), body.as_bytes()),
            key: creds.coinspaid_key.clone(),
            body,
        })
        .collect();
    let url = sandbox.config().callback_url.clone();
    let mut state = sandbox.lock();
    let cp = &mut state.coinspaid;
    cp.callbacks.extend(recorded.iter().cloned());
    let Some(url) = url else {
        return;
    };
    let mut batch = Some((url, recorded));
    if let Some(tx) = &cp.delivery
        && let Some(b) = batch.take()
        && let Err(mpsc::error::SendError(b)) = tx.send(b)
    {
        batch = Some(b);
    }
    let Some(batch) = batch else {
        return;
    };
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        tracing::warn!(target: "payments_sandbox", "no Tokio runtime: CoinsPaid callbacks not sent");
        return;
    };
    let (tx, rx) = mpsc::unbounded_channel();
    if tx.send(batch).is_err() {
        return;
    }
    cp.delivery = Some(tx);
    runtime.spawn(deliver(rx));
}

/// Posts queued callbacks one at a time, in order. Failures are logged, never raised.
pub(crate) async fn deliver(mut rx: mpsc::UnboundedReceiver<(String, Vec<RecordedCallback>)>) {
    let Some(client) = callbacks::client("CoinsPaid") else {
        return;
    };
    while let Some((url, batch)) = rx.recv().await {
        for callback in batch {
            let headers = [
                ("X-Processing-Key", callback.key),
                (SIGNATURE_HEADER, callback.signature),
            ];
            callbacks::post(&client, "CoinsPaid", &url, headers, callback.body).await;
        }
    }
}
