//! Scheduling language (Duckling-style readings) and the extra families entry point.
//! `p_extra` first tries `p_sched` when the default tense is the future (scheduling
//! text): offsets from now ("in 2 hours", "3 days hence"), the interval readings ("the
//! last 2 days"), "now" as a clock time, "EOM", "tomorrow lunch", spans ("18th Dec for 10
//! days"). Then it tries a few families that apply to news as well ("the year ended
//! March 31", "nineteen ninety-six", "the week of March 6", "2018Q4", "31-Oct-74",
//! "2014 AD") and the day-placing families in `days.rs`. Date-time arithmetic in seconds
//! (`dt_*`) lives here because only these readings need it.

use super::*;

// -------------------------------------------------------------------- scheduling language
//
// Duckling-style readings that news annotation (TimeML) does not use: "in 2 hours" as the
// point two hours after the DCT, "the last 2 days" as the interval. They only apply with
// `Tense::Future` as the default tense (scheduling text); news keeps durations.

/// Seconds in a fixed-length unit (None for calendar units).
fn unit_secs(u: Unit) -> Option<i64> {
    Some(match u {
        Unit::Second => 1,
        Unit::Minute => 60,
        Unit::Hour => 3600,
        Unit::Day | Unit::Night => 86400,
        Unit::Week => 7 * 86400,
        Unit::Fortnight => 14 * 86400,
        _ => return None,
    })
}

/// Months in a calendar unit.
fn unit_months(u: Unit) -> Option<i64> {
    Some(match u {
        Unit::Month => 1,
        Unit::Quarter => 3,
        Unit::Year => 12,
        Unit::Decade => 120,
        Unit::Century => 1200,
        _ => return None,
    })
}

/// A civil date-time as seconds since 1970.
fn dt_secs(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
    calendar::days_from_civil(y, m, d) * 86400 + h as i64 * 3600 + mi as i64 * 60 + s as i64
}

fn dt_civil(t: i64) -> (i32, u32, u32, u32, u32, u32) {
    let (y, m, d) = calendar::civil_from_days(t.div_euclid(86400));
    let r = t.rem_euclid(86400) as u32;
    (y, m, d, r / 3600, r % 3600 / 60, r % 60)
}

/// `t` moved by `n` units (month arithmetic clamps the day).
fn dt_add(t: i64, u: Unit, n: i64) -> Option<i64> {
    if let Some(s) = unit_secs(u) {
        return t.checked_add(s.checked_mul(n)?).filter(|x| x.abs() < 300_000_000_000);
    }
    let k = unit_months(u)?;
    let (y, m, d, h, mi, s) = dt_civil(t);
    let tot = (y as i64 * 12 + m as i64 - 1).checked_add(k.checked_mul(n)?)?;
    let ny = tot.div_euclid(12);
    if !(-9999..=9999).contains(&ny) {
        return None;
    }
    let nm = (tot.rem_euclid(12) + 1) as u32;
    Some(dt_secs(ny as i32, nm, d.min(calendar::days_in_month(ny as i32, nm)), h, mi, s))
}

/// Start of the unit containing `t`.
fn dt_trunc(t: i64, u: Unit) -> i64 {
    let (y, m, d, h, mi, _) = dt_civil(t);
    match u {
        Unit::Second => t,
        Unit::Minute => dt_secs(y, m, d, h, mi, 0),
        Unit::Hour => dt_secs(y, m, d, h, 0, 0),
        Unit::Day | Unit::Night => dt_secs(y, m, d, 0, 0, 0),
        Unit::Week | Unit::Fortnight | Unit::Weekend => {
            let z = calendar::days_from_civil(y, m, d);
            (z - calendar::weekday_of_days(z) as i64 + 1) * 86400
        }
        Unit::Month => dt_secs(y, m, 1, 0, 0, 0),
        Unit::Quarter => dt_secs(y, (m - 1) / 3 * 3 + 1, 1, 0, 0, 0),
        Unit::Year => dt_secs(y, 1, 1, 0, 0, 0),
        Unit::Decade => dt_secs(y - y.rem_euclid(10), 1, 1, 0, 0, 0),
        Unit::Century => dt_secs(y - y.rem_euclid(100), 1, 1, 0, 0, 0),
    }
}

