//! TODO-MODULE transfers
