//! The precise rules: direct quotes between marks and the clause around them,
//! reported speech around a cue verb ("X said (that) ...", "..., X said",
//! "according to X, ...").

use newsfuse_doc::{Document, EntityLabel, Quote, Span};

use crate::lexicon::{self, lower, Cue};
use crate::marks::{find_marked, Marked};
use crate::Attribution;

pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub toks: &'a [Span],
    /// Token → inside quotation marks.
    pub quoted: Vec<bool>,
    /// Token → part of a time expression.
    pub timed: Vec<bool>,
    /// Token → its sentence.
    pub sent: Vec<u32>,
    pub marked: Vec<Marked>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let text = doc.text.as_str();
        let toks = doc.tokens.as_slice();
        let paragraphs: Vec<Span> =
            if doc.paragraphs.is_empty() { vec![Span::new(0, text.len())] } else { doc.paragraphs.iter().map(|p| p.span).collect() };
        let marked = find_marked(text, &paragraphs);
        let mut quoted = vec![false; toks.len()];
        for m in &marked {
            for s in &m.content {
                for q in &mut quoted[doc.token_range(*s)] {
                    *q = true;
                }
            }
        }
        let mut timed = vec![false; toks.len()];
        for t in &doc.times {
            for q in &mut timed[doc.token_range(t.span)] {
                *q = true;
            }
        }
        let mut sent = vec![u32::MAX; toks.len()];
        let mut si = 0;
        for (i, t) in toks.iter().enumerate() {
            while si < doc.sentences.len() && doc.sentences[si].end <= t.start {
                si += 1;
            }
            if si < doc.sentences.len() && doc.sentences[si].start <= t.start {
                sent[i] = si as u32;
            }
        }
        Ctx { doc, text, toks, quoted, timed, sent, marked }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).and_then(|t| self.text.get(t.range())).unwrap_or("")
    }

    fn low<'b>(&self, i: usize, buf: &'b mut [u8; 24]) -> &'b str {
        lower(self.word(i), buf)
    }

    fn is_low(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn cue(&self, i: usize) -> Option<Cue> {
        // "Mustafa Mahmoud Said Ahmed", "Lee Will Smith": a capitalized cue
        // word between two capitalized words is part of a name.
        if i > 0 && self.capitalized(i) && self.capitalized(i - 1) && !self.punct(i - 1) && self.sent.get(i - 1) == self.sent.get(i) && i + 1 < self.toks.len() && self.capitalized(i + 1) && !self.punct(i + 1) {
            return None;
        }
        let mut b = [0u8; 24];
        lexicon::cue(self.low(i, &mut b))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub(crate) fn punct(&self, i: usize) -> bool {
        lexicon::is_punct(self.word(i))
    }

    /// First token starting at or after byte `b`.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < b)
    }

    /// Tokens that start inside `s`.
    fn toks_in(&self, s: Span) -> std::ops::Range<usize> {
        self.tok_at(s.start as usize)..self.toks.partition_point(|t| t.start < s.end)
    }

    /// Token range of sentence `s`.
    pub fn sentence_toks(&self, s: usize) -> (usize, usize) {
        let Some(span) = self.doc.sentences.get(s) else { return (0, 0) };
        (self.tok_at(span.start as usize), self.toks.partition_point(|t| t.start < span.end))
    }

    fn span(&self, a: usize, b: usize) -> Option<Span> {
        if a >= b || b > self.toks.len() {
            return None;
        }
        Some(Span { start: self.toks[a].start, end: self.toks[b - 1].end })
    }

    /// The source phrase ending just before the cue at `j` (going back no
    /// further than `lo`), skipping adverbs and auxiliaries next to the cue.
    fn source_before(&self, j: usize, lo: usize) -> Option<(usize, usize)> {
        let mut b = [0u8; 24];
        let mut i = j;
        while i > lo {
            let w = self.low(i - 1, &mut b);
            if lexicon::between(w) || (self.timed[i - 1] && !self.capitalized(i - 1)) || self.timed[i - 1] && i - 1 > lo && self.timed[i - 2] {
                i -= 1;
            } else {
                break;
            }
        }
        let end = i;
        let mut n = 0;
        while i > lo && n < 10 {
            let k = i - 1;
            let w = self.word(k);
            if self.quoted[k] || (self.punct(k) && w != "’s" && w != "'s" && w != "&" && w != "-") {
                break;
            }
            let l = self.low(k, &mut b);
            if lexicon::stops_source(l) || lexicon::cue(l).is_some() || self.timed[k] {
                break;
            }
            i -= 1;
            n += 1;
        }
        if i == end || n >= 10 {
            return None;
        }
        let first = self.low(i, &mut b);
        let ok = (i..end).any(|k| self.capitalized(k))
            || lexicon::is_pronoun(first)
            || matches!(first, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "another" | "some" | "many" | "most" | "several" | "two" | "three")
            || end - i <= 2;
        ok.then_some((i, end))
    }

    /// The source phrase right after a cue ("said Ruiz", "said the mayor").
    fn source_after(&self, j: usize, hi: usize) -> Option<(usize, usize)> {
        let mut b = [0u8; 24];
        let start = j + 1;
        let mut i = start;
        while i < hi && i - start < 8 {
            let w = self.word(i);
            if self.quoted[i] || (self.punct(i) && w != "’s" && w != "'s") {
                break;
            }
            let l = self.low(i, &mut b);
            if i > start && (lexicon::stops_source(l) || self.timed[i]) {
                break;
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        let first = self.low(start, &mut b);
        let ok = self.capitalized(start) || matches!(first, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "another");
        ok.then_some((start, i))
    }

    /// Skips what follows a cue before the content: the addressee of "told",
    /// a time expression, "that" is kept (PolNeAR includes it).
    fn content_start(&self, j: usize, hi: usize) -> usize {
        let mut b = [0u8; 24];
        let mut i = j + 1;
        if matches!(self.low(j, &mut b), "told" | "tells" | "tell" | "telling" | "informed" | "assured" | "reminded") {
            if let Some(k) = (i..hi.min(i + 7)).find(|&k| self.is_low(k, "that")) {
                return k;
            }
            if let Some((_, e)) = self.source_after(j, hi) {
                i = e;
            } else if i < hi && self.word(i).chars().next().is_some_and(|c| c.is_lowercase()) && !self.is_low(i, "that") {
                i += 1; // told reporters
            }
        }
        loop {
            while i < hi && (self.timed[i] || matches!(self.word(i), "," | ":" | "—" | "–")) {
                i += 1;
            }
            // "in a statement," / "in an interview with CNN,"
            if i < hi && (self.is_low(i, "in") || self.is_low(i, "on")) {
                if let Some(c) = (i + 1..hi.min(i + 9)).find(|&k| self.word(k) == ",") {
                    if hi - c > 4 && !(i..c).any(|k| self.is_low(k, "that")) {
                        i = c + 1;
                        continue;
                    }
                }
            }
            break;
        }
        i
    }

    /// End of a sentence's content: drops trailing punctuation tokens.
    fn content_end(&self, lo: usize, hi: usize) -> usize {
        let mut e = hi;
        while e > lo && self.punct(e - 1) && !self.word(e - 1).chars().any(lexicon::is_quote_char) {
            e -= 1;
        }
        e
    }
}

fn quote(ctx: &Ctx, content: Vec<Span>, direct: bool, cue: Option<(usize, usize)>, source: Option<(usize, usize)>) -> Quote {
    Quote {
        content,
        direct,
        cue: cue.and_then(|(a, b)| ctx.span(a, b)),
        source: source.and_then(|(a, b)| ctx.span(a, b)),
        ..Default::default()
    }
}

/// Attribution of one direct quote: from the words after it (", she said")
/// or before it ("She said: ...", "called the deal “...”").
struct Found {
    cue: (usize, usize),
    source: Option<(usize, usize)>,
    /// Where the PolNeAR-style clause content starts and ends (token range).
    clause: Option<(usize, usize)>,
}

fn after_quote(ctx: &Ctx, q: &Marked, hi_byte: usize) -> Option<Found> {
    if !q.closed {
        return None;
    }
    let a = ctx.tok_at(q.end);
    // “...” ― Ana Ruiz  (a signature after the quote, up to the paragraph end)
    if matches!(ctx.word(a), "―" | "—" | "–" | "-") {
        let para_end = ctx.doc.paragraphs.iter().find(|p| p.span.start as usize <= q.open && q.end <= p.span.end as usize).map_or(q.end, |p| p.span.end as usize);
        let hi = ctx.tok_at(para_end).min(ctx.tok_at(hi_byte));
        if let Some(src) = ctx.source_after(a, hi).filter(|_| ctx.capitalized(a + 1)) {
            return Some(Found { cue: (a, a + 1), source: Some(src), clause: None });
        }
    }
    let s = *ctx.sent.get(a)? as usize;
    let close_tok = a.checked_sub(1)?;
    if ctx.sent.get(close_tok).copied() != Some(s as u32) && ctx.sent[close_tok] != u32::MAX {
        // The quote ends its sentence: what follows is a new sentence.
        let prev_s = ctx.sent[close_tok] as usize;
        if prev_s != s {
            return None;
        }
    }
    let (_, send) = ctx.sentence_toks(s);
    let hi = send.min(ctx.tok_at(hi_byte));
    let mut i = a;
    while i < hi && matches!(ctx.word(i), "," | "—" | "–" | "-") {
        i += 1;
    }
    let lo = i;
    for j in lo..hi.min(lo + 9) {
        if ctx.quoted[j] {
            break;
        }
        match ctx.cue(j) {
            Some(Cue::Speech) | Some(Cue::QuoteOnly) => {}
            _ => {
                if ctx.is_low(j, "according") && ctx.is_low(j + 1, "to") {
                    return Some(Found { cue: (j, j + 2), source: ctx.source_after(j + 1, hi), clause: None });
                }
                continue;
            }
        }
        let source = if j > lo { ctx.source_before(j, lo) } else { ctx.source_after(j, hi) };
        if source.is_none() && j > lo {
            continue;
        }
        return Some(Found { cue: (j, j + 1), source, clause: None });
    }
    None
}

fn before_quote(ctx: &Ctx, q: &Marked, lo_byte: usize) -> Option<Found> {
    let open_tok = ctx.tok_at(q.open);
    let s = *ctx.sent.get(open_tok)? as usize;
    let (sstart, send) = ctx.sentence_toks(s);
    let lo = sstart.max(ctx.tok_at(lo_byte));
    // "according to X, “...”"
    for j in lo..open_tok {
        if ctx.is_low(j, "according") && ctx.is_low(j + 1, "to") {
            return Some(Found { cue: (j, j + 2), source: ctx.source_after(j + 1, open_tok), clause: None });
        }
    }
    for j in (lo..open_tok).rev() {
        if ctx.quoted[j] {
            break;
        }
        if ctx.cue(j).is_none() {
            continue;
        }
        let source = ctx.source_before(j, lo);
        let source = source.or_else(|| ctx.source_after(j, open_tok).filter(|&(_, e)| e < open_tok && matches!(ctx.word(e), "," | ":")));
        if source.is_none() {
            continue;
        }
        let mut start = ctx.content_start(j, open_tok);
        if let Some((a, e)) = source {
            if a > j {
                start = e;
            }
        }
        while start < open_tok && matches!(ctx.word(start), "," | ":") {
            start += 1;
        }
        let clause = if start < open_tok {
            let qend = ctx.tok_at(q.end).max(open_tok + 1);
            let end = ctx.content_end(start, send.max(qend));
            Some((start, end))
        } else {
            None
        };
        return Some(Found { cue: (j, j + 1), source, clause });
    }
    colon_subject(ctx, lo, open_tok)
}

/// A quote opening a paragraph after one that ends with a colon ("Ruiz
/// said:" / "The Gazette reports:"): the cue and source of that sentence.
fn introduced(ctx: &Ctx, q: &Marked) -> Option<Found> {
    let open_tok = ctx.tok_at(q.open);
    let para_start = ctx.doc.paragraphs.iter().any(|p| p.span.start as usize == q.open);
    if !para_start || open_tok == 0 || ctx.word(open_tok - 1) != ":" {
        return None;
    }
    let colon = open_tok - 1;
    let s = *ctx.sent.get(colon)? as usize;
    let (sstart, _) = ctx.sentence_toks(s);
    for j in (sstart..colon).rev() {
        if ctx.quoted[j] {
            break;
        }
        if ctx.cue(j).is_some() {
            if let Some(src) = ctx.source_before(j, sstart) {
                return Some(Found { cue: (j, j + 1), source: Some(src), clause: None });
            }
        }
    }
    colon_subject(ctx, sstart, open_tok)
}

/// `Minister Ana Ruiz, speaking at the dam, made a promise: “...”`: a quote
/// opened after a colon with no cue verb takes the sentence's subject (a
/// name or pronoun opening the sentence) as its source and the verb after
/// it as the cue.
fn colon_subject(ctx: &Ctx, lo: usize, open_tok: usize) -> Option<Found> {
    let mut b = [0u8; 24];
    if open_tok == 0 || open_tok <= lo || ctx.word(open_tok - 1) != ":" {
        return None;
    }
    let colon = open_tok - 1;
    let (s, e) = subject_at(ctx, lo, colon)?;
    // The verb: the first word after the subject and any parenthetical
    // (", speaking at the dam on Monday,").
    let mut v = e;
    if ctx.word(v) == "," {
        v = (v + 1..colon).find(|&k| ctx.word(k) == ",")? + 1;
    }
    if v >= colon || ctx.punct(v) || ctx.capitalized(v) || ctx.quoted[v] {
        return None;
    }
    let l = ctx.low(v, &mut b);
    if lexicon::stops_source(l) && !matches!(l, "has" | "had" | "was") {
        return None;
    }
    Some(Found { cue: (v, v + 1), source: Some((s, e)), clause: None })
}

/// The subject opening a clause at `lo` (before `hi`): a pronoun, or a
/// capitalized phrase holding a person or organization name ("Infrastructure
/// and Water Minister Ilona Vašárek").
pub(crate) fn subject_at(ctx: &Ctx, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let mut b = [0u8; 24];
    if lo >= hi {
        return None;
    }
    if lexicon::is_pronoun(ctx.low(lo, &mut b)) {
        return Some((lo, lo + 1));
    }
    let mut i = lo;
    while i < hi && i - lo < 10 {
        let w = ctx.word(i);
        let l = ctx.low(i, &mut b);
        let glue = matches!(l, "and" | "of" | "for" | "the" | "&" | "-" | "’s" | "'s" | ".");
        if !(ctx.capitalized(i) || glue || i == lo && matches!(l, "the" | "a" | "an")) || ctx.quoted[i] || (ctx.punct(i) && !glue) {
            break;
        }
        let _ = w;
        i += 1;
    }
    while i > lo && matches!(ctx.low(i - 1, &mut b), "and" | "of" | "for" | "the" | "&" | "-") {
        i -= 1;
    }
    if i == lo {
        return None;
    }
    let span = ctx.span(lo, i)?;
    let named = ctx.doc.mentions.iter().any(|m| span.contains(m.span) && m.label.can_speak());
    named.then_some((lo, i))
}

/// Direct quotes with their attributions.
fn direct(ctx: &Ctx, out: &mut Vec<Attribution>) {
    let marked = &ctx.marked;
    for (qi, q) in marked.iter().enumerate() {
        let next_open = marked.get(qi + 1).map_or(ctx.text.len(), |m| m.open);
        let prev_end = if qi > 0 { marked[qi - 1].end } else { 0 };
        let last_char = q.content.last().and_then(|s| ctx.text.get(s.range())).and_then(|t| t.chars().last());
        let ends_clause = matches!(last_char, Some(',' | '?' | '!' | '—' | '-')) || ctx.text.get(q.end..).is_some_and(|t| t.starts_with(','));
        let before = || before_quote(ctx, q, prev_end);
        let after = || after_quote(ctx, q, next_open);
        let found = if ends_clause { after().or_else(before) } else { before().or_else(after) };
        let found = found.or_else(|| introduced(ctx, q));
        let words = q.content.iter().map(|s| ctx.text.get(s.range()).unwrap_or("").split_whitespace().count()).sum::<usize>();
        match found {
            Some(f) => {
                // "“We are ready,” he said, “to talk.”": one statement.
                if let Some(prev) = out.last_mut() {
                    if prev.quote.direct && prev.quote.cue == ctx.span(f.cue.0, f.cue.1) && prev.cue_tok == Some(f.cue.0) {
                        prev.quote.content.extend(q.content.iter().copied());
                        let s = *q.content.last().unwrap_or(&Span::default());
                        if let Some(last) = prev.clause.last_mut() {
                            if s.end > last.end {
                                prev.clause.push(s);
                            }
                        }
                        continue;
                    }
                }
                let mut clause = q.content.clone();
                if let Some((a, b)) = f.clause {
                    if let Some(sp) = ctx.span(a, b) {
                        clause = vec![sp];
                    }
                } else if f.cue.0 >= ctx.tok_at(q.end) {
                    // `The talks were “very productive,” he said.`: the whole clause.
                    let open_tok = ctx.tok_at(q.open);
                    if let Some(&s) = ctx.sent.get(open_tok) {
                        let (sstart, _) = ctx.sentence_toks(s as usize);
                        let sstart = sstart.max(ctx.tok_at(prev_end));
                        if sstart < open_tok && !(sstart..open_tok).any(|k| ctx.cue(k).is_some()) {
                            if let (Some(a), Some(first)) = (ctx.span(sstart, open_tok), q.content.first()) {
                                clause[0] = Span { start: a.start, end: first.end };
                            }
                        }
                    }
                }
                out.push(Attribution {
                    quote: quote(ctx, q.content.clone(), true, Some(f.cue), f.source),
                    clause,
                    cue_tok: Some(f.cue.0),
                });
            }
            None => {
                // Scare quotes and titles ("the so-called “deal”") are not statements.
                let own_paragraph = ctx.doc.paragraphs.iter().any(|p| p.span.start as usize == q.open || (p.span.start as usize + 3 > q.open && p.span.start as usize <= q.open));
                if words >= 6 || (own_paragraph && words >= 3) {
                    out.push(Attribution { quote: quote(ctx, q.content.clone(), true, None, None), clause: q.content.clone(), cue_tok: None });
                }
            }
        }
    }
}

/// Reported speech in sentences without a direct quote.
fn reported(ctx: &Ctx, out: &mut Vec<Attribution>) {
    let mut busy = vec![false; ctx.doc.sentences.len()];
    for a in out.iter() {
        for s in a.quote.content.iter().chain(a.quote.cue.iter()) {
            let t = ctx.tok_at(s.start as usize);
            if let Some(&si) = ctx.sent.get(t) {
                if let Some(b) = busy.get_mut(si as usize) {
                    *b = true;
                }
            }
        }
    }
    for (si, &is_busy) in busy.iter().enumerate() {
        if is_busy {
            continue;
        }
        let (a, b) = ctx.sentence_toks(si);
        if a >= b || (a..b).any(|k| ctx.quoted[k]) {
            continue;
        }
        if let Some(att) = reported_in(ctx, a, b) {
            out.push(att);
        }
    }
}

fn reported_in(ctx: &Ctx, a: usize, b: usize) -> Option<Attribution> {
    let end = ctx.content_end(a, b);
    let mk = |content: (usize, usize), cue: (usize, usize), source: Option<(usize, usize)>| -> Option<Attribution> {
        let c = ctx.span(content.0, content.1)?;
        if content.1 - content.0 < 3 {
            return None;
        }
        Some(Attribution { quote: quote(ctx, vec![c], false, Some(cue), source), clause: vec![c], cue_tok: Some(cue.0) })
    };
    // According to X, ...  /  ..., according to X.
    for j in a..b {
        if ctx.is_low(j, "according") && ctx.is_low(j + 1, "to") {
            let source = ctx.source_after(j + 1, b);
            if j <= a + 1 {
                let comma = (j + 2..b).find(|&k| ctx.word(k) == ",")?;
                return mk((comma + 1, end), (j, j + 2), source);
            }
            let mut ce = j;
            while ce > a && matches!(ctx.word(ce - 1), "," | "—" | "–") {
                ce -= 1;
            }
            if let Some((_, se)) = source {
                if se < end && ctx.word(se) == "," {
                    // "..., according to X, ..." with more after: keep the first part.
                }
            }
            return mk((a, ce), (j, j + 2), source);
        }
    }
    for j in a..b {
        let Some(kind) = ctx.cue(j) else { continue };
        if kind == Cue::QuoteOnly {
            continue;
        }
        // "..., X said." / "..., said X."
        if j > a + 3 {
            if let Some((sa, _)) = ctx.source_before(j, a) {
                if sa > a + 2 && ctx.word(sa - 1) == "," && b - j <= 14 && kind == Cue::Speech {
                    return mk((a, sa - 1), (j, j + 1), Some((sa, j)));
                }
            }
            if ctx.word(j - 1) == "," && kind == Cue::Speech {
                if let Some(src) = ctx.source_after(j, b) {
                    if src.1 >= end.saturating_sub(1) || b - j <= 10 {
                        return mk((a, j - 1), (j, j + 1), Some(src));
                    }
                }
            }
        }
        // "X said (that) ..."
        if let Some(src) = ctx.source_before(j, a) {
            let start = ctx.content_start(j, end);
            if kind == Cue::Belief && !ctx.is_low(start, "that") {
                continue;
            }
            if start < end && !matches!(ctx.word(start), "to") && !ctx.is_low(start, "by") && !ctx.is_low(start, "it") {
                // The source must open the clause: sentence start, after a
                // comma, or after an introductory phrase.
                if src.0 == a || matches!(ctx.word(src.0 - 1), "," | ":" | "—" | "(") || ctx.is_low(src.0 - 1, "and") || ctx.is_low(src.0 - 1, "but") {
                    return mk((start, end), (j, j + 1), Some(src));
                }
            }
        }
    }
    None
}

/// Mends what a token tagger splits: a source that cuts through a name
/// ("Minister Ilona | Vasarek is expected to …", the surname tagged as
/// content) takes in the whole name and the content loses it; a stray word or
/// two of unquoted content before the source and cue, while the content
/// proper follows the cue ("The | U.N. has offered …"), or after them when
/// it precedes ("…, according to the national weather | service."), belongs
/// to the source when it touches it, and is noise otherwise.
pub fn mend_splits(ctx: &Ctx, atts: &mut [Attribution]) {
    let mut names: Vec<Span> = ctx.doc.mentions.iter().filter(|m| m.label.can_speak()).map(|m| m.span).collect();
    names.sort_unstable();
    let words = |s: Span| ctx.toks_in(s).filter(|&k| !ctx.punct(k)).count();
    let quoted = |s: Span| ctx.toks_in(s).any(|k| ctx.quoted.get(k).copied().unwrap_or(false));
    for a in atts.iter_mut() {
        let Some(mut src) = a.quote.source else { continue };
        // Only a short, clean name: a mention that runs over a line break or a
        // quotation mark, or far past the source, is the tagger's error, not the source's.
        let clean = |m: &Span| {
            let outside = |x: u32, y: u32| ctx.text.get(x as usize..y as usize).map(|t| t.split_whitespace().count());
            let t = ctx.text.get(m.range()).unwrap_or("\n");
            t.split_whitespace().count() <= 5
                && !t.contains('\n')
                && !t.chars().any(lexicon::is_quote_char)
                && outside(m.start, src.start.max(m.start)).is_some_and(|n| n <= 2)
                && outside(src.end.min(m.end), m.end).is_some_and(|n| n <= 2)
        };
        // Mentions do not overlap: those that end after the source starts, up to its end.
        let first = names.partition_point(|m| m.end <= src.start);
        let overlapping = names[first..].iter().take_while(|m| m.start < src.end);
        if let Some(m) = overlapping.filter(|m| src.start < m.end && !src.contains(**m) && clean(m)).next() {
            src = Span { start: src.start.min(m.start), end: src.end.max(m.end) };
        }
        let Some(cue) = a.quote.cue else {
            a.quote.source = Some(src);
            continue;
        };
        let (before, after) = (src.start.min(cue.start), src.end.max(cue.end));
        let main_after = a.clause.iter().any(|c| c.start >= cue.end && words(*c) >= 3);
        let main_before = a.clause.iter().any(|c| c.end <= before && words(*c) >= 3);
        let blank = |x: u32, y: u32| x <= y && ctx.text.get(x as usize..y as usize).is_some_and(|g| g.chars().all(char::is_whitespace));
        let mut stray = Vec::new();
        for c in &a.clause {
            if words(*c) > 2 || quoted(*c) {
                continue;
            }
            // "The | U.N. has offered to …" and "…, according to figures from
            // the national weather | service.": the stray word on the other
            // side of source and cue from the content.
            if main_after && c.end <= before {
                stray.push(*c);
                if blank(c.end, src.start) {
                    src.start = c.start;
                }
            } else if main_before && !main_after && c.start >= after {
                stray.push(*c);
                if blank(src.end, c.start) {
                    src.end = c.end;
                }
            }
        }
        // The content gives up only what the source newly took in, and only at its edges.
        let old = a.quote.source.unwrap_or(src);
        let taken = [Span { start: src.start, end: old.start.max(src.start) }, Span { start: old.end.min(src.end), end: src.end }];
        let keep = |c: &Span| !stray.contains(c) && !taken.iter().any(|t| t.len() > 0 && t.contains(*c));
        let trim = |c: Span| -> Span {
            taken.iter().filter(|t| t.len() > 0 && t.start < c.end && c.start < t.end).fold(c, |c, t| {
                if c.start >= t.start {
                    Span { start: t.end.min(c.end), end: c.end }
                } else if c.end <= t.end {
                    Span { start: c.start, end: t.start.max(c.start) }
                } else {
                    c
                }
            })
        };
        let mend = |v: &mut Vec<Span>| {
            v.retain(keep);
            for c in v.iter_mut() {
                *c = trim(*c);
            }
            v.retain(|c| ctx.text.get(c.range()).is_some_and(|t| t.chars().any(char::is_alphanumeric)));
        };
        let (clause_before, content_before) = (a.clause.clone(), a.quote.content.clone());
        mend(&mut a.clause);
        mend(&mut a.quote.content);
        if a.clause.is_empty() || a.quote.content.is_empty() {
            a.clause = clause_before;
            a.quote.content = content_before;
            continue;
        }
        a.quote.source = Some(src);
    }
}

/// Sources that are not the subject of the cue, repaired:
/// - a passive agent in a parenthetical ("The memo, dated May 2 and seen by
///   the Gazette, urged ..."): the phrase opening the sentence;
/// - a description followed by the name in apposition ("the mayor of the
///   town, Oskar Lindqvist"): the name is taken in.
pub fn repair_sources(ctx: &Ctx, atts: &mut [Attribution]) {
    let mut b = [0u8; 24];
    for a in atts.iter_mut() {
        let Some(src) = a.quote.source else { continue };
        let s0 = ctx.tok_at(src.start as usize);
        let mut e0 = ctx.toks.partition_point(|t| t.start < src.end);
        if s0 >= e0 || e0 > ctx.toks.len() {
            continue;
        }
        // "'s foreign ministry": a possessive cut from its possessor
        // ("Estavia's foreign ministry") takes it back in.
        if s0 > 0 && matches!(ctx.word(s0), "'s" | "’s" | "'" | "’") && ctx.capitalized(s0 - 1) && !ctx.quoted[s0 - 1] {
            a.quote.source = ctx.span(s0 - 1, e0);
            continue;
        }
        // "who stopped by the": a relative pronoun and the words of its
        // clause; the pronoun is the source (resolved to whom it follows).
        if e0 > s0 + 1 && matches!(ctx.low(s0, &mut b), "who" | "which") && !ctx.doc.mentions.iter().any(|m| src.contains(m.span)) {
            a.quote.source = ctx.span(s0, s0 + 1);
            continue;
        }
        let Some(&si) = ctx.sent.get(s0) else { continue };
        let (sa, sb) = ctx.sentence_toks(si as usize);
        let det = s0 > sa + 1 && matches!(ctx.low(s0 - 1, &mut b), "the" | "a" | "an");
        let by = if det { s0 - 2 } else { s0.saturating_sub(1) };
        if by > sa && ctx.is_low(by, "by") {
            // The agent must sit inside commas before the cue.
            let closes = (e0 - 1..sb.min(e0 + 2)).any(|k| ctx.word(k) == ",");
            let s0 = by + 1;
            if let Some(c) = (sa..s0).find(|&k| ctx.word(k) == ",").filter(|&c| closes && c > sa && c - sa <= 6) {
                if !(sa..c).any(|k| ctx.cue(k).is_some() || ctx.quoted[k]) {
                    a.quote.source = ctx.span(sa, c);
                }
            }
            continue;
        }
        let has_per = ctx.doc.mentions.iter().any(|m| src.contains(m.span) && m.label == EntityLabel::Per);
        let first = ctx.low(s0, &mut b);
        if has_per || !matches!(first, "the" | "a" | "an" | "its" | "his" | "her" | "their") {
            continue;
        }
        while e0 > s0 && ctx.word(e0 - 1) == "," {
            e0 -= 1;
        }
        // "... of Infrastructure and Water, Ilona Vasarec"
        let mut k = e0;
        while k < sb && k - e0 < 6 && (ctx.capitalized(k) || ctx.is_low(k, "and") || ctx.is_low(k, "of")) && !ctx.quoted[k] {
            k += 1;
        }
        if k >= sb || ctx.word(k) != "," {
            continue;
        }
        let Some(next) = ctx.toks.get(k + 1) else { continue };
        let Some(m) = ctx.doc.mentions.iter().find(|m| m.span.start == next.start && m.label == EntityLabel::Per) else { continue };
        let f = ctx.toks.partition_point(|t| t.start < m.span.end);
        let ends = f >= sb || ctx.punct(f) || ctx.word(f).chars().next().is_some_and(char::is_lowercase);
        if ends && !ctx.quoted.get(f.saturating_sub(1)).copied().unwrap_or(true) {
            a.quote.source = ctx.span(s0, f);
        }
    }
}

/// Function words that cannot be a whole source ("of", "the"): a source is a
/// name, a pronoun or a noun phrase.
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "a" | "an" | "in" | "on" | "at" | "to" | "for" | "from" | "with" | "by" | "and" | "or" | "but" | "that" | "this" | "these"
            | "those" | "as" | "than" | "its" | "their" | "his" | "her" | "which" | "what" | "when" | "where" | "there" | "here" | "not" | "no"
            | "so" | "if" | "whether" | "into" | "about" | "after" | "before"
    )
}

