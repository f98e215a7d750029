//! `ner`: train, apply, benchmark the CoNLL NER tagger, and learn word clusters.
//!
//!   ner clusters OUT CORPUS... [--max-tokens N]
//!   ner train TRAIN DEV MODEL_OUT [--clusters FILE] [--scheme bilou|iob2] [--bits N] [--epochs N] [--folds N] [--seed N]
//!   ner tag MODEL CONLL_IN [--sentences] > OUT
//!                                     (input lines kept, predicted tag appended;
//!                                      --sentences: first pass only, no document context)
//!   ner text MODEL < TEXT              (raw text, one document; prints token/TAG)
//!   ner eval MODEL CONLL
//!   ner bench MODEL CONLL             (tokens/s, one thread, median of 5)

use std::io::{BufRead, BufReader, Read};
use std::process::exit;
use std::time::Instant;

use newsfuse_entities::clusters::{self, ClusterConfig, CorpusBuilder};
use newsfuse_entities::{read_conll, train, Model, Scheme, Scratch, TrainConfig};

fn die(msg: impl std::fmt::Display) -> ! {
    eprintln!("ner: {msg}");
    exit(2)
}

fn usage() -> ! {
    die("usage: ner clusters OUT CORPUS... | train TRAIN DEV MODEL_OUT [options] | tag MODEL CONLL [--sentences] | text MODEL < TEXT | eval MODEL CONLL | bench MODEL CONLL")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| die(format!("{path}: {e}")))
}

fn load_model(path: &str) -> Model {
    let bytes = std::fs::read(path).unwrap_or_else(|e| die(format!("{path}: {e}")));
    let t = Instant::now();
    let m = Model::load(&bytes).unwrap_or_else(|e| die(format!("{path}: {e}")));
    eprintln!("loaded {path} ({:.1} MB) in {:.1} ms", bytes.len() as f64 / 1e6, t.elapsed().as_secs_f64() * 1e3);
    m
}

/// `--name value` options after the positional arguments.
fn opt<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).map(|i| args.get(i + 1).map(|s| s.as_str()).unwrap_or_else(|| usage()))
}

fn num<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    opt(args, name).map_or(default, |v| v.parse().unwrap_or_else(|_| die(format!("bad {name} {v}"))))
}

fn open_maybe_gz(path: &str) -> Box<dyn BufRead> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| die(format!("{path}: {e}")));
    if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    }
}

/// The string value of `"key": "..."` in one JSON line (enough for JSONL corpora).
fn json_field(line: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\":");
    let start = line.find(&pat)? + pat.len();
    let rest = line[start..].trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut cp = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xd800..0xdc00).contains(&cp) {
                        // Surrogate pair: \uD83D\uDE00
                        let rest: String = chars.by_ref().take(6).collect();
                        let lo = u32::from_str_radix(rest.get(2..)?, 16).ok()?;
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo.wrapping_sub(0xdc00) & 0x3ff);
                    }
                    out.push(char::from_u32(cp).unwrap_or(' '));
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
    None
}

fn add_corpus(cb: &mut CorpusBuilder, path: &str) {
    let meta = std::fs::metadata(path).unwrap_or_else(|e| die(format!("{path}: {e}")));
    if meta.is_dir() {
        let mut entries: Vec<String> = std::fs::read_dir(path)
            .unwrap_or_else(|e| die(format!("{path}: {e}")))
            .filter_map(|e| e.ok().map(|e| e.path().to_string_lossy().into_owned()))
            .collect();
        entries.sort();
        for e in entries {
            add_corpus(cb, &e);
        }
        return;
    }
    let mut r = open_maybe_gz(path);
    if path.contains(".sgm") {
        // Reuters-21578 SGML: titles and bodies.
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes).unwrap_or_else(|e| die(format!("{path}: {e}")));
        let text = String::from_utf8_lossy(&bytes).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        // Bodies only: all-caps or title-case headlines would blur the
        // capitalisation statistics.
        for tag in ["BODY"] {
            let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
            let mut rest = text.as_str();
            while let Some(i) = rest.find(&open) {
                rest = &rest[i + open.len()..];
                let j = rest.find(&close).unwrap_or(rest.len());
                for para in rest[..j].split("\n    ") {
                    cb.add_text(para);
                }
                rest = &rest[j..];
            }
        }
    } else {
        for line in r.lines() {
            let line = line.unwrap_or_else(|e| die(format!("{path}: {e}")));
            if cb.full() {
                break;
            }
            for key in ["text"] {
                if let Some(t) = json_field(&line, key) {
                    for para in t.split('\n').filter(|p| !p.trim().is_empty()) {
                        cb.add_text(para);
                    }
                }
            }
        }
    }
    eprintln!("{path}: {} tokens so far", cb.tokens());
}

