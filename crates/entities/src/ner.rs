//! Named-entity tagging on top of the generic perceptron: CoNLL I/O, BILOU
//! encoding, training with dev-tuned epochs, evaluation, the binary model file.

use std::fmt;
use std::time::Instant;

use crate::features::{Clusters, Gazetteer, NerFeatures};
use newsfuse_learn::hash::Rng;
use newsfuse_learn::perceptron::{Perceptron, SentenceFeatures, Trainer};

// ---------------------------------------------------------------------------
// Tags and spans

/// Entity types of CoNLL-2003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Per,
    Org,
    Loc,
    Misc,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// An IOB2 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    O,
    B(Kind),
    I(Kind),
}

impl Tag {
    /// Parses IOB2 (and reads BILOU's E/L as I, S/U as B, so any scheme's gold
    /// works); unknown or unprefixed labels are `O`.
    pub fn parse(s: &str) -> Tag {
        match s.split_once('-') {
            Some((p, t)) => match (p, Kind::parse(t)) {
                ("B" | "U" | "S", Some(k)) => Tag::B(k),
                ("I" | "L" | "E", Some(k)) => Tag::I(k),
                _ => Tag::O,
            },
            None => Tag::O,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::O => "O",
            Tag::B(Kind::Per) => "B-PER",
            Tag::B(Kind::Org) => "B-ORG",
            Tag::B(Kind::Loc) => "B-LOC",
            Tag::B(Kind::Misc) => "B-MISC",
            Tag::I(Kind::Per) => "I-PER",
            Tag::I(Kind::Org) => "I-ORG",
            Tag::I(Kind::Loc) => "I-LOC",
            Tag::I(Kind::Misc) => "I-MISC",
        }
    }
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tag::O => None,
            Tag::B(k) | Tag::I(k) => Some(k),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity mention: tokens `start..end` (exclusive) of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Entity spans of an IOB2 sequence. A stray `I-X` (after `O` or another
/// type) opens a new entity, as conlleval reads it.
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (Tag::I(k), Some((_, o))) if k == o);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push(Span { start: s, end: i, kind: k });
            }
            if let Some(k) = t.kind() {
                open = Some((i, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push(Span { start: s, end: tags.len(), kind: k });
    }
    out
}

/// How entity boundaries are encoded for the perceptron. BILOU gives the
/// greedy decoder explicit "last token"/"single token" decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Iob2,
    Bilou,
}

fn scheme_labels(scheme: Scheme) -> Vec<String> {
    let mut v = vec!["O".to_string()];
    let prefixes: &[&str] = match scheme {
        Scheme::Iob2 => &["B", "I"],
        Scheme::Bilou => &["B", "I", "L", "U"],
    };
    for k in Kind::ALL {
        for p in prefixes {
            v.push(format!("{p}-{}", k.as_str()));
        }
    }
    v
}

/// IOB2 tags -> label ids of `labels` under `scheme`.
fn encode(tags: &[Tag], scheme: Scheme, labels: &[String]) -> Vec<u16> {
    let id = |s: String| labels.iter().position(|l| *l == s).expect("label") as u16;
    let mut out = Vec::with_capacity(tags.len());
    for (i, &t) in tags.iter().enumerate() {
        let next_inside = matches!((t.kind(), tags.get(i + 1)), (Some(k), Some(Tag::I(n))) if k == *n);
        let label = match (t, scheme) {
            (Tag::O, _) => "O".to_string(),
            (_, Scheme::Iob2) => t.as_str().to_string(),
            (t, Scheme::Bilou) => {
                // A stray I- begins an entity, like in `spans`.
                let begins = match t {
                    Tag::B(_) => true,
                    Tag::I(k) => !(i > 0 && tags[i - 1].kind() == Some(k)),
                    Tag::O => unreachable!(),
                };
                let p = match (begins, next_inside) {
                    (true, true) => "B",
                    (true, false) => "U",
                    (false, true) => "I",
                    (false, false) => "L",
                };
                format!("{p}-{}", t.kind().unwrap().as_str())
            }
        };
        out.push(id(label));
    }
    out
}

// ---------------------------------------------------------------------------
// CoNLL data

