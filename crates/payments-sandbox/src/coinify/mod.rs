//! The Coinify partner-API emulation, served under `/coinify`.
//!
//! The routes are the partner routes of Coinify's trade API, as documented:
//!
//! | route | auth | answer |
//! |---|---|---|
//! | `POST /partners/{partnerId}/kyc` | partner JWT | 201 `{"id","externalId"}` for a new review, 200 with the same id when the `externalId` is known |
//! | `POST /partners/{partnerId}/kyc/{reviewId}/documents` | partner JWT | 201 `{"id","externalId"}` for a new document, 200 for a repeat of the same one |
//! | `GET /partners/{partnerId}/approximate-quote` | none | 200, the approximate quote from [`CURRENCIES`] and [`PAYMENT_METHODS`] |
//! | `GET /partners/{partnerId}/payment-methods` | none | 200, [`PAYMENT_METHODS`] as a JSON array |
//! | `GET /countries/{partnerId}` | none | 200, [`COUNTRIES`] as a JSON object keyed by country code |
//!
//! Errors have Coinify's error shape, `{"error": "<code>", "error_description": "<text>"}`,
//! with the codes `invalid_request` (400), `unauthorized` (401), `not_found` (404),
//! `method_not_allowed` (405) and `internal_error` (500).
//!
//! Requests are checked in this order, each failure answering at once:
//!
//! 1. the route (404 `not_found`);
//! 2. the partner id of the path: not a UUID → 400 `invalid_request`; a UUID other than
//!    [`Credentials::coinify_partner_id`](crate::Credentials::coinify_partner_id) → 404
//!    `not_found` (the partner's key is unknown, so nothing can be verified);
//! 3. for the KYC routes, the partner JWT (401 `unauthorized`): `Authorization: Bearer <jwt>`,
//!    RS256 or RS512, signed with the key whose public half is
//!    [`Credentials::coinify_public_key_pem`](crate::Credentials::coinify_public_key_pem), with
//!    a numeric `exp` not older than [`JWT_LEEWAY_SECS`] by the sandbox's clock and, when
//!    present, an `iat` not later than that leeway in the future;
//! 4. the request itself (400 `invalid_request`);
//! 5. the JWT's claims against the request (401 `unauthorized`): for a KYC review, `traderId`
//!    and `externalId` equal the body's; for a document, `reviewId` equals the path's review
//!    id and `externalId` equals the `X-Upload-External-Id` header;
//! 6. for documents, the review (404 `not_found`), then the content type, document type and
//!    size (400 `invalid_request`).
//!
//! When no partner key is configured the sandbox generates an RSA-2048 key pair once per
//! process ([`generated_key`]); [`write_generated_key`] writes its private half to a file
//! for tools that sign with a key file. `docs/sandbox.md` has the rules with examples.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io;
use std::path::{Path as FsPath, PathBuf};
use std::sync::OnceLock;

use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der, PublicKeyX509Der};
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::KeyPair as _;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, RawPathParamsRejection};
use axum::extract::{DefaultBodyLimit, Extension, Path, RawPathParams, RawQuery, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::faults::Operation;
use crate::ids::{IdSequence, IdStream};
use crate::toolkit::{BodyPolicy, countries, dec, digest, is_date, json_response, refused};
use crate::{MAX_BODY_BYTES, Sandbox};

mod documents;
mod keys;
mod kyc;
mod quotes;
mod reference;
mod state;
mod tables;
mod wire;

pub(crate) use documents::*;
pub use keys::*;
pub(crate) use kyc::*;
pub(crate) use quotes::*;
pub(crate) use reference::*;
pub use state::*;
pub use tables::*;
pub(crate) use wire::*;

// ---------------------------------------------------------------------------------------
// Routes

/// Coinify's operations, named as `coinify-api`'s operation table names them (the sandbox
/// keeps its own copy): what fault rules match.
pub(crate) const OPERATIONS: &[Operation] = &[
    Operation::new(
        "GET",
        "/partners/{partnerId}/approximate-quote",
        "approximate-quote",
    ),
    Operation::new("POST", "/partners/{partnerId}/kyc", "kyc-create"),
    Operation::new(
        "POST",
        "/partners/{partnerId}/kyc/{reviewId}/documents",
        "kyc-upload-document",
    ),
    Operation::new("GET", "/countries/{partnerId}", "countries"),
    Operation::new(
        "GET",
        "/partners/{partnerId}/payment-methods",
        "payment-methods",
    ),
];

/// Coinify's routes under `/coinify`: the route first (Coinify's 404 and 405), then the
/// partner id, then (KYC routes) the partner JWT, then the request.
pub(crate) fn router(sandbox: Sandbox) -> Router<Sandbox> {
    let jwt = middleware::from_fn_with_state(sandbox, partner_jwt);
    Router::new()
        .route("/partners/{partner_id}/kyc", post(submit_kyc))
        .route_layer(jwt.clone())
        .route(
            "/partners/{partner_id}/approximate-quote",
            get(approximate_quote),
        )
        .route(
            "/partners/{partner_id}/payment-methods",
            get(payment_methods),
        )
        .route("/countries", get(countries_without_id))
        .route("/countries/{id}", get(countries))
        .route(
            "/partners/{partner_id}/kyc/{review_id}/documents",
            post(upload_document)
                .layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES + 1))
                .route_layer(jwt),
        )
        .method_not_allowed_fallback(|| async {
            fail(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this route does not answer this method",
            )
        })
        .fallback(|| async { not_found("no such route") })
}

