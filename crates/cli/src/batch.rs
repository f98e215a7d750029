//! Running the pipeline over a batch of inputs: parallel, bounded in memory,
//! with output in input order so runs are byte-identical.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsfuse_ingest::{collect_inputs, read_bytes, read_file, Failure, FileOutcome, ReadOptions};
use rayon::prelude::*;

use crate::{CommonOpts, SAMPLE_CORPUS};

/// One input: a path on disk, or a file of the built-in sample corpus.
pub enum Input {
    Path(PathBuf),
    Sample(&'static str, &'static [u8]),
}

impl Input {
    fn shown(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Sample(name, _) => format!("sample:{name}"),
        }
    }

    fn read(&self, options: &ReadOptions) -> FileOutcome {
        let mut outcome = match self {
            Input::Path(p) => read_file(p, options),
            Input::Sample(name, bytes) => read_bytes(&format!("sample:{name}"), name, bytes, options),
        };
        // A JSONL file or feed can hold thousands of documents: annotate them in parallel too.
        outcome.documents.par_iter_mut().for_each(crate::pipeline::annotate);
        outcome
    }
}

/// Inputs are read this many at a time, in parallel, keeping order.
const CHUNK: usize = 64;

/// Reads every input (the sample corpus when `paths` is empty) and runs the
/// per-document stages, then dates undated documents from the batch. Returns
/// the documents in input order and the failures, already reported.
type Entities = Vec<(newsfuse_entities::resolve::Entity, Vec<String>)>;

pub(crate) fn read_all(paths: Vec<PathBuf>, opts: &CommonOpts) -> (Vec<newsfuse_doc::Document>, Entities, Vec<Failure>, usize) {
    let (inputs, mut failures) = if paths.is_empty() {
        (SAMPLE_CORPUS.iter().map(|(n, b)| Input::Sample(n, b)).collect::<Vec<_>>(), Vec::new())
    } else {
        let (files, failures) = collect_inputs(&paths);
        (files.into_iter().map(Input::Path).collect(), failures)
    };
    for f in &failures {
        eprintln!("newsfuse: error: {f}");
    }
    let options = opts.read_options();
    let pool = opts.pool();
    let clock = Instant::now();
    let progress = Progress::new(inputs.len() as u64, opts.no_progress);
    // All documents are read before any is printed: undated ones are dated
    // from the evidence of the whole batch.
    let mut docs = Vec::new();
    let mut budget = newsfuse_ingest::Budget::new(opts.max_total_mb.saturating_mul(1 << 20));
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<FileOutcome> = if budget.is_full() {
            chunk.iter().map(|input| budget.refuse(&input.shown())).collect()
        } else {
            pool.install(|| chunk.par_iter().map(|input| input.read(&options)).collect())
        };
        for (input, mut outcome) in chunk.iter().zip(outcomes) {
            budget.admit(&input.shown(), &mut outcome);
            for f in &outcome.failures {
                progress.suspend(|| eprintln!("newsfuse: error: {f}"));
            }
            docs.extend(outcome.documents);
            failures.extend(outcome.failures);
            progress.inc();
        }
    }
    opts.timing("read and annotate", clock);
    let clock = Instant::now();
    pool.install(|| crate::pipeline::date_undated(&mut docs));
    progress.finish();
    opts.timing("date undated documents", clock);
    let clock = Instant::now();
    let entities = crate::entities::resolve_batch(&mut docs);
    opts.timing("resolve entities", clock);
    // Quotes last: speakers resolve to the batch's entities, times to the inferred dates.
    let clock = Instant::now();
    pool.install(|| docs.par_iter_mut().for_each(crate::pipeline::annotate_quotes));
    opts.timing("quotes", clock);
    (docs, entities, failures, inputs.len())
}

