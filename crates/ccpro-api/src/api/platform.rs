//! The platform's own operations (`/api/v1/platform/{platform}…`): its settings, staff and
//! users, and the orders, quotes, checkouts, transfers and IEN calls of its users. Each is
//! signed with the platform's RS512 JWT in the `token` header, whose payload names the
//! platform (`{"platform": …, "expire": …}`).
//!
//! The typed methods live on [`crate::Client`] and use its platform key's id
//! ([`crate::Client::platform_id`]).

use payments_core::http::StatusCode;
use payments_core::provider::auth::JwtClaims;
use payments_core::provider::{DecodeFailure, InvalidInput, require_text};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::client::CCPRO;
use crate::operations;
use crate::pagination::Pages;
use crate::types::checkout::Checkout;
use crate::types::common::{Page, data};
use crate::types::orders::Order;
use crate::types::platform::{IenType, Platform, PlatformCall, PlatformUser, StaffMember};
use crate::types::quotes::Quote;
use crate::types::transfers::Transfer;

/// The JWT claims of a platform operation: `{"platform": <the path's platform>}` (the
/// signer adds `expire`).
fn claims(platform: &str) -> JwtClaims {
    let mut map = serde_json::Map::new();
    map.insert("platform".into(), platform.into());
    JwtClaims(map)
}

/// The request of a platform operation without parameters: the path and the claims.
fn platform_request(
    op: &'static payments_core::Operation,
    platform: &str,
) -> Result<RequestSpec, InvalidInput> {
    require_text("platform", platform, 512)?;
    Ok(RequestSpec::with_path(op, &[Some(platform)])?.extension(claims(platform)))
}

/// `GET /api/v1/platform/{platform}`: the platform's settings, levels, payment methods and
/// currencies.
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowPlatform {
    /// The platform id.
    pub platform: String,
}

impl ShowPlatform {
    /// Shows `platform`.
    pub fn new(platform: impl Into<String>) -> Self {
        ShowPlatform {
            platform: platform.into(),
        }
    }
}

impl Endpoint for ShowPlatform {
    type Output = Platform;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_SHOW, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Platform, DecodeFailure> {
        data(status, body)
    }
}

/// `POST /api/v1/platform/{platform}`: updates the platform's name, base URL, IEN URL and
/// type, and colour (all required; `code` cannot be changed). Answers the platform. The
/// docs' example answer ignores the update (`#ffffff` sent, `#333246` returned): read the
/// platform again to be sure.
///
/// Input document: `{"platform": "…", "name": "…", "baseUrl": "…", "ienUrl": "…",
/// "ienType": "jwt"|"hmac", "colorCode": "#ffffff"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdatePlatform {
    /// The platform id.
    pub platform: String,
    /// The name (at most 191 characters).
    pub name: String,
    /// The base URL (at most 191 characters).
    pub base_url: String,
    /// The IEN URL (at most 191 characters).
    pub ien_url: String,
    /// The IEN scheme (`jwt` or `hmac`).
    pub ien_type: IenType,
    /// The colour, `#rgb` or `#rrggbb`.
    pub color_code: String,
}

impl UpdatePlatform {
    /// Sets every documented field of `platform`.
    pub fn new(
        platform: impl Into<String>,
        name: impl Into<String>,
        base_url: impl Into<String>,
        ien_url: impl Into<String>,
        ien_type: IenType,
        color_code: impl Into<String>,
    ) -> Self {
        UpdatePlatform {
            platform: platform.into(),
            name: name.into(),
            base_url: base_url.into(),
            ien_url: ien_url.into(),
            ien_type,
            color_code: color_code.into(),
        }
    }
}

/// Refuses what Laravel's `url` rule would: a value that is not an absolute `http(s)` URL
/// or that contains whitespace.
fn check_url(field: &str, s: &str) -> Result<(), InvalidInput> {
    require_text(field, s, 191)?;
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !s.chars().any(char::is_whitespace) => Ok(()),
        _ => Err(InvalidInput::new(
            field,
            "must be an absolute http(s) URL without spaces",
        )),
    }
}