/// How the front door reads a body under `/coinify` (`path` relative to it): a document
/// upload up to [`MAX_DOCUMENT_BYTES`] (logged as its length), anything else up to
/// [`MAX_BODY_BYTES`], each refused in Coinify's shape.
pub(crate) fn body_policy(path: &str) -> BodyPolicy {
    let upload = OPERATIONS
        .iter()
        .any(|o| o.name == "kyc-upload-document" && o.matches_path(path));
    if upload {
        BodyPolicy {
            limit: MAX_DOCUMENT_BYTES + 1,
            summarize: true,
            too_large: document_body_too_large,
        }
    } else {
        BodyPolicy {
            limit: MAX_BODY_BYTES,
            summarize: false,
            too_large: body_too_large,
        }
    }
}

/// The answer of a `status` fault: Coinify's `{"error","error_description"}` shape.
pub(crate) fn fault_response(status: StatusCode) -> Response {
    let code = match status.as_u16() {
        400 => "invalid_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        429 => "rate_limit_exceeded",
        503 => "service_unavailable",
        _ => "internal_error",
    };
    fail(status, code, status.canonical_reason().unwrap_or("Error")).into_response()
}

/// The verified claims of a partner JWT, for the KYC handlers.
#[derive(Debug, Clone)]
pub(crate) struct Claims(pub(crate) Map<String, Value>);

/// Steps 2 and 3 of the module docs as route middleware: the partner id, then the JWT.
async fn partner_jwt(
    State(sandbox): State<Sandbox>,
    params: Result<RawPathParams, RawPathParamsRejection>,
    mut request: Request,
    next: Next,
) -> Response {
    let partner = params.ok().and_then(|params| {
        params
            .iter()
            .find(|(name, _)| *name == "partner_id")
            .map(|(_, value)| value.to_owned())
    });
    let Some(partner) = partner else {
        return invalid("the path is not valid UTF-8").into_response();
    };
    if let Err(fail) = check_partner(&sandbox, &partner) {
        return fail.into_response();
    }
    match verify_jwt(&sandbox, request.headers()) {
        Ok(claims) => {
            request.extensions_mut().insert(Claims(claims));
            next.run(request).await
        }
        Err(fail) => fail.into_response(),
    }
}

/// Why a claim does not match, without echoing more than the claim's shape.
pub(crate) fn claim_mismatch(claims: &Map<String, Value>, claim: &str, what: &str) -> String {
    match claims.get(claim) {
        None => format!("the JWT has no {claim} claim; it must equal {what}"),
        Some(value) => format!("the JWT's {claim} claim ({value}) is not {what}"),
    }
}

/// `true` for a UUID in its 8-4-4-4-12 hex form (either case).
fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Step 2 of the module docs.
fn check_partner(sandbox: &Sandbox, id: &str) -> Result<(), ApiError> {
    if !is_uuid(id) {
        return Err(invalid("id is invalid: expected the partner's UUID"));
    }
    if !id.eq_ignore_ascii_case(&sandbox.credentials().coinify_partner_id) {
        return Err(not_found("no partner with this id"));
    }
    Ok(())
}

fn bearer(headers: &HeaderMap) -> Result<&str, String> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(
            "missing header: Authorization (expected Authorization: Bearer <jwt>)".to_owned(),
        );
    };
    let malformed = || "the Authorization header is malformed: expected Bearer <jwt>".to_owned();
    let value = value.to_str().map_err(|_| malformed())?;
    let (scheme, token) = value.split_at_checked(7).ok_or_else(malformed)?;
    scheme
        .eq_ignore_ascii_case("Bearer ")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
        .ok_or_else(malformed)
}

