//! THE table: every CoinCover operation once, with its one name, method, documented path,
//! auth, retry safety and a summary. The `payments` CLI, the fixture recorder and the tests
//! iterate over [`OPERATIONS`]; each request type's `request()` points at its row.
//!
//! Every operation carries the bearer token (`Authorization: Bearer …`). The transaction
//! check and the two PATCH updates are retried on timeouts, 408, 429 and 5xx (repeating
//! them changes nothing); user and plan creation only when the request provably never
//! left (a repeat could register twice).

use payments_core::http::Method;
use payments_core::{Auth, Io, Operation, RetrySafety};

use crate::api::{CheckTransaction, CreatePlan, CreateUser, UpdatePlan, UpdateUser};

/// `POST /transaction`.
pub static CHECK_TRANSACTION: Operation = Operation {
    name: "check-transaction",
    method: Method::POST,
    path: "/transaction",
    auth: Auth::Token,
    retry: RetrySafety::Idempotent,
    summary: "Screens an outgoing transaction before broadcast: GREEN, or RED with a threat code.",
    io: Io::json::<CheckTransaction>(),
};

/// `POST /user`.
pub static CREATE_USER: Operation = Operation {
    name: "create-user",
    method: Method::POST,
    path: "/user",
    auth: Auth::Token,
    retry: RetrySafety::NotIdempotent,
    summary: "Registers one of your users with CoinCover.",
    io: Io::json::<CreateUser>(),
};

/// `PATCH /user/{userId}`.
pub static UPDATE_USER: Operation = Operation {
    name: "update-user",
    method: Method::PATCH,
    path: "/user/{userId}",
    auth: Auth::Token,
    retry: RetrySafety::Idempotent,
    summary: "Changes a registered user's details.",
    io: Io::json::<UpdateUser>(),
};

/// `POST /user/{userId}/plan`.
pub static CREATE_PLAN: Operation = Operation {
    name: "create-plan",
    method: Method::POST,
    path: "/user/{userId}/plan",
    auth: Auth::Token,
    retry: RetrySafety::NotIdempotent,
    summary: "Gives a registered user a plan with a USD level of cover.",
    io: Io::json::<CreatePlan>(),
};

/// `PATCH /user/{userId}/plan`.
pub static UPDATE_PLAN: Operation = Operation {
    name: "update-plan",
    method: Method::PATCH,
    path: "/user/{userId}/plan",
    auth: Auth::Token,
    retry: RetrySafety::Idempotent,
    summary: "Changes a user's USD level of cover.",
    io: Io::json::<UpdatePlan>(),
};

/// Every CoinCover operation, in the documentation's order.
pub static OPERATIONS: &[&Operation] = &[
    &CHECK_TRANSACTION,
    &CREATE_USER,
    &UPDATE_USER,
    &CREATE_PLAN,
    &UPDATE_PLAN,
];
