//! Coinify's signer: a partner JWT for the KYC operations, nothing for the public ones.

use payments_core::auth::{JwtClaims, JwtSigner};
use payments_core::bytes::Bytes;
use payments_core::{SignContext, SignError, Signer};

/// Signs the requests that carry [`JwtClaims`] (KYC, document uploads) with a fresh RS256
/// or RS512 token per attempt (`iat`, `exp` and a unique `jti` added), sent as
/// `Authorization: Bearer`; sends the others (quote, countries, payment methods) as they
/// are.
pub(crate) struct CoinifySigner {
    pub(crate) jwt: Option<JwtSigner>,
}

impl std::fmt::Debug for CoinifySigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoinifySigner")
            .field("jwt", &self.jwt)
            .finish()
    }
}

impl Signer for CoinifySigner {
    fn sign(
        &self,
        req: &mut payments_core::http::Request<Bytes>,
        cx: &SignContext<'_>,
    ) -> Result<(), SignError> {
        if req.extensions().get::<JwtClaims>().is_none() {
            return Ok(());
        }
        match &self.jwt {
            Some(jwt) => jwt.sign(req, cx),
            None => Err(SignError(
                "this operation needs the partner's RSA private key; none was configured".into(),
            )),
        }
    }
}