/// Drops what is not a statement, and sources that are not sources:
/// - quotes and reported speech in a paragraph that is a headline, a
///   caption or page furniture: no sentence-final punctuation ("Lohan checks
///   into rehab, lawyer says", "'Kind of a good question'", "ON DEADLINE:
///   Live updates"), or a headline that opens the document with a label and
///   a colon before a quote (`Trump, after the call: "..."`);
/// - indirect questions and the writer's questions: reported content that
///   opens with "whether" or "if", or ends with a question mark;
/// - negated cues that report nothing said: "did not immediately respond
///   to", "still don't know" ("did not say X" stays: it reports a position);
/// - reported speech whose source is only function words ("of") or a lone
///   modifier ("Conflicting reports indicate"); a direct quote keeps its
///   words and loses such a source.
pub fn drop_non_statements(ctx: &Ctx, atts: &mut Vec<Attribution>) {
    let doc = ctx.doc;
    // The line (a paragraph, or a line of one) around a byte offset.
    let line_of = |b: u32| {
        let b = (b as usize).min(ctx.text.len());
        let start = ctx.text.get(..b).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let end = ctx.text.get(b..).and_then(|t| t.find('\n')).map_or(ctx.text.len(), |i| b + i);
        Span::new(start, end)
    };
    let first_line = doc.paragraphs.first().map(|p| line_of(p.span.start));
    let headline = |p: Span| {
        let t = ctx.text.get(p.range()).unwrap_or("").trim();
        // A short line only: a long block without final punctuation is body
        // text with wire furniture at its end ("4th graf pvs").
        if t.split_whitespace().count() > 30 {
            return false;
        }
        let end = t.trim_end_matches(|c: char| lexicon::is_quote_char(c) || c.is_whitespace());
        let terminated = end.ends_with(['.', '!', '?', '…', ':', ';', ')']) || end.is_empty();
        if !terminated {
            return true;
        }
        // `Label, after the call: "quote"` opening a document.
        let opening = Some(p) == first_line && doc.paragraphs.len() > 2;
        opening && t.find(':').is_some_and(|c| t[c + 1..].trim_start().starts_with(|ch: char| lexicon::is_quote_char(ch)) && !t[..c].contains(|ch: char| lexicon::is_quote_char(ch)))
    };
    let mut b = [0u8; 24];
    atts.retain_mut(|a| {
        if a.quote.content.is_empty() {
            return true;
        }
        // Pieces on a headline line go; so does a statement left with none.
        a.quote.content.retain(|c| !headline(line_of(c.start)));
        let direct = a.quote.direct;
        if !direct {
            // "questioned whether Portugal ...": the question is not a statement.
            a.quote.content.retain(|c| {
                let content = ctx.text.get(c.range()).unwrap_or("").trim_start_matches(|c: char| !c.is_alphanumeric());
                let w0 = content.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                !matches!(w0.as_str(), "whether" | "if")
            });
        }
        if a.quote.content.is_empty() {
            return false;
        }
        if !direct {
            // "Whether he knew ...", "What do you think about ...": a
            // conditional or a question to the reader.
            if let Some(src) = a.quote.source {
                let k = ctx.tok_at(src.start as usize);
                if k > 0 && matches!(ctx.low(k - 1, &mut b), "whether" | "if") || ctx.text.get(src.range()).is_some_and(|t| t.eq_ignore_ascii_case("you")) {
                    return false;
                }
            }
            let last = a.quote.content.last().map_or("", |l| ctx.text.get(l.range()).unwrap_or(""));
            if last.trim_end().trim_end_matches(|c: char| lexicon::is_quote_char(c)).ends_with('?') {
                return false;
            }
            if let Some(cue) = a.quote.cue {
                let ct = ctx.text.get(cue.range()).unwrap_or("").to_lowercase();
                let k = ctx.tok_at(cue.start as usize);
                let before = (k.saturating_sub(2)..k).any(|i| matches!(ctx.low(i, &mut b), "not" | "n't" | "never" | "don't" | "didn't" | "doesn't" | "cannot" | "can't" | "won't"));
                let negated = before || ct.split_whitespace().any(|w| matches!(w, "not" | "n't" | "never")) || ct.contains("n't ");
                // "did not say X" still reports a position; "don't know", "did
                // not respond to" report nothing said.
                let silent = ct.split_whitespace().last().is_some_and(|w| matches!(w, "know" | "knew" | "respond" | "responded" | "return" | "returned" | "comment" | "commented" | "to"));
                if negated && silent {
                    return false;
                }
            }
        }
        if let Some(src) = a.quote.source {
            let st = ctx.text.get(src.range()).unwrap_or("");
            let words: Vec<String> = st.split_whitespace().map(|w| w.to_lowercase()).collect();
            let named = doc.mentions.iter().any(|m| src.contains(m.span));
            let modifier = words.len() == 1 && !named && ["ing", "ed", "ly"].iter().any(|e| words[0].ends_with(e)) && !lexicon::is_pronoun(&words[0]);
            if words.iter().all(|w| function_word(w.trim_matches(|c: char| !c.is_alphanumeric()))) || modifier {
                if !direct {
                    return false;
                }
                a.quote.source = None;
            }
        }
        true
    });
}

