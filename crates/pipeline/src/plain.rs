//! Documents of plain text taken verbatim: how gold sets of plain text
//! (PolNeAR's `.txt` articles) are read, for evaluation and for training,
//! so that spans are offsets into the file's own text.

use newsfuse_doc::{Document, Origin, Paragraph, Span};

/// A document whose text is exactly `text`, paragraphs split on blank lines
/// (no extraction, no news clean-up, no normalization).
pub fn plain_document(id: &str, text: String) -> Document {
    let mut doc = Document::new(id, Origin::default(), text);
    let t = doc.text.as_str();
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_nonspace = 0;
    let mut newlines = 0;
    for (i, c) in t.char_indices() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                if let Some(s) = start.take() {
                    paragraphs.push(Paragraph { span: Span::new(s, last_nonspace), kind: Default::default() });
                }
            }
        } else if !c.is_whitespace() {
            newlines = 0;
            if start.is_none() {
                start = Some(i);
            }
            last_nonspace = i + c.len_utf8();
        }
    }
    if let Some(s) = start {
        paragraphs.push(Paragraph { span: Span::new(s, last_nonspace), kind: Default::default() });
    }
    doc.paragraphs = paragraphs;
    doc
}

/// The per-document stages on a plain document, and its mentions resolved
/// into entities within the document (as a one-document batch). Every
/// document is tagged as English: gold sets of plain text are.
pub fn annotate_plain(doc: &mut Document) {
    newsfuse_text::annotate(doc);
    crate::entities::annotate(doc);
    crate::stages::annotate_times(doc);
    crate::entities::resolve_batch(std::slice::from_mut(doc));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_text_is_kept() {
        let text = "  First line.\nStill first.\n\n\nSecond “quoted,” she said.  \n";
        let doc = plain_document("p", text.to_string());
        assert_eq!(doc.text, text);
        let got: Vec<&str> = doc.paragraphs.iter().map(|p| doc.span_text(p.span)).collect();
        assert_eq!(got, vec!["First line.\nStill first.", "Second “quoted,” she said."]);
    }
}
