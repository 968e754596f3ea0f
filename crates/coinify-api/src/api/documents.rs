//! `POST /partners/:partner-id/kyc/:review-id/documents`.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use payments_core::auth::JwtClaims;
use payments_core::bytes::Bytes;
use payments_core::http::header::{HeaderName, HeaderValue};
use payments_core::http::{HeaderMap, Method};
use payments_core::{Error, InvalidInput, RequestBody, RetrySafety, path_segment};
use serde_json::{Map, Value};

use super::{CoinifyRequest, partner_path};
use crate::client::COINIFY;
use crate::types::{PartnerId, UploadedDocument, is_uuid};

/// The largest document Coinify accepts: 25 MB, counted as 25 × 1024 × 1024 bytes.
pub const MAX_DOCUMENT_BYTES: u64 = 25 * 1024 * 1024;

const X_UPLOAD_FILENAME: HeaderName = HeaderName::from_static("x-upload-filename");
const X_UPLOAD_DOCUMENT_TYPE: HeaderName = HeaderName::from_static("x-upload-document-type");
const X_UPLOAD_EXTERNAL_ID: HeaderName = HeaderName::from_static("x-upload-external-id");

/// Refuses a document larger than [`MAX_DOCUMENT_BYTES`] ([`Error::InvalidRequest`]) and
/// an empty one.
pub fn check_document_size(len: u64) -> Result<(), Error> {
    if len > MAX_DOCUMENT_BYTES {
        return Err(Error::invalid(
            COINIFY.name,
            "document",
            format!(
                "is {len} bytes; Coinify accepts documents of at most 25 MB \
                 ({MAX_DOCUMENT_BYTES} bytes)"
            ),
        ));
    }
    if len == 0 {
        return Err(Error::invalid(COINIFY.name, "document", "is empty"));
    }
    Ok(())
}

/// What a supporting document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentType {
    /// `passport`.
    Passport,
    /// `national_id`.
    NationalId,
    /// `drivers_license`.
    DriversLicense,
    /// `selfie`: a photo of the trader, sent along with an identity document.
    Selfie,
}

impl DocumentType {
    /// The `X-Upload-Document-Type` value.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::Passport => "passport",
            DocumentType::NationalId => "national_id",
            DocumentType::DriversLicense => "drivers_license",
            DocumentType::Selfie => "selfie",
        }
    }

    /// Parses a wire value.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "passport" => Some(DocumentType::Passport),
            "national_id" => Some(DocumentType::NationalId),
            "drivers_license" => Some(DocumentType::DriversLicense),
            "selfie" => Some(DocumentType::Selfie),
            _ => None,
        }
    }
}

impl std::fmt::Display for DocumentType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Uploads a supporting document to a KYC review.
///
/// The body is the document's raw bytes (not multipart), with `Content-Type` set to its
/// MIME type, and the headers `X-Upload-Filename`, `X-Upload-Document-Type` and
/// `X-Upload-External-Id`. The JWT payload is `{"reviewId", "externalId"}`; both the
/// header and the token take `externalId` from the one field of this struct, so they
/// always match, as Coinify requires.
///
/// Documents over 25 MB ([`MAX_DOCUMENT_BYTES`]) are refused before anything is read or
/// sent. The bytes are held once as [`Bytes`]; each retry shares them, never copies them.
/// Retried with back-off on 5xx, timeouts and connection failures, as the docs ask.
///
/// ```no_run
/// use coinify_api::{DocumentType, UploadDocument};
/// # fn run() -> Result<(), coinify_api::Error> {
/// let doc = UploadDocument::from_path(
///     "6b54f095-db25-4507-9912-0461fe70768f",
///     "your-reference-for-this-document",
///     DocumentType::NationalId,
///     "image/jpeg",
///     "scans/id-front.jpg",
/// )?;
/// # let _ = doc; Ok(()) }
/// ```
#[derive(Clone)]
pub struct UploadDocument {
    review_id: String,
    external_id: String,
    document_type: DocumentType,
    content_type: HeaderValue,
    filename: HeaderValue,
    bytes: Bytes,
}

