//! `ExactAmount` from any text (`str::parse`) and from any JSON (`serde_json::from_slice`).
//!
//! Reading never panics. What reads keeps its text, re-parses equal with the same scale,
//! re-serializes to JSON that reads back equal (same text, same string-or-number), hashes
//! like every equal amount, and agrees with `Amount` on value and order wherever the value
//! fits one.

#![no_main]

use std::cmp::Ordering;
use std::hash::{BuildHasher, RandomState};

use libfuzzer_sys::fuzz_target;
use payments_core::{Amount, ExactAmount};
use payments_fuzz::Input;

fn check(e: &ExactAmount, states: &RandomState) {
    let text = e.to_string();
    assert_eq!(text, e.as_str());
    let back: ExactAmount = text.parse().expect("an ExactAmount's text parses");
    assert_eq!(&back, e);
    assert_eq!(back.scale(), e.scale());

    let json = serde_json::to_string(e).expect("serializes");
    let back: ExactAmount = serde_json::from_str(&json).expect("its JSON reads back");
    assert_eq!(&back, e);
    assert_eq!(back.as_str(), e.as_str());
    assert_eq!(back.was_number(), e.was_number());

    // The plain notation of a far exponent (`5e-620`) can be longer than `parse` takes
    // (MAX_LEN); below that it re-parses to the same value and scale.
    let plain = e.to_plain_string();
    if plain.len() <= payments_core::exact::MAX_LEN {
        let plain: ExactAmount = plain.parse().expect("the plain text parses");
        assert_eq!(&plain, e, "to_plain_string changed the value");
        assert_eq!(
            plain.scale(),
            e.scale(),
            "to_plain_string changed the scale"
        );
        assert_eq!(
            states.hash_one(&plain),
            states.hash_one(e),
            "equal amounts hash alike"
        );
    }

    if let Ok(a) = e.to_amount() {
        let from = ExactAmount::from(a);
        assert_eq!(&from, e, "to_amount changed the value");
        assert_eq!(states.hash_one(&from), states.hash_one(e));
        // The written scale is kept whenever its mantissa fits 96 bits.
        let written = e
            .scale()
            .checked_sub(a.scale())
            .and_then(|extra| 10i128.checked_pow(extra))
            .and_then(|f| a.decimal().mantissa().checked_mul(f));
        if e.scale() <= 28 && written.is_some_and(|m| m.unsigned_abs() < 1 << 96) {
            assert_eq!(a.scale(), e.scale(), "to_amount dropped a scale that fits");
        }
    }
}

fn amount(e: &ExactAmount) -> Option<Amount> {
    e.to_amount().ok()
}

fuzz_target!(|data: &[u8]| {
    let states = RandomState::new();

    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(e) = ExactAmount::parse(text)
    {
        assert_eq!(e.as_str(), text);
        assert!(!e.was_number());
        check(&e, &states);
    }
    if let Ok(e) = serde_json::from_slice::<ExactAmount>(data) {
        check(&e, &states);
    }

    // Two texts, as `[length][first][second…]`: ExactAmount orders them as Amount does.
    let mut input = Input::new(data);
    let (first, second) = (input.chunk(), input.rest());
    let parse = |b: &[u8]| std::str::from_utf8(b).ok()?.parse::<ExactAmount>().ok();
    if let (Some(x), Some(y)) = (parse(first), parse(second)) {
        if let (Some(a), Some(b)) = (amount(&x), amount(&y)) {
            assert_eq!(x.cmp(&y), a.cmp(&b), "{x} vs {y}");
        }
        assert_eq!(x.cmp(&y) == Ordering::Equal, x == y);
        assert_eq!(x.cmp(&y), y.cmp(&x).reverse());
    }
});
