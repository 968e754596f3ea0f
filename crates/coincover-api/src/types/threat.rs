//! CoinCover's threat-detected codes: why a transaction check came back RED.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// The family a [`ThreatCode`] belongs to (its first three digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ThreatFamily {
    /// 501xx: the destination address itself is flagged (sanctions, scams, crime).
    AddressReputation,
    /// 502xx: the destination is associated with blocklisted or suspicious wallets.
    AddressAssociation,
    /// 503xx: the partner's own amount or count limits (per user, wallet, organisation).
    PartnerLimit,
    /// 504xx: CoinCover's own limits.
    CoinCoverLimit,
    /// 505xx: anomalous against the user's usual daily to yearly pattern.
    AnomalousPattern,
    /// 506xx: inside a time window with abnormal volume.
    AbnormalTimeWindow,
    /// 507xx: the token is not protected by CoinCover.
    UnsupportedToken,
    /// A code outside the documented families.
    Unknown,
}

macro_rules! threat_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $family:ident, $label:literal, $desc:literal; )*) => {
        /// A threat-detected code from a RED transaction check.
        ///
        /// Every code of CoinCover's table is a variant; codes added later arrive as
        /// [`ThreatCode::Unknown`] instead of failing to parse. Serialized as the number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ThreatCode {
            $( $(#[$doc])* $variant, )*
            /// A code not in the documented table.
            Unknown(u32),
        }

        impl ThreatCode {
            /// Every documented code, in table order.
            pub const ALL: &'static [ThreatCode] = &[$(ThreatCode::$variant),*];

            /// The code from its number (unknown numbers give [`ThreatCode::Unknown`]).
            pub fn from_code(code: u32) -> Self {
                match code {
                    $( $code => ThreatCode::$variant, )*
                    other => ThreatCode::Unknown(other),
                }
            }

            /// The number, e.g. `50101`.
            pub fn code(self) -> u32 {
                match self {
                    $( ThreatCode::$variant => $code, )*
                    ThreatCode::Unknown(c) => c,
                }
            }

            /// The family.
            pub fn family(self) -> ThreatFamily {
                match self {
                    $( ThreatCode::$variant => ThreatFamily::$family, )*
                    ThreatCode::Unknown(_) => ThreatFamily::Unknown,
                }
            }

            /// CoinCover's category label, e.g. `Sanctioned address`.
            pub fn category(self) -> &'static str {
                match self {
                    $( ThreatCode::$variant => $label, )*
                    ThreatCode::Unknown(_) => "Unknown threat",
                }
            }

            /// What the code means, in a sentence.
            pub fn description(self) -> &'static str {
                match self {
                    $( ThreatCode::$variant => $desc, )*
                    ThreatCode::Unknown(_) => "A threat code this client does not know yet.",
                }
            }
        }
    };
}

