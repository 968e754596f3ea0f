//! CCPro: the room's auth, state and transitions, driven in-process through the router.
//! Platform JWTs are signed here with `jsonwebtoken` (RS512), independently of `ccpro-api`.

mod assets;
mod auth;
mod docs;
mod kyc;
mod support;
mod trade;
mod users;
