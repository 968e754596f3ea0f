//! The cards rows of the table (see [`super`]).

use super::*;

/// #8 `POST /api/v1/user/{user}/card`.
pub static CARD_CREATE: Operation = Operation {
    name: "card-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/card",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds a card for the user, uploading its two images.",
    io: Io::with_files::<crate::api::cards::CreateCard>(),
};

/// #9 `GET /api/v1/user/{user}/card`.
pub static CARD_LIST: Operation = Operation {
    name: "card-list",
    method: Method::GET,
    path: "/api/v1/user/{user}/card",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's cards, optionally by status.",
    io: Io::json::<crate::api::cards::ListCards>(),
};

/// #10 `GET /api/v1/user/{user}/card/{card}`.
pub static CARD_SHOW: Operation = Operation {
    name: "card-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/card/{card}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Shows one of the user's cards.",
    io: Io::json::<crate::api::cards::GetCard>(),
};

/// #11 `POST /api/v1/user/{user}/card/{card}`.
pub static CARD_UPDATE: Operation = Operation {
    name: "card-update",
    method: Method::POST,
    path: "/api/v1/user/{user}/card/{card}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Replaces one of the user's cards, both images included.",
    io: Io::with_files::<crate::api::cards::UpdateCard>(),
};

/// #12 `DELETE /api/v1/user/{user}/card/{card}`.
pub static CARD_DELETE: Operation = Operation {
    name: "card-delete",
    method: Method::DELETE,
    path: "/api/v1/user/{user}/card/{card}",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Removes one of the user's cards.",
    io: Io::json::<crate::api::cards::DeleteCard>(),
};
