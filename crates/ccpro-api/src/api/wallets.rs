//! TODO-MODULE wallets
