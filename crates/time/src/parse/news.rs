//! Reporting periods of financial and news text: quarters and halves ("the third
//! quarter", "Q3 2013", "the first half of 1990", "the latest quarter"), and news-report
//! references ("by year-end", "the current fiscal year", "in the near term", "later that
//! year", "the 1988 period", "the quarter a year ago"), with the quarter a results report
//! is about. These resolve against what the report has named so far, which is why they
//! sit together.

use super::*;

impl Tagger<'_> {
    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2013", "the fiscal first
    /// quarter", "1989's fourth quarter", "the first half of 1990", "the latest quarter".
    pub(super) fn p_quarter(&self, i: usize) -> Option<Cand> {
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
            // "the fiscal-first quarter"
            if self.punct(k, '-') && self.adj(k - 1) && self.adj(k) {
                k += 1;
            }
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
                // "the first two quarters of 1990": the first half of that year
                _ if n == 1 && !hyph && self.qty(k3).is_some_and(|(q, k4)| matches!(q, Qty::N(2)) && matches!(self.unit(k4), Some((Unit::Quarter, true, _))) && self.kw(k4 + 1, Kw::Of) && self.year(k4 + 2).is_some()) => (1, true, k3 + 2, false),
                _ => return None,
            }
        } else if (self.kw(k, Kw::Last) || self.word(k, "latter")) && self.kw(k + 1, Kw::Half) && self.kw(k + 2, Kw::Of) && self.year(k + 3).is_some() {
            // "the last half of 1989": the second half
            (2, true, k + 2, false)
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
            // "the quarter-to-quarter comparison": a compound adjective, no particular quarter
            if self.kw(e, Kw::Of) || self.kw(e, Kw::Ago) || self.kw(e, Kw::Earlier) || self.punct(e, '-') && self.adj(e - 1) {
                return None;
            }
            let (p, anchor) = match (self.last, self.dct) {
                (Some((lp, idx)), _) if lp.gran == Gran::Quarter && !self.kw(k, Kw::Current) && !self.kw(k, Kw::Latest) => match year {
                    Some(y) => (Point { y, ..lp }, Anchor::Narrative(idx)),
                    None => (lp, Anchor::Narrative(idx)),
                },
                (_, Some(d)) => {
                    let cur = Point { gran: Gran::Quarter, ..d };
                    // the quarter this report is about, when one has been named ("the fiscal
                    // first quarter ... earlier this month ... break even for the quarter")
                    let named = if the && !self.kw(k, Kw::Current) && !self.kw(k, Kw::Latest) && year.is_none() && !self.word(e, "ended") && !self.word(e, "ending") { self.reported_quarter() } else { None };
                    let p = if let Some(q) = named { q } else if self.kw(k, Kw::Current) { cur } else { cur.shift(-1, Gran::Quarter)? };
                    // "the 1988 quarter": the latest quarter's number in that year
                    match year {
                        Some(y) => (Point { y, ..p }, Anchor::Dct),
                        None => (p, Anchor::Dct),
                    }
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
        // "the comparable year-ago quarter, the second quarter ended Oct. 31,": an appositive
        // renames the quarter just given and has its year
        if year.is_none() && !half && the && i > 0 && self.punct(i - 1, ',') {
            if let Some(prev) = self.out.last().filter(|t| t.end == self.t[i - 1].s) {
                let b = prev.value.as_bytes();
                if b.len() == 7 && &b[4..6] == b"-Q" {
                    year = prev.value[..4].parse().ok();
                }
            }
        }
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

    /// News-report references: "by year-end", "in the near term", "later that year",
    /// "results for that quarter", "the latest period" (of a quarterly report).
    // Not split (165 lines): an ordered list of families where a `?` inside one (no DCT,
    // no reported quarter) ends the whole search instead of falling through to the next;
    // an `or_else` chain of smaller functions would change which reading wins.
    pub(super) fn p_news(&self, i: usize) -> Option<Cand> {
        // "year-end", "year end", "year's end" after a temporal preposition (TimeML: the
        // year, mod END); "since year-end" is the one before the DCT's year. Adjective uses
        // ("year-end net") are left alone.
        if matches!(self.lex(i), Lex::Unit(Unit::Year, false)) && i > 0 && !self.kw(i - 1, Kw::The) {
            let e = if self.punct(i + 1, '-') && self.adj(i) && self.adj(i + 1) && self.kw(i + 2, Kw::End) {
                i + 3
            } else if self.kw(i + 1, Kw::End) {
                i + 2
            } else if self.punct(i + 1, '\'') && self.word(i + 2, "s") && self.kw(i + 3, Kw::End) {
                i + 4
            } else {
                0
            };
            let prep = matches!(self.lex(i - 1), Lex::Kw(Kw::Since | Kw::Before | Kw::After | Kw::Until | Kw::At | Kw::Through)) || self.word(i - 1, "by") || self.word(i - 1, "around") || self.word(i - 1, "near") || self.word(i - 1, "till");
            const FUNCTION: &[&str] = &["and", "or", "but", "when", "to", "that", "as", "is", "was", "will", "would", "if", "for"];
            let adjective = self.t.get(e).is_some_and(|t| t.kind == Kind::Word && self.lex(e) == Lex::None) && !FUNCTION.iter().any(|w| self.word(e, w));
            if e > 0 && prep && !adjective {
                let mut c = match self.dct {
                    Some(d) => {
                        let y = if self.kw(i - 1, Kw::Since) { d.y - 1 } else { d.y };
                        let mut c = Cand::new(i, e, TimexType::Date, Point::with(y, 1, Gran::Year).fmt());
                        c.anchor = Anchor::Dct;
                        c
                    }
                    None => Cand::new(i, e, TimexType::Date, "XXXX".into()),
                };
                c.modifier = Some("END");
                return Some(c);
            }
        }
        // "the current fiscal year", "the latest fiscal year": the DCT's (fiscal) year
        if self.kw(i, Kw::The) && matches!(self.lex(i + 1), Lex::Kw(Kw::Current | Kw::Latest)) && self.kw(i + 2, Kw::Fiscal) && matches!(self.lex(i + 3), Lex::Unit(Unit::Year, false)) && !self.punct(i + 4, '-') {
            let d = self.dct?;
            let y = if self.kw(i + 1, Kw::Latest) { d.y - 1 } else { d.y };
            let mut c = Cand::new(i, i + 4, TimexType::Date, Point::with(y, 1, Gran::Year).fmt());
            c.anchor = Anchor::Dct;
            return Some(c);
        }
        // "earlier in the year", "later in the year": the DCT's year; "(the first nine months)
        // of the year", "a high for the year of $42": the year being reported, the DCT's
        if let Some(d) = self.dct {
            let lead = matches!(self.lex(i), Lex::Kw(Kw::Earlier | Kw::Later)) && self.kw(i + 1, Kw::In);
            let k = if lead { i + 2 } else { i };
            if self.kw(k, Kw::The) && matches!(self.lex(k + 1), Lex::Unit(Unit::Year, false)) && !self.punct(k + 2, '-') && !self.punct(k + 2, '\'') && !self.word(k + 2, "ended") && !self.word(k + 2, "ending") && self.unit(k + 2).is_none() && self.spelled_year(k + 2).is_none() {
                let after_of = k > 0 && (self.kw(k - 1, Kw::Of) && k > 1 && matches!(self.lex(k - 2), Lex::Unit(_, true)) || self.word(k - 1, "for") && self.kw(k + 2, Kw::Of));
                if lead || after_of {
                    let p = Point::with(d.y, 1, Gran::Year);
                    let mut c = Cand::new(i, k + 2, TimexType::Date, p.fmt());
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "for some time", "for a while": a duration of unknown length
        if i > 0 && self.word(i - 1, "for") && (self.kw(i, Kw::Some) && self.word(i + 1, "time") || self.kw(i, Kw::A) && self.word(i + 1, "while")) && self.is_punct(i + 2) {
            return Some(Cand::new(i, i + 2, TimexType::Duration, "PXX".into()));
        }
        // "mid-afternoon yesterday", "late evening today": the part of that day
        {
            let k = if self.kw(i, Kw::Mid) && self.punct(i + 1, '-') && self.adj(i) { i + 2 } else if self.kw(i, Kw::Mid) || self.kw(i, Kw::Late) || self.kw(i, Kw::Early) { i + 1 } else { i };
            if let (Lex::Pod(p), Some(d)) = (self.lex(k), self.dct) {
                let off = match self.lex(k + 1) {
                    Lex::Kw(Kw::Yesterday) => Some(-1),
                    Lex::Kw(Kw::Today) => Some(0),
                    Lex::Kw(Kw::Tomorrow) => Some(1),
                    _ => None,
                };
                if let Some(day) = off.and_then(|o| d.shift(o, Gran::Day)) {
                    let mut c = Cand::new(i, k + 2, TimexType::Time, format!("{}T{}", day.fmt(), p));
                    c.anchor = Anchor::Dct;
                    return Some(c);
                }
            }
        }
        // "the near term", "the short term", "the long term": the future (FUTURE_REF);
        // "near-term" and "short-term" as adjectives are not references.
        if self.kw(i, Kw::The) && (self.word(i + 1, "near") || self.word(i + 1, "short") || self.word(i + 1, "long")) && self.word(i + 2, "term") && !self.punct(i + 3, '-') {
            return Some(Cand::new(i, i + 3, TimexType::Date, "FUTURE_REF".into()));
        }
        // "that year", "that quarter", "that month", "earlier/later that day", "that same
        // day": the period of the time just mentioned (an anaphoric reference; TimeML gives it
        // the referent's value at the named granularity).
        {
            let (s, k) = if matches!(self.lex(i), Lex::Kw(Kw::Earlier | Kw::Later)) && self.word(i + 1, "that") {
                (i, i + 2)
            } else if i > 0 && self.word(i - 1, "that") && self.unit(i).is_some() {
                (if i > 1 && matches!(self.lex(i - 2), Lex::Kw(Kw::Earlier | Kw::Later)) { i - 2 } else { i - 1 }, i)
            } else if i > 1 && self.word(i - 2, "that") && self.word(i - 1, "same") && self.unit(i).is_some() {
                (i - 2, i)
            } else {
                (0, 0)
            };
            let k = if k > 0 && k == i + 2 && self.word(k, "same") { k + 1 } else { k };
            if let (true, Some((u, false, e)), Some((lp, idx))) = (k > 0, self.unit(k), self.last) {
                let marked = s < k - 1 || self.word(k - 1, "same");
                let finer = |g: Gran| match u {
                    Unit::Year => matches!(g, Gran::Year | Gran::Half | Gran::Quarter | Gran::Season | Gran::Month | Gran::Week | Gran::Day),
                    Unit::Quarter => matches!(g, Gran::Quarter | Gran::Month | Gran::Day),
                    Unit::Month => matches!(g, Gran::Month | Gran::Day),
                    Unit::Day => marked && g == Gran::Day,
                    _ => false,
                };
                if finer(lp.gran) && !self.punct(e, '-') && !self.punct(e, '\'') {
                    let p = match u {
                        Unit::Year => Point::with(lp.y, 1, Gran::Year),
                        Unit::Quarter => Point::with(lp.y, (lp.m - 1) / 3 * 3 + 1, Gran::Quarter),
                        Unit::Month => Point::with(lp.y, lp.m, Gran::Month),
                        _ => lp,
                    };
                    let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                    c.point = Some(p);
                    c.anchor = Anchor::Narrative(idx);
                    return Some(c);
                }
            }
        }
        // "the latest period" in a quarterly report: the quarter being reported, i.e. the
        // latest quarter of the DCT's year named so far.
        if self.kw(i, Kw::The) && self.kw(i + 1, Kw::Latest) && self.word(i + 2, "period") {
            // none named: the latest quarter, as for "the latest quarter"
            let q = self.reported_quarter().or_else(|| Point { gran: Gran::Quarter, ..self.dct? }.shift(-1, Gran::Quarter))?;
            let mut c = Cand::new(i, i + 3, TimexType::Date, q.fmt());
            c.anchor = Anchor::Dct;
            return Some(c);
        }
        // "the 1988 period" in a results report: the period being compared, at the grain of
        // the one just reported (a quarter, or the year to date)
        if self.kw(i, Kw::The) && self.ndigits(i + 1) == 4 && self.word(i + 2, "period") {
            let (y, _) = self.year(i + 1)?;
            let p = match self.last {
                Some((lp, _)) if lp.gran == Gran::Quarter => Point { y, ..self.reported_quarter().unwrap_or(lp) },
                Some((lp, _)) if lp.gran == Gran::Half => Point { y, ..lp },
                _ => Point::with(y, 1, Gran::Year),
            };
            let mut c = Cand::new(i, i + 3, TimexType::Date, p.fmt());
            c.anchor = Anchor::Dct;
            c.comparison = true;
            c.point = Some(p);
            return Some(c);
        }
        // "the quarter a year ago", "the period a year earlier", "the corresponding period
        // last year": the reported quarter one year back, one expression.
        if self.kw(i, Kw::The) {
            let k = if ["same", "comparable", "corresponding", "year-ago"].iter().any(|w| self.word(i + 1, w)) { i + 2 } else { i + 1 };
            if matches!(self.lex(k), Lex::Unit(Unit::Quarter, false)) || self.word(k, "period") {
                let e = if self.kw(k + 1, Kw::A) && self.word(k + 2, "year") && matches!(self.lex(k + 3), Lex::Kw(Kw::Ago | Kw::Earlier)) {
                    k + 4
                } else if self.kw(k + 1, Kw::Last) && self.word(k + 2, "year") && !self.punct(k + 3, '\'') {
                    k + 3
                } else {
                    0
                };
                if e > 0 {
                    let p = self.reported_quarter()?.shift(-1, Gran::Year)?;
                    let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                    c.anchor = Anchor::Dct;
                    c.comparison = true;
                    c.point = Some(p);
                    return Some(c);
                }
            }
        }
        None
    }

    /// The quarter a results report is about: the latest quarter of the DCT's year named so far.
    /// A quarter that has already ended is preferred to one still running or ahead (a
    /// forecast for "the fourth quarter"); fiscal quarters may be named ahead of the calendar.
    pub(super) fn reported_quarter(&self) -> Option<Point> {
        let dy = self.dct.map(|d| d.y);
        let quarters = || {
            self.out.iter().rev().filter_map(|t| {
                let (v, b) = (t.value.as_str(), t.value.as_bytes());
                if !(b.len() == 7 && &b[4..6] == b"-Q" && (b'1'..=b'4').contains(&b[6])) {
                    return None;
                }
                let (y, q) = (v[..4].parse::<i32>().ok()?, (b[6] - b'0') as u32);
                dy.is_none_or(|dy| y == dy).then_some((y, q))
            })
        };
        let ended = |&(_, q): &(i32, u32)| self.dct.is_none_or(|d| q * 3 < d.m);
        // the latest ended one ("third-quarter net ... after a flat second quarter")
        let (y, q) = quarters().filter(ended).max_by_key(|&(_, q)| q).or_else(|| quarters().next())?;
        Some(Point::with(y, (q - 1) * 3 + 1, Gran::Quarter))
    }
}
