//! The eight documented event types, one file each, the optional device data they all
//! accept, and [`Event`], any one of them.
//!
//! Each type serializes with its type marker first (`"type": "login"`; transfers use
//! `"event_type": "transfer"`), then its fields in the documented order, then the device
//! data; optional fields that are `None` are left out. Countries are
//! [`CountryCode`](payments_core::country::CountryCode)s written as lower-case ISO alpha-3
//! (`usa`); amounts are exact [`Amount`](payments_core::Amount)s written as JSON numbers.
//! Reading refuses unknown fields and a wrong type marker.

mod any;
mod confirmation;
mod device;
mod install;
mod login;
mod payout;
mod refund;
mod registration;
mod transaction;
mod transfer;

pub use any::Event;
pub use confirmation::Confirmation;
pub use device::DeviceData;
pub use install::Install;
pub use login::Login;
pub use payout::Payout;
pub use refund::Refund;
pub use registration::Registration;
pub use transaction::Transaction;
pub use transfer::Transfer;

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use device::read_device_data;

/// An event type and the value of its type marker.
trait EventKind {
    /// The marker's value (`login`).
    const NAME: &'static str;
}

/// The type marker of event type `K`: writes `K::NAME` and reads only that string.
struct Tag<K>(PhantomData<fn() -> K>);

impl<K> Tag<K> {
    const fn new() -> Self {
        Tag(PhantomData)
    }
}

impl<K> Clone for Tag<K> {
    fn clone(&self) -> Self {
        Tag::new()
    }
}

impl<K> PartialEq for Tag<K> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<K: EventKind> fmt::Debug for Tag<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(K::NAME)
    }
}

impl<K: EventKind> Serialize for Tag<K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(K::NAME)
    }
}

impl<'de, K: EventKind> Deserialize<'de> for Tag<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        if s == K::NAME {
            Ok(Tag::new())
        } else {
            Err(de::Error::invalid_value(
                de::Unexpected::Str(&s),
                &format!("\"{}\"", K::NAME).as_str(),
            ))
        }
    }
}
