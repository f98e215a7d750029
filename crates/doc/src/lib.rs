//! The newsfuse document model.
//!
//! A [`Document`] is one news article: its metadata and its normalized text.
//! Every annotation any stage adds (paragraphs, sentences, tokens, and later
//! time expressions, entities, quotes) is a [`Span`] of byte offsets into
//! [`Document::text`], so a citation can always point at the exact characters
//! of the source.
//!
//! This crate knows nothing about file formats or NLP; it only defines the
//! shapes every other crate agrees on. Its JSON form is documented in
//! `docs/schema.md` and versioned by [`SCHEMA_VERSION`].
//!
//! ```
//! use newsfuse_doc::{Document, EntityLabel, Mention, Span};
//!
//! let mut doc = Document::new("d", Default::default(), "Ana Ruiz spoke. Rain fell.".into());
//! doc.sentences = vec![Span::new(0, 15), Span::new(16, 26)];
//! doc.tokens = vec![Span::new(0, 3), Span::new(4, 8), Span::new(9, 14), Span::new(14, 15)];
//! doc.mentions = vec![Mention { span: Span::new(0, 8), label: EntityLabel::Per, entity: None }];
//! doc.check_spans().unwrap();
//! // Span views: what lies inside a span, by binary search.
//! assert_eq!(doc.tokens_in(doc.sentences[0]).len(), 4);
//! assert_eq!(doc.span_text(doc.mentions_in(doc.sentences[0])[0].span), "Ana Ruiz");
//! assert!(doc.mentions_in(doc.sentences[1]).is_empty());
//! // Spans and labels serialize compactly.
//! let json = serde_json::to_string(&doc.mentions[0]).unwrap();
//! assert_eq!(json, r#"{"span":[0,8],"label":"PER"}"#);
//! ```

use serde::{Deserialize, Serialize};

mod figure;
pub use figure::{Figure, FigureKind, Hedge};

/// Version of the JSON document schema. Bump the minor part for additive
/// changes, the major part for anything that breaks readers.
pub const SCHEMA_VERSION: &str = "newsfuse.document/1.5";

/// A half-open byte range `[start, end)` into a document's text.
///
/// Serialized as a two-element array `[start, end]` because documents carry
/// thousands of token spans and the object form would triple their size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers, or `None` if it does not lie on character
    /// boundaries of `text` (which would mean a bug in the stage that made it).
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.range())
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[u32; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span start {start} is after its end {end}"
            )));
        }
        Ok(Span { start, end })
    }
}

/// Where a document came from: enough to find the bytes again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    /// The input path as given (or `-` for stdin).
    pub path: String,
    /// Which input format the reader recognised.
    pub format: Format,
    /// Position inside a multi-document file: JSONL line number (1-based),
    /// feed item index (1-based) or WARC record index (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    /// The character encoding the bytes were decoded from, and how it was known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Html,
    Jsonl,
    Rss,
    Atom,
    #[serde(rename = "json-feed")]
    JsonFeed,
    Warc,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::JsonFeed => "json-feed",
            Format::Warc => "warc",
        }
    }
}

/// A place-and-agency line that opens many wire stories, e.g.
/// `WASHINGTON/MOSCOW/KYIV (Reuters) -`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Dateline {
    /// The dateline as printed, without the trailing dash.
    pub text: String,
    /// Places, in order: `["WASHINGTON", "MOSCOW", "KYIV"]`.
    pub places: Vec<String>,
    /// The agency in parentheses, if any: `Reuters`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// A date printed in the dateline (`Jan 5`), as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// How a document's publication date was learned. Ordered from most to least
/// trustworthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DateProvenance {
    /// Structured metadata: JSON-LD, `<meta>`, a feed's pubDate, a JSONL field.
    Metadata,
    /// A date printed in the dateline.
    Dateline,
    /// A `/2025/05/19/` style path in the URL.
    Url,
    /// Inferred from the article's own time expressions (time stage).
    TextInferred,
    /// Inferred with evidence from other documents of the same story read with
    /// it: the year they are written in, the day they are dated, the date a
    /// weekday in the lead names.
    StoryInferred,
    /// Not known. `published.date` is then absent: newsfuse never falls back to today.
    #[default]
    Unknown,
}

/// When the document was published, as far as it is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Published {
    /// Calendar date `YYYY-MM-DD`, in the publisher's own time zone when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What is known when the day is not: `YYYY`, `YYYY-MM`, or `XXXX-MM-DD`
    /// (a dateline's month and day, the year unknown). Never set with `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
    /// Full timestamp, RFC 3339 with offset, when the source gave a time of day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datetime: Option<String>,
    /// `YYYY-MM-DD` of the last update the source declares (`dateModified`,
    /// `article:modified_time`, a "Last updated" date), when it declares one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    pub provenance: DateProvenance,
    /// 0..=1; 1.0 for metadata, lower for inferred dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Spans of the text that support an inferred date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}

