//! CoinCover's tables: threat codes, listed destinations, blocklisted wallets, USD rates and limits.

use super::*;

/// Destinations that start with this prefix followed by a documented threat code
/// (`SANDBOX-THREAT-50115`, optionally followed by `-` and anything, such as
/// `SANDBOX-THREAT-50115-b`) come back RED with that code. A code CoinCover does not
/// document is a 400, so a typo does not pass silently.
pub const THREAT_PREFIX: &str = "SANDBOX-THREAT-";

/// Wallets whose `walletId` starts with this prefix are on the blocklist (50201).
pub const BLOCKLISTED_WALLET_PREFIX: &str = "SANDBOX-BLOCKLISTED-";

/// Realistic-looking destinations for demos, with the code each one triggers. They are made
/// up and belong to no one.
pub const LISTED_DESTINATIONS: &[(&str, u32)] = &[
    // Sanctioned address.
    ("1SanctionedDemoAddr7Fh3Kq9Wm2Xp5Lt", 50101),
    // Scamming address.
    ("0x5ca3000000000000000000000000000000050102", 50102),
];

/// Realistic-looking blocklisted wallets for demos (50201), besides every `walletId` that
/// starts with [`BLOCKLISTED_WALLET_PREFIX`]. Made up.
pub const BLOCKLISTED_WALLETS: &[&str] = &["3BLockListedDemoWa11et9Qz4Rt6Yu8Hj"];

/// The fixed USD price of one unit of each supported coin (CoinGecko ids). Any other
/// well-formed coin id is unsupported (50701).
pub const USD_RATES: &[(&str, &str)] = &[
    ("bitcoin", "60000"),
    ("ethereum", "3000"),
    ("bitcoin-cash", "400"),
    ("litecoin", "80"),
    ("tether", "1"),
    ("usd-coin", "1"),
    ("dai", "1"),
    ("binancecoin", "550"),
    ("solana", "150"),
    ("ripple", "0.5"),
    ("cardano", "0.4"),
    ("dogecoin", "0.1"),
    ("tron", "0.12"),
    ("polkadot", "6"),
    ("matic-network", "0.7"),
    ("avalanche-2", "30"),
];

/// A single transaction worth more than this many USD is RED 50303.
pub const ORGANISATION_TRANSACTION_LIMIT_USD: u64 = 5_000_000;

/// A wallet's GREEN total over the last hour, this transaction included, above this many
/// USD is RED 50304.
pub const WALLET_HOURLY_LIMIT_USD: u64 = 1_000_000;

/// A wallet's GREEN total over the last 24 hours, this transaction included, above this
/// many USD is RED 50305.
pub const WALLET_DAILY_LIMIT_USD: u64 = 5_000_000;

/// A user's daily limit is this many times the plan's `levelUsd` (the hourly limit and the
/// single-transaction limit are `levelUsd` itself).
pub const USER_DAILY_LEVEL_MULTIPLE: u64 = 2;

/// The most outputs one check may carry.
pub const MAX_OUTPUTS: usize = 1000;

/// The longest text field accepted (ids, names, addresses), in characters.
pub const MAX_TEXT_LEN: usize = 256;

pub(crate) const HOUR: u64 = 3600;
pub(crate) const DAY: u64 = 24 * HOUR;

/// One of CoinCover's documented threat codes, as the sandbox answers it in a RED `reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threat {
    /// The code (`50101`).
    pub code: u32,
    /// CoinCover's category label (`Sanctioned address`).
    pub category: &'static str,
    /// The "Reason" text of CoinCover's threat table, used as the RED `description`.
    pub description: &'static str,
}

