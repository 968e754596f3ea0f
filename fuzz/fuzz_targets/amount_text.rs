//! `Amount` from any text (`str::parse`).
//!
//! Parsing never panics. What parses prints as text that parses back to an equal amount
//! with the same scale (and prints the same again), survives JSON as a string and as a
//! number, and agrees with `ExactAmount` on the value and the scale wherever both read
//! the text (`payments_fuzz::check_amount`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use payments_core::{Amount, ExactAmount};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(a) = text.parse::<Amount>() else {
        return;
    };
    payments_fuzz::check_amount(a, ExactAmount::parse(text).ok(), data);
});
