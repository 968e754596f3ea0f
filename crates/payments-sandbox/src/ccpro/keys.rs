//! The platform key pair the sandbox generates for CCPro.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jsonwebtoken::DecodingKey;

use crate::coinify::{GeneratedKey, generate_key_pair};

/// The file name [`write_generated_key`] writes the platform's private key to.
pub const GENERATED_KEY_FILE_NAME: &str = "ccpro-sandbox-platform-key.pem";

static GENERATED: OnceLock<Result<GeneratedKey, String>> = OnceLock::new();

/// The platform key pair of [`Credentials::default`](crate::Credentials::default): an
/// RSA-2048 pair generated on first use and kept for the life of the process (its own, not
/// Coinify's).
pub fn generated_key() -> io::Result<&'static GeneratedKey> {
    GENERATED
        .get_or_init(|| generate_key_pair().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| io::Error::other(e.clone()))
}

/// Writes the private half of [`generated_key`] to `dir/`[`GENERATED_KEY_FILE_NAME`]
/// (readable by the owner only on Unix) and answers the file's path. An existing file is
/// replaced.
pub fn write_generated_key(dir: impl AsRef<Path>) -> io::Result<PathBuf> {
    let key = generated_key()?;
    crate::coinify::write_private_key(&dir.as_ref().join(GENERATED_KEY_FILE_NAME), key)
}

/// The sandbox's parsed platform public key, or why it could not be parsed.
pub(crate) type PlatformKey = Result<DecodingKey, String>;

pub(crate) fn platform_key(public_pem: &str) -> PlatformKey {
    DecodingKey::from_rsa_pem(public_pem.as_bytes())
        .map_err(|e| format!("the configured CCPro platform public key is not an RSA PEM key: {e}"))
}
