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
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use payments_core::country::CountryCode;
use payments_core::date::Date;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::{IdSequence, Provider, Sandbox, json_response};

/// The partner id of [`Credentials::default`](crate::Credentials::default): the `:partner-id`
/// (and the countries route's `:id`) the sandbox answers to.
pub const DEFAULT_PARTNER_ID: &str = "5f0c6a39-2a4c-4d0e-9b8a-0c1f3e5d7a21";

/// The largest supporting document accepted, in bytes (25 MiB, the documented "25 MB").
/// A larger body is refused with 400 `invalid_request`, the documented error status.
pub const MAX_DOCUMENT_BYTES: usize = 25 * 1024 * 1024;

/// How far, in seconds, a partner JWT's `exp` may lie in the past and its `iat` in the
/// future, by the sandbox's clock.
pub const JWT_LEEWAY_SECS: u64 = 30;

/// The `Content-Type`s accepted for supporting documents.
pub const DOCUMENT_CONTENT_TYPES: &[&str] = &["image/jpeg", "image/png", "application/pdf"];

/// The accepted `X-Upload-Document-Type` values.
pub const DOCUMENT_TYPES: &[&str] = &["passport", "national_id", "drivers_license", "selfie"];

/// The file name [`write_generated_key`] writes.
pub const GENERATED_KEY_FILE_NAME: &str = "coinify-sandbox-partner-key.pem";

/// The longest text field accepted (ids, names, address lines), in characters.
pub const MAX_TEXT_LEN: usize = 256;

/// The largest `baseAmount` accepted by the approximate quote, in absolute value.
pub const MAX_QUOTE_AMOUNT: u64 = 1_000_000_000;

/// The documented example KYC review request, ready to send for trader 123 with the
/// external id `id-of-the-partner-kyc-review` (its JWT carries the same two values).
pub const EXAMPLE_KYC_REQUEST: &str = r#"{
  "traderId": 123,
  "externalId": "id-of-the-partner-kyc-review",
  "state": "completed",
  "approveTime": "2018-11-19T01:23:35Z",
  "createTime": "2018-11-19T00:23:35Z",
  "pep": { "approved": true, "approveTime": "2018-11-19T01:23:35Z" },
  "sanction": { "approved": true, "approveTime": "2018-11-19T01:23:35Z" },
  "profile": {
    "citizenCountry": "DK",
    "name": "John doe",
    "dateOfBirth": "1988-12-14",
    "address": {
      "street": "London Street 123",
      "city": "London",
      "postalCode": "2001",
      "country": "UK"
    }
  }
}"#;

/// Exceptionally reserved ISO 3166-1 alpha-2 codes, accepted as countries besides the
/// assigned ones (the docs' own example uses `UK`).
pub const RESERVED_COUNTRY_CODES: &[&str] = &[
    "AC", "CP", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN",
];

/// One currency of the sandbox's approximate quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyRow {
    /// The currency code (`BTC`).
    pub code: &'static str,
    /// `true` for fiat currencies (card and bank media), `false` for crypto (blockchain).
    pub fiat: bool,
    /// The value of one unit in EUR; every price is the ratio of two of these.
    pub eur_rate: &'static str,
    /// The decimal places amounts in this currency are rounded to.
    pub precision: u32,
}

/// The currencies of the approximate quote: a quote is always between one fiat and one
/// crypto currency.
pub const CURRENCIES: &[CurrencyRow] = &[
    CurrencyRow {
        code: "EUR",
        fiat: true,
        eur_rate: "1",
        precision: 2,
    },
    CurrencyRow {
        code: "USD",
        fiat: true,
        eur_rate: "0.9",
        precision: 2,
    },
    CurrencyRow {
        code: "GBP",
        fiat: true,
        eur_rate: "1.15",
        precision: 2,
    },
    CurrencyRow {
        code: "DKK",
        fiat: true,
        eur_rate: "0.134",
        precision: 2,
    },
    CurrencyRow {
        code: "BTC",
        fiat: false,
        eur_rate: "60000",
        precision: 8,
    },
    CurrencyRow {
        code: "ETH",
        fiat: false,
        eur_rate: "3000",
        precision: 8,
    },
    CurrencyRow {
        code: "LTC",
        fiat: false,
        eur_rate: "80",
        precision: 8,
    },
];

/// Per-currency amounts of a payment method (`{"EUR": 1, …}`), as decimal text.
pub type CurrencyAmounts = &'static [(&'static str, &'static str)];

/// One payment method: a pair of transfer media, their currencies and fees.
///
/// A transfer's fee is `max(fixed + amount × percentage / 100, minimum)` in the transfer's
/// currency, rounded half away from zero to the currency's precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentMethodRow {
    /// How the customer pays (`card`, `bank`, `blockchain`).
    pub in_medium: &'static str,
    /// How the customer receives (`blockchain`, `bank`).
    pub out_medium: &'static str,
    /// The currencies the customer may pay in.
    pub in_currencies: &'static [&'static str],
    /// The currencies the customer may receive.
    pub out_currencies: &'static [&'static str],
    /// The fixed part of the transfer-in fee, per in currency.
    pub in_fixed_fees: CurrencyAmounts,
    /// The percentage part of the transfer-in fee.
    pub in_percentage_fee: &'static str,
    /// The smallest transfer-in fee, per in currency.
    pub minimum_in_fees: CurrencyAmounts,
    /// The fixed part of the transfer-out fee, per out currency.
    pub out_fixed_fees: CurrencyAmounts,
    /// The percentage part of the transfer-out fee.
    pub out_percentage_fee: &'static str,
    /// The smallest transfer-out fee, per out currency.
    pub minimum_out_fees: CurrencyAmounts,
    /// The smallest amount the customer may pay, per in currency (informative: the
    /// approximate quote does not enforce it).
    pub minimum_in_amounts: CurrencyAmounts,
}

