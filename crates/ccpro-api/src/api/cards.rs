//! A user's payment cards: `card-create` and `card-update` (multipart uploads with two
//! images), `card-list`, `card-show` and `card-delete`.
//!
//! The docs show the card operations as JSON with `"File"` placeholders; their rules
//! (`image|mimes:jpg,jpeg,bmp,png|max:10240kb`) only accept uploaded files, so the SDK
//! sends `multipart/form-data`: the four text fields as form fields, the images as
//! `cardImage1` (the card) and `cardImage2` (the user holding it). Both images are
//! required on create and on update (an update replaces the whole card).

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, RequestBody, require_text};
use payments_core::{AttachFiles, Endpoint, Error, InputFile, RequestSpec};
use serde::Deserialize;

use crate::api::banks::{StatusFilter, alpha_dash, query_string, require_id};
use crate::operations;
use crate::types::cards::Card;
use crate::types::common::{Message, data};
use crate::upload::{self, File, FileKind, Form};

/// The six documented fields of a card, for [`CreateCard`] and [`UpdateCard`] (and
/// [`UserClient::create_card`](crate::UserClient::create_card)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardDetails {
    /// The name on the card (at most 191 characters).
    pub holder_name: String,
    /// The expiry date, `MM/YY` (`10/19`); CCPro refuses a date in the past.
    pub expiration_date: String,
    /// The last four digits (`1234`).
    pub last_four_digits: String,
    /// The user's alias for the card (letters, digits, `-`, `_`; at most 191).
    pub alias: String,
    /// A photo of the card (jpg, jpeg, bmp or png; at most 10 240 KB).
    pub card_image1: File,
    /// A photo of the user holding the card (same rules).
    pub card_image2: File,
}

impl CardDetails {
    /// A card's fields and its two images.
    pub fn new(
        holder_name: impl Into<String>,
        expiration_date: impl Into<String>,
        last_four_digits: impl Into<String>,
        alias: impl Into<String>,
        card_image1: File,
        card_image2: File,
    ) -> Self {
        CardDetails {
            holder_name: holder_name.into(),
            expiration_date: expiration_date.into(),
            last_four_digits: last_four_digits.into(),
            alias: alias.into(),
            card_image1,
            card_image2,
        }
    }
}

/// The card fields as a request holds them; the images are filled by
/// [`AttachFiles::attach`] when read from an input document.
struct CardForm<'a> {
    holder_name: &'a str,
    expiration_date: &'a str,
    last_four_digits: &'a str,
    alias: &'a str,
    card_image1: Option<&'a File>,
    card_image2: Option<&'a File>,
}

impl CardForm<'_> {
    /// Checks every field as the docs' rules say, then builds the multipart body.
    fn body(&self) -> Result<RequestBody, InvalidInput> {
        require_text("holderName", self.holder_name, 191)?;
        check_expiration_date(self.expiration_date)?;
        let d = self.last_four_digits;
        if d.len() != 4 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidInput::new(
                "lastFourDigits",
                "must be exactly 4 digits",
            ));
        }
        require_text("alias", self.alias, 191)?;
        alpha_dash("alias", self.alias)?;
        let image1 = self
            .card_image1
            .ok_or_else(|| InvalidInput::new("cardImage1", "the card image is required"))?;
        let image2 = self.card_image2.ok_or_else(|| {
            InvalidInput::new(
                "cardImage2",
                "the image of the user holding the card is required",
            )
        })?;
        Ok(Form::new()
            .file("cardImage1", image1, FileKind::IMAGES)?
            .file("cardImage2", image2, FileKind::IMAGES)?
            .text("holderName", self.holder_name)
            .text("expirationDate", self.expiration_date)
            .text("lastFourDigits", self.last_four_digits)
            .text("alias", self.alias)
            .build())
    }
}

