//! The checkout hand-off URL: where a platform sends its user to pay on CCPro's hosted
//! checkout, `https://checkout.cryptocoin.pro/?platform=<id>&token=<jwt>`.
//!
//! Not an API operation: the docs show only such URLs inside checkout objects. Their JWTs
//! decode to an RS512 token carrying `user`, `payment`, `ping_url`, `redirect_url` and
//! `expire` (snake_case claims); this builder mints the same with the platform key. Read
//! from the examples, not documented: check it against your CCPro integration.

use payments_core::{Error, ExactAmount};
use serde::Serialize;

use crate::client::{CCPRO, Client};

/// The hosted checkout's address.
pub const CHECKOUT_URL: &str = "https://checkout.cryptocoin.pro/";

/// The user as the checkout token names them (the claims of the docs' examples).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckoutUser {
    /// The platform's id of the user.
    pub id: String,
    /// E-mail.
    pub email: String,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dob: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The wallet the bought coins go to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wallet: Option<String>,
    /// Country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// State or region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Street.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
}

/// The payment the checkout takes (the claims of the docs' examples).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckoutPayment {
    /// `buy` or `sell`, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// `coin` or `token`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The asset (`ETH`).
    pub symbol: String,
    /// The amount of the asset, sent as written.
    pub amount: ExactAmount,
    /// The rate, sent as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<ExactAmount>,
    /// The fiat currency (`EUR`).
    pub fiat: String,
    /// The platform's id of this request (the checkout's `requestId`).
    pub request_id: String,
    /// The payment method (`bank`, `card`).
    pub method: String,
    /// How many quotes the user may ask for (the checkout's `attemptsQuote.limit`).
    pub attempts: u32,
    /// An operation to follow the order (`withdraw`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_order_type: Option<String>,
}

/// What the checkout hand-off carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckoutHandoff {
    /// The user.
    pub user: CheckoutUser,
    /// The payment.
    pub payment: CheckoutPayment,
    /// Called by CCPro when the checkout changes.
    pub ping_url: String,
    /// Where the user returns.
    pub redirect_url: String,
}

impl Client {
    /// The hosted-checkout URL for `handoff` at [`CHECKOUT_URL`]: the platform id and an
    /// RS512 JWT of the hand-off claims plus `expire`, minted now with the platform key.
    /// Read from the docs' example URLs, not documented as an API (see [`crate::handoff`]).
    pub fn checkout_url(&self, handoff: &CheckoutHandoff) -> Result<String, Error> {
        self.checkout_url_at(CHECKOUT_URL, handoff)
    }

    /// [`checkout_url`](Self::checkout_url) for another checkout address (a test host).
    pub fn checkout_url_at(&self, base: &str, handoff: &CheckoutHandoff) -> Result<String, Error> {
        let key = self.platform_key().ok_or_else(|| {
            Error::config(CCPRO.name, "the checkout hand-off needs the platform key")
        })?;
        if handoff.user.id.trim().is_empty() {
            return Err(Error::InvalidRequest {
                provider: CCPRO.name,
                field: "user.id".into(),
                message: "is required".into(),
            });
        }
        let claims = match serde_json::to_value(handoff) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => {
                return Err(Error::config(
                    CCPRO.name,
                    "cannot write the hand-off claims",
                ));
            }
        };
        let token = key.mint(&claims, self.api.clock().unix_seconds())?;
        let separator = if base.contains('?') { '&' } else { '?' };
        Ok(format!(
            "{base}{separator}platform={}&token={token}",
            payments_core::provider::path_segment(key.id())
        ))
    }
}
