//! CCPro notifications (#30–#32).
//!
//! Temporary notifications are what events leave in [`CcproState::notifications`] (a KYC
//! review, an order approved, …): listed newest first, 25 a page (camelCase `meta`), marked
//! read all at once. Permanent notifications are computed from the user's state on every
//! call (§10.1). A user whose notifications are switched off through
//! `POST /_sandbox/ccpro/users/{id}/notifications` `{"available": false}`
//! ([`control_availability`]) gets the docs' 403 "Unable to process your request." from all
//! three operations.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::*;

/// The page size of the temporary lists (`meta.perPage`).
pub(crate) const PER_PAGE: usize = 25;

/// A temporary notification (#31's item).
pub(crate) fn json(notification: &Notification) -> Value {
    json!({
        "id": notification.id,
        "title": notification.title,
        "message": notification.message,
        "category": notification.category,
        "code": notification.code,
        "meta": {
            "id": notification.meta_id,
            "publicId": notification.meta_public_id,
        },
        "createdAt": notification.created_at,
        "readAt": notification.read_at,
    })
}

/// 403 "Unable to process your request.".
fn unable(reason: impl Into<String>) -> ApiError {
    ApiError::forbidden("Unable to process your request.").because(reason)
}

/// The docs' 403 for a user whose notifications are switched off.
fn available(ctx: &Ctx<'_>) -> Result<(), ApiError> {
    let off = ctx
        .state
        .user(ctx.user_id())
        .is_some_and(|u| u.notifications_unavailable);
    if off {
        return Err(unable(
            "this user's notifications are switched off (POST /_sandbox/ccpro/users/{id}/notifications {\"available\": true} switches them on)",
        ));
    }
    Ok(())
}

