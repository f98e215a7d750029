//! Dating undated articles from what they say, and only from what they say.
//!
//! A date is given only when the text's evidence fixes it, and comes with that
//! evidence:
//!
//! - a publication stamp: a full date after "Posted", "Published", "Updated"
//!   on a short line, or a date line near the top or bottom of the page whose
//!   weekday matches ("Tue Jul 2, 2013");
//! - the dateline's month and day ("CORVELLE, March 11 (El Correo)") once the
//!   year is known;
//! - "today" or "yesterday" next to a date ("yesterday, May 18");
//! - a past date and a future one at most two days apart ("wrote on May 17th"
//!   about a call "on Monday", the 19th): the article lies between them;
//! - a weekday in the lead ("said on Monday") that names a date the story fixes
//!   elsewhere: weekdays only narrow, they never date alone;
//! - the day the other documents of the same story are dated, when it is the
//!   latest day the document itself reports.
//!
//! The year an article is written in comes from a stamp, from a year and "N
//! years ago" in one sentence ("the 2022 Istanbul meetings ... three years
//! ago"), or from documents of the same story. The latest date a text
//! mentions is never its date by itself (anniversaries, histories, "since
//! 1988"), and no year is taken from a document of a different story:
//! documents share evidence only with documents that name the same people and
//! places (see [`same_story`]). Short of a day, the answer is partial (a year,
//! a year and month, or the dateline's month and day without a year), or none.
//!
//! Dated documents lend their dates and the dates their expressions resolve to.

use std::collections::{BTreeMap, BTreeSet};

use crate::calendar::{civil_from_days, days_from_civil, valid_date, weekday};
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

/// What is known of a document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Day(i32, u32, u32),
    Month(i32, u32),
    Year(i32),
    /// The dateline's month and day, the year unknown.
    MonthDay(u32, u32),
}

impl Value {
    /// TimeML form: `2025-05-19`, `2025-05`, `2025`, `XXXX-05-19`.
    pub fn timeml(&self) -> String {
        match *self {
            Value::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
            Value::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
        }
    }
}

/// Which evidence fixed the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// "Posted July 20, 2009", "Tue Jul 2, 2013".
    Stamp,
    /// The dateline's month and day with the year the evidence gives.
    Dateline,
    /// "today" / "yesterday" next to a date.
    Today,
    /// A dated path in a URL printed at the top of the text.
    Url,
    /// A past and a future date at most two days apart.
    Bounds,
    /// A weekday in the lead naming a date the story fixes.
    Weekday,
    /// The day the other documents of the story are dated, the latest the document reports.
    Story,
    /// Only part of a date: a year, a month, a month and day.
    Partial,
}

/// An inferred document date.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub value: Value,
    /// 0..1: 0.9 for a publication stamp, down to 0.4 for a day taken from the
    /// story's other documents.
    pub confidence: f32,
    /// Byte spans of this document's expressions the value rests on.
    pub evidence: Vec<(usize, usize)>,
    pub basis: Basis,
    /// Some of the evidence is other documents' of the same story.
    pub shared: bool,
}

impl Inferred {
    /// The full date, when the evidence gives a day.
    pub fn date(&self) -> Option<(i32, u32, u32)> {
        match self.value {
            Value::Day(y, m, d) => Some((y, m, d)),
            _ => None,
        }
    }
}

type Date = (i32, u32, u32);
type Sp = (usize, usize);

/// What one document says about when it was written.
#[derive(Default, Debug)]
struct Evidence {
    /// Publication stamps.
    stamps: Vec<(Date, Sp)>,
    /// Stamps whose month and day read both ways ("Posted: 08/02/2013"): both readings.
    ambiguous: Vec<((Date, Date), Sp)>,
    /// A `/2013/05/03/` (or `/2013/05/`) path in a URL printed on the first line.
    url: Option<((i32, u32, Option<u32>), Sp)>,
    /// Every past weekday the text names, and whether it says "yesterday".
    weekdays_named: BTreeSet<u32>,
    yesterday: bool,
    /// "today, May 19" (offset 0), "yesterday, May 18" (+1): (year or None, month, day, offset, span).
    today: Vec<(Option<i32>, u32, u32, i64, Sp)>,
    /// Past-tense full dates.
    full: Vec<(Date, Sp)>,
    /// Past-tense month-days without a year.
    month_days: Vec<((u32, u32), Sp)>,
    /// Past-tense weekdays in the lead (1 = Monday).
    lead_weekdays: Vec<(u32, Sp)>,
    /// Future full dates, month-days and weekdays: the article is older.
    future_full: Vec<(Date, Sp)>,
    future_month_days: Vec<((u32, u32), Sp)>,
    future_weekdays: Vec<(u32, Sp)>,
    /// The year the article is written in, with its evidence.
    year: Option<(i32, Vec<Sp>)>,
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn full_date(v: &str) -> Option<Date> {
    let v = v.split('T').next().unwrap_or("");
    match v.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) = (num(y)? as i32, num(m)?, num(d)?);
            valid_date(y, m, d).then_some((y, m, d))
        }
        _ => None,
    }
}

