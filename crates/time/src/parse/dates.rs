//! Calendar dates: the small parsers for their fields (day numbers, years written in
//! digits or words, month and weekday names, numeric formats such as 2025-05-19 and
//! 5/19/25), the fuzzy and relative prefixes ("early", "mid-", "last", "this coming"), the
//! day-level reference they make up ([`DayRef`]), and the main date-and-time family
//! `p_datetime` ("Monday", "May 19, 2025", "late April", "Friday morning", "May 8-10").
//! The field parsers live here, next to the family that uses them most; the other
//! families (relative, scheduling, days) call them too, as methods of the one [`Tagger`].

use super::*;

/// Words after a number that make a four-digit number a quantity, not a year.
pub(super) fn is_measure_word(w: &str) -> bool {
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

impl Tagger<'_> {
    /// Day of month: "15", "15th", "fifteenth", "twenty-first".
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
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

    /// Four-digit year (1000..2999) or "'98".
    pub(super) fn year(&self, i: usize) -> Option<(i32, usize)> {
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

    /// A year in words: "nineteen ninety-six", "nineteen oh five", "nineteen hundred",
    /// "two thousand", "two thousand and ten", "two thousand eighteen".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let card = |k: usize| match self.lex(k) {
            Lex::Card(n) => Some(n),
            _ => None,
        };
        // tens [-units] or 10..19
        let below_100 = |k: usize| -> Option<(u32, usize)> {
            let t = card(k)?;
            if (10..20).contains(&t) || (1..10).contains(&t) {
                return Some((t, k + 1));
            }
            if t % 10 != 0 || !(20..100).contains(&t) {
                return None;
            }
            let k2 = if self.punct(k + 1, '-') { k + 2 } else { k + 1 };
            match card(k2) {
                Some(u) if (1..10).contains(&u) => Some((t + u, k2 + 1)),
                _ => Some((t, k + 1)),
            }
        };
        let c = card(i)?;
        if c == 2 && self.kw(i + 1, Kw::Thousand) {
            let k = if self.word(i + 2, "and") { i + 3 } else { i + 2 };
            return Some(match below_100(k) {
                Some((n, e)) => (2000 + n as i32, e),
                None => (2000, i + 2),
            });
        }
        if !(11..=20).contains(&c) {
            return None;
        }
        if self.kw(i + 1, Kw::Hundred) {
            return Some((c as i32 * 100, i + 2));
        }
        if self.word(i + 1, "oh") {
            let u = card(i + 2).filter(|u| (1..10).contains(u))?;
            return Some((c as i32 * 100 + u as i32, i + 3));
        }
        let (n, e) = below_100(i + 1).filter(|&(n, _)| n >= 10)?;
        Some((c as i32 * 100 + n as i32, e))
    }

    /// A month name; abbreviations need a following "." or number.
    pub(super) fn month(&self, i: usize) -> Option<(u32, usize)> {
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

    pub(super) fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Weekday(w, false) => Some((w, i + 1)),
            Lex::WeekdayAbbr(w) if self.punct(i + 1, '.') && self.adj(i) => Some((w, i + 2)),
            Lex::WeekdayAbbr(w) if self.sched() && self.alone(i, i + 1) => Some((w, i + 1)),
            _ => None,
        }
    }

    /// Tokens [i, j) form the whole phrase: nothing but punctuation around them.
    pub(super) fn alone(&self, i: usize, j: usize) -> bool {
        (i == 0 || self.is_punct(i - 1) && !self.punct(i - 1, '\'')) && (j >= self.n() || self.is_punct(j) && !self.punct(j, '\''))
    }

    /// Optional ", YEAR" / " YEAR" after a month or day.
    pub(super) fn opt_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.punct(i, ',') { i + 1 } else { i };
        if let Some((y, e)) = self.spelled_year(j) {
            return (Some(y), e);
        }
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
                match self.spec_date(k, false) {
                    Some((mut sp, e)) if sp.d.is_some() => {
                        sp.wd = Some(wd);
                        return Some((sp, e));
                    }
                    _ if self.sched() && self.alone(i, i + 1) => {}
                    _ => return None,
                }
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
        // "Jul 18, Fri": a trailing weekday fixes the year too
        let (mut sp, e) = self.spec_date(i, true)?;
        if sp.d.is_some() && sp.y.is_none() && self.punct(e, ',') {
            let wd = match self.lex(e + 1) {
                Lex::Weekday(w, false) | Lex::WeekdayAbbr(w) => Some(w),
                _ => None,
            };
            if let Some(w) = wd {
                if e + 2 >= self.n() || self.is_punct(e + 2) {
                    sp.wd = Some(w);
                    return Some((sp, e + 2));
                }
            }
        }
        Some((sp, e))
    }

    pub(super) fn spec_date(&self, i: usize, allow_bare_month: bool) -> Option<(Spec, usize)> {
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
                // "26th Oct", "19 aug": an abbreviation right after a day number is the month
                let bare_abbr = match self.lex(k2) {
                    Lex::MonthAbbr(m) if self.t.get(jd).is_some_and(|t| t.kind == Kind::Num) && !self.word(k2, "mar") => Some((m, k2 + 1)),
                    _ => None,
                };
                if let Some((m, e)) = self.month(k2).or(bare_abbr) {
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
    pub(super) fn bare_year(&self, i: usize) -> Option<(Spec, usize)> {
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
        // scheduling text: a month name standing alone as the whole phrase
        if self.sched() && self.cap(i) && self.alone(i, j) {
            return true;
        }
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

    /// Numeric dates: 2025-05-19, 5/19/2025, 5/19/25, 19.05.2025, 20250519, 2/15, 2014-10.
    fn numeric_date(&self, i: usize) -> Option<(Spec, usize)> {
        let a = self.num(i)?;
        let da = self.ndigits(i);
        // year-month "2014-10", "2014/03": zero-padded month, nothing glued around
        if da == 4 && (1900..2100).contains(&a) && (self.punct(i + 1, '-') || self.punct(i + 1, '/')) && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2 {
            let m = self.num(i + 2)?;
            let glued_before = i > 0 && self.adj(i - 1) && !self.punct(i - 1, '(');
            let glued_after = self.adj(i + 2) && !self.is_punct(i + 3) || self.adj(i + 2) && (self.punct(i + 3, '-') || self.punct(i + 3, '/') || self.punct(i + 3, '.') && self.ndigits(i + 4) > 0);
            if (1..=12).contains(&m) && self.txt(i + 2).starts_with('0') || (10..=12).contains(&m) {
                if !glued_before && !glued_after && !(self.punct(i + 1, '-') && m >= 10 && !self.sched()) {
                    return Some((Spec { y: Some(a as i32), m: Some(m), d: None, wd: None }, i + 3));
                }
            }
        }
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

    /// Fuzzy prefix: "early", "mid", "mid-", "late", "the beginning/end/middle of".
    pub(super) fn fuzzy(&self, i: usize) -> (Option<&'static str>, usize) {
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
    pub(super) fn rel_prefix(&self, i: usize) -> (Option<Kw>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::This) if matches!(self.lex(i + 1), Lex::Kw(Kw::Past)) => (Some(Kw::Last), i + 2),
            Lex::Kw(Kw::This) if matches!(self.lex(i + 1), Lex::Kw(Kw::Coming | Kw::Upcoming)) => (Some(Kw::Next), i + 2),
            Lex::Kw(k @ (Kw::Last | Kw::Next | Kw::This | Kw::Coming | Kw::Upcoming | Kw::Past | Kw::Previous | Kw::Following)) => (Some(k), i + 1),
            _ => (None, i),
        }
    }

    /// A day-level (or coarser calendar) reference: weekday, date, month, relative day,
    /// holiday, season. `rel` is a preceding last/next/this.
    pub(super) fn dayref(&self, i: usize, rel: Option<Kw>) -> Option<(DayRef, usize)> {
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
            // "Thanksgiving of next year", "MLK day of last year"
            if let (true, Some(d)) = (self.kw(j, Kw::Of) && self.word(j + 2, "year"), self.dct) {
                let dy = match self.lex(j + 1) {
                    Lex::Kw(Kw::Last) => Some(-1),
                    Lex::Kw(Kw::This) => Some(0),
                    Lex::Kw(Kw::Next) => Some(1),
                    _ => None,
                };
                if let Some(dy) = dy {
                    return Some((DayRef::Holiday(h, Some(d.y + dy)), j + 3));
                }
            }
            let (y, j) = self.opt_year(j);
            // "Diwali in 2019"
            if let (None, true, Some((y, e))) = (y, self.kw(j, Kw::In), self.year(j + 1)) {
                return Some((DayRef::Holiday(h, Some(y)), e));
            }
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
    // Not split (155 lines): its branches share the fuzzy and relative prefixes read at the
    // top and are tried in order, and a `?` inside one (a day that does not resolve) ends
    // the whole family instead of falling through to the next branch; an `or_else` chain
    // of smaller functions would change which reading wins.
    pub(super) fn p_datetime(&self, i: usize) -> Option<Cand> {
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
            let no_day = dr.is_none();
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
            let (res, tod) = if no_day { self.next_occurrence(res, tod, j, k) } else { (res, tod) };
            return Some(self.time_cand(i, e, res, tod, modi));
        }
        // "this morning", "last night", "tonight"
        // ("night of power" is a holiday name)
        if let Some(p) = Some(self.lex(j)).and_then(|l| if let Lex::Pod(p) = l { Some(p) } else { None }).filter(|_| rel.is_some() || self.holiday_name(j).is_none()) {
            let off = match rel {
                Some(Kw::This) => 0,
                Some(Kw::Last) if p == "NI" => -1,
                _ => return None,
            };
            let res = self.resolve_day(DayRef::Rel(off), None, j, j + 1)?;
            // "this morning at 10", "this evening @ 8"
            if let Some((Tod::Hm(h, m, sec), e)) = self.at_time(j + 1).filter(|_| self.kw(j + 1, Kw::At) || self.punct(j + 1, ',')) {
                let h = if p != "MO" && h < 12 { h + 12 } else if p == "MO" && h == 12 { 24 } else { h };
                let (res, h) = if h == 24 { (Res::rel(res.point.and_then(|x| x.shift(1, Gran::Day)).unwrap_or(res.point?), res.anchor), 0) } else { (res, h) };
                return Some(self.time_cand(i, e, res, Tod::Hm(h, m, sec), modi));
            }
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
            // the night before the day the story is at: "stocks closed lower Friday. ... depressed
            // by overnight losses in New York" is Thursday night (within the day's own sentence,
            // "gave way late on Sunday, flooding the town overnight", it may be the night after)
            let story_day = match (self.last, self.dct) {
                (Some((lp, idx)), Some(d)) if lp.gran == Gran::Day && lp != d && (1..=7).contains(&(calendar::days_from_civil(d.y, d.m, d.d) - calendar::days_from_civil(lp.y, lp.m, lp.d))) && !self.same_sentence(self.out[idx].end, j) => {
                    lp.shift(-1, Gran::Day).map(|p| Res::rel(p, Anchor::Narrative(idx)))
                }
                _ => None,
            };
            let res = match story_day {
                Some(r) => r,
                None => self.resolve_day(DayRef::Rel(-1), None, j, j + 1)?,
            };
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
        // Festivals lasting several days (Ramadan, Passover, Hanukkah) are a range.
        if let (DayRef::Holiday(h, _), Some(p), None) = (dr, res.point, modi) {
            let (first, last) = Self::holiday_span(h, p.y);
            if last > first && calendar::civil_from_days(first) == (p.y, p.m, p.d) {
                let (y, m, d) = calendar::civil_from_days(last);
                c.range_end = Some(Point::day(y, m, d).fmt());
            }
        }
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

    /// End of a day range after a resolved start: "-10", "through May 10", "to 10".
    pub(super) fn range_end(&self, e: usize, start: Point, m: u32) -> Option<(Point, usize, bool)> {
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
}
