//! The users rows of the table (see [`super`]).

use super::*;

/// #66 `POST /api/v1/user/forgot-password`.
pub static USER_FORGOT_PASSWORD: Operation = Operation {
    name: "user-forgot-password",
    method: Method::POST,
    path: "/api/v1/user/forgot-password",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Starts a password reset: CCPro e-mails the user a token.",
    io: Io::json::<crate::api::users::ForgotPassword>(),
};

/// #67 `POST /api/v1/user/reset-password`.
pub static USER_RESET_PASSWORD: Operation = Operation {
    name: "user-reset-password",
    method: Method::POST,
    path: "/api/v1/user/reset-password",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Sets a new password with the e-mailed reset token.",
    io: Io::json::<crate::api::users::ResetPassword>(),
};

/// #68 `POST /api/v1/user`.
pub static USER_CREATE: Operation = Operation {
    name: "user-create",
    method: Method::POST,
    path: "/api/v1/user",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Creates a user, who gets an activation e-mail.",
    io: Io::json::<crate::api::users::CreateUser>(),
};

/// #69 `POST /api/v1/user/verify`.
pub static USER_VERIFY_EMAIL: Operation = Operation {
    name: "user-verify-email",
    method: Method::POST,
    path: "/api/v1/user/verify",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Activates a new user with the e-mailed code.",
    io: Io::json::<crate::api::users::VerifyEmail>(),
};

/// #70 `POST /api/v1/user/reverify`.
pub static USER_REVERIFY_EMAIL: Operation = Operation {
    name: "user-reverify-email",
    method: Method::POST,
    path: "/api/v1/user/reverify",
    auth: Auth::None,
    retry: RetrySafety::NotIdempotent,
    summary: "Sends the activation e-mail again (once per day).",
    io: Io::json::<crate::api::users::ResendVerificationEmail>(),
};

/// #71 `GET /api/v1/user/{user}`.
pub static USER_PROFILE: Operation = Operation {
    name: "user-profile",
    method: Method::GET,
    path: "/api/v1/user/{user}",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads the user's profile, with KYC, wallets, cards, banks and platforms.",
    io: Io::json::<crate::api::users::ShowUserProfile>(),
};