const FIAT: &[&str] = &["EUR", "USD", "GBP", "DKK"];
const CRYPTO: &[&str] = &["BTC", "ETH", "LTC"];
const FIAT_ZERO: CurrencyAmounts = &[("EUR", "0"), ("USD", "0"), ("GBP", "0"), ("DKK", "0")];
const CRYPTO_ZERO: CurrencyAmounts = &[("BTC", "0"), ("ETH", "0"), ("LTC", "0")];
const BLOCKCHAIN_OUT_FEES: CurrencyAmounts =
    &[("BTC", "0.000195"), ("ETH", "0.0021"), ("LTC", "0.001")];

/// The payment methods, in the order `payment-methods` lists them.
pub const PAYMENT_METHODS: &[PaymentMethodRow] = &[
    PaymentMethodRow {
        in_medium: "card",
        out_medium: "blockchain",
        in_currencies: FIAT,
        out_currencies: CRYPTO,
        in_fixed_fees: FIAT_ZERO,
        in_percentage_fee: "4.99",
        minimum_in_fees: &[("EUR", "1"), ("USD", "1"), ("GBP", "1"), ("DKK", "7.5")],
        out_fixed_fees: BLOCKCHAIN_OUT_FEES,
        out_percentage_fee: "0",
        minimum_out_fees: CRYPTO_ZERO,
        minimum_in_amounts: &[("EUR", "10"), ("USD", "10"), ("GBP", "10"), ("DKK", "75")],
    },
    PaymentMethodRow {
        in_medium: "bank",
        out_medium: "blockchain",
        in_currencies: FIAT,
        out_currencies: CRYPTO,
        in_fixed_fees: FIAT_ZERO,
        in_percentage_fee: "0",
        minimum_in_fees: FIAT_ZERO,
        out_fixed_fees: BLOCKCHAIN_OUT_FEES,
        out_percentage_fee: "0",
        minimum_out_fees: CRYPTO_ZERO,
        minimum_in_amounts: &[("EUR", "25"), ("USD", "25"), ("GBP", "25"), ("DKK", "190")],
    },
    PaymentMethodRow {
        in_medium: "blockchain",
        out_medium: "bank",
        in_currencies: CRYPTO,
        out_currencies: FIAT,
        in_fixed_fees: CRYPTO_ZERO,
        in_percentage_fee: "0",
        minimum_in_fees: CRYPTO_ZERO,
        out_fixed_fees: &[("EUR", "1"), ("USD", "1"), ("GBP", "1"), ("DKK", "7.5")],
        out_percentage_fee: "0",
        minimum_out_fees: FIAT_ZERO,
        minimum_in_amounts: &[("BTC", "0.0002"), ("ETH", "0.003"), ("LTC", "0.1")],
    },
];

/// A state of a country in [`COUNTRIES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateRow {
    /// The state code (`OR`).
    pub code: &'static str,
    /// `supported`.
    pub supported: bool,
    /// `supportedTransferInMedia`.
    pub media: &'static [&'static str],
}

/// A country of the countries route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryRow {
    /// The ISO 3166-1 alpha-2 code (`DK`).
    pub code: &'static str,
    /// `supported`.
    pub supported: bool,
    /// `supportedTransferInMedia` (not sent for countries with states).
    pub media: &'static [&'static str],
    /// `states`, for countries answered per state (like the docs' `US`).
    pub states: &'static [StateRow],
}

const ALL_IN_MEDIA: &[&str] = &["card", "bank", "blockchain"];

const fn country(code: &'static str, media: &'static [&'static str]) -> CountryRow {
    CountryRow {
        code,
        supported: true,
        media,
        states: &[],
    }
}

/// The countries route's table, in code order.
pub const COUNTRIES: &[CountryRow] = &[
    country("AT", &["card"]),
    country("BE", ALL_IN_MEDIA),
    country("BG", ALL_IN_MEDIA),
    country("DE", ALL_IN_MEDIA),
    country("DK", ALL_IN_MEDIA),
    country("ES", ALL_IN_MEDIA),
    country("FR", ALL_IN_MEDIA),
    country("GB", ALL_IN_MEDIA),
    country("HR", ALL_IN_MEDIA),
    CountryRow {
        code: "KP",
        supported: false,
        media: &[],
        states: &[],
    },
    country("NL", ALL_IN_MEDIA),
    CountryRow {
        code: "US",
        supported: false,
        media: &[],
        states: &[
            StateRow {
                code: "CT",
                supported: false,
                media: ALL_IN_MEDIA,
            },
            StateRow {
                code: "LA",
                supported: false,
                media: &[],
            },
            StateRow {
                code: "OR",
                supported: false,
                media: ALL_IN_MEDIA,
            },
        ],
    },
];

// Per-provider id streams (CoinCover 1, Covery 2 to 4, CoinsPaid 10 to 14).
const REVIEW_STREAM: u64 = 20;
const DOCUMENT_STREAM: u64 = 21;

/// The row of `code` (upper case).
pub fn currency(code: &str) -> Option<&'static CurrencyRow> {
    CURRENCIES.iter().find(|c| c.code == code)
}

