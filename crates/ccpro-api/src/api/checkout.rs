//! The user's hosted checkouts: `checkout-list` (optionally by status) and
//! `checkout-show`. No operation creates a checkout: the platform sends its user to
//! CCPro's hosted checkout ([`crate::handoff`]) and reads the result back here.

use payments_core::http::StatusCode;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::Deserialize;

use crate::api::orders::{MAX_ID, query};
use crate::operations;
use crate::types::checkout::{Checkout, CheckoutStatus};
use crate::types::common::data;

/// `GET /api/v1/user/{user}/checkout`: the user's checkouts (not paginated), optionally
/// only those in one status (the docs list `created`, `processing`, `finished`).
///
/// Input document: `{"user": "…", "status"?: "created"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCheckouts {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// Only checkouts in this status.
    #[serde(default)]
    pub status: Option<CheckoutStatus>,
}

impl ListCheckouts {
    /// All of `user`'s checkouts.
    pub fn new(user: impl Into<String>) -> Self {
        ListCheckouts {
            user: user.into(),
            status: None,
        }
    }

    /// Only checkouts in `status`.
    pub fn with_status(mut self, status: CheckoutStatus) -> Self {
        self.status = Some(status);
        self
    }
}

impl Endpoint for ListCheckouts {
    type Output = Vec<Checkout>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        let q = query(&[("status", self.status.as_ref().map(CheckoutStatus::as_str))])?;
        Ok(RequestSpec::with_path(&operations::CHECKOUT_LIST, &[Some(&self.user)])?.query(q))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Checkout>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/checkout/{checkout}`: one checkout (without the
/// `redirectUrl` and `pingUrl` the list carries).
///
/// Input document: `{"user": "…", "checkout": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetCheckout {
    /// The user's id (the docs' `{user}`).
    pub user: String,
    /// The checkout's id (the docs' `{checkout}`).
    pub checkout: String,
}

impl GetCheckout {
    /// `user`'s checkout `checkout`.
    pub fn new(user: impl Into<String>, checkout: impl Into<String>) -> Self {
        GetCheckout {
            user: user.into(),
            checkout: checkout.into(),
        }
    }
}

impl Endpoint for GetCheckout {
    type Output = Checkout;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("user", &self.user, MAX_ID)?;
        require_text("checkout", &self.checkout, MAX_ID)?;
        RequestSpec::with_path(
            &operations::CHECKOUT_SHOW,
            &[Some(&self.user), Some(&self.checkout)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Checkout, DecodeFailure> {
        data(status, body)
    }
}

impl crate::UserClient {
    /// `checkout-list`: all of the session user's checkouts. Filter by status with
    /// [`ListCheckouts`] and [`send`](crate::UserClient::send).
    pub async fn list_checkouts(&self) -> Result<Vec<Checkout>, Error> {
        self.send(&ListCheckouts::new(self.user_id())).await
    }

    /// `checkout-show`: one of the session user's checkouts.
    pub async fn get_checkout(&self, checkout: &str) -> Result<Checkout, Error> {
        self.send(&GetCheckout::new(self.user_id(), checkout)).await
    }
}