/// The source of the cue at token `j`: before it ("Ruiz said"), else after
/// it ("said Ruiz"), within its sentence.
pub fn source_for_cue(ctx: &Ctx, j: usize) -> Option<Span> {
    let s = *ctx.sent.get(j)? as usize;
    let (a, b) = ctx.sentence_toks(s);
    let r = ctx.source_before(j, a).or_else(|| ctx.source_after(j, b))?;
    ctx.span(r.0, r.1)
}

/// Transcript paragraphs: "WALLACE: Governor, ..." — a name and a colon open
/// the paragraph; the rest of it is what the named person said.
fn speaker_labels(ctx: &Ctx, out: &mut Vec<Attribution>) {
    for p in &ctx.doc.paragraphs {
        let a = ctx.tok_at(p.span.start as usize);
        let b = ctx.toks.partition_point(|t| t.start < p.span.end);
        let mut i = a;
        if i < b && ctx.word(i).chars().all(lexicon::is_quote_char) {
            i += 1;
        }
        let name_start = i;
        while i < b && i - name_start < 4 && ctx.capitalized(i) && !ctx.punct(i) {
            i += 1;
        }
        if i == name_start || i + 2 >= b || ctx.word(i) != ":" {
            continue;
        }
        let end = ctx.content_end(i + 1, b);
        if let Some(c) = ctx.span(i + 1, end) {
            out.push(Attribution {
                quote: quote(ctx, vec![c], false, Some((i, i + 1)), Some((name_start, i))),
                clause: vec![c],
                cue_tok: Some(i),
            });
        }
    }
}

pub fn find(ctx: &Ctx) -> Vec<Attribution> {
    let mut out = Vec::new();
    speaker_labels(ctx, &mut out);
    let labelled: Vec<Span> = out.iter().flat_map(|a| a.clause.iter().copied()).collect();
    direct(ctx, &mut out);
    // A quote inside a transcript paragraph belongs to its label.
    let n = labelled.len();
    let mut k = 0;
    out.retain(|a| {
        k += 1;
        k <= n || !a.clause.iter().any(|c| labelled.iter().any(|l| l.start < c.end && c.start < l.end))
    });
    reported(ctx, &mut out);
    out.sort_by_key(|a| a.quote.content.first().map(|s| s.start));
    out
}
