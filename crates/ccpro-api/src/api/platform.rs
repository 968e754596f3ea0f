//! TODO-MODULE platform
