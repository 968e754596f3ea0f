//! TODO-MODULE prices
