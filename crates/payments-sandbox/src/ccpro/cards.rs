//! CCPro cards (#8–#12): a user's payment cards with their two images, created `CONFIRMED`,
//! replaced whole by an update, deleted only while unused.

use serde_json::{Value, json};

use super::banks::{CONFIRMED, Rule, attribute, not_yours, text};
use super::*;

/// A user's card.
#[derive(Debug, Clone, Default)]
pub(crate) struct Card {
    /// The card's UUID (`id`, the `{card}` of the paths).
    pub(crate) id: String,
    /// The owner's UUID.
    pub(crate) user: String,
    /// `CONFIRMED`, `PENDING` or `REJECTED` (the last two only through the control route).
    pub(crate) status: String,
    /// Set when a quote paid with this card (or by the control route): delete answers 403.
    pub(crate) used: bool,
    pub(crate) created_at: u64,
    pub(crate) alias: String,
    /// `holderName`.
    pub(crate) holder_name: String,
    /// `expirationDate`, `MM/YY`.
    pub(crate) expiration_date: String,
    /// `lastFourDigits`.
    pub(crate) last_four_digits: String,
    /// `cardImage1` and `cardImage2`: the stored files' ids (the sandbox keeps no bytes).
    pub(crate) card_image1: String,
    pub(crate) card_image2: String,
}

impl Card {
    /// The card as #8–#11 answer it and #71 embeds it.
    pub(crate) fn json(&self) -> Value {
        json!({
            "id": self.id,
            "status": self.status,
            "alias": self.alias,
            "holderName": self.holder_name,
            "expirationDate": self.expiration_date,
            "lastFourDigits": self.last_four_digits,
            "cardImage1": self.card_image1,
            "cardImage2": self.card_image2,
            "createdAt": self.created_at,
        })
    }
}

/// A card body's fields, validated.
struct Fields {
    alias: String,
    holder_name: String,
    expiration_date: String,
    last_four_digits: String,
}

/// The docs' rules of #8 and #11 (the same six fields, all required): the two images
/// (`image|mimes:jpg,jpeg,bmp,png|max:10240`), `holderName` (max:191), `expirationDate`
/// (`date_format:m/y|after_or_equal:today`), `lastFourDigits` (`numeric|digits:4`), `alias`
/// (`alpha_dash|max:191`).
fn validate(input: &Input, now: u64) -> Result<Fields, ApiError> {
    let mut check = Check::new(input);
    image(&mut check, "cardImage1");
    image(&mut check, "cardImage2");
    let holder_name = text(&mut check, "holderName", &[Rule::Max(191)]);
    let expiration_date = expiration(&mut check, "expirationDate", now);
    let last_four_digits = text(
        &mut check,
        "lastFourDigits",
        &[Rule::Numeric, Rule::Digits(4)],
    );
    let alias = text(&mut check, "alias", &[Rule::AlphaDash, Rule::Max(191)]);
    check.finish().map_err(|e| {
        let fields = e
            .body
            .get("errors")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        e.because(format!(
            "validation failed: {fields}; send multipart/form-data with cardImage1 and \
             cardImage2 files (JPEG, PNG or BMP, at most 10240 KB), an expirationDate MM/YY \
             not before this month"
        ))
    })?;
    match (holder_name, expiration_date, last_four_digits, alias) {
        (Some(h), Some(e), Some(l), Some(a)) => Ok(Fields {
            alias: a.to_owned(),
            holder_name: h.to_owned(),
            expiration_date: e.to_owned(),
            last_four_digits: l.to_owned(),
        }),
        _ => Err(invalid("alias", "The alias field is required.")),
    }
}

/// An `image|mimes:jpg,jpeg,bmp,png|max:10240` file (the type read from its bytes).
fn image(check: &mut Check<'_>, name: &str) {
    let attr = attribute(name);
    let not_image = format!("The {attr} must be an image.");
    let not_mimes = format!("The {attr} must be a file of type: jpg, jpeg, bmp, png.");
    let Some(file) = check.input.file(name) else {
        if check.input.has(name) {
            // A text value (the docs' JSON example sends the string "File").
            check.fail(name, &not_image);
            check.fail(name, &not_mimes);
        } else {
            check.fail(name, &format!("The {attr} field is required."));
        }
        return;
    };
    let kind = file
        .sniff()
        .or_else(|| file.bytes.starts_with(b"BM").then_some("bmp"));
    if !matches!(kind, Some("jpeg" | "png" | "gif" | "bmp")) {
        check.fail(name, &not_image);
    }
    if !matches!(kind, Some("jpeg" | "png" | "bmp")) {
        check.fail(name, &not_mimes);
    }
    if file.bytes.len() > MAX_FILE_BYTES {
        check.fail(
            name,
            &format!("The {attr} may not be greater than 10240 kilobytes."),
        );
    }
}

