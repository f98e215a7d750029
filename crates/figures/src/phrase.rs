//! Figure phrases: a hedge, a number, a unit and what it counts ("at least 17
//! civilians killed", "a 30-day truce"), from a number token with a bounded look-ahead.

use crate::compare::head;
use crate::numbers::*;
use crate::tokens::*;
use crate::words::*;
use newsfuse_doc::{Figure, FigureKind, Hedge, Span};

pub(crate) fn is_year_like(text: &str, t: &Tok) -> bool {
    let s = &text[t.start..t.end];
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (1500..=2199).contains(&s.parse::<u32>().unwrap_or(0))
}

/// Whether the digit token at `i` is part of something that is not a quantity:
/// a clock time, a date, a model name, an ordinal, a phone number, a label.
pub(crate) fn digits_excluded(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(i + 1);
    // Digit groups side by side: "+44 20 7946 0958".
    if prev.is_some_and(|p| p.kind == TokKind::Num) || next.is_some_and(|n| n.kind == TokKind::Num) {
        return true;
    }
    // Glued to a letter or symbol before: "G7", "Covid-19", "F-16", "+380", "/12".
    if let Some(p) = prev {
        if !t.gap {
            if p.kind == TokKind::Word || p.kind == TokKind::Num {
                return true;
            }
            if matches!(p.lower.as_ref(), "+" | "/" | ":" | "#" | "." | "№") {
                return true;
            }
            if is_hyphen(p) {
                let pp = i.checked_sub(2).and_then(|q| toks.get(q));
                if pp.is_some_and(|q| !p.gap && (q.kind == TokKind::Word || q.kind == TokKind::Num)) {
                    return true;
                }
            }
        }
        if is_label_word(&p.lower) {
            return true;
        }
        // "No. 5", "p. 12"
        if p.lower == "." && i >= 2 && matches!(toks[i - 2].lower.as_ref(), "no" | "nos" | "p" | "pp" | "vol" | "fig" | "art" | "sec") {
            return true;
        }
        // "Oct. 24"
        if p.lower == "." && i >= 2 && is_month(&toks[i - 2].lower) && toks[i - 2].cap {
            return true;
        }
        if is_month(&p.lower) && p.cap && parse_digits(&text[t.start..t.end]).is_some_and(|v| v <= 31.0) {
            return true;
        }
    }
    if let Some(n) = next {
        if !n.gap {
            match n.lower.as_ref() {
                ":" | "/" if toks.get(i + 2).is_some_and(|m| m.kind == TokKind::Num && !m.gap) => return true,
                "st" | "nd" | "rd" | "th" | "am" | "pm" | "h" | "hrs" | "gmt" | "utc" | "s" => return true,
                _ => {}
            }
            if n.kind == TokKind::Word
                && !matches!(n.lower.as_ref(), "pc" | "pct" | "percent")
                && digit_scale(&n.lower, true).is_none()
                && measure_unit(&n.lower).is_none()
                && currency_word(&n.lower).is_none()
            {
                return true; // "5G", "3D"
            }
            // Phone numbers and ids: three groups of digits joined by hyphens.
            if is_hyphen(n)
                && toks.get(i + 2).is_some_and(|m| m.kind == TokKind::Num && !m.gap)
                && toks.get(i + 3).is_some_and(|h| is_hyphen(h) && !h.gap)
                && toks.get(i + 4).is_some_and(|m| m.kind == TokKind::Num && !m.gap)
            {
                return true;
            }
        }
        match n.lower.as_ref() {
            "a" | "p" if toks.get(i + 2).is_some_and(|d| d.lower == "." && !d.gap)
                && toks.get(i + 3).is_some_and(|m| m.lower == "m" && !m.gap) => return true,
            "am" | "pm" | "gmt" | "utc" | "o'clock" | "o\u{2019}clock" | "bst" | "cet" | "est" | "edt" => return true,
            _ => {}
        }
        if is_month(&n.lower) && n.cap && parse_digits(&text[t.start..t.end]).is_some_and(|v| v <= 31.0) {
            return true;
        }
    }
    false
}

