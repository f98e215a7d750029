//! newsfuse-learn: the learning shared by newsfuse's taggers. A greedy averaged-perceptron
//! sequence tagger ([`perceptron`]) that knows nothing of what it tags: it takes per-token
//! feature hashes from any [`FeatureExtractor`] and a label set (BIO/BILOU transitions are
//! enforced when the labels use them), and stores compactly as quantized weights. Features
//! are never strings: [`hash`] maps (template, value) pairs to 64-bit hashes, and holds the
//! deterministic [`Rng`](hash::Rng) for shuffling and the fast maps for string keys.
//!
//! The named-entity tagger (`newsfuse-entities`) and the quotation tagger
//! (`newsfuse-quotes`) are both built on it, each with its own features and model file.
//!
//! ```
//! use newsfuse_learn::hash::{hash_lower, Rng};
//! use newsfuse_learn::perceptron::{Perceptron, SentenceFeatures, Trainer, NKEYS};
//!
//! // One feature per token: its lower-cased word (template 1).
//! fn features(tokens: &[&str]) -> SentenceFeatures {
//!     let mut sf = SentenceFeatures::default();
//!     sf.clear();
//!     for t in tokens {
//!         sf.feats.push(hash_lower(1, t));
//!         sf.end_token([0; NKEYS]);
//!     }
//!     sf
//! }
//!
//! let labels = vec!["O".to_string(), "TIME".to_string()];
//! let data = vec![
//!     (features(&["see", "you", "tomorrow"]), vec![0u16, 0, 1]),
//!     (features(&["tomorrow", "we", "go"]), vec![1u16, 0, 0]),
//! ];
//! let mut trainer = Trainer::new(Perceptron::new(labels, 12));
//! let mut rng = Rng::new(7);
//! for _ in 0..5 {
//!     trainer.epoch(&data, &mut rng);
//! }
//! let model = trainer.averaged();
//! let (mut scores, mut tags) = (Vec::new(), Vec::new());
//! model.decode(&features(&["call", "me", "tomorrow"]), &mut scores, &mut tags);
//! assert_eq!(tags, [0, 0, 1]);
//! ```

pub mod hash;
pub mod perceptron;

pub use perceptron::{FeatureExtractor, Perceptron, SentenceFeatures, Trainer};
