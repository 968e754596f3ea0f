//! TODO-MODULE balances
