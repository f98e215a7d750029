pub mod syndication;
pub mod cluster;
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
