//! `POST /transaction`: the verdict, and retries answered from memory.

use super::*;

#[derive(Serialize)]
pub(crate) struct Verdict<'a> {
    #[serde(rename = "transactionUUID")]
    pub(crate) transaction_uuid: &'a str,
    pub(crate) status: &'static str,
    pub(crate) message: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<Reason>,
}

#[derive(Serialize)]
pub(crate) struct Reason {
    pub(crate) code: u32,
    pub(crate) category: &'static str,
    pub(crate) description: &'static str,
}

pub(crate) fn body_hash(body: &[u8]) -> u64 {
    // SipHash with fixed keys: the same body always hashes the same.
    let mut h = DefaultHasher::new();
    h.write(body);
    h.finish()
}

pub(crate) async fn check_transaction(
    _: Authorized,
    State(sandbox): State<Sandbox>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let req = parse_check(&body)?;
    let now = sandbox.now_secs();
    let hash = body_hash(&body);
    let mut state = sandbox.lock();
    let cc = &mut state.coincover;
    if let Some((seen, answer)) = cc.checks.get(&req.transaction_customer_id)
        && *seen == hash
    {
        return Ok(json_bytes(StatusCode::OK, answer.clone()));
    }
    let code = cc.evaluate(&req, now);
    let uuid = cc.ids.next_uuid();
    let verdict = match code {
        None => Verdict {
            transaction_uuid: &uuid,
            status: "GREEN",
            message: "Transaction is protected by CoinCover.",
            reason: None,
        },
        Some(code) => Verdict {
            transaction_uuid: &uuid,
            status: "RED",
            message: "Transaction is not protected by CoinCover.",
            reason: Some(Reason {
                code,
                category: threat(code).map_or("", |t| t.category),
                description: threat(code).map_or("", |t| t.description),
            }),
        },
    };
    let answer = match serde_json::to_vec(&verdict) {
        Ok(v) => Bytes::from(v),
        Err(_) => return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    cc.checks
        .insert(req.transaction_customer_id, (hash, answer.clone()));
    drop(state);
    Ok(json_bytes(StatusCode::OK, answer))
}
