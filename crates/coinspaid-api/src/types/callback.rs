//! Callbacks: what CoinsPaid POSTs to your callback URL when a deposit, withdrawal or
//! exchange changes state.

use std::borrow::Cow;

use payments_core::provider::decode_json;
use payments_core::webhook::VerifyError;
use payments_core::{Amount, Currency};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use super::{Address, Status, lenient};

payments_core::wire_enum! {
    /// What an operation or a transaction is (`type`).
    pub enum TransactionKind {
        /// `deposit`.
        Deposit = "deposit",
        /// `withdrawal`.
        Withdrawal = "withdrawal",
        /// `exchange`.
        Exchange = "exchange",
        /// `deposit_exchange`: a deposit converted on arrival.
        DepositExchange = "deposit_exchange",
        /// `withdrawal_exchange`: a withdrawal paid from another currency's balance.
        WithdrawalExchange = "withdrawal_exchange",
    }
}

payments_core::wire_enum! {
    /// Where a transaction happened (`transaction_type`).
    pub enum TransactionType {
        /// `blockchain`: an on-chain transfer, with address, txid and confirmations.
        Blockchain = "blockchain",
        /// `exchange`: a conversion inside CoinsPaid, with `currency_to` and `amount_to`.
        Exchange = "exchange",
    }
}

payments_core::wire_enum! {
    /// What a fee pays for (`fees[].type`).
    pub enum FeeKind {
        /// `deposit`: CoinsPaid's deposit fee.
        Deposit = "deposit",
        /// `withdrawal`: CoinsPaid's withdrawal fee.
        Withdrawal = "withdrawal",
        /// `transfer`: moving funds on chain (e.g. gas for a token deposit).
        Transfer = "transfer",
        /// `exchange`: the conversion fee.
        Exchange = "exchange",
        /// `mining`: the network fee of a withdrawal.
        Mining = "mining",
    }
}

/// An amount in a currency (`currency_sent`, `currency_received`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CurrencyAmount {
    /// The currency.
    pub currency: Currency,
    /// The amount.
    pub amount: Amount,
    /// The amount after fees (deposits: what is credited to your balance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_minus_fee: Option<Amount>,
}

/// One transaction inside a callback: on chain (`blockchain`) or a conversion
/// (`exchange`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transaction {
    /// CoinsPaid's id of the transaction.
    pub id: u64,
    /// The currency moved (for an exchange: the currency converted from).
    pub currency: Currency,
    /// The currency converted to (exchange transactions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_to: Option<Currency>,
    /// On chain or a conversion.
    pub transaction_type: TransactionType,
    /// Deposit, withdrawal or exchange.
    #[serde(rename = "type")]
    pub kind: TransactionKind,
    /// The on-chain address (blockchain transactions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The destination tag or memo; `None` when null or empty.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub tag: Option<String>,
    /// The amount (sent as a string or a number; exact either way).
    pub amount: Amount,
    /// The amount converted to (exchange transactions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_to: Option<Amount>,
    /// The blockchain transaction id; `None` when null or empty (e.g. cancelled).
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub txid: Option<String>,
    /// The compliance risk score as sent (`"0.42"`); only some currencies have one.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub riskscore: Option<String>,
    /// Confirmations so far (sent as a number or a string).
    #[serde(
        default,
        deserialize_with = "lenient::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub confirmations: Option<u64>,
}

impl Transaction {
    /// `true` for an on-chain transaction.
    pub fn is_blockchain(&self) -> bool {
        self.transaction_type == TransactionType::Blockchain
    }

    /// `true` for a conversion inside CoinsPaid.
    pub fn is_exchange(&self) -> bool {
        self.transaction_type == TransactionType::Exchange
    }
}

/// A fee charged for the operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fee {
    /// What the fee pays for.
    #[serde(rename = "type")]
    pub kind: FeeKind,
    /// Its currency.
    pub currency: Currency,
    /// Its amount.
    pub amount: Amount,
}