pub(crate) fn year_context(toks: &[Tok], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| lw(toks, p)).unwrap_or("");
    matches!(
        prev,
        "in" | "since" | "by" | "until" | "till" | "from" | "of" | "before" | "after" | "during" | "early"
            | "late" | "mid" | "summer" | "winter" | "spring" | "autumn" | "fall" | "year" | "the" | "between"
            | "and" | "to" | "through" | "circa" | "c" | "-" | "\u{2013}" | "'" | "’" | ","
    ) || is_month(prev)
}

/// Words a counted noun phrase may hold: words that are not function words.
pub(crate) fn np_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.lower.chars().nth(1).is_some()
        && !t.lower.ends_with("'s")
        && !t.lower.ends_with("\u{2019}s")
        && !is_stop_word(&t.lower)
        && predicate_word(&t.lower).is_none()
        && duration_unit(&t.lower).is_none()
        && small_number(&t.lower).is_none()
        && tens_number(&t.lower).is_none()
}

/// A counted noun phrase starting at `j`: up to three content words, then an
/// optional "of X" complement ("prisoners of war"). Returns (counted, span, end).
pub(crate) fn parse_np(toks: &[Tok], j: usize, allow_proper: bool) -> Option<(String, Span, usize)> {
    // "a fifth of Ukraine's territory": the possessor is what is divided when
    // the noun after it is a generic whole (territory, land, population).
    if allow_proper {
        if let Some(t) = toks.get(j) {
            let possessor = t.lower.strip_suffix("'s").or_else(|| t.lower.strip_suffix("\u{2019}s"));
            if let Some(owner) = possessor.filter(|o| t.kind == TokKind::Word && !o.is_empty()) {
                let rest = parse_np_plain(toks, j + 1, false);
                let whole = |c: &str| {
                    matches!(head(c), "territory" | "land" | "area" | "soil" | "landmass" | "population" | "surface")
                };
                return Some(match rest {
                    Some((c, s, e)) if !whole(&c) => (c, Span::new(t.start, s.end as usize), e),
                    Some((_, s, e)) => (owner.to_string(), Span::new(t.start, s.end as usize), e),
                    None => return None,
                });
            }
        }
    }
    parse_np_plain(toks, j, allow_proper)
}

pub(crate) fn parse_np_plain(toks: &[Tok], mut j: usize, allow_proper: bool) -> Option<(String, Span, usize)> {
    let start = j;
    let mut words: Vec<String> = Vec::new();
    let mut glue = false;
    while words.len() < 3 {
        let Some(t) = toks.get(j) else { break };
        if !np_word(t) {
            break;
        }
        // Proper nouns only as nationalities ("14 Palestinians", "3 Ukrainian soldiers")
        // or after "of" ("a fifth of Brezhovo"); else "$2.5bn Ruiz said" would count Ruiz.
        // A lower-case noun follows: the word is a modifier ("undocumented
        // migrants", "US agencies"), not a verb or a name.
        let modifier = toks.get(j + 1).is_some_and(|n| {
            n.gap && np_word(n) && !n.cap && !is_adverb(&n.lower) && (singular(&n.lower) != n.lower || n.lower == "people")
        });
        if t.cap && !allow_proper {
            let demonym = ["ans", "ian", "ese", "is", "ish", "an"].iter().any(|e| t.lower.ends_with(e));
            if !demonym && !modifier {
                break;
            }
        }
        // Verb-looking words end the phrase: "17 killed", "30 fled".
        if t.lower.len() > 4 && t.lower.ends_with("ed") && !t.cap && !modifier {
            break;
        }
        if is_adverb(&t.lower) {
            break;
        }
        // "$8 million attacking Ruiz"
        if words.is_empty() && t.lower.ends_with("ing") && !modifier {
            break;
        }
        if !words.is_empty() && t.lower.ends_with("ing") && t.lower.len() > 5 {
            break;
        }
        match words.last_mut() {
            // "cease-fire" -> "ceasefire"
            Some(last) if glue => last.push_str(&t.lower),
            _ => words.push(t.lower.to_string()),
        }
        glue = false;
        j += 1;
        let plural = t.lower.len() > 3
            && t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && !t.lower.ends_with("us")
            && !t.lower.ends_with("is");
        if plural || matches!(t.lower.as_ref(), "people" | "children" | "men" | "women" | "police") {
            break; // a plural is the head: "3 bridges fell", "residents lost power"
        }
        // "phone-call": glue hyphenated compounds.
        if toks.get(j).is_some_and(|h| is_hyphen(h) && !h.gap) && toks.get(j + 1).is_some_and(|n| !n.gap && np_word(n)) {
            j += 1;
            glue = true;
        }
    }
    if words.is_empty() {
        return None;
    }
    let last = words.len() - 1;
    words[last] = singular(&words[last]);
    let mut counted = words.join(" ");
    let mut end = toks[j - 1].end;
    // "of war", "of state": a bare lower-case noun after "of".
    if lw(toks, j) == "of" {
        if let Some(t) = toks.get(j + 1) {
            if np_word(t) && !t.cap && toks.get(j + 2).is_none_or(|n| !np_word(n)) && !t.lower.ends_with("ing") {
                counted.push_str(" of ");
                counted.push_str(&t.lower);
                end = t.end;
                j += 2;
            }
        }
    }
    Some((counted, Span::new(toks[start].start, end), j))
}

