//! Gold-set predictions and speed measurements for the extraction stage.
//!
//! `eval aeb` and `eval wcxb` write exactly what `../shared/scorers/score_extraction.py`
//! reads; `bench extract` times extraction the way `../shared/peers/run_trafilatura.py`
//! times trafilatura (pages decompressed and decoded to text up front, then only
//! the extraction calls timed, one thread) so the two numbers compare.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;
use newsfuse_doc::Format;
use newsfuse_ingest::{read_bytes, Extractor, ReadOptions};
use rayon::prelude::*;
use serde_json::{json, Map, Value};

#[derive(Subcommand)]
pub enum EvalSet {
    /// Article Extraction Benchmark: writes `{id: {"articleBody": text}}` for score_extraction.py.
    Aeb {
        /// Folder of `<id>.html.gz` pages.
        html_dir: PathBuf,
        /// Prediction file to write.
        out: PathBuf,
        #[arg(long, default_value = "newsfuse", value_parser = crate::parse_extractor)]
        extractor: Extractor,
    },
    /// WCXB: writes `<id>.json` with text, title, author, published for score_extraction.py.
    Wcxb {
        html_dir: PathBuf,
        out_dir: PathBuf,
        #[arg(long, default_value = "newsfuse", value_parser = crate::parse_extractor)]
        extractor: Extractor,
    },
    /// Document dating: each `*.jsonl` file of GROUPS_DIR is one group of documents (dates left
    /// out); writes one JSON line per document with what newsfuse infers of its date
    /// (`{group, id, date?, partial?, provenance, confidence?, evidence}`), the group dated
    /// together, or with --alone each document on its own. `scripts/eval_dating.py` scores it.
    Dating {
        groups_dir: PathBuf,
        out: PathBuf,
        #[arg(long)]
        alone: bool,
    },
}

#[derive(Subcommand)]
pub enum BenchWhat {
    /// Extraction speed over `*.html.gz` / `*.html` pages, one thread, median of several passes.
    Extract {
        html_dir: PathBuf,
        /// Number of timed passes over all pages.
        #[arg(long, default_value_t = 5)]
        passes: usize,
        #[arg(long, default_value = "newsfuse", value_parser = crate::parse_extractor)]
        extractor: Extractor,
    },
}

/// Loads every page of a folder: (id, decompressed bytes), sorted by id.
fn load_pages(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut pages = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        if !(name.ends_with(".html.gz") || name.ends_with(".html")) {
            continue;
        }
        let id = name.split('.').next().unwrap_or("").to_string();
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let bytes = if name.ends_with(".gz") {
            let mut out = Vec::new();
            use std::io::Read;
            flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out).map_err(|e| format!("{}: {e}", path.display()))?;
            out
        } else {
            raw
        };
        pages.push((id, bytes));
    }
    pages.sort();
    if pages.is_empty() {
        return Err(format!("no *.html or *.html.gz pages in {}", dir.display()));
    }
    Ok(pages)
}

fn options(extractor: Extractor) -> ReadOptions {
    ReadOptions {
        extractor,
        format: Some(Format::Html),
        ..ReadOptions::default()
    }
}

/// Reads one page; failures become an empty prediction and a message.
fn extract_page(id: &str, bytes: &[u8], options: &ReadOptions) -> Option<newsfuse_doc::Document> {
    let outcome = read_bytes(id, &format!("{id}.html"), bytes, options);
    for f in &outcome.failures {
        eprintln!("newsfuse: {f}");
    }
    outcome.documents.into_iter().next()
}

