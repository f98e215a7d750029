//! Running the pipeline over a batch of inputs: parallel, bounded in memory,
//! with output in input order so runs are byte-identical.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsfuse_pipeline::{Batch, Config, Failure, Input, Observer, Pipeline, QuoteMethod, ReadOptions};

use crate::CommonOpts;

/// Runs the pipeline over the inputs `paths` name (the sample corpus when
/// there are none), reporting failures, progress and timings on stderr.
pub(crate) fn read_all(paths: Vec<PathBuf>, opts: &CommonOpts) -> Result<(Pipeline, Batch), String> {
    read_all_with(paths, opts, QuoteMethod::default())
}

/// [`read_all`], finding statements by the given method.
pub(crate) fn read_all_with(paths: Vec<PathBuf>, opts: &CommonOpts, quotes: QuoteMethod) -> Result<(Pipeline, Batch), String> {
    let pipeline = opts.pipeline(Config { read: opts.read_options(), quotes, ..Config::default() })?;
    let (inputs, early) = newsfuse_pipeline::inputs(&paths);
    for f in &early {
        eprintln!("newsfuse: error: {f}");
    }
    let observer = Reporter { progress: Progress::new(inputs.len() as u64, opts.no_progress), opts };
    let mut batch = pipeline.run(&inputs, &observer);
    observer.progress.finish();
    batch.failures.splice(0..0, early);
    Ok((pipeline, batch))
}

/// Failures and progress on stderr as the run goes, and `--timings`.
struct Reporter<'a> {
    progress: Progress,
    opts: &'a CommonOpts,
}

impl Observer for Reporter<'_> {
    fn failure(&self, failure: &Failure) {
        self.progress.suspend(|| eprintln!("newsfuse: error: {failure}"));
    }

    fn input_done(&self) {
        self.progress.inc();
    }

    fn stage_done(&self, stage: &str, started: Instant) {
        if stage == "date undated documents" {
            // The bar counts inputs; it is done once they are read.
            self.progress.finish();
        }
        self.opts.timing(stage, started);
    }
}

pub fn read(paths: Vec<PathBuf>, opts: &CommonOpts) -> Result<ExitCode, String> {
    let (_, Batch { documents: docs, failures, inputs: n_inputs, .. }) = read_all(paths, opts)?;
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
    let (pipeline, Batch { documents: mut docs, failures, inputs: n_inputs, .. }) = read_all(paths, opts)?;
    let clock = Instant::now();
    let plan = pipeline.plan(&mut docs);
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
        let rendered: Vec<Result<String, String>> = pipeline.stories(&plan, &docs, chunk, |story| match format {
            "json" => serde_json::to_string(&story).map_err(json_err),
            "html" => Ok(newsfuse_report::html_story(&ctx, &story)),
            _ => Ok(newsfuse_report::markdown_story(&ctx, &story)),
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
    let (_, Batch { documents: docs, failures, inputs: n_inputs, .. }) = read_all(paths, opts)?;
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
    let (_, Batch { documents: docs, failures, inputs: n_inputs, .. }) = read_all(paths, opts)?;
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
    let (_, Batch { documents: docs, entities, failures, inputs: n_inputs }) = read_all(paths, opts)?;
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
    let read = ReadOptions { format: Some(newsfuse_doc::Format::Html), ..opts.read_options() };
    let outcome = opts.pipeline(Config { read, ..Config::default() })?.read(&Input::Path(page));
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
