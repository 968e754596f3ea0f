//! A user's bank accounts: `bank-create`, `bank-list`, `bank-show` and `bank-delete`;
//! and [`StatusFilter`], the review-state filter of the bank, card and wallet lists.

use payments_core::http::StatusCode;
use payments_core::provider::{
    DecodeFailure, InvalidInput, MAX_PATH_PARAM, path_segment, require_text,
};
use payments_core::{Endpoint, Error, RequestSpec};
use serde::{Deserialize, Serialize};

use crate::operations;
use crate::types::banks::Bank;
use crate::types::common::{Message, data};

payments_core::wire_enum! {
    /// The review-state filter of `bank-list`, `card-list` and `wallet-list`, in the lower
    /// case the docs give it (`confirmed`); the objects themselves say
    /// [`ReviewStatus`](crate::types::ReviewStatus) in upper case.
    pub enum StatusFilter {
        /// `confirmed`.
        Confirmed = "confirmed",
        /// `rejected`.
        Rejected = "rejected",
        /// `pending`.
        Pending = "pending",
    }
}

/// Checks a required id (`user`, `bank`, …): not blank, at most 512 characters. Its path
/// segment is checked and percent-encoded again when the path is filled.
pub(crate) fn require_id(field: &str, value: &str) -> Result<(), InvalidInput> {
    require_text(field, value, MAX_PATH_PARAM)
}

/// A query string of the given pairs, each key and value percent-encoded; absent values
/// are left out.
pub(crate) fn query_string(pairs: &[(&str, Option<&str>)]) -> String {
    pairs
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{}={}", path_segment(k), path_segment(v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Refuses a value with anything but ASCII letters and digits (Laravel's `alpha_num`, as
/// far as identifiers such as IBANs, SWIFT codes and addresses go).
pub(crate) fn alpha_num(field: &str, value: &str) -> Result<(), InvalidInput> {
    if value.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(InvalidInput::new(
            field,
            "must contain only letters and digits",
        ))
    }
}

/// Refuses a value with anything but letters, digits, `-` and `_` (Laravel's
/// `alpha_dash`: aliases).
pub(crate) fn alpha_dash(field: &str, value: &str) -> Result<(), InvalidInput> {
    if value
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(InvalidInput::new(
            field,
            "must contain only letters, digits, `-` and `_`",
        ))
    }
}

/// `POST /api/v1/user/{user}/bank`: adds a bank account. Answers 201 with the [`Bank`].
///
/// The docs' rule for `swift` is `between:8,11`, yet their own example sends `"123456"`:
/// the SDK checks only that it is letters and digits and leaves the length to CCPro.
///
/// Input document: `{"user", "bankName", "iban", "swift", "currency"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateBank {
    /// The user's id.
    pub user: String,
    /// The bank's name (at most 191 characters).
    pub bank_name: String,
    /// The IBAN (letters and digits, at most 191; unique).
    pub iban: String,
    /// The SWIFT (BIC) code (letters and digits).
    pub swift: String,
    /// The account's ISO 4217 currency code (`EUR`).
    pub currency: String,
}

impl CreateBank {
    /// Adds the account `iban` at `bank_name` (SWIFT `swift`), in `currency`, for `user`.
    pub fn new(
        user: impl Into<String>,
        bank_name: impl Into<String>,
        iban: impl Into<String>,
        swift: impl Into<String>,
        currency: impl Into<String>,
    ) -> Self {
        CreateBank {
            user: user.into(),
            bank_name: bank_name.into(),
            iban: iban.into(),
            swift: swift.into(),
            currency: currency.into(),
        }
    }
}