pub fn run(set: EvalSet) -> Result<ExitCode, String> {
    let pool = rayon::ThreadPoolBuilder::new().stack_size(64 << 20).build().map_err(|e| e.to_string())?;
    match set {
        EvalSet::Dating { groups_dir, out, alone } => dating(&groups_dir, &out, alone)?,
        EvalSet::Aeb { html_dir, out, extractor } => {
            let pages = load_pages(&html_dir)?;
            let opts = options(extractor);
            let docs: Vec<(String, String)> = pool.install(|| {
                pages.par_iter().map(|(id, bytes)| (id.clone(), extract_page(id, bytes, &opts).map(|d| d.text).unwrap_or_default())).collect()
            });
            let mut map = Map::new();
            for (id, text) in docs {
                map.insert(id, json!({ "articleBody": text }));
            }
            std::fs::write(&out, serde_json::to_string(&Value::Object(map)).map_err(|e| e.to_string())?).map_err(|e| format!("{}: {e}", out.display()))?;
            eprintln!("newsfuse: wrote {} predictions to {}", pages.len(), out.display());
        }
        EvalSet::Wcxb { html_dir, out_dir, extractor } => {
            let pages = load_pages(&html_dir)?;
            std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
            let opts = options(extractor);
            let results: Vec<(String, Value)> = pool.install(|| {
                pages
                    .par_iter()
                    .map(|(id, bytes)| {
                        let value = match extract_page(id, bytes, &opts) {
                            Some(d) => json!({
                                "text": d.text,
                                "title": d.title,
                                "author": display_names(&d.byline),
                                "published": d.published.date,
                            }),
                            None => json!({ "text": "" }),
                        };
                        (id.clone(), value)
                    })
                    .collect()
            });
            for (id, value) in &results {
                let path = out_dir.join(format!("{id}.json"));
                std::fs::write(&path, value.to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            eprintln!("newsfuse: wrote {} predictions to {}", results.len(), out_dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn bench(what: BenchWhat) -> Result<ExitCode, String> {
    let BenchWhat::Extract { html_dir, passes, extractor } = what;
    let pages = load_pages(&html_dir)?;
    // Decoded to text up front, as the trafilatura runner does, so only extraction is timed.
    let texts: Vec<(String, String)> = pages.iter().map(|(id, b)| (id.clone(), String::from_utf8_lossy(b).into_owned())).collect();
    let total_bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let opts = options(extractor);
    let mut rates = Vec::new();
    for _ in 0..passes.max(1) {
        let start = Instant::now();
        let mut n_docs = 0;
        for (id, text) in &texts {
            n_docs += extract_page(id, text.as_bytes(), &opts).is_some() as usize;
        }
        let secs = start.elapsed().as_secs_f64();
        rates.push((texts.len() as f64 / secs, total_bytes as f64 / secs / 1e6, n_docs));
    }
    let mut pages_per_s: Vec<f64> = rates.iter().map(|r| r.0).collect();
    pages_per_s.sort_by(|a, b| a.total_cmp(b));
    let median = pages_per_s[pages_per_s.len() / 2];
    let mb_per_s = median * total_bytes as f64 / texts.len() as f64 / 1e6;
    println!(
        "{}",
        json!({
            "bench": "extract",
            "extractor": format!("{extractor:?}").to_lowercase(),
            "pages": texts.len(),
            "mb": (total_bytes as f64 / 1e6 * 100.0).round() / 100.0,
            "passes": pages_per_s.len(),
            "threads": 1,
            "pages_per_s_median": (median * 10.0).round() / 10.0,
            "mb_per_s_median": (mb_per_s * 100.0).round() / 100.0,
            "pages_per_s_all": pages_per_s.iter().map(|r| (r * 10.0).round() / 10.0).collect::<Vec<_>>(),
        })
    );
    Ok(ExitCode::SUCCESS)
}

/// Names as a byline prints them: `A`, `A and B`, `A, B, and C`.
fn display_names(names: &[String]) -> Value {
    match names {
        [] => Value::Null,
        [one] => Value::String(one.clone()),
        [a, b] => Value::String(format!("{a} and {b}")),
        [rest @ .., last] => Value::String(format!("{}, and {last}", rest.join(", "))),
    }
}

/// `eval dating`: dates every group of GROUPS_DIR (or every document alone) and writes the results.
fn dating(dir: &Path, out: &Path, alone: bool) -> Result<(), String> {
    use newsfuse_pipeline::{stages, Config, Input, Pipeline};
    let pipeline = Pipeline::new(Config::default())?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut lines = String::new();
    let mut count = 0;
    for file in &files {
        let group = file.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let mut docs = pipeline.read(&Input::Path(file.clone())).documents;
        pipeline.pool().install(|| {
            if alone {
                docs.par_chunks_mut(1).for_each(stages::date_undated);
            } else {
                stages::date_undated(&mut docs);
            }
        });
        for d in &docs {
            let p = &d.published;
            let evidence: Vec<&str> = p.evidence.iter().map(|s| d.span_text(*s)).collect();
            let row = json!({
                "group": group, "id": d.id, "date": p.date, "partial": p.partial,
                "provenance": p.provenance, "confidence": p.confidence, "evidence": evidence,
            });
            lines.push_str(&row.to_string());
            lines.push('\n');
            count += 1;
        }
    }
    std::fs::write(out, lines).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("newsfuse: dated {count} documents of {} groups{} into {}", files.len(), if alone { " (each alone)" } else { "" }, out.display());
    Ok(())
}