/// CoinCover's 38 documented threat codes, transcribed from the "Threat Detected Codes" table of
/// CoinCover's API reference (the sandbox's own copy; a test checks codes and categories
/// against `fixtures/coincover/docs/threat-codes.json`).
pub const THREATS: &[Threat] = &[
    Threat {
        code: 50101,
        category: "Sanctioned address",
        description: "The destination wallet address is associated with an untrustworthy or high-risk jurisdiction.",
    },
    Threat {
        code: 50102,
        category: "Scamming address",
        description: "The destination wallet address has previously been associated with reported scam.",
    },
    Threat {
        code: 50103,
        category: "Phishing address",
        description: "The destination wallet address has previously been associated with reported phishing activities",
    },
    Threat {
        code: 50104,
        category: "Previous claim",
        description: "The destination wallet address has previously been associated with a previous claim incident.",
    },
    Threat {
        code: 50105,
        category: "Honeypot token",
        description: "The destination wallet address has previously been associated with honeypot tokens or has created scam tokens.",
    },
    Threat {
        code: 50106,
        category: "Blackmail activities",
        description: "The destination wallet address has previously been associated with blackmail activities.",
    },
    Threat {
        code: 50107,
        category: "Stealing attack",
        description: "The destination wallet address has previously been associated with a reported stealing attack.",
    },
    Threat {
        code: 50108,
        category: "Fake KYC",
        description: "The destination wallet address has previously been involved with faking KYC requirements.",
    },
    Threat {
        code: 50109,
        category: "Malicious mining activities",
        description: "The destination wallet address has previously been involved with malicious mining activities.",
    },
    Threat {
        code: 50110,
        category: "Darkweb transactions",
        description: "The destination wallet address has previously been involved with darkweb transactions.",
    },
    Threat {
        code: 50111,
        category: "Cybercrime",
        description: "The destination wallet address has previously been involved with cybercrime activities.",
    },
    Threat {
        code: 50112,
        category: "Money laundering",
        description: "The destination wallet address has previously been involved with money laundering activities.",
    },
    Threat {
        code: 50113,
        category: "Financial crime",
        description: "The destination wallet address has previously been involved with financial crime activities.",
    },
    Threat {
        code: 50114,
        category: "Sextortion",
        description: "The destination wallet address has previously been involved with sextortion activities.",
    },
    Threat {
        code: 50115,
        category: "Ransomware",
        description: "The destination wallet address has previously been involved with ransomware attacks.",
    },
    Threat {
        code: 50201,
        category: "Associated with blocklist wallet",
        description: "The destination wallet address has previously transacted with known blocklisted addresses.",
    },
    Threat {
        code: 50202,
        category: "Suspected malicious address",
        description: "The destination wallet address is suspected to be involved with malicious behaviour.",
    },
    Threat {
        code: 50301,
        category: "User upper amount hourly limit",
        description: "The transaction amount breaches the user’s maximum amount per hour limit policy.",
    },
    Threat {
        code: 50302,
        category: "User upper amount daily limit",
        description: "The transaction amount breaches the user’s maximum amount per day limit policy.",
    },
    Threat {
        code: 50303,
        category: "Organisation transaction upper amount limit",
        description: "The transaction amount breaches the maximum amount per transaction limit policy.",
    },
    Threat {
        code: 50304,
        category: "Wallet hourly upper amount limit",
        description: "The transaction amount breaches the maximum amount per hour for this wallet.",
    },
    Threat {
        code: 50305,
        category: "Wallet daily upper amount limit",
        description: "The transaction amount breaches the maximum amount per day for this wallet.",
    },
    Threat {
        code: 50306,
        category: "Organisation hourly upper amount limit",
        description: "The transaction amount breaches the maximum amount per hour for your organisation.",
    },
    Threat {
        code: 50307,
        category: "Organisation daily upper amount limit",
        description: "The transaction amount breaches the maximum amount per day for your organisation.",
    },
    Threat {
        code: 50308,
        category: "Organisation transactions limit (per user)",
        description: "The transaction breaches the maximum number of transactions allowed per day for your organisation.",
    },
    Threat {
        code: 50310,
        category: "User transaction upper amount limit",
        description: "This transaction amount breaches the maximum claim limit amount for this user.",
    },
    Threat {
        code: 50401,
        category: "User upper limit",
        description: "This transaction amount breaches CoinCover’s user limit policy.",
    },
    Threat {
        code: 50402,
        category: "Transaction amount daily limit",
        description: "This transaction amount breaches CoinCover’s daily limit policy.",
    },
    Threat {
        code: 50403,
        category: "Transaction upper amount limit",
        description: "The transaction amount breaches CoinCover’s maximum amount per transaction limit.",
    },
    Threat {
        code: 50501,
        category: "Anomalous daily transaction",
        description: "This transaction has been determined as being suspicious in conjunction with the daily pattern.",
    },
    Threat {
        code: 50502,
        category: "Anomalous weekly transaction",
        description: "This transaction has been determined as being suspicious in conjunction with the weekly pattern.",
    },
    Threat {
        code: 50503,
        category: "Anomalous monthly transaction",
        description: "This transaction has been determined as being suspicious in conjunction with the monthly pattern.",
    },
    Threat {
        code: 50504,
        category: "Anomalous quarterly transaction",
        description: "This transaction has been determined as being suspicious in conjunction with the quarterly pattern.",
    },
    Threat {
        code: 50505,
        category: "Anomalous yearly transaction",
        description: "This transaction has been determined as being suspicious in conjunction with the yearly pattern.",
    },
    Threat {
        code: 50601,
        category: "Transaction is in a time window with abnormal volume",
        description: "This transaction has been determined as being suspicious in conjunction with time of day.",
    },
    Threat {
        code: 50602,
        category: "Transaction is in a time window with abnormal volume",
        description: "This transaction has been determined as being suspicious in conjunction weekly behaviour.",
    },
    Threat {
        code: 50603,
        category: "Transaction is in a time window with abnormal volume",
        description: "This transaction has been determined as being suspicious in conjunction monthly behaviour.",
    },
    Threat {
        code: 50701,
        category: "Token not supported by CoinCover",
        description: "This transaction contains a token that is not protected by CoinCover.",
    },
];

