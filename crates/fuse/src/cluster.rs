//! Story clustering: documents arrive in order; each joins the story whose
//! centroid it is most similar to, or opens a new one.
//!
//! Documents are TF-IDF vectors over content words, with capitalized words
//! inside a sentence (names: "Tara Reid", "Lindsay Lohan") weighted three
//! times: two stories of the same kind (two celebrities entering rehab, two
//! earthquakes) share their vocabulary and differ in their names. IDF is
//! computed over the whole batch, smoothed (`ln(1 + N/df)`, N at least
//! [`IDF_MIN_DOCS`]) so that a batch that is all one story does not zero the
//! words its documents share.
//!
//! Words alone under-merge small single-story batches (a translation, a
//! report written before the event, a piece in another language): each
//! document's resolved entities (canonical names, so "Kiev" and "Kyiv" agree)
//! are a second TF-IDF block of the same vector, weighted [`ENTITY_WEIGHT`].
//!
//! Small batches compare each document with every story; large ones take
//! candidate stories from an inverted index of each story's strongest terms,
//! so a document is compared with the few stories that could take it.

use std::collections::{BTreeMap, HashMap};

use crate::vector::{dot, normalize, Vector, STOPWORDS};

/// Cosine similarity to a story's centroid above which a document joins it.
/// Tuned with [`ENTITY_WEIGHT`] and [`IDF_MIN_DOCS`] on ECB+ topics 1-22
/// (B³ F1 0.894; 0.88-0.89 for weights 0.4-0.6 and thresholds 0.2-0.22), on
/// the sample corpus (two stories, one in German too) and on the seeds (one).
pub const JOIN_SIMILARITY: f32 = 0.2;
/// Weight of the entity block against the word block (each normalized first).
pub const ENTITY_WEIGHT: f32 = 0.5;
/// IDF is computed as if the batch had at least this many documents: in a
/// batch of a dozen reports of one event, the words they all share are the
/// story, not noise (plain batch IDF split the sample corpus into 7 stories).
const IDF_MIN_DOCS: f32 = 500.0;
/// Up to this many stories, a document is compared with all of them.
const EXHAUSTIVE_STORIES: usize = 256;
/// Beyond that, with the stories sharing most of its strongest terms, at most this many.
const MAX_CANDIDATES: usize = 64;
/// Terms indexing more stories than this propose no candidates.
const MAX_POSTING: usize = 2000;
/// Terms a story's centroid keeps (it is pruned to these when it reaches twice as many).
const CENTROID_TERMS: usize = 1000;
const NAME_WEIGHT: f32 = 3.0;
/// Terms of a story indexed for candidate lookup, and of a document used to look up.
const INDEXED_TERMS: usize = 20;





/// Weighted term counts of a text: content words, names weighted up.
fn term_counts(text: &str, vocab: &mut HashMap<String, u32>) -> BTreeMap<u32, f32> {
    let mut counts = BTreeMap::new();
    for sentence in text.split(['.', '!', '?', '\n']) {
        let mut first = true;
        for word in sentence.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')).filter(|w| !w.is_empty()) {
            let is_number = word.chars().all(|c| c.is_ascii_digit());
            let lowered = crate::vector::lowercase(word);
            let lower: &str = &lowered;
            let keep = is_number || lower.chars().count() >= 3 && !STOPWORDS.contains(&lower);
            if keep {
                let name = !first && word.chars().next().is_some_and(char::is_uppercase);
                let id = crate::vector::term_id(vocab, lower);
                *counts.entry(id).or_insert(0.0) += if name { NAME_WEIGHT } else { 1.0 };
            }
            first = false;
        }
    }
    counts
}

struct Story {
    sum: Vector,
    centroid: Vector,
}

/// The sum of two sparse vectors sorted by term.
fn add_sorted(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// One document to cluster: its text and the canonical names of the
/// entities it mentions (once per mention).
pub struct Item<'a> {
    /// The headline, counted as a sentence of its own ("" when none).
    pub title: &'a str,
    pub text: &'a str,
    pub entities: Vec<&'a str>,
}

/// Clusters texts into stories, in input order. Returns a story number per
/// text; stories are numbered in order of their first document.
pub fn cluster(texts: &[&str]) -> Vec<usize> {
    let items: Vec<Item> = texts.iter().map(|t| Item { title: "", text: t, entities: Vec::new() }).collect();
    cluster_items(&items)
}

/// The story of each document: title and text, with the entities its
/// mentions were resolved to.
pub fn stories_of(docs: &[newsfuse_doc::Document]) -> Vec<usize> {
    let items: Vec<Item> = docs
        .iter()
        .map(|d| Item { title: d.title.as_deref().unwrap_or(""), text: &d.text, entities: d.mentions.iter().filter_map(|m| m.entity.as_deref()).collect() })
        .collect();
    cluster_items(&items)
}

