//! Every operation's response decoder and the CLI's request reader over any bytes:
//! `[provider][operation][status][body…]`, the first two bytes indexing (modulo their
//! length) the provider tables and the provider's `OPERATIONS`, the third a status
//! (`payments_fuzz::status`).
//!
//! `(op.io.response)(status, body)` never panics, writes what it decodes as JSON, and
//! decodes the same bytes the same way twice; `(op.io.request)(body, [])` (the CLI's
//! document reader) never panics either.

#![no_main]

use libfuzzer_sys::fuzz_target;
use payments_fuzz::{Input, TABLES, status};

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let (provider, ops) = TABLES[usize::from(input.byte()) % TABLES.len()];
    let op = ops[usize::from(input.byte()) % ops.len()];
    let status = status(input.byte());
    let body = input.rest();

    // The output is the typed result written as JSON, not the wire body (Coinify's
    // kyc-create writes `{"review": …, "created": …}`), so it is not decoded again: it is
    // JSON, and decoding is deterministic.
    let decoded = (op.io.response)(status, body);
    if let Ok(json) = &decoded {
        serde_json::from_str::<serde::de::IgnoredAny>(json).unwrap_or_else(|e| {
            panic!(
                "{provider} {}: the output is not JSON ({e}): {json}",
                op.name
            )
        });
    }
    assert_eq!(
        (op.io.response)(status, body),
        decoded,
        "{provider} {}: decoding is not deterministic",
        op.name
    );
    if let Ok(text) = std::str::from_utf8(body) {
        let _ = (op.io.request)(text, Vec::new());
    }
});