#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Documents (split at `-DOCSTART-`) of sentences. The tag is the last column;
/// other columns (POS, chunk) are ignored on purpose: real input has none.
pub fn read_conll(text: &str) -> Vec<Vec<Sentence>> {
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut cur = Sentence::default();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !cur.tokens.is_empty() {
                docs.last_mut().unwrap().push(std::mem::take(&mut cur));
            }
            if cols.first() == Some(&"-DOCSTART-") && !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
            continue;
        }
        cur.tokens.push(cols[0].to_string());
        cur.tags.push(if cols.len() > 1 { Tag::parse(cols[cols.len() - 1]) } else { Tag::O });
    }
    if !cur.tokens.is_empty() {
        docs.last_mut().unwrap().push(cur);
    }
    docs.retain(|d| !d.is_empty());
    docs
}

fn add_names(g: &mut Gazetteer, s: &Sentence) {
    let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
    for sp in spans(&s.tags) {
        g.add(&toks[sp.start..sp.end], sp.kind.as_str());
    }
}

/// Gazetteer with types in a fixed order, so models are reproducible.
fn empty_gazetteer() -> Gazetteer {
    Gazetteer { types: Kind::ALL.iter().map(|k| k.as_str().to_string()).collect(), ..Gazetteer::default() }
}

// ---------------------------------------------------------------------------
// Evaluation

/// Entity-level counts per type (exact span and type match).
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// (correct, predicted, gold) per `Kind::ALL` index.
    pub counts: [(usize, usize, usize); 4],
}

impl Scores {
    pub fn add(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g = spans(gold);
        let p = spans(pred);
        for s in &p {
            let k = s.kind as usize;
            self.counts[k].1 += 1;
            if g.contains(s) {
                self.counts[k].0 += 1;
            }
        }
        for s in &g {
            self.counts[s.kind as usize].2 += 1;
        }
    }
    fn prf((c, p, g): (usize, usize, usize)) -> (f64, f64, f64) {
        let pr = if p > 0 { c as f64 / p as f64 } else { 0.0 };
        let re = if g > 0 { c as f64 / g as f64 } else { 0.0 };
        let f = if pr + re > 0.0 { 2.0 * pr * re / (pr + re) } else { 0.0 };
        (pr, re, f)
    }
    pub fn overall(&self) -> (f64, f64, f64) {
        let t = self.counts.iter().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
        Self::prf(t)
    }
    pub fn of(&self, k: Kind) -> (f64, f64, f64) {
        Self::prf(self.counts[k as usize])
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for k in Kind::ALL {
            let (p, r, x) = self.of(k);
            writeln!(f, "{:5} P {:.4} R {:.4} F1 {:.4}", k.as_str(), p, r, x)?;
        }
        let (p, r, x) = self.overall();
        write!(f, "all   P {:.4} R {:.4} F1 {:.4}", p, r, x)
    }
}

// ---------------------------------------------------------------------------
// Model

/// A trained NER model: perceptron weights plus the feature resources
/// (gazetteer, clusters) it was trained with. Immutable and `Sync`.
#[derive(Clone, Debug)]
pub struct Model {
    tagger: Perceptron,
    /// Optional second pass that sees document hints (see [`Model::tag_document`]).
    doc_stage: Option<Perceptron>,
    features: NerFeatures,
    /// IOB2 tag for each perceptron label (BILOU L/U fold into I/B).
    label_tags: Vec<Tag>,
    scheme: Scheme,
}

/// Reusable buffers so that tagging in a loop allocates nothing per sentence.
#[derive(Default)]
pub struct Scratch {
    sf: SentenceFeatures,
    scores: Vec<f32>,
    ids: Vec<u16>,
}

impl Model {
    /// Weights are quantised here, so a freshly trained model tags exactly
    /// like the same model saved and loaded.
    fn new(mut tagger: Perceptron, mut doc_stage: Option<Perceptron>, features: NerFeatures, scheme: Scheme) -> Model {
        tagger.quantize();
        if let Some(p) = doc_stage.as_mut() {
            p.quantize();
        }
        let label_tags = tagger.labels().iter().map(|l| Tag::parse(l)).collect();
        Model { tagger, doc_stage, features, label_tags, scheme }
    }

    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Whether [`Model::tag_document`] runs a second, document-aware pass.
    pub fn has_document_stage(&self) -> bool {
        self.doc_stage.is_some()
    }

