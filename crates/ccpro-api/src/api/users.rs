//! TODO-MODULE users
