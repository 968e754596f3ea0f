//! TODO-MODULE kyc
