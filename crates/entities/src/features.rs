//! Feature extraction for named-entity tagging.
//!
//! Per-token values (lowercase, shape, affixes, cluster ids, gazetteer hits)
//! are computed once per sentence, then every token's features are hashed
//! conjunctions of those values within a ±2 window.

use newsfuse_learn::hash::{combine, hash_lower, hash_str, FastMap};
use newsfuse_learn::perceptron::SentenceFeatures;
use newsfuse_learn::FeatureExtractor;

// ---------------------------------------------------------------------------
// Gazetteer

/// Names seen in labeled data: token -> set of types it occurred in, and full
/// (lowercased) names -> set of types. Type sets are bitmasks over `types`.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub types: Vec<String>,
    pub tokens: FastMap<String, u8>,
    pub phrases: FastMap<u64, u8>,
    pub max_len: usize,
}

/// Phrase hashes are over lowercased tokens so ALL-CAPS headlines still match.
fn phrase_hash<'a>(tokens: impl Iterator<Item = &'a str>) -> u64 {
    let mut h = 0x9a1u64;
    for t in tokens {
        h = combine(h, hash_lower(7, t));
    }
    h
}

/// Longest names worth matching; longer ones are nearly always unique anyway.
const MAX_PHRASE: usize = 6;

impl Gazetteer {
    fn type_bit(&mut self, ty: &str) -> u8 {
        let i = match self.types.iter().position(|t| t == ty) {
            Some(i) => i,
            None => {
                assert!(self.types.len() < 8, "gazetteer supports at most 8 entity types");
                self.types.push(ty.to_string());
                self.types.len() - 1
            }
        };
        1 << i
    }

    /// Record one name (its tokens and its type).
    pub fn add(&mut self, tokens: &[&str], ty: &str) {
        let bit = self.type_bit(ty);
        for t in tokens {
            *self.tokens.entry(t.to_string()).or_insert(0) |= bit;
        }
        if tokens.len() <= MAX_PHRASE {
            *self.phrases.entry(phrase_hash(tokens.iter().copied())).or_insert(0) |= bit;
            self.max_len = self.max_len.max(tokens.len());
        }
    }

    fn token_mask(&self, tok: &str, title: &str) -> u8 {
        match self.tokens.get(tok) {
            Some(&m) => m,
            None if !title.is_empty() => self.tokens.get(title).copied().unwrap_or(0),
            None => 0,
        }
    }