/// The codes the rules answer with (the others are reachable only through listed destinations).
pub(crate) mod code {
    /// 50201.
    pub(crate) const BLOCKLIST_WALLET: u32 = 50201;
    /// 50301.
    pub(crate) const USER_HOURLY_LIMIT: u32 = 50301;
    /// 50302.
    pub(crate) const USER_DAILY_LIMIT: u32 = 50302;
    /// 50303.
    pub(crate) const ORGANISATION_TRANSACTION_LIMIT: u32 = 50303;
    /// 50304.
    pub(crate) const WALLET_HOURLY_LIMIT: u32 = 50304;
    /// 50305.
    pub(crate) const WALLET_DAILY_LIMIT: u32 = 50305;
    /// 50310.
    pub(crate) const USER_TRANSACTION_LIMIT: u32 = 50310;
    /// 50701.
    pub(crate) const TOKEN_NOT_SUPPORTED: u32 = 50701;
}

/// The documented threat `code`, if CoinCover documents it.
pub fn threat(code: u32) -> Option<&'static Threat> {
    THREATS.iter().find(|t| t.code == code)
}

/// The threat code a destination triggers, if it is a listed address: a
/// [`THREAT_PREFIX`] address with a documented code, or one of [`LISTED_DESTINATIONS`].
pub fn listed_destination(destination: &str) -> Option<u32> {
    if let Some(rest) = destination.strip_prefix(THREAT_PREFIX) {
        let digits = rest.get(..5)?;
        let tail = rest.get(5..)?;
        if !digits.bytes().all(|b| b.is_ascii_digit())
            || !(tail.is_empty() || tail.starts_with('-'))
        {
            return None;
        }
        return threat(digits.parse().ok()?).map(|t| t.code);
    }
    LISTED_DESTINATIONS
        .iter()
        .find(|(address, _)| *address == destination)
        .map(|&(_, code)| code)
}

/// `true` when `wallet_id` is on the sandbox's blocklist (50201).
pub fn is_blocklisted_wallet(wallet_id: &str) -> bool {
    wallet_id.starts_with(BLOCKLISTED_WALLET_PREFIX) || BLOCKLISTED_WALLETS.contains(&wallet_id)
}

/// The sandbox's USD price of one unit of `coin`, if the coin is supported.
pub fn usd_rate(coin: &str) -> Option<Decimal> {
    USD_RATES
        .iter()
        .find(|(id, _)| *id == coin)
        .and_then(|(_, rate)| crate::toolkit::decimal(rate))
}
