//! TODO-MODULE currencies
