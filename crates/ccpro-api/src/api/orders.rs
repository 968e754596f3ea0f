//! TODO-MODULE orders