/// The payment method of a pair of media.
pub fn payment_method(in_medium: &str, out_medium: &str) -> Option<&'static PaymentMethodRow> {
    PAYMENT_METHODS
        .iter()
        .find(|m| m.in_medium == in_medium && m.out_medium == out_medium)
}

// ---------------------------------------------------------------------------------------
// Keys

/// An RSA key pair in PEM: the private half as PKCS#8 (`BEGIN PRIVATE KEY`), the public half
/// as SubjectPublicKeyInfo (`BEGIN PUBLIC KEY`).
#[derive(Clone, PartialEq, Eq)]
pub struct GeneratedKey {
    /// The PKCS#8 PEM private key a partner signs its JWTs with.
    pub private_key_pem: String,
    /// The SubjectPublicKeyInfo PEM public key the sandbox verifies them with.
    pub public_key_pem: String,
}

impl std::fmt::Debug for GeneratedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedKey")
            .field("public_key_pem", &self.public_key_pem)
            .finish_non_exhaustive()
    }
}

fn pem(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 64);
    let _ = writeln!(out, "-----BEGIN {label}-----");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    let _ = writeln!(out, "-----END {label}-----");
    out
}

/// Generates a fresh RSA-2048 key pair (slow in debug builds: prefer [`generated_key`],
/// which does it once per process). Useful to sign with a key the sandbox does not accept.
pub fn generate_key_pair() -> io::Result<GeneratedKey> {
    let fail = |what: &str| io::Error::other(format!("cannot {what} an RSA-2048 key pair"));
    let pair = KeyPair::generate(KeySize::Rsa2048).map_err(|_| fail("generate"))?;
    let private: Pkcs8V1Der<'static> = pair.as_der().map_err(|_| fail("encode (PKCS#8)"))?;
    let public: PublicKeyX509Der<'static> = pair
        .public_key()
        .as_der()
        .map_err(|_| fail("encode (SubjectPublicKeyInfo)"))?;
    Ok(GeneratedKey {
        private_key_pem: pem("PRIVATE KEY", private.as_ref()),
        public_key_pem: pem("PUBLIC KEY", public.as_ref()),
    })
}

static GENERATED: OnceLock<Result<GeneratedKey, String>> = OnceLock::new();

/// The partner key pair of [`Credentials::default`](crate::Credentials::default): an RSA-2048
/// pair generated on first use and kept for the life of the process.
pub fn generated_key() -> io::Result<&'static GeneratedKey> {
    GENERATED
        .get_or_init(|| generate_key_pair().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| io::Error::other(e.clone()))
}

/// Writes the private half of [`generated_key`] to `dir/`[`GENERATED_KEY_FILE_NAME`]
/// (readable by the owner only on Unix) and answers the file's path. An existing file is
/// replaced.
pub fn write_generated_key(dir: impl AsRef<FsPath>) -> io::Result<PathBuf> {
    let key = generated_key()?;
    let path = dir.as_ref().join(GENERATED_KEY_FILE_NAME);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(&path)?;
        // The mode applies only to new files; tighten an existing one too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        write_all(file, key.private_key_pem.as_bytes())?;
    }
    #[cfg(not(unix))]
    {
        write_all(options.open(&path)?, key.private_key_pem.as_bytes())?;
    }
    Ok(path)
}

fn write_all(mut file: std::fs::File, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The sandbox's parsed partner public key, or why it could not be parsed.
pub(crate) type PartnerKey = Result<DecodingKey, String>;

pub(crate) fn partner_key(public_pem: &str) -> PartnerKey {
    DecodingKey::from_rsa_pem(public_pem.as_bytes()).map_err(|e| {
        format!("the configured Coinify partner public key is not an RSA PEM key: {e}")
    })
}

// ---------------------------------------------------------------------------------------
// State

/// A KYC review the sandbox received, with its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KycReview {
    /// The review id the sandbox answered (a UUID, deterministic under the seed).
    pub id: String,
    /// The partner's `externalId`.
    pub external_id: String,
    /// The `traderId`.
    pub trader_id: u64,
    /// The supporting documents uploaded to it, oldest first.
    pub documents: Vec<KycDocument>,
}

/// A supporting document the sandbox received (its bytes are not kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KycDocument {
    /// The document id the sandbox answered (a UUID, deterministic under the seed).
    pub id: String,
    /// The `X-Upload-External-Id`.
    pub external_id: String,
    /// The `X-Upload-Document-Type`.
    pub document_type: String,
    /// The `X-Upload-Filename`.
    pub filename: String,
    /// The `Content-Type`.
    pub content_type: String,
    /// The body's length in bytes.
    pub size: usize,
    /// The lower-case hex SHA-256 of the body.
    pub sha256: String,
}

/// Coinify's part of the sandbox state.
pub(crate) struct CoinifyState {
    reviews: Vec<KycReview>,
    by_external_id: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
    review_ids: IdSequence,
    document_ids: IdSequence,
}

