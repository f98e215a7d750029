//! `newsfuse-quotes-train`: train the Source/Cue/Content tagger on PolNeAR,
//! and measure speed.
//!
//!   newsfuse-quotes-train train TRAIN_DIR DEV_DIR MODEL_OUT [--epochs N] [--bits N] [--seed N] [--folds N]
//!       (TRAIN_DIR, DEV_DIR hold text/*.txt and attributions/*.ann)
//!   newsfuse-quotes-train bench FILES_OR_DIRS...
//!       (MB/s of one thread: find_quotes alone, and text + NER + times + find_quotes; median of 3)
//!
//! Documents are built by the product's pipeline (`newsfuse-pipeline`), with
//! its embedded NER model, exactly as `newsfuse quotes --brat` builds them.

use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Instant;

use newsfuse_doc::{Document, Span};
use newsfuse_learn::hash::Rng;
use newsfuse_learn::perceptron::{Perceptron, SentenceFeatures, Trainer};
use newsfuse_pipeline::{Config, Pipeline};
use newsfuse_quotes::{rules, tagger};

fn die(msg: impl std::fmt::Display) -> ! {
    eprintln!("newsfuse-quotes-train: {msg}");
    exit(2)
}

fn opt<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(|s| s.as_str())
}

/// The document exactly as `newsfuse quotes --brat` builds it: text
/// verbatim, paragraphs on blank lines, then the product's own per-document
/// stages (`Pipeline::annotate_plain`), so the tagger learns from the
/// features it will see.
fn prepare(pipeline: &Pipeline, id: &str, text: String) -> Document {
    pipeline.annotate_plain(id, text)
}

/// Gold spans of one article: (role 1 Source / 2 Cue / 3 Content, attribution, byte span).
fn read_gold(ann: &str, text: &str) -> Vec<(u8, u32, Span)> {
    // Character offset → byte offset.
    let mut byte_of: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    byte_of.push(text.len());
    let mut spans: std::collections::HashMap<String, (u8, Vec<Span>)> = Default::default();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(def)) = (parts.next(), parts.next()) else { continue };
        if id.starts_with('T') {
            let (kind, offs) = def.split_once(' ').unwrap_or(("", ""));
            let role = match kind {
                "Source" => 1,
                "Cue" => 2,
                "Content" => 3,
                _ => continue,
            };
            let frags = offs
                .split(';')
                .filter_map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                    Some(Span::new(*byte_of.get(a)?, *byte_of.get(b)?))
                })
                .collect();
            spans.insert(id.to_string(), (role, frags));
        } else if id.starts_with('E') {
            let att = out.len() as u32;
            for arg in def.split_whitespace() {
                let tid = arg.split_once(':').map_or("", |(_, t)| t);
                if let Some((role, frags)) = spans.get(tid) {
                    for f in frags {
                        out.push((*role, att, *f));
                    }
                }
            }
        }
    }
    out
}

struct Example {
    /// Per paragraph: features and gold labels.
    sentences: Vec<(SentenceFeatures, Vec<u16>)>,
    /// Per paragraph: its sentences' token ranges.
    sents: Vec<Vec<(usize, usize)>>,
}

fn load_set(dir: &Path, pipeline: &Pipeline) -> Vec<Example> {
    let tdir = dir.join("text");
    let adir = dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&tdir).unwrap_or_else(|e| die(format!("{}: {e}", tdir.display()))).filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    texts.sort();
    let mut anns: Vec<String> = std::fs::read_dir(&adir).unwrap_or_else(|e| die(format!("{}: {e}", adir.display()))).filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".ann")).collect();
    anns.sort();
    let mut out = Vec::new();
    for t in texts {
        let stem = t.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        // The first gold file in sorted order, as the scorer does.
        let Some(ann) = anns.iter().find(|n| **n == format!("{stem}.ann") || (n.starts_with(&format!("{stem}_")) && !n[stem.len() + 1..n.len() - 4].contains('_'))) else { continue };
        let text = std::fs::read_to_string(&t).unwrap_or_else(|e| die(format!("{}: {e}", t.display())));
        let gold = read_gold(&std::fs::read_to_string(adir.join(ann)).unwrap_or_default(), &text);
        let doc = prepare(pipeline, &stem, text);
        let ctx = rules::Ctx::new(&doc);
        let atts = rules::find(&ctx);
        let roles = tagger::roles_of(&ctx, &atts);
        let mut troles: Vec<(u8, u32)> = vec![(0, u32::MAX); doc.tokens.len()];
        for &(role, att, s) in &gold {
            for x in &mut troles[doc.token_range(s)] {
                // Cue over Source over Content where they overlap.
                let rank = |r: u8| match r {
                    2 => 3,
                    1 => 2,
                    3 => 1,
                    _ => 0,
                };
                if rank(role) > rank(x.0) {
                    *x = (role, att);
                }
            }
        }
        let feats = tagger::features(&ctx, &roles);
        let psents = tagger::paragraph_sentences(&ctx, &feats);
        let mut sentences = Vec::new();
        let mut sents = Vec::new();
        for (((a, b), sf), ps) in feats.into_iter().zip(psents) {
            if a < b {
                sentences.push((sf, tagger::bio(&troles[a..b])));
                sents.push(ps);
            }
        }
        out.push(Example { sentences, sents });
    }
    out
}

