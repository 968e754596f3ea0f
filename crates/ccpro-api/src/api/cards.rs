//! TODO-MODULE cards
