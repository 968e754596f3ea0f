//! The partner key pair the sandbox generates.

use super::*;

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

pub(crate) fn pem(label: &str, der: &[u8]) -> String {
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

pub(crate) static GENERATED: OnceLock<Result<GeneratedKey, String>> = OnceLock::new();

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
    write_private_key(&dir.as_ref().join(GENERATED_KEY_FILE_NAME), key)
}

/// Writes `key`'s private half to `path`, readable by the owner only on Unix, and answers
/// the path (shared with the CCPro room's key).
pub(crate) fn write_private_key(path: &FsPath, key: &GeneratedKey) -> io::Result<PathBuf> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        // The mode applies only to new files; tighten an existing one too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        write_all(file, key.private_key_pem.as_bytes())?;
    }
    #[cfg(not(unix))]
    {
        write_all(options.open(path)?, key.private_key_pem.as_bytes())?;
    }
    Ok(path.to_owned())
}

pub(crate) fn write_all(mut file: std::fs::File, bytes: &[u8]) -> io::Result<()> {
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