/// Singular of a lower-case English noun, good enough for comparing heads.
pub fn singular(w: &str) -> String {
    let irregular = [
        ("people", "people"), ("persons", "people"), ("person", "people"), ("children", "child"), ("men", "man"),
        ("women", "woman"), ("police", "police"), ("feet", "foot"), ("teeth", "tooth"), ("mice", "mouse"),
        ("lives", "life"), ("wives", "wife"), ("knives", "knife"), ("halves", "half"), ("news", "news"),
        ("series", "series"), ("species", "species"), ("staff", "staff"), ("troops", "troop"),
        ("civilians", "civilian"), ("crises", "crisis"), ("analyses", "analysis"), ("thieves", "thief"),
    ];
    for (p, s) in irregular {
        if w == p {
            return s.to_string();
        }
    }
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 4 && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches") || w.ends_with("xes") || w.ends_with("zes")) {
        return w[..n - 2].to_string();
    }
    if n >= 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !matches!(w, "gas" | "yes" | "has" | "was" | "its" | "bus") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// A figure phrase being read, left to right: the cursor and what is known
/// so far. Each phase of [`parse_figure`] reads on from `j`.
struct Draft {
    /// The next token to read.
    j: usize,
    hedge: Hedge,
    unit: String,
    kind: FigureKind,
    upper: Option<f64>,
    counted: String,
    counted_span: Option<Span>,
    /// Where the phrase ends so far.
    end_byte: usize,
}

