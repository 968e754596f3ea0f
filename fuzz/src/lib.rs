//! What the fuzz targets share: splitting one input into fields, the operation tables, and
//! the round-trip properties of an `Amount`.
//!
//! Inputs are split with length prefixes so that a seed is easy to write by hand (and by
//! `cargo xtask fuzz`): a field is one length byte followed by that many bytes, and the last
//! field is whatever is left.

use payments_core::http::StatusCode;
use payments_core::{Amount, ExactAmount, Operation};

/// Every provider's operation table, in a fixed order: the first byte of a
/// `decode_responses` input picks one of them (modulo the count).
pub static TABLES: [(&str, &[&Operation]); 5] = [
    ("coincover", coincover_api::OPERATIONS),
    ("covery", covery_api::OPERATIONS),
    ("coinspaid", coinspaid_api::OPERATIONS),
    ("coinify", coinify_api::OPERATIONS),
    ("ccpro", ccpro_api::OPERATIONS),
];

/// The rest of an input, read field by field.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    rest: &'a [u8],
}

impl<'a> Input<'a> {
    /// The whole input.
    pub fn new(data: &'a [u8]) -> Self {
        Input { rest: data }
    }

    /// One byte; 0 once the input is used up.
    pub fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((b, rest)) => {
                self.rest = rest;
                *b
            }
            None => 0,
        }
    }

    /// A length byte, then that many bytes (fewer when the input runs out).
    pub fn chunk(&mut self) -> &'a [u8] {
        let len = usize::from(self.byte()).min(self.rest.len());
        let (chunk, rest) = self.rest.split_at(len);
        self.rest = rest;
        chunk
    }

    /// Everything left.
    pub fn rest(self) -> &'a [u8] {
        self.rest
    }
}

/// The status a byte stands for: 0 to 99 are 200 to 299, 100 to 255 are 400 to 555 (so a
/// seed writes `status - 200` for a success and `status - 300` for an error).
pub fn status(b: u8) -> StatusCode {
    let code = if b < 100 {
        200 + u16::from(b)
    } else {
        300 + u16::from(b)
    };
    StatusCode::from_u16(code).unwrap_or(StatusCode::OK)
}

/// An operation by provider and name, for targets that pick representative ones.
pub fn operation(provider: &str, name: &str) -> &'static Operation {
    TABLES
        .iter()
        .filter(|(p, _)| *p == provider)
        .flat_map(|(_, ops)| ops.iter())
        .find(|op| op.name == name)
        .unwrap_or_else(|| panic!("{provider} has no operation {name}"))
}

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

/// What holds for any `Amount` that was read from `source`: it prints as text that parses
/// back to an equal amount with the same scale (and prints the same again), it survives
/// JSON as a string and as a number, and `exact` (what `ExactAmount` read from the same
/// source, if it did) has its value and, where it fits, its scale.
pub fn check_amount(a: Amount, exact: Option<ExactAmount>, source: &[u8]) {
    let shown = a.to_string();
    let back: Amount = shown.parse().expect("an Amount's Display parses");
    same(a, back, "Display then parse");
    assert_eq!(back.to_string(), shown, "Display is stable");

    let json = serde_json::to_string(&a).expect("serializes");
    same(
        a,
        serde_json::from_str(&json).expect("its JSON string reads back"),
        "JSON string",
    );

    let json = serde_json::to_string(&AsNumber { a }).expect("serializes as a number");
    let back: AsNumber = serde_json::from_str(&json).expect("its JSON number reads back");
    same(a, back.a, "JSON number");

    if let Some(exact) = exact {
        assert_eq!(
            exact,
            ExactAmount::from(a),
            "ExactAmount reads {:?} as another value",
            String::from_utf8_lossy(source)
        );
        if let Ok(converted) = exact.to_amount() {
            same(a, converted, "ExactAmount::to_amount");
        }
    }
}
