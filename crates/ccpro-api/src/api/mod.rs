//! The request types, one module per area of the API (the reference's module split).
//! Each is plain data whose `request()` points at its row of [`crate::operations`]; its
//! `Deserialize` reads the input document the CLI passes (documented body fields, plus
//! path and query parameters as top-level fields named as in the docs).

pub mod account;
pub mod auth;
pub mod balances;
pub mod banks;
pub mod cards;
pub mod checkout;
pub mod countries;
pub mod currencies;
pub mod deposits;
pub mod kyc;
pub mod notifications;
pub mod orders;
pub mod platform;
pub mod prices;
pub mod quotes;
pub mod securities;
pub mod transfers;
pub mod users;
pub mod wallets;

pub use auth::{AuthenticateJwt, AuthenticateWithPassword, Logout, Subject};
pub use checkout::{GetCheckout, ListCheckouts};

pub use account::{AbortAccountClose, InitiateAccountClose};
pub use balances::GetBalances;
pub use banks::{CreateBank, DeleteBank, GetBank, ListBanks, StatusFilter};
pub use cards::{CardDetails, CreateCard, DeleteCard, GetCard, ListCards, UpdateCard};
pub use countries::ListCountries;
pub use currencies::{CurrencyHistory, ListCurrencies};
pub use deposits::{CreateDeposit, GetDepositAddress};
pub use kyc::{
    AddKycPhone, CreateKyc, EddAnswers, KycDocumentType, KycFiles, ResendKycPhoneCode,
    ScheduleKycVideo, ShowKyc, SubmitKycAddress, SubmitKycEdd, SubmitKycPersonalData,
    UploadKycDocument, VerifyKycPhone,
};
pub use notifications::{
    ListPermanentNotifications, ListTemporaryNotifications, MarkNotificationsRead,
};
pub use orders::{
    GetOrder, ListCoinOrders, ListOrders, ListTokenOrders, OrderFilter, UploadPaymentProof,
};
pub use platform::{
    ListPlatformCalls, ListPlatformCheckouts, ListPlatformOrders, ListPlatformQuotes,
    ListPlatformStaff, ListPlatformTransfers, ListPlatformUsers, ShowPlatform, UpdatePlatform,
};
pub use prices::{BuyPrice, PriceAmount, PriceRequest, SellPrice, WithdrawIcoPrice, WithdrawPrice};
pub use quotes::{ConfirmQuote, CreateQuote, GetQuote, ListQuotes};
pub use securities::{ChangePassword, InvalidateAccessToken, ListAccessTokens, ListSecurityEvents};
pub use transfers::{
    ConfirmTransfer, CreateTransfer, GetTransfer, ListTransfers, ListTransfersBy,
    ListTransfersFrom, ListTransfersTo,
};
pub use users::{
    CreateUser, ForgotPassword, NewUserAddress, PlatformLink, ResendVerificationEmail,
    ResetPassword, ResetTokenFormat, ShowUserProfile, VerifyEmail,
};
pub use wallets::{CreateWallet, GetWallet, ListWallets, UpdateWallet};
