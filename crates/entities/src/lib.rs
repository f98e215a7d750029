//! newsfuse-entities: a fast named-entity tagger in pure Rust.
//!
//! It tags persons, organizations, locations and miscellaneous names (CoNLL-2003) with the
//! averaged perceptron of `newsfuse-learn` over NER features ([`features`]): word forms,
//! shapes, gazetteers from the training data and word clusters learned from unlabeled news
//! ([`clusters`]). [`ner`] holds CoNLL training and evaluation, a second document-aware pass
//! that keeps names consistent, and the compact binary model file (shipped in `models/`).
//!
//! ```
//! use newsfuse_entities::Kind;
//!
//! let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner-conll2003.model"));
//! let model = newsfuse_entities::Model::load(bytes).unwrap();
//! let tags = model.tag(&["Peter", "Blackburn", "visited", "Brussels", "."]);
//! let entities = newsfuse_entities::spans(&tags);
//! let found: Vec<_> = entities.iter().map(|e| (e.start, e.end, e.kind)).collect();
//! assert_eq!(found, [(0, 2, Kind::Per), (3, 4, Kind::Loc)]);
//! // Whole documents: a second pass keeps names consistent across sentences.
//! let doc = vec![vec!["Carl", "Lewis", "won", "."], vec!["LEWIS", "WINS"]];
//! let doc_tags = model.tag_document(&doc);
//! assert_eq!(doc_tags.len(), 2);
//! ```

pub mod clusters;
pub mod features;
pub mod ner;

pub use ner::{doc_hints, read_conll, spans, train, train_file, Kind, LoadError, Model, Scheme, Scores, Scratch, Sentence, Span, Tag, TrainConfig, TrainReport};

#[cfg(test)]
mod tests;
