//! [`wire_enum!`](crate::wire_enum): string enums that keep values they do not know.

use std::borrow::Cow;
use std::fmt;

use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};

/// Declares a string enum with an `Unknown(String)` fallback, so a value a provider adds
/// later never breaks decoding.
///
/// Each variant names its wire value (`Variant = "value"`, matched exactly, case
/// included). The macro generates:
///
/// - the enum, `#[derive(Debug, Clone, PartialEq, Eq, Hash)]` and `#[non_exhaustive]`,
///   with the extra variant `Unknown(String)` holding any other value verbatim;
/// - `as_str`, the value as written on the wire (an `Unknown` gives back its text);
/// - `From<&str>` and `FromStr` (with `Err = Infallible`): never fail;
/// - `Display`, writing `as_str`;
/// - `Serialize` as a string and `Deserialize` from one; a known value read from a
///   borrowed string is not allocated, and an owned string becomes `Unknown` without
///   copying.
///
/// Attributes before the enum (doc comments, more derives such as `Default`) are kept, and
/// so are attributes on each variant (doc comments, `#[default]`). The enum's visibility is
/// also that of `as_str`.
///
/// ```
/// payments_core::wire_enum! {
///     /// The state of an order.
///     pub enum OrderState {
///         /// Waiting for payment.
///         Pending = "pending",
///         /// Paid in full.
///         Paid = "paid",
///     }
/// }
///
/// assert_eq!(OrderState::Paid.as_str(), "paid");
/// assert_eq!(OrderState::from("pending"), OrderState::Pending);
/// assert_eq!("refunded".parse(), Ok(OrderState::Unknown("refunded".to_owned())));
/// assert_eq!(OrderState::Unknown("refunded".to_owned()).to_string(), "refunded");
///
/// let states: Vec<OrderState> = serde_json::from_str(r#"["paid", "Paid"]"#)?;
/// assert_eq!(states, [OrderState::Paid, OrderState::Unknown("Paid".to_owned())]);
/// assert_eq!(serde_json::to_string(&states)?, r#"["paid","Paid"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, kept verbatim.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The value as written on the wire.
            $vis fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Unknown(s) => s,
                }
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $wire => $name::$variant, )*
                    other => $name::Unknown(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<$name as ::core::convert::From<&str>>::from(s))
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                s: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let s = $crate::__private::deserialize_wire_str(d)?;
                ::core::result::Result::Ok(match &*s {
                    $( $wire => $name::$variant, )*
                    _ => $name::Unknown(::std::borrow::Cow::into_owned(s)),
                })
            }
        }
    };
}

/// Reads a string, borrowing it when the deserializer can lend it. Accepts exactly what
/// `String` accepts (strings, and bytes that are UTF-8), with the same error messages.
#[doc(hidden)]
pub fn deserialize_wire_str<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    struct WireStr;

    impl<'de> Visitor<'de> for WireStr {
        type Value = Cow<'de, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_borrowed_str<E: Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }

        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }

        fn visit_string<E: Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }

        fn visit_borrowed_bytes<E: Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
            std::str::from_utf8(v)
                .map(Cow::Borrowed)
                .map_err(|_| E::invalid_value(Unexpected::Bytes(v), &self))
        }

        fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Self::Value, E> {
            std::str::from_utf8(v)
                .map(|s| Cow::Owned(s.to_owned()))
                .map_err(|_| E::invalid_value(Unexpected::Bytes(v), &self))
        }

        fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
            String::from_utf8(v)
                .map(Cow::Owned)
                .map_err(|e| E::invalid_value(Unexpected::Bytes(e.as_bytes()), &self))
        }
    }

    d.deserialize_str(WireStr)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashSet;

    use serde::de::IntoDeserializer;
    use serde::de::value::{BorrowedStrDeserializer, Error as ValueError};

    crate::wire_enum! {
        /// A test enum.
        #[derive(Default)]
        pub(crate) enum Colour {
            /// Red.
            #[default]
            Red = "red",
            /// The empty string.
            Empty = "",
            /// Same name as a prelude item.
            None = "none",
        }
    }

    crate::wire_enum! {
        /// No known values at all.
        enum Opaque {}
    }

    #[test]
    fn round_trips_known_and_unknown() {
        assert_eq!(Colour::default(), Colour::Red);
        for (text, value) in [
            ("red", Colour::Red),
            ("", Colour::Empty),
            ("none", Colour::None),
            ("RED", Colour::Unknown("RED".into())),
            (" red", Colour::Unknown(" red".into())),
        ] {
            assert_eq!(Colour::from(text), value);
            assert_eq!(text.parse::<Colour>(), Ok(value.clone()));
            assert_eq!(value.as_str(), text);
            assert_eq!(value.to_string(), text);
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), value);
            // Owned input (as from a `Value`) works too.
            let owned = serde_json::Value::String(text.to_owned());
            assert_eq!(serde_json::from_value::<Colour>(owned).unwrap(), value);
        }
        // Escapes make serde_json hand over a transient string.
        assert_eq!(
            serde_json::from_str::<Colour>(r#""r\u0065d""#).unwrap(),
            Colour::Red
        );
        let set: HashSet<Colour> = [Colour::Red, Colour::Red].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert_eq!(Opaque::from("x").as_str(), "x");
    }

    #[test]
    fn accepts_what_string_accepts() {
        let borrowed = BorrowedStrDeserializer::<ValueError>::new("red");
        assert_eq!(
            super::deserialize_wire_str(borrowed).unwrap(),
            std::borrow::Cow::Borrowed("red")
        );
        let bytes: &[u8] = b"red";
        let d: serde::de::value::BytesDeserializer<'_, ValueError> = bytes.into_deserializer();
        assert_eq!(super::deserialize_wire_str(d).unwrap(), "red");
        let bad: &[u8] = b"\xff";
        let d: serde::de::value::BytesDeserializer<'_, ValueError> = bad.into_deserializer();
        assert!(super::deserialize_wire_str(d).is_err());

        // Same message as `String` for a wrong type.
        let ours = serde_json::from_str::<Colour>("1").unwrap_err().to_string();
        let theirs = serde_json::from_str::<String>("1").unwrap_err().to_string();
        assert_eq!(ours, theirs);
    }
}