/// A deposit (`deposit`) or a deposit converted on arrival (`deposit_exchange`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DepositCallback {
    /// CoinsPaid's id of the operation; with [`status`](Self::status) the de-duplication
    /// key.
    pub id: u64,
    /// `deposit` or `deposit_exchange`.
    #[serde(rename = "type")]
    pub kind: TransactionKind,
    /// The address that received the funds, with your `foreign_id`.
    pub crypto_address: Address,
    /// What the customer sent.
    pub currency_sent: CurrencyAmount,
    /// What reached your balance (`amount_minus_fee` is credited).
    pub currency_received: CurrencyAmount,
    /// The on-chain deposit and, with exchange, the conversion.
    pub transactions: Vec<Transaction>,
    /// The fees charged.
    pub fees: Vec<Fee>,
    /// CoinsPaid's error message; `None` when null or empty.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub error: Option<String>,
    /// The state: credit only on [`Status::Confirmed`].
    pub status: Status,
    /// The futures this deposit fulfils, when a rate was fixed with `futures/confirm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub futures_id: Option<u64>,
}

/// A withdrawal (`withdrawal`) or a withdrawal paid from another currency
/// (`withdrawal_exchange`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WithdrawalCallback {
    /// CoinsPaid's id of the withdrawal (the `id` of the `withdrawal/crypto` response).
    pub id: u64,
    /// Your `foreign_id` of the withdrawal.
    pub foreign_id: String,
    /// `withdrawal` or `withdrawal_exchange`.
    #[serde(rename = "type")]
    pub kind: TransactionKind,
    /// The destination address (`currency`/`convert_to` name the exchange, if any).
    pub crypto_address: Address,
    /// What left your balance (absent on a cancelled withdrawal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_sent: Option<CurrencyAmount>,
    /// What the address received (absent on a cancelled withdrawal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_received: Option<CurrencyAmount>,
    /// The conversion, if any, and the on-chain withdrawal.
    pub transactions: Vec<Transaction>,
    /// The fees charged.
    pub fees: Vec<Fee>,
    /// Why it failed, on cancellation; `None` when null or empty.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub error: Option<String>,
    /// The state.
    pub status: Status,
}

/// An exchange between two of your balances (`exchange`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExchangeCallback {
    /// CoinsPaid's id of the exchange (the `id` of the `exchange/*` response).
    pub id: u64,
    /// Your `foreign_id`, when sent (the documented examples have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign_id: Option<String>,
    /// `exchange`.
    #[serde(rename = "type")]
    pub kind: TransactionKind,
    /// What was sent.
    pub currency_sent: CurrencyAmount,
    /// What was received.
    pub currency_received: CurrencyAmount,
    /// The conversion.
    pub transactions: Vec<Transaction>,
    /// The fees charged.
    pub fees: Vec<Fee>,
    /// CoinsPaid's error message; `None` when null or empty.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub error: Option<String>,
    /// The state.
    pub status: Status,
}

/// A callback of a `type` this client does not know, kept as the exact body text.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct UnknownCallback {
    /// The `type` as sent.
    pub kind: String,
    /// The `id`, when it is a number.
    pub id: Option<u64>,
    /// The `status`, when present.
    pub status: Option<Status>,
    /// The whole verified body.
    pub raw: Box<RawValue>,
}

impl PartialEq for UnknownCallback {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.raw.get() == other.raw.get()
    }
}

impl Serialize for UnknownCallback {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(s)
    }
}

