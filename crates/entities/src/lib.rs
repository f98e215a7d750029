//! newsfuse-ner: a fast named-entity tagger in pure Rust.
//!
//! A greedy averaged perceptron over hashed features ([`perceptron`]), generic
//! over label sets and feature extractors so other stages can train it on
//! their own tags; NER features ([`features`]) with gazetteers from the
//! training data and word clusters learned from unlabeled news ([`clusters`]);
//! CoNLL training/evaluation, a second document-aware pass, and a compact
//! binary model file ([`ner`]).
//!
//! ```no_run
//! let bytes = std::fs::read("ner.model").unwrap();
//! let model = newsfuse_entities::Model::load(&bytes).unwrap();
//! let tags = model.tag(&["Peter", "Blackburn", "visited", "Brussels", "."]);
//! let entities = newsfuse_entities::spans(&tags);
//! // Whole documents: a second pass keeps names consistent across sentences.
//! let doc = vec![vec!["Carl", "Lewis", "won", "."], vec!["LEWIS", "WINS"]];
//! let doc_tags = model.tag_document(&doc);
//! ```

pub mod clusters;
pub mod features;
pub mod hash;
pub mod ner;
pub mod perceptron;
pub mod resolve;

pub use ner::{doc_hints, read_conll, spans, train, train_file, Kind, LoadError, Model, Scheme, Scores, Scratch, Sentence, Span, Tag, TrainConfig, TrainReport};

#[cfg(test)]
mod tests;
