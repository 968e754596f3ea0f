//! Response models, and [`error`], the typed view of Covery's error answers. Enums are
//! `#[non_exhaustive]` and keep any value Covery adds later in an `Unknown(String)` variant
//! instead of failing to parse.

mod alert;
pub mod error;
mod event;
mod ping;

pub use alert::{AlertState, AlertType, FraudAlert, Refunded};
pub use event::{Decision, EventResult, PostbackResult};
pub use ping::{Access, Ping, TokenLevel};