    /// Tags one tokenized sentence on its own. Any input is accepted (empty,
    /// huge, arbitrary Unicode); the result has one tag per token.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        self.tag_into(tokens, &mut scratch, &mut out);
        out
    }

    /// Allocation-free variant of [`Model::tag`] for hot loops.
    pub fn tag_into(&self, tokens: &[&str], scratch: &mut Scratch, out: &mut Vec<Tag>) {
        self.run(&self.tagger, tokens, &[], scratch, out)
    }

    fn run(&self, p: &Perceptron, tokens: &[&str], hints: &[u8], scratch: &mut Scratch, out: &mut Vec<Tag>) {
        self.features.extract_with_hints(tokens, hints, &mut scratch.sf);
        p.decode(&scratch.sf, &mut scratch.scores, &mut scratch.ids);
        out.clear();
        out.extend(scratch.ids.iter().map(|&i| self.label_tags[i as usize]));
    }

    /// Tags the sentences of one document together: a sentence-level pass,
    /// then (if the model has one) a second pass that also sees which types
    /// the first pass gave to the same words elsewhere in the document, so
    /// "Lewis" after "Carl Lewis" stays a person even in a headline.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let mut scratch = Scratch::default();
        let mut feats = Vec::with_capacity(sentences.len());
        let mut first = Vec::with_capacity(sentences.len());
        for s in sentences {
            let mut out = Vec::new();
            self.tag_into(s, &mut scratch, &mut out);
            first.push(out);
            if self.doc_stage.is_some() {
                // Kept for the second pass, which only adds hint features.
                feats.push(std::mem::take(&mut scratch.sf));
            }
        }
        let Some(stage) = &self.doc_stage else { return first };
        let hints = doc_hints(sentences, &first);
        feats
            .iter_mut()
            .zip(&hints)
            .map(|(sf, h)| {
                NerFeatures::add_hints(h, sf);
                stage.decode(sf, &mut scratch.scores, &mut scratch.ids);
                scratch.ids.iter().map(|&i| self.label_tags[i as usize]).collect()
            })
            .collect()
    }

    /// Entity spans of a sentence.
    pub fn entities(&self, tokens: &[&str]) -> Vec<Span> {
        spans(&self.tag(tokens))
    }

    /// Entity scores on gold documents (tagged document by document).
    /// Tags a CoNLL file: every token line gets the predicted IOB2 tag appended
    /// as its last column, other lines are kept. Documents (split at
    /// `-DOCSTART-`) are tagged together so the document pass can use the rest
    /// of the document; `per_sentence` tags each sentence on its own instead.
    pub fn tag_conll(&self, text: &str, per_sentence: bool) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut doc: Vec<&str> = Vec::new();
        let flush = |doc: &mut Vec<&str>, out: &mut String| {
            let mut sents: Vec<Vec<&str>> = vec![Vec::new()];
            for line in doc.iter() {
                match line.split_whitespace().next() {
                    Some(tok) => sents.last_mut().expect("never empty").push(tok),
                    None if sents.last().is_some_and(|s| !s.is_empty()) => sents.push(Vec::new()),
                    None => {}
                }
            }
            let tags: Vec<Vec<Tag>> = if per_sentence { sents.iter().map(|s| self.tag(s)).collect() } else { self.tag_document(&sents) };
            let mut it = tags.iter().flatten();
            for line in doc.iter() {
                out.push_str(line.trim_end());
                if line.split_whitespace().next().is_some() {
                    out.push(' ');
                    out.push_str(it.next().map_or("O", |t| t.as_str()));
                }
                out.push('\n');
            }
            doc.clear();
        };
        for line in text.lines() {
            if line.split_whitespace().next() == Some("-DOCSTART-") {
                flush(&mut doc, &mut out);
                out.push_str(line);
                out.push('\n');
            } else {
                doc.push(line);
            }
        }
        flush(&mut doc, &mut out);
        out
    }

    pub fn evaluate(&self, docs: &[Vec<Sentence>]) -> Scores {
        let mut sc = Scores::default();
        for doc in docs {
            let sents: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(|t| t.as_str()).collect()).collect();
            for (s, pred) in doc.iter().zip(self.tag_document(&sents)) {
                sc.add(&s.tags, &pred);
            }
        }
        sc
    }
}

