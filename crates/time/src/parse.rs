//! The grammar: a left-to-right scan over tokens that tries a handful of pattern families
//! at every trigger token (a token with a lexical class or a number), keeps the longest
//! match, and resolves it immediately so that the next expression can use it as its
//! narrative anchor ("the next day"). Every pattern looks at a bounded number of tokens,
//! so the whole pass is linear in the input.

use crate::calendar::{self, Gran, Point};
use crate::token::{tokenize, Kind, Kw, Lex, Tok, Unit};
use crate::{Anchor, Dct, Options, Tense, Timex, TimexType};

/// How far back/forward the tense heuristic looks for a verb marker.
const TENSE_WINDOW: usize = 24;

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

#[derive(Clone, Copy, Debug)]
enum Hol {
    Fixed(u32, u32),
    /// n-th weekday of a month (negative: from the end).
    Nth(u32, u32, i32),
    /// Days relative to Easter Sunday.
    Easter(i64),
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
}

impl Cand {
    fn new(s: usize, e: usize, kind: TimexType, value: String) -> Cand {
        Cand { s, e, kind, value, modifier: None, range_end: None, anchor: Anchor::None, point: None }
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
    opts: Options,
    /// Latest resolved point and the index of the timex that produced it.
    last: Option<(Point, usize)>,
    out: Vec<Timex>,
}

pub(crate) fn run(text: &str, dct: Option<&Dct>, opts: &Options) -> Vec<Timex> {
    let dct = dct.and_then(|d| {
        let (y, m, dd) = d.date;
        calendar::valid_date(y, m, dd).then(|| Point::day(y, m, dd))
    });
    let mut t = Vec::new();
    tokenize(text, &mut t);
    let mut tg = Tagger { text, t, dct, opts: *opts, last: None, out: Vec::new() };
    tg.scan();
    tg.out
}

fn unit_letter(u: Unit) -> (bool, &'static str, u32) {
    // (is a time unit, ISO letter, multiplier)
    match u {
        Unit::Second => (true, "S", 1),
        Unit::Minute => (true, "M", 1),
        Unit::Hour => (true, "H", 1),
        Unit::Day | Unit::Night => (false, "D", 1),
        Unit::Weekend => (false, "D", 2),
        Unit::Week => (false, "W", 1),
        Unit::Fortnight => (false, "W", 2),
        Unit::Month => (false, "M", 1),
        Unit::Quarter => (false, "Q", 1),
        Unit::Year => (false, "Y", 1),
        Unit::Decade => (false, "Y", 10),
        Unit::Century => (false, "Y", 100),
    }
}

/// ISO 8601 duration for a quantity of a unit; halves move to the next smaller unit.
fn duration_value(q: Qty, u: Unit) -> String {
    let (time, letter, mul) = unit_letter(u);
    let t = if time { "T" } else { "" };
    match q {
        Qty::X => format!("P{}X{}", t, letter),
        Qty::N(n) => format!("P{}{}{}", t, n as u64 * mul as u64, letter),
        Qty::Half(n) => {
            let n2 = n as u64 * 2 + 1; // in half units
            match u {
                Unit::Year => format!("P{}M", n2 * 6),
                Unit::Decade => format!("P{}Y", n2 * 5),
                Unit::Century => format!("P{}Y", n2 * 50),
                Unit::Day | Unit::Night => format!("PT{}H", n2 * 12),
                Unit::Hour => format!("PT{}M", n2 * 30),
                Unit::Minute => format!("PT{}S", n2 * 30),
                Unit::Week => format!("P{}D", n2 * 7 / 2),
                Unit::Month => format!("P{}D", n2 * 15),
                _ => format!("P{}{}.5{}", t, n, letter),
            }
        }
    }
}

/// Granularity a unit of relative movement produces ("last week" is a week).
fn unit_gran(u: Unit) -> Option<Gran> {
    Some(match u {
        Unit::Day | Unit::Night => Gran::Day,
        Unit::Week | Unit::Fortnight => Gran::Week,
        Unit::Weekend => Gran::Weekend,
        Unit::Month => Gran::Month,
        Unit::Quarter => Gran::Quarter,
        Unit::Year => Gran::Year,
        Unit::Decade => Gran::Decade,
        Unit::Century => Gran::Century,
        _ => return None,
    })
}

/// Words after a number that make a four-digit number a quantity, not a year.
fn is_measure_word(w: &str) -> bool {
    const M: &[&str] = &[
        "percent", "people", "troops", "soldiers", "shares", "points", "miles", "feet", "meters",
        "metres", "tons", "tonnes", "dollars", "pounds", "euros", "yen", "barrels", "cars", "men",
        "women", "children", "jobs", "workers", "units", "votes", "pages", "acres", "km", "kg",
        "employees", "members", "cases", "deaths", "homes", "students", "words", "copies",
    ];
    M.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Capitalized words after a weekday that make it part of a name ("Sunday Times").
fn is_name_word(w: &str) -> bool {
    const N: &[&str] = &[
        "Times", "Telegraph", "Mirror", "Express", "Herald", "Post", "Mail", "Independent",
        "Tribune", "Observer", "Sport", "Star", "Review", "Magazine", "Edition", "Night",
        "Football", "School", "Service", "People", "Business", "Record", "Sun",
    ];
    N.contains(&w)
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
            if !self.trigger(i) {
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
            ]
            .into_iter()
            .flatten()
            .max_by_key(|c| (c.e, std::cmp::Reverse(c.s)));
            match best {
                Some(mut c) if c.e > i => {
                    i = c.e;
                    self.approximator(&mut c);
                    self.emit(c);
                }
                _ => i += 1,
            }
        }
    }

    /// Quantity hedges that TimeML puts inside the extent: "nearly two years", "more than
    /// four hours", "at least 20 days", "around 7:15 p.m.". ("about", "over" and "almost"
    /// are mostly left outside in TimeBank/AQUAINT, so we leave them too.)
    fn approximator(&self, c: &mut Cand) {
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
        if let Some(p) = c.point {
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

    // ---------------------------------------------------------------- tense

    /// Tense of the clause around tokens [s, e): the nearest auxiliary or past-tense verb,
    /// looking back to the sentence start and a few tokens ahead.
    fn tense(&self, s: usize, e: usize) -> Tn {
        self.marked_tense(s, e).unwrap_or(self.default_tn())
    }

    fn marked_tense(&self, s: usize, e: usize) -> Option<Tn> {
        let marker = |i: usize| -> Option<Tn> {
            let t = &self.t[i];
            if t.kind != Kind::Word {
                return None;
            }
            let w = self.txt(i);
            let lw = |x: &str| w.eq_ignore_ascii_case(x);
            if lw("will") || lw("shall") || lw("ll") || lw("gonna") || lw("upcoming")
                || lw("scheduled") || lw("expected") || lw("expects") || lw("plans")
                || (lw("going") && self.word(i + 1, "to"))
                || (lw("wo") && self.punct(i + 1, '\''))
            {
                return Some(Tn::Future);
            }
            if lw("is") || lw("are") || lw("am") || lw("says") || lw("say") {
                return Some(Tn::Present);
            }
            if lw("was") || lw("were") || lw("had") || lw("did") || lw("said") || lw("told")
                || lw("ago") || lw("came") || lw("went") || lw("took") || lw("gave") || lw("made")
                || lw("met") || lw("spoke") || lw("began") || lw("won") || lw("lost") || lw("saw")
                || lw("left") || lw("held") || lw("became") || lw("fell") || lw("rose")
            {
                return Some(Tn::Past);
            }
            let b = w.as_bytes();
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") {
                const NOT_PAST: &[&str] = &["hundred", "indeed", "united", "proceed", "exceed", "succeed", "speed", "need", "based"];
                if !NOT_PAST.iter().any(|x| lw(x)) {
                    return Some(Tn::Past);
                }
            }
            None
        };
        let is_end = |i: usize| self.punct(i, '.') || self.punct(i, '!') || self.punct(i, '?') || self.punct(i, ';');
        let mut back = None;
        let mut i = s;
        while i > 0 && s - i < TENSE_WINDOW {
            i -= 1;
            if is_end(i) && !(i > 0 && self.adj(i - 1) && self.t[i - 1].e - self.t[i - 1].s <= 4 && self.cap(i - 1)) {
                break;
            }
            if let Some(m) = marker(i) {
                back = Some((s - i, m));
                break;
            }
        }
        let mut fwd = None;
        let mut j = e;
        while j < self.n() && j - e < 8 {
            if is_end(j) {
                break;
            }
            if let Some(m) = marker(j) {
                fwd = Some((j - e + 1, m));
                break;
            }
            j += 1;
        }
        match (back, fwd) {
            (Some(b), Some(f)) => Some(if f.0 < b.0 { f.1 } else { b.1 }),
            (Some(b), None) => Some(b.1),
            (None, Some(f)) => Some(f.1),
            (None, None) => None,
        }
    }

    fn default_tn(&self) -> Tn {
        match self.opts.default_tense {
            Tense::Past => Tn::Past,
            Tense::Future => Tn::Future,
        }
    }

    // ---------------------------------------------------------------- small parsers

    /// Day of month: "15", "15th", "fifteenth", "twenty-first".
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(d) = self.num(i) {
            if self.ndigits(i) > 2 || !(1..=31).contains(&d) || self.clock_colon(i) || self.in_figure(i) {
                return None;
            }
            if self.adj(i) && ["st", "nd", "rd", "th"].iter().any(|s| self.word(i + 1, s)) {
                return Some((d, i + 2));
            }
            if self.adj(i) && self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word) {
                return None;
            }
            return Some((d, i + 1));
        }
        match self.lex(i) {
            Lex::Ord(d) if d <= 31 => Some((d, i + 1)),
            Lex::Card(20) | Lex::Card(30) if self.punct(i + 1, '-') => match self.lex(i + 2) {
                Lex::Ord(u) if u < 10 => {
                    let Lex::Card(t) = self.lex(i) else { return None };
                    (t + u <= 31).then_some((t + u, i + 3))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Number token i is the hour of "10:30".
    fn clock_colon(&self, i: usize) -> bool {
        self.punct(i + 1, ':') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2
    }

    /// Four-digit year (1000..2999) or "'98".
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        if self.ndigits(i) == 4 && !self.in_figure(i) {
            let y = self.num(i)? as i32;
            return (1000..3000).contains(&y).then_some((y, i + 1));
        }
        if self.punct(i, '\'') && self.adj(i) && self.ndigits(i + 1) == 2 && !(self.adj(i + 1) && self.word(i + 2, "s")) {
            let y = self.num(i + 1)? as i32;
            return Some((if y < 30 { 2000 + y } else { 1900 + y }, i + 2));
        }
        None
    }

    /// A month name; abbreviations need a following "." or number.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Month(m) => Some((m, i + 1)),
            Lex::MonthAbbr(m) => {
                if self.punct(i + 1, '.') && self.adj(i) {
                    Some((m, i + 2))
                } else if self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Num) && (self.cap(i) || self.adj(i)) {
                    Some((m, i + 1))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Weekday(w, false) => Some((w, i + 1)),
            Lex::WeekdayAbbr(w) if self.punct(i + 1, '.') && self.adj(i) => Some((w, i + 2)),
            _ => None,
        }
    }

    /// Optional ", YEAR" / " YEAR" after a month or day.
    fn opt_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.punct(i, ',') { i + 1 } else { i };
        match self.year(j) {
            Some((y, k)) if !(self.punct(k, ':') || self.adj(j) && self.word(k, "s")) => (Some(y), k),
            _ => (None, i),
        }
    }

