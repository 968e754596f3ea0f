//! `Amount` from any JSON (`serde_json::from_slice`): a string or a number, read without
//! `f64`.
//!
//! Reading never panics. What reads prints as text that parses back to an equal amount
//! with the same scale, and writes JSON (string and number) that reads back the same; a
//! JSON number reads to the value `ExactAmount` reads from the same digits
//! (`payments_fuzz::check_amount`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use payments_core::{Amount, ExactAmount};

fuzz_target!(|data: &[u8]| {
    let Ok(a) = serde_json::from_slice::<Amount>(data) else {
        return;
    };
    let exact = serde_json::from_slice::<ExactAmount>(data).ok();
    payments_fuzz::check_amount(a, exact, data);
});
