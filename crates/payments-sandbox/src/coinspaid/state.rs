//! CoinsPaid's state: balances, addresses, futures, callbacks.

use super::*;

/// A taken address.
pub(crate) struct StoredAddress {
    pub(crate) id: u64,
    pub(crate) currency: &'static CurrencyRow,
    pub(crate) convert_to: Option<&'static CurrencyRow>,
    pub(crate) address: String,
    pub(crate) foreign_id: String,
    pub(crate) fixation: Option<Fixation>,
}

/// Rates fixed by `futures/rates` for an address.
pub(crate) struct Fixation {
    pub(crate) ts_fixed: u64,
    pub(crate) ts_release: u64,
    pub(crate) confirmed: Option<Futures>,
}

/// A confirmed futures.
pub(crate) struct Futures {
    pub(crate) id: u64,
    pub(crate) sender: &'static CurrencyRow,
    pub(crate) sender_amount: Decimal,
    pub(crate) receiver_amount: Decimal,
}

/// One callback the sandbox created, as sent (or as it would be sent without a callback URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedCallback {
    /// The exact JSON body.
    pub body: String,
    /// The `X-Processing-Key` header (the sandbox's `coinspaid_key`).
    pub key: String,
    /// The `X-Processing-Signature` header: hex HMAC-SHA512 of `body` with `coinspaid_secret`.
    pub signature: String,
}

impl RecordedCallback {
    /// The body parsed as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// CoinsPaid's part of the sandbox state.
pub(crate) struct CoinsPaidState {
    pub(crate) balances: HashMap<&'static str, Decimal>,
    pub(crate) addresses: Vec<StoredAddress>,
    pub(crate) by_key: HashMap<(String, &'static str, Option<&'static str>), usize>,
    pub(crate) by_address: HashMap<String, usize>,
    pub(crate) withdrawal_ids: HashSet<String>,
    pub(crate) exchange_ids: HashSet<String>,
    pub(crate) callbacks: Vec<RecordedCallback>,
    pub(crate) operations: IdSequence,
    pub(crate) address_ids: IdSequence,
    pub(crate) transactions: IdSequence,
    pub(crate) futures_ids: IdSequence,
    pub(crate) text: IdSequence,
    pub(crate) delivery: Option<mpsc::UnboundedSender<(String, Vec<RecordedCallback>)>>,
}

impl CoinsPaidState {
    pub(crate) fn new(seed: u64) -> Self {
        CoinsPaidState {
            balances: CURRENCIES
                .iter()
                .map(|c| (c.code, dec(c.seed_balance)))
                .collect(),
            addresses: Vec::new(),
            by_key: HashMap::new(),
            by_address: HashMap::new(),
            withdrawal_ids: HashSet::new(),
            exchange_ids: HashSet::new(),
            callbacks: Vec::new(),
            operations: IdSequence::new(seed, IdStream::CoinsPaidOperation),
            address_ids: IdSequence::new(seed, IdStream::CoinsPaidAddress),
            transactions: IdSequence::new(seed, IdStream::CoinsPaidTransaction),
            futures_ids: IdSequence::new(seed, IdStream::CoinsPaidFutures),
            text: IdSequence::new(seed, IdStream::CoinsPaidText),
            delivery: None,
        }
    }

    pub(crate) fn balance(&self, c: &CurrencyRow) -> Decimal {
        self.balances.get(c.code).copied().unwrap_or_default()
    }

    pub(crate) fn add(&mut self, c: &'static CurrencyRow, delta: Decimal) {
        *self.balances.entry(c.code).or_default() += delta;
    }

    /// Debits `amount` of `c` for a withdrawal or exchange named `foreign_id`, once: `used`
    /// picks the foreign ids that kind of operation has taken. A foreign id already taken, or a
    /// balance below `amount` (reported on `amount_field`), is refused and changes nothing.
    pub(crate) fn debit_once(
        &mut self,
        used: fn(&mut Self) -> &mut HashSet<String>,
        foreign_id: &str,
        c: &'static CurrencyRow,
        amount: Decimal,
        amount_field: &str,
    ) -> Result<(), ApiError> {
        if used(self).contains(foreign_id) {
            return Err(ApiError::field(
                "foreign_id",
                "The foreign id has already been taken.",
            ));
        }
        if self.balance(c) < amount {
            return Err(ApiError::field(amount_field, "Insufficient balance."));
        }
        used(self).insert(foreign_id.to_owned());
        self.add(c, -amount);
        Ok(())
    }

    /// `n` hex digits from the seeded text stream.
    pub(crate) fn hex(&mut self, n: usize) -> String {
        let mut out = String::new();
        while out.len() < n {
            out.push_str(&self.text.next_uuid().replace('-', ""));
        }
        out.truncate(n);
        out
    }

    pub(crate) fn txid(&mut self, c: &CurrencyRow) -> String {
        let hex = self.hex(64);
        if c.code == "BTC" {
            hex
        } else {
            format!("0x{hex}")
        }
    }

    pub(crate) fn new_address(&mut self, c: &CurrencyRow) -> String {
        if c.code == "BTC" {
            format!("bc1q{}", self.hex(38))
        } else {
            format!("0x{}", self.hex(40))
        }
    }
}

impl Sandbox {
    /// Every CoinsPaid callback the sandbox created, oldest first, whether or not a callback
    /// URL is set: deposits (`POST /_sandbox/coinspaid/deposits`), withdrawals and exchanges.
    pub fn coinspaid_callbacks(&self) -> Vec<RecordedCallback> {
        self.lock().coinspaid.callbacks.clone()
    }

    /// The current CoinsPaid balance of `currency` (upper case), if the sandbox knows it.
    pub fn coinspaid_balance(&self, currency: &str) -> Option<Decimal> {
        let row = self::currency(currency)?;
        Some(self.lock().coinspaid.balance(row))
    }
}
