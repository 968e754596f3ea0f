//! The response types, one module per area of the API.

pub mod auth;
pub mod common;
pub mod error;

pub use auth::{AccessToken, LogoutResult};
pub use common::{Message, Page, PageMeta, Ref};
pub use error::{CcproError, CcproReason, ccpro_error};