impl CoinifyState {
    pub(crate) fn new(seed: u64) -> Self {
        CoinifyState {
            reviews: Vec::new(),
            by_external_id: HashMap::new(),
            by_id: HashMap::new(),
            review_ids: IdSequence::new(seed, REVIEW_STREAM),
            document_ids: IdSequence::new(seed, DOCUMENT_STREAM),
        }
    }
}

impl Sandbox {
    /// Every Coinify KYC review received so far, oldest first, with its documents.
    pub fn coinify_reviews(&self) -> Vec<KycReview> {
        self.lock().coinify.reviews.clone()
    }
}

// ---------------------------------------------------------------------------------------
// Errors

/// A Coinify error answer: `{"error": code, "error_description": description}`.
#[derive(Debug)]
struct Fail {
    status: StatusCode,
    code: &'static str,
    description: String,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    error_description: &'a str,
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        json_response(
            self.status,
            &ErrorBody {
                error: self.code,
                error_description: &self.description,
            },
        )
    }
}

fn fail(status: StatusCode, code: &'static str, description: impl Into<String>) -> Fail {
    Fail {
        status,
        code,
        description: description.into(),
    }
}

fn invalid(description: impl Into<String>) -> Fail {
    fail(StatusCode::BAD_REQUEST, "invalid_request", description)
}

fn unauthorized(description: impl Into<String>) -> Fail {
    fail(StatusCode::UNAUTHORIZED, "unauthorized", description)
}

fn not_found(description: impl Into<String>) -> Fail {
    fail(StatusCode::NOT_FOUND, "not_found", description)
}

/// `true` for the path of a document upload (`/coinify/partners/*/kyc/*/documents`), whose
/// body may be as large as [`MAX_DOCUMENT_BYTES`].
pub(crate) fn is_document_upload(path: &str) -> bool {
    let Some(rest) = path
        .strip_prefix(Provider::Coinify.prefix())
        .and_then(|p| p.strip_prefix("/partners/"))
    else {
        return false;
    };
    let parts: Vec<&str> = rest.split('/').collect();
    matches!(parts.as_slice(), [partner, "kyc", review, "documents"] if !partner.is_empty() && !review.is_empty())
}

/// `true` for paths under `/coinify`.
pub(crate) fn is_coinify(path: &str) -> bool {
    let prefix = Provider::Coinify.prefix();
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn document_too_large() -> Fail {
    invalid(format!(
        "the document is larger than 25 MB ({MAX_DOCUMENT_BYTES} bytes) or could not be read"
    ))
}

/// The answer to a body the sandbox would not read: too large, or broken off.
pub(crate) fn body_too_large(upload: bool) -> Response {
    if upload {
        document_too_large().into_response()
    } else {
        invalid("the request body is larger than 1 MiB or could not be read").into_response()
    }
}

// ---------------------------------------------------------------------------------------
// Routes

pub(crate) fn router() -> Router<Sandbox> {
    Router::new()
        .route("/partners/{partner_id}/kyc", post(submit_kyc))
        .route(
            "/partners/{partner_id}/kyc/{review_id}/documents",
            post(upload_document).layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES + 1)),
        )
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
        .method_not_allowed_fallback(|| async {
            fail(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this route does not answer this method",
            )
        })
        .fallback(|| async { not_found("no such route") })
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
fn check_partner(sandbox: &Sandbox, id: &str) -> Result<(), Fail> {
    if !is_uuid(id) {
        return Err(invalid("id is invalid: expected the partner's UUID"));
    }
    if !id.eq_ignore_ascii_case(&sandbox.credentials().coinify_partner_id) {
        return Err(not_found("no partner with this id"));
    }
    Ok(())
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_at_checked(7)?;
    scheme
        .eq_ignore_ascii_case("Bearer ")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}

/// Step 3 of the module docs: the verified claims.
fn verify_jwt(sandbox: &Sandbox, headers: &HeaderMap) -> Result<Map<String, Value>, Fail> {
    let key = match sandbox.coinify_key() {
        Ok(key) => key,
        Err(e) => {
            return Err(fail(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", e));
        }
    };
    let Some(token) = bearer(headers) else {
        return Err(unauthorized(
            "authentication failed: expected Authorization: Bearer <jwt>",
        ));
    };
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
            return Err(unauthorized(format!(
                "authentication failed: the JWT is not valid ({e})"
            )));
        }
    };
    let now = sandbox.now_secs();
    match claims.get("exp").map(Value::as_u64) {
        None => return Err(unauthorized("authentication failed: the JWT has no exp")),
        Some(None) => {
            return Err(unauthorized(
                "authentication failed: the JWT's exp is not a number of seconds",
            ));
        }
        Some(Some(exp)) if exp.saturating_add(JWT_LEEWAY_SECS) < now => {
            return Err(unauthorized("authentication failed: the JWT has expired"));
        }
        Some(Some(_)) => {}
    }
    match claims.get("iat").map(Value::as_u64) {
        None => {}
        Some(None) => {
            return Err(unauthorized(
                "authentication failed: the JWT's iat is not a number of seconds",
            ));
        }
        Some(Some(iat)) if iat > now.saturating_add(JWT_LEEWAY_SECS) => {
            return Err(unauthorized(
                "authentication failed: the JWT is issued in the future",
            ));
        }
        Some(Some(_)) => {}
    }
    Ok(claims)
}

