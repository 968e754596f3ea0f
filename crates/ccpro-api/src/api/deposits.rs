//! TODO-MODULE deposits