fn month_day(v: &str) -> Option<(u32, u32)> {
    let v = v.split('T').next().unwrap_or("");
    match v.split('-').collect::<Vec<_>>().as_slice() {
        ["XXXX", m, d] => {
            let (m, d) = (num(m)?, num(d)?);
            valid_date(2000, m, d).then_some((m, d))
        }
        _ => None,
    }
}

fn weekday_value(v: &str) -> Option<u32> {
    let v = v.split('T').next().unwrap_or("");
    match v.split('-').collect::<Vec<_>>().as_slice() {
        ["XXXX", "WXX", wd] if wd.len() == 1 => num(wd).filter(|w| (1..=7).contains(w)),
        _ => None,
    }
}

fn days(d: Date) -> i64 {
    days_from_civil(d.0, d.1, d.2)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the clause around `start..end` speaks of the future ("will speak
/// on Monday", "talks are scheduled for May 25").
fn is_future(text: &str, start: usize, end: usize) -> bool {
    // "said on Monday Russia and Ukraine will start": the date belongs to the past verb.
    let near = text[floor_boundary(text, start.saturating_sub(24))..start].to_lowercase();
    const PAST: &[&str] = &["said", "told", "spoke", "met", "wrote", "was", "were", "had", "did", "took", "began", "came", "went", "held", "made"];
    if near.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).rev().take(3).any(|w| PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !["scheduled", "expected", "planned", "slated", "postponed", "delayed", "needed", "intended"].contains(&w))) {
        return false;
    }
    let from = floor_boundary(text, start.saturating_sub(160));
    let to = ceil_boundary(text, end + 40);
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

/// The line around `start..end`: (line start, line end).
fn line_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let ls = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let le = text[end..].find('\n').map_or(text.len(), |p| end + p);
    (ls, le)
}

/// The sentence around `start..end`.
fn sentence_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_stop = |s: &str, i: usize| -> bool {
        // ". " followed by a capital or a line break; not "Dec. 21" or "U.S. officials".
        let b = s.as_bytes();
        match b[i] {
            b'\n' | b'!' | b'?' => true,
            b'.' => {
                let next = b.get(i + 1).copied();
                let after = b.get(i + 2).copied();
                let prev_short = s[..i].rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| w.len() <= 3 && w.chars().next().is_some_and(|c| c.is_uppercase()));
                matches!(next, None | Some(b'\n')) || (next == Some(b' ') && after.is_some_and(|a| a.is_ascii_uppercase() || a == b'"') && !prev_short)
            }
            _ => false,
        }
    };
    let mut s = start;
    while s > 0 {
        if is_stop(text, s - 1) {
            break;
        }
        s -= 1;
    }
    let mut e = end;
    while e < text.len() {
        if is_stop(text, e) {
            break;
        }
        e += 1;
    }
    (ceil_boundary(text, s), floor_boundary(text, e))
}

const STAMP_WORDS: &[&str] = &["posted", "published", "updated", "last updated", "last modified", "first published", "date"];
const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Whether a full date is the page's publication stamp.
fn is_stamp(text: &str, date: Date, start: usize, end: usize) -> bool {
    let (ls, le) = line_of(text, start, end);
    let prefix = text[ls..start].trim().to_lowercase();
    let rest = le - ls - (end - start);
    // "Posted July 20, 2009", "Last updated: March 3, 2015", "Published by Ann Lee on ...":
    // the stamp word opens a short line (not "B and R posted profit in the year to Dec 31, 1986").
    let opens = |w: &str| prefix.strip_prefix(w).is_some_and(|r| r.is_empty() || r.starts_with([' ', ':', '-', '|', ',']));
    if rest <= 60 && prefix.len() <= 40 && STAMP_WORDS.iter().any(|w| opens(w)) {
        return true;
    }
    // A line near the top that is only the date and a time: "May 3rd, 2013 2: 00pm EDT".
    let line_no = text[..ls].matches('\n').count();
    let wd = weekday(date.0, date.1, date.2) as usize;
    let line = text[ls..le].to_lowercase();
    let named: Vec<usize> = WEEKDAYS
        .iter()
        .enumerate()
        .filter(|(_, w)| line.split(|c: char| !c.is_alphabetic()).any(|t| t.len() >= 3 && t.starts_with(*w) && WEEKDAYS_FULL.iter().any(|f| f.starts_with(t))))
        .map(|(i, _)| i + 1)
        .collect();
    if line_no <= 4 && named.iter().all(|n| *n == wd) && only_clock_words(&text[ls..start]) && only_clock_words(&text[end..le]) {
        return true;
    }
    // A date line near the top or the bottom of the page with a matching weekday.
    let lines_after = text[le..].matches('\n').count();
    if rest > 40 || (line_no > 4 && lines_after > 2) {
        return false;
    }
    named == [wd]
}

