//! Uploads: [`File`], the checks the docs' validation rules imply, and the
//! `multipart/form-data` body the upload operations send.
//!
//! The docs show file fields only as JSON placeholders (`"cardImage1": "File"`); the
//! multipart form is read from their validation rules (`image|mimes:jpg,jpeg,bmp,png|
//! max:10240`), which Laravel applies to uploaded files only. Nested fields use PHP's
//! form names (`documents[governmentIdFront]`). The body is built once into bytes, with
//! `Content-Length` and a boundary derived from the content, so every attempt sends the
//! same bytes and recordings stay stable.

use std::fmt;
use std::path::Path;

use payments_core::InputFile;
use payments_core::bytes::Bytes;
use payments_core::http::HeaderValue;
use payments_core::provider::{InvalidInput, RequestBody};

/// The largest file the docs allow: 10 240 KB.
pub const MAX_FILE_BYTES: usize = 10_240 * 1024;

/// A file's type, by extension and magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileKind {
    /// JPEG (`.jpg`, `.jpeg`).
    Jpeg,
    /// PNG.
    Png,
    /// BMP.
    Bmp,
    /// PDF.
    Pdf,
}

impl FileKind {
    /// The images every upload takes: jpg, jpeg, bmp and png.
    pub const IMAGES: &'static [FileKind] = &[FileKind::Jpeg, FileKind::Png, FileKind::Bmp];
    /// Images and PDF (KYC address and document, proof of payment).
    pub const IMAGES_AND_PDF: &'static [FileKind] =
        &[FileKind::Jpeg, FileKind::Png, FileKind::Bmp, FileKind::Pdf];

    fn from_extension(ext: &str) -> Option<FileKind> {
        match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" => Some(FileKind::Jpeg),
            "png" => Some(FileKind::Png),
            "bmp" => Some(FileKind::Bmp),
            "pdf" => Some(FileKind::Pdf),
            _ => None,
        }
    }

    fn magic_matches(self, bytes: &[u8]) -> bool {
        match self {
            FileKind::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileKind::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileKind::Bmp => bytes.starts_with(b"BM"),
            FileKind::Pdf => bytes.starts_with(b"%PDF-"),
        }
    }

    /// The part's `Content-Type`.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Bmp => "image/bmp",
            FileKind::Pdf => "application/pdf",
        }
    }

    fn names(kinds: &[FileKind]) -> &'static str {
        if kinds.contains(&FileKind::Pdf) {
            "jpg, jpeg, bmp, png or pdf"
        } else {
            "jpg, jpeg, bmp or png"
        }
    }
}

/// A file to upload: its name (whose extension says its type) and contents. Debug shows
/// the name and size, not the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct File {
    name: String,
    bytes: Bytes,
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("File")
            .field("name", &self.name)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl File {
    /// A file named `name` (e.g. `front.png`) holding `bytes`.
    pub fn new(name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        File {
            name: name.into(),
            bytes: bytes.into(),
        }
    }

    /// Reads a file from disk, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
    pub fn read(path: impl AsRef<Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let len = std::fs::metadata(path)?.len();
        if len > MAX_FILE_BYTES as u64 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{} is larger than 10240 KB", path.display()),
            ));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(File::new(name, std::fs::read(path)?))
    }

    /// The file name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The contents.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// Checks the file for the upload field `field`: at most [`MAX_FILE_BYTES`], an
    /// extension among `allowed`, and contents that start as that type does.
    pub fn check(&self, field: &str, allowed: &[FileKind]) -> Result<FileKind, InvalidInput> {
        if self.bytes.len() > MAX_FILE_BYTES {
            return Err(InvalidInput::new(
                field,
                format!(
                    "{} is {} bytes, above the 10240 KB limit",
                    self.name,
                    self.bytes.len()
                ),
            ));
        }
        if self.bytes.is_empty() {
            return Err(InvalidInput::new(field, format!("{} is empty", self.name)));
        }
        let kind = Path::new(&self.name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(FileKind::from_extension)
            .filter(|k| allowed.contains(k))
            .ok_or_else(|| {
                InvalidInput::new(
                    field,
                    format!("{} must be a {} file", self.name, FileKind::names(allowed)),
                )
            })?;
        if !kind.magic_matches(&self.bytes) {
            return Err(InvalidInput::new(
                field,
                format!("{} does not contain {:?} data", self.name, kind),
            ));
        }
        Ok(kind)
    }
}

