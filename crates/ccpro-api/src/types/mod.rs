//! The response types, one module per area of the API.

pub mod auth;
pub mod common;
pub mod error;

pub use auth::{AccessToken, LogoutResult};
pub use common::{Message, Page, PageMeta, Ref};
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
    LinkedPlatform, ProfileBank, ProfileCard, ProfileItemStatus, ProfileWallet, RegisterType,
    RegistrationMeta, User, UserCreated, UserMeta, UserOptions, UserProfile, UserSource, UserTheme,
};
pub mod checkout;
pub mod orders;
pub mod quotes;
pub mod transfers;
pub use checkout::{AttemptsQuote, Checkout, CheckoutStatus, CheckoutStep};
pub use orders::{
    ExternalPlatformInfo, Order, OrderCommissions, OrderDirection, OrderPayment, OrderStatus,
    PaymentType, TradeOperation, UserSummary, UserSummaryMeta, UserSummaryOptions,
};
pub use quotes::{Quote, QuoteCommission, QuotePayment, QuoteStatus};
pub use transfers::{Transfer, TransferAction, TransferCommission, TransferStatus, TransferUser};
pub mod balances;
pub mod banks;
pub mod cards;
pub mod countries;
pub mod deposits;
pub mod wallets;
pub use balances::{
    Balance, BalanceAmount, BalanceAmounts, BalanceRatePoint, BalanceRates, BalanceRawRates,
    Balances,
};
pub use banks::{Bank, ReviewStatus};
pub use cards::Card;
pub use countries::Country;
pub use deposits::{
    DepositAddress, DepositCommissions, DepositDestination, DepositDirection,
    DepositExternalPlatform, DepositOperation, DepositOrder, DepositOrderStatus, DepositPayment,
    DepositType,
};
pub use wallets::Wallet;
pub mod currencies;
pub mod notifications;
pub mod platform;
pub mod prices;
pub use currencies::{Currencies, Currency, HistoryPeriod, Operations, RatePoint};
pub use notifications::{Notification, NotificationFilter, PermanentNotification};
pub use platform::{
    Platform, PlatformCall, PlatformCheckout, PlatformOrder, PlatformQuote, PlatformTransfer,
    PlatformUser, StaffMember,
};
pub use prices::Price;
