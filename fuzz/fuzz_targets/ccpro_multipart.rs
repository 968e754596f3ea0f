//! CCPro's `multipart/form-data` bodies (`ccpro_api::upload::Form`) from arbitrary text
//! fields and files.
//!
//! Building never panics; the body, read back by the small parser below (which shares
//! nothing with the builder), holds every part in order with its name, file name, content
//! type and exact bytes; and the boundary occurs only as the delimiters.

#![no_main]

use ccpro_api::upload::{File, FileKind, Form};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Piece {
    Text {
        name: String,
        value: String,
    },
    File {
        /// The documented dotted field (`documents.passport`).
        field: String,
        /// The file name before the extension.
        stem: String,
        kind: u8,
        /// What follows the type's magic bytes.
        bytes: Vec<u8>,
    },
}

/// What the body must hold for one part.
#[derive(Debug, PartialEq, Eq)]
struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    bytes: Vec<u8>,
}

/// How a browser writes a name in a `Content-Disposition` parameter (WHATWG HTML,
/// "multipart/form-data encoding algorithm"): `"`, CR and LF percent-encoded.
fn escaped(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("%22"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// `a.b.c` → `a[b][c]`, as PHP reads form names.
fn php(dotted: &str) -> String {
    let mut it = dotted.split('.');
    let mut out = it.next().unwrap_or("").to_owned();
    for p in it {
        out = format!("{out}[{p}]");
    }
    out
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Reads one part's headers: `Content-Disposition: form-data; name="…"` with an optional
/// `; filename="…"`, then an optional `Content-Type` line.
fn headers(head: &str) -> (String, Option<String>, Option<String>) {
    let mut lines = head.split("\r\n");
    let disposition = lines.next().expect("a Content-Disposition line");
    let params = disposition
        .strip_prefix("Content-Disposition: form-data; name=\"")
        .unwrap_or_else(|| panic!("not a form-data disposition: {disposition:?}"));
    let (name, rest) = params
        .split_once('"')
        .expect("a closing quote after the name");
    let filename = match rest {
        "" => None,
        rest => {
            let f = rest
                .strip_prefix("; filename=\"")
                .and_then(|f| f.strip_suffix('"'))
                .unwrap_or_else(|| panic!("unexpected parameters: {rest:?}"));
            assert!(!f.contains('"'), "an unescaped quote in {f:?}");
            Some(f.to_owned())
        }
    };
    let content_type = lines.next().map(|l| {
        l.strip_prefix("Content-Type: ")
            .unwrap_or_else(|| panic!("unexpected header {l:?}"))
            .to_owned()
    });
    assert_eq!(lines.next(), None, "more headers than expected");
    (name.to_owned(), filename, content_type)
}

/// Splits a body at its delimiters; asserts the framing on the way.
fn parse(body: &[u8], boundary: &str) -> Vec<Part> {
    let open = format!("--{boundary}");
    let next = format!("\r\n--{boundary}");
    let mut parts = Vec::new();
    assert!(
        body.starts_with(open.as_bytes()),
        "the body does not open with the boundary"
    );
    let mut at = open.len();
    loop {
        match body.get(at..at + 2) {
            Some(b"--") => {
                assert_eq!(
                    &body[at + 2..],
                    b"\r\n",
                    "bytes after the closing delimiter"
                );
                return parts;
            }
            Some(b"\r\n") => at += 2,
            other => panic!("a delimiter followed by {other:?}"),
        }
        let head_end = find(body, b"\r\n\r\n", at).expect("the end of a part's headers");
        let head = std::str::from_utf8(&body[at..head_end]).expect("UTF-8 headers");
        let (name, filename, content_type) = headers(head);
        let start = head_end + 4;
        let end = find(body, next.as_bytes(), start).expect("the delimiter after a part");
        parts.push(Part {
            name,
            filename,
            content_type,
            bytes: body[start..end].to_vec(),
        });
        at = end + next.len();
    }
}

const KINDS: [(FileKind, &str, &[u8]); 4] = [
    (FileKind::Png, "png", b"\x89PNG\r\n\x1a\n"),
    (FileKind::Jpeg, "jpg", &[0xFF, 0xD8, 0xFF]),
    (FileKind::Bmp, "bmp", b"BM"),
    (FileKind::Pdf, "pdf", b"%PDF-"),
];

fuzz_target!(|pieces: Vec<Piece>| {
    let mut form = Form::new();
    let mut want = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text { name, value } => {
                want.push(Part {
                    name: escaped(&name),
                    filename: None,
                    content_type: None,
                    bytes: value.clone().into_bytes(),
                });
                form = form.text(name, value);
            }
            Piece::File {
                field,
                stem,
                kind,
                bytes,
            } => {
                let (kind, ext, magic) = KINDS[usize::from(kind) % KINDS.len()];
                let name = format!("{stem}.{ext}");
                let mut contents = magic.to_vec();
                contents.extend_from_slice(&bytes);
                let file = File::new(name.clone(), contents.clone());
                // A file the checks refuse (a stem such as `a/` leaves no extension) is
                // left out, as its caller would have to.
                if file.check(&field, FileKind::IMAGES_AND_PDF).is_ok() {
                    form = form
                        .file(&field, &file, FileKind::IMAGES_AND_PDF)
                        .expect("a file that passed its checks is added");
                    want.push(Part {
                        name: escaped(&php(&field)),
                        filename: Some(escaped(&name)),
                        content_type: Some(kind.content_type().to_owned()),
                        bytes: contents,
                    });
                }
            }
        }
    }

    let body = form.build();
    let content_type = body.content_type.to_str().expect("an ASCII content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("a multipart content type with a boundary");
    assert!(
        !boundary.is_empty() && boundary.len() <= 70,
        "RFC 2046 boundary length"
    );
    assert!(
        boundary
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"'()+_,-./:=?".contains(&b)),
        "RFC 2046 boundary characters: {boundary}"
    );
    assert_eq!(
        count(&body.bytes, boundary.as_bytes()),
        want.len() + 1,
        "the boundary occurs outside the delimiters"
    );
    assert_eq!(parse(&body.bytes, boundary), want);
});