/// [`cluster`] with entities.
pub fn cluster_items(items: &[Item]) -> Vec<usize> {
    let mut vocab = HashMap::new();
    // Sorted vectors, not maps: tens of thousands of documents' counts are held at once.
    let counts: Vec<Vector> = items
        .iter()
        .map(|it| {
            let mut c = term_counts(it.title, &mut vocab);
            for (t, x) in term_counts(it.text, &mut vocab) {
                *c.entry(t).or_insert(0.0) += x;
            }
            c.into_iter().collect()
        })
        .collect();
    // Entities share the id space, after the words, with a prefix no word has.
    let entity_counts: Vec<Vector> = items
        .iter()
        .map(|it| {
            let mut c = BTreeMap::new();
            for e in &it.entities {
                let next_id = vocab.len() as u32;
                let id = *vocab.entry(format!("\u{1}{e}")).or_insert(next_id);
                *c.entry(id).or_insert(0.0) += 1.0;
            }
            c.into_iter().collect()
        })
        .collect();
    let mut df = vec![0u32; vocab.len()];
    for c in counts.iter().chain(&entity_counts) {
        for &(t, _) in c {
            df[t as usize] += 1;
        }
    }
    let n = (items.len() as f32).max(IDF_MIN_DOCS);
    let tfidf = |c: &Vector, weight: f32| -> Vector {
        let mut v: Vector = c.iter().map(|&(t, tf)| (t, (1.0 + tf.ln()) * (1.0 + n / df[t as usize] as f32).ln())).collect();
        normalize(&mut v);
        v.iter_mut().for_each(|x| x.1 *= weight);
        v
    };
    let vectors: Vec<Vector> = counts
        .into_iter()
        .zip(entity_counts)
        .map(|(c, e)| {
            let (c, e) = (&c, &e);
            let mut v = tfidf(c, 1.0);
            v.extend(tfidf(e, ENTITY_WEIGHT));
            v.sort_by_key(|x| x.0);
            normalize(&mut v);
            v
        })
        .collect();

    let mut stories: Vec<Story> = Vec::new();
    let mut index: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    let mut assignment = Vec::with_capacity(items.len());
    let mut shared: HashMap<usize, u32> = HashMap::new();
    for v in &vectors {
        let candidates: Vec<usize> = if stories.len() <= EXHAUSTIVE_STORIES {
            (0..stories.len()).collect()
        } else {
            // The stories sharing most of the document's strongest terms; terms
            // that index very many stories do not discriminate and are skipped.
            shared.clear();
            for t in top_terms(v) {
                if let Some(list) = index.get(&t).filter(|l| l.len() <= MAX_POSTING) {
                    for &s in list {
                        *shared.entry(s).or_insert(0) += 1;
                    }
                }
            }
            let mut ranked: Vec<(u32, usize)> = shared.iter().map(|(&s, &n)| (n, s)).collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            ranked.into_iter().take(MAX_CANDIDATES).map(|(_, s)| s).collect()
        };
        let best = candidates
            .into_iter()
            .map(|s| (dot(v, &stories[s].centroid), s))
            .filter(|(sim, _)| *sim >= JOIN_SIMILARITY)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let story = match best {
            Some((_, s)) => s,
            None => {
                stories.push(Story { sum: Vec::new(), centroid: Vec::new() });
                stories.len() - 1
            }
        };
        let st = &mut stories[story];
        st.sum = add_sorted(&st.sum, v);
        if st.sum.len() > 2 * CENTROID_TERMS {
            // A long-running story keeps its strongest terms only: memory stays
            // bounded and the centroid is what the story is about now.
            st.sum.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            st.sum.truncate(CENTROID_TERMS);
            st.sum.sort_by_key(|x| x.0);
        }
        st.centroid = st.sum.clone();
        normalize(&mut st.centroid);
        for t in top_terms(&st.centroid) {
            let list = index.entry(t).or_default();
            if !list.contains(&story) {
                list.push(story);
            }
        }
        assignment.push(story);
    }
    assignment
}

/// The strongest terms of a vector (ties broken by term id, for determinism).
fn top_terms(v: &Vector) -> Vec<u32> {
    let mut terms: Vec<(u32, f32)> = v.clone();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.into_iter().take(INDEXED_TERMS).map(|(t, _)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_similar_events_are_told_apart_by_their_names() {
        let texts = [
            "Actress Mara Quill checked into a rehab center in Malibu, her publicist told reporters on Tuesday.",
            "Mara Quill entered the Malibu rehab facility after a difficult year, a friend of the actress said.",
            "Singer Tobin Vale has checked into rehab in Utah, his manager confirmed on Friday.",
            "Tobin Vale is receiving treatment at a rehab clinic in Utah, his manager said.",
            "A magnitude 6.1 earthquake struck the coast of Estavia, damaging homes in Port Elvara.",
        ];
        let got = cluster(&texts);
        assert_eq!(got, vec![0, 0, 1, 1, 2]);
    }

    #[test]
    fn shared_entities_join_a_report_in_another_language() {
        let items = [
            Item { title: "", text: "Flood waters from the broken Brezhovo dam reached the town hall, officials said on Monday.", entities: vec!["Brezhovo", "Ilona Vasarek"] },
            Item { title: "", text: "Minister Ilona Vasarek promised to rebuild every house in Brezhovo after the dam failed.", entities: vec!["Ilona Vasarek", "Brezhovo"] },
            Item { title: "", text: "Die Ministerin versprach nach dem Dammbruch in Brezhovo schnelle Hilfe für alle Familien.", entities: vec!["Ilona Vasarek", "Brezhovo"] },
            Item { title: "", text: "The Rovers won the cup final on penalties after a goalless draw in the capital.", entities: vec!["Rovers"] },
        ];
        assert_eq!(cluster_items(&items), vec![0, 0, 0, 1]);
        let words_only: Vec<&str> = items.iter().map(|i| i.text).collect();
        assert_ne!(cluster(&words_only)[2], 0, "without entities the German report stands alone");
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        assert!(cluster(&[]).is_empty());
        assert_eq!(cluster(&["", "the and for", ""]), vec![0, 1, 2]);
    }
}