/// Whether `s` holds nothing but a clock time and its zone ("2: 00pm EDT", " AT 1: 10PM", "|").
fn only_clock_words(s: &str) -> bool {
    const WORDS: &[&str] = &["at", "am", "pm", "a", "m", "p", "edt", "est", "et", "gmt", "bst", "cet", "cest", "utc", "pdt", "pst", "cdt", "cst", "mdt", "mst", "ist", "aest"];
    s.split(|c: char| !c.is_alphabetic()).all(|w| w.is_empty() || WORDS.contains(&w.to_lowercase().as_str()))
        && s.chars().all(|c| c.is_alphanumeric() || " :.,|-–—()".contains(c))
}

const WEEKDAYS_FULL: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs"];

/// "today" / "yesterday" / "tomorrow" right next to `start..end`: days to add to the date.
fn today_offset(text: &str, start: usize, end: usize) -> Option<i64> {
    let before = text[floor_boundary(text, start.saturating_sub(14))..start].to_lowercase();
    let after = text[end..ceil_boundary(text, end + 14)].to_lowercase();
    let near = |s: &str, at_end: bool| -> Option<&'static str> {
        let t = s.trim_matches(|c: char| c == ' ' || c == ',' || c == '(' || c == ')' || c == '-' || c == '—');
        let word = if at_end { t.rsplit(' ').next() } else { t.split(' ').next() }?;
        ["today", "yesterday", "tomorrow"].into_iter().find(|w| *w == word)
    };
    let w = near(&before, true).or_else(|| near(&after, false).filter(|_| after.trim_start().starts_with(['(', ',', ' ']) && after.contains(')') || after.starts_with(", ")))?;
    Some(match w {
        "today" => 0,
        "yesterday" => 1,
        _ => -1,
    })
}

fn number_word(w: &str) -> Option<i32> {
    const WORDS: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
    WORDS.iter().position(|x| *x == w).map(|p| p as i32).or_else(|| num(w).filter(|n| *n <= 200).map(|n| n as i32))
}

/// "the 2022 Istanbul meetings ... three years ago": the sentence's one
/// explicit year plus the years it is ago.
fn years_ago(text: &str, year: i32, start: usize, end: usize) -> Option<(i32, Sp)> {
    let (ss, se) = sentence_of(text, start, end);
    // ASCII lower-casing keeps byte offsets: the spans below point into `text`.
    let sentence = text[ss..se].to_ascii_lowercase();
    let at = sentence.find(" years ago")?;
    if sentence[at + 1..].contains(" years ago") || ss + at < end {
        return None; // two of them, or "ago" before the year
    }
    let word = sentence[..at].rsplit(|c: char| !c.is_alphanumeric()).next()?;
    let n = number_word(word)?;
    if n < 2 || ss + at - end > 160 {
        return None;
    }
    // "more than", "nearly", "about": not a count to add.
    let lead = &sentence[..at - word.len()];
    if ["more than ", "nearly ", "almost ", "about ", "over ", "some ", "than "].iter().any(|h| lead.ends_with(h)) {
        return None;
    }
    Some((year + n, (ss + at + 1, ss + at + 10)))
}

/// `/2013/05/03/` or `/2013/05/` in a URL that opens the text.
fn url_date(text: &str) -> Option<((i32, u32, Option<u32>), Sp)> {
    let first = text.lines().next()?;
    if !(first.starts_with("http://") || first.starts_with("https://")) || first.contains(' ') && first.split(' ').count() > 3 {
        return None;
    }
    let parts: Vec<&str> = first.split('/').collect();
    for (k, w) in parts.windows(3).enumerate() {
        let (Some(y), Some(m)) = (num(w[0]).filter(|_| w[0].len() == 4), num(w[1]).filter(|_| w[1].len() == 2)) else { continue };
        if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) {
            continue;
        }
        let day = num(w[2]).filter(|d| w[2].len() == 2 && valid_date(y as i32, m, *d));
        let start: usize = parts[..k + 1].iter().map(|p| p.len() + 1).sum::<usize>() - 1;
        let end = start + 1 + 4 + 1 + 2 + day.map_or(0, |_| 3);
        return Some(((y as i32, m, day), (start + 1, end.min(first.len()))));
    }
    None
}

