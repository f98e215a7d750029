//! The learned component: a BIO tagger for Source / Cue / Content over the
//! tokens of each sentence (the `newsfuse-learn` averaged perceptron),
//! trained on PolNeAR. Its features include what the precise rules say about
//! each token (inside quotation marks, cue lexicon, the role the rules gave
//! it), so it learns where to trust them and what they miss.

use newsfuse_doc::{Document, EntityLabel, Quote, Span};
use newsfuse_learn::hash::{combine, hash_lower, hash_str};
use newsfuse_learn::perceptron::{Perceptron, SentenceFeatures, NKEYS};

use crate::lexicon::{self, lower, Cue};
use crate::rules::Ctx;
use crate::Attribution;

/// One label per role (IO): adjacent attributions are told apart by sentence, not by B- tags.
pub const LABELS: [&str; 4] = ["O", "Source", "Cue", "Content"];

/// Role of a token: 0 none, 1 Source, 2 Cue, 3 Content.
pub type Role = u8;

pub fn roles_of(ctx: &Ctx, atts: &[Attribution]) -> Vec<Role> {
    let mut r = vec![0u8; ctx.toks.len()];
    let mut mark = |s: Span, role: Role| {
        let std::ops::Range { start: a, end: b } = ctx.doc.token_range(s);
        for x in r.iter_mut().take(b).skip(a) {
            if *x == 0 || role < *x {
                *x = role;
            }
        }
    };
    for a in atts {
        for c in &a.clause {
            mark(*c, 3);
        }
        if let Some(s) = a.quote.source {
            mark(s, 1);
        }
        if let Some(s) = a.quote.cue {
            mark(s, 2);
        }
    }
    r
}

fn shape(w: &str) -> u64 {
    let mut h = 0u64;
    let mut last = 0u8;
    let mut n = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else {
            c as u8
        };
        if k != last {
            h = h.wrapping_mul(31).wrapping_add(k as u64);
            last = k;
            n += 1;
            if n > 5 {
                break;
            }
        }
    }
    h
}

fn bucket(d: i64) -> u64 {
    match d {
        i64::MIN..=-6 => 0,
        -5..=-3 => 1,
        -2 => 2,
        -1 => 3,
        0 => 4,
        1 => 5,
        2 => 6,
        3..=5 => 7,
        _ => 8,
    }
}

/// Token → NER label id (0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC) and whether it begins the mention.
fn ner_of(doc: &Document) -> Vec<u8> {
    let mut out = vec![0u8; doc.tokens.len()];
    for m in &doc.mentions {
        let std::ops::Range { start: a, end: b } = doc.token_range(m.span);
        let l = match m.label {
            EntityLabel::Per => 1,
            EntityLabel::Org => 2,
            EntityLabel::Loc => 3,
            EntityLabel::Misc => 4,
        };
        for (k, x) in out.iter_mut().enumerate().take(b).skip(a) {
            *x = l * 2 + (k == a) as u8;
        }
    }
    out
}

/// Token ranges of the paragraphs (the tagger's sequences).
pub fn paragraph_toks(ctx: &Ctx) -> Vec<(usize, usize)> {
    if ctx.doc.paragraphs.is_empty() {
        return vec![(0, ctx.toks.len())];
    }
    ctx.doc
        .paragraphs
        .iter()
        .map(|p| (ctx.tok_at(p.span.start as usize), ctx.toks.partition_point(|t| t.start < p.span.end)))
        .collect()
}