/// Step 3 of the module docs: the verified claims.
fn verify_jwt(sandbox: &Sandbox, headers: &HeaderMap) -> Result<Map<String, Value>, ApiError> {
    let key = match sandbox.coinify_key() {
        Ok(key) => key,
        Err(e) => {
            return Err(fail(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", e));
        }
    };
    let token = bearer(headers).map_err(|reason| {
        unauthorized("authentication failed: expected Authorization: Bearer <jwt>").because(reason)
    })?;
    let _ = jsonwebtoken::crypto::aws_lc::DEFAULT_PROVIDER.install_default();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.algorithms = vec![Algorithm::RS256, Algorithm::RS512];
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let claims = match jsonwebtoken::decode::<Map<String, Value>>(token, key, &validation) {
        Ok(data) => data.claims,
        Err(e) => {
            return Err(
                unauthorized(format!("authentication failed: the JWT is not valid ({e})")).because(
                    crate::toolkit::jwt_refusal(
                        e.kind(),
                        token,
                        "coinify_public_key_pem",
                        "RS256 or RS512",
                    ),
                ),
            );
        }
    };
    let now = sandbox.now_secs();
    match claims.get("exp").map(Value::as_u64) {
        None => {
            return Err(unauthorized("authentication failed: the JWT has no exp")
                .because("the JWT has no exp claim (a number of seconds) and must have one"));
        }
        Some(None) => {
            return Err(unauthorized(
                "authentication failed: the JWT's exp is not a number of seconds",
            )
            .because("the JWT's exp claim is not a whole number of seconds since the epoch"));
        }
        Some(Some(exp)) if exp.saturating_add(JWT_LEEWAY_SECS) < now => {
            return Err(
                unauthorized("authentication failed: the JWT has expired").because(format!(
                    "the JWT's exp claim failed: exp is {exp}, the sandbox clock is {now}, {} s past exp (leeway {JWT_LEEWAY_SECS} s; GET /_sandbox/clock)",
                    now - exp
                )),
            );
        }
        Some(Some(_)) => {}
    }
    match claims.get("iat").map(Value::as_u64) {
        None => {}
        Some(None) => {
            return Err(unauthorized(
                "authentication failed: the JWT's iat is not a number of seconds",
            )
            .because("the JWT's iat claim is not a whole number of seconds since the epoch"));
        }
        Some(Some(iat)) if iat > now.saturating_add(JWT_LEEWAY_SECS) => {
            return Err(unauthorized(
                "authentication failed: the JWT is issued in the future",
            )
            .because(format!(
                "the JWT's iat claim failed: iat is {iat}, the sandbox clock is {now}, {} s in the future (leeway {JWT_LEEWAY_SECS} s; GET /_sandbox/clock)",
                iat - now
            )));
        }
        Some(Some(_)) => {}
    }
    Ok(claims)
}

fn path_failed(_: PathRejection) -> ApiError {
    invalid("the path is not valid UTF-8")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        for ok in [
            "2018-11-19T01:23:35Z",
            "2018-11-19T01:23:35.123Z",
            "2018-11-19T01:23:35+01:00",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "2018-11-19",
            "2018-11-19 01:23:35Z",
            "2018-02-30T01:23:35Z",
            "2018-11-19T24:00:00Z",
            "2018-11-19T01:23:35",
            "2018-11-19T01:23:35.Z",
            "2018-11-19T01:23:35+0100",
            "2018-11-19T01:23:35Zé",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn uuids_and_queries() {
        assert!(is_uuid(DEFAULT_PARTNER_ID));
        assert!(!is_uuid("5f0c6a39-2a4c-4d0e-9b8a-0c1f3e5d7a2"));
        assert!(!is_uuid("5f0c6a39x2a4c-4d0e-9b8a-0c1f3e5d7a21"));
        let q = parse_query(Some("baseAmount=%2D100&baseCurrency=EUR&x=a+b")).unwrap();
        assert_eq!(q["baseAmount"], "-100");
        assert_eq!(q["x"], "a b");
        assert!(parse_query(Some("a=1&a=2")).is_err());
        assert!(parse_query(Some("a=%zz")).is_err());
    }

    #[test]
    fn the_example_request_is_valid() {
        let req = parse_kyc(EXAMPLE_KYC_REQUEST.as_bytes()).unwrap();
        assert_eq!(req.trader_id, 123);
        assert_eq!(req.external_id, "id-of-the-partner-kyc-review");
    }
}
