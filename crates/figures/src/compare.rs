//! Comparing figures across reports: whether two count the same thing
//! ([`same_quantity`]) and whether both can be true ([`compatible`]).

use crate::words::*;
use newsfuse_doc::{Figure, FigureKind, Hedge};

/// The head noun of a counted phrase: "prisoner" for "prisoner of war",
/// "call" for "phone call".
pub(crate) fn head(counted: &str) -> &str {
    let before_of = counted.split(" of ").next().unwrap_or(counted);
    canon(before_of.rsplit(' ').next().unwrap_or(before_of))
}

/// One name for nouns news uses interchangeably.
pub(crate) fn canon(w: &str) -> &str {
    match w {
        "truce" | "ceasefire" | "armistice" => "ceasefire",
        "person" | "people" | "individual" => "people",
        "pow" => "prisoner",
        "fatality" | "death" => "dead",
        "talk" | "negotiation" => "talk",
        "kid" => "child",
        _ => w,
    }
}

/// The words of a counted phrase before any "of" complement, canonical.
/// Keys two figures must share one of to be [`same_quantity`]: the counted
/// head noun and the nouns modifying it, and (when it says) what happened to
/// them. Lets callers compare a figure only with the few that could match.
pub fn quantity_keys(f: &Figure) -> Vec<String> {
    let mut keys: Vec<String> = modifiers(&f.counted).filter(|w| !w.is_empty()).map(|w| format!("n:{w}")).collect();
    let h = head(&f.counted);
    if !h.is_empty() {
        keys.push(format!("n:{h}"));
    }
    if !f.predicate.is_empty() {
        keys.push(format!("p:{}", f.predicate));
    }
    keys.sort();
    keys.dedup();
    keys
}

pub(crate) fn modifiers(counted: &str) -> impl Iterator<Item = &str> {
    counted.split(" of ").next().unwrap_or(counted).split(' ').map(canon)
}

pub(crate) fn generic(counted: &str) -> bool {
    matches!(head(counted), "people" | "person" | "")
}

pub(crate) fn is_money_unit(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether two figures measure the same thing: the same kind (a percentage
/// and a fraction compare), a compatible unit, and the same counted head noun
/// (singular, lower-case). "People" matches any head when both say what
/// happened ("14 civilians killed", "17 people were killed"); a figure that
/// counts nothing matches only through the same predicate.
pub fn same_quantity(a: &Figure, b: &Figure) -> bool {
    use FigureKind::*;
    let kinds_ok = a.kind == b.kind || matches!((a.kind, b.kind), (Percent, Fraction) | (Fraction, Percent));
    if !kinds_ok {
        return false;
    }
    match a.kind {
        Duration => {}
        Percent | Fraction => {
            if a.kind == b.kind && a.unit != b.unit {
                return false;
            }
        }
        _ => {
            if a.unit != b.unit {
                return false;
            }
        }
    }
    let (ha, hb) = (head(&a.counted), head(&b.counted));
    if !a.predicate.is_empty() && !b.predicate.is_empty() && a.predicate != b.predicate {
        return false;
    }
    if !ha.is_empty() && ha == hb {
        return true;
    }
    // "a 30-day ceasefire proposal" and "a 30-day truce": the figure modifies
    // the first noun of a compound as often as its head.
    if !ha.is_empty() && !hb.is_empty() && !generic(&a.counted) && !generic(&b.counted)
        && (modifiers(&a.counted).any(|w| w == hb) || modifiers(&b.counted).any(|w| w == ha))
    {
        return true;
    }
    let both_pred = !a.predicate.is_empty() && a.predicate == b.predicate;
    both_pred && (generic(&a.counted) || generic(&b.counted))
}

/// The comparable scale of a figure's value: durations in seconds,
/// percentages as fractions.
pub(crate) fn scaled(f: &Figure, v: f64) -> f64 {
    match f.kind {
        FigureKind::Duration => v * duration_seconds(&f.unit).unwrap_or(1.0),
        FigureKind::Percent if f.unit == "percent" => v / 100.0,
        _ => v,
    }
}

/// How much a reported exact number may have been rounded: 5% for round
/// numbers of 100 and more ("1,000", "$2.5bn"), nothing for small counts.
pub(crate) fn rounding(v: f64) -> f64 {
    let a = v.abs();
    if a >= 100.0 && a.fract() == 0.0 && a % 100.0 == 0.0 {
        0.05 * a
    } else {
        0.0
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Interval {
    pub(crate) lo: f64,
    pub(crate) lo_open: bool,
    pub(crate) hi: f64,
    pub(crate) hi_open: bool,
}

pub(crate) fn interval(f: &Figure) -> Interval {
    let lo = f.value;
    let hi = f.upper.unwrap_or(f.value).max(lo);
    let tol_lo = rounding(lo);
    let tol_hi = rounding(hi);
    let about = |v: f64| (0.1 * v.abs()).max(rounding(v)).max(1.0_f64.min(v.abs()));
    let (l, lo_open, h, hi_open) = match f.hedge {
        Hedge::Exact => (lo - tol_lo, false, hi + tol_hi, false),
        Hedge::About => (lo - about(lo), false, hi + about(hi), false),
        Hedge::AtLeast => (lo - tol_lo, false, f64::INFINITY, false),
        Hedge::MoreThan => (lo - tol_lo, tol_lo == 0.0, f64::INFINITY, false),
        Hedge::AtMost => (f64::NEG_INFINITY, false, hi + tol_hi, false),
        Hedge::LessThan => (f64::NEG_INFINITY, false, hi + tol_hi, tol_hi == 0.0),
        Hedge::UpTo => (0.0_f64.min(lo), false, hi + tol_hi, false),
        Hedge::Nearly => (lo - (0.1 * lo.abs()).max(1.0).max(tol_lo), false, hi + tol_hi, false),
    };
    Interval { lo: scaled(f, l), lo_open, hi: scaled(f, h), hi_open }
}

pub(crate) fn overlap(a: Interval, b: Interval) -> bool {
    let below = |lo: f64, lo_open: bool, hi: f64, hi_open: bool| lo < hi || (lo == hi && !lo_open && !hi_open);
    below(a.lo, a.lo_open, b.hi, b.hi_open) && below(b.lo, b.lo_open, a.hi, a.hi_open)
}

/// Whether the values of two figures can both be true, given hedges, ranges
/// and rounding: "at least 17" and "20" are compatible, "14" and "17" are
/// not. Vague figures are compatible with anything, and so are figures whose
/// units cannot be compared (two currencies): this never claims a conflict it
/// cannot see. Meant for pairs that are [`same_quantity`].
pub fn compatible(a: &Figure, b: &Figure) -> bool {
    if a.vague || b.vague {
        return true;
    }
    if (is_money_unit(&a.unit) || is_money_unit(&b.unit)) && a.unit != b.unit {
        return true;
    }
    if a.kind == FigureKind::Duration && b.kind == FigureKind::Duration
        && (duration_seconds(&a.unit).is_none() || duration_seconds(&b.unit).is_none())
    {
        return true;
    }
    if a.kind == FigureKind::Measure && b.kind == FigureKind::Measure && a.unit != b.unit {
        return true;
    }
    overlap(interval(a), interval(b))
}
