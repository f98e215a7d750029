//! Figures: the numbers a story reports ("at least 17 civilians", "a 30-day
//! truce", "$2.5bn", "a fifth of the region"), normalized so that two reports
//! of one quantity can be compared. A per-document stage: the pipeline stores
//! each document's figures in [`Document::figures`]; the cross-document stages
//! compare them.
//!
//! ```
//! use newsfuse_doc::{Document, FigureKind, Hedge};
//!
//! let doc = Document::new("d", Default::default(), "At least 17 civilians were killed.".into());
//! let found = newsfuse_figures::figures(&doc);
//! assert_eq!((found[0].value, found[0].hedge, found[0].kind), (17.0, Hedge::AtLeast, FigureKind::Count));
//! assert_eq!((found[0].counted.as_str(), found[0].predicate.as_str()), ("civilian", "killed"));
//! let other = newsfuse_figures::figures(&Document::new("e", Default::default(), "Fourteen civilians were killed.".into()));
//! assert!(newsfuse_figures::same_quantity(&found[0], &other[0]));
//! assert!(!newsfuse_figures::compatible(&found[0], &other[0]));
//! ```
//!
//! The modules follow the scanner's layers: `tokens` cuts the
//! text, `words` holds the word lists, `numbers` reads numbers, `phrase` reads a
//! whole figure phrase around one, and `compare` holds the comparisons.
//!
//! Extraction is a hand-written scanner over the document text: the text is cut
//! into word, number and symbol tokens once, and each token is tried as the
//! start of a figure with a bounded look-ahead, so the work is linear in the
//! text. Years, dates and clock times are left to the time stage: a figure
//! overlapping a `DATE`, `TIME` or `SET` expression of [`Document::times`] is
//! dropped, and year-like or date-like numbers are skipped on their own too.
//!
//! [`same_quantity`] says whether two figures count the same thing;
//! [`compatible`] whether their values can both be true given hedges ("at
//! least", "nearly"), ranges and rounding. A conflict between two reports is
//! `same_quantity(a, b) && !compatible(a, b)`. Vague figures ("dozens",
//! "hundreds of") are always compatible.

pub use newsfuse_doc::{Figure, FigureKind, Hedge};
use newsfuse_doc::{Document, Span, TimeExpr, TimeKind};

mod compare;
mod numbers;
mod phrase;
mod tokens;
mod words;

pub use compare::{compatible, quantity_keys, same_quantity};
pub use phrase::singular;
use phrase::parse_figure;
use tokens::tokenize;

/// The figures of a document, sorted by span.
pub fn figures(doc: &Document) -> Vec<Figure> {
    figures_in(&doc.text, &doc.times)
}

/// The figures of a text, given the time expressions found in it (may be empty).
pub fn figures_in(text: &str, times: &[TimeExpr]) -> Vec<Figure> {
    let toks = tokenize(text);
    let mut excluded: Vec<Span> = times
        .iter()
        .filter(|t| t.kind != TimeKind::Duration)
        .map(|t| t.span)
        .collect();
    excluded.sort();
    // The longest excluded span bounds how far back an overlapping one can start.
    let longest = excluded.iter().map(|s| s.len()).max().unwrap_or(0) as u32;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse_figure(text, &toks, i) {
            Some((fig, next)) => {
                let from = excluded.partition_point(|s| s.start.saturating_add(longest) < fig.span.start);
                let overlaps = excluded[from..]
                    .iter()
                    .take_while(|s| s.start < fig.span.end)
                    .any(|s| fig.span.start < s.end && fig_core_overlaps(&fig, *s, text));
                if !overlaps {
                    out.push(fig);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|f| f.span);
    out
}

/// Whether a date/time expression touches the number part of a figure (the
/// span minus the counted noun phrase): "3 days ago" is a DATE and drops the
/// figure; "14 civilians killed on Monday" keeps it.
fn fig_core_overlaps(fig: &Figure, s: Span, _text: &str) -> bool {
    let core_end = match fig.counted_span {
        Some(c) if c.start > fig.span.start => c.start,
        _ => fig.span.end,
    };
    s.start < core_end && fig.span.start < s.end
}

#[cfg(test)]
mod tests;
