//! Word clusters from unlabeled text, a fast stand-in for Brown clusters.
//!
//! Each frequent word is described by its immediate left and right neighbours
//! (PPMI-weighted counts over the most frequent context words), randomly
//! projected to a small dense vector and clustered with spherical k-means at
//! several granularities. Words that occur in the same slots ("said Mr. X",
//! "in X ,") share clusters, which lets the tagger generalise to names it has
//! never seen labeled. Everything is seeded and single-threaded: same input,
//! same clusters.

use crate::features::Clusters;
use newsfuse_learn::hash::{hash_str, FastMap, Rng};

#[derive(Clone, Debug)]
pub struct ClusterConfig {
    /// Most frequent words that get a cluster.
    pub vocab: usize,
    /// Words rarer than this get none (their contexts are noise).
    pub min_count: u32,
    /// Most frequent words used as context features (left and right).
    pub contexts: usize,
    /// Neighbours on each side used as contexts (1 or 2; each distance is a
    /// separate feature block).
    pub window: usize,
    /// Dimension of the random projection.
    pub dim: usize,
    /// Number of clusters per level, coarse to fine (at most 4 levels are used
    /// as features).
    pub levels: Vec<usize>,
    pub iterations: usize,
    pub seed: u64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig { vocab: 40_000, min_count: 5, contexts: 800, window: 1, dim: 96, levels: vec![64, 256, 1024], iterations: 8, seed: 7 }
    }
}

