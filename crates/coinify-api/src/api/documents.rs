//! `POST /partners/{partnerId}/kyc/{reviewId}/documents`.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use payments_core::auth::JwtClaims;
use payments_core::bytes::Bytes;
use payments_core::http::header::{HeaderName, HeaderValue};
use payments_core::provider::{InvalidInput, RequestBody};
use payments_core::{AttachFiles, Endpoint, Error, InputFile, RequestSpec};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use serde_json::{Map, Value};

use super::partner;
use crate::client::COINIFY;
use crate::operations;
use crate::types::{PartnerId, UploadedDocument, is_uuid};

/// The largest document Coinify accepts: 25 MB, counted as 25 × 1024 × 1024 bytes.
pub const MAX_DOCUMENT_BYTES: u64 = 25 * 1024 * 1024;

const X_UPLOAD_FILENAME: HeaderName = HeaderName::from_static("x-upload-filename");
const X_UPLOAD_DOCUMENT_TYPE: HeaderName = HeaderName::from_static("x-upload-document-type");
const X_UPLOAD_EXTERNAL_ID: HeaderName = HeaderName::from_static("x-upload-external-id");

/// The input file of the operation (the CLI's `--file`).
const FILE_FIELD: &str = "file";

/// Refuses a document larger than [`MAX_DOCUMENT_BYTES`] ([`Error::InvalidRequest`]) and
/// an empty one.
pub fn check_document_size(len: u64) -> Result<(), Error> {
    document_size(len).map_err(invalid)
}

fn document_size(len: u64) -> Result<(), InvalidInput> {
    if len > MAX_DOCUMENT_BYTES {
        return Err(InvalidInput::new(
            "document",
            format!(
                "is {len} bytes; Coinify accepts documents of at most 25 MB \
                 ({MAX_DOCUMENT_BYTES} bytes)"
            ),
        ));
    }
    if len == 0 {
        return Err(InvalidInput::new("document", "is empty"));
    }
    Ok(())
}

/// A refusal as the client reports it.
fn invalid(e: InvalidInput) -> Error {
    Error::invalid(COINIFY.name, e.field, e.message)
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

impl Serialize for DocumentType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DocumentType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DocumentType::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "{s:?} is not one of passport, national_id, drivers_license, selfie"
            ))
        })
    }
}

/// The MIME type of a document from its file name's extension (`.jpg`, `.jpeg`, `.png`,
/// `.pdf`), as the CLI guesses it.
fn mime_for(filename: &str) -> Option<&'static str> {
    let ext = Path::new(filename)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "pdf" => "application/pdf",
        _ => return None,
    })
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
/// Its input document is `{"reviewId", "externalId", "documentType", "contentType"}`
/// (plus `partnerId` when not the client's; `contentType` may be left out for a `.jpg`,
/// `.jpeg`, `.png` or `.pdf` file), and the document arrives as the file `file`
/// ([`AttachFiles`]), whose name is sent as `X-Upload-Filename`.
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
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UploadDocument {
    #[serde(default, skip_serializing)]
    pub(crate) partner_id: Option<PartnerId>,
    #[serde(default, skip_serializing)]
    review_id: String,
    external_id: String,
    document_type: DocumentType,
    /// Empty until known: from the input, or from the file's extension.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    content_type: String,
    #[serde(skip)]
    filename: String,
    #[serde(skip)]
    bytes: Bytes,
}

impl std::fmt::Debug for UploadDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadDocument")
            .field("partner_id", &self.partner_id)
            .field("review_id", &self.review_id)
            .field("external_id", &self.external_id)
            .field("document_type", &self.document_type)
            .field("content_type", &self.content_type)
            .field("filename", &self.filename)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Printable ASCII of at most 255 bytes, so it can travel in a header.
fn header_text(field: &str, value: &str) -> Result<HeaderValue, InvalidInput> {
    if value.trim().is_empty() {
        return Err(InvalidInput::new(field, "must not be empty"));
    }
    if value.len() > 255 {
        return Err(InvalidInput::new(field, "must be at most 255 bytes"));
    }
    if !value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        return Err(InvalidInput::new(
            field,
            "must be printable ASCII to travel in a header",
        ));
    }
    HeaderValue::from_str(value)
        .map_err(|_| InvalidInput::new(field, "is not a valid header value"))
}

fn mime_type(value: &str) -> Result<HeaderValue, InvalidInput> {
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
        Err(InvalidInput::new(
            "Content-Type",
            "must be a MIME type such as image/jpeg",
        ))
    }
}

/// The checked header values of an upload.
struct Headers {
    content_type: HeaderValue,
    filename: HeaderValue,
    external_id: HeaderValue,
}