impl std::fmt::Debug for UploadDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadDocument")
            .field("review_id", &self.review_id)
            .field("external_id", &self.external_id)
            .field("document_type", &self.document_type)
            .field("content_type", &self.content_type)
            .field("filename", &self.filename)
            .field("len", &self.bytes.len())
            .finish()
    }
}

fn header_text(field: &str, value: &str) -> Result<HeaderValue, Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(COINIFY.name, field, "must not be empty"));
    }
    if value.len() > 255 {
        return Err(Error::invalid(
            COINIFY.name,
            field,
            "must be at most 255 bytes",
        ));
    }
    if !value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        return Err(Error::invalid(
            COINIFY.name,
            field,
            "must be printable ASCII to travel in a header",
        ));
    }
    HeaderValue::from_str(value)
        .map_err(|_| Error::invalid(COINIFY.name, field, "is not a valid header value"))
}

fn mime_type(value: &str) -> Result<HeaderValue, Error> {
    let v = header_text("Content-Type", value)?;
    let essence = value.split(';').next().unwrap_or_default().trim();
    let valid = essence.split_once('/').is_some_and(|(t, s)| {
        let token = |x: &str| {
            !x.is_empty()
                && x.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
        };
        token(t) && token(s)
    });
    if valid {
        Ok(v)
    } else {
        Err(Error::invalid(
            COINIFY.name,
            "Content-Type",
            "must be a MIME type such as image/jpeg",
        ))
    }
}

impl UploadDocument {
    /// A document already in memory.
    ///
    /// `review_id` is the [`KycReview::id`](crate::KycReview::id) Coinify returned;
    /// `external_id` is your reference for this document; `content_type` its MIME type
    /// (`image/jpeg`, `application/pdf`); `filename` its original name (printable ASCII).
    /// Fails with [`Error::InvalidRequest`] on a document over 25 MB or an invalid field.
    pub fn new(
        review_id: impl Into<String>,
        external_id: impl Into<String>,
        document_type: DocumentType,
        content_type: &str,
        filename: &str,
        bytes: impl Into<Bytes>,
    ) -> Result<Self, Error> {
        let bytes = bytes.into();
        check_document_size(bytes.len() as u64)?;
        Self::checked(
            review_id.into(),
            external_id.into(),
            document_type,
            content_type,
            filename,
            bytes,
        )
    }

    /// Reads a document from a file, once. The file's size is checked from its metadata
    /// first, so a file over 25 MB is refused without reading it. The filename sent is
    /// the path's last component.
    ///
    /// This reads synchronously; in async code call it from
    /// `tokio::task::spawn_blocking` for large files.
    pub fn from_path(
        review_id: impl Into<String>,
        external_id: impl Into<String>,
        document_type: DocumentType,
        content_type: &str,
        path: impl AsRef<Path>,
    ) -> Result<Self, Error> {
        let path = path.as_ref();
        let io = |e: std::io::Error| {
            Error::invalid(
                COINIFY.name,
                "document",
                format!("cannot read {}: {e}", path.display()),
            )
        };
        let filename = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| {
                Error::invalid(
                    COINIFY.name,
                    "X-Upload-Filename",
                    "the path has no UTF-8 file name",
                )
            })?
            .to_owned();
        let review_id = review_id.into();
        let external_id = external_id.into();
        // Validate everything cheap before touching the file's contents.
        let content_type_value = mime_type(content_type)?;
        let filename_value = header_text("X-Upload-Filename", &filename)?;
        let file = File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        check_document_size(len)?;
        let mut buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        // Never read past the limit, even if the file grows meanwhile.
        file.take(MAX_DOCUMENT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
        check_document_size(buf.len() as u64)?;
        let doc = UploadDocument {
            review_id,
            external_id,
            document_type,
            content_type: content_type_value,
            filename: filename_value,
            bytes: Bytes::from(buf),
        };
        doc.check_ids()?;
        Ok(doc)
    }