    /// A calendar date: month–day(–year), day–month(–year), month–year, numeric formats,
    /// optionally preceded by a weekday ("Monday, May 19").
    fn spec(&self, i: usize) -> Option<(Spec, usize)> {
        // "Thu 15th", "Wed, Feb13": abbreviations without a dot only before a date.
        if let Lex::WeekdayAbbr(wd) = self.lex(i) {
            if !self.punct(i + 1, '.') {
                let k = if self.punct(i + 1, ',') { i + 2 } else { i + 1 };
                let (mut sp, e) = self.spec_date(k, false)?;
                sp.d?;
                sp.wd = Some(wd);
                return Some((sp, e));
            }
        }
        if let Some((wd, j)) = self.weekday(i) {
            let k = if self.punct(j, ',') { j + 1 } else { j };
            if let Some((mut sp, e)) = self.spec_date(k, true) {
                if sp.d.is_some() {
                    sp.wd = Some(wd);
                    return Some((sp, e));
                }
            }
            return Some((Spec { wd: Some(wd), ..Spec::default() }, j));
        }
        self.spec_date(i, true)
    }

    fn spec_date(&self, i: usize, allow_bare_month: bool) -> Option<(Spec, usize)> {
        // Month first: "May 19", "May 19th, 2025", "February the 15th", "May 2025".
        if let Some((m, j)) = self.month(i) {
            let jd = if self.kw(j, Kw::The) { j + 1 } else { j };
            if let Some((d, k)) = self.day_num(jd) {
                if d <= calendar::days_in_month(2000, m) && !(self.adj(jd) && self.punct(jd + 1, '%')) {
                    let (y, e) = self.opt_year(k);
                    return Some((Spec { y, m: Some(m), d: Some(d), wd: None }, e));
                }
            }
            let (y, e) = self.opt_year(if self.kw(j, Kw::Of) { j + 1 } else { j });
            if y.is_some() {
                return Some((Spec { y, m: Some(m), ..Spec::default() }, e));
            }
            if allow_bare_month && self.bare_month_ok(i, j) {
                return Some((Spec { m: Some(m), ..Spec::default() }, j));
            }
            return None;
        }
        // Day first: "19 May 2025", "the 4th of July", "14april 2015".
        {
            let jd = if self.kw(i, Kw::The) { i + 1 } else { i };
            if let Some((d, k)) = self.day_num(jd).or_else(|| {
                // "14april": digits glued to a month name
                let d = self.num(jd)?;
                (self.ndigits(jd) <= 2 && self.adj(jd) && matches!(self.lex(jd + 1), Lex::Month(_))).then_some((d, jd + 1))
            }) {
                let k2 = if self.kw(k, Kw::Of) { k + 1 } else { k };
                if let Some((m, e)) = self.month(k2) {
                    if d <= calendar::days_in_month(2000, m) && (self.lex(jd) != Lex::Ord(2) || k2 > k) {
                        let (y, e) = self.opt_year(e);
                        return Some((Spec { y, m: Some(m), d: Some(d), wd: None }, e));
                    }
                }
            }
        }
        self.numeric_date(i).or_else(|| self.bare_year(i))
    }

    /// A four-digit number standing alone is a year unless it measures something.
    fn bare_year(&self, i: usize) -> Option<(Spec, usize)> {
        if self.ndigits(i) != 4 {
            return None;
        }
        let (y, e) = self.year(i)?;
        let figure_next = self.adj(i) && !self.is_punct(e) || self.punct(e, '%') || self.punct(e, ':') || (self.punct(e, '-') || self.punct(e, '/')) && self.adj(i) && self.ndigits(e + 1) > 0 && self.ndigits(e + 1) != 4;
        let prev_figure = i > 0 && self.adj(i - 1) && (self.t[i - 1].kind == Kind::Num || self.punct(i - 1, '$') || self.punct(i - 1, '#') || self.punct(i - 1, '-') && i > 1 && self.ndigits(i - 2) > 0 && self.ndigits(i - 2) != 4);
        if !(1800..=2100).contains(&y) || figure_next || prev_figure || is_measure_word(self.txt(e)) {
            return None;
        }
        Some((Spec { y: Some(y), ..Spec::default() }, e))
    }

    /// Is a month name standing alone really the month? Rejects "may" the verb, "protesters
    /// march", names ("April Jones") and other non-temporal uses.
    fn bare_month_ok(&self, i: usize, j: usize) -> bool {
        let Lex::Month(m) = self.lex(i) else { return false };
        let prev_temporal = i > 0
            && (matches!(
                self.lex(i - 1),
                Lex::Kw(Kw::In | Kw::Since | Kw::Until | Kw::Through | Kw::From | Kw::To | Kw::Of | Kw::Early | Kw::Late
                    | Kw::Mid | Kw::Last | Kw::Next | Kw::This | Kw::Before | Kw::After | Kw::Between | Kw::On | Kw::End
                    | Kw::Beginning | Kw::Start | Kw::Middle | Kw::Every | Kw::Each | Kw::Coming | Kw::Past)
            ) || self.word(i - 1, "by")
                || self.word(i - 1, "during")
                || self.word(i - 1, "and")
                || self.word(i - 1, "or")
                || (self.punct(i - 1, '-') && self.adj(i - 1)));
        if m == 5 || m == 3 {
            // Both are common English words; demand a capital and a temporal context.
            return self.cap(i) && (prev_temporal || (self.punct(j, '.') || self.punct(j, ',')) && i > 0 && self.word(i - 1, "in"));
        }
        if !self.cap(i) {
            return prev_temporal;
        }
        // "August Wilson": a following capitalized word that is not itself temporal.
        let next_name = self.cap(j) && self.t[j].kind == Kind::Word && self.lex(j) == Lex::None;
        prev_temporal || !next_name
    }

