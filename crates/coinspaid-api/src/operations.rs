//! THE table: every CoinsPaid operation once, with its one name, method, documented path,
//! auth, retry safety and a summary. The CLI, the fixture recorder and the tests iterate
//! over [`OPERATIONS`]; each request type's `request()` points at its row.
//!
//! Every operation is signed (`X-Processing-Key`, `X-Processing-Signature` over the exact
//! body). The reads are retried on timeouts, 429 and 5xx; the money moves (withdrawal,
//! exchanges, futures confirmation) never once they may have arrived.

use payments_core::http::Method;
use payments_core::{Auth, Io, Operation, RetrySafety};

use crate::api::{
    CalculateExchange, ConfirmFutures, ExchangeFixed, ExchangeNow, GetFuturesRates, ListAccounts,
    ListCurrencies, ListCurrencyPairs, Ping, TakeAddress, WithdrawalCrypto,
};

/// `GET /v2/ping`.
pub static PING: Operation = Operation {
    name: "ping",
    method: Method::GET,
    path: "/v2/ping",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Checks that the API is up and accepts your signature.",
    io: Io::json::<Ping>(),
};

/// `POST /v2/currencies/list`.
pub static CURRENCIES_LIST: Operation = Operation {
    name: "currencies-list",
    method: Method::POST,
    path: "/v2/currencies/list",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Lists the supported currencies with their limits.",
    io: Io::json::<ListCurrencies>(),
};

/// `POST /v2/currencies/pairs`.
pub static CURRENCIES_PAIRS: Operation = Operation {
    name: "currencies-pairs",
    method: Method::POST,
    path: "/v2/currencies/pairs",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Lists exchangeable currency pairs and their prices.",
    io: Io::json::<ListCurrencyPairs>(),
};

/// `POST /v2/accounts/list`.
pub static ACCOUNTS_LIST: Operation = Operation {
    name: "accounts-list",
    method: Method::POST,
    path: "/v2/accounts/list",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Lists your balances.",
    io: Io::json::<ListAccounts>(),
};

/// `POST /v2/addresses/take`.
pub static ADDRESSES_TAKE: Operation = Operation {
    name: "addresses-take",
    method: Method::POST,
    path: "/v2/addresses/take",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Takes a deposit address, optionally converting deposits to another currency.",
    io: Io::json::<TakeAddress>(),
};

/// `POST /v2/withdrawal/crypto`.
pub static WITHDRAWAL_CRYPTO: Operation = Operation {
    name: "withdrawal-crypto",
    method: Method::POST,
    path: "/v2/withdrawal/crypto",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Withdraws to a blockchain address, optionally converting first.",
    io: Io::json::<WithdrawalCrypto>(),
};

/// `POST /v2/exchange/calculate`.
pub static EXCHANGE_CALCULATE: Operation = Operation {
    name: "exchange-calculate",
    method: Method::POST,
    path: "/v2/exchange/calculate",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Prices an exchange for an amount sent or an amount to receive.",
    io: Io::json::<CalculateExchange>(),
};

/// `POST /v2/futures/rates`.
pub static FUTURES_RATES: Operation = Operation {
    name: "futures-rates",
    method: Method::POST,
    path: "/v2/futures/rates",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Lists the rates that can be held for an exchangeable address.",
    io: Io::json::<GetFuturesRates>(),
};

/// `POST /futures/confirm` (documented without `/v2`).
pub static FUTURES_CONFIRM: Operation = Operation {
    name: "futures-confirm",
    method: Method::POST,
    path: "/futures/confirm",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Holds a futures rate for an address.",
    io: Io::json::<ConfirmFutures>(),
};

/// `POST /v2/exchange/fixed`.
pub static EXCHANGE_FIXED: Operation = Operation {
    name: "exchange-fixed",
    method: Method::POST,
    path: "/v2/exchange/fixed",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Exchanges between two of your balances at a given price.",
    io: Io::json::<ExchangeFixed>(),
};

/// `POST /v2/exchange/now`.
pub static EXCHANGE_NOW: Operation = Operation {
    name: "exchange-now",
    method: Method::POST,
    path: "/v2/exchange/now",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Exchanges between two of your balances at the current price.",
    io: Io::json::<ExchangeNow>(),
};

/// Every CoinsPaid operation, in the documentation's order.
pub static OPERATIONS: &[&Operation] = &[
    &PING,
    &CURRENCIES_LIST,
    &CURRENCIES_PAIRS,
    &ACCOUNTS_LIST,
    &ADDRESSES_TAKE,
    &WITHDRAWAL_CRYPTO,
    &EXCHANGE_CALCULATE,
    &FUTURES_RATES,
    &FUTURES_CONFIRM,
    &EXCHANGE_FIXED,
    &EXCHANGE_NOW,
];
