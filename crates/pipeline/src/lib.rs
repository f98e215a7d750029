//! The newsfuse pipeline as a library: the one place that turns inputs into
//! annotated [`Document`]s, and a batch of documents into stories ready for
//! the cross-checked record.
//!
//! The command-line tool, the training tools, and any server or binding are
//! thin layers over [`Pipeline`]: it owns the order of the stages, the
//! embedded models and the glue between the stage crates (which know nothing
//! of each other).
//!
//! Per document ([`Pipeline::annotate`]): language, sentences and tokens
//! (`newsfuse-text`), named entities on English documents (the embedded
//! CoNLL-2003 model, [`entities`]), time expressions (`newsfuse-time`).
//! Per batch ([`Pipeline::finish_batch`], after every document is read):
//! undated documents are dated from the evidence of the batch, mentions are
//! resolved into entities across documents, statements are found (after
//! resolution, so that speakers are the batch's entities and quote times use
//! inferred dates), and figures (after dating, which may re-tag the times
//! that figures leave out).
//!
//! ```
//! use newsfuse_pipeline::{Config, Input, Pipeline, Quiet};
//!
//! let pipeline = Pipeline::new(Config::default()).unwrap();
//! let page = b"BERLIN (Reuters) - Chancellor Olaf Scholz said on Monday that talks with the unions \
//!     would go on through the week, and that he expected a deal before the holidays.".to_vec();
//! let batch = pipeline.run(&[Input::bytes("call.txt", page)], &Quiet);
//! let doc = &batch.documents[0];
//! assert_eq!(doc.dateline.as_ref().unwrap().agency.as_deref(), Some("Reuters"));
//! assert!(doc.mentions.iter().any(|m| doc.span_text(m.span) == "Olaf Scholz"));
//! assert_eq!(doc.quotes.len(), 1);
//! ```

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

pub use newsfuse_doc::Document;
pub use newsfuse_ingest::{Extractor, Failure, FileOutcome, ReadOptions};
pub use newsfuse_quotes::Method as QuoteMethod;

pub mod entities;
pub mod plain;
pub mod stages;

include!(concat!(env!("OUT_DIR"), "/sample_corpus.rs"));

/// One input: a path on disk (a file, a directory's file, or `-` for
/// stdin), or bytes already in memory (the built-in sample corpus, an upload).
pub enum Input {
    Path(PathBuf),
    Bytes {
        /// What failures and `origin.path` call it: `sample:story.html`, an upload's name.
        label: String,
        /// The file name, whose extension helps detect the format.
        name: String,
        bytes: std::borrow::Cow<'static, [u8]>,
    },
}

impl Input {
    /// How failures name this input.
    pub fn shown(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Bytes { label, .. } => label.clone(),
        }
    }

    /// Bytes in memory, labelled with their file name.
    pub fn bytes(name: &str, bytes: Vec<u8>) -> Input {
        Input::Bytes { label: name.to_string(), name: name.to_string(), bytes: bytes.into() }
    }
}

/// The inputs that `paths` name: files, directories expanded recursively in
/// sorted order, `-` for stdin; the built-in sample corpus when `paths` is
/// empty. Paths that cannot be listed come back as failures.
pub fn inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Failure>) {
    if paths.is_empty() {
        let sample = SAMPLE_CORPUS
            .iter()
            .map(|(name, bytes)| Input::Bytes { label: format!("sample:{name}"), name: name.to_string(), bytes: (*bytes).into() })
            .collect();
        return (sample, Vec::new());
    }
    let (files, failures) = newsfuse_ingest::collect_inputs(paths);
    (files.into_iter().map(Input::Path).collect(), failures)
}

/// How a [`Pipeline`] reads and which components it uses.
#[derive(Clone)]
pub struct Config {
    /// Extractor, size limits and format override for the readers.
    pub read: ReadOptions,
    /// Worker threads; one per core when `None`.
    pub threads: Option<usize>,
    /// Bytes read from all inputs of one run together (`--max-total-mb`):
    /// inputs past it are refused unread, in input order.
    pub max_total_bytes: usize,
    /// Which component finds statements (the tagger completed by the rules by default).
    pub quotes: QuoteMethod,
}

