//! `Amount` from any JSON (`serde_json::from_slice`): a string or a number, read without
//! `f64`.
//!
//! Reading never panics. What reads prints as text that parses back to an equal amount
//! with the same scale, and writes JSON (string and number) that reads back the same; a
//! JSON number reads to the value `ExactAmount` reads from the same digits.

#![no_main]

use libfuzzer_sys::fuzz_target;
use payments_core::{Amount, ExactAmount};

#[derive(serde::Serialize, serde::Deserialize)]
struct AsNumber {
    #[serde(with = "payments_core::money::as_number")]
    a: Amount,
}

fn same(a: Amount, b: Amount, what: &str) {
    assert_eq!(a, b, "{what}: value changed");
    assert_eq!(
        a.scale(),
        b.scale(),
        "{what}: scale changed ({a} became {b})"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(a) = serde_json::from_slice::<Amount>(data) else {
        return;
    };

    let shown = a.to_string();
    let back: Amount = shown.parse().expect("an Amount's Display parses");
    same(a, back, "Display then parse");

    let json = serde_json::to_string(&a).expect("serializes");
    same(
        a,
        serde_json::from_str(&json).expect("its JSON string reads back"),
        "JSON string",
    );

    let json = serde_json::to_string(&AsNumber { a }).expect("serializes as a number");
    let back: AsNumber = serde_json::from_str(&json).expect("its JSON number reads back");
    same(a, back.a, "JSON number");

    if let Ok(exact) = serde_json::from_slice::<ExactAmount>(data) {
        assert_eq!(
            exact,
            ExactAmount::from(a),
            "ExactAmount reads another value"
        );
        if let Ok(converted) = exact.to_amount() {
            same(a, converted, "ExactAmount::to_amount");
        }
    }
});
