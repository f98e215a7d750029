//! The per-document stages, in order, on a document the ingest stage read.
//! Stage crates know nothing of each other; this is where their outputs meet
//! the document model.

use newsfuse_doc::{DateProvenance, Document, Published, Span, TimeAnchor, TimeExpr, TimeKind};
use rayon::prelude::*;

/// Runs every per-document stage: language, sentences and tokens, named
/// entities (English documents only: the model is English), time expressions.
pub fn annotate(doc: &mut Document) {
    newsfuse_text::annotate(doc);
    if doc.language.code == "en" {
        crate::entities::annotate(doc);
    }
    annotate_times(doc);
}

/// Finds direct and reported statements and their speakers (English
/// documents with the cue lexicon and the tagger; German ones with German
/// rules). Runs after entity resolution so that speakers are the batch's entities.
pub fn annotate_quotes(doc: &mut Document, method: newsfuse_quotes::Method) {
    if matches!(doc.language.code.as_str(), "en" | "de") {
        doc.quotes = newsfuse_quotes::find_attributions_with(doc, method).into_iter().map(|a| a.quote).collect();
    }
}

/// Finds the figures of a document (`newsfuse_figures`): counts, money,
/// durations, ages, with their hedges. Runs on the final time expressions,
/// whose dates and times it leaves out.
pub fn annotate_figures(doc: &mut Document) {
    doc.figures = newsfuse_figures::figures(doc);
}

/// Tags time expressions, resolving relative ones against the publication
/// date when it is known (and leaving them underspecified when it is not).
pub fn annotate_times(doc: &mut Document) {
    let dct = doc.published.date.as_deref().and_then(newsfuse_time::timeml::parse_dct_value);
    doc.times = newsfuse_time::tag(&doc.text, dct.as_ref()).into_iter().map(time_expr).collect();
}

/// Dates the documents that have no date from their sources, from what they
/// and the other documents of the batch say (`newsfuse_time::infer`), then
/// resolves their time expressions against the inferred date.
pub fn date_undated(docs: &mut [Document]) {
    if docs.iter().all(|d| d.published.date.is_some()) {
        return;
    }
    let dcts: Vec<Option<newsfuse_time::Dct>> = docs.iter().map(|d| d.published.date.as_deref().and_then(newsfuse_time::timeml::parse_dct_value)).collect();
    let tagged: Vec<Vec<newsfuse_time::Timex>> = docs.par_iter().zip(&dcts).map(|(d, dct)| newsfuse_time::tag(&d.text, dct.as_ref())).collect();
    let views: Vec<newsfuse_time::infer::DocTimes> = docs
        .iter()
        .zip(&tagged)
        .zip(&dcts)
        .map(|((d, t), dct)| newsfuse_time::infer::DocTimes {
            text: &d.text,
            timexes: t,
            dct: *dct,
            dateline: d.dateline.as_ref().and_then(|dl| dl.date.as_deref()).and_then(month_day),
        })
        .collect();
    let inferred = newsfuse_time::infer::infer_dates(&views);
    for (doc, found) in docs.iter_mut().zip(inferred) {
        let Some(found) = found else { continue };
        use newsfuse_time::infer::Basis;
        let provenance = match (found.basis, found.shared) {
            (Basis::Dateline, _) => DateProvenance::Dateline,
            (Basis::Url, _) => DateProvenance::Url,
            (_, true) => DateProvenance::StoryInferred,
            _ => DateProvenance::TextInferred,
        };
        let day = found.date();
        let value = found.value.timeml();
        doc.published = Published {
            date: day.is_some().then(|| value.clone()),
            partial: day.is_none().then_some(value),
            provenance,
            confidence: Some(found.confidence),
            evidence: found.evidence.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            ..std::mem::take(&mut doc.published)
        };
        if day.is_some() {
            annotate_times(doc);
        }
    }
}

/// `March 11`, `Jan. 5` → (3, 11), (1, 5).
fn month_day(printed: &str) -> Option<(u32, u32)> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let (month, day) = printed.trim().split_once(' ')?;
    let m = MONTHS.iter().position(|p| month.to_lowercase().starts_with(p))? as u32 + 1;
    let d: u32 = day.trim_end_matches([',', '.']).parse().ok()?;
    Some((m, d))
}

fn time_expr(t: newsfuse_time::Timex) -> TimeExpr {
    TimeExpr {
        span: Span::new(t.start, t.end),
        kind: match t.kind {
            newsfuse_time::TimexType::Date => TimeKind::Date,
            newsfuse_time::TimexType::Time => TimeKind::Time,
            newsfuse_time::TimexType::Duration => TimeKind::Duration,
            newsfuse_time::TimexType::Set => TimeKind::Set,
        },
        value: t.value,
        modifier: t.modifier,
        range_end: t.range_end,
        anchor: match t.anchor {
            newsfuse_time::Anchor::Dct => TimeAnchor::Dct,
            newsfuse_time::Anchor::Narrative(_) => TimeAnchor::Narrative,
            newsfuse_time::Anchor::None => TimeAnchor::None,
        },
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