impl Default for Config {
    fn default() -> Self {
        Config { read: ReadOptions::default(), threads: None, max_total_bytes: 2048 << 20, quotes: QuoteMethod::default() }
    }
}

/// What a run reports as it goes: failures as they happen, progress, and
/// each stage's end. Every method has an empty default.
pub trait Observer: Sync {
    /// An input (or one item of it) could not be read.
    fn failure(&self, _failure: &Failure) {}
    /// One more input was read and annotated.
    fn input_done(&self) {}
    /// A stage that began at `started` is done.
    fn stage_done(&self, _stage: &str, _started: Instant) {}
}

/// An [`Observer`] that ignores everything.
pub struct Quiet;
impl Observer for Quiet {}

/// A resolved entity with the ids of the documents it appears in.
pub type EntityDocs = (newsfuse_fuse::entities::Entity, Vec<String>);

/// The documents of a run, in input order, with what came with them.
pub struct Batch {
    pub documents: Vec<Document>,
    /// The entities of the batch, each with the documents that mention it.
    pub entities: Vec<EntityDocs>,
    /// Every input or item that could not be read (already passed to the observer).
    pub failures: Vec<Failure>,
    /// How many inputs were given (files, not documents).
    pub inputs: usize,
}

/// Inputs are read this many at a time, in parallel, keeping order: bounds
/// the bytes held at once while keeping every core busy.
const CHUNK: usize = 64;

/// The most worker threads a pipeline starts.
pub const MAX_THREADS: usize = 256;

/// The pipeline: stage order, models and the worker pool.
pub struct Pipeline {
    config: Config,
    pool: rayon::ThreadPool,
}

impl Pipeline {
    /// A pipeline with its own worker pool. Fails only when the pool's threads
    /// cannot be started.
    pub fn new(config: Config) -> Result<Self, String> {
        // Stacks large enough for the peer HTML parsers' recursion.
        let mut builder = rayon::ThreadPoolBuilder::new().stack_size(64 << 20);
        if let Some(threads) = config.threads {
            // Thousands of threads would stall the machine, not speed it up.
            if !(1..=MAX_THREADS).contains(&threads) {
                return Err(format!("{threads} worker threads: use 1 to {MAX_THREADS}"));
            }
            builder = builder.num_threads(threads);
        }
        let pool = builder.build().map_err(|e| format!("cannot start worker threads: {e}"))?;
        Ok(Pipeline { config, pool })
    }

    /// The worker pool, for callers that parallelize their own work the same way.
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Runs the per-document stages on a document the ingest stage read:
    /// language, sentences, tokens, named entities (English), time expressions.
    pub fn annotate(&self, doc: &mut Document) {
        stages::annotate(doc);
    }

    /// Reads one input and annotates its documents (in parallel: a JSONL file
    /// or feed can hold thousands).
    pub fn read(&self, input: &Input) -> FileOutcome {
        let options = &self.config.read;
        let mut outcome = match input {
            Input::Path(path) => newsfuse_ingest::read_file(path, options),
            Input::Bytes { label, name, bytes } => newsfuse_ingest::read_bytes(label, name, bytes, options),
        };
        self.pool.install(|| outcome.documents.par_iter_mut().for_each(stages::annotate));
        outcome
    }

    /// Reads every input, runs the per-document stages, then the batch stages
    /// ([`Pipeline::finish_batch`]). Documents come back in input order, so the
    /// result is the same at any thread count.
    pub fn run(&self, inputs: &[Input], observer: &dyn Observer) -> Batch {
        let clock = Instant::now();
        // All documents are read before the batch stages: undated ones are dated
        // from the evidence of the whole batch.
        let mut documents = Vec::new();
        let mut failures = Vec::new();
        // Counted in input order, so what is refused does not depend on the
        // thread count; memory holds at most the budget plus one chunk.
        let mut budget = newsfuse_ingest::Budget::new(self.config.max_total_bytes);
        for chunk in inputs.chunks(CHUNK) {
            let outcomes: Vec<FileOutcome> = if budget.is_full() {
                chunk.iter().map(|input| budget.refuse(&input.shown())).collect()
            } else {
                self.pool.install(|| chunk.par_iter().map(|input| self.read(input)).collect())
            };
            for (input, mut outcome) in chunk.iter().zip(outcomes) {
                budget.admit(&input.shown(), &mut outcome);
                for failure in &outcome.failures {
                    observer.failure(failure);
                }
                documents.extend(outcome.documents);
                failures.extend(outcome.failures);
                observer.input_done();
            }
        }
        observer.stage_done("read and annotate", clock);
        let entities = self.finish_batch(&mut documents, observer);
        Batch { documents, entities, failures, inputs: inputs.len() }
    }

