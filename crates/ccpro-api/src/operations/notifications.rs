//! The notifications rows of the table (see [`super`]).

use super::*;

/// #30 `GET /api/v1/user/{user}/notifications/permanently`.
pub static NOTIFICATION_PERMANENT: Operation = Operation {
    name: "notification-permanent",
    method: Method::GET,
    path: "/api/v1/user/{user}/notifications/permanently",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists the user's permanent notifications (standing facts about the account).",
    io: Io::json::<ListPermanentNotifications>(),
};

/// #31 `GET /api/v1/user/{user}/notifications/temporary/{notification_id?}`.
pub static NOTIFICATION_TEMPORARY: Operation = Operation {
    name: "notification-temporary",
    method: Method::GET,
    path: "/api/v1/user/{user}/notifications/temporary/{notification_id?}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Lists a page of the user's temporary notifications, optionally read or unread only.",
    io: Io::json::<ListTemporaryNotifications>(),
};

/// #32 `POST /api/v1/user/{user}/notifications/temporary/mark-as-read`.
pub static NOTIFICATION_MARK_READ: Operation = Operation {
    name: "notification-mark-read",
    method: Method::POST,
    path: "/api/v1/user/{user}/notifications/temporary/mark-as-read",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Marks every temporary notification read and returns them.",
    io: Io::json::<MarkNotificationsRead>(),
};
