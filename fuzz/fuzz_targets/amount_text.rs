//! `Amount` from any text (`str::parse`).
//!
//! Parsing never panics. What parses prints as text that parses back to an equal amount
//! with the same scale (and prints the same again), survives JSON as a string and as a
//! number, and agrees with `ExactAmount` on the value and the scale wherever both read
//! the text.

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
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(a) = text.parse::<Amount>() else {
        return;
    };

    let shown = a.to_string();
    let back: Amount = shown.parse().expect("an Amount's Display parses");
    same(a, back, "Display then parse");
    assert_eq!(back.to_string(), shown);

    let json = serde_json::to_string(&a).expect("serializes");
    same(
        a,
        serde_json::from_str(&json).expect("its JSON string reads back"),
        "JSON string",
    );

    let json = serde_json::to_string(&AsNumber { a }).expect("serializes as a number");
    let back: AsNumber = serde_json::from_str(&json).expect("its JSON number reads back");
    same(a, back.a, "JSON number");

    if let Ok(exact) = ExactAmount::parse(text) {
        assert_eq!(
            exact,
            ExactAmount::from(a),
            "ExactAmount reads {text:?} as another value"
        );
        if let Ok(converted) = exact.to_amount() {
            same(a, converted, "ExactAmount::to_amount");
        }
    }
});