/// Document hints for the second pass: per token, the entity types (bits
/// 0-3 for B-, 4-7 for I-, by [`Kind`] order) that `tags` gave anywhere in the
/// document to the same capitalised word (compared lowercased, so headlines
/// count).
pub fn doc_hints(sentences: &[Vec<&str>], tags: &[Vec<Tag>]) -> Vec<Vec<u8>> {
    let key = |t: &str| t.chars().next().is_some_and(|c| c.is_uppercase()).then(|| t.to_lowercase());
    let mut seen: newsfuse_learn::hash::FastMap<String, u8> = Default::default();
    for (s, ts) in sentences.iter().zip(tags) {
        for (tok, tag) in s.iter().zip(ts) {
            let bit = match tag {
                Tag::O => continue,
                Tag::B(k) => 1u8 << (*k as u8),
                Tag::I(k) => 16u8 << (*k as u8),
            };
            if let Some(k) = key(tok) {
                *seen.entry(k).or_insert(0) |= bit;
            }
        }
    }
    sentences.iter().map(|s| s.iter().map(|t| key(t).and_then(|k| seen.get(&k).copied()).unwrap_or(0)).collect()).collect()
}

// ---------------------------------------------------------------------------
// Training

#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Upper bound on epochs; the best epoch on dev is kept.
    pub max_epochs: usize,
    /// Stop after this many epochs without dev improvement.
    pub patience: usize,
    /// log2 of weight-table rows.
    pub bits: u32,
    pub seed: u64,
    pub scheme: Scheme,
    /// Training sentences get gazetteer features from a gazetteer built on the
    /// *other* folds, so the model does not learn to trust a gazetteer that
    /// covers every training name (on new text it covers far fewer). The same
    /// folds give the document stage honest first-pass predictions.
    pub gazetteer_folds: usize,
    /// Perceptron update also when gold wins only by a tie.
    pub tie_updates: bool,
    /// Train the second, document-aware pass.
    pub document_stage: bool,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            max_epochs: 15,
            patience: 3,
            bits: 17,
            seed: 42,
            scheme: Scheme::Bilou,
            gazetteer_folds: 5,
            tie_updates: true,
            document_stage: true,
            verbose: false,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Best epoch of the sentence pass and of the document pass (0 = none).
    pub best_epoch: usize,
    pub best_doc_epoch: usize,
    /// (stage, epoch, training token errors, dev F1 or NaN without dev)
    pub epochs: Vec<(usize, usize, usize, f64)>,
    pub seconds: f64,
}

type Data = Vec<(SentenceFeatures, Vec<u16>)>;

/// Features and label ids for every training sentence, each document seeing
/// the gazetteer of the other folds. `hints[d][s]` are document hints.
fn build_data(
    docs: &[Vec<Sentence>],
    folds: usize,
    clusters: &Option<Clusters>,
    cfg: &TrainConfig,
    labels: &[String],
    hints: Option<&[Vec<Vec<u8>>]>,
) -> (Data, Gazetteer) {
    let mut full = empty_gazetteer();
    let mut held: Vec<Gazetteer> = (0..folds).map(|_| empty_gazetteer()).collect();
    for (d, doc) in docs.iter().enumerate() {
        for s in doc {
            add_names(&mut full, s);
            for (f, g) in held.iter_mut().enumerate() {
                if folds == 1 || d % folds != f {
                    add_names(g, s);
                }
            }
        }
    }
    let mut data = Vec::new();
    for (f, g) in held.into_iter().enumerate() {
        let fx = NerFeatures { gazetteer: g, clusters: clusters.clone() };
        for (d, doc) in docs.iter().enumerate() {
            if folds > 1 && d % folds != f {
                continue;
            }
            for (k, s) in doc.iter().enumerate() {
                let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
                let mut sf = SentenceFeatures::default();
                let h = hints.map_or(&[][..], |h| &h[d][k][..]);
                fx.extract_with_hints(&toks, h, &mut sf);
                data.push((sf, encode(&s.tags, cfg.scheme, labels)));
            }
        }
    }
    (data, full)
}

/// Perceptron epochs with early stopping on `eval` (None = run all epochs).
fn fit(
    data: &Data,
    labels: &[String],
    cfg: &TrainConfig,
    epochs: usize,
    mut eval: Option<&mut dyn FnMut(&Perceptron) -> f64>,
    log: &mut Vec<(usize, usize, f64)>,
) -> (Perceptron, usize) {
    let mut trainer = Trainer::new(Perceptron::new(labels.to_vec(), cfg.bits));
    trainer.tie_is_error = cfg.tie_updates;
    let mut rng = Rng::new(cfg.seed);
    let mut best: Option<(f64, Perceptron, usize)> = None;
    let mut since_best = 0;
    for epoch in 1..=epochs.max(1) {
        let errors = trainer.epoch(data, &mut rng);
        let p = trainer.averaged();
        let f1 = eval.as_mut().map_or(f64::NAN, |e| e(&p));
        log.push((epoch, errors, f1));
        let better = match &best {
            None => true,
            Some((b, _, _)) => eval.is_none() || f1 > *b,
        };
        if better {
            best = Some((f1, p, epoch));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= cfg.patience {
                break;
            }
        }
    }
    let (_, p, e) = best.unwrap();
    (p, e)
}

