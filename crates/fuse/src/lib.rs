pub mod syndication;
pub mod cluster;
pub mod summarize;
mod vector;
