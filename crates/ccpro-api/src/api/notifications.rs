//! TODO-MODULE notifications