/// Trains on CoNLL documents, choosing the number of epochs on `dev` (without
/// dev, all `max_epochs` are run). Deterministic for a given config.
pub fn train(
    train_docs: &[Vec<Sentence>],
    dev: Option<&[Vec<Sentence>]>,
    clusters: Option<Clusters>,
    cfg: &TrainConfig,
) -> (Model, TrainReport) {
    let t0 = Instant::now();
    let labels = scheme_labels(cfg.scheme);
    let folds = cfg.gazetteer_folds.max(1);
    let mut report = TrainReport::default();
    let say = |msg: String| {
        if cfg.verbose {
            eprintln!("{msg} ({:.1}s)", t0.elapsed().as_secs_f64());
        }
    };

    // Stage 1: sentence-level tagger.
    let (data, full) = build_data(train_docs, folds, &clusters, cfg, &labels, None);
    let features = NerFeatures { gazetteer: full, clusters: clusters.clone() };
    let mut eval1 = |p: &Perceptron| {
        let m = Model::new(p.clone(), None, features.clone(), cfg.scheme);
        let f1 = dev.map_or(f64::NAN, |d| m.evaluate(d).overall().2);
        say(format!("sentence pass: dev F1 {f1:.4}"));
        f1
    };
    let mut log = Vec::new();
    let (stage1, best1) = fit(&data, &labels, cfg, cfg.max_epochs, dev.map(|_| &mut eval1 as &mut dyn FnMut(&Perceptron) -> f64), &mut log);
    drop(data);
    report.best_epoch = best1;
    report.epochs.extend(log.iter().map(|&(e, n, f)| (1, e, n, f)));
    if !cfg.document_stage || folds < 2 {
        report.seconds = t0.elapsed().as_secs_f64();
        return (Model::new(stage1, None, features, cfg.scheme), report);
    }

    // Honest first-pass predictions for each training document, from a
    // sentence tagger that never saw it (same folds as the gazetteer).
    let mut hints: Vec<Vec<Vec<u8>>> = vec![Vec::new(); train_docs.len()];
    for k in 0..folds {
        let idx: Vec<usize> = (0..train_docs.len()).filter(|d| d % folds != k).collect();
        let sub: Vec<Vec<Sentence>> = idx.iter().map(|&d| train_docs[d].clone()).collect();
        let (sub_data, sub_gaz) = build_data(&sub, folds, &clusters, cfg, &labels, None);
        let (p, _) = fit(&sub_data, &labels, cfg, best1, None, &mut Vec::new());
        let m = Model::new(p, None, NerFeatures { gazetteer: sub_gaz, clusters: clusters.clone() }, cfg.scheme);
        for d in (0..train_docs.len()).filter(|d| d % folds == k) {
            let sents: Vec<Vec<&str>> = train_docs[d].iter().map(|s| s.tokens.iter().map(|t| t.as_str()).collect()).collect();
            hints[d] = doc_hints(&sents, &m.tag_document(&sents));
        }
        say(format!("first-pass fold {} of {folds} done", k + 1));
    }

    // Stage 2: the document-aware tagger.
    let (data2, _) = build_data(train_docs, folds, &clusters, cfg, &labels, Some(&hints));
    let mut eval2 = |p: &Perceptron| {
        let m = Model::new(stage1.clone(), Some(p.clone()), features.clone(), cfg.scheme);
        let f1 = dev.map_or(f64::NAN, |d| m.evaluate(d).overall().2);
        say(format!("document pass: dev F1 {f1:.4}"));
        f1
    };
    let mut log = Vec::new();
    let (stage2, best2) = fit(&data2, &labels, cfg, cfg.max_epochs, dev.map(|_| &mut eval2 as &mut dyn FnMut(&Perceptron) -> f64), &mut log);
    report.best_doc_epoch = best2;
    report.epochs.extend(log.iter().map(|&(e, n, f)| (2, e, n, f)));
    report.seconds = t0.elapsed().as_secs_f64();
    (Model::new(stage1, Some(stage2), features, cfg.scheme), report)
}

