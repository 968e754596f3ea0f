use std::borrow::Cow;

use payments_core::http::header::{HeaderName, HeaderValue};
use payments_core::http::{HeaderMap, Method};
use payments_core::{Endpoint, InvalidInput, RequestBody, RetrySafety};

use super::{Event, Identities};
use crate::types::{Decision, EventResult};

/// The `X-Identities` header.
pub(crate) const X_IDENTITIES: HeaderName = HeaderName::from_static("x-identities");

fn insert_identities(identities: Option<&Identities>, headers: &mut HeaderMap) {
    if let Some(ids) = identities.filter(|i| !i.is_empty()) {
        // Percent-encoded, hence visible ASCII: always a valid header value.
        if let Ok(v) = HeaderValue::from_str(&ids.header_value()) {
            headers.insert(X_IDENTITIES, v);
        }
    }
}

fn retry_safety_of(event: &Event) -> RetrySafety {
    if event.unique_id().is_some() {
        RetrySafety::Idempotent
    } else {
        RetrySafety::NotIdempotent
    }
}

fn validate(event: &Event, identities: Option<&Identities>) -> Result<(), InvalidInput> {
    event.validate()?;
    identities.map_or(Ok(()), Identities::validate)
}

/// `POST /api/sendEvent`: stores an event for later analysis (token level `event`).
///
/// Retry safety: transactions, refunds, payouts and transfers carry their own unique id,
/// so a repeat cannot be stored twice (Covery answers 409 with the existing id); they are
/// retried on throttling, 5xx and timeouts. Installs, registrations, confirmations and
/// logins have no such id: they are retried after throttling (which refuses a request
/// unprocessed) and when the request never left, not after a 5xx or a timeout.
///
/// ```
/// use covery_api::{Login, SendEvent};
/// let req = SendEvent::new(Login::new(1_700_000_000, "user-42", "user-42"));
/// assert_eq!(req.event.kind(), "login");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SendEvent {
    /// The event.
    pub event: Event,
    /// Identity nodes for this call; they replace the client's
    /// ([`ClientBuilder::identities`](crate::ClientBuilder::identities)).
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

    fn operation(&self) -> &'static str {
        "send-event"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed("/api/sendEvent")
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        validate(&self.event, self.identities.as_ref())
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        RequestBody::json(&self.event).map(Some)
    }

    fn headers(&self, headers: &mut HeaderMap) {
        insert_identities(self.identities.as_ref(), headers);
    }

    fn retry_safety(&self) -> RetrySafety {
        retry_safety_of(&self.event)
    }
}

/// `POST /api/makeDecision`: stores an event and answers with a risk decision (token level
/// `decision`). Same body and retry rules as [`SendEvent`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MakeDecision {
    /// The event to decide on.
    pub event: Event,
    /// Identity nodes for this call; they replace the client's.
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

    fn operation(&self) -> &'static str {
        "make-decision"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self) -> Cow<'_, str> {
        Cow::Borrowed("/api/makeDecision")
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        validate(&self.event, self.identities.as_ref())
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        RequestBody::json(&self.event).map(Some)
    }

    fn headers(&self, headers: &mut HeaderMap) {
        insert_identities(self.identities.as_ref(), headers);
    }

    fn retry_safety(&self) -> RetrySafety {
        retry_safety_of(&self.event)
    }
}
