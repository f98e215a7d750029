//! Days and weeks named by their place in a month, a week or a range: "the first Tuesday
//! of October", "the last day of October", "the 20th of next month", "Tuesday the 19th",
//! "on the 15th", "Wednesday of next week", "13-15 July", "the first week of October
//! 2014", "the end of the month", "day after tomorrow", "the morning of Christmas", "the
//! closest Monday to October 5th". They came with Duckling's corpus but read news text
//! too; `p_extra` (in `scheduling.rs`) tries them in order after its own families.

use super::*;

impl Tagger<'_> {
    /// "the closest Christmas to today", "the second closest Monday to October 5th": the
    /// n-th nearest occurrence to a reference day.
    pub(super) fn p_closest(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (n, k) = match self.day_num(k) {
            Some((n, k2)) if (1..=5).contains(&n) && self.word(k2, "closest") => (n as i64, k2 + 1),
            _ if self.word(k, "closest") => (1, k + 1),
            _ => return None,
        };
        enum X {
            Wd(u32),
            Hol(Hol),
        }
        let (x, j) = if let Some((h, j)) = self.holiday(k) {
            (X::Hol(h), j)
        } else if let Some((w, j)) = self.weekday(k).or(match self.lex(k) {
            Lex::WeekdayAbbr(w) => Some((w, k + 1)),
            _ => None,
        }) {
            (X::Wd(w), j)
        } else {
            return None;
        };
        if !self.kw(j, Kw::To) {
            return None;
        }
        let c = self.p_datetime(j + 1).filter(|c| c.s == j + 1 && c.value.len() == 10 && c.value.as_bytes()[0].is_ascii_digit())?;
        let num = |r: std::ops::Range<usize>| c.value.get(r).and_then(|x| x.parse::<u32>().ok());
        let z = calendar::days_from_civil(num(0..4)? as i32, num(5..7)?, num(8..10)?);
        let mut cands: Vec<i64> = match x {
            X::Wd(w) => (-40..=40).map(|o| z + o).filter(|&d| calendar::weekday_of_days(d) == w).collect(),
            X::Hol(h) => {
                let (y, _, _) = calendar::civil_from_days(z);
                (y - 4..=y + 4).map(|yy| {
                    let (a, b, c2) = Self::holiday_date(h, yy);
                    calendar::days_from_civil(a, b, c2)
                }).collect()
            }
        };
        cands.sort_by_key(|&d| ((d - z).abs(), d));
        let d = *cands.get(n as usize - 1)?;
        let (y, m, dd) = calendar::civil_from_days(d);
        let p = Point::day(y, m, dd);
        let mut r = Cand::new(i, c.e, TimexType::Date, p.fmt());
        r.anchor = c.anchor;
        r.point = Some(p);
        Some(r)
    }

    /// "the morning of Christmas", "morning of the 15th of February": a part of that day
    /// (scheduling text).
    pub(super) fn p_pod_of_day(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let Lex::Pod(p) = self.lex(k) else { return None };
        // TimeBank leaves "the night of" outside the date: scheduling text only
        if !self.sched() || !self.kw(k + 1, Kw::Of) || self.word(k, "mornings") {
            return None;
        }
        let c = self.p_datetime(k + 2).filter(|c| c.s == k + 2 && c.kind == TimexType::Date && c.range_end.is_none())?;
        if c.value.len() != 10 || !c.value.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        let mut r = Cand::new(i, c.e, TimexType::Time, format!("{}T{}", c.value, p));
        r.anchor = c.anchor;
        r.point = c.point;
        Some(r)
    }

    /// "day after tomorrow", "day before yesterday" (without "the"), with an optional time.
    pub(super) fn p_day_after(&self, i: usize) -> Option<Cand> {
        if !(self.lex(i) == Lex::Unit(Unit::Day, false)) || i > 0 && self.kw(i - 1, Kw::The) {
            return None;
        }
        let off = if self.kw(i + 1, Kw::After) && self.kw(i + 2, Kw::Tomorrow) {
            2
        } else if self.kw(i + 1, Kw::Before) && self.kw(i + 2, Kw::Yesterday) {
            -2
        } else {
            return None;
        };
        let res = self.resolve_day(DayRef::Rel(off), None, i, i + 3)?;
        if let Some((tod, e)) = self.at_time(i + 3) {
            return Some(self.time_cand(i, e, res, tod, None));
        }
        let mut c = Cand::new(i, i + 3, TimexType::Date, res.value);
        c.point = res.point;
        c.anchor = res.anchor;
        Some(c)
    }

    /// A weekday placed by a week: "Wednesday of next week", "Wednesday next week", "last
    /// week's Sunday", "Friday after next", "3 Fridays from now", "2 Thursdays ago".
    pub(super) fn p_weekday_week(&self, i: usize) -> Option<Cand> {
        let dct = self.dct?;
        let today = calendar::days_from_civil(dct.y, dct.m, dct.d);
        let monday = today - calendar::weekday(dct.y, dct.m, dct.d) as i64 + 1;
        let week_off = |k: usize| -> Option<(i64, usize)> {
            let k = if self.kw(k, Kw::The) { k + 1 } else { k };
            let off = match self.lex(k) {
                Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
                Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => -1,
                Lex::Kw(Kw::This) => 0,
                _ => return None,
            };
            matches!(self.lex(k + 1), Lex::Unit(Unit::Week, false)).then_some((off, k + 2))
        };
        let day_in = |off: i64, wd: u32| -> Point {
            let (y, m, d) = calendar::civil_from_days(monday + 7 * off + wd as i64 - 1);
            Point::day(y, m, d)
        };
        let done = |s: usize, e: usize, p: Point| {
            let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
            c.point = Some(p);
            c.anchor = Anchor::Dct;
            Some(c)
        };
        // "last week's Sunday"
        if let Some((off, k)) = week_off(i) {
            if self.punct(k, '\'') && self.word(k + 1, "s") {
                if let Some((wd, e)) = self.weekday(k + 2) {
                    return done(i, e, day_in(off, wd));
                }
            }
            return None;
        }
        // "3 Fridays from now", "2 thursdays ago"
        if let Some((Qty::N(n), k)) = self.qty(i) {
            if let Lex::Weekday(wd, true) = self.lex(k) {
                if !(1..=60).contains(&n) {
                    return None;
                }
                let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
                let (sign, e) = if self.kw(k + 1, Kw::From) && self.kw(k + 2, Kw::Now) {
                    (1, k + 3)
                } else if self.kw(k + 1, Kw::Ago) || self.word(k + 1, "back") {
                    (-1, k + 2)
                } else {
                    return None;
                };
                let first = if sign > 0 {
                    let f = (wd as i64 - dw).rem_euclid(7);
                    today + if f == 0 { 7 } else { f }
                } else {
                    let b = (dw - wd as i64).rem_euclid(7);
                    today - if b == 0 { 7 } else { b }
                };
                let (y, m, d) = calendar::civil_from_days(first + sign * 7 * (n as i64 - 1));
                return done(i, e, Point::day(y, m, d));
            }
            return None;
        }
        let (wd, j) = self.weekday(i)?;
        // "Friday after next"
        if self.kw(j, Kw::After) && self.kw(j + 1, Kw::Next) {
            let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
            let f = (wd as i64 - dw).rem_euclid(7);
            let (y, m, d) = calendar::civil_from_days(today + if f == 0 { 7 } else { f } + 7);
            return done(i, j + 2, Point::day(y, m, d));
        }
        let k = if self.kw(j, Kw::Of) || self.kw(j, Kw::From) { j + 1 } else if self.punct(j, ',') { j + 1 } else { j };
        let (off, e) = week_off(k)?;
        if k == j && self.kw(k, Kw::This) {
            return None;
        }
        done(i, e, day_in(off, wd))
    }

    /// "13-15 July", "from 13 to 15 July", "between the 13th and the 15th of July",
    /// "23rd to 26th Oct": a day range whose first day borrows the month of the second.
    pub(super) fn p_day_range(&self, i: usize) -> Option<Cand> {
        let between = self.kw(i, Kw::Between);
        let k = if between || self.kw(i, Kw::From) { i + 1 } else { i };
        let d1s = k;
        let k = if self.kw(k, Kw::The) { k + 1 } else { k };
        let (d1, j) = self.day_num(k)?;
        if self.lex(k) != Lex::None && !matches!(self.lex(k), Lex::Ord(_)) {
            return None;
        }
        let j2 = if between {
            if !self.kw(j, Kw::And) {
                return None;
            }
            j + 1
        } else if self.punct(j, '-') || self.punct(j, '–') || matches!(self.lex(j), Lex::Kw(Kw::To | Kw::Through | Kw::Until)) {
            j + 1
        } else {
            return None;
        };
        let (sp, e) = self.spec_date(j2, false)?;
        let (m, d2) = (sp.m?, sp.d?);
        if sp.wd.is_some() || d1 >= d2 || self.month(j2).is_some() {
            return None;
        }
        let res = self.resolve_day(DayRef::Spec(sp), None, d1s, e)?;
        let p2 = res.point?;
        if !calendar::valid_date(p2.y, m, d1) {
            return None;
        }
        let p1 = Point::day(p2.y, m, d1);
        let mut c = Cand::new(d1s, e, TimexType::Date, p1.fmt());
        c.range_end = Some(p2.fmt());
        c.point = Some(p1);
        c.anchor = res.anchor;
        Some(c)
    }

    /// "the end of the month", "the beginning of the year", "end of the week" (the DCT's).
    pub(super) fn p_period_part(&self, i: usize) -> Option<Cand> {
        let (modi, j) = self.fuzzy(i);
        let modi = modi?;
        if !self.kw(j - 1, Kw::Of) && !(self.kw(i, Kw::End) || self.kw(i, Kw::Beginning) || self.kw(i, Kw::Start)) {
            return None;
        }
        let j = if !self.kw(j - 1, Kw::Of) {
            if !self.kw(j, Kw::Of) {
                return None;
            }
            j + 1
        } else {
            j
        };
        let k = if self.kw(j, Kw::The) { j + 1 } else { j };
        let g = match self.lex(k) {
            Lex::Unit(Unit::Month, false) => Gran::Month,
            Lex::Unit(Unit::Year, false) => Gran::Year,
            Lex::Unit(Unit::Week, false) => Gran::Week,
            _ => return None,
        };
        if self.kw(k + 1, Kw::Of) || self.punct(k + 1, '\'') {
            return None;
        }
        let mut c = self.dct_shift_cand(i, k + 1, 0, g, Some(modi))?;
        if self.kw(i, Kw::The) && !self.kw(i + 1, Kw::The) {
            c.s = i;
        }
        Some(c)
    }

    /// A month reference: "March", "March 2014", "this month", "the next month", "the month".
    fn month_ref(&self, k: usize, s: usize) -> Option<(i32, u32, usize, Anchor)> {
        if let Some((m, j)) = self.month(k) {
            let (y, e) = self.opt_year(j);
            if let Some(y) = y {
                return Some((y, m, e, Anchor::None));
            }
            let y = self.year_for(m, None, self.place_tense(s, j), None)?;
            return Some((y, m, j, Anchor::Dct));
        }
        let the = self.kw(k, Kw::The);
        let k2 = if the { k + 1 } else { k };
        let off = match self.lex(k2) {
            Lex::Kw(Kw::This | Kw::Current) => Some(0),
            Lex::Kw(Kw::Next | Kw::Following | Kw::Coming) => Some(1),
            Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => Some(-1),
            _ => None,
        };
        let (off, k3) = match off {
            Some(o) => (o, k2 + 1),
            None if the => (0, k2),
            None => return None,
        };
        if !self.word(k3, "month") {
            return None;
        }
        let d = self.dct?;
        let p = Point::with(d.y, d.m, Gran::Month).shift(off, Gran::Month)?;
        Some((p.y, p.m, k3 + 1, Anchor::Dct))
    }

    /// "the first Tuesday of October", "last Monday of March 2014", "the last day of
    /// October", "the third day of October", "the 20th of next month".
    pub(super) fn p_month_day(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (n, j) = if self.kw(k, Kw::Last) {
            (-1, k + 1)
        } else {
            let (n, j) = self.day_num(k)?;
            // "the fifth last day of May"
            if self.kw(j, Kw::Last) && (1..=31).contains(&n) && (self.word(j + 1, "day") || self.weekday(j + 1).is_some()) {
                (-(n as i32), j + 1)
            } else {
                (n as i32, j)
            }
        };
        enum What {
            Wd(u32),
            Day,
            Weekend,
        }
        let (what, j2) = if let Some((wd, j2)) = self.weekday(j) {
            if !(-5..=5).contains(&n) || n == 0 {
                return None;
            }
            (What::Wd(wd), j2)
        } else if self.word(j, "day") {
            (What::Day, j + 1)
        } else if n == -1 && matches!(self.lex(j), Lex::Unit(Unit::Weekend, false)) {
            (What::Weekend, j + 1)
        } else if n > 0 && self.kw(j, Kw::Of) && !self.kw(j + 1, Kw::The) || n > 0 && self.kw(j, Kw::Of) && self.word(j + 3, "month") {
            // "20th of next month" (bare "the 20th of March" is a plain date)
            if self.month(j + 1).is_some() {
                return None;
            }
            (What::Day, j)
        } else {
            return None;
        };
        if !(self.kw(j2, Kw::Of) || self.kw(j2, Kw::In)) {
            return None;
        }
        let (y, m, e, anchor) = self.month_ref(j2 + 1, i)?;
        let m0 = m;
        let (y, m, d) = match what {
            What::Wd(wd) => calendar::nth_weekday(y, m, wd, n),
            What::Weekend => {
                let (y2, m2, d2) = calendar::nth_weekday(y, m, 7, -1);
                if m2 != m0 {
                    return None;
                }
                let p = Point { gran: Gran::Weekend, ..Point::day(y2, m2, d2) };
                let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                c.anchor = anchor;
                return Some(c);
            }
            What::Day if n < 0 => {
                let last = calendar::days_in_month(y, m) as i32;
                if last + n + 1 < 1 {
                    return None;
                }
                (y, m, (last + n + 1) as u32)
            }
            What::Day => (y, m, n as u32),
        };
        if !calendar::valid_date(y, m, d) || m != m0 {
            return None;
        }
        let p = Point::day(y, m, d);
        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = anchor;
        Some(c)
    }

    /// "Tuesday the 19th", "Tuesday 19th", "Thu 15th": the nearby month where the day
    /// falls on that weekday.
    pub(super) fn p_weekday_day(&self, i: usize) -> Option<Cand> {
        let (wd, j) = match self.lex(i) {
            Lex::WeekdayAbbr(w) => (w, if self.punct(i + 1, '.') && self.adj(i) { i + 2 } else { i + 1 }),
            _ => self.weekday(i)?,
        };
        let k = if self.kw(j, Kw::The) { j + 1 } else { j };
        // digits need an ordinal suffix or "the" ("Monday 19" is too often a score)
        if self.num(k).is_some() && !(k > j || self.adj(k) && self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Word)) {
            return None;
        }
        let (d, e) = self.day_num(k)?;
        if self.month(e).is_some() || !self.day_closes(e) {
            return None;
        }
        let dct = self.dct?;
        let tn = self.place_tense(i, e).unwrap_or(self.default_tn());
        let base = Point::with(dct.y, dct.m, Gran::Month);
        let today = calendar::days_from_civil(dct.y, dct.m, dct.d);
        let mut found = None;
        for step in 0..14i64 {
            let off = if tn == Tn::Past { -step } else { step };
            let p = base.shift(off, Gran::Month)?;
            if !calendar::valid_date(p.y, p.m, d) || calendar::weekday(p.y, p.m, d) != wd {
                continue;
            }
            let z = calendar::days_from_civil(p.y, p.m, d);
            if tn == Tn::Past && z > today || tn != Tn::Past && z < today {
                continue;
            }
            found = Some(Point::day(p.y, p.m, d));
            break;
        }
        let p = found?;
        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = Anchor::Dct;
        Some(c)
    }

    /// A day number ends the phrase here (not "the 15th century", "the fourth quarter").
    fn day_closes(&self, e: usize) -> bool {
        e >= self.n()
            || self.is_punct(e) && !self.punct(e, '-') && !self.punct(e, '/') && !self.punct(e, '\'')
            || matches!(self.lex(e), Lex::Kw(Kw::At | Kw::In | Kw::On | Kw::From | Kw::Until | Kw::Through | Kw::To)) && !self.word(e + 1, "a") && !self.word(e + 1, "the")
            || self.word(e, "and") || self.word(e, "or") || matches!(self.lex(e), Lex::Pod(_))
    }

    /// "on the 15th", "the 1st,", "On 24th": a day of the DCT's month (or the next/previous
    /// one, as the tense says).
    pub(super) fn p_ordinal_day(&self, i: usize) -> Option<Cand> {
        let on = self.kw(i, Kw::On);
        let the = self.kw(i + on as usize, Kw::The);
        if !on && !the {
            return None;
        }
        let k = i + on as usize + the as usize;
        let digits = self.num(k).is_some();
        // bare digits need "on the"; ordinal words need "on"
        if digits && !(self.adj(k) && self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Word)) && !(on && the) {
            return None;
        }
        if !digits && !on {
            return None;
        }
        let (d, e) = self.day_num(k)?;
        if !self.day_closes(e) {
            return None;
        }
        let dct = self.dct?;
        let start = if on { i + 1 } else { i };
        let tn = self.place_tense(start, e);
        let off = match tn {
            Some(Tn::Future) => if d < dct.d { 1 } else { 0 },
            Some(Tn::Past) => if d > dct.d { -1 } else { 0 },
            _ => {
                if d + 15 < dct.d { 1 } else if d > dct.d + 15 { -1 } else { 0 }
            }
        };
        let p = Point::with(dct.y, dct.m, Gran::Month).shift(off, Gran::Month)?;
        if !calendar::valid_date(p.y, p.m, d) {
            return None;
        }
        let p = Point::day(p.y, p.m, d);
        let mut c = Cand::new(start, e, TimexType::Date, p.fmt());
        c.point = Some(p);
        c.anchor = Anchor::Dct;
        Some(c)
    }

    /// "the first week of October 2014", "the last week of September", "the third last
    /// week of 2018": full Monday-Sunday weeks inside the month or year.
    pub(super) fn p_nth_week(&self, i: usize) -> Option<Cand> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (n, j) = if self.kw(k, Kw::Last) {
            (-1i64, k + 1)
        } else {
            let (n, j) = self.day_num(k).filter(|&(n, _)| (1..=5).contains(&n))?;
            if self.kw(j, Kw::Last) { (-(n as i64), j + 1) } else { (n as i64, j) }
        };
        if !matches!(self.lex(j), Lex::Unit(Unit::Week, false)) || !(self.kw(j + 1, Kw::Of) || self.kw(j + 1, Kw::In)) {
            return None;
        }
        let r = j + 2;
        let (first_day, last_day, e, anchor) = if let Some((y, m, e, a)) = self.month_ref(r, i) {
            (calendar::days_from_civil(y, m, 1), calendar::days_from_civil(y, m, calendar::days_in_month(y, m)), e, a)
        } else {
            let (y, e) = self.year(r)?;
            (calendar::days_from_civil(y, 1, 1), calendar::days_from_civil(y, 12, 31), e, Anchor::None)
        };
        let first_mon = first_day + (8 - calendar::weekday_of_days(first_day) as i64) % 7;
        let last_sun = last_day - (calendar::weekday_of_days(last_day) as i64 % 7);
        let mon = if n > 0 { first_mon + 7 * (n - 1) } else { last_sun - 6 + 7 * (n + 1) };
        if mon < first_day || mon + 6 > last_day {
            return None;
        }
        let (y, m, d) = calendar::civil_from_days(mon);
        let p = Point { gran: Gran::Week, ..Point::day(y, m, d) };
        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
        c.anchor = anchor;
        Some(c)
    }
}