/// The docs' `date_format:m/y`: a two-digit month (01–12), `/`, a two-digit year. Whether
/// it lies in the past is left to CCPro (`after_or_equal:today`), whose clock decides.
fn check_expiration_date(value: &str) -> Result<(), InvalidInput> {
    let b = value.as_bytes();
    let ok = b.len() == 5
        && b[2] == b'/'
        && [b[0], b[1], b[3], b[4]].iter().all(u8::is_ascii_digit)
        && matches!((b[0], b[1]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'));
    if ok {
        Ok(())
    } else {
        Err(InvalidInput::new(
            "expirationDate",
            "must be MM/YY (a month 01-12, `/`, a two-digit year)",
        ))
    }
}

/// Takes `cardImage1` and `cardImage2` from the CLI's files, refusing any other.
fn take_images(mut files: Vec<InputFile>) -> Result<(Option<File>, Option<File>), InvalidInput> {
    let image1 = upload::take_file(&mut files, "cardImage1");
    let image2 = upload::take_file(&mut files, "cardImage2");
    upload::no_other_files(&files)?;
    Ok((image1, image2))
}

/// `POST /api/v1/user/{user}/card`: adds a card, with its two images (multipart). Answers
/// 201 with the [`Card`].
///
/// Input document: `{"user", "holderName", "expirationDate", "lastFourDigits", "alias"}`,
/// with the files `cardImage1` and `cardImage2`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateCard {
    /// The user's id.
    pub user: String,
    /// The name on the card.
    pub holder_name: String,
    /// The expiry date, `MM/YY`.
    pub expiration_date: String,
    /// The last four digits.
    pub last_four_digits: String,
    /// The user's alias for the card.
    pub alias: String,
    /// A photo of the card (required).
    #[serde(skip)]
    pub card_image1: Option<File>,
    /// A photo of the user holding the card (required).
    #[serde(skip)]
    pub card_image2: Option<File>,
}

impl CreateCard {
    /// Adds the card `card` for `user`.
    pub fn new(user: impl Into<String>, card: CardDetails) -> Self {
        CreateCard {
            user: user.into(),
            holder_name: card.holder_name,
            expiration_date: card.expiration_date,
            last_four_digits: card.last_four_digits,
            alias: card.alias,
            card_image1: Some(card.card_image1),
            card_image2: Some(card.card_image2),
        }
    }
}

impl AttachFiles for CreateCard {
    fn attach(&mut self, files: Vec<InputFile>) -> Result<(), InvalidInput> {
        (self.card_image1, self.card_image2) = take_images(files)?;
        Ok(())
    }
}

impl Endpoint for CreateCard {
    type Output = Card;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        let body = CardForm {
            holder_name: &self.holder_name,
            expiration_date: &self.expiration_date,
            last_four_digits: &self.last_four_digits,
            alias: &self.alias,
            card_image1: self.card_image1.as_ref(),
            card_image2: self.card_image2.as_ref(),
        }
        .body()?;
        Ok(RequestSpec::with_path(&operations::CARD_CREATE, &[Some(&self.user)])?.body(body))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Card, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/card`: the user's cards, optionally only those in one review
/// state. Not paginated.
///
/// Input document: `{"user", "status"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCards {
    /// The user's id.
    pub user: String,
    /// Only cards in this review state.
    #[serde(default)]
    pub status: Option<StatusFilter>,
}

impl ListCards {
    /// All of `user`'s cards.
    pub fn new(user: impl Into<String>) -> Self {
        ListCards {
            user: user.into(),
            status: None,
        }
    }

    /// Only cards in review state `status`.
    pub fn with_status(mut self, status: StatusFilter) -> Self {
        self.status = Some(status);
        self
    }
}

impl Endpoint for ListCards {
    type Output = Vec<Card>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        let q = query_string(&[("status", self.status.as_ref().map(StatusFilter::as_str))]);
        Ok(RequestSpec::with_path(&operations::CARD_LIST, &[Some(&self.user)])?.query(q))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Card>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/card/{card}`: one card.
///
/// Input document: `{"user", "card"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetCard {
    /// The user's id.
    pub user: String,
    /// The card's id.
    pub card: String,
}

impl GetCard {
    /// `user`'s card `card`.
    pub fn new(user: impl Into<String>, card: impl Into<String>) -> Self {
        GetCard {
            user: user.into(),
            card: card.into(),
        }
    }
}

impl Endpoint for GetCard {
    type Output = Card;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("card", &self.card)?;
        RequestSpec::with_path(
            &operations::CARD_SHOW,
            &[Some(&self.user), Some(&self.card)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Card, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/user/{user}/card/{card}`: replaces a card's fields and both images
/// (multipart; every field is required again). Answers 200 with the [`Card`].
///
/// Input document: `{"user", "card", "holderName", "expirationDate", "lastFourDigits",
/// "alias"}`, with the files `cardImage1` and `cardImage2`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateCard {
    /// The user's id.
    pub user: String,
    /// The card's id.
    pub card: String,
    /// The name on the card.
    pub holder_name: String,
    /// The expiry date, `MM/YY`.
    pub expiration_date: String,
    /// The last four digits.
    pub last_four_digits: String,
    /// The user's alias for the card.
    pub alias: String,
    /// A photo of the card (required).
    #[serde(skip)]
    pub card_image1: Option<File>,
    /// A photo of the user holding the card (required).
    #[serde(skip)]
    pub card_image2: Option<File>,
}

impl UpdateCard {
    /// Replaces `user`'s card `card` with `details`.
    pub fn new(user: impl Into<String>, card: impl Into<String>, details: CardDetails) -> Self {
        UpdateCard {
            user: user.into(),
            card: card.into(),
            holder_name: details.holder_name,
            expiration_date: details.expiration_date,
            last_four_digits: details.last_four_digits,
            alias: details.alias,
            card_image1: Some(details.card_image1),
            card_image2: Some(details.card_image2),
        }
    }
}

impl AttachFiles for UpdateCard {
    fn attach(&mut self, files: Vec<InputFile>) -> Result<(), InvalidInput> {
        (self.card_image1, self.card_image2) = take_images(files)?;
        Ok(())
    }
}

impl Endpoint for UpdateCard {
    type Output = Card;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("card", &self.card)?;
        let body = CardForm {
            holder_name: &self.holder_name,
            expiration_date: &self.expiration_date,
            last_four_digits: &self.last_four_digits,
            alias: &self.alias,
            card_image1: self.card_image1.as_ref(),
            card_image2: self.card_image2.as_ref(),
        }
        .body()?;
        Ok(RequestSpec::with_path(
            &operations::CARD_UPDATE,
            &[Some(&self.user), Some(&self.card)],
        )?
        .body(body))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Card, DecodeFailure> {
        data(status, body)
    }
}

/// `DELETE /api/v1/user/{user}/card/{card}`: removes a card; answers `{"message": "This
/// card has been successfully deleted."}`. A card already used cannot be removed (403).
///
/// Input document: `{"user", "card"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteCard {
    /// The user's id.
    pub user: String,
    /// The card's id.
    pub card: String,
}

impl DeleteCard {
    /// Removes `user`'s card `card`.
    pub fn new(user: impl Into<String>, card: impl Into<String>) -> Self {
        DeleteCard {
            user: user.into(),
            card: card.into(),
        }
    }
}

impl Endpoint for DeleteCard {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("card", &self.card)?;
        RequestSpec::with_path(
            &operations::CARD_DELETE,
            &[Some(&self.user), Some(&self.card)],
        )
    }
}

impl crate::UserClient {
    /// `card-create`: adds a card for the session's user, uploading its two images.
    pub async fn create_card(&self, card: CardDetails) -> Result<Card, Error> {
        self.send(&CreateCard::new(self.user_id(), card)).await
    }

    /// `card-list`: the session's user's cards, unfiltered.
    pub async fn list_cards(&self) -> Result<Vec<Card>, Error> {
        self.send(&ListCards::new(self.user_id())).await
    }

    /// `card-show`: one of the session's user's cards.
    pub async fn get_card(&self, card: impl Into<String>) -> Result<Card, Error> {
        self.send(&GetCard::new(self.user_id(), card)).await
    }

    /// `card-update`: replaces one of the session's user's cards, images included.
    pub async fn update_card(
        &self,
        card: impl Into<String>,
        details: CardDetails,
    ) -> Result<Card, Error> {
        self.send(&UpdateCard::new(self.user_id(), card, details))
            .await
    }

    /// `card-delete`: removes one of the session's user's cards.
    pub async fn delete_card(&self, card: impl Into<String>) -> Result<Message, Error> {
        self.send(&DeleteCard::new(self.user_id(), card)).await
    }
}
