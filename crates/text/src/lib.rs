//! The text stage: language identification, sentence segmentation and
//! tokenization. Entry point: [`annotate`], which fills `language`,
//! `sentences` and `tokens` of a [`Document`] whose text and paragraphs the
//! ingest stage has set.
//!
//! Invariants: sentences never cross paragraph boundaries; every sentence and
//! token span is trimmed of whitespace, lies on character boundaries, and the
//! spans of each layer are sorted and disjoint.
//!
//! ```
//! use newsfuse_doc::{Document, Paragraph, Span};
//!
//! let text = "Dr. Ana Ruiz arrived in the U.S. on Monday. She didn't comment.";
//! let mut doc = Document::new("d", Default::default(), text.into());
//! doc.paragraphs = vec![Paragraph { span: Span::new(0, text.len()), kind: Default::default() }];
//! newsfuse_text::annotate(&mut doc);
//! assert_eq!(doc.language.code, "en");
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.span_text(*s)).collect();
//! assert_eq!(sentences, ["Dr. Ana Ruiz arrived in the U.S. on Monday.", "She didn't comment."]);
//! let words: Vec<&str> = doc.tokens_in(doc.sentences[1]).iter().map(|t| doc.span_text(*t)).collect();
//! assert_eq!(words, ["She", "did", "n't", "comment", "."]);
//! ```

mod language;
mod sentences;
mod tokens;

use newsfuse_doc::{Document, Span};

pub use language::detect as detect_language;
pub use sentences::split_sentences;
pub use tokens::tokenize;

/// Adds language, sentences and tokens to a document.
pub fn annotate(doc: &mut Document) {
    let detected = language::detect(&doc.text);
    // A declared language is kept unless the text clearly says otherwise:
    // many sites declare `en` on every page whatever it holds.
    if !doc.language.declared || doc.language.code.is_empty() || (detected.confidence >= 0.5 && detected.code != doc.language.code) {
        doc.language = detected;
    } else if detected.code == doc.language.code {
        doc.language.confidence = detected.confidence.max(doc.language.confidence);
    }
    if doc.language.code != "en" && doc.language.code != "und" {
        doc.add_flag("non-english");
    }
    let lang = if doc.language.code.len() == 2 { doc.language.code.clone() } else { "en".to_string() };
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let paragraphs: Vec<Span> = if doc.paragraphs.is_empty() { vec![Span::new(0, doc.text.len())] } else { doc.paragraphs.iter().map(|p| p.span).collect() };
    for para in paragraphs {
        let para_text = &doc.text[para.range()];
        for s in split_sentences(&lang, para_text) {
            let sentence = Span::new(para.start as usize + s.start as usize, para.start as usize + s.end as usize);
            sentences.push(sentence);
            for t in tokenize(&doc.text[sentence.range()]) {
                tokens.push(Span::new(sentence.start as usize + t.start as usize, sentence.start as usize + t.end as usize));
            }
        }
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfuse_doc::{Origin, Paragraph};

    #[test]
    fn annotate_fills_all_layers() {
        let text = "Floods hit Brezhovo\n\nDr. Ana Ruiz said the U.S. team arrived on Jan. 5. “We will stay,” she said. The water rose 3.5 meters...".to_string();
        let mut doc = Document::new("t", Origin::default(), text);
        doc.paragraphs = vec![Paragraph { span: Span::new(0, 19), kind: Default::default() }, Paragraph { span: Span::new(21, doc.text.len()), kind: Default::default() }];
        annotate(&mut doc);
        doc.check_spans().unwrap();
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.span_text(*s)).collect();
        assert_eq!(
            sentences,
            vec![
                "Floods hit Brezhovo",
                "Dr. Ana Ruiz said the U.S. team arrived on Jan. 5.",
                "“We will stay,” she said.",
                "The water rose 3.5 meters..."
            ]
        );
        assert_eq!(doc.language.code, "en");
        assert!(doc.span_text(doc.tokens[3]) == "Dr.");
    }
}