threat_codes! {
    /// 50101.
    SanctionedAddress = 50101, AddressReputation, "Sanctioned address",
        "The destination is linked to a high-risk or sanctioned jurisdiction.";
    /// 50102.
    ScammingAddress = 50102, AddressReputation, "Scamming address",
        "The destination has been reported in connection with a scam.";
    /// 50103.
    PhishingAddress = 50103, AddressReputation, "Phishing address",
        "The destination has been reported in connection with phishing.";
    /// 50104.
    PreviousClaim = 50104, AddressReputation, "Previous claim",
        "The destination was involved in an earlier claim incident.";
    /// 50105.
    HoneypotToken = 50105, AddressReputation, "Honeypot token",
        "The destination is linked to honeypot tokens or created scam tokens.";
    /// 50106.
    BlackmailActivities = 50106, AddressReputation, "Blackmail activities",
        "The destination is linked to blackmail.";
    /// 50107.
    StealingAttack = 50107, AddressReputation, "Stealing attack",
        "The destination is linked to a reported theft.";
    /// 50108.
    FakeKyc = 50108, AddressReputation, "Fake KYC",
        "The destination is linked to faked KYC checks.";
    /// 50109.
    MaliciousMining = 50109, AddressReputation, "Malicious mining activities",
        "The destination is linked to malicious mining.";
    /// 50110.
    DarkwebTransactions = 50110, AddressReputation, "Darkweb transactions",
        "The destination has transacted on darkweb markets.";
    /// 50111.
    Cybercrime = 50111, AddressReputation, "Cybercrime",
        "The destination is linked to cybercrime.";
    /// 50112.
    MoneyLaundering = 50112, AddressReputation, "Money laundering",
        "The destination is linked to money laundering.";
    /// 50113.
    FinancialCrime = 50113, AddressReputation, "Financial crime",
        "The destination is linked to financial crime.";
    /// 50114.
    Sextortion = 50114, AddressReputation, "Sextortion",
        "The destination is linked to sextortion.";
    /// 50115.
    Ransomware = 50115, AddressReputation, "Ransomware",
        "The destination is linked to ransomware attacks.";
    /// 50201.
    AssociatedWithBlocklistWallet = 50201, AddressAssociation, "Associated with blocklist wallet",
        "The destination has transacted with blocklisted addresses.";
    /// 50202.
    SuspectedMaliciousAddress = 50202, AddressAssociation, "Suspected malicious address",
        "The destination is suspected of malicious behaviour.";
    /// 50301.
    UserHourlyAmountLimit = 50301, PartnerLimit, "User upper amount hourly limit",
        "Over the partner's per-user amount limit for one hour.";
    /// 50302.
    UserDailyAmountLimit = 50302, PartnerLimit, "User upper amount daily limit",
        "Over the partner's per-user amount limit for one day.";
    /// 50303.
    OrganisationTransactionAmountLimit = 50303, PartnerLimit, "Organisation transaction upper amount limit",
        "Over the partner's limit for a single transaction.";
    /// 50304.
    WalletHourlyAmountLimit = 50304, PartnerLimit, "Wallet hourly upper amount limit",
        "Over the partner's per-wallet amount limit for one hour.";
    /// 50305.
    WalletDailyAmountLimit = 50305, PartnerLimit, "Wallet daily upper amount limit",
        "Over the partner's per-wallet amount limit for one day.";
    /// 50306.
    OrganisationHourlyAmountLimit = 50306, PartnerLimit, "Organisation hourly upper amount limit",
        "Over the partner's organisation-wide amount limit for one hour.";
    /// 50307.
    OrganisationDailyAmountLimit = 50307, PartnerLimit, "Organisation daily upper amount limit",
        "Over the partner's organisation-wide amount limit for one day.";
    /// 50308.
    OrganisationTransactionsPerUserLimit = 50308, PartnerLimit, "Organisation transactions limit (per user)",
        "Over the partner's daily number of transactions per user.";
    /// 50310 (there is no 50309).
    UserTransactionAmountLimit = 50310, PartnerLimit, "User transaction upper amount limit",
        "Over the claim limit of this user's cover.";
    /// 50401.
    CoinCoverUserLimit = 50401, CoinCoverLimit, "User upper limit",
        "Over CoinCover's per-user limit.";
    /// 50402.
    CoinCoverDailyAmountLimit = 50402, CoinCoverLimit, "Transaction amount daily limit",
        "Over CoinCover's daily amount limit.";
    /// 50403.
    CoinCoverTransactionAmountLimit = 50403, CoinCoverLimit, "Transaction upper amount limit",
        "Over CoinCover's limit for a single transaction.";
    /// 50501.
    AnomalousDaily = 50501, AnomalousPattern, "Anomalous daily transaction",
        "Unusual against the user's daily pattern.";
    /// 50502.
    AnomalousWeekly = 50502, AnomalousPattern, "Anomalous weekly transaction",
        "Unusual against the user's weekly pattern.";
    /// 50503.
    AnomalousMonthly = 50503, AnomalousPattern, "Anomalous monthly transaction",
        "Unusual against the user's monthly pattern.";
    /// 50504.
    AnomalousQuarterly = 50504, AnomalousPattern, "Anomalous quarterly transaction",
        "Unusual against the user's quarterly pattern.";
    /// 50505.
    AnomalousYearly = 50505, AnomalousPattern, "Anomalous yearly transaction",
        "Unusual against the user's yearly pattern.";
    /// 50601.
    AbnormalVolumeTimeOfDay = 50601, AbnormalTimeWindow, "Transaction is in a time window with abnormal volume",
        "Sent at a time of day with abnormal volume.";
    /// 50602.
    AbnormalVolumeWeekly = 50602, AbnormalTimeWindow, "Transaction is in a time window with abnormal volume",
        "Sent in a part of the week with abnormal volume.";
    /// 50603.
    AbnormalVolumeMonthly = 50603, AbnormalTimeWindow, "Transaction is in a time window with abnormal volume",
        "Sent in a part of the month with abnormal volume.";
    /// 50701.
    TokenNotSupported = 50701, UnsupportedToken, "Token not supported by CoinCover",
        "The token is not one CoinCover protects.";
}

impl fmt::Display for ThreatCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code(), self.category())
    }
}

impl Serialize for ThreatCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.code())
    }
}

impl<'de> Deserialize<'de> for ThreatCode {
    /// Reads `50101` or `"50101"`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = ThreatCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a threat code as a number or a string of digits")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ThreatCode, E> {
                u32::try_from(v)
                    .map(ThreatCode::from_code)
                    .map_err(|_| E::custom("threat code out of range"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ThreatCode, E> {
                u32::try_from(v)
                    .map(ThreatCode::from_code)
                    .map_err(|_| E::custom("threat code out of range"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ThreatCode, E> {
                v.trim()
                    .parse::<u32>()
                    .map(ThreatCode::from_code)
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_any(V)
    }
}