/// The detected language of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Language {
    /// ISO 639-1 code where one exists (`en`, `es`), else ISO 639-3; `und` when unknown.
    pub code: String,
    /// 0..=1 confidence of the detector.
    pub confidence: f32,
    /// Whether the document was declared in this language by its source
    /// (`<html lang>`, a JSONL `language` field) rather than detected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub declared: bool,
}

/// What a paragraph is: body text, or a section heading inside the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    #[default]
    Body,
    Heading,
    /// A list item.
    Item,
    /// A block quotation.
    Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    #[serde(default, skip_serializing_if = "is_body")]
    pub kind: BlockKind,
}

fn is_body(kind: &BlockKind) -> bool {
    *kind == BlockKind::Body
}

/// The TimeML type of a time expression; serialized as TimeML writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    /// A calendar date or part of one: `2025-05-19`, `2025-05`, `2025-W20`.
    Date,
    /// A time of day: `2025-05-19T10:00`.
    Time,
    /// A length of time: `P3D`.
    Duration,
    /// A recurrence: `every Monday`.
    Set,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "DATE",
            TimeKind::Time => "TIME",
            TimeKind::Duration => "DURATION",
            TimeKind::Set => "SET",
        }
    }

    /// A point or stretch on the calendar (a date or a time of day), as
    /// opposed to a length or a recurrence.
    pub fn is_calendar(self) -> bool {
        matches!(self, TimeKind::Date | TimeKind::Time)
    }
}

/// What a relative time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeAnchor {
    /// The publication date ("on Monday" in a dated report).
    Dct,
    /// The previous expression in the text ("two days later").
    Narrative,
    /// Nothing: absolute, or not resolvable.
    None,
}

/// A time expression (TimeML TIMEX3) found by the time stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimeKind,
    /// TimeML value: `2025-05-19`, `2025-W20-WE`, `P30D`, `PRESENT_REF`, `XXXX-05-19`, ...
    pub value: String,
    /// TimeML `mod`: `EARLY`, `MID`, `LATE`, `START`, `END`, ...
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// For ranges ("May 8-10"): the value of the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_end: Option<String>,
    /// What a relative value was resolved against.
    pub anchor: TimeAnchor,
}

/// The type of a named entity (CoNLL-2003's four), serialized as CoNLL
/// writes it. Variants are in the order of those names, so maps keyed by
/// label iterate as they did when labels were strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum EntityLabel {
    /// A place: a country, city, region, river, building.
    #[serde(rename = "LOC")]
    Loc,
    /// Anything else named: nationalities, events, products, laws.
    #[serde(rename = "MISC")]
    #[default]
    Misc,
    /// An organization: a company, agency, party, team, outlet.
    #[serde(rename = "ORG")]
    Org,
    /// A person.
    #[serde(rename = "PER")]
    Per,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
            EntityLabel::Org => "ORG",
            EntityLabel::Per => "PER",
        }
    }

    /// People and organizations: who can say something.
    pub fn can_speak(self) -> bool {
        matches!(self, EntityLabel::Per | EntityLabel::Org)
    }
}

impl std::str::FromStr for EntityLabel {
    type Err = String;

    /// `PER`, `ORG`, `LOC` or `MISC`.
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "PER" => Ok(EntityLabel::Per),
            "ORG" => Ok(EntityLabel::Org),
            "LOC" => Ok(EntityLabel::Loc),
            "MISC" => Ok(EntityLabel::Misc),
            _ => Err(format!("not an entity label: {s:?} (PER, ORG, LOC or MISC)")),
        }
    }
}

impl std::fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named-entity mention found by the entity stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub label: EntityLabel,
    /// The canonical name of the entity this mention was resolved to across
    /// the documents read together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// A statement attributed to someone (quotes stage), in PolNeAR's terms:
/// Source ("Putin's aide"), Cue ("told reporters"), Content (what was said).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Quote {
    /// What was said: one span, or several when the text interrupts the
    /// statement ("We are ready," he said, "to talk.").
    pub content: Vec<Span>,
    /// `true` for words in quotation marks, `false` for reported speech.
    pub direct: bool,
    /// The attribution verb or phrase: "said", "according to", "wrote in a post".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// Where the text names the speaker here: "Putin", "he", "the Kremlin leader".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
    /// Who that is, resolved to an entity of the batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// How it was said: a post on a named platform, an interview, a statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// When it was said, where the text says ("on Saturday", "in a May 19 post").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<QuoteTime>,
}

