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

use std::fmt;

use payments_core::SecretString;
use serde::de::{Error as _, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// Reads a secret (a password, a reset token) from a JSON string. The value is taken as its
/// raw text first, so a value of another type is refused naming only its kind, never quoting
/// it (serde's own message would: `invalid type: integer `12345678``), and no number is ever
/// parsed.
pub(crate) fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
    let raw = <Box<RawValue>>::deserialize(d)?;
    let text = raw.get();
    let kind = match text.as_bytes().first() {
        Some(b'"') => {
            return serde_json::from_str::<String>(text)
                .map(SecretString::from)
                .map_err(|_| D::Error::custom("the string is not valid JSON text"));
        }
        Some(b't' | b'f') => "a boolean",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        Some(b'n') => "null",
        _ => "a number",
    };
    Err(D::Error::invalid_type(Unexpected::Other(kind), &"a string"))
}

/// [`secret`] for an optional field (`null` or absent is `None`).
pub(crate) fn optional_secret<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<SecretString>, D::Error> {
    struct Optional;
    impl<'de> Visitor<'de> for Optional {
        type Value = Option<SecretString>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            secret(d).map(Some)
        }
    }
    d.deserialize_option(Optional)
}

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