/// Splits raw text into CoNLL-like tokens: punctuation is separated, but
/// abbreviations with inner periods ("U.S.") and short titles ("Mr.") keep
/// their period, and possessive "'s" is its own token.
pub fn tokenize(text: &str, out: &mut Vec<String>) {
    out.clear();
    for raw in text.split_whitespace() {
        let raw = raw.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
        let mut s = raw.as_str();
        while let Some(c) = s.chars().next().filter(|c| "\"'([{".contains(*c)) {
            out.push(c.to_string());
            s = &s[c.len_utf8()..];
        }
        let mut tail = Vec::new();
        while let Some(c) = s.chars().last() {
            let keep_period = c == '.' && {
                let core = &s[..s.len() - 1];
                core.contains('.') || (core.len() <= 3 && core.chars().next().is_some_and(|c| c.is_uppercase()) && core.chars().all(|c| c.is_alphabetic()))
            };
            if !keep_period && "\"')]},.;:!?".contains(c) {
                tail.push(c.to_string());
                s = &s[..s.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        if let Some(stem) = s.strip_suffix("'s").filter(|x| !x.is_empty()) {
            out.push(stem.to_string());
            out.push("'s".to_string());
        } else if !s.is_empty() {
            out.push(s.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
}

/// Streams tokenized text into word ids (0 = boundary between texts).
#[derive(Default)]
pub struct CorpusBuilder {
    ids: FastMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u64>,
    stream: Vec<u32>,
    buf: Vec<String>,
    pub max_tokens: usize,
}

impl CorpusBuilder {
    pub fn new(max_tokens: usize) -> Self {
        CorpusBuilder { words: vec![String::new()], counts: vec![0], max_tokens, ..Default::default() }
    }
    pub fn tokens(&self) -> usize {
        self.stream.len()
    }
    pub fn full(&self) -> bool {
        self.stream.len() >= self.max_tokens
    }
    /// Adds one text (a paragraph or line); contexts never cross texts.
    pub fn add_text(&mut self, text: &str) {
        if self.full() {
            return;
        }
        let mut buf = std::mem::take(&mut self.buf);
        tokenize(text, &mut buf);
        for t in &buf {
            let id = match self.ids.get(t.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(t.clone(), id);
                    self.words.push(t.clone());
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.stream.push(id);
        }
        self.stream.push(0);
        self.buf = buf;
    }

    pub fn build(self, cfg: &ClusterConfig) -> Clusters {
        build(self, cfg)
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight lanes so the compiler can vectorise despite float ordering rules.
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

fn normalize(v: &mut [f32]) {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

fn build(corpus: CorpusBuilder, cfg: &ClusterConfig) -> Clusters {
    let CorpusBuilder { words, counts, stream, .. } = corpus;
    // Rank by frequency (ties by string, for determinism), skipping the boundary.
    let mut order: Vec<u32> = (1..words.len() as u32).collect();
    order.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then_with(|| words[a as usize].cmp(&words[b as usize])));
    let vocab: Vec<u32> = order.iter().copied().filter(|&w| counts[w as usize] >= cfg.min_count as u64).take(cfg.vocab).collect();
    let nctx = cfg.contexts.min(order.len());
    let mut vrow = vec![u32::MAX; words.len()];
    for (i, &w) in vocab.iter().enumerate() {
        vrow[w as usize] = i as u32;
    }
    let mut crow = vec![u32::MAX; words.len()];
    for (i, &w) in order.iter().take(nctx).enumerate() {
        crow[w as usize] = i as u32;
    }
    // Dense co-occurrence counts: vocab x (one block of contexts per side and
    // distance). Contexts stop at text boundaries (id 0).
    let window = cfg.window.clamp(1, 4);
    let dims = 2 * window * nctx;
    let mut co = vec![0f32; vocab.len() * dims];
    for j in 0..stream.len() {
        let r = vrow[stream[j] as usize];
        if r == u32::MAX {
            continue;
        }
        let base = r as usize * dims;
        for d in 1..=window {
            if j < d || stream[j - d + 1..j].contains(&0) || stream[j - d] == 0 {
                break;
            }
            let c = crow[stream[j - d] as usize];
            if c != u32::MAX {
                co[base + (2 * (d - 1)) * nctx + c as usize] += 1.0;
            }
        }
        for d in 1..=window {
            if j + d >= stream.len() || stream[j + 1..=j + d].contains(&0) {
                break;
            }
            let c = crow[stream[j + d] as usize];
            if c != u32::MAX {
                co[base + (2 * (d - 1) + 1) * nctx + c as usize] += 1.0;
            }
        }
    }
    // PPMI weighting, then a fixed random +-1 projection to `dim`.
    let mut col = vec![0f64; dims];
    let mut total = 0f64;
    for row in co.chunks(dims.max(1)) {
        for (c, x) in col.iter_mut().zip(row) {
            *c += *x as f64;
        }
    }
    for c in &col {
        total += c;
    }
    let dim = cfg.dim;
    let proj: Vec<f32> = (0..dims * dim)
        .map(|i| if hash_str(cfg.seed, &i.to_string()) & 1 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut vecs = vec![0f32; vocab.len() * dim];
    for (r, row) in co.chunks(dims.max(1)).enumerate() {
        let rs: f64 = row.iter().map(|&x| x as f64).sum();
        if rs == 0.0 {
            continue;
        }
        let v = &mut vecs[r * dim..(r + 1) * dim];
        for (c, &x) in row.iter().enumerate() {
            if x == 0.0 {
                continue;
            }
            let pmi = ((x as f64 * total) / (rs * col[c])).ln();
            if pmi > 0.0 {
                let p = &proj[c * dim..(c + 1) * dim];
                for (a, b) in v.iter_mut().zip(p) {
                    *a += pmi as f32 * b;
                }
            }
        }
        normalize(v);
    }
    drop(co);
    let n = vocab.len();
    let mut ids = vec![0u16; n * cfg.levels.len()];
    let mut rng = Rng::new(cfg.seed);
    for (lv, &k) in cfg.levels.iter().enumerate() {
        let k = k.min(n).clamp(1, u16::MAX as usize);
        let assign = kmeans(&vecs, dim, k, cfg.iterations, &mut rng);
        for (i, a) in assign.into_iter().enumerate() {
            ids[i * cfg.levels.len() + lv] = a;
        }
    }
    let mut index = FastMap::default();
    for (i, &w) in vocab.iter().enumerate() {
        index.insert(words[w as usize].clone(), i as u32);
    }
    Clusters { levels: cfg.levels.len(), index, ids, case: case_ratios(&words, &stream, cfg.min_count) }
}

/// Share of capitalised occurrences per lowercased word, skipping positions
/// where capitals are expected (text start, after sentence punctuation).
fn case_ratios(words: &[String], stream: &[u32], min_count: u32) -> FastMap<String, u8> {
    let mut mid = vec![0u32; words.len()];
    for j in 1..stream.len() {
        let prev = words[stream[j - 1] as usize].as_str();
        if stream[j - 1] != 0 && !matches!(prev, "." | "!" | "?" | "\"" | ":" | "'" | "(" | "-") {
            mid[stream[j] as usize] += 1;
        }
    }
    let mut agg: FastMap<String, (u32, u32)> = FastMap::default();
    for (w, &n) in words.iter().zip(&mid) {
        if n == 0 || w.is_empty() {
            continue;
        }
        let e = agg.entry(w.to_lowercase()).or_insert((0, 0));
        e.1 += n;
        if w.chars().next().is_some_and(|c| c.is_uppercase()) {
            e.0 += n;
        }
    }
    agg.into_iter()
        .filter(|(_, (_, n))| *n >= min_count)
        .map(|(w, (up, n))| (w, ((up as f64 / n as f64) * 10.0).round() as u8))
        .collect()
}

/// Spherical k-means; initial centroids are the first k of a seeded shuffle.
fn kmeans(vecs: &[f32], dim: usize, k: usize, iters: usize, rng: &mut Rng) -> Vec<u16> {
    let n = vecs.len() / dim.max(1);
    if n == 0 {
        return Vec::new();
    }
    let mut pick: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut pick);
    let mut cent: Vec<f32> = pick.iter().take(k).flat_map(|&i| vecs[i * dim..(i + 1) * dim].iter().copied()).collect();
    let mut assign = vec![0u16; n];
    for _ in 0..iters.max(1) {
        for i in 0..n {
            let v = &vecs[i * dim..(i + 1) * dim];
            let mut best = (f32::NEG_INFINITY, 0usize);
            for c in 0..k {
                let s = dot(v, &cent[c * dim..(c + 1) * dim]);
                if s > best.0 {
                    best = (s, c);
                }
            }
            assign[i] = best.1 as u16;
        }
        let old = cent.clone();
        cent.iter_mut().for_each(|x| *x = 0.0);
        let mut sizes = vec![0usize; k];
        for i in 0..n {
            let c = assign[i] as usize;
            sizes[c] += 1;
            for (a, b) in cent[c * dim..(c + 1) * dim].iter_mut().zip(&vecs[i * dim..(i + 1) * dim]) {
                *a += b;
            }
        }
        for c in 0..k {
            let cv = &mut cent[c * dim..(c + 1) * dim];
            if sizes[c] == 0 {
                // Empty cluster: keep its old centroid rather than a zero vector.
                cv.copy_from_slice(&old[c * dim..(c + 1) * dim]);
            } else {
                normalize(cv);
            }
        }
    }
    assign
}

/// Text form of clusters ("levels N" then "word<TAB>id id ..." lines), the
/// hand-off between `ner clusters` and `ner train`.
pub fn to_text(c: &Clusters) -> String {
    let mut words: Vec<(&String, &u32)> = c.index.iter().collect();
    words.sort_by_key(|(_, &i)| i);
    let mut s = format!("levels {}\n", c.levels);
    for (w, &i) in words {
        s.push_str(w);
        for k in 0..c.levels {
            s.push(if k == 0 { '\t' } else { ' ' });
            s.push_str(&c.ids[i as usize * c.levels + k].to_string());
        }
        s.push('\n');
    }
    let mut case: Vec<(&String, &u8)> = c.case.iter().collect();
    case.sort();
    s.push_str(&format!("case {}\n", case.len()));
    for (w, b) in case {
        s.push_str(&format!("{w}\t{b}\n"));
    }
    s
}

pub fn from_text(text: &str) -> Result<Clusters, String> {
    let mut lines = text.lines();
    let levels: usize = lines
        .next()
        .and_then(|l| l.strip_prefix("levels "))
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n| (1..=16).contains(&n))
        .ok_or("first line must be 'levels N'")?;
    let mut c = Clusters { levels, ..Clusters::default() };
    let mut in_case = false;
    for (n, line) in lines.enumerate() {
        if !in_case && line.starts_with("case ") && !line.contains('\t') {
            in_case = true;
            continue;
        }
        if in_case {
            let (w, b) = line.split_once('\t').ok_or_else(|| format!("line {}: no tab", n + 2))?;
            let b: u8 = b.parse().map_err(|e| format!("line {}: {e}", n + 2))?;
            c.case.insert(w.to_string(), b.min(10));
            continue;
        }
        let (w, ids) = line.split_once('\t').ok_or_else(|| format!("line {}: no tab", n + 2))?;
        let ids: Vec<u16> = ids.split(' ').map(|x| x.parse()).collect::<Result<_, _>>().map_err(|e| format!("line {}: {e}", n + 2))?;
        if ids.len() != levels {
            return Err(format!("line {}: expected {levels} ids", n + 2));
        }
        let i = c.index.len() as u32;
        c.index.entry(w.to_string()).or_insert(i);
        if c.index.len() as u32 > i {
            c.ids.extend(ids);
        }
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer() {
        let mut out = Vec::new();
        tokenize("Mr. Rahami visited Karachi, Pakistan's \u{201c}U.S.\u{201d} (2005).", &mut out);
        assert_eq!(out, ["Mr.", "Rahami", "visited", "Karachi", ",", "Pakistan", "'s", "\"", "U.S.", "\"", "(", "2005", ")", "."]);
    }

    #[test]
    fn clusters_group_similar_slots() {
        let mut cb = CorpusBuilder::new(1_000_000);
        for name in ["Smith", "Jones", "Brown", "Miller"] {
            for _ in 0..20 {
                cb.add_text(&format!("said Mr. {name} on Monday ."));
            }
        }
        for city in ["Paris", "Berlin", "Madrid", "Rome"] {
            for _ in 0..20 {
                cb.add_text(&format!("he lives in {city} , a city"));
            }
        }
        let cfg = ClusterConfig { levels: vec![64], min_count: 2, ..ClusterConfig::default() };
        let c = cb.build(&cfg);
        let id = |w: &str| c.ids[c.index[w] as usize];
        assert_eq!(id("Smith"), id("Jones"));
        assert_eq!(id("Paris"), id("Rome"));
        assert_ne!(id("Smith"), id("Paris"));
    }
}