/// The resolved speaker of a [`Quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Speaker {
    /// The canonical entity name (the entity's id across the batch); `None`
    /// when the speaker could not be decided, with `candidates` given instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The entity's type, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<EntityLabel>,
    /// How the source was resolved: `name`, `pronoun`, `role`, `previous-quote`.
    pub via: String,
    /// The entities it might be, best first, when `entity` is `None`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

/// The channel of a [`Quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Channel {
    /// `social-post`, `reporters`, `interview`, `statement`, `broadcast`,
    /// `press-conference`, `media`, `letter`, `call`.
    pub kind: String,
    /// The named platform or outlet: "Truth Social", "X", "CNN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub span: Span,
}

/// The time of a [`Quote`]: a time expression of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QuoteTime {
    pub span: Span,
    pub value: String,
}

/// One article, normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    pub schema: String,
    /// Stable id derived from the input: file name, JSONL id, feed guid or URL.
    pub id: String,
    pub origin: Origin,
    /// The publishing outlet (site name, feed title, JSONL `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Authors, one name each, in byline order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub byline: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    pub published: Published,
    pub language: Language,
    /// Agency credit lines moved out of the body: `Reporting by ...; Editing by ...`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
    /// Notes for the reader about how this document was read (non-English,
    /// summary-only feed item, lossy decoding, ...). Stable machine words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// The article body: Unicode NFC, paragraphs separated by a blank line.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Span>,
    /// Named-entity mentions, in text order (entity stage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// Time expressions, in text order (time stage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<TimeExpr>,
    /// Direct and reported statements, in text order of their content (quotes stage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Figures (counts, money, durations, ages, ...), sorted by span (figures stage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Source fields newsfuse does not interpret (JSONL extras), kept verbatim.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    /// A document with the given id and text and everything else empty.
    pub fn new(id: impl Into<String>, origin: Origin, text: String) -> Self {
        Document {
            schema: SCHEMA_VERSION.to_string(),
            id: id.into(),
            origin,
            text,
            ..Default::default()
        }
    }

    /// The text of a span of this document.
    pub fn span_text(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// Index range of the tokens that overlap `span` (a token partly inside
    /// counts). Tokens are sorted and disjoint, so this is two binary searches.
    pub fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        overlapping(&self.tokens, span, |t| *t)
    }

    /// The tokens that overlap `span`.
    pub fn tokens_in(&self, span: Span) -> &[Span] {
        &self.tokens[self.token_range(span)]
    }

    /// Index range of the sentences that overlap `span`.
    pub fn sentence_range(&self, span: Span) -> std::ops::Range<usize> {
        overlapping(&self.sentences, span, |s| *s)
    }

    /// The sentences that overlap `span`.
    pub fn sentences_in(&self, span: Span) -> &[Span] {
        &self.sentences[self.sentence_range(span)]
    }

    /// The index of the paragraph that holds byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| (p.span.end as usize) <= offset);
        self.paragraphs.get(i).filter(|p| p.span.start as usize <= offset).map(|_| i)
    }

    /// The named-entity mentions that overlap `span`.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        &self.mentions[overlapping(&self.mentions, span, |m| m.span)]
    }

    /// The time expressions that overlap `span`.
    pub fn times_in(&self, span: Span) -> &[TimeExpr] {
        &self.times[overlapping(&self.times, span, |t| t.span)]
    }

    /// The statements any of whose content overlaps `span`, in text order.
    /// (Statements may nest and interleave, so this is a scan, not a search.)
    pub fn quotes_in(&self, span: Span) -> impl Iterator<Item = &Quote> + '_ {
        self.quotes.iter().filter(move |q| q.content.iter().any(|c| c.start < span.end && span.start < c.end))
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    pub fn add_flag(&mut self, flag: &str) {
        if !self.has_flag(flag) {
            self.flags.push(flag.to_string());
        }
    }

    /// Checks the invariants every stage relies on: spans inside the text, on
    /// character boundaries, sorted and non-overlapping within each layer.
    pub fn check_spans(&self) -> Result<(), String> {
        let layers: [(&str, Vec<Span>); 5] = [
            ("paragraph", self.paragraphs.iter().map(|p| p.span).collect()),
            ("sentence", self.sentences.clone()),
            ("token", self.tokens.clone()),
            ("time", self.times.iter().map(|t| t.span).collect()),
            ("mention", self.mentions.iter().map(|m| m.span).collect()),
        ];
        for (name, spans) in layers.iter() {
            let mut last_end = 0u32;
            for span in spans {
                if span.slice(&self.text).is_none() {
                    return Err(format!(
                        "{name} span {}..{} is not on character boundaries of a {}-byte text",
                        span.start,
                        span.end,
                        self.text.len()
                    ));
                }
                if span.start < last_end {
                    return Err(format!("{name} span {}..{} overlaps the previous one", span.start, span.end));
                }
                last_end = span.end;
            }
        }
        for figure in &self.figures {
            for span in std::iter::once(&figure.span).chain(&figure.counted_span) {
                if span.slice(&self.text).is_none() {
                    return Err(format!("figure span {}..{} is not inside the text", span.start, span.end));
                }
            }
        }
        for quote in &self.quotes {
            let spans = quote.content.iter().chain(&quote.cue).chain(&quote.source);
            for span in spans.chain(quote.channel.as_ref().map(|c| &c.span)).chain(quote.time.as_ref().map(|t| &t.span)) {
                if span.slice(&self.text).is_none() {
                    return Err(format!("quote span {}..{} is not inside the text", span.start, span.end));
                }
            }
        }
        Ok(())
    }
}

