//! Clock times and parts of the day: "10:30", "10 a.m.", "3pm", "15h30", "noon",
//! "ten thirty", "a quarter past 3pm", hour ranges ("3-4pm", "from 9 to 11 am"), a bare
//! hour before a day word ("8 tonight"), and the TIME candidate a day and a clock time
//! make together. Times rarely stand alone in news, so the date families call these
//! parsers after a day; the next-occurrence rule for a time without a day applies to
//! scheduling text only.

use super::*;

impl Tagger<'_> {
    /// Number token i is the hour of "10:30".
    pub(super) fn clock_colon(&self, i: usize) -> bool {
        self.punct(i + 1, ':') && self.adj(i) && self.adj(i + 1) && self.ndigits(i + 2) == 2
    }

    /// Clock time: "10:30", "10 a.m.", "3pm", "15h30", "noon", "10 o'clock" with an optional
    /// time zone and "in the morning".
    pub(super) fn time(&self, i: usize) -> Option<(Tod, usize)> {
        if let Some(r) = self.time_words(i) {
            return Some(r);
        }
        self.time_plain(i)
    }

    fn time_plain(&self, i: usize) -> Option<(Tod, usize)> {
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
        if !ok && da <= 2 && (1..=12).contains(&h) && self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
            // "3 in the morning", "8 in the evening", "3 in the AM"
            if matches!(self.lex(j + 2), Lex::Pod(_)) {
                ok = true;
            } else if let Some((pm, k)) = self.ampm(j + 2) {
                if pm && h < 12 {
                    h += 12;
                }
                if !pm && h == 12 {
                    h = 0;
                }
                return Some((Tod::Hm(h, m, s), k));
            }
        }
        if !ok && (da == 3 || da == 4) && self.sched() && !self.adj(i) && i > 0 && (self.kw(i - 1, Kw::At) || self.word(i - 1, "around") || self.word(i - 1, "approximately") || self.kw(i - 1, Kw::Tonight)) {
            // "at 1030", "tonight 815" in scheduling text
            ok = true;
            if i > 0 && self.kw(i - 1, Kw::Tonight) && h < 12 {
                h += 12;
            }
        }
        if !ok || (da == 3 || da == 4) && j == i + 1 && !(self.sched() && !self.adj(i) && i > 0 && (self.kw(i - 1, Kw::At) || self.word(i - 1, "around") || self.word(i - 1, "approximately") || self.kw(i - 1, Kw::Tonight))) {
            return None;
        }
        // "3 in the morning / afternoon / evening" ("in afternoon" in scheduling text)
        if self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
            if let Lex::Pod(p) = self.lex(j + 2) {
                if p != "MO" && h < 12 {
                    h += 12;
                }
                j += 3;
            }
        } else if self.kw(j, Kw::In) && self.sched() {
            if let Lex::Pod(p) = self.lex(j + 1) {
                if p != "MO" && h < 12 {
                    h += 12;
                }
                j += 2;
            }
        }
        // Time zone abbreviations are part of the expression ("4pm CET", "9 am (BST)"); with
        // a known DCT offset the time is converted to the DCT's zone.
        const TZ: &[(&str, i32)] = &[
            ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300), ("MST", -420), ("MDT", -360), ("PST", -480), ("PDT", -420),
            ("GMT", 0), ("UTC", 0), ("BST", 60), ("CET", 60), ("CEST", 120), ("ET", -300), ("PT", -480), ("IST", 330),
        ];
        let paren = self.punct(j, '(') && self.punct(j + 2, ')');
        let k = if paren { j + 1 } else { j };
        let zone = self.t.get(k).filter(|t| t.kind == Kind::Word).and_then(|_| TZ.iter().find(|z| z.0.eq_ignore_ascii_case(self.txt(k))));
        // lower-case "ist"/"et"/"pt" are words; only accept them capitalized or in scheduling text
        if let Some(&(_, off)) = zone.filter(|z| self.cap(k) || self.sched() && z.0.len() == 3) {
            if !paren || self.opts.utc_offset_min.is_some() {
                j = if paren { k + 2 } else { k + 1 };
                if let Some(dct_off) = self.opts.utc_offset_min {
                    let t = (h * 60 + m) as i32 - off + dct_off;
                    if (0..24 * 60).contains(&t) {
                        (h, m) = (t as u32 / 60, t as u32 % 60);
                    }
                }
            }
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
        if w.len() == 1 && self.word(j + 1, "m") && !self.adj(j) && j > 0 && matches!(self.lex(j - 1), Lex::Card(_)) || self.t.get(j - 1).is_some_and(|t| t.kind == Kind::Num) && w.len() == 1 && self.word(j + 1, "m") {
            // "nine fifty nine a m"
            return Some((pm, j + 2));
        }
        if self.punct(j + 1, '.') && self.adj(j) && self.word(j + 2, "m") && self.adj(j + 1) {
            let k = if self.punct(j + 3, '.') && self.adj(j + 2) { j + 4 } else { j + 3 };
            return Some((pm, k));
        }
        // "3p", "3:18a": only when glued to the number ("4a" is more often a label)
        let k = if self.punct(j + 1, '.') && self.adj(j) && (j + 2 >= self.n() || !self.adj(j + 1)) { j + 2 } else { j + 1 };
        (j > 0 && self.adj(j - 1) && self.t[j - 1].kind == Kind::Num && (pm || j >= 3 && self.punct(j - 2, ':'))).then_some((pm, k))
    }

    /// "[,] [at|@] TIME" after a day.
    pub(super) fn at_time(&self, e: usize) -> Option<(Tod, usize)> {
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

    pub(super) fn time_cand(&self, s: usize, e: usize, res: Res, tod: Tod, modi: Option<&'static str>) -> Cand {
        let mut c = Cand::new(s, e, TimexType::Time, format!("{}{}", res.value, tod.suffix()));
        c.anchor = res.anchor;
        c.point = res.point;
        c.modifier = modi;
        c
    }

    /// A bare hour before a day word: "8 tonight", "eight this evening", "9 tomorrow
    /// morning", "at 5 tomorrow afternoon".
    pub(super) fn p_hour_day(&self, i: usize) -> Option<Cand> {
        let (h, k) = match self.num(i) {
            Some(h) if (1..=12).contains(&h) && self.ndigits(i) <= 2 && !self.in_figure(i) && !self.adj(i) => (h, i + 1),
            _ => self.hour_word(i)?,
        };
        let (off, pod, e) = match self.lex(k) {
            Lex::Kw(Kw::Tonight) => (0, Some("NI"), k + 1),
            Lex::Kw(Kw::This) => match self.lex(k + 1) {
                Lex::Pod(p) => (0, Some(p), k + 2),
                _ => return None,
            },
            Lex::Kw(Kw::Tomorrow | Kw::Today) => {
                let off = if self.kw(k, Kw::Tomorrow) { 1 } else { 0 };
                match self.lex(k + 1) {
                    Lex::Pod(p) => (off, Some(p), k + 2),
                    _ => (off, None, k + 1),
                }
            }
            _ => return None,
        };
        // without a part of day only in scheduling text ("9 tomorrow")
        if pod.is_none() && !self.sched() {
            return None;
        }
        let h = match pod {
            Some(p) if p != "MO" && h < 12 => h + 12,
            _ => h,
        };
        let res = self.resolve_day(DayRef::Rel(off), None, i, e)?;
        Some(self.time_cand(i, e, res, Tod::Hm(h, 0, None), None))
    }

    /// "3-4pm", "8am - 1pm", "from 9 to 11 am", "between 9 and 11 in the morning": an
    /// hour range; the second time's am/pm carries over to the first.
    pub(super) fn p_hour_range(&self, i: usize) -> Option<Cand> {
        let between = self.kw(i, Kw::Between);
        let k = if between || self.kw(i, Kw::From) { i + 1 } else { i };
        let (t1, j) = match self.time(k) {
            Some((Tod::Hm(h, m, None), j)) => ((h, m, true), j),
            Some(_) => return None,
            None => {
                let h = self.num(k).filter(|&h| (1..=12).contains(&h) && self.ndigits(k) <= 2 && !self.in_figure(k))
                    .or_else(|| self.hour_word(k).map(|x| x.0))?;
                ((h, 0, false), k + 1)
            }
        };
        let j2 = if between {
            if !self.kw(j, Kw::And) {
                return None;
            }
            j + 1
        } else if self.punct(j, '-') || self.punct(j, '–') || matches!(self.lex(j), Lex::Kw(Kw::To | Kw::Until)) || self.word(j, "untill") {
            j + 1
        } else {
            return None;
        };
        let (Tod::Hm(h2, m2, None), e) = self.time(j2).or_else(|| {
            // "from 3 to 4 in the PM", "between 9 and 11": a bare second hour
            let h = self.num(j2).filter(|&h| (1..=12).contains(&h) && self.ndigits(j2) <= 2)?;
            (!t1.2 || self.sched() && (between || self.kw(i, Kw::From))).then_some((Tod::Hm(h, 0, None), j2 + 1))
        })? else { return None };
        let (mut e, mut h2) = (e, h2);
        if self.kw(e, Kw::In) && self.kw(e + 1, Kw::The) && (self.word(e + 2, "pm") || self.word(e + 2, "am")) {
            if self.word(e + 2, "pm") && h2 < 12 {
                h2 += 12;
            }
            e += 3;
        }
        // both bare numbers is a score or a figure, not a time
        let second_marked = !(j2..e).all(|x| self.t[x].kind == Kind::Num);
        if !t1.2 && !second_marked && !self.sched() {
            return None;
        }
        if !t1.2 && !second_marked && !(between || self.kw(i, Kw::From)) {
            return None;
        }
        let (mut h1, m1) = (t1.0, t1.1);
        if !t1.2 || (h1 <= 12 && !(k..j).any(|x| matches!(self.lex(x), Lex::Kw(Kw::Am | Kw::Pm)) || self.word(x, "a") || self.word(x, "p"))) {
            // carry am/pm: the latest reading of h1 that is not after h2
            if h2 >= 12 && h1 < 12 && h1 + 12 <= h2 {
                h1 += 12;
            }
        }
        if (h1, m1) >= (h2, m2) && !(h2 < h1 && h1 <= 12) {
            return None;
        }
        // an optional day: "on Thursday", "tomorrow"
        let mut k2 = if self.punct(e, ',') { e + 1 } else { e };
        if self.kw(k2, Kw::On) {
            k2 += 1;
        }
        let (res, e) = match self.dayref(k2, None) {
            Some((dr @ (DayRef::Spec(Spec { m: None, y: None, .. }) | DayRef::Rel(_)), e2)) => (self.resolve_day(dr, None, k, e2)?, e2),
            _ => (
                match self.dct {
                    Some(d) => Res::rel(d, Anchor::Dct),
                    None => Res::open("XXXX-XX-XX".into()),
                },
                e,
            ),
        };
        let (h2, m2) = if h2 < h1 { (h2 + 12, m2) } else { (h2, m2) };
        let start = if self.kw(i, Kw::From) || between { i + 1 } else { i };
        let mut c = self.time_cand(start, e, Res { value: res.value.clone(), point: res.point, anchor: res.anchor }, Tod::Hm(h1, m1, None), None);
        c.range_end = Some(format!("{}{}", res.value, Tod::Hm(h2.min(24), m2, None).suffix()));
        Some(c)
    }

    /// Scheduling text: a clock time without a day is its next occurrence after the DCT;
    /// without am/pm, "3:30" at 04:30 is 15:30.
    pub(super) fn next_occurrence(&self, res: Res, tod: Tod, j: usize, k: usize) -> (Res, Tod) {
        let (Some((nh, nm)), Some(d), Tod::Hm(h, m, sec)) = (self.dct_tm, self.dct, tod) else { return (res, tod) };
        if !self.sched() || self.last.is_some() || res.anchor != Anchor::Dct {
            return (res, tod);
        }
        let marked = (j..k).any(|x| matches!(self.lex(x), Lex::Kw(Kw::Am | Kw::Pm | Kw::Noon | Kw::Midnight | Kw::Midday | Kw::In) | Lex::Pod(_)) || self.word(x, "a") || self.word(x, "p") || self.word(x, "h"))
            || self.ndigits(j) == 2 && self.txt(j).starts_with('0');
        let now = nh * 60 + nm;
        let cands: Vec<u32> = if !marked && (1..=12).contains(&h) { vec![h % 12, h % 12 + 12] } else { vec![h] };
        let pick = cands.iter().copied().find(|&c| c * 60 + m >= now);
        let (h2, shift) = match pick {
            Some(c) => (c, 0),
            None => (cands[0], 1),
        };
        let Some(p) = d.shift(shift, Gran::Day) else { return (res, tod) };
        (Res::rel(p, Anchor::Dct), Tod::Hm(h2, m, sec))
    }

    /// Hour as a word: "three", "twelve".
    fn hour_word(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Card(n) if (1..=12).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// Minutes spelled out after an hour: "thirty", "fifty nine", "twenty-five", "oh three".
    fn minute_words(&self, i: usize) -> Option<(u32, usize)> {
        let i = if self.punct(i, '-') && i > 0 && self.adj(i - 1) { i + 1 } else { i };
        if self.word(i, "oh") || self.word(i, "o") || self.word(i, "ou") || self.word(i, "zero") {
            let k = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
            return match self.lex(k) {
                Lex::Card(u) if (1..=9).contains(&u) => Some((u, k + 1)),
                _ => None,
            };
        }
        match self.lex(i) {
            Lex::Card(t @ (20 | 30 | 40 | 50)) => {
                let k = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
                match self.lex(k) {
                    Lex::Card(u) if (1..=9).contains(&u) => Some((t + u, k + 1)),
                    _ => Some((t, i + 1)),
                }
            }
            Lex::Card(n) if (10..=19).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// am/pm applied to an hour of the 12-hour clock.
    fn apply_ampm(h: u32, pm: bool) -> Option<u32> {
        if h == 0 || h > 12 {
            return None;
        }
        Some(if pm && h < 12 { h + 12 } else if !pm && h == 12 { 0 } else { h })
    }

    /// Clock times in words and clock arithmetic: "ten thirty", "three am", "twelve oh
    /// three", "a quarter past 3pm", "20 minutes past noon", "a quarter to noon", "half
    /// past three", "half three" (scheduling text only).
    fn time_words(&self, i: usize) -> Option<(Tod, usize)> {
        let at = i > 0 && self.kw(i - 1, Kw::At);
        // "(a) quarter / half / N (minutes) past|after|to|till HOUR"
        let (mins, strong, k) = if self.kw(i, Kw::A) && self.word(i + 1, "quarter") {
            (15, true, i + 2)
        } else if self.word(i, "quarter") {
            (15, true, i + 1)
        } else if self.kw(i, Kw::Half) {
            (30, true, i + 1)
        } else if let Some(n) = self.num(i).filter(|&n| (1..=59).contains(&n) && self.ndigits(i) <= 2 && !self.in_figure(i)) {
            let mw = matches!(self.lex(i + 1), Lex::Unit(Unit::Minute, _));
            (n, mw, i + 1 + mw as usize)
        } else if let Some((n, e)) = self.minute_words(i).or_else(|| match self.lex(i) {
            Lex::Card(n) if (1..=9).contains(&n) => Some((n, i + 1)),
            _ => None,
        }) {
            let mw = matches!(self.lex(e), Lex::Unit(Unit::Minute, _));
            (n, mw, e + mw as usize)
        } else {
            (0, false, usize::MAX)
        };
        if k != usize::MAX {
            let dir = if self.word(k, "past") || self.kw(k, Kw::After) {
                Some(1)
            } else if self.kw(k, Kw::To) || self.kw(k, Kw::Until) || self.kw(k, Kw::Before) {
                Some(-1)
            } else {
                None
            };
            if let Some(dir) = dir {
                let hour = self.time_plain(k + 1).map(|(t, e)| (t, e, true)).or_else(|| {
                    let (h, e) = self.hour_word(k + 1).or_else(|| self.num(k + 1).filter(|&h| (1..=12).contains(&h) && self.ndigits(k + 1) <= 2).map(|h| (h, k + 2)))?;
                    Some((Tod::Hm(h, 0, None), e, false))
                });
                if let Some((Tod::Hm(h, 0, None), e, strong_h)) = hour {
                    if (strong || strong_h || self.sched()) && !(dir < 0 && !strong && !matches!(self.lex(k + 1), Lex::Kw(Kw::Noon | Kw::Midnight | Kw::Midday))) {
                        let base = h as i64 * 60 + dir * mins as i64;
                        let base = base.rem_euclid(24 * 60) as u32;
                        let (mut hh, mm) = (base / 60, base % 60);
                        let mut e = e;
                        if !strong_h {
                            if let Some((pm, e2)) = self.ampm(e) {
                                hh = Self::apply_ampm(hh.max(1), pm)?;
                                e = e2;
                            }
                        }
                        if h == 24 && hh == 0 {
                            hh = 0;
                        }
                        return Some((Tod::Hm(hh, mm, None), e));
                    }
                }
            }
        }
        // "at 3 15", "at 12 15": hour and minutes with a space, scheduling text only
        if at && self.sched() {
            if let (Some(h), Some(m)) = (self.num(i).filter(|&h| (1..=12).contains(&h) && self.ndigits(i) <= 2), self.num(i + 1).filter(|&m| m <= 59 && self.ndigits(i + 1) == 2)) {
                if !self.adj(i) && (i + 2 >= self.n() || self.is_punct(i + 2)) {
                    return Some((Tod::Hm(h, m, None), i + 2));
                }
            }
        }
        // "half three" (British), scheduling text only
        if self.kw(i, Kw::Half) && self.sched() {
            if let Some((h, e)) = self.hour_word(i + 1).or_else(|| self.num(i + 1).filter(|&h| (1..=12).contains(&h) && self.ndigits(i + 1) <= 2).map(|h| (h, i + 2))) {
                if self.is_punct(e) || e >= self.n() {
                    return Some((Tod::Hm(h, 30, None), e));
                }
            }
        }
        // "ten thirty", "three am", "twelve oh three", "nine fifty nine a m", "eight o'clock"
        let (h, e) = self.hour_word(i)?;
        if self.kw(e, Kw::Oclock) {
            let (h, e2) = match self.ampm(e + 1) {
                Some((pm, e2)) => (Self::apply_ampm(h, pm)?, e2),
                None => (h, e + 1),
            };
            return Some((Tod::Hm(h, 0, None), e2));
        }
        let (m, e2) = match self.minute_words(e) {
            Some((m, e2)) if !(self.punct(e, '-') && !self.adj(e)) => (Some(m), e2),
            _ => (None, e),
        };
        if let Some((pm, e3)) = self.ampm(e2) {
            return Some((Tod::Hm(Self::apply_ampm(h, pm)?, m.unwrap_or(0), None), e3));
        }
        let m = m?;
        // without am/pm only where a clock is expected
        let oh_form = !matches!(self.lex(e), Lex::Card(_));
        if !(at || self.sched() && (h >= 10 || oh_form)) || self.unit(e2).is_some() {
            return None;
        }
        Some((Tod::Hm(h, m, None), e2))
    }
}
