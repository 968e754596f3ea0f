//! Notifications: the permanent ones (standing facts about the account), the temporary
//! ones (events, read or unread, paginated), and marking every temporary one read.

use payments_core::provider::{InvalidInput, require_text};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::Deserialize;

use crate::api::platform::page_query;
use crate::operations;
use crate::pagination::Pages;
use crate::types::common::Page;
use crate::types::notifications::{Notification, NotificationFilter, PermanentNotification};

/// `GET /api/v1/user/{user}/notifications/permanently`: the standing notifications. Its
/// `meta` holds only `total`, which counts something else than the items (2 for 8 in the
/// docs), so it is not a page count.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPermanentNotifications {
    /// The user id.
    pub user: String,
}

impl ListPermanentNotifications {
    /// `user`'s permanent notifications.
    pub fn new(user: impl Into<String>) -> Self {
        ListPermanentNotifications { user: user.into() }
    }
}

impl Endpoint for ListPermanentNotifications {
    type Output = Page<PermanentNotification>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, 512)?;
        RequestSpec::with_path(&operations::NOTIFICATION_PERMANENT, &[Some(&self.user)])
    }
}

/// `GET /api/v1/user/{user}/notifications/temporary/{notification_id?}`: one page of the
/// temporary notifications (25 a page, `meta` in camelCase), optionally only read or
/// unread ones (`type`). The docs' example gives a `notification_id` and still gets a
/// page, so the answer is a page either way.
///
/// `page` is **not documented**: it is sent as `?page=N`, the query parameter of Laravel's
/// paginator whose `meta` this list returns. [`crate::UserClient::temporary_notifications_stream`]
/// walks every page and stops with an error if the server ignores it.
///
/// Input document: `{"user": "…", "notification_id": "…", "type": "unread", "page": 2}`
/// (all but `user` optional).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTemporaryNotifications {
    /// The user id.
    pub user: String,
    /// One notification's id.
    #[serde(default)]
    pub notification_id: Option<String>,
    /// Only read or unread ones (query `type`).
    #[serde(default, rename = "type")]
    pub filter: Option<NotificationFilter>,
    /// The page, from 1 (undocumented; Laravel's `?page=`).
    #[serde(default)]
    pub page: Option<u64>,
}

impl ListTemporaryNotifications {
    /// `user`'s temporary notifications, first page.
    pub fn new(user: impl Into<String>) -> Self {
        ListTemporaryNotifications {
            user: user.into(),
            notification_id: None,
            filter: None,
            page: None,
        }
    }

    /// Only the notification `id`.
    pub fn with_notification_id(mut self, id: impl Into<String>) -> Self {
        self.notification_id = Some(id.into());
        self
    }

    /// Only read or unread ones.
    pub fn with_filter(mut self, filter: NotificationFilter) -> Self {
        self.filter = Some(filter);
        self
    }

    /// Page `page` (from 1; undocumented, see the type's docs).
    pub fn with_page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }
}

impl Endpoint for ListTemporaryNotifications {
    type Output = Page<Notification>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, 512)?;
        if let Some(id) = &self.notification_id {
            require_text("notification_id", id, 512)?;
        }
        let mut query = Vec::new();
        if let Some(f) = &self.filter {
            require_text("type", f.as_str(), 64)?;
            query.push(format!(
                "type={}",
                payments_core::provider::path_segment(f.as_str())
            ));
        }
        let page = page_query(self.page)?;
        if !page.is_empty() {
            query.push(page);
        }
        Ok(RequestSpec::with_path(
            &operations::NOTIFICATION_TEMPORARY,
            &[Some(&self.user), self.notification_id.as_deref()],
        )?
        .query(query.join("&")))
    }
}

/// `POST /api/v1/user/{user}/notifications/temporary/mark-as-read`: marks every temporary
/// notification read and answers them (a page, `readAt` set). No body.
///
/// Input document: `{"user": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkNotificationsRead {
    /// The user id.
    pub user: String,
}

impl MarkNotificationsRead {
    /// Marks `user`'s temporary notifications read.
    pub fn new(user: impl Into<String>) -> Self {
        MarkNotificationsRead { user: user.into() }
    }
}

impl Endpoint for MarkNotificationsRead {
    type Output = Page<Notification>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, 512)?;
        RequestSpec::with_path(&operations::NOTIFICATION_MARK_READ, &[Some(&self.user)])
    }
}

impl crate::UserClient {
    /// `notification-permanent`: the standing notifications (`meta.total` is not their
    /// count).
    pub async fn permanent_notifications(&self) -> Result<Page<PermanentNotification>, Error> {
        self.send(&ListPermanentNotifications::new(self.user_id()))
            .await
    }

    /// `notification-temporary`: one page of temporary notifications, optionally only read
    /// or unread ones (`page` `None`: the first; the parameter is undocumented).
    pub async fn temporary_notifications(
        &self,
        filter: Option<NotificationFilter>,
        page: Option<u64>,
    ) -> Result<Page<Notification>, Error> {
        let mut req = ListTemporaryNotifications::new(self.user_id());
        req.filter = filter;
        req.page = page;
        self.send(&req).await
    }

    /// `notification-temporary` with an id: the page the server answers for that
    /// notification.
    pub async fn temporary_notification(&self, id: &str) -> Result<Page<Notification>, Error> {
        self.send(&ListTemporaryNotifications::new(self.user_id()).with_notification_id(id))
            .await
    }

    /// `notification-temporary`, every page: a stream of notifications holding one page at
    /// a time (see [`Pages`]).
    pub fn temporary_notifications_stream(&self) -> Pages<'_, Notification> {
        Pages::new(move |page| async move {
            let mut req = ListTemporaryNotifications::new(self.user_id());
            // Page 1 is the list as documented; later pages add `?page=N`.
            req.page = (page > 1).then_some(page);
            self.send(&req).await
        })
    }

    /// `notification-mark-read`: marks every temporary notification read; answers them.
    pub async fn mark_notifications_read(&self) -> Result<Page<Notification>, Error> {
        self.send(&MarkNotificationsRead::new(self.user_id())).await
    }
}
