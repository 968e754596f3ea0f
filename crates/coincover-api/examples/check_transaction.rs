//! Example (placeholder).
fn main() {}
