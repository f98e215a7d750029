//! Dating undated articles from what they say.
//!
//! An article with no date in its metadata still dates itself: a full date
//! ("May 19, 2025"), a month and day whose year other clues fix ("his May 19
//! call" in an article that also says "the war began in February 2022" and
//! calls it "nearly 40 months" old), a weekday that matches a date the story
//! gives elsewhere ("said on Monday", where the story's Monday is May 19).
//!
//! Evidence is pooled over the documents passed together (one story, or one
//! batch): dated documents contribute the dates their relative expressions
//! resolve to, undated ones contribute years and month-days. Each inferred
//! date comes with a confidence and the spans it rests on; a document with no
//! usable evidence gets none, never today's date.

use std::collections::BTreeMap;

use crate::calendar::{valid_date, weekday};
use crate::{Dct, Timex};

/// One document's text and time expressions, tagged without a DCT when the
/// date is unknown (`dct: None`) or against its known date.
pub struct DocTimes<'a> {
    pub text: &'a str,
    pub timexes: &'a [Timex],
    pub dct: Option<Dct>,
    /// Month and day printed in the dateline ("CORVELLE, March 11 (El Correo)"),
    /// which dates the article once the year is known.
    pub dateline: Option<(u32, u32)>,
}

/// An inferred document date.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub date: (i32, u32, u32),
    /// 0..1: 0.8 for an explicit full date, less for dates resting on a year
    /// found elsewhere or on a weekday matched to the story's dates.
    pub confidence: f32,
    /// Byte spans of the expressions the date rests on.
    pub evidence: Vec<(usize, usize)>,
    /// The month and day come from the dateline (only the year was inferred).
    pub from_dateline: bool,
}

