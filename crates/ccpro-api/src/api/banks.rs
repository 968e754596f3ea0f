//! TODO-MODULE banks
