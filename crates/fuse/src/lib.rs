pub mod syndication;
pub mod cluster;
pub mod summarize;
pub mod units;
pub mod analyze;
pub mod figures;
mod vector;