/// `date_format:m/y|after_or_equal:today`: `MM/YY`, read as the first day of that month (as
/// PHP's `createFromFormat('!m/y')` does), not before today on the sandbox clock.
fn expiration<'a>(check: &mut Check<'a>, name: &str, now: u64) -> Option<&'a str> {
    let attr = attribute(name);
    let Some(value) = check.input.filled(name) else {
        check.fail(name, &format!("The {attr} field is required."));
        return None;
    };
    let after = format!("The {attr} must be a date after or equal to today.");
    let Some((year, month)) = month_year(value) else {
        check.fail(name, &format!("The {attr} does not match the format m/y."));
        check.fail(name, &after);
        return None;
    };
    let (today_year, today_month, today_day) = super::dates::civil(now);
    if (i64::from(year), month, 1) < (today_year, today_month, today_day) {
        check.fail(name, &after);
        return None;
    }
    Some(value)
}

/// `MM/YY` as (year, month): two-digit years 00–69 are 2000–2069, 70–99 1970–1999 (PHP's `y`).
fn month_year(value: &str) -> Option<(u32, u32)> {
    let (mm, yy) = value.split_once('/')?;
    if mm.len() != 2 || yy.len() != 2 || !(mm.bytes().chain(yy.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let month: u32 = mm.parse().ok()?;
    let yy: u32 = yy.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    Some((if yy < 70 { 2000 + yy } else { 1900 + yy }, month))
}

/// `POST api/v1/user/{user}/card` (#8), multipart: 201 with the new card, `CONFIRMED`.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Reply {
    let fields = validate(&ctx.input, ctx.now)?;
    let card = Card {
        id: ctx.state.uuid(),
        user: ctx.user_id().to_owned(),
        status: CONFIRMED.to_owned(),
        used: false,
        created_at: ctx.now,
        alias: fields.alias,
        holder_name: fields.holder_name,
        expiration_date: fields.expiration_date,
        last_four_digits: fields.last_four_digits,
        card_image1: ctx.state.secrets.next_serial().to_string(),
        card_image2: ctx.state.secrets.next_serial().to_string(),
    };
    let body = card.json();
    ctx.state.cards.push(card);
    created(body)
}

/// `GET api/v1/user/{user}/card` (#9): the caller's cards, oldest first; `?status=` filters
/// them (without regard to case).
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Reply {
    let status = ctx.query("status").filter(|s| !s.is_empty());
    let user = ctx.user_id();
    let items: Vec<Value> = ctx
        .state
        .cards
        .iter()
        .filter(|c| c.user == user)
        .filter(|c| status.is_none_or(|s| c.status.eq_ignore_ascii_case(s)))
        .map(Card::json)
        .collect();
    ok(Value::Array(items))
}

/// `GET api/v1/user/{user}/card/{card}` (#10).
pub(crate) fn show(ctx: &mut Ctx<'_>) -> Reply {
    let index = find(ctx)?;
    ok(ctx
        .state
        .cards
        .get(index)
        .map(Card::json)
        .unwrap_or_default())
}

/// `POST api/v1/user/{user}/card/{card}` (#11), multipart: every field again, both images
/// included; the card is replaced whole (new image ids), its id, status, `used` and
/// `createdAt` kept.
pub(crate) fn update(ctx: &mut Ctx<'_>) -> Reply {
    let index = find(ctx)?;
    let fields = validate(&ctx.input, ctx.now)?;
    let image1 = ctx.state.secrets.next_serial().to_string();
    let image2 = ctx.state.secrets.next_serial().to_string();
    let Some(card) = ctx.state.cards.get_mut(index) else {
        return Err(ApiError::not_found());
    };
    card.alias = fields.alias;
    card.holder_name = fields.holder_name;
    card.expiration_date = fields.expiration_date;
    card.last_four_digits = fields.last_four_digits;
    card.card_image1 = image1;
    card.card_image2 = image2;
    ok(card.json())
}

/// `DELETE api/v1/user/{user}/card/{card}` (#12): 403 once the card has been used; 409 for
/// another user's card (as bank-delete).
pub(crate) fn delete(ctx: &mut Ctx<'_>) -> Reply {
    let id = ctx.param("card");
    if ctx
        .state
        .cards
        .iter()
        .any(|c| c.id == id && c.user != ctx.user_id())
    {
        return Err(not_yours("card", id));
    }
    let index = find(ctx)?;
    if ctx.state.cards.get(index).is_some_and(|c| c.used) {
        return Err(
            ApiError::forbidden("This card has been already used in previous actions.").because(
                "the card paid for a quote (or was marked used through POST \
                 /_sandbox/ccpro/resources/{id}): a used card is kept; add another instead",
            ),
        );
    }
    ctx.state.cards.remove(index);
    done("This card has been successfully deleted.")
}

/// The index of the caller's card of the path, or 404.
fn find(ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("card");
    let user = ctx.user_id();
    ctx.state
        .cards
        .iter()
        .position(|c| c.id == id && c.user == user)
        .ok_or_else(|| {
            ApiError::not_found().because(format!(
                "no card {id} among this user's cards (GET .../card lists them)"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiration_dates_read_like_php() {
        assert_eq!(month_year("10/19"), Some((2019, 10)));
        assert_eq!(month_year("01/70"), Some((1970, 1)));
        assert_eq!(month_year("13/19"), None);
        assert_eq!(month_year("1/19"), None);
        assert_eq!(month_year("10/2019"), None);
        assert_eq!(month_year("00/19"), None);
        // 2023-11-14.
    }
}