/// TimeML value of `t` at grain `u`.
fn dt_fmt(t: i64, u: Unit) -> String {
    let (y, m, d, h, mi, s) = dt_civil(t);
    match u {
        Unit::Second => format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, h, mi, s),
        Unit::Minute => format!("{:04}-{:02}-{:02}T{:02}:{:02}", y, m, d, h, mi),
        Unit::Hour => format!("{:04}-{:02}-{:02}T{:02}:00", y, m, d, h),
        Unit::Day | Unit::Night => format!("{:04}-{:02}-{:02}", y, m, d),
        Unit::Week | Unit::Fortnight | Unit::Weekend => Point { gran: Gran::Week, ..Point::day(y, m, d) }.fmt(),
        Unit::Month => format!("{:04}-{:02}", y, m),
        Unit::Quarter => format!("{:04}-Q{}", y, (m - 1) / 3 + 1),
        Unit::Year => format!("{:04}", y),
        Unit::Decade => format!("{:03}", y.div_euclid(10)),
        Unit::Century => format!("{:02}", y.div_euclid(100)),
    }
}

impl Tagger<'_> {
    pub(super) fn sched(&self) -> bool {
        self.opts.default_tense == Tense::Future
    }

    /// The DCT with its clock time, in seconds.
    fn now_secs(&self) -> Option<i64> {
        let d = self.dct?;
        let (h, m) = self.dct_tm.unwrap_or((0, 0));
        Some(dt_secs(d.y, d.m, d.d, h, m, 0))
    }

    /// Quantity and unit for offsets: "2 hours", "a few minutes", "half an hour",
    /// "2 and a half hours", "a couple of days", "1/4 hour", "2.5 hours", "a quarter of an
    /// hour", "1h" (scheduling). Returns the offset in quarter units.
    fn qty_unit(&self, k: usize) -> Option<(i64, Unit, usize)> {
        let unit_at = |e: usize| -> Option<(Unit, usize)> {
            let e = if self.kw(e, Kw::Of) && self.kw(e + 1, Kw::A) { e + 2 } else { e };
            if let Some((u, _, e2)) = self.unit(e) {
                return Some((u, e2));
            }
            (self.sched() && self.word(e, "h")).then_some((Unit::Hour, e + 1))
        };
        if self.kw(k, Kw::Half) && self.kw(k + 1, Kw::A) {
            let (u, e) = unit_at(k + 2)?;
            return Some((2, u, e));
        }
        // "a quarter of an hour", "three-quarters of an hour"
        let (qk, qn) = if self.kw(k, Kw::A) && self.word(k + 1, "quarter") {
            (k + 2, 1)
        } else if matches!(self.lex(k), Lex::Card(3)) && self.punct(k + 1, '-') && self.word(k + 2, "quarters") {
            (k + 3, 3)
        } else {
            (0, 0)
        };
        if qn > 0 && self.kw(qk, Kw::Of) {
            let (u, e) = unit_at(qk)?;
            return Some((qn, u, e));
        }
        // "1/4 hour", "3/4h", "1/2 h", "2.5 hours"
        if let (Some(a), true) = (self.num(k), self.adj(k) && self.adj(k + 1) && self.ndigits(k + 2) == 1) {
            let b = self.num(k + 2)?;
            let q4 = if self.punct(k + 1, '/') && b == 4 && (1..=3).contains(&a) {
                Some(a as i64)
            } else if self.punct(k + 1, '/') && b == 2 && a == 1 {
                Some(2)
            } else if self.punct(k + 1, '.') && (b == 5 || b == 0) && a < 10_000 {
                Some(a as i64 * 4 + if b == 5 { 2 } else { 0 })
            } else {
                None
            };
            if let Some(q4) = q4 {
                let (u, e) = unit_at(k + 3)?;
                return Some((q4, u, e));
            }
        }
        let (q, e) = self.qty(k)?;
        let e = if self.word(e, "more") { e + 1 } else { e };
        let (u, e2) = if self.sched() && self.word(e, "h") && self.adj(e - 1) {
            (Unit::Hour, e + 1)
        } else if self.sched() && self.adj(e - 1) && self.t[e - 1].kind == Kind::Num && (self.punct(e, '\'') || self.punct(e, '"')) && (e + 1 >= self.n() || !self.adj(e)) {
            // "in 15'", "in 1\"": minutes and seconds marks
            (if self.punct(e, '\'') { Unit::Minute } else { Unit::Second }, e + 1)
        } else {
            let (u, _, e2) = self.unit(e)?;
            (u, e2)
        };
        let q4 = match q {
            Qty::N(n) => 4 * n as i64,
            Qty::Half(n) => 4 * n as i64 + 2,
            Qty::X => 12,
        };
        Some((q4, u, e2))
    }

    /// `now` moved by a count of quarter units; the grain of the result follows Duckling
    /// (one step finer than the unit).
    fn offset_value(&self, q4: i64, u: Unit, sign: i64) -> Option<String> {
        let now = self.now_secs()?;
        let whole = q4 % 4 == 0;
        let t = if !whole {
            let s = unit_secs(u).or_else(|| unit_months(u).map(|m| m * 30 * 86400))?;
            now.checked_add(q4.checked_mul(s)? / 4 * sign).filter(|x| x.abs() < 300_000_000_000)?
        } else {
            dt_add(now, u, sign * (q4 / 4))?
        };
        let g = match u {
            Unit::Second | Unit::Minute => Unit::Second,
            Unit::Hour => if whole { Unit::Minute } else { Unit::Second },
            Unit::Day | Unit::Night | Unit::Fortnight if self.dct_tm.is_some() && whole => Unit::Hour,
            Unit::Day | Unit::Night | Unit::Fortnight => if whole { Unit::Day } else { Unit::Hour },
            Unit::Week | Unit::Month | Unit::Quarter => Unit::Day,
            Unit::Year => Unit::Month,
            _ => Unit::Year,
        };
        if matches!(g, Unit::Minute | Unit::Second | Unit::Hour) && self.dct_tm.is_none() {
            return None;
        }
        Some(dt_fmt(t, g))
    }

    /// Extra families: scheduling offsets and intervals.
    pub(super) fn p_extra(&self, i: usize) -> Option<Cand> {
        if self.sched() {
            if let Some(c) = self.p_sched(i) {
                return Some(c);
            }
        }
        // "the year ended March 31", "the fiscal year ending June 30": a reporting period
        // (a year long); "for the full year": the DCT's year
        if self.kw(i, Kw::The) {
            let k = if self.word(i + 1, "fiscal") || self.word(i + 1, "full") { i + 2 } else { i + 1 };
            if matches!(self.lex(k), Lex::Unit(Unit::Year, false)) && !self.punct(k + 1, '-') && !self.punct(k + 1, '\'') {
                if self.word(k + 1, "ended") || self.word(k + 1, "ending") {
                    return Some(Cand::new(i, k + 1, TimexType::Duration, "P1Y".into()));
                }
                let next_ok = k + 1 >= self.n() || self.is_punct(k + 1) || self.word(k + 1, "and") || self.word(k + 1, "was") || self.word(k + 1, "were");
                if let (true, true, Some(d)) = (i > 0 && self.word(i - 1, "for"), next_ok, self.dct) {
                    let p = Point::with(d.y, 1, Gran::Year);
                    let mut c = Cand::new(i, k + 1, TimexType::Date, p.fmt());
                    c.point = Some(p);
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "nineteen ninety-six", "the year two thousand" ("twenty thirty" alone may be a time)
        {
            let k = if self.kw(i, Kw::The) && self.word(i + 1, "year") { i + 2 } else { i };
            if let Some((y, e)) = self.spelled_year(k) {
                if (k > i || (1800..2000).contains(&y)) && (1000..2100).contains(&y) && !(self.word(e, "people") || is_measure_word(self.txt(e))) {
                    let p = Point::with(y, 1, Gran::Year);
                    let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                    c.point = Some(p);
                    return Some(c);
                }
            }
        }
        // "the week of March 6": the (ISO) week containing that day
        if self.kw(i, Kw::The) && matches!(self.lex(i + 1), Lex::Unit(Unit::Week, false)) && self.kw(i + 2, Kw::Of) {
            if let Some(c) = self.p_datetime(i + 3).filter(|c| c.s == i + 3 && c.range_end.is_none()) {
                if let Some(p) = c.point.filter(|p| p.gran == Gran::Day) {
                    let z = calendar::days_from_civil(p.y, p.m, p.d);
                    let (y, m, d) = calendar::civil_from_days(z - calendar::weekday_of_days(z) as i64 + 1);
                    let w = Point { gran: Gran::Week, ..Point::day(y, m, d) };
                    let mut r = Cand::new(i, c.e, TimexType::Date, w.fmt());
                    r.point = Some(w);
                    r.anchor = c.anchor;
                    return Some(r);
                }
            }
        }
        // "2018Q4", "18q4": a year glued to its quarter
        if (self.ndigits(i) == 4 || self.ndigits(i) == 2) && self.adj(i) && self.word(i + 1, "q") && self.adj(i + 1) && self.ndigits(i + 2) == 1 && !(self.adj(i + 2) && !self.is_punct(i + 3)) && !(i > 0 && self.adj(i - 1)) {
            let (y, q) = (self.num(i)? as i32, self.num(i + 2)?);
            let y = if y < 100 { 2000 + y } else { y };
            if (1..=4).contains(&q) && (1900..2100).contains(&y) {
                let p = Point::with(y, (q - 1) * 3 + 1, Gran::Quarter);
                let mut c = Cand::new(i, i + 3, TimexType::Date, p.fmt());
                c.point = Some(p);
                return Some(c);
            }
        }
        // "31-Oct-74", "31/Oct/1974"
        if let (Some(d), Lex::MonthAbbr(m) | Lex::Month(m)) = (self.num(i).filter(|_| self.ndigits(i) <= 2), self.lex(i + 2)) {
            let sep = if self.punct(i + 1, '-') { Some('-') } else if self.punct(i + 1, '/') { Some('/') } else { None };
            if let Some(sep) = sep {
                if self.adj(i) && self.adj(i + 1) && self.adj(i + 2) && self.punct(i + 3, sep) && self.adj(i + 3) && !(i > 0 && self.adj(i - 1)) {
                    let yd = self.ndigits(i + 4);
                    if (yd == 2 || yd == 4) && !(self.adj(i + 4) && !self.is_punct(i + 5)) {
                        let y = self.num(i + 4)? as i32;
                        let y = if yd == 2 { if y < 30 { 2000 + y } else { 1900 + y } } else { y };
                        if calendar::valid_date(y, m, d) {
                            let p = Point::day(y, m, d);
                            let mut c = Cand::new(i, i + 5, TimexType::Date, p.fmt());
                            c.point = Some(p);
                            return Some(c);
                        }
                    }
                }
            }
        }
        // "2014 AD", "2014 A.D."
        if self.ndigits(i) == 4 && (self.word(i + 1, "ad") && self.t[i + 1].cap || self.word(i + 1, "a") && self.punct(i + 2, '.') && self.word(i + 3, "d")) {
            if let Some((Spec { y: Some(y), m: None, .. }, _)) = self.bare_year(i).or_else(|| self.year(i).map(|(y, e)| (Spec { y: Some(y), ..Spec::default() }, e))) {
                let e = if self.word(i + 1, "ad") { i + 2 } else if self.punct(i + 4, '.') { i + 5 } else { i + 4 };
                let p = Point::with(y, 1, Gran::Year);
                let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                return Some(c);
            }
        }
        self.p_month_day(i)
            .or_else(|| self.p_nth_week(i))
            .or_else(|| self.p_offset_from(i))
            .or_else(|| self.p_weekday_day(i))
            .or_else(|| self.p_ordinal_day(i))
            .or_else(|| self.p_day_range(i))
            .or_else(|| self.p_period_part(i))
            .or_else(|| self.p_hour_range(i))
            .or_else(|| self.p_weekday_week(i))
            .or_else(|| self.p_hour_day(i))
            .or_else(|| self.p_day_after(i))
            .or_else(|| self.p_pod_of_day(i))
            .or_else(|| self.p_closest(i))
    }

    // Not split (224 lines): an ordered list of families where a `?` inside one (no DCT,
    // a date off the calendar) ends the whole search instead of falling through to the
    // next; an `or_else` chain of smaller functions would change which reading wins.
    fn p_sched(&self, i: usize) -> Option<Cand> {
        // "EOM", "BOM", "EOY", "BOY"
        let ai = if self.kw(i, Kw::The) && self.kw(i + 1, Kw::PeriodAbbr) { i + 1 } else { i };
        if self.kw(ai, Kw::PeriodAbbr) {
            let w = self.txt(ai);
            let is = |x: &str| w.eq_ignore_ascii_case(x);
            let r = if is("eod") { Some(("END", Gran::Day)) } else if is("eom") { Some(("END", Gran::Month)) } else if is("bom") { Some(("START", Gran::Month)) } else if is("eoy") { Some(("END", Gran::Year)) } else if is("boy") && self.cap(ai) { Some(("START", Gran::Year)) } else { None };
            if let Some((m, g)) = r {
                return self.dct_shift_cand(i, ai + 1, 0, g, Some(m));
            }
        }
        // "at this time": today
        if self.kw(i, Kw::This) && self.word(i + 1, "time") && i > 0 && self.kw(i - 1, Kw::At) {
            return self.dct_shift_cand(i, i + 2, 0, Gran::Day, None);
        }
        // "2/15", "2-15", "2 - 15": month and day
        if let (Some(a), Some(d)) = (self.num(i), self.dct) {
            if (1..=12).contains(&a) && self.ndigits(i) <= 2 && (self.punct(i + 1, '/') || self.punct(i + 1, '-')) && !(i > 0 && self.adj(i - 1)) {
                if let Some(b) = self.num(i + 2).filter(|&b| (13..=31).contains(&b) && self.ndigits(i + 2) == 2 && !(self.adj(i + 2) && !self.is_punct(i + 3))) {
                    if !(self.punct(i + 3, '/') || self.punct(i + 3, '-')) && calendar::valid_date(d.y, a, b) {
                        let y = self.year_for(a, Some(b), Some(Tn::Future), None)?;
                        let p = Point::day(y, a, b);
                        let mut c = Cand::new(i, i + 3, TimexType::Date, p.fmt());
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    }
                }
                // "2/2013": month and year
                if self.punct(i + 1, '/') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 4 && !(self.adj(i + 2) && !self.is_punct(i + 3)) {
                    let y = self.num(i + 2)? as i32;
                    if (1900..2100).contains(&y) {
                        return Some(Cand::new(i, i + 3, TimexType::Date, format!("{:04}-{:02}", y, a)));
                    }
                }
            }
        }
        // "now", "right now", "just now", "at the moment": the reference time itself
        if let (Some(tm), Some(d)) = (self.dct_tm, self.dct) {
            let e = match self.lex(i) {
                Lex::Kw(Kw::Now) => Some(i + 1),
                Lex::Kw(Kw::Right) if self.kw(i + 1, Kw::Now) => Some(i + 2),
                Lex::Kw(Kw::The) if self.word(i + 1, "moment") && i > 0 && self.kw(i - 1, Kw::At) => Some(i + 2),
                _ => None,
            };
            if let Some(e) = e {
                let mut c = Cand::new(i, e, TimexType::Time, format!("{}T{:02}:{:02}:00", d.fmt(), tm.0, tm.1));
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "in 2 hours", "in a week", "in half an hour", "after 5 days"
        if self.kw(i, Kw::In) || self.word(i, "within") || self.kw(i, Kw::After) {
            let k = if self.word(i + 1, "about") || self.word(i + 1, "approximately") { i + 2 } else { i + 1 };
            if let Some((h, u, e)) = self.qty_unit(k) {
                // "in 7 days at 5pm": the day, then the clock time
                if let (true, Some((Tod::Hm(hh, mm, ss), e2))) = (h % 4 == 0 && matches!(u, Unit::Day | Unit::Week | Unit::Fortnight), self.at_time(e).filter(|_| self.kw(e, Kw::At))) {
                    let t = dt_add(self.now_secs()?, u, h / 4)?;
                    let day = dt_fmt(t, Unit::Day);
                    let mut c = Cand::new(if self.kw(i, Kw::After) { i } else { i + 1 }, e2, TimexType::Time, format!("{}{}", day, Tod::Hm(hh, mm, ss).suffix()));
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
                let v = self.offset_value(h, u, 1)?;
                let mut c = Cand::new(if self.kw(i, Kw::After) { i } else { i + 1 }, e, TimexType::Date, v);
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "2 hours from now", "a week ago", "3 days hence"
        if let Some((h, u, e)) = self.qty_unit(i) {
            let (sign, end) = match self.lex(e) {
                Lex::Kw(Kw::Ago) => (-1, e + 1),
                Lex::Kw(Kw::Hence) => (1, e + 1),
                Lex::Kw(Kw::From) if self.kw(e + 1, Kw::Now) => (1, e + 2),
                Lex::Kw(Kw::From) if self.kw(e + 1, Kw::Today) => {
                    // "3 years from today": counted in days
                    if matches!(u, Unit::Year | Unit::Month | Unit::Quarter | Unit::Decade) && h % 4 == 0 {
                        let t = dt_add(self.now_secs()?, u, h / 4)?;
                        let mut c = Cand::new(i, e + 2, TimexType::Date, dt_fmt(t, Unit::Day));
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    }
                    (1, e + 2)
                }
                Lex::Kw(Kw::From) if self.kw(e + 1, Kw::Right) && self.kw(e + 2, Kw::Now) => (1, e + 3),
                _ => (0, e),
            };
            if sign != 0 {
                let v = self.offset_value(h, u, sign)?;
                let mut c = Cand::new(i, end, TimexType::Date, v);
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "18th Dec for 10 days", "4pm for 30 mins", "for 10 days from 18th Dec"
        if let Some(c) = self.p_for_span(i).or_else(|| if i > 0 && self.word(i - 1, "for") { self.p_for_span(i - 1) } else { None }) {
            return Some(c);
        }
        // "late tonight", "late last night": 21:00 to midnight
        if self.kw(i, Kw::Late) {
            let (off, e) = if self.kw(i + 1, Kw::Tonight) { (0, i + 2) } else if self.kw(i + 1, Kw::Last) && self.word(i + 2, "night") { (-1, i + 3) } else { (0, 0) };
            if e > 0 {
                let p = self.dct?.shift(off, Gran::Day)?;
                let mut c = Cand::new(i, e, TimexType::Time, format!("{}T21:00", p.fmt()));
                c.range_end = Some(format!("{}T23:00", p.fmt()));
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "tomorrow lunch", "today at lunch": 12:00 to 14:00
        if let Some((DayRef::Rel(off), e)) = self.dayref(i, None) {
            let k = if self.kw(e, Kw::At) { e + 1 } else { e };
            if self.word(k, "lunch") {
                let p = self.dct?.shift(off, Gran::Day)?;
                let mut c = Cand::new(i, k + 1, TimexType::Time, format!("{}T12:00", p.fmt()));
                c.range_end = Some(format!("{}T13:00", p.fmt()));
                c.anchor = Anchor::Dct;
                return Some(c);
            }
        }
        // "the 24": a day of the month, alone
        if self.kw(i, Kw::The) && self.alone(i, i + 2) {
            if let (Some(d), Some(dct)) = (self.num(i + 1).filter(|&d| (1..=31).contains(&d) && self.ndigits(i + 1) <= 2), self.dct) {
                let p = Point::with(dct.y, dct.m, Gran::Month).shift(if d < dct.d { 1 } else { 0 }, Gran::Month)?;
                if calendar::valid_date(p.y, p.m, d) {
                    let mut c = Cand::new(i, i + 2, TimexType::Date, Point::day(p.y, p.m, d).fmt());
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "morning", "the afternoon", "in the evening": today's part of the day, alone
        {
            let k = if self.kw(i, Kw::The) { i + 1 } else { i };
            if let (Lex::Pod(p), Some(d)) = (self.lex(k), self.dct) {
                let before_ok = i == 0 || self.is_punct(i - 1) || self.kw(i - 1, Kw::In) && (i < 2 || self.is_punct(i - 2));
                if before_ok && (k + 1 >= self.n() || self.is_punct(k + 1)) && !self.word(k, "mornings") {
                    let mut c = Cand::new(i, k + 1, TimexType::Time, format!("{}T{}", d.fmt(), p));
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "Thanksgiving in 9 months", "March in a year", "Thanksgiving 3 months ago": the
        // holiday or month in the year of the shifted reference time
        let shifted = self.dayref(i, None).or_else(|| match self.lex(i) {
            Lex::Month(m) if self.cap(i) => Some((DayRef::Spec(Spec { m: Some(m), ..Spec::default() }), i + 1)),
            _ => None,
        });
        if let Some((dr @ (DayRef::Holiday(_, None) | DayRef::Spec(Spec { y: None, d: None, wd: None, m: Some(_) })), e)) = shifted {
            let (k, sign0) = if self.kw(e, Kw::In) { (e + 1, 1) } else { (e, 0) };
            if let Some((q4, u, e2)) = self.qty_unit(k).filter(|x| x.0 % 4 == 0) {
                let (sign, end) = match self.lex(e2) {
                    _ if sign0 == 1 => (1, e2),
                    Lex::Kw(Kw::Ago) => (-1, e2 + 1),
                    Lex::Kw(Kw::Hence) => (1, e2 + 1),
                    Lex::Kw(Kw::From) if self.kw(e2 + 1, Kw::Now) => (1, e2 + 2),
                    _ => (0, e2),
                };
                if sign != 0 {
                    let t = dt_add(self.now_secs()?, u, sign * q4 / 4)?;
                    let y = dt_civil(t).0;
                    let v = match dr {
                        DayRef::Holiday(h, _) => {
                            let (y, m, d) = Self::holiday_date(h, y);
                            Point::day(y, m, d).fmt()
                        }
                        DayRef::Spec(Spec { m: Some(m), .. }) => Point::with(y, m, Gran::Month).fmt(),
                        _ => return None,
                    };
                    let mut c = Cand::new(i, end, TimexType::Date, v);
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "upcoming two weeks", "2 upcoming days": the start of the N-th next unit
        {
            let up = self.kw(i, Kw::Upcoming);
            let k = if up { i + 1 } else { i };
            if let Some((Qty::N(n), e)) = self.qty(k) {
                let (up2, e) = if !up && self.kw(e, Kw::Upcoming) { (true, e + 1) } else { (up, e) };
                if let (true, Some((u, _, e2))) = (up2, self.unit(e)) {
                    let g = if u == Unit::Night { Unit::Day } else { u };
                    if !matches!(g, Unit::Weekend | Unit::Fortnight) && (!matches!(g, Unit::Second | Unit::Minute | Unit::Hour) || self.dct_tm.is_some()) {
                        let t = dt_add(dt_trunc(self.now_secs()?, g), g, n as i64)?;
                        let mut c = Cand::new(i, e2, TimexType::Date, dt_fmt(t, g));
                        c.anchor = Anchor::Dct;
                        return Some(c);
                    }
                }
            }
        }
        // "the last 2 days", "next three weeks", "past 2 years": the interval before/after now
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let sign = match self.lex(k) {
            Lex::Kw(Kw::Last | Kw::Past | Kw::Previous) => -1,
            Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
            _ => return None,
        };
        let (h, u, e) = self.qty_unit(k + 1)?;
        if h % 4 != 0 || self.kw(k + 1, Kw::A) && !self.kw(k + 2, Kw::Few) && !self.kw(k + 2, Kw::Couple) {
            return None;
        }
        let n = h / 4;
        let now = self.now_secs()?;
        let g = if u == Unit::Night { Unit::Day } else if u == Unit::Fortnight { Unit::Week } else { u };
        let n = if u == Unit::Fortnight { 2 * n } else { n };
        if matches!(g, Unit::Second | Unit::Minute | Unit::Hour) && self.dct_tm.is_none() {
            return None;
        }
        let cur = dt_trunc(now, g);
        let (s, last) = if sign < 0 {
            (dt_add(cur, g, -n)?, dt_add(cur, g, -1)?)
        } else if matches!(g, Unit::Second | Unit::Minute) {
            (dt_add(cur, g, 1)?, dt_add(cur, g, n)?)
        } else {
            (dt_add(cur, g, 1)?, dt_add(cur, g, n)?)
        };
        let mut c = Cand::new(i, e, TimexType::Date, dt_fmt(s, g));
        c.range_end = Some(dt_fmt(last, g));
        c.anchor = Anchor::Dct;
        Some(c)
    }

    /// "three days after Easter", "a year from Christmas", "two weeks before May 1",
    /// "15 minutes from 1pm": an offset from a date or time given right after.
    fn p_offset_from(&self, i: usize) -> Option<Cand> {
        let (q4, u, e) = self.qty_unit(i)?;
        if q4 % 4 != 0 {
            return None;
        }
        let n = q4 / 4;
        let sign = match self.lex(e) {
            Lex::Kw(Kw::After) => 1,
            Lex::Kw(Kw::Before) => -1,
            Lex::Kw(Kw::From) if !self.kw(e + 1, Kw::Now) && !self.kw(e + 1, Kw::Today) && !self.kw(e + 1, Kw::Right) => 1,
            _ => return None,
        };
        let c = self.p_datetime(e + 1)?;
        if c.s != e + 1 {
            return None;
        }
        let v = &c.value;
        let b = v.as_bytes();
        let num = |r: std::ops::Range<usize>| v.get(r).and_then(|x| x.parse::<u32>().ok());
        let out = if b.len() == 10 {
            let (y, m, d) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
            let g = match u {
                Unit::Day | Unit::Night => Gran::Day,
                Unit::Week | Unit::Fortnight => Gran::Week,
                Unit::Month => Gran::Month,
                Unit::Year => Gran::Year,
                _ => return None,
            };
            let n = if u == Unit::Fortnight { 2 * n } else { n };
            Point::day(y, m, d).shift(sign * n, g)?.fmt()
        } else if b.len() == 16 && b[10] == b'T' {
            let t = dt_secs(num(0..4)? as i32, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, 0);
            if !matches!(u, Unit::Minute | Unit::Hour | Unit::Second) {
                return None;
            }
            dt_fmt(dt_add(t, u, sign * n)?, Unit::Minute)
        } else {
            return None;
        };
        let mut r = Cand::new(i, c.e, if b.len() == 10 { TimexType::Date } else { TimexType::Time }, out);
        r.anchor = c.anchor;
        Some(r)
    }

    /// A start and a length: "18th Dec for 10 days", "from 4pm for thirty minutes", "for 10
    /// days from 18th Dec" (scheduling text): the interval from the start.
    fn p_for_span(&self, i: usize) -> Option<Cand> {
        let (c, q4, u, s, e) = if self.word(i, "for") {
            let (q4, u, e) = self.qty_unit(i + 1)?;
            if !self.kw(e, Kw::From) {
                return None;
            }
            let c = self.p_datetime(e + 1).filter(|c| c.s == e + 1)?;
            let end = c.e;
            (c, q4, u, i + 1, end)
        } else {
            let k = if self.kw(i, Kw::From) { i + 1 } else { i };
            let c = self.p_datetime(k).filter(|c| c.s == k && c.range_end.is_none())?;
            if !self.word(c.e, "for") {
                return None;
            }
            let (q4, u, e) = self.qty_unit(c.e + 1)?;
            (c, q4, u, k, e)
        };
        if q4 % 4 != 0 {
            return None;
        }
        let n = q4 / 4;
        let v = c.value.clone();
        let num = |r: std::ops::Range<usize>| v.get(r).and_then(|x| x.parse::<u32>().ok());
        let end = if v.len() == 10 {
            let days = match u {
                Unit::Day | Unit::Night => n,
                Unit::Week => 7 * n,
                _ => return None,
            };
            Point::day(num(0..4)? as i32, num(5..7)?, num(8..10)?).shift(days, Gran::Day)?.fmt()
        } else if v.len() == 16 && v.as_bytes()[10] == b'T' {
            if !matches!(u, Unit::Minute | Unit::Hour) {
                return None;
            }
            let t = dt_secs(num(0..4)? as i32, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, 0);
            dt_fmt(dt_add(t, u, n)?, Unit::Minute)
        } else {
            return None;
        };
        let mut r = Cand::new(s, e, c.kind, v);
        r.range_end = Some(end);
        r.anchor = c.anchor;
        Some(r)
    }
}
