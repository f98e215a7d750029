//! German statements, by rules. The tagger and the cue lexicon are English,
//! but a German report of an event quotes the same people, and an analyst
//! comparing outlets needs those quotes too. German marks its statements with
//! a small set of patterns, which rules read precisely:
//!
//! - `„…“, sagte sie.` / `„…“, so Vasarek.` — the cue after the quote, the verb first;
//! - `Vasarek sagte: „…“` — the cue before a colon and the quote;
//! - `Vasarek versprach, der Staat werde …` — reported speech: source, cue
//!   verb, comma, the reported clause (usually in the subjunctive);
//! - `…, teilte der Zivilschutz mit.` — the reported clause first, then the
//!   cue verb and its source.
//!
//! Separable particles (`teilte … mit`, `fügte … hinzu`) close the source.

use newsfuse_doc::{Quote, Span};

use crate::rules::Ctx;
use crate::Attribution;

/// Verbs of saying, third person, present and past (lower case).
const CUES: &[&str] = &[
    "sagte", "sagten", "sagt", "erklärte", "erklärten", "erklärt", "betonte", "betonten", "betont", "versprach", "versprachen",
    "verspricht", "teilte", "teilten", "teilt", "kündigte", "kündigten", "kündigt", "warnte", "warnten", "warnt", "forderte",
    "forderten", "fordert", "meinte", "meinten", "meint", "berichtete", "berichteten", "berichtet", "bestätigte", "bestätigten",
    "bestätigt", "räumte", "räumten", "fügte", "fügten", "schrieb", "schrieben", "schreibt", "behauptete", "behaupteten",
    "behauptet", "versicherte", "versicherten", "versichert", "unterstrich", "kritisierte", "kritisierten", "kritisiert",
    "äußerte", "mahnte", "verkündete", "sicherte", "beteuerte", "erwiderte", "antwortete", "ergänzte", "hieß",
];

/// Separable particles that end a cue's clause (`teilte … mit`).
const PARTICLES: &[&str] = &["mit", "an", "hinzu", "ein", "zu"];

/// Words that open a sentence without being part of its source.
const OPENERS: &[&str] = &["und", "aber", "doch", "auch", "dann", "zudem", "außerdem"];

/// The longest source phrase, in tokens.
const MAX_SOURCE: usize = 8;

fn low(ctx: &Ctx, i: usize) -> String {
    ctx.word(i).to_lowercase()
}

fn is_cue(ctx: &Ctx, i: usize) -> bool {
    !ctx.quoted.get(i).copied().unwrap_or(true) && CUES.contains(&low(ctx, i).as_str())
}

fn is_stop(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.word(i), "." | "!" | "?" | ";" | ":" | ",")
}

fn span(ctx: &Ctx, a: usize, b: usize) -> Option<Span> {
    if a >= b || b > ctx.toks.len() {
        return None;
    }
    Some(Span::new(ctx.toks[a].start as usize, ctx.toks[b - 1].end as usize))
}

fn attribution(ctx: &Ctx, content: Vec<Span>, direct: bool, cue: usize, source: Option<(usize, usize)>) -> Attribution {
    let quote = Quote {
        content: content.clone(),
        direct,
        cue: span(ctx, cue, cue + 1),
        source: source.and_then(|(a, b)| span(ctx, a, b)),
        ..Default::default()
    };
    Attribution { quote, clause: content, cue_tok: Some(cue) }
}

/// The source after a cue (`sagte sie`, `teilte der Zivilschutz mit`): up to
/// the clause's end or a separable particle before it.
fn source_after(ctx: &Ctx, cue: usize, end: usize) -> Option<(usize, usize)> {
    let a = cue + 1;
    let mut b = a;
    while b < end && !is_stop(ctx, b) && !ctx.quoted[b] && b - a < MAX_SOURCE {
        b += 1;
    }
    if b > a + 1 && PARTICLES.contains(&low(ctx, b - 1).as_str()) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

/// The source before a cue that opens its sentence (`Der Betreiber Dravna Hydro erklärte`).
fn source_before(ctx: &Ctx, start: usize, cue: usize) -> Option<(usize, usize)> {
    let mut a = start;
    while a < cue && OPENERS.contains(&low(ctx, a).as_str()) {
        a += 1;
    }
    let ok = a < cue && cue - a <= MAX_SOURCE && (a..cue).all(|k| !is_stop(ctx, k) && !ctx.quoted[k]);
    ok.then_some((a, cue))
}

/// The content tokens of `a..b` without the punctuation around them.
fn trimmed(ctx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && (is_stop(ctx, a) || ctx.word(a).chars().all(crate::lexicon::is_quote_char)) {
        a += 1;
    }
    while b > a && (is_stop(ctx, b - 1) || ctx.word(b - 1).chars().all(crate::lexicon::is_quote_char)) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

/// The quoted spans (marks excluded) that lie in tokens `a..b`, or the span
/// of the tokens when they are not all quoted.
fn content_of(ctx: &Ctx, a: usize, b: usize) -> (Vec<Span>, bool) {
    let Some(whole) = span(ctx, a, b) else { return (Vec::new(), false) };
    let marked: Vec<Span> = ctx
        .marked
        .iter()
        .flat_map(|m| m.content.iter().copied())
        .filter(|c| c.start >= whole.start && c.end <= whole.end)
        .collect();
    let all_quoted = (a..b).all(|k| ctx.quoted[k] || is_stop(ctx, k) || ctx.word(k).chars().all(crate::lexicon::is_quote_char));
    if all_quoted && !marked.is_empty() {
        (marked, true)
    } else {
        (vec![whole], false)
    }
}

/// The statements of a German document.
pub fn find(ctx: &Ctx) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in 0..ctx.doc.sentences.len() {
        let (a, b) = ctx.sentence_toks(s);
        if a >= b || b > ctx.toks.len() {
            continue;
        }
        let Some(cue) = (a..b).find(|&k| is_cue(ctx, k)) else { continue };
        if cue > a && ctx.word(cue - 1) == "," {
            // „…“, sagte sie. / …, teilte der Zivilschutz mit.
            let Some((ca, cb)) = trimmed(ctx, a, cue - 1) else { continue };
            let (content, direct) = content_of(ctx, ca, cb);
            let source = source_after(ctx, cue, b);
            out.push(attribution(ctx, content, direct, cue, source));
        } else if cue + 1 < b && matches!(ctx.word(cue + 1), ":" | ",") {
            // Vasarek sagte: „…“ / Vasarek versprach, der Staat werde …
            let Some(source) = source_before(ctx, a, cue) else { continue };
            let Some((ca, cb)) = trimmed(ctx, cue + 2, b) else { continue };
            let (content, direct) = content_of(ctx, ca, cb);
            out.push(attribution(ctx, content, direct, cue, Some(source)));
        }
    }
    out
}
