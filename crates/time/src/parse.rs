//! The grammar: a left-to-right scan over tokens that tries a handful of pattern families
//! at every trigger token (a token with a lexical class or a number), keeps the longest
//! match, and resolves it immediately so that the next expression can use it as its
//! narrative anchor ("the next day"). Every pattern looks at a bounded number of tokens,
//! so the whole pass is linear in the input.

//!
//! The parser is one [`Tagger`] whose methods are spread over the submodules by what they
//! parse, so that any family can call any small parser (a date family asks for a clock
//! time, a scheduling family for a date) without passing state around. This file holds
//! what they all share: the intermediate types ([`Spec`], [`DayRef`], [`Qty`], [`Cand`],
//! [`Res`]), the token helpers and the driver (the scan, the title filter, quantity hedges,
//! emitting with the narrative anchor). The submodules:
//!
//! - `dates` — calendar fields (days, years, months, weekdays, numeric formats), fuzzy and
//!   relative prefixes, and the main date-and-time family;
//! - `times` — clock times, parts of the day, hour ranges;
//! - `durations` — quantities, units and durations;
//! - `sets` — recurring times;
//! - `relative` — units moved from the DCT or the narrative anchor ("two days later"),
//!   decades, centuries, present/past/future references;
//! - `news` — quarters, halves, fiscal years and other reporting periods;
//! - `holidays` — holiday names and the rules that date them;
//! - `days` — days and weeks placed in a month, week or range ("the first Tuesday of
//!   October", "13-15 July");
//! - `scheduling` — Duckling-style readings of scheduling text and the extra-families entry;
//! - `anchors` — resolving a day-level reference against the DCT or the narrative;
//! - `tense` — the clause's tense, which picks the past or future occurrence.

use crate::calendar::{self, Gran, Point};
use crate::lunar;
use crate::token::{tokenize, Kind, Kw, Lex, Tok, Unit};
use crate::{Anchor, Dct, Options, Tense, Timex, TimexType};

mod anchors;
mod dates;
mod days;
mod durations;
mod holidays;
mod news;
mod relative;
mod scheduling;
mod sets;
mod tense;
mod times;

use dates::is_measure_word;
use durations::duration_value;
use holidays::Hol;
#[cfg(test)]
pub(crate) use holidays::holiday_names_sorted;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tn {
    Past,
    Present,
    Future,
}

/// A clock time or a part of the day.
#[derive(Clone, Copy, Debug)]
enum Tod {
    Hm(u32, u32, Option<u32>),
    Part(&'static str),
}

impl Tod {
    fn suffix(self) -> String {
        match self {
            Tod::Hm(h, m, None) => format!("T{:02}:{:02}", h, m),
            Tod::Hm(h, m, Some(s)) => format!("T{:02}:{:02}:{:02}", h, m, s),
            Tod::Part(p) => format!("T{}", p),
        }
    }
}

/// Calendar fields exactly as the text gave them.
#[derive(Clone, Copy, Default, Debug)]
struct Spec {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    wd: Option<u32>,
}

/// What a day-level phrase refers to, before anchoring.
#[derive(Clone, Copy, Debug)]
enum DayRef {
    Spec(Spec),
    /// Offset in days from the DCT (today 0, yesterday -1).
    Rel(i64),
    Holiday(Hol, Option<i32>),
    Season(u32, Option<i32>),
}

#[derive(Clone, Copy, Debug)]
enum Qty {
    N(u32),
    /// n and a half.
    Half(u32),
    /// Unspecified ("several", "a few").
    X,
}

struct Cand {
    /// Token range [s, e).
    s: usize,
    e: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    range_end: Option<String>,
    anchor: Anchor,
    /// The resolved point, which becomes the narrative anchor for what follows.
    point: Option<Point>,
    /// A comparison ("a year earlier") that does not become the next narrative anchor.
    comparison: bool,
}

impl Cand {
    fn new(s: usize, e: usize, kind: TimexType, value: String) -> Cand {
        Cand { s, e, kind, value, modifier: None, range_end: None, anchor: Anchor::None, point: None, comparison: false }
    }
}

/// A resolved value: its string, the point (if any) and what it was anchored on.
struct Res {
    value: String,
    point: Option<Point>,
    anchor: Anchor,
}

impl Res {
    fn abs(p: Point) -> Res {
        Res { value: p.fmt(), point: Some(p), anchor: Anchor::None }
    }
    fn rel(p: Point, anchor: Anchor) -> Res {
        Res { value: p.fmt(), point: Some(p), anchor }
    }
    fn open(value: String) -> Res {
        Res { value, point: None, anchor: Anchor::None }
    }
}

pub(crate) struct Tagger<'a> {
    text: &'a str,
    t: Vec<Tok>,
    dct: Option<Point>,
    /// Clock time of the DCT, when it carries one.
    dct_tm: Option<(u32, u32)>,
    opts: Options,
    /// Latest resolved point and the index of the timex that produced it.
    last: Option<(Point, usize)>,
    out: Vec<Timex>,
}

