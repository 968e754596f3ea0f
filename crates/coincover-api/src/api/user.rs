//! `POST /user`, `PATCH /user/{userId}`, `POST /user/{userId}/plan`,
//! `PATCH /user/{userId}/plan`.
//!
//! The path parameter `userId` is a field of the request like any other: read from the
//! input document as a top-level field, put into the path by `request()` (checked and
//! percent-encoded as one segment), and left out of the body.

use payments_core::country::CountryCode;
use payments_core::date::Date;
use payments_core::money::as_number;
use payments_core::provider::InvalidInput;
use payments_core::{Amount, Endpoint, NoContent, RequestSpec};
use serde::{Deserialize, Serialize};

use super::require_text;
use crate::operations;

/// A path `userId`: present and not blank. [`RequestSpec::with_path`] then refuses `.`,
/// `..` and control characters and encodes it as one segment.
fn check_user_id(user_id: &str) -> Result<(), InvalidInput> {
    require_text("userId", user_id)
}

fn check_level(level: &Amount) -> Result<(), InvalidInput> {
    if level.is_positive() {
        Ok(())
    } else {
        Err(InvalidInput::new(
            "levelUsd",
            format!("must be greater than zero, got {level}"),
        ))
    }
}

/// `POST /user`: registers one of your users with CoinCover (201, no body).
///
/// Not retried once it may have reached CoinCover: a repeat would register twice.
/// `userId` is a body field here, not a path parameter.
///
/// ```
/// use coincover_api::{CreateUser, CountryCode, Date};
/// let req = CreateUser::new("jb001", "Joe", "Blogs", CountryCode::from_alpha2("US")?)
///     .with_dob("1975-05-01".parse::<Date>()?)
///     .with_nationality(CountryCode::from_alpha2("US")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct CreateUser {
    /// Your id of the user.
    pub user_id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<Date>,
    /// Country of residence (ISO 3166-1 alpha-2).
    pub residence_country: CountryCode,
    /// Nationality (ISO 3166-1 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<CountryCode>,
}

impl CreateUser {
    /// A registration with every mandatory field.
    pub fn new(
        user_id: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        residence_country: CountryCode,
    ) -> Self {
        CreateUser {
            user_id: user_id.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            dob: None,
            residence_country,
            nationality: None,
        }
    }

    /// Sets the date of birth.
    pub fn with_dob(mut self, dob: Date) -> Self {
        self.dob = Some(dob);
        self
    }

    /// Sets the nationality.
    pub fn with_nationality(mut self, country: CountryCode) -> Self {
        self.nationality = Some(country);
        self
    }
}

impl Endpoint for CreateUser {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("userId", &self.user_id)?;
        require_text("firstName", &self.first_name)?;
        require_text("lastName", &self.last_name)?;
        RequestSpec::new(&operations::CREATE_USER).json(self)
    }
}

/// `PATCH /user/{userId}`: changes a registered user's details (204, no body; 404 for an
/// unknown user). Only the fields set are sent.
///
/// Retried like a read: applying the same values twice changes nothing.
///
/// Its input document carries the path parameter as a top-level field:
///
/// ```
/// use coincover_api::UpdateUser;
/// let req: UpdateUser = payments_core::read_document(r#"{"userId":"jb001","firstName":"Joe"}"#)?;
/// assert_eq!(req, UpdateUser::new("jb001").first_name("Joe"));
/// // The body leaves it out.
/// assert_eq!(serde_json::to_string(&req)?, r#"{"firstName":"Joe"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct UpdateUser {
    /// Your id of the user: the path parameter, not sent in the body.
    #[serde(rename = "userId", default, skip_serializing)]
    pub user_id: String,
    /// New first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// New last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// New country of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_country: Option<CountryCode>,
    /// New date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<Date>,
}

impl UpdateUser {
    /// An update of `user_id` that changes nothing yet; set at least one field.
    pub fn new(user_id: impl Into<String>) -> Self {
        UpdateUser {
            user_id: user_id.into(),
            first_name: None,
            last_name: None,
            residence_country: None,
            dob: None,
        }
    }

    /// Sets the first name.
    pub fn first_name(mut self, v: impl Into<String>) -> Self {
        self.first_name = Some(v.into());
        self
    }

    /// Sets the last name.
    pub fn last_name(mut self, v: impl Into<String>) -> Self {
        self.last_name = Some(v.into());
        self
    }

    /// Sets the country of residence.
    pub fn residence_country(mut self, v: CountryCode) -> Self {
        self.residence_country = Some(v);
        self
    }

    /// Sets the date of birth.
    pub fn dob(mut self, v: Date) -> Self {
        self.dob = Some(v);
        self
    }
}

impl Endpoint for UpdateUser {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user_id(&self.user_id)?;
        if let Some(v) = &self.first_name {
            require_text("firstName", v)?;
        }
        if let Some(v) = &self.last_name {
            require_text("lastName", v)?;
        }
        if self.first_name.is_none()
            && self.last_name.is_none()
            && self.residence_country.is_none()
            && self.dob.is_none()
        {
            return Err(InvalidInput::new(
                "body",
                "nothing to update: set firstName, lastName, residenceCountry or dob",
            ));
        }
        RequestSpec::with_path(&operations::UPDATE_USER, &[Some(self.user_id.as_str())])?.json(self)
    }
}

/// `POST /user/{userId}/plan`: gives a registered user a plan with a USD level of cover
/// (201, no body; 404 for an unknown user).
///
/// Not retried once it may have reached CoinCover. Its input document is
/// `{"userId":"jb001","levelUsd":1000}`; the body is `{"levelUsd":1000}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct CreatePlan {
    /// Your id of the user: the path parameter, not sent in the body.
    #[serde(rename = "userId", default, skip_serializing)]
    pub user_id: String,
    /// The USD level of cover, sent as a JSON number (`1000`).
    #[serde(with = "as_number")]
    pub level_usd: Amount,
}

impl CreatePlan {
    /// A plan of `level_usd` for `user_id`.
    pub fn new(user_id: impl Into<String>, level_usd: Amount) -> Self {
        CreatePlan {
            user_id: user_id.into(),
            level_usd,
        }
    }
}

impl Endpoint for CreatePlan {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user_id(&self.user_id)?;
        check_level(&self.level_usd)?;
        RequestSpec::with_path(&operations::CREATE_PLAN, &[Some(self.user_id.as_str())])?.json(self)
    }
}

/// `PATCH /user/{userId}/plan`: changes a user's level of cover (CoinCover documents 201,
/// no body; 404 for an unknown user).
///
/// The documentation marks `levelUsd` optional, but it is the only field, so an update
/// without it would change nothing: the type requires it. Retried like a read. Its input
/// document is `{"userId":"jb001","levelUsd":500}`; the body is `{"levelUsd":500}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct UpdatePlan {
    /// Your id of the user: the path parameter, not sent in the body.
    #[serde(rename = "userId", default, skip_serializing)]
    pub user_id: String,
    /// The new USD level of cover, sent as a JSON number (`500`).
    #[serde(with = "as_number")]
    pub level_usd: Amount,
}

impl UpdatePlan {
    /// A new level of cover for `user_id`.
    pub fn new(user_id: impl Into<String>, level_usd: Amount) -> Self {
        UpdatePlan {
            user_id: user_id.into(),
            level_usd,
        }
    }
}

impl Endpoint for UpdatePlan {
    type Output = NoContent;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        check_user_id(&self.user_id)?;
        check_level(&self.level_usd)?;
        RequestSpec::with_path(&operations::UPDATE_PLAN, &[Some(self.user_id.as_str())])?.json(self)
    }
}