fn path_failed(_: PathRejection) -> Fail {
    invalid("the path is not valid UTF-8")
}

// ---------------------------------------------------------------------------------------
// KYC

/// A validated KYC review request (only what the sandbox keeps).
struct KycRequest {
    trader_id: u64,
    external_id: String,
}

type Obj = Map<String, Value>;

fn object<'a>(parent: &'a Obj, name: &str, at: &str) -> Result<&'a Obj, String> {
    match parent.get(name) {
        Some(Value::Object(o)) => Ok(o),
        Some(_) => Err(format!("{at}{name}: expected an object")),
        None => Err(format!("{at}{name}: required")),
    }
}

fn text<'a>(parent: &'a Obj, name: &str, at: &str) -> Result<&'a str, String> {
    match parent.get(name) {
        Some(Value::String(s)) if s.trim().is_empty() => Err(format!("{at}{name}: empty")),
        Some(Value::String(s)) if s.chars().count() > MAX_TEXT_LEN => {
            Err(format!("{at}{name}: longer than {MAX_TEXT_LEN} characters"))
        }
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("{at}{name}: expected a string")),
        None => Err(format!("{at}{name}: required")),
    }
}

fn boolean(parent: &Obj, name: &str, at: &str) -> Result<bool, String> {
    match parent.get(name) {
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(format!("{at}{name}: expected true or false")),
        None => Err(format!("{at}{name}: required")),
    }
}

fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [x, y] if x.is_ascii_digit() && y.is_ascii_digit() => {
            Some(u32::from(x - b'0') * 10 + u32::from(y - b'0'))
        }
        _ => None,
    }
}

/// An ISO 8601 (RFC 3339) timestamp: `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || !s.is_ascii() || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let date_ok = s.get(..10).is_some_and(|d| d.parse::<Date>().is_ok());
    let hh = two_digits(&b[11..13]);
    let mm = two_digits(&b[14..16]);
    let ss = two_digits(&b[17..19]);
    let time_ok = b[13] == b':'
        && b[16] == b':'
        && hh.is_some_and(|h| h <= 23)
        && mm.is_some_and(|m| m <= 59)
        && ss.is_some_and(|s| s <= 60);
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &frac[digits..];
    }
    let zone_ok = match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            two_digits(&[*h1, *h2]).is_some_and(|h| h <= 23)
                && two_digits(&[*m1, *m2]).is_some_and(|m| m <= 59)
        }
        _ => false,
    };
    date_ok && time_ok && zone_ok
}

fn timestamp(parent: &Obj, name: &str, at: &str) -> Result<(), String> {
    let s = text(parent, name, at)?;
    if is_timestamp(s) {
        Ok(())
    } else {
        Err(format!(
            "{at}{name}: expected an ISO 8601 timestamp such as 2018-11-19T01:23:35Z"
        ))
    }
}

fn country_code(parent: &Obj, name: &str, at: &str) -> Result<(), String> {
    let s = text(parent, name, at)?;
    if CountryCode::from_alpha2(s).is_ok() || RESERVED_COUNTRY_CODES.contains(&s) {
        Ok(())
    } else {
        Err(format!(
            "{at}{name}: expected an ISO 3166-1 alpha-2 code such as DK"
        ))
    }
}

fn check(parent: &Obj, name: &str, at: &str) -> Result<(), String> {
    let o = object(parent, name, at)?;
    let at = format!("{at}{name}.");
    boolean(o, "approved", &at)?;
    timestamp(o, "approveTime", &at)
}