/// Tries a figure starting at token `i`. Returns it and the token index after it.
///
/// The phases, in order: a hedge or "between" and a currency before the number
/// ([`lead`]); the number, and what rules it out as a figure; a ratio ("7 in
/// 10"); a range ([`range`]); a year on its own; "or more"; the unit or
/// compound after it ([`units`]); what it counts ([`counted`]); what happened
/// to the counted things ([`predicate`]); and last the readings that make it
/// an age or a label rather than a count ([`settle`]).
pub(crate) fn parse_figure(text: &str, toks: &[Tok], i: usize) -> Option<(Figure, usize)> {
    let start_tok = i;
    let (mut hedge, between, unit, num_tok) = lead(toks, i)?;
    let nt = toks.get(num_tok)?;
    let mut num = parse_number(text, toks, num_tok)?;
    if num.digits && digits_excluded(text, toks, num_tok) {
        return None;
    }
    if num.digits && unit.is_empty() && i == num_tok && toks.get(num_tok.wrapping_sub(1)).is_some_and(|p| !nt.gap && p.kind == TokKind::Sym && !is_hyphen(p) && !matches!(p.lower.as_ref(), "(" | "[" | "\"" | "“" | "'" | "‘" | "~")) {
        return None;
    }
    let prev_word = num_tok.checked_sub(1).map(|p| lw(toks, p)).unwrap_or("");
    // "one" as a pronoun: "the one who", "one of the", "no one".
    if !num.digits
        && nt.lower == "one"
        && num.end == num_tok + 1
        && (matches!(prev_word, "the" | "this" | "that" | "no" | "any" | "every" | "each" | "which" | "some" | "such" | "another")
            || matches!(lw(toks, num.end), "of" | "another" | "who" | "that" | "which" | "thing" | "day" | "time" | "way")
            || toks.get(num.end).is_none_or(|t| t.kind != TokKind::Word && (!is_hyphen(t) || t.gap)))
    {
        return None;
    }
    if let Some(h) = num.hedge {
        if hedge == Hedge::Exact {
            hedge = h;
        }
    }
    ratio(text, toks, &mut num, between);
    let mut d = Draft {
        j: num.end,
        hedge,
        unit,
        kind: if num.fraction { FigureKind::Fraction } else { FigureKind::Count },
        upper: None,
        counted: String::new(),
        counted_span: None,
        end_byte: 0,
    };
    range(text, toks, &mut d, &mut num, between, prev_word == "from", nt)?;
    if between && d.upper.is_none() {
        return None;
    }
    // Years: "in 2022", "2022 elections" (a bare year-like number, no unit or hedge).
    if num.digits && is_year_like(text, nt) && d.unit.is_empty() && d.hedge == Hedge::Exact && d.upper.is_none() {
        let next = toks.get(d.j);
        let plural_noun = next.is_some_and(|t| np_word(t) && !t.cap && t.lower.ends_with('s') && t.lower.len() > 3);
        let unit_next = next.is_some_and(|t| measure_unit(&t.lower).is_some() || currency_word(&t.lower).is_some() || t.lower == "%" || t.lower == "per" || t.lower == "percent");
        if year_context(toks, num_tok) || !(plural_noun || unit_next) {
            return None;
        }
    }
    after_hedge(toks, &mut d.j, &mut d.hedge);
    d.end_byte = toks[d.j - 1].end;
    let compound = units(toks, &mut d, &num)?;
    if !compound {
        counted(toks, &mut d, &num);
    }
    after_hedge(toks, &mut d.j, &mut d.hedge);
    let predicate = predicate(toks, &d, start_tok);
    settle(text, toks, &mut d, &num, &predicate, start_tok, num_tok)?;
    // Sanity: the number itself.
    if !num.value.is_finite() || d.upper.is_some_and(|u| !u.is_finite()) {
        return None;
    }
    let start_byte = toks[start_tok].start;
    if d.end_byte < start_byte {
        return None;
    }
    let fig = Figure {
        span: Span::new(start_byte, d.end_byte),
        value: num.value,
        upper: d.upper,
        hedge: d.hedge,
        unit: d.unit,
        counted: d.counted,
        counted_span: d.counted_span,
        kind: d.kind,
        vague: num.vague,
        predicate,
    };
    Some((fig, d.j.max(num.end)))
}

/// Before the number: a hedge ("at least") or "between", and a currency
/// ("$2.5bn", "US$40", "€300"). Returns the hedge, whether "between" opened
/// a range, the currency unit (or empty) and the number's token.
fn lead(toks: &[Tok], i: usize) -> Option<(Hedge, bool, String, usize)> {
    let mut j = i;
    let mut hedge = Hedge::Exact;
    let mut between = false;
    if let Some((h, n)) = hedge_at(toks, j) {
        hedge = h;
        j += n;
    } else if lw(toks, j) == "between" {
        between = true;
        j += 1;
    }
    let mut unit = String::new();
    if lw(toks, j) == "us" && toks.get(j + 1).is_some_and(|t| t.lower == "$" && !t.gap) {
        j += 1;
    }
    if let Some(c) = toks.get(j).and_then(currency_prefix) {
        let nt = toks.get(j + 1)?;
        if nt.kind == TokKind::Num {
            unit = c.to_string();
            j += 1;
        }
    }
    Some((hedge, between, unit, j))
}

