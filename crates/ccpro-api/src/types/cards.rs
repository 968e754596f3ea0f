//! Payment cards ([`Card`]).

use serde::{Deserialize, Serialize};

use crate::types::banks::ReviewStatus;

/// A user's payment card (`card-create`, `card-list`, `card-show`, `card-update`,
/// and `user-profile`'s `cards`). Only
/// the last four digits are ever stored or shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// The card's id (a UUID), the `{card}` of its paths. Empty when an answer
    /// carries none (no documented example lacks it; the profile's lists are read too).
    #[serde(default)]
    pub id: String,
    /// Its review state (`CONFIRMED`).
    #[serde(default)]
    pub status: Option<ReviewStatus>,
    /// The user's alias for it.
    #[serde(default)]
    pub alias: Option<String>,
    /// The name on the card.
    #[serde(default)]
    pub holder_name: Option<String>,
    /// The expiry date, `MM/YY` as sent (`"06/19"`).
    #[serde(default)]
    pub expiration_date: Option<String>,
    /// The last four digits, as a string (`"2453"`).
    #[serde(default)]
    pub last_four_digits: Option<String>,
    /// What CCPro keeps of the card image (`"1945"`; apparently a stored file's id, the
    /// docs do not say).
    #[serde(default)]
    pub card_image1: Option<String>,
    /// What CCPro keeps of the image of the user holding the card (`"1946"`).
    #[serde(default)]
    pub card_image2: Option<String>,
    /// When it was added, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
}