    /// Numeric dates: 2025-05-19, 5/19/2025, 5/19/25, 19.05.2025, 20250519, 2/15.
    fn numeric_date(&self, i: usize) -> Option<(Spec, usize)> {
        let a = self.num(i)?;
        let da = self.ndigits(i);
        if da == 8 && !self.in_figure(i) {
            let (y, m, d) = ((a / 10000) as i32, a / 100 % 100, a % 100);
            return ((1900..2100).contains(&y) && calendar::valid_date(y, m, d) && !self.adj(i))
                .then_some((Spec { y: Some(y), m: Some(m), d: Some(d), wd: None }, i + 1));
        }
        let sep = |k: usize| -> Option<char> {
            ['-', '/', '.'].into_iter().find(|&c| self.punct(k, c) && self.adj(k - 1) && self.adj(k))
        };
        let s1 = sep(i + 1)?;
        let b = self.num(i + 2)?;
        let db = self.ndigits(i + 2);
        let s2 = sep(i + 3).filter(|&c| c == s1);
        let c = s2.and_then(|_| self.num(i + 4));
        let dc = self.ndigits(i + 4);
        if i > 0 && self.adj(i - 1) && matches!(self.t[i - 1].kind, Kind::Num | Kind::Punct) && !self.punct(i - 1, '(') {
            return None;
        }
        if let Some(c) = c {
            if s2.is_some() && self.adj(i + 4) && (self.punct(i + 5, s1) || self.t.get(i + 5).is_some_and(|t| t.kind == Kind::Num)) {
                return None;
            }
            let (y, m, d) = if da == 4 {
                (a as i32, b, c)
            } else if dc == 4 || dc == 2 {
                let y = if dc == 2 { if c < 30 { 2000 + c as i32 } else { 1900 + c as i32 } } else { c as i32 };
                // month first (US) unless the first number cannot be a month
                if a > 12 { (y, b, a) } else { (y, a, b) }
            } else {
                return None;
            };
            return calendar::valid_date(y, m, d).then_some((Spec { y: Some(y), m: Some(m), d: Some(d), wd: None }, i + 5));
        }
        // "2/15": month/day without a year, only with '/' and a plausible day.
        if s1 == '/' && da <= 2 && db <= 2 && (1..=12).contains(&a) && (1..=31).contains(&b) && (b > 12 || i > 0 && self.kw(i - 1, Kw::On)) {
            if self.adj(i + 2) && !self.is_punct(i + 3) || self.kw(i + 3, Kw::Of) {
                return None;
            }
            return Some((Spec { m: Some(a), d: Some(b), ..Spec::default() }, i + 3));
        }
        None
    }

