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
// Per-provider id stream, so adding providers does not shift CoinCover's ids.
pub(crate) const ID_STREAM: u64 = 1;

/// The threat code a destination triggers, if it is a listed address: a
/// [`THREAT_PREFIX`] address with a documented code, or one of [`LISTED_DESTINATIONS`].
pub fn listed_destination(destination: &str) -> Option<ThreatCode> {
    if let Some(rest) = destination.strip_prefix(THREAT_PREFIX) {
        let digits = rest.get(..5)?;
        let tail = rest.get(5..)?;
        if !digits.bytes().all(|b| b.is_ascii_digit())
            || !(tail.is_empty() || tail.starts_with('-'))
        {
            return None;
        }
        let code = ThreatCode::from_code(digits.parse().ok()?);
        return ThreatCode::ALL.contains(&code).then_some(code);
    }
    LISTED_DESTINATIONS
        .iter()
        .find(|(address, _)| *address == destination)
        .map(|&(_, code)| ThreatCode::from_code(code))
}

/// `true` when `wallet_id` is on the sandbox's blocklist (50201).
pub fn is_blocklisted_wallet(wallet_id: &str) -> bool {
    wallet_id.starts_with(BLOCKLISTED_WALLET_PREFIX) || BLOCKLISTED_WALLETS.contains(&wallet_id)
}

/// The sandbox's USD price of one unit of `coin`, if the coin is supported.
pub fn usd_rate(coin: &str) -> Option<Amount> {
    USD_RATES
        .iter()
        .find(|(id, _)| *id == coin)
        .and_then(|(_, rate)| Amount::parse(rate).ok())
}
