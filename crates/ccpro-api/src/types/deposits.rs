//! Deposits: the order `deposit-create` returns ([`DepositOrder`]) and the address
//! `deposit-address` hands out ([`DepositAddress`]).
//!
//! [`DepositOrder`] is the deposit's view of CCPro's Order shape: exactly the keys the
//! deposit example carries (no `publicId`, `parentOrder`, `childOrder` or `transfer`;
//! `quote` and `externalPlatform` are `null` there, objects elsewhere).

use payments_core::ExactAmount;
use serde::{Deserialize, Serialize};

use crate::types::common::Ref;

payments_core::wire_enum! {
    /// What is deposited: a coin or a token (the docs' `type`, `in:coin,token`).
    pub enum DepositType {
        /// A coin (`ETH`, `XBT`).
        Coin = "coin",
        /// A token (`IPSX`).
        Token = "token",
    }
}

payments_core::wire_enum! {
    /// Where a deposit address sends funds (`in:broker,checkout`).
    pub enum DepositDestination {
        /// To the user's balance at the broker.
        Broker = "broker",
        /// To a checkout.
        Checkout = "checkout",
    }
}

payments_core::wire_enum! {
    /// An order's state (the order list's filter values).
    pub enum DepositOrderStatus {
        /// `APPROVED`.
        Approved = "APPROVED",
        /// `REJECTED`.
        Rejected = "REJECTED",
        /// `PROCESSING_PAYMENT`: a new deposit.
        ProcessingPayment = "PROCESSING_PAYMENT",
        /// `PAYMENT_WAITING`.
        PaymentWaiting = "PAYMENT_WAITING",
    }
}

payments_core::wire_enum! {
    /// Which way an order moves funds (`typeOperation`).
    pub enum DepositDirection {
        /// Into the user's balance (deposits).
        In = "in",
        /// Out of it.
        Out = "out",
    }
}

payments_core::wire_enum! {
    /// An order's operation (`typeOperationName`): `deposit` here.
    pub enum DepositOperation {
        /// `deposit`.
        Deposit = "deposit",
        /// `buy_with_fiat`.
        BuyWithFiat = "buy_with_fiat",
        /// `buy_with_crypto`.
        BuyWithCrypto = "buy_with_crypto",
        /// `sell_to_fiat`.
        SellToFiat = "sell_to_fiat",
        /// `sell_to_crypto`.
        SellToCrypto = "sell_to_crypto",
        /// `withdraw`.
        Withdraw = "withdraw",
        /// `withdrawIco`.
        WithdrawIco = "withdrawIco",
    }
}

/// The order a deposit creates (`deposit-create`).
///
/// The docs' example does not echo the request (a `coin` `ETH` deposit comes back as a
/// `token` `IPSX` one, with another wallet): read the deposit from here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositOrder {
    /// The order's id (a UUID).
    pub id: String,
    /// Its state (`PROCESSING_PAYMENT`).
    #[serde(default)]
    pub status: Option<DepositOrderStatus>,
    /// Coin or token.
    #[serde(default, rename = "type")]
    pub asset_type: Option<DepositType>,
    /// `in` for a deposit.
    #[serde(default)]
    pub type_operation: Option<DepositDirection>,
    /// `deposit`.
    #[serde(default)]
    pub type_operation_name: Option<DepositOperation>,
    /// What was paid with (`null` for a deposit).
    #[serde(default)]
    pub from_symbol: Option<String>,
    /// How much was paid (`"0"` for a deposit).
    #[serde(default, with = "payments_core::exact::optional")]
    pub from_amount: Option<ExactAmount>,
    /// The rate (`"0"` for a deposit).
    #[serde(default, with = "payments_core::exact::optional")]
    pub rate: Option<ExactAmount>,
    /// The asset credited (`IPSX`).
    #[serde(default)]
    pub to_symbol: Option<String>,
    /// How much is credited (`"100.0000000000000000000000000"`, 25 decimals).
    #[serde(default, with = "payments_core::exact::optional")]
    pub to_amount: Option<ExactAmount>,
    /// The wallet the deposit came from.
    #[serde(default)]
    pub wallet: Option<String>,
    /// The deposit's transaction id (`txId` here; the request's key is `txID`).
    #[serde(default)]
    pub tx_id: Option<String>,
    /// How it is paid (all `null` for a deposit).
    #[serde(default)]
    pub payment: Option<DepositPayment>,
    /// CCPro's commission.
    #[serde(default)]
    pub commissions: Option<DepositCommissions>,
    /// The quote behind the order (`null` for a deposit).
    #[serde(default)]
    pub quote: Option<Ref>,
    /// The partner platform the order came through (`null` here).
    #[serde(default)]
    pub external_platform: Option<DepositExternalPlatform>,
    /// The KYC level the order needs (`3`).
    #[serde(default)]
    pub kyc_level_required: Option<u32>,
    /// When it was created, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// A [`DepositOrder`]'s `payment`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositPayment {
    /// The payment method (`bank`; `null` for a deposit).
    #[serde(default)]
    pub method: Option<String>,
    /// The payment's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The payment confirmation page.
    #[serde(default)]
    pub url: Option<String>,
    /// The payment fee in percent: the JSON number `0` on deposits, the string `"0"` on
    /// other orders; either is read, and written back in the form it came in.
    #[serde(default, with = "payments_core::exact::optional")]
    pub fee_percent: Option<ExactAmount>,
    /// Whether a proof of payment was uploaded: `null` in every example, its type not
    /// documented, so kept as the JSON it is.
    #[serde(default)]
    pub proof_uploaded: Option<serde_json::Value>,
}

/// A [`DepositOrder`]'s `commissions`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DepositCommissions {
    /// In percent, 0–100 (`"0.0000000000000000000000000"`).
    #[serde(default, with = "payments_core::exact::optional")]
    pub percent: Option<ExactAmount>,
    /// The amount.
    #[serde(default, with = "payments_core::exact::optional")]
    pub amount: Option<ExactAmount>,
}

/// The partner platform of an order (`externalPlatform`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DepositExternalPlatform {
    /// Its code (`CCPRO`).
    #[serde(default)]
    pub code: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its URL.
    #[serde(default)]
    pub url: Option<String>,
}

/// A deposit address (`deposit-address`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositAddress {
    /// The address record's id (a UUID).
    pub id: String,
    /// The address to send funds to.
    #[serde(default)]
    pub address: Option<String>,
    /// The kind of wallet behind it (`cold`; the only documented value).
    #[serde(default, rename = "type")]
    pub wallet_type: Option<String>,
    /// Where funds sent to it go.
    #[serde(default)]
    pub destination: Option<DepositDestination>,
    /// Its state (`enabled`; the only documented value).
    #[serde(default)]
    pub status: Option<String>,
    /// The chain (`ETH`).
    #[serde(default)]
    pub chain: Option<String>,
    /// When it was created, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}