    fn checked(
        review_id: String,
        external_id: String,
        document_type: DocumentType,
        content_type: &str,
        filename: &str,
        bytes: Bytes,
    ) -> Result<Self, Error> {
        let doc = UploadDocument {
            review_id,
            external_id,
            document_type,
            content_type: mime_type(content_type)?,
            filename: header_text("X-Upload-Filename", filename)?,
            bytes,
        };
        doc.check_ids()?;
        Ok(doc)
    }

    fn check_ids(&self) -> Result<(), Error> {
        self.check().map_err(|e| Error::InvalidRequest {
            provider: COINIFY.name,
            field: e.field,
            message: e.message,
        })
    }

    fn check(&self) -> Result<(), InvalidInput> {
        if !is_uuid(&self.review_id) {
            return Err(InvalidInput::new(
                "reviewId",
                "must be the UUID Coinify returned for the KYC review",
            ));
        }
        if self.external_id.trim().is_empty() {
            return Err(InvalidInput::new(
                "X-Upload-External-Id",
                "must not be empty",
            ));
        }
        if self.external_id.len() > 255
            || !self
                .external_id
                .bytes()
                .all(|b| b == b' ' || b.is_ascii_graphic())
        {
            return Err(InvalidInput::new(
                "X-Upload-External-Id",
                "must be at most 255 printable ASCII characters",
            ));
        }
        if self.bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            return Err(InvalidInput::new("document", "is larger than 25 MB"));
        }
        Ok(())
    }

    /// The review the document is attached to.
    pub fn review_id(&self) -> &str {
        &self.review_id
    }

    /// Your reference for the document (header and JWT).
    pub fn external_id(&self) -> &str {
        &self.external_id
    }

    /// The document type.
    pub fn document_type(&self) -> DocumentType {
        self.document_type
    }

    /// The MIME type sent as `Content-Type`.
    pub fn content_type(&self) -> &str {
        self.content_type.to_str().unwrap_or_default()
    }

    /// The filename sent as `X-Upload-Filename`.
    pub fn filename(&self) -> &str {
        self.filename.to_str().unwrap_or_default()
    }

    /// The document's bytes (shared, not copied).
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }
}

impl CoinifyRequest for UploadDocument {
    type Output = UploadedDocument;

    fn operation(&self) -> &'static str {
        "kyc-documents"
    }

    fn method(&self) -> Method {
        Method::POST
    }

    fn path(&self, partner: &PartnerId) -> String {
        partner_path(
            partner,
            &format!("/kyc/{}/documents", path_segment(&self.review_id)),
        )
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        self.check()
    }

    fn body(&self) -> Result<Option<RequestBody>, InvalidInput> {
        Ok(Some(RequestBody::raw(
            self.bytes.clone(),
            self.content_type.clone(),
        )))
    }

    fn headers(&self, headers: &mut HeaderMap) {
        headers.insert(X_UPLOAD_FILENAME, self.filename.clone());
        headers.insert(
            X_UPLOAD_DOCUMENT_TYPE,
            HeaderValue::from_static(self.document_type.as_str()),
        );
        // Checked printable ASCII on construction; an invalid value cannot occur.
        if let Ok(v) = HeaderValue::from_str(&self.external_id) {
            headers.insert(X_UPLOAD_EXTERNAL_ID, v);
        }
    }

    fn claims(&self) -> Option<JwtClaims> {
        let mut m = Map::new();
        m.insert("reviewId".into(), Value::from(self.review_id.clone()));
        m.insert("externalId".into(), Value::from(self.external_id.clone()));
        Some(JwtClaims(m))
    }

    fn retry_safety(&self) -> RetrySafety {
        RetrySafety::Idempotent
    }
}
