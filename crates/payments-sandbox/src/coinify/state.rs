//! Coinify's state: KYC reviews and their documents.

use super::*;

/// A KYC review the sandbox received, with its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KycReview {
    /// The review id the sandbox answered (a UUID, deterministic under the seed).
    pub id: String,
    /// The partner's `externalId`.
    pub external_id: String,
    /// The `traderId`.
    pub trader_id: u64,
    /// The supporting documents uploaded to it, oldest first.
    pub documents: Vec<KycDocument>,
}

/// A supporting document the sandbox received (its bytes are not kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KycDocument {
    /// The document id the sandbox answered (a UUID, deterministic under the seed).
    pub id: String,
    /// The `X-Upload-External-Id`.
    pub external_id: String,
    /// The `X-Upload-Document-Type`.
    pub document_type: String,
    /// The `X-Upload-Filename`.
    pub filename: String,
    /// The `Content-Type`.
    pub content_type: String,
    /// The body's length in bytes.
    pub size: usize,
    /// The lower-case hex SHA-256 of the body.
    pub sha256: String,
}

/// Coinify's part of the sandbox state.
pub(crate) struct CoinifyState {
    pub(crate) reviews: Vec<KycReview>,
    pub(crate) by_external_id: HashMap<String, usize>,
    pub(crate) by_id: HashMap<String, usize>,
    pub(crate) review_ids: IdSequence,
    pub(crate) document_ids: IdSequence,
}

impl CoinifyState {
    pub(crate) fn new(seed: u64) -> Self {
        CoinifyState {
            reviews: Vec::new(),
            by_external_id: HashMap::new(),
            by_id: HashMap::new(),
            review_ids: IdSequence::new(seed, IdStream::CoinifyReview),
            document_ids: IdSequence::new(seed, IdStream::CoinifyDocument),
        }
    }
}

impl Sandbox {
    /// Every Coinify KYC review received so far, oldest first, with its documents.
    pub fn coinify_reviews(&self) -> Vec<KycReview> {
        self.lock().coinify.reviews.clone()
    }
}
