//! Covery's state: spent nonces, events, sequences, fraud alerts.

use super::*;

/// Covery's part of the sandbox state.
pub(crate) struct CoveryState {
    pub(crate) nonces: HashSet<String>,
    pub(crate) events: HashMap<u64, StoredEvent>,
    /// `(event type, entry id)` → `requestId`, for 409s and postbacks by `transaction_id`.
    pub(crate) entries: HashMap<(EventType, String), u64>,
    pub(crate) sequences: HashMap<String, SequenceHistory>,
    pub(crate) alerts: BTreeMap<u64, AlertEntry>,
    pub(crate) event_ids: IdSequence,
    pub(crate) alert_ids: IdSequence,
    pub(crate) tokens: IdSequence,
}

impl CoveryState {
    pub(crate) fn new(seed: u64) -> Self {
        CoveryState {
            nonces: HashSet::new(),
            events: HashMap::new(),
            entries: HashMap::new(),
            sequences: HashMap::new(),
            alerts: BTreeMap::new(),
            event_ids: IdSequence::new(seed, IdStream::CoveryEvent),
            alert_ids: IdSequence::new(seed, IdStream::CoveryAlert),
            tokens: IdSequence::new(seed, IdStream::CoveryToken),
        }
    }
}

/// What the sandbox keeps of an event.
pub(crate) struct StoredEvent {
    /// The postback fields received for it, last one wins per field.
    pub(crate) postback: HashMap<String, String>,
}

/// One `sequence_id`'s recent activity, in clock seconds.
#[derive(Default)]
pub(crate) struct SequenceHistory {
    /// When each accepted event arrived (the last [`SEQUENCE_WINDOW_SECS`]).
    pub(crate) recent: VecDeque<u64>,
    /// When each failed login arrived (the last [`FAILED_LOGIN_WINDOW_SECS`]).
    pub(crate) failed_logins: VecDeque<u64>,
}

pub(crate) fn prune(times: &mut VecDeque<u64>, now: u64, span: u64) -> usize {
    while let Some(&at) = times.front() {
        if at.saturating_add(span) > now {
            break;
        }
        times.pop_front();
    }
    times.len()
}

/// The clock as Covery's float timestamps (seconds, millisecond precision).
pub(crate) fn created_at(sandbox: &Sandbox) -> f64 {
    let millis = sandbox.clock().unix_millis();
    #[allow(clippy::cast_precision_loss, reason = "timestamps fit in f64 exactly")]
    let seconds = (millis / 1000) as f64 + (millis % 1000) as f64 / 1000.0;
    seconds
}