/// Features of every paragraph: ((first token, end token), features).
pub fn features(ctx: &Ctx, roles: &[Role]) -> Vec<((usize, usize), SentenceFeatures)> {
    let ner = ner_of(ctx.doc);
    let mut buf = [0u8; 24];
    let n_tok = ctx.toks.len();
    let cues: Vec<u64> = (0..n_tok)
        .map(|i| match lexicon::cue(lower(ctx.word(i), &mut buf)) {
            Some(Cue::Speech) => 1,
            Some(Cue::QuoteOnly) => 2,
            Some(Cue::Belief) => 3,
            None => 0,
        })
        .collect();
    let lows: Vec<u64> = (0..n_tok).map(|i| hash_lower(1, ctx.word(i))).collect();
    // Per sentence: has a speech cue, has a rule attribution.
    let ns = ctx.doc.sentences.len();
    let mut s_cue = vec![0u64; ns + 1];
    let mut s_rule = vec![0u64; ns + 1];
    let mut s_range = vec![(0usize, 0usize); ns];
    let mut s_quote = vec![0u64; ns + 1];
    let mut s_first = vec![0u64; ns + 1];
    for (si, r) in s_range.iter_mut().enumerate() {
        let (a, b) = ctx.sentence_toks(si);
        *r = (a, b);
        s_cue[si] = (a..b).any(|k| cues[k] == 1) as u64;
        s_rule[si] = (a..b).map(|k| roles[k]).max().unwrap_or(0) as u64;
        s_quote[si] = (a..b).any(|k| ctx.quoted[k]) as u64;
        s_first[si] = if a < b { lows[a] } else { 0 };
    }
    let mut out = Vec::new();
    for (pa, pb) in paragraph_toks(ctx) {
        let mut sf = SentenceFeatures::default();
        sf.clear();
        let mut last_cue: Option<usize> = None;
        let mut that_seen = false;
        let mut breaks = 0u64;
        for i in pa..pb {
            let si = ctx.sent.get(i).copied().unwrap_or(u32::MAX) as usize;
            let (a, b) = if si < ns { s_range[si] } else { (i, i + 1) };
            let n = (b - a).max(1);
            let has_cue = if si < ns { s_cue[si] } else { 0 };
            let prev_cue = if si < ns && si > 0 && s_range[si - 1].1 > pa { s_cue[si - 1] } else { 9 };
            let next_cue = if si + 1 < ns && s_range[si + 1].0 < pb { s_cue[si + 1] } else { 9 };
            let has_rule = if si < ns { s_rule[si] } else { 0 };
            let has_quote = (a..b.min(n_tok)).any(|k| ctx.quoted[k]) as u64;
            let starts_quoted = a < n_tok && (ctx.quoted[a] || lexicon::is_quote_char(ctx.word(a).chars().next().unwrap_or(' ')));
            let w = ctx.word(i);
            let low = lows[i];
            let sh = shape(w);
            let f = &mut sf.feats;
            let t = |id: u64, v: u64| combine(id, v);
            f.push(t(0, 0));
            f.push(t(1, hash_str(2, w)));
            f.push(t(2, low));
            f.push(t(3, sh));
            let chars: Vec<char> = w.chars().collect();
            let suf: String = chars[chars.len().saturating_sub(3)..].iter().collect();
            f.push(t(4, hash_lower(3, &suf)));
            let word_at = |k: isize| -> u64 {
                let j = i as isize + k;
                if j < a as isize || j >= b as isize {
                    99
                } else {
                    lows[j as usize]
                }
            };
            f.push(t(5, word_at(-1)));
            f.push(t(6, word_at(1)));
            f.push(t(7, word_at(-2)));
            f.push(t(8, word_at(2)));
            f.push(t(9, combine(word_at(-1), low)));
            f.push(t(10, combine(low, word_at(1))));
            f.push(t(11, cues[i]));
            f.push(t(12, if i > a { cues[i - 1] } else { 9 }));
            f.push(t(13, if i + 1 < b { cues[i + 1] } else { 9 }));
            let q = ctx.quoted[i] as u64;
            f.push(t(14, q));
            f.push(t(15, combine(q, has_cue)));
            f.push(t(16, roles[i] as u64));
            f.push(t(17, combine(roles[i] as u64, if i > a { roles[i - 1] as u64 } else { 9 })));
            f.push(t(18, if i + 1 < b { roles[i + 1] as u64 } else { 9 }));
            let pos = if i == a {
                0
            } else if i + 1 == b {
                1
            } else {
                2 + ((i - a) * 4 / n) as u64
            };
            f.push(t(19, pos));
            f.push(t(20, combine(pos, has_cue)));
            f.push(t(21, combine(has_cue, combine(has_quote, has_rule))));
            let near = (a..b).filter(|&k| cues[k] != 0).min_by_key(|&c| (c as i64 - i as i64).abs());
            let d = near.map_or(99, |c| bucket(i as i64 - c as i64));
            f.push(t(22, d));
            f.push(t(23, combine(d, sh)));
            f.push(t(24, ner[i] as u64));
            f.push(t(25, combine(ner[i] as u64, d)));
            if i == a {
                last_cue = None;
                that_seen = false;
                breaks = 0;
            }
            if cues[i] != 0 {
                last_cue = Some(i);
                that_seen = false;
                breaks = 0;
            }
            if w.eq_ignore_ascii_case("that") {
                that_seen = true;
            }
            f.push(t(26, combine(last_cue.is_some() as u64, that_seen as u64)));
            f.push(t(27, combine(starts_quoted as u64, pos)));
            f.push(t(28, combine(roles[i] as u64, q)));
            f.push(t(29, combine(low, d)));
            f.push(t(30, combine(prev_cue, combine(has_cue, next_cue))));
            f.push(t(31, combine(combine(prev_cue, next_cue), combine(q, pos))));
            f.push(t(32, combine(has_rule, combine(next_cue, starts_quoted as u64))));
            f.push(t(33, (i == pa) as u64 * 2 + (i + 1 == pb) as u64));
            let in_para = |k: usize| k < ns && s_range[k].0 >= pa && s_range[k].1 <= pb;
            let (pr, pq) = if si > 0 && in_para(si - 1) { (s_rule[si - 1], s_quote[si - 1]) } else { (9, 9) };
            let (nr, nq, nf) = if in_para(si + 1) { (s_rule[si + 1], s_quote[si + 1], s_first[si + 1]) } else { (9, 9, 9) };
            f.push(t(34, combine(combine(pr, nr), roles[i] as u64)));
            f.push(t(35, combine(combine(pq, nq), q)));
            f.push(t(36, combine(nf, q)));
            f.push(t(37, combine(combine(pr, pq), pos)));
            // Which sentence of its paragraph (a paragraph's later sentences go on from its first).
            let nth = ctx.sent.get(pa).map_or(0, |&s0| (si as u64).saturating_sub(s0 as u64).min(2));
            f.push(t(45, combine(nth, combine(q, combine(has_cue, prev_cue)))));
            // Clause breaks (comma, dash, semicolon, parenthesis) since the last cue: where a content ends.
            let brk = (breaks.min(3)) * 2 + last_cue.is_some() as u64;
            f.push(t(38, combine(brk, low)));
            f.push(t(39, combine(brk, combine(q, d))));
            f.push(t(40, combine(word_at(-1), hash_lower(3, &suf))));
            if matches!(w, "," | ";" | "—" | "–" | "--" | "(" | ")" | ":") {
                breaks += 1;
            }
            let key = [low, sh, roles[i] as u64 + 7 + 16 * (i == a) as u64];
            debug_assert_eq!(key.len(), NKEYS);
            sf.end_token(key);
        }
        out.push(((pa, pb), sf));
    }
    out
}