/// Ratios: "7 in 10 residents", "one in five", "3 out of 5" become fractions.
fn ratio(text: &str, toks: &[Tok], num: &mut Num, between: bool) {
    if num.fraction || num.vague || between || num.value < 1.0 || num.value.fract() != 0.0 {
        return;
    }
    let k = match (lw(toks, num.end), lw(toks, num.end + 1)) {
        ("in" | "of", _) => Some(num.end + 1),
        ("out", "of") => Some(num.end + 2),
        _ => None,
    };
    let Some(k) = k else { return };
    if let Some(d) = parse_number(text, toks, k).filter(|d| !d.vague && !d.fraction && !d.scaled) {
        // "two in 10 days" is not a ratio; nor is "3 in 2022".
        let year = toks.get(k).is_some_and(|t| is_year_like(text, t))
            || duration_unit(lw(toks, d.end)).is_some()
            || measure_unit(lw(toks, d.end)).is_some()
            || toks.get(k).is_some_and(|t| t.kind == TokKind::Num && digits_excluded(text, toks, k));
        if !year && d.value > num.value && d.value <= 1000.0 && d.value.fract() == 0.0 {
            *num = frac(num.value / d.value, d.end);
        }
    }
}

/// Ranges: "between 10 and 12", "10-12", "10 to 12". `None` when what looks
/// like a range shows the number is no figure (a phone number "555-0123",
/// years "2022-23", a score "3-1").
fn range(text: &str, toks: &[Tok], d: &mut Draft, num: &mut Num, between: bool, from_before: bool, nt: &Tok) -> Option<()> {
    let j = d.j;
    let range_sep = toks.get(j).map(|t| {
        (between && t.lower == "and")
            || (!between && (is_range_dash(t) || t.lower == "to" || t.lower == "or") && !num.vague && !num.fraction)
    });
    if range_sep != Some(true) {
        return Some(());
    }
    let sep = &toks[j];
    // "$200 million and $300 million", "$1.5-$2bn": the currency again.
    let mut sep_end = j + 1;
    if !d.unit.is_empty() && toks.get(j + 1).and_then(currency_prefix) == Some(d.unit.as_str()) {
        sep_end += 1;
    }
    let k = sep_end - 1;
    let Some(t2) = toks.get(k + 1) else { return Some(()) };
    let same_form = (t2.kind == TokKind::Num) == num.digits;
    if !(same_form && !from_before && (!matches!(sep.lower.as_ref(), "to" | "or") || t2.kind == TokKind::Num || small_number(&t2.lower).is_some() || tens_number(&t2.lower).is_some())) {
        return Some(());
    }
    let Some(n2) = parse_number(text, toks, k + 1).filter(|n| !n.vague && !n.fraction) else { return Some(()) };
    let glued_ok = !(n2.digits && digits_excluded(text, toks, k + 1)) || is_range_dash(sep);
    let text2 = &text[t2.start..t2.end];
    let leading_zero = text2.len() > 1 && text2.starts_with('0');
    let v2 = n2.value;
    let mut first = num.value;
    if n2.scaled && !num.scaled && n2.digits && num.digits {
        let sc = toks.get(n2.end - 1).and_then(|s| digit_scale(&s.lower, !s.gap)).unwrap_or(1.0);
        first *= sc;
    }
    if leading_zero && is_range_dash(sep) {
        return None; // "555-0123"
    }
    if is_year_like(text, nt) && t2.kind == TokKind::Num && (is_year_like(text, t2) || text2.len() == 2) {
        return None; // "2022-23", "1990-2000"
    }
    if glued_ok && v2 > first {
        num.value = first;
        d.upper = Some(v2);
        num.scaled |= n2.scaled;
        d.j = n2.end;
    } else if is_range_dash(sep) && n2.digits && !sep.gap && !t2.gap {
        return None; // scores "3-1", "2-0"
    }
    Some(())
}

