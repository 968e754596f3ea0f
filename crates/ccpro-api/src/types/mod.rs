//! The response types, one module per area of the API.

pub mod auth;
pub mod common;
pub mod error;

pub use auth::{AccessToken, LogoutResult};
pub use common::{Message, Page, PageMeta, Ref};
pub use error::{CcproError, CcproReason, ccpro_error};
pub mod currencies;
pub mod notifications;
pub mod platform;
pub mod prices;
pub use currencies::{Currencies, Currency, HistoryPeriod, Operations, RatePoint, TradeOperation};
pub use notifications::{Notification, NotificationFilter, PermanentNotification};
pub use platform::{
    Platform, PlatformCall, PlatformCheckout, PlatformOrder, PlatformQuote, PlatformTransfer,
    PlatformUser, StaffMember,
};
pub use prices::Price;
