//! The requests, one struct per operation, each plain data implementing
//! [`Endpoint`](payments_core::Endpoint): its `request()` checks the input and describes
//! the request for its row in [`operations`](crate::operations); the body is serialized
//! once, signed and sent as the same bytes on every attempt. Plus the event types that
//! [`SendEvent`] and [`MakeDecision`] carry.
//!
//! Each request type also reads the JSON input document the `payments` CLI passes: the
//! documented body, unknown fields refused.

mod events;
mod fraud;
mod identities;
mod ping;
mod postback;
mod scoring;

pub use events::{
    Confirmation, DeviceData, Event, Install, Login, Payout, Refund, Registration, Transaction,
    Transfer,
};
pub use fraud::{ConfirmFraudAlert, FindFraudAlert, FraudAlertFeedback, LatestFraudAlerts};
pub use identities::Identities;
pub(crate) use identities::{TakesIdentities, X_IDENTITIES};
pub use ping::Ping;
pub use postback::Postback;
pub use scoring::{MakeDecision, SendEvent};

use payments_core::provider::InvalidInput;

/// The longest `sequence_id` Covery accepts (`string(40)`).
pub const MAX_SEQUENCE_ID_LEN: usize = 40;

/// The longest value of any text field here: a sanity cap, not documented by Covery.
pub(crate) const MAX_TEXT_LEN: usize = 1024;

/// A required text field: not blank, at most [`MAX_TEXT_LEN`] characters.
pub(crate) fn require_text(field: &str, value: &str) -> Result<(), InvalidInput> {
    payments_core::provider::require_text(field, value, MAX_TEXT_LEN)
}

pub(crate) fn check_sequence_id(field: &str, value: &str) -> Result<(), InvalidInput> {
    if value.trim().is_empty() {
        return Err(InvalidInput::new(
            field,
            "is required and must not be blank",
        ));
    }
    let len = value.chars().count();
    if len > MAX_SEQUENCE_ID_LEN {
        return Err(InvalidInput::new(
            field,
            format!("must be at most {MAX_SEQUENCE_ID_LEN} characters, got {len}"),
        ));
    }
    Ok(())
}

/// A `sequence_id` for one user in one of several products: the lower-case hex SHA-256 of
/// `user_merchant_id` followed by `product_id`, cut to its first 40 characters.
///
/// Covery's guide asks for "sha256 of user_merchant_id and a product identifier" when one
/// user's actions must be kept apart per product, but also caps `sequence_id` at 40
/// characters, while a SHA-256 hex digest has 64; the first 40 hex digits (160 bits) keep
/// the value unique in practice and within the limit. When you do not split by product,
/// use `user_merchant_id` itself as the `sequence_id`.
///
/// ```
/// let id = covery_api::sequence_id_for_product("user-42", "casino");
/// assert_eq!(id.len(), 40);
/// assert_eq!(id, covery_api::sequence_id_for_product("user-42", "casino"));
/// assert_ne!(id, covery_api::sequence_id_for_product("user-42", "poker"));
/// ```
pub fn sequence_id_for_product(user_merchant_id: &str, product_id: &str) -> String {
    // SHA-256(a ‖ b ‖ "") is SHA-256(a ‖ b).
    let mut hex = payments_core::digest::sha256_nonce_hex(
        user_merchant_id.as_bytes(),
        product_id.as_bytes(),
        b"",
    );
    hex.truncate(MAX_SEQUENCE_ID_LEN);
    hex
}