pub fn read(paths: Vec<PathBuf>, opts: &CommonOpts) -> Result<ExitCode, String> {
    let (docs, _, failures, n_inputs) = read_all(paths, opts);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for doc in &docs {
        serde_json::to_writer(&mut out, doc).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    summarize_counts(n_inputs, docs.len(), &failures);
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Stories analysed (in parallel) and written at a time: bounds memory on large
/// batches; large enough that one big story does not leave the other cores idle
/// at the end of each round.
const STORIES_AT_ONCE: usize = 256;

pub fn analyze(paths: Vec<PathBuf>, format: &str, output: Option<PathBuf>, opts: &CommonOpts) -> Result<ExitCode, String> {
    // The target is checked (its temporary file made) before any work.
    let mut output = output.as_deref().map(crate::output::Output::create).transpose()?;
    let (mut docs, _, failures, n_inputs) = read_all(paths, opts);
    // Tokens were for the per-document stages; the cross-document ones work on
    // sentences, and do not read the source's extra fields.
    for doc in &mut docs {
        doc.tokens = Vec::new();
        doc.extra = Default::default();
    }
    let clock = Instant::now();
    let pool = opts.pool();
    let plan = pool.install(|| newsfuse_fuse::analyze::plan(&docs));
    opts.timing("sources and stories", clock);
    let clock = Instant::now();
    let sink: Box<dyn Write + '_> = match &mut output {
        Some(file) => Box::new(file.file()),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let ctx = newsfuse_report::Context::new(&plan.documents, &plan.sources);
    let n = plan.stories.len();
    let write_err = |e: std::io::Error| format!("cannot write output: {e}");
    // The JSON is written piece by piece, exactly as serde would write the whole `Analysis`.
    let json_err = |e: serde_json::Error| format!("cannot write output: {e}");
    match format {
        "json" => {
            write!(out, "{{\"schema\":{},\"documents\":", serde_json::to_string(newsfuse_fuse::analyze::SCHEMA).map_err(json_err)?).map_err(write_err)?;
            serde_json::to_writer(&mut out, &plan.documents).map_err(json_err)?;
            out.write_all(b",\"sources\":").map_err(write_err)?;
            serde_json::to_writer(&mut out, &plan.sources).map_err(json_err)?;
            out.write_all(b",\"stories\":[").map_err(write_err)?;
        }
        "html" => out.write_all(newsfuse_report::html_head(&ctx, n).as_bytes()).map_err(write_err)?,
        _ => out.write_all(newsfuse_report::markdown_head(&ctx, n).as_bytes()).map_err(write_err)?,
    }
    let ids: Vec<usize> = (0..n).collect();
    for chunk in ids.chunks(STORIES_AT_ONCE) {
        let rendered: Vec<Result<String, String>> = pool.install(|| {
            chunk
                .par_iter()
                // One story per task: stories differ in size by a thousandfold.
                .with_max_len(1)
                .map(|&id| {
                    let story = plan.story(&docs, id);
                    match format {
                        "json" => serde_json::to_string(&story).map_err(json_err),
                        "html" => Ok(newsfuse_report::html_story(&ctx, &story)),
                        _ => Ok(newsfuse_report::markdown_story(&ctx, &story)),
                    }
                })
                .collect()
        });
        for (k, piece) in rendered.into_iter().enumerate() {
            if format == "json" && (chunk[0] + k) > 0 {
                out.write_all(b",").map_err(write_err)?;
            }
            out.write_all(piece?.as_bytes()).map_err(write_err)?;
        }
    }
    match format {
        "json" => out.write_all(b"]}\n").map_err(write_err)?,
        "html" => out.write_all(newsfuse_report::html_tail().as_bytes()).map_err(write_err)?,
        _ => {}
    }
    out.flush().map_err(write_err)?;
    drop(out);
    if let Some(file) = output {
        file.commit()?;
    }
    opts.timing("analyze and write", clock);
    summarize_counts(n_inputs, docs.len(), &failures);
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn cluster(paths: Vec<PathBuf>, opts: &CommonOpts) -> Result<ExitCode, String> {
    let (docs, _, failures, n_inputs) = read_all(paths, opts);
    let stories = newsfuse_fuse::cluster::stories_of(&docs);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (doc, story) in docs.iter().zip(stories) {
        writeln!(out, "{}", serde_json::json!({ "id": doc.id, "cluster": story })).map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    summarize_counts(n_inputs, docs.len(), &failures);
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn summarize(paths: Vec<PathBuf>, words: usize, json: bool, opts: &CommonOpts) -> Result<ExitCode, String> {
    let (docs, _, failures, n_inputs) = read_all(paths, opts);
    let brief = newsfuse_fuse::summarize::summarize(&docs, words);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let write_err = |e: std::io::Error| format!("cannot write output: {e}");
    if json {
        let sentences: Vec<serde_json::Value> = brief
            .iter()
            .map(|c| serde_json::json!({ "text": docs[c.doc].span_text(c.span), "id": docs[c.doc].id, "span": c.span }))
            .collect();
        writeln!(out, "{}", serde_json::json!({ "sentences": sentences })).map_err(write_err)?;
    } else {
        for c in &brief {
            writeln!(out, "{}", docs[c.doc].span_text(c.span)).map_err(write_err)?;
        }
    }
    out.flush().map_err(write_err)?;
    summarize_counts(n_inputs, docs.len(), &failures);
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn entities(paths: Vec<PathBuf>, opts: &CommonOpts) -> Result<ExitCode, String> {
    let (docs, entities, failures, n_inputs) = read_all(paths, opts);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (e, ids) in &entities {
        let line = serde_json::json!({ "canonical": e.canonical, "type": e.label, "aliases": e.aliases, "mentions": e.mentions.len(), "documents": ids });
        writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    summarize_counts(n_inputs, docs.len(), &failures);
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn extract(page: PathBuf, pretty: bool, opts: &CommonOpts) -> Result<ExitCode, String> {
    let options = ReadOptions {
        format: Some(newsfuse_doc::Format::Html),
        ..opts.read_options()
    };
    let outcome = opts.pool().install(|| Input::Path(page).read(&options));
    for f in &outcome.failures {
        eprintln!("newsfuse: error: {f}");
    }
    let Some(doc) = outcome.documents.first() else {
        return Ok(ExitCode::from(1));
    };
    let json = if pretty { serde_json::to_string_pretty(doc) } else { serde_json::to_string(doc) };
    println!("{}", json.map_err(|e| e.to_string())?);
    Ok(if outcome.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn summarize_counts(n_inputs: usize, n_docs: usize, failures: &[Failure]) {
    let failed_files: std::collections::BTreeSet<&str> = failures.iter().map(|f| f.path.as_str()).collect();
    if failures.is_empty() {
        eprintln!("newsfuse: read {n_docs} documents from {n_inputs} inputs");
    } else {
        eprintln!(
            "newsfuse: read {n_docs} documents from {n_inputs} inputs; {} problems in {} inputs (see above)",
            failures.len(),
            failed_files.len()
        );
    }
}

/// A progress bar on stderr that appears only on a terminal and only once a
/// run has lasted two seconds: short runs and pipelines stay quiet.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new(total: u64, disabled: bool) -> Self {
        let bar = (!disabled && std::io::IsTerminal::is_terminal(&std::io::stderr())).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
            bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} inputs, {per_sec}, eta {eta}").unwrap_or_else(|_| ProgressStyle::default_bar()));
            bar
        });
        Progress { bar, started: Instant::now() }
    }

    fn inc(&self) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed() > Duration::from_secs(2) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.inc(1);
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