impl Endpoint for CreateBank {
    type Output = Bank;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_text("bankName", &self.bank_name, 191)?;
        require_text("iban", &self.iban, 191)?;
        alpha_num("iban", &self.iban)?;
        require_text("swift", &self.swift, 11)?;
        alpha_num("swift", &self.swift)?;
        if self.currency.len() != 3 || !self.currency.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(InvalidInput::new(
                "currency",
                "must be a three-letter ISO 4217 code",
            ));
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            bank_name: &'a str,
            iban: &'a str,
            swift: &'a str,
            currency: &'a str,
        }
        RequestSpec::with_path(&operations::BANK_CREATE, &[Some(&self.user)])?.json(&Body {
            bank_name: &self.bank_name,
            iban: &self.iban,
            swift: &self.swift,
            currency: &self.currency,
        })
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Bank, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/bank`: the user's bank accounts, optionally filtered by
/// review state and currency (the docs call them "fields to sort by"; they filter). Not
/// paginated.
///
/// Input document: `{"user", "status"?, "currency"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListBanks {
    /// The user's id.
    pub user: String,
    /// Only accounts in this review state.
    #[serde(default)]
    pub status: Option<StatusFilter>,
    /// Only accounts in this currency (`EUR`).
    #[serde(default)]
    pub currency: Option<String>,
}

impl ListBanks {
    /// All of `user`'s bank accounts.
    pub fn new(user: impl Into<String>) -> Self {
        ListBanks {
            user: user.into(),
            status: None,
            currency: None,
        }
    }

    /// Only accounts in review state `status`.
    pub fn with_status(mut self, status: StatusFilter) -> Self {
        self.status = Some(status);
        self
    }

    /// Only accounts in `currency`.
    pub fn with_currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = Some(currency.into());
        self
    }
}

impl Endpoint for ListBanks {
    type Output = Vec<Bank>;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        if let Some(c) = &self.currency {
            require_text("currency", c, 191)?;
        }
        let q = query_string(&[
            ("status", self.status.as_ref().map(StatusFilter::as_str)),
            ("currency", self.currency.as_deref()),
        ]);
        Ok(RequestSpec::with_path(&operations::BANK_LIST, &[Some(&self.user)])?.query(q))
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Vec<Bank>, DecodeFailure> {
        data(status, body)
    }
}

/// `GET /api/v1/user/{user}/bank/{bank}`: one bank account (404 "No query results." when
/// there is none).
///
/// Input document: `{"user", "bank"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetBank {
    /// The user's id.
    pub user: String,
    /// The bank account's id.
    pub bank: String,
}

impl GetBank {
    /// `user`'s bank account `bank`.
    pub fn new(user: impl Into<String>, bank: impl Into<String>) -> Self {
        GetBank {
            user: user.into(),
            bank: bank.into(),
        }
    }
}

impl Endpoint for GetBank {
    type Output = Bank;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("bank", &self.bank)?;
        RequestSpec::with_path(
            &operations::BANK_SHOW,
            &[Some(&self.user), Some(&self.bank)],
        )
    }

    fn decode(status: StatusCode, body: &[u8]) -> Result<Bank, DecodeFailure> {
        data(status, body)
    }
}

/// `DELETE /api/v1/user/{user}/bank/{bank}`: removes a bank account; answers
/// `{"message": "This bank has been successfully deleted."}`. An account already used in
/// an order cannot be removed (403 "This bank has been already used in previous
/// actions.").
///
/// Input document: `{"user", "bank"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteBank {
    /// The user's id.
    pub user: String,
    /// The bank account's id.
    pub bank: String,
}

impl DeleteBank {
    /// Removes `user`'s bank account `bank`.
    pub fn new(user: impl Into<String>, bank: impl Into<String>) -> Self {
        DeleteBank {
            user: user.into(),
            bank: bank.into(),
        }
    }
}

impl Endpoint for DeleteBank {
    type Output = Message;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_id("user", &self.user)?;
        require_id("bank", &self.bank)?;
        RequestSpec::with_path(
            &operations::BANK_DELETE,
            &[Some(&self.user), Some(&self.bank)],
        )
    }
}

impl crate::UserClient {
    /// `bank-create`: adds a bank account for the session's user.
    pub async fn create_bank(
        &self,
        bank_name: impl Into<String>,
        iban: impl Into<String>,
        swift: impl Into<String>,
        currency: impl Into<String>,
    ) -> Result<Bank, Error> {
        self.send(&CreateBank::new(
            self.user_id(),
            bank_name,
            iban,
            swift,
            currency,
        ))
        .await
    }

    /// `bank-list`: the session's user's bank accounts, unfiltered (filter with
    /// [`ListBanks`] and [`send`](crate::UserClient::send)).
    pub async fn list_banks(&self) -> Result<Vec<Bank>, Error> {
        self.send(&ListBanks::new(self.user_id())).await
    }

    /// `bank-show`: one of the session's user's bank accounts.
    pub async fn get_bank(&self, bank: impl Into<String>) -> Result<Bank, Error> {
        self.send(&GetBank::new(self.user_id(), bank)).await
    }

    /// `bank-delete`: removes one of the session's user's bank accounts.
    pub async fn delete_bank(&self, bank: impl Into<String>) -> Result<Message, Error> {
        self.send(&DeleteBank::new(self.user_id(), bank)).await
    }
}