impl From<InputFile> for File {
    fn from(f: InputFile) -> Self {
        File::new(f.name, f.bytes)
    }
}

/// Takes the file for `field` out of `files` (the CLI's `--file FIELD=PATH` list).
pub fn take_file(files: &mut Vec<InputFile>, field: &str) -> Option<File> {
    let i = files.iter().position(|f| f.field == field)?;
    Some(files.remove(i).into())
}

/// Refuses files left over after an operation took the ones it knows.
pub fn no_other_files(files: &[InputFile]) -> Result<(), InvalidInput> {
    match files.first() {
        Some(f) => Err(InvalidInput::new(
            &f.field,
            "this operation takes no such file",
        )),
        None => Ok(()),
    }
}

/// A `multipart/form-data` body under construction: text fields and checked files, in
/// the order added.
#[derive(Debug, Default)]
pub struct Form {
    parts: Vec<(String, Part)>,
}

#[derive(Debug)]
enum Part {
    Text(String),
    File(File, FileKind),
}

/// Escapes a name for a `Content-Disposition` parameter as browsers do.
fn quoted(s: &str) -> String {
    s.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

impl Form {
    /// An empty form.
    pub fn new() -> Self {
        Form::default()
    }

    /// Adds a text field (`name` in PHP form, e.g. `documents[type]`).
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push((name.into(), Part::Text(value.into())));
        self
    }

    /// Adds a text field when `value` is set.
    pub fn text_opt(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.text(name, v),
            None => self,
        }
    }

    /// Checks `file` for the documented field `field` (dotted, as the docs name it:
    /// `documents.passport`) and adds it under its PHP form name (`documents[passport]`).
    pub fn file(
        mut self,
        field: &str,
        file: &File,
        allowed: &[FileKind],
    ) -> Result<Self, InvalidInput> {
        let kind = file.check(field, allowed)?;
        self.parts
            .push((php_name(field), Part::File(file.clone(), kind)));
        Ok(self)
    }

    /// The body: the exact bytes every attempt sends, and its content type with the
    /// boundary.
    pub fn build(self) -> RequestBody {
        let boundary = self.boundary();
        let mut out = Vec::new();
        for (name, part) in &self.parts {
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"\r\n");
            match part {
                Part::Text(value) => {
                    out.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{}\"\r\n\r\n",
                            quoted(name)
                        )
                        .as_bytes(),
                    );
                    out.extend_from_slice(value.as_bytes());
                }
                Part::File(file, kind) => {
                    out.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                            quoted(name),
                            quoted(&file.name),
                            kind.content_type()
                        )
                        .as_bytes(),
                    );
                    out.extend_from_slice(&file.bytes);
                }
            }
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"--\r\n");
        let content_type = format!("multipart/form-data; boundary={boundary}");
        RequestBody::raw(
            out,
            HeaderValue::from_str(&content_type)
                .unwrap_or_else(|_| HeaderValue::from_static("multipart/form-data")),
        )
    }

    /// A boundary derived from the content (FNV-1a), so the same form is always the same
    /// bytes, and checked not to occur in any part.
    fn boundary(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for (name, part) in &self.parts {
            feed(name.as_bytes());
            match part {
                Part::Text(v) => feed(v.as_bytes()),
                Part::File(f, _) => {
                    feed(f.name.as_bytes());
                    feed(&f.bytes);
                }
            }
        }
        let mut n = 0u32;
        loop {
            let candidate = format!("ccpro-form-{hash:016x}-{n}");
            if !self.contains(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }

    /// `true` when `s` occurs in anything the body writes besides the delimiters: a field
    /// name, a value, a file name or a file's bytes.
    fn contains(&self, s: &str) -> bool {
        self.parts.iter().any(|(name, part)| {
            name.contains(s)
                || match part {
                    Part::Text(v) => v.contains(s),
                    Part::File(f, _) => f.name.contains(s) || contains(&f.bytes, s.as_bytes()),
                }
        })
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `documents.passport` → `documents[passport]`; a plain name stays as it is.
pub fn php_name(dotted: &str) -> String {
    let mut parts = dotted.split('.');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for p in parts {
        out.push('[');
        out.push_str(p);
        out.push(']');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000";

    #[test]
    fn php_names() {
        assert_eq!(php_name("file"), "file");
        assert_eq!(php_name("documents.passport"), "documents[passport]");
        assert_eq!(php_name("a.b.c"), "a[b][c]");
    }

    #[test]
    fn checks_size_extension_and_magic() {
        let ok = File::new("a.PNG", PNG.to_vec());
        assert_eq!(ok.check("f", FileKind::IMAGES), Ok(FileKind::Png));
        let pdf = File::new("a.pdf", b"%PDF-1.4".to_vec());
        assert!(pdf.check("f", FileKind::IMAGES).is_err());
        assert_eq!(pdf.check("f", FileKind::IMAGES_AND_PDF), Ok(FileKind::Pdf));
        let lying = File::new("a.jpg", PNG.to_vec());
        assert!(
            lying
                .check("f", FileKind::IMAGES)
                .unwrap_err()
                .message
                .contains("does not contain")
        );
        let mut big = PNG.to_vec();
        big.resize(MAX_FILE_BYTES + 1, 0);
        let e = File::new("a.png", big)
            .check("cardImage1", FileKind::IMAGES)
            .unwrap_err();
        assert_eq!(e.field, "cardImage1");
        assert!(e.message.contains("10240 KB"));
        let mut exact = PNG.to_vec();
        exact.resize(MAX_FILE_BYTES, 0);
        assert!(
            File::new("a.png", exact)
                .check("f", FileKind::IMAGES)
                .is_ok()
        );
        assert!(
            File::new("noext", PNG.to_vec())
                .check("f", FileKind::IMAGES)
                .is_err()
        );
        assert!(
            File::new("a.png", Vec::new())
                .check("f", FileKind::IMAGES)
                .is_err()
        );
    }

    #[test]
    fn a_boundary_is_looked_for_in_names_values_file_names_and_bytes() {
        let b = "ccpro-form-0123456789abcdef-0";
        let file = |name: &str, bytes: &[u8]| {
            let mut contents = PNG.to_vec();
            contents.extend_from_slice(bytes);
            let f = File::new(name, contents);
            Form::new().file("f", &f, FileKind::IMAGES).unwrap()
        };
        assert!(Form::new().text(format!("x{b}"), "v").contains(b));
        assert!(Form::new().text("n", format!("{b}x")).contains(b));
        assert!(file(&format!("{b}.png"), b"").contains(b));
        assert!(file("a.png", b.as_bytes()).contains(b));
        assert!(!file("a.png", b"ccpro-form-").contains(b));
    }

    #[test]
    fn form_bytes_are_deterministic_and_well_formed() {
        let file = File::new("id \"front\".png", PNG.to_vec());
        let build = || {
            Form::new()
                .text("type", "passport")
                .file("documents.passport", &file, FileKind::IMAGES)
                .unwrap()
                .build()
        };
        let (a, b) = (build(), build());
        assert_eq!(a.bytes, b.bytes);
        let ct = a.content_type.to_str().unwrap().to_owned();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8_lossy(&a.bytes).into_owned();
        let expected = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\npassport\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"documents[passport]\"; filename=\"id %22front%22.png\"\r\nContent-Type: image/png\r\n\r\n{}\r\n--{boundary}--\r\n",
            String::from_utf8_lossy(PNG)
        );
        assert_eq!(text, expected);
    }
}
