//! The requests, one struct per operation. Each is plain data implementing
//! [`Endpoint`](payments_core::Endpoint).

mod transaction;
mod user;

pub use transaction::{CheckTransaction, TransactionOutput};
pub use user::{CreatePlan, CreateUser, UpdatePlan, UpdateUser};

use payments_core::InvalidInput;

/// The longest id CoinCover fields are allowed to carry here (a sanity cap, not documented).
pub(crate) const MAX_ID_LEN: usize = 256;

/// A required text field: not blank, at most [`MAX_ID_LEN`] characters.
pub(crate) fn require_text(field: &str, value: &str) -> Result<(), InvalidInput> {
    payments_core::require_text(field, value, MAX_ID_LEN)
}
