//! Numbers: digits with separators and decimals, number words ("two hundred and
//! fifty"), fractions ("a fifth"), and which digit strings are years, dates or
//! clock times rather than figures.

use crate::tokens::*;
use crate::words::*;
use newsfuse_doc::Hedge;

/// Parses a digit token: "1,000", "2.5", "1.000.000". `None` when it is not a
/// plain quantity (leading zeros, version numbers, long digit runs).
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' && bytes[1] != b'.' {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_of_three = |sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let clean: String = if commas > 0 && dots == 0 {
        if !groups_of_three(',') {
            return None;
        }
        s.replace(',', "")
    } else if commas > 0 && dots == 1 {
        let (int, _) = s.split_once('.')?;
        let mut parts = int.split(',');
        let first = parts.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || !parts.all(|p| p.len() == 3) {
            return None;
        }
        s.replace(',', "")
    } else if commas == 0 && dots > 1 {
        // European thousands: "1.000.000".
        if !groups_of_three('.') {
            return None;
        }
        s.replace('.', "")
    } else if commas == 0 {
        let int_len = s.split('.').next().unwrap_or("").len();
        if int_len > 8 {
            return None; // phone numbers, ids
        }
        s.to_string()
    } else {
        return None;
    };
    let v: f64 = clean.parse().ok()?;
    v.is_finite().then_some(v)
}

pub(crate) struct Num {
    pub(crate) value: f64,
    /// Token index after the number.
    pub(crate) end: usize,
    pub(crate) vague: bool,
    /// Set by "a dozen" (About) or "dozens".
    pub(crate) hedge: Option<Hedge>,
    pub(crate) fraction: bool,
    /// A scale word was part of it ("2.5 million").
    pub(crate) scaled: bool,
    pub(crate) digits: bool,
}

