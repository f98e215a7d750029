//! newsfuse-time: find TIMEX3-style time expressions in English news text and normalize
//! them to TimeML values against the right anchor (document creation time or the
//! narrative), using tense to pick the past or future occurrence of "Monday" or "March".
//!
//! The tagger is a single linear pass over a byte-offset tokenization: every token gets
//! its lexical class from a static table once, and only tokens with a class (or digits)
//! start pattern matching. No regexes or per-token allocations are involved, which is
//! what makes it several orders of magnitude faster than HeidelTime.
//!
//! ```
//! use newsfuse_time::{tag, Dct, TimexType};
//!
//! let text = "Talks resumed on Monday and will last two weeks.";
//! let dct = Dct { date: (2025, 5, 21), time: None }; // a Wednesday
//! let found = tag(text, Some(&dct));
//! assert_eq!(&text[found[0].start..found[0].end], "Monday");
//! assert_eq!(found[0].value, "2025-05-19");
//! assert_eq!((found[1].kind, found[1].value.as_str()), (TimexType::Duration, "P2W"));
//! ```
//!
//! The grammar is in `parse.rs` and its submodules under `parse/`, one per kind of
//! expression (dates, times, durations, sets, relative, holidays, ...).

pub mod calendar;
pub mod infer;
pub mod lunar;
mod parse;
pub mod timeml;
mod token;

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a relative value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The document creation time.
    Dct,
    /// The expression at this index of the returned vector (narrative time).
    Narrative(usize),
    /// Absolute, or not resolvable.
    None,
}

/// One time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte offsets into the input; `text[start..end]` is the expression.
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    /// TimeML value (2025-05-19, 2025-W20-WE, P3Y, PRESENT_REF, XXXX-05-19, ...).
    pub value: String,
    /// TimeML mod (EARLY, MID, LATE, START, END).
    pub modifier: Option<String>,
    /// For ranges ("May 8-10"): the value of the last day.
    pub range_end: Option<String>,
    pub anchor: Anchor,
}

/// Document creation time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dct {
    pub date: (i32, u32, u32),
    pub time: Option<(u32, u32)>,
}

/// Which occurrence an untensed "Monday" / "in March" means when the sentence carries no
/// tense marker. News mostly reports the past; scheduling text (Duckling's corpus) means
/// the future.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tense {
    #[default]
    Past,
    Future,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub default_tense: Tense,
    /// UTC offset of the DCT in minutes. When set, clock times with a zone ("4pm CET")
    /// are converted to the DCT's zone; when unset (news default), they keep their local
    /// reading, as TimeML annotates them.
    pub utc_offset_min: Option<i32>,
}

/// Tag `text` with news defaults. Without a DCT, relative values stay underspecified
/// (XXXX-WXX-1 for "Monday"); today's date is never used.
pub fn tag(text: &str, dct: Option<&Dct>) -> Vec<Timex> {
    tag_with(text, dct, &Options::default())
}

pub fn tag_with(text: &str, dct: Option<&Dct>, opts: &Options) -> Vec<Timex> {
    parse::run(text, dct, opts)
}

#[cfg(test)]
mod tests;
