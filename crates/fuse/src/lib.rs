pub mod syndication;
