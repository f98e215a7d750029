//! SETs, recurring times: "daily", "every week", "each year", "every Monday",
//! "on Mondays", "Tuesday nights" (TimeML values such as P1W, XXXX-WXX-1, XXXX-WXX-2TNI).
//! Small on purpose: a set is a unit or weekday plus a marker of recurrence, and the
//! unit and weekday parsers it needs live with durations and dates.

use super::*;

impl Tagger<'_> {
    /// A weekly SET ("every Monday", "Mondays") over tokens [s, e), with the
    /// part of day when one follows ("Monday mornings": XXXX-WXX-1TMO).
    fn weekly(&self, s: usize, mut e: usize, w: u32) -> Cand {
        let mut v = format!("XXXX-WXX-{w}");
        if let Lex::Pod(p) = self.lex(e) {
            v.push('T');
            v.push_str(p);
            e += 1;
        }
        Cand::new(s, e, TimexType::Set, v)
    }

    /// SETs: "daily", "every week", "each year", "every Monday", "on Mondays", "Tuesday nights".
    pub(super) fn p_set(&self, i: usize) -> Option<Cand> {
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
                    return Some(self.weekly(i, e, w));
                }
                if let Lex::Pod(p) = self.lex(k) {
                    return Some(Cand::new(i, k + 1, TimexType::Set, format!("XXXX-XX-XXT{}", p)));
                }
                // "each July": that month of every year
                if let Some((m, e)) = self.month(k).filter(|_| !other) {
                    return Some(Cand::new(i, e, TimexType::Set, format!("XXXX-{:02}", m)));
                }
                let (q, k2) = match self.qty(k) {
                    Some((q @ Qty::N(_), k2)) if !self.kw(k, Kw::A) => (q, k2),
                    _ => (Qty::N(if other { 2 } else { 1 }), k),
                };
                let (u, _, e) = self.unit(k2)?;
                return Some(Cand::new(i, e, TimexType::Set, duration_value(q, u)));
            }
            Lex::Weekday(w, true) if self.cap(i) => {
                return Some(self.weekly(i, i + 1, w));
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
}
