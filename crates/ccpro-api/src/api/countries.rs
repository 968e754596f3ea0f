//! TODO-MODULE countries