/// Trains on a CoNLL file with the default configuration and no dev set.
pub fn train_file(conll_path: &str, epochs: usize) -> std::io::Result<Model> {
    let text = std::fs::read_to_string(conll_path)?;
    let docs = read_conll(&text);
    let cfg = TrainConfig { max_epochs: epochs, ..TrainConfig::default() };
    Ok(train(&docs, None, None, &cfg).0)
}

// ---------------------------------------------------------------------------
// Binary model file
//
// Little-endian throughout:
//   magic "NFNER\0\0\x03", scheme u8, bits u32, labels (u32 n, strings),
//   sentence-pass weights (see `write_weights`),
//   gazetteer: types, tokens (string, mask u8), phrases (u64, mask u8), max_len u32,
//   clusters: levels u32 (0 = none), words u32, per word string + levels u16,
//     then case ratios: u32 n, per word string + u8,
//   document pass: u8 0 (none) or 1 followed by its weights.
// Strings are u32 length + UTF-8. Weights are quantized to i16 with one global
// scale and stored sparsely, which keeps the file small without a codec.

const MAGIC: &[u8; 8] = b"NFNER\0\0\x03";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}
impl std::error::Error for LoadError {}

struct W(Vec<u8>);
impl W {
    fn u8(&mut self, x: u8) {
        self.0.push(x)
    }
    fn u16(&mut self, x: u16) {
        self.0.extend_from_slice(&x.to_le_bytes())
    }
    fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes())
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes())
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct R<'a>(&'a [u8]);
impl<'a> R<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        if self.0.len() < n {
            return Err(LoadError("truncated".into()));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, LoadError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, LoadError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, LoadError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64, LoadError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn str(&mut self) -> Result<String, LoadError> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| LoadError("bad utf-8".into()))
    }
    /// A count that must fit in the remaining bytes at `min_size` each, so a
    /// corrupt length cannot trigger a huge allocation.
    fn count(&mut self, min_size: usize) -> Result<usize, LoadError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.0.len() {
            return Err(LoadError("count exceeds file size".into()));
        }
        Ok(n)
    }
}

/// Weights as i16 with one scale, sparse by row: scale f32, rows u32, then
/// per non-zero row: row u32, label mask u32, one i16 per set bit.
fn write_weights(w: &mut W, p: &Perceptron) {
    let l = p.num_labels();
    let (q, scale) = p.quantized_weights();
    w.0.extend_from_slice(&scale.to_le_bytes());
    let mut rows = W(Vec::new());
    let mut nrows = 0u32;
    for (r, row) in q.chunks(l).enumerate() {
        let mask = row.iter().enumerate().fold(0u32, |m, (j, &v)| if v != 0 { m | 1 << j } else { m });
        if mask != 0 {
            nrows += 1;
            rows.u32(r as u32);
            rows.u32(mask);
            for &v in row.iter().filter(|&&v| v != 0) {
                rows.u16(v as u16);
            }
        }
    }
    w.u32(nrows);
    w.0.extend_from_slice(&rows.0);
}

fn read_weights(r: &mut R, labels: &[String], bits: u32) -> Result<Perceptron, LoadError> {
    let l = labels.len();
    let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
    if !scale.is_finite() {
        return Err(LoadError("bad weight scale".into()));
    }
    let nrows = r.count(8)?;
    let rows = 1usize << bits;
    let mut q = vec![0i16; rows * l];
    for _ in 0..nrows {
        let row = r.u32()? as usize;
        let mask = r.u32()?;
        if row >= rows || (l < 32 && mask >> l != 0) {
            return Err(LoadError("row out of range".into()));
        }
        for j in 0..l {
            if mask & (1 << j) != 0 {
                q[row * l + j] = r.u16()? as i16;
            }
        }
    }
    Ok(newsfuse_learn::perceptron::from_parts(labels.to_vec(), bits, q, scale))
}

