pub mod syndication;
pub mod cluster;