impl UploadDocument {
    /// A document already in memory, for the client's partner.
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
        let doc = UploadDocument {
            partner_id: None,
            review_id: review_id.into(),
            external_id: external_id.into(),
            document_type,
            content_type: content_type.to_owned(),
            filename: filename.to_owned(),
            bytes,
        };
        doc.check().map_err(invalid)?;
        Ok(doc)
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
        // Validate everything cheap before touching the file's contents.
        mime_type(content_type).map_err(invalid)?;
        header_text("X-Upload-Filename", &filename).map_err(invalid)?;
        let file = File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        check_document_size(len)?;
        let mut buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        // Never read past the limit, even if the file grows meanwhile.
        file.take(MAX_DOCUMENT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
        Self::new(
            review_id,
            external_id,
            document_type,
            content_type,
            &filename,
            buf,
        )
    }

    /// Uploads for `partner` rather than the client's partner.
    pub fn for_partner(mut self, partner: PartnerId) -> Self {
        self.partner_id = Some(partner);
        self
    }

    /// Checks the size (first: nothing is looked at or sent for a document over 25 MB)
    /// and every field; the header values on success.
    fn check(&self) -> Result<Headers, InvalidInput> {
        document_size(self.bytes.len() as u64)?;
        if !is_uuid(&self.review_id) {
            return Err(InvalidInput::new(
                "reviewId",
                "must be the UUID Coinify returned for the KYC review",
            ));
        }
        let external_id = header_text("X-Upload-External-Id", &self.external_id)?;
        let content_type = mime_type(&self.content_type)?;
        let filename = header_text("X-Upload-Filename", &self.filename)?;
        Ok(Headers {
            content_type,
            filename,
            external_id,
        })
    }

    /// The documented JWT payload: `{"reviewId", "externalId"}`.
    pub fn claims(&self) -> JwtClaims {
        let mut m = Map::new();
        m.insert("reviewId".into(), Value::from(self.review_id.clone()));
        m.insert("externalId".into(), Value::from(self.external_id.clone()));
        JwtClaims(m)
    }

    /// The partner it is uploaded for; `None` for the client's.
    pub fn partner_id(&self) -> Option<&PartnerId> {
        self.partner_id.as_ref()
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
        &self.content_type
    }

    /// The filename sent as `X-Upload-Filename`.
    pub fn filename(&self) -> &str {
        &self.filename
    }

    /// The document's bytes (shared, not copied).
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }
}

impl AttachFiles for UploadDocument {
    /// Takes the document: exactly one file, `file`. Its size is checked first (at most
    /// 25 MB); its name becomes `X-Upload-Filename` (the last path component), and its
    /// extension gives the content type when the input has no `contentType`.
    fn attach(&mut self, files: Vec<InputFile>) -> Result<(), InvalidInput> {
        let mut files = files.into_iter();
        let Some(file) = files.next() else {
            return Err(InvalidInput::new(
                FILE_FIELD,
                "is required: the document to upload",
            ));
        };
        for f in std::iter::once(&file).chain(files.as_slice()) {
            if f.field != FILE_FIELD {
                return Err(InvalidInput::new(
                    &f.field,
                    "is not a file of this operation; it takes one, `file`",
                ));
            }
        }
        if !files.as_slice().is_empty() {
            return Err(InvalidInput::new(
                FILE_FIELD,
                "is given more than once; this operation takes one document",
            ));
        }
        document_size(file.bytes.len() as u64)?;
        let name = Path::new(&file.name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&file.name)
            .to_owned();
        if self.content_type.is_empty() {
            self.content_type = mime_for(&name)
                .ok_or_else(|| {
                    InvalidInput::new(
                        "contentType",
                        format!("cannot tell the MIME type of {name:?}; give contentType"),
                    )
                })?
                .to_owned();
        }
        self.filename = name;
        self.bytes = file.bytes;
        Ok(())
    }
}

impl Endpoint for UploadDocument {
    type Output = UploadedDocument;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        let h = self.check()?;
        Ok(RequestSpec::with_path(
            &operations::KYC_UPLOAD_DOCUMENT,
            &[Some(partner(&self.partner_id)?), Some(&self.review_id)],
        )?
        .body(RequestBody::raw(self.bytes.clone(), h.content_type))
        .header(X_UPLOAD_FILENAME, h.filename)
        .header(
            X_UPLOAD_DOCUMENT_TYPE,
            HeaderValue::from_static(self.document_type.as_str()),
        )
        .header(X_UPLOAD_EXTERNAL_ID, h.external_id)
        .extension(self.claims()))
    }
}
