//! The requests, one struct per operation. Each is plain data implementing
//! [`Endpoint`](payments_core::Endpoint): its `request()` checks the input and describes
//! the request for its row in [`operations`](crate::operations); the body is serialized
//! once and sent as the same bytes on every attempt.
//!
//! Each type also reads the *input document* the `payments` CLI passes
//! ([`Io`](payments_core::Io)): the documented body fields, plus the path parameter
//! `userId` as a top-level field where the path has one
//! (`{"userId":"jb001","firstName":"Joe"}` for `PATCH /user/{userId}`). Unknown fields are
//! refused, so a typo is not dropped silently. Bodies go out in the documented key order.

mod transaction;
mod user;

pub use transaction::{CheckTransaction, TransactionOutput};
pub use user::{CreatePlan, CreateUser, UpdatePlan, UpdateUser};

use payments_core::provider::InvalidInput;

/// The longest id CoinCover fields are allowed to carry here (a sanity cap, not documented).
pub(crate) const MAX_ID_LEN: usize = 256;

/// A required text field: not blank, at most [`MAX_ID_LEN`] characters.
pub(crate) fn require_text(field: &str, value: &str) -> Result<(), InvalidInput> {
    payments_core::provider::require_text(field, value, MAX_ID_LEN)
}
