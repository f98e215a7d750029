//! Anchoring: turning a day-level reference ([`DayRef`]: a weekday, a month and day, a
//! relative day, a holiday, a season) into a TimeML value against the right anchor —
//! the document creation time or the narrative time (the latest resolved point) — with
//! the tense deciding between the past and the future occurrence of a "Monday" or a
//! "March". Kept in one place so that every family resolves the same way.

use super::*;

/// Month-day dates in a past-marked clause: the future occurrence wins only when this many
/// times nearer than the past one (tuned on TBAQ: 1.5 and 2 are within one case).
const FUTURE_WEIGHT: f64 = 2.0;

impl Tagger<'_> {
    /// The narrative anchor: the latest resolved point, else the DCT.
    pub(super) fn base(&self) -> Option<(Point, Anchor)> {
        match (self.last, self.dct) {
            (Some((p, k)), _) => Some((p, Anchor::Narrative(k))),
            (None, Some(d)) => Some((d, Anchor::Dct)),
            _ => None,
        }
    }

    /// Year for a month(/day) given without one: the occurrence the tense points to, or
    /// without a tense marker the occurrence nearest to the DCT.
    pub(super) fn year_for(&self, m: u32, d: Option<u32>, tn: Option<Tn>, rel: Option<Kw>) -> Option<i32> {
        self.year_for_w(m, d, tn, rel, 1.0)
    }

    /// `w`: how many times nearer a later occurrence must be to win when untensed.
    fn year_for_w(&self, m: u32, d: Option<u32>, tn: Option<Tn>, rel: Option<Kw>, w: f64) -> Option<i32> {
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
                    let cost = |y: i32| {
                        let d = (day(y) - z) as f64;
                        if d > 0.0 { d * w } else { -d }
                    };
                    [dct.y - 1, dct.y, dct.y + 1].into_iter().min_by(|&a, &b| cost(a).total_cmp(&cost(b)))?
                }
            },
        })
    }

    fn resolve_weekday(&self, wd: u32, rel: Option<Kw>, tn: Tn) -> Res {
        let Some(dct) = self.dct else {
            return Res::open(format!("XXXX-WXX-{}", wd));
        };
        // "the previous Friday", "the following Monday": before/after the day the narrative is
        // at (the reference time), not the DCT ("last Friday", "next Monday").
        if let (Some(Kw::Previous | Kw::Following), Some((lp, idx))) = (rel, self.last) {
            if lp.gran == Gran::Day && lp != dct {
                let lw = calendar::weekday(lp.y, lp.m, lp.d) as i64;
                let off = if rel == Some(Kw::Previous) { -((lw - wd as i64).rem_euclid(7)) } else { (wd as i64 - lw).rem_euclid(7) };
                let off = if off == 0 { if rel == Some(Kw::Previous) { -7 } else { 7 } } else { off };
                if let Some(p) = lp.shift(off, Gran::Day) {
                    return Res::rel(p, Anchor::Narrative(idx));
                }
            }
        }
        let dw = calendar::weekday(dct.y, dct.m, dct.d) as i64;
        let back = (dw - wd as i64).rem_euclid(7);
        let fwd = (wd as i64 - dw).rem_euclid(7);
        let off = match rel {
            Some(Kw::Last | Kw::Past | Kw::Previous) => -(if back == 0 { 7 } else { back }),
            Some(Kw::Next) if self.sched() => 7 - (dw - 1) + (wd as i64 - 1),
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

    /// Whether no sentence ends between byte offset `from` and token `s`.
    pub(super) fn same_sentence(&self, from: usize, s: usize) -> bool {
        let mut k = s;
        while k > 0 && self.t[k - 1].s >= from {
            k -= 1;
            let decimal = k > 0 && self.adj(k - 1) && self.adj(k) && self.t[k - 1].kind == Kind::Num && self.t[k + 1].kind == Kind::Num;
            if self.punct(k, '.') && !decimal || self.punct(k, '!') || self.punct(k, '?') || self.punct(k, ';') {
                return false;
            }
        }
        true
    }

    /// The month or day (year, month, day) of the latest timex when it is in the sentence of
    /// token `s` and has a year.
    fn sentence_month(&self, s: usize) -> Option<(i32, u32, u32)> {
        let prev = self.out.last()?;
        let mut k = s;
        while k > 0 && self.t[k - 1].s >= prev.end {
            k -= 1;
            let decimal = k > 0 && self.adj(k - 1) && self.adj(k) && self.t[k - 1].kind == Kind::Num && self.t[k + 1].kind == Kind::Num;
            if self.punct(k, '.') && !decimal || self.punct(k, '!') || self.punct(k, '?') || self.punct(k, ';') {
                return None;
            }
        }
        let v = prev.value.as_bytes();
        if !(v.len() == 7 || v.len() == 10) || !v[..4].iter().all(u8::is_ascii_digit) || v[4] != b'-' || !v[5..7].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y: i32 = prev.value[..4].parse().ok()?;
        let m: u32 = prev.value[5..7].parse().ok()?;
        let d: u32 = if v.len() == 10 { prev.value[8..10].parse().ok()? } else { 15 };
        Some((y, m, d)).filter(|_| (1..=12).contains(&m))
    }

    pub(super) fn resolve_day(&self, dr: DayRef, rel: Option<Kw>, s: usize, e: usize) -> Option<Res> {
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
                    // "the year ended March 31", "since Oct. 23": the past one
                    let ended = s > 0 && (self.word(s - 1, "ended") || self.word(s - 1, "since"));
                    // "by August", "until mid-November", "through January": a deadline ahead
                    let until = d.is_none() && s > 0 && ["by", "until", "till", "through"].iter().any(|w| self.word(s - 1, w));
                    let marked = self.marked_tense(s, e);
                    // A deadline's month is the next one whatever the clause's tense ("gave
                    // Merieux until mid-November", "extended loans through January"), unless
                    // the past one is much nearer ("sales this year through August").
                    let tn = if ended {
                        Some(Tn::Past)
                    } else if until && self.opts.default_tense == Tense::Past {
                        None
                    } else if until && marked != Some(Tn::Past) {
                        Some(Tn::Future)
                    } else {
                        marked.filter(|&t| t == Tn::Future || d.is_none() && t == Tn::Past)
                    };
                    let tn = tn.or(match self.opts.default_tense {
                        Tense::Future => Some(Tn::Future),
                        Tense::Past => None,
                    });
                    // A past marker the date rule does not trust ("was last seen Nov. 3")
                    // still leans to the past: the later date must be clearly nearer.
                    let w = if until { 0.5 } else if marked == Some(Tn::Past) { FUTURE_WEIGHT } else { 1.0 };
                    // Untensed, after a month or date of the same sentence ("rising to $42 in
                    // June from $29 in March", "from December to March"): the occurrence nearest
                    // that one, not the DCT
                    let year = match (tn, rel, self.sentence_month(s)) {
                        (None, None, Some((py, pm, pd))) => {
                            let z = calendar::days_from_civil(py, pm, pd);
                            [py - 1, py, py + 1].into_iter().filter(|&y| d.is_none_or(|d| calendar::valid_date(y, m, d))).min_by_key(|&y| (calendar::days_from_civil(y, m, d.unwrap_or(15)) - z).abs())
                        }
                        _ => self.year_for_w(m, d, tn, rel, w),
                    };
                    match year {
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
}
