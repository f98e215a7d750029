//! Generic greedy averaged-perceptron sequence tagger over hashed features.
//!
//! Knows nothing about NER: it takes per-token feature hashes (from any
//! [`FeatureExtractor`]) and a label set, adds tag-history
//! features itself, and decodes left to right. The weight table is dense
//! (`rows x labels`, row chosen by hash) so scoring a token is one contiguous
//! row read per feature — that is what makes tagging fast.

use crate::hash::{combine, mix, Rng};

/// Static (history-independent) features of one sentence, flattened.
#[derive(Default, Clone, Debug)]
pub struct SentenceFeatures {
    /// All feature hashes of all tokens, token after token.
    pub feats: Vec<u64>,
    /// `feats[offsets[i]..offsets[i+1]]` are token i's features.
    pub offsets: Vec<u32>,
    /// Per token, a few hashes conjoined with the previous tag (lets the model
    /// learn e.g. "capitalised word after B-PER" without a full feature cross).
    /// Use 0 for "no key".
    pub keys: Vec<[u64; NKEYS]>,
    /// Optional second block with a fixed number of features per token,
    /// `extra[i * extra_stride..(i + 1) * extra_stride]`: lets a later pass
    /// add features (e.g. document hints) without re-extracting the rest.
    pub extra: Vec<u64>,
    pub extra_stride: usize,
}

impl SentenceFeatures {
    pub fn clear(&mut self) {
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        self.keys.clear();
        self.clear_extra();
    }
    pub fn clear_extra(&mut self) {
        self.extra.clear();
        self.extra_stride = 0;
    }
    pub fn len(&self) -> usize {
        self.keys.len()
    }
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
    /// Close the current token: its key plus everything pushed since the last call.
    pub fn end_token(&mut self, key: [u64; NKEYS]) {
        self.keys.push(key);
        self.offsets.push(self.feats.len() as u32);
    }
    fn token(&self, i: usize) -> &[u64] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
    fn extra(&self, i: usize) -> &[u64] {
        let k = self.extra_stride;
        self.extra.get(i * k..(i + 1) * k).unwrap_or(&[])
    }
}

/// Anything that turns a tokenized sentence into hashed features can drive
/// the generic [`Perceptron`].
pub trait FeatureExtractor {
    fn extract(&self, tokens: &[&str], out: &mut SentenceFeatures);
}

const H_PREV1: u64 = 0x1001;
const H_PREV2: u64 = 0x1002;
const H_PREV_KEY: u64 = 0x1003;

/// Number of per-token history keys.
pub const NKEYS: usize = 3;
const NHIST: usize = 2 + NKEYS;

/// Label id used as "before the sentence" in history features.
const START: usize = u16::MAX as usize;

/// A trained (or training) tagger: label set, transition constraints, weights.
#[derive(Clone, Debug)]
pub struct Perceptron {
    labels: Vec<String>,
    /// log2 of the number of weight rows.
    bits: u32,
    /// `rows * labels.len()` weights, row-major, while training.
    weights: Vec<f32>,
    /// The same quantised to i16 (`weight = q * scale`) for tagging: half the
    /// memory traffic, and exactly what the model file stores. When set,
    /// `weights` is empty.
    qweights: Vec<i16>,
    scale: f32,
    /// `allowed[(prev+1) * L + cur]`, prev = -1 for sentence start. Derived from
    /// BIO/BILOU prefixes so greedy decoding can never emit an invalid sequence.
    allowed: Vec<bool>,
}

impl Perceptron {
    pub fn new(labels: Vec<String>, bits: u32) -> Self {
        assert!(!labels.is_empty() && labels.len() < START, "bad label count");
        assert!((8..=28).contains(&bits), "hash bits out of range");
        let n = (1usize << bits) * labels.len();
        let allowed = transition_mask(&labels);
        Perceptron { labels, bits, weights: vec![0.0; n], qweights: Vec::new(), scale: 1.0, allowed }
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }
    pub fn bits(&self) -> u32 {
        self.bits
    }
    pub fn num_labels(&self) -> usize {
        self.labels.len()
    }
    pub fn is_quantized(&self) -> bool {
        !self.qweights.is_empty()
    }

    /// Converts f32 weights to the i16 form used for tagging (no-op if done).
    pub fn quantize(&mut self) {
        if self.is_quantized() {
            return;
        }
        let max = self.weights.iter().fold(0f32, |m, x| m.max(x.abs()));
        self.scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let scale = self.scale;
        self.qweights = self.weights.iter().map(|x| (x / scale).round() as i16).collect();
        self.weights = Vec::new();
    }

