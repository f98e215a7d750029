//! Relative expressions and narrative anchors: "last week", "this month", "the next day",
//! "two days later", "four months ago", "a year earlier", "the year-earlier period",
//! "the 1990s", and the references to the present, past and future ("now", "recently",
//! "the future"). A unit moved from the DCT ("last week") or from the latest resolved
//! point ("the next day") becomes, in turn, the narrative anchor for what follows.

use super::*;

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

impl Tagger<'_> {
    /// Relative calendar units: "last week", "this month", "the next day", "two days later",
    /// "four months ago", "a year earlier", "the year-earlier period", "the 1990s".
    // Not split (232 lines): the families share the fuzzy prefix and the optional "the"
    // read at the top and are tried in order, and a `?` inside one (a unit without a
    // granularity, a shift off the calendar) ends the whole search instead of falling
    // through; an `or_else` chain of smaller functions would change which reading wins.
    pub(super) fn p_relative(&self, i: usize) -> Option<Cand> {
        let (modi, j0) = self.fuzzy(i);
        // "the beginning of around next week" (scheduling text)
        let j0 = if modi.is_some() && self.sched() && self.word(j0, "around") { j0 + 1 } else { j0 };
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
                // "the following year" is the calendar year after the one in the story, not
                // the same day a year on (that is "a year later")
                return self.narrative_cand_g(i, e, n, g, modi, false);
            }
            if the && matches!(r, Kw::Past | Kw::Last | Kw::Coming | Kw::Next | Kw::Upcoming) && !(self.punct(e, '\'')) {
                return Some(self.dur_cand(i, e, Qty::N(1), u));
            }
            let n = match r {
                Kw::Last | Kw::Past | Kw::Previous => -1,
                Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => 1,
                _ => 0,
            };
            // "net of $24 million, compared with a loss of $3 million last year": in a
            // comparison with a quarter just reported, the same quarter a year before (as
            // "a year ago" is read)
            if g == Gran::Year && r == Kw::Last && !the && !self.punct(e, '\'') && self.comparing(i) {
                if let (Some((lp, _)), Some(d)) = (self.last, self.dct) {
                    if matches!(lp.gran, Gran::Quarter | Gran::Half) && lp.y == d.y {
                        let p = lp.shift(-1, Gran::Year)?;
                        let mut c = Cand::new(i, e, TimexType::Date, p.fmt());
                        c.anchor = Anchor::Dct;
                        c.comparison = true;
                        return Some(c);
                    }
                }
            }
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
                                        let lp = if lp.gran == Gran::Quarter { self.reported_quarter().unwrap_or(lp) } else { lp };
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
            // "the year-ago third quarter": that quarter a year before the report's
            let ord_q = match self.lex(e) {
                Lex::Ord(n) if (1..=4).contains(&n) && matches!(self.lex(e + 1), Lex::Unit(Unit::Quarter, false)) => Some(n),
                _ => None,
            };
            if let (Some(n), Some(d)) = (ord_q, self.dct) {
                let y = match self.last {
                    Some((lp, _)) if lp.y < d.y => lp.y,
                    _ => d.y - 1,
                };
                let p = Point::with(y, (n - 1) * 3 + 1, Gran::Quarter);
                let mut c = Cand::new(if the { i } else { start }, e + 2, TimexType::Date, p.fmt());
                c.anchor = Anchor::Dct;
                c.comparison = true;
                return Some(c);
            }
            // "the year-earlier nine months": a period of that length
            if let Some((q @ Qty::N(_), e2)) = self.qty(e) {
                if let Some((u, true, e3)) = self.unit(e2) {
                    if self.kw(e, Kw::A) {
                        return None;
                    }
                    return Some(self.dur_cand(if the { i } else { start }, e3, q, u));
                }
            }
            if let Some((u, false, e2)) = self.unit(e) {
                g = unit_gran(u);
                e = e2;
            } else if self.word(e, "period") {
                e += 1;
            } else if the {
                return None;
            }
            let (p, anchor) = match (self.last, self.dct) {
                // a forecast just mentioned ("the first two quarters of 1990") or another
                // quarter of the year ("after a flat second quarter") is not the period being
                // compared: the reported quarter is
                (Some((lp, _)), Some(d)) if (lp.y > d.y || lp.y == d.y && lp.gran == Gran::Quarter) && self.reported_quarter().is_some() => (self.reported_quarter()?, Anchor::Dct),
                (Some((lp, idx)), _) => (lp, Anchor::Narrative(idx)),
                (None, Some(d)) => (Point { gran: g.unwrap_or(Gran::Year), ..d }, Anchor::Dct),
                _ => return None,
            };
            let mut p = p.shift(-1, Gran::Year)?;
            if let (Some(d), Some((lp, _))) = (self.dct, self.last) {
                // the comparison period is the year before the report's: a point already in
                // the year before the DCT's ("in the 1988 period. The year-ago results") is it
                if lp.y == d.y - 1 {
                    p = lp;
                }
            }
            // "the year-ago quarter" after "the quarter ended Sept. 30": that quarter's grain
            p = match g {
                Some(Gran::Quarter) if matches!(p.gran, Gran::Month | Gran::Day) => Point::with(p.y, (p.m - 1) / 3 * 3 + 1, Gran::Quarter),
                Some(Gran::Month) if p.gran == Gran::Day => Point::with(p.y, p.m, Gran::Month),
                Some(Gran::Year) if p.gran != Gran::Year => Point::with(p.y, 1, Gran::Year),
                _ => p,
            };
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
        // "the 20th century", and attributive "an 11th century temple", "a 20th-century democrat"
        if let Some((n, e)) = self.day_num(dk).filter(|&(_, e)| the || self.ndigits(dk) > 0 && (self.word(e, "century") || self.punct(e, '-') && self.adj(e - 1) && self.word(e + 1, "century") && !self.adj(e + 1))) {
            let e = if self.punct(e, '-') && self.word(e + 1, "century") { e + 1 } else { e };
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

    pub(super) fn dct_shift_cand(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>) -> Option<Cand> {
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
        self.narrative_cand_g(s, e, n, g, modi, true)
    }

    /// `keep_fine`: "a year earlier" keeps the anchor's finer grain (the same quarter or day a
    /// year before); "the following year" does not.
    fn narrative_cand_g(&self, s: usize, e: usize, n: i64, g: Gran, modi: Option<&'static str>, keep_fine: bool) -> Option<Cand> {
        let mut c = match self.base() {
            Some((bp, anchor)) => {
                let finer = |a: Gran| matches!(a, Gran::Day | Gran::Month | Gran::Quarter | Gran::Half);
                let gran = if g == Gran::Year && keep_fine && finer(bp.gran) { bp.gran } else { g };
                let p = Point { gran, ..bp }.shift(n, if g == Gran::Weekend { Gran::Week } else { g })?;
                let mut c = Cand::new(s, e, TimexType::Date, p.fmt());
                c.point = Some(p);
                c.anchor = anchor;
                // "a year earlier ... a year earlier": both compare with the same period
                c.comparison = g == Gran::Year && matches!(anchor, Anchor::Narrative(_));
                c
            }
            None => Cand::new(s, e, TimexType::Date, Self::open_value(g, n)),
        };
        c.modifier = modi;
        Some(c)
    }

    /// References to the present, past and future: "now", "currently", "recently",
    /// "the past", "soon", "the future", "these days".
    pub(super) fn p_ref(&self, i: usize) -> Option<Cand> {
        let (v, e) = match self.lex(i) {
            // "Now, he says, ...", "Now for the quiz": a sentence-opening discourse marker
            Lex::Kw(Kw::Now) if self.cap(i) && (self.punct(i + 1, ',') || self.word(i + 1, "for")) && (i == 0 || self.is_punct(i - 1)) => return None,
            Lex::Kw(Kw::Now) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Right) if self.kw(i + 1, Kw::Now) => ("PRESENT_REF", i + 2),
            Lex::Kw(Kw::Currently | Kw::Nowadays) => ("PRESENT_REF", i + 1),
            // "the then current market price": current at that past time
            Lex::Kw(Kw::Current) if i > 0 && self.word(i - 1, "then") => {
                return Some(Cand::new(i - 1, i + 1, TimexType::Date, "PAST_REF".into()));
            }
            Lex::Kw(Kw::Current) if !self.word(i + 1, "account") && !self.word(i + 1, "accounts") && !self.word(i + 1, "affairs") => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::These) if self.word(i + 1, "days") => ("PRESENT_REF", i + 2),
            Lex::Kw(Kw::Present) if i > 0 && self.kw(i - 1, Kw::At) => ("PRESENT_REF", i + 1),
            Lex::Kw(Kw::Recently) => ("PAST_REF", i + 1),
            // "at a later date": some time ahead; "at an earlier date": some time before
            Lex::Kw(Kw::A) if self.kw(i + 1, Kw::Later) && self.word(i + 2, "date") => ("FUTURE_REF", i + 3),
            Lex::Kw(Kw::A) if self.kw(i + 1, Kw::Earlier) && self.word(i + 2, "date") => ("PAST_REF", i + 3),
            // "recent years": TimeBank mostly annotates an unspecified duration (PXY)
            Lex::Kw(Kw::Recent) => match self.unit(i + 1) {
                Some((u, true, e)) if !matches!(u, Unit::Weekend | Unit::Night) => {
                    return Some(Cand::new(i, e, TimexType::Duration, duration_value(Qty::X, u)));
                }
                Some((_, true, e)) => ("PAST_REF", e),
                _ => return None,
            },
            Lex::Kw(Kw::The) => {
                let k = if self.kw(i + 1, Kw::Near) { i + 2 } else { i + 1 };
                if self.kw(k, Kw::Future) {
                    ("FUTURE_REF", k + 1)
                } else if self.kw(k, Kw::Past) && k == i + 1 && (self.is_punct(k + 1) || matches!(self.lex(k + 1), Lex::Kw(Kw::And | Kw::Of | Kw::Since | Kw::Before | Kw::After | Kw::At | Kw::In | Kw::To)) || self.word(k + 1, "but") || self.word(k + 1, "when") || self.word(k + 1, "is") || self.word(k + 1, "was")
                    // "in the past it considered ...": no length follows, so the past itself
                    || i > 0 && self.kw(i - 1, Kw::In) && self.qty(k + 1).is_none() && self.unit(k + 1).is_none() && !matches!(self.lex(k + 1), Lex::Kw(Kw::Few | Kw::Several | Kw::Many | Kw::Couple) | Lex::Ord(_) | Lex::Card(_))) {
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