fn collect(doc: &DocTimes<'_>) -> Evidence {
    let text = doc.text;
    let mut ev = Evidence { url: url_date(text), ..Evidence::default() };
    let mut explicit_years: Vec<(i32, Sp)> = Vec::new();
    for t in doc.timexes {
        if t.end > text.len() || t.start > t.end || !text.is_char_boundary(t.start) || !text.is_char_boundary(t.end) {
            continue;
        }
        if text[t.start..t.end].eq_ignore_ascii_case("yesterday") {
            ev.yesterday = true;
        }
        if matches!(t.anchor, crate::Anchor::Narrative(_)) {
            continue; // "the next day": resolved from another expression, no evidence of its own
        }
        let span = (t.start, t.end);
        let v = t.value.as_str();
        let future = is_future(text, t.start, t.end);
        if let Some(date) = full_date(v) {
            if is_stamp(text, date, t.start, t.end) {
                // "11/09/2010": month and day can be read both ways; the URL's month decides.
                let swapped = (date.0, date.2, date.1);
                let ambiguous = date.1 != date.2 && date.2 <= 12 && text[t.start..t.end].bytes().all(|b| b.is_ascii_digit() || b"/.-".contains(&b));
                match ev.url {
                    _ if !ambiguous => ev.stamps.push((date, span)),
                    Some(((y, m, _), _)) if (y, m) == (date.0, date.1) => ev.stamps.push((date, span)),
                    Some(((y, m, _), _)) if (y, m) == (swapped.0, swapped.1) => ev.stamps.push((swapped, span)),
                    _ => ev.ambiguous.push(((date, swapped), span)),
                }
            } else if let Some(off) = today_offset(text, t.start, t.end) {
                ev.today.push((Some(date.0), date.1, date.2, off, span));
            } else if future {
                ev.future_full.push((date, span));
            } else {
                ev.full.push((date, span));
            }
            if !future {
                explicit_years.push((date.0, span));
            }
        } else if let Some(md) = month_day(v) {
            if let Some(off) = today_offset(text, t.start, t.end) {
                ev.today.push((None, md.0, md.1, off, span));
            } else if future {
                ev.future_month_days.push((md, span));
            } else {
                ev.month_days.push((md, span));
            }
        } else if let Some(wd) = weekday_value(v) {
            if !future {
                ev.weekdays_named.insert(wd);
            }
            if future {
                ev.future_weekdays.push((wd, span));
            } else if t.start < 800 {
                ev.lead_weekdays.push((wd, span));
            }
        } else if let Some(y) = v.get(..4).and_then(num).filter(|_| !future && (v.len() == 4 || v.as_bytes().get(4) == Some(&b'-'))) {
            explicit_years.push((y as i32, span));
        }
    }
    // The year the article is written in.
    let mut years: BTreeMap<i32, Vec<Sp>> = BTreeMap::new();
    for &(d, span) in &ev.stamps {
        years.entry(d.0).or_default().push(span);
    }
    if let Some(((y, _, _), span)) = ev.url {
        years.entry(y).or_default().push(span);
    }
    for &((d, _), span) in &ev.ambiguous {
        years.entry(d.0).or_default().push(span);
    }
    for &(ty, m, d, off, span) in &ev.today {
        if let Some(y) = ty.filter(|&y| valid_date(y, m, d)) {
            years.entry(civil_from_days(days((y, m, d)) + off).0).or_default().push(span);
        }
    }
    for &(y, span) in &explicit_years {
        if let Some((now, ago)) = years_ago(text, y, span.0, span.1) {
            years.entry(now).or_default().extend([span, ago]);
        }
    }
    // Unanimous, and no past date after it.
    if years.len() == 1 {
        if let Some((y, spans)) = years.into_iter().next() {
            if !ev.full.iter().any(|(d, _)| d.0 > y) {
                ev.year = Some((y, spans));
            }
        }
    }
    ev
}

/// Names a story is about: capitalized words other than sentence starters,
/// months and weekdays, lower-cased.
fn names(text: &str) -> BTreeSet<String> {
    const SKIP: &[&str] = &[
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "or", "if", "as", "mr", "mrs", "ms", "dr", "this", "that",
        "there", "his", "her", "their", "its", "for", "with", "after", "when", "while", "by", "from", "to", "of", "said", "says", "some", "one", "two",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "president", "minister", "government", "news", "associated", "press", "reuters", "ap", "new", "also", "but", "not", "no", "yes", "what",
        "who", "how", "why", "our", "you", "all", "more", "most", "other", "these", "those", "according", "officials", "police",
    ];
    let mut out = BTreeSet::new();
    let end = floor_boundary(text, 4000);
    for w in text[..end].split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let w = w.trim_end_matches(['\'', '’', 's']).trim_end_matches(['\'', '’']);
        if w.chars().count() >= 3 && w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic()) {
            let l = w.to_lowercase();
            if !SKIP.contains(&l.as_str()) {
                out.insert(l);
            }
        }
    }
    out
}

/// Whether two documents tell the same story, by the names they share: at
/// least four, and at least a quarter of the shorter list.
pub fn same_story(a: &str, b: &str) -> bool {
    similar(&names(a), &names(b))
}

fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let smaller = a.len().min(b.len());
    shared >= 4 && shared * 4 >= smaller
}

