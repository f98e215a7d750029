//! Sparse term vectors shared by clustering and the brief.

/// `(term id, weight)` pairs sorted by term id.
pub type Vector = Vec<(u32, f32)>;

/// Function words that carry no topic.
pub const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "was", "were", "been", "are", "that", "this", "its", "she", "they", "his", "her", "their",
    "said", "says", "will", "would", "has", "have", "had", "not", "but", "who", "which", "after", "before", "over", "into", "than",
    "about", "more", "out", "also", "new", "one", "two", "our", "you", "your", "all", "can", "could", "may", "there", "when", "what",
    "some", "other", "them", "him", "being", "then", "just", "did", "does", "per", "any", "most", "such", "only",
];

/// Dot product of two sorted sparse vectors.
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    dot_and_shared(a, b).0
}

/// The dot product of two sorted sparse vectors and how many terms they share, in one pass.
pub fn dot_and_shared(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, usize) {
    let (mut i, mut j, mut s, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (s, shared)
}

/// The id of a word in a vocabulary, added with the next id when new (looked
/// up by `&str`: a known word costs no allocation).
pub fn term_id(vocab: &mut std::collections::HashMap<String, u32>, word: &str) -> u32 {
    if let Some(&id) = vocab.get(word) {
        return id;
    }
    let id = vocab.len() as u32;
    vocab.insert(word.to_string(), id);
    id
}

/// A word in lower case, borrowed when it is lower case already (most words:
/// no allocation for them).
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        word.to_lowercase().into()
    } else {
        word.into()
    }
}

/// Scales a vector to unit length (a zero vector stays zero).
pub fn normalize(v: &mut [(u32, f32)]) {
    let n = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|(_, x)| *x /= n);
    }
}