    /// Clock time: "10:30", "10 a.m.", "3pm", "15h30", "noon", "10 o'clock" with an optional
    /// time zone and "in the morning".
    fn time(&self, i: usize) -> Option<(Tod, usize)> {
        let (mut h, mut m, mut s, mut j, explicit);
        if self.kw(i, Kw::Noon) || self.kw(i, Kw::Midday) {
            return Some((Tod::Hm(12, 0, None), i + 1));
        }
        if self.kw(i, Kw::Midnight) {
            return Some((Tod::Hm(24, 0, None), i + 1));
        }
        let a = self.num(i)?;
        if self.in_figure(i) && !self.punct(i + 1, '.') {
            return None;
        }
        let da = self.ndigits(i);
        if self.punct(i + 1, ':') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2 && da <= 2 {
            h = a;
            m = self.num(i + 2)?;
            s = None;
            j = i + 3;
            if self.punct(j, ':') && self.adj(j - 1) && self.adj(j) && self.ndigits(j + 1) == 2 {
                s = self.num(j + 1);
                j += 2;
            }
            explicit = true;
        } else if self.adj(i) && self.word(i + 1, "h") && da <= 2 {
            // European "15h30", "16h"
            h = a;
            m = 0;
            s = None;
            j = i + 2;
            if self.adj(i + 1) && self.ndigits(i + 2) == 2 {
                m = self.num(i + 2)?;
                j = i + 3;
            }
            explicit = true;
        } else if da == 3 || da == 4 {
            h = a / 100;
            m = a % 100;
            s = None;
            j = i + 1;
            explicit = false;
        } else if da <= 2 {
            h = a;
            m = 0;
            s = None;
            j = i + 1;
            explicit = false;
        } else {
            return None;
        }
        if h > 24 || m > 59 || s.is_some_and(|s| s > 59) {
            return None;
        }
        let mut ok = explicit;
        if let Some((pm, k)) = self.ampm(j) {
            if h > 12 || h == 0 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            }
            if !pm && h == 12 {
                h = 0;
            }
            j = k;
            ok = true;
        } else if self.kw(j, Kw::Oclock) && da <= 2 {
            j += 1;
            ok = true;
            if let Some((pm, k)) = self.ampm(j) {
                if pm && h < 12 {
                    h += 12;
                }
                j = k;
            }
        }
        if !ok || (da == 3 || da == 4) && j == i + 1 {
            return None;
        }
        // "3 in the morning / afternoon / evening"
        if self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
            if let Lex::Pod(p) = self.lex(j + 2) {
                if p != "MO" && h < 12 {
                    h += 12;
                }
                j += 3;
            }
        }
        // Time zone abbreviations are part of the expression.
        const TZ: &[&str] = &["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "ET", "PT"];
        if self.t.get(j).is_some_and(|t| t.kind == Kind::Word) && TZ.iter().any(|z| z.eq_ignore_ascii_case(self.txt(j))) {
            j += 1;
        }
        Some((Tod::Hm(h, m, s), j))
    }

    /// "am", "pm", "a.m.", "p.m", and a bare "a"/"p" glued to the number.
    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        let w = self.txt(j);
        if self.t.get(j).is_none_or(|t| t.kind != Kind::Word) {
            return None;
        }
        let pm = if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("a") {
            false
        } else if w.eq_ignore_ascii_case("pm") || w.eq_ignore_ascii_case("p") {
            true
        } else {
            return None;
        };
        if w.len() == 2 {
            let k = if self.punct(j + 1, '.') && self.adj(j) { j + 2 } else { j + 1 };
            return Some((pm, k));
        }
        if self.punct(j + 1, '.') && self.adj(j) && self.word(j + 2, "m") && self.adj(j + 1) {
            let k = if self.punct(j + 3, '.') && self.adj(j + 2) { j + 4 } else { j + 3 };
            return Some((pm, k));
        }
        // "3p", "3:18a": only when glued to the number
        (j > 0 && self.adj(j - 1) && self.t[j - 1].kind == Kind::Num).then_some((pm, j + 1))
    }

    /// Cardinal quantity: digits, number words ("twenty-four"), "a", "a few", "several".
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        let (q, mut j) = if let Some(n) = self.num(i) {
            if self.in_figure(i) && !(self.adj(i) && self.punct(i + 1, ',')) {
                return None;
            }
            // "1,000"-style groups
            let mut n = n as u64;
            let mut j = i + 1;
            while self.adj(j - 1) && self.punct(j, ',') && self.adj(j) && self.ndigits(j + 1) == 3 && n < 1_000_000 {
                n = n * 1000 + self.num(j + 1)? as u64;
                j += 2;
            }
            (Qty::N(n.min(u32::MAX as u64) as u32), j)
        } else {
            match self.lex(i) {
                Lex::Card(n) => {
                    let mut n = n;
                    let mut j = i + 1;
                    if n >= 20 && n % 10 == 0 {
                        let k = if self.punct(j, '-') { j + 1 } else { j };
                        if let Lex::Card(u) = self.lex(k) {
                            if u < 10 {
                                n += u;
                                j = k + 1;
                            }
                        }
                    }
                    if self.kw(j, Kw::Hundred) {
                        n *= 100;
                        j += 1;
                    }
                    (Qty::N(n), j)
                }
                Lex::Kw(Kw::A) => {
                    if self.kw(i + 1, Kw::Few) {
                        (Qty::X, i + 2)
                    } else if self.kw(i + 1, Kw::Couple) {
                        (Qty::N(2), if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 })
                    } else if self.kw(i + 1, Kw::Dozen) {
                        (Qty::N(12), i + 2)
                    } else {
                        (Qty::N(1), i + 1)
                    }
                }
                Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => (Qty::X, i + 1),
                Lex::Kw(Kw::Dozen) => (Qty::N(12), i + 1),
                _ => return None,
            }
        };
        // "2 1/2"
        if let Qty::N(n) = q {
            if self.num(j) == Some(1) && self.punct(j + 1, '/') && self.adj(j) && self.adj(j + 1) && self.num(j + 2) == Some(2) && j > i && !self.adj(j - 1) {
                return Some((Qty::Half(n), j + 3));
            }
        }
        // "two and a half"
        let mut q = q;
        if let Qty::N(n) = q {
            if self.kw(j, Kw::And) && self.kw(j + 1, Kw::A) && self.kw(j + 2, Kw::Half) {
                q = Qty::Half(n);
                j += 3;
            }
        }
        Some((q, j))
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        match self.lex(i) {
            Lex::Unit(u, pl) => Some((u, pl, i + 1)),
            Lex::Ord(2) if self.word(i, "second") && !matches!(self.lex(i + 1), Lex::Unit(..) | Lex::Kw(Kw::Half)) => Some((Unit::Second, false, i + 1)),
            _ => None,
        }
    }

    // ---------------------------------------------------------------- anchoring

    /// The narrative anchor: the latest resolved point, else the DCT.
    fn base(&self) -> Option<(Point, Anchor)> {
        match (self.last, self.dct) {
            (Some((p, k)), _) => Some((p, Anchor::Narrative(k))),
            (None, Some(d)) => Some((d, Anchor::Dct)),
            _ => None,
        }
    }

    /// Year for a month(/day) given without one: the occurrence the tense points to, or
    /// without a tense marker the occurrence nearest to the DCT.
    fn year_for(&self, m: u32, d: Option<u32>, tn: Option<Tn>, rel: Option<Kw>) -> Option<i32> {
        let dct = self.dct?;
        let target = (m, d.unwrap_or(if matches!(rel, Some(Kw::Last)) { 1 } else { 0 }));
        let now = (dct.m, if d.is_some() { dct.d } else { 0 });
        Some(match rel {
            Some(Kw::Last | Kw::Past) => dct.y - (target >= now) as i32,
            Some(Kw::Next | Kw::Coming | Kw::Upcoming) => dct.y + (target <= now) as i32,
            Some(Kw::This) => dct.y,
            _ => match tn {
                Some(Tn::Past) => dct.y - (target > now) as i32,
                Some(Tn::Future) => dct.y + (target < now) as i32,
                Some(Tn::Present) => dct.y,
                None => {
                    let day = |y: i32| calendar::days_from_civil(y, m, d.unwrap_or(15).min(calendar::days_in_month(y, m)));
                    let z = calendar::days_from_civil(dct.y, dct.m, dct.d);
                    [dct.y - 1, dct.y, dct.y + 1].into_iter().min_by_key(|&y| (day(y) - z).abs())?
                }
            },
        })
    }

    fn resolve_weekday(&self, wd: u32, rel: Option<Kw>, tn: Tn) -> Res {
        let Some(dct) = self.dct else {
            return Res::open(format!("XXXX-WXX-{}", wd));
        };
        let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
        let back = (dw - wd as i64).rem_euclid(7);
        let fwd = (wd as i64 - dw).rem_euclid(7);
        let off = match rel {
            Some(Kw::Last | Kw::Past | Kw::Previous) => -(if back == 0 { 7 } else { back }),
            Some(Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following) => if fwd == 0 { 7 } else { fwd },
            Some(Kw::This) if tn == Tn::Past => -back,
            Some(Kw::This) => fwd,
            _ => match tn {
                Tn::Past => -back,
                Tn::Future => if fwd == 0 { 7 } else { fwd },
                Tn::Present if back == 0 => 0,
                Tn::Present => match self.default_tn() {
                    Tn::Future => fwd,
                    _ => -back,
                },
            },
        };
        match dct.shift(off, Gran::Day) {
            Some(p) => Res::rel(p, Anchor::Dct),
            None => Res::open(format!("XXXX-WXX-{}", wd)),
        }
    }

    fn holiday_date(h: Hol, y: i32) -> (i32, u32, u32) {
        match h {
            Hol::Fixed(m, d) => (y, m, d),
            Hol::Nth(m, wd, n) => calendar::nth_weekday(y, m, wd, n),
            Hol::Easter(off) => {
                let (y, m, d) = calendar::easter(y);
                calendar::civil_from_days(calendar::days_from_civil(y, m, d) + off)
            }
        }
    }

    fn resolve_day(&self, dr: DayRef, rel: Option<Kw>, s: usize, e: usize) -> Option<Res> {
        Some(match dr {
            DayRef::Spec(sp) => match (sp.y, sp.m, sp.d) {
                (Some(y), Some(m), Some(d)) => {
                    if !calendar::valid_date(y, m, d) {
                        return None;
                    }
                    Res::abs(Point::day(y, m, d))
                }
                (Some(y), Some(m), None) => Res::abs(Point::with(y, m, Gran::Month)),
                (Some(y), None, None) => Res::abs(Point::with(y, 1, Gran::Year)),
                (None, Some(m), d) => {
                    // A weekday fixes the year: pick the nearby year where the date falls on it.
                    if let (Some(wd), Some(d), Some(dct)) = (sp.wd, d, self.dct) {
                        if let Some(y) = [dct.y, dct.y - 1, dct.y + 1]
                            .into_iter()
                            .find(|&y| calendar::valid_date(y, m, d) && calendar::weekday(y, m, d) == wd)
                        {
                            return Some(Res::rel(Point::day(y, m, d), Anchor::Dct));
                        }
                    }
                    let tn = self.marked_tense(s, e).filter(|&t| t == Tn::Future || d.is_none() && t == Tn::Past).or(match self.opts.default_tense {
                        Tense::Future => Some(Tn::Future),
                        Tense::Past => None,
                    });
                    match self.year_for(m, d, tn, rel) {
                        Some(y) => {
                            let p = match d {
                                Some(d) if calendar::valid_date(y, m, d) => Point::day(y, m, d),
                                Some(_) => return None,
                                None => Point::with(y, m, Gran::Month),
                            };
                            Res::rel(p, Anchor::Dct)
                        }
                        None => Res::open(match d {
                            Some(d) => format!("XXXX-{:02}-{:02}", m, d),
                            None => format!("XXXX-{:02}", m),
                        }),
                    }
                }
                (None, None, None) => {
                    let wd = sp.wd?;
                    self.resolve_weekday(wd, rel, self.tense(s, e))
                }
                _ => return None,
            },
            DayRef::Rel(off) => match self.dct.and_then(|d| d.shift(off, Gran::Day)) {
                Some(p) => Res::rel(p, Anchor::Dct),
                None => Res::open("XXXX-XX-XX".into()),
            },
            DayRef::Holiday(h, y) => {
                if let Some(y) = y {
                    let (y, m, d) = Self::holiday_date(h, y);
                    return Some(Res::abs(Point::day(y, m, d)));
                }
                let Some(dct) = self.dct else {
                    return Some(Res::open(match h {
                        Hol::Fixed(m, d) => format!("XXXX-{:02}-{:02}", m, d),
                        _ => "XXXX-XX-XX".into(),
                    }));
                };
                let now = calendar::days_from_civil(dct.y, dct.m, dct.d);
                let tn = self.tense(s, e);
                let day = |y| {
                    let (y, m, d) = Self::holiday_date(h, y);
                    calendar::days_from_civil(y, m, d)
                };
                let want_past = match rel {
                    Some(Kw::Last | Kw::Past) => true,
                    Some(Kw::Next | Kw::Coming | Kw::Upcoming) => false,
                    _ => tn == Tn::Past,
                };
                let z = if want_past {
                    if day(dct.y) <= now { day(dct.y) } else { day(dct.y - 1) }
                } else if day(dct.y) >= now {
                    day(dct.y)
                } else {
                    day(dct.y + 1)
                };
                let (y, m, d) = calendar::civil_from_days(z);
                Res::rel(Point::day(y, m, d), Anchor::Dct)
            }
            DayRef::Season(sm, y) => {
                if let Some(y) = y {
                    return Some(Res::abs(Point::with(y, sm, Gran::Season)));
                }
                let Some(dct) = self.dct else {
                    return Some(Res::open(Point::with(0, sm, Gran::Season).fmt().replacen("0000", "XXXX", 1)));
                };
                // The season the DCT is in (winter counts from December).
                let cur = match dct.m {
                    3..=5 => 3,
                    6..=8 => 6,
                    9..=11 => 9,
                    _ => 12,
                };
                let cur_y = if dct.m < 3 { dct.y - 1 } else { dct.y };
                let order = |m: u32| if m == 12 { 4 } else { m / 3 };
                let tn = self.tense(s, e);
                let y = match rel {
                    Some(Kw::Last | Kw::Past) => cur_y - (order(sm) >= order(cur)) as i32,
                    Some(Kw::Next | Kw::Coming | Kw::Upcoming) => cur_y + (order(sm) <= order(cur)) as i32,
                    Some(Kw::This) => cur_y,
                    _ => match tn {
                        Tn::Past => cur_y - (order(sm) > order(cur)) as i32,
                        Tn::Future => cur_y + (order(sm) < order(cur)) as i32,
                        Tn::Present => cur_y,
                    },
                };
                Res::rel(Point::with(y, sm, Gran::Season), Anchor::Dct)
            }
        })
    }

    // ---------------------------------------------------------------- pattern families

    /// Fuzzy prefix: "early", "mid", "mid-", "late", "the beginning/end/middle of".
    fn fuzzy(&self, i: usize) -> (Option<&'static str>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::Early) => (Some("EARLY"), i + 1),
            Lex::Kw(Kw::Late) => (Some("LATE"), i + 1),
            Lex::Kw(Kw::Mid) if self.punct(i + 1, '-') && self.adj(i) => (Some("MID"), i + 2),
            Lex::Kw(Kw::Mid) => (Some("MID"), i + 1),
            Lex::Kw(Kw::The | Kw::Beginning | Kw::End | Kw::Start | Kw::Middle) => {
                let j = if self.kw(i, Kw::The) { i + 1 } else { i };
                let m = match self.lex(j) {
                    Lex::Kw(Kw::Beginning | Kw::Start) => "START",
                    Lex::Kw(Kw::End) => "END",
                    Lex::Kw(Kw::Middle) => "MID",
                    _ => return (None, i),
                };
                if self.kw(j + 1, Kw::Of) {
                    (Some(m), j + 2)
                } else {
                    (None, i)
                }
            }
            _ => (None, i),
        }
    }

    /// Relative prefix for weekdays, months, seasons, holidays: last / next / this /
    /// coming / "this past" / "this coming".
    fn rel_prefix(&self, i: usize) -> (Option<Kw>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::This) if matches!(self.lex(i + 1), Lex::Kw(Kw::Past)) => (Some(Kw::Last), i + 2),
            Lex::Kw(Kw::This) if matches!(self.lex(i + 1), Lex::Kw(Kw::Coming | Kw::Upcoming)) => (Some(Kw::Next), i + 2),
            Lex::Kw(k @ (Kw::Last | Kw::Next | Kw::This | Kw::Coming | Kw::Upcoming | Kw::Past | Kw::Previous | Kw::Following)) => (Some(k), i + 1),
            _ => (None, i),
        }
    }

    fn holiday(&self, i: usize) -> Option<(Hol, usize)> {
        let poss = |j: usize| if (self.punct(j, '\'') || self.txt(j) == "’") && self.word(j + 1, "s") { j + 2 } else { j };
        let day = |j: usize| if self.word(j, "day") { j + 1 } else { j };
        let r = match self.lex(i) {
            Lex::Kw(Kw::Christmas) => {
                if self.kw(i + 1, Kw::Eve) {
                    (Hol::Fixed(12, 24), i + 2)
                } else {
                    (Hol::Fixed(12, 25), day(i + 1))
                }
            }
            Lex::Kw(Kw::Thanksgiving) => (Hol::Nth(11, 4, 4), day(i + 1)),
            Lex::Kw(Kw::Halloween) => (Hol::Fixed(10, 31), i + 1),
            Lex::Kw(Kw::Easter) => {
                if self.word(i + 1, "monday") {
                    (Hol::Easter(1), i + 2)
                } else {
                    (Hol::Easter(0), if self.word(i + 1, "sunday") { i + 2 } else { i + 1 })
                }
            }
            Lex::Kw(Kw::Holiday) => {
                let w = self.txt(i);
                let is = |x: &str| w.eq_ignore_ascii_case(x);
                if is("new") && self.word(i + 1, "year") {
                    let j = poss(i + 2);
                    if self.kw(j, Kw::Eve) {
                        (Hol::Fixed(12, 31), j + 1)
                    } else if self.word(j, "day") {
                        (Hol::Fixed(1, 1), j + 1)
                    } else {
                        return None;
                    }
                } else if is("good") && self.word(i + 1, "friday") && self.cap(i) {
                    (Hol::Easter(-2), i + 2)
                } else if !self.word(poss(i + 1), "day") || !self.cap(i) {
                    return None;
                } else if is("independence") {
                    (Hol::Fixed(7, 4), poss(i + 1) + 1)
                } else if is("labor") || is("labour") {
                    (Hol::Nth(9, 1, 1), poss(i + 1) + 1)
                } else if is("memorial") {
                    (Hol::Nth(5, 1, -1), poss(i + 1) + 1)
                } else if is("valentine") || is("valentines") {
                    (Hol::Fixed(2, 14), poss(i + 1) + 1)
                } else if is("veterans") {
                    (Hol::Fixed(11, 11), poss(i + 1) + 1)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some(r)
    }

    /// A day-level (or coarser calendar) reference: weekday, date, month, relative day,
    /// holiday, season. `rel` is a preceding last/next/this.
    fn dayref(&self, i: usize, rel: Option<Kw>) -> Option<(DayRef, usize)> {
        if rel.is_none() {
            let r = match self.lex(i) {
                Lex::Kw(Kw::Today) => Some(0),
                Lex::Kw(Kw::Tomorrow) => Some(1),
                Lex::Kw(Kw::Yesterday) => Some(-1),
                _ => None,
            };
            if let Some(r) = r {
                return Some((DayRef::Rel(r), i + 1));
            }
        }
        if let Some((h, j)) = self.holiday(i) {
            let (y, j) = self.opt_year(j);
            return Some((DayRef::Holiday(h, y), j));
        }
        if let Lex::Season(sm) = self.lex(i) {
            // "fall" and "spring" are verbs/nouns too: need a determiner, a year or a modifier.
            let k = if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 };
            let (y, j) = self.opt_year(k);
            let j = if y.is_some() { j } else { i + 1 };
            let determined = rel.is_some() || y.is_some() || i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::The | Kw::Early | Kw::Late | Kw::Mid) | Lex::Kw(Kw::In) | Lex::Kw(Kw::Since) | Lex::Kw(Kw::Until)) || (i > 0 && self.punct(i - 1, '-'));
            if !determined || sm == 9 && y.is_none() && !(rel.is_some() || i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::The | Kw::Early | Kw::Late | Kw::Mid))) {
                return None;
            }
            return Some((DayRef::Season(sm, y), j));
        }
        let (sp, j) = self.spec(i)?;
        if rel.is_some() && (sp.d.is_some() || sp.y.is_some()) {
            return None;
        }
        Some((DayRef::Spec(sp), j))
    }

    /// Dates and times: "Monday", "last Friday", "May 19, 2025", "late April", "10am on
    /// Monday", "Friday morning", "May 8-10", "yesterday afternoon", "mid-March".
    fn p_datetime(&self, i: usize) -> Option<Cand> {
        let (modi, j0) = self.fuzzy(i);
        let (rel, j) = self.rel_prefix(j0);
        if let Some((tod, k)) = self.time(j).filter(|_| rel.is_none()) {
            // A time then its day: "10 a.m. Monday", "at 10am on Monday", "5 p.m. EST, Nov. 9"
            let mut k2 = if self.punct(k, ',') { k + 1 } else { k };
            if self.kw(k2, Kw::On) {
                k2 += 1;
            }
            let (dr, e) = match self.dayref(k2, None) {
                Some((DayRef::Spec(sp), _)) if sp.m.is_none() && sp.y.is_some() => (None, k),
                Some((dr, e)) => (Some(dr), e),
                None if self.kw(k2, Kw::Tonight) => (Some(DayRef::Rel(0)), k2 + 1),
                None => (None, k),
            };
            if self.num(j).is_some() && !matches!(self.t[j].kind, Kind::Num) {
                return None;
            }
            let res = match dr {
                Some(dr) => self.resolve_day(dr, None, j, e)?,
                None => match self.base() {
                    Some((p, a)) if p.gran == Gran::Day => Res::rel(p, a),
                    _ => match self.dct {
                        Some(d) => Res::rel(d, Anchor::Dct),
                        None => Res::open("XXXX-XX-XX".into()),
                    },
                },
            };
            return Some(self.time_cand(i, e, res, tod, modi));
        }
        // "this morning", "last night", "tonight"
        if let Lex::Pod(p) = self.lex(j) {
            let off = match rel {
                Some(Kw::This) => 0,
                Some(Kw::Last) if p == "NI" => -1,
                _ => return None,
            };
            let res = self.resolve_day(DayRef::Rel(off), None, j, j + 1)?;
            return Some(self.time_cand(i, j + 1, res, Tod::Part(p), modi));
        }
        if rel.is_none() && self.kw(j, Kw::Tonight) {
            let res = self.resolve_day(DayRef::Rel(0), None, j, j + 1)?;
            let (tod, e) = self.at_time(j + 1).unwrap_or((Tod::Part("NI"), j + 1));
            let tod = match tod {
                Tod::Hm(h, m, s) if h < 12 => Tod::Hm(h + 12, m, s),
                t => t,
            };
            return Some(self.time_cand(i, e, res, tod, modi));
        }
        if rel.is_none() && self.kw(j, Kw::Overnight) {
            let res = self.resolve_day(DayRef::Rel(-1), None, j, j + 1)?;
            return Some(self.time_cand(i, j + 1, res, Tod::Part("NI"), modi));
        }
        let (mut dr, mut e) = self.dayref(j, rel)?;
        // "June last year", "January this year"
        let mut year_anchor = None;
        if let (DayRef::Spec(sp), Some(d)) = (&mut dr, self.dct) {
            if sp.m.is_some() && sp.y.is_none() && sp.wd.is_none() && self.word(e + 1, "year") {
                let dy = match self.lex(e) {
                    Lex::Kw(Kw::Last) => Some(-1),
                    Lex::Kw(Kw::This) => Some(0),
                    Lex::Kw(Kw::Next) => Some(1),
                    _ => None,
                };
                if let Some(dy) = dy {
                    sp.y = Some(d.y + dy);
                    e += 2;
                    year_anchor = Some(Anchor::Dct);
                }
            }
        }
        // Bare weekday checks: "Sunday Times".
        if let DayRef::Spec(Spec { wd: Some(_), m: None, .. }) = dr {
            if self.cap(e) && is_name_word(self.txt(e)) && !matches!(self.lex(e), Lex::Pod(_)) && self.cap(j) && !self.word(e, "night") {
                return None;
            }
        }
        let mut res = self.resolve_day(dr, rel, i, e)?;
        if let Some(a) = year_anchor {
            res.anchor = a;
        }
        // Time of day after the day: "Friday morning", "Monday at 10am", "Monday, 10 a.m.", "February the 15th in the morning"
        let mut tod = None;
        if let Lex::Pod(p) = self.lex(e) {
            tod = Some(Tod::Part(p));
            e += 1;
        } else if self.kw(e, Kw::In) && self.kw(e + 1, Kw::The) && matches!(self.lex(e + 2), Lex::Pod(_)) {
            if let Lex::Pod(p) = self.lex(e + 2) {
                tod = Some(Tod::Part(p));
                e += 3;
            }
        }
        if let Some((t2, e2)) = self.at_time(e) {
            tod = Some(match (tod, t2) {
                (Some(Tod::Part(p)), Tod::Hm(h, m, s)) if p != "MO" && h < 12 => Tod::Hm(h + 12, m, s),
                _ => t2,
            });
            e = e2;
        }
        if let Some(t) = tod {
            if res.point.is_none_or(|p| p.gran == Gran::Day) || res.value.starts_with("XXXX-WXX") {
                return Some(self.time_cand(i, e, res, t, modi));
            }
        }
        let mut c = Cand::new(i, e, TimexType::Date, res.value);
        c.anchor = res.anchor;
        c.point = res.point;
        c.modifier = modi;
        // Ranges: "May 8-10", "May 8 through May 10", "May 8 to 10".
        if let (DayRef::Spec(sp), Some(p)) = (dr, res.point) {
            if let (Some(m), Some(d)) = (sp.m, sp.d) {
                if let Some((p2, e2, explicit_year)) = self.range_end(e, p, m) {
                    // "May 8 through May 10, 2026": the end's year applies to the start too.
                    if explicit_year && sp.y.is_none() && p2.m >= m && calendar::valid_date(p2.y, m, d) {
                        let p = Point::day(p2.y, m, d);
                        c.value = p.fmt();
                        c.point = Some(p);
                        c.anchor = Anchor::None;
                    }
                    c.range_end = Some(p2.fmt());
                    c.e = e2;
                }
            }
        }
        Some(c)
    }

    /// "[,] [at|@] TIME" after a day.
    fn at_time(&self, e: usize) -> Option<(Tod, usize)> {
        let mut k = if self.punct(e, ',') { e + 1 } else { e };
        if self.kw(k, Kw::At) {
            k += 1;
        }
        if let Some((t, e2)) = self.time(k) {
            return Some((t, e2));
        }
        // "at 9" after a day part: a bare hour is a time here
        if k > e && self.ndigits(k) <= 2 && !self.adj(k) || k > e && self.ndigits(k) <= 2 && self.is_punct(k + 1) {
            let h = self.num(k)?;
            if (1..=12).contains(&h) && !self.in_figure(k) {
                return Some((Tod::Hm(h, 0, None), k + 1));
            }
        }
        None
    }

    fn time_cand(&self, s: usize, e: usize, res: Res, tod: Tod, modi: Option<&'static str>) -> Cand {
        let mut c = Cand::new(s, e, TimexType::Time, format!("{}{}", res.value, tod.suffix()));
        c.anchor = res.anchor;
        c.point = res.point;
        c.modifier = modi;
        c
    }

    /// End of a day range after a resolved start: "-10", "through May 10", "to 10".
    fn range_end(&self, e: usize, start: Point, m: u32) -> Option<(Point, usize, bool)> {
        let k = if self.punct(e, '-') || self.punct(e, '–') || matches!(self.lex(e), Lex::Kw(Kw::Through | Kw::Until | Kw::To)) {
            e + 1
        } else {
            return None;
        };
        let (m2, k2) = self.month(k).unwrap_or((m, k));
        let (d2, k3) = self.day_num(k2)?;
        if self.clock_colon(k3 - 1) || self.word(k3, "percent") || self.punct(k3, '%') {
            return None;
        }
        let (y2, k4) = self.opt_year(k3);
        let y = y2.unwrap_or(start.y + (m2 < m) as i32);
        if !calendar::valid_date(y, m2, d2) {
            return None;
        }
        let end = Point::day(y, m2, d2);
        let later = calendar::days_from_civil(end.y, end.m, end.d) > calendar::days_from_civil(start.y, start.m, start.d);
        (later || y2.is_some()).then_some((end, k4, y2.is_some()))
    }

    /// Relative calendar units: "last week", "this month", "the next day", "two days later",
    /// "four months ago", "a year earlier", "the year-earlier period", "the 1990s".
    fn p_relative(&self, i: usize) -> Option<Cand> {
        let (modi, j0) = self.fuzzy(i);
        // "earlier this year", "later this month"
        let j = if matches!(self.lex(j0), Lex::Kw(Kw::Earlier | Kw::Later)) && self.kw(j0 + 1, Kw::This) { j0 + 1 } else { j0 };
        let the = self.kw(j, Kw::The);
        let k = if the { j + 1 } else { j };

        // "the day before yesterday" / "the day after tomorrow"
        if the && self.word(k, "day") {
            if self.kw(k + 1, Kw::Before) && self.kw(k + 2, Kw::Yesterday) {
                return self.dct_shift_cand(i, k + 3, -2, Gran::Day, modi);
            }
            if self.kw(k + 1, Kw::After) && self.kw(k + 2, Kw::Tomorrow) {
                return self.dct_shift_cand(i, k + 3, 2, Gran::Day, modi);
            }
            // narrative "the day before/after" closing a clause
            if matches!(self.lex(k + 1), Lex::Kw(Kw::Before | Kw::After)) && self.is_punct(k + 2) {
                let n = if self.kw(k + 1, Kw::Before) { -1 } else { 1 };
                return self.narrative_cand(i, k + 2, n, Gran::Day, modi);
            }
        }

        // the next / following / previous UNIT (narrative) ; last / next / this UNIT (DCT)
        let (rel, k2) = self.rel_prefix(k);
        let rel = rel.or_else(|| match self.lex(k) {
            Lex::Kw(Kw::Current | Kw::Latest) => Some(Kw::This),
            _ => None,
        });
        let k2 = if rel.is_some() && k2 == k { k + 1 } else { k2 };
        if let (Some(r), Some((u, false, e))) = (rel, self.unit(k2)) {
            let g = unit_gran(u)?;
            if the && matches!(r, Kw::Next | Kw::Following | Kw::Previous) {
                let n = if r == Kw::Previous { -1 } else { 1 };
                return self.narrative_cand(i, e, n, g, modi);
            }
            if the && matches!(r, Kw::Past | Kw::Last | Kw::Coming | Kw::Next | Kw::Upcoming) && !(self.punct(e, '\'')) {
                return Some(self.dur_cand(i, e, Qty::N(1), u));
            }
            let n = match r {
                Kw::Last | Kw::Past | Kw::Previous => -1,
                Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => 1,
                _ => 0,
            };
            // "the weekend" family handled below; "this weekend" is the DCT week's weekend.
            return self.dct_shift_cand(i, e, n, g, modi);
        }
        // "the weekend"
        if the && self.unit(k).is_some_and(|(u, pl, _)| u == Unit::Weekend && !pl) {
            let dct = self.dct?;
            let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
            let tn = self.tense(i, k + 1);
            let off = if dw >= 6 || tn == Tn::Future { 0 } else { -7 };
            let p = Point { gran: Gran::Weekend, ..dct.shift(off, Gran::Day)? };
            let mut c = Cand::new(i, k + 1, TimexType::Date, p.fmt());
            c.anchor = Anchor::Dct;
            c.modifier = modi;
            return Some(c);
        }

        // N UNIT ago / later / earlier / from now / hence
        if let Some((q, e)) = self.qty(k) {
            let k3 = if self.punct(e, '-') { e + 1 } else { e };
            if let Some((u, _, e2)) = self.unit(k3) {
                let dir = match self.lex(e2) {
                    Lex::Kw(Kw::Ago) => Some((-1, false)),
                    Lex::Kw(Kw::Hence) => Some((1, false)),
                    Lex::Kw(Kw::From) if self.kw(e2 + 1, Kw::Now) => Some((1, false)),
                    Lex::Kw(Kw::Earlier) => Some((-1, true)),
                    Lex::Kw(Kw::Later) => Some((1, true)),
                    Lex::Kw(Kw::Before | Kw::After) if self.is_punct(e2 + 1) => Some((if self.kw(e2, Kw::Before) { -1 } else { 1 }, true)),
                    _ => None,
                };
                if let Some((sign, narrative)) = dir {
                    let end = if self.kw(e2, Kw::From) { e2 + 2 } else { e2 + 1 };
                    let Qty::N(n) = q else {
                        let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                        let mut c = Cand::new(i, end, TimexType::Date, v.into());
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    };
                    let n = sign * n as i64;
                    return match unit_gran(u) {
                        Some(g) if narrative => self.narrative_cand(i, end, n, g, modi),
                        Some(g) => {
                            // Comparisons with the same period a year before keep its granularity
                            // ("third-quarter profit ... a year ago" is that quarter last year).
                            if g == Gran::Year {
                                if let Some((lp, _)) = self.last {
                                    if matches!(lp.gran, Gran::Quarter | Gran::Half) && self.dct.is_some_and(|d| lp.y == d.y) {
                                        let p = lp.shift(n, Gran::Year)?;
                                        let mut c = Cand::new(i, end, TimexType::Date, p.fmt());
                                        c.anchor = Anchor::Dct;
                                        return Some(c);
                                    }
                                }
                            }
                            self.dct_shift_cand(i, end, n, g, modi)
                        }
                        None => {
                            // "two hours ago": finer than a day; the DCT rarely carries a clock
                            let v = if n < 0 { "PAST_REF" } else { "FUTURE_REF" };
                            let mut c = Cand::new(i, end, TimexType::Date, v.into());
                            c.anchor = Anchor::Dct;
                            Some(c)
                        }
                    };
                }
            }
        }

        // "year-earlier" / "year-ago" (adjective), with an optional following period noun
        if self.word(k, "year") && self.punct(k + 1, '-') && matches!(self.lex(k + 2), Lex::Kw(Kw::Earlier | Kw::Ago)) {
            let mut e = k + 3;
            let start = if the { j } else { k };
            let mut g = None;
            if let Some((u, false, e2)) = self.unit(e) {
                g = unit_gran(u);
                e = e2;
            } else if self.word(e, "period") {
                e += 1;
            } else if the {
                return None;
            }
            let (p, anchor) = match (self.last, self.dct) {
                (Some((lp, idx)), _) => (lp, Anchor::Narrative(idx)),
                (None, Some(d)) => (Point { gran: g.unwrap_or(Gran::Year), ..d }, Anchor::Dct),
                _ => return None,
            };
            let p = p.shift(-1, Gran::Year)?;
            let mut c = Cand::new(if the { i } else { start }, e, TimexType::Date, p.fmt());
            c.anchor = anchor;
            return Some(c);
        }

        // Decades and centuries: "the 1990s", "the '80s", "the 20th century", "this century".
        let dk = k;
        if self.ndigits(dk) == 4 && self.adj(dk) && (self.word(dk + 1, "s") || self.punct(dk + 1, '\'') && self.word(dk + 2, "s")) {
            let y = self.num(dk)? as i32;
            if y % 10 == 0 && (1000..3000).contains(&y) {
                let e = if self.word(dk + 1, "s") { dk + 2 } else { dk + 3 };
                let mut c = Cand::new(i, e, TimexType::Date, Point::with(y, 1, Gran::Decade).fmt());
                c.modifier = modi;
                return Some(c);
            }
        }
        if self.punct(dk, '\'') && self.ndigits(dk + 1) == 2 && self.adj(dk + 1) && self.word(dk + 2, "s") {
            let y = self.num(dk + 1)? as i32;
            let y = if y < 30 { 2000 + y } else { 1900 + y };
            let mut c = Cand::new(i, dk + 3, TimexType::Date, Point::with(y, 1, Gran::Decade).fmt());
            c.modifier = modi;
            return Some(c);
        }
        if let Some((n, e)) = self.day_num(dk).filter(|_| the) {
            if self.word(e, "century") {
                let mut c = Cand::new(i, e + 1, TimexType::Date, format!("{:02}", n.saturating_sub(1)));
                c.modifier = modi;
                return Some(c);
            }
        }
        // "fiscal 1989", "fiscal year 1990"
        if self.kw(k, Kw::Fiscal) {
            let k2 = if self.word(k + 1, "year") { k + 2 } else { k + 1 };
            if let Some((y, e)) = self.year(k2) {
                return Some(Cand::new(i, e, TimexType::Date, format!("{:04}", y)));
            }
        }
        None
    }

    fn dct_shift_cand(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>) -> Option<Cand> {
        let mut c = match self.dct {
            Some(d) => {
                let p = Point { gran: g, ..d }.shift(n, if g == Gran::Weekend { Gran::Week } else { g })?;
                let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                c.anchor = Anchor::Dct;
                c
            }
            None => Cand::new(s, e, TimexType::Date, Self::open_value(g, n)),
        };
        c.modifier = modi;
        Some(c)
    }

    /// Underspecified value when nothing can anchor a relative expression.
    fn open_value(g: Gran, n: i64) -> String {
        match g {
            Gran::Day => "XXXX-XX-XX".into(),
            Gran::Week => "XXXX-WXX".into(),
            Gran::Weekend => "XXXX-WXX-WE".into(),
            Gran::Month => "XXXX-XX".into(),
            Gran::Quarter => "XXXX-QX".into(),
            Gran::Half => "XXXX-HX".into(),
            Gran::Season => "XXXX-XX".into(),
            _ if n < 0 => "PAST_REF".into(),
            _ if n > 0 => "FUTURE_REF".into(),
            _ => "PRESENT_REF".into(),
        }
    }

    fn narrative_cand(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>) -> Option<Cand> {
        let mut c = match self.base() {
            Some((bp, anchor)) => {
                let finer = |a: Gran| matches!(a, Gran::Day | Gran::Month | Gran::Quarter | Gran::Half);
                let gran = if g == Gran::Year && finer(bp.gran) { bp.gran } else { g };
                let p = Point { gran, ..bp }.shift(n, if g == Gran::Weekend { Gran::Week } else { g })?;
                let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                c.anchor = anchor;
                c
            }
            None => Cand::new(s, e, TimexType::Date, Self::open_value(g, n)),
        };
        c.modifier = modi;
        Some(c)
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2013", "the fiscal first
    /// quarter", "1989's fourth quarter", "the first half of 1990", "the latest quarter".
    fn p_quarter(&self, i: usize) -> Option<Cand> {
        let the = self.kw(i, Kw::The);
        let mut k = if the { i + 1 } else { i };
        // "this year's", "last year's", "1989's"
        let mut year: Option<i32> = None;
        let mut anchor = Anchor::None;
        if self.punct(k + 1, '\'') && self.word(k + 2, "s") && self.ndigits(k) == 4 {
            year = self.year(k).map(|y| y.0);
            k += 3;
        } else if matches!(self.lex(k), Lex::Kw(Kw::This | Kw::Last | Kw::Next)) && self.word(k + 1, "year") && self.punct(k + 2, '\'') && self.word(k + 3, "s") {
            let d = self.dct?;
            year = Some(d.y + if self.kw(k, Kw::Last) { -1 } else if self.kw(k, Kw::Next) { 1 } else { 0 });
            anchor = Anchor::Dct;
            k += 4;
        }
        if self.kw(k, Kw::Fiscal) {
            k += 1;
        }
        // "the 1988 second quarter", "the 1988 quarter"
        if the && year.is_none() && self.ndigits(k) == 4 && matches!(self.lex(k + 1), Lex::Ord(_) | Lex::Unit(Unit::Quarter, false)) {
            year = self.year(k).map(|y| y.0);
            k += 1;
        }
        let (q, half, mut e, hyph) = if let Some((n, k2)) = self.day_num(k).filter(|&(n, _)| (1..=4).contains(&n)) {
            let hyph = self.punct(k2, '-') && self.adj(k2 - 1);
            let k3 = if hyph { k2 + 1 } else { k2 };
            let k3 = if self.kw(k3, Kw::Fiscal) { k3 + 1 } else { k3 };
            match self.lex(k3) {
                Lex::Unit(Unit::Quarter, false) => (n, false, k3 + 1, hyph),
                Lex::Kw(Kw::Half) if n <= 2 => (n, true, k3 + 1, hyph),
                _ => return None,
            }
        } else if self.word(k, "q") && self.adj(k) && self.ndigits(k + 1) == 1 {
            let n = self.num(k + 1)?;
            if !(1..=4).contains(&n) {
                return None;
            }
            (n, false, k + 2, false)
        } else if the || year.is_some() {
            // "the quarter", "the latest quarter", "the current quarter"
            let k2 = if matches!(self.lex(k), Lex::Kw(Kw::Latest | Kw::Current)) { k + 1 } else { k };
            if !matches!(self.lex(k2), Lex::Unit(Unit::Quarter, false)) {
                return None;
            }
            let e = k2 + 1;
            if self.kw(e, Kw::Of) || self.kw(e, Kw::Ago) || self.kw(e, Kw::Earlier) {
                return None;
            }
            let (p, anchor) = match (self.last, self.dct) {
                (Some((lp, idx)), _) if lp.gran == Gran::Quarter => match year {
                    Some(y) => (Point { y, ..lp }, Anchor::Narrative(idx)),
                    None => (lp, Anchor::Narrative(idx)),
                },
                (_, Some(d)) => {
                    let cur = Point { gran: Gran::Quarter, ..d };
                    let p = if self.kw(k, Kw::Current) { cur } else { cur.shift(-1, Gran::Quarter)? };
                    (p, Anchor::Dct)
                }
                _ => return Some(Cand::new(i, e, TimexType::Date, "XXXX-QX".into())),
            };
            let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
            c.anchor = anchor;
            c.point = Some(p);
            return Some(c);
        } else {
            return None;
        };
        if year.is_none() {
            let k2 = if self.kw(e, Kw::Of) || self.punct(e, ',') { e + 1 } else { e };
            let k2 = if self.kw(k2, Kw::Fiscal) { k2 + 1 } else { k2 };
            if let Some((y, e2)) = self.year(k2) {
                year = Some(y);
                e = e2;
            } else if self.kw(k2, Kw::This) && self.word(k2 + 1, "year") && k2 > e {
                year = self.dct.map(|d| d.y);
                anchor = Anchor::Dct;
                e = k2 + 2;
            }
        }
        let start = if the && !hyph { i } else if the { i + 1 } else { i };
        let (gran, m) = if half { (Gran::Half, (q - 1) * 6 + 1) } else { (Gran::Quarter, (q - 1) * 3 + 1) };
        let y = match year {
            Some(y) => y,
            None => match self.dct {
                Some(d) => {
                    anchor = Anchor::Dct;
                    let cur = if half { (d.m - 1) / 6 + 1 } else { (d.m - 1) / 3 + 1 };
                    if q <= cur || self.tense(start, e) == Tn::Future { d.y } else { d.y - 1 }
                }
                None => {
                    let v = if half { format!("XXXX-H{}", q) } else { format!("XXXX-Q{}", q) };
                    return Some(Cand::new(start, e, TimexType::Date, v));
                }
            },
        };
        let p = Point::with(y, m, gran);
        let mut c = Cand::new(start, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = anchor;
        Some(c)
    }

    fn dur_cand(&self, s: usize, e: usize, q: Qty, u: Unit) -> Cand {
        Cand::new(s, e, TimexType::Duration, duration_value(q, u))
    }

    /// Durations: "three years", "the past two months", "the first nine months", "a week",
    /// "40-month war", "three-year-old", "half an hour", "several years", "for years".
    fn p_duration(&self, i: usize) -> Option<Cand> {
        // "half an hour", "half a day"
        if self.kw(i, Kw::Half) && self.kw(i + 1, Kw::A) {
            if let Some((u, false, e)) = self.unit(i + 2) {
                return Some(self.dur_cand(i, e, Qty::Half(0), u));
            }
        }
        let the = self.kw(i, Kw::The);
        let mut k = if the { i + 1 } else { i };
        let lead = matches!(self.lex(k), Lex::Kw(Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following | Kw::Recent) | Lex::Ord(1)) || self.word(k, "initial") || self.word(k, "final");
        if lead {
            k += 1;
        }
        let (q, e) = match self.qty(k) {
            Some(r) => r,
            // bare plural: "for years", "in recent months" is handled by p_ref
            None => {
                let (u, pl, e) = self.unit(k)?;
                let prev_ok = k > 0 && (self.word(k - 1, "for") || self.word(k - 1, "over") || self.word(k - 1, "within") || self.kw(k - 1, Kw::In) || self.kw(k - 1, Kw::Past) || self.kw(k - 1, Kw::Last));
                if !pl || !(prev_ok || lead) || matches!(u, Unit::Weekend | Unit::Night) {
                    return None;
                }
                let s = if lead { i } else { k };
                return Some(self.dur_cand(s, e, Qty::X, u));
            }
        };
        // The article of "a year" is the quantity; "a 30-day truce" drops it.
        if self.kw(k, Kw::A) && e == k + 1 && self.qty(k + 1).is_some() {
            return None;
        }
        if the && !lead && self.kw(k, Kw::A) {
            return None;
        }
        let hyph = self.punct(e, '-') && self.adj(e - 1);
        let k2 = if hyph { e + 1 } else { e };
        let (u, plural, mut end) = self.unit(k2)?;
        if self.ndigits(k) == 4 && !hyph && !plural {
            return None;
        }
        if let Qty::N(n) = q {
            // "1 years" is fine, "10 day" is a compound adjective only with a hyphen; bare
            // numbers in figures ("1,000") have been rejected by qty.
            if n == 0 && !hyph {
                return None;
            }
        }
        let mut start = i;
        if hyph {
            // compound adjective: "three-year-old", "40-month war", "a 30-day truce"
            if self.punct(end, '-') && self.adj(end - 1) && matches!(self.lex(end + 1), Lex::Kw(Kw::Old | Kw::Long)) {
                // "the 44-year-old (man) said": an age, not a time expression
                if self.kw(end + 1, Kw::Old) && !self.thing_follows(end + 2) {
                    return None;
                }
                end += 2;
            }
            start = k;
        } else if self.kw(k, Kw::A) && !lead && !the {
            // "a year": a SET after a rate ("5% a year", "twice a year")
            if k > 0 && (self.punct(k - 1, '%') || self.word(k - 1, "percent") || self.word(k - 1, "times") || self.word(k - 1, "twice") || self.word(k - 1, "once") || self.t[k - 1].kind == Kind::Num) {
                return Some(Cand::new(k, end, TimexType::Set, duration_value(Qty::N(1), u)));
            }
        }
        let mut q = q;
        if let Qty::N(n) = q {
            if self.kw(end, Kw::And) && self.kw(end + 1, Kw::A) && self.kw(end + 2, Kw::Half) {
                q = Qty::Half(n);
                end += 3;
            }
        }
        if self.kw(end, Kw::Ahead) {
            end += 1;
        }
        Some(self.dur_cand(start, end, q, u))
    }

    /// After "N-year-old": a lowercase noun that is not a person ("conflict", "war").
    fn thing_follows(&self, i: usize) -> bool {
        const PERSON: &[&str] = &[
            "man", "woman", "boy", "girl", "son", "daughter", "child", "baby", "mother", "father", "brother",
            "sister", "wife", "husband", "student", "driver", "suspect", "victim", "resident", "player", "actor",
            "actress", "singer", "star", "officer", "soldier", "worker", "teenager", "who", "and", "of", "from",
        ];
        let Some(t) = self.t.get(i) else { return false };
        if t.kind != Kind::Word || t.cap || self.lex(i) != Lex::None {
            return false;
        }
        let w = self.txt(i);
        let b = w.as_bytes();
        !(PERSON.iter().any(|p| p.eq_ignore_ascii_case(w)) || b.len() > 3 && b.ends_with(b"ed") || w.eq_ignore_ascii_case("said") || w.eq_ignore_ascii_case("has") || w.eq_ignore_ascii_case("was") || w.eq_ignore_ascii_case("is"))
    }

    /// SETs: "daily", "every week", "each year", "every Monday", "on Mondays", "Tuesday nights".
    fn p_set(&self, i: usize) -> Option<Cand> {
        let v: &str = match self.lex(i) {
            Lex::Kw(Kw::Daily) => "P1D",
            Lex::Kw(Kw::Weekly) => "P1W",
            Lex::Kw(Kw::Monthly) => "P1M",
            Lex::Kw(Kw::Yearly) => "P1Y",
            Lex::Kw(Kw::Hourly) => "PT1H",
            Lex::Kw(Kw::Nightly) => "P1D",
            Lex::Kw(Kw::Every | Kw::Each) => {
                let mut k = i + 1;
                let other = self.kw(k, Kw::Other);
                if other {
                    k += 1;
                }
                if let Some((w, e)) = self.weekday(k) {
                    let mut e = e;
                    let mut v = format!("XXXX-WXX-{}", w);
                    if let Lex::Pod(p) = self.lex(e) {
                        v.push('T');
                        v.push_str(p);
                        e += 1;
                    }
                    return Some(Cand::new(i, e, TimexType::Set, v));
                }
                if let Lex::Pod(p) = self.lex(k) {
                    return Some(Cand::new(i, k + 1, TimexType::Set, format!("XXXX-XX-XXT{}", p)));
                }
                let (q, k2) = match self.qty(k) {
                    Some((q @ Qty::N(_), k2)) if !self.kw(k, Kw::A) => (q, k2),
                    _ => (Qty::N(if other { 2 } else { 1 }), k),
                };
                let (u, _, e) = self.unit(k2)?;
                return Some(Cand::new(i, e, TimexType::Set, duration_value(q, u)));
            }
            Lex::Weekday(w, true) if self.cap(i) => {
                let mut e = i + 1;
                let mut v = format!("XXXX-WXX-{}", w);
                if let Lex::Pod(p) = self.lex(e) {
                    v.push('T');
                    v.push_str(p);
                    e += 1;
                }
                return Some(Cand::new(i, e, TimexType::Set, v));
            }
            Lex::Weekday(w, false) if self.cap(i) && self.word(i + 1, "nights") => {
                return Some(Cand::new(i, i + 2, TimexType::Set, format!("XXXX-WXX-{}TNI", w)));
            }
            Lex::Kw(Kw::Per) => {
                let (u, false, e) = self.unit(i + 1)? else { return None };
                return Some(Cand::new(i, e, TimexType::Set, duration_value(Qty::N(1), u)));
            }
            _ => return None,
        };
        Some(Cand::new(i, i + 1, TimexType::Set, v.into()))
    }

    /// References to the present, past and future: "now", "currently", "recently",
    /// "the past", "soon", "the future", "these days".
    fn p_ref(&self, i: usize) -> Option<Cand> {
        let (v, e) = match self.lex(i) {
            Lex::Kw(Kw::Now) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Right) if self.kw(i + 1, Kw::Now) => ("PRESENT_REF", i + 2),
            Lex::Kw(Kw::Currently | Kw::Nowadays) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Current) if !self.word(i + 1, "account") && !self.word(i + 1, "accounts") && !self.word(i + 1, "affairs") => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::These) if self.word(i + 1, "days") => ("PRESENT_REF", i + 2),
            Lex::Kw(Kw::Present) if i > 0 && self.kw(i - 1, Kw::At) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Recently) => ("PAST_REF", i + 1),
            Lex::Kw(Kw::Recent) => match self.unit(i + 1) {
                Some((_, true, e)) => ("PAST_REF", e),
                _ => return None,
            },
            Lex::Kw(Kw::The) => {
                let k = if self.kw(i + 1, Kw::Near) { i + 2 } else { i + 1 };
                if self.kw(k, Kw::Future) {
                    ("FUTURE_REF", k + 1)
                } else if self.kw(k, Kw::Past) && k == i + 1 && (self.is_punct(k + 1) || matches!(self.lex(k + 1), Lex::Kw(Kw::And | Kw::Of | Kw::Since | Kw::Before | Kw::After | Kw::At | Kw::In | Kw::To)) || self.word(k + 1, "but") || self.word(k + 1, "when") || self.word(k + 1, "is") || self.word(k + 1, "was")) {
                    ("PAST_REF", k + 1)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        Some(Cand::new(i, e, TimexType::Date, v.into()))
    }
}
