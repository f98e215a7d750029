//! Figures: the numbers a report gives ("at least 17 civilians", "a 30-day
//! truce", "$2.5bn"), normalized. The figures stage (`newsfuse-figures`)
//! finds them; they are stored on the [`Document`](crate::Document) so that
//! the cross-document stages compare them without reading the text again.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How the text qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    #[default]
    Exact,
    /// "at least", "no fewer than", "or more", "1,000+"
    AtLeast,
    /// "at most", "no more than"
    AtMost,
    /// "about", "around", "roughly", "some", "approximately", "an estimated", "or so"
    About,
    /// "as many as", "up to"
    UpTo,
    /// "more than", "over"
    MoreThan,
    /// "fewer than", "less than", "under"
    LessThan,
    /// "nearly", "almost", "close to"
    Nearly,
}

/// What kind of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    /// A number of things: "14 civilians", "the 1,000-prisoner exchange".
    #[default]
    Count,
    /// A length of time: "a 30-day truce" (unit `day`).
    Duration,
    /// An amount of money: "$2.5 billion" (unit `USD`).
    Money,
    /// "20 per cent" (value 20, unit `percent`).
    Percent,
    /// "a fifth of", "two-thirds" (value 0.2, 0.666...).
    Fraction,
    /// A physical measure: "12 km", "300 tonnes".
    Measure,
    /// An age: "a 40-year-old man" (unit `year`).
    Age,
}

/// One figure found in a document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Figure {
    /// The whole figure phrase: hedge, number, unit and what it counts.
    pub span: Span,
    /// The normalized number: 1000.0, 30.0, 0.2 for "a fifth", 2.5e9.
    pub value: f64,
    /// The end of a range ("between 10 and 12", "10-12").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    #[serde(default, skip_serializing_if = "is_exact")]
    pub hedge: Hedge,
    /// Normalized unit: `day`, `hour`, `month`, `year`, `percent`, `USD`, `EUR`, `km`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// What it counts, lower-cased and singular: `prisoner of war`, `civilian`, `truce`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub counted: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_span: Option<Span>,
    pub kind: FigureKind,
    /// A vague quantity ("dozens", "hundreds of", "thousands"): `value` is a
    /// rough lower bound and the figure is never in conflict with another.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// What happened to the counted things, when the text says right after
    /// the figure: "14 civilians killed", "17 were injured" (`killed`, `injured`, ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub predicate: String,
}

fn is_exact(hedge: &Hedge) -> bool {
    *hedge == Hedge::Exact
}

