//! TODO-MODULE securities
