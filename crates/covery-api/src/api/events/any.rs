//! [`Event`]: any of the eight event types.

use payments_core::provider::InvalidInput;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use super::{
    Confirmation, DeviceData, EventKind, Install, Login, Payout, Refund, Registration, Transaction,
    Transfer,
};

/// Any of the eight event types, for [`SendEvent`](crate::SendEvent) and
/// [`MakeDecision`](crate::MakeDecision).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `install`.
    Install(Install),
    /// `registration`.
    Registration(Registration),
    /// `confirmation`.
    Confirmation(Confirmation),
    /// `login`.
    Login(Login),
    /// `transaction`.
    Transaction(Transaction),
    /// `refund`.
    Refund(Refund),
    /// `payout`.
    Payout(Payout),
    /// `transfer`.
    Transfer(Transfer),
}

impl From<Install> for Event {
    fn from(e: Install) -> Self {
        Event::Install(e)
    }
}

impl From<Registration> for Event {
    fn from(e: Registration) -> Self {
        Event::Registration(e)
    }
}

impl From<Confirmation> for Event {
    fn from(e: Confirmation) -> Self {
        Event::Confirmation(e)
    }
}

impl From<Login> for Event {
    fn from(e: Login) -> Self {
        Event::Login(e)
    }
}

impl From<Transaction> for Event {
    fn from(e: Transaction) -> Self {
        Event::Transaction(e)
    }
}

impl From<Refund> for Event {
    fn from(e: Refund) -> Self {
        Event::Refund(e)
    }
}

impl From<Payout> for Event {
    fn from(e: Payout) -> Self {
        Event::Payout(e)
    }
}

impl From<Transfer> for Event {
    fn from(e: Transfer) -> Self {
        Event::Transfer(e)
    }
}

impl Event {
    /// The event type as Covery spells it (`login`, `transfer`).
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Install(_) => Install::NAME,
            Event::Registration(_) => Registration::NAME,
            Event::Confirmation(_) => Confirmation::NAME,
            Event::Login(_) => Login::NAME,
            Event::Transaction(_) => Transaction::NAME,
            Event::Refund(_) => Refund::NAME,
            Event::Payout(_) => Payout::NAME,
            Event::Transfer(_) => Transfer::NAME,
        }
    }

    /// The event's `sequence_id`, when set.
    pub fn sequence_id(&self) -> Option<&str> {
        match self {
            Event::Install(e) => e.sequence_id.as_deref(),
            Event::Registration(e) => Some(&e.sequence_id),
            Event::Confirmation(e) => Some(&e.sequence_id),
            Event::Login(e) => Some(&e.sequence_id),
            Event::Transaction(e) => Some(&e.sequence_id),
            Event::Refund(e) => Some(&e.sequence_id),
            Event::Payout(e) => Some(&e.sequence_id),
            Event::Transfer(e) => Some(&e.sequence_id),
        }
    }

    /// The device data.
    pub fn device(&self) -> &DeviceData {
        match self {
            Event::Install(e) => &e.device,
            Event::Registration(e) => &e.device,
            Event::Confirmation(e) => &e.device,
            Event::Login(e) => &e.device,
            Event::Transaction(e) => &e.device,
            Event::Refund(e) => &e.device,
            Event::Payout(e) => &e.device,
            Event::Transfer(e) => &e.device,
        }
    }

    /// Checks the mandatory fields and the `sequence_id` length.
    pub fn validate(&self) -> Result<(), InvalidInput> {
        match self {
            Event::Install(e) => e.validate(),
            Event::Registration(e) => e.validate(),
            Event::Confirmation(e) => e.validate(),
            Event::Login(e) => e.validate(),
            Event::Transaction(e) => e.validate(),
            Event::Refund(e) => e.validate(),
            Event::Payout(e) => e.validate(),
            Event::Transfer(e) => e.validate(),
        }
    }

    /// The id that makes this event unique at Covery, when it has one: `transaction_id`,
    /// `refund_id`, `payout_id` or a transfer's `event_id`. Events with such an id are
    /// retried like idempotent calls (a repeat is refused with 409 instead of stored
    /// twice); the others are not.
    pub fn unique_id(&self) -> Option<&str> {
        match self {
            Event::Transaction(e) => Some(&e.transaction_id),
            Event::Refund(e) => Some(&e.refund_id),
            Event::Payout(e) => Some(&e.payout_id),
            Event::Transfer(e) => Some(&e.event_id),
            Event::Install(_)
            | Event::Registration(_)
            | Event::Confirmation(_)
            | Event::Login(_) => None,
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::Install(e) => e.serialize(s),
            Event::Registration(e) => e.serialize(s),
            Event::Confirmation(e) => e.serialize(s),
            Event::Login(e) => e.serialize(s),
            Event::Transaction(e) => e.serialize(s),
            Event::Refund(e) => e.serialize(s),
            Event::Payout(e) => e.serialize(s),
            Event::Transfer(e) => e.serialize(s),
        }
    }
}

/// Reads any event, choosing the type by its `type` (or, for transfers, `event_type`) field.
/// Works with `serde_json` deserializers only (the body is read as raw JSON first, so
/// amounts keep their exact digits).
/// Reads one event type from its exact text: numbers keep every digit, duplicate keys are
/// refused, and a failure names the field's JSON path.
fn exact<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, payments_core::provider::InvalidInput> {
    payments_core::read_document(text)
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Peek {
            #[serde(rename = "type")]
            kind: Option<String>,
            event_type: Option<String>,
        }
        let raw = Box::<RawValue>::deserialize(d)?;
        let text = raw.get();
        let peek: Peek = serde_json::from_str(text).map_err(de::Error::custom)?;
        let event = match (peek.kind.as_deref(), peek.event_type.as_deref()) {
            (Some(Install::NAME), _) => exact(text).map(Event::Install),
            (Some(Registration::NAME), _) => exact(text).map(Event::Registration),
            (Some(Confirmation::NAME), _) => exact(text).map(Event::Confirmation),
            (Some(Login::NAME), _) => exact(text).map(Event::Login),
            (Some(Transaction::NAME), _) => exact(text).map(Event::Transaction),
            (Some(Refund::NAME), _) => exact(text).map(Event::Refund),
            (Some(Payout::NAME), _) => exact(text).map(Event::Payout),
            (_, Some(Transfer::NAME)) => exact(text).map(Event::Transfer),
            (Some(other), _) | (None, Some(other)) => {
                return Err(de::Error::custom(format_args!(
                    "unknown event type `{other}`"
                )));
            }
            (None, None) => return Err(de::Error::missing_field("type")),
        };
        event.map_err(de::Error::custom)
    }
}
