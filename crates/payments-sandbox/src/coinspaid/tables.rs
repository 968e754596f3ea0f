//! CoinsPaid's tables: currencies, rates, fees and limits (the rates are the sandbox's own).

use super::*;

/// One currency of the sandbox: what `currencies/list` reports, its fixed EUR rate, its
/// network fee and its seeded balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyRow {
    /// The `id` of `currencies/list`.
    pub id: u64,
    /// The ISO code (`BTC`).
    pub code: &'static str,
    /// `true` for fiat currencies: no deposit addresses, withdrawals only with `convert_to`.
    pub fiat: bool,
    /// The minimum amount of withdrawals and exchanges sent in this currency.
    pub minimum: &'static str,
    /// The percentage of a confirmed plain deposit kept as the `deposit` fee.
    pub deposit_fee_percent: &'static str,
    /// The `withdrawal_fee_percent` of `currencies/list` (0: withdrawals pay only the network
    /// fee).
    pub withdrawal_fee_percent: &'static str,
    /// The `precision` of `currencies/list`.
    pub precision: u32,
    /// The value of one unit in EUR; every price is the ratio of two of these.
    pub eur_rate: &'static str,
    /// The `mining` fee of a withdrawal in this currency, debited on top of the amount.
    pub network_fee: &'static str,
    /// The balance a new (or reset) sandbox holds.
    pub seed_balance: &'static str,
}

/// The sandbox's currencies, in the order every list answers them.
pub const CURRENCIES: &[CurrencyRow] = &[
    CurrencyRow {
        id: 1,
        code: "BTC",
        fiat: false,
        minimum: "0.001",
        deposit_fee_percent: "1",
        withdrawal_fee_percent: "0",
        precision: 8,
        eur_rate: "30000",
        network_fee: "0.00005",
        seed_balance: "1.5",
    },
    CurrencyRow {
        id: 2,
        code: "ETH",
        fiat: false,
        minimum: "0.01",
        deposit_fee_percent: "1",
        withdrawal_fee_percent: "0",
        precision: 8,
        eur_rate: "2000",
        network_fee: "0.0005",
        seed_balance: "20",
    },
    CurrencyRow {
        id: 3,
        code: "USDT",
        fiat: false,
        minimum: "10",
        deposit_fee_percent: "1",
        withdrawal_fee_percent: "0",
        precision: 6,
        eur_rate: "0.9",
        network_fee: "1",
        seed_balance: "10000",
    },
    CurrencyRow {
        id: 4,
        code: "EUR",
        fiat: true,
        minimum: "25",
        deposit_fee_percent: "0",
        withdrawal_fee_percent: "0",
        precision: 2,
        eur_rate: "1",
        network_fee: "0",
        seed_balance: "5000",
    },
    CurrencyRow {
        id: 5,
        code: "USD",
        fiat: true,
        minimum: "30",
        deposit_fee_percent: "0",
        withdrawal_fee_percent: "0",
        precision: 2,
        eur_rate: "0.9",
        network_fee: "0",
        seed_balance: "0",
    },
];

/// The exchange fee, in percent of the gross amount received, of every exchange
/// (`exchange/*`, deposits and withdrawals with conversion). Futures confirmations quote a
/// fee of 0 but the deposit that uses them still pays this.
pub const EXCHANGE_FEE_PERCENT: &str = "1";

/// How long `exchange/calculate` says its price is fixed, in seconds.
pub const CALCULATE_FIX_PERIOD_SECS: u64 = 60;

/// How long `futures/rates` fixes the rates of an address, in seconds of the configured clock.
pub const FUTURES_FIX_PERIOD_SECS: u64 = 600;

/// The largest futures confirmation, in EUR (sender amount × EUR rate), as documented.
pub const FUTURES_LIMIT_EUR: u64 = 10_000;

/// A withdrawal to an address starting with this is cancelled (and refunded) instead of
/// confirmed.
pub const CANCEL_ADDRESS_PREFIX: &str = "SANDBOX-CANCEL";

/// The `error` of a cancelled sandbox withdrawal's callback.
pub const CANCEL_ERROR: &str = "Sandbox: withdrawals to SANDBOX-CANCEL addresses are cancelled.";

/// A BTC address to demo a cancelled withdrawal.
pub const DEMO_CANCEL_ADDRESS: &str = "SANDBOX-CANCEL-demo";

/// The `confirmations` of confirmed deposit and withdrawal transactions.
pub const CONFIRMATIONS: u64 = 3;

pub(crate) const KEY_HEADER: &str = "x-processing-key";
pub(crate) const SIGNATURE_HEADER: &str = "X-Processing-Signature";

/// The row of `code` (upper case).
pub fn currency(code: &str) -> Option<&'static CurrencyRow> {
    CURRENCIES.iter().find(|c| c.code == code)
}

pub(crate) fn round8(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero)
}

/// `d` rounded to 8 places and printed with all 8 (`"0.01000000"`), as the docs print
/// amounts.
pub(crate) fn fmt8(d: Decimal) -> String {
    let mut d = round8(d);
    d.rescale(8);
    d.to_string()
}

/// The price of one unit of `from` in `to`: the ratio of their EUR rates, rounded to 8 places.
pub fn price(from: &CurrencyRow, to: &CurrencyRow) -> Decimal {
    let to_rate = dec(to.eur_rate);
    if to_rate.is_zero() {
        return Decimal::ZERO;
    }
    round8(dec(from.eur_rate) / to_rate)
}

/// The exchange fee of a gross amount.
pub(crate) fn exchange_fee(gross: Decimal) -> Decimal {
    round8(gross * dec(EXCHANGE_FEE_PERCENT) / Decimal::ONE_HUNDRED)
}

/// A JSON number written from decimal text (no `f64` involved).
pub(crate) struct Num(pub(crate) String);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.clone()).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

pub(crate) fn num(d: Decimal) -> Num {
    Num(d.normalize().to_string())
}
