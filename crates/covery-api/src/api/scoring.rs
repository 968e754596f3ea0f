//! `send-event` and `make-decision`: an event stored for analysis, or stored and scored.
//! Both send the event as the body and may carry `X-Identities`.

use payments_core::provider::InvalidInput;
use payments_core::{Endpoint, Operation, RequestSpec, RetrySafety};
use serde::{Deserialize, Serialize};

use super::{Event, Identities, TakesIdentities, X_IDENTITIES};
use crate::operations;
use crate::types::{Decision, EventResult};

/// `POST /api/sendEvent`: stores an event for later analysis (token level `event`).
///
/// Retry safety: transactions, refunds, payouts and transfers carry their own unique id,
/// so a repeat cannot be stored twice (Covery answers 409 with the existing id); they are
/// retried on throttling, 5xx and timeouts. Installs, registrations, confirmations and
/// logins have no such id: they are retried after throttling (which refuses a request
/// unprocessed) and when the request never left, not after a 5xx or a timeout.
///
/// Its input document (serde) is the event itself, as sent; per-request identities are
/// not part of it.
///
/// ```
/// use covery_api::{Login, SendEvent};
/// let req = SendEvent::new(Login::new(1_700_000_000, "user-42", "user-42"));
/// assert_eq!(req.event.kind(), "login");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
#[non_exhaustive]
pub struct SendEvent {
    /// The event.
    pub event: Event,
    /// Identity nodes for this call; they replace the client's
    /// ([`ClientBuilder::identities`](crate::ClientBuilder::identities)).
    #[serde(skip)]
    pub identities: Option<Identities>,
}

impl SendEvent {
    /// Sends `event`.
    pub fn new(event: impl Into<Event>) -> Self {
        SendEvent {
            event: event.into(),
            identities: None,
        }
    }

    /// Sets this call's identity nodes.
    pub fn with_identities(mut self, identities: Identities) -> Self {
        self.identities = Some(identities);
        self
    }
}

impl Endpoint for SendEvent {
    type Output = EventResult;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        event_request(
            &operations::SEND_EVENT,
            &self.event,
            self.identities.as_ref(),
        )
    }
}

/// `POST /api/makeDecision`: stores an event and answers with a risk decision (token level
/// `decision`). Same body, identities and retry rules as [`SendEvent`].
///
/// ```
/// use covery_api::{Install, MakeDecision};
/// let req = MakeDecision::new(Install::new(1_700_000_000));
/// assert_eq!(req.event.kind(), "install");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
#[non_exhaustive]
pub struct MakeDecision {
    /// The event.
    pub event: Event,
    /// Identity nodes for this call; they replace the client's
    /// ([`ClientBuilder::identities`](crate::ClientBuilder::identities)).
    #[serde(skip)]
    pub identities: Option<Identities>,
}

impl MakeDecision {
    /// Asks for a decision on `event`.
    pub fn new(event: impl Into<Event>) -> Self {
        MakeDecision {
            event: event.into(),
            identities: None,
        }
    }

    /// Sets this call's identity nodes.
    pub fn with_identities(mut self, identities: Identities) -> Self {
        self.identities = Some(identities);
        self
    }
}

impl Endpoint for MakeDecision {
    type Output = Decision;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        event_request(
            &operations::MAKE_DECISION,
            &self.event,
            self.identities.as_ref(),
        )
    }
}

/// The request of either event operation: the event as the body; idempotent when the event
/// has its own unique id; this call's identities as `X-Identities`, else the marker that
/// lets the client add its own.
fn event_request(
    operation: &'static Operation,
    event: &Event,
    identities: Option<&Identities>,
) -> Result<RequestSpec, InvalidInput> {
    event.validate()?;
    let mut spec = RequestSpec::new(operation)
        .json(event)?
        .extension(TakesIdentities);
    if let Some(ids) = identities {
        ids.validate()?;
        if !ids.is_empty() {
            spec = spec.header(X_IDENTITIES, ids.to_header()?);
        }
    }
    if event.unique_id().is_some() {
        spec.retry = RetrySafety::Idempotent;
    }
    Ok(spec)
}