/// A verified callback, by `type`.
///
/// Obtain one from [`Verifier::verify`](crate::webhook::Verifier::verify), which checks
/// the signature before parsing. The same callback may arrive more than once: de-duplicate
/// by [`dedup_key`](Callback::dedup_key) (`id`, `status`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Callback {
    /// `deposit`.
    Deposit(DepositCallback),
    /// `deposit_exchange`: a deposit converted on arrival.
    DepositExchange(DepositCallback),
    /// `withdrawal`.
    Withdrawal(WithdrawalCallback),
    /// `withdrawal_exchange`: a withdrawal paid from another currency's balance.
    WithdrawalExchange(WithdrawalCallback),
    /// `exchange`.
    Exchange(ExchangeCallback),
    /// Any other `type`, kept verbatim.
    Unknown(UnknownCallback),
}

#[derive(Deserialize)]
struct Head<'a> {
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
}

#[derive(Deserialize)]
struct UnknownHead {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    status: Option<Status>,
}

/// Finds the top-level `"type": "<plain string>"` without parsing the whole document.
///
/// Only a fast path: it answers `None` (and the caller falls back to serde) whenever the
/// key or value is escaped, the JSON is unusual, or the key is absent. It only picks which
/// struct to read the body into; that full read checks the document.
fn scan_type(body: &[u8]) -> Option<&str> {
    let mut i = 0;
    let n = body.len();
    let skip_ws = |mut i: usize| {
        while i < n && body[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    // Reads a string starting at the opening quote; returns (content, index after it),
    // or None when it holds an escape (left to serde).
    let string = |i: usize| -> Option<(&[u8], usize)> {
        let start = i + 1;
        let end = start + body.get(start..)?.iter().position(|&b| b == b'"')?;
        let content = &body[start..end];
        if content.contains(&b'\\') {
            return None;
        }
        Some((content, end + 1))
    };
    i = skip_ws(i);
    if body.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut depth = 1usize;
    while i < n {
        match body[i] {
            b'"' => {
                let (content, next) = string(i)?;
                let after = skip_ws(next);
                if depth == 1 && body.get(after) == Some(&b':') {
                    if content == b"type" {
                        let v = skip_ws(after + 1);
                        if body.get(v) != Some(&b'"') {
                            return None;
                        }
                        let (value, _) = string(v)?;
                        return std::str::from_utf8(value).ok();
                    }
                    i = after + 1;
                } else {
                    i = next;
                }
            }
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return None;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, VerifyError> {
    decode_json(body).map_err(|f| VerifyError::Decode {
        path: f.path,
        message: f.message,
    })
}

impl Callback {
    /// Parses a callback body. Call this only on a body whose signature you checked;
    /// [`Verifier::verify`](crate::webhook::Verifier::verify) does both.
    ///
    /// The `type` is read first; then the whole body is read straight into the matching
    /// struct, so amounts keep their exact digits (`0.10882300` keeps its 8 places).
    pub fn parse(body: &[u8]) -> Result<Callback, VerifyError> {
        let kind: Cow<'_, str> = match scan_type(body) {
            Some(kind) => Cow::Borrowed(kind),
            None => {
                let head: Head<'_> =
                    serde_json::from_slice(body).map_err(|e| VerifyError::Decode {
                        path: ".".into(),
                        message: e.to_string(),
                    })?;
                head.kind
            }
        };
        Ok(match kind.as_ref() {
            "deposit" => Callback::Deposit(decode(body)?),
            "deposit_exchange" => Callback::DepositExchange(decode(body)?),
            "withdrawal" => Callback::Withdrawal(decode(body)?),
            "withdrawal_exchange" => Callback::WithdrawalExchange(decode(body)?),
            "exchange" => Callback::Exchange(decode(body)?),
            other => {
                let h: UnknownHead = decode(body)?;
                let text = std::str::from_utf8(body).map_err(|e| VerifyError::Decode {
                    path: ".".into(),
                    message: e.to_string(),
                })?;
                let raw = RawValue::from_string(text.trim().to_owned()).map_err(|e| {
                    VerifyError::Decode {
                        path: ".".into(),
                        message: e.to_string(),
                    }
                })?;
                Callback::Unknown(UnknownCallback {
                    kind: other.to_owned(),
                    id: h.id.as_ref().and_then(serde_json::Value::as_u64),
                    status: h.status,
                    raw,
                })
            }
        })
    }

    /// The `type`.
    pub fn kind(&self) -> TransactionKind {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => c.kind.clone(),
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => c.kind.clone(),
            Callback::Exchange(c) => c.kind.clone(),
            Callback::Unknown(c) => TransactionKind::Unknown(c.kind.clone()),
        }
    }

    /// CoinsPaid's id of the operation (`None` only for an unknown type without one).
    pub fn id(&self) -> Option<u64> {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => Some(c.id),
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => Some(c.id),
            Callback::Exchange(c) => Some(c.id),
            Callback::Unknown(c) => c.id,
        }
    }

    /// The status (`None` only for an unknown type without one).
    pub fn status(&self) -> Option<&Status> {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => Some(&c.status),
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => Some(&c.status),
            Callback::Exchange(c) => Some(&c.status),
            Callback::Unknown(c) => c.status.as_ref(),
        }
    }

    /// Your `foreign_id`: the withdrawal's or exchange's own, or the deposit address's.
    pub fn foreign_id(&self) -> Option<&str> {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => {
                c.crypto_address.foreign_id.as_deref()
            }
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => Some(&c.foreign_id),
            Callback::Exchange(c) => c.foreign_id.as_deref(),
            Callback::Unknown(_) => None,
        }
    }

    /// The error message, when CoinsPaid sent a non-empty one.
    pub fn error(&self) -> Option<&str> {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => c.error.as_deref(),
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => c.error.as_deref(),
            Callback::Exchange(c) => c.error.as_deref(),
            Callback::Unknown(_) => None,
        }
    }

    /// The transactions (empty for an unknown type).
    pub fn transactions(&self) -> &[Transaction] {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => &c.transactions,
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => &c.transactions,
            Callback::Exchange(c) => &c.transactions,
            Callback::Unknown(_) => &[],
        }
    }

    /// The fees (empty for an unknown type).
    pub fn fees(&self) -> &[Fee] {
        match self {
            Callback::Deposit(c) | Callback::DepositExchange(c) => &c.fees,
            Callback::Withdrawal(c) | Callback::WithdrawalExchange(c) => &c.fees,
            Callback::Exchange(c) => &c.fees,
            Callback::Unknown(_) => &[],
        }
    }

    /// The key to de-duplicate deliveries by: `(id, status)`. The same operation is
    /// reported once per status change and may be delivered again; a repeat of a pair
    /// already processed must be acknowledged and ignored. `None` when the callback has
    /// no numeric id or no status (unknown types only).
    pub fn dedup_key(&self) -> Option<(u64, Status)> {
        Some((self.id()?, self.status()?.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::scan_type;

    #[test]
    fn scan_type_finds_only_the_top_level_key() {
        assert_eq!(scan_type(br#"{"id":1,"type":"deposit"}"#), Some("deposit"));
        assert_eq!(scan_type(br#" { "type" : "exchange" } "#), Some("exchange"));
        // Nested `type` keys (transactions, fees) and string values are skipped.
        assert_eq!(
            scan_type(br#"{"a":{"type":"x"},"b":[{"type":"y"}],"c":"type","type":"z"}"#),
            Some("z")
        );
        assert_eq!(scan_type(br#"{"a":"}","type":"w"}"#), Some("w"));
        // Anything unusual is left to serde.
        assert_eq!(scan_type(br#"{"type":"dep\u006fsit"}"#), None);
        assert_eq!(scan_type(br#"{"a":"x\"y","type":"d"}"#), None);
        assert_eq!(scan_type(br#"{"type":1}"#), None);
        assert_eq!(scan_type(br#"{"id":1}"#), None);
        assert_eq!(scan_type(b"[]"), None);
        assert_eq!(scan_type(b""), None);
        assert_eq!(scan_type(br#"{"type""#), None);
    }
}