/// Gold labels of a sentence's tokens from token roles (1 Source, 2 Cue, 3
/// Content) and which attribution each token belongs to (a new span begins
/// where the attribution or role changes).
pub fn bio(roles: &[(Role, u32)]) -> Vec<u16> {
    roles.iter().map(|&(r, _)| r as u16).collect()
}

/// The tagger: a first pass, and an optional second pass that also sees
/// the first pass's labels on both sides of each token (stacking), so it can
/// use what comes later in the sentence and the paragraph.
pub struct Tagger {
    pub first: Perceptron,
    pub second: Option<Perceptron>,
}

/// Number of second-pass features per token.
pub const STACK: usize = 8;

/// Second-pass features from first-pass labels of one paragraph;
/// `sents` are the sentences' token ranges relative to the paragraph.
pub fn stack_extra(labels: &[u16], sents: &[(usize, usize)], out: &mut Vec<u64>) {
    out.clear();
    let l = |k: isize| -> u64 {
        if k < 0 || k as usize >= labels.len() {
            9
        } else {
            labels[k as usize] as u64
        }
    };
    let summary = |(a, b): (usize, usize)| -> u64 { labels[a.min(labels.len())..b.min(labels.len())].iter().fold(0u64, |m, &x| m | 1 << x) };
    let mut si = 0;
    for i in 0..labels.len() {
        while si + 1 < sents.len() && sents[si].1 <= i {
            si += 1;
        }
        let (sa, sb) = sents.get(si).copied().unwrap_or((i, i + 1));
        let ii = i as isize;
        let own = summary((sa, sb));
        let prev = if si > 0 { summary(sents[si - 1]) } else { 99 };
        let next = sents.get(si + 1).map_or(99, |&r| summary(r));
        out.push(combine(0x51, combine(l(ii - 1), l(ii + 1))));
        out.push(combine(0x52, combine(l(ii + 1), l(ii + 2))));
        out.push(combine(0x53, combine(l(ii), own)));
        out.push(combine(0x54, combine(prev, next)));
        out.push(combine(0x55, combine(combine(l(sa as isize), l(sb as isize - 1)), l(ii))));
        out.push(combine(0x56, combine(next, l(ii))));
        // The nearest first-pass cue of the sentence: on which side, how far.
        let is_cue = |k: usize| labels.get(k) == Some(&2);
        let before = (sa..i).rev().find(|&k| is_cue(k)).map(|k| i - k);
        let after = (i + 1..sb).find(|&k| is_cue(k)).map(|k| k - i);
        let near = match (before, after) {
            (Some(x), Some(y)) if x <= y => bucket(-(x as i64)),
            (Some(x), None) => bucket(-(x as i64)),
            (_, Some(y)) => bucket(y as i64),
            _ => 9,
        };
        out.push(combine(0x57, combine(near, l(ii))));
        out.push(combine(0x58, combine(combine(before.is_some() as u64, after.is_some() as u64), combine(l(ii - 1), l(ii)))));
    }
}

