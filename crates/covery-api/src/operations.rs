//! THE table: every Covery operation once, with its one name, method, documented path,
//! auth, retry safety and a summary. The CLI, the fixture recorder and the tests iterate
//! over [`OPERATIONS`]; each request type's `request()` points at its row.
//!
//! Every operation is a POST signed with `X-Auth-Token`, a fresh `X-Auth-Nonce` and
//! `X-Auth-Signature` (SHA-256 of nonce, exact body and secret). Throttling answers (429,
//! 509) refuse a request unprocessed, so every operation is retried after them (the
//! client's [`ProviderSpec`](payments_core::provider::ProviderSpec) declares it). The rows'
//! retry safety covers everything else: reads and postbacks are idempotent; events and
//! decisions are not, except that a request carrying an event with its own unique id
//! (transaction, refund, payout, transfer) upgrades itself to idempotent
//! ([`SendEvent`]).

use payments_core::http::Method;
use payments_core::{Auth, Io, Operation, RetrySafety};

use crate::api::{
    ConfirmFraudAlert, FindFraudAlert, FraudAlertFeedback, LatestFraudAlerts, MakeDecision, Ping,
    Postback, SendEvent,
};

/// `POST /api/ping`.
pub static PING: Operation = Operation {
    name: "ping",
    method: Method::POST,
    path: "/api/ping",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Checks the API and reports what the token may do.",
    io: Io::json::<Ping>(),
};

/// `POST /api/sendEvent`.
pub static SEND_EVENT: Operation = Operation {
    name: "send-event",
    method: Method::POST,
    path: "/api/sendEvent",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Stores a user event for later analysis.",
    io: Io::json::<SendEvent>(),
};

/// `POST /api/makeDecision`.
pub static MAKE_DECISION: Operation = Operation {
    name: "make-decision",
    method: Method::POST,
    path: "/api/makeDecision",
    auth: Auth::Signature,
    retry: RetrySafety::NotIdempotent,
    summary: "Stores a user event and answers with a risk decision.",
    io: Io::json::<MakeDecision>(),
};

/// `POST /api/postback`.
pub static POSTBACK: Operation = Operation {
    name: "postback",
    method: Method::POST,
    path: "/api/postback",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Adds the processing outcome to a transaction already sent.",
    io: Io::json::<Postback>(),
};

/// `POST /api/manage/fraud/latest`.
pub static LATEST_FRAUD_ALERTS: Operation = Operation {
    name: "latest-fraud-alerts",
    method: Method::POST,
    path: "/api/manage/fraud/latest",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Lists the latest fraud alerts of the account.",
    io: Io::json::<LatestFraudAlerts>(),
};

/// `POST /api/manage/fraud/find`.
pub static FIND_FRAUD_ALERT: Operation = Operation {
    name: "find-fraud-alert",
    method: Method::POST,
    path: "/api/manage/fraud/find",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Reads one fraud alert by its id.",
    io: Io::json::<FindFraudAlert>(),
};

/// `POST /api/manage/fraud/confirm`.
pub static CONFIRM_FRAUD_ALERT: Operation = Operation {
    name: "confirm-fraud-alert",
    method: Method::POST,
    path: "/api/manage/fraud/confirm",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Acknowledges that a fraud alert was received.",
    io: Io::json::<ConfirmFraudAlert>(),
};

/// `POST /api/manage/fraud/feedback`.
pub static FRAUD_ALERT_FEEDBACK: Operation = Operation {
    name: "fraud-alert-feedback",
    method: Method::POST,
    path: "/api/manage/fraud/feedback",
    auth: Auth::Signature,
    retry: RetrySafety::Idempotent,
    summary: "Reports how a fraud alert was handled.",
    io: Io::json::<FraudAlertFeedback>(),
};

/// Every Covery operation, in the documentation's order.
pub static OPERATIONS: &[&Operation] = &[
    &PING,
    &SEND_EVENT,
    &MAKE_DECISION,
    &POSTBACK,
    &LATEST_FRAUD_ALERTS,
    &FIND_FRAUD_ALERT,
    &CONFIRM_FRAUD_ALERT,
    &FRAUD_ALERT_FEEDBACK,
];
