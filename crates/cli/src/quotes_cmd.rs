//! `newsfuse quotes`: statements and who made them.
//!
//! - `newsfuse quotes PATHS...` reads articles like `read` and prints one JSON
//!   line per document: its id and its quotes, with the text of each span.
//! - `newsfuse quotes --brat TEXT_DIR --out ANN_DIR` reads each `<article>.txt`
//!   verbatim (paragraphs split on blank lines) and writes `<article>.ann` in
//!   PolNeAR's brat form (T Source/Cue/Content/Attribution + E Attribution,
//!   character offsets), for `score_attribution.py`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsfuse_doc::{Document, Span};
use newsfuse_pipeline::{Batch, Config, QuoteMethod};
use rayon::prelude::*;

use crate::CommonOpts;

#[derive(clap::Args)]
pub struct QuotesArgs {
    /// Articles to read (as `newsfuse read`); ignored with --brat.
    paths: Vec<PathBuf>,
    /// Folder of plain-text articles (`*.txt`) to annotate in brat form.
    #[arg(long, requires = "out")]
    brat: Option<PathBuf>,
    /// Folder to write the `.ann` files to.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Which component finds the statements: combined (tagger + rules), tagger, rules.
    #[arg(long, default_value = "combined", value_parser = ["combined", "tagger", "rules"])]
    method: String,
    #[command(flatten)]
    opts: CommonOpts,
}

pub fn run(args: QuotesArgs) -> Result<ExitCode, String> {
    let method = method(&args.method);
    if let (Some(dir), Some(out)) = (&args.brat, &args.out) {
        return brat(dir, out, method, &args.opts);
    }
    let (_, Batch { documents: docs, failures, .. }) = crate::batch::read_all_with(args.paths, &args.opts, method)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let werr = |e: std::io::Error| format!("cannot write output: {e}");
    for doc in &docs {
        let quotes: Vec<serde_json::Value> = doc
            .quotes
            .iter()
            .map(|q| {
                let t = |s: &Option<Span>| s.map(|s| doc.span_text(s).to_string());
                serde_json::json!({
                    "content": q.content.iter().map(|s| doc.span_text(*s)).collect::<Vec<_>>().join(" … "),
                    "direct": q.direct,
                    "source": t(&q.source),
                    "cue": t(&q.cue),
                    "speaker": q.speaker,
                    "channel": q.channel,
                    "time": q.time,
                    "spans": q.content,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::json!({ "id": doc.id, "quotes": quotes })).map_err(werr)?;
    }
    out.flush().map_err(werr)?;
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn method(name: &str) -> QuoteMethod {
    match name {
        "rules" => QuoteMethod::Rules,
        "tagger" => QuoteMethod::Tagger,
        _ => QuoteMethod::Combined,
    }
}

fn brat(dir: &Path, out: &Path, method: QuoteMethod, opts: &CommonOpts) -> Result<ExitCode, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let pipeline = opts.pipeline(Config { quotes: method, ..Config::default() })?;
    let results: Vec<Result<(), String>> = pipeline.pool().install(|| {
        files
            .par_iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
                let doc = pipeline.annotate_plain(&stem, text);
                let ann = to_brat(&doc, &pipeline.attributions(&doc));
                let target = out.join(format!("{stem}.ann"));
                std::fs::write(&target, ann).map_err(|e| format!("{}: {e}", target.display()))
            })
            .collect()
    });
    let mut failed = false;
    for r in results {
        if let Err(e) = r {
            eprintln!("newsfuse: error: {e}");
            failed = true;
        }
    }
    eprintln!("newsfuse: wrote {} .ann files to {}", files.len(), out.display());
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// PolNeAR brat standoff with character offsets.
pub fn to_brat(doc: &Document, atts: &[newsfuse_quotes::Attribution]) -> String {
    // Byte offset → character offset.
    let mut chars = vec![0u32; doc.text.len() + 1];
    let mut n = 0u32;
    for (i, c) in doc.text.char_indices() {
        for k in 0..c.len_utf8() {
            chars[i + k] = n;
        }
        n += 1;
    }
    chars[doc.text.len()] = n;
    let mut s = String::new();
    let mut t = 0;
    let mut e = 0;
    let mut line = |s: &mut String, kind: &str, spans: &[Span]| -> String {
        t += 1;
        let offs: Vec<String> = spans.iter().map(|p| format!("{} {}", chars[p.start as usize], chars[p.end as usize])).collect();
        let txt: Vec<String> = spans.iter().map(|p| doc.span_text(*p).replace(['\n', '\r', '\t'], " ")).collect();
        s.push_str(&format!("T{t}\t{kind} {}\t{}\n", offs.join(";"), txt.join(" ")));
        format!("T{t}")
    };
    for a in atts {
        let content: Vec<Span> = a.clause.iter().copied().filter(|c| !c.is_empty()).collect();
        if content.is_empty() {
            continue;
        }
        let c = line(&mut s, "Content", &content);
        let src = a.quote.source.map(|x| line(&mut s, "Source", &[x]));
        let cue = a.quote.cue.map(|x| line(&mut s, "Cue", &[x]));
        let trig = line(&mut s, "Attribution", &[a.quote.cue.unwrap_or(content[0])]);
        e += 1;
        let mut l = format!("E{e}\tAttribution:{trig} Content:{c}");
        if let Some(x) = cue {
            l.push_str(&format!(" Cue:{x}"));
        }
        if let Some(x) = src {
            l.push_str(&format!(" Source:{x}"));
        }
        s.push_str(&l);
        s.push('\n');
    }
    s
}