/// Sentence token ranges of each paragraph of `feats`, relative to the paragraph.
pub fn paragraph_sentences(ctx: &Ctx, feats: &[((usize, usize), SentenceFeatures)]) -> Vec<Vec<(usize, usize)>> {
    feats
        .iter()
        .map(|((pa, pb), _)| {
            let mut v = Vec::new();
            let mut k = *pa;
            while k < *pb {
                let s = ctx.sent.get(k).copied().unwrap_or(u32::MAX);
                let mut e = k + 1;
                while e < *pb && ctx.sent.get(e).copied().unwrap_or(u32::MAX) == s {
                    e += 1;
                }
                v.push((k - pa, e - pa));
                k = e;
            }
            v
        })
        .collect()
}

/// Labels of every token of the document (0 O, 1 Source, 2 Cue, 3 Content).
pub fn label_tokens(ctx: &Ctx, model: &Tagger, roles: &[Role]) -> Vec<u8> {
    let mut feats = features(ctx, roles);
    let sents = paragraph_sentences(ctx, &feats);
    let mut scores = Vec::new();
    let mut labels = Vec::new();
    let mut extra = Vec::new();
    let mut tok_label = vec![0u8; ctx.toks.len()];
    for (((a, _), sf), sents) in feats.iter_mut().zip(&sents) {
        model.first.decode(sf, &mut scores, &mut labels);
        if let Some(second) = &model.second {
            stack_extra(&labels, sents, &mut extra);
            sf.extra.clone_from(&extra);
            sf.extra_stride = STACK;
            second.decode(sf, &mut scores, &mut labels);
        }
        for (k, &l) in labels.iter().enumerate() {
            if let Some(x) = tok_label.get_mut(*a + k) {
                *x = l as u8;
            }
        }
    }
    tok_label
}

