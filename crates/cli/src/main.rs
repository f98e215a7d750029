//! `newsfuse`: the command-line front end. It parses arguments, runs the
//! pipeline stages over the inputs in parallel, prints JSON on stdout and
//! diagnostics on stderr. Exit codes: 0 all inputs read, 1 some failed,
//! 2 usage error.

mod batch;
mod eval;
mod output;
mod quotes_cmd;
mod timex;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use newsfuse_ingest::{Extractor, ReadOptions};

#[derive(Parser)]
#[command(
    name = "newsfuse",
    version,
    about = "Turns many news reports of the same events into one cross-checked record.",
    long_about = "Turns many news reports of the same events into one cross-checked record.\n\n\
        Reads HTML pages, RSS/Atom/JSON feeds, JSONL, WARC and plain text (gzipped or not, any common \
        encoding), and writes JSON on stdout. Diagnostics go to stderr. Exit status: 0 when every input \
        was read, 1 when some inputs failed (the rest are still processed), 2 on a usage error.",
    after_help = "Run `newsfuse read` with no paths to read the built-in sample corpus."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The main job: read the articles, group them into stories and write the cross-checked
    /// record: independent sources, entities, quotes matched across outlets, corroborated
    /// statements, figures, conflicts, timeline, per-outlet additions and a cited brief.
    ///
    /// With no PATHS, analyses the built-in sample corpus.
    Analyze {
        paths: Vec<PathBuf>,
        /// `json` (schema `newsfuse.analysis/1`, see docs/schema.md), `md` or `html`
        /// (one self-contained page).
        #[arg(long, default_value = "md", value_parser = ["json", "md", "html"])]
        format: String,
        /// Write to this file instead of stdout.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        #[command(flatten)]
        opts: CommonOpts,
    },
    /// Read articles and print one JSON document per line (JSONL).
    ///
    /// PATHS may be files, directories (read recursively, in sorted order) or `-` for stdin.
    /// Formats are detected from content and extension; `.gz` files are decompressed.
    /// With no PATHS, reads the built-in sample corpus.
    Read {
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: CommonOpts,
    },
    /// Extract one HTML page (plain or .gz) and print the document as one JSON object.
    Extract {
        page: PathBuf,
        /// Indent the JSON for reading.
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        opts: CommonOpts,
    },
    /// Tag time expressions in TimeML files (.tml, .TE3input): writes OUT_DIR/<name>.tml with
    /// TIMEX3 tags inside TEXT, the text itself untouched; the DCT is read from each file.
    Timex {
        /// Folder of .tml / .TE3input files.
        #[arg(long)]
        timeml: PathBuf,
        /// Folder to write the tagged .tml files to.
        #[arg(long)]
        out: PathBuf,
    },
    /// Tag named entities in a CoNLL file: prints its lines with the predicted IOB2 tag appended.
    Ner {
        /// CoNLL input (`token ...` per line, blank lines between sentences, -DOCSTART- between documents).
        #[arg(long)]
        conll: PathBuf,
        /// Tag each sentence alone (no document-level second pass).
        #[arg(long)]
        sentences: bool,
    },
    /// Resolve the entities of the articles: one JSON line per entity with its canonical
    /// name, type, aliases, mention count and documents.
    Entities {
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: CommonOpts,
    },
    /// Group articles into stories and print one `{"id", "cluster"}` line per document.
    ///
    /// Documents are taken in input order; each joins the most similar story or opens one.
    Cluster {
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: CommonOpts,
    },
    /// An extractive brief of the articles: central, early, corroborated sentences, each cited.
    ///
    /// Prints one sentence per line; with --json, one object whose sentences carry the
    /// document id and the [start, end] byte span they come from.
    Summarize {
        paths: Vec<PathBuf>,
        /// Stop once the brief has this many words.
        #[arg(long, default_value_t = 100)]
        words: usize,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        opts: CommonOpts,
    },
    /// Write predictions for the extraction gold sets, in the formats their scorers read.
    Eval {
        #[command(subcommand)]
        set: eval::EvalSet,
    },
    /// Direct and reported statements with their speakers (JSON lines), or PolNeAR brat files with --brat.
    Quotes(quotes_cmd::QuotesArgs),
    /// Measure speed: pages per second per core over a directory of *.html(.gz) pages.
    Bench {
        #[command(subcommand)]
        what: eval::BenchWhat,
    },
}