fn parse_kyc(body: &[u8]) -> Result<KycRequest, String> {
    let root: Obj = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return Err("body: expected a JSON object".into()),
        Err(e) => return Err(format!("body: not valid JSON ({e})")),
    };
    let trader_id = match root.get("traderId") {
        Some(v) => v
            .as_u64()
            .ok_or("traderId: expected a non-negative integer")?,
        None => return Err("traderId: required".into()),
    };
    let external_id = text(&root, "externalId", "")?.to_owned();
    if text(&root, "state", "")? != "completed" {
        return Err("state: only \"completed\" is supported".into());
    }
    timestamp(&root, "approveTime", "")?;
    timestamp(&root, "createTime", "")?;
    check(&root, "pep", "")?;
    check(&root, "sanction", "")?;
    let profile = object(&root, "profile", "")?;
    country_code(profile, "citizenCountry", "profile.")?;
    text(profile, "name", "profile.")?;
    let dob = text(profile, "dateOfBirth", "profile.")?;
    if dob.parse::<Date>().is_err() {
        return Err("profile.dateOfBirth: expected a date as YYYY-MM-DD".into());
    }
    let address = object(profile, "address", "profile.")?;
    for name in ["street", "city", "postalCode"] {
        text(address, name, "profile.address.")?;
    }
    // The table marks `state` required but the docs' own example leaves it out.
    if address.contains_key("state") {
        text(address, "state", "profile.address.")?;
    }
    country_code(address, "country", "profile.address.")?;
    Ok(KycRequest {
        trader_id,
        external_id,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Created<'a> {
    id: &'a str,
    external_id: &'a str,
}

async fn submit_kyc(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Fail> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    let claims = verify_jwt(&sandbox, &headers)?;
    let req = parse_kyc(&body).map_err(invalid)?;
    if claims.get("traderId").and_then(Value::as_u64) != Some(req.trader_id) {
        return Err(unauthorized(
            "authentication failed: the JWT's traderId is not the body's",
        ));
    }
    if claims.get("externalId").and_then(Value::as_str) != Some(req.external_id.as_str()) {
        return Err(unauthorized(
            "authentication failed: the JWT's externalId is not the body's",
        ));
    }
    let mut state = sandbox.lock();
    let cf = &mut state.coinify;
    if let Some(&i) = cf.by_external_id.get(&req.external_id)
        && let Some(review) = cf.reviews.get(i)
    {
        return Ok(json_response(
            StatusCode::OK,
            &Created {
                id: &review.id,
                external_id: &review.external_id,
            },
        ));
    }
    let id = cf.review_ids.next_uuid();
    let index = cf.reviews.len();
    cf.by_external_id.insert(req.external_id.clone(), index);
    cf.by_id.insert(id.clone(), index);
    cf.reviews.push(KycReview {
        id: id.clone(),
        external_id: req.external_id.clone(),
        trader_id: req.trader_id,
        documents: Vec::new(),
    });
    Ok(json_response(
        StatusCode::CREATED,
        &Created {
            id: &id,
            external_id: &req.external_id,
        },
    ))
}

// ---------------------------------------------------------------------------------------
// Documents

fn required_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, Fail> {
    match headers.get(name).map(|v| v.to_str()) {
        Some(Ok(v)) if !v.trim().is_empty() => Ok(v.trim()),
        Some(Ok(_)) => Err(invalid(format!("{name}: empty"))),
        Some(Err(_)) => Err(invalid(format!("{name}: not visible ASCII"))),
        None => Err(invalid(format!("{name}: required header missing"))),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes);
    let mut out = String::with_capacity(64);
    for b in digest.as_ref() {
        let _ = write!(out, "{b:02x}");
    }
    out
}

async fn upload_document(
    State(sandbox): State<Sandbox>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Fail> {
    let Path((partner, review_id)) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    let claims = verify_jwt(&sandbox, &headers)?;
    let content_type = required_header(&headers, "content-type")?;
    let filename = required_header(&headers, "x-upload-filename")?;
    let document_type = required_header(&headers, "x-upload-document-type")?;
    let external_id = required_header(&headers, "x-upload-external-id")?;
    if filename.chars().count() > MAX_TEXT_LEN || external_id.chars().count() > MAX_TEXT_LEN {
        return Err(invalid(format!(
            "X-Upload-Filename and X-Upload-External-Id: at most {MAX_TEXT_LEN} characters"
        )));
    }
    if claims.get("reviewId").and_then(Value::as_str) != Some(review_id.as_str()) {
        return Err(unauthorized(
            "authentication failed: the JWT's reviewId is not the path's",
        ));
    }
    if claims.get("externalId").and_then(Value::as_str) != Some(external_id) {
        return Err(unauthorized(
            "authentication failed: the JWT's externalId is not X-Upload-External-Id",
        ));
    }
    if !sandbox.lock().coinify.by_id.contains_key(&review_id) {
        return Err(not_found("no KYC review with this id"));
    }
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if !DOCUMENT_CONTENT_TYPES.contains(&media_type.as_str()) {
        return Err(invalid(format!(
            "Content-Type: expected one of {}",
            DOCUMENT_CONTENT_TYPES.join(", ")
        )));
    }
    if !DOCUMENT_TYPES.contains(&document_type) {
        return Err(invalid(format!(
            "X-Upload-Document-Type: expected one of {}",
            DOCUMENT_TYPES.join(", ")
        )));
    }
    let body = body.map_err(|_| document_too_large())?;
    if body.is_empty() {
        return Err(invalid("body: the document is empty"));
    }
    if body.len() > MAX_DOCUMENT_BYTES {
        return Err(document_too_large());
    }
    let sha256 = sha256_hex(&body);

    let mut state = sandbox.lock();
    let cf = &mut state.coinify;
    let review = cf
        .by_id
        .get(&review_id)
        .and_then(|&i| cf.reviews.get_mut(i))
        .ok_or_else(|| not_found("no KYC review with this id"))?;
    if let Some(doc) = review
        .documents
        .iter()
        .find(|d| d.external_id == external_id)
    {
        return if doc.sha256 == sha256 && doc.document_type == document_type {
            Ok(json_response(
                StatusCode::OK,
                &Created {
                    id: &doc.id,
                    external_id: &doc.external_id,
                },
            ))
        } else {
            Err(invalid(
                "X-Upload-External-Id: already used for another document of this review",
            ))
        };
    }
    let id = cf.document_ids.next_uuid();
    review.documents.push(KycDocument {
        id: id.clone(),
        external_id: external_id.to_owned(),
        document_type: document_type.to_owned(),
        filename: filename.to_owned(),
        content_type: media_type,
        size: body.len(),
        sha256,
    });
    Ok(json_response(
        StatusCode::CREATED,
        &Created {
            id: &id,
            external_id,
        },
    ))
}

// ---------------------------------------------------------------------------------------
// Approximate quote

/// A decimal written as a JSON number, exactly (no `f64` on the way).
struct Num(Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = if self.0.is_zero() {
            Decimal::ZERO
        } else {
            self.0.normalize()
        };
        let raw = RawValue::from_string(d.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_default()
}

fn lookup(table: CurrencyAmounts, code: &str) -> Decimal {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(Decimal::ZERO, |(_, v)| dec(v))
}

/// The fee of one transfer: `max(fixed + amount × percentage / 100, minimum)`, rounded half
/// away from zero to the currency's precision.
fn fee(
    fixed: CurrencyAmounts,
    percentage: &str,
    minimum: CurrencyAmounts,
    currency: &CurrencyRow,
    amount: Decimal,
) -> Option<Decimal> {
    let variable = amount
        .checked_mul(dec(percentage))?
        .checked_div(Decimal::ONE_HUNDRED)?;
    let fee = lookup(fixed, currency.code)
        .checked_add(variable)?
        .max(lookup(minimum, currency.code));
    Some(fee.round_dp_with_strategy(currency.precision, RoundingStrategy::MidpointAwayFromZero))
}

#[derive(Serialize)]
struct Transfer {
    medium: &'static str,
    #[serde(rename = "feeAmount")]
    fee_amount: Num,
    currency: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Quote {
    base_amount: Num,
    base_currency: &'static str,
    quote_amount: Num,
    quote_currency: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    transfer_in: Option<Transfer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transfer_out: Option<Transfer>,
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space).
fn form_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hi = hex_value(*b.get(i + 1)?)?;
                let lo = hex_value(*b.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn parse_query(query: Option<&str>) -> Result<BTreeMap<String, String>, String> {
    let mut params = BTreeMap::new();
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(k), Some(v)) = (form_decode(k), form_decode(v)) else {
            return Err("query: not valid percent-encoded UTF-8".into());
        };
        if params.insert(k.clone(), v).is_some() {
            return Err(format!("{k}: given more than once"));
        }
    }
    Ok(params)
}

fn quote_currency(
    params: &BTreeMap<String, String>,
    name: &str,
) -> Result<&'static CurrencyRow, String> {
    let code = params
        .get(name)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| format!("{name}: required"))?;
    currency(code).ok_or_else(|| {
        format!(
            "{name}: unsupported currency (supported: {})",
            CURRENCIES
                .iter()
                .map(|c| c.code)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn compute_quote(params: &BTreeMap<String, String>) -> Result<Quote, String> {
    let raw_amount = params
        .get("baseAmount")
        .filter(|a| !a.is_empty())
        .ok_or("baseAmount: required")?;
    let base_amount = Decimal::from_str_exact(raw_amount)
        .map_err(|_| "baseAmount: expected a decimal number such as -100")?;
    if base_amount.is_zero() {
        return Err("baseAmount: must not be 0 (negative: the amount to send; positive: the amount to receive)".into());
    }
    if base_amount.abs() > Decimal::from(MAX_QUOTE_AMOUNT) {
        return Err(format!(
            "baseAmount: at most {MAX_QUOTE_AMOUNT} in absolute value"
        ));
    }
    let base = quote_currency(params, "baseCurrency")?;
    let quote = quote_currency(params, "quoteCurrency")?;
    if base.fiat == quote.fiat {
        return Err("baseCurrency, quoteCurrency: one must be fiat and the other crypto".into());
    }
    // Negative: the customer sends base and receives quote; positive: the reverse.
    let sending = base_amount.is_sign_negative();
    let (in_cur, out_cur) = if sending {
        (base, quote)
    } else {
        (quote, base)
    };
    let media = match (
        params.get("transferInMedium").filter(|m| !m.is_empty()),
        params.get("transferOutMedium").filter(|m| !m.is_empty()),
    ) {
        (None, None) => None,
        (Some(i), Some(o)) => {
            let method = payment_method(i, o).ok_or_else(|| {
                format!(
                    "transferInMedium, transferOutMedium: {i} to {o} is not a payment method \
                     (card/blockchain, bank/blockchain, blockchain/bank)"
                )
            })?;
            if !method.in_currencies.contains(&in_cur.code) {
                return Err(format!(
                    "transferInMedium: {i} does not take {} (it takes {})",
                    in_cur.code,
                    method.in_currencies.join(", ")
                ));
            }
            if !method.out_currencies.contains(&out_cur.code) {
                return Err(format!(
                    "transferOutMedium: {o} does not pay out {} (it pays out {})",
                    out_cur.code,
                    method.out_currencies.join(", ")
                ));
            }
            Some(method)
        }
        _ => {
            return Err("transferInMedium, transferOutMedium: give both or neither".into());
        }
    };
    let overflow = || "baseAmount: too large".to_owned();
    let in_fee = |amount: Decimal| match media {
        Some(m) => fee(
            m.in_fixed_fees,
            m.in_percentage_fee,
            m.minimum_in_fees,
            in_cur,
            amount,
        ),
        None => Some(Decimal::ZERO),
    };
    let out_fee = |amount: Decimal| match media {
        Some(m) => fee(
            m.out_fixed_fees,
            m.out_percentage_fee,
            m.minimum_out_fees,
            out_cur,
            amount,
        ),
        None => Some(Decimal::ZERO),
    };
    let (in_amount, out_amount, quote_amount, fee_in, fee_out);
    if sending {
        in_amount = base_amount.abs();
        let gross = in_amount
            .checked_mul(dec(in_cur.eur_rate))
            .and_then(|v| v.checked_div(dec(out_cur.eur_rate)))
            .ok_or_else(overflow)?;
        fee_out = out_fee(gross).ok_or_else(overflow)?;
        fee_in = in_fee(in_amount).ok_or_else(overflow)?;
        out_amount = gross
            .checked_sub(fee_out)
            .ok_or_else(overflow)?
            .round_dp_with_strategy(out_cur.precision, RoundingStrategy::ToZero);
        if out_amount <= Decimal::ZERO {
            return Err("baseAmount: too small to cover the transfer-out fee".into());
        }
        quote_amount = out_amount;
    } else {
        out_amount = base_amount;
        fee_out = out_fee(out_amount).ok_or_else(overflow)?;
        in_amount = out_amount
            .checked_add(fee_out)
            .and_then(|v| v.checked_mul(dec(out_cur.eur_rate)))
            .and_then(|v| v.checked_div(dec(in_cur.eur_rate)))
            .ok_or_else(overflow)?
            .round_dp_with_strategy(in_cur.precision, RoundingStrategy::AwayFromZero);
        fee_in = in_fee(in_amount).ok_or_else(overflow)?;
        quote_amount = -in_amount;
    }
    Ok(Quote {
        base_amount: Num(base_amount),
        base_currency: base.code,
        quote_amount: Num(quote_amount),
        quote_currency: quote.code,
        transfer_in: media.map(|m| Transfer {
            medium: m.in_medium,
            fee_amount: Num(fee_in),
            currency: in_cur.code,
        }),
        transfer_out: media.map(|m| Transfer {
            medium: m.out_medium,
            fee_amount: Num(fee_out),
            currency: out_cur.code,
        }),
    })
}

async fn approximate_quote(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, Fail> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    let quote = parse_query(query.as_deref())
        .and_then(|p| compute_quote(&p))
        .map_err(invalid)?;
    Ok(json_response(StatusCode::OK, &quote))
}

// ---------------------------------------------------------------------------------------
// Payment methods and countries

/// Serializes a [`CurrencyAmounts`] table as `{"EUR": 1, …}`.
struct Amounts(CurrencyAmounts);

impl Serialize for Amounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (code, amount) in self.0 {
            map.serialize_entry(code, &Num(dec(amount)))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PaymentMethod {
    in_medium: &'static str,
    out_medium: &'static str,
    in_currencies: &'static [&'static str],
    out_currencies: &'static [&'static str],
    in_fixed_fees: Amounts,
    in_percentage_fee: Num,
    minimum_in_fees: Amounts,
    out_fixed_fees: Amounts,
    out_percentage_fee: Num,
    minimum_out_fees: Amounts,
    minimum_in_amounts: Amounts,
}

impl From<&PaymentMethodRow> for PaymentMethod {
    fn from(m: &PaymentMethodRow) -> Self {
        PaymentMethod {
            in_medium: m.in_medium,
            out_medium: m.out_medium,
            in_currencies: m.in_currencies,
            out_currencies: m.out_currencies,
            in_fixed_fees: Amounts(m.in_fixed_fees),
            in_percentage_fee: Num(dec(m.in_percentage_fee)),
            minimum_in_fees: Amounts(m.minimum_in_fees),
            out_fixed_fees: Amounts(m.out_fixed_fees),
            out_percentage_fee: Num(dec(m.out_percentage_fee)),
            minimum_out_fees: Amounts(m.minimum_out_fees),
            minimum_in_amounts: Amounts(m.minimum_in_amounts),
        }
    }
}

async fn payment_methods(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, Fail> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    let methods: Vec<PaymentMethod> = PAYMENT_METHODS.iter().map(PaymentMethod::from).collect();
    Ok(json_response(StatusCode::OK, &methods))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Support {
    supported: bool,
    supported_transfer_in_media: &'static [&'static str],
}

#[derive(Serialize)]
struct WithStates {
    supported: bool,
    states: States,
}

struct States(&'static [StateRow]);

impl Serialize for States {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for s in self.0 {
            map.serialize_entry(
                s.code,
                &Support {
                    supported: s.supported,
                    supported_transfer_in_media: s.media,
                },
            )?;
        }
        map.end()
    }
}

struct Countries;

impl Serialize for Countries {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(COUNTRIES.len()))?;
        for c in COUNTRIES {
            if c.states.is_empty() {
                map.serialize_entry(
                    c.code,
                    &Support {
                        supported: c.supported,
                        supported_transfer_in_media: c.media,
                    },
                )?;
            } else {
                map.serialize_entry(
                    c.code,
                    &WithStates {
                        supported: c.supported,
                        states: States(c.states),
                    },
                )?;
            }
        }
        map.end()
    }
}

async fn countries(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, Fail> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    Ok(json_response(StatusCode::OK, &Countries))
}

async fn countries_without_id() -> Fail {
    not_found("id is missing from the request")
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
    fn upload_paths() {
        assert!(is_document_upload("/coinify/partners/p/kyc/r/documents"));
        assert!(!is_document_upload("/coinify/partners/p/kyc"));
        assert!(!is_document_upload("/coinify/partners//kyc/r/documents"));
        assert!(!is_document_upload("/coinify/partners/p/kyc/r/documents/x"));
        assert!(!is_document_upload("/coinspaid/partners/p/kyc/r/documents"));
        assert!(is_coinify("/coinify"));
        assert!(is_coinify("/coinify/countries/x"));
        assert!(!is_coinify("/coinifyx"));
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