/// What one document says about when it was written.
#[derive(Default)]
struct Evidence {
    /// Past-tense full dates (year known): (date, span).
    full: Vec<((i32, u32, u32), (usize, usize))>,
    /// Past-tense month-days without a year.
    month_days: Vec<((u32, u32), (usize, usize))>,
    /// Past-tense weekdays (1 = Monday).
    weekdays: Vec<(u32, (usize, usize))>,
    /// Candidate years for the document's own date, with their evidence.
    years: Vec<(i32, Vec<(usize, usize)>)>,
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Whether the clause around `start..end` speaks of the future ("will speak
/// on Monday", "talks are scheduled for May 25").
fn is_future(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // The clause: back to the previous and on to the next punctuation, so in
    // "In a post on May 17, he said he will speak on May 19" only May 19 is future.
    let before = &text[from..start];
    let clause_start = from + before.rfind(['.', '\n', ';', ',']).map_or(0, |p| p + 1);
    let after = &text[end..to];
    let clause_end = end + after.find(['.', '\n', ';', ',']).unwrap_or(after.len());
    let clause = text[clause_start..clause_end].to_lowercase();
    const MARKERS: &[&str] = &[
        "will ", "'ll ", "’ll ", "going to", "plans to", "plan to", "is to ", "are to ", "scheduled", "expected to", "due to ", "upcoming",
        "next ",
    ];
    MARKERS.iter().any(|m| clause.contains(m))
}

fn collect(doc: &DocTimes<'_>) -> Evidence {
    let mut ev = Evidence::default();
    let mut explicit_years: Vec<(i32, u32, (usize, usize))> = Vec::new(); // (year, month or 0, span)
    let mut durations_months: Vec<(u32, bool, (usize, usize))> = Vec::new(); // (months, "nearly", span)
    for t in doc.timexes {
        let span = (t.start, t.end);
        let v = t.value.as_str();
        let parts: Vec<&str> = v.split('-').collect();
        let future = is_future(doc.text, t.start, t.end);
        match parts.as_slice() {
            [y, m, d] if num(y).is_some() && num(m).is_some() && num(d).is_some() && !future => {
                let date = (num(y).unwrap_or(0) as i32, num(m).unwrap_or(0), num(d).unwrap_or(0));
                ev.full.push((date, span));
                explicit_years.push((date.0, date.1, span));
            }
            ["XXXX", m, d] if num(m).is_some() && num(d).is_some() && !future => {
                ev.month_days.push(((num(m).unwrap_or(0), num(d).unwrap_or(0)), span));
            }
            ["XXXX", "WXX", wd] if !future => {
                if let Some(wd) = num(&wd[..wd.len().min(1)]).filter(|w| (1..=7).contains(w)) {
                    ev.weekdays.push((wd, span));
                }
            }
            [y] if y.len() == 4 && num(y).is_some() => explicit_years.push((num(y).unwrap_or(0) as i32, 0, span)),
            [y, rest] if y.len() == 4 && num(y).is_some() => {
                explicit_years.push((num(y).unwrap_or(0) as i32, num(rest).unwrap_or(0), span));
            }
            _ => {}
        }
        if let Some(n) = v.strip_prefix('P').filter(|_| t.kind == crate::TimexType::Duration) {
            let nearly = {
                let mut from = t.start.saturating_sub(12);
                while !doc.text.is_char_boundary(from) {
                    from -= 1;
                }
                let before = doc.text[from..t.end].to_lowercase();
                before.contains("nearly") || before.contains("almost")
            };
            if let Some(y) = n.strip_suffix('Y').and_then(num) {
                durations_months.push((y * 12, nearly, span));
            } else if let Some(m) = n.strip_suffix('M').and_then(num) {
                durations_months.push((m, nearly, span));
            }
        }
    }
    // A year the article is written in: an explicit year plus a duration the
    // article measures from it ("February 2022" + "nearly 40-month war"), or
    // the latest explicit full date's year.
    for &(y, m, yspan) in &explicit_years {
        for &(months, nearly, dspan) in &durations_months {
            let start = y * 12 + (m.max(1) as i32 - 1);
            let mut end = start + months as i32;
            if nearly {
                end -= 1;
            }
            ev.years.push((end.div_euclid(12), vec![yspan, dspan]));
        }
    }
    if let Some(&((y, _, _), span)) = ev.full.iter().max_by_key(|(d, _)| *d) {
        ev.years.push((y, vec![span]));
    }
    ev
}

/// Infers the date of every document whose `dct` is `None`; dated documents
/// get `None` back (they need nothing) but lend their dates to the others.
pub fn infer_dates(docs: &[DocTimes<'_>]) -> Vec<Option<Inferred>> {
    let evidence: Vec<Evidence> = docs.iter().map(collect).collect();

    // The story's year: what undated documents' own clues say, else the
    // dated documents' years.
    let mut year_votes: BTreeMap<i32, usize> = BTreeMap::new();
    for ev in &evidence {
        for (y, _) in &ev.years {
            *year_votes.entry(*y).or_default() += 1;
        }
    }
    for d in docs.iter().filter_map(|d| d.dct) {
        *year_votes.entry(d.date.0).or_default() += 1;
    }
    let story_year = year_votes.iter().max_by_key(|(y, n)| (**n, **y)).map(|(y, _)| *y);

    // The story's dates, each with how often it is cited: resolved
    // expressions of dated documents, full dates, month-days in the story year.
    let mut anchors: BTreeMap<(i32, u32, u32), usize> = BTreeMap::new();
    for (doc, ev) in docs.iter().zip(&evidence) {
        if doc.dct.is_some() {
            for t in doc.timexes {
                let p: Vec<&str> = t.value.split(['-', 'T']).collect();
                if let [y, m, d, ..] = p.as_slice() {
                    if let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) {
                        *anchors.entry((y as i32, m, d)).or_default() += 1;
                    }
                }
            }
        }
        for (d, _) in &ev.full {
            *anchors.entry(*d).or_default() += 1;
        }
        if let Some(y) = story_year {
            for ((m, d), _) in &ev.month_days {
                *anchors.entry((y, *m, *d)).or_default() += 1;
            }
        }
    }

    docs.iter()
        .zip(&evidence)
        .map(|(doc, ev)| {
            if doc.dct.is_some() {
                return None;
            }
            let own_year = {
                let mut votes: BTreeMap<i32, Vec<(usize, usize)>> = BTreeMap::new();
                for (y, spans) in &ev.years {
                    votes.entry(*y).or_default().extend(spans);
                }
                votes.into_iter().max_by_key(|(y, spans)| (spans.len(), *y))
            };
            let (year, year_evidence, year_is_own) = match (own_year, story_year) {
                (Some((y, spans)), _) => (y, spans, true),
                (None, Some(y)) => (y, Vec::new(), false),
                (None, None) => return None,
            };
            if let Some((m, d)) = doc.dateline.filter(|&(m, d)| valid_date(year, m, d)) {
                return Some(Inferred { date: (year, m, d), confidence: 0.8, evidence: year_evidence, from_dateline: true });
            }
            // Latest past date the article mentions: it was written that day or soon after.
            let mut latest: Option<((i32, u32, u32), (usize, usize))> = None;
            for &(d, span) in &ev.full {
                if latest.is_none_or(|(l, _)| d > l) {
                    latest = Some((d, span));
                }
            }
            for &((m, d), span) in &ev.month_days {
                let date = (year, m, d);
                if latest.is_none_or(|(l, _)| date > l) && valid_date(year, m, d) {
                    latest = Some((date, span));
                }
            }
            if let Some((date, span)) = latest {
                let explicit = ev.full.iter().any(|(d, _)| *d == date);
                let confidence = if explicit { 0.8 } else if year_is_own { 0.7 } else { 0.6 };
                let mut evidence = vec![span];
                evidence.extend(year_evidence);
                evidence.sort_unstable();
                evidence.dedup();
                return Some(Inferred { date, confidence, evidence, from_dateline: false });
            }
            // Only weekdays: the story's most cited date that falls on one of them.
            let mut best: Option<((i32, u32, u32), usize, (usize, usize))> = None;
            for &(wd, span) in &ev.weekdays {
                for (&date, &n) in &anchors {
                    if date.0 == year && weekday(date.0, date.1, date.2) == wd && best.is_none_or(|(bd, bn, _)| (n, date) > (bn, bd)) {
                        best = Some((date, n, span));
                    }
                }
            }
            best.map(|(date, _, span)| Inferred {
                date,
                confidence: 0.5,
                evidence: vec![span],
                from_dateline: false,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag;

    fn infer(texts: &[(&str, Option<Dct>)]) -> Vec<Option<(i32, u32, u32)>> {
        let tagged: Vec<Vec<Timex>> = texts.iter().map(|(t, d)| tag(t, d.as_ref())).collect();
        let docs: Vec<DocTimes> = texts.iter().zip(&tagged).map(|((t, d), x)| DocTimes { text: t, timexes: x, dct: *d, dateline: None }).collect();
        infer_dates(&docs).into_iter().map(|i| i.map(|i| i.date)).collect()
    }

    #[test]
    fn year_from_a_duration_since_a_dated_start() {
        let text = "The war began in February 2022. After his May 19 call, the leader said the nearly 40-month war must end.";
        assert_eq!(infer(&[(text, None)]), vec![Some((2025, 5, 19))]);
    }

    #[test]
    fn weekday_matched_to_the_storys_dates() {
        let a = "The conflict started in 2022 and is three years old. The two leaders spoke for two hours on May 19.";
        let b = "The president said on Monday that talks would begin.";
        assert_eq!(infer(&[(a, None), (b, None)]), vec![Some((2025, 5, 19)), Some((2025, 5, 19))]);
    }

    #[test]
    fn future_dates_do_not_date_the_article() {
        let a = "In a post on May 17, he said he will speak to his counterpart on May 19. The conflict began in 2022 and is three years old.";
        assert_eq!(infer(&[(a, None)]), vec![Some((2025, 5, 17))]);
    }

    #[test]
    fn dated_documents_lend_their_dates() {
        let dated = Dct { date: (2025, 3, 11), time: None };
        let a = "The dam failed on Monday.";
        let b = "Volunteers worked through Monday night.";
        assert_eq!(infer(&[(a, Some(dated)), (b, None)]), vec![None, Some((2025, 3, 10))]);
    }

    #[test]
    fn dateline_day_with_the_storys_year() {
        let dated = Dct { date: (2025, 3, 10), time: None };
        let a = "The dam failed on Monday.";
        let b = "Twelve people died on Monday.";
        let tagged = [tag(a, Some(&dated)), tag(b, None)];
        let docs = [
            DocTimes { text: a, timexes: &tagged[0], dct: Some(dated), dateline: None },
            DocTimes { text: b, timexes: &tagged[1], dct: None, dateline: Some((3, 11)) },
        ];
        let got = infer_dates(&docs);
        assert_eq!(got[1].as_ref().map(|i| (i.date, i.from_dateline)), Some(((2025, 3, 11), true)));
    }

    #[test]
    fn no_evidence_no_date() {
        assert_eq!(infer(&[("Nothing here says when.", None)]), vec![None]);
        assert_eq!(infer(&[("It happened on May 19.", None)]), vec![None]);
    }
}
