//! Syndication: which documents are copies of one another, so that a wire
//! story run by three outlets counts as one independent source.
//!
//! Two documents are copies when they share whole paragraphs: paragraph
//! shingle sets are MinHashed (gaoya) and indexed with LSH, candidate pairs are
//! verified on exact Jaccard, and a pair of documents is linked when the
//! shared paragraphs cover half of the shorter one, or when they share a
//! paragraph and credit the same agency (dateline or credit line). Sharing one
//! paragraph alone is not enough: independent outlets quote the same
//! statement verbatim. Linked documents form groups (union-find); each group
//! is one independent source. Documents of one outlet are not compared (they
//! share its boilerplate, and the analysis counts an outlet once anyway), and a
//! paragraph is verified against at most [`MAX_PARAGRAPH_PEERS`] earlier ones.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use gaoya::minhash::{MinHasher, MinHasher32};
use newsfuse_doc::{BlockKind, Document};

/// Paragraphs shorter than this (in words) are too generic to prove copying.
const MIN_PARAGRAPH_WORDS: usize = 12;
/// Exact Jaccard of two paragraphs' shingle sets for them to count as the same paragraph
/// (a copy edited lightly: a dropped clause, a changed word).
const SAME_PARAGRAPH: f64 = 0.6;
/// Share of the shorter document's paragraph words that shared paragraphs must cover.
const COPIED_SHARE: f64 = 0.5;
const NUM_HASHES: usize = 64;
/// LSH bands of the signature, and hashes per band: paragraphs with Jaccard 0.6
/// share a band with probability 0.9, with 0.3 only 0.12.
const BANDS: usize = 16;
const ROWS: usize = NUM_HASHES / BANDS;
/// Exact Jaccard of a candidate pair below which it is not looked at further
/// (the LSH threshold: cheap pairs to drop before the per-paragraph cap).
const LSH_THRESHOLD: f64 = SAME_PARAGRAPH * 0.8;
/// Earlier paragraphs a paragraph is verified against, at most; each LSH bucket
/// offers its earliest this many, so a bucket of boilerplate costs no more.
const MAX_PARAGRAPH_PEERS: usize = 100;

/// A group of documents that are copies of one story, by index into the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<usize>,
    /// The agency the copies credit, when they credit one.
    pub agency: Option<String>,
}

struct Paragraph {
    doc: usize,
    words: usize,
    /// Sorted, distinct 32-bit hashes (a sorted Vec of u32 takes a tenth of a
    /// BTreeSet<u64>'s memory, which matters with a million paragraphs; at a
    /// few dozen shingles per paragraph, 32-bit collisions do not move a Jaccard).
    shingles: Vec<u32>,
}

fn shingles(text: &str) -> (usize, Vec<u32>) {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut set: Vec<u32> = words
        .windows(3)
        .map(|gram| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            gram.hash(&mut h);
            h.finish() as u32
        })
        .collect();
    set.sort_unstable();
    set.dedup();
    (words.len(), set)
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// One band of a signature as a bucket key; the band number is mixed in so
/// that all bands share one table.
fn band_key(band: usize, rows: &[u32]) -> u32 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (band, rows).hash(&mut h);
    h.finish() as u32
}

/// The agency a document credits: its dateline's (`(Reuters)`), else none.
fn agency(doc: &Document) -> Option<String> {
    doc.dateline.as_ref().and_then(|d| d.agency.clone()).map(|a| a.to_lowercase())
}