/// "or more", "+", "plus", "or so" after the number.
fn after_hedge(toks: &[Tok], j: &mut usize, hedge: &mut Hedge) {
    if toks.get(*j).is_some_and(|t| t.lower == "+" && !t.gap) {
        if *hedge == Hedge::Exact {
            *hedge = Hedge::AtLeast;
        }
        *j += 1;
    } else if lw(toks, *j) == "or" && lw(toks, *j + 1) == "more" {
        if *hedge == Hedge::Exact {
            *hedge = Hedge::AtLeast;
        }
        *j += 2;
    } else if lw(toks, *j) == "or" && lw(toks, *j + 1) == "so" {
        if *hedge == Hedge::Exact {
            *hedge = Hedge::About;
        }
        *j += 2;
    }
}

/// The unit after the number: percent ("20 per cent", "3 percentage
/// points"), a compound adjective ("30-day truce", "1,000-prisoner exchange",
/// "40-year-old man"), or a duration, measure or currency word. Returns
/// whether it was a compound (which has read what it counts already), or
/// `None` when a compound is no figure.
fn units(toks: &[Tok], d: &mut Draft, num: &Num) -> Option<bool> {
    let j = d.j;
    let next = toks.get(j);
    let next_lower = lw(toks, j);
    let glued_hyphen = next.is_some_and(|t| is_hyphen(t) && !t.gap) && toks.get(j + 1).is_some_and(|t| !t.gap && t.kind == TokKind::Word);
    if !num.fraction && (next_lower == "%" || next_lower == "percent" || next_lower == "pct" || next_lower == "pc" || (next_lower == "per" && lw(toks, j + 1) == "cent")) {
        d.kind = FigureKind::Percent;
        d.unit = "percent".into();
        d.j += if next_lower == "per" { 2 } else { 1 };
        if lw(toks, d.j) == "points" || (lw(toks, d.j) == "point") {
            d.unit = "percentage point".into();
            d.j += 1;
        } else if lw(toks, d.j) == "-" && lw(toks, d.j + 1) == "point" {
            d.unit = "percentage point".into();
            d.j += 2;
        }
        d.end_byte = toks[d.j - 1].end;
        Some(false)
    } else if !num.fraction && next_lower == "percentage" && matches!(lw(toks, j + 1), "point" | "points") {
        d.kind = FigureKind::Percent;
        d.unit = "percentage point".into();
        d.j += 2;
        d.end_byte = toks[d.j - 1].end;
        Some(false)
    } else if glued_hyphen && !num.vague && !num.fraction {
        compound(toks, d)?;
        Some(true)
    } else {
        let mut k = j;
        if let Some(u) = duration_unit(next_lower).filter(|_| !num.fraction && !num.vague) {
            d.unit = u.to_string();
            d.kind = FigureKind::Duration;
            k += 1;
        } else if let Some(u) = measure_unit(next_lower).filter(|_| !num.fraction && !num.vague) {
            d.unit = u.to_string();
            d.kind = FigureKind::Measure;
            k += 1;
            // "km/h"
            if u == "km" && lw(toks, k) == "/" && lw(toks, k + 1) == "h" {
                d.unit = "km/h".into();
                k += 2;
            }
        } else if next_lower == "°" && !num.fraction && !num.vague {
            d.kind = FigureKind::Measure;
            k += 1;
            d.unit = match lw(toks, k) {
                "c" | "f" => {
                    k += 1;
                    format!("°{}", lw(toks, k - 1).to_uppercase())
                }
                _ => "°".into(),
            };
        } else if next_lower == "square" && measure_unit(lw(toks, j + 1)).is_some() && !num.fraction {
            d.unit = format!("sq {}", measure_unit(lw(toks, j + 1)).unwrap_or(""));
            d.kind = FigureKind::Measure;
            k += 2;
        } else if let Some(c) = currency_word(next_lower).filter(|_| !num.fraction) {
            d.unit = c.to_string();
            k += 1;
        }
        if k > j {
            d.end_byte = toks[k - 1].end;
            d.j = k;
        }
        if !d.unit.is_empty() && matches!(d.unit.as_str(), "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "RUB" | "UAH" | "INR") {
            d.kind = FigureKind::Money;
        }
        Some(false)
    }
}

