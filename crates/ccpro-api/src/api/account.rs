//! TODO-MODULE account
