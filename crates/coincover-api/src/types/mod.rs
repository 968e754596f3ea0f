//! Response models.

pub mod threat;
pub mod transaction;

pub use threat::{ThreatCode, ThreatFamily};
pub use transaction::{ThreatReason, TransactionCheck, TransactionStatus};