/// Each undated document's story mates: the other documents that name the
/// same people and places. Small batches compare every pair; large ones only
/// pairs that share names no more than 64 documents use.
fn story_mates(docs: &[DocTimes<'_>]) -> Vec<Vec<usize>> {
    let n = docs.len();
    if n < 2 || docs.iter().all(|d| d.dct.is_some()) {
        return vec![Vec::new(); n];
    }
    let sets: Vec<BTreeSet<String>> = docs.iter().map(|d| names(d.text)).collect();
    if n <= 400 {
        return (0..n).map(|i| if docs[i].dct.is_some() { Vec::new() } else { (0..n).filter(|&j| j != i && similar(&sets[i], &sets[j])).collect() }).collect();
    }
    const RARE: usize = 64;
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, set) in sets.iter().enumerate() {
        for name in set {
            postings.entry(name.as_str()).or_default().push(j);
        }
    }
    (0..n)
        .map(|i| {
            if docs[i].dct.is_some() {
                return Vec::new();
            }
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            for name in &sets[i] {
                if let Some(post) = postings.get(name.as_str()).filter(|p| p.len() <= RARE) {
                    for &j in post {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            shared.into_iter().filter(|&(j, c)| j != i && c >= 2 && similar(&sets[i], &sets[j])).map(|(j, _)| j).collect()
        })
        .collect()
}

fn first_after(from: Date, wd: u32) -> Date {
    let base = days(from);
    (1..=7).map(|k| civil_from_days(base + k)).find(|d| weekday(d.0, d.1, d.2) == wd).unwrap_or(from)
}

/// A document's bounds: the latest day it reports (in `year` for month-days)
/// and the earliest day it looks forward to, with their spans.
fn bounds(ev: &Evidence, year: Option<i32>) -> (Option<(Date, Sp)>, Option<(Date, Sp)>) {
    let mut lower: Option<(Date, Sp)> = ev.full.iter().copied().max_by_key(|(d, _)| *d);
    if let Some(y) = year {
        for &((m, d), span) in &ev.month_days {
            if valid_date(y, m, d) && lower.is_none_or(|(l, _)| (y, m, d) > l) {
                lower = Some(((y, m, d), span));
            }
        }
    }
    let mut upper: Option<(Date, Sp)> = ev.future_full.iter().copied().filter(|(d, _)| lower.is_none_or(|(l, _)| *d > l)).min_by_key(|(d, _)| *d);
    if let Some(y) = year {
        for &((m, d), span) in &ev.future_month_days {
            let date = (y, m, d);
            if valid_date(y, m, d) && lower.is_none_or(|(l, _)| date > l) && upper.is_none_or(|(u, _)| date < u) {
                upper = Some((date, span));
            }
        }
    }
    if let Some((l, _)) = lower {
        for &(wd, span) in &ev.future_weekdays {
            let date = first_after(l, wd);
            if upper.is_none_or(|(u, _)| date < u) {
                upper = Some((date, span));
            }
        }
    }
    (lower, upper)
}

fn sorted(mut v: Vec<Sp>) -> Vec<Sp> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Infers what can be known of the date of every document whose `dct` is
/// `None`; dated documents get `None` back (they need nothing) but lend their
/// dates to the documents of their story.
pub fn infer_dates(docs: &[DocTimes<'_>]) -> Vec<Option<Inferred>> {
    let evidence: Vec<Evidence> = docs.iter().map(collect).collect();
    let n = docs.len();
    let mates = story_mates(docs);

    // The year each document is written in: its own evidence or its dated
    // mates', else its mates' when they agree.
    let own_year: Vec<Option<i32>> = docs.iter().zip(&evidence).map(|(d, ev)| d.dct.map(|c| c.date.0).or(ev.year.as_ref().map(|(y, _)| *y))).collect();
    let year: Vec<Option<(i32, bool)>> = (0..n)
        .map(|i| {
            if let Some(y) = own_year[i] {
                return Some((y, false));
            }
            let theirs: BTreeSet<i32> = mates[i].iter().filter_map(|&j| own_year[j]).collect();
            (theirs.len() == 1).then(|| theirs.into_iter().next().map(|y| (y, true))).flatten()
        })
        .collect();

    // Pass 1: what each document's own evidence fixes.
    let mut found: Vec<Option<Inferred>> = vec![None; n];
    for i in 0..n {
        if docs[i].dct.is_some() {
            continue;
        }
        found[i] = own_day(&docs[i], &evidence[i], year[i]);
    }

    // Pass 2: weekdays in the lead and the story's day, from the mates' dates.
    let day_of = |j: usize, found: &[Option<Inferred>]| -> Option<Date> { docs[j].dct.map(|c| c.date).or_else(|| found[j].as_ref().and_then(|f| f.date())) };
    for _round in 0..3 {
    let mut second: Vec<Option<Inferred>> = vec![None; n];
    for i in 0..n {
        if docs[i].dct.is_some() || found[i].as_ref().is_some_and(|f| f.date().is_some()) {
            continue;
        }
        let ev = &evidence[i];
        // A stamp read both ways: the reading within three days of a mate's date, when only one is.
        if let Some(&((a, b), span)) = ev.ambiguous.first() {
            let near = |d: Date| mates[i].iter().filter_map(|&j| day_of(j, &found)).any(|m| (days(m) - days(d)).abs() <= 3);
            let ok: Vec<Date> = [a, b].into_iter().filter(|d| near(*d)).collect();
            if let [d] = ok.as_slice() {
                second[i] = Some(Inferred { value: Value::Day(d.0, d.1, d.2), confidence: 0.7, evidence: vec![span], basis: Basis::Stamp, shared: true });
                continue;
            }
        }
        let Some((y, year_shared)) = year[i] else { continue };
        let (lower, upper) = bounds(ev, Some(y));
        let within = |d: Date| lower.is_none_or(|(l, _)| d >= l) && upper.is_none_or(|(u, _)| d < u);
        // The story's dates: the mates' days and the dates they report, and this
        // document's own; each with the documents that give it.
        let mut anchors: BTreeMap<Date, BTreeSet<usize>> = BTreeMap::new();
        for j in mates[i].iter().copied().chain([i]) {
            if let Some(d) = day_of(j, &found) {
                let by = anchors.entry(d).or_default();
                by.insert(j);
                if j != i {
                    // A mate's own date weighs as two: it is when that report was written.
                    by.insert(n + j);
                }
            }
            let mut cite = |d: Date| {
                anchors.entry(d).or_default().insert(j);
            };
            if docs[j].dct.is_some() {
                docs[j].timexes.iter().filter_map(|t| full_date(&t.value)).filter(|d| d.0 == y).for_each(&mut cite);
            } else {
                evidence[j].full.iter().map(|(d, _)| *d).filter(|d| d.0 == y).for_each(&mut cite);
                evidence[j].month_days.iter().filter(|((m, d), _)| valid_date(y, *m, *d)).for_each(|((m, d), _)| cite((y, *m, *d)));
            }
        }
        // A weekday in the lead names a date of the story when it is the only one on
        // that weekday (within the document's bounds) and two documents give it, or a
        // mate is dated that day. Weekdays only narrow: they never date alone.
        // Any other day of the week the text names must be a day of the story in the
        // week before (a report that moves through several days is written on the
        // last of them, not the lead's day), and it must not say "yesterday".
        let others_before = |date: Date| {
            ev.weekdays_named.iter().filter(|w| **w != weekday(date.0, date.1, date.2)).all(|&w| {
                (1..=6).map(|k| civil_from_days(days(date) - k)).find(|p| weekday(p.0, p.1, p.2) == w).is_some_and(|p| anchors.contains_key(&p))
            })
        };
        for &(wd, span) in ev.lead_weekdays.iter().filter(|_| !ev.yesterday) {
            let on: Vec<(&Date, &BTreeSet<usize>)> = anchors.iter().filter(|(d, _)| weekday(d.0, d.1, d.2) == wd && within(**d) && others_before(**d)).collect();
            if let [(date, by)] = on.as_slice() {
                if by.len() >= 2 {
                    let mut evid = vec![span];
                    evid.extend(ev.year.iter().flat_map(|(_, s)| s.iter().copied()));
                    second[i] = Some(Inferred { value: Value::Day(date.0, date.1, date.2), confidence: 0.5, evidence: sorted(evid), basis: Basis::Weekday, shared: true });
                    break;
                }
            }
        }
        if second[i].is_some() {
            continue;
        }
        // The day the mates are dated, when it is (or follows by a day) the latest day this document reports.
        if let Some((l, lspan)) = lower {
            let mut days_of_mates: BTreeMap<Date, usize> = BTreeMap::new();
            for &j in &mates[i] {
                if let Some(d) = day_of(j, &found) {
                    let gap = days(d) - days(l);
                    if (0..=1).contains(&gap) && within(d) {
                        *days_of_mates.entry(d).or_default() += 1;
                    }
                }
            }
            let top = days_of_mates.iter().max_by_key(|(d, c)| (**c, std::cmp::Reverse(**d)));
            if let Some((&d, _)) = top {
                let _ = year_shared;
                second[i] = Some(Inferred { value: Value::Day(d.0, d.1, d.2), confidence: 0.4, evidence: vec![lspan], basis: Basis::Story, shared: true });
            }
        }
    }
    let mut changed = false;
    for (f, s) in found.iter_mut().zip(second) {
        if s.is_some() && *f != s {
            *f = s;
            changed = true;
        }
    }
    if !changed {
        break;
    }
    }
    found
}

/// What a document's own evidence (and the year, its own or its story's) fixes.
fn own_day(doc: &DocTimes<'_>, ev: &Evidence, year: Option<(i32, bool)>) -> Option<Inferred> {
    let year_spans: Vec<Sp> = ev.year.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    // A stamp: the earliest, when stamps disagree (published, then updated).
    if let Some(&(d, span)) = ev.stamps.iter().min_by_key(|(d, _)| *d) {
        return Some(Inferred { value: Value::Day(d.0, d.1, d.2), confidence: 0.9, evidence: vec![span], basis: Basis::Stamp, shared: false });
    }
    if let Some(((y, m, Some(d)), span)) = ev.url {
        return Some(Inferred { value: Value::Day(y, m, d), confidence: 0.9, evidence: vec![span], basis: Basis::Url, shared: false });
    }
    // A stamp read both ways: the reading the text's own past dates allow, when only one does.
    for &((a, b), span) in &ev.ambiguous {
        let (lower, _) = bounds(ev, Some(a.0));
        let ok: Vec<Date> = [a, b].into_iter().filter(|d| lower.is_none_or(|(l, _)| *d >= l)).collect();
        if let [d] = ok.as_slice() {
            let evid = sorted(vec![span, lower.map_or(span, |(_, s)| s)]);
            return Some(Inferred { value: Value::Day(d.0, d.1, d.2), confidence: 0.8, evidence: evid, basis: Basis::Stamp, shared: false });
        }
    }
    let Some((y, shared)) = year else {
        return doc.dateline.filter(|&(m, d)| valid_date(2000, m, d)).map(|(m, d)| Inferred {
            value: Value::MonthDay(m, d),
            confidence: 0.8,
            evidence: Vec::new(),
            basis: Basis::Partial,
            shared: false,
        });
    };
    if let Some((m, d)) = doc.dateline.filter(|&(m, d)| valid_date(y, m, d)) {
        return Some(Inferred { value: Value::Day(y, m, d), confidence: if shared { 0.6 } else { 0.8 }, evidence: year_spans, basis: Basis::Dateline, shared });
    }
    // "yesterday, May 18".
    let todays: BTreeSet<(Date, Sp)> = ev
        .today
        .iter()
        .filter_map(|&(ty, m, d, off, span)| {
            let yy = ty.unwrap_or(y);
            valid_date(yy, m, d).then(|| (civil_from_days(days((yy, m, d)) + off), span))
        })
        .collect();
    let today_days: BTreeSet<Date> = todays.iter().map(|(d, _)| *d).collect();
    if today_days.len() == 1 {
        if let Some(&(d, span)) = todays.iter().next() {
            let mut evid = vec![span];
            evid.extend(&year_spans);
            return Some(Inferred { value: Value::Day(d.0, d.1, d.2), confidence: 0.8, evidence: sorted(evid), basis: Basis::Today, shared: shared && ev.today.iter().any(|t| t.0.is_none()) });
        }
    }
    let (lower, upper) = bounds(ev, Some(y));
    if let (Some((l, ls)), Some((u, us))) = (lower, upper) {
        if days(u) - days(l) <= 2 {
            let mut evid = vec![ls, us];
            evid.extend(&year_spans);
            return Some(Inferred { value: Value::Day(l.0, l.1, l.2), confidence: 0.6, evidence: sorted(evid), basis: Basis::Bounds, shared });
        }
    }
    // Only part of a date.
    let value = match (lower, upper) {
        _ if ev.url.is_some_and(|((uy, _, _), _)| uy == y) => Value::Month(y, ev.url.map_or(1, |((_, m, _), _)| m)),
        (Some((l, _)), Some((u, _))) if l.0 == y && u.0 == y && l.1 == u.1 => Value::Month(y, l.1),
        _ => Value::Year(y),
    };
    Some(Inferred { value, confidence: if shared { 0.5 } else { 0.7 }, evidence: year_spans, basis: Basis::Partial, shared })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag;

    fn run(texts: &[(&str, Option<Dct>)], datelines: &[Option<(u32, u32)>]) -> Vec<Option<Inferred>> {
        let tagged: Vec<Vec<Timex>> = texts.iter().map(|(t, d)| tag(t, d.as_ref())).collect();
        let docs: Vec<DocTimes> = texts
            .iter()
            .zip(&tagged)
            .enumerate()
            .map(|(i, ((t, d), x))| DocTimes { text: t, timexes: x, dct: *d, dateline: datelines.get(i).copied().flatten() })
            .collect();
        infer_dates(&docs)
    }

    fn infer(texts: &[(&str, Option<Dct>)]) -> Vec<Option<String>> {
        run(texts, &[]).into_iter().map(|i| i.map(|i| i.value.timeml())).collect()
    }

    fn alone(text: &str) -> Option<String> {
        infer(&[(text, None)]).pop().flatten()
    }

    #[test]
    fn publication_stamps() {
        assert_eq!(alone("Posted July 20, 2009\n\nThe council met on Monday and voted."), Some("2009-07-20".into()));
        assert_eq!(alone("Tue Jul 2, 2013\n\nThe council met and voted to close the school."), Some("2013-07-02".into()));
        assert_eq!(alone("Last updated: March 3, 2015\n\nThe council met."), Some("2015-03-03".into()));
        // A weekday that does not match the date is no stamp.
        assert_eq!(alone("Wed Jul 2, 2013\n\nThe council met and voted to close the school."), None);
    }

    #[test]
    fn a_date_line_at_the_top_and_a_url_in_the_text() {
        assert_eq!(alone("Lohan Checks Into Betty Ford\nMAY 3, 2013 AT 1: 10PM\nThe actress checked in on Thursday."), Some("2013-05-03".into()));
        let url = "http://www.example.com/news/2013/05/03/lohan-checks-in\nLohan checked in on Thursday.";
        let got = run(&[(url, None)], &[]);
        assert_eq!(got[0].as_ref().map(|i| (i.value.timeml(), i.basis)), Some(("2013-05-03".into(), Basis::Url)));
        assert_eq!(alone("http://example.blogspot.nl/2010/09/kraft-shooting.html\nThe plant reopened."), Some("2010-09".into()));
        // Day and month read both ways: the URL's month decides ("11/09/2010" on a Dutch blog).
        assert_eq!(alone("http://example.blogspot.nl/2010/09/kraft-shooting.html\n\n11/09/2010\n\nThe plant reopened."), Some("2010-09-11".into()));
        assert_eq!(alone("11/09/2010\n\nThe plant reopened."), Some("2010".into()));
        // ... or the text's own past dates: not before October 2.
        assert_eq!(alone("11/09/2010\n\nThe plant, closed on Oct. 2, 2010, reopened."), Some("2010-11-09".into()));
    }

    #[test]
    fn the_latest_date_mentioned_is_not_the_date() {
        // A tenth-anniversary story: it mentions Dec. 21, 1988, and was written ten years later.
        let text = "Ten years after the bombing of Pan Am Flight 103 over Lockerbie, Scotland, on Dec. 21, 1988, families gathered again. Since 1988 they have asked for a trial.";
        assert_eq!(alone(text), None);
        assert_eq!(alone("The plant opened on June 3, 2187 according to the sign."), None);
    }

    #[test]
    fn a_year_and_years_ago_give_the_year() {
        assert_eq!(alone("Talks kept returning to the 1988 accord, signed ten years ago in Geneva."), Some("1998".into()));
        assert_eq!(alone("The plant, built in 1950, was sold more than ten years ago."), None);
    }

    #[test]
    fn dateline_with_and_without_a_year() {
        let r = run(&[("Oil prices fell sharply.", None)], &[Some((3, 3))]);
        assert_eq!(r[0].as_ref().map(|i| i.value.timeml()), Some("XXXX-03-03".into()));
        let r = run(&[("Oil prices fell, as they had after the 1977 embargo ten years ago.", None)], &[Some((3, 3))]);
        assert_eq!(r[0].as_ref().map(|i| (i.value.timeml(), i.basis)), Some(("1987-03-03".into(), Basis::Dateline)));
    }

    #[test]
    fn a_past_and_a_future_date_two_days_apart() {
        let text = "The exchange of 1,000 prisoners followed talks that began in 2015, ten years ago. Smith wrote in a post on May 17th, saying he will speak to Jones on Monday.";
        assert_eq!(alone(text), Some("2025-05-17".into()));
    }

    #[test]
    fn today_and_yesterday_next_to_a_date() {
        assert_eq!(alone("The vote came yesterday, Nov. 3, 2020, after a long count."), Some("2020-11-04".into()));
    }

    #[test]
    fn weekdays_only_narrow_a_date_the_story_fixes() {
        let a = "Mayor Ann Lee of Springfield met Governor Bob Hart in Capitol City after the flood of 2015, ten years ago. Lee said the May 19 meeting with Hart went well.";
        let c = "Governor Bob Hart told reporters in Capitol City that his May 19 talks with Mayor Ann Lee of Springfield were useful.";
        let b = "Springfield Mayor Ann Lee and Governor Bob Hart met in Capitol City on Monday to discuss the flood.";
        let got = infer(&[(a, None), (b, None), (c, None)]);
        assert_eq!(got[1], Some("2025-05-19".into()));
        // One document's date is not yet the story's.
        assert_eq!(infer(&[(a, None), (b, None)])[1], Some("2025".into()));
        // Alone, b has a weekday and nothing to narrow.
        assert_eq!(alone(b), None);
        // A report that also names a later day of its own is not dated by its lead's weekday.
        let d = "Springfield Mayor Ann Lee and Governor Bob Hart met in Capitol City on Monday to discuss the flood. On Wednesday the mayor toured the levees.";
        assert_eq!(infer(&[(a, None), (d, None), (c, None)])[1], Some("2025".into()));
    }

    #[test]
    fn no_year_from_a_different_story() {
        let a = "Mayor Ann Lee of Springfield met Governor Bob Hart in Capitol City after the flood of 2015, ten years ago.";
        let b = "The Lakers beat the Celtics in Boston on Tuesday, with LeBron James scoring 40 points.";
        let got = run(&[(a, None), (b, None)], &[None, Some((3, 11))]);
        assert_eq!(got[1].as_ref().map(|i| i.value.timeml()), Some("XXXX-03-11".into()));
    }

    #[test]
    fn dated_documents_lend_their_year_to_their_story() {
        let dated = Dct { date: (2025, 3, 10), time: None };
        let a = "The Corvelle dam on the Rio Seco failed on Monday, Mayor Elena Ruiz said, and the Guardia Civil closed the valley road.";
        let b = "Mayor Elena Ruiz said the Corvelle dam on the Rio Seco gave way, and the Guardia Civil closed roads.";
        let got = run(&[(a, Some(dated)), (b, None)], &[None, Some((3, 11))]);
        assert_eq!(got[1].as_ref().map(|i| (i.value.timeml(), i.basis)), Some(("2025-03-11".into(), Basis::Dateline)));
    }

    #[test]
    fn offsets_stay_on_character_boundaries() {
        let text = "İİİ Ünal recalled the 1988 accord, signed ten years ago in İstanbul. Posted July 20, 2009 İ";
        let tagged = tag(text, None);
        let got = infer_dates(&[DocTimes { text, timexes: &tagged, dct: None, dateline: None }]);
        for (s, e) in got.iter().flatten().flat_map(|i| i.evidence.iter().copied()) {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e && e <= text.len());
        }
    }

    #[test]
    fn no_evidence_no_date() {
        assert_eq!(infer(&[("Nothing here says when.", None)]), vec![None]);
        assert_eq!(infer(&[("It happened on May 19.", None)]), vec![None]);
        assert_eq!(infer(&[("", None)]), vec![None]);
    }
}
