//! Durations and the quantities they count: "three years", "the past two months",
//! "half an hour", "several years", "40-month war", "three-year-old", and their ISO 8601
//! values (P3Y, PT30M, P2Y6M). The quantity and unit parsers (`qty`, `unit`) are shared
//! with the relative and scheduling families, which count the same way.

use super::*;

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
pub(super) fn duration_value(q: Qty, u: Unit) -> String {
    let (time, letter, mul) = unit_letter(u);
    let t = if time { "T" } else { "" };
    match q {
        Qty::X => format!("P{}X{}", t, letter),
        Qty::N(n) => format!("P{}{}{}", t, n as u64 * mul as u64, letter),
        // "2 1/2 years", "five and a half hours": the whole units and the half in the next
        // unit down, as ISO 8601 writes them and TimeBank annotates (P2Y6M, PT5H30M)
        Qty::Half(n) if n > 0 && matches!(u, Unit::Year | Unit::Day | Unit::Hour | Unit::Minute) => match u {
            Unit::Year => format!("P{}Y6M", n),
            Unit::Day => format!("P{}DT12H", n),
            Unit::Hour => format!("PT{}H30M", n),
            _ => format!("PT{}M30S", n),
        },
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

impl Tagger<'_> {
    /// Cardinal quantity: digits, number words ("twenty-four"), "a", "a few", "several".
    pub(super) fn qty(&self, i: usize) -> Option<(Qty, usize)> {
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
                    } else if self.kw(i + 1, Kw::Hundred) {
                        // "for almost a hundred years"
                        (Qty::N(100), i + 2)
                    } else {
                        (Qty::N(1), i + 1)
                    }
                }
                Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => (Qty::X, i + 1),
                Lex::Kw(Kw::Dozen) => (Qty::N(12), i + 1),
                // "over the next couple of years"
                Lex::Kw(Kw::Couple) if self.word(i, "couple") && self.kw(i + 1, Kw::Of) => (Qty::N(2), i + 2),
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

    pub(super) fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        match self.lex(i) {
            // "week-end"
            Lex::Unit(Unit::Week, false) if self.punct(i + 1, '-') && self.adj(i) && self.adj(i + 1) && self.kw(i + 2, Kw::End) => Some((Unit::Weekend, false, i + 3)),
            Lex::Unit(u, pl) => Some((u, pl, i + 1)),
            Lex::Ord(2) if self.word(i, "second") && !matches!(self.lex(i + 1), Lex::Unit(..) | Lex::Kw(Kw::Half)) => Some((Unit::Second, false, i + 1)),
            _ => None,
        }
    }

    pub(super) fn dur_cand(&self, s: usize, e: usize, q: Qty, u: Unit) -> Cand {
        Cand::new(s, e, TimexType::Duration, duration_value(q, u))
    }

    /// Durations: "three years", "the past two months", "the first nine months", "a week",
    /// "40-month war", "three-year-old", "half an hour", "several years", "for years".
    pub(super) fn p_duration(&self, i: usize) -> Option<Cand> {
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
                // "a day-long meeting", "the decades-long battle": how long it lasts
                if !the && !lead && self.punct(e, '-') && self.adj(e - 1) && self.adj(e) && self.kw(e + 1, Kw::Long) && !matches!(u, Unit::Weekend | Unit::Night) {
                    return Some(self.dur_cand(k, e + 2, if pl { Qty::X } else { Qty::N(1) }, u));
                }
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
        // "a year-earlier loss", "a year-ago quarter": the comparison adjective, not a year
        if self.kw(k, Kw::A) && e == k + 1 && self.word(e, "year") && self.punct(e + 1, '-') && self.adj(e) && matches!(self.lex(e + 2), Lex::Kw(Kw::Earlier | Kw::Ago)) {
            return None;
        }
        if the && !lead && self.kw(k, Kw::A) {
            return None;
        }
        let hyph = self.punct(e, '-') && self.adj(e - 1);
        let k2 = if hyph { e + 1 } else { e };
        // "20 more years", "an additional year", "eight trading days": the length counted
        let k2 = if !hyph
            && (self.word(k2, "more") && !self.kw(k, Kw::A) || ["additional", "extra", "further"].iter().any(|w| self.word(k2, w)) || ["trading", "business", "working"].iter().any(|w| self.word(k2, w)) && matches!(self.lex(k2 + 1), Lex::Unit(Unit::Day, _)))
            && matches!(self.lex(k2 + 1), Lex::Unit(..))
        {
            k2 + 1
        } else {
            k2
        };
        let (u, plural, mut end) = self.unit(k2)?;
        // "Islam will one day be ...", "he may one day return": some time in the future
        const MODAL: &[&str] = &["will", "would", "could", "may", "might", "can", "should", "shall", "ll", "he", "she", "they", "we", "i", "you"];
        if u == Unit::Day && !plural && !hyph && !the && !lead && self.word(k, "one") && k > 0 && MODAL.iter().any(|m| self.word(k - 1, m)) {
            return Some(Cand::new(k, end, TimexType::Date, "FUTURE_REF".into()));
        }
        if self.ndigits(k) == 4 && !hyph && !plural {
            return None;
        }
        // Ages ("Mr. Reupke, 52 years old,", "a 44-year-old protester", "the 50-year-old
        // alliance") are attributes, not time expressions: TimeBank/AQUAINT leave all 36 of them
        // untagged. The age of an ongoing event ("the three-year-old conflict", "a two-year-old
        // strike") is how long it has lasted, which dates the story: a duration, like "the
        // 40-month war". After a copula ("the war is three years old") it is a duration too.
        let copula = k > 0 && ["is", "was", "are", "were", "be", "been", "becomes", "turns"].iter().any(|w| self.word(k - 1, w));
        if u == Unit::Year
            && ((plural && !hyph && self.kw(end, Kw::Old) && !copula) || (hyph && self.punct(end, '-') && self.adj(end - 1) && self.kw(end + 1, Kw::Old) && !self.event_follows(end + 2)))
        {
            return None;
        }
        // Fractions, not periods: "three-quarters of its food", "more than a quarter of the
        // market" (a quarter *of* something that is not a time: "a quarter of a century").
        if u == Unit::Quarter && (hyph && plural || !plural && self.kw(end, Kw::Of) && self.unit(end + 1).is_none() && self.unit(end + 2).is_none() && self.year(end + 1).is_none()) {
            return None;
        }
        // The ordinal, not the unit: "a second betrayal", "A second group".
        if u == Unit::Second && !plural && self.kw(k, Kw::A) && self.t.get(end).is_some_and(|t| t.kind == Kind::Word && !t.cap) && self.lex(end) == Lex::None {
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
                // "the three-month-old (baby) said": an age, not a time expression; "an
                // 8-month-old truce" is how long the truce has lasted
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
        let mut c = self.dur_cand(start, end, q, u);
        // "for the (first) nine months": the year to date, so a comparison after it ("a year
        // earlier") is with the year before, not with the quarter named earlier
        if let (true, Qty::N(6 | 9), Unit::Month, Some(d)) = (the && (!lead || matches!(self.lex(i + 1), Lex::Ord(1))), q, u, self.dct) {
            c.point = Some(Point::with(d.y, 1, Gran::Year));
        }
        Some(c)
    }

    /// After "N-year-old": an ongoing event whose age is how long it has lasted.
    fn event_follows(&self, i: usize) -> bool {
        const EVENTS: &[&str] = &[
            "conflict", "war", "truce", "ceasefire", "cease-fire", "insurgency", "crisis", "dispute", "standoff", "stand-off",
            "siege", "blockade", "occupation", "feud", "rivalry", "strike", "fighting", "uprising", "revolt", "rebellion",
            "campaign", "invasion", "offensive", "embargo", "moratorium", "boycott", "recession", "drought", "famine",
            "epidemic", "pandemic", "negotiations", "talks", "investigation", "probe", "lockdown", "shutdown", "stalemate",
        ];
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && !t.cap) && EVENTS.iter().any(|e| e.eq_ignore_ascii_case(self.txt(i)))
    }

    /// After "N-month-old": a lowercase noun that is not a person ("truce", "war").
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
}
