//! What the fuzz targets share: splitting one input into fields, and the operation tables.
//!
//! Inputs are split with length prefixes so that a seed is easy to write by hand (and by
//! `cargo xtask fuzz`): a field is one length byte followed by that many bytes, and the last
//! field is whatever is left.

use payments_core::Operation;
use payments_core::http::StatusCode;

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