/// Groups documents into syndication groups; every document is in exactly
/// one group, groups are ordered by their first member.
pub fn groups(docs: &[Document]) -> Vec<Group> {
    use rayon::prelude::*;
    let per_doc: Vec<Vec<Paragraph>> = docs
        .par_iter()
        .enumerate()
        .map(|(i, doc)| {
            doc.paragraphs
                .iter()
                .filter(|p| p.kind == BlockKind::Body)
                .map(|p| shingles(doc.span_text(p.span)))
                .filter(|(words, _)| *words >= MIN_PARAGRAPH_WORDS)
                .map(|(words, shingles)| Paragraph { doc: i, words, shingles })
                .collect()
        })
        .collect();
    let doc_words: Vec<usize> = per_doc.iter().map(|ps| ps.iter().map(|p| p.words).sum()).collect();
    let paragraphs: Vec<Paragraph> = per_doc.into_iter().flatten().collect();

    // Candidate paragraph pairs from LSH (MinHash signatures cut into bands; two
    // paragraphs are candidates when one band agrees), verified exactly. The band
    // index is a sorted table of (band key, paragraph) rather than hash maps of
    // sets: a few bytes per paragraph and band, with a million paragraphs.
    let hasher = MinHasher32::new(NUM_HASHES);
    let keys: Vec<[u32; BANDS]> = paragraphs
        .par_iter()
        .map(|p| {
            let signature = hasher.create_signature(p.shingles.iter());
            std::array::from_fn(|b| band_key(b, &signature[b * ROWS..(b + 1) * ROWS]))
        })
        .collect();
    let mut table: Vec<(u32, u32)> = keys.iter().enumerate().flat_map(|(p, k)| k.iter().map(move |&key| (key, p as u32))).collect();
    table.par_sort_unstable();
    // Each paragraph is compared with the earlier paragraphs sharing a band
    // with it that are close enough (the LSH threshold, on exact Jaccard).
    let linked: Vec<Vec<(usize, usize)>> = (0..paragraphs.len())
        .into_par_iter()
        .map(|j| {
            let mut candidates: Vec<usize> = Vec::new();
            for &key in &keys[j] {
                let start = table.partition_point(|&(k, _)| k < key);
                // A bucket lists its paragraphs in order.
                candidates.extend(table[start..].iter().take_while(|&&(k, p)| k == key && (p as usize) < j).take(MAX_PARAGRAPH_PEERS).map(|&(_, p)| p as usize));
            }
            candidates.sort_unstable();
            candidates.dedup();
            let b = &paragraphs[j];
            let mut close: Vec<(usize, f64)> =
                candidates.into_iter().map(|i| (i, jaccard(&paragraphs[i].shingles, &b.shingles))).filter(|&(_, s)| s >= LSH_THRESHOLD).collect();
            // A paragraph found in very many documents is boilerplate or a copy run
            // everywhere: linking each document to the first few is enough to group them.
            close.truncate(MAX_PARAGRAPH_PEERS);
            close
                .into_iter()
                .filter(|&(i, similarity)| {
                    let a = &paragraphs[i];
                    // Reports of one outlet share its boilerplate; they are one source anyway.
                    let same_outlet = docs[a.doc].outlet.is_some() && docs[a.doc].outlet == docs[b.doc].outlet;
                    a.doc != b.doc && !same_outlet && similarity >= SAME_PARAGRAPH
                })
                .map(|(i, _)| (i, j))
                .collect()
        })
        .collect();
    drop(table);
    drop(keys);
    // For each document pair: the words of the shorter side's paragraphs that the other also has.
    let mut shared: BTreeMap<(usize, usize), (BTreeSet<usize>, BTreeSet<usize>)> = BTreeMap::new();
    for (i, j) in linked.into_iter().flatten() {
        let (a, b) = (&paragraphs[i], &paragraphs[j]);
        let key = (a.doc.min(b.doc), a.doc.max(b.doc));
        let entry = shared.entry(key).or_default();
        let (pa, pb) = if a.doc < b.doc { (i, j) } else { (j, i) };
        entry.0.insert(pa);
        entry.1.insert(pb);
    }

    let mut parent: Vec<usize> = (0..docs.len()).collect();
    use crate::units::find;
    for (&(a, b), (pa, pb)) in &shared {
        let words_a: usize = pa.iter().map(|&p| paragraphs[p].words).sum();
        let words_b: usize = pb.iter().map(|&p| paragraphs[p].words).sum();
        let share = |w: usize, total: usize| if total == 0 { 0.0 } else { w as f64 / total as f64 };
        let covered = share(words_a, doc_words[a]).max(share(words_b, doc_words[b]));
        let same_agency = agency(&docs[a]).is_some() && agency(&docs[a]) == agency(&docs[b]);
        if covered >= COPIED_SHARE || same_agency || pa.len().min(pb.len()) >= 3 {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }

    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..docs.len() {
        let root = find(&mut parent, i);
        by_root.entry(root).or_default().push(i);
    }
    let mut out: Vec<Group> = by_root
        .into_values()
        .map(|members| {
            let agency = members.iter().find_map(|&m| docs[m].dateline.as_ref().and_then(|d| d.agency.clone()));
            Group { members, agency }
        })
        .collect();
    out.sort_by_key(|g| g.members[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfuse_doc::{Dateline, Origin, Paragraph as Para, Span};

    fn doc(paragraphs: &[&str], agency: Option<&str>) -> Document {
        let text = paragraphs.join("\n\n");
        let mut d = Document::new("d", Origin::default(), text.clone());
        let mut at = 0;
        for p in paragraphs {
            d.paragraphs.push(Para { span: Span::new(at, at + p.len()), kind: BlockKind::Body });
            at += p.len() + 2;
        }
        d.dateline = agency.map(|a| Dateline { text: String::new(), places: vec![], agency: Some(a.into()), date: None });
        d
    }

    const WIRE: [&str; 3] = [
        "A spillway gate at the Brezhovo Dam gave way shortly before dawn on Monday, sending a surge of water down the river that killed at least twelve people.",
        "The river rose three and a half meters in less than an hour, flooding the lower town and the nearby village of Kestel, according to the civil protection directorate.",
        "Evacuees have been taken to a sports hall and two schools in Ravnik, twelve kilometers to the north, and the army has sent water trucks to the area.",
    ];

    #[test]
    fn wire_copies_group_and_independent_reports_do_not() {
        let original = doc(&WIRE, Some("BPA"));
        let trimmed = doc(&[WIRE[0], WIRE[1], "Evacuees have been taken to a sports hall and two schools in Ravnik, twelve kilometers to the north."], Some("BPA"));
        let independent = doc(
            &[
                "A spillway gate at the Brezhovo Dam failed early on Monday, the mayor's office said, and fourteen people are now known to have died in the flood.",
                "Rescue crews in boats worked through the night in Kestel, where the water is receding more slowly than in the town itself, officials said.",
            ],
            None,
        );
        let groups = groups(&[original, independent, trimmed]);
        assert_eq!(groups.iter().map(|g| g.members.clone()).collect::<Vec<_>>(), vec![vec![0, 2], vec![1]]);
        assert_eq!(groups[0].agency.as_deref(), Some("BPA"));
    }

    #[test]
    fn one_shared_quote_paragraph_is_not_copying() {
        let quote = "\"We are still searching house by house, and we will keep going through the night,\" the head of the directorate told reporters on Monday.";
        let a = doc(&[quote, WIRE[0], WIRE[1]], None);
        let b = doc(
            &[
                quote,
                "The mayor said the town would need months to recover and asked the government for emergency funds to rebuild the flooded bridges and roads.",
                "Residents said they had warned the council about the gate for years, but repairs were postponed again and again because of budget cuts.",
            ],
            None,
        );
        assert_eq!(groups(&[a, b]).len(), 2);
    }

    #[test]
    fn copies_beyond_the_peer_cap_still_form_one_group() {
        // Each paragraph is verified against its earliest peers only; the copies
        // past the cap still link to those, so every copy lands in one group.
        let copies: Vec<Document> = (0..MAX_PARAGRAPH_PEERS * 2 + 50)
            .map(|k| {
                let mut d = doc(&WIRE, None);
                d.outlet = Some(format!("outlet {k}"));
                d
            })
            .collect();
        let groups = groups(&copies);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members.len(), copies.len());
    }
}