    /// Quantised weights and their scale (quantises a copy if needed).
    pub fn quantized_weights(&self) -> (std::borrow::Cow<'_, [i16]>, f32) {
        if self.is_quantized() {
            (std::borrow::Cow::Borrowed(&self.qweights), self.scale)
        } else {
            let mut p = self.clone();
            p.quantize();
            (std::borrow::Cow::Owned(p.qweights), p.scale)
        }
    }

    #[inline]
    fn row(&self, f: u64) -> usize {
        // Feature hashes are already mixed; one more mix decorrelates the row
        // index from the hash bits templates were combined with.
        (mix(f) >> (64 - self.bits)) as usize * self.labels.len()
    }

    #[inline]
    fn prefetch(&self, f: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let r = self.row(f);
            let l = self.labels.len();
            let (first, last) = if self.is_quantized() {
                let row = &self.qweights[r..r + l];
                (row.as_ptr() as *const i8, row[l - 1..].as_ptr() as *const i8)
            } else {
                let row = &self.weights[r..r + l];
                (row.as_ptr() as *const i8, row[l - 1..].as_ptr() as *const i8)
            };
            // SAFETY: prefetching is only a hint, and both addresses point
            // into the row (its first and last element).
            #[allow(unused_unsafe)]
            unsafe {
                _mm_prefetch(first, _MM_HINT_T0);
                _mm_prefetch(last, _MM_HINT_T0);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = f;
    }

    #[inline]
    fn add_row(&self, f: u64, scores: &mut [f32]) {
        let r = self.row(f);
        if self.is_quantized() {
            let scale = self.scale;
            let w = &self.qweights[r..r + scores.len()];
            for (s, x) in scores.iter_mut().zip(w) {
                *s += *x as f32 * scale;
            }
        } else {
            let w = &self.weights[r..r + scores.len()];
            for (s, x) in scores.iter_mut().zip(w) {
                *s += *x;
            }
        }
    }

    /// Tag-history features; unused key slots (0) become a constant feature,
    /// which acts as a per-previous-tag bias.
    #[inline]
    fn history(prev1: usize, prev2: usize, keys: [u64; NKEYS]) -> [u64; NHIST] {
        let mut h = [0u64; NHIST];
        h[0] = combine(H_PREV1, prev1 as u64);
        h[1] = combine(H_PREV2, ((prev2 as u64) << 16) | prev1 as u64);
        for (k, key) in keys.iter().enumerate() {
            h[2 + k] = combine(combine(H_PREV_KEY + k as u64, prev1 as u64), *key);
        }
        h
    }

    #[inline]
    fn is_allowed(&self, prev: usize, cur: usize) -> bool {
        let p = if prev == START { 0 } else { prev + 1 };
        self.allowed[p * self.labels.len() + cur]
    }

    /// Greedy left-to-right decoding; `out` receives one label id per token.
    pub fn decode(&self, sf: &SentenceFeatures, scores: &mut Vec<f32>, out: &mut Vec<u16>) {
        out.clear();
        let l = self.labels.len();
        scores.resize(l, 0.0);
        let (mut p1, mut p2) = (START, START);
        if !sf.is_empty() {
            sf.token(0).iter().chain(sf.extra(0)).for_each(|&f| self.prefetch(f));
        }
        for i in 0..sf.len() {
            // Tagging is bound by weight-row cache misses: fetch the next
            // token's rows while this one is scored.
            if i + 1 < sf.len() {
                sf.token(i + 1).iter().chain(sf.extra(i + 1)).for_each(|&f| self.prefetch(f));
            }
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &f in sf.token(i).iter().chain(sf.extra(i)) {
                self.add_row(f, scores);
            }
            for f in Self::history(p1, p2, sf.keys[i]) {
                self.add_row(f, scores);
            }
            let best = self.argmax(p1, scores);
            out.push(best as u16);
            p2 = p1;
            p1 = best;
        }
    }

    fn argmax(&self, prev: usize, scores: &[f32]) -> usize {
        let mut best = usize::MAX;
        let mut best_s = f32::NEG_INFINITY;
        for (j, &s) in scores.iter().enumerate() {
            // `>` keeps the lowest id on ties, so decoding is deterministic;
            // NaN can never win.
            if self.is_allowed(prev, j) && (best == usize::MAX || s > best_s) {
                best = j;
                best_s = s;
            }
        }
        if best == usize::MAX {
            0
        } else {
            best
        }
    }
}

/// Which label may follow which, from the usual prefixes: `B-X`/`I-X` must be
/// continued by `I-X`/`L-X` when the set has `L-` labels (BILOU), `I-X` may
/// only follow `B-X`/`I-X` of the same type. Labels without a known prefix are
/// unconstrained, so any label set works.
fn transition_mask(labels: &[String]) -> Vec<bool> {
    let l = labels.len();
    let split = |s: &str| -> (char, String) {
        match s.split_once('-') {
            Some((p, t)) if p.len() == 1 && "BILU".contains(p) => (p.chars().next().unwrap(), t.to_string()),
            _ => ('O', String::new()),
        }
    };
    let parsed: Vec<(char, String)> = labels.iter().map(|s| split(s)).collect();
    let bilou = parsed.iter().any(|(p, _)| *p == 'L' || *p == 'U');
    let mut allowed = vec![true; (l + 1) * l];
    for prev in 0..=l {
        for (cur, (cp, ct)) in parsed.iter().enumerate() {
            let (pp, pt) = if prev == 0 { ('O', String::new()) } else { parsed[prev - 1].clone() };
            let inside = (pp == 'B' || pp == 'I') && bilou;
            let ok = if inside {
                (*cp == 'I' || *cp == 'L') && *ct == pt
            } else if *cp == 'I' || *cp == 'L' {
                (pp == 'B' || pp == 'I') && *ct == pt
            } else {
                true
            };
            allowed[prev * l + cur] = ok;
        }
    }
    allowed
}

/// Training state: current weights plus the running sums needed for averaging
/// (the "w - u/c" trick, so an update costs O(features), not O(table)).
pub struct Trainer {
    pub model: Perceptron,
    /// Also update when the gold label only wins a tie (zero margin).
    pub tie_is_error: bool,
    acc: Vec<f32>,
    step: f32,
}

impl Trainer {
    pub fn new(model: Perceptron) -> Self {
        assert!(!model.is_quantized(), "cannot train a quantized model");
        let n = model.weights.len();
        Trainer { model, tie_is_error: true, acc: vec![0.0; n], step: 1.0 }
    }

    fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        let c = self.step;
        for &f in feats {
            let r = self.model.row(f);
            self.model.weights[r + good] += 1.0;
            self.acc[r + good] += c;
            self.model.weights[r + bad] -= 1.0;
            self.acc[r + bad] -= c;
        }
    }

    /// One pass over `data` in a seeded random order. Returns the number of
    /// token errors (before the updates).
    pub fn epoch(&mut self, data: &[(SentenceFeatures, Vec<u16>)], rng: &mut Rng) -> usize {
        let mut order: Vec<usize> = (0..data.len()).collect();
        rng.shuffle(&mut order);
        let l = self.model.labels.len();
        let mut scores = vec![0.0f32; l];
        let mut errors = 0;
        let mut buf: Vec<u64> = Vec::new();
        for &k in &order {
            let (sf, gold) = &data[k];
            let (mut p1, mut p2) = (START, START);
            for (i, &gi) in gold.iter().enumerate().take(sf.len()) {
                buf.clear();
                buf.extend_from_slice(sf.token(i));
                buf.extend_from_slice(sf.extra(i));
                buf.extend_from_slice(&Perceptron::history(p1, p2, sf.keys[i]));
                scores.iter_mut().for_each(|s| *s = 0.0);
                for &f in &buf {
                    self.model.add_row(f, &mut scores);
                }
                let guess = self.model.argmax(p1, &scores);
                let g = gi as usize;
                if guess != g {
                    errors += 1;
                    self.update(&buf, g, guess);
                } else if self.tie_is_error {
                    // Correct only by tie-breaking: the gold label has no margin,
                    // and averaging could flip it. Push it apart from the rival.
                    let rival = (0..scores.len()).find(|&j| j != g && self.model.is_allowed(p1, j) && scores[j] >= scores[g]);
                    if let Some(j) = rival {
                        self.update(&buf, g, j);
                    }
                }
                self.step += 1.0;
                // Condition on our own prediction, as at test time: the model
                // learns to recover from its mistakes.
                p2 = p1;
                p1 = guess;
            }
        }
        errors
    }

    /// The averaged weights as a standalone model (training can continue).
    pub fn averaged(&self) -> Perceptron {
        let mut m = self.model.clone();
        let c = self.step;
        for (w, a) in m.weights.iter_mut().zip(&self.acc) {
            *w -= *a / c;
        }
        m
    }
}

/// Build a model from saved parts (used by deserialization, here and by
/// other stages that store their own taggers).
pub fn from_parts(labels: Vec<String>, bits: u32, qweights: Vec<i16>, scale: f32) -> Perceptron {
    let allowed = transition_mask(&labels);
    Perceptron { labels, bits, weights: Vec::new(), qweights, scale, allowed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let labels: Vec<String> = ["O", "B-PER", "I-PER", "L-PER", "U-PER"].iter().map(|s| s.to_string()).collect();
        let p = Perceptron::new(labels, 8);
        assert!(!p.is_allowed(START, 2)); // I- cannot start a sentence
        assert!(p.is_allowed(1, 2));
        assert!(!p.is_allowed(1, 0)); // B- must be continued
        assert!(p.is_allowed(3, 0));
        assert!(p.is_allowed(START, 4));
    }
}
