//! TODO-MODULE quotes
