pub mod syndication;
pub mod cluster;
pub mod summarize;
pub mod figures;
mod vector;