    /// The stages that need the whole batch, in order: dating undated
    /// documents, resolving entities across documents, then statements (so
    /// speakers resolve to the batch's entities and quote times to the
    /// inferred dates) and figures (per document, on the final times).
    pub fn finish_batch(&self, docs: &mut [Document], observer: &dyn Observer) -> Vec<EntityDocs> {
        let clock = Instant::now();
        self.pool.install(|| stages::date_undated(docs));
        observer.stage_done("date undated documents", clock);
        let clock = Instant::now();
        let entities = entities::resolve_batch(docs);
        observer.stage_done("resolve entities", clock);
        let clock = Instant::now();
        let method = self.config.quotes;
        self.pool.install(|| docs.par_iter_mut().for_each(|doc| stages::annotate_quotes(doc, method)));
        observer.stage_done("quotes", clock);
        // Figures leave out dates and times, so they follow the final time expressions.
        let clock = Instant::now();
        self.pool.install(|| docs.par_iter_mut().for_each(stages::annotate_figures));
        observer.stage_done("figures", clock);
        entities
    }

    /// A document whose text is exactly `text` (paragraphs split on blank
    /// lines), with every per-document stage and the document's own entities
    /// resolved: how gold sets of plain text (PolNeAR) are read, for
    /// evaluation and for training. Statements are left to the caller.
    pub fn annotate_plain(&self, id: &str, text: String) -> Document {
        let mut doc = plain::plain_document(id, text);
        plain::annotate_plain(&mut doc);
        doc
    }

    /// The statements of a document with their clause spans, by the
    /// configured method (as [`Pipeline::finish_batch`] finds them).
    pub fn attributions(&self, doc: &Document) -> Vec<newsfuse_quotes::Attribution> {
        newsfuse_quotes::find_attributions_with(doc, self.config.quotes)
    }

    /// Prepares a batch for cross-document analysis and plans it: independent
    /// sources and stories (`newsfuse_fuse::analyze::plan`). Tokens and the
    /// sources' extra fields are dropped first: the cross-document stages
    /// work on sentences, and a large batch should not hold both.
    pub fn plan(&self, docs: &mut [Document]) -> newsfuse_fuse::analyze::Plan {
        for doc in docs.iter_mut() {
            doc.tokens = Vec::new();
            doc.extra = Default::default();
        }
        self.pool.install(|| newsfuse_fuse::analyze::plan(docs))
    }

    /// The records of the stories `ids` of a plan, in parallel, in the order given.
    pub fn stories<T: Send>(
        &self,
        plan: &newsfuse_fuse::analyze::Plan,
        docs: &[Document],
        ids: &[usize],
        render: impl Fn(newsfuse_fuse::analyze::Story) -> T + Sync,
    ) -> Vec<T> {
        self.pool.install(|| {
            ids.par_iter()
                // One story per task: stories differ in size by a thousandfold.
                .with_max_len(1)
                .map(|&id| render(plan.story(docs, id)))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_corpus_is_built_in() {
        let (inputs, failures) = inputs(&[]);
        assert!(failures.is_empty());
        assert!(inputs.len() >= 5, "{} sample files", inputs.len());
        let batch = Pipeline::new(Config::default()).unwrap().run(&inputs, &Quiet);
        assert!(batch.failures.is_empty());
        assert!(batch.documents.len() >= inputs.len());
        assert!(!batch.entities.is_empty());
        for doc in &batch.documents {
            doc.check_spans().unwrap();
        }
    }

    #[test]
    fn output_does_not_depend_on_the_thread_count() {
        let (inputs, _) = inputs(&[]);
        let run = |threads| {
            let pipeline = Pipeline::new(Config { threads: Some(threads), ..Config::default() }).unwrap();
            serde_json::to_string(&pipeline.run(&inputs, &Quiet).documents).unwrap()
        };
        assert_eq!(run(1), run(3));
    }
}