/// A number written in words starting at `i`: "twenty-one", "a hundred",
/// "two thousand five hundred", "a dozen".
pub(crate) fn parse_number_words(toks: &[Tok], i: usize) -> Option<Num> {
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut hedge = None;
    let mut scaled = false;
    if matches!(lw(toks, j), "a" | "an" | "one") {
        let next = lw(toks, j + 1);
        if next == "hundred" || big_scale(next).is_some() {
            current = 1.0;
            j += 1;
        } else if next == "dozen" {
            return Some(Num {
                value: 12.0,
                end: j + 2,
                vague: false,
                hedge: Some(Hedge::About),
                fraction: false,
                scaled: false,
                digits: false,
            });
        } else if lw(toks, j) != "one" {
            return None;
        }
    }
    loop {
        let w = lw(toks, j);
        // Bounded, so that a run of number words costs linear time overall.
        if j >= i + 12 || toks.get(j).is_none_or(|t| t.kind != TokKind::Word) {
            break;
        }
        if let Some(n) = small_number(w) {
            if any && current % 100.0 != 0.0 {
                break; // "two three"
            }
            current += n;
            any = true;
            j += 1;
        } else if let Some(n) = tens_number(w) {
            if any && current % 100.0 != 0.0 {
                break;
            }
            current += n;
            any = true;
            j += 1;
            // "twenty-one"
            if toks.get(j).is_some_and(|t| is_hyphen(t) && !t.gap)
                && toks.get(j + 1).is_some_and(|t| !t.gap)
            {
                if let Some(u) = small_number(lw(toks, j + 1)).filter(|u| *u >= 1.0 && *u <= 9.0) {
                    current += u;
                    j += 2;
                }
            }
        } else if w == "hundred" && (any || current > 0.0) {
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
            any = true;
            j += 1;
            if lw(toks, j) == "and"
                && (small_number(lw(toks, j + 1)).is_some() || tens_number(lw(toks, j + 1)).is_some())
            {
                j += 1;
            }
        } else if let Some(s) = big_scale(w).filter(|_| any || current > 0.0) {
            total += (if current == 0.0 { 1.0 } else { current }) * s;
            current = 0.0;
            any = true;
            scaled = true;
            j += 1;
            if lw(toks, j) == "and"
                && (small_number(lw(toks, j + 1)).is_some() || tens_number(lw(toks, j + 1)).is_some())
            {
                j += 1;
            }
        } else if w == "dozen" && any {
            current *= 12.0;
            hedge = Some(Hedge::About);
            j += 1;
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    // "and" swallowed without a number after it cannot happen (checked above).
    Some(Num { value: total + current, end: j, vague: false, hedge, fraction: false, scaled, digits: false })
}

/// A fraction at `i`: "half of", "a fifth of", "two-thirds", "one third of".
pub(crate) fn parse_fraction(toks: &[Tok], i: usize) -> Option<Num> {
    let w0 = lw(toks, i);
    if w0 == "half" {
        if lw(toks, i + 1) == "of" {
            return Some(frac(0.5, i + 1));
        }
        return None;
    }
    let numerator = match w0 {
        "a" | "an" | "one" => 1.0,
        _ => small_number(w0).filter(|n| *n >= 2.0)?,
    };
    let (mut j, hyph) = if toks.get(i + 1).is_some_and(|t| is_hyphen(t) && !t.gap) { (i + 2, true) } else { (i + 1, false) };
    if hyph && toks.get(j).is_some_and(|t| t.gap) {
        return None;
    }
    let w = lw(toks, j);
    let d = denominator(w)?;
    let plural = w.ends_with('s');
    if numerator >= 2.0 && !plural || numerator == 1.0 && plural {
        return None;
    }
    j += 1;
    // "a third" / "one third" needs "of" (else "a third attempt"); "two-thirds" stands alone.
    if numerator == 1.0 && lw(toks, j) != "of" {
        return None;
    }
    if d == 2.0 && numerator == 1.0 && w0 != "one" && w != "half" {
        return None;
    }
    Some(frac(numerator / d, j))
}

pub(crate) fn frac(value: f64, end: usize) -> Num {
    Num { value, end, vague: false, hedge: None, fraction: true, scaled: false, digits: false }
}

/// Any number at `i`.
pub(crate) fn parse_number(text: &str, toks: &[Tok], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => {
            let s = &text[t.start..t.end];
            let mut value = parse_digits(s)?;
            let mut j = i + 1;
            let mut scaled = false;
            if let Some(n) = toks.get(j) {
                if n.kind == TokKind::Word {
                    if let Some(sc) = digit_scale(&n.lower, !n.gap) {
                        value *= sc;
                        scaled = true;
                        j += 1;
                    }
                }
            }
            Some(Num { value, end: j, vague: false, hedge: None, fraction: false, scaled, digits: true })
        }
        TokKind::Word => {
            let w = t.lower.as_ref();
            if let Some(v) = vague_number(w) {
                // "tens of thousands", "hundreds of thousands"
                let mut value = v;
                let mut j = i + 1;
                if lw(toks, j) == "of" {
                    if let Some(v2) = vague_number(lw(toks, j + 1)).filter(|_| v < 1000.0 && w != "dozens") {
                        value = v * v2 / 2.0;
                        j += 2;
                    }
                }
                return Some(Num { value, end: j, vague: true, hedge: Some(Hedge::About), fraction: false, scaled: false, digits: false });
            }
            if w == "tens" && lw(toks, i + 1) == "of" {
                if let Some(v2) = vague_number(lw(toks, i + 2)).filter(|v| *v >= 1000.0) {
                    return Some(Num { value: 10.0 * v2, end: i + 3, vague: true, hedge: Some(Hedge::About), fraction: false, scaled: false, digits: false });
                }
            }
            if let Some(f) = parse_fraction(toks, i) {
                return Some(f);
            }
            parse_number_words(toks, i)
        }
        TokKind::Sym => None,
    }
}