/// Whether `s` is `#` and 3 or 6 hex digits (the docs' rule).
fn color_code(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Endpoint for UpdatePlatform {
    type Output = Platform;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("name", &self.name, 191)?;
        check_url("baseUrl", &self.base_url)?;
        check_url("ienUrl", &self.ien_url)?;
        if let IenType::Unknown(v) = &self.ien_type {
            return Err(InvalidInput::new(
                "ienType",
                format!("must be jwt or hmac, not {v:?}"),
            ));
        }
        if !color_code(&self.color_code) {
            return Err(InvalidInput::new(
                "colorCode",
                "must be # and 3 or 6 hex digits",
            ));
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            name: &'a str,
            base_url: &'a str,
            ien_url: &'a str,
            ien_type: &'a str,
            color_code: &'a str,
        }
        platform_request(&operations::PLATFORM_UPDATE, &self.platform)?.json(&Body {
            name: &self.name,
            base_url: &self.base_url,
            ien_url: &self.ien_url,
            ien_type: self.ien_type.as_str(),
            color_code: &self.color_code,
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Platform, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/platform/{platform}/staff`: one page of the platform's staff (25 a page,
/// `meta` in snake_case). Page numbers are not documented: `page` is sent as `?page=N`,
/// Laravel's convention, which this paginator follows. [`crate::Client::platform_staff_stream`]
/// walks every page.
///
/// Input document: `{"platform": "…", "page": 2}` (`page` optional).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformStaff {
    /// The platform id.
    pub platform: String,
    /// The page, from 1 (undocumented; Laravel's `?page=`).
    #[serde(default)]
    pub page: Option<u64>,
}

impl ListPlatformStaff {
    /// The first page of `platform`'s staff.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformStaff {
            platform: platform.into(),
            page: None,
        }
    }

    /// Asks for page `page` (from 1).
    pub fn with_page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }
}

/// `page=N`, refusing 0 (pages count from 1).
pub(crate) fn page_query(page: Option<u64>) -> Result<String, InvalidInput> {
    match page {
        None => Ok(String::new()),
        Some(0) => Err(InvalidInput::new("page", "pages count from 1")),
        Some(p) => Ok(format!("page={p}")),
    }
}

impl Endpoint for ListPlatformStaff {
    type Output = Page<StaffMember>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        let query = page_query(self.page)?;
        Ok(platform_request(&operations::PLATFORM_STAFF, &self.platform)?.query(query))
    }
}

/// `GET /api/v1/platform/{platform}/user`: the users attached to the platform (no
/// pagination, no filter).
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformUsers {
    /// The platform id.
    pub platform: String,
}

/// `GET /api/v1/platform/{platform}/order`: every order of the platform's users.
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformOrders {
    /// The platform id.
    pub platform: String,
}

/// `GET /api/v1/platform/{platform}/quote`: every quote of the platform's users.
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformQuotes {
    /// The platform id.
    pub platform: String,
}

/// `GET /api/v1/platform/{platform}/checkout`: every checkout of the platform's users.
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformCheckouts {
    /// The platform id.
    pub platform: String,
}

/// `GET /api/v1/platform/{platform}/transfer`: every transfer of the platform's users.
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformTransfers {
    /// The platform id.
    pub platform: String,
}

/// `GET /api/v1/platform/{platform}/call`: the calls CCPro made to the platform (its IEN
/// log, as far as the docs tell).
///
/// Input document: `{"platform": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPlatformCalls {
    /// The platform id.
    pub platform: String,
}

impl ListPlatformUsers {
    /// The users of `platform`.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformUsers {
            platform: platform.into(),
        }
    }
}

impl ListPlatformOrders {
    /// The orders of `platform`'s users.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformOrders {
            platform: platform.into(),
        }
    }
}

impl ListPlatformQuotes {
    /// The quotes of `platform`'s users.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformQuotes {
            platform: platform.into(),
        }
    }
}

impl ListPlatformCheckouts {
    /// The checkouts of `platform`'s users.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformCheckouts {
            platform: platform.into(),
        }
    }
}

impl ListPlatformTransfers {
    /// The transfers of `platform`'s users.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformTransfers {
            platform: platform.into(),
        }
    }
}

impl ListPlatformCalls {
    /// The calls made to `platform`.
    pub fn new(platform: impl Into<String>) -> Self {
        ListPlatformCalls {
            platform: platform.into(),
        }
    }
}

impl Endpoint for ListPlatformUsers {
    type Output = Vec<PlatformUser>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_USERS, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        data(status, body)
    }
}

impl Endpoint for ListPlatformOrders {
    type Output = Vec<Order>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_ORDERS, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        data(status, body)
    }
}

