//! The transaction-check verdict.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::threat::ThreatCode;

/// The verdict of a transaction check.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransactionStatus {
    /// `GREEN`: the transaction looks safe and can be protected.
    Green,
    /// `RED`: the transaction looks malicious; see [`TransactionCheck::reason`].
    Red,
    /// A status this client does not know yet, kept as sent.
    Unknown(String),
}

impl TransactionStatus {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            TransactionStatus::Green => "GREEN",
            TransactionStatus::Red => "RED",
            TransactionStatus::Unknown(s) => s,
        }
    }
}

impl fmt::Display for TransactionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for TransactionStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TransactionStatus {
    /// Case-insensitive: `GREEN`, `Green` and `green` are all [`TransactionStatus::Green`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(if s.eq_ignore_ascii_case("GREEN") {
            TransactionStatus::Green
        } else if s.eq_ignore_ascii_case("RED") {
            TransactionStatus::Red
        } else {
            TransactionStatus::Unknown(s.into_owned())
        })
    }
}

/// Why a transaction is RED.
///
/// CoinCover's documentation names the codes but shows no RED example, so the reader is
/// lenient: `"reason"` may be the code (`50101` or `"50101"`) or an object with `code` and
/// optionally `category` and `description` (or `reason`). It is written back as the object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreatReason {
    /// The threat code.
    pub code: ThreatCode,
    /// CoinCover's category label, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// CoinCover's description, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl ThreatReason {
    /// A reason from its code alone.
    pub fn from_code(code: ThreatCode) -> Self {
        ThreatReason {
            code,
            category: None,
            description: None,
        }
    }

    /// The category as sent, or the documented label of the code.
    pub fn category(&self) -> &str {
        self.category.as_deref().unwrap_or(self.code.category())
    }

    /// The description as sent, or the client's description of the code.
    pub fn description(&self) -> &str {
        self.description
            .as_deref()
            .unwrap_or(self.code.description())
    }
}

impl<'de> Deserialize<'de> for ThreatReason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Object {
                #[serde(alias = "threatCode", alias = "reasonCode")]
                code: ThreatCode,
                #[serde(default)]
                category: Option<String>,
                #[serde(default, alias = "reason", alias = "message")]
                description: Option<String>,
            },
            Code(ThreatCode),
        }
        match Wire::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "expected a threat code (number or string) or an object with a `code`",
            )
        })? {
            Wire::Object {
                code,
                category,
                description,
            } => Ok(ThreatReason {
                code,
                category,
                description,
            }),
            Wire::Code(code) => Ok(ThreatReason::from_code(code)),
        }
    }
}

/// The answer to a [`CheckTransaction`](crate::api::CheckTransaction).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionCheck {
    /// CoinCover's id of this check.
    #[serde(rename = "transactionUUID")]
    pub transaction_uuid: String,
    /// GREEN or RED.
    pub status: TransactionStatus,
    /// CoinCover's human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// For RED: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ThreatReason>,
    /// Fields this client does not model, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TransactionCheck {
    /// `true` for GREEN.
    pub fn is_green(&self) -> bool {
        self.status == TransactionStatus::Green
    }

    /// `true` for RED.
    pub fn is_red(&self) -> bool {
        self.status == TransactionStatus::Red
    }

    /// The threat code of a RED verdict.
    pub fn threat_code(&self) -> Option<ThreatCode> {
        self.reason.as_ref().map(|r| r.code)
    }
}
