//! CoinCover
