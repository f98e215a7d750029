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
