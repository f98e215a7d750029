//! newsfuse-fuse: the cross-document work. Given the annotated documents of a batch, it
//! resolves entity mentions across documents ([`entities`]), groups wire copies so they
//! count once ([`syndication`]), clusters documents into stories ([`cluster`]), and builds
//! each story's cross-checked record ([`analyze`]): corroboration, quote matching, conflicts
//! and updates, timeline, per-outlet view and a cited brief ([`summarize`]).
//!
//! ```
//! use newsfuse_fuse::entities::{resolve, EntityLabel::{Loc, Per}, MentionRef};
//!
//! let mentions = [
//!     MentionRef { doc: 0, text: "President Vladimir Putin", label: Per },
//!     MentionRef { doc: 1, text: "Putin", label: Per },
//!     MentionRef { doc: 1, text: "Kiev", label: Loc },
//!     MentionRef { doc: 2, text: "Kyiv", label: Loc },
//! ];
//! let entities = resolve(&mentions);
//! assert_eq!(entities[0].canonical, "Vladimir Putin");
//! assert_eq!(entities[0].mentions, [0, 1]);
//! assert_eq!(entities[1].aliases, ["Kiev", "Kyiv"]);
//! ```

pub mod syndication;
pub mod cluster;
pub mod entities;
pub mod summarize;
pub mod units;
pub mod analyze;
mod vector;

/// Whether `s` lies inside one of `spans`, which are sorted and disjoint (a
/// document's paragraphs, or some of them): a binary search, so that checking
/// every sentence of a document costs O(n log n), not O(n²).
pub(crate) fn within(spans: &[newsfuse_doc::Span], s: newsfuse_doc::Span) -> bool {
    let after = spans.partition_point(|p| p.start <= s.start);
    after > 0 && spans[after - 1].contains(s)
}

/// A document of one body paragraph made of the given sentences, for tests.
#[cfg(test)]
pub(crate) mod testing {
    use newsfuse_doc::{BlockKind, Document, Origin, Paragraph, Span};

    pub fn doc(sentences: &[&str]) -> Document {
        let text = sentences.join(" ");
        let mut d = Document::new("d", Origin::default(), text.clone());
        d.paragraphs.push(Paragraph { span: Span::new(0, text.len()), kind: BlockKind::Body });
        let mut at = 0;
        for s in sentences {
            d.sentences.push(Span::new(at, at + s.len()));
            at += s.len() + 1;
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use newsfuse_doc::Span;

    #[test]
    fn within_finds_the_enclosing_span_or_none() {
        let paragraphs = [Span::new(0, 10), Span::new(12, 20), Span::new(30, 40)];
        assert!(super::within(&paragraphs, Span::new(0, 4)));
        assert!(super::within(&paragraphs, Span::new(12, 20)));
        assert!(super::within(&paragraphs, Span::new(31, 35)));
        // Across a paragraph break, in a gap, before and after all of them.
        assert!(!super::within(&paragraphs, Span::new(8, 14)));
        assert!(!super::within(&paragraphs, Span::new(21, 25)));
        assert!(!super::within(&paragraphs, Span::new(41, 45)));
        assert!(!super::within(&[], Span::new(0, 1)));
    }
}