impl Endpoint for ListPlatformQuotes {
    type Output = Vec<Quote>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_QUOTES, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        data(status, body)
    }
}

impl Endpoint for ListPlatformCheckouts {
    type Output = Vec<Checkout>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_CHECKOUTS, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        data(status, body)
    }
}

impl Endpoint for ListPlatformTransfers {
    type Output = Vec<Transfer>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_TRANSFERS, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        data(status, body)
    }
}

impl Endpoint for ListPlatformCalls {
    type Output = Vec<PlatformCall>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        platform_request(&operations::PLATFORM_CALLS, &self.platform)
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Self::Output, DecodeFailure> {
        data(status, body)
    }
}

impl crate::Client {
    fn platform_or_err(&self, operation: &str) -> Result<String, Error> {
        self.platform_id()
            .map(str::to_owned)
            .ok_or_else(|| Error::config(CCPRO.name, format!("{operation} needs the platform key")))
    }

    /// `platform-show`: the platform of this client's key.
    pub async fn platform(&self) -> Result<Platform, Error> {
        let id = self.platform_or_err("platform-show")?;
        self.send(&ShowPlatform::new(id)).await
    }

    /// `platform-update`: sets the platform's name, base URL, IEN URL and scheme, and
    /// colour (`#rgb` or `#rrggbb`); answers the platform.
    pub async fn update_platform(
        &self,
        name: impl Into<String>,
        base_url: impl Into<String>,
        ien_url: impl Into<String>,
        ien_type: IenType,
        color_code: impl Into<String>,
    ) -> Result<Platform, Error> {
        let id = self.platform_or_err("platform-update")?;
        self.send(&UpdatePlatform::new(
            id, name, base_url, ien_url, ien_type, color_code,
        ))
        .await
    }

    /// `platform-staff`: one page of the platform's staff (`None`: the first page).
    pub async fn platform_staff(&self, page: Option<u64>) -> Result<Page<StaffMember>, Error> {
        let id = self.platform_or_err("platform-staff")?;
        let mut req = ListPlatformStaff::new(id);
        req.page = page;
        self.send(&req).await
    }

    /// `platform-staff`, every page: a stream of staff members holding one page at a time
    /// (see [`Pages`]). Without a platform key, it yields that error and ends.
    pub fn platform_staff_stream(&self) -> Pages<'_, StaffMember> {
        Pages::new(move |page| async move {
            let id = self.platform_or_err("platform-staff")?;
            let mut req = ListPlatformStaff::new(id);
            // Page 1 is the list as documented; later pages add `?page=N`.
            req.page = (page > 1).then_some(page);
            self.send(&req).await
        })
    }

    /// `platform-users`: the users attached to the platform.
    pub async fn platform_users(&self) -> Result<Vec<PlatformUser>, Error> {
        let id = self.platform_or_err("platform-users")?;
        self.send(&ListPlatformUsers::new(id)).await
    }

    /// `platform-orders`: every order of the platform's users.
    pub async fn platform_orders(&self) -> Result<Vec<Order>, Error> {
        let id = self.platform_or_err("platform-orders")?;
        self.send(&ListPlatformOrders::new(id)).await
    }

    /// `platform-quotes`: every quote of the platform's users.
    pub async fn platform_quotes(&self) -> Result<Vec<Quote>, Error> {
        let id = self.platform_or_err("platform-quotes")?;
        self.send(&ListPlatformQuotes::new(id)).await
    }

    /// `platform-checkouts`: every checkout of the platform's users.
    pub async fn platform_checkouts(&self) -> Result<Vec<Checkout>, Error> {
        let id = self.platform_or_err("platform-checkouts")?;
        self.send(&ListPlatformCheckouts::new(id)).await
    }

    /// `platform-transfers`: every transfer of the platform's users.
    pub async fn platform_transfers(&self) -> Result<Vec<Transfer>, Error> {
        let id = self.platform_or_err("platform-transfers")?;
        self.send(&ListPlatformTransfers::new(id)).await
    }

    /// `platform-calls`: the calls CCPro made to the platform.
    pub async fn platform_calls(&self) -> Result<Vec<PlatformCall>, Error> {
        let id = self.platform_or_err("platform-calls")?;
        self.send(&ListPlatformCalls::new(id)).await
    }
}