/// CPU time of the calling thread in ns, where Linux exposes it.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(|s| s.as_str()) {
        Some("clusters") if args.len() >= 3 => {
            let t = Instant::now();
            let mut cb = CorpusBuilder::new(num(&args, "--max-tokens", 60_000_000usize));
            let mut i = 2;
            while i < args.len() {
                if args[i].starts_with("--") {
                    i += 2;
                    continue;
                }
                add_corpus(&mut cb, &args[i]);
                i += 1;
            }
            let d = ClusterConfig::default();
            let cfg = ClusterConfig { vocab: num(&args, "--vocab", d.vocab), window: num(&args, "--window", d.window), ..d };
            let c = cb.build(&cfg);
            std::fs::write(&args[1], clusters::to_text(&c)).unwrap_or_else(|e| die(e));
            eprintln!("{} words clustered in {:.1}s", c.index.len(), t.elapsed().as_secs_f64());
        }
        Some("train") if args.len() >= 4 => {
            let train_docs = read_conll(&read(&args[1]));
            let dev_docs = read_conll(&read(&args[2]));
            let clusters = opt(&args, "--clusters").map(|p| clusters::from_text(&read(p)).unwrap_or_else(|e| die(format!("{p}: {e}"))));
            let scheme = match opt(&args, "--scheme").unwrap_or("bilou") {
                "bilou" => Scheme::Bilou,
                "iob2" => Scheme::Iob2,
                s => die(format!("unknown scheme {s}")),
            };
            let d = TrainConfig::default();
            let cfg = TrainConfig {
                max_epochs: num(&args, "--epochs", d.max_epochs),
                bits: num(&args, "--bits", d.bits),
                seed: num(&args, "--seed", d.seed),
                gazetteer_folds: num(&args, "--folds", d.gazetteer_folds),
                scheme,
                tie_updates: !args.iter().any(|a| a == "--no-tie-updates"),
                document_stage: !args.iter().any(|a| a == "--no-doc-stage"),
                verbose: true,
                ..d
            };
            let (model, report) = train(&train_docs, Some(&dev_docs), clusters, &cfg);
            let bytes = model.save();
            std::fs::write(&args[3], &bytes).unwrap_or_else(|e| die(e));
            eprintln!(
                "best epoch {} (document pass {}); trained in {:.1}s; model {} ({:.2} MB)",
                report.best_epoch,
                report.best_doc_epoch,
                report.seconds,
                args[3],
                bytes.len() as f64 / 1e6
            );
            eprintln!("dev:\n{}", model.evaluate(&dev_docs));
        }
        Some("tag") if args.len() == 3 || (args.len() == 4 && args[3] == "--sentences") => {
            let model = load_model(&args[1]);
            let text = read(&args[2]);
            print!("{}", model.tag_conll(&text, args.len() == 4));
        }
        Some("text") if args.len() == 2 => {
            // Quick look at raw text: stdin is one document, one paragraph per
            // line, split into sentences at . ! ? tokens.
            let model = load_model(&args[1]);
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input).unwrap_or_else(|e| die(e));
            let mut toks = Vec::new();
            let mut sents: Vec<Vec<String>> = Vec::new();
            for para in input.lines() {
                clusters::tokenize(para, &mut toks);
                let mut cur = Vec::new();
                for t in toks.drain(..) {
                    let end = matches!(t.as_str(), "." | "!" | "?");
                    cur.push(t);
                    if end {
                        sents.push(std::mem::take(&mut cur));
                    }
                }
                if !cur.is_empty() {
                    sents.push(cur);
                }
            }
            let refs: Vec<Vec<&str>> = sents.iter().map(|s| s.iter().map(|t| t.as_str()).collect()).collect();
            for (s, tags) in refs.iter().zip(model.tag_document(&refs)) {
                let line: Vec<String> =
                    s.iter().zip(&tags).map(|(t, g)| if g.kind().is_some() { format!("{t}/{g}") } else { t.to_string() }).collect();
                println!("{}", line.join(" "));
            }
        }
        Some("eval") if args.len() == 3 => {
            let model = load_model(&args[1]);
            println!("{}", model.evaluate(&read_conll(&read(&args[2]))));
        }
        Some("bench") if args.len() == 3 => {
            let model = load_model(&args[1]);
            let docs = read_conll(&read(&args[2]));
            let docs: Vec<Vec<Vec<&str>>> =
                docs.iter().map(|d| d.iter().map(|s| s.tokens.iter().map(|t| t.as_str()).collect()).collect()).collect();
            let ntok: usize = docs.iter().flatten().map(|s| s.len()).sum();
            let mut scratch = Scratch::default();
            let mut tags = Vec::new();
            // Wall-clock rates, and rates per second of this thread's CPU time
            // (Linux schedstat), which stay meaningful on a shared machine.
            let median = |f: &mut dyn FnMut() -> usize| {
                let (mut rates, mut cpu_rates) = (Vec::new(), Vec::new());
                for _ in 0..5 {
                    let (t, c) = (Instant::now(), thread_cpu_ns());
                    std::hint::black_box(f());
                    rates.push(ntok as f64 / t.elapsed().as_secs_f64());
                    if let (Some(a), Some(b)) = (c, thread_cpu_ns()) {
                        cpu_rates.push(ntok as f64 / ((b - a) as f64 / 1e9));
                    }
                }
                rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
                cpu_rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
                let cpu = cpu_rates.get(2).map_or(String::new(), |r| format!("; per CPU-second {r:.0}"));
                format!("median {:.0} tokens/s (min {:.0}, max {:.0}){cpu}", rates[2], rates[0], rates[4])
            };
            let r = median(&mut || {
                let mut n = 0;
                for s in docs.iter().flatten() {
                    model.tag_into(s, &mut scratch, &mut tags);
                    n += tags.len();
                }
                n
            });
            println!("sentence pass only (Model::tag), {ntok} tokens x 5 runs, one thread: {r}");
            let r = median(&mut || docs.iter().map(|d| model.tag_document(d).len()).sum());
            println!("full model (Model::tag_document), one thread: {r}");
        }
        _ => usage(),
    }
}