#[derive(Args, Clone)]
pub struct CommonOpts {
    /// Main-text extractor for HTML pages.
    #[arg(long, default_value = "newsfuse", value_parser = parse_extractor)]
    extractor: Extractor,
    /// Largest input holding one document (a page, a text, a feed), in MB read
    /// and in MB after decompression; stdin, FIFOs and devices included.
    #[arg(long, default_value_t = 32)]
    max_mb: usize,
    /// Largest JSONL, WARC or JSON file (and stdin), which hold many documents,
    /// in MB read and in MB after decompression.
    #[arg(long, default_value_t = 512)]
    max_container_mb: usize,
    /// Most MB after decompression read from all inputs together; inputs past
    /// it are refused.
    #[arg(long, default_value_t = 2048)]
    max_total_mb: usize,
    /// Most times a gzip file may inflate its size (checked past 1 MB).
    #[arg(long, default_value_t = 100)]
    max_ratio: usize,
    /// Most documents kept from one input (a JSONL, feed or WARC file).
    #[arg(long, default_value_t = 100_000)]
    max_docs: usize,
    /// Worker threads, 1 to 256 (default: one per core).
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Never show a progress bar (it is shown only on a terminal, after two seconds).
    #[arg(long)]
    no_progress: bool,
    /// Print how long each stage took, on stderr.
    #[arg(long)]
    timings: bool,
}

fn parse_extractor(s: &str) -> Result<Extractor, String> {
    s.parse()
}

impl CommonOpts {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            extractor: self.extractor,
            max_bytes: self.max_mb.saturating_mul(1 << 20),
            max_container_bytes: self.max_container_mb.saturating_mul(1 << 20),
            max_ratio: self.max_ratio,
            max_documents: self.max_docs,
            format: None,
        }
    }

    /// Reports a stage's duration on stderr when `--timings` asks for it.
    fn timing(&self, stage: &str, since: std::time::Instant) {
        if self.timings {
            // Resident memory now (Linux), so that memory growth can be traced to a stage.
            let rss_mb = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()))
                .map(|pages| pages * 4096 / (1 << 20));
            let rss = rss_mb.map(|m| format!(", {m} MB resident")).unwrap_or_default();
            // CPU time used so far (user + system, Linux): with the wall time of each
            // stage it shows how well the stage keeps the cores busy.
            let cpu = std::fs::read_to_string("/proc/self/stat")
                .ok()
                .and_then(|s| {
                    let fields: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
                    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
                })
                .map(|ticks| format!(", {:.1} s CPU in all", ticks as f64 / 100.0))
                .unwrap_or_default();
            eprintln!("newsfuse: {stage}: {:.2} s{rss}{cpu}", since.elapsed().as_secs_f64());
        }
    }

    /// The pipeline these options ask for: `config` with the thread count
    /// and the batch's byte budget of the command line.
    fn pipeline(&self, config: newsfuse_pipeline::Config) -> Result<newsfuse_pipeline::Pipeline, String> {
        newsfuse_pipeline::Pipeline::new(newsfuse_pipeline::Config {
            threads: self.jobs.map(usize::from),
            max_total_bytes: self.max_total_mb.saturating_mul(1 << 20),
            ..config
        })
    }
}

/// `newsfuse ner --conll IN`: CoNLL in, the same lines with the predicted tag appended out.
fn ner_conll(path: &std::path::Path, per_sentence: bool) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    print!("{}", newsfuse_pipeline::entities::model().tag_conll(&text, per_sentence));
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze { paths, format, output, opts } => batch::analyze(paths, &format, output, &opts),
        Command::Read { paths, opts } => batch::read(paths, &opts),
        Command::Extract { page, pretty, opts } => batch::extract(page, pretty, &opts),
        Command::Timex { timeml, out } => timex::run(&timeml, &out),
        Command::Cluster { paths, opts } => batch::cluster(paths, &opts),
        Command::Ner { conll, sentences } => ner_conll(&conll, sentences),
        Command::Entities { paths, opts } => batch::entities(paths, &opts),
        Command::Summarize { paths, words, json, opts } => batch::summarize(paths, words, json, &opts),
        Command::Eval { set } => eval::run(set),
        Command::Bench { what } => eval::bench(what),
        Command::Quotes(args) => quotes_cmd::run(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsfuse: error: {message}");
            ExitCode::from(2)
        }
    }
}
