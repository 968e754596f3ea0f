//! The countries rows of the table (see [`super`]).

use super::*;

/// #15 `GET /api/v1/countries`.
pub static COUNTRY_LIST: Operation = Operation {
    name: "country-list",
    method: Method::GET,
    path: "/api/v1/countries",
    auth: Auth::None,
    retry: RetrySafety::Idempotent,
    summary: "Lists the countries CCPro serves.",
    io: Io::json::<crate::api::countries::ListCountries>(),
};