/// Model file: magic, labels, bits, scale, i16 weights (little endian).
pub fn save(t: &Tagger) -> Vec<u8> {
    let mut out = b"NFQUOTE2".to_vec();
    out.push(1 + t.second.is_some() as u8);
    save_one(&t.first, &mut out);
    if let Some(p) = &t.second {
        save_one(p, &mut out);
    }
    out
}

pub fn load(bytes: &[u8]) -> Option<Tagger> {
    let rest = bytes.strip_prefix(b"NFQUOTE2")?;
    let (&n, rest) = rest.split_first()?;
    let (first, rest) = load_one(rest)?;
    let second = if n > 1 { Some(load_one(rest)?.0) } else { None };
    Some(Tagger { first, second })
}

fn save_one(p: &Perceptron, out: &mut Vec<u8>) {
    out.push(p.labels().len() as u8);
    for l in p.labels() {
        out.push(l.len() as u8);
        out.extend_from_slice(l.as_bytes());
    }
    out.push(p.bits() as u8);
    let (w, scale) = p.quantized_weights();
    out.extend_from_slice(&scale.to_le_bytes());
    for x in w.iter() {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

fn load_one(bytes: &[u8]) -> Option<(Perceptron, &[u8])> {
    let (&n, mut rest) = bytes.split_first()?;
    let mut labels = Vec::new();
    for _ in 0..n {
        let (&len, r) = rest.split_first()?;
        labels.push(String::from_utf8(r.get(..len as usize)?.to_vec()).ok()?);
        rest = r.get(len as usize..)?;
    }
    let (&bits, rest) = rest.split_first()?;
    if !(8..=28).contains(&bits) || labels.is_empty() {
        return None;
    }
    let scale = f32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
    let n = (1usize << bits) * labels.len() * 2;
    let w = rest.get(4..4 + n)?;
    let q: Vec<i16> = w.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
    Some((newsfuse_learn::perceptron::from_parts(labels, bits as u32, q, scale), &rest[4 + n..]))
}

/// Tags every sentence and groups the spans into attributions: each cue with
/// the content and source of its sentence; content without a cue continues
/// the previous attribution when it directly follows it.
pub fn attributions(ctx: &Ctx, model: &Tagger, roles: &[Role]) -> Vec<Attribution> {
    let tok_label = label_tokens(ctx, model, roles);
    let mut out: Vec<Attribution> = Vec::new();
    let mut last_sentence_had: Option<usize> = None;
    for si in 0..ctx.doc.sentences.len() {
        let (a, b) = ctx.sentence_toks(si);
        // Runs of one role.
        let mut spans: [Vec<(usize, usize)>; 4] = Default::default();
        let mut k = a;
        while k < b {
            let r = tok_label[k];
            let mut e = k + 1;
            while e < b && tok_label[e] == r {
                e += 1;
            }
            if r != 0 && (r as usize) < 4 {
                spans[r as usize].push((k, e));
            }
            k = e;
        }
        let span = |(x, y): (usize, usize)| Span { start: ctx.toks[x].start, end: ctx.toks[y - 1].end };
        // Content runs separated only by punctuation or a cue are one span.
        let contents: Vec<Span> = spans[3].iter().map(|&s| span(s)).collect();
        if contents.is_empty() {
            last_sentence_had = None;
            continue;
        }
        let same_para = |x: usize| {
            let p = |t: usize| ctx.doc.paragraphs.partition_point(|p| p.span.end <= ctx.toks[t].start);
            x < ctx.toks.len() && a < ctx.toks.len() && p(x) + 1 >= p(a)
        };
        if spans[2].is_empty() {
            if let (Some(prev), Some(l)) = (last_sentence_had, out.last_mut()) {
                if prev + 1 == si && l.quote.cue.is_some() && same_para(ctx.tok_at(l.clause.last().map_or(0, |c| c.start as usize))) {
                    l.clause.extend(contents.iter().copied());
                    l.quote.content.extend(contents.iter().copied());
                    last_sentence_had = Some(si);
                    continue;
                }
            }
            let source = spans[1].first().map(|&s| span(s));
            // Content with neither cue nor source nor an attribution to go
            // on from is the tagger running on: dropped.
            if source.is_none() {
                last_sentence_had = None;
                continue;
            }
            out.push(Attribution { quote: Quote { content: contents.clone(), direct: false, source, ..Default::default() }, clause: contents, cue_tok: None });
            last_sentence_had = Some(si);
            continue;
        }
        // Cue runs a word apart are one cue ("said on Monday in"), but not a
        // punctuation mark apart: "said, suggesting ..." are two cues, each
        // with its own content.
        let mut cues: Vec<(usize, usize)> = Vec::new();
        for &c in &spans[2] {
            let punct_gap = cues.last().is_some_and(|l| c.0 == l.1 + 1 && ctx.word(l.1).chars().all(|ch| !ch.is_alphanumeric()));
            match cues.last_mut() {
                Some(l) if c.0 <= l.1 + 1 && !punct_gap => l.1 = c.1,
                _ => cues.push(c),
            }
        }
        // Each content run goes to the nearest cue before it, else the first after it.
        let mut groups: Vec<Vec<(usize, usize)>> = vec![Vec::new(); cues.len()];
        for &c in &spans[3] {
            let k = cues.iter().rposition(|q| q.1 <= c.0).unwrap_or(0);
            groups[k].push(c);
        }
        // `“A,” she said several months later, and ...`: after a cue that
        // follows its quoted content, unquoted words are not that content.
        {
            let q = |&(x, y): &(usize, usize)| (x..y).any(|t| ctx.quoted.get(t).copied().unwrap_or(false));
            for (k, cue) in cues.iter().enumerate() {
                let g = &mut groups[k];
                if g.iter().any(|c| c.1 <= cue.0 && q(c)) {
                    g.retain(|c| c.1 <= cue.0 || q(c));
                }
            }
        }
        // A cue with no content of its own shares the next cue's ("Ruiz said, citing ...").
        let mut first = true;
        for (k, cue) in cues.iter().enumerate() {
            let contents: Vec<Span> = groups[k].iter().map(|&c| span(c)).collect();
            if contents.is_empty() {
                continue;
            }
            let source = spans[1].iter().min_by_key(|s| (s.0 as i64 - cue.0 as i64).abs()).map(|&s| span(s));
            // "..., he said." after a content-only sentence: the attribution of both.
            if first {
                first = false;
                if let (Some(prev), Some(l)) = (last_sentence_had, out.last_mut()) {
                    if prev + 1 == si && l.quote.cue.is_none() && spans[3].first().is_some_and(|c| c.0 == a || ctx.quoted[c.0]) {
                        l.quote.cue = Some(span(*cue));
                        l.quote.source = source.or(l.quote.source);
                        l.clause.extend(contents.iter().copied());
                        l.quote.content.extend(contents.iter().copied());
                        l.cue_tok = Some(cue.0);
                        continue;
                    }
                }
            }
            out.push(Attribution {
                quote: Quote { content: contents.clone(), direct: false, source, cue: Some(span(*cue)), ..Default::default() },
                clause: contents,
                cue_tok: Some(cue.0),
            });
        }
        last_sentence_had = Some(si);
    }
    out
}

