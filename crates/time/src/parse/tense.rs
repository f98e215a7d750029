//! Tense of the clause around an expression: whether an untensed "Monday" or "in March"
//! is the past or the future occurrence. Kept apart because every family that places a
//! weekday, month or day without a year asks it (dates, anchors, days, scheduling), and
//! because its cues (auxiliaries, irregular pasts, quotations, reported speech) are
//! English grammar rather than time expressions.

use super::*;

/// Irregular simple-past forms (beyond the handful in `marked_tense`) that mark the past.
const IRREGULAR_PAST: &[&str] = &[
    "brought", "bought", "sold", "paid", "led", "ran", "struck", "sent", "spent", "built", "found",
    "kept", "thought", "felt", "heard", "stood", "wrote", "got", "grew", "drew", "chose", "broke",
    "caught", "dealt", "drove", "fought", "flew", "knew", "meant", "sought", "shook", "shot", "stole",
    "swept", "swore", "taught", "threw", "understood", "withdrew", "arose", "undertook", "upheld",
    "withheld", "overcame", "forgot", "hid", "slid", "spun", "sank", "rang", "rode", "woke", "froze",
];

/// How far back/forward the tense heuristic looks for a verb marker.
const TENSE_WINDOW: usize = 24;

impl Tagger<'_> {
    /// Tense of the clause around tokens [s, e): the nearest auxiliary or past-tense verb,
    /// looking back to the sentence start and a few tokens ahead.
    pub(super) fn tense(&self, s: usize, e: usize) -> Tn {
        if self.deferred(s) {
            return Tn::Future;
        }
        self.marked_tense(s, e).unwrap_or(self.default_tn())
    }

    /// A comparison of figures earlier in the sentence: "compared with", "from", "versus".
    pub(super) fn comparing(&self, s: usize) -> bool {
        let mut i = s;
        while i > 0 && s - i < 15 {
            i -= 1;
            if self.punct(i, '.') || self.punct(i, ';') {
                return false;
            }
            if ["compared", "from", "versus", "vs", "against"].iter().any(|w| self.word(i, w)) {
                return true;
            }
        }
        false
    }

    /// "postponed until Tuesday morning", "has given the relatives until 9 a.m. Tuesday",
    /// "extended its deadline until ...": a deadline set by a verb of deferral lies ahead,
    /// whatever the verb's tense ("not until Tuesday", "up until Thursday" do not count).
    fn deferred(&self, s: usize) -> bool {
        let Some(u) = (s.saturating_sub(3)..s).rev().find(|&i| self.word(i, "until") || self.word(i, "till")) else { return false };
        const STEMS: &[&str] = &["postpon", "delay", "defer", "extend", "adjourn", "grant", "gave", "give", "put off"];
        (u.saturating_sub(4)..u).any(|i| {
            let w = self.txt(i).to_ascii_lowercase();
            self.t[i].kind == Kind::Word && STEMS.iter().any(|st| w.starts_with(st))
        })
    }

    pub(super) fn marked_tense(&self, s: usize, e: usize) -> Option<Tn> {
        // "since Oct. 23", "since shortly after the Oct. 23 slaying": a starting point that
        // lies behind the clause's present, whatever its verb
        const SINCE_GAP: &[&str] = &["shortly", "just", "soon", "after", "the", "early", "late", "mid", "around"];
        if let Some(sn) = (s.saturating_sub(5)..s).rev().find(|&i| self.kw(i, Kw::Since)) {
            if (sn + 1..s).all(|i| SINCE_GAP.iter().any(|w| self.word(i, w))) {
                return Some(Tn::Past);
            }
        }
        let marker = |i: usize| -> Option<Tn> {
            let t = &self.t[i];
            if t.kind != Kind::Word {
                return None;
            }
            let w = self.txt(i);
            let lw = |x: &str| w.eq_ignore_ascii_case(x);
            if lw("will") || lw("shall") || lw("ll") || lw("gonna") || lw("upcoming")
                || lw("scheduled") || lw("expected") || lw("expects")
                // "plans to" (the verb), not "vacation plans"
                || (lw("plans") && self.word(i + 1, "to"))
                || (lw("going") && self.word(i + 1, "to"))
                || lw("planning") || lw("slated")
                || (lw("supposed") && self.word(i + 1, "to"))
                || ((lw("set") || lw("due")) && (self.word(i + 1, "to") || self.word(i + 1, "for")) && !(i > 0 && self.word(i - 1, "been")))
                || (lw("wo") && self.punct(i + 1, '\''))
                // "as soon as Tuesday", "as early as Monday"
                || (lw("as") && i > 0 && (self.word(i - 1, "soon") || self.word(i - 1, "early")))
                // "planned to leave", "is to resume", "intends to"
                // "planned to leave", not "the hastily planned trip"
                || lw("planned") && !(i > 0 && (self.txt(i - 1).to_ascii_lowercase().ends_with("ly") || ["a", "an", "the", "its", "their", "his", "her"].iter().any(|d| self.word(i - 1, d))))
                || lw("would")
                || ((lw("plan") || lw("intends") || lw("intend") || lw("is") || lw("are")) && self.word(i + 1, "to"))
            {
                return Some(Tn::Future);
            }
            if lw("is") || lw("are") || lw("am") || lw("says") || lw("say") {
                return Some(Tn::Present);
            }
            // "were planning to", "was going to", "was scheduled for": the future seen from
            // the past; the verb after the auxiliary decides
            if (lw("was") || lw("were")) && ["planning", "going", "scheduled", "due", "expected", "slated"].iter().any(|x| self.word(i + 1, x)) {
                return None;
            }
            if lw("was") || lw("were") || lw("had") || lw("did") || lw("said") || lw("told")
                || lw("ago") || lw("came") || lw("went") || lw("took") || lw("gave") || lw("made")
                || lw("met") || lw("spoke") || lw("began") || lw("won") || lw("lost") || lw("saw")
                || lw("left") || lw("held") || lw("became") || lw("fell") || lw("rose")
                || IRREGULAR_PAST.iter().any(|x| lw(x)) && !(i > 0 && (self.word(i - 1, "be") || self.word(i - 1, "is") || self.word(i - 1, "are")))
            {
                return Some(Tn::Past);
            }
            let b = w.as_bytes();
            // "will be named": a passive participle carries no tense of its own
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") && i > 0 && (self.word(i - 1, "be") || self.word(i - 1, "is") || self.word(i - 1, "are")) {
                return None;
            }
            // an attributive participle is an adjective: "a still unspecified date", "the
            // undisclosed sum", "its revised forecast"
            const DET: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that"];
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
                && (b[..2].eq_ignore_ascii_case(b"un") || i > 0 && DET.iter().any(|d| self.word(i - 1, d)) || i > 1 && self.word(i - 1, "still") && DET.iter().any(|d| self.word(i - 2, d)))
            {
                return None;
            }
            if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") {
                const NOT_PAST: &[&str] = &["hundred", "indeed", "united", "proceed", "exceed", "succeed", "speed", "need", "based"];
                if !NOT_PAST.iter().any(|x| lw(x)) {
                    return Some(Tn::Past);
                }
            }
            None
        };
        // a decimal point ("$29.75 in March", "rose 4.5% in May") ends no sentence
        let decimal = |i: usize| i > 0 && self.adj(i - 1) && self.adj(i) && self.t[i - 1].kind == Kind::Num && self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Num);
        let is_end = |i: usize| self.punct(i, '.') && !decimal(i) || self.punct(i, '!') || self.punct(i, '?') || self.punct(i, ';');
        let mut back = None;
        let mut i = s;
        // a fronted adverbial ("On Tuesday, the league plans to ...") takes the tense of the
        // main clause after it, however long its subject
        let mut fronted = true;
        while i > 0 && s - i < TENSE_WINDOW {
            i -= 1;
            if is_end(i) && !(i > 0 && self.adj(i - 1) && self.t[i - 1].e - self.t[i - 1].s <= 4 && self.cap(i - 1)) {
                break;
            }
            if !(matches!(self.lex(i), Lex::Kw(Kw::On | Kw::In | Kw::At)) || self.word(i, "by")) {
                fronted = false;
            }
            if let Some(m) = marker(i) {
                back = Some((s - i, m));
                break;
            }
        }
        let fronted = fronted && self.punct(e, ',');
        let mut fwd = None;
        let mut j = e;
        while j < self.n() && j - e < if fronted { 16 } else { 8 } {
            // a subordinate clause after the expression ("telling reporters on Saturday that
            // the talks will ...") has its own tense; the governing verb is before
            if is_end(j) || self.closes_quote(j) || ["that", "which", "who", "whether", "because"].iter().any(|w| self.word(j, w)) {
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

    pub(super) fn default_tn(&self) -> Tn {
        match self.opts.default_tense {
            Tense::Past => Tn::Past,
            Tense::Future => Tn::Future,
        }
    }

    /// Tense used to place an expression without a year: scheduling text looks ahead.
    pub(super) fn place_tense(&self, s: usize, e: usize) -> Option<Tn> {
        if self.sched() {
            return Some(Tn::Future);
        }
        self.marked_tense(s, e)
    }
}
