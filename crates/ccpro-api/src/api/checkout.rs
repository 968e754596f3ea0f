//! TODO-MODULE checkout
