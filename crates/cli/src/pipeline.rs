//! The per-document stages, in order, on a document the ingest stage read.
//! Stage crates know nothing of each other; this is where their outputs meet
//! the document model.

use newsfuse_doc::{Document, Span, TimeExpr};

/// Runs every per-document stage: language, sentences and tokens, then time expressions.
pub fn annotate(doc: &mut Document) {
    newsfuse_text::annotate(doc);
    annotate_times(doc);
}

/// Tags time expressions, resolving relative ones against the publication
/// date when it is known (and leaving them underspecified when it is not).
pub fn annotate_times(doc: &mut Document) {
    let dct = doc.published.date.as_deref().and_then(newsfuse_time::timeml::parse_dct_value);
    doc.times = newsfuse_time::tag(&doc.text, dct.as_ref()).into_iter().map(time_expr).collect();
}

fn time_expr(t: newsfuse_time::Timex) -> TimeExpr {
    TimeExpr {
        span: Span::new(t.start, t.end),
        kind: t.kind.as_str().to_string(),
        value: t.value,
        modifier: t.modifier,
        range_end: t.range_end,
        anchor: match t.anchor {
            newsfuse_time::Anchor::Dct => "dct",
            newsfuse_time::Anchor::Narrative(_) => "narrative",
            newsfuse_time::Anchor::None => "none",
        }
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_resolve_against_the_publication_date() {
        let mut doc = Document::new("t", Default::default(), "The dam failed on Monday. Repairs begin next month.".into());
        doc.published.date = Some("2025-03-11".into());
        annotate(&mut doc);
        doc.check_spans().unwrap();
        let got: Vec<(&str, &str)> = doc.times.iter().map(|t| (doc.span_text(t.span), t.value.as_str())).collect();
        assert_eq!(got, vec![("Monday", "2025-03-10"), ("next month", "2025-04")]);
    }

    #[test]
    fn without_a_date_relative_times_stay_underspecified() {
        let mut doc = Document::new("t", Default::default(), "The dam failed on Monday.".into());
        annotate(&mut doc);
        assert_eq!(doc.times[0].value, "XXXX-WXX-1");
    }
}