fn token_f1(model: &Perceptron, data: &[Example]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let mut scores = Vec::new();
    let mut out = Vec::new();
    for ex in data {
        for (sf, gold) in &ex.sentences {
            model.decode(sf, &mut scores, &mut out);
            for (&p, &g) in out.iter().zip(gold) {
                let (p, g) = (p as usize, g as usize);
                np += (p != 0) as usize;
                ng += (g != 0) as usize;
                tp += (p != 0 && p == g) as usize;
            }
        }
    }
    let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Trains one pass, keeping the averaged model of the best dev epoch.
fn fit(data: &[(SentenceFeatures, Vec<u16>)], dev: &[Example], epochs: usize, bits: u32, seed: u64, name: &str) -> (Perceptron, usize) {
    let labels = tagger::LABELS.iter().map(|s| s.to_string()).collect();
    let mut trainer = Trainer::new(Perceptron::new(labels, bits));
    let mut rng = Rng::new(seed);
    let mut best: Option<(f64, usize, Perceptron)> = None;
    for e in 1..=epochs {
        let errors = trainer.epoch(data, &mut rng);
        let mut avg = trainer.averaged();
        avg.quantize();
        if dev.is_empty() {
            best = Some((0.0, e, avg));
            continue;
        }
        let f = token_f1(&avg, dev);
        eprintln!("{name} epoch {e}: {errors} training errors, dev token F1 (role) {f:.4}");
        if best.as_ref().is_none_or(|(b, _, _)| f > *b) {
            best = Some((f, e, avg));
        }
    }
    let (_, e, m) = best.unwrap_or_else(|| die("no epochs"));
    (m, e)
}

/// Second-pass features for every paragraph of `set` from `model`'s labels.
fn add_stack(set: &mut [Example], model: &Perceptron) {
    let mut scores = Vec::new();
    let mut labels = Vec::new();
    let mut extra = Vec::new();
    for ex in set.iter_mut() {
        for ((sf, _), sents) in ex.sentences.iter_mut().zip(&ex.sents) {
            sf.clear_extra();
            model.decode(sf, &mut scores, &mut labels);
            tagger::stack_extra(&labels, sents, &mut extra);
            sf.extra.clone_from(&extra);
            sf.extra_stride = tagger::STACK;
        }
    }
}

fn train(args: &[String]) {
    let [train_dir, dev_dir, out] = [0, 1, 2].map(|i| args.get(i).cloned().unwrap_or_else(|| die("usage: train TRAIN_DIR DEV_DIR MODEL_OUT")));
    let pipeline = one_thread();
    let epochs: usize = opt(args, "--epochs").map_or(16, |v| v.parse().unwrap_or_else(|_| die("bad --epochs")));
    let bits: u32 = opt(args, "--bits").map_or(18, |v| v.parse().unwrap_or_else(|_| die("bad --bits")));
    let seed: u64 = opt(args, "--seed").map_or(42, |v| v.parse().unwrap_or_else(|_| die("bad --seed")));
    let folds: usize = opt(args, "--folds").map_or(5, |v| v.parse().unwrap_or_else(|_| die("bad --folds")));
    let t = Instant::now();
    let mut train = load_set(Path::new(&train_dir), &pipeline);
    let mut dev = load_set(Path::new(&dev_dir), &pipeline);
    eprintln!("read {} train and {} dev articles in {:.1} s", train.len(), dev.len(), t.elapsed().as_secs_f64());
    let all: Vec<(SentenceFeatures, Vec<u16>)> = train.iter().flat_map(|e| e.sentences.iter().cloned()).collect();
    let (first, e1) = fit(&all, &dev, epochs, bits, seed, "pass 1");
    eprintln!("pass 1: best epoch {e1}");
    let mut model = tagger::Tagger { first, second: None };
    if folds > 1 {
        // Stacking: each training article gets first-pass labels from a
        // tagger that never saw it (as at test time).
        let mut jack: Vec<Option<Example>> = Vec::new();
        let n = train.len();
        let mut taken: Vec<Option<Example>> = train.drain(..).map(Some).collect();
        for k in 0..folds {
            let data: Vec<(SentenceFeatures, Vec<u16>)> =
                taken.iter().enumerate().filter(|(i, _)| i % folds != k).flat_map(|(_, e)| e.as_ref().map(|e| e.sentences.clone()).unwrap_or_default()).collect();
            let (m, _) = fit(&data, &[], e1, bits, seed + k as u64 + 1, "fold");
            let mut held: Vec<Example> = (0..n).filter(|i| i % folds == k).filter_map(|i| taken[i].take()).collect();
            add_stack(&mut held, &m);
            eprintln!("fold {k}: {} articles tagged", held.len());
            jack.extend(held.into_iter().map(Some));
        }
        let train2: Vec<Example> = jack.into_iter().flatten().collect();
        add_stack(&mut dev, &model.first);
        let data2: Vec<(SentenceFeatures, Vec<u16>)> = train2.iter().flat_map(|e| e.sentences.iter().cloned()).collect();
        let (second, e2) = fit(&data2, &dev, epochs, bits, seed + 100, "pass 2");
        eprintln!("pass 2: best epoch {e2}");
        model.second = Some(second);
    }
    let bytes = tagger::save(&model);
    std::fs::write(&out, &bytes).unwrap_or_else(|err| die(format!("{out}: {err}")));
    eprintln!("wrote {out} ({:.1} MB)", bytes.len() as f64 / 1e6);
}

/// The product's pipeline; the tools here run on the calling thread.
fn one_thread() -> Pipeline {
    Pipeline::new(Config { threads: Some(1), ..Config::default() }).unwrap_or_else(|e| die(e))
}

fn bench(args: &[String]) {
    let pipeline = one_thread();
    let mut files = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p).map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()).unwrap_or_default();
            v.sort();
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    let texts: Vec<(String, String)> = files.iter().filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?))).collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    if bytes == 0 {
        die("no text to measure");
    }
    let docs: Vec<Document> = texts.iter().map(|(id, t)| prepare(&pipeline, id, t.clone())).collect();
    let _ = newsfuse_quotes::model();
    let mb = bytes as f64 / 1e6;
    let mut quotes_only = Vec::new();
    let mut full = Vec::new();
    let mut n = 0;
    for _ in 0..3 {
        let t = Instant::now();
        for d in &docs {
            n += newsfuse_quotes::find_quotes(d).len();
        }
        quotes_only.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        for (id, text) in &texts {
            let d = prepare(&pipeline, id, text.clone());
            n += newsfuse_quotes::find_quotes(&d).len();
        }
        full.push(mb / t.elapsed().as_secs_f64());
    }
    quotes_only.sort_by(f64::total_cmp);
    full.sort_by(f64::total_cmp);
    println!(
        "{} files, {:.2} MB, {} quotes/run; one thread, median of 3: find_quotes (rules + tagger) {:.2} MB/s; text + NER + times + find_quotes {:.2} MB/s",
        texts.len(),
        mb,
        n / 6,
        quotes_only[1],
        full[1]
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") => train(&args[1..]),
        Some("bench") => bench(&args[1..]),
        _ => die("usage: train TRAIN_DIR DEV_DIR MODEL_OUT [--epochs N] [--bits N] [--seed N] [--folds N] | bench FILES..."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Training documents are the product's documents: the rules the product
    /// applies around the NER model (curly apostrophes read as ASCII ones,
    /// capitalized common words in shouted quotes dropped) apply here too.
    #[test]
    fn training_documents_are_built_as_the_product_builds_them() {
        let pipeline = one_thread();
        let text = "Mitt Romney’s fatal error, he said, was plain.\n\nHe wants an END to the War. The war has lasted three years.".to_string();
        let doc = prepare(&pipeline, "t", text.clone());
        assert_eq!(doc, pipeline.annotate_plain("t", text));
        let names: Vec<&str> = doc.mentions.iter().map(|m| doc.span_text(m.span)).collect();
        assert!(names.contains(&"Mitt Romney"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("fatal") || *n == "War"), "{names:?}");
        assert!(doc.mentions.iter().all(|m| m.entity.is_some()), "mentions are resolved as in `newsfuse quotes --brat`");
        assert_eq!(doc.paragraphs.len(), 2);
    }
}