/// A compound adjective after a glued hyphen: "30-day truce",
/// "1,000-prisoner exchange", "40-year-old man", "2-km-wide zone".
fn compound(toks: &[Tok], d: &mut Draft) -> Option<()> {
    let j = d.j;
    let w = lw(toks, j + 1).to_string();
    let mut k = j + 2;
    if let Some(u) = duration_unit(&w) {
        d.unit = u.to_string();
        d.kind = FigureKind::Duration;
        if toks.get(k).is_some_and(|t| is_hyphen(t) && !t.gap) && lw(toks, k + 1) == "old" {
            d.kind = FigureKind::Age;
            k += 2;
        }
    } else if let Some(u) = measure_unit(&w) {
        d.unit = u.to_string();
        d.kind = FigureKind::Measure;
    } else if let Some(c) = currency_word(&w) {
        d.unit = c.to_string();
        d.kind = FigureKind::Money;
    } else if w == "percent" {
        d.unit = "percent".into();
        d.kind = FigureKind::Percent;
    } else if is_compound_adjective(&w) {
    } else if np_word(&toks[j + 1]) {
        d.counted = singular(&w);
        d.counted_span = Some(Span::new(toks[j + 1].start, toks[j + 1].end));
    } else {
        return None;
    }
    // "40-month-long war", "2-km-wide zone"
    if d.kind != FigureKind::Age
        && d.counted.is_empty()
        && toks.get(k).is_some_and(|t| is_hyphen(t) && !t.gap)
        && toks.get(k + 1).is_some_and(|t| !t.gap && is_compound_adjective(&t.lower))
    {
        k += 2;
    }
    d.end_byte = toks[k - 1].end;
    d.j = k;
    if d.kind == FigureKind::Age || d.counted.is_empty() {
        if let Some((c, s, e)) = parse_np(toks, d.j, false) {
            d.counted = c;
            d.counted_span = Some(s);
            d.end_byte = s.end as usize;
            d.j = e;
        }
    } else if let Some((_, s, e)) = parse_np(toks, d.j, false) {
        // "1,000-prisoner exchange": the span takes the noun it modifies.
        d.end_byte = s.end as usize;
        d.j = e;
    }
    Some(())
}

/// What the figure counts: the noun phrase after it, or after "of" ("a
/// fifth of the region", "dozens of villagers", "$2bn in aid").
fn counted(toks: &[Tok], d: &mut Draft, num: &Num) {
    let j = d.j;
    let after_of = d.kind == FigureKind::Fraction || d.kind == FigureKind::Percent || num.vague;
    let mut np_start = j;
    if lw(toks, j) == "of" && (after_of || d.kind == FigureKind::Count || d.kind == FigureKind::Money)
        || lw(toks, j) == "in" && d.kind == FigureKind::Money
    {
        np_start = j + 1;
        if matches!(lw(toks, np_start), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "those" | "these" | "all") {
            np_start += 1;
        }
    }
    let take_np = match d.kind {
        FigureKind::Count | FigureKind::Fraction | FigureKind::Percent => true,
        FigureKind::Money => true,
        _ => np_start > j,
    };
    if take_np {
        let proper = np_start > j;
        if let Some((c, s, e)) = parse_np(toks, np_start, proper) {
            d.counted = c;
            d.counted_span = Some(s);
            d.end_byte = s.end as usize;
            d.j = e;
        }
    }
}

