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

/// One event endpoint: the struct (the event and this call's identity nodes), its
/// constructors and its `Endpoint` impl. The two differ only in operation, path and output.
macro_rules! event_endpoint {
    (
        $(#[$meta:meta])*
        $name:ident => $output:ty, $operation:literal, $path:literal,
        new: $new_doc:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            /// The event.
            pub event: Event,
            /// Identity nodes for this call; they replace the client's
            /// ([`ClientBuilder::identities`](crate::ClientBuilder::identities)).
            pub identities: Option<Identities>,
        }

        impl $name {
            #[doc = $new_doc]
            pub fn new(event: impl Into<Event>) -> Self {
                $name {
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

        impl Endpoint for $name {
            type Output = $output;

            fn operation(&self) -> &'static str {
                $operation
            }

            fn method(&self) -> Method {
                Method::POST
            }

            fn path(&self) -> Cow<'_, str> {
                Cow::Borrowed($path)
            }

            fn validate(&self) -> Result<(), InvalidInput> {
                self.event.validate()?;
                self.identities.as_ref().map_or(Ok(()), Identities::validate)
            }

            fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
                RequestBody::json(&self.event).map(Some)
            }

            fn headers(&self, headers: &mut HeaderMap) {
                insert_identities(self.identities.as_ref(), headers);
            }

            fn retry_safety(&self) -> RetrySafety {
                if self.event.unique_id().is_some() {
                    RetrySafety::Idempotent
                } else {
                    RetrySafety::NotIdempotent
                }
            }
        }
    };
}

event_endpoint! {
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
    SendEvent => EventResult, "send-event", "/api/sendEvent",
    new: "Sends `event`."
}

event_endpoint! {
    /// `POST /api/makeDecision`: stores an event and answers with a risk decision (token level
    /// `decision`). Same body and retry rules as [`SendEvent`].
    MakeDecision => Decision, "make-decision", "/api/makeDecision",
    new: "Asks for a decision on `event`."
}