pub(crate) fn run(text: &str, dct: Option<&Dct>, opts: &Options) -> Vec<Timex> {
    let dct_in = dct;
    let dct = dct.and_then(|d| {
        let (y, m, dd) = d.date;
        calendar::valid_date(y, m, dd).then(|| Point::day(y, m, dd))
    });
    let dct_tm = if dct.is_some() { dct_in.and_then(|d| d.time).filter(|&(h, m)| h < 24 && m < 60) } else { None };
    let mut t = Vec::new();
    tokenize(text, &mut t);
    let mut tg = Tagger { text, t, dct, dct_tm, opts: *opts, last: None, out: Vec::new() };
    tg.scan();
    tg.out
}

impl<'a> Tagger<'a> {
    // ---------------------------------------------------------------- token helpers

    fn n(&self) -> usize {
        self.t.len()
    }
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Lex::Kw(k)
    }
    fn txt(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }
    fn word(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word) && self.txt(i).eq_ignore_ascii_case(w)
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && t.e - t.s == 1)
            && self.text.as_bytes()[self.t[i].s] == c as u8
    }
    /// A closing quotation mark: a quotation keeps its own tense, apart from
    /// the reporting clause after it ("I will call on Monday," he wrote).
    fn closes_quote(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct) && matches!(self.text[self.t[i].s..].chars().next(), Some('”' | '"' | '»'))
            // the wire services' typewriter quotes: ``...''
            || self.punct(i, '\'') && self.adj(i) && self.punct(i + 1, '\'')
    }
    fn is_punct(&self, i: usize) -> bool {
        self.t.get(i).is_none_or(|t| t.kind == Kind::Punct)
    }
    /// Token i and i+1 touch (no whitespace between).
    fn adj(&self, i: usize) -> bool {
        i + 1 < self.n() && self.t[i].e == self.t[i + 1].s
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    /// Value of a plain number token of at most 9 digits.
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.e - t.s > 9 {
            return None;
        }
        self.text[t.s..t.e].parse().ok()
    }
    fn ndigits(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| if t.kind == Kind::Num { t.e - t.s } else { 0 })
    }
    /// A number token that is part of a larger figure ("1,000", "3.5", "10-15").
    fn in_figure(&self, i: usize) -> bool {
        let before = i >= 2
            && self.adj(i - 1)
            && self.adj(i - 2)
            && (self.punct(i - 1, ',') || self.punct(i - 1, '.'))
            && self.t[i - 2].kind == Kind::Num;
        let after = self.adj(i)
            && self.adj(i + 1)
            && (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
            && self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Num);
        let money = i >= 1 && self.adj(i - 1) && (self.punct(i - 1, '$') || self.txt(i - 1) == "£" || self.txt(i - 1) == "€");
        before || after || money
    }

    fn trigger(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.kind == Kind::Num || t.lex != Lex::None || (t.kind == Kind::Punct && self.punct(i, '\''))
    }

    // ---------------------------------------------------------------- driver

    fn scan(&mut self) {
        let mut i = 0;
        while i < self.n() {
            if !self.trigger(i) || self.generic_today(i) {
                i += 1;
                continue;
            }
            let best = [
                self.p_datetime(i),
                self.p_relative(i),
                self.p_quarter(i),
                self.p_duration(i),
                self.p_set(i),
                self.p_ref(i),
                self.p_news(i),
                self.p_extra(i),
            ]
            .into_iter()
            .flatten()
            .max_by_key(|c| (c.e, std::cmp::Reverse(c.s)));
            match best {
                Some(c) if c.e > i && self.title(c.s, c.e) => i = c.e,
                Some(mut c) if c.e > i => {
                    i = c.e;
                    self.approximator(&mut c);
                    self.emit(c);
                }
                _ => i += 1,
            }
        }
    }

    /// "today" that is no day: a name ("USA Today", "VOA Today") or the generic present
    /// ("today's youth", "in today's world", "today's personal computers" = nowadays).
    fn generic_today(&self, i: usize) -> bool {
        if !self.kw(i, Kw::Today) {
            return false;
        }
        if self.cap(i) && i > 0 && self.cap(i - 1) && self.t[i - 1].kind == Kind::Word && !self.is_punct(i - 1) && self.lex(i - 1) == Lex::None {
            return true;
        }
        const GENERIC: &[&str] = &[
            "world", "youth", "society", "generation", "generations", "young", "youngsters", "children", "kids", "teenagers",
            "families", "standards", "technology", "culture", "personal", "modern", "consumers", "students", "parents",
        ];
        self.punct(i + 1, '\'') && self.word(i + 2, "s") && GENERIC.iter().any(|g| self.word(i + 3, g))
    }

    /// A title that reads like a time: "This Week" (a TV show) in quotation marks, CBS's
    /// "60 Minutes", "High Noon": capitalized words inside quotes or after a capitalized word,
    /// ending in a capitalized unit, mid-sentence.
    fn title(&self, s: usize, e: usize) -> bool {
        let last = e - 1;
        let unit_cap = self.cap(last) && (matches!(self.lex(last), Lex::Unit(..)) || self.kw(last, Kw::Noon));
        if !unit_cap || s == 0 || !(s..e).all(|k| self.cap(k) || self.t[k].kind == Kind::Num) {
            return false;
        }
        let p = s - 1;
        let opens = |p: usize| self.t[p].kind == Kind::Punct && matches!(self.text[self.t[p].s..].chars().next(), Some('"' | '“' | '`' | '\'')) && self.adj(p);
        let opening = opens(p);
        let name_before = self.t[p].kind == Kind::Word && self.cap(p) && self.lex(p) == Lex::None && p > 0 && (!self.is_punct(p - 1) || opens(p - 1));
        opening || name_before
    }

    /// Quantity hedges that TimeML puts inside the extent: "nearly two years", "more than
    /// four hours", "at least 20 days", "around 7:15 p.m.". ("about", "over" and "almost"
    /// are mostly left outside in TimeBank/AQUAINT, so we leave them too.)
    fn approximator(&self, c: &mut Cand) {
        // Scheduling text: open intervals and hedges belong to the expression ("after 2 pm",
        // "until 2:00pm", "sometime before 2014", "around next week").
        if self.opts.default_tense == Tense::Future && c.s > 0 {
            let p = c.s - 1;
            // "by the end of the month": from now until then
            if self.word(p, "by") && c.kind == TimexType::Date && c.range_end.is_none() && c.value.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                if let (Some(d), Some((h, m))) = (self.dct, self.dct_tm) {
                    c.s = p;
                    c.range_end = Some(std::mem::replace(&mut c.value, format!("{}T{:02}:{:02}:00", d.fmt(), h, m)));
                    c.modifier = None;
                    c.point = None;
                    return;
                }
            }
            if matches!(self.lex(p), Lex::Kw(Kw::After | Kw::Since | Kw::Before | Kw::Until | Kw::Through)) || self.word(p, "around") || self.word(p, "about") || self.word(p, "approximately") || self.word(p, "during") {
                c.s = p;
                if p > 0 && (self.word(p - 1, "anytime") || self.word(p - 1, "sometime") || self.word(p - 1, "sometimes")) {
                    c.s = p - 1;
                }
                return;
            }
        }
        if c.s == 0 || !matches!(c.kind, TimexType::Duration | TimexType::Time) && !self.kw(c.e - 1, Kw::Ago) {
            return;
        }
        let s = c.s;
        let (m, n) = if self.word(s - 1, "nearly") {
            ("LESS_THAN", 1)
        } else if self.word(s - 1, "around") {
            ("APPROX", 1)
        } else if s >= 2 && self.word(s - 1, "than") && self.word(s - 2, "more") {
            ("MORE_THAN", 2)
        } else if s >= 2 && self.word(s - 1, "than") && (self.word(s - 2, "less") || self.word(s - 2, "fewer")) {
            ("LESS_THAN", 2)
        } else if s >= 2 && self.word(s - 1, "to") && self.word(s - 2, "up") {
            ("EQUAL_OR_LESS", 2)
        } else if s >= 2 && self.word(s - 1, "least") && self.word(s - 2, "at") {
            ("EQUAL_OR_MORE", 2)
        } else {
            return;
        };
        c.s -= n;
        c.modifier.get_or_insert(m);
    }

    fn emit(&mut self, c: Cand) {
        let idx = self.out.len();
        // "the quarter ended Sept. 30": the date only closes the period just named, which
        // stays the reference for what follows ("a year ago" = that quarter a year before)
        let closes_period = c.s >= 2
            && (self.word(c.s - 1, "ended") || self.word(c.s - 1, "ending"))
            && (matches!(self.lex(c.s - 2), Lex::Unit(Unit::Quarter | Unit::Year, false)) || self.word(c.s - 2, "period"))
            && self.last.is_some_and(|(p, _)| matches!(p.gran, Gran::Quarter | Gran::Half));
        if let Some(p) = c.point.filter(|_| !c.comparison && !closes_period) {
            self.last = Some((p, idx));
        }
        let (start, end) = (self.t[c.s].s, self.t[c.e - 1].e);
        self.out.push(Timex {
            start,
            end,
            kind: c.kind,
            value: c.value,
            modifier: c.modifier.map(str::to_string),
            range_end: c.range_end,
            anchor: c.anchor,
        });
    }

}