/// What happened to the counted things: "14 civilians killed", "17 were
/// killed", "the flood killed 14 people". Counts only.
fn predicate(toks: &[Tok], d: &Draft, start_tok: usize) -> String {
    // "each", "apiece" belong to the figure phrase but not to what it counts.
    let mut q = d.j;
    if matches!(lw(toks, q), "each" | "apiece") {
        q += 1;
    }
    if matches!(lw(toks, q), "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been" | "being" | "reportedly") {
        q += 1;
        if matches!(lw(toks, q), "been" | "reportedly") {
            q += 1;
        }
    }
    if d.kind != FigureKind::Count {
        // "the 40-month war displaced ...": the war is not what was displaced.
        String::new()
    } else if let Some(p) = predicate_word(lw(toks, q)) {
        p.to_string()
    } else if let Some(p) = start_tok.checked_sub(1).and_then(|b| predicate_verb(lw(toks, b))) {
        // "the flood killed 14 people", "killing at least 17"
        p.to_string()
    } else {
        String::new()
    }
}

/// The last word on what the figure is: `None` for a bare number word, a
/// dangling "half of", or a label ("Glock 19", "Apollo 11 mission"); an age
/// for "a three-year-old" person or "Ruiz, 54, said", a duration for "a
/// three-year-old conflict".
fn settle(text: &str, toks: &[Tok], d: &mut Draft, num: &Num, predicate: &str, start_tok: usize, num_tok: usize) -> Option<()> {
    // A bare number word with nothing around it is not worth reporting.
    if !num.digits && !num.fraction && !num.vague && d.counted.is_empty() && predicate.is_empty() && d.unit.is_empty() {
        return None;
    }
    if num.fraction && d.counted.is_empty() && !num.vague {
        // "two-thirds" alone is fine, "half of" alone is not.
        if lw(toks, num.end - 1) == "of" {
            return None;
        }
    }
    // "a three-year-old conflict" is a duration; ages are of people.
    if d.kind == FigureKind::Age && !d.counted.is_empty() && !is_person_noun(head(&d.counted)) {
        d.kind = FigureKind::Duration;
    }
    // "Ruiz, 54, said": an age in apposition to a name.
    if num.digits
        && d.kind == FigureKind::Count
        && d.hedge == Hedge::Exact
        && d.upper.is_none()
        && d.counted.is_empty()
        && (1.0..=120.0).contains(&num.value)
        && num.value.fract() == 0.0
        && start_tok >= 2
        && toks[start_tok - 1].lower == ","
        && toks[start_tok - 2].kind == TokKind::Word
        && toks[start_tok - 2].cap
        && matches!(lw(toks, num.end), "," | ")" | "." | ";")
    {
        d.kind = FigureKind::Age;
        d.unit = "year".into();
    }
    // "Glock 19", "Apollo 11 mission": a number after a name, counting
    // nothing or one thing, is a label.
    let singular_head = d.counted_span.and_then(|s| s.slice(text)).is_some_and(|w| {
        let w = w.split(" of ").next().unwrap_or(w);
        let last = w.rsplit(' ').next().unwrap_or(w).to_lowercase();
        singular(&last) == last && !matches!(last.as_str(), "people" | "police" | "staff")
    });
    if num.digits
        && d.kind == FigureKind::Count
        && (d.counted.is_empty() || singular_head && num.value > 1.0)
        && predicate.is_empty()
        && d.unit.is_empty()
        && d.hedge == Hedge::Exact
        && d.upper.is_none()
        && num_tok >= 1
        && toks[num_tok - 1].kind == TokKind::Word
        && toks[num_tok - 1].cap
        && num_tok >= 2
        && !matches!(toks[num_tok - 2].lower.as_ref(), "." | "!" | "?" | "\"" | "“" | ":")
    {
        return None;
    }
    Some(())
}
