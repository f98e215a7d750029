//! An extractive brief of a set of documents: sentences chosen for being
//! central to the set (close to its TF-IDF centroid), early in their article
//! (news puts the essentials first), and carried by several documents
//! (corroboration), without repeating one another. Every chosen sentence is a
//! span of a document, so the brief cites its sources exactly.

use std::collections::{BTreeMap, HashMap};

use newsfuse_doc::{BlockKind, Document, Span};

use crate::vector::{dot, normalize, STOPWORDS};

/// Weight of a sentence's position in its article: `POSITION / (1 + index)`.
const POSITION: f32 = 0.1;
/// Weight of the share of other documents that carry a similar sentence.
const SUPPORT: f32 = 0.1;
/// Cosine above which a sentence of another document supports this one.
const SUPPORTS: f32 = 0.25;
/// Cosine above which a candidate repeats a chosen sentence and is skipped.
const REPEATS: f32 = 0.3;
/// Sentences outside this length (in words) are fragments or run-ons.
const MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 45;
/// Beyond this many candidates, support is counted over a sample of neighbours
/// only (the count is quadratic); documents' first sentences are always kept.
const MAX_CANDIDATES: usize = 600;


/// One sentence of the brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    /// Index of the document in the input.
    pub doc: usize,
    pub span: Span,
    pub words: usize,
}

struct Candidate {
    doc: usize,
    span: Span,
    position: usize,
    words: usize,
    vector: Vec<(u32, f32)>,
}



/// Chooses sentences until the brief reaches `max_words`; returns them in
/// the order chosen (most important first).
pub fn summarize(docs: &[Document], max_words: usize) -> Vec<Cited> {
    summarize_refs(&docs.iter().collect::<Vec<_>>(), max_words)
}

/// [`summarize`] over borrowed documents (a story's members).
pub fn summarize_refs(docs: &[&Document], max_words: usize) -> Vec<Cited> {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut terms_of: Vec<BTreeMap<u32, f32>> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let body: Vec<Span> = doc.paragraphs.iter().filter(|p| p.kind == BlockKind::Body).map(|p| p.span).collect();
        let mut position = 0;
        for &s in &doc.sentences {
            if !crate::within(&body, s) {
                continue;
            }
            let text = doc.span_text(s);
            let words = || text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
            let n_words = words().count();
            position += 1;
            if !(MIN_WORDS..=MAX_WORDS).contains(&n_words) {
                continue;
            }
            let mut counts = BTreeMap::new();
            for word in words() {
                let lowered = crate::vector::lowercase(word);
                let w: &str = &lowered;
                if w.len() >= 3 && !STOPWORDS.contains(&w) {
                    *counts.entry(crate::vector::term_id(&mut vocab, w)).or_insert(0.0) += 1.0;
                }
            }
            terms_of.push(counts);
            candidates.push(Candidate { doc: d, span: s, position: position - 1, words: n_words, vector: Vec::new() });
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let n = candidates.len() as f32;
    let mut df = vec![0f32; vocab.len()];
    for c in &terms_of {
        for &t in c.keys() {
            df[t as usize] += 1.0;
        }
    }
    let idf = |t: u32| (1.0 + n / df[t as usize]).ln();
    for (c, counts) in candidates.iter_mut().zip(&terms_of) {
        c.vector = counts.iter().map(|(&t, &tf)| (t, (1.0 + tf.ln()) * idf(t))).collect();
        normalize(&mut c.vector);
    }
    let mut centroid: Vec<(u32, f32)> = (0..vocab.len() as u32).filter(|&t| df[t as usize] > 0.0).map(|t| (t, df[t as usize] * idf(t))).collect();
    normalize(&mut centroid);

    let n_docs = docs.len().max(1) as f32;
    // Support is counted over a sample of the candidates, through an inverted
    // index of the sample's terms: each candidate touches only the sentences
    // that share a term with it (same sums, in the same order, as `dot`).
    let step = candidates.len().div_ceil(MAX_CANDIDATES).max(1);
    // One document supports nothing of its own: no sample, no quadratic count.
    let sample: Vec<usize> = if docs.len() > 1 { (0..candidates.len()).step_by(step).collect() } else { Vec::new() };
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocab.len()];
    for (k, &o) in sample.iter().enumerate() {
        for &(t, w) in &candidates[o].vector {
            postings[t as usize].push((k as u32, w));
        }
    }
    let mut similarity = vec![0f32; sample.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut scored: Vec<(f32, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            for &(t, w) in &c.vector {
                for &(k, x) in &postings[t as usize] {
                    if similarity[k as usize] == 0.0 {
                        touched.push(k);
                    }
                    similarity[k as usize] += w * x;
                }
            }
            let mut supporters: Vec<usize> = Vec::new();
            for k in touched.drain(..) {
                let o = &candidates[sample[k as usize]];
                if o.doc != c.doc && similarity[k as usize] > SUPPORTS {
                    supporters.push(o.doc);
                }
                similarity[k as usize] = 0.0;
            }
            supporters.sort_unstable();
            supporters.dedup();
            let score = dot(&c.vector, &centroid) + POSITION / (1.0 + c.position as f32) + SUPPORT * supporters.len() as f32 / n_docs;
            (score, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut chosen: Vec<usize> = Vec::new();
    let mut words = 0;
    for (_, i) in scored {
        if words >= max_words {
            break;
        }
        if chosen.iter().any(|&c| dot(&candidates[c].vector, &candidates[i].vector) > REPEATS) {
            continue;
        }
        words += candidates[i].words;
        chosen.push(i);
    }
    chosen.into_iter().map(|i| Cited { doc: candidates[i].doc, span: candidates[i].span, words: candidates[i].words }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::doc;


    #[test]
    fn the_corroborated_lead_wins_and_repeats_are_skipped() {
        let a = doc(&[
            "A spillway gate of the Brezhovo dam gave way on Monday and flooded the lower town, killing at least twelve people.",
            "The local football club postponed its weekend match against the visiting team from the capital city.",
        ]);
        let b = doc(&[
            "At least twelve people were killed when a spillway gate of the Brezhovo dam gave way and flooded the town on Monday.",
            "Residents had complained for years about cracks in the old concrete walls of the dam, the mayor told reporters.",
        ]);
        let brief = summarize(&[a.clone(), b.clone()], 30);
        assert_eq!(brief.len(), 2, "{brief:?}");
        assert!(a.span_text(brief[0].span).starts_with("A spillway gate") || b.span_text(brief[0].span).starts_with("At least twelve"));
        // The second sentence is not the other outlet's version of the first.
        let second = if brief[1].doc == 0 { a.span_text(brief[1].span) } else { b.span_text(brief[1].span) };
        assert!(!second.contains("spillway"), "{second}");
    }

    #[test]
    fn nothing_to_summarize() {
        assert!(summarize(&[], 100).is_empty());
        assert!(summarize(&[doc(&["Too short."])], 100).is_empty());
    }
}
