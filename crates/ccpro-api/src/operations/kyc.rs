//! The kyc rows of the table (see [`super`]).

use super::*;

/// #20 `GET /api/v1/user/{user}/kyc`.
pub static KYC_SHOW: Operation = Operation {
    name: "kyc-show",
    method: Method::GET,
    path: "/api/v1/user/{user}/kyc",
    auth: Auth::Session,
    retry: RetrySafety::Idempotent,
    summary: "Reads the user's KYC: level, limits, hosted step pages and each step's status.",
    io: Io::json::<crate::api::kyc::ShowKyc>(),
};

/// #21 `POST /api/v1/user/{user}/kyc`.
pub static KYC_CREATE: Operation = Operation {
    name: "kyc-create",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the whole KYC: address, identity documents and optional EDD answers (multipart).",
    io: Io::with_files::<crate::api::kyc::CreateKyc>(),
};

/// #22 `POST /api/v1/user/{user}/kyc/personal-data`.
pub static KYC_PERSONAL_DATA: Operation = Operation {
    name: "kyc-personal-data",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/personal-data",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the user's name and date of birth.",
    io: Io::json::<crate::api::kyc::SubmitKycPersonalData>(),
};

/// #23 `POST /api/v1/user/{user}/kyc/address`.
pub static KYC_ADDRESS: Operation = Operation {
    name: "kyc-address",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/address",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the user's address, with an optional utility bill (multipart).",
    io: Io::with_files::<crate::api::kyc::SubmitKycAddress>(),
};

/// #24 `POST /api/v1/user/{user}/kyc/document`.
pub static KYC_DOCUMENT: Operation = Operation {
    name: "kyc-document",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/document",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Uploads one identity document (multipart).",
    io: Io::with_files::<crate::api::kyc::UploadKycDocument>(),
};

/// #25 `POST /api/v1/user/{user}/kyc/video`.
pub static KYC_VIDEO: Operation = Operation {
    name: "kyc-video",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/video",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Books the KYC video call at a date.",
    io: Io::json::<crate::api::kyc::ScheduleKycVideo>(),
};

/// #26 `POST /api/v1/user/{user}/kyc/edd`.
pub static KYC_EDD: Operation = Operation {
    name: "kyc-edd",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/edd",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Submits the enhanced-due-diligence answers and proofs (multipart).",
    io: Io::with_files::<crate::api::kyc::SubmitKycEdd>(),
};

/// #27 `POST /api/v1/user/{user}/kyc/phone/add`.
pub static KYC_PHONE_ADD: Operation = Operation {
    name: "kyc-phone-add",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/phone/add",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Adds the user's phone number; CCPro texts it a code.",
    io: Io::json::<crate::api::kyc::AddKycPhone>(),
};

/// #28 `POST /api/v1/user/{user}/kyc/phone/verify`.
pub static KYC_PHONE_VERIFY: Operation = Operation {
    name: "kyc-phone-verify",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/phone/verify",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Confirms the phone number with the SMS code.",
    io: Io::json::<crate::api::kyc::VerifyKycPhone>(),
};

/// #29 `POST /api/v1/user/{user}/kyc/phone/reverify`.
pub static KYC_PHONE_REVERIFY: Operation = Operation {
    name: "kyc-phone-reverify",
    method: Method::POST,
    path: "/api/v1/user/{user}/kyc/phone/reverify",
    auth: Auth::Session,
    retry: RetrySafety::NotIdempotent,
    summary: "Sends the SMS code again (once per day).",
    io: Io::json::<crate::api::kyc::ResendKycPhoneCode>(),
};
