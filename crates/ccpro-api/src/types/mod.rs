//! The response types, one module per area of the API.

pub mod auth;
pub mod common;
pub mod error;

pub use auth::{AccessToken, LogoutResult};
pub use common::{Message, Page, PageMeta, RawJson, Ref};
pub use error::{CcproError, CcproReason, ccpro_error};
pub mod kyc;
pub use kyc::{
    EddOptions, EddPurpose, FundsOrigin, FundsSource, IntOrText, Kyc, KycAddress, KycAmounts,
    KycDocument, KycDocuments, KycEdd, KycLinks, KycPersonal, KycPhone, KycRequirement, KycStatus,
    KycVideo, PhoneVerification, RejectCode, RejectReason,
};
pub mod securities;
pub use securities::{AccessTokenInfo, AccessTokenType, SecurityEvent, SecurityEventCode};
pub mod users;
pub use users::{
    LinkedPlatform, RegisterType, RegistrationMeta, User, UserCreated, UserMeta, UserOptions,
    UserProfile, UserSource, UserTheme,
};
pub mod checkout;
pub mod orders;
pub mod quotes;
pub mod transfers;
pub use checkout::{AttemptsQuote, Checkout, CheckoutStatus, CheckoutStep};
pub use orders::{
    AssetType, ExternalPlatformInfo, Order, OrderCommissions, OrderDirection, OrderPayment,
    OrderQuote, OrderStatus, PaymentType, TradeOperation,
};
pub use quotes::{Quote, QuoteCommission, QuotePayment, QuoteStatus};
pub use transfers::{Transfer, TransferAction, TransferCommission, TransferStatus, TransferUser};
pub mod balances;
pub mod banks;
pub mod cards;
pub mod countries;
pub mod deposits;
pub mod wallets;
pub use balances::{Balance, BalanceAmount, BalanceAmounts, Balances};
pub use banks::{Bank, ReviewStatus};
pub use cards::Card;
pub use countries::Country;
pub use deposits::{DepositAddress, DepositDestination};
pub use wallets::Wallet;
pub mod currencies;
pub mod notifications;
pub mod platform;
pub mod prices;
pub use currencies::{
    Currencies, Currency, CurrencyRates, HistoryPeriod, Operations, RatePoint, RawRates,
};
pub use notifications::{Notification, NotificationFilter, PermanentNotification};
pub use platform::{Platform, PlatformCall, PlatformUser, StaffMember};
pub use prices::Price;