/// Index range of the items of a layer (sorted, disjoint spans) that overlap
/// `span`: two binary searches. An empty `span` strictly inside an item
/// takes that item (a cursor in a word is in the word).
fn overlapping<T>(layer: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> std::ops::Range<usize> {
    let first = layer.partition_point(|x| span_of(x).end <= span.start);
    let end = layer.partition_point(|x| span_of(x).start < span.end);
    first..end.max(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_views_take_what_overlaps() {
        let mut doc = Document::new("a", Origin::default(), "Ana Ruiz spoke. She left.\n\nThen rain.".into());
        doc.paragraphs = vec![
            Paragraph { span: Span::new(0, 25), kind: BlockKind::Body },
            Paragraph { span: Span::new(27, 37), kind: BlockKind::Body },
        ];
        doc.sentences = vec![Span::new(0, 15), Span::new(16, 25), Span::new(27, 37)];
        doc.tokens = vec![Span::new(0, 3), Span::new(4, 8), Span::new(9, 14), Span::new(14, 15), Span::new(16, 19), Span::new(20, 24), Span::new(24, 25)];
        doc.mentions = vec![Mention { span: Span::new(0, 8), label: EntityLabel::Per, entity: None }];
        doc.check_spans().unwrap();
        let words = |spans: &[Span]| spans.iter().map(|s| doc.span_text(*s).to_string()).collect::<Vec<_>>();
        assert_eq!(words(doc.tokens_in(doc.sentences[1])), ["She", "left", "."]);
        // A span that cuts a token takes the whole token.
        assert_eq!(words(doc.tokens_in(Span::new(5, 10))), ["Ruiz", "spoke"]);
        assert_eq!(doc.token_range(Span::new(5, 5)), 1..2);
        assert_eq!(doc.token_range(Span::new(8, 8)), 2..2);
        assert_eq!(words(doc.sentences_in(Span::new(10, 18))), ["Ana Ruiz spoke.", "She left."]);
        assert_eq!(doc.mentions_in(doc.sentences[0]).len(), 1);
        assert!(doc.mentions_in(doc.sentences[1]).is_empty());
        assert!(doc.times_in(doc.sentences[0]).is_empty());
        assert_eq!(doc.paragraph_at(30), Some(1));
        assert_eq!(doc.paragraph_at(26), None);
        assert_eq!(doc.paragraph_at(99), None);
    }

    #[test]
    fn span_serializes_as_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        let back: Span = serde_json::from_str("[3,9]").unwrap();
        assert_eq!(back, s);
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    fn document_round_trips_through_json() {
        let mut doc = Document::new("a", Origin::default(), "Héllo world.".into());
        doc.sentences.push(Span::new(0, 13));
        doc.tokens = vec![Span::new(0, 6), Span::new(7, 12), Span::new(12, 13)];
        doc.published.provenance = DateProvenance::TextInferred;
        let json = serde_json::to_string(&doc).unwrap();
        assert!(json.contains("\"provenance\":\"text-inferred\""));
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.span_text(back.tokens[0]), "Héllo");
        back.check_spans().unwrap();
    }

    #[test]
    fn check_spans_rejects_split_characters() {
        let mut doc = Document::new("a", Origin::default(), "é".into());
        doc.tokens.push(Span::new(0, 1));
        assert!(doc.check_spans().is_err());
    }
}
