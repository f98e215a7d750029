//! Sentence segmentation with sentencex (Wikimedia's rule-based segmenter:
//! abbreviation lists, initials, decimals, ellipses, quote-aware), applied per
//! paragraph so a headline line without a period stays its own sentence.

use newsfuse_doc::Span;

/// Splits one paragraph into sentence spans (byte offsets into `text`),
/// trimmed of surrounding whitespace.
pub fn split_sentences(lang: &str, text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    for b in sentencex::get_sentence_boundaries(lang, text) {
        let (mut start, mut end) = (b.start_byte.min(text.len()), b.end_byte.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let piece = &text[start..end];
        start += piece.len() - piece.trim_start().len();
        end -= piece.len() - piece.trim_end().len();
        if start < end {
            // Boundaries from a library are checked, not trusted: keep the layer sorted and disjoint.
            if let Some(last) = spans.last_mut() {
                let last: &mut Span = last;
                if (start as u32) < last.end {
                    last.end = last.end.max(end as u32);
                    continue;
                }
            }
            spans.push(Span::new(start, end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences("en", text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn abbreviations_initials_decimals() {
        assert_eq!(
            split("Sen. John A. Smith met Dr. Lee in the U.S. capital on Jan. 21. The river rose 3.5 meters."),
            vec!["Sen. John A. Smith met Dr. Lee in the U.S. capital on Jan. 21.", "The river rose 3.5 meters."]
        );
    }

    #[test]
    fn quotes_closing_after_the_period() {
        assert_eq!(
            split("He said: “We will rebuild.” The crowd cheered. \"It is over,\" she said."),
            vec!["He said: “We will rebuild.”", "The crowd cheered.", "\"It is over,\" she said."]
        );
    }

    #[test]
    fn ellipsis_and_no_final_period() {
        assert_eq!(split("Wait... the talks go on. Headline with no period"), vec!["Wait... the talks go on.", "Headline with no period"]);
    }

    #[test]
    fn huge_sentence_is_one_span() {
        let text = "word ".repeat(10_000);
        let spans = split_sentences("en", &text);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].len(), text.trim_end().len());
    }
}