/// `items` (newest first) as one page with camelCase `meta`; `?page=` picks the page.
fn page(ctx: &Ctx<'_>, items: Vec<Value>) -> Reply {
    let total = items.len();
    let last = total.div_ceil(PER_PAGE).max(1);
    let current = ctx
        .query("page")
        .and_then(|p| p.parse::<usize>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let data: Vec<Value> = items
        .into_iter()
        .skip((current - 1).saturating_mul(PER_PAGE))
        .take(PER_PAGE)
        .collect();
    Ok(super::respond(
        StatusCode::OK,
        &json!({
            "data": data,
            "meta": {
                "total": total,
                "currentPage": current,
                "perPage": PER_PAGE,
                "lastPage": last,
            },
        }),
    ))
}

/// The user's temporary notifications, newest first.
fn of_user<'a>(state: &'a CcproState, user: &'a str) -> impl Iterator<Item = &'a Notification> {
    state
        .notifications
        .iter()
        .rev()
        .filter(move |n| n.user == user)
}

/// notification-temporary (#31), with or without `{notification_id}`: `?type=read|unread`
/// filters.
pub(crate) fn temporary(ctx: &mut Ctx<'_>) -> Reply {
    available(ctx)?;
    let read = match ctx.query("type").filter(|t| !t.is_empty()) {
        None => None,
        Some("read") => Some(true),
        Some("unread") => Some(false),
        Some(other) => {
            return Err(unable(format!(
                "type={other} is not a filter: read or unread"
            )));
        }
    };
    let user = ctx.user_id();
    let id = ctx.optional_param("notification_id");
    if let Some(id) = id
        && !of_user(ctx.state, user).any(|n| n.id == id)
    {
        return Err(unable(format!(
            "no notification {id} of this user (list them without an id)"
        )));
    }
    let items: Vec<Value> = of_user(ctx.state, user)
        .filter(|n| id.is_none_or(|id| n.id == id))
        .filter(|n| read.is_none_or(|r| n.read_at.is_some() == r))
        .map(json)
        .collect();
    page(ctx, items)
}

/// notification-mark-read (#32): marks every unread temporary notification read now and
/// answers them all.
pub(crate) fn mark_read(ctx: &mut Ctx<'_>) -> Reply {
    available(ctx)?;
    let user = ctx.user_id().to_owned();
    for n in &mut ctx.state.notifications {
        if n.user == user && n.read_at.is_none() {
            n.read_at = Some(ctx.now);
        }
    }
    let items: Vec<Value> = of_user(ctx.state, &user).map(json).collect();
    page(ctx, items)
}

/// One permanent notification.
fn permanent_item(category: &str, code: &str, message: &str) -> Value {
    json!({ "type": "permanently", "category": category, "code": code, "message": message })
}

/// notification-permanent (#30): computed from the user's state; `meta.total` is the count
/// of unread temporary notifications (as the docs' example: 2 unread, 8 items).
pub(crate) fn permanent(ctx: &mut Ctx<'_>) -> Reply {
    available(ctx)?;
    let (items, unread) = permanent_items(ctx.state, ctx.user_id());
    Ok(super::respond(
        StatusCode::OK,
        &json!({ "data": items, "meta": { "total": unread } }),
    ))
}

/// The user's permanent notifications, and the count of unread temporary ones.
fn permanent_items(state: &CcproState, user: &str) -> (Vec<Value>, usize) {
    let unread = of_user(state, user).filter(|n| n.read_at.is_none()).count();
    let mut items = Vec::new();
    if unread > 0 {
        let plural = if unread == 1 { "" } else { "s" };
        items.push(permanent_item(
            "notification",
            "notifications_unread",
            &format!("You have {unread} unread notification{plural}."),
        ));
    }
    if state
        .user(user)
        .is_some_and(|u| u.self_deleted_at.is_some())
    {
        items.push(permanent_item(
            "user",
            "self_deleted_at",
            "Your account is in pending self deleting.",
        ));
    }
    if !kyc::phone_verified(state, user) {
        items.push(permanent_item(
            "kyc",
            "phone_unverified",
            "Your phone number is not verified.",
        ));
    }
    if state
        .quotes
        .iter()
        .any(|q| q.user == user && q.status.eq_ignore_ascii_case("available"))
    {
        items.push(permanent_item(
            "quote",
            "quote_available",
            "You have available quotes.",
        ));
    }
    if state
        .orders
        .iter()
        .any(|o| o.user == user && o.status.eq_ignore_ascii_case("PAYMENT_WAITING"))
    {
        items.push(permanent_item(
            "order",
            "order_payment_waiting",
            "You have orders with pending payment waiting.",
        ));
    }
    let usable = |status: &str| status.eq_ignore_ascii_case("CONFIRMED");
    if !state
        .wallets
        .iter()
        .any(|w| w.user == user && usable(&w.status))
    {
        items.push(permanent_item(
            "wallet",
            "wallet_unavailable",
            "No crypto wallet available for use.",
        ));
    }
    if !state
        .cards
        .iter()
        .any(|c| c.user == user && usable(&c.status))
    {
        items.push(permanent_item(
            "card",
            "card_unavailable",
            "No credit card available for use.",
        ));
    }
    if !state
        .banks
        .iter()
        .any(|b| b.user == user && usable(&b.status))
    {
        items.push(permanent_item(
            "bank",
            "bank_unavailable",
            "No bank account available for use.",
        ));
    }
    (items, unread)
}

/// `POST /_sandbox/ccpro/users/{id}/notifications` `{"available": true|false}`: switches a
/// user's notifications off (the three operations answer 403 "Unable to process your
/// request.") or on again. Answers `{"user", "available"}`.
pub(crate) fn control_availability(
    state: &mut CcproState,
    id: &str,
    input: &Input,
    _now: u64,
) -> Result<Value, control::ControlError> {
    use control::ControlError::{Bad, NotFound};
    let on = match input.text("available") {
        Some("true") => true,
        Some("false") => false,
        _ => return Err(Bad("available: required, true or false".to_owned())),
    };
    let Some(user) = state
        .users
        .iter_mut()
        .find(|u| u.id == id || u.email.eq_ignore_ascii_case(id))
    else {
        return Err(NotFound(format!("no CCPro user {id}")));
    };
    user.notifications_unavailable = !on;
    Ok(json!({ "user": user.id, "available": on }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn codes(state: &CcproState) -> Vec<String> {
        permanent_items(state, "u")
            .0
            .iter()
            .map(|n| n["code"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn permanent_notifications_read_the_other_areas_stores() {
        let mut state = CcproState::new(1);
        state.users.push(User {
            id: "u".to_owned(),
            self_deleted_at: Some(1),
            ..User::default()
        });
        assert_eq!(
            codes(&state),
            [
                "self_deleted_at",
                "phone_unverified",
                "wallet_unavailable",
                "card_unavailable",
                "bank_unavailable"
            ]
        );
        let s = |text: &str| text.to_owned();
        state.quotes.push(quotes::Quote {
            user: s("u"),
            status: s("available"),
            ..Default::default()
        });
        state.orders.push(orders::Order {
            user: s("u"),
            status: s("PAYMENT_WAITING"),
            ..Default::default()
        });
        state.wallets.push(wallets::Wallet {
            user: s("u"),
            status: s("CONFIRMED"),
            ..Default::default()
        });
        state.cards.push(cards::Card {
            user: s("u"),
            status: s("CONFIRMED"),
            ..Default::default()
        });
        // A pending bank is not available for use; another user's quote is not the user's.
        state.banks.push(banks::Bank {
            user: s("u"),
            status: s("PENDING"),
            ..Default::default()
        });
        state.quotes.push(quotes::Quote {
            user: s("v"),
            status: s("available"),
            ..Default::default()
        });
        state.notify("u", "order_approved", "order", "t", "m", None, 5);
        assert_eq!(
            codes(&state),
            [
                "notifications_unread",
                "self_deleted_at",
                "phone_unverified",
                "quote_available",
                "order_payment_waiting",
                "bank_unavailable"
            ]
        );
        assert_eq!(permanent_items(&state, "u").1, 1);
    }
}