    /// Greedy longest-match of known names; returns per token (type mask,
    /// position code 1=B 2=I 3=L 4=U, 0 = no match).
    fn match_phrases(&self, tokens: &[&str], out: &mut Vec<(u8, u8)>) {
        out.clear();
        out.resize(tokens.len(), (0, 0));
        let n = tokens.len();
        if self.phrases.is_empty() {
            return;
        }
        let lower: Vec<u64> = tokens.iter().map(|t| hash_lower(7, t)).collect();
        let mut i = 0;
        while i < n {
            let mut best = None;
            let maxl = self.max_len.min(n - i);
            let mut h = 0x9a1u64;
            for len in 1..=maxl {
                h = combine(h, lower[i + len - 1]);
                if let Some(&m) = self.phrases.get(&h) {
                    best = Some((len, m));
                }
            }
            match best {
                Some((len, m)) => {
                    for k in 0..len {
                        let pos = if len == 1 { 4 } else if k == 0 { 1 } else if k + 1 == len { 3 } else { 2 };
                        out[i + k] = (m, pos);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Word clusters

/// Word -> cluster ids at several granularities (coarse to fine), learned
/// from unlabeled text (see [`crate::clusters`]).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    pub levels: usize,
    pub index: FastMap<String, u32>,
    /// `ids[word * levels + level]`
    pub ids: Vec<u16>,
    /// Lowercased word -> how often it is capitalised away from sentence
    /// starts, in tenths (0..=10). Tells "CRICKET"/"Cricket" (a common noun)
    /// from "BONN"/"Bonn" where case gives no evidence.
    pub case: FastMap<String, u8>,
}

impl Clusters {
    fn lookup(&self, tok: &str, lower: &str, title: &str) -> Option<&[u16]> {
        let i = self
            .index
            .get(tok)
            .or_else(|| if title.is_empty() { None } else { self.index.get(title) })
            .or_else(|| self.index.get(lower))?;
        let i = *i as usize * self.levels;
        Some(&self.ids[i..i + self.levels])
    }
}

// ---------------------------------------------------------------------------
// NER features

/// Feature extractor for NER: word forms, shapes, affixes, window, sentence
/// capitalisation context, gazetteer and clusters.
#[derive(Clone, Debug, Default)]
pub struct NerFeatures {
    pub gazetteer: Gazetteer,
    pub clusters: Option<Clusters>,
}

/// Per-token values shared by the window features of its neighbours.
#[derive(Clone, Copy, Default)]
struct Tok {
    lower: u64,
    shape: u64,
    short: u64,
    gaz: u8,
    phrase: (u8, u8),
    clusters: [u16; 4],
    has_cluster: bool,
    /// Capitalisation bucket + 1 of the lowercased word (0 = unknown).
    case: u8,
    word: u64,
    length: u64,
    /// prefix 1..4 then suffix 1..4 hashes; `naffix` pairs are valid.
    affix: [u64; 8],
    naffix: u8,
}

/// Longest token prefix used for shapes and affixes: bounds the work on junk.
const MAX_CHARS: usize = 32;

fn shape_of(tok: &str, long: &mut String, short: &mut String) {
    long.clear();
    short.clear();
    for c in tok.chars().take(MAX_CHARS) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if long.len() < 8 || !long.ends_with(s) {
            long.push(s);
        }
        if !short.ends_with(s) {
            short.push(s);
        }
    }
}

/// Lowercase with digits folded to 0 (years, scores and prices generalise).
fn normalize(tok: &str, out: &mut String) {
    out.clear();
    for c in tok.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn titlecase(lower: &str, out: &mut String) {
    out.clear();
    let mut cs = lower.chars();
    if let Some(c) = cs.next() {
        out.extend(c.to_uppercase());
        out.push_str(cs.as_str());
    }
}

/// A sentence counts as an ALL-CAPS line (headline, dateline) when it has
/// letters and no lowercase ones: case then says nothing about names.
fn all_caps_line(tokens: &[&str]) -> bool {
    let mut letters = 0;
    for t in tokens {
        for c in t.chars().take(MAX_CHARS) {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
    }
    letters > 1
}

// Template seeds: arbitrary distinct constants.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_PREFIX: u64 = 10; // + length
const T_SUFFIX: u64 = 20; // + length
const T_LOWER_AT: u64 = 30; // + offset+2
const T_SHORT_AT: u64 = 40; // + offset+2
const T_BIGRAM_L: u64 = 50;
const T_BIGRAM_R: u64 = 51;
const T_SHAPE3: u64 = 52;
const T_START_SHAPE: u64 = 53;
const T_START_LOWER: u64 = 54;
const T_CAPS_LOWER: u64 = 55;
const T_CAPS_SHORT: u64 = 56;
const T_GAZ_AT: u64 = 60; // + offset+1
const T_PHRASE_AT: u64 = 70; // + offset+1
const T_CLUSTER: u64 = 80; // + level
const T_CLUSTER_AT: u64 = 90; // + 10*(offset+1) + level
const T_CLUSTER_SHAPE: u64 = 120;
const T_LENGTH: u64 = 121;
const T_CASE: u64 = 122;
const T_DOC: u64 = 123;
const T_DOC_SHAPE: u64 = 124;
const T_DOC_AT: u64 = 125; // + offset+1

fn tok_first_upper(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| c.is_uppercase())
}

const OUTSIDE_L: u64 = 0x5eed_0001;
const OUTSIDE_R: u64 = 0x5eed_0002;

impl FeatureExtractor for NerFeatures {
    fn extract(&self, tokens: &[&str], out: &mut SentenceFeatures) {
        self.extract_with_hints(tokens, &[], out)
    }
}

impl NerFeatures {
    /// Like [`FeatureExtractor::extract`], plus document hints: per token, the
    /// entity types a first tagging pass gave to the same word elsewhere in
    /// the document (see [`crate::ner::doc_hints`]); empty = no hints.
    pub fn extract_with_hints(&self, tokens: &[&str], hints: &[u8], out: &mut SentenceFeatures) {
        out.clear();
        let n = tokens.len();
        if n == 0 {
            return;
        }
        let caps = all_caps_line(tokens);
        let (mut lower, mut title, mut long, mut short) = (String::new(), String::new(), String::new(), String::new());
        let mut info: Vec<Tok> = Vec::with_capacity(n);
        let mut phrase = Vec::new();
        self.gazetteer.match_phrases(tokens, &mut phrase);
        for (i, tok) in tokens.iter().enumerate() {
            normalize(tok, &mut lower);
            shape_of(tok, &mut long, &mut short);
            // Headlines and sentence starts hide the usual case: also try the
            // Title-case form in lookups.
            let first_upper = tok.chars().next().is_some_and(|c| c.is_uppercase());
            if first_upper && (caps || i == 0) {
                titlecase(&lower, &mut title);
            } else {
                title.clear();
            }
            let mut t = Tok {
                lower: hash_str(T_LOWER, &lower),
                shape: hash_str(T_SHAPE, &long),
                short: hash_str(T_SHORT, &short),
                gaz: self.gazetteer.token_mask(tok, &title),
                phrase: phrase[i],
                word: hash_str(T_WORD, tok),
                ..Tok::default()
            };
            // Affixes of the normalized form, by characters (not bytes).
            let nchars = lower.chars().take(5).count();
            t.length = combine(T_LENGTH, tok.chars().take(MAX_CHARS).count().min(12) as u64);
            for k in 1..=4usize.min(nchars) {
                let end = lower.char_indices().nth(k).map_or(lower.len(), |c| c.0);
                t.affix[k - 1] = hash_str(T_PREFIX + k as u64, &lower[..end]);
                let start = lower.char_indices().rev().nth(k - 1).map_or(0, |c| c.0);
                t.affix[3 + k] = hash_str(T_SUFFIX + k as u64, &lower[start..]);
                t.naffix = k as u8;
            }
            if let Some(cl) = &self.clusters {
                if let Some(ids) = cl.lookup(tok, &lower, &title) {
                    for (k, &id) in ids.iter().take(4).enumerate() {
                        t.clusters[k] = id;
                    }
                    t.has_cluster = true;
                }
                if first_upper {
                    let mut lw = std::mem::take(&mut title);
                    lw.clear();
                    lw.extend(tok.chars().flat_map(char::to_lowercase));
                    t.case = cl.case.get(lw.as_str()).map_or(0, |b| b + 1);
                    title = lw;
                }
            }
            info.push(t);
        }
        let levels = self.clusters.as_ref().map_or(0, |c| c.levels.min(4));

        for i in 0..n {
            let t = info[i];
            let f = &mut out.feats;
            f.push(T_BIAS);
            f.push(t.word);
            f.push(t.lower);
            f.push(t.shape);
            f.push(t.short);
            f.push(t.length);
            for k in 0..t.naffix as usize {
                f.push(t.affix[k]);
                f.push(t.affix[4 + k]);
            }
            // Window of ±2.
            let at = |d: isize| -> Option<&Tok> {
                let j = i as isize + d;
                (j >= 0 && (j as usize) < n).then(|| &info[j as usize])
            };
            let side = |d: isize| if d < 0 { OUTSIDE_L } else { OUTSIDE_R };
            for d in [-2isize, -1, 1, 2] {
                let (l, s) = at(d).map_or((side(d), side(d)), |x| (x.lower, x.short));
                f.push(combine(T_LOWER_AT + (d + 2) as u64, l));
                f.push(combine(T_SHORT_AT + (d + 2) as u64, s));
            }
            let prev = at(-1).map_or(OUTSIDE_L, |x| x.lower);
            let next = at(1).map_or(OUTSIDE_R, |x| x.lower);
            f.push(combine(combine(T_BIGRAM_L, prev), t.lower));
            f.push(combine(combine(T_BIGRAM_R, t.lower), next));
            let ps = at(-1).map_or(OUTSIDE_L, |x| x.short);
            let ns = at(1).map_or(OUTSIDE_R, |x| x.short);
            f.push(combine(combine(combine(T_SHAPE3, ps), t.short), ns));
            // Capitalisation context: a capital at sentence start or in an
            // all-caps line is weak evidence, so the model sees these apart.
            if i == 0 {
                f.push(combine(T_START_SHAPE, t.short));
                f.push(combine(T_START_LOWER, t.lower));
            }
            if caps {
                f.push(combine(T_CAPS_LOWER, t.lower));
                f.push(combine(T_CAPS_SHORT, t.short));
            }
            // Gazetteer.
            for d in [-1isize, 0, 1] {
                if let Some(x) = at(d) {
                    if x.gaz != 0 {
                        f.push(combine(T_GAZ_AT + (d + 1) as u64, x.gaz as u64));
                    }
                    if x.phrase.0 != 0 {
                        f.push(combine(T_PHRASE_AT + (d + 1) as u64, ((x.phrase.0 as u64) << 8) | x.phrase.1 as u64));
                    }
                }
            }
            // Clusters: all levels for the token, coarse ones for neighbours.
            if levels > 0 {
                for d in [-1isize, 0, 1] {
                    match at(d) {
                        Some(x) if x.has_cluster => {
                            let lv = if d == 0 { levels } else { levels.min(2) };
                            for k in 0..lv {
                                f.push(combine(T_CLUSTER_AT + 10 * (d + 1) as u64 + k as u64, x.clusters[k] as u64));
                            }
                        }
                        Some(_) => f.push(combine(T_CLUSTER_AT + 10 * (d + 1) as u64 + 9, 0)),
                        None => {}
                    }
                }
                if tok_first_upper(tokens[i]) {
                    // Where case is uninformative (sentence start, headline)
                    // this is the main evidence against common words.
                    let ctx = (i == 0) as u64 | (caps as u64) << 1;
                    f.push(combine(combine(T_CASE, t.case as u64), ctx));
                }
                if t.has_cluster {
                    f.push(combine(combine(T_CLUSTER_SHAPE, t.clusters[0] as u64), t.short));
                    f.push(combine(T_CLUSTER, t.clusters[levels - 1] as u64));
                }
            }
            let ckey = if t.has_cluster && levels > 1 { combine(T_CLUSTER, t.clusters[1] as u64 + 1) } else { 0 };
            out.end_token([t.lower, t.short, ckey]);
        }
        Self::add_hints(hints, out);
    }

    /// Replaces the document-hint features of an extracted sentence (no-op
    /// unless there is one hint per token). Uses key 1 (the short shape).
    pub fn add_hints(hints: &[u8], out: &mut SentenceFeatures) {
        out.clear_extra();
        let n = out.len();
        if hints.len() != n || n == 0 {
            return;
        }
        out.extra_stride = 4;
        for i in 0..n {
            // Document consistency: the same name tends to keep its type.
            let h = hints[i] as u64;
            let short = out.keys[i][1];
            let prev = if i > 0 { hints[i - 1] as u64 } else { 0x100 };
            let next = if i + 1 < n { hints[i + 1] as u64 } else { 0x200 };
            out.extra.push(combine(T_DOC, h));
            out.extra.push(combine(combine(T_DOC_SHAPE, h), short));
            out.extra.push(combine(T_DOC_AT, prev));
            out.extra.push(combine(T_DOC_AT + 2, next));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let (mut l, mut s) = (String::new(), String::new());
        shape_of("U.S.", &mut l, &mut s);
        assert_eq!(l, "X.X.");
        shape_of("Blackburn", &mut l, &mut s);
        assert_eq!((l.as_str(), s.as_str()), ("Xxxxxxxx", "Xx"));
        shape_of("1996-08-22", &mut l, &mut s);
        assert_eq!(s, "d-d-d");
    }

    #[test]
    fn phrase_matching() {
        let mut g = Gazetteer::default();
        g.add(&["European", "Union"], "ORG");
        g.add(&["Peter"], "PER");
        let mut out = Vec::new();
        g.match_phrases(&["the", "EUROPEAN", "UNION", "and", "Peter"], &mut out);
        assert_eq!(out[1].1, 1);
        assert_eq!(out[2].1, 3);
        assert_eq!(out[4].1, 4);
        assert_eq!(out[0], (0, 0));
    }

    #[test]
    fn weird_tokens_do_not_panic() {
        let fx = NerFeatures::default();
        let mut sf = SentenceFeatures::default();
        let long = "ß".repeat(10_000);
        let toks = ["", "İ", "🙂", long.as_str(), "\u{0}", "a b"];
        fx.extract(&toks, &mut sf);
        assert_eq!(sf.len(), toks.len());
    }
}