impl Model {
    pub fn save(&self) -> Vec<u8> {
        let mut w = W(MAGIC.to_vec());
        w.u8(match self.scheme {
            Scheme::Iob2 => 0,
            Scheme::Bilou => 1,
        });
        let l = self.tagger.num_labels();
        w.u32(self.tagger.bits());
        w.u32(l as u32);
        for s in self.tagger.labels() {
            w.str(s);
        }
        write_weights(&mut w, &self.tagger);
        let g = &self.features.gazetteer;
        w.u32(g.types.len() as u32);
        for t in &g.types {
            w.str(t);
        }
        // Sorted so identical models give identical files.
        let mut toks: Vec<(&String, &u8)> = g.tokens.iter().collect();
        toks.sort();
        w.u32(toks.len() as u32);
        for (t, m) in toks {
            w.str(t);
            w.u8(*m);
        }
        let mut ph: Vec<(&u64, &u8)> = g.phrases.iter().collect();
        ph.sort();
        w.u32(ph.len() as u32);
        for (h, m) in ph {
            w.u64(*h);
            w.u8(*m);
        }
        w.u32(g.max_len as u32);
        match &self.features.clusters {
            None => w.u32(0),
            Some(c) => {
                w.u32(c.levels as u32);
                let mut words: Vec<(&String, &u32)> = c.index.iter().collect();
                words.sort();
                w.u32(words.len() as u32);
                for (s, &i) in words {
                    w.str(s);
                    for k in 0..c.levels {
                        w.u16(c.ids[i as usize * c.levels + k]);
                    }
                }
                let mut case: Vec<(&String, &u8)> = c.case.iter().collect();
                case.sort();
                w.u32(case.len() as u32);
                for (s, &b) in case {
                    w.str(s);
                    w.u8(b);
                }
            }
        }
        match &self.doc_stage {
            None => w.u8(0),
            Some(p) => {
                w.u8(1);
                write_weights(&mut w, p);
            }
        }
        w.0
    }

    pub fn load(bytes: &[u8]) -> Result<Model, LoadError> {
        let mut r = R(bytes);
        if r.take(8)? != MAGIC {
            return Err(LoadError("not a newsfuse NER model (magic)".into()));
        }
        let scheme = match r.u8()? {
            0 => Scheme::Iob2,
            1 => Scheme::Bilou,
            x => return Err(LoadError(format!("unknown scheme {x}"))),
        };
        let bits = r.u32()?;
        if !(8..=28).contains(&bits) {
            return Err(LoadError(format!("hash bits {bits}")));
        }
        let l = r.count(4)?;
        if l == 0 || l > 32 {
            return Err(LoadError(format!("{l} labels")));
        }
        let labels = (0..l).map(|_| r.str()).collect::<Result<Vec<_>, _>>()?;
        let tagger = read_weights(&mut r, &labels, bits)?;
        let mut g = Gazetteer::default();
        let nt = r.count(4)?;
        g.types = (0..nt).map(|_| r.str()).collect::<Result<_, _>>()?;
        let n = r.count(5)?;
        g.tokens.reserve(n);
        for _ in 0..n {
            let s = r.str()?;
            g.tokens.insert(s, r.u8()?);
        }
        let n = r.count(9)?;
        g.phrases.reserve(n);
        for _ in 0..n {
            let h = r.u64()?;
            g.phrases.insert(h, r.u8()?);
        }
        g.max_len = (r.u32()? as usize).min(64);
        let levels = r.u32()? as usize;
        let clusters = if levels == 0 {
            None
        } else {
            if levels > 16 {
                return Err(LoadError("cluster levels".into()));
            }
            let n = r.count(4 + 2 * levels)?;
            let mut c = Clusters { levels, ..Clusters::default() };
            c.index.reserve(n);
            c.ids.reserve(n * levels);
            for i in 0..n {
                let s = r.str()?;
                c.index.insert(s, i as u32);
                for _ in 0..levels {
                    c.ids.push(r.u16()?);
                }
            }
            let n = r.count(5)?;
            c.case.reserve(n);
            for _ in 0..n {
                let s = r.str()?;
                c.case.insert(s, r.u8()?.min(10));
            }
            Some(c)
        };
        let doc_stage = match r.u8()? {
            0 => None,
            1 => Some(read_weights(&mut r, &labels, bits)?),
            x => return Err(LoadError(format!("document stage flag {x}"))),
        };
        if !r.0.is_empty() {
            return Err(LoadError("trailing bytes".into()));
        }
        Ok(Model::new(tagger, doc_stage, NerFeatures { gazetteer: g, clusters }, scheme))
    }
}

